package experiments

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"
	"strconv"

	"gonum.org/v1/gonum/stat"

	"github.com/laborsim/laborsim/sim"
)

// Sensitivity analysis of the simulator on the sweep machinery: a
// method's design (sensitivity.go) becomes a sweep whose points are the
// design's, in order, so that it runs in parallel, resumes from its
// results file, splits into shards and merges like any sweep; the
// indices are computed from the records, wherever they came from.

// The methods of an Analysis.
const (
	MethodMorris = "morris"
	MethodSobol  = "sobol"
)

// Defaults and limits of an analysis's settings.
const (
	DefaultTrajectories = 10  // Morris's r; Campolongo et al. used 4 to 10
	DefaultLevels       = 4   // Morris's p; Saltelli et al. 2008 recommend 4
	DefaultSobolSamples = 128 // Sobol's n: (k+2)·n points
	DefaultBootstrap    = 1000
	MaxTrajectories     = 10_000
	MaxLevels           = 100
	MaxBootstrap        = 100_000
)

// An Analysis is a sensitivity analysis: its method, the parameters it
// ranks over their ranges, the size of its design, and the seed that
// draws the design and the bootstrap (the base --seed, from which the
// runs' seeds are derived as in any sweep).
type Analysis struct {
	Method       string
	Ranges       []Range
	Trajectories int // Morris: trajectories r, of k+1 points each
	Levels       int // Morris: levels p of the grid, even
	Samples      int // Sobol: base samples n, of k+2 points each
	Bootstrap    int // resamples behind each interval
	Seed         uint64
}

// Check refuses settings out of range, naming the flag.
func (a Analysis) Check() error {
	k := len(a.Ranges)
	switch {
	case a.Method != MethodMorris && a.Method != MethodSobol:
		return fmt.Errorf("invalid --method %q: must be morris or sobol", a.Method)
	case k == 0:
		return fmt.Errorf("no parameters to rank: give each with --vary NAME=LO:HI (linear) or NAME=LO..HI (log)")
	case a.Bootstrap < 1 || a.Bootstrap > MaxBootstrap:
		return fmt.Errorf("invalid --bootstrap %d: must be in [1, %d]", a.Bootstrap, MaxBootstrap)
	case a.Method == MethodSobol && (a.Samples < 1 || a.Samples > MaxSamples):
		return fmt.Errorf("invalid --samples %d: must be in [1, %d]", a.Samples, MaxSamples)
	case a.Method == MethodSobol && (k+2)*a.Samples > MaxPoints:
		return fmt.Errorf("invalid --samples %d: %d parameters need (%d+2)·%d = %d points, more than the %d a sweep may have", a.Samples, k, k, a.Samples, (k+2)*a.Samples, MaxPoints)
	case a.Method == MethodMorris && (a.Trajectories < 2 || a.Trajectories > MaxTrajectories):
		return fmt.Errorf("invalid --trajectories %d: must be in [2, %d] (σ needs two)", a.Trajectories, MaxTrajectories)
	case a.Method == MethodMorris && (a.Levels < 2 || a.Levels > MaxLevels || a.Levels%2 != 0):
		return fmt.Errorf("invalid --levels %d: must be even, in [2, %d] (Morris's step Δ = p/(2(p−1)) needs p even)", a.Levels, MaxLevels)
	case a.Method == MethodMorris && (k+1)*a.Trajectories > MaxPoints:
		return fmt.Errorf("invalid --trajectories %d: %d parameters need (%d+1)·%d = %d points, more than the %d a sweep may have", a.Trajectories, k, k, a.Trajectories, (k+1)*a.Trajectories, MaxPoints)
	}
	return nil
}

// Design describes the design in words: "Morris, 10 trajectories of 11
// points on 4 levels" or "Sobol (Saltelli 2010), 128 samples of 12
// points".
func (a Analysis) Design() string {
	k := len(a.Ranges)
	if a.Method == MethodSobol {
		return fmt.Sprintf("Sobol (Saltelli 2010), %d samples of %d points", a.Samples, k+2)
	}
	return fmt.Sprintf("Morris, %d trajectories of %d points on %d levels", a.Trajectories, k+1, a.Levels)
}

// design is the method's points in the unit cube, in run order, and for
// Morris its trajectories: trajectory t is points t(k+1) … t(k+1)+k.
func (a Analysis) design() ([][]float64, []Trajectory) {
	k := len(a.Ranges)
	if a.Method == MethodSobol {
		return SaltelliDesign(k, a.Samples, rand.New(rand.NewPCG(a.Seed, streamSobol))), nil
	}
	ts := MorrisDesign(k, a.Levels, a.Trajectories, rand.New(rand.NewPCG(a.Seed, streamMorris)))
	var unit [][]float64
	for _, t := range ts {
		unit = append(unit, t.Points...)
	}
	return unit, ts
}

