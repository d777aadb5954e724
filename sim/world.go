package sim

import (
	"cmp"
	"math"
	"math/rand/v2"
	"runtime"
	"slices"
	"unsafe"

	"gonum.org/v1/gonum/stat/distuv"

	"github.com/laborsim/laborsim/agents"
	"github.com/laborsim/laborsim/economy"
)

// ksPhi is the automatable share of Korinek & Suh's calibration; the default
// capital per worker is theirs at that share and is rescaled for sectors
// whose traditional share differs.
const ksPhi = 0.608

// maxReq is the highest skill requirement of a task bin.
const maxReq = 0.9

// World is the whole simulated economy: the agents, the tasks at the
// current frontier, and one room per market, each in its own file with
// the values its phases hand on to later ones. The step's schedule
// (step.go) lists the phases in the order they run.
type World struct {
	cfg   Config
	ces   economy.CES
	tasks economy.Tasks

	// The tasks at the current frontier (setFrontier) and in order of
	// their skill requirement (orderBins).
	split  []economy.Split  // per bin, this step
	blocks []economy.Blocks // per sector, this step
	req    []float64        // bins' requirements, ascending
	byReq  []int            // bins in ascending order of requirement
	rank   []int            // rank[i]: bin i's place in byReq

	workers []agents.Worker
	firms   []agents.Firm

	prod   production // the firms' plans, production and the goods market (produce.go)
	labour labour     // who works where, the search market and its statistics (labor.go, match.go)
	ai     aiMarket   // the AI agents, their market and the laws of their cost and reach (aimarket.go)
	hh     households // the payments, the households, the provider's and government's cash (households.go)
	acct   accounts   // the national accounts and the distributions' samples (accounts.go)

	step  int     // steps begun (laws counts them)
	years float64 // years since the start at the beginning of this step

	rng         *streams
	pool        *pool // helper goroutines of the parallel phases and the side goroutine (parallel.go)
	sideRunning bool  // a side task started by beside has not been awaited
}

// New builds the starting economy: firms, workers placed at the
// competitive allocation of the start (AI too dear to use), a share of them
// unemployed, wages at marginal products, wealth Pareto-distributed.
func New(cfg Config) (*World, error) {
	if err := cfg.Validate(); err != nil {
		return nil, err
	}
	w := &World{cfg: cfg, ces: economy.NewCES(cfg.Sigma), pool: newPool(cfg.Workers + cfg.Firms*cfg.TaskBins)}
	runtime.AddCleanup(w, (*pool).stop, w.pool)
	w.tasks = economy.NewTasks(cfg.TaskBins, economy.DefaultSectors[:cfg.Sectors], maxReq)
	w.allocate()
	w.orderBins()
	w.ai.phiA = cfg.Automation
	w.setFrontier()
	r := rand.New(rand.NewPCG(splitMix64(cfg.Seed^streamInit), splitMix64(cfg.Seed+streamInit)))
	w.initFirms(r)
	w.initWorkers(r)
	for j := range w.workers {
		w.labour.qual[j] = w.qualification(w.workers[j].Skill)
	}
	w.ai.initAgents(cfg)
	w.placeWorkers()
	w.initUnemployment(r)
	w.tabulateDecay()
	w.recount()
	w.produce()
	w.initWages()
	w.initWealth()
	w.ai.startPrices(&w.cfg)
	w.updateMarketStats()
	w.initParticipation()
	return w, nil
}

// dt is the step's length in years.
func (w *World) dt() float64 { return 1 / float64(w.cfg.StepsPerYear) }

// labourForce0 is the expected labour force at the start: the
// population times the participation rate (everyone in the frictionless
// economy, which has no participation margin).
func (c Config) labourForce0() float64 {
	if c.Frictionless {
		return float64(c.Workers)
	}
	return float64(c.Workers) * c.Participation
}

// allocate makes every slice the step loop uses, once.
func (w *World) allocate() {
	c := w.cfg
	w.split = make([]economy.Split, c.TaskBins)
	w.blocks = make([]economy.Blocks, c.Sectors)
	w.workers = make([]agents.Worker, c.Workers)
	w.firms = make([]agents.Firm, c.Firms)
	nw, nf := chunks(c.Workers, workerChunk), chunks(c.Firms, firmChunk)
	w.prod.init(c)
	w.labour.init(c)
	w.ai.init(c)
	w.hh.init(c)
	w.acct.init(c)
	w.rng = newStreams(c.Seed, max(nw, nf, 1))
	w.parallel(prefaultParts, 1, (*World).prefault)
}

// prefaultParts is the number of pieces prefault cuts each array into.
const prefaultParts = 16

