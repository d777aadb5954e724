package experiments

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"runtime"
	"slices"
	"sync"
	"sync/atomic"
	"time"

	"golang.org/x/sync/errgroup"

	"github.com/laborsim/laborsim/economy"
	"github.com/laborsim/laborsim/sim"
)

// Execute runs the runs, at most jobs at once (one when jobs < 1), taking
// them in the order given, and calls done with each finished run as it
// finishes — one call at a time, so done needs no lock. Each run is
// deterministic on its own, so the records do not depend on jobs; only
// the order of the calls does. Execute stops at the first failed run or
// done error, or when ctx is cancelled, and returns that error.
//
// A cancelled ctx always yields ctx's error unless every run finished:
// wherever the cancel lands — during a run, during its last step, between
// runs — runs left out mean the sweep did not finish, and the error says
// so. A run that finishes while the others are being cancelled still goes
// to done, so that it is kept; after done has failed, no run goes to it.
// When every run finished before the cancel took effect, the work is
// complete and Execute returns nil.
func Execute(ctx context.Context, runs []Run, jobs int, done func(Record) error) error {
	return ExecuteSeries(ctx, runs, jobs, func(rec Record, _ []economy.Accounts) error { return done(rec) })
}

// ExecuteSeries is Execute whose done is given each run's series too.
func ExecuteSeries(ctx context.Context, runs []Run, jobs int, done func(Record, []economy.Accounts) error) error {
	var mu sync.Mutex
	var doneErr error
	return ForEach(ctx, len(runs), max(1, jobs), func(ctx context.Context, i int) error {
		start := time.Now()
		res, err := sim.Run(ctx, runs[i].Config)
		if err != nil {
			return runError(runs[i], err)
		}
		rec := NewRecord(runs[i], res.Final(), time.Since(start))
		mu.Lock()
		defer mu.Unlock()
		if doneErr == nil {
			doneErr = done(rec, res.Series)
		}
		return doneErr
	})
}

// ForEach calls f for 0, …, n−1, starting them in that order, at most
// limit at once (GOMAXPROCS when limit < 1), on an errgroup. The first
// error cancels the context the other calls get, no call starts after it,
// and ForEach returns it once every call has returned. A cancelled ctx
// stops it the same way, and ForEach then returns ctx's error unless
// every call returned nil: calls left out mean the work is not done,
// while work that was all done is complete, wherever the cancel landed.
func ForEach(ctx context.Context, n, limit int, f func(ctx context.Context, i int) error) error {
	if limit < 1 {
		limit = runtime.GOMAXPROCS(0)
	}
	g, gctx := errgroup.WithContext(ctx)
	g.SetLimit(limit)
	var finished atomic.Int64
	for i := range n {
		if gctx.Err() != nil {
			break
		}
		g.Go(func() error {
			// g.Go may have waited for a slot while another call failed.
			if err := gctx.Err(); err != nil {
				return err
			}
			if err := f(gctx, i); err != nil {
				return err
			}
			finished.Add(1)
			return nil
		})
	}
	if err := g.Wait(); err != nil {
		return err
	}
	if left := n - int(finished.Load()); left > 0 {
		if err := ctx.Err(); err != nil {
			return err
		}
		return fmt.Errorf("%d of %d calls were not made", left, n) // never: only a cancel leaves calls out
	}
	return nil
}

// LargestFirst orders runs by decreasing size — agents times steps — and
// otherwise by index, so that a sweep's slowest runs start first and do not
// hold up its end alone. The records do not depend on the order.
func LargestFirst(runs []Run) {
	size := func(r Run) int {
		c := r.Config
		return (c.Workers + c.AIAgents + c.Firms) * c.Steps()
	}
	slices.SortStableFunc(runs, func(a, b Run) int { return cmp.Compare(size(b), size(a)) })
}

// runError names the run that failed; a cancelled run passes the
// cancellation through unchanged.
func runError(run Run, err error) error {
	if errors.Is(err, context.Canceled) || errors.Is(err, context.DeadlineExceeded) {
		return err
	}
	return fmt.Errorf("point %d replicate %d (seed %d) failed: %w", run.Point, run.Replicate, run.Config.Seed, err)
}
