package experiments

import (
	"path/filepath"
	"strings"
	"testing"

	"github.com/laborsim/laborsim/sim"
)

func TestParseSpec(t *testing.T) {
	s, err := ParseSpec("s.yaml", []byte(`
description: |
  A test.
  More.
workers: 1e4
sigma: 0.7
frictionless: true
replicates: 4
per-decade: 2
vary:
  - ai-agents: 1..100
  - labor-tax: [0, 0.3]
    capital-tax: "0,0.1"
`))
	if err != nil {
		t.Fatal(err)
	}
	sw, err := s.Sweep(sim.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	if sw.Replicates != 4 || len(sw.Points) != 10 || sw.Points[0].Config.Workers != 10000 || !sw.Points[0].Config.Frictionless {
		t.Errorf("sweep: %d replicates, %d points, %+v", sw.Replicates, len(sw.Points), sw.Points[0].Config)
	}
	if got := sw.Points[9].String(); got != "ai-agents=100 labor-tax=0.3 capital-tax=0.1" {
		t.Errorf("last point %s", got)
	}
	if s.Description != "A test.\nMore." {
		t.Errorf("description %q", s.Description)
	}
}

// TestSpecErrors: every error names the file, the line and the key.
func TestSpecErrors(t *testing.T) {
	for _, c := range []struct{ yaml, msg string }{
		{"workers: 10\nsigmaa: 2\n", `s.yaml:2: sigmaa: unknown key`},
		{"sigma: abc\n", `s.yaml:1: sigma: "abc" is not a number`},
		{"workers: 1.5\n", `s.yaml:1: workers: "1.5" is not an integer`},
		{"workers: [1, 2]\n", `s.yaml:1: workers: want a single value`},
		{"replicates: 0\n", `s.yaml:1: replicates: 0 must be in`},
		{"per-decade: x\n", `s.yaml:1: per-decade: "x" is not an integer`},
		{"vary:\n  sigma: [1, x]\n", `s.yaml:2: vary: sigma: "x" is not a number`},
		{"vary:\n  nope: 1,2\n", `s.yaml:2: vary: unknown parameter "nope"`},
		{"vary:\n  - sigma: 1,2\n    tfp: 1\n", `s.yaml:2: vary: tfp has 1 values but sigma has 2`},
		{"vary: 3\n", `s.yaml:1: vary: want a mapping`},
		{"sigma: 1\nvary:\n  sigma: 1,2\n", "sigma is both set (s.yaml:1) and varied"},
		{"sigma: 1\nsigma: 2\n", "s.yaml:2: sigma: given twice (first at line 1)"},
		{"- 1\n", "s.yaml:1: want a mapping"},
		{"a: [\n", "s.yaml: yaml:"},
	} {
		_, err := ParseSpec("s.yaml", []byte(c.yaml))
		if err == nil || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("%q: %v, want %q", c.yaml, err, c.msg)
		}
	}
	// A value that parses but is out of range is found when the sweep is
	// built, and still located.
	s, err := ParseSpec("s.yaml", []byte("workers: 10\nsigma: 0\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := s.Sweep(sim.DefaultConfig()); err == nil || !strings.HasPrefix(err.Error(), "s.yaml:2: sigma: invalid --sigma 0") {
		t.Errorf("out of range: %v", err)
	}
}

// TestCombine: later specs override earlier ones.
func TestCombine(t *testing.T) {
	exp, _ := ParseSpec("e", []byte("workers: 1000\nreplicates: 5\nvary:\n  ai-agents: 1..1000\n  sigma: 0.5,1\n"))
	file, _ := ParseSpec("f", []byte("sigma: 2\nvary:\n  ai-agents: 1,2\n"))
	flags := Spec{Settings: []Setting{{"workers", "50", "--workers"}}, Replicates: 2,
		Vary: []Axis{{Names: []string{"tfp"}, Specs: []string{"0.4,0.5"}, Source: "--vary"}}}
	sw, err := Combine(exp, file, flags).Sweep(sim.DefaultConfig())
	if err != nil {
		t.Fatal(err)
	}
	var pts []string
	for _, p := range sw.Points {
		pts = append(pts, p.String())
	}
	if got := strings.Join(pts, "; "); got != "ai-agents=1 tfp=0.4; ai-agents=1 tfp=0.5; ai-agents=2 tfp=0.4; ai-agents=2 tfp=0.5" {
		t.Errorf("points: %s", got)
	}
	c := sw.Points[0].Config
	if c.Workers != 50 || c.Sigma != 2 || sw.Replicates != 2 {
		t.Errorf("workers %d sigma %g replicates %d", c.Workers, c.Sigma, sw.Replicates)
	}
}

// TestNamed: every named experiment loads, has a title and builds a sweep.
func TestNamed(t *testing.T) {
	want := []string{"agents", "cost-decline", "policies", "scale"}
	named := Named()
	if len(named) < len(want) {
		t.Fatalf("%d named experiments", len(named))
	}
	for _, e := range named {
		if e.Title() == "" {
			t.Errorf("%s has no title", e.Name)
		}
		if _, err := e.Spec.Sweep(sim.DefaultConfig()); err != nil {
			t.Errorf("%s: %v", e.Name, err)
		}
	}
	for _, name := range want {
		if _, err := Lookup(name); err != nil {
			t.Error(err)
		}
	}
	agents, _ := Lookup("agents")
	sw, _ := agents.Spec.Sweep(sim.DefaultConfig())
	if len(sw.Points) != 7 || sw.Points[6].Config.AIAgents != 1_000_000 || sw.Points[0].Config.Workers != 1_000_000 {
		t.Errorf("agents: %d points, last %+v", len(sw.Points), sw.Points[6].Config)
	}
	if _, err := Lookup("nope"); err == nil || !strings.Contains(err.Error(), "agents") {
		t.Errorf("Lookup(nope): %v", err)
	}
}

// TestExamples: every scenario file in examples/ loads and builds a sweep.
func TestExamples(t *testing.T) {
	files, _ := filepath.Glob("../examples/*.yaml")
	if len(files) < 3 {
		t.Fatalf("%d example files", len(files))
	}
	for _, f := range files {
		s, err := LoadSpec(f)
		if err == nil {
			_, err = s.Sweep(sim.DefaultConfig())
		}
		if err != nil {
			t.Errorf("%s: %v", f, err)
		}
	}
}

func FuzzParseSpec(f *testing.F) {
	f.Add("workers: 10\nvary:\n  ai-agents: 1..100\n")
	f.Add("vary:\n  - sigma: [1, 2]\n    tfp: [0.5, 0.6]\n")
	f.Add("replicates: 3\nper-decade: 2\nfrictionless: true\n")
	f.Add("design: lhs\nsamples: 4\nvary:\n  sigma: 0.3:1.5\n  ai-agents: 1..1e3\n")
	f.Add("method: sobol\nsamples: 8\nbootstrap: 10\nlevels: 4\ntrajectories: 3\nmetric: gdp\n")
	f.Fuzz(func(t *testing.T, text string) {
		s, err := ParseSpec("f.yaml", []byte(text))
		if err != nil {
			return
		}
		s.Sweep(sim.DefaultConfig()) // must not panic
		if s.Samples <= 64 {
			s.LatinHypercube(sim.DefaultConfig(), s.Samples)
		}
	})
}

// TestSpecDesignKeys: a scenario gives a sweep's design and samples and an
// analysis's method, trajectories, levels and bootstrap as the flags do,
// each checked where it is read and remembered with its line; a later
// spec overrides them.
func TestSpecDesignKeys(t *testing.T) {
	s, err := ParseSpec("s.yaml", []byte("design: lhs\nsamples: 1e3\nmethod: sobol\ntrajectories: 6\nlevels: 8\nbootstrap: 50\nmetric: [gdp]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if s.Design != "lhs" || s.Samples != 1000 || s.Method != "sobol" || s.Trajectories != 6 || s.Levels != 8 || s.Bootstrap != 50 || len(s.Metrics) != 1 {
		t.Errorf("spec %+v", s)
	}
	if got := s.Given("samples"); got != "s.yaml:2: samples" {
		t.Errorf("samples given at %q", got)
	}
	if err := s.KeyError("samples", 1000, "no"); err.Error() != "s.yaml:2: samples: 1000: no" {
		t.Errorf("KeyError from the file: %v", err)
	}
	var flags Spec
	flags.SetKey("samples", 7, "--samples")
	c := Combine(s, flags)
	if c.Samples != 7 || c.Design != "lhs" || c.Given("samples") != "--samples" || c.Given("design") != "s.yaml:1: design" {
		t.Errorf("combined: %+v", c)
	}
	if err := c.KeyError("samples", 7, "no"); err.Error() != "invalid --samples 7: no" {
		t.Errorf("KeyError from a flag: %v", err)
	}
	for _, c := range []struct{ yaml, msg string }{
		{"design: sobol\n", `s.yaml:1: design: "sobol" must be grid or lhs`},
		{"method: fast\n", `s.yaml:1: method: "fast" must be morris or sobol`},
		{"samples: 0\n", `s.yaml:1: samples: 0 must be in [1, 100000]`},
		{"samples: many\n", `s.yaml:1: samples: "many" is not an integer`},
		{"levels: 5\n", `s.yaml:1: levels: 5 must be even, in [2, 100]`},
		{"trajectories: 1\n", `s.yaml:1: trajectories: 1 must be in [2, 10000]`},
		{"bootstrap: 0\n", `s.yaml:1: bootstrap: 0 must be in [1, 100000]`},
		{"design: [lhs]\n", `s.yaml:1: design: want a single value`},
		{"plot: a.png\n", `s.yaml:1: plot: a command-line flag only (--plot)`},
	} {
		_, err := ParseSpec("s.yaml", []byte(c.yaml))
		if err == nil || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("%q: %v, want %q", c.yaml, err, c.msg)
		}
	}
}
