package validation

import (
	"fmt"
	"math"

	"github.com/laborsim/laborsim/economy"
	"github.com/laborsim/laborsim/sim"
)

// DynamicCeilings are the --max-automation values of the ks-dynamic check:
// full automation (every task, wages collapse when it completes) and
// Korinek & Suh's bounded complexity (a tenth of tasks never automated,
// wages keep rising).
var DynamicCeilings = []float64{1, 0.9}

// dynamicConfig is the frictionless, homogeneous limit with the fleet
// growing with compute: free AI (so the whole fleet is deployed and q = 1),
// a frontier rising 0.1 per tenfold compute from 0.3, half an agent per
// worker at the start, ten years.
func dynamicConfig(o Options, ceiling float64) sim.Config {
	c := limit()
	c.AIFleet, c.FixedFrontier = sim.FleetCompute, false
	c.Automation, c.FrontierSlope, c.MaxAutomation = 0.3, 0.1, ceiling
	c.Workers, c.Firms, c.Years = o.Workers, o.Firms, 10
	c.AIAgents = o.Workers / 2
	return c
}

// dynamicCheck follows Korinek & Suh's closed form step by step along the
// path of the frontier and the fleet the run itself produces.
func dynamicCheck(o Options) Check {
	c := Check{
		Name:  "ks-dynamic",
		Title: "Korinek & Suh's wage path with the fleet growing from compute",
		Source: "Korinek & Suh (2024) eq. 4 at every step, at the step's frontier Φ_A(t) and fleet K(t): " +
			"wages rise while AI complements the remaining human tasks, then fall to A when automation completes; with a ceiling below 1 they keep rising",
		Rule: "|relative error| of wage and labor share <= 0.5% at every step; the wage's peak and its end as the closed form's",
		vary: map[string]string{"max-automation": "1 and 0.9"},
	}
	for _, ceiling := range DynamicCeilings {
		c.Runs = append(c.Runs, dynamicConfig(o, ceiling))
	}
	c.judge = judgeDynamic
	return c
}

// pathModel is the closed form at one step of a run: the step's frontier
// and deployed AI.
func pathModel(c sim.Config, a economy.Accounts) economy.TaskModel {
	return economy.TaskModel{A: c.TFP, Sigma: c.Sigma, Phi: a.AIFrontier,
		K: a.AIAgentsDeployed * c.AIProductivity, L: float64(c.Workers)}
}

// judgeDynamic reports, for each run, the largest relative error over the
// steps of the wage per efficiency unit and of the labor share, and the
// simulated wage at its end relative to its peak against the closed form's.
func judgeDynamic(runs []sim.Config, res []sim.Result) []Outcome {
	var out []Outcome
	for i, c := range runs {
		params := fmt.Sprintf("--max-automation %g, %d steps", c.MaxAutomation, c.Steps())
		var errWage, errShare, peak, peakForm, wage, form float64
		for _, a := range res[i].Series {
			m := pathModel(c, a)
			form, wage = m.Wage(), a.WageBill/m.L
			errWage = math.Max(errWage, math.Abs(wage/form-1))
			errShare = math.Max(errShare, math.Abs(a.LaborShare/m.LaborShare()-1))
			peak, peakForm = math.Max(peak, wage), math.Max(peakForm, form)
		}
		worst := []Outcome{
			outcome("largest wage error over the steps", params, 0, errWage, 0, Tolerance),
			outcome("largest labor-share error over the steps", params, 0, errShare, 0, Tolerance),
		}
		for k := range worst {
			worst[k].Expect = "0 (the closed form at every step)"
			worst[k].Note = "the largest |relative error| of any step"
		}
		out = append(out, worst...)
		out = append(out, compare("final wage / peak wage", params, form/peakForm, wage/peak, Tolerance))
		out = tag(out, c, 1)
	}
	return out
}
