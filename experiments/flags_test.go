package experiments

import (
	"strings"
	"testing"

	"github.com/laborsim/laborsim/sim"
)

// parseFlags reads the command line Flags writes back over the defaults.
func parseFlags(t *testing.T, line string) sim.Config {
	t.Helper()
	args, ok := strings.CutPrefix(line, "laborsim run")
	if !ok {
		t.Fatalf("%q does not start with laborsim run", line)
	}
	c := sim.DefaultConfig()
	fields := strings.Fields(args)
	for i := 0; i < len(fields); i++ {
		name, ok := strings.CutPrefix(fields[i], "--")
		if !ok {
			t.Fatalf("%q: %q is not a flag", line, fields[i])
		}
		value := "true"
		if n, v, eq := strings.Cut(name, "="); eq {
			name, value = n, v
		} else if !IsSwitch(name) {
			i++
			value = fields[i]
		}
		if err := SetParam(&c, name, value); err != nil {
			t.Fatalf("%q: %v", line, err)
		}
	}
	return c
}

func TestFlags(t *testing.T) {
	if got := Flags(sim.DefaultConfig()); got != "laborsim run" {
		t.Errorf("defaults: %q, want laborsim run", got)
	}
	c := sim.DefaultConfig()
	c.Workers, c.Sigma, c.CapitalPrice, c.Seed, c.Frictionless = 2_000_000, 0.25, 3e6, 1<<60, true
	want := "laborsim run --workers 2000000 --seed 1152921504606846976 --sigma 0.25 --capital-price 3000000 --frictionless"
	if got := Flags(c); got != want {
		t.Errorf("Flags = %q, want %q", got, want)
	}
	if got := parseFlags(t, Flags(c)); got != c {
		t.Errorf("parsed back: %+v, want %+v", got, c)
	}
	if got := (Assignment{"frictionless", "false"}).Flag(); got != "--frictionless=false" {
		t.Errorf("a switch that is off: %q", got)
	}
}

func TestShared(t *testing.T) {
	a, b := sim.DefaultConfig(), sim.DefaultConfig()
	a.Workers, a.Sigma, a.Years = 1000, 2, 3
	b.Workers, b.Sigma, b.Years = 2000, 2, 3
	shared, varied := Shared([]sim.Config{a, b})
	if want := "laborsim run --years 3 --sigma 2"; Flags(shared) != want {
		t.Errorf("shared %q, want %q", Flags(shared), want)
	}
	if len(varied) != 1 || varied[0] != "workers" {
		t.Errorf("varied %v, want [workers]", varied)
	}
}
