package sim

import (
	"math"
	"math/rand/v2"

	"github.com/laborsim/laborsim/agents"
)

// matching is the scratch space of the search-and-matching market,
// allocated once and reused every step.
type matching struct {
	jobs      []int32                         // open jobs as slots f·B+b, per sector in ascending requirement order
	start     []int                           // jobs of sector s are jobs[start[s]:start[s+1]]
	below     [][]int32                       // below[s][k]: jobs of sector s in the k lowest-requirement bins
	live      []int32                         // the jobs open in this round, in the order of jobs (openJobs)
	liveStart []int                           // live jobs of sector s are live[liveStart[s]:liveStart[s+1]]
	liveBelow [][]int32                       // liveBelow[s][k]: live jobs of sector s in the k lowest-requirement bins
	next      []int                           // listJobs' write position of each (sector, requirement rank)
	mp        []float64                       // the product each job's firm bargains over (production.mpExpected), copied beside the job
	best      []applicant                     // each job's best applicant
	offer     []int32                         // best offer (job index) each seeker holds, -1 if none
	held      []int32                         // seekers holding an offer
	hires     []hire                          // this step's hires, in the order they were made
	fall      [matchRoundsPerYear + 1]float64 // exp(−reservation decay × i rounds) for the i rounds a seeker can have searched in a step (match sets it)

	// The job seekers, listed by separate in index order: worker chunk
	// ch's are seekers[ch·workerChunk:][:seeking[ch]] until match packs
	// them into seekers[:nseekers].
	seekers  []seeker
	seeking  []int
	nseekers int

	batch []application // applications drawn but not yet made
}

// applicant is a job's best applicant in a round: a seeker (-1 for none)
// and the two numbers the job
// compares and bargains with, kept together so that a job is one cache
// line away.
type applicant struct {
	seeker int32
	n      uint32 // acceptable applicants so far in the round
}

// seeker is a job seeker as the matching sees it, copied from the worker
// by separate so that the rounds need not visit the workers.
type seeker struct {
	worker int32
	eff    float32 // efficiency
	res    float64 // reservation wage per efficiency unit, per year (an employed seeker's: its rate)
	wage   float64 // an employed seeker's wage, per year, as its post has it; an unemployed seeker's reservation wage before the floor, at the step's start
	from   int32   // an employed seeker's slot, −1 for the unemployed
	qual   int16   // bins, in ascending order of requirement, it qualifies for
	sector uint8
	apps   uint8 // applications it has still to send this step, spread over the rounds
	join   uint8 // the first round it searches in: a worker separated this step searches from the round its separation falls in
	hired  bool  // placed this step: hired, moved or kept by a counter-offer
}

func (m *matching) init(c Config) {
	m.start = make([]int, c.Sectors+1)
	m.below, m.liveBelow = make([][]int32, c.Sectors), make([][]int32, c.Sectors)
	m.liveStart = make([]int, c.Sectors+1)
	for s := range m.below {
		m.below[s], m.liveBelow[s] = make([]int32, c.TaskBins+1), make([]int32, c.TaskBins+1)
	}
	m.next = make([]int, c.Sectors*c.TaskBins)
	m.offer = make([]int32, c.Workers)
	for j := range m.offer {
		m.offer[j] = -1
	}
	m.held = make([]int32, 0, c.Workers)
	m.hires = make([]hire, 0, c.Workers)
	// Room for jobs: half a job per worker and one per firm (a firm
	// lists its vacancy stock V as ⌈V⌉ jobs, at most one more than V;
	// the default economy keeps about a twentieth of a vacancy per
	// worker); listJobs grows the list (by half again) if a step has
	// more.
	jobs := max(1024, c.Workers/2+c.Firms)
	m.jobs, m.mp, m.best = make([]int32, 0, jobs), make([]float64, 0, jobs), make([]applicant, 0, jobs)
	m.live = make([]int32, 0, jobs)
	m.seekers = make([]seeker, c.Workers)
	m.batch = make([]application, 0, 4096)
	m.seeking = make([]int, chunks(c.Workers, workerChunk))
}

