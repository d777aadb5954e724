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

// recount rebuilds every slot's human units and head count, and every
// firm's wage bill, from the workers, adding them up in index order. It
// lists the workers' posts (postChunk) and sums them (clearStaff, then
// sumStaff); the step's schedule has separate list the posts and runs the
// sums beside the matching.
func (w *World) recount() {
	w.parallel(len(w.workers), workerChunk, (*World).postChunk)
	w.clearStaff()
	w.sumStaff()
}

// post is an employed worker's slot, efficiency and wage as the recount
// adds them up (slot −1 for a worker without a job). The posts, 16 bytes
// a worker in index order, spare the recount's passes the workers' 56.
type post struct {
	slot int32
	eff  float32
	wage float64
}

// postOf is worker wk's post.
func (w *World) postOf(wk *agents.Worker) post {
	if wk.Status != agents.Employed {
		return post{slot: -1}
	}
	return post{slot: wk.Firm*int32(w.cfg.TaskBins) + int32(wk.Bin), eff: wk.Efficiency, wage: wk.Wage()}
}

// postChunk lists the posts of one worker chunk.
func (w *World) postChunk(_, lo, hi int) {
	for j := lo; j < hi; j++ {
		w.posts[j] = w.postOf(&w.workers[j])
	}
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

// sumStaff adds up the posts into the cleared slots and the wage bills.
// The firms are split into one range per core, and each core passes over
// all the posts but adds up only those of its own firms: every sum is
// still taken in index order, so the numbers do not depend on the number
// of ranges, while the scattered additions into the slots are shared out.
func (w *World) sumStaff() {
	w.recountParts = w.staffParts()
	if w.sideRunning {
		w.recountParts = max(1, w.recountParts-1) // the side goroutine has a core
	}
	w.parallel(w.recountParts, 1, (*World).recountPart)
}

// staffParts is the number of firm ranges the recount and the hires are
// added up in: one per core.
func (w *World) staffParts() int {
	return min(w.pool.helpers+1, runtime.GOMAXPROCS(0), len(w.firms))
}

// staffRange is the firms [lo, hi) of range part of w.recountParts.
func (w *World) staffRange(part int) (lo, hi int) {
	n := len(w.firms)
	return n * part / w.recountParts, n * (part + 1) / w.recountParts
}

// recountPart recounts the firms of range part of w.recountParts.
func (w *World) recountPart(part, _, _ int) {
	w.recountFirms(w.staffRange(part))
}

// recountFirms adds up the posts of the firms [lo, hi).
func (w *World) recountFirms(lo, hi int) {
	b := int32(w.cfg.TaskBins)
	bill := w.wageBill[lo:hi]
	clear(bill)
	slo, shi := int32(lo)*b, int32(hi)*b
	for _, p := range w.posts {
		if p.slot < slo || p.slot >= shi {
			continue
		}
		w.human[p.slot] += float64(p.eff)
		w.count[p.slot]++
		bill[p.slot/b-int32(lo)] += p.wage
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
			ai += w.ai.units[k]
			human += w.human[k]
			t.aiUnits += w.ai.units[k]
			t.humanUnits += w.human[k]
			t.vacancies += int(w.vacancies[k])
			agentsHere += int(w.ai.count[k])
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