// Sweep lays the design out as a sweep over base (NewDesign): the same
// analysis gives the same sweep. It refuses a Morris design in which a
// count's range is too narrow for its levels, so that a step rounds to
// no change.
func (a Analysis) Sweep(base sim.Config, replicates int) (Sweep, error) {
	if err := a.Check(); err != nil {
		return Sweep{}, err
	}
	unit, ts := a.design()
	sw, err := NewDesign(base, a.Ranges, unit, replicates)
	if err != nil || ts == nil {
		return sw, err
	}
	if _, err := a.trajectories(sw, ts); err != nil {
		return Sweep{}, err
	}
	return sw, nil
}

// trajectories are the Morris trajectories as sw's points have them:
// their values, rounded, mapped back into the unit cube.
func (a Analysis) trajectories(sw Sweep, ts []Trajectory) ([]Trajectory, error) {
	k := len(a.Ranges)
	out := make([]Trajectory, len(ts))
	for t, tr := range ts {
		out[t].Order = tr.Order
		for m := range k + 1 {
			out[t].Points = append(out[t].Points, a.unitOf(sw.Points[t*(k+1)+m].Config))
		}
		for m, i := range tr.Order {
			if out[t].Points[m+1][i] == out[t].Points[m][i] {
				r := a.Ranges[i]
				return nil, fmt.Errorf("%s: %s is a count, and its %d levels round to the same whole number (%s): widen its range or use fewer --levels",
					r.Source, r.Name, a.Levels, ParamValue(sw.Points[t*(k+1)+m].Config, r.Name))
			}
		}
	}
	return out, nil
}

// unitOf is where cfg's values of the ranges lie in the unit cube.
func (a Analysis) unitOf(cfg sim.Config) []float64 {
	u := make([]float64, len(a.Ranges))
	for i, r := range a.Ranges {
		x, _ := strconv.ParseFloat(ParamValue(cfg, r.Name), 64) // a number: DesignRanges checked the kind
		u[i] = r.Unit(x)
	}
	return u
}

// Sensitivity is an analysis's indices of one metric, one per parameter in
// Ranges order: Morris for MethodMorris, Sobol for MethodSobol.
//
// Morris's elementary effects are changes of the metric per unit of the
// parameter's range scaled to [0, 1] (per whole range; in log space for a
// log range), so effects of parameters in different units compare.
//
// Noise is the standard error of a point's mean metric from the spread of
// its replicates (pooled over the points). Floor is the index a parameter
// without any effect would get from that noise alone. For Morris it is
// the μ* of the noise: each point's noise is stood in for by the scaled
// difference of the two halves of its replicates, √(ab)/R·(mean of the
// first a − mean of the last b), which has the variance of the noise of a
// mean of R (and its distribution, for noise symmetric about 0), and the
// floor is the mean of |its change|/Δ over the trajectories' steps — no
// normal distribution assumed, as a model whose runs now and then land
// far apart does not have one. For Sobol it is the share of the variance
// that is replicate noise, Noise²/V(Y), which Jansen's ST counts in every
// parameter's total. Both are NaN with one replicate.
type Sensitivity struct {
	Analysis
	Metric                   string
	Morris                   []MorrisIndex
	Sobol                    []SobolIndex
	Points, Replicates, Runs int
	Noise, Floor             float64
}

// Rank is the parameters' order, most important first: by μ* (Morris) or
// ST (Sobol), ties in Ranges order.
func (s Sensitivity) Rank() []int {
	key := func(i int) float64 {
		if s.Method == MethodSobol {
			return s.Sobol[i].ST
		}
		return s.Morris[i].MuStar
	}
	order := make([]int, len(s.Ranges))
	for i := range order {
		order[i] = i
	}
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(key(b), key(a)) })
	return order
}

