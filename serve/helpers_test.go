package serve

import (
	"context"
	"os"
	"strings"
	"testing"

	"github.com/laborsim/laborsim/experiments"
	"github.com/laborsim/laborsim/sim"
)

// newServer makes a server for a test and closes it at the end.
func newServer(t *testing.T, opt Options) *Server {
	t.Helper()
	s, err := New(opt)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

// smallConfig is a run of a few milliseconds.
func smallConfig() sim.Config {
	c := sim.DefaultConfig()
	c.Workers, c.Firms, c.AIAgents, c.Years = 300, 10, 100, 1
	return c
}

// writeResultsFile writes the results file of a small sweep: ai-agents at
// three values, two replicates each.
func writeResultsFile(t *testing.T, path string) {
	t.Helper()
	ax, err := experiments.ParseVary("ai-agents=10,100,1000", "test")
	if err != nil {
		t.Fatal(err)
	}
	sw, err := experiments.NewSweep(smallConfig(), []experiments.Axis{ax}, 1, 2)
	if err != nil {
		t.Fatal(err)
	}
	runs := make([]experiments.Run, sw.Len())
	for i := range runs {
		runs[i] = sw.Run(i)
	}
	lines := make([]string, len(runs))
	err = experiments.Execute(context.Background(), runs, 1, func(rec experiments.Record) error {
		lines[rec.Point*sw.Replicates+rec.Replicate] = rec.Line()
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	data := strings.Join(experiments.Header(), ",") + "\n" + strings.Join(lines, "")
	if err := os.WriteFile(path, []byte(data), 0o644); err != nil {
		t.Fatal(err)
	}
}
