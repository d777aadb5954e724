package chart

import (
	"context"
	"flag"
	"fmt"
	"os"
	"strings"
	"testing"

	"github.com/laborsim/laborsim/economy"
	"github.com/laborsim/laborsim/sim"
)

var makeResults = flag.Bool("make-results", false, "rewrite testdata/results.csv from small runs")

// TestMakeResults writes testdata/results.csv in the results file format
// (see Results) from 30 small runs: ai-agents 1..10,000 by decades,
// ai-cost-decline 2 and 10, three replicates each. The seeds are
// 1000·point + replicate + 1, standing in for the sweep's derived seeds, and
// wall_seconds is made up, so that the file is the same on every machine.
// It runs only with -make-results; the golden files then change too.
func TestMakeResults(t *testing.T) {
	if !*makeResults {
		t.Skip("run with -make-results to rewrite testdata/results.csv")
	}
	head := append([]string{"point", "replicate"}, paramNames()...)
	for _, c := range economy.Columns {
		head = append(head, c.Name)
	}
	var b strings.Builder
	b.WriteString(strings.Join(append(head, "wall_seconds"), ",") + "\n")
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
				row := []string{fmt.Sprint(point), fmt.Sprint(rep)}
				for _, p := range params(cfg) {
					row = append(row, p.String())
				}
				final := res.Final()
				for _, c := range economy.Columns {
					row = append(row, num(c.Value(&final)))
				}
				row = append(row, fmt.Sprintf("%.4f", 0.01*float64(agents+rep)/float64(agents)))
				b.WriteString(strings.Join(row, ",") + "\n")
			}
			point++
		}
	}
	if err := os.WriteFile("testdata/results.csv", []byte(b.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
