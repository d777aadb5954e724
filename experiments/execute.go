package experiments

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"slices"
	"sync"
	"time"

	"github.com/laborsim/laborsim/economy"
	"github.com/laborsim/laborsim/sim"
)

// Execute runs the runs on jobs goroutines, taking them in the order given,
// and calls done with each finished run as it finishes — from one goroutine
// only, so done needs no lock. Each run is deterministic on its own, so the
// records do not depend on jobs; only the order of the calls does. Execute
// stops at the first failed run or done error, or when ctx is cancelled,
// and returns that error.
//
// A cancelled ctx always yields ctx's error unless every run finished:
// wherever the cancel lands — during a run, during its last step, between
// runs — runs left out mean the sweep did not finish, and the error says
// so. A run that finishes while the others are being cancelled still goes
// to done, so that it is kept. When every run finished before the cancel
// took effect, the work is complete and Execute returns nil.
func Execute(ctx context.Context, runs []Run, jobs int, done func(Record) error) error {
	return ExecuteSeries(ctx, runs, jobs, func(rec Record, _ []economy.Accounts) error { return done(rec) })
}

// ExecuteSeries is Execute whose done is given each run's series too.
func ExecuteSeries(ctx context.Context, runs []Run, jobs int, done func(Record, []economy.Accounts) error) error {
	parent := ctx
	ctx, cancel := context.WithCancel(ctx)
	defer cancel()
	type result struct {
		rec    Record
		series []economy.Accounts
		err    error
	}
	next := make(chan Run)
	results := make(chan result)
	var wg sync.WaitGroup
	for range max(1, min(jobs, len(runs))) {
		wg.Go(func() {
			for run := range next {
				start := time.Now()
				res, err := sim.Run(ctx, run.Config)
				if err != nil {
					results <- result{err: runError(run, err)}
					continue
				}
				results <- result{rec: NewRecord(run, res.Final(), time.Since(start)), series: res.Series}
			}
		})
	}
	go func() {
		defer close(next)
		for _, run := range runs {
			select {
			case next <- run:
			case <-ctx.Done():
				return
			}
		}
	}()
	go func() { wg.Wait(); close(results) }()

	var first error
	finished, doneFailed := 0, false
	for r := range results {
		if r.err == nil && !doneFailed {
			if r.err = done(r.rec, r.series); r.err == nil {
				finished++
			} else {
				doneFailed = true
			}
		}
		if r.err != nil && first == nil {
			first = r.err
			cancel()
		}
	}
	switch {
	case first != nil:
		return first
	case finished < len(runs) && parent.Err() != nil:
		return parent.Err()
	case finished < len(runs):
		return fmt.Errorf("%d of %d runs were not run", len(runs)-finished, len(runs)) // never: only a cancel leaves runs out
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
