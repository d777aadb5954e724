package sim

import (
	"testing"
	"time"
)

// benchSizes are the populations of the scaling benchmarks: N workers, N AI
// agents and N/100 firms, the proportions of the 1e6 target run.
var benchSizes = []struct {
	name string
	n    int
}{
	{"1e3", 1_000}, {"1e4", 10_000}, {"1e5", 100_000}, {"1e6", 1_000_000},
}

func benchConfig(n int) Config {
	c := DefaultConfig()
	c.Workers, c.AIAgents, c.Firms = n, n, max(1, n/100)
	return c
}

// agentCount is what "agent" means in ns/agent-step: workers, AI agents
// and firms.
func agentCount(c Config) int { return c.Workers + c.AIAgents + c.Firms }

// BenchmarkStep times one step of the default (frictional) scenario. The
// world walks through its run of Steps() steps and is rebuilt, untimed,
// when it reaches the end, so -benchtime=120x times exactly one 10-year
// run and larger multiples average over whole runs.
func BenchmarkStep(b *testing.B) {
	for _, s := range benchSizes {
		b.Run("workers="+s.name, func(b *testing.B) {
			c := benchConfig(s.n)
			w := mustNew(b, c)
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if w.step == c.Steps() {
					b.StopTimer()
					w = mustNew(b, c)
					b.StartTimer()
				}
				w.Step()
			}
			reportPerAgentStep(b, c)
		})
	}
}

// BenchmarkPhases runs steps like BenchmarkStep and reports the time of
// each phase of the schedule as its own metric, PHASE-ns/agent-step (the
// phases' sum is the step's time, up to the clock reads).
func BenchmarkPhases(b *testing.B) {
	for _, s := range benchSizes {
		b.Run("workers="+s.name, func(b *testing.B) {
			c := benchConfig(s.n)
			w := mustNew(b, c)
			sched := w.schedule()
			spent := make([]time.Duration, len(sched))
			b.ReportAllocs()
			b.ResetTimer()
			for i := 0; i < b.N; i++ {
				if w.step == c.Steps() {
					b.StopTimer()
					w = mustNew(b, c)
					b.StartTimer()
				}
				for k, p := range sched {
					t0 := time.Now()
					p.run(w)
					spent[k] += time.Since(t0)
				}
			}
			per := float64(b.N) * float64(agentCount(c))
			for k, p := range sched {
				b.ReportMetric(float64(spent[k].Nanoseconds())/per, p.name+"-ns/agent-step")
			}
		})
	}
}

// BenchmarkNew times building the population (start-up of a run).
func BenchmarkNew(b *testing.B) {
	for _, s := range benchSizes {
		b.Run("workers="+s.name, func(b *testing.B) {
			c := benchConfig(s.n)
			b.ReportAllocs()
			for i := 0; i < b.N; i++ {
				mustNew(b, c)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(agentCount(c)), "ns/agent")
		})
	}
}

func mustNew(b *testing.B, c Config) *World {
	b.Helper()
	w, err := New(c)
	if err != nil {
		b.Fatal(err)
	}
	return w
}

func reportPerAgentStep(b *testing.B, c Config) {
	ns := float64(b.Elapsed().Nanoseconds()) / float64(b.N)
	b.ReportMetric(ns/float64(agentCount(c)), "ns/agent-step")
}
