package experiments

import (
	"errors"
	"fmt"
	"math"
	"math/rand/v2"
	"slices"

	"gonum.org/v1/gonum/stat"
)

// The estimators of global sensitivity analysis, on functions of the unit
// cube [0, 1]^k: Morris's elementary effects and Sobol's variance-based
// indices. They know nothing of the simulator; analysis.go runs their
// designs through the sweep machinery.

// A Trajectory is one of Morris's (1991) paths through the unit cube: k+1
// points on a grid of levels, each step changing one parameter by ±Δ.
type Trajectory struct {
	Points [][]float64 // k+1 points of [0, 1]^k
	Order  []int       // Order[m] is the parameter that step m changes, from Points[m] to Points[m+1]
}

// MorrisDelta is the step Δ = p / (2(p − 1)) of a grid of p levels
// (p even), Morris's choice, which gives every level the same chance.
func MorrisDelta(levels int) float64 { return float64(levels) / (2 * float64(levels-1)) }

// MorrisDesign returns r trajectories for k parameters on a grid of levels
// levels (even, at least 2): the r most spread out (Campolongo,
// Cariboni & Saltelli 2007) of MorrisCandidates(k, r) drawn with rng by
// Morris's (1991) randomised matrix B* = (J x* + (Δ/2)[(2B − J)D* + J])P*:
// a random start x* on the levels below 1 − Δ, a random direction ±Δ for
// each parameter (D*) and a random order of the parameters (P*).
func MorrisDesign(k, levels, r int, rng *rand.Rand) []Trajectory {
	cands := make([]Trajectory, MorrisCandidates(k, r))
	for i := range cands {
		cands[i] = morrisTrajectory(k, levels, rng)
	}
	if len(cands) == r {
		return cands
	}
	return spread(cands, r)
}

// maxSpreadWork bounds the work of choosing trajectories: (candidates ×
// (k+1))² distances of k coordinates each.
const maxSpreadWork = 2e8

// MorrisCandidates is the number of trajectories MorrisDesign draws to
// keep r: ten times r (Campolongo et al. drew 500 to 1000 for r = 4 to
// 10), fewer where the distances between them would take too long, and
// never fewer than r.
func MorrisCandidates(k, r int) int {
	fit := int(math.Sqrt(maxSpreadWork / (float64(k) * float64(k+1) * float64(k+1))))
	return max(r, min(10*r, fit))
}

// morrisTrajectory is one trajectory of Morris's randomised design.
func morrisTrajectory(k, levels int, rng *rand.Rand) Trajectory {
	half := levels / 2 // Δ in levels; starts lie on levels 0 … half−1
	at := func(level int) float64 { return float64(level) / float64(levels-1) }
	start := make([]int, k)
	up := make([]bool, k)
	for i := range k {
		start[i] = rng.IntN(half)
		up[i] = rng.IntN(2) == 0
	}
	order := rng.Perm(k)
	x := make([]float64, k)
	for i := range k {
		if up[i] {
			x[i] = at(start[i])
		} else {
			x[i] = at(start[i] + half)
		}
	}
	t := Trajectory{Points: [][]float64{slices.Clone(x)}, Order: order}
	for _, i := range order {
		if up[i] {
			x[i] = at(start[i] + half)
		} else {
			x[i] = at(start[i])
		}
		t.Points = append(t.Points, slices.Clone(x))
	}
	return t
}

// Distance is Campolongo et al.'s (2007) distance between two
// trajectories: the sum over all pairs of their points of the Euclidean
// distance between them.
func Distance(a, b Trajectory) float64 {
	var d float64
	for _, p := range a.Points {
		for _, q := range b.Points {
			var s float64
			for z := range p {
				s += (p[z] - q[z]) * (p[z] - q[z])
			}
			d += math.Sqrt(s)
		}
	}
	return d
}