// prefault writes a zero into every page of part p of the big arrays, in
// parallel, while they are fresh from the allocator and all zero: the
// kernel maps a page at its first touch, some microseconds each, which at
// a million agents (tens of thousands of pages) would otherwise come one
// after another in the sequential parts of New.
func (w *World) prefault(p, _, _ int) {
	touch(w.workers, p)
	touch(w.ai.agents, p)
	for _, s := range [][]float64{w.labour.human, w.prod.target, w.ai.units} {
		touch(s, p)
	}
	for _, s := range [][]int32{w.labour.count, w.ai.count, w.ai.moved, w.prod.vacancies} {
		touch(s, p)
	}
	touch(w.prod.layoff, p)
	touch(w.prod.automated, p)
	touch(w.labour.match.seekers, p)
	touch(w.labour.posts, p)
}

// touch writes the zero value into every 4 KB page of part p of s.
func touch[T any](s []T, p int) {
	var zero T
	step := max(1, 4096/int(unsafe.Sizeof(zero)))
	for i := len(s) * p / prefaultParts; i < len(s)*(p+1)/prefaultParts; i += step {
		s[i] = zero
	}
}

// orderBins sorts the bins by skill requirement for the labour market.
func (w *World) orderBins() {
	b := w.cfg.TaskBins
	w.byReq = make([]int, b)
	for i := range w.byReq {
		w.byReq[i] = i
	}
	slices.SortStableFunc(w.byReq, func(x, y int) int { return cmp.Compare(w.tasks.Req[x], w.tasks.Req[y]) })
	w.req, w.rank = make([]float64, b), make([]int, b)
	for k, i := range w.byReq {
		w.req[k] = w.tasks.Req[i]
		w.rank[i] = k
	}
}

// setFrontier recomputes the bins' splits and the sectors' blocks for the
// current AI frontier.
func (w *World) setFrontier() {
	w.tasks.Frontier(w.cfg.TraditionalShare, w.ai.phiA, w.split)
	for s := range w.blocks {
		w.blocks[s] = economy.SectorBlocks(w.tasks.Weights[s], w.split)
	}
}

// initFirms draws TFP (log-normal, mean A) and sizes traditional capital so
// that r_T/r_H equals Korinek & Suh's calibration in every sector.
func (w *World) initFirms(r *rand.Rand) {
	c := w.cfg
	d := c.TFPDispersion
	for f := range w.firms {
		s := f % c.Sectors
		b := w.blocks[s]
		workers := (float64(c.Workers/c.Firms) + b2f(f < c.Workers%c.Firms)) * c.labourForce0() / float64(c.Workers)
		kPerL := 0.0
		if b.Trad > 0 {
			kPerL = c.CapitalPerWorker * (b.Trad / ksPhi) / ((b.AI + b.Human) / (1 - ksPhi))
		}
		w.firms[f] = agents.Firm{
			Sector:       uint8(s),
			TFP:          c.TFP * math.Exp(d*r.NormFloat64()-d*d/2),
			Capital:      kPerL * workers,
			CapitalInUse: kPerL * workers, // the start's stock, held through the first step
			Paid:         1,
		}
	}
}

func b2f(b bool) float64 {
	if b {
		return 1
	}
	return 0
}

// initWorkers draws efficiency (log-normal, mean 1) and a skill ceiling
// correlated with it; worker j belongs to the sector of firm j mod F. It
// also draws each worker's taste for time out of the labour force, a
// standard normal z kept in Home until initParticipation turns it into a
// value: the workers with z above Φ⁻¹(--participation) start out of the
// labour force (at least one worker is in it).
func (w *World) initWorkers(r *rand.Rand) {
	c := w.cfg
	d := c.SkillDispersion
	spread := math.Min(1, d/0.5)
	norm := distuv.Normal{Mu: 0, Sigma: 1}
	cut := norm.Quantile(min(c.Participation, 1-1e-12))
	inLF := 0
	lowest := 0
	for j := range w.workers {
		n := r.NormFloat64()
		u := norm.CDF(0.7*n + 0.714*r.NormFloat64())
		z := r.NormFloat64()
		w.workers[j] = agents.Worker{
			Efficiency: float32(math.Exp(d*n - d*d/2)),
			Skill:      float32(1 - (1-u)*spread),
			Sector:     w.firms[j%c.Firms].Sector,
			Firm:       -1,
			Home:       float32(z),
		}
		if !c.Frictionless && z > cut {
			w.workers[j].Status = agents.Inactive
		} else {
			inLF++
		}
		if z < float64(w.workers[lowest].Home) {
			lowest = j
		}
	}
	if inLF == 0 && len(w.workers) > 0 {
		w.workers[lowest].Status = agents.Unemployed
	}
}

