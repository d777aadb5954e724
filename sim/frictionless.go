package sim

import (
	"math"

	"github.com/laborsim/laborsim/agents"
)

// sectorInputs is one sector's representative allocation in the
// frictionless market: ratios of input to task measure in each block.
type sectorInputs struct {
	tfp, capital, labour float64 // A (capital-weighted mean), K_T, L (efficiency units)
	ai                   float64 // AI efficiency units used
	rHuman, rAI, rPooled float64 // human-only ratio, AI ratio in capable tasks, total ratio in capable tasks
}

// settleFrictionless replaces search and the AI market with instant
// clearing: every worker is employed, wages are marginal products, and AI
// agents go where their marginal product is highest until it falls to the
// cost price or they run out. Within a sector inputs are allocated as the
// task model's competitive equilibrium (Korinek & Suh's two regions): AI
// takes the capable tasks first; humans join it there only when AI is too
// scarce to push its ratio above theirs. Each firm gets the sector's inputs
// in proportion to its traditional capital (equally when there is none),
// which is the equilibrium when firms share a TFP.
func (w *World) settleFrictionless() {
	c := w.cfg
	sec := w.sectorTotals()
	total := float64(len(w.ai)) * c.AIProductivity
	pu := w.costPrice / c.AIProductivity
	use := func(p float64) float64 {
		sum := 0.0
		for s := range sec {
			sum += w.sectorAIDemand(&sec[s], s, p, total)
		}
		return sum
	}
	if use(pu) > total {
		lo, hi := pu, 0.0
		for s := range sec {
			hi = math.Max(hi, w.sectorMPAI(&sec[s], s, 0))
		}
		for range 100 {
			mid := (lo + hi) / 2
			if use(mid) > total {
				lo = mid
			} else {
				hi = mid
			}
		}
		pu = hi
		left := total
		for s := range sec {
			sec[s].ai = math.Min(left, w.sectorAIDemand(&sec[s], s, pu, total))
			left -= sec[s].ai
		}
		if left > 0 {
			for s := range sec {
				if w.blocks[s].AI > 0 {
					sec[s].ai += left
					break
				}
			}
		}
	} else {
		for s := range sec {
			sec[s].ai = w.sectorAIDemand(&sec[s], s, pu, total)
		}
	}
	for s := range sec {
		w.sectorRatios(&sec[s], s)
	}
	w.frictionlessTargets(sec)
	w.pourFrictionless()
}

// sectorTotals sums each sector's labour, capital and capital-weighted TFP.
func (w *World) sectorTotals() []sectorInputs {
	sec := make([]sectorInputs, w.cfg.Sectors)
	for j := range w.workers {
		wk := &w.workers[j]
		sec[wk.Sector].labour += float64(wk.Efficiency)
	}
	n := make([]float64, len(sec))
	for f := range w.firms {
		fm := &w.firms[f]
		sec[fm.Sector].capital += fm.Capital
		sec[fm.Sector].tfp += fm.TFP * w.firmWeight(f)
		n[fm.Sector] += w.firmWeight(f)
	}
	for s := range sec {
		if n[s] > 0 {
			sec[s].tfp /= n[s]
		}
	}
	return sec
}

// firmWeight is a firm's share key within its sector: its traditional
// capital, or 1 when the economy has none.
func (w *World) firmWeight(f int) float64 {
	if w.cfg.TraditionalShare > 0 {
		return w.firms[f].Capital
	}
	return 1
}

// sectorRatios sets the block ratios for the sector's inputs.
func (w *World) sectorRatios(si *sectorInputs, s int) {
	b := w.blocks[s]
	switch {
	case b.AI <= 0:
		si.rHuman = si.labour / b.Human
		si.rAI, si.rPooled = 0, 0
	case b.Human <= 0:
		si.rAI, si.rPooled = si.ai/b.AI, (si.ai+si.labour)/b.AI
	case si.ai*b.Human >= si.labour*b.AI:
		si.rHuman, si.rAI, si.rPooled = si.labour/b.Human, si.ai/b.AI, si.ai/b.AI
	default:
		r := (si.ai + si.labour) / (b.AI + b.Human)
		si.rHuman, si.rAI, si.rPooled = r, si.ai/b.AI, r
	}
}

// sectorMPAI is the marginal product of AI in a sector using ai units.
func (w *World) sectorMPAI(si *sectorInputs, s int, ai float64) float64 {
	b := w.blocks[s]
	if b.AI <= 0 {
		return 0
	}
	t := *si
	t.ai = ai
	w.sectorRatios(&t, s)
	sum, zero := 0.0, false
	for _, p := range [][2]float64{{b.Trad, t.capital / math.Max(b.Trad, 1e-300)}, {b.AI, t.rPooled}, {b.Human, t.rHuman}} {
		term, ok := w.ces.Term(p[0], p[1])
		sum += term
		zero = zero || !ok
	}
	x := w.ces.Mean(sum, zero)
	if x == 0 && t.rPooled == 0 {
		return math.Inf(1)
	}
	return w.ces.Marginal(t.tfp, x, t.rPooled)
}

// sectorAIDemand is the AI a sector uses at price pu per efficiency unit:
// the most, up to limit, whose marginal product is at least pu.
func (w *World) sectorAIDemand(si *sectorInputs, s int, pu, limit float64) float64 {
	if w.blocks[s].AI <= 0 || limit <= 0 {
		return 0
	}
	if w.sectorMPAI(si, s, limit) >= pu {
		return limit
	}
	lo, hi := 0.0, limit
	for range 100 {
		mid := (lo + hi) / 2
		if w.sectorMPAI(si, s, mid) >= pu {
			lo = mid
		} else {
			hi = mid
		}
	}
	return lo
}

// frictionlessTargets sets every slot's human-unit target and wanted AI
// agents from the sector ratios and the firm's share of its sector.
func (w *World) frictionlessTargets(sec []sectorInputs) {
	c := w.cfg
	weight := make([]float64, c.Sectors)
	for f := range w.firms {
		weight[w.firms[f].Sector] += w.firmWeight(f)
	}
	cum, done := 0.0, 0.0
	left := int32(len(w.ai))
	for f := range w.firms {
		s := w.firms[f].Sector
		si := sec[s]
		share := w.firmWeight(f) / weight[s]
		for i, wt := range w.tasks.Weights[s] {
			sp := w.split[i]
			slot := f*c.TaskBins + i
			w.target[slot] = share * wt * (sp.Human*si.rHuman + sp.AI*(si.rPooled-si.rAI))
			w.vacancies[slot] = 0
			want := int32(0)
			if sp.AI > 0 {
				cum += share * wt * sp.AI * si.rAI / c.AIProductivity
				want = min(left, int32(math.Floor(cum+0.5)-math.Floor(done+0.5)))
				done = cum
			}
			w.aiWant[slot] = want
			left -= want
		}
	}
	w.deployAI()
}

// pourFrictionless employs every worker at the targets (see pour).
func (w *World) pourFrictionless() {
	for j := range w.workers {
		w.workers[j].Status = agents.Employed
	}
	w.pour()
	w.recount()
}