// Spread is Campolongo et al.'s measure of a set of trajectories: the
// square root of the sum of the squared distances of every pair.
func Spread(ts []Trajectory) float64 {
	var s float64
	for i := range ts {
		for j := i + 1; j < len(ts); j++ {
			d := Distance(ts[i], ts[j])
			s += d * d
		}
	}
	return math.Sqrt(s)
}

// spread keeps r of the candidates, chosen to make their Spread large:
// Campolongo et al. search every combination, which is out of reach
// beyond a few dozen candidates, so this takes the pair farthest apart,
// then again and again the candidate that adds most to the sum of squared
// distances (ties to the lowest index). The kept trajectories stay in the
// order they were drawn.
func spread(cands []Trajectory, r int) []Trajectory {
	n := len(cands)
	d2 := make([]float64, n*n)
	for i := range n {
		for j := i + 1; j < n; j++ {
			d := Distance(cands[i], cands[j])
			d2[i*n+j], d2[j*n+i] = d*d, d*d
		}
	}
	best, bi, bj := -1.0, 0, 1
	for i := range n {
		for j := i + 1; j < n; j++ {
			if d2[i*n+j] > best {
				best, bi, bj = d2[i*n+j], i, j
			}
		}
	}
	chosen := []int{bi, bj}
	gain := make([]float64, n) // sum of squared distances to the chosen
	for c := range n {
		gain[c] = d2[c*n+bi] + d2[c*n+bj]
	}
	for len(chosen) < r {
		next := -1
		for c := range n {
			if !slices.Contains(chosen, c) && (next < 0 || gain[c] > gain[next]) {
				next = c
			}
		}
		chosen = append(chosen, next)
		for c := range n {
			gain[c] += d2[c*n+next]
		}
	}
	slices.Sort(chosen[:r])
	out := make([]Trajectory, r)
	for i, c := range chosen[:r] {
		out[i] = cands[c]
	}
	return out
}

// ElementaryEffects returns ee[i][t], the elementary effect of parameter i
// in trajectory t: (y[t][m+1] − y[t][m]) / (x_i(m+1) − x_i(m)) for the
// step m that changes i, where y[t] are the outputs at trajectory t's
// points. The step is taken from the points, so a design whose values
// were rounded uses the steps it actually made.
func ElementaryEffects(ts []Trajectory, y [][]float64) ([][]float64, error) {
	if len(ts) == 0 {
		return nil, errors.New("no trajectories")
	}
	k := len(ts[0].Order)
	ee := make([][]float64, k)
	for i := range ee {
		ee[i] = make([]float64, len(ts))
	}
	for t, tr := range ts {
		if len(y[t]) != k+1 {
			return nil, fmt.Errorf("trajectory %d has %d outputs, want %d", t, len(y[t]), k+1)
		}
		for m, i := range tr.Order {
			dx := tr.Points[m+1][i] - tr.Points[m][i]
			if dx == 0 {
				return nil, fmt.Errorf("trajectory %d: step %d does not change parameter %d", t, m+1, i)
			}
			ee[i][t] = (y[t][m+1] - y[t][m]) / dx
		}
	}
	return ee, nil
}

// A MorrisIndex is one parameter's elementary effects summarised: μ* the
// mean of their absolute values (Campolongo et al. 2007), which ranks the
// parameters; μ their mean, whose sign says which way the parameter
// moves the output when it is monotonic; σ their standard deviation,
// large where the effect depends on where it is measured (nonlinearity
// or interactions); and the percentile bootstrap interval of μ* at Level.
type MorrisIndex struct {
	MuStar, Mu, Sigma  float64
	MuStarLo, MuStarHi float64
}

