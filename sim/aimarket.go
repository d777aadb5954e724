package sim

import (
	"math"

	"github.com/laborsim/laborsim/agents"
	"github.com/laborsim/laborsim/economy"
)

// aiMarket is the AI room: the AI agents, their market, and the laws that
// drive their cost (law 2) and their reach (laws 1 and 3).
type aiMarket struct {
	agents []agents.AIAgent
	owned  int // the first owned agents belong to persons (the compute budget)

	// Firm·bin arrays, index f·B + b.
	count []int32   // agents the market allocates to each slot, all of them deployed
	units []float64 // AI efficiency units deployed in each slot
	moved []int32   // moveAgents' count of the agents it has placed in each slot

	deployedIn []int // agents deployed in each firm chunk (deployChunk)
	deployed   int   // agents deployed this step

	// The market's scratch: each firm's demand, each market chunk's
	// highest price, and the prices and rationing share being evaluated
	// (aiDemand hands demandPrice to demandChunk; allocateAI hands all
	// three to wantChunk).
	demand                       []float64
	chunkMax                     []float64
	demandPrice, demandLo, theta float64

	costPrice           float64 // law 2's cost price this step (with markup)
	price               float64 // the market-clearing price this step
	lastCost, lastPrice float64 // last step's cost and market prices

	phiA         float64 // law 1's frontier: the AI-capable share of tasks
	logCompute   float64 // law 3: log10 of effective compute
	computePrice float64 // money per C0-unit of compute at start prices
}

// init makes the AI room's slices, once.
func (m *aiMarket) init(c Config) {
	fb := c.Firms * c.TaskBins
	m.agents = make([]agents.AIAgent, c.AIAgents)
	m.units = make([]float64, fb)
	m.count, m.moved = make([]int32, fb), make([]int32, fb)
	m.deployedIn = make([]int, chunks(c.Firms, firmChunk))
	m.demand, m.chunkMax = make([]float64, c.Firms), make([]float64, chunks(c.Firms, marketChunk))
}

// initAgents creates the AI agents, idle; the first ComputeBudget·Workers
// of them belong to persons in turn, the rest to the AI provider.
func (m *aiMarket) initAgents(c Config) {
	m.owned = min(c.AIAgents, int(c.ComputeBudget*float64(c.Workers)))
	for i := range m.agents {
		owner := int32(-1)
		if i < m.owned {
			owner = int32(i % c.Workers)
		}
		m.agents[i] = agents.AIAgent{Firm: agents.Idle, Owner: owner, Productivity: float32(c.AIProductivity)}
	}
}

// startPrices sets the prices of the start: the cost price, as this step's
// and last step's market price too.
func (m *aiMarket) startPrices(c *Config) {
	m.costPrice = aiCost(c, 0)
	m.lastCost, m.lastPrice, m.price = m.costPrice, m.costPrice, m.costPrice
}

// aiCost is law 2 with the provider's markup, at years since the start.
func aiCost(c *Config, years float64) float64 {
	return economy.AIPrice(c.AIPrice*(1+c.AIMarkup), c.AICostDecline, years)
}

// laws starts a step: the clock, law 2's cost price and law 1's frontier.
func (w *World) laws() {
	c := &w.cfg
	w.step++
	w.years = float64(w.step-1) / float64(c.StepsPerYear)
	m := &w.ai
	m.lastCost = m.costPrice
	m.lastPrice = m.price
	m.costPrice = aiCost(c, w.years)
	if !c.FixedFrontier {
		m.phiA = economy.AIFrontier(c.Automation, c.FrontierSlope, m.logCompute, 1-c.TraditionalShare)
	}
	w.setFrontier()
}

// expectedPrice is the AI price firms plan with: last step's market price
// moved with the cost price.
func (m *aiMarket) expectedPrice() float64 {
	if m.lastCost <= 0 {
		return m.costPrice
	}
	return math.Max(m.costPrice, m.lastPrice*m.costPrice/m.lastCost)
}

