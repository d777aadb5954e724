package sim

import (
	"context"
	"fmt"
	"math"
	"path/filepath"
	"reflect"
	"runtime"
	"runtime/debug"
	"strings"
	"testing"

	"github.com/laborsim/laborsim/agents"
	"github.com/laborsim/laborsim/economy"
)

// small is a quick configuration for tests.
func small() Config {
	c := DefaultConfig()
	c.Workers, c.Firms, c.AIAgents, c.Years = 3000, 30, 3000, 4
	return c
}

func run(t *testing.T, c Config) Result {
	t.Helper()
	res, err := Run(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	return res
}

func relClose(a, b, tol float64) bool {
	return math.Abs(a-b) <= tol*math.Max(1, math.Max(math.Abs(a), math.Abs(b)))
}

// TestAccountingIdentities checks, at every step, that GDP by income (as
// received by workers, AI owners, the government and firms) equals GDP by
// production, that money is conserved, and that the shares add up.
func TestAccountingIdentities(t *testing.T) {
	for name, mod := range map[string]func(*Config){
		"default": func(*Config) {},
		"policies": func(c *Config) {
			c.LaborTax, c.CapitalTax, c.AITax, c.ComputeBudget, c.RetrainSubsidy = 0.2, 0.3, 0.1, 0.5, 0.5
		},
		"frictionless": func(c *Config) { c.Frictionless = true },
		"cobb-douglas": func(c *Config) { c.Sigma = 1 },
		"substitutes":  func(c *Config) { c.Sigma = 2 },
	} {
		t.Run(name, func(t *testing.T) {
			c := small()
			mod(&c)
			w, err := New(c)
			if err != nil {
				t.Fatal(err)
			}
			m0 := w.money()
			for range c.Steps() {
				a := w.Step()
				if !relClose(a.GDP, a.GDPIncome, 1e-9) {
					t.Fatalf("step %d: GDP by production %v != by income %v", a.Step, a.GDP, a.GDPIncome)
				}
				if !relClose(a.Money, m0, 1e-9) {
					t.Fatalf("step %d: money %v, started with %v", a.Step, a.Money, m0)
				}
				if math.Abs(a.LaborShare+a.CapitalShare-1) > 1e-9 {
					t.Fatalf("step %d: labor %v + capital %v != 1", a.Step, a.LaborShare, a.CapitalShare)
				}
				if a.AIShare > a.CapitalShare+1e-12 || a.LaborShare < 0 || a.LaborShare > 1 {
					t.Fatalf("step %d: shares labor %v capital %v AI %v", a.Step, a.LaborShare, a.CapitalShare, a.AIShare)
				}
			}
		})
	}
}

// TestDeterminism runs the same seed under GOMAXPROCS 1, 2 and 8 and
// expects identical accounts; another seed must differ. It does so for
// the frictional market, the frictionless one, and with AI agents owned
// by persons (whose rents wait for the agents' moves on the side
// goroutine), all above parallelMin so that the helpers and the side
// goroutine run.
func TestDeterminism(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	for _, v := range []struct {
		name string
		set  func(*Config)
	}{
		{"frictional", func(*Config) {}},
		{"frictionless", func(c *Config) { c.Frictionless = true }},
		{"compute budget", func(c *Config) { c.ComputeBudget = 0.5 }},
	} {
		t.Run(v.name, func(t *testing.T) {
			c := small()
			c.Workers, c.Firms = 40000, 300 // several worker and firm chunks, above parallelMin
			v.set(&c)
			var first []economy.Accounts
			for _, procs := range []int{1, 2, 8} {
				runtime.GOMAXPROCS(procs)
				got := run(t, c).Series
				if first == nil {
					first = got
					continue
				}
				if !reflect.DeepEqual(first, got) {
					t.Fatalf("GOMAXPROCS=%d changed the output", procs)
				}
			}
			c.Seed = 2
			if reflect.DeepEqual(first, run(t, c).Series) {
				t.Fatal("seed 2 gave the same output as seed 1")
			}
		})
	}
}

// firstYear is the mean of the first year's steps of a series.
func firstYear(s []economy.Accounts, spy int, of func(*economy.Accounts) float64) float64 {
	sum := 0.0
	for i := range s[:spy] {
		sum += of(&s[i])
	}
	return sum / float64(spy)
}

// TestCalibration checks the default scenario's first year against the US
// figures and the direction of the AI transition.
func TestCalibration(t *testing.T) {
	c := DefaultConfig()
	res := run(t, c)
	start, end := res.Series[0], res.Final()
	if start.LaborShare < 0.56 || start.LaborShare > 0.66 {
		t.Errorf("starting labor share %v outside the US range 0.56-0.66", start.LaborShare)
	}
	// The US range is 3.5–5%; the model's is higher (about 7%: the
	// low-skilled qualify for few vacancies, docs/VALIDATION.md,
	// jolts-cps), which this bound allows and the validate check does not.
	if u := firstYear(res.Series, c.StepsPerYear, func(a *economy.Accounts) float64 { return a.UnemploymentRate }); u < 0.03 || u > 0.08 {
		t.Errorf("unemployment in the first year %v not within 3-8%%", u)
	}
	if end.LaborShare > start.LaborShare-0.1 {
		t.Errorf("labor share %v -> %v: expected a fall under 10x/yr cost decline", start.LaborShare, end.LaborShare)
	}
	if end.AITaskShare < 0.2 {
		t.Errorf("AI task share at the end %v: humans' share of task-hours should fall", end.AITaskShare)
	}
	c.AICostDecline, c.FixedFrontier = 1, true
	flat := run(t, c)
	share := firstYear(flat.Series, c.StepsPerYear, func(a *economy.Accounts) float64 { return a.LaborShare })
	for _, a := range flat.Series {
		if math.Abs(a.LaborShare-share) > 0.04 || a.AITaskShare > 0.01 {
			t.Fatalf("no AI progress: step %d labor share %v (first year %v), AI task share %v",
				a.Step, a.LaborShare, share, a.AITaskShare)
		}
	}
}

// TestEdges runs the smallest economies to the end with finite numbers.
func TestEdges(t *testing.T) {
	for _, e := range []struct{ workers, firms, ai int }{
		{1, 1, 0}, {1, 1, 1}, {2, 1, 0}, {1, 2, 1}, {2, 5, 100}, {50, 1, 0}, {10, 10, 1000},
	} {
		c := DefaultConfig()
		c.Workers, c.Firms, c.AIAgents, c.Years = e.workers, e.firms, e.ai, 3
		res := run(t, c) // Run fails on any non-finite number
		for _, a := range res.Series {
			if a.LaborShare < 0 || a.LaborShare > 1 || a.AIAgentsDeployed > a.AIFleet {
				t.Fatalf("%+v step %d: labor share %v, %g AI agents deployed", e, a.Step, a.LaborShare, a.AIAgentsDeployed)
			}
		}
	}
}

func TestValidateNamesFlag(t *testing.T) {
	c := DefaultConfig()
	c.Sigma = 0
	if err := c.Validate(); err == nil || err.Error() != "invalid --sigma 0: must be in [0.04, 100]" {
		t.Fatalf("got %v", err)
	}
	if err := DefaultConfig().Validate(); err != nil {
		t.Fatal(err)
	}
}

// TestNumericalFailureNamesStepAndQuantity: a non-finite figure stops a run
// with a message naming the step and the quantity.
func TestNumericalFailureNamesStepAndQuantity(t *testing.T) {
	a := economy.Accounts{Step: 17, WageGini: math.NaN()}
	err := checkFinite(&a)
	if err == nil || err.Error() != "numerical failure at step 17: wage_gini is NaN" {
		t.Fatalf("got %v", err)
	}
	a = economy.Accounts{Step: 3, GDP: math.Inf(1)}
	if err := checkFinite(&a); err == nil || err.Error() != "numerical failure at step 3: gdp is +Inf" {
		t.Fatalf("got %v", err)
	}
}

// TestStepDoesNotAllocate checks that the steady-state step loop makes no
// heap allocation, with the helper goroutines and the side goroutine of the
// parallel phases at work (testing.AllocsPerRun would force GOMAXPROCS to
// 1). It records every allocation in the memory profile (MemProfileRate 1)
// and fails on any made under this module's code, naming where.
//
// It leaves out the runtime's own allocations, which a count of all
// mallocs cannot: a goroutine that blocks on a channel or a semaphore takes
// a wait record (a sudog) from its processor's cache, and the runtime
// allocates one when that cache is empty. The record goes back to the
// cache of the processor the goroutine wakes on, so on a busy machine,
// where the pool's helpers sleep on one processor and wake on another, one
// cache drains into the other and the runtime allocates records until the
// caches rebalance — which failed a test counting every malloc in 7 of 70
// runs ("every window of 6 steps made heap allocations, the fewest 1").
// BenchmarkStep reports the step's allocs/op.
func TestStepDoesNotAllocate(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(2))
	defer debug.SetGCPercent(debug.SetGCPercent(-1))
	c := small()
	c.Workers, c.Firms, c.AIAgents = 40000, 300, 40000 // several worker and firm chunks, above parallelMin
	w, err := New(c)
	if err != nil {
		t.Fatal(err)
	}
	for range 12 { // scratch space grows to its working size
		w.Step()
	}
	defer func(rate int) { runtime.MemProfileRate = rate }(runtime.MemProfileRate)
	runtime.MemProfileRate = 1
	runtime.GC() // publishes the profile up to here
	before := allocSites()
	for range 24 {
		w.Step()
	}
	runtime.GC()
	for stack, n := range allocSites() {
		if n > before[stack] && stepAllocation(stack) {
			t.Errorf("the step made %d heap allocations at %s", n-before[stack], stack)
		}
	}
}