// MorrisIndices summarises each parameter's effects ee[i] (from
// ElementaryEffects), with μ*'s interval from bootstrap resamples of the
// trajectories drawn with rng (NaN when bootstrap is 0). σ is NaN with a
// single trajectory.
func MorrisIndices(ee [][]float64, bootstrap int, rng *rand.Rand) []MorrisIndex {
	out := make([]MorrisIndex, len(ee))
	for i, e := range ee {
		mi := MorrisIndex{MuStar: meanAbs(e), Mu: stat.Mean(e, nil), Sigma: math.NaN(), MuStarLo: math.NaN(), MuStarHi: math.NaN()}
		if len(e) > 1 {
			mi.Sigma = stat.StdDev(e, nil)
		}
		if bootstrap > 0 {
			boot := make([]float64, bootstrap)
			re := make([]float64, len(e))
			for b := range boot {
				for j := range re {
					re[j] = e[rng.IntN(len(e))]
				}
				boot[b] = meanAbs(re)
			}
			mi.MuStarLo, mi.MuStarHi = percentiles(boot)
		}
		out[i] = mi
	}
	return out
}

func meanAbs(x []float64) float64 {
	var s float64
	for _, v := range x {
		s += math.Abs(v)
	}
	return s / float64(len(x))
}

// percentiles is the central Level interval of the bootstrap values:
// their (1 − Level)/2 and (1 + Level)/2 empirical quantiles.
func percentiles(boot []float64) (lo, hi float64) {
	slices.Sort(boot)
	return stat.Quantile((1-Level)/2, stat.Empirical, boot, nil), stat.Quantile((1+Level)/2, stat.Empirical, boot, nil)
}

// SaltelliDesign returns the (k+2)·n points of Saltelli et al.'s (2010)
// design for k parameters and n base samples: for each row j, A_j, then
// B_j, then A_j with its i-th coordinate from B_j, A_B^(i)_j, for i = 1 …
// k. A and B are independent uniform draws from rng (Monte Carlo, so
// that resampling rows is a valid bootstrap; Saltelli et al. prefer
// quasi-random sequences, which converge faster). The rows are drawn in
// turn, A_j then B_j, so the design of more rows begins with the points
// of one of fewer.
func SaltelliDesign(k, n int, rng *rand.Rand) [][]float64 {
	out := make([][]float64, 0, (k+2)*n)
	for range n {
		a, b := make([]float64, k), make([]float64, k)
		for i := range a {
			a[i] = rng.Float64()
		}
		for i := range b {
			b[i] = rng.Float64()
		}
		out = append(out, a, b)
		for i := range k {
			ab := slices.Clone(a)
			ab[i] = b[i]
			out = append(out, ab)
		}
	}
	return out
}

// A SobolIndex is one parameter's variance-based indices: S1, the share
// of the output's variance that the parameter explains alone (first
// order), and ST, the share it takes part in, interactions included
// (total), with their percentile bootstrap intervals at Level.
type SobolIndex struct {
	S1, S1Lo, S1Hi float64
	ST, STLo, STHi float64
}

// SobolIndices estimates the indices from y, the outputs at the points of
// SaltelliDesign(k, n) in its order: S1 by Saltelli et al. (2010, table
// 2 (b)), V_i = (1/n) Σ_j f(B)_j (f(A_B^(i))_j − f(A)_j), and ST by
// Jansen (1999, their table 2 (f)), V_Ti = (1/2n) Σ_j (f(A)_j −
// f(A_B^(i))_j)², each over V(Y), the variance of f(A) and f(B) together.
// f(B) in V_i is centred on the mean of f(A) and f(B): that leaves V_i's
// expectation as it is (f(A_B^(i)) and f(A) have the same mean) and keeps
// its variance from growing with the square of the output's level, which
// for a labour share of 0.6 that moves by 0.01 would swamp it. The
// intervals come from bootstrap resamples of the n rows drawn with rng
// (NaN when bootstrap is 0).
func SobolIndices(k int, y []float64, bootstrap int, rng *rand.Rand) ([]SobolIndex, error) {
	if k < 1 || len(y) == 0 || len(y)%(k+2) != 0 {
		return nil, fmt.Errorf("%d outputs are not rows of %d (A, B and %d mixed points)", len(y), k+2, k)
	}
	n := len(y) / (k + 2)
	rows := make([]int, n)
	for j := range rows {
		rows[j] = j
	}
	s1, st, ok := sobol(k, y, rows)
	if !ok {
		return nil, errors.New("the output does not vary over the design: its variance is 0")
	}
	out := make([]SobolIndex, k)
	for i := range out {
		out[i] = SobolIndex{S1: s1[i], ST: st[i], S1Lo: math.NaN(), S1Hi: math.NaN(), STLo: math.NaN(), STHi: math.NaN()}
	}
	if bootstrap == 0 {
		return out, nil
	}
	b1, bt := make([][]float64, k), make([][]float64, k)
	for range bootstrap {
		for j := range rows {
			rows[j] = rng.IntN(n)
		}
		s1, st, ok := sobol(k, y, rows)
		if !ok {
			continue // a resample of rows whose outputs are all equal
		}
		for i := range k {
			b1[i], bt[i] = append(b1[i], s1[i]), append(bt[i], st[i])
		}
	}
	for i := range out {
		if len(b1[i]) > 0 {
			out[i].S1Lo, out[i].S1Hi = percentiles(b1[i])
			out[i].STLo, out[i].STHi = percentiles(bt[i])
		}
	}
	return out, nil
}