// listJobs lays out the open jobs of every sector — the firms f ≡ s
// (mod Sectors) — in ascending order of their bins' requirement, then of
// firm, each slot's vacancies together, and resets the applicant table. It
// is a counting sort of the slots by (sector, requirement rank): one pass
// counts, one places, both in slot order.
func (w *World) listJobs() {
	c := &w.cfg
	m := &w.labour.match
	b := c.TaskBins
	clear(m.next)
	total := 0
	for f := range c.Firms {
		row := m.next[f%c.Sectors*b:][:b]
		for i, v := range w.prod.vacancies[f*b : (f+1)*b] {
			row[w.rank[i]] += int(v)
			total += int(v)
		}
	}
	pos := 0
	for s := range c.Sectors {
		m.start[s] = pos
		m.below[s][0] = 0
		for k := range b {
			n := m.next[s*b+k]
			m.next[s*b+k] = pos
			pos += n
			m.below[s][k+1] = int32(pos - m.start[s])
		}
	}
	m.start[c.Sectors] = pos
	if cap(m.jobs) < total {
		m.jobs, m.mp, m.best = make([]int32, total, total*3/2), make([]float64, total, total*3/2), make([]applicant, total, total*3/2)
		m.live = make([]int32, 0, total*3/2)
	}
	m.jobs, m.mp, m.best = m.jobs[:total], m.mp[:total], m.best[:total]
	for f := range c.Firms {
		row := m.next[f%c.Sectors*b:][:b]
		mp := w.prod.mpExpected[f]
		for i, v := range w.prod.vacancies[f*b : (f+1)*b] {
			at := row[w.rank[i]]
			for k := range int(v) {
				m.jobs[at+k], m.mp[at+k] = int32(f*b+i), mp
			}
			row[w.rank[i]] += int(v)
		}
	}
	for job := range m.best {
		m.best[job].seeker = -1
	}
}

// matchRoundsPerYear is the number of application rounds a year: job
// seekers whose applications failed apply again in the next round. A
// firm's vacancies are a stock it keeps open (agents.Staffing.Staff): a
// vacancy filled in one round is open again in the next, so that a
// vacancy fills at the same rate a year whether the year's rounds fall in
// 4, 12 or 52 steps. A step has max(1, round(48·dt)) rounds — 4 in a
// month, 12 in a quarter, 1 in a week — so that the market's frictions
// per year do not depend on the step length, and each seeker's
// applications of the step are spread evenly over them.
const matchRoundsPerYear = 48

// rounds is the number of application rounds of a step.
func (w *World) rounds() int {
	return max(1, int(math.Round(matchRoundsPerYear*w.dt())))
}

// matchFlows are one step's results of the matching.
type matchFlows struct {
	fromU  int        // hires of unemployed workers
	moves  int        // job-to-job moves: employed workers hired away
	sector [4]int     // hires from unemployment in each sector
	wage   [4]float64 // sum of the rates of the hires from unemployment in each sector
	hired  [4]int     // hires of both kinds in each sector
	after  [4]int     // rounds of the step left after each hire from unemployment, summed per sector: search not done (separations.searched)
}

// matchJobs runs the matching (on the side goroutine, beside the
// recount) and keeps its flows.
func (w *World) matchJobs() { w.labour.flows = w.match() }

