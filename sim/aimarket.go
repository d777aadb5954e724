package sim

import (
	"math"

	"github.com/laborsim/laborsim/agents"
	"github.com/laborsim/laborsim/economy"
)

// aiMarket is the AI room: the AI agents, their market, and the laws that
// drive their cost (law 2) and their reach (laws 1 and 3).
type aiMarket struct {
	// The agent objects: one per agent-instance while the fleet is within
	// the object cap, past it one per equal share of the fleet (weight
	// agent-instances each). The slice grows and shrinks with the fleet
	// within a capacity allocated once.
	agents []agents.AIAgent
	owned  float64 // the persons' share of the fleet (the compute budget)

	// The fleet and how the objects stand for it.
	fleet  float64 // agent-instances that can run at once
	weight float64 // agent-instances per object: 1 while whole, fleet/cap past the cap
	whole  bool    // weight == 1: the market deploys whole agents

	// Firm·bin arrays, index f·B + b.
	count []int32   // agent objects the market allocates to each slot, all of them deployed
	units []float64 // AI efficiency units deployed in each slot
	moved []int32   // moveAgents' count of the agents it has placed in each slot

	deployedIn []float64 // agent-instances deployed in each firm chunk (deployChunk)
	deployed   float64   // agent-instances deployed this step

	// The market's scratch: each firm's demand, each market chunk's
	// highest price, and the prices and rationing share being evaluated
	// (aiDemand hands demandPrice to demandChunk; allocateAI hands all
	// three to wantChunk).
	demand                       []float64
	chunkMax                     []float64
	demandPrice, demandLo, theta float64

	cost      float64 // law 2: user cost of the compute an agent-instance needs, per year
	growth    float64 // expected growth of the market price, log points per year
	costPrice float64 // the list price: cost times one plus the markup, the market's floor
	price     float64 // the market-clearing price this step
	lastPrice float64 // last step's market price
	lastFleet float64 // last step's fleet, before laws set this step's
	rationed  bool    // the market last cleared above the list price, every agent rented (set by clearAI, read by the firms' plans before the next clearing)

	phiA float64 // law 1's frontier: the AI-capable share of tasks

	// Compute (economy/compute.go), in log10 relative to the start.
	logH, logS   float64 // hardware stock (at the step's start) and algorithmic efficiency (at its midpoint)
	logE         float64 // effective compute in use this step: H·S at the step's midpoint
	hardware0    float64 // value of the start's hardware, money
	invRate      float64 // law 3: gross investment in hardware this step, share of the stock a year
	q            float64 // Tobin's q of compute this step
	computeSpend float64 // money spent on hardware this step
}

// init makes the AI room's slices, once: room for as many objects as the
// fleet can ever need (the cap, or the fixed fleet), which the operating
// system maps only as the fleet grows into it.
func (m *aiMarket) init(c Config) {
	fb := c.Firms * c.TaskBins
	capacity := c.AIObjectCap
	if c.AIFleet == FleetFixed {
		capacity = min(capacity, c.AIAgents)
	}
	m.agents = make([]agents.AIAgent, 0, capacity)
	m.units = make([]float64, fb)
	m.count, m.moved = make([]int32, fb), make([]int32, fb)
	m.deployedIn = make([]float64, chunks(c.Firms, firmChunk))
	m.demand, m.chunkMax = make([]float64, c.Firms), make([]float64, chunks(c.Firms, marketChunk))
}

// initAgents creates the start's fleet, idle, and the persons' share of
// it (the compute budget).
func (m *aiMarket) initAgents(c Config) {
	m.owned = c.ComputeBudget
	m.setFleet(c, float64(c.AIAgents))
}

// setFleet sets the fleet and makes its objects: one per whole
// agent-instance up to the cap, the cap's objects past it. New objects are
// idle and belong to the provider (the persons' rents are their share of
// all rents, settleOwners); objects beyond the fleet are retired.
func (m *aiMarket) setFleet(c Config, fleet float64) {
	m.fleet = fleet
	capacity := float64(cap(m.agents))
	objects := int(math.Min(math.Floor(fleet), capacity))
	m.whole = fleet <= capacity
	m.weight = 1
	if !m.whole {
		m.weight = fleet / capacity
	}
	for len(m.agents) < objects {
		m.agents = append(m.agents, agents.AIAgent{Firm: agents.Idle, Owner: -1, Productivity: float32(c.AIProductivity)})
	}
	m.agents = m.agents[:objects]
}

// supply is the agent-instances the market can deploy: whole ones while
// the fleet is within the cap.
func (m *aiMarket) supply() float64 {
	if m.whole {
		return float64(len(m.agents))
	}
	return m.fleet
}

