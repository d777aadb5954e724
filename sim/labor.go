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
	severance    []float64 // each firm's severance owed for this step's layoffs, the recount's sums
	recountParts int       // firm ranges of the recount, or of the hires' addition, under way

	qual      []int16   // each worker's qualification (the bins it can work), kept with its skill
	decayPow  []float64 // exp(−reservation decay × years) for the spells, in steps, of the run
	meanRate0 float64   // mean wage rate at the start
	postCost  float64   // cost of a vacancy per year: --vacancy-cost times the mean expected product of a unit (updateMarketStats)
	order     []int32   // workers by sector, then descending skill (pour, pourFrictionless)

	separated []separations  // per worker chunk, from separate, for the accounts
	match     matching       // the search market's scratch
	flows     matchFlows     // this step's matching: hires and job-to-job moves
	odds      separationOdds // this step's separation and search odds, set by separate for its chunks

	// The market statistics (updateMarketStats), read in the next step:
	// what firms and workers have observed, each smoothed at
	// --expectation-speed (DESIGN §5: expectations from observations).
	sectorRes   []float64 // mean reservation wage rate of each sector's employable unemployed
	sectorVac   []float64 // vacancy rate of each sector
	sectorFill  []float64 // hires per vacancy per year in each sector
	sectorFind  []float64 // hires from unemployment per unemployed worker per year in each sector
	sectorWage  []float64 // mean wage rate of each sector's new hires from unemployment, per year
	sectorValue []float64 // flow value of unemployment in each sector, rU (unemployedValue)
	firstOpen   []int     // per sector: the requirement rank of the least demanding bin with a listed job last step (0 if none); the unemployed who qualify for it are the ones firms can hire
	intensity   []float64 // search intensity in each sector: applications relative to --applications, (vacancies per unemployed worker)^--search-elasticity, smoothed
	unfilled    []float64 // per sector·bin: the share of the bin's target its sector's workers leave unfilled (assignSectors)
	sectorNeed  []float64 // per sector·bin: the target and the human units of assignSectors, its scratch
	sectorHave  []float64
	hireCost    []float64 // per sector: the cost of a hire per efficiency unit observed last step, before the projection (updateMarketStats)
	costGrowth  []float64 // per sector: the expected growth of that cost, log points per year, adaptive like the AI price's
	sepRate     float64   // separations per employed worker per year, job-to-job moves included
	sepU        float64   // separations into unemployment per employed worker per year
	bestSector  int       // the sector retrainees move to
}

// separations are one worker chunk's separations of a step: quits into
// unemployment, layoffs (exogenous, of workers paid above their product,
// and by firms over their targets) and, of the layoffs, those displaced by
// automation.
//
// searched counts, per sector, the rounds of the matching the unemployed
// search in this step: every round for those unemployed at its start,
// the rounds from their separation's for those separated in it (whether
// or not they send an application); the rounds after a hire are taken
// off by the matching (matchFlows.after). It is the exposure the
// job-finding rate is measured on.
type separations struct {
	quits, layoffs, displaced int
	searched                  [4]int
}

// init makes the labour room's slices, once.
func (l *labour) init(c Config) {
	fb := c.Firms * c.TaskBins
	l.human, l.count = make([]float64, fb), make([]int32, fb)
	l.posts, l.wageBill, l.severance = make([]post, c.Workers), make([]float64, c.Firms), make([]float64, c.Firms)
	l.qual = make([]int16, c.Workers)
	l.separated = make([]separations, chunks(c.Workers, workerChunk))
	l.sectorRes, l.sectorVac = make([]float64, c.Sectors), make([]float64, c.Sectors)
	l.sectorFill, l.sectorFind, l.sectorWage = make([]float64, c.Sectors), make([]float64, c.Sectors), make([]float64, c.Sectors)
	l.sectorValue = make([]float64, c.Sectors)
	l.hireCost, l.costGrowth = make([]float64, c.Sectors), make([]float64, c.Sectors)
	l.intensity, l.firstOpen = make([]float64, c.Sectors), make([]int, c.Sectors)
	for s := range l.intensity {
		l.intensity[s] = 1
	}
	sb := c.Sectors * c.TaskBins
	l.unfilled, l.sectorNeed, l.sectorHave = make([]float64, sb), make([]float64, sb), make([]float64, sb)
	l.match.init(c)
}

