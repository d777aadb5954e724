package experiments

import (
	"math"
	"math/rand/v2"
	"strconv"
	"strings"
	"testing"

	"github.com/laborsim/laborsim/sim"
)

func TestDesignRanges(t *testing.T) {
	rs, err := DesignRanges([]Axis{mustAxis(t, "sigma=0.3:1.5"), mustAxis(t, "ai-cost-decline=2..40"), mustAxis(t, "workers=100:1000")})
	if err != nil {
		t.Fatal(err)
	}
	want := []Range{{Name: "sigma", Lo: 0.3, Hi: 1.5}, {Name: "ai-cost-decline", Lo: 2, Hi: 40, Log: true}, {Name: "workers", Lo: 100, Hi: 1000, integer: true}}
	for i, r := range rs {
		r.Source = ""
		if r != want[i] {
			t.Errorf("range %d = %+v, want %+v", i, r, want[i])
		}
	}
	if rs[1].String() != "ai-cost-decline=2..40" || rs[0].String() != "sigma=0.3:1.5" {
		t.Errorf("String: %s, %s", rs[0], rs[1])
	}
	for _, c := range []struct{ spec, msg string }{
		{"sigma=0.5,1", "not a list of values"},
		{"sigma=0.5:1.5:0.5", "without a step"},
		{"workers=1:2+firms=1:2", "on its own"},
		{"frictionless=0:1", "takes true or false"},
		{"ai-fleet=0:1", "takes a word"},
		{"sigma=1:1", "LO < HI"},
		{"sigma=2:1", "LO < HI"},
		{"sigma=0..1", "0 < LO < HI"},
		{"sigma=a..1", "must be numbers"},
	} {
		ax, err := ParseVary(c.spec, "invalid --vary "+c.spec)
		if err == nil {
			_, err = DesignRanges([]Axis{ax})
		}
		if err == nil || !strings.Contains(err.Error(), c.msg) || !strings.HasPrefix(err.Error(), "invalid --vary "+c.spec) {
			t.Errorf("%q: %v, want an error naming it, with %q", c.spec, err, c.msg)
		}
	}
	if _, err := DesignRanges([]Axis{mustAxis(t, "sigma=1:2"), mustAxis(t, "sigma=1:3")}); err == nil || !strings.Contains(err.Error(), "already varied") {
		t.Errorf("a parameter varied twice: %v", err)
	}
	if _, err := DesignRanges(nil); err == nil {
		t.Error("a design with no ranges is accepted")
	}
}

func TestRangeAtUnit(t *testing.T) {
	for _, r := range []Range{{Lo: 0.3, Hi: 1.5}, {Lo: 2, Hi: 40, Log: true}} {
		if r.At(0) != r.Lo || r.At(1) != r.Hi {
			t.Errorf("%+v: At(0) = %v, At(1) = %v", r, r.At(0), r.At(1))
		}
		for _, u := range []float64{0.1, 0.5, 0.9} {
			if got := r.Unit(r.At(u)); math.Abs(got-u) > 1e-12 {
				t.Errorf("%+v: Unit(At(%v)) = %v", r, u, got)
			}
		}
	}
	if r := (Range{Lo: 1, Hi: 100, Log: true}); math.Abs(r.At(0.5)-10) > 1e-12 {
		t.Errorf("the middle of 1..100 is %v, want 10", r.At(0.5))
	}
}

// strata counts the points of each column in each of n equal bins.
func strata(t *testing.T, u [][]float64, k int) {
	t.Helper()
	n := len(u)
	for j := range k {
		seen := make([]int, n)
		for _, p := range u {
			if p[j] < 0 || p[j] >= 1 {
				t.Fatalf("column %d has %v, outside [0, 1)", j, p[j])
			}
			seen[int(p[j]*float64(n))]++
		}
		for b, c := range seen {
			if c != 1 {
				t.Errorf("column %d: stratum %d holds %d points, want 1", j, b, c)
			}
		}
	}
}