// startPrices sets the prices of the start (the list price, as this
// step's and last step's market price too) and values the start's
// hardware at the user cost of the fleet it runs.
func (m *aiMarket) startPrices(c *Config) {
	m.setCosts(c, 0)
	m.lastPrice, m.price = m.costPrice, m.costPrice
	m.hardware0 = economy.HardwareValue(float64(c.AIAgents), c.AIPrice, c.InterestRate, c.ComputeDepreciate, c.TrainingShare)
}

// setCosts is law 2 at years since the start: the user cost of an
// agent-instance's compute and the list price with the provider's markup.
func (m *aiMarket) setCosts(c *Config, years float64) {
	m.cost = economy.AgentCost(c.AIPrice, c.AICostDecline, years)
	m.costPrice = m.cost * (1 + c.AIMarkup)
}

// laws starts a step: the clock, law 2's cost, software efficiency, the
// fleet that inference compute runs and law 1's frontier from training
// compute. The laws are read at the step's midpoint (the hardware stock
// advanced half a step at the rate decided last step), the midpoint rule
// for a step's average: read at its start, a step would run on AI a
// month dearer and scarcer at 12 steps a year and a quarter at 4, an
// error of the first order in the step.
func (w *World) laws() {
	c := &w.cfg
	w.step++
	w.years = float64(w.step-1) / float64(c.StepsPerYear)
	m := &w.ai
	m.observeGrowth(c, w.dt())
	m.lastPrice = m.price
	mid := w.years + w.dt()/2
	m.setCosts(c, mid)
	m.logS = economy.SoftwareLog10(c.AICostDecline, c.HardwareProgress, mid)
	logH := economy.HardwareStep(m.logH, m.invRate, c.ComputeDepreciate, w.dt()/2)
	m.logE = logH + m.logS
	m.lastFleet = m.fleet
	if c.AIFleet == FleetCompute {
		m.setFleet(*c, economy.Fleet(float64(c.AIAgents), economy.FleetLog10(logH, m.logS)))
	}
	if !c.FixedFrontier {
		m.phiA = economy.AIFrontier(c.Automation, c.FrontierSlope, m.logE, min(c.MaxAutomation, 1-c.TraditionalShare))
	}
	w.setFrontier()
}

// expectedPrice is the AI price firms plan with: last step's market price
// moved on by the growth of the market price they expect, never below this
// step's list price (the providers rent at no less). The expected growth
// is adaptive (DESIGN §5): it moves toward each step's observed growth of
// the market price at --expectation-speed, from 0 at the start — a trend
// the market follows, not the cost's.
func (m *aiMarket) expectedPrice(dt float64) float64 {
	return math.Max(m.costPrice, m.lastPrice*math.Exp(m.growth*dt))
}

// fleetGrowth is the factor by which firms expect the AI they rented
// last step to grow this step. Where last step's market was rationed
// (cleared above the list price, every agent rented) what a firm got
// was its share of the fleet, and the fleet is public — the providers'
// capacity this step, set by the laws before firms plan — so the firm
// expects its AI to grow with it: fleet/lastFleet. Where it was not,
// each firm rented what it asked for at the list price, which the
// fleet does not set: 1.
func (m *aiMarket) fleetGrowth() float64 {
	if !m.rationed || !(m.lastFleet > 0) {
		return 1
	}
	return m.fleet / m.lastFleet
}

// observeGrowth updates the expected growth of the AI price with the
// growth observed over the last step.
func (m *aiMarket) observeGrowth(c *Config, dt float64) {
	if m.lastPrice > 0 && m.price > 0 {
		g := math.Log(m.price/m.lastPrice) / dt
		m.growth += agents.Hazard(c.ExpectationSpeed, dt) * (g - m.growth)
	}
}