// sobol is the estimate over the given rows (repeats allowed); ok is
// false when the outputs there do not vary.
func sobol(k int, y []float64, rows []int) (s1, st []float64, ok bool) {
	w := k + 2
	fa := func(j int) float64 { return y[j*w] }
	fb := func(j int) float64 { return y[j*w+1] }
	fab := func(j, i int) float64 { return y[j*w+2+i] }
	ab := make([]float64, 0, 2*len(rows))
	for _, j := range rows {
		ab = append(ab, fa(j), fb(j))
	}
	mean, v := stat.PopMeanVariance(ab, nil)
	if !(v > 0) {
		return nil, nil, false
	}
	s1, st = make([]float64, k), make([]float64, k)
	n := float64(len(rows))
	for i := range k {
		var vi, vti float64
		for _, j := range rows {
			vi += (fb(j) - mean) * (fab(j, i) - fa(j))
			d := fa(j) - fab(j, i)
			vti += d * d
		}
		s1[i] = vi / n / v
		st[i] = vti / (2 * n) / v
	}
	return s1, st, true
}

// Ishigami is the Ishigami & Homma (1990) function, the usual test of
// variance-based sensitivity estimators, at the point p of the unit cube
// mapped onto [−π, π]³: sin x1 + a sin² x2 + b x3⁴ sin x1.
func Ishigami(a, b float64, p []float64) float64 {
	x1, x2, x3 := math.Pi*(2*p[0]-1), math.Pi*(2*p[1]-1), math.Pi*(2*p[2]-1)
	return math.Sin(x1) + a*math.Sin(x2)*math.Sin(x2) + b*math.Pow(x3, 4)*math.Sin(x1)
}

// IshigamiIndices are the Ishigami function's first-order and total
// indices in closed form: with V = 1/2 + a²/8 + bπ⁴/5 + b²π⁸/18, the
// parts V1 = (1 + bπ⁴/5)²/2, V2 = a²/8, V3 = 0 and V13 = 8b²π⁸/225 (x1
// and x3 interact; nothing else does), so S1 = (V1, V2, 0)/V and ST =
// (V1 + V13, V2, V13)/V: for a = 7, b = 0.1, S1 = 0.3139, 0.4424, 0 and
// ST = 0.5576, 0.4424, 0.2437.
func IshigamiIndices(a, b float64) (s1, st [3]float64) {
	p4 := math.Pow(math.Pi, 4)
	v := 0.5 + a*a/8 + b*p4/5 + b*b*p4*p4/18
	v1, v2, v13 := 0.5*(1+b*p4/5)*(1+b*p4/5), a*a/8, 8*b*b*p4*p4/225
	return [3]float64{v1 / v, v2 / v, 0}, [3]float64{(v1 + v13) / v, v2 / v, v13 / v}
}
