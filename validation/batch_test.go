package validation

import (
	"context"
	"errors"
	"testing"

	"github.com/laborsim/laborsim/sim"
)

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