// match runs the search market on the jobs listJobs has listed: firms'
// vacancies per sector in ascending order of the bins' skill
// requirements. In each round the jobs open in it are drawn (openJobs);
// every job seeker sends its share of the step's applications to open
// jobs drawn uniformly from those of its sector it qualifies for; each job
// offers itself to one of the applicants who would take it, drawn
// uniformly (apply), at the Nash wage between the applicant's reservation
// wage (an employed applicant's: its rate) and the product the firm
// expects; each worker takes the best offer. An employed worker's
// employer counters up to its own expected product: if that covers the
// offer the worker stays at the offered wage, otherwise the worker moves.
// A filled job is open again in the next round. It writes the workers it
// hires and lists the hires; addHires adds them to the slots once the
// recount has rebuilt those.
func (w *World) match() matchFlows {
	m := &w.labour.match
	m.hires = m.hires[:0]
	m.nseekers = 0
	for ch, n := range m.seeking {
		m.nseekers += copy(m.seekers[m.nseekers:], m.seekers[ch*workerChunk:][:n])
	}
	r := w.rng.get(0, streamMatch, w.step, 0)
	var fl matchFlows
	rounds := w.rounds()
	decay := w.cfg.ReservationDecay * w.dt() / float64(rounds)
	for i := range rounds {
		m.fall[i] = math.Exp(-decay * float64(i))
	}
	for k := range rounds {
		w.matchRound(r, k, rounds, &fl)
	}
	return fl
}

// matchRound runs round k of rounds: the jobs open in it, applications,
// offers, acceptances and counter-offers.
func (w *World) matchRound(r *rand.Rand, k, rounds int, fl *matchFlows) {
	c := &w.cfg
	m := &w.labour.match
	w.openJobs(r)
	for job := range m.best {
		m.best[job].seeker = -1
	}
	// The applications are drawn a batch of seekers at a time and then
	// made, in the same order: the jobs' entries, scattered in memory,
	// are then looked up one after another without draws in between,
	// which lets the processor fetch several at once.
	batch := m.batch[:0]
	// An unemployed seeker's reservation wage decays over its spell at
	// --reservation-decay a year round by round within the step, as it
	// does from step to step: in round k it has searched k − join of the
	// step's rounds. Held at the step's start for a quarter's 12 rounds,
	// a quarter's unemployed turned down more of the jobs they applied
	// to than a week's (2027 of the default, seed 1: 44% of the
	// applications of workers separated within the step at 4 steps a
	// year, 18% at 52), and vacancies filled the slower.
	var floor [4]float64
	for s := range c.Sectors {
		floor[s] = w.resFloor(uint8(s))
	}
	for i := range m.seekers[:m.nseekers] {
		sk := &m.seekers[i]
		if sk.hired || k < int(sk.join) {
			continue // placed in an earlier round, or not yet searching
		}
		if sk.from < 0 && k > int(sk.join) {
			sk.res = max(floor[sk.sector], sk.wage*m.fall[k-int(sk.join)])
		}
		// Each of the step's applications goes to a round drawn
		// uniformly (the ones left, each to this round with probability
		// 1/(rounds left)): the counts a round gets are then Poisson with
		// a mean of the applications a year over the rounds a year,
		// however many rounds a step has.
		send := 0
		if left := int(sk.apps); left > 0 {
			if k == rounds-1 {
				send = left
			} else {
				send = binomial(r.Float64(), left, 1/float64(rounds-k))
			}
			sk.apps -= uint8(send)
		}
		s := int(sk.sector)
		n := int(m.liveBelow[s][sk.qual])
		if n == 0 || send == 0 {
			continue
		}
		if len(batch)+send > cap(batch) {
			m.apply(batch)
			batch = batch[:0]
		}
		start := m.liveStart[s]
		for range send {
			batch = append(batch, application{job: m.live[start+r.IntN(n)], seeker: int32(i), u: r.Float32()})
		}
	}
	m.apply(batch)
	m.held = m.held[:0]
	for job, b := range m.best {
		i := b.seeker
		if i < 0 {
			continue
		}
		if m.offer[i] < 0 {
			m.held = append(m.held, i)
			m.offer[i] = int32(job)
		} else if m.mp[m.offer[i]] < m.mp[job] {
			m.offer[i] = int32(job)
		}
	}
	b := int32(c.TaskBins)
	for _, i := range m.held {
		job := m.offer[i]
		slot := m.jobs[job]
		m.offer[i] = -1
		sk := &m.seekers[i]
		firm := slot / b
		sk.hired = true
		j := sk.worker
		wk := &w.workers[j]
		rate := agents.Bargain(sk.res, m.mp[job], c.Bargaining)
		if sk.from >= 0 && w.prod.mpExpected[sk.from/b] >= rate {
			// The employer matches the offer: the worker stays, paid
			// more.
			wk.Rate = rate
			m.hires = append(m.hires, hire{worker: j, slot: sk.from, from: sk.from, oldWage: sk.wage})
			continue
		}
		wk.Rate = rate
		w.hireAt(int(j), int(slot))
		m.hires = append(m.hires, hire{worker: j, slot: firm*b + int32(wk.Bin), from: sk.from, oldWage: sk.wage})
		s := wk.Sector
		if sk.from >= 0 {
			fl.moves++
		} else {
			fl.fromU++
			fl.sector[s]++
			fl.after[s] += rounds - 1 - k
			fl.wage[s] += rate
		}
		fl.hired[s]++
	}
}

