package sim

import (
	"math"
	"runtime"
	"sort"

	"github.com/laborsim/laborsim/agents"
)

// labour is the labour room: who works where, the search-and-matching
// market, and the statistics that job seekers and firms read.
type labour struct {
	// Firm·bin arrays, index f·B + b: each slot's human units and head
	// count, rebuilt by the recount and the hires.
	human []float64
	count []int32

	posts        []post    // each worker's post, listed by separate for the recount
	wageBill     []float64 // each firm's wage bill, the recount's sums
	recountParts int       // firm ranges of the recount, or of the hires' addition, under way

	qual      []int16   // each worker's qualification (the bins it can work), kept with its skill
	decayPow  []float64 // ReservationDecay^m for the month counts m of the run
	meanRate0 float64   // mean wage rate at the start
	order     []int32   // workers by sector, then descending skill (pour, pourFrictionless)

	separated []separations // per worker chunk, from separate, for the accounts
	match     matching      // the search market's scratch
	hires     int           // hires of this step's matching

	// The market statistics (updateMarketStats), read in the next step.
	offers     []float64 // per firm: what it bargains over in a hire, its humans' marginal product or, if larger, its expected cost of a hire
	sectorRes  []float64 // mean reservation wage rate of each sector's unemployed
	sectorVac  []float64 // vacancy rate of each sector
	bestSector int       // the sector retrainees move to
}

// separations are one worker chunk's separations of a step and, of them,
// those displaced by automation.
type separations struct{ all, displaced int }

// init makes the labour room's slices, once.
func (l *labour) init(c Config) {
	fb := c.Firms * c.TaskBins
	l.human, l.count = make([]float64, fb), make([]int32, fb)
	l.posts, l.wageBill = make([]post, c.Workers), make([]float64, c.Firms)
	l.qual = make([]int16, c.Workers)
	l.separated = make([]separations, chunks(c.Workers, workerChunk))
	l.offers = make([]float64, c.Firms)
	l.sectorRes, l.sectorVac = make([]float64, c.Sectors), make([]float64, c.Sectors)
	l.match.init(c)
}

// separate draws, in parallel over worker chunks, each employed worker's
// exogenous separation (probability Separation) or layoff (the slot's
// layoff probability). One more chunk, the first claimed, lists the open
// jobs (listJobs, sequential): it reads the vacancies and the firms' offers
// and writes the job list, which the separations do not touch, and the
// goroutine that runs it then joins the separations.
func (w *World) separate() {
	w.parallel(1+chunks(len(w.workers), workerChunk), 1, (*World).separateOrList)
}

// separateOrList runs chunk c of separate: the job list, then the worker
// chunks.
func (w *World) separateOrList(c, _, _ int) {
	if c == 0 {
		w.listJobs()
		return
	}
	ch := c - 1
	w.separateChunk(ch, ch*workerChunk, min(len(w.workers), (ch+1)*workerChunk))
}

// separateChunk draws the separations of one worker chunk and lists the
// chunk's job seekers for the matching and its posts for the recount.
func (w *World) separateChunk(ch, lo, hi int) {
	c := &w.cfg
	m := &w.labour.match
	r := w.rng.get(ch, streamWorkers, w.step, ch)
	var nSep, displaced int
	seekers := m.seekers[lo:hi]
	n := 0
	for j := lo; j < hi; j++ {
		wk := &w.workers[j]
		if wk.Status != agents.Employed {
			w.labour.posts[j] = post{slot: -1}
			if wk.Status == agents.Unemployed {
				seekers[n] = w.seeker(j)
				n++
			}
			continue
		}
		slot := int(wk.Firm)*c.TaskBins + int(wk.Bin)
		u := r.Float64()
		switch {
		case u < c.Separation:
			wk.Displaced = false
		case w.prod.laysOff[slot>>6]&(1<<(slot&63)) == 0:
			w.labour.posts[j] = w.postOf(wk) // the slot's layoff probability is 0: the next case is u < Separation
			continue
		case u < c.Separation+(1-c.Separation)*float64(w.prod.layoff[slot]):
			wk.Displaced = w.prod.automated[slot]
			if wk.Displaced {
				displaced++
			}
		default:
			w.labour.posts[j] = w.postOf(wk)
			continue
		}
		w.labour.posts[j] = post{slot: -1}
		wk.Status, wk.Firm, wk.Months = agents.Unemployed, -1, 0
		nSep++
		seekers[n] = w.seeker(j)
		n++
	}
	m.seeking[ch] = n
	w.labour.separated[ch] = separations{all: nSep, displaced: displaced}
}

// qualification is the number of task bins, in ascending order of
// requirement, that a worker of the given skill can work; labour.qual
// keeps each worker's.
func (w *World) qualification(skill float32) int16 {
	return int16(sort.SearchFloat64s(w.req, float64(skill)+1e-12))
}

// seeker describes unemployed worker j to the matching: its reservation
// wage and the number of task bins, in ascending order of requirement,
// it can work.
func (w *World) seeker(j int) seeker {
	wk := &w.workers[j]
	return seeker{
		worker: int32(j),
		eff:    wk.Efficiency,
		res:    w.reservation(wk, w.cfg.HomeProduction*w.labour.meanRate0),
		qual:   w.labour.qual[j],
		sector: wk.Sector,
	}
}