// placeWorkers puts every worker at the competitive allocation of the start:
// each firm's human units spread over its human-doable tasks in proportion
// to their weights (AI is not yet used), the most skilled workers poured
// into the most demanding tasks first.
func (w *World) placeWorkers() {
	c := w.cfg
	units := make([]float64, c.Sectors)
	for j := range w.workers {
		if w.workers[j].Status != agents.Inactive {
			units[w.workers[j].Sector] += float64(w.workers[j].Efficiency)
		}
	}
	firmsIn := make([]float64, c.Sectors)
	for f := range w.firms {
		firmsIn[w.firms[f].Sector] += w.firms[f].Capital + 1e-300
	}
	for f := range w.firms {
		s := w.firms[f].Sector
		b := w.blocks[s]
		share := (w.firms[f].Capital + 1e-300) / firmsIn[s]
		for i, wt := range w.tasks.Weights[s] {
			sp := w.split[i]
			w.prod.target[f*c.TaskBins+i] = units[s] * share * wt * (sp.AI + sp.Human) / (b.AI + b.Human)
		}
	}
	w.pour()
}

// pour assigns every worker of each sector to a firm-bin slot so that
// every firm's human units track its target (w.prod.target summed over
// its bins): the slots are taken in descending order of skill requirement
// (then of firm) and the workers in descending order of skill, and a slot
// takes the next worker while its firm's units, with half the worker's,
// stay within the firm's target summed over the slots visited so far
// (cumulative rounding per firm: each firm ends within about one worker
// of its target, however many bins its workers are spread over). The
// workers left at the end go, one at a time, to the firm furthest below
// its target.
func (w *World) pour() {
	c := w.cfg
	if w.labour.order == nil {
		w.labour.order = w.sortedWorkers()
	}
	order := w.labour.order
	want, got := make([]float64, c.Firms), make([]float64, c.Firms)
	top := make([]int, c.Firms) // each firm's last slot with a target
	for f := range top {
		top[f] = -1
	}
	next := 0
	for s := range c.Sectors {
		for k := len(w.byReq) - 1; k >= 0; k-- {
			i := w.byReq[k]
			for f := s; f < c.Firms; f += c.Sectors {
				slot := f*c.TaskBins + i
				want[f] += w.prod.target[slot]
				if w.prod.target[slot] > 0 {
					top[f] = slot
				}
				for next < len(order) && int(w.workers[order[next]].Sector) == s &&
					got[f]+float64(w.workers[order[next]].Efficiency)/2 <= want[f] {
					w.hireAt(int(order[next]), slot)
					got[f] += float64(w.workers[order[next]].Efficiency)
					next++
				}
			}
		}
		for ; next < len(order) && int(w.workers[order[next]].Sector) == s; next++ {
			best := -1
			for f := s; f < c.Firms; f += c.Sectors {
				if top[f] >= 0 && (best < 0 || want[f]-got[f] > want[best]-got[best]) {
					best = f
				}
			}
			if best < 0 {
				w.workers[order[next]].Status = agents.Unemployed
				continue
			}
			w.hireAt(int(order[next]), top[best])
			got[best] += float64(w.workers[order[next]].Efficiency)
		}
	}
}

// sortedWorkers lists the workers in the labour force by sector, then by
// descending skill, then by index (a stable sort by sector and skill). It sorts one integer
// per worker that packs the three: the sector (Validate allows at most 4)
// in the top bits, the skill's bits, inverted, below, then the index.
func (w *World) sortedWorkers() []int32 {
	const indexBits = 26 // Validate allows at most 50,000,000 workers
	keys := make([]uint64, 0, len(w.workers))
	for j := range w.workers {
		wk := &w.workers[j]
		if wk.Status == agents.Inactive {
			continue
		}
		skill := math.Float32bits(wk.Skill + 0) // +0 for -0: equal skills, equal bits
		if skill>>31 != 0 {
			skill = ^skill
		} else {
			skill |= 1 << 31
		}
		keys = append(keys, uint64(wk.Sector)<<(32+indexBits)|uint64(^skill)<<indexBits|uint64(j))
	}
	slices.Sort(keys)
	order := make([]int32, len(keys))
	for i, k := range keys {
		order[i] = int32(k & (1<<indexBits - 1))
	}
	return order
}

// hireAt employs worker j at the firm of slot f·B+b. Its bin is the most
// demanding one it can work, whatever bin's vacancy it was hired through:
// the firm assigns its workers to its tasks itself
// (agents.Staffing.Staff).
func (w *World) hireAt(j, slot int) {
	wk := &w.workers[j]
	wk.Status = agents.Employed
	wk.Firm = int32(slot / w.cfg.TaskBins)
	wk.Bin = int16(w.byReq[max(1, int(w.labour.qual[j]))-1])
	wk.Spell = 0
}