// openJobs lists the jobs open in this round, in the order of the job
// list: a job of a firm whose vacancy stock is V, listed as ⌈V⌉ jobs, is
// open with chance V/⌈V⌉ (production.open), drawn anew each round, so a
// firm's expected open jobs in every round are its stock whatever its
// size, and a filled job is open again in the next round.
func (w *World) openJobs(r *rand.Rand) {
	c := &w.cfg
	m := &w.labour.match
	b := int32(c.TaskBins)
	m.live = m.live[:0]
	for s := range c.Sectors {
		m.liveStart[s] = len(m.live)
		below, live := m.below[s], m.liveBelow[s]
		live[0] = 0
		base := m.start[s]
		for k := range c.TaskBins {
			for job := base + int(below[k]); job < base+int(below[k+1]); job++ {
				if p := w.prod.open[m.jobs[job]/b]; p >= 1 || r.Float64() < p {
					m.live = append(m.live, int32(job))
				}
			}
			live[k+1] = int32(len(m.live) - m.liveStart[s])
		}
	}
	m.liveStart[c.Sectors] = len(m.live)
}

// binomial is the Binomial(n, p) count whose distribution function first
// reaches u (inversion: one uniform for the whole count).
func binomial(u float64, n int, p float64) int {
	if p >= 1 {
		return n
	}
	q := 1 - p
	prob := math.Pow(q, float64(n))
	cum := prob
	k := 0
	for u >= cum && k < n {
		prob *= float64(n-k) / float64(k+1) * p / q
		k++
		cum += prob
	}
	return k
}

// application is one seeker's application to one job.
type application struct {
	job, seeker int32
	u           float32 // a uniform for the job's draw among its applicants (apply)
}

// apply makes the applications in order: each job keeps one of the
// applicants who would take it — whose reservation wage (an employed
// applicant's: its rate, which the job must beat) the product the firm
// bargains over covers — drawn uniformly (reservoir sampling: the k-th
// such applicant replaces the one kept when its uniform is below 1/k).
// The firm screens for qualification and willingness, not for
// efficiency, which it does not observe before the hire: random
// matching, as in the search model (Pissarides 2000; the urn-ball
// matching function, Petrongolo & Pissarides 2001).
func (m *matching) apply(batch []application) {
	for _, a := range batch {
		sk := &m.seekers[a.seeker]
		if mp := m.mp[a.job]; mp < sk.res || (sk.from >= 0 && mp <= sk.res) {
			continue
		}
		b := &m.best[a.job]
		if b.seeker < 0 {
			*b = applicant{seeker: a.seeker, n: 1}
			continue
		}
		b.n++
		if a.u*float32(b.n) < 1 {
			b.seeker = a.seeker
		}
	}
}

// hire is one hire of the matching: the worker, its new slot and, for an
// employed worker, its old slot and wage (per year). A counter-offer is a
// hire into the worker's own slot.
type hire struct {
	worker, slot, from int32
	oldWage            float64
}
