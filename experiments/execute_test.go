package experiments

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"testing"

	"github.com/laborsim/laborsim/sim"
)

// executeRuns is n runs of a few milliseconds each.
func executeRuns(n int) []Run {
	runs := make([]Run, n)
	for i := range runs {
		c := sim.DefaultConfig()
		c.Workers, c.Firms, c.AIAgents, c.Years, c.Seed = 60, 3, 40, 1, uint64(i+1)
		runs[i] = Run{Index: i, Point: i, Config: c}
	}
	return runs
}

// TestExecuteCancelledNeverSucceeds cancels the context from the done
// callback — so the cancel certainly lands before the sweep ends — after
// each number of finished runs, on one and on several goroutines, many
// times: wherever it lands (during a run, during a run's last step, between
// runs), Execute returns context.Canceled unless every run had finished.
// It used to return nil when no run was in flight to notice (168 of 300
// trials of the command).
func TestExecuteCancelledNeverSucceeds(t *testing.T) {
	const n = 6
	runs := executeRuns(n)
	for _, jobs := range []int{1, 2, 4} {
		for after := 1; after <= n; after++ {
			t.Run(fmt.Sprintf("jobs=%d/cancel-after=%d", jobs, after), func(t *testing.T) {
				for trial := range 20 {
					ctx, cancel := context.WithCancel(context.Background())
					finished := 0
					err := Execute(ctx, runs, jobs, func(Record) error {
						if finished++; finished == after {
							cancel()
						}
						return nil
					})
					cancel()
					switch {
					case finished == n && err != nil:
						t.Fatalf("trial %d: every run finished, yet %v", trial, err)
					case finished < n && !errors.Is(err, context.Canceled):
						t.Fatalf("trial %d: cancelled after %d of %d runs, yet Execute returned %v", trial, finished, n, err)
					case finished < after:
						t.Fatalf("trial %d: %d runs reached done, want at least %d", trial, finished, after)
					}
				}
			})
		}
	}
}

// TestExecuteCancelledBeforeStart: a context cancelled before Execute runs
// nothing and says so.
func TestExecuteCancelledBeforeStart(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	calls := 0
	err := Execute(ctx, executeRuns(3), 2, func(Record) error { calls++; return nil })
	if !errors.Is(err, context.Canceled) || calls != 0 {
		t.Fatalf("Execute on a cancelled context: %v after %d runs", err, calls)
	}
	if err := Execute(ctx, nil, 2, func(Record) error { return nil }); err != nil {
		t.Fatalf("no runs: %v", err)
	}
}

// TestExecuteStopsRunsInFlight: the cancel stops a run in flight at its
// next step; its record never reaches done.
func TestExecuteStopsRunsInFlight(t *testing.T) {
	runs := executeRuns(4)
	runs[0].Config.Years = 1000 // 12000 steps: in flight when the others (12 steps) finish
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	var got []int
	err := Execute(ctx, runs, 4, func(r Record) error {
		got = append(got, r.Point)
		if len(got) == 3 {
			cancel()
		}
		return nil
	})
	if !errors.Is(err, context.Canceled) || len(got) != 3 || slices.Contains(got, 0) {
		t.Fatalf("%v with runs %v; want context.Canceled with runs 1, 2 and 3", err, got)
	}
}
