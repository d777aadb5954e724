package sim

import (
	"fmt"
	"runtime"
	"testing"

	"github.com/laborsim/laborsim/economy"
)

// TestMemoryEstimate builds and steps economies whose memory is dominated
// by each kind of array in turn — workers, AI agents, firm·bin slots,
// firms, the series of a long run — and compares the heap they hold at
// the end (the World and the series, live after a collection) with
// Config.MemoryEstimate: within 15%.
func TestMemoryEstimate(t *testing.T) {
	if testing.Short() {
		t.Skip("allocates up to 0.3 GB")
	}
	for _, s := range []struct{ workers, firms, ai, bins, steps int }{
		{200_000, 100, 1000, 100, 12},           // workers
		{1000, 10, 3_000_000, 100, 12},          // AI agents
		{1000, 2000, 0, 1000, 12},               // slots
		{20_000, 200_000, 0, 1, 12},             // firms
		{100, 2, 100, 10, 50_000},               // the series
		{1_000_000, 10_000, 1_000_000, 100, 12}, // the target size
	} {
		t.Run(fmt.Sprintf("w%d_f%d_a%d_b%d_s%d", s.workers, s.firms, s.ai, s.bins, s.steps), func(t *testing.T) {
			c := DefaultConfig()
			c.Workers, c.Firms, c.AIAgents, c.TaskBins = s.workers, s.firms, s.ai, s.bins
			c.Years, c.StepsPerYear = s.steps/12, 12
			if s.steps%12 != 0 || s.steps > 12*1000 {
				c.Years, c.StepsPerYear = s.steps, 1
			}
			runtime.GC()
			var before, after runtime.MemStats
			runtime.ReadMemStats(&before)
			w, err := New(c)
			if err != nil {
				t.Fatal(err)
			}
			series := make([]economy.Accounts, 0, c.Steps()) // as Run keeps it
			for range c.Steps() {
				series = append(series, w.Step())
			}
			runtime.GC()
			runtime.ReadMemStats(&after)
			runtime.KeepAlive(w)
			runtime.KeepAlive(series)
			live, est := float64(after.HeapAlloc)-float64(before.HeapAlloc), float64(c.MemoryEstimate())
			t.Logf("live heap %.1f MB, estimated %.1f MB (ratio %.3f); allocated %.1f MB in all",
				live/1e6, est/1e6, live/est, float64(after.TotalAlloc-before.TotalAlloc)/1e6)
			if live < est/1.15 || live > est*1.15 {
				t.Errorf("live heap %.1f MB, estimated %.1f MB: not within 15%%", live/1e6, est/1e6)
			}
		})
	}
}
