package experiments

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// TestMorrisDesign: every step of a trajectory moves the one parameter
// its order names by ±Δ, on the grid of levels, each parameter once; the
// trajectories kept are more spread out than as many drawn at random.
func TestMorrisDesign(t *testing.T) {
	const k, levels, r = 5, 4, 6
	ts := MorrisDesign(k, levels, r, rand.New(rand.NewPCG(1, 2)))
	if len(ts) != r {
		t.Fatalf("%d trajectories, want %d", len(ts), r)
	}
	delta := MorrisDelta(levels)
	for n, tr := range ts {
		if len(tr.Points) != k+1 || !slices.Equal(slices.Sorted(slices.Values(tr.Order)), []int{0, 1, 2, 3, 4}) {
			t.Fatalf("trajectory %d: %d points, order %v", n, len(tr.Points), tr.Order)
		}
		for _, p := range tr.Points {
			for _, x := range p {
				if l := x * (levels - 1); math.Abs(l-math.Round(l)) > 1e-12 || x < 0 || x > 1 {
					t.Fatalf("trajectory %d: %v is not one of %d levels", n, x, levels)
				}
			}
		}
		for m, i := range tr.Order {
			for z := range k {
				d := tr.Points[m+1][z] - tr.Points[m][z]
				if z == i && math.Abs(math.Abs(d)-delta) > 1e-12 || z != i && d != 0 {
					t.Fatalf("trajectory %d step %d moves parameter %d by %v (it changes %d)", n, m, z, d, i)
				}
			}
		}
	}
	random := make([]Trajectory, r)
	rng := rand.New(rand.NewPCG(1, 2))
	for i := range random {
		random[i] = morrisTrajectory(k, levels, rng)
	}
	if Spread(ts) <= Spread(random) {
		t.Errorf("spread of the chosen %v, of the first %d drawn %v", Spread(ts), r, Spread(random))
	}
	if again := MorrisDesign(k, levels, r, rand.New(rand.NewPCG(1, 2))); Spread(again) != Spread(ts) {
		t.Error("the same generator gives another design")
	}
	if MorrisCandidates(5, 6) != 60 || MorrisCandidates(100, 10) < 10 || MorrisCandidates(100, 10) >= 100 {
		t.Errorf("candidates: %d for k=5 r=6, %d for k=100 r=10", MorrisCandidates(5, 6), MorrisCandidates(100, 10))
	}
}

// morrisTest is f(x) = 10 x1 + 5 x2² + x3 + 0·x4 + 3 cos(2π x5). On 4
// levels (Δ = 2/3) its elementary effects are known exactly: x1's are all
// 10; x2's are 5(2x + Δ) for x in {0, 1/3}, 10/3 or 20/3; x3's are 1;
// x4's 0; x5's ±6.75, as cos(2πx) changes by ±1.5 over every step of Δ
// from the levels (0 to 2/3, 1/3 to 1), whose sign depends on the start.
func morrisTest(x []float64) float64 {
	return 10*x[0] + 5*x[1]*x[1] + x[2] + 3*math.Cos(2*math.Pi*x[4])
}

func TestMorrisKnownEffects(t *testing.T) {
	const k, r = 5, 20
	ts := MorrisDesign(k, 4, r, rand.New(rand.NewPCG(3, 4)))
	y := make([][]float64, r)
	for n, tr := range ts {
		for _, p := range tr.Points {
			y[n] = append(y[n], morrisTest(p))
		}
	}
	ee, err := ElementaryEffects(ts, y)
	if err != nil {
		t.Fatal(err)
	}
	mi := MorrisIndices(ee, 500, rand.New(rand.NewPCG(5, 6)))
	near := func(a, b float64) bool { return math.Abs(a-b) < 1e-9 }
	switch {
	case !near(mi[0].MuStar, 10) || !near(mi[0].Mu, 10) || !near(mi[0].Sigma, 0):
		t.Errorf("x1: %+v, want μ* = μ = 10, σ = 0", mi[0])
	case !near(mi[2].MuStar, 1) || !near(mi[2].Sigma, 0):
		t.Errorf("x3: %+v, want μ* = 1, σ = 0", mi[2])
	case !near(mi[3].MuStar, 0) || !near(mi[3].Sigma, 0):
		t.Errorf("x4: %+v, want 0", mi[3])
	case !near(mi[4].MuStar, 6.75) || math.Abs(mi[4].Mu) >= 6.75 || !(mi[4].Sigma > 1):
		t.Errorf("x5: %+v, want μ* = 6.75 with effects of both signs", mi[4])
	case !(mi[1].MuStar > 10.0/3 && mi[1].MuStar < 20.0/3) || !near(mi[1].MuStar, mi[1].Mu):
		t.Errorf("x2: %+v, want μ* = μ between 10/3 and 20/3", mi[1])
	}
	// The ranking by μ*: x1, x5, x2, x3, x4.
	order := []int{0, 1, 2, 3, 4}
	slices.SortStableFunc(order, func(a, b int) int { return -compareFloat(mi[a].MuStar, mi[b].MuStar) })
	if !slices.Equal(order, []int{0, 4, 1, 2, 3}) {
		t.Errorf("ranking %v, want x1, x5, x2, x3, x4", order)
	}
	for i, m := range mi {
		if !(m.MuStarLo <= m.MuStar+1e-12 && m.MuStar <= m.MuStarHi+1e-12) {
			t.Errorf("x%d: μ* %v outside its bootstrap interval [%v, %v]", i+1, m.MuStar, m.MuStarLo, m.MuStarHi)
		}
	}
	if mi[1].MuStarLo >= mi[1].MuStarHi {
		t.Errorf("x2's effects vary, yet its interval is [%v, %v]", mi[1].MuStarLo, mi[1].MuStarHi)
	}
}

func compareFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

func TestElementaryEffectsErrors(t *testing.T) {
	tr := Trajectory{Points: [][]float64{{0, 0}, {0, 0}, {0, 1}}, Order: []int{0, 1}}
	if _, err := ElementaryEffects([]Trajectory{tr}, [][]float64{{1, 2, 3}}); err == nil {
		t.Error("a step that changes nothing is accepted")
	}
	tr.Points[1][0] = 1
	if _, err := ElementaryEffects([]Trajectory{tr}, [][]float64{{1, 2}}); err == nil {
		t.Error("too few outputs are accepted")
	}
}

// TestSaltelliDesign: each A_B^(i) is A with B's i-th coordinate, and a
// design of more rows begins with the design of fewer.
func TestSaltelliDesign(t *testing.T) {
	const k = 3
	u := SaltelliDesign(k, 10, rand.New(rand.NewPCG(7, 8)))
	if len(u) != 50 {
		t.Fatalf("%d points, want 50", len(u))
	}
	for j := range 10 {
		a, b := u[j*5], u[j*5+1]
		for i := range k {
			ab := u[j*5+2+i]
			for z := range k {
				if want := a[z]; z == i && ab[z] != b[z] || z != i && ab[z] != want {
					t.Fatalf("row %d: A_B^(%d) = %v from A %v and B %v", j, i, ab, a, b)
				}
			}
		}
	}
	fewer := SaltelliDesign(k, 4, rand.New(rand.NewPCG(7, 8)))
	for i := range fewer {
		if !slices.Equal(fewer[i], u[i]) {
			t.Fatalf("point %d: %v in the design of 4 rows, %v in that of 10", i, fewer[i], u[i])
		}
	}
}

// TestSobolIshigami holds the estimators to the Ishigami function's
// indices in closed form: within 0.03 at 16,384 rows, each inside its
// 95% bootstrap interval.
func TestSobolIshigami(t *testing.T) {
	s1, st := IshigamiIndices(7, 0.1)
	// The figures everyone quotes (Saltelli et al. 2008, §4.9).
	for i, w := range [][2]float64{{0.3139, 0.5576}, {0.4424, 0.4424}, {0, 0.2437}} {
		if math.Abs(s1[i]-w[0]) > 5e-5 || math.Abs(st[i]-w[1]) > 5e-5 {
			t.Fatalf("closed form x%d: S1 %v ST %v, want %v", i+1, s1[i], st[i], w)
		}
	}
	u := SaltelliDesign(3, 16384, rand.New(rand.NewPCG(1, 1)))
	y := make([]float64, len(u))
	for i, p := range u {
		y[i] = Ishigami(7, 0.1, p)
	}
	got, err := SobolIndices(3, y, 300, rand.New(rand.NewPCG(1, 2)))
	if err != nil {
		t.Fatal(err)
	}
	// The estimates do not depend on the output's level.
	shifted := make([]float64, len(y))
	for i := range y {
		shifted[i] = y[i] + 100
	}
	moved, _ := SobolIndices(3, shifted, 0, nil)
	for i := range moved {
		if math.Abs(moved[i].S1-got[i].S1) > 1e-9 || math.Abs(moved[i].ST-got[i].ST) > 1e-9 {
			t.Errorf("x%d: f + 100 gives S1 %v ST %v, f gives %v %v", i+1, moved[i].S1, moved[i].ST, got[i].S1, got[i].ST)
		}
	}
	for i, g := range got {
		if math.Abs(g.S1-s1[i]) > 0.03 || g.S1Lo > s1[i] || g.S1Hi < s1[i] {
			t.Errorf("x%d: S1 %.4f [%.4f, %.4f], closed form %.4f", i+1, g.S1, g.S1Lo, g.S1Hi, s1[i])
		}
		if math.Abs(g.ST-st[i]) > 0.03 || g.STLo > st[i] || g.STHi < st[i] {
			t.Errorf("x%d: ST %.4f [%.4f, %.4f], closed form %.4f", i+1, g.ST, g.STLo, g.STHi, st[i])
		}
	}
}

func TestSobolErrors(t *testing.T) {
	if _, err := SobolIndices(3, make([]float64, 7), 0, nil); err == nil {
		t.Error("7 outputs for rows of 5 are accepted")
	}
	if _, err := SobolIndices(2, make([]float64, 8), 0, nil); err == nil {
		t.Error("an output that does not vary is accepted")
	}
	got, err := SobolIndices(1, []float64{1, 2, 2, 3, 1, 3}, 0, nil)
	if err != nil || !math.IsNaN(got[0].S1Lo) {
		t.Errorf("no bootstrap: %+v, %v", got, err)
	}
}
