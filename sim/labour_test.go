package sim

import (
	"math"
	"testing"

	"github.com/laborsim/laborsim/agents"
	"github.com/laborsim/laborsim/economy"
)

// poisson, fed evenly spaced uniforms, has the mean and variance of a
// Poisson distribution.
func TestPoissonDraws(t *testing.T) {
	for _, mean := range []float64{0.05, 0.7, 3, 12} {
		const n = 200_000
		var sum, sq float64
		for i := range n {
			k := float64(poissonAt((float64(i)+0.5)/n, mean, math.Exp(-mean)))
			sum += k
			sq += k * k
		}
		m := sum / n
		v := sq/n - m*m
		if math.Abs(m-mean) > 1e-3*math.Max(1, mean) || math.Abs(v-mean) > 1e-2*math.Max(1, mean) {
			t.Errorf("mean %v: draws' mean %v, variance %v", mean, m, v)
		}
	}
}

// The start's participation is --participation within the sampling noise
// of the draws, and every worker is in exactly one state at every step.
func TestParticipationAtStart(t *testing.T) {
	c := DefaultConfig()
	c.Years = 1
	res := run(t, c)
	a := res.Series[0]
	n := float64(c.Workers)
	if se := math.Sqrt(c.Participation * (1 - c.Participation) / n); math.Abs(a.ParticipationRate-c.Participation) > 4*se+0.01 {
		t.Errorf("participation at the first step %v, want %v", a.ParticipationRate, c.Participation)
	}
	for _, a := range res.Series {
		if a.Employed+a.Unemployed+a.Retraining+a.Inactive != c.Workers {
			t.Fatalf("step %d: %d+%d+%d+%d workers of %d", a.Step, a.Employed, a.Unemployed, a.Retraining, a.Inactive, c.Workers)
		}
	}
}

// The flows add up as JOLTS defines them: total separations are quits
// (job-to-job moves among them) and layoffs; hires include the job-to-job
// moves; the monthly rates are the annual counts over employment.
func TestFlowsAddUp(t *testing.T) {
	c := DefaultConfig()
	c.Years = 2
	for _, spy := range []int{4, 12, 52} {
		c.StepsPerYear = spy
		for _, a := range run(t, c).Series {
			if d := a.SeparationRate - a.QuitRate - a.LayoffRate; math.Abs(d) > 1e-12 {
				t.Fatalf("%d steps a year, step %d: separations %v ≠ quits %v + layoffs %v", spy, a.Step, a.SeparationRate, a.QuitRate, a.LayoffRate)
			}
			if a.JobToJobRate > a.QuitRate+1e-12 || a.JobToJobRate > a.HiresRate+1e-12 {
				t.Fatalf("step %d: job-to-job %v above quits %v or hires %v", a.Step, a.JobToJobRate, a.QuitRate, a.HiresRate)
			}
			if e := float64(a.Employed); e > 0 {
				if d := a.Hires/12/e - a.HiresRate; math.Abs(d) > 1e-9 {
					t.Fatalf("step %d: hires %v a year over %v employed is not the rate %v a month", a.Step, a.Hires, e, a.HiresRate)
				}
			}
		}
	}
}

// The step length is a numerical choice: without AI, at 12 and at 52 steps
// a year, the mean unemployment rate, vacancy rate and labour share over
// four years agree within a point and GDP within 3% (two seeds each;
// `laborsim validate --checks step-length` runs the full comparison).
func TestStepLengthDoesNotMatter(t *testing.T) {
	mean := func(spy int, of func(*economy.Accounts) float64) float64 {
		sum, n := 0.0, 0
		for seed := range uint64(2) {
			c := DefaultConfig()
			c.AIAgents, c.FixedFrontier, c.AICostDecline = 0, true, 1
			c.Workers, c.Firms, c.Years, c.StepsPerYear, c.Seed = 5000, 50, 4, spy, seed+1
			for _, a := range run(t, c).Series {
				sum += of(&a)
				n++
			}
		}
		return sum / float64(n)
	}
	for _, m := range []struct {
		name     string
		of       func(*economy.Accounts) float64
		tol      float64
		relative bool
	}{
		{"unemployment rate", func(a *economy.Accounts) float64 { return a.UnemploymentRate }, 0.01, false},
		{"vacancy rate", func(a *economy.Accounts) float64 { return a.VacancyRate }, 0.01, false},
		{"labour share", func(a *economy.Accounts) float64 { return a.LaborShare }, 0.01, false},
		{"GDP", func(a *economy.Accounts) float64 { return a.GDP }, 0.03, true},
	} {
		a, b := mean(12, m.of), mean(52, m.of)
		d := math.Abs(a - b)
		if m.relative {
			d /= b
		}
		if d > m.tol {
			t.Errorf("%s: %v at 12 steps a year, %v at 52", m.name, a, b)
		}
	}
}

// binomial, fed evenly spaced uniforms, has the mean and variance of a
// binomial distribution.
func TestBinomialDraws(t *testing.T) {
	for _, c := range []struct {
		n int
		p float64
	}{{1, 0.25}, {3, 0.5}, {7, 1.0 / 12}, {20, 0.3}} {
		const draws = 100_000
		var sum, sq float64
		for i := range draws {
			k := float64(binomial((float64(i)+0.5)/draws, c.n, c.p))
			sum += k
			sq += k * k
		}
		m, want := sum/draws, float64(c.n)*c.p
		v := sq/draws - m*m
		if math.Abs(m-want) > 1e-3 || math.Abs(v-want*(1-c.p)) > 1e-2 {
			t.Errorf("n %d p %v: mean %v (want %v), variance %v (want %v)", c.n, c.p, m, want, v, want*(1-c.p))
		}
	}
}