// separate draws, in parallel over worker chunks, each employed worker's
// separation — a quit or an exogenous layoff (hazards per year), a layoff
// for being paid more than its product, or a layoff by a firm over its
// target (the slot's layoff probability) — and lists the job seekers: the
// unemployed, and the employed who search on the job this step. One more
// chunk, the first claimed, lists the open jobs (listJobs, sequential): it
// reads the vacancies and the firms' expected products and writes the job list, which
// the separations do not touch, and the goroutine that runs it then joins
// the separations.
func (w *World) separate() {
	w.labour.odds = w.odds()
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

// separationOdds are the step's per-worker probabilities, the same for
// every worker: a quit, an exogenous layoff, a layoff of a worker whose
// pay exceeds its product by more than the firing cost is worth, and the
// mean numbers of applications of an unemployed and of an employed worker.
type separationOdds struct {
	quit, layoff, surplus float64
	searchU, searchE      [4]float64 // mean applications of an unemployed and an employed worker of each sector this step
	zeroU, zeroE          [4]float64 // exp(−searchU), exp(−searchE): the chance of none
	cut, horizon, firing  float64    // the largest wage cut a year, the job's expected life, the firing cost in years of wage
	ratio                 float64    // a worker paid more than ratio times its product is laid off (overpaidRatio)
}

// odds are this step's separation and search probabilities.
func (w *World) odds() separationOdds {
	c := &w.cfg
	dt := w.dt()
	o := separationOdds{
		quit:    agents.Hazard(c.QuitHazard, dt),
		layoff:  agents.Hazard(c.LayoffHazard, dt),
		surplus: agents.Hazard(c.Adjustment, dt),
		cut:     c.WageCut,
		horizon: 1 / (c.InterestRate + w.labour.sepRate),
		firing:  c.FiringCost,
	}
	for s := range c.Sectors {
		a := c.Applications * w.labour.intensity[s] * dt
		o.searchU[s], o.searchE[s] = a, a*c.OnTheJobSearch
		o.zeroU[s], o.zeroE[s] = math.Exp(-o.searchU[s]), math.Exp(-o.searchE[s])
	}
	o.ratio = o.overpaidRatio()
	return o
}

// overpaid says whether a firm lays off a worker paid rate per efficiency
// unit whose product it expects to be mp: whether the loss of keeping it —
// the rate less the product, until the wage has been cut down to the
// product at the largest cut or the job ends, whichever comes first —
// exceeds the severance (DESIGN §5). The loss over T years of a rate R cut
// at c a year against a product M is R(1 − e^(−cT))/c − M·T; relative to
// R it depends on R/M alone and rises with it, so the rule is R/M above
// the ratio at which the loss equals the severance (overpaidRatio, found
// once a step).
func (o *separationOdds) overpaid(rate, mp float64) bool {
	return rate > mp && (mp <= 0 || rate > o.ratio*mp)
}

// lossShare is the loss of keeping a worker paid x times its product,
// relative to its rate (see overpaid).
func (o *separationOdds) lossShare(x float64) float64 {
	t := o.horizon
	if o.cut > 0 {
		t = min(t, math.Log(x)/o.cut)
		return -math.Expm1(-o.cut*t)/o.cut - t/x
	}
	return t - t/x
}

// overpaidRatio is the ratio of rate to product above which the loss of
// keeping a worker exceeds the severance: bisection on the loss, which
// rises with the ratio; +Inf when no ratio up to 1e6 makes it.
func (o *separationOdds) overpaidRatio() float64 {
	lo, hi := 1.0, 1e6
	if !(o.lossShare(hi) > o.firing) {
		return math.Inf(1)
	}
	for range 60 {
		mid := math.Sqrt(lo * hi)
		if o.lossShare(mid) > o.firing {
			hi = mid
		} else {
			lo = mid
		}
	}
	return hi
}

// separateChunk draws the separations of one worker chunk and lists the
// chunk's job seekers for the matching and its posts for the recount. A
// laid-off worker is paid its severance here; its post carries the
// severance to its former employer's bill (eff −1, wage the severance).
func (w *World) separateChunk(ch, lo, hi int) {
	c := &w.cfg
	m := &w.labour.match
	o := &w.labour.odds
	r := w.rng.get(ch, streamWorkers, w.step, ch)
	var sep separations
	rounds := w.rounds()
	seekers := m.seekers[lo:hi]
	n := 0
	for j := lo; j < hi; j++ {
		wk := &w.workers[j]
		if wk.Status != agents.Employed {
			w.labour.posts[j] = post{slot: -1}
			if wk.Status == agents.Unemployed {
				if w.employable(j) {
					sep.searched[wk.Sector] += rounds
				}
				if apps := poissonAt(r.Float64(), o.searchU[wk.Sector], o.zeroU[wk.Sector]); apps > 0 {
					seekers[n] = w.seeker(j, apps, nil)
					n++
				}
			}
			continue
		}
		slot := int(wk.Firm)*c.TaskBins + int(wk.Bin)
		u := r.Float64()
		laid := false
		switch {
		case u < o.quit:
			wk.Displaced = false
		case u < o.quit+o.layoff:
			laid, wk.Displaced = true, false
		case o.overpaid(wk.Rate, w.prod.mpLasting[wk.Firm]) && r.Float64() < o.surplus:
			laid, wk.Displaced = true, w.prod.automated[slot]
		case w.prod.laysOff[slot>>6]&(1<<(slot&63)) != 0 && r.Float64() < float64(w.prod.layoff[slot]):
			laid, wk.Displaced = true, w.prod.automated[slot]
		default:
			p := w.postOf(wk)
			w.labour.posts[j] = p
			if apps := poissonAt(r.Float64(), o.searchE[wk.Sector], o.zeroE[wk.Sector]); apps > 0 {
				seekers[n] = w.seeker(j, apps, &p)
				n++
			}
			continue
		}
		w.labour.posts[j] = post{slot: -1}
		if laid {
			sev := c.FiringCost * wk.Wage()
			wk.Wealth += sev
			w.labour.posts[j] = post{slot: int32(slot), eff: -1, wage: sev}
			sep.layoffs++
			if wk.Displaced {
				sep.displaced++
			}
		} else {
			sep.quits++
		}
		wk.Status, wk.Firm, wk.Spell = agents.Unemployed, -1, 0
		// A separation falls at a uniformly drawn time of the step: the
		// worker searches from the round it falls in, and sends the
		// applications of the rounds left (a quarter's separations do not
		// all search for the whole quarter).
		join := int(r.Float64() * float64(rounds))
		if w.employable(j) {
			sep.searched[wk.Sector] += rounds - join
		}
		mean := o.searchU[wk.Sector] * float64(rounds-join) / float64(rounds)
		if apps := poissonAt(r.Float64(), mean, math.Exp(-mean)); apps > 0 {
			seekers[n] = w.seeker(j, apps, nil)
			seekers[n].join = uint8(join)
			n++
		}
	}
	m.seeking[ch] = n
	w.labour.separated[ch] = sep
}

// poissonAt is the Poisson(mean) count whose distribution function first
// reaches u (inversion; the means here are a few applications), given
// zero = exp(−mean), the chance of none, which callers drawing many counts
// of one mean compute once.
func poissonAt(u, mean, zero float64) int {
	if u < zero {
		return 0
	}
	p := zero
	cum := p
	k := 0
	for u >= cum && k < maxApplications {
		k++
		p *= mean / float64(k)
		cum += p
	}
	return k
}

// maxApplications bounds the applications a seeker sends in one step.
const maxApplications = 255

// qualification is the number of task bins, in ascending order of
// requirement, that a worker of the given skill can work; labour.qual
// keeps each worker's.
func (w *World) qualification(skill float32) int16 {
	return int16(sort.SearchFloat64s(w.req, float64(skill)+1e-12))
}

// seeker describes worker j to the matching: its reservation wage — for
// an employed worker (post p), its current rate — the number of task bins,
// in ascending order of requirement, it can work, and the applications it
// sends this step.
func (w *World) seeker(j, apps int, p *post) seeker {
	wk := &w.workers[j]
	sk := seeker{
		worker: int32(j),
		eff:    wk.Efficiency,
		qual:   w.labour.qual[j],
		sector: wk.Sector,
		apps:   uint8(apps),
		from:   -1,
	}
	if p != nil {
		sk.res, sk.from, sk.wage = wk.Rate, p.slot, p.wage
	} else {
		// The reservation wage before the floor is kept beside it:
		// matchRound decays it over the step's rounds.
		sk.res, sk.wage = w.reservation(wk, w.resFloor(wk.Sector)), w.reservation(wk, 0)
	}
	return sk
}

// resTally sums the employable unemployed's reservation wages per sector,
// kept apart from the floor, which updateMarketStats moves after the
// households' pass: those above it summed, those at it counted, so that
// the mean can be taken at the floor of the step's end.
type resTally struct {
	above [4]float64 // reservation wages above the floor, summed
	at    [4]int     // workers at the floor
	n     [4]int     // workers
}

// add counts worker wk, at the floor as it stands.
func (t *resTally) add(w *World, wk *agents.Worker) {
	s := wk.Sector
	if res := w.reservation(wk, 0); res > w.resFloor(s) {
		t.above[s] += res
	} else {
		t.at[s]++
	}
	t.n[s]++
}

// merge adds a chunk's tally, sector by sector.
func (t *resTally) merge(o *resTally) {
	for s := range t.n {
		t.above[s] += o.above[s]
		t.at[s] += o.at[s]
		t.n[s] += o.n[s]
	}
}

// resFloor is the least an unemployed worker of sector s accepts, whatever
// its last wage: the flow value of being unemployed there, rU (sectorValue,
// set by updateMarketStats), never below the value of home production.
func (w *World) resFloor(s uint8) float64 {
	return max(w.cfg.HomeProduction*w.labour.meanRate0, w.labour.sectorValue[s])
}

// unemployedValue is the flow value of unemployment in the search model
// with Nash bargaining (Pissarides 2000, ch. 1): a searcher finds a job at
// rate f and gets the share β of the match's surplus, (p − rU)/(r + s), so
// rU = b + f·β·(p − rU)/(r + s), that is
// rU = (b + k·p)/(1 + k) with k = f·β/(r + s).
// p is the product a worker is expected to have in the sector, b the value
// of home production. The tighter the market (the higher f), the closer a
// searcher's reservation wage, and so the wage of a hire, is to what it
// would produce.
func unemployedValue(b, p, f, beta, r, s float64) float64 {
	k := f * beta / max(r+s, 1e-12)
	return (b + k*p) / (1 + k)
}

// reservation is the unemployed worker's reservation wage
// (agents.Worker.ReservationAt) with the decay over its spell looked up in
// w.labour.decayPow.
func (w *World) reservation(wk *agents.Worker, floor float64) float64 {
	if m := int(wk.Spell); m >= 0 && m < len(w.labour.decayPow) {
		return wk.ReservationAt(floor, w.labour.decayPow[m])
	}
	return wk.ReservationAt(floor, math.Exp(-w.cfg.ReservationDecay*float64(wk.Spell)*w.dt()))
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

// post is an employed worker's slot, efficiency and wage (per year) as the
// recount adds them up (slot −1 for a worker without a job; efficiency −1
// for a worker laid off this step, its wage the severance its former
// slot's firm owes). The posts, 16 bytes
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
	bill, sev := w.labour.wageBill[lo:hi], w.labour.severance[lo:hi]
	clear(bill)
	clear(sev)
	slo, shi := int32(lo)*b, int32(hi)*b
	for _, p := range w.labour.posts {
		if p.slot < slo || p.slot >= shi {
			continue
		}
		if p.eff < 0 { // a layoff's severance, owed by its former employer
			sev[p.slot/b-int32(lo)] += p.wage
			continue
		}
		w.labour.human[p.slot] += float64(p.eff)
		w.labour.count[p.slot]++
		bill[p.slot/b-int32(lo)] += p.wage
	}
	for i, v := range bill {
		w.firms[lo+i].WageBill = v
		w.firms[lo+i].Severance = sev[i]
	}
}

// addHires adds the matching's hires, in the order they were made, to the
// recounted slots and wage bills: the sums come out as if each hire had
// been added as it was made, after the recount. A job-to-job move also
// takes the worker out of its old slot (which the recount counted), and a
// counter-offer changes only its firm's wage bill. Like the recount, it
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
		wk := &w.workers[h.worker]
		if h.from >= lo && h.from < hi {
			if h.from != h.slot {
				w.labour.human[h.from] -= float64(wk.Efficiency)
				w.labour.count[h.from]--
			}
			w.firms[h.from/b].WageBill -= h.oldWage
		}
		if h.slot < lo || h.slot >= hi {
			continue
		}
		if h.from != h.slot {
			w.labour.human[h.slot] += float64(wk.Efficiency)
			w.labour.count[h.slot]++
		}
		w.firms[h.slot/b].WageBill += wk.Wage()
	}
}

