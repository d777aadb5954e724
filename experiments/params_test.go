package experiments

import (
	"regexp"
	"testing"

	"github.com/laborsim/laborsim/sim"
)

// TestColumnsAreDistinct: every column of the results file (and so of a
// series file, which has some of its columns) is snake_case and appears
// once, and every parameter is found by its flag, its snake_case spelling
// and its column.
func TestColumnsAreDistinct(t *testing.T) {
	snake := regexp.MustCompile(`^[a-z][a-z0-9]*(_[a-z0-9]+)*$`)
	seen := map[string]bool{}
	for _, c := range Header() {
		if !snake.MatchString(c) {
			t.Errorf("column %q is not snake_case", c)
		}
		if seen[c] {
			t.Errorf("column %q appears twice", c)
		}
		seen[c] = true
	}
	for _, p := range sim.Params {
		col := ParamColumn(p.Flag)
		for _, name := range []string{p.Flag, col, ParamColumn(col)} {
			if ParamFlag(name) != p.Flag {
				t.Errorf("ParamFlag(%q) = %q, want %q", name, ParamFlag(name), p.Flag)
			}
		}
	}
	if ParamColumn("ai-agents") != "ai_agents" || ParamColumn("ai_price") != "ai_price_start" || ParamFlag("nosuch") != "nosuch" {
		t.Error("ParamColumn or ParamFlag")
	}
}

// TestEitherSpelling: --vary, a scenario's keys and its vary take a
// parameter in kebab-case or snake_case, and either gives the same sweep,
// seeds and all.
func TestEitherSpelling(t *testing.T) {
	kebab, err1 := ParseVary("ai-agents=1,10+firms=2,3", "--vary")
	snake, err2 := ParseVary("ai_agents=1,10+firms=2,3", "--vary")
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	a, err1 := NewSweep(tiny(), []Axis{kebab}, 1, 2)
	b, err2 := NewSweep(tiny(), []Axis{snake}, 1, 2)
	if err1 != nil || err2 != nil {
		t.Fatal(err1, err2)
	}
	for i := range a.Len() {
		if a.Run(i) != b.Run(i) {
			t.Errorf("run %d differs between the spellings", i)
		}
	}
	spec, err := ParseSpec("s.yaml", []byte("ai_object_cap: 5\nsteps-per-year: 4\nvary:\n  ai_cost_decline: [2, 10]\n"))
	if err != nil {
		t.Fatal(err)
	}
	if spec.Settings[0].Name != "ai-object-cap" || spec.Vary[0].Names[0] != "ai-cost-decline" {
		t.Errorf("spec %+v", spec)
	}
}
