package validation

import (
	"context"
	"errors"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/laborsim/laborsim/sim"
)

// TestForEachStopsAtFirstError: with one call at a time, the call after a
// failure never starts, and the failure is what forEach returns.
func TestForEachStopsAtFirstError(t *testing.T) {
	boom := errors.New("boom")
	var called []int
	err := forEach(t.Context(), 5, 1, func(ctx context.Context, i int) error {
		called = append(called, i) // one call at a time: no race
		if i == 2 {
			return boom
		}
		return nil
	})
	if !errors.Is(err, boom) || len(called) != 3 {
		t.Errorf("error %v after calls %v; want boom after 0, 1, 2", err, called)
	}
}

// TestForEachCancelsOthers: a failure cancels the context of the calls
// running beside it, and forEach waits for them to return.
func TestForEachCancelsOthers(t *testing.T) {
	boom := errors.New("boom")
	var started sync.WaitGroup
	started.Add(1)
	var cancelled atomic.Bool
	err := forEach(t.Context(), 2, 2, func(ctx context.Context, i int) error {
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

// TestRunAllCancelled: runs stop when the caller cancels, and runAll says
// so rather than returning partial results.
func TestRunAllCancelled(t *testing.T) {
	ctx, cancel := context.WithCancel(t.Context())
	cancel()
	cfgs := []sim.Config{sim.DefaultConfig(), sim.DefaultConfig()}
	res, err := runAll(ctx, cfgs, 2)
	if !errors.Is(err, context.Canceled) || res != nil {
		t.Errorf("runAll on a cancelled context: %d results, error %v; want none and context.Canceled", len(res), err)
	}
}

// TestRunAllOrder: results come back in the configurations' order, the
// same as each run alone, whatever the parallelism.
func TestRunAllOrder(t *testing.T) {
	var cfgs []sim.Config
	for seed := range uint64(4) {
		c := sim.DefaultConfig()
		c.Workers, c.Firms, c.AIAgents, c.Years, c.Seed = 300, 6, 300, 1, seed+1
		cfgs = append(cfgs, c)
	}
	res, err := runAll(t.Context(), cfgs, 3)
	if err != nil {
		t.Fatal(err)
	}
	for i, c := range cfgs {
		alone, err := sim.Run(t.Context(), c)
		if err != nil {
			t.Fatal(err)
		}
		if res[i].Final() != alone.Final() {
			t.Errorf("run %d (seed %d): result differs from the same run alone", i, c.Seed)
		}
	}
}