// clearAI clears the AI-agent market. Firms' demand curves D_f(p) come from
// their plans; if the agents in existence cover demand at the cost price,
// the price is the cost price and the rest stay idle; with no agents at
// all it is the highest price any firm would pay. Otherwise the price
// rises until demand equals the agents in existence (bisection in log
// price); the excess over cost is a scarcity rent. Firms indifferent at the
// clearing price are rationed pro rata. The agents are then deployed to
// the firms' AI-capable bins in proportion to the bins' weights.
func (w *World) clearAI() {
	w.parallel(len(w.firms), marketChunk, (*World).keptChunk)
	n := w.ai.supply()
	w.ai.price = w.ai.costPrice
	w.ai.rationed = false
	lo, hi := w.ai.costPrice, 0.0
	for _, h := range w.ai.chunkMax {
		hi = max(hi, h)
	}
	if n == 0 {
		// No agent to rent: the market clears where no firm wants one,
		// at the highest price a firm would pay — which is what firms
		// observe, so that none plans with AI that is not there — and
		// no slot holds an agent (a fleet that shrank below one
		// agent-instance kept last step's allocation otherwise).
		w.ai.price = max(lo, hi)
		clear(w.ai.count)
		clear(w.ai.units)
		return
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
		w.ai.rationed = true
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

// allocateAI sets every slot's agents: firm f wants
// D_f(pHi) + θ (D_f(pLo) − D_f(pHi)) agents (taken in parallel), spread
// over its AI-capable bins by weight (place).
func (w *World) allocateAI(pLo, pHi, theta float64) {
	w.ai.demandLo, w.ai.demandPrice, w.ai.theta = pLo, pHi, theta
	w.parallel(len(w.firms), marketChunk, (*World).wantChunk)
	c := &w.cfg
	pl := w.ai.placer(c.AIProductivity)
	for f := range w.firms {
		fm := &w.firms[f]
		bl := w.blocks[fm.Sector]
		d := w.ai.demand[f]
		base := f * c.TaskBins
		for i, wt := range w.tasks.Weights[fm.Sector] {
			share := 0.0
			if bl.AI > 0 && w.split[i].AI > 0 {
				share = d * wt * w.split[i].AI / bl.AI
			}
			pl.place(base+i, share)
		}
	}
}

// placer spreads agent-instances over slots in slot order. While the fleet
// is whole, each slot gets whole agents, rounded cumulatively so that the
// total is the rounded total and never exceeds the agents in existence;
// past the object cap each slot gets exactly its agent-instances (as AI
// units) and the objects that stand for them, rounded the same way.
type placer struct {
	m         *aiMarket
	prod      float64
	cum, done float64
	left      int32
}

func (m *aiMarket) placer(prod float64) placer {
	return placer{m: m, prod: prod, left: int32(len(m.agents))}
}

// place gives slot k its share of agent-instances.
func (p *placer) place(k int, agents float64) {
	m := p.m
	if agents > 0 {
		p.cum += agents / m.weight
	}
	want := wantedAgents(p.cum, p.done, p.left)
	p.done = p.cum
	m.count[k] = want
	p.left -= want
	if m.whole {
		m.units[k] = float64(want) * p.prod
	} else {
		m.units[k] = max(agents, 0) * p.prod
	}
}

// wantChunk sets the agents every firm of a chunk wants at the prices and
// the rationing share allocateAI was given.
func (w *World) wantChunk(_, lo, hi int) {
	prod := w.cfg.AIProductivity
	n := w.ai.supply()
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

// deployAI counts the agent-instances the market deployed (allocateAI or
// deployFrictionless set every slot's objects and AI units), in parallel
// over firm chunks. The allocation never wants more objects than exist,
// so every want is met (see agents.Deploy). Which individual objects go
// where is settled beside the next phases (move-agents in the schedule).
func (w *World) deployAI() {
	w.parallel(len(w.firms), firmChunk, (*World).deployChunk)
	w.ai.deployed = 0
	for _, n := range w.ai.deployedIn {
		w.ai.deployed += n
	}
}

// deployChunk counts the agent-instances deployed in one firm chunk.
func (w *World) deployChunk(ch, lo, hi int) {
	b := w.cfg.TaskBins
	n := 0.0
	for k := lo * b; k < hi*b; k++ {
		n += w.ai.agentsAt(k, w.cfg.AIProductivity)
	}
	w.ai.deployedIn[ch] = n
}

// agentsAt is the agent-instances deployed in slot k.
func (m *aiMarket) agentsAt(k int, prod float64) float64 {
	if m.whole {
		return float64(m.count[k])
	}
	return m.units[k] / prod
}

// moveAgents moves the individual agents to the slots deployAI filled,
// keeping every agent that can stay where it is. It runs on the side
// goroutine (a sideTask of the schedule).
func (w *World) moveAgents() {
	agents.Deploy(w.ai.agents, w.ai.count, w.ai.moved, w.cfg.TaskBins)
}

// investDecision is law 3: the providers' investment in hardware this
// step, by Tobin's q of compute (what the fleet earned, rents, over what
// it would earn fully rented at the list price), and its cost, valued at
// the step's midpoint years (the hardware price then, and the stock half
// a step of dt on at the rate decided). In the fixed fleet the hardware
// still trains models.
func (m *aiMarket) investDecision(c *Config, years, dt, rents float64) {
	m.q = economy.ProviderQ(rents, m.costPrice*m.fleet)
	m.invRate = economy.InvestmentRate(m.q, c.ComputeDepreciate, c.ComputeAdjust)
	// The spending of the step at its midpoint, price and stock alike:
	// the stock half a step on at the rate just decided.
	logH := economy.HardwareStep(m.logH, m.invRate, c.ComputeDepreciate, dt/2)
	value := economy.HardwarePrice(m.hardware0, c.HardwareProgress, years) * math.Pow(10, logH)
	m.computeSpend = m.invRate * value // a rate per year
}

// invest advances the hardware stock over the step (law 3 feeding law 1
// and the fleet): gross investment at the rate decided, less depreciation.
func (w *World) invest() {
	c := &w.cfg
	w.ai.logH = economy.HardwareStep(w.ai.logH, w.ai.invRate, c.ComputeDepreciate, 1/float64(c.StepsPerYear))
}
