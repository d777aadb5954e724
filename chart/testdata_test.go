package chart

import (
	"context"
	"flag"
	"testing"
	"time"

	"github.com/laborsim/laborsim/experiments"
	"github.com/laborsim/laborsim/sim"
)

var makeResults = flag.Bool("make-results", false, "rewrite testdata/results.csv from small runs")

// TestMakeResults writes testdata/results.csv with experiments.WriteResults
// from 30 small runs: ai-agents 1..10,000 by decades,
// ai-cost-decline 2 and 10, three replicates each. The seeds are
// 1000·point + replicate + 1, standing in for the sweep's derived seeds, and
// wall_seconds is made up, so that the file is the same on every machine.
// It runs only with -make-results; the golden files then change too.
func TestMakeResults(t *testing.T) {
	if !*makeResults {
		t.Skip("run with -make-results to rewrite testdata/results.csv")
	}
	var recs []experiments.Record
	point := 0
	for _, decline := range []float64{2, 10} {
		for _, agents := range []int{1, 10, 100, 1000, 10000} {
			for rep := range 3 {
				cfg := sim.DefaultConfig()
				cfg.Workers, cfg.Firms, cfg.Years, cfg.AIAgents, cfg.AICostDecline = 200, 4, 2, agents, decline
				cfg.Seed = uint64(1000*point + rep + 1)
				res, err := sim.Run(context.Background(), cfg)
				if err != nil {
					t.Fatal(err)
				}
				run := experiments.Run{Point: point, Replicate: rep, Config: cfg}
				wall := time.Duration(1e7 * float64(agents+rep) / float64(agents))
				recs = append(recs, experiments.NewRecord(run, res.Final(), wall))
			}
			point++
		}
	}
	if err := experiments.WriteResults("testdata/results.csv", recs); err != nil {
		t.Fatal(err)
	}
}
