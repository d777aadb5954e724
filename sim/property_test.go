package sim

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/laborsim/laborsim/agents"
	"github.com/laborsim/laborsim/economy"
)

// randomConfig draws a valid configuration across the documented ranges,
// small enough to run in a moment.
func randomConfig(r *rand.Rand) Config {
	c := DefaultConfig()
	c.Workers = 1 + r.IntN(400)
	c.Firms = 1 + r.IntN(30)
	c.AIAgents = r.IntN(600)
	c.Years = 1 + r.IntN(3)
	c.StepsPerYear = 1 + r.IntN(12)
	c.Seed = r.Uint64()
	c.Sigma = math.Exp(r.Float64()*6 - 3) // 0.05 .. 20
	c.Sectors = 1 + r.IntN(4)
	c.TaskBins = 1 + r.IntN(120)
	c.TraditionalShare = r.Float64() * 0.9
	c.Automation = r.Float64() * (1 - c.TraditionalShare)
	c.FixedFrontier = r.IntN(2) == 0
	c.AICostDecline = math.Exp(r.Float64() * math.Log(1000))
	c.AIPrice = r.Float64() * 10 * float64(r.IntN(2))
	c.AIProductivity = math.Exp(r.Float64()*4 - 2)
	c.SkillDispersion = r.Float64() * 1.5
	c.TFPDispersion = r.Float64() * 0.5
	c.Frictionless = r.IntN(4) == 0
	c.LaborTax, c.CapitalTax, c.AITax = r.Float64()*0.5, r.Float64()*0.5, r.Float64()
	c.ComputeBudget = r.Float64() * float64(r.IntN(2))
	c.RetrainSubsidy = r.Float64()
	c.HardwareProgress = math.Exp(r.Float64() * math.Log(3))
	c.TrainingShare = r.Float64() * 0.95
	c.MaxAutomation = c.Automation + r.Float64()*(1-c.Automation)
	if r.IntN(3) == 0 {
		c.AIFleet = FleetFixed
	}
	c.AIObjectCap = 1 + r.IntN(2*c.AIAgents+2) // often below the fleet: objects as equal shares
	c.InterestRate = r.Float64() * 0.2
	c.ComputeAdjust = math.Exp(r.Float64()*6 - 3)
	c.AIMarkup = r.Float64() * 2 * float64(r.IntN(2))
	return c
}

// TestRandomConfigurations checks the accounting identities, money
// conservation and finite, bounded outputs on random valid configurations.
func TestRandomConfigurations(t *testing.T) {
	n := 150
	if testing.Short() {
		n = 30
	}
	r := rand.New(rand.NewPCG(1, 2))
	for i := range n {
		c := randomConfig(r)
		if err := c.Validate(); err != nil {
			t.Fatalf("config %d: %v", i, err)
		}
		w, err := New(c)
		if err != nil {
			t.Fatal(err)
		}
		m0 := w.money()
		for range c.Steps() {
			a := w.Step()
			checkStep(t, c, &a, m0)
			checkAgents(t, w)
		}
	}
}

// checkStep checks one step's accounts: finite; GDP by income equals GDP
// by production and money is conserved (to 1e-9 of the money or of the
// step's largest flow — GDP, consumption, investment — whichever is
// larger: rounding is relative to the amounts payments move, and a tiny
// economy can produce nothing in a step while its households still spend
// out of wealth); shares, rates and Φ_A
// in [0,1]; deployed AI within the AI in existence; every worker employed,
// unemployed or retraining.
func checkStep(t *testing.T, c Config, a *economy.Accounts, m0 float64) {
	t.Helper()
	if err := checkFinite(a); err != nil {
		t.Fatalf("%+v: %v", c, err)
	}
	if !relClose(a.GDP, a.GDPIncome, 1e-9) || math.Abs(a.Money-m0) > 1e-9*max(math.Abs(m0), a.GDP, a.Consumption, a.Investment+a.ComputeInvestment) {
		t.Fatalf("%+v step %d: GDP %v vs income %v; money %v vs %v", c, a.Step, a.GDP, a.GDPIncome, a.Money, m0)
	}
	for _, s := range []float64{a.LaborShare, a.UnemploymentRate, a.VacancyRate, a.AITaskShare, a.AIFrontier} {
		if s < 0 || s > 1 {
			t.Fatalf("%+v step %d: a share outside [0,1]: %+v", c, a.Step, a)
		}
	}
	if a.AIAgentsDeployed > a.AIFleet*(1+1e-12) || a.Employed+a.Unemployed+a.Retraining+a.Inactive != c.Workers {
		t.Fatalf("%+v step %d: %g of %g AI agents; %d+%d+%d of %d workers", c, a.Step,
			a.AIAgentsDeployed, a.AIFleet, a.Employed, a.Unemployed, a.Retraining+a.Inactive, c.Workers)
	}
}

// checkAgents checks, at the end of a step, that the individual AI agent
// objects (placed by moveAgents beside the later phases) are where the
// market counted them: as many in every slot as it wants and, while every
// object is one agent-instance, as many deployed in all as deployAI
// counted; past the object cap the objects stand for equal shares.
func checkAgents(t *testing.T, w *World) {
	t.Helper()
	n := make([]int32, len(w.ai.count))
	deployed := 0
	for _, a := range w.ai.agents {
		if a.Firm != agents.Idle {
			n[int(a.Firm)*w.cfg.TaskBins+int(a.Bin)]++
			deployed++
		}
	}
	if (w.ai.whole && float64(deployed) != w.ai.deployed) || !slices.Equal(n, w.ai.count) {
		t.Fatalf("%+v step %d: %d agents placed, %g counted deployed, or the slots' agents differ from their counts", w.cfg, w.step, deployed, w.ai.deployed)
	}
}