// At the frontier's ceiling with AI nearly free, workers leave the labour
// market (their product is AI's price) and output goes on: traditional
// capital and AI do every task.
func TestCeilingWithoutWorkers(t *testing.T) {
	c := DefaultConfig() // the aggressive scenario (examples/scenario-aggressive.yaml), seed 1
	c.AICostDecline, c.FrontierSlope, c.ComputeAdjust = 40, 0.06, 1
	s := run(t, c).Series
	last := s[len(s)-1]
	if last.AIFrontier < 1-c.TraditionalShare-1e-9 {
		t.Fatalf("the frontier ends at %v, below its ceiling %v: the test tests too little", last.AIFrontier, 1-c.TraditionalShare)
	}
	for _, a := range s {
		if !(a.GDP > 0) {
			t.Fatalf("step %d: GDP %v with %d employed, participation %v", a.Step, a.GDP, a.Employed, a.ParticipationRate)
		}
	}
}

// cohortRate inverts agents.Hazard: a cohort losing, over a step, the
// share of its members that a hazard λ takes is observed at λ, at any step
// length.
func TestCohortRateInvertsHazard(t *testing.T) {
	for _, rate := range []float64{0.05, 0.4, 6, 40} {
		for _, dt := range []float64{1.0 / 52, 1.0 / 12, 0.25, 1} {
			p := agents.Hazard(rate, dt)
			if got := cohortRate(1e6*p, 1e6*math.Exp(-rate*dt), dt); math.Abs(got-rate) > 1e-9*rate {
				t.Errorf("hazard %v over %v years: observed %v", rate, dt, got)
			}
		}
	}
	if got := cohortRate(0, 10, 0.25); got != 0 {
		t.Errorf("no events: %v", got)
	}
	if got := cohortRate(10, 0, 0.25); math.IsInf(got, 0) || math.IsNaN(got) || got <= 0 {
		t.Errorf("no one left: %v, want a finite rate", got)
	}
}

// The start puts every firm within about a worker of its share of its
// sector's units, however small the firm and however many bins its
// workers spread over (one rounding across all slots let a firm of six
// workers in 100 bins drift by several workers).
func TestStartPlacesEachFirmAtItsShare(t *testing.T) {
	c := DefaultConfig()
	c.Workers, c.Firms, c.InitialUnemployment = 20_000, 2_000, 0
	w, err := New(c)
	if err != nil {
		t.Fatal(err)
	}
	largest := 0.0
	for j := range w.workers {
		largest = max(largest, float64(w.workers[j].Efficiency))
	}
	b := c.TaskBins
	worst := 0.0
	for f := range w.firms {
		units, share := 0.0, 0.0
		for k := f * b; k < (f+1)*b; k++ {
			units += w.labour.human[k]
			share += w.prod.target[k]
		}
		worst = max(worst, math.Abs(units-share))
	}
	if worst > largest {
		t.Errorf("a firm's units are %v from its share; the largest worker is %v", worst, largest)
	}
}

// Without AI, unemployment does not depend on how many firms the workers
// are cut into: at 20,000 workers, 200 and 2,000 firms (about 60 and 6
// workers in the labour force each) give mean unemployment over five years
// within 1.5 points (the validate check runs 20, 200 and 2,000 firms over
// ten years).
func TestFirmSizeDoesNotSetUnemployment(t *testing.T) {
	mean := func(firms int) float64 {
		c := DefaultConfig()
		c.AIAgents, c.FixedFrontier, c.AICostDecline = 0, true, 1
		c.Workers, c.Firms, c.Years = 20_000, firms, 5
		sum := 0.0
		res := run(t, c)
		for _, a := range res.Series {
			sum += a.UnemploymentRate
		}
		return sum / float64(len(res.Series))
	}
	if a, b := mean(200), mean(2000); math.Abs(a-b) > 0.015 {
		t.Errorf("mean unemployment %.4f at 200 firms, %.4f at 2,000", a, b)
	}
}

// The cost of a hire firms plan with is the observed one moved on by the
// growth they expect, which learns a steady trend: once learnt, the cost
// planned with is the one met a step later, at any step length; before
// any growth is observed it is the observed cost.
func TestProjectedHireCostTracksItsTrend(t *testing.T) {
	const trend = 0.3 // log points a year
	for _, spy := range []int{4, 12, 52} {
		dt := 1 / float64(spy)
		gain := agents.Hazard(2, dt)
		l := labour{hireCost: make([]float64, 1), costGrowth: make([]float64, 1)}
		cost := func(k int) float64 { return 1.7 * math.Exp(trend*float64(k)*dt) }
		if got := l.projectCost(0, cost(0), gain, dt, false); got != cost(0) {
			t.Errorf("%d steps a year: first projection %v, want the observed %v", spy, got, cost(0))
		}
		for k := 1; k < 10*spy; k++ {
			got := l.projectCost(0, cost(k), gain, dt, true)
			if k == 10*spy-1 {
				if rel := got/cost(k+1) - 1; math.Abs(rel) > 1e-6 {
					t.Errorf("%d steps a year: after ten years the projection misses the next cost by %.2g", spy, rel)
				}
			}
		}
	}
}