// allocSites is the memory profile: the allocations made so far, by stack
// (function names, innermost first, separated by "; ").
func allocSites() map[string]int64 {
	var recs []runtime.MemProfileRecord
	for {
		n, ok := runtime.MemProfile(recs, true)
		if ok {
			recs = recs[:n]
			break
		}
		recs = make([]runtime.MemProfileRecord, n+100)
	}
	sites := map[string]int64{}
	for _, r := range recs {
		var names []string
		frames := runtime.CallersFrames(r.Stack())
		for more := true; more; {
			var f runtime.Frame
			f, more = frames.Next()
			names = append(names, fmt.Sprintf("%s (%s:%d)", f.Function, filepath.Base(f.File), f.Line))
		}
		sites[strings.Join(names, "; ")] += r.AllocObjects
	}
	return sites
}

// stepAllocation says whether an allocation of the profile was made by the
// model's code: by the innermost of this module's functions on its stack,
// unless that is the test itself, and not for a sudog (see
// TestStepDoesNotAllocate).
func stepAllocation(stack string) bool {
	const module = "github.com/laborsim/laborsim/"
	for _, frame := range strings.Split(stack, "; ") {
		switch fn, _, _ := strings.Cut(frame, " "); {
		case fn == "runtime.acquireSudog":
			return false
		case strings.HasPrefix(fn, module):
			return !strings.HasPrefix(fn, module+"sim.Test") && fn != module+"sim.allocSites"
		}
	}
	return false // the runtime's or the testing package's
}

