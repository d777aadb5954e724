package experiments

import (
	"math"
	"math/rand/v2"
	"reflect"
	"strings"
	"testing"

	"github.com/laborsim/laborsim/economy"
	"github.com/laborsim/laborsim/sim"
)

// fakeRecords makes a record of every run of sw whose labor_share is
// f(config) plus noise ±d: +d in even replicates of even points and odd
// replicates of odd points, −d in the others.
func fakeRecords(t *testing.T, sw Sweep, f func(sim.Config) float64, d float64) []Record {
	t.Helper()
	col := -1
	for i, c := range economy.Columns {
		if c.Name == "labor_share" {
			col = i
		}
	}
	recs := make([]Record, sw.Len())
	for i := range recs {
		run := sw.Run(i)
		rec := Record{Point: run.Point, Replicate: run.Replicate, Config: run.Config, Final: make([]float64, len(economy.Columns))}
		rec.Final[col] = f(run.Config) + d*float64(1-2*((run.Replicate+run.Point)%2))
		recs[i] = rec
	}
	return recs
}

// linearShare is sigma + 0.5·ln(ai-cost-decline); labor-tax has no effect.
func linearShare(c sim.Config) float64 { return c.Sigma + 0.5*math.Log(c.AICostDecline) }

func testRanges(t *testing.T) []Range {
	t.Helper()
	rs, err := DesignRanges([]Axis{mustAxis(t, "sigma=0.3:1.5"), mustAxis(t, "ai-cost-decline=2..40"), mustAxis(t, "labor-tax=0:0.4")})
	if err != nil {
		t.Fatal(err)
	}
	return rs
}

// TestAnalyseMorris: on a function linear in each range's scale, μ* is
// exactly the change over the whole range (sigma 1.2, ai-cost-decline
// 0.5·ln 20 in log space, labor-tax 0) whatever the rounding of the
// design's values; the noise of the replicates is measured; the order of
// the records does not matter; a missing run is refused.
func TestAnalyseMorris(t *testing.T) {
	a := Analysis{Method: MethodMorris, Ranges: testRanges(t), Trajectories: 6, Levels: 4, Bootstrap: 200, Seed: 3}
	sw, err := a.Sweep(sim.DefaultConfig(), 2)
	if err != nil {
		t.Fatal(err)
	}
	if len(sw.Points) != 6*4 || sw.Len() != 48 {
		t.Fatalf("%d points, %d runs; want 24, 48", len(sw.Points), sw.Len())
	}
	for i := range sw.Len() {
		if seed := sw.Run(i).Config.Seed; seed > MaxSeed {
			t.Errorf("run %d: seed %d, not below 2^53", i, seed)
		}
	}
	recs := fakeRecords(t, sw, linearShare, 0.01)
	s, err := a.Analyse(sw, recs, "labor_share")
	if err != nil {
		t.Fatal(err)
	}
	want := []float64{1.2, 0.5 * math.Log(20), 0}
	for i, m := range s.Morris {
		if math.Abs(m.MuStar-want[i]) > 1e-9 || math.Abs(m.Sigma) > 1e-9 {
			t.Errorf("%s: μ* %v σ %v, want %v and 0", s.Ranges[i].Name, m.MuStar, m.Sigma, want[i])
		}
	}
	if r := s.Rank(); !reflect.DeepEqual(r, []int{1, 0, 2}) {
		t.Errorf("rank %v, want ai-cost-decline, sigma, labor-tax", r)
	}
	// Each point's noise is ±0.01, of the other sign at the next point: a
	// step of Δ = 2/3 changes it by 0.02, an effect of 0.03.
	if math.Abs(s.Noise-0.01) > 1e-12 || math.Abs(s.Floor-0.03) > 1e-6 {
		t.Errorf("noise %v floor %v, want 0.01 and 0.03", s.Noise, s.Floor)
	}
	shuffled := append([]Record(nil), recs...)
	rand.New(rand.NewPCG(1, 1)).Shuffle(len(shuffled), func(i, j int) { shuffled[i], shuffled[j] = shuffled[j], shuffled[i] })
	if s2, _ := a.Analyse(sw, shuffled, "labor_share"); !reflect.DeepEqual(s, s2) {
		t.Error("the records in another order give other indices")
	}
	if _, err := a.Analyse(sw, recs[1:], "labor_share"); err == nil || !strings.Contains(err.Error(), "1 of the design's 48 runs are missing") {
		t.Errorf("a missing run: %v", err)
	}
	if _, err := a.Analyse(sw, recs, "nope"); err == nil {
		t.Error("an unknown metric is accepted")
	}
	again, _ := a.Sweep(sim.DefaultConfig(), 2)
	for i := range again.Points {
		if again.Points[i].String() != sw.Points[i].String() {
			t.Fatalf("point %d: %s, then %s", i, sw.Points[i], again.Points[i])
		}
	}
}

