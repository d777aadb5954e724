package main

import (
	"fmt"

	"github.com/spf13/pflag"

	"github.com/laborsim/laborsim/experiments"
	"github.com/laborsim/laborsim/sim"
)

// designSweep is the sweep that spec and --design describe: the grid of
// its values, or a Latin hypercube of --samples points over its spans.
func designSweep(fs *pflag.FlagSet, spec experiments.Spec, opt sweepOptions) (experiments.Sweep, error) {
	switch opt.design {
	case "grid":
		if fs.Changed("samples") {
			return experiments.Sweep{}, fmt.Errorf("invalid --samples %d: it sizes a --design lhs; a grid has as many points as its values", opt.samples)
		}
		return spec.Sweep(sim.DefaultConfig())
	case "lhs":
		switch {
		case !fs.Changed("samples"):
			return experiments.Sweep{}, fmt.Errorf("--design lhs needs --samples N, the number of points to draw")
		case fs.Changed("per-decade"):
			return experiments.Sweep{}, fmt.Errorf("invalid --per-decade %d: it spaces a grid's log ranges; --design lhs samples them", opt.perDecade)
		}
		return spec.LatinHypercube(sim.DefaultConfig(), opt.samples)
	}
	return experiments.Sweep{}, fmt.Errorf("invalid --design %q: must be grid or lhs", opt.design)
}
