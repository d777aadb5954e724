package experiments

import (
	"slices"
	"strings"
	"testing"

	"github.com/laborsim/laborsim/sim"
)

func TestLogRange(t *testing.T) {
	for _, c := range []struct {
		lo, hi float64
		per    int
		want   []float64
	}{
		{1, 1e6, 1, []float64{1, 10, 100, 1000, 1e4, 1e5, 1e6}},
		{1, 100, 2, []float64{1, 3.16228, 10, 31.6228, 100}},
		{2, 500, 1, []float64{2, 20, 200, 500}},
		{5, 5, 1, []float64{5}},
	} {
		if got := LogRange(c.lo, c.hi, c.per); !slices.Equal(got, c.want) {
			t.Errorf("LogRange(%g, %g, %d) = %v, want %v", c.lo, c.hi, c.per, got, c.want)
		}
	}
}

func TestExpandValues(t *testing.T) {
	for _, c := range []struct {
		name, spec string
		per        int
		want       string
	}{
		{"ai-agents", "1..1000000", 1, "1 10 100 1000 10000 100000 1000000"},
		{"ai-agents", "1..10", 10, "1 2 3 4 5 6 8 10"}, // rounded, repeats dropped
		{"ai-agents", "1e3,2000", 1, "1000 2000"},
		{"sigma", "0.5, 1,2", 1, "0.5 1 2"},
		{"frictionless", "true,false", 1, "true false"},
		{"ai-cost-decline", "1..100", 2, "1 3.16228 10 31.6228 100"},
	} {
		got, err := expandValues(c.name, c.spec, c.per)
		if err != nil || strings.Join(got, " ") != c.want {
			t.Errorf("expandValues(%s, %s, %d) = %v, %v; want %s", c.name, c.spec, c.per, got, err, c.want)
		}
	}
}

func TestParseVaryErrors(t *testing.T) {
	for _, c := range []struct{ spec, msg string }{
		{"nope=1,2", `unknown parameter "nope"`},
		{"sigma", "want NAME="},
		{"sigma=", "want NAME="},
		{"seed=1,2", "seed cannot be varied"},
		{"sigma=1+sigma=2", "sigma is given twice"},
	} {
		_, err := ParseVary(c.spec, "invalid --vary "+c.spec)
		if err == nil || !strings.Contains(err.Error(), c.msg) || !strings.HasPrefix(err.Error(), "invalid --vary "+c.spec) {
			t.Errorf("ParseVary(%q) = %v, want an error with %q", c.spec, err, c.msg)
		}
	}
	for _, c := range []struct{ spec, msg string }{
		{"sigma=a,1", `"a" is not a number`},
		{"ai-agents=0..10", "0 < LO <= HI"},
		{"ai-agents=10..1", "0 < LO <= HI"},
		{"ai-agents=1.5", "not an integer"},
		{"workers=10,100+firms=1", "firms has 1 values but workers has 2"},
		{"sigma=0,1", "invalid --sigma 0"},
	} {
		ax, err := ParseVary(c.spec, "--vary")
		if err == nil {
			_, err = NewSweep(sim.DefaultConfig(), []Axis{ax}, 1, 1)
		}
		if err == nil || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("%q: %v, want an error with %q", c.spec, err, c.msg)
		}
	}
}

func TestSplitPlus(t *testing.T) {
	got := splitPlus("workers=1e+06,2+firms=1..10")
	if want := []string{"workers=1e+06,2", "firms=1..10"}; !slices.Equal(got, want) {
		t.Errorf("splitPlus = %q, want %q", got, want)
	}
}

func mustAxis(t *testing.T, spec string) Axis {
	t.Helper()
	ax, err := ParseVary(spec, "--vary "+spec)
	if err != nil {
		t.Fatal(err)
	}
	return ax
}

