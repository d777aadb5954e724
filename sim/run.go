package sim

import (
	"context"
	"fmt"
	"math"

	"github.com/laborsim/laborsim/economy"
)

// Result is a finished run: its configuration and one row of accounts per
// step.
type Result struct {
	Config Config
	Series []economy.Accounts
}

// Final is the last step's accounts.
func (r Result) Final() economy.Accounts { return r.Series[len(r.Series)-1] }

// Run builds a world from cfg and steps it to the end, stopping early when
// ctx is cancelled. A step that produces a non-finite number stops the run
// with an error naming the step and the quantity. The result holds the
// steps made before the stop.
func Run(ctx context.Context, cfg Config) (Result, error) {
	res := Result{Config: cfg}
	err := RunEach(ctx, cfg, func(a *economy.Accounts) error {
		if res.Series == nil { // cfg is valid now: Steps is no size from bad input
			res.Series = make([]economy.Accounts, 0, cfg.Steps())
		}
		res.Series = append(res.Series, *a)
		return nil
	})
	return res, err
}

// RunEach builds a world from cfg and steps it to the end as Run does,
// handing each step's accounts to each as they are computed; each must
// not keep the pointer. It stops when ctx is cancelled, when each returns
// an error, or at the first non-finite number (Run's error), and returns
// that error.
func RunEach(ctx context.Context, cfg Config, each func(*economy.Accounts) error) error {
	w, err := New(cfg)
	if err != nil {
		return err
	}
	var a economy.Accounts // one for the run: a new one each step would escape to the heap each step
	for range cfg.Steps() {
		if err := ctx.Err(); err != nil {
			return err
		}
		a = w.Step()
		if err := checkFinite(&a); err != nil {
			return err
		}
		if err := each(&a); err != nil {
			return err
		}
	}
	return nil
}

// checkFinite reports the first reported quantity that is NaN or infinite.
func checkFinite(a *economy.Accounts) error {
	for _, col := range economy.Columns {
		if v := col.Value(a); math.IsNaN(v) || math.IsInf(v, 0) {
			return fmt.Errorf("numerical failure at step %d: %s is %v", a.Step, col.Name, v)
		}
	}
	return nil
}