// initUnemployment makes each worker of the labour force unemployed with
// the initial rate, with a spell drawn from an exponential distribution of
// mean three months, in steps.
func (w *World) initUnemployment(r *rand.Rand) {
	mean := 3 * float64(w.cfg.StepsPerYear) / 12
	for j := range w.workers {
		wk := &w.workers[j]
		if wk.Status == agents.Employed && r.Float64() < w.cfg.InitialUnemployment {
			wk.Status, wk.Firm = agents.Unemployed, -1
			wk.Spell = int16(min(math.Floor(r.ExpFloat64()*mean), math.MaxInt16))
		}
	}
}

// tabulateDecay fills w.labour.decayPow, exp(−reservation decay × years),
// for every spell, in steps, an unemployed worker can reach in the run:
// the longest at the start plus one a step (beyond it, w.reservation
// computes the power).
func (w *World) tabulateDecay() {
	longest := 0
	for j := range w.workers {
		longest = max(longest, int(w.workers[j].Spell))
	}
	w.labour.decayPow = make([]float64, min(math.MaxInt16, longest+w.cfg.Steps())+1)
	for m := range w.labour.decayPow {
		w.labour.decayPow[m] = math.Exp(-w.cfg.ReservationDecay * float64(m) * w.dt())
	}
}

// initWages sets every wage rate to the marginal product of the worker's
// task at the start (the unemployed to their sector's mean), the
// reservation floor from it, and the firms' expected hiring cost.
func (w *World) initWages() {
	c := w.cfg
	sum, units := make([]float64, c.Sectors), make([]float64, c.Sectors)
	for j := range w.workers {
		wk := &w.workers[j]
		if wk.Status == agents.Employed {
			wk.Rate = w.firms[wk.Firm].MPHuman
			sum[wk.Sector] += wk.Rate * float64(wk.Efficiency)
			units[wk.Sector] += float64(wk.Efficiency)
		}
	}
	all, allUnits := 0.0, 0.0
	for s := range sum {
		all += sum[s]
		allUnits += units[s]
	}
	w.labour.meanRate0 = all / math.Max(allUnits, 1e-300)
	for j := range w.workers {
		wk := &w.workers[j]
		if wk.Status != agents.Employed {
			wk.Rate = sum[wk.Sector] / math.Max(units[wk.Sector], 1e-300)
			if units[wk.Sector] == 0 {
				wk.Rate = w.labour.meanRate0
			}
		}
	}
	w.recount()
}

// initWealth draws household wealth from a Pareto distribution, scales it to
// WealthToGDP years of the start's GDP and gives each household the same
// share of the economy's capital (its stake).
func (w *World) initWealth() {
	c := w.cfg
	par := distuv.Pareto{Xm: 1, Alpha: c.WealthAlpha,
		Src: rand.NewPCG(splitMix64(c.Seed^0xa11ce), splitMix64(c.Seed+0xa11ce))}
	total := 0.0
	for j := range w.workers {
		w.workers[j].Wealth = par.Rand()
		total += w.workers[j].Wealth
	}
	gdp := 0.0
	for f := range w.firms {
		gdp += w.firms[f].Output
	}
	scale := c.WealthToGDP * gdp / total // gdp is a rate per year
	for j := range w.workers {
		wk := &w.workers[j]
		wk.Stake = wk.Wealth / total
		wk.Wealth *= scale
	}
	w.acct.startGDP(gdp)
}

// initParticipation turns each worker's draw z (kept in Home by
// initWorkers) into its home value, so that the start's participation is
// the drawn one: a worker's reservation value is its sector's prospects
// at the start times exp(s·(z − Φ⁻¹(p))), with s set so that the
// elasticity of participation to prospects is --participation-elasticity
// at the start (s = φ(Φ⁻¹(p)) / (ε p)); its home value is what is left of
// it after the income effect of its unearned income at the start.
func (w *World) initParticipation() {
	c := &w.cfg
	norm := distuv.Normal{Mu: 0, Sigma: 1}
	p := min(c.Participation, 1-1e-12)
	cut := norm.Quantile(p)
	spread := norm.Prob(cut) / (c.ParticipationElasticity * p)
	w.hh.rules = w.householdRules()
	h := &w.hh.rules
	for j := range w.workers {
		wk := &w.workers[j]
		z := float64(wk.Home)
		res := h.prospects[wk.Sector] * math.Exp(spread*(z-cut))
		unearned := h.unearnedPerPerson + c.InterestRate*max(wk.Wealth, 0)
		wk.Home = float32(res - c.IncomeEffect*unearned/float64(wk.Efficiency))
	}
}

// money is the total money held by every agent.
func (w *World) money() float64 {
	m := w.hh.provider + w.hh.government
	for f := range w.firms {
		m += w.firms[f].Cash
	}
	for j := range w.workers {
		m += w.workers[j].Wealth
	}
	return m
}
