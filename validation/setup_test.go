package validation

import (
	"os"
	"strings"
	"testing"

	"github.com/laborsim/laborsim/experiments"
	"github.com/laborsim/laborsim/sim"
)

// parseFlags reads a command line of 'laborsim run' back over the
// defaults with experiments.SetParam.
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
		} else if !experiments.IsSwitch(name) {
			i++
			value = fields[i]
		}
		if err := experiments.SetParam(&c, name, value); err != nil {
			t.Fatalf("%q: %v", line, err)
		}
	}
	return c
}

// TestSetupIsTheRuns parses each check's printed flags back and holds them
// to the configurations the check runs: each run is the parsed flags with
// the parameters its Setup describes as varying set, and those parameters
// are exactly the ones that differ between the runs.
func TestSetupIsTheRuns(t *testing.T) {
	small := Options{Workers: 2000, Firms: 20, Replicates: 3, ScaleYears: 3, Seed: 9}
	for _, o := range []Options{DefaultOptions(), small} {
		for _, c := range Checks(o) {
			setup := c.Setup()
			if len(c.Runs) == 0 {
				// Only a check of the estimators runs no simulation, and
				// its setup says so.
				if c.Name != "sobol-ishigami" || !strings.HasPrefix(setup, "no simulation: ") {
					t.Fatalf("%s: no runs, setup %q", c.Name, setup)
				}
				continue
			}
			if !strings.HasPrefix(setup, c.Flags()) {
				t.Errorf("%s: setup %q does not start with its flags %q", c.Name, setup, c.Flags())
			}
			shared := parseFlags(t, c.Flags())
			_, varied := experiments.Shared(c.Runs)
			for _, name := range varied {
				if _, ok := c.vary[name]; !ok || !strings.Contains(setup, " --"+name+" ") {
					t.Errorf("%s: %s differs between the runs but the setup does not describe it: %q", c.Name, name, setup)
				}
			}
			if len(c.vary) != len(varied) {
				t.Errorf("%s: describes %d varying parameters, the runs vary %v", c.Name, len(c.vary), varied)
			}
			for i, run := range c.Runs {
				want := shared
				for _, name := range varied {
					if err := experiments.SetParam(&want, name, experiments.ParamValue(run, name)); err != nil {
						t.Fatal(err)
					}
				}
				if want != run {
					t.Errorf("%s run %d: the printed flags give\n%s\nbut the check runs\n%s", c.Name, i, experiments.Flags(want), experiments.Flags(run))
				}
			}
		}
	}
}

// TestDocShowsSetups holds docs/VALIDATION.md to the setups and the limit's
// flags the command prints at its published sizes.
func TestDocShowsSetups(t *testing.T) {
	data, err := os.ReadFile("../docs/VALIDATION.md")
	if err != nil {
		t.Fatal(err)
	}
	doc := string(data)
	for _, c := range Checks(DefaultOptions()) {
		if line := "  runs:   " + c.Setup() + "\n"; !strings.Contains(doc, line) {
			t.Errorf("docs/VALIDATION.md does not show the setup of %s:\n%s", c.Name, line)
		}
	}
	if joined := strings.ReplaceAll(doc, " \\\n  ", " "); !strings.Contains(joined, LimitFlags()+" ") {
		t.Errorf("docs/VALIDATION.md does not show the limit's flags %q", LimitFlags())
	}
}