// clearAI clears the AI-agent market. Firms' demand curves D_f(p) come from
// their plans; if the agents in existence cover demand at the cost price,
// the price is the cost price and the rest stay idle. Otherwise the price
// rises until demand equals the agents in existence (bisection in log
// price); the excess over cost is a scarcity rent. Firms indifferent at the
// clearing price are rationed pro rata. The agents are then deployed to
// the firms' AI-capable bins in proportion to the bins' weights.
func (w *World) clearAI() {
	w.parallel(len(w.firms), marketChunk, (*World).keptChunk)
	n := float64(len(w.ai.agents))
	w.ai.price = w.ai.costPrice
	if n == 0 {
		return
	}
	lo, hi := w.ai.costPrice, 0.0
	for _, h := range w.ai.chunkMax {
		hi = max(hi, h)
	}
	dLo := w.aiDemand(lo)
	theta := 1.0
	if dLo > n && hi > lo {
		if lo <= 0 {
			lo = hi * 1e-15
			dLo = w.aiDemand(lo)
		}
		for range 60 {
			mid := math.Sqrt(lo * hi)
			if w.aiDemand(mid) > n {
				lo = mid
			} else {
				hi = mid
			}
		}
		dLo, dHi := w.aiDemand(lo), w.aiDemand(hi)
		w.ai.price = hi
		theta = 0
		if !math.IsInf(dLo, 0) && dLo > dHi {
			theta = math.Max(0, math.Min(1, (n-dHi)/(dLo-dHi)))
		}
		w.allocateAI(lo, hi, theta)
	} else {
		w.allocateAI(lo, lo, theta)
	}
}

// marketChunk is the number of firms per chunk of the AI market's parallel
// passes. Each firm writes its own entries and the sums over firms are
// taken in firm order, so the chunks never change a result.
const marketChunk = 256

// keptChunk sets, for every firm of a chunk, the human units working its
// AI-capable tasks this step: those beyond what its human-only tasks need.
// A firm rents AI for the capable tasks its humans do not cover; as it
// lays them off (at the adjustment rate) AI takes their place, so AI
// demand follows staffing instead of jumping between firms. It also takes
// the chunk's highest price any firm would pay for an agent, the top of
// the market's price bracket.
func (w *World) keptChunk(ch, lo, hi int) {
	b := w.cfg.TaskBins
	top := 0.0
	for f := lo; f < hi; f++ {
		fm := &w.firms[f]
		h := 0.0
		for _, x := range w.labour.human[f*b : (f+1)*b] {
			h += x
		}
		need := w.blocks[fm.Sector].Human * fm.Plan.Human * fm.Scale
		fm.Kept = 0
		if fm.Plan.UseAI && !math.IsInf(need, 0) {
			fm.Kept = math.Max(0, h-need)
		}
		top = max(top, fm.HumanCost*w.cfg.AIProductivity)
	}
	w.ai.chunkMax[ch] = top
}

// aiDemand is the market's demand for AI agents at price p per agent: the
// firms' demands, taken in parallel, added up in firm order.
func (w *World) aiDemand(p float64) float64 {
	w.ai.demandPrice = p
	w.parallel(len(w.firms), marketChunk, (*World).demandChunk)
	sum := 0.0
	for _, d := range w.ai.demand {
		sum += d
	}
	return sum
}

// demandChunk sets the AI demand, in agents, of every firm of a chunk at
// the price w.ai.demandPrice.
func (w *World) demandChunk(_, lo, hi int) {
	prod := w.cfg.AIProductivity
	for f := lo; f < hi; f++ {
		fm := &w.firms[f]
		w.ai.demand[f] = fm.AIDemand(w.ces, w.blocks[fm.Sector], w.ai.demandPrice/prod, fm.Scale) / prod
	}
}

