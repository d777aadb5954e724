package sim

import (
	"math"

	"github.com/laborsim/laborsim/agents"
)

// clearAI clears the AI-agent market. Firms' demand curves D_f(p) come from
// their plans; if the agents in existence cover demand at the cost price,
// the price is the cost price and the rest stay idle. Otherwise the price
// rises until demand equals the agents in existence (bisection in log
// price); the excess over cost is a scarcity rent. Firms indifferent at the
// clearing price are rationed pro rata. The agents are then deployed to
// the firms' AI-capable bins in proportion to the bins' weights.
func (w *World) clearAI() {
	w.keptHumans()
	n := float64(len(w.ai))
	w.price = w.costPrice
	if n == 0 {
		return
	}
	lo, hi := w.costPrice, 0.0
	for f := range w.firms {
		hi = max(hi, w.firms[f].HumanCost*w.cfg.AIProductivity)
	}
	dLo := w.aiDemand(lo)
	theta := 1.0
	if dLo > n && hi > lo {
		if lo <= 0 {
			lo = hi * 1e-15
			dLo = w.aiDemand(lo)
		}
		for range 60 {
			mid := math.Sqrt(lo * hi)
			if w.aiDemand(mid) > n {
				lo = mid
			} else {
				hi = mid
			}
		}
		dLo, dHi := w.aiDemand(lo), w.aiDemand(hi)
		w.price = hi
		theta = 0
		if !math.IsInf(dLo, 0) && dLo > dHi {
			theta = math.Max(0, math.Min(1, (n-dHi)/(dLo-dHi)))
		}
		w.allocateAI(lo, hi, theta)
	} else {
		w.allocateAI(lo, lo, theta)
	}
	w.deployAI()
}

// keptHumans sets, for every firm, the human units working its AI-capable
// tasks this step: those beyond what its human-only tasks need. A firm rents
// AI for the capable tasks its humans do not cover; as it lays them off
// (at the adjustment rate) AI takes their place, so AI demand follows
// staffing instead of jumping between firms.
func (w *World) keptHumans() {
	b := w.cfg.TaskBins
	for f := range w.firms {
		fm := &w.firms[f]
		h := 0.0
		for _, x := range w.human[f*b : (f+1)*b] {
			h += x
		}
		need := w.blocks[fm.Sector].Human * fm.Plan.Human * fm.Scale
		fm.Kept = 0
		if fm.Plan.UseAI && !math.IsInf(need, 0) {
			fm.Kept = math.Max(0, h-need)
		}
	}
}

// aiDemand is the market's demand for AI agents at price p per agent.
func (w *World) aiDemand(p float64) float64 {
	prod := w.cfg.AIProductivity
	sum := 0.0
	for f := range w.firms {
		fm := &w.firms[f]
		sum += fm.AIDemand(w.ces, w.blocks[fm.Sector], p/prod, fm.Scale) / prod
	}
	return sum
}

// allocateAI sets every slot's wanted agents: firm f wants
// D_f(pHi) + θ (D_f(pLo) − D_f(pHi)) agents, spread over its AI-capable
// bins by weight, rounded cumulatively so that the total is the rounded
// total and never exceeds the agents in existence.
func (w *World) allocateAI(pLo, pHi, theta float64) {
	c := &w.cfg
	prod := c.AIProductivity
	left := int32(len(w.ai))
	cum, done := 0.0, 0.0
	for f := range w.firms {
		fm := &w.firms[f]
		bl := w.blocks[fm.Sector]
		d := fm.AIDemand(w.ces, bl, pHi/prod, fm.Scale) / prod
		if theta > 0 {
			dl := fm.AIDemand(w.ces, bl, pLo/prod, fm.Scale) / prod
			if math.IsInf(dl, 0) {
				dl = float64(len(w.ai))
			}
			d += theta * (dl - d)
		}
		d = min(d, float64(len(w.ai)))
		base := f * c.TaskBins
		for i, wt := range w.tasks.Weights[fm.Sector] {
			want := int32(0)
			if bl.AI > 0 && w.split[i].AI > 0 {
				cum += d * wt * w.split[i].AI / bl.AI
				want = min(left, int32(math.Floor(cum+0.5)-math.Floor(done+0.5)))
				done = cum
			}
			w.aiWant[base+i] = want
			left -= want
		}
	}
}

// deployAI moves the individual agents to the wanted slots and sets every
// slot's AI efficiency units.
func (w *World) deployAI() {
	w.deployed = agents.Deploy(w.ai, w.aiWant, w.aiCount, w.cfg.TaskBins)
	prod := w.cfg.AIProductivity
	for k, n := range w.aiCount {
		w.aiUnits[k] = float64(n) * prod
	}
}