// Analyse computes the indices of metric (a column of the results file)
// from recs, the records of the analysis's sweep sw: each point's metric
// is the mean over its replicates. Every run of sw must be there, so the
// indices of a resumed, sharded or merged analysis are those of one run
// straight through.
func (a Analysis) Analyse(sw Sweep, recs []Record, metric string) (Sensitivity, error) {
	if _, ok := Metric(metric); !ok {
		return Sensitivity{}, fmt.Errorf("unknown metric %q", metric)
	}
	vals, err := pointValues(sw, recs, metric)
	if err != nil {
		return Sensitivity{}, err
	}
	y, noise := means(vals)
	s := Sensitivity{Analysis: a, Metric: metric, Points: len(sw.Points), Replicates: sw.Replicates, Runs: sw.Len(), Noise: noise, Floor: math.NaN()}
	boot := rand.New(rand.NewPCG(a.Seed, streamBootstrap))
	unit, ts := a.design()
	if len(unit) != len(sw.Points) {
		return Sensitivity{}, fmt.Errorf("the sweep has %d points, the design %d", len(sw.Points), len(unit))
	}
	if a.Method == MethodSobol {
		s.Sobol, err = SobolIndices(len(a.Ranges), y, a.Bootstrap, boot)
		if err == nil {
			_, v := stat.PopMeanVariance(y, nil)
			s.Floor = noise * noise / v
		}
		return s, err
	}
	real, err := a.trajectories(sw, ts)
	if err != nil {
		return Sensitivity{}, err
	}
	k := len(a.Ranges)
	yt := make([][]float64, len(ts))
	for t := range yt {
		yt[t] = y[t*(k+1) : (t+1)*(k+1)]
	}
	ee, err := ElementaryEffects(real, yt)
	if err != nil {
		return Sensitivity{}, err
	}
	s.Morris = MorrisIndices(ee, a.Bootstrap, boot)
	s.Floor = noiseFloor(vals, real)
	return s, nil
}

// noiseFloor is the μ* that the replicates' noise alone gives over the
// trajectories' steps (see Sensitivity), NaN with one replicate.
func noiseFloor(vals [][]float64, ts []Trajectory) float64 {
	r := len(vals[0])
	if r < 2 {
		return math.NaN()
	}
	a, b := r/2, r-r/2
	e := make([]float64, len(vals))
	for p, v := range vals {
		e[p] = math.Sqrt(float64(a*b)) / float64(r) * (stat.Mean(v[:a], nil) - stat.Mean(v[a:], nil))
	}
	var sum float64
	var steps int
	for t, tr := range ts {
		at := t * len(tr.Points)
		for m, i := range tr.Order {
			sum += math.Abs((e[at+m+1] - e[at+m]) / (tr.Points[m+1][i] - tr.Points[m][i])) // the step is not 0: trajectories checked it
			steps++
		}
	}
	return sum / float64(steps)
}

// pointValues is each point's metric in each replicate, vals[point]
// [replicate], whatever the order of recs. It refuses records that leave
// a run out or whose metric is not a number.
func pointValues(sw Sweep, recs []Record, metric string) ([][]float64, error) {
	vals := make([][]float64, len(sw.Points))
	have := 0
	for p := range vals {
		vals[p] = make([]float64, sw.Replicates)
		for r := range vals[p] {
			vals[p][r] = math.NaN()
		}
	}
	for _, rec := range recs {
		if rec.Point >= len(sw.Points) || rec.Replicate >= sw.Replicates || !math.IsNaN(vals[rec.Point][rec.Replicate]) {
			continue
		}
		v, _ := rec.Metric(metric)
		if math.IsNaN(v) || math.IsInf(v, 0) {
			return nil, fmt.Errorf("point %d replicate %d: %s is %v", rec.Point, rec.Replicate, metric, v)
		}
		vals[rec.Point][rec.Replicate] = v
		have++
	}
	if have < sw.Len() {
		return nil, fmt.Errorf("%d of the design's %d runs are missing: finish the analysis, or merge its shards' results files and give the merged file", sw.Len()-have, sw.Len())
	}
	return vals, nil
}

// means is each point's mean over its replicates, and the standard error
// of such a mean pooled over the points (NaN with one replicate).
func means(vals [][]float64) ([]float64, float64) {
	y := make([]float64, len(vals))
	var pooled float64
	r := len(vals[0])
	for p, v := range vals {
		y[p] = stat.Mean(v, nil)
		if r > 1 {
			pooled += stat.Variance(v, nil)
		}
	}
	if r < 2 {
		return y, math.NaN()
	}
	return y, math.Sqrt(pooled / float64(len(vals)) / float64(r))
}

// Analysis completes a for the spec over defaults: its ranges are the
// spec's --vary spans (DesignRanges) and its seed the base --seed; the
// sweep runs each point the spec's replicates (1 when not given: more
// trajectories or samples average the noise out as well as replicates do,
// and explore more of the ranges besides). A bad value is reported with
// the file and line it came from.
func (s Spec) Analysis(defaults sim.Config, a Analysis) (Analysis, Sweep, error) {
	base, err := s.Base(defaults)
	if err != nil {
		return a, Sweep{}, err
	}
	if a.Ranges, err = DesignRanges(s.Vary); err != nil {
		return a, Sweep{}, err
	}
	a.Seed = base.Seed
	sw, err := a.Sweep(base, cmp.Or(s.Replicates, 1))
	if err != nil {
		return a, Sweep{}, s.locate(err)
	}
	return a, sw, nil
}
