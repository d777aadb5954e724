package validation

import (
	"context"

	"github.com/laborsim/laborsim/experiments"
	"github.com/laborsim/laborsim/sim"
)

// runAll runs the configurations, at most parallel at once (GOMAXPROCS
// when 0), and returns their results in the configurations' order: each
// run is deterministic in its seed, so the order they finish in does not
// matter. The first run to fail cancels the others and its error is
// returned; so is ctx's, once ctx is cancelled before every run finished.
func runAll(ctx context.Context, cfgs []sim.Config, parallel int) ([]sim.Result, error) {
	res := make([]sim.Result, len(cfgs))
	err := experiments.ForEach(ctx, len(cfgs), parallel, func(ctx context.Context, i int) error {
		var err error
		res[i], err = sim.Run(ctx, cfgs[i])
		return err
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}
