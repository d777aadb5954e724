package main

import (
	"fmt"

	"github.com/laborsim/laborsim/experiments"
	"github.com/laborsim/laborsim/sim"
)

// designSweep is the sweep that spec describes: the grid of its values,
// or with design lhs a Latin hypercube of its samples points over its
// spans. The design keys come from the command line or a scenario file;
// an error names the one it came from.
func designSweep(spec experiments.Spec) (experiments.Sweep, error) {
	if err := notSensitivity(spec, "sweep"); err != nil {
		return experiments.Sweep{}, err
	}
	switch spec.Design {
	case "", "grid":
		if spec.Samples != 0 {
			return experiments.Sweep{}, spec.KeyError("samples", spec.Samples, "it sizes a --design lhs; a grid has as many points as its values")
		}
		return spec.Sweep(sim.DefaultConfig())
	case "lhs":
		switch {
		case spec.Samples == 0:
			if src := spec.Given("design"); src != "--design" {
				return experiments.Sweep{}, fmt.Errorf("%s: lhs needs samples: N (or --samples N), the number of points to draw", src)
			}
			return experiments.Sweep{}, fmt.Errorf("--design lhs needs --samples N, the number of points to draw")
		case spec.PerDecade != 0:
			return experiments.Sweep{}, spec.KeyError("per-decade", spec.PerDecade, "it spaces a grid's log ranges; --design lhs samples them")
		}
		return spec.LatinHypercube(sim.DefaultConfig(), spec.Samples)
	}
	// ParseSpec and flagSpec have checked the design.
	return experiments.Sweep{}, fmt.Errorf("invalid --design %q: must be grid or lhs", spec.Design)
}

// notSensitivity refuses a spec given to command that sets a key of
// 'laborsim sensitivity' only.
func notSensitivity(spec experiments.Spec, command string) error {
	for _, key := range []string{"method", "trajectories", "levels", "bootstrap"} {
		if src := spec.Given(key); src != "" {
			return fmt.Errorf("%s: a key of 'laborsim sensitivity', which 'laborsim %s' does not take", src, command)
		}
	}
	return nil
}