// The market statistics' values before anything is observed: a vacancy
// fills at 9 a year (JOLTS 2015–2024: hires per opening about 0.75 a
// month), and the separation rates are the parameters'.
const startFillRate = 9

// lastingSpeed is the speed, per year, at which a firm's expectation of a
// job's product over its life follows its marginal product: about a
// year's memory, half the job's expected life.
const lastingSpeed = 1

// updateMarketStats refreshes what firms and searchers read next step: each
// sector's mean reservation wage of its unemployed, vacancy rate, hires
// per vacancy and per unemployed worker and new hires' mean wage, the
// separation rates, the sector retrainees move to, and every firm's
// expected cost of a hire. The rates are observed this step, as rates per
// year, and smoothed at --expectation-speed; at the start they are set to
// their starting values.
func (w *World) updateMarketStats() {
	c := &w.cfg
	l := &w.labour
	dt := w.dt()
	floor := c.HomeProduction * l.meanRate0
	// The employable unemployed's reservation wages, as the households
	// pass found them (the floor moves below, to this step's value of
	// search).
	var res resTally
	if w.step > 0 {
		for _, p := range w.hh.wpart {
			res.merge(&p.res)
		}
	}
	// Smoothing: the share of the gap to this step's observation closed,
	// at --expectation-speed.
	gain := agents.Hazard(c.ExpectationSpeed, dt)
	var vac, emp, mp, units [4]float64
	for f := range w.firms {
		fm := &w.firms[f]
		s := fm.Sector
		e := w.prod.mpExpected[f]
		for k := f * c.TaskBins; k < (f+1)*c.TaskBins; k++ {
			vac[s] += float64(w.prod.vacancies[k]) * w.prod.open[f]
			emp[s] += float64(l.count[k])
			mp[s] += e * l.human[k]
			units[s] += l.human[k]
		}
	}
	employed := emp[0] + emp[1] + emp[2] + emp[3]
	var sep separations
	for _, p := range l.separated {
		sep.quits += p.quits
		sep.layoffs += p.layoffs
		for s := range p.searched {
			sep.searched[s] += p.searched[s]
		}
	}
	fl := l.flows
	if w.step == 0 {
		gain = 1
		l.sepU = c.QuitHazard + c.LayoffHazard
		l.sepRate = l.sepU
	} else if employed > 0 {
		// The employed at the step's start: those at its end, plus those
		// who separated into unemployment, less those hired from it.
		intoU := float64(sep.quits + sep.layoffs)
		all := intoU + float64(fl.moves)
		if start := employed + intoU - float64(fl.fromU); start > all {
			rate := cohortRate(all, start-all, dt)
			l.sepRate += gain * (rate - l.sepRate)
			l.sepU += gain * (rate*intoU/max(all, 1) - l.sepU)
		}
	}
	var meanMP [4]float64 // each sector's expected product per efficiency unit
	var mpAll, unitsAll float64
	for s := range c.Sectors {
		meanMP[s] = l.meanRate0
		if units[s] > 0 {
			meanMP[s] = mp[s] / units[s]
		}
		mpAll += mp[s]
		unitsAll += units[s]
	}
	// A vacancy costs --vacancy-cost times the expected product of an
	// efficiency unit of labour, the economy's mean: recruiting takes
	// the time of people whose work is worth that product, so the cost
	// of a vacancy grows with labour productivity, as on a balanced
	// growth path (Pissarides 2000, ch. 1 and 3). Tied to the wage
	// instead, vacancies would get cheap relative to what a hire
	// produces whenever products run ahead of wages.
	l.postCost = c.VacancyCost * l.meanRate0
	if unitsAll > 0 && mpAll > 0 {
		l.postCost = c.VacancyCost * mpAll / unitsAll
	}
	if w.step == 0 {
		// The start's reservation wages, at the floor the start's
		// value of unemployment sets (its job-finding rate the steady
		// state of the start's unemployment rate).
		for s := range c.Sectors {
			l.sectorFind[s] = 0
			if u := c.InitialUnemployment; u > 0 {
				l.sectorFind[s] = l.sepU * (1 - u) / u
			}
			l.sectorValue[s] = unemployedValue(floor, meanMP[s], l.sectorFind[s], c.Bargaining, c.InterestRate, l.sepU)
		}
		for j := range w.workers {
			wk := &w.workers[j]
			if wk.Status == agents.Unemployed && w.employable(j) {
				res.add(w, wk)
			}
		}
	}
	best := -1.0
	for s := range c.Sectors {
		l.sectorVac[s] = 0
		if vac[s]+emp[s] > 0 {
			l.sectorVac[s] = vac[s] / (vac[s] + emp[s])
		}
		// Search intensity rises with the vacancies an employable
		// searcher sees: applications (θ/1)^--search-elasticity times
		// --applications, θ the vacancies per employable unemployed
		// worker (Pissarides 2000, ch. 5). With applications the scarce
		// side of the matching, matches are then Cobb–Douglas in the
		// vacancies with that elasticity, so that more vacancies fill
		// more jobs and a tight market raises the job-finding rate, the
		// value of search and so wages.
		if w.step > 0 {
			theta := vac[s] / max(float64(res.n[s]), 1)
			l.intensity[s] += gain * (math.Pow(min(max(theta, 1e-3), 1e3), c.SearchElasticity) - l.intensity[s])
		}
		if l.sectorVac[s] > best {
			best, l.bestSector = l.sectorVac[s], s
		}
		switch {
		case w.step == 0: // the job-finding rate was set above
			l.sectorFill[s] = startFillRate
		default:
			if vac[s] > 0 {
				l.sectorFill[s] += gain * (float64(fl.hired[s])/vac[s]/dt - l.sectorFill[s])
			} else { // nothing to observe: back toward the prior, so that posting can resume
				l.sectorFill[s] += gain * (startFillRate - l.sectorFill[s])
			}
			// Hires from unemployment per year of search by the
			// employable unemployed (separations.searched): the hazard, whatever
			// the step length and however many separate within it.
			if searched := sep.searched[s] - fl.after[s]; searched > 0 {
				l.sectorFind[s] += gain * (float64(fl.sector[s])/(float64(searched)*dt/float64(w.rounds())) - l.sectorFind[s])
			}
			if fl.sector[s] > 0 {
				l.sectorWage[s] += gain * (fl.wage[s]/float64(fl.sector[s]) - l.sectorWage[s])
			}
		}
		l.sectorValue[s] = unemployedValue(floor, meanMP[s], l.sectorFind[s], c.Bargaining, c.InterestRate, l.sepU)
		// The mean reservation wage of the sector's employable
		// unemployed, at this step's floor: a worker at the floor when
		// the households pass ran is at it still, so that what firms
		// expect a hire to cost does not lag the value of search by a
		// step (a month's lag at 12 steps a year, a week's at 52: an
		// error of the first order in the step that made the boom's
		// market the tighter the longer the step). Where the floor
		// rises, a worker above the old floor but below the new one is
		// taken at its own wage; where it falls, a worker at the old
		// floor whose own wage lies between the two is taken at the new
		// floor: errors of the order of the step squared (the floor's
		// move in a step times the share of workers within it).
		l.sectorRes[s] = math.Max(floor, meanMP[s])
		if res.n[s] > 0 {
			l.sectorRes[s] = (res.above[s] + float64(res.at[s])*w.resFloor(uint8(s))) / float64(res.n[s])
		}
		if w.step == 0 {
			l.sectorWage[s] = agents.Bargain(l.sectorRes[s], max(meanMP[s], l.sectorRes[s]), c.Bargaining)
		}
	}
	w.assignSectors()
	w.findFirstOpen()
	var expected [4]float64
	for s := range c.Sectors {
		// A hire costs, per efficiency unit, the wage it is bargained at
		// and the annuity over the job's expected life of the vacancy
		// costs of finding it, h = (r + s)·c/q. Both are taken at the
		// firm's target, where the product the wage is bargained over is
		// the cost itself: with w = res + β(MP − res) and MP = w + h,
		// the cost is c_H = res + h/(1 − β) — Pissarides' job-creation
		// condition (2000, ch. 1; with many workers a firm, Stole &
		// Zwiebel 1996). It is the same for every firm of a sector, so a
		// firm's target does not move with the noise in its own product
		// that a small firm's lumpy hires and quits make.
		hiring := (c.InterestRate + l.sepRate) * l.postCost / max(l.sectorFill[s], 1e-9)
		cost := max(l.sectorRes[s]+hiring/max(1-c.Bargaining, 1e-9), 1e-12)
		expected[s] = l.projectCost(s, cost, gain, dt, w.step > 1)
	}
	for f := range w.firms {
		w.firms[f].HumanCost = expected[w.firms[f].Sector]
	}
}

