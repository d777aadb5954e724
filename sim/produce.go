package sim

import (
	"runtime"

	"github.com/laborsim/laborsim/agents"
)

// firmPartial is one firm chunk's contribution to the step's totals.
type firmPartial struct {
	gdp, wages, aiBill, aiTax, surplus, dividends, invest float64
	aiUnits, humanUnits                                   float64
	vacancies                                             int
}

// recount rebuilds every slot's human units and head count, and every firm's
// wage bill, from the workers, adding them up in index order. The firms are
// split into one range per core, and each core passes over all the workers
// but adds up only those of its own firms: every sum is still taken in
// index order, so the numbers do not depend on the number of ranges, while
// the scattered additions into the slots (the cost) are shared out.
func (w *World) recount() {
	w.clearStaff()
	w.sumStaff()
}

// clearStaff zeroes the slots' human units and head counts, in parallel
// over firm chunks: the first half of recount, which the step runs ahead
// of the second.
func (w *World) clearStaff() {
	w.parallel(len(w.firms), firmChunk, (*World).clearStaffChunk)
}

func (w *World) clearStaffChunk(_, lo, hi int) {
	b := w.cfg.TaskBins
	clear(w.human[lo*b : hi*b])
	clear(w.count[lo*b : hi*b])
}

// sumStaff adds up the workers into the cleared slots and the wage bills.
func (w *World) sumStaff() {
	w.recountParts = min(w.pool.helpers+1, runtime.GOMAXPROCS(0), len(w.firms))
	if w.sideRunning {
		w.recountParts = 1 // the side goroutine has the other core
	}
	w.parallel(w.recountParts, 1, (*World).recountPart)
}

// recountPart recounts the firms of range part of w.recountParts.
func (w *World) recountPart(part, _, _ int) {
	n := len(w.firms)
	w.recountFirms(n*part/w.recountParts, n*(part+1)/w.recountParts)
}

// recountFirms adds up the workers of the firms [lo, hi).
func (w *World) recountFirms(lo, hi int) {
	b := w.cfg.TaskBins
	bill := w.wageBill[lo:hi]
	clear(bill)
	flo, fhi := int32(lo), int32(hi)
	for j := range w.workers {
		wk := &w.workers[j]
		if wk.Status != agents.Employed || wk.Firm < flo || wk.Firm >= fhi {
			continue
		}
		slot := int(wk.Firm)*b + int(wk.Bin)
		w.human[slot] += float64(wk.Efficiency)
		w.count[slot]++
		bill[wk.Firm-flo] += wk.Wage()
	}
	for i, v := range bill {
		w.firms[lo+i].WageBill = v
	}
}

// produce runs every firm's production in parallel over firm chunks.
func (w *World) produce() {
	w.parallel(len(w.firms), firmChunk, (*World).produceChunk)
}

// produceChunk produces for one firm chunk and, in the same pass over its
// slots, adds up what payChunk reports for the chunk (slotTotals) and each
// firm's AI agents.
func (w *World) produceChunk(ch, lo, hi int) {
	b := w.cfg.TaskBins
	var t slotTotals
	for f := lo; f < hi; f++ {
		var ai, human float64
		agentsHere := 0
		for k := f * b; k < (f+1)*b; k++ {
			ai += w.aiUnits[k]
			human += w.human[k]
			t.aiUnits += w.aiUnits[k]
			t.humanUnits += w.human[k]
			t.vacancies += int(w.vacancies[k])
			agentsHere += int(w.aiCount[k])
		}
		w.aiHere[f] = agentsHere
		w.produceFirm(f, ai, human)
	}
	w.slotSums[ch] = t
}

// slotTotals are one firm chunk's sums over its slots, each taken slot by
// slot in slot order.
type slotTotals struct {
	aiUnits, humanUnits float64
	vacancies           int
}

// produceFirm computes firm f's output Y = A·X and the marginal products of
// its humans and AI agents, given the AI and human units in its slots.
// Workers and AI agents are hired into task bins,
// but like any worker they perform many tasks: the firm spreads its human
// and AI units over its tasks optimally (economy.Allocate), so output does
// not collapse when one bin of a small firm is empty.
func (w *World) produceFirm(f int, ai, human float64) {
	fm := &w.firms[f]
	bl := w.blocks[fm.Sector]
	x, rAI, rHuman := w.ces.Index(bl, fm.Capital, ai, human)
	fm.X, fm.Output = x, fm.TFP*x
	fm.HumanUnits, fm.AIUnits = human, ai
	fm.MPAI = w.ces.Marginal(fm.TFP, x, rAI)
	fm.MPHuman = fm.MPAI
	if bl.Human > 0 {
		fm.MPHuman = w.ces.Marginal(fm.TFP, x, rHuman)
	}
	w.mpHuman[f] = fm.MPHuman
}