// reservation is the worker's reservation wage (agents.Worker.Reservation)
// with the decay's power looked up in w.labour.decayPow.
func (w *World) reservation(wk *agents.Worker, floor float64) float64 {
	if m := int(wk.Months); m >= 0 && m < len(w.labour.decayPow) {
		return wk.ReservationAt(floor, w.labour.decayPow[m])
	}
	return wk.Reservation(floor, w.cfg.ReservationDecay)
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
		w.labour.posts[j] = w.postOf(&w.workers[j])
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
	clear(w.labour.human[lo*b : hi*b])
	clear(w.labour.count[lo*b : hi*b])
}

// sumStaff adds up the posts into the cleared slots and the wage bills.
// The firms are split into one range per core, and each core passes over
// all the posts but adds up only those of its own firms: every sum is
// still taken in index order, so the numbers do not depend on the number
// of ranges, while the scattered additions into the slots are shared out.
func (w *World) sumStaff() {
	w.labour.recountParts = w.staffParts()
	if w.sideRunning {
		w.labour.recountParts = max(1, w.labour.recountParts-1) // the side goroutine has a core
	}
	w.parallel(w.labour.recountParts, 1, (*World).recountPart)
}

// staffParts is the number of firm ranges the recount and the hires are
// added up in: one per core.
func (w *World) staffParts() int {
	return min(w.pool.helpers+1, runtime.GOMAXPROCS(0), len(w.firms))
}

// staffRange is the firms [lo, hi) of range part of w.labour.recountParts.
func (w *World) staffRange(part int) (lo, hi int) {
	n := len(w.firms)
	return n * part / w.labour.recountParts, n * (part + 1) / w.labour.recountParts
}

// recountPart recounts the firms of range part of w.labour.recountParts.
func (w *World) recountPart(part, _, _ int) {
	w.recountFirms(w.staffRange(part))
}

// recountFirms adds up the posts of the firms [lo, hi).
func (w *World) recountFirms(lo, hi int) {
	b := int32(w.cfg.TaskBins)
	bill := w.labour.wageBill[lo:hi]
	clear(bill)
	slo, shi := int32(lo)*b, int32(hi)*b
	for _, p := range w.labour.posts {
		if p.slot < slo || p.slot >= shi {
			continue
		}
		w.labour.human[p.slot] += float64(p.eff)
		w.labour.count[p.slot]++
		bill[p.slot/b-int32(lo)] += p.wage
	}
	for i, v := range bill {
		w.firms[lo+i].WageBill = v
	}
}

// addHires adds the matching's hires, in the order they were made, to the
// recounted slots and wage bills: the sums come out as if each hire had
// been added as it was made, after the recount. Like the recount, it
// splits the firms into ranges, one per core, each passing over all the
// hires and adding only its own firms'.
func (w *World) addHires() {
	w.labour.recountParts = w.staffParts()
	w.parallel(w.labour.recountParts, 1, (*World).addHiresPart)
}

// addHiresPart adds the hires into the firms of range part of
// w.labour.recountParts.
func (w *World) addHiresPart(part, _, _ int) {
	b := int32(w.cfg.TaskBins)
	flo, fhi := w.staffRange(part)
	lo, hi := int32(flo)*b, int32(fhi)*b
	for _, h := range w.labour.match.hires {
		if h.slot < lo || h.slot >= hi {
			continue
		}
		wk := &w.workers[h.worker]
		w.labour.human[h.slot] += float64(wk.Efficiency)
		w.labour.count[h.slot]++
		w.firms[wk.Firm].WageBill += wk.Wage()
	}
}

// updateMarketStats refreshes what firms and searchers read next step: each
// sector's mean reservation wage of its unemployed and vacancy rate, the
// sector retrainees move to, and every firm's expected cost of a hire.
func (w *World) updateMarketStats() {
	c := &w.cfg
	floor := c.HomeProduction * w.labour.meanRate0
	var resSum [4]float64
	var resN [4]int
	if w.step == 0 {
		for j := range w.workers {
			wk := &w.workers[j]
			if wk.Status == agents.Unemployed {
				resSum[wk.Sector] += w.reservation(wk, floor)
				resN[wk.Sector]++
			}
		}
	} else {
		for _, p := range w.hh.wpart {
			for s := range p.resSum {
				resSum[s] += p.resSum[s]
				resN[s] += p.resN[s]
			}
		}
	}
	var vac, emp, mp, units [4]float64
	for f := range w.firms {
		fm := &w.firms[f]
		s := fm.Sector
		for k := f * c.TaskBins; k < (f+1)*c.TaskBins; k++ {
			vac[s] += float64(w.prod.vacancies[k])
			emp[s] += float64(w.labour.count[k])
			mp[s] += fm.MPHuman * w.labour.human[k]
			units[s] += w.labour.human[k]
		}
	}
	best := -1.0
	for s := range c.Sectors {
		meanMP := w.labour.meanRate0
		if units[s] > 0 {
			meanMP = mp[s] / units[s]
		}
		w.labour.sectorRes[s] = math.Max(floor, meanMP)
		if resN[s] > 0 {
			w.labour.sectorRes[s] = resSum[s] / float64(resN[s])
		}
		w.labour.sectorVac[s] = 0
		if vac[s]+emp[s] > 0 {
			w.labour.sectorVac[s] = vac[s] / (vac[s] + emp[s])
		}
		if w.labour.sectorVac[s] > best {
			best, w.labour.bestSector = w.labour.sectorVac[s], s
		}
	}
	for f := range w.firms {
		fm := &w.firms[f]
		res := w.labour.sectorRes[fm.Sector]
		mpf := fm.MPHuman
		if mpf <= 0 {
			mpf = res
		}
		fm.HumanCost = max(agents.Bargain(res, max(mpf, res), c.Bargaining), 1e-12)
		w.labour.offers[f] = max(fm.MPHuman, fm.HumanCost)
	}
}
