package sim

import (
	"math"

	"github.com/laborsim/laborsim/agents"
	"github.com/laborsim/laborsim/economy"
)

// Step advances the world by one step (a month by default) and returns its
// accounts. The schedule (frictionalSchedule) is bulk-synchronous: laws →
// firms decide (parallel) → separations and the job list (parallel) →
// recount (matching beside) → AI-agent market → production (parallel;
// the AI agents move beside it and the next phases) → payments and
// households (parallel) → goods market → accounts (the next step's market
// statistics beside).
func (w *World) Step() economy.Accounts {
	for _, p := range w.schedule() {
		p.run(w)
	}
	return w.acc
}

// phase is one stage of the step schedule; each runs to completion (a
// barrier) before the next starts.
type phase struct {
	name string
	run  func(*World)
}

// The schedules of the frictional and the frictionless economy.
var (
	frictionalSchedule = append([]phase{
		{"laws", (*World).laws},
		{"decide", func(w *World) { w.decide(w.expectedPrice()) }},
		// The open jobs are listed as one more chunk of the separations.
		{"separate", (*World).separate},
		// The matching runs beside the recount: it reads the job list and
		// the seekers and writes the workers it hires; the recount reads
		// the posts separate left and writes the slots. The hires are
		// added to the slots after both.
		{"match", func(w *World) { w.beside((*World).matchJobs) }},
		{"recount-clear", (*World).clearStaff},
		{"recount", (*World).sumStaff},
		{"match-wait", (*World).awaitSide},
		{"hires", (*World).addHires},
		// The AI-agent market clears after matching: a firm rents AI for
		// the capable tasks its workers, as matched this step, do not cover
		// (keptChunk reads the human slots). The individual agents then
		// move beside the next phases (deployAI), which read the slots'
		// counts; the owners' rents, which read the agents, wait for them.
		{"clearAI", (*World).clearAI},
	}, productionPhases...)
	frictionlessSchedule = append([]phase{
		{"laws", (*World).laws},
		{"settle", func(w *World) { w.settleFrictionless(); w.hires = 0 }},
	}, productionPhases...)
)

// productionPhases end every step, whichever market allocated the inputs.
var productionPhases = []phase{
	{"produce", (*World).produce},
	{"pay", func(w *World) { w.pay = w.payFirms() }},
	{"households", func(w *World) { w.households(w.pay) }},
	{"goods", (*World).sellGoods},
	// The market statistics for the next step are taken beside the
	// accounts (once the AI agents' moves are done): they read the firms,
	// the slots and the households' partials and write the firms' hiring
	// costs; the accounts read the samples and the money, and write
	// neither.
	{"stats", func(w *World) { w.beside((*World).updateMarketStats) }},
	{"account", func(w *World) { w.account(w.years, w.hires) }},
	{"invest", (*World).invest},
	{"stats-wait", (*World).awaitSide},
}

// schedule is the list of phases of one step.
func (w *World) schedule() []phase {
	if w.cfg.Frictionless {
		return frictionlessSchedule
	}
	return frictionalSchedule
}

// laws starts a step: the clock, law 2's cost price and law 1's frontier.
func (w *World) laws() {
	c := &w.cfg
	w.step++
	w.years = float64(w.step-1) / float64(c.StepsPerYear)
	w.lastCost = w.costPrice
	w.lastPrice = w.price
	w.costPrice = w.aiCost(w.years)
	if !c.FixedFrontier {
		w.phiA = economy.AIFrontier(c.Automation, c.FrontierSlope, w.logCompute, 1-c.TraditionalShare)
	}
	w.setFrontier()
}

// expectedPrice is the AI price firms plan with: last step's market price
// moved with the cost price.
func (w *World) expectedPrice() float64 {
	if w.lastCost <= 0 {
		return w.costPrice
	}
	return math.Max(w.costPrice, w.lastPrice*w.costPrice/w.lastCost)
}

