package sim

import (
	"context"
	"errors"
	"reflect"
	"testing"

	"github.com/laborsim/laborsim/economy"
)

// TestRunEachIsRun: RunEach hands on, step by step, the rows Run keeps, and
// stops at the first error of each with that error.
func TestRunEachIsRun(t *testing.T) {
	c := small()
	c.Years = 1
	want := run(t, c)
	var got []economy.Accounts
	if err := RunEach(context.Background(), c, func(a *economy.Accounts) error { got = append(got, *a); return nil }); err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(got, want.Series) {
		t.Error("RunEach's rows differ from Run's")
	}
	stop := errors.New("stop")
	steps := 0
	err := RunEach(context.Background(), c, func(*economy.Accounts) error {
		if steps++; steps == 3 {
			return stop
		}
		return nil
	})
	if !errors.Is(err, stop) || steps != 3 {
		t.Errorf("RunEach returned %v after %d steps; want stop after 3", err, steps)
	}
}

// TestRunAllocationsDoNotGrowWithSteps: a run of three years allocates as
// much as a run of one (the series is allocated once, and no step's row
// escapes to the heap). A row that escaped would add an allocation a step,
// 24 more for the two extra years; the bound leaves half of that to the
// runtime's own (the race detector and a busy machine add a few: 252
// against 249 was seen under -race).
func TestRunAllocationsDoNotGrowWithSteps(t *testing.T) {
	allocs := func(years int) float64 {
		c := DefaultConfig()
		c.Workers, c.Firms, c.AIAgents, c.Years = 2000, 20, 2000, years
		return testing.AllocsPerRun(3, func() {
			if _, err := Run(context.Background(), c); err != nil {
				t.Fatal(err)
			}
		})
	}
	if one, three := allocs(1), allocs(3); three > one+12 {
		t.Errorf("a run of 3 years made %v allocations, one of 1 year %v", three, one)
	}
}

// TestRunRefusesBadConfig: a configuration Validate refuses — here one of
// more steps than memory holds — is an error before anything is sized by
// it.
func TestRunRefusesBadConfig(t *testing.T) {
	c := small()
	c.Years = 1 << 40
	res, err := Run(context.Background(), c)
	var perr *ParamError
	if !errors.As(err, &perr) || perr.Param != "years" || len(res.Series) != 0 {
		t.Errorf("Run with --years %d: %d steps, error %v; want none and --years refused", c.Years, len(res.Series), err)
	}
}