func TestLatinHypercube(t *testing.T) {
	u := LatinHypercube(3, 20, rand.NewPCG(1, 2))
	if len(u) != 20 || len(u[0]) != 3 {
		t.Fatalf("%d points of %d", len(u), len(u[0]))
	}
	strata(t, u, 3)
	v := LatinHypercube(3, 20, rand.NewPCG(1, 2))
	w := LatinHypercube(3, 20, rand.NewPCG(2, 2))
	same, other := true, true
	for i := range u {
		for j := range u[i] {
			same = same && u[i][j] == v[i][j]
			other = other && u[i][j] == w[i][j]
		}
	}
	if !same || other {
		t.Errorf("same seed gives the same points: %t; another seed gives the same: %t", same, other)
	}
}

// TestSpecLatinHypercube: the design's points are its ranges' strata,
// log ranges in log space and counts whole; seeds are derived as a grid
// point's; the same seed gives the same design and another seed another.
func TestSpecLatinHypercube(t *testing.T) {
	spec := Spec{Vary: []Axis{mustAxis(t, "sigma=0.3:1.5"), mustAxis(t, "ai-cost-decline=2..40"), mustAxis(t, "workers=100:1000")}, Replicates: 2}
	sw, err := spec.LatinHypercube(sim.DefaultConfig(), 10)
	if err != nil {
		t.Fatal(err)
	}
	if len(sw.Points) != 10 || sw.Len() != 20 || strings.Join(sw.Names, " ") != "sigma ai-cost-decline workers" {
		t.Fatalf("%d points, %d runs, names %v", len(sw.Points), sw.Len(), sw.Names)
	}
	rs, _ := DesignRanges(spec.Vary)
	u := make([][]float64, len(sw.Points))
	seeds := map[uint64]bool{}
	for i, p := range sw.Points {
		for _, r := range rs {
			x, err := strconv.ParseFloat(ParamValue(p.Config, r.Name), 64)
			if err != nil || x < r.Lo || x > r.Hi {
				t.Fatalf("point %d: %s = %v outside %s", i, r.Name, x, r)
			}
			u[i] = append(u[i], r.Unit(x))
		}
		if p.Config.Workers != int(math.Round(float64(p.Config.Workers))) || p.Config.Sigma != round6(p.Config.Sigma) {
			t.Errorf("point %d: not rounded: %s", i, p)
		}
		for r := range 2 {
			run := sw.Run(2*i + r)
			if run.Config.Seed != p.Seed(r) || seeds[run.Config.Seed] || run.Config.Seed > MaxSeed {
				t.Errorf("run %d: seed %d, want the point's derived seed %d, once, below 2^53", 2*i+r, run.Config.Seed, p.Seed(r))
			}
			seeds[run.Config.Seed] = true
		}
	}
	strata(t, u[:], 2) // the counts are rounded, so only sigma and the log range fill their strata exactly
	again, _ := spec.LatinHypercube(sim.DefaultConfig(), 10)
	base := sim.DefaultConfig()
	base.Seed = 2
	other, _ := spec.LatinHypercube(base, 10)
	for i := range sw.Points {
		if again.Points[i].String() != sw.Points[i].String() {
			t.Errorf("point %d: %s, then %s", i, sw.Points[i], again.Points[i])
		}
		if other.Points[i].String() == sw.Points[i].String() {
			t.Errorf("point %d is the same with --seed 2", i)
		}
	}
	for _, c := range []struct {
		samples int
		vary    string
		msg     string
	}{
		{0, "sigma=0.3:1.5", "invalid --samples 0: must be in [1, 100000]"},
		{100001, "sigma=0.3:1.5", "invalid --samples 100001"},
		{5, "sigma=0:1.5", "invalid --sigma 0"},
		{5, "sigma=0.3,1.5", "not a list"},
	} {
		s := Spec{Vary: []Axis{mustAxis(t, c.vary)}}
		if _, err := s.LatinHypercube(sim.DefaultConfig(), c.samples); err == nil || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("--samples %d --vary %s: %v, want %q", c.samples, c.vary, err, c.msg)
		}
	}
}