// payFirms settles every firm's bills in parallel over firm chunks — wages,
// AI rents and AI tax, investment in traditional capital out of gross
// operating surplus, dividends — and returns the per-household flows. A
// firm whose output falls short of its wage and AI bills (sticky wages
// after a fall in output) pays them pro rata, so that no share leaves [0,1].
func (w *World) payFirms() payouts {
	w.parallel(len(w.firms), firmChunk, (*World).payChunk)
	var t firmPartial
	for _, p := range w.fpart {
		t.gdp += p.gdp
		t.wages += p.wages
		t.aiBill += p.aiBill
		t.aiTax += p.aiTax
		t.surplus += p.surplus
		t.dividends += p.dividends
		t.invest += p.invest
		t.aiUnits += p.aiUnits
		t.humanUnits += p.humanUnits
		t.vacancies += p.vacancies
	}
	w.totals = t
	return w.settleOwners(t)
}

// payChunk settles the bills of one firm chunk and sums its flows.
func (w *World) payChunk(ch, lo, hi int) {
	c := &w.cfg
	dt := 1 / float64(c.StepsPerYear)
	p := &firmPartial{}
	for f := lo; f < hi; f++ {
		fm := &w.firms[f]
		if c.Frictionless {
			fm.WageBill = fm.MPHuman * fm.HumanUnits
			fm.AIBill = fm.MPAI * fm.AIUnits
		} else {
			fm.AIBill = float64(w.aiHere[f]) * w.price
		}
		fm.Paid = 1
		if owed := fm.WageBill + fm.AIBill*(1+c.AITax); owed > fm.Output {
			fm.Paid = fm.Output / owed
		}
		w.paid[f] = fm.Paid
		fm.WageBill *= fm.Paid
		fm.AIBill *= fm.Paid
		tax := c.AITax * fm.AIBill
		fm.Surplus = max(0, fm.Output-fm.WageBill-fm.AIBill-tax)
		invest := c.CapitalReinvest * max(fm.Surplus, 0)
		dividends := max(fm.Surplus, 0) - invest
		fm.Capital = fm.Capital*(1-c.Depreciation*dt) + invest/c.CapitalPrice
		fm.Cash -= fm.WageBill + fm.AIBill + tax + invest + dividends
		p.gdp += fm.Output
		p.wages += fm.WageBill
		p.aiBill += fm.AIBill
		p.aiTax += tax
		p.surplus += fm.Surplus
		p.dividends += dividends
		p.invest += invest
	}
	// The chunk's slot sums, taken by produceChunk over the same slots.
	s := w.slotSums[ch]
	p.aiUnits, p.humanUnits, p.vacancies = s.aiUnits, s.humanUnits, s.vacancies
	w.fpart[ch] = *p
}

// settleOwners pays the AI rents to the agents' owners — the provider
// reinvests its share in compute and pays the rest out as dividends;
// person-owned agents' rents are shared equally by all persons — and sets
// taxes and the universal basic income (all tax revenue, paid equally).
func (w *World) settleOwners(t firmPartial) payouts {
	c := &w.cfg
	personal := w.personalRents()
	providerRents := t.aiBill - personal
	w.ownerRents = providerRents + personal
	w.computeSpend = c.AIReinvest * providerRents
	w.provider += providerRents - w.computeSpend - (1-c.AIReinvest)*providerRents
	payout := t.dividends + (1-c.AIReinvest)*providerRents
	n := float64(len(w.workers))
	taxes := t.wages*c.LaborTax + (payout+personal)*c.CapitalTax + t.aiTax
	ubi := taxes / n
	w.government += taxes - ubi*n
	w.taxes = taxes
	return payouts{
		dividendPerStake: payout,
		budgetRent:       personal / n,
		ubi:              ubi,
		retrainCost:      c.RetrainCost * w.meanRate0,
		flexible:         c.Frictionless,
	}
}

// personalRents sums the rents earned by deployed person-owned agents.
func (w *World) personalRents() float64 {
	if w.owned == 0 {
		return 0
	}
	w.awaitSide() // moveAgents
	sum := 0.0
	for i := range w.ai[:w.owned] {
		a := &w.ai[i]
		if a.Firm == agents.Idle {
			continue
		}
		if w.cfg.Frictionless {
			sum += w.firms[a.Firm].MPAI * float64(a.Productivity) * w.firms[a.Firm].Paid
		} else {
			sum += w.price * w.firms[a.Firm].Paid
		}
	}
	return sum
}
