package sim

import (
	"github.com/laborsim/laborsim/agents"
)

// firmPartial is one firm chunk's contribution to the step's totals.
type firmPartial struct {
	gdp, wages, aiBill, aiTax, surplus, dividends, invest float64
	aiUnits, humanUnits                                   float64
	vacancies                                             int
}

// recount rebuilds every slot's human units and head count, and every firm's
// wage bill, from the workers (one pass in index order).
func (w *World) recount() {
	clear(w.human)
	clear(w.count)
	for f := range w.firms {
		w.firms[f].WageBill = 0
	}
	b := w.cfg.TaskBins
	for j := range w.workers {
		wk := &w.workers[j]
		if wk.Status != agents.Employed {
			continue
		}
		slot := int(wk.Firm)*b + int(wk.Bin)
		w.human[slot] += float64(wk.Efficiency)
		w.count[slot]++
		w.firms[wk.Firm].WageBill += wk.Wage()
	}
}

// produce runs every firm's production in parallel over firm chunks.
func (w *World) produce() {
	w.parallel(len(w.firms), firmChunk, (*World).produceChunk)
}

func (w *World) produceChunk(_, lo, hi int) {
	for f := lo; f < hi; f++ {
		w.produceFirm(f)
	}
}

// produceFirm computes firm f's output Y = A·X and the marginal products of
// its humans and AI agents. Workers and AI agents are hired into task bins,
// but like any worker they perform many tasks: the firm spreads its human
// and AI units over its tasks optimally (economy.Allocate), so output does
// not collapse when one bin of a small firm is empty.
func (w *World) produceFirm(f int) {
	fm := &w.firms[f]
	var ai, human float64
	for k := f * w.cfg.TaskBins; k < (f+1)*w.cfg.TaskBins; k++ {
		ai += w.aiUnits[k]
		human += w.human[k]
	}
	bl := w.blocks[fm.Sector]
	x, rAI, rHuman := w.ces.Index(bl, fm.Capital, ai, human)
	fm.X, fm.Output = x, fm.TFP*x
	fm.HumanUnits, fm.AIUnits = human, ai
	fm.MPAI = w.ces.Marginal(fm.TFP, x, rAI)
	fm.MPHuman = fm.MPAI
	if bl.Human > 0 {
		fm.MPHuman = w.ces.Marginal(fm.TFP, x, rHuman)
	}
}
