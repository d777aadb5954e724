package sim

import (
	"fmt"
	"testing"
)

// TestSizeCombinations runs every combination of 1, 2 and large counts of
// workers, firms and AI agents (none included) to the end of a year with
// finite numbers and shares in [0, 1].
func TestSizeCombinations(t *testing.T) {
	large := 20000
	if testing.Short() {
		large = 2000
	}
	for _, workers := range []int{1, 2, large} {
		for _, firms := range []int{1, 2, large / 40} {
			for _, ai := range []int{0, 1, 2, 2 * large} {
				t.Run(fmt.Sprintf("w%d_f%d_a%d", workers, firms, ai), func(t *testing.T) {
					c := DefaultConfig()
					c.Workers, c.Firms, c.AIAgents, c.Years = workers, firms, ai, 1
					checkShares(t, run(t, c))
				})
			}
		}
	}
}

// TestExtremeParameters runs the documented extremes of the parameters.
func TestExtremeParameters(t *testing.T) {
	for name, mod := range map[string]func(*Config){
		"sigma 0.04":         func(c *Config) { c.Sigma = 0.04 },
		"sigma 100":          func(c *Config) { c.Sigma = 100 },
		"no cost decline":    func(c *Config) { c.AICostDecline = 1 },
		"decline 1000/yr":    func(c *Config) { c.AICostDecline = 1000 },
		"one step":           func(c *Config) { c.Years, c.StepsPerYear = 1, 1 },
		"100 years":          func(c *Config) { c.Years = 100 },
		"single sector":      func(c *Config) { c.Sectors = 1 },
		"free AI":            func(c *Config) { c.AIPrice = 0 },
		"no traditional":     func(c *Config) { c.TraditionalShare = 0 },
		"full automation":    func(c *Config) { c.Automation, c.FixedFrontier = 1-c.TraditionalShare, true },
		"one task bin":       func(c *Config) { c.TaskBins = 1 },
		"huge dispersion":    func(c *Config) { c.SkillDispersion, c.TFPDispersion = 3, 2 },
		"frictionless sigma": func(c *Config) { c.Frictionless, c.Sigma = true, 0.05 },
		"more firms":         func(c *Config) { c.Firms = 2 * c.Workers },
		"more AI than work":  func(c *Config) { c.AIAgents = 50 * c.Workers },
	} {
		t.Run(name, func(t *testing.T) {
			c := DefaultConfig()
			c.Workers, c.Firms, c.AIAgents, c.Years = 1000, 10, 1000, min(c.Years, 3)
			mod(&c)
			checkShares(t, run(t, c))
		})
	}
}

// TestMillionAgents builds and steps the economy at 1,000,000 workers and
// 1,000,000 AI agents.
func TestMillionAgents(t *testing.T) {
	if testing.Short() {
		t.Skip("a million agents")
	}
	c := DefaultConfig()
	c.Workers, c.Firms, c.AIAgents, c.Years, c.StepsPerYear = 1_000_000, 10_000, 1_000_000, 1, 3
	checkShares(t, run(t, c))
}

func checkShares(t *testing.T, res Result) {
	t.Helper()
	for _, a := range res.Series {
		for _, s := range []float64{a.LaborShare, a.CapitalShare, a.AIShare, a.UnemploymentRate, a.VacancyRate, a.AITaskShare} {
			if s < 0 || s > 1 {
				t.Fatalf("step %d: a share outside [0,1]: %+v", a.Step, a)
			}
		}
	}
}