// TestGrid: the first axis varies slowest; an axis of several parameters
// moves them together.
func TestGrid(t *testing.T) {
	s, err := NewSweep(sim.DefaultConfig(),
		[]Axis{mustAxis(t, "sigma=0.5,1"), mustAxis(t, "workers=100,1000+firms=1,10")}, 1, 2)
	if err != nil {
		t.Fatal(err)
	}
	var got []string
	for _, p := range s.Points {
		got = append(got, p.String())
	}
	want := []string{
		"sigma=0.5 workers=100 firms=1", "sigma=0.5 workers=1000 firms=10",
		"sigma=1 workers=100 firms=1", "sigma=1 workers=1000 firms=10",
	}
	if !slices.Equal(got, want) {
		t.Errorf("points %q, want %q", got, want)
	}
	if p := s.Points[3].Config; p.Sigma != 1 || p.Workers != 1000 || p.Firms != 10 {
		t.Errorf("point 3 config %+v", p)
	}
	if s.Len() != 8 || s.Run(7).Point != 3 || s.Run(7).Replicate != 1 {
		t.Errorf("Len %d, Run(7) %+v", s.Len(), s.Run(7))
	}
	if !slices.Equal(s.Names, []string{"sigma", "workers", "firms"}) {
		t.Errorf("Names %v", s.Names)
	}
}

// TestSeeds: every run has its own seed, which depends on the base seed
// and the point's values, not on the point's place in the grid.
func TestSeeds(t *testing.T) {
	base := sim.DefaultConfig()
	a, _ := NewSweep(base, []Axis{mustAxis(t, "ai-agents=1..1000")}, 1, 3)
	b, _ := NewSweep(base, []Axis{mustAxis(t, "ai-agents=100,1000,5")}, 1, 3)
	seen := map[uint64]bool{}
	for i := range a.Len() {
		s := a.Run(i).Config.Seed
		if s > MaxSeed {
			t.Errorf("seed %d is not below 2^53: a float64 reads it as %.0f", s, float64(s))
		}
		if seen[s] {
			t.Fatalf("seed %d repeats", s)
		}
		seen[s] = true
	}
	if a.Run(2*3+1).Config.Seed != b.Run(0*3+1).Config.Seed {
		t.Error("ai-agents=100 replicate 1 has another seed in another grid")
	}
	base.Seed = 2
	c, _ := NewSweep(base, []Axis{mustAxis(t, "ai-agents=1..1000")}, 1, 3)
	if c.Run(0).Config.Seed == a.Run(0).Config.Seed {
		t.Error("--seed does not change the derived seeds")
	}
}

func TestShards(t *testing.T) {
	for _, n := range []int{1, 2, 3, 7} {
		count := make([]int, 20)
		for i := 1; i <= n; i++ {
			for r := range count {
				if (Shard{i, n}).Has(r) {
					count[r]++
				}
			}
		}
		for r, c := range count {
			if c != 1 {
				t.Errorf("%d shards: run %d is in %d shards", n, r, c)
			}
		}
	}
	for _, s := range []string{"3/2", "-1/2", "1", "a/b", "0/0", "1/0"} {
		if _, err := ParseShard(s); err == nil {
			t.Errorf("ParseShard(%q) accepted", s)
		}
	}
	if _, err := ParseShard("0/3"); err == nil || err.Error() != "shard 0/3: shards count from 1 (1/3 … 3/3)" {
		t.Errorf("ParseShard(0/3): %v", err)
	}
	if sh, err := ParseShard("1/4"); err != nil || sh != (Shard{1, 4}) || !sh.Has(0) || sh.Has(1) || !sh.Has(4) {
		t.Errorf("ParseShard(1/4) = %v, %v", sh, err)
	}
	if sh, _ := ParseShard("4/4"); !sh.Has(3) || sh.Has(0) {
		t.Errorf("shard 4/4 does not hold run 3 alone of 0..3")
	}
}

