package experiments

import (
	"cmp"
	"fmt"
	"math"
	"math/rand/v2"
	"reflect"
	"strconv"
	"strings"

	"gonum.org/v1/gonum/mat"
	"gonum.org/v1/gonum/stat/distmv"
	"gonum.org/v1/gonum/stat/samplemv"

	"github.com/laborsim/laborsim/sim"
)

// A Range is the span of one parameter that a sampled design draws from:
// linear (--vary NAME=LO:HI, drawn uniformly) or logarithmic (--vary
// NAME=LO..HI, drawn uniformly in log space). A design's points are
// numbers u in [0, 1] per parameter, which At turns into values.
type Range struct {
	Name   string
	Lo, Hi float64
	Log    bool
	Source string // where it was given, prefixed to its errors

	integer bool // a count: values are rounded to whole numbers
}

// newRange checks a range of the parameter name: numbers, LO < HI, and
// LO > 0 for a log range; the parameter must take numbers.
func newRange(name string, lo, hi float64, log bool) (Range, error) {
	p, ok := lookupParam(name)
	if !ok {
		return Range{}, fmt.Errorf("unknown parameter %q", name)
	}
	kind := kindOf(p)
	switch {
	case kind != reflect.Int && kind != reflect.Float64:
		return Range{}, fmt.Errorf("%s takes %s, not numbers: a design samples numeric parameters only", name, kindName(kind))
	case math.IsNaN(lo) || math.IsNaN(hi) || math.IsInf(lo, 0) || math.IsInf(hi, 0):
		return Range{}, fmt.Errorf("%s: LO and HI must be finite numbers", name)
	case !(lo < hi):
		return Range{}, fmt.Errorf("%s: a span needs LO < HI", name)
	case log && !(lo > 0):
		return Range{}, fmt.Errorf("%s: a log range needs 0 < LO < HI", name)
	}
	return Range{Name: name, Lo: lo, Hi: hi, Log: log, integer: kind == reflect.Int}, nil
}

func kindName(k reflect.Kind) string {
	switch k {
	case reflect.Bool:
		return "true or false"
	case reflect.String:
		return "a word"
	}
	return k.String()
}

// At is the value at u in [0, 1]: Lo + u·(Hi − Lo), or Lo·(Hi/Lo)^u for a
// log range; At(0) is Lo and At(1) is Hi exactly.
func (r Range) At(u float64) float64 {
	switch {
	case u <= 0:
		return r.Lo
	case u >= 1:
		return r.Hi
	case r.Log:
		return math.Exp(math.Log(r.Lo) + u*(math.Log(r.Hi)-math.Log(r.Lo)))
	}
	return r.Lo + u*(r.Hi-r.Lo)
}

// Unit is the inverse of At: where x lies in the range, from 0 at Lo to 1
// at Hi.
func (r Range) Unit(x float64) float64 {
	if r.Log {
		return math.Log(x/r.Lo) / math.Log(r.Hi/r.Lo)
	}
	return (x - r.Lo) / (r.Hi - r.Lo)
}

// value is the canonical value at u, as a point of a design holds it:
// rounded to 6 significant digits (a whole number for a count), so that
// results files stay readable.
func (r Range) value(u float64) string {
	x := r.At(u)
	if r.integer {
		x = math.Round(x)
	} else {
		x = round6(x)
	}
	v, _ := canonical(r.Name, FormatNumber(x)) // a number of the parameter's kind
	return v
}

// String writes the range as --vary takes it: NAME=LO:HI or NAME=LO..HI.
func (r Range) String() string {
	sep := ":"
	if r.Log {
		sep = ".."
	}
	return r.Name + "=" + FormatNumber(r.Lo) + sep + FormatNumber(r.Hi)
}

// DesignRanges reads the axes of a sampled design: each one parameter
// over a span LO:HI or a log range LO..HI. A list, a stepped range
// LO:HI:STEP or parameters varied together (A=…+B=…) are refused: a
// design draws its own values.
func DesignRanges(axes []Axis) ([]Range, error) {
	if len(axes) == 0 {
		return nil, fmt.Errorf("a design needs at least one --vary NAME=LO:HI or NAME=LO..HI")
	}
	var out []Range
	for _, ax := range axes {
		if err := ax.check(); err != nil {
			return nil, err
		}
		if len(ax.Names) != 1 {
			return nil, fmt.Errorf("%s: a design samples each parameter on its own: give each its own --vary, not %s varied together", ax.Source, strings.Join(ax.Names, "+"))
		}
		name := ax.Names[0]
		if indexOf(rangeNames(out), name) >= 0 {
			return nil, fmt.Errorf("%s: %s is already varied by another --vary", ax.Source, name)
		}
		r, err := parseRange(name, ax.Specs[0])
		if err != nil {
			return nil, fmt.Errorf("%s: %w", ax.Source, err)
		}
		r.Source = ax.Source
		out = append(out, r)
	}
	return out, nil
}

func rangeNames(rs []Range) []string {
	names := make([]string, len(rs))
	for i, r := range rs {
		names[i] = r.Name
	}
	return names
}

