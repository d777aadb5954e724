package validation

import (
	"context"
	"runtime"

	"golang.org/x/sync/errgroup"

	"github.com/laborsim/laborsim/sim"
)

// runAll runs the configurations, at most parallel at once (GOMAXPROCS
// when 0), and returns their results in the configurations' order: each
// run is deterministic in its seed, so the order they finish in does not
// matter. The first run to fail cancels the others and its error is
// returned; so is ctx's, once ctx is cancelled.
func runAll(ctx context.Context, cfgs []sim.Config, parallel int) ([]sim.Result, error) {
	res := make([]sim.Result, len(cfgs))
	err := forEach(ctx, len(cfgs), parallel, func(ctx context.Context, i int) error {
		var err error
		res[i], err = sim.Run(ctx, cfgs[i])
		return err
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}

// forEach calls f for 0, …, n−1, at most limit at once (GOMAXPROCS when
// 0), on an errgroup. The first error cancels the context the other calls
// get, no call starts after it, and forEach returns it once every call
// has returned. A cancelled ctx stops it the same way.
func forEach(ctx context.Context, n, limit int, f func(ctx context.Context, i int) error) error {
	if limit <= 0 {
		limit = runtime.GOMAXPROCS(0)
	}
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(limit)
	for i := range n {
		if gctx.Err() != nil {
			break
		}
		g.Go(func() error {
			// g.Go may have waited for a slot while another call failed.
			if err := gctx.Err(); err != nil {
				return err
			}
			return f(gctx, i)
		})
	}
	if err := g.Wait(); err != nil {
		return err
	}
	return ctx.Err()
}