// allocateAI sets every slot's agents (aiCount): firm f wants
// D_f(pHi) + θ (D_f(pLo) − D_f(pHi)) agents (taken in parallel), spread
// over its AI-capable bins by weight, rounded cumulatively so that the
// total is the rounded total and never exceeds the agents in existence.
func (w *World) allocateAI(pLo, pHi, theta float64) {
	w.ai.demandLo, w.ai.demandPrice, w.ai.theta = pLo, pHi, theta
	w.parallel(len(w.firms), marketChunk, (*World).wantChunk)
	c := &w.cfg
	left := int32(len(w.ai.agents))
	cum, done := 0.0, 0.0
	for f := range w.firms {
		fm := &w.firms[f]
		bl := w.blocks[fm.Sector]
		d := w.ai.demand[f]
		base := f * c.TaskBins
		for i, wt := range w.tasks.Weights[fm.Sector] {
			want := int32(0)
			if bl.AI > 0 && w.split[i].AI > 0 {
				cum += d * wt * w.split[i].AI / bl.AI
				want = wantedAgents(cum, done, left)
				done = cum
			}
			w.ai.count[base+i] = want
			left -= want
		}
	}
}

// wantChunk sets the agents every firm of a chunk wants at the prices and
// the rationing share allocateAI was given.
func (w *World) wantChunk(_, lo, hi int) {
	prod := w.cfg.AIProductivity
	n := float64(len(w.ai.agents))
	for f := lo; f < hi; f++ {
		fm := &w.firms[f]
		bl := w.blocks[fm.Sector]
		d := fm.AIDemand(w.ces, bl, w.ai.demandPrice/prod, fm.Scale) / prod
		if w.ai.theta > 0 {
			dl := fm.AIDemand(w.ces, bl, w.ai.demandLo/prod, fm.Scale) / prod
			if math.IsInf(dl, 0) {
				dl = n
			}
			d += w.ai.theta * (dl - d)
		}
		w.ai.demand[f] = min(d, n)
	}
}

// wantedAgents is what a slot wants when the running total of the wants
// goes from done to cum, rounded cumulatively: never more than the agents
// left, and none for a total that falls or is not a number, so that the
// wants are never negative and never add up to more than the agents in
// existence (which deployAI relies on).
func wantedAgents(cum, done float64, left int32) int32 {
	n := math.Floor(cum+0.5) - math.Floor(done+0.5)
	if !(n > 0) {
		return 0
	}
	return int32(min(float64(left), n))
}

// deployAI deploys the agents the market allocated to every slot
// (aiCount), in parallel over firm chunks: their AI efficiency units and
// their number. The allocation never wants more agents than exist, so
// every want is met (see agents.Deploy). Which individual agents go where
// is settled beside the next phases (move-agents in the schedule): only
// the owners' rents read it (they wait at rents-wait).
func (w *World) deployAI() {
	w.parallel(len(w.firms), firmChunk, (*World).deployChunk)
	w.ai.deployed = 0
	for _, n := range w.ai.deployedIn {
		w.ai.deployed += n
	}
}

// deployChunk deploys the allocated agents of one firm chunk.
func (w *World) deployChunk(ch, lo, hi int) {
	b := w.cfg.TaskBins
	prod := w.cfg.AIProductivity
	n := 0
	for k := lo * b; k < hi*b; k++ {
		w.ai.units[k] = float64(w.ai.count[k]) * prod
		n += int(w.ai.count[k])
	}
	w.ai.deployedIn[ch] = n
}

// moveAgents moves the individual agents to the slots deployAI filled,
// keeping every agent that can stay where it is. It runs on the side
// goroutine (a sideTask of the schedule).
func (w *World) moveAgents() {
	agents.Deploy(w.ai.agents, w.ai.count, w.ai.moved, w.cfg.TaskBins)
}

// invest advances effective compute (law 3 feeding law 1): baseline
// investment plus the provider's reinvested rents, bought at a price that
// falls with the cost of AI.
func (w *World) invest() {
	c := &w.cfg
	spy := float64(c.StepsPerYear)
	units := c.ComputeGrowth/spy + w.hh.computeSpend/w.ai.computePrice
	w.ai.logCompute = economy.ComputeStep(w.ai.logCompute, units, c.ComputeDepreciate/spy, c.AICostDecline, float64(w.step)/spy)
}
