package experiments

import (
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"sync/atomic"
	"testing"
	"time"

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

// TestExecuteRunFails: a run that fails stops Execute with an error that
// names its point, replicate and seed and wraps the cause; the runs that
// finished still reach done.
func TestExecuteRunFails(t *testing.T) {
	runs := executeRuns(4)
	runs[2].Config.Sigma = 0 // refused by Validate
	var got []int
	err := Execute(t.Context(), runs, 1, func(r Record) error { got = append(got, r.Point); return nil })
	var perr *sim.ParamError
	if !errors.As(err, &perr) || perr.Param != "sigma" || err.Error() != "point 2 replicate 0 (seed 3) failed: invalid --sigma 0: must be in [0.04, 100]" {
		t.Fatalf("Execute returned %v; want run 2's failure, naming it", err)
	}
	if !slices.Equal(got, []int{0, 1}) {
		t.Errorf("runs %v reached done, want 0 and 1 (one job: in order, none after the failure)", got)
	}
}

// TestExecuteDoneFails: the first error from done is Execute's, and done
// is not called again after it, however many runs are in flight; calls
// never overlap.
func TestExecuteDoneFails(t *testing.T) {
	boom := errors.New("boom")
	var calls, inDone atomic.Int32
	err := Execute(t.Context(), executeRuns(8), 4, func(Record) error {
		if inDone.Add(1) != 1 {
			t.Error("two calls of done at once")
		}
		defer inDone.Add(-1)
		time.Sleep(time.Millisecond) // widen the window for an overlap
		if calls.Add(1) == 2 {
			return boom
		}
		return nil
	})
	if !errors.Is(err, boom) || calls.Load() != 2 {
		t.Errorf("Execute returned %v after %d calls of done; want boom after 2", err, calls.Load())
	}
}

// TestForEachStopsAtFirstError: with one call at a time, the call after a
// failure never starts, and the failure is what ForEach returns.
func TestForEachStopsAtFirstError(t *testing.T) {
	boom := errors.New("boom")
	var called []int
	err := ForEach(t.Context(), 5, 1, func(ctx context.Context, i int) error {
		called = append(called, i) // one call at a time: no race
		if i == 2 {
			return boom
		}
		return nil
	})
	if !errors.Is(err, boom) || !slices.Equal(called, []int{0, 1, 2}) {
		t.Errorf("error %v after calls %v; want boom after 0, 1, 2", err, called)
	}
}

// TestForEachCancelsOthers: a failure cancels the context of the calls
// running beside it, and ForEach waits for them to return.
func TestForEachCancelsOthers(t *testing.T) {
	boom := errors.New("boom")
	var started sync.WaitGroup
	started.Add(1)
	var cancelled atomic.Bool
	err := ForEach(t.Context(), 2, 2, func(ctx context.Context, i int) error {
		if i == 0 {
			started.Wait() // fail only once call 1 runs
			return boom
		}
		started.Done()
		select {
		case <-ctx.Done():
			cancelled.Store(true)
			return ctx.Err()
		case <-time.After(time.Minute): // a fallback against a hang, not a measurement
			return nil
		}
	})
	if !errors.Is(err, boom) || !cancelled.Load() {
		t.Errorf("error %v, call 1 cancelled %t; want boom and true", err, cancelled.Load())
	}
}

// TestForEachLimit: the first limit calls block until the test lets them
// go; all of them start, no further one starts while they block (given
// 50 ms to do so), and afterwards the rest run.
func TestForEachLimit(t *testing.T) {
	const n, limit = 9, 3
	var started atomic.Int32
	release := make(chan struct{})
	errc := make(chan error, 1)
	go func() {
		errc <- ForEach(t.Context(), n, limit, func(ctx context.Context, i int) error {
			if started.Add(1) <= limit {
				<-release
			}
			return nil
		})
	}()
	for deadline := time.Now().Add(time.Minute); started.Load() < limit; time.Sleep(time.Millisecond) {
		if time.Now().After(deadline) { // a fallback against a hang, not a measurement
			t.Fatalf("only %d of the first %d calls started", started.Load(), limit)
		}
	}
	time.Sleep(50 * time.Millisecond)
	if got := started.Load(); got != limit {
		t.Errorf("%d calls started while %d were running; want the limit, %d", got, limit, limit)
	}
	close(release)
	if err := <-errc; err != nil || started.Load() != n {
		t.Errorf("error %v after %d calls; want nil after %d", err, started.Load(), n)
	}
}

// TestForEachCancelled: a ctx cancelled before ForEach makes no call and
// returns its error; one cancelled by the last call, once every call has
// returned nil, is complete work and returns nil; one cancelled earlier
// returns its error however the calls in flight end.
func TestForEachCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	calls := 0
	if err := ForEach(ctx, 3, 1, func(context.Context, int) error { calls++; return nil }); !errors.Is(err, context.Canceled) || calls != 0 {
		t.Errorf("on a cancelled context: %v after %d calls; want context.Canceled after none", err, calls)
	}
	for _, at := range []int{2, 3} {
		ctx, cancel := context.WithCancel(t.Context())
		err := ForEach(ctx, 3, 1, func(_ context.Context, i int) error {
			if i+1 == at {
				cancel()
			}
			return nil
		})
		cancel()
		if want := at < 3; errors.Is(err, context.Canceled) != want || (!want && err != nil) {
			t.Errorf("cancelled by call %d of 3: %v", at, err)
		}
	}
}