// TestAnalyseSobol: an additive function's indices are its terms' shares
// of the variance; a parameter without effect has ST exactly 0.
func TestAnalyseSobol(t *testing.T) {
	a := Analysis{Method: MethodSobol, Ranges: testRanges(t), Samples: 512, Bootstrap: 200, Seed: 5}
	sw, err := a.Sweep(sim.DefaultConfig(), 1)
	if err != nil {
		t.Fatal(err)
	}
	if len(sw.Points) != 512*5 {
		t.Fatalf("%d points, want %d", len(sw.Points), 512*5)
	}
	s, err := a.Analyse(sw, fakeRecords(t, sw, linearShare, 0), "labor_share")
	if err != nil {
		t.Fatal(err)
	}
	v1, v2 := 1.2*1.2, 0.25*math.Log(20)*math.Log(20) // variances of the uniform terms, times 12
	want := []float64{v1 / (v1 + v2), v2 / (v1 + v2), 0}
	for i, x := range s.Sobol {
		if math.Abs(x.S1-want[i]) > 0.1 || math.Abs(x.ST-want[i]) > 0.1 || x.STLo > x.ST || x.STHi < x.ST {
			t.Errorf("%s: %+v, want S1 = ST ≈ %.3f", s.Ranges[i].Name, x, want[i])
		}
	}
	if s.Sobol[2].ST != 0 || !math.IsNaN(s.Noise) || !math.IsNaN(s.Floor) {
		t.Errorf("labor-tax ST %v (want 0); one replicate gives noise %v, floor %v (want NaN)", s.Sobol[2].ST, s.Noise, s.Floor)
	}
	if r := s.Rank(); r[0] != 1 || r[2] != 2 {
		t.Errorf("rank %v", r)
	}
}

func TestAnalysisCheck(t *testing.T) {
	rs := testRanges(t)
	ok := Analysis{Method: MethodMorris, Ranges: rs, Trajectories: 10, Levels: 4, Samples: 8, Bootstrap: 10}
	for _, c := range []struct {
		edit func(*Analysis)
		msg  string
	}{
		{func(a *Analysis) { a.Method = "fast" }, `invalid --method "fast": must be morris or sobol`},
		{func(a *Analysis) { a.Levels = 3 }, "invalid --levels 3: must be even"},
		{func(a *Analysis) { a.Levels = 0 }, "invalid --levels 0"},
		{func(a *Analysis) { a.Trajectories = 1 }, "invalid --trajectories 1"},
		{func(a *Analysis) { a.Trajectories = 30000 }, "invalid --trajectories 30000"},
		{func(a *Analysis) { a.Bootstrap = 0 }, "invalid --bootstrap 0"},
		{func(a *Analysis) { a.Method, a.Samples = MethodSobol, 0 }, "invalid --samples 0"},
		{func(a *Analysis) { a.Method, a.Samples = MethodSobol, 30000 }, "(3+2)·30000 = 150000 points"},
		{func(a *Analysis) { a.Ranges = nil }, "no parameters to rank"},
	} {
		a := ok
		c.edit(&a)
		if err := a.Check(); err == nil || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("%+v: %v, want %q", a, err, c.msg)
		}
	}
	if err := ok.Check(); err != nil {
		t.Error(err)
	}
	narrow, _ := DesignRanges([]Axis{mustAxis(t, "firms=10:10.4")})
	a := Analysis{Method: MethodMorris, Ranges: narrow, Trajectories: 4, Levels: 4, Bootstrap: 10}
	if _, err := a.Sweep(sim.DefaultConfig(), 1); err == nil || !strings.Contains(err.Error(), "firms is a count, and its 4 levels round to the same whole number") {
		t.Errorf("a count's narrow range: %v", err)
	}
}
