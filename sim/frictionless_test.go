package sim

import (
	"math"
	"reflect"
	"runtime"
	"testing"

	"github.com/laborsim/laborsim/agents"
	"github.com/laborsim/laborsim/economy"
)

// limit is the frictionless, homogeneous limit of DESIGN §5 for one point
// of the task model, with awkward counts: 37 firms, AI productivity 1.3.
func limit(sigma, phi, kl float64, workers, firms int) Config {
	c := DefaultConfig()
	c.Frictionless, c.FixedFrontier, c.AIFleet = true, true, FleetFixed
	c.TraditionalShare, c.SkillDispersion, c.TFPDispersion, c.Sectors, c.AIPrice = 0, 0, 0, 1, 0
	c.Sigma, c.Automation, c.AIProductivity = sigma, phi, 1.3
	c.Workers, c.Firms, c.Years, c.StepsPerYear = workers, firms, 1, 2
	c.AIAgents = int(math.Round(kl * float64(workers) / c.AIProductivity))
	return c
}

// TestFrictionlessClosedForm checks the agents' accounts against Korinek &
// Suh's eq. 4 on both sides of the regions' boundary K/L = Φ/(1−Φ). The
// points near the boundary failed by up to 9% when workers were poured
// without regard to firms' totals.
func TestFrictionlessClosedForm(t *testing.T) {
	for _, p := range []struct {
		sigma, phi, kl float64
		workers, firms int
	}{
		{0.5, 0.4, 1, 10000, 37},
		{0.5, 0.4, 0.63, 10000, 100}, // region 2, 5% below the boundary
		{0.5, 0.4, 0.7, 10000, 100},  // region 1, 5% above it
		{0.3, 0.61, 1.7, 5000, 37},
		{1, 0.25, 0.2, 1000, 37},
		{1, 0.55, 2.9, 5000, 37},
		{2.5, 0.47, 0.93, 5000, 37},
		{2.5, 0.47, 0.85, 5000, 37},
	} {
		c := limit(p.sigma, p.phi, p.kl, p.workers, p.firms)
		a := run(t, c).Final()
		m := economy.TaskModel{A: c.TFP, Sigma: c.Sigma, Phi: c.Automation,
			K: float64(c.AIAgents) * c.AIProductivity, L: float64(c.Workers)}
		for _, q := range []struct {
			name      string
			got, want float64
		}{
			{"labor share", a.LaborShare, m.LaborShare()},
			{"wage per efficiency unit", a.WageBill / m.L, m.Wage()},
			{"AI rent per efficiency unit", a.AIRents / m.K, m.Rent()},
			{"GDP per worker", a.GDP / m.L, m.Output() / m.L},
		} {
			if !relClose(q.got, q.want, 1e-3) {
				t.Errorf("σ=%v Φ=%v K/L=%v N=%d F=%d: %s %v, closed form %v (error %.2g)",
					p.sigma, p.phi, p.kl, p.workers, p.firms, q.name, q.got, q.want, q.got/q.want-1)
			}
		}
	}
}

// TestFrictionlessFirms checks how the frictionless market shares inputs:
// every worker employed; without traditional capital each firm's humans
// follow its whole AI agents (equal ratios in region 1, every firm at least
// at the boundary in region 2) to within one worker; with traditional
// capital each firm's human units are its capital share to within one
// worker.
func TestFrictionlessFirms(t *testing.T) {
	for _, c := range []Config{limit(0.5, 0.4, 1.1, 5003, 37), limit(0.5, 0.4, 0.5, 5003, 37), func() Config {
		c := small()
		c.Frictionless = true
		return c
	}()} {
		w, err := New(c)
		if err != nil {
			t.Fatal(err)
		}
		w.Step()
		for j := range w.workers {
			if w.workers[j].Status != agents.Employed {
				t.Fatalf("worker %d not employed", j)
			}
		}
		var maxEff, labour, ai, capital [4]float64
		for j := range w.workers {
			wk := &w.workers[j]
			maxEff[wk.Sector] = math.Max(maxEff[wk.Sector], float64(wk.Efficiency))
			labour[wk.Sector] += float64(wk.Efficiency)
		}
		for f := range w.firms {
			ai[w.firms[f].Sector] += w.firms[f].AIUnits
			capital[w.firms[f].Sector] += w.firms[f].CapitalInUse
		}
		for f := range w.firms {
			fm := &w.firms[f]
			s, b := fm.Sector, w.blocks[fm.Sector]
			var lo, hi float64
			switch {
			case b.Trad > 0:
				lo = labour[s] * fm.CapitalInUse / capital[s]
				hi = lo
			case ai[s]*b.Human > labour[s]*b.AI: // region 1
				lo = labour[s] * fm.AIUnits / ai[s]
				hi = lo
			default:
				lo, hi = fm.AIUnits*b.Human/b.AI, math.Inf(1)
			}
			if fm.HumanUnits < lo-maxEff[s] || fm.HumanUnits > hi+maxEff[s] {
				t.Fatalf("%d workers, firm %d: %v human units, %v AI units; want [%v, %v] ± %v",
					c.Workers, f, fm.HumanUnits, fm.AIUnits, lo, hi, maxEff[s])
			}
		}
	}
}

// TestFrictionlessDeterminism runs the frictionless market under
// GOMAXPROCS 1 and 8 and expects identical accounts.
func TestFrictionlessDeterminism(t *testing.T) {
	c := small()
	c.Workers, c.Firms, c.Frictionless, c.Years = 20000, 100, true, 1
	defer runtime.GOMAXPROCS(runtime.GOMAXPROCS(0))
	runtime.GOMAXPROCS(1)
	one := run(t, c).Series
	runtime.GOMAXPROCS(8)
	if !reflect.DeepEqual(one, run(t, c).Series) {
		t.Fatal("GOMAXPROCS=8 changed the frictionless output")
	}
}

// TestFrictionlessEdges runs the smallest frictionless economies, with
// more firms than workers, no AI, no traditional capital or none of its
// stock, to the end with finite numbers and every worker employed.
func TestFrictionlessEdges(t *testing.T) {
	for _, e := range []struct {
		workers, firms, ai int
		trad, capital      float64
	}{
		{1, 1, 0, 0.608, 4.6}, {1, 1, 1, 0, 4.6}, {2, 5, 100, 0.608, 4.6}, {2, 5, 100, 0, 4.6},
		{3, 7, 1, 0.3, 0}, {50, 1, 0, 0.608, 4.6}, {10, 10, 1000, 0, 4.6},
	} {
		c := DefaultConfig()
		c.Frictionless, c.Years = true, 2
		c.Workers, c.Firms, c.AIAgents, c.TraditionalShare, c.CapitalPerWorker = e.workers, e.firms, e.ai, e.trad, e.capital
		for _, a := range run(t, c).Series { // Run fails on any non-finite number
			if a.Employed != e.workers || a.AIAgentsDeployed > a.AIFleet || a.LaborShare < 0 || a.LaborShare > 1+1e-9 {
				t.Fatalf("%+v step %d: %d employed, %g AI agents deployed, labor share %v",
					e, a.Step, a.Employed, a.AIAgentsDeployed, a.LaborShare)
			}
		}
	}
}