// projectCost returns the cost of a hire in sector s that firms plan the
// next step with, from the cost observed over this one. The observation
// is a step old when the firms use it, so like the AI price
// (aiMarket.expectedPrice) it is moved on by the growth firms expect,
// e^(g·dt). The expected growth is adaptive (DESIGN §5): it moves toward
// each step's observed growth at --expectation-speed (gain), from 0 at
// the start; the first step's change is not counted as growth, since
// step 0's statistics are the starting values the smoothing begins from.
// Without the projection the firms of a growing economy plan with a cost
// a step stale, below the one they meet by a step's growth, and at long
// steps post more vacancies than at short ones (the step-length check of
// laborsim validate measures it).
func (l *labour) projectCost(s int, cost, gain, dt float64, observed bool) float64 {
	if observed && l.hireCost[s] > 0 {
		l.costGrowth[s] += gain * (math.Log(cost/l.hireCost[s])/dt - l.costGrowth[s])
	}
	l.hireCost[s] = cost
	return cost * math.Exp(l.costGrowth[s]*dt)
}

// employable says whether worker j qualifies for a job of the kind its
// sector listed last step: for its least demanding bin (labour.firstOpen).
// The job-finding rate and the reservation wage that firms and searchers
// read are those of the employable unemployed: a worker whose every task
// has gone to AI is not in the market the firms hire in, and its long
// spell and decayed reservation wage would understate what a hire costs.
func (w *World) employable(j int) bool {
	return int(w.labour.qual[j]) > w.labour.firstOpen[w.workers[j].Sector]
}