// FuzzParseVary: any --vary value is refused or makes a grid, a design
// or neither, without a panic; a linear range's values lie between its
// ends.
func FuzzParseVary(f *testing.F) {
	for _, s := range []string{"ai-agents=1..1000000", "sigma=0.5,1", "workers=1,2+firms=1,1", "x=", "=1", "a=1..", "..=", "sigma=1e400",
		"labor-tax=0:0.4:0.1", "labor-tax=0:0.4", "sigma=2:0.5:-0.5", "workers=1:1e9:1", "labor-tax=0:1:0", ":", "sigma=::", "sigma=1:1e-320:-1e-320"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		ax, err := ParseVary(s, "--vary")
		if err != nil {
			return
		}
		NewSweep(sim.DefaultConfig(), []Axis{ax}, 3, 1) // must not panic
		if rs, err := DesignRanges([]Axis{ax}); err == nil {
			NewDesign(sim.DefaultConfig(), rs, [][]float64{{0}, {0.5}, {1}}, 1)
		}
		if len(ax.Names) == 1 && isLinear(ax.Specs[0]) {
			lo, hi, step, span, err := linearParts(ax.Names[0], ax.Specs[0])
			if err != nil || span {
				return
			}
			xs, err := LinearRange(lo, hi, step, MaxPoints)
			for _, x := range xs {
				if x < min(lo, hi)-1e-9*max(abs(lo), abs(hi)) || x > max(lo, hi)+1e-9*max(abs(lo), abs(hi)) {
					t.Fatalf("LinearRange(%g, %g, %g) has %g", lo, hi, step, x)
				}
			}
			if err == nil && (len(xs) == 0 || len(xs) > MaxPoints) {
				t.Fatalf("LinearRange(%g, %g, %g) has %d values", lo, hi, step, len(xs))
			}
		}
	})
}

func abs(x float64) float64 { return max(x, -x) }

func TestLargestFirst(t *testing.T) {
	s, _ := NewSweep(sim.DefaultConfig(), []Axis{mustAxis(t, "workers=10,1000,100")}, 1, 2)
	runs := make([]Run, s.Len())
	for i := range runs {
		runs[i] = s.Run(i)
	}
	LargestFirst(runs)
	var got []int
	for _, r := range runs {
		got = append(got, r.Index)
	}
	if want := []int{2, 3, 4, 5, 0, 1}; !slices.Equal(got, want) {
		t.Errorf("order %v, want %v", got, want)
	}
}

// FuzzParseShard: any text is either a shard i/n with 1 <= i <= n or an
// error; never a panic.
func FuzzParseShard(f *testing.F) {
	for _, s := range []string{"0/2", "1/1", "3/2", "-1/4", "a/b", "1/0", "", "/", "9999999999999999999/2"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		sh, err := ParseShard(s)
		if err == nil && (sh.Number < 1 || sh.Number > sh.Count) {
			t.Fatalf("ParseShard(%q) = %+v", s, sh)
		}
	})
}

// TestSeedsBelow2p53: every derived seed, over many points and replicates
// and base seeds as large as a uint64 holds, is below 2^53 and survives a
// round trip through float64 (as R, pandas and DuckDB read it), and mix53
// is one-to-one (no two inputs of a sample share a seed).
func TestSeedsBelow2p53(t *testing.T) {
	seen := map[uint64]bool{}
	for _, base := range []uint64{0, 1, 1<<53 + 1, 1<<64 - 1} {
		cfg := sim.DefaultConfig()
		cfg.Seed = base
		s, err := NewSweep(cfg, []Axis{mustAxis(t, "ai-agents=1..1000000")}, 20, 50)
		if err != nil {
			t.Fatal(err)
		}
		for i := range s.Len() {
			seed := s.Run(i).Config.Seed
			if seed > MaxSeed || uint64(float64(seed)) != seed {
				t.Fatalf("base %d run %d: seed %d does not survive float64", base, i, seed)
			}
			if seen[seed] {
				t.Fatalf("seed %d repeats", seed)
			}
			seen[seed] = true
		}
	}
}
