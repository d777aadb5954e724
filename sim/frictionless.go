package sim

import (
	"math"

	"github.com/laborsim/laborsim/agents"
)

// sectorInputs is one sector's representative allocation in the
// frictionless market: ratios of input to task measure in each block.
type sectorInputs struct {
	tfp, capital, labour float64 // A (weighted mean), K_T, L (efficiency units)
	weight, firms        float64 // Σ of the firms' share keys (firmWeight), number of firms
	ai                   float64 // AI efficiency units wanted
	deployed             float64 // AI efficiency units deployed (whole agents)
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
// which is the equilibrium when firms share a TFP; AI agents come whole,
// and where no traditional capital pins firms' sizes the humans follow
// each firm's whole agents (firmLabour). No one is hired by search.
func (w *World) settleFrictionless() {
	w.labour.flows = matchFlows{}
	sec := w.sectorTotals()
	w.clearFrictionlessAI(sec)
	for s := range sec {
		w.sectorRatios(&sec[s], s)
	}
	w.deployFrictionless(sec)
	w.pourFrictionless(sec)
}

// clearFrictionlessAI sets every sector's AI units: its demand at the cost
// price when the agents in existence cover it, otherwise at the price
// (found by bisection) at which demand equals the agents in existence. A
// cost price of 0 deploys every agent wherever AI can work.
func (w *World) clearFrictionlessAI(sec []sectorInputs) {
	c := w.cfg
	total := w.ai.supply() * c.AIProductivity
	pu := w.ai.costPrice / c.AIProductivity
	use := func(p float64) float64 {
		sum := 0.0
		for s := range sec {
			sum += w.sectorAIDemand(&sec[s], s, p, total)
		}
		return sum
	}
	if use(pu) <= total {
		for s := range sec {
			sec[s].ai = w.sectorAIDemand(&sec[s], s, pu, total)
		}
		return
	}
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
	left := total
	for s := range sec {
		sec[s].ai = math.Min(left, w.sectorAIDemand(&sec[s], s, hi, total))
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
}

// sectorTotals sums each sector's labour, capital, firms' share keys and
// key-weighted TFP.
func (w *World) sectorTotals() []sectorInputs {
	sec := make([]sectorInputs, w.cfg.Sectors)
	for j := range w.workers {
		wk := &w.workers[j]
		sec[wk.Sector].labour += float64(wk.Efficiency)
	}
	for f := range w.firms {
		fm := &w.firms[f]
		sec[fm.Sector].capital += fm.CapitalInUse
		sec[fm.Sector].tfp += fm.TFP * w.firmWeight(f)
		sec[fm.Sector].weight += w.firmWeight(f)
		sec[fm.Sector].firms++
	}
	for s := range sec {
		if sec[s].weight > 0 {
			sec[s].tfp /= sec[s].weight
		}
	}
	return sec
}

// firmWeight is a firm's share key within its sector: its traditional
// capital, or 1 when the economy has none.
func (w *World) firmWeight(f int) float64 {
	if w.cfg.TraditionalShare > 0 {
		return w.firms[f].CapitalInUse
	}
	return 1
}

// firmShare is firm f's share of its sector's inputs: its share key over
// the sector's, or an equal part when no firm of the sector has capital.
func (w *World) firmShare(f int, si *sectorInputs) float64 {
	if si.weight > 0 {
		return w.firmWeight(f) / si.weight
	}
	return 1 / si.firms
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

// deployFrictionless deploys the AI: each firm wants its share of its
// sector's AI, spread over its AI-capable bins by weight and placed as
// the AI market places it (whole agents rounded cumulatively, so every
// firm is within one agent of its share and the total is the rounded
// total, while the fleet is within the object cap; exact shares past it).
// It then records each firm's deployed AI units and each sector's total.
func (w *World) deployFrictionless(sec []sectorInputs) {
	c := w.cfg
	pl := w.ai.placer(c.AIProductivity)
	for f := range w.firms {
		s := w.firms[f].Sector
		share := w.firmShare(f, &sec[s])
		for i, wt := range w.tasks.Weights[s] {
			slot := f*c.TaskBins + i
			agents := 0.0
			if sp := w.split[i]; sp.AI > 0 {
				agents = share * wt * sp.AI * sec[s].rAI / c.AIProductivity
			}
			pl.place(slot, agents)
			w.prod.vacancies[slot] = 0
		}
	}
	w.deployAI()
	for f := range w.firms {
		fm := &w.firms[f]
		fm.AIUnits = 0
		for _, u := range w.ai.units[f*c.TaskBins : (f+1)*c.TaskBins] {
			fm.AIUnits += u
		}
		sec[fm.Sector].deployed += fm.AIUnits
	}
}

// firmLabour is the human units firm f employs in the frictionless market:
// its share of the sector's labour. In a sector without traditional
// capital nothing pins a firm's size, and AI agents come whole, so the
// humans follow each firm's deployed AI instead: while AI does all the
// capable tasks (region 1) every firm gets the sector's ratio of humans to
// AI, which equalises wages across firms; otherwise (region 2, w = R) each
// firm first gets the humans that fill its human-only tasks at its AI's
// ratio, and the rest of the sector's labour by share.
func (w *World) firmLabour(f int, si *sectorInputs) float64 {
	b := w.blocks[w.firms[f].Sector]
	share := w.firmShare(f, si)
	if b.Trad > 0 || b.AI <= 0 || b.Human <= 0 || si.deployed <= 0 {
		return share * si.labour
	}
	a := w.firms[f].AIUnits
	need := si.deployed * b.Human / b.AI
	if si.labour <= need {
		return si.labour * a / si.deployed
	}
	return a*b.Human/b.AI + (si.labour-need)*share
}

// humanPattern is the share of a sector's human units that sit in bin i:
// the human-only part at the human ratio, the AI-capable part at the
// humans' share of the pooled ratio (region 2). Workers perform all of
// their firm's tasks (produceFirm), so the bin is where they are hired.
func (w *World) humanPattern(si *sectorInputs, s, i int) float64 {
	sp := w.split[i]
	return w.tasks.Weights[s][i] * (sp.Human*si.rHuman + sp.AI*(si.rPooled-si.rAI))
}

// pourFrictionless employs every worker. Each firm's budget of human units
// is its firmLabour rounded cumulatively over the sector's firms, so the
// budgets add up to the sector's workers and each is within one worker of
// its firmLabour. Workers are poured in descending order of skill into
// slots in descending order of skill requirement, as in pour, but each
// firm tracks its own budget spread over the bins by humanPattern (firm
// f's running total is kept in its HumanUnits, which production then
// recomputes), so rounding never piles up in one firm.
func (w *World) pourFrictionless(sec []sectorInputs) {
	c := w.cfg
	if w.labour.order == nil {
		w.labour.order = w.sortedWorkers()
	}
	for f := range w.firms {
		w.firms[f].HumanUnits = 0
	}
	next := 0
	for s := range c.Sectors {
		si := &sec[s]
		total := 0.0
		for i := range c.TaskBins {
			total += w.humanPattern(si, s, i)
		}
		if total <= 0 {
			total = -1 // no human work: everyone in the sector goes to the leftovers
		}
		covered, last := 0.0, -1
		for k := c.TaskBins - 1; k >= 0 && total > 0; k-- {
			i := w.byReq[k]
			p := w.humanPattern(si, s, i) / total
			covered += p
			if p > 0 {
				last = i
			}
			cum, done := 0.0, 0.0
			for f := s; f < c.Firms; f += c.Sectors {
				h := w.firmLabour(f, si)
				cum += h
				budget := math.Round(cum) - math.Round(done)
				done = cum
				w.prod.target[f*c.TaskBins+i] = h * p
				fm := &w.firms[f]
				want := budget * covered
				for next < len(w.labour.order) && int(w.workers[w.labour.order[next]].Sector) == s {
					eff := float64(w.workers[w.labour.order[next]].Efficiency)
					if fm.HumanUnits+eff/2 > want {
						break
					}
					w.hireAt(int(w.labour.order[next]), f*c.TaskBins+i)
					fm.HumanUnits += eff
					next++
				}
			}
		}
		next = w.pourLeftovers(s, si, last, next)
	}
	w.recount()
}

// pourLeftovers places the sector's workers left over by rounding (only
// with unequal efficiencies): one each to the firms still below their
// budget, then in turn to every firm, all in bin last. Without human work
// in the sector (last < 0) they stay unemployed. It returns the next
// worker to place.
func (w *World) pourLeftovers(s int, si *sectorInputs, last, next int) int {
	c := w.cfg
	more := func() bool { return next < len(w.labour.order) && int(w.workers[w.labour.order[next]].Sector) == s }
	if last < 0 {
		for ; more(); next++ {
			w.workers[w.labour.order[next]].Status = agents.Unemployed
		}
		return next
	}
	cum, done := 0.0, 0.0
	for f := s; f < c.Firms && more(); f += c.Sectors {
		cum += w.firmLabour(f, si)
		budget := math.Round(cum) - math.Round(done)
		done = cum
		if w.firms[f].HumanUnits < budget {
			w.hireAt(int(w.labour.order[next]), f*c.TaskBins+last)
			next++
		}
	}
	for f := s; more(); f += c.Sectors {
		if f >= c.Firms {
			f = s
		}
		w.hireAt(int(w.labour.order[next]), f*c.TaskBins+last)
		next++
	}
	return next
}
