package sim

import (
	"math/rand/v2"

	"github.com/laborsim/laborsim/agents"
)

// matching is the scratch space of the search-and-matching market,
// allocated once and reused every step.
type matching struct {
	jobs  []int32     // open jobs as slots f·B+b, per sector in ascending requirement order
	start []int       // jobs of sector s are jobs[start[s]:start[s+1]]
	below [][]int32   // below[s][k]: jobs of sector s in the k lowest-requirement bins
	next  []int       // listJobs' write position of each (sector, requirement rank)
	mp    []float64   // marginal product each job's firm bargains over (labour.offers)
	best  []applicant // each job's best applicant
	offer []int32     // best offer (job index) each seeker holds, -1 if none
	held  []int32     // seekers holding an offer
	hires []hire      // this step's hires, in the order they were made

	// The job seekers, listed by separate in index order: worker chunk
	// ch's are seekers[ch·workerChunk:][:seeking[ch]] until match packs
	// them into seekers[:nseekers].
	seekers  []seeker
	seeking  []int
	nseekers int

	batch []application // applications drawn but not yet made
}

// applicant is a job's best applicant in a round: a seeker (-1 for none,
// filled for a job taken in an earlier round) and the two numbers the job
// compares and bargains with, kept together so that a job is one cache
// line away.
type applicant struct {
	seeker int32
	eff    float32 // efficiency
	res    float64 // reservation wage
}

// seeker is a job seeker as the matching sees it, copied from the worker
// by separate so that the rounds need not visit the workers.
type seeker struct {
	worker int32
	eff    float32 // efficiency
	res    float64 // reservation wage per efficiency unit
	qual   int16   // bins, in ascending order of requirement, it qualifies for
	sector uint8
	hired  bool
}

func (m *matching) init(c Config) {
	m.start = make([]int, c.Sectors+1)
	m.below = make([][]int32, c.Sectors)
	for s := range m.below {
		m.below[s] = make([]int32, c.TaskBins+1)
	}
	m.next = make([]int, c.Sectors*c.TaskBins)
	m.offer = make([]int32, c.Workers)
	for j := range m.offer {
		m.offer[j] = -1
	}
	m.held = make([]int32, 0, c.Workers)
	m.hires = make([]hire, 0, c.Workers)
	// Room for jobs: the default economy opens at most about a fifth of a
	// job per worker; listJobs grows the list (by half again) if a step
	// has more.
	jobs := max(1024, c.Workers/2)
	m.jobs, m.mp, m.best = make([]int32, 0, jobs), make([]float64, 0, jobs), make([]applicant, 0, jobs)
	m.seekers = make([]seeker, c.Workers)
	m.batch = make([]application, 0, max(256, 2*c.Applications))
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
	}
	m.jobs, m.mp, m.best = m.jobs[:total], m.mp[:total], m.best[:total]
	for f := range c.Firms {
		row := m.next[f%c.Sectors*b:][:b]
		mp := w.labour.offers[f]
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

// matchRounds is the number of application rounds within a month: job
// seekers whose applications all failed apply again to the jobs still open.
const matchRounds = 2

// matchJobs runs the matching (on the side goroutine, beside the
// recount) and counts its hires.
func (w *World) matchJobs() { w.labour.hires = w.match() }

// match runs the search market on the jobs listJobs has listed: firms'
// vacancies per sector in ascending order of the bins' skill
// requirements. In each round every job
// seeker sends Applications applications to open jobs drawn uniformly from
// those of its sector it qualifies for; each job offers itself to its most
// efficient applicant at the Nash wage between the applicant's reservation
// wage and the firm's marginal product (if that is above the reservation
// wage); each worker takes the best offer. It returns the number of hires.
// It writes the workers it hires and lists the hires; addHires adds them
// to the slots once the recount has rebuilt those.
func (w *World) match() int {
	m := &w.labour.match
	m.hires = m.hires[:0]
	m.nseekers = 0
	for ch, n := range m.seeking {
		m.nseekers += copy(m.seekers[m.nseekers:], m.seekers[ch*workerChunk:][:n])
	}
	r := w.rng.get(0, streamMatch, w.step, 0)
	hires := 0
	for range matchRounds {
		hires += w.matchRound(r)
	}
	return hires
}

// matchRound runs one round of applications, offers and acceptances.
func (w *World) matchRound(r *rand.Rand) int {
	c := &w.cfg
	m := &w.labour.match
	for job := range m.best {
		if m.best[job].seeker != filled {
			m.best[job].seeker = -1
		}
	}
	// The applications are drawn a batch of seekers at a time and then
	// made, in the same order: the jobs' entries, scattered in memory,
	// are then looked up one after another without draws in between,
	// which lets the processor fetch several at once.
	batch := m.batch[:0]
	for i := range m.seekers[:m.nseekers] {
		sk := &m.seekers[i]
		if sk.hired {
			continue // in an earlier round
		}
		s := int(sk.sector)
		n := int(m.below[s][sk.qual])
		if n == 0 {
			continue
		}
		if len(batch)+c.Applications > cap(batch) {
			m.apply(batch)
			batch = batch[:0]
		}
		for range c.Applications {
			batch = append(batch, application{job: int32(m.start[s] + r.IntN(n)), seeker: int32(i)})
		}
	}
	m.apply(batch)
	m.held = m.held[:0]
	for job, b := range m.best {
		i := b.seeker
		if i < 0 {
			continue
		}
		mp := m.mp[job]
		if mp < b.res {
			continue
		}
		if m.offer[i] < 0 {
			m.held = append(m.held, i)
			m.offer[i] = int32(job)
		} else if m.mp[m.offer[i]] < mp {
			m.offer[i] = int32(job)
		}
	}
	for _, i := range m.held {
		job := m.offer[i]
		slot := int(m.jobs[job])
		m.offer[i] = -1
		m.best[job].seeker = filled
		sk := &m.seekers[i]
		sk.hired = true
		j := sk.worker
		wk := &w.workers[j]
		wk.Rate = agents.Bargain(sk.res, m.mp[job], c.Bargaining)
		w.hireAt(int(j), slot)
		m.hires = append(m.hires, hire{worker: j, slot: int32(slot)})
	}
	return len(m.held)
}

// application is one seeker's application to one job.
type application struct{ job, seeker int32 }

// apply makes the applications in order: each job keeps its most
// efficient applicant, the first of equals.
func (m *matching) apply(batch []application) {
	for _, a := range batch {
		sk := &m.seekers[a.seeker]
		if b := &m.best[a.job]; b.seeker == -1 || (b.seeker >= 0 && b.eff < sk.eff) {
			*b = applicant{seeker: a.seeker, eff: sk.eff, res: sk.res}
		}
	}
}

// filled marks a job taken in an earlier round.
const filled = -2

// hire is one hire of the matching: the worker and its slot.
type hire struct{ worker, slot int32 }