// findFirstOpen sets labour.firstOpen from this step's job list.
func (w *World) findFirstOpen() {
	m := &w.labour.match
	for s := range w.labour.firstOpen {
		w.labour.firstOpen[s] = 0
		for k := 0; k+1 < len(m.below[s]); k++ {
			if m.below[s][k+1] > 0 {
				w.labour.firstOpen[s] = k
				break
			}
		}
	}
}

// cohortRate is the hazard per year at which a cohort that loses events
// of its members over a step of dt years, left, keeps the rest:
// ln(1 + events/left)/dt, the inverse of agents.Hazard. Observed this
// way, a job-finding or separation rate is the same whatever the step
// length; events/(events+left)/dt, the share over the step per year,
// falls short of it the more, the longer the step (a quarter in which
// five in six unemployed find a job is a hazard of 7.2 a year, not 3.3).
func cohortRate(events, left, dt float64) float64 {
	if !(events > 0) {
		return 0
	}
	if !(left > 0) {
		left = 0.5 // all left: as if half a member stayed, a finite rate
	}
	return math.Log1p(events/left) / dt
}

// assignSectors finds, for every sector, the share of each bin's target
// that its workers leave unfilled when they are assigned to its bins the
// most qualified to the most demanding first — a worker counts in the
// most demanding bin it can work, and what a bin does not need passes on
// to the bins below — as if the sector's firms were one. Firms ask for
// skills in these proportions (agents.Staffing.Staff), so that the skills
// the market asks for do not depend on how the sector is cut into firms.
func (w *World) assignSectors() {
	c := &w.cfg
	l := &w.labour
	b := c.TaskBins
	clear(l.sectorNeed)
	clear(l.sectorHave)
	for f := range w.firms {
		s := int(w.firms[f].Sector) * b
		need, have := l.sectorNeed[s:s+b], l.sectorHave[s:s+b]
		for i, t := range w.prod.target[f*b : (f+1)*b] {
			need[i] += t
		}
		for i, h := range l.human[f*b : (f+1)*b] {
			have[i] += h
		}
	}
	for s := range c.Sectors {
		need, have, unfilled := l.sectorNeed[s*b:(s+1)*b], l.sectorHave[s*b:(s+1)*b], l.unfilled[s*b:(s+1)*b]
		carry := 0.0
		for k := b - 1; k >= 0; k-- {
			i := w.byReq[k]
			carry += have[i]
			placed := min(carry, need[i])
			carry -= placed
			unfilled[i] = 0
			if need[i] > 0 {
				unfilled[i] = (need[i] - placed) / need[i]
			}
		}
	}
}