// TestPoolRunsEveryChunkOnce runs many small parallel phases of varied
// sizes on several goroutines and checks that every chunk ran exactly once.
func TestPoolRunsEveryChunkOnce(t *testing.T) {
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(4))
	w := &World{pool: newPool(parallelMin)}
	defer w.pool.stop()
	ran := make([]int32, 1000)
	for n := range 1000 {
		clear(ran)
		w.parallel(n, 3, func(_ *World, c, lo, hi int) {
			if lo != 3*c || hi != min(n, lo+3) {
				t.Errorf("n=%d chunk %d is [%d,%d)", n, c, lo, hi)
			}
			ran[c]++
		})
		for c := range chunks(n, 3) {
			if ran[c] != 1 {
				t.Fatalf("n=%d: chunk %d ran %d times", n, c, ran[c])
			}
		}
	}
}

// TestDistributionMatchesGini checks that the Ginis and the median wage the
// step reports from its samples (filled by the households phase, radix
// sorted) are exactly economy.Gini and MedianSorted of the workers' values.
func TestDistributionMatchesGini(t *testing.T) {
	c := small()
	c.Workers, c.Firms, c.Years = 40000, 300, 1 // above the radix sort's and parallelMin's thresholds
	w, err := New(c)
	if err != nil {
		t.Fatal(err)
	}
	for range 3 {
		a := w.Step()
		var wages, income, wealth []float64
		for j := range w.workers {
			wk := &w.workers[j]
			if wk.Status == agents.Employed {
				wages = append(wages, w.paidWage(wk))
			}
			income = append(income, wk.Income)
			wealth = append(wealth, wk.Wealth)
		}
		wantWage := economy.Gini(wages)
		for _, q := range []struct {
			name      string
			got, want float64
		}{
			{"wage Gini", a.WageGini, wantWage},
			{"median wage", a.MedianWage, economy.MedianSorted(wages)},
			{"income Gini", a.IncomeGini, economy.Gini(income)},
			{"wealth Gini", a.WealthGini, economy.Gini(wealth)},
		} {
			if math.Float64bits(q.got) != math.Float64bits(q.want) {
				t.Errorf("step %d: %s %v, want %v", a.Step, q.name, q.got, q.want)
			}
		}
	}
}