// parseRange reads LO:HI or LO..HI.
func parseRange(name, spec string) (Range, error) {
	if los, his, ok := strings.Cut(spec, ".."); ok {
		lo, err1 := strconv.ParseFloat(strings.TrimSpace(los), 64)
		hi, err2 := strconv.ParseFloat(strings.TrimSpace(his), 64)
		if err1 != nil || err2 != nil {
			return Range{}, fmt.Errorf("%s: range %s: LO and HI must be numbers", name, spec)
		}
		return newRange(name, lo, hi, true)
	}
	if !isLinear(spec) {
		return Range{}, fmt.Errorf("%s: a design samples a span, LO:HI (linear) or LO..HI (log), not a list of values (%s)", name, spec)
	}
	lo, hi, _, span, err := linearParts(name, spec)
	switch {
	case err != nil:
		return Range{}, err
	case !span:
		return Range{}, fmt.Errorf("%s: a design samples the whole span: give LO:HI without a step, not %s", name, spec)
	}
	return newRange(name, lo, hi, false)
}

// LatinHypercube returns n points of a Latin hypercube in [0, 1)^k, from
// gonum's samplemv.LatinHypercube with its randomness from src: in each
// dimension every one of the n equal strata holds exactly one point.
func LatinHypercube(k, n int, src rand.Source) [][]float64 {
	batch := mat.NewDense(n, k, nil)
	samplemv.LatinHypercube{Q: distmv.NewUnitUniform(k, nil), Src: src}.Sample(batch)
	out := make([][]float64, n)
	for i := range out {
		out[i] = append([]float64(nil), batch.RawRowView(i)...)
	}
	return out
}

// Streams of the PCG generators that draw designs, each seeded with the
// base --seed: one stream per use, so that no two share draws.
const (
	streamLHS       = 0x4c4853 // "LHS"
	streamMorris    = 0x4d4f52 // "MOR"
	streamSobol     = 0x534f42 // "SOB"
	streamBootstrap = 0x424f4f // "BOO"
)

// NewDesign lays a design's points out as a sweep over base: point i has
// each range's value at unit[i] (Range.At, rounded as Range.value says),
// and is run replicates times with seeds derived as a grid point's
// (Point.Seed), so that a design resumes, shards and merges like a grid.
// Every point's configuration is checked.
func NewDesign(base sim.Config, ranges []Range, unit [][]float64, replicates int) (Sweep, error) {
	switch n := len(unit); {
	case replicates < 1 || replicates > MaxReplicates:
		return Sweep{}, fmt.Errorf("invalid --replicates %d: must be in [1, %d]", replicates, MaxReplicates)
	case n > MaxPoints:
		return Sweep{}, fmt.Errorf("the design would have %d points, more than the %d a sweep may have", n, MaxPoints)
	case n*replicates > MaxRuns:
		return Sweep{}, fmt.Errorf("the design would have %d points × %d replicates = %d runs, more than the %d a sweep may have", n, replicates, n*replicates, MaxRuns)
	}
	if err := checkEnds(base, ranges); err != nil {
		return Sweep{}, err
	}
	s := Sweep{Names: rangeNames(ranges), Replicates: replicates, Points: make([]Point, len(unit))}
	for i, u := range unit {
		p := Point{Index: i, Config: base, Vary: make([]Assignment, len(ranges))}
		for j, r := range ranges {
			v := r.value(u[j])
			SetParam(&p.Config, r.Name, v) // canonical values always parse
			p.Vary[j] = Assignment{r.Name, v}
		}
		if err := p.Config.Validate(); err != nil {
			return Sweep{}, fmt.Errorf("design point %d (%s): %w", i, p, err)
		}
		s.Points[i] = p
	}
	return s, nil
}

// checkEnds checks each range's ends over base, so that a range that
// leaves the parameter's bounds is reported with its --vary.
func checkEnds(base sim.Config, ranges []Range) error {
	for _, r := range ranges {
		for _, u := range []float64{0, 1} {
			cfg := base
			SetParam(&cfg, r.Name, r.value(u))
			if err := cfg.Validate(); err != nil {
				return fmt.Errorf("%s: %w", r.Source, err)
			}
		}
	}
	return nil
}

// MaxSamples bounds --samples.
const MaxSamples = MaxPoints

// LatinHypercube builds the spec's sampled design over defaults: samples
// points of a Latin hypercube over its ranges (DesignRanges), drawn by a
// PCG seeded with the base --seed, each run Replicates times. The same
// spec and seed give the same points, so the design resumes from its
// results file and splits into shards as a grid does.
func (s Spec) LatinHypercube(defaults sim.Config, samples int) (Sweep, error) {
	if samples < 1 || samples > MaxSamples {
		return Sweep{}, fmt.Errorf("invalid --samples %d: must be in [1, %d]", samples, MaxSamples)
	}
	base, err := s.Base(defaults)
	if err != nil {
		return Sweep{}, err
	}
	ranges, err := DesignRanges(s.Vary)
	if err != nil {
		return Sweep{}, err
	}
	unit := LatinHypercube(len(ranges), samples, rand.NewPCG(base.Seed, streamLHS))
	sw, err := NewDesign(base, ranges, unit, cmp.Or(s.Replicates, DefaultReplicates))
	if err != nil {
		return Sweep{}, s.locate(err)
	}
	return sw, nil
}
