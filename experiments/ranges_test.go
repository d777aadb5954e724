package experiments

import (
	"slices"
	"strings"
	"testing"

	"github.com/laborsim/laborsim/sim"
)

func TestLinearRange(t *testing.T) {
	for _, c := range []struct {
		lo, hi, step float64
		want         []float64
	}{
		{0, 0.4, 0.1, []float64{0, 0.1, 0.2, 0.3, 0.4}},
		{0, 0.3, 0.1, []float64{0, 0.1, 0.2, 0.3}}, // 0.3/0.1 = 2.9999999999999996
		{0.1, 0.7, 0.2, []float64{0.1, 0.3, 0.5, 0.7}},
		{0, 1, 0.3, []float64{0, 0.3, 0.6, 0.9}}, // HI off the grid: stop short of it
		{1, 0, -0.25, []float64{1, 0.75, 0.5, 0.25, 0}},
		{-0.3, 0.3, 0.1, []float64{-0.3, -0.2, -0.1, 0, 0.1, 0.2, 0.3}}, // 0, not 5.6e-17
		{5, 5, 1, []float64{5}},
		{5, 5, -1, []float64{5}},
		{100, 1000, 300, []float64{100, 400, 700, 1000}},
	} {
		got, err := LinearRange(c.lo, c.hi, c.step, MaxPoints)
		if err != nil || !slices.Equal(got, c.want) {
			t.Errorf("LinearRange(%g, %g, %g) = %v, %v; want %v", c.lo, c.hi, c.step, got, err, c.want)
		}
	}
	for _, c := range []struct {
		lo, hi, step float64
		msg          string
	}{
		{0, 1, 0, "the step is 0"},
		{0, 1, -0.1, "negative but HI > LO"},
		{1, 0, 0.1, "positive but HI < LO"},
		{0, 1, 1e-9, "more than the 100000"},
		{0, 1e300, 1e-300, "more than the 100000"},
	} {
		if _, err := LinearRange(c.lo, c.hi, c.step, MaxPoints); err == nil || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("LinearRange(%g, %g, %g): %v, want an error with %q", c.lo, c.hi, c.step, err, c.msg)
		}
	}
}

func TestExpandLinear(t *testing.T) {
	for _, c := range []struct{ name, spec, want string }{
		{"labor-tax", "0:0.4:0.1", "0 0.1 0.2 0.3 0.4"},
		{"labor-tax", " 0 : 0.4 : 0.2 ", "0 0.2 0.4"},
		{"workers", "100:500:200", "100 300 500"},
		{"workers", "1e3:3e3:1e3", "1000 2000 3000"},
	} {
		got, err := expandValues(c.name, c.spec, 1)
		if err != nil || strings.Join(got, " ") != c.want {
			t.Errorf("expandValues(%s, %s) = %v, %v; want %s", c.name, c.spec, got, err, c.want)
		}
	}
}

// TestLinearVaryErrors: bad linear ranges are one line that names the
// flag and the value.
func TestLinearVaryErrors(t *testing.T) {
	for _, c := range []struct{ spec, msg string }{
		{"labor-tax=0:0.4:0", "the step is 0"},
		{"labor-tax=0:0.4:-0.1", "negative but HI > LO"},
		{"labor-tax=0.4:0:0.1", "positive but HI < LO"},
		{"labor-tax=0:1:1e-6", "more than the 100000 a sweep may have"},
		{"labor-tax=0:0.4", "has no step: a grid needs LO:HI:STEP"},
		{"labor-tax=0:a:0.1", `"a" is not a number`},
		{"labor-tax=0:1:2:3", "want LO:HI:STEP"},
		{"workers=1:2:0.5", `"1.5" is not an integer`},
		{"labor-tax=0:2:0.5", "invalid --labor-tax 1.5"},
		{"labor-tax=0:0:1+capital-tax=0:0.2:0.1", "capital-tax has 3 values but labor-tax has 1"},
	} {
		source := "invalid --vary " + c.spec
		ax, err := ParseVary(c.spec, source)
		if err == nil {
			_, err = NewSweep(sim.DefaultConfig(), []Axis{ax}, 1, 1)
		}
		if err == nil || !strings.Contains(err.Error(), c.msg) || !strings.Contains(err.Error(), "--vary "+c.spec) && !strings.Contains(err.Error(), "--labor-tax") {
			t.Errorf("%q: %v, want an error naming the flag, with %q", c.spec, err, c.msg)
		}
		if err != nil && strings.Contains(err.Error(), "\n") {
			t.Errorf("%q: the error is more than one line: %q", c.spec, err)
		}
	}
}

// TestLinearGrid: a linear range makes grid points like a list of the
// same values, seeds included.
func TestLinearGrid(t *testing.T) {
	a, err := NewSweep(sim.DefaultConfig(), []Axis{mustAxis(t, "labor-tax=0:0.3:0.1")}, 1, 2)
	if err != nil {
		t.Fatal(err)
	}
	b, err := NewSweep(sim.DefaultConfig(), []Axis{mustAxis(t, "labor-tax=0,0.1,0.2,0.3")}, 1, 2)
	if err != nil {
		t.Fatal(err)
	}
	if a.Len() != 8 || b.Len() != 8 {
		t.Fatalf("%d and %d runs, want 8", a.Len(), b.Len())
	}
	for i := range a.Len() {
		if a.Run(i).Config != b.Run(i).Config {
			t.Errorf("run %d: %s vs %s", i, Flags(a.Run(i).Config), Flags(b.Run(i).Config))
		}
	}
}

// TestSpecSpan: a scenario file may give a span (for a design) or a
// linear range; a bad one is refused with its file and line.
func TestSpecSpan(t *testing.T) {
	s, err := ParseSpec("x.yaml", []byte("vary:\n  labor-tax: 0:0.4\n  sigma: 0.5:1.5:0.5\n"))
	if err != nil || len(s.Vary) != 2 || s.Vary[0].Specs[0] != "0:0.4" {
		t.Fatalf("%+v, %v", s, err)
	}
	for _, c := range []struct{ text, msg string }{
		{"vary:\n  labor-tax: 0:0.4:0\n", "x.yaml:2: vary: labor-tax: range 0:0.4:0: the step is 0"},
		{"vary:\n  labor-tax: 0.4:0\n", "x.yaml:2: vary: labor-tax: a span needs LO < HI"},
		{"vary:\n  frictionless: 0:1\n", "frictionless takes true or false, not numbers"},
	} {
		if _, err := ParseSpec("x.yaml", []byte(c.text)); err == nil || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("%q: %v, want %q", c.text, err, c.msg)
		}
	}
}
