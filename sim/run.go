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
// with an error naming the step and the quantity.
func Run(ctx context.Context, cfg Config) (Result, error) {
	w, err := New(cfg)
	if err != nil {
		return Result{}, err
	}
	res := Result{Config: cfg, Series: make([]economy.Accounts, 0, cfg.Steps())}
	for range cfg.Steps() {
		if err := ctx.Err(); err != nil {
			return res, err
		}
		// The row is checked where it is kept: a pointer to a local would
		// make every step's row escape to the heap.
		res.Series = append(res.Series, w.Step())
		if err := checkFinite(&res.Series[len(res.Series)-1]); err != nil {
			res.Series = res.Series[:len(res.Series)-1]
			return res, err
		}
	}
	return res, nil
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
