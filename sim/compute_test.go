package sim

import (
	"context"
	"math"
	"testing"

	"github.com/laborsim/laborsim/economy"
)

// computeRun runs cfg and returns its series.
func computeRun(t *testing.T, cfg Config) []economy.Accounts {
	t.Helper()
	res, err := Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	return res.Series
}

// smallCompute is a small economy with the fleet from compute: 2,000
// workers in 20 firms for 6 years.
func smallCompute() Config {
	c := DefaultConfig()
	c.Workers, c.Firms, c.Years = 2000, 20, 6
	return c
}

// The fleet is the start's fleet times effective compute (hardware times
// software, with a constant training share) at every step, and in the
// fixed fleet it stays at --ai-agents.
func TestFleetFollowsInferenceCompute(t *testing.T) {
	c := smallCompute()
	for _, a := range computeRun(t, c) {
		want := float64(c.AIAgents) * math.Pow(10, a.LogCompute)
		if math.Abs(a.AIFleet/want-1) > 1e-9 {
			t.Fatalf("step %d: fleet %g, start fleet × 10^log10_compute = %g", a.Step, a.AIFleet, want)
		}
		if a.AIAgentsDeployed > a.AIFleet*(1+1e-12) {
			t.Fatalf("step %d: %g agents deployed from a fleet of %g", a.Step, a.AIAgentsDeployed, a.AIFleet)
		}
	}
	c.AIFleet, c.AIAgents = FleetFixed, 500
	for _, a := range computeRun(t, c) {
		if a.AIFleet != 500 || a.AIAgentsDeployed > 500 {
			t.Fatalf("fixed fleet, step %d: fleet %g, %g deployed", a.Step, a.AIFleet, a.AIAgentsDeployed)
		}
	}
}

// Law 2 with the fleet from compute: the price users pay follows the cost
// down. Over the default decade the cost of a given level of AI falls by
// about ten orders of magnitude; the price must fall by at least nine. A
// scarcity rent, where it appears, is closed by investment: by the last
// year there is none.
func TestPriceFollowsCost(t *testing.T) {
	c := DefaultConfig()
	c.Workers, c.Firms = 2000, 20
	s := computeRun(t, c)
	first, last := s[0], s[len(s)-1]
	costFall := math.Log10(first.AICost / last.AICost)
	priceFall := math.Log10(first.AIPrice / last.AIPrice)
	if priceFall < costFall-1 {
		t.Errorf("over the decade the cost fell by 10^%.2f but the price users pay by 10^%.2f only", costFall, priceFall)
	}
	for _, a := range s[len(s)-c.StepsPerYear:] {
		if a.AIScarcityRent > 1e-9 {
			t.Errorf("step %d: a scarcity rent of %.3g of AI rents in the last year", a.Step, a.AIScarcityRent)
		}
	}
}

// At a fixed frontier a faster fall in AI's cost deploys more agents and
// gives another labour share. Each seed is run at both declines (common
// random numbers); the mean of the paired differences must exceed three
// standard errors of it.
func TestFasterDeclineDeploysMore(t *testing.T) {
	run := func(decline float64, seed uint64) economy.Accounts {
		c := smallCompute()
		c.FixedFrontier, c.Automation, c.AICostDecline, c.Seed = true, 0.2, decline, seed
		s := computeRun(t, c)
		return s[len(s)-1]
	}
	var share []float64
	for seed := range uint64(3) {
		a, b := run(10, seed+1), run(40, seed+1)
		if b.AIAgentsDeployed <= a.AIAgentsDeployed {
			t.Errorf("seed %d: %g agents deployed at 40x a year, %g at 10x", seed+1, b.AIAgentsDeployed, a.AIAgentsDeployed)
		}
		share = append(share, b.LaborShare-a.LaborShare)
	}
	if !significant(share) {
		t.Errorf("labour share 40x minus 10x a year, by seed: %v: not beyond sampling noise", share)
	}
}

// A markup costs labour and output something: --ai-markup 1 against 0
// moves GDP or the labour share beyond sampling noise (paired by seed).
func TestMarkupMatters(t *testing.T) {
	var gdp, share []float64
	for seed := range uint64(3) {
		var a [2]economy.Accounts
		for i, m := range []float64{0, 1} {
			c := smallCompute()
			c.AIMarkup, c.Seed = m, seed+1
			s := computeRun(t, c)
			a[i] = s[len(s)-1]
		}
		gdp = append(gdp, a[1].GDP/a[0].GDP-1)
		share = append(share, a[1].LaborShare-a[0].LaborShare)
	}
	if !significant(gdp) && !significant(share) {
		t.Errorf("markup 1 minus 0, by seed: GDP %v, labour share %v: neither beyond sampling noise", gdp, share)
	}
}

// significant reports whether the mean of paired differences d is more
// than three standard errors from 0.
func significant(d []float64) bool {
	m, sd := meanSD(d)
	return math.Abs(m) > 3*sd/math.Sqrt(float64(len(d)))
}

func meanSD(x []float64) (mean, sd float64) {
	for _, v := range x {
		mean += v
	}
	mean /= float64(len(x))
	for _, v := range x {
		sd += (v - mean) * (v - mean)
	}
	return mean, math.Sqrt(sd / float64(len(x)-1))
}

// Aggregates do not depend on the object cap: with the fleet growing past
// 10,000 agent-instances, objects that stand for equal shares (cap 10,000)
// and one object per agent-instance (cap 1,000,000, the fleet below it)
// give means over three seeds that differ by less than three times the
// seeds' standard deviation, at every step. Before the fleet reaches the
// small cap the two runs are the same run.
func TestObjectCapDoesNotMatter(t *testing.T) {
	const seeds = 3
	var small, large [seeds][]economy.Accounts
	for seed := range seeds {
		c := smallCompute()
		c.Years, c.Seed = 4, uint64(seed+1)
		c.AIObjectCap = 10_000
		small[seed] = computeRun(t, c)
		c.AIObjectCap = 1_000_000
		large[seed] = computeRun(t, c)
	}
	measures := []struct {
		name string
		of   func(*economy.Accounts) float64
	}{
		{"GDP", func(a *economy.Accounts) float64 { return a.GDP }},
		{"labour share", func(a *economy.Accounts) float64 { return a.LaborShare }},
		{"AI agents deployed", func(a *economy.Accounts) float64 { return a.AIAgentsDeployed }},
	}
	past := 0
	for i := range small[0] {
		if small[0][i].AIFleet <= 10_000 {
			if small[0][i] != large[0][i] {
				t.Fatalf("step %d: the fleet is within both caps but the runs differ", i+1)
			}
			continue
		}
		past++
		for _, m := range measures {
			var a, b [seeds]float64
			for s := range seeds {
				a[s], b[s] = m.of(&small[s][i]), m.of(&large[s][i])
			}
			ma, _ := meanSD(a[:])
			mb, sd := meanSD(b[:])
			if math.Abs(ma-mb) > 3*sd {
				t.Errorf("step %d, %s: mean %g at cap 10,000, %g at cap 1,000,000, seeds' s.d. %g", i+1, m.name, ma, mb, sd)
			}
		}
	}
	if past < 6 {
		t.Fatalf("the fleet was past the small cap in %d steps only: the test tests too little", past)
	}
}
