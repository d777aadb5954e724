package sim

import (
	"math"
	"math/rand/v2"

	"github.com/laborsim/laborsim/agents"
	"github.com/laborsim/laborsim/economy"
)

// households is the room of the payments and of those paid: the step's
// flows from the firms to their workers, the AI agents' owners, the
// government and the households, the households' update, and the cash of
// the AI provider and the government.
type households struct {
	paid  []float64       // each firm's Paid, set by payChunk, for the households
	fpart []firmPartial   // per firm chunk, from payChunk
	wpart []workerPartial // per worker chunk, from householdsChunk

	// The step's flows.
	totals     firmPartial // the firm chunks' sums (payFirms)
	ownerRents float64     // AI rents received by the agents' owners
	taxes      float64
	pay        payouts        // per household, from settleOwners for householdsChunk
	rules      householdRules // this step's per-step odds and the prospects, from settleOwners for householdsChunk

	provider   float64 // AI provider's cash
	government float64 // government's cash
}

// init makes the room's slices, once.
func (h *households) init(c Config) {
	h.paid = make([]float64, c.Firms)
	h.fpart = make([]firmPartial, chunks(c.Firms, firmChunk))
	h.wpart = make([]workerPartial, chunks(c.Workers, workerChunk))
}

// firmPartial is one firm chunk's contribution to the step's totals.
type firmPartial struct {
	gdp, wages, aiBill, aiTax, surplus, dividends, invest float64
	aiUnits, humanUnits, vacancies                        float64
}

// workerPartial is one worker chunk's contribution to the step's totals:
// wages as a rate per year, the money spent this step, the unemployed's
// reservation wages and spells. Chunks add up into a local copy and store
// it once, so that two cores never write the same cache line in the loop.
type workerPartial struct {
	employed, unemployed, retraining, inactive int
	wages                                      float64
	consumption, retrainPaid, subsidy          float64
	res                                        resTally // the employable unemployed's reservation wages
	spells                                     int      // steps unemployed, summed over the unemployed
}

// payouts are the per-household flows of one step, fixed before the
// household phase.
type payouts struct { // rates per year, but for the retraining's cost
	dividendPerStake float64 // dividends and provider payouts, before capital tax, per unit of stake
	budgetRent       float64 // rents of person-owned AI agents, per person, before capital tax
	ubi              float64 // per person
	retrainCost      float64 // money cost of a retraining spell
	flexible         bool    // frictionless: wages are reset to marginal products
}

// payFirms settles every firm's bills in parallel over firm chunks — wages,
// AI rents and AI tax, investment in traditional capital out of gross
// operating surplus, dividends — and adds up the step's totals. A firm
// whose output falls short of its wage and AI bills (sticky wages after a
// fall in output) pays them pro rata, so that no share leaves [0,1].
func (w *World) payFirms() {
	w.parallel(len(w.firms), firmChunk, (*World).payChunk)
	var t firmPartial
	for _, p := range w.hh.fpart {
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
	w.hh.totals = t
}

// payChunk settles the bills of one firm chunk and sums its flows. The
// bills are rates per year, paid for the step's share dt of the year; the
// severance of the step's layoffs is paid whole, out of the firm's cash: a
// transfer from the firm to the worker, not a payment for this step's
// production (so it is in neither side of GDP).
func (w *World) payChunk(ch, lo, hi int) {
	c := &w.cfg
	dt := w.dt()
	p := &firmPartial{}
	for f := lo; f < hi; f++ {
		fm := &w.firms[f]
		if c.Frictionless {
			fm.WageBill = fm.MPHuman * fm.HumanUnits
			fm.AIBill = fm.MPAI * fm.AIUnits
		} else {
			fm.AIBill = w.prod.aiHere[f] * w.ai.price
		}
		fm.Paid = 1
		if owed := fm.WageBill + fm.AIBill*(1+c.AITax); owed > fm.Output {
			fm.Paid = fm.Output / owed
		}
		w.hh.paid[f] = fm.Paid
		fm.WageBill *= fm.Paid
		fm.AIBill *= fm.Paid
		tax := c.AITax * fm.AIBill
		fm.Surplus = max(0, fm.Output-fm.WageBill-fm.AIBill-tax)
		invest := c.CapitalReinvest * fm.Surplus
		dividends := fm.Surplus - invest
		fm.Capital = economy.CapitalStep(fm.Capital, invest, c.CapitalPrice, c.Depreciation, dt)
		// Next step produces with the stock half a step on, at this
		// step's investment (the midpoint rule: with the stock of the
		// step's start, output would lag the capital installed within
		// the step by half a step, an error of the first order).
		fm.CapitalInUse = economy.CapitalStep(fm.Capital, invest, c.CapitalPrice, c.Depreciation, dt/2)
		fm.Cash -= (fm.WageBill+fm.AIBill+tax+invest+dividends)*dt + fm.Severance
		p.gdp += fm.Output
		p.wages += fm.WageBill
		p.aiBill += fm.AIBill
		p.aiTax += tax
		p.surplus += fm.Surplus
		p.dividends += dividends
		p.invest += invest
	}
	// The chunk's slot sums, taken by produceChunk over the same slots.
	s := w.prod.slotSums[ch]
	p.aiUnits, p.humanUnits, p.vacancies = s.aiUnits, s.humanUnits, s.vacancies
	w.hh.fpart[ch] = *p
}

// settleOwners pays the AI rents to the fleet's owners and sets taxes and
// the universal basic income (all tax revenue, paid equally): the
// per-household flows of the step. Persons own the share --compute-budget
// of the fleet, so that share of the rents is theirs, shared equally. The
// provider pays for this step's hardware (law 3, investDecision) out of
// its rents and pays out the rest as dividends; when the hardware costs
// more than its rents it runs down its cash (borrows).
func (w *World) settleOwners() {
	c := &w.cfg
	dt := w.dt()
	t := w.hh.totals
	m := &w.ai
	m.investDecision(c, w.years+dt/2, dt, t.aiBill)
	personal := m.owned * t.aiBill
	providerRents := t.aiBill - personal
	w.hh.ownerRents = t.aiBill
	providerPayout := max(0, providerRents-m.computeSpend)
	w.hh.provider += (providerRents - m.computeSpend - providerPayout) * dt
	payout := t.dividends + providerPayout
	n := float64(len(w.workers))
	taxes := t.wages*c.LaborTax + (payout+personal)*c.CapitalTax + t.aiTax
	ubi := taxes / n
	w.hh.government += (taxes - ubi*n) * dt
	w.hh.taxes = taxes
	w.hh.pay = payouts{
		dividendPerStake: payout,
		budgetRent:       personal / n,
		ubi:              ubi,
		retrainCost:      c.RetrainCost / 12 * w.labour.meanRate0,
		flexible:         c.Frictionless,
	}
	w.hh.rules = w.householdRules()
}

// households updates every household in parallel over worker chunks: wages
// are paid (after renegotiation for the frictional market), capital income
// and transfers received, taxes paid, consumption spent, unemployment spells
// and retraining advanced, with the step's payouts w.hh.pay. The
// government then pays its share of the retraining (the subsidy).
func (w *World) households() {
	w.parallel(len(w.workers), workerChunk, (*World).householdsChunk)
	subsidy := 0.0
	for _, p := range w.hh.wpart {
		subsidy += p.subsidy
	}
	w.hh.government -= subsidy
}

// householdsChunk updates the households of one worker chunk with this
// step's payouts w.hh.pay.
func (w *World) householdsChunk(ch, lo, hi int) {
	c := &w.cfg
	dt := w.dt()
	pay := w.hh.pay
	r := w.rng.get(ch, streamHouseholds, w.step, ch)
	p := &workerPartial{}
	share := agents.Hazard(c.ConsumeWealth, dt)
	for j := lo; j < hi; j++ {
		wk := &w.workers[j]
		if pay.flexible && wk.Status == agents.Employed {
			wk.Rate = w.prod.mpHuman[wk.Firm]
		}
		wage := w.paidWage(wk)
		capital := wk.Stake*pay.dividendPerStake + pay.budgetRent
		income := wage*(1-c.LaborTax) + capital*(1-c.CapitalTax) + pay.ubi
		p.wages += wage
		spent := w.advance(j, wk, pay, r, p)
		cons := agents.Consumption(income, wk.Wealth-spent, c.ConsumeIncome, share, dt)
		wk.Wealth += income*dt - cons - spent
		wk.Income = income
		p.consumption += cons
		if wk.Status == agents.Unemployed && int(wk.Sector) < len(p.res.n) {
			if w.employable(j) {
				p.res.add(w, wk)
			}
			p.spells += int(wk.Spell)
		}
		w.sample(j, wk)
	}
	for k := range w.acct.samples {
		w.acct.samples[k].Count(ch) // the chunk's slots are the sample's stripe ch
	}
	w.hh.wpart[ch] = *p
}

// sample puts household j's final wage (if employed), income and wealth of
// the step in the samples for the distribution's statistics.
func (w *World) sample(j int, wk *agents.Worker) {
	if wk.Status == agents.Employed {
		w.acct.samples[wageSample].Set(j, w.paidWage(wk))
	} else {
		w.acct.samples[wageSample].Clear(j)
	}
	w.acct.samples[incomeSample].Set(j, wk.Income)
	w.acct.samples[wealthSample].Set(j, wk.Wealth)
}

// paidWage is what an employed worker was paid this step: its wage, times
// the share of its bills its employer could pay.
func (w *World) paidWage(wk *agents.Worker) float64 {
	if wk.Status != agents.Employed {
		return 0
	}
	return wk.Wage() * w.hh.paid[wk.Firm]
}

// householdRules are the step's odds of the households' moves and what a
// worker weighs when it decides whether to take part in the labour
// market.
type householdRules struct {
	raise, keep       float64    // an incumbent's wage: share of the gap closed up, factor it may fall by
	retrain, decide   float64    // odds of starting retraining (once eligible), of acting on a participation decision
	retrainAfter      int        // steps unemployed before retraining is considered
	retrainSteps      int        // steps a retraining spell lasts
	prospects         [4]float64 // each sector's expected earnings of a searcher per efficiency unit, per year
	unearnedPerPerson float64    // the transfer every person receives, per year
}

// householdRules are this step's rules. A searcher's prospects in a sector
// are the new hires' mean wage times the share of its time it can expect
// to be employed, f/(f + s), with f the sector's job-finding rate and s
// the separation rate into unemployment.
func (w *World) householdRules() householdRules {
	c := &w.cfg
	l := &w.labour
	dt := w.dt()
	spy := float64(c.StepsPerYear)
	h := householdRules{
		raise:             agents.Hazard(c.WageAdjust, dt),
		keep:              math.Exp(-c.WageCut * dt),
		retrain:           agents.Hazard(c.RetrainRate, dt),
		decide:            agents.Hazard(c.ParticipationSpeed, dt),
		retrainAfter:      int(math.Round(float64(c.RetrainAfter) * spy / 12)),
		retrainSteps:      max(1, int(math.Round(float64(c.RetrainMonths)*spy/12))),
		unearnedPerPerson: w.hh.pay.ubi + w.hh.pay.budgetRent*(1-c.CapitalTax),
	}
	for s := range c.Sectors {
		f := l.sectorFind[s]
		if f+l.sepU > 0 {
			h.prospects[s] = l.sectorWage[s] * f / (f + l.sepU)
		}
	}
	return h
}

// participates says whether a worker's prospects in its sector are worth
// at least its reservation value: its home production plus the income
// effect of its unearned income (the transfers and the return on its
// wealth), per efficiency unit.
func (w *World) participates(wk *agents.Worker, h *householdRules) bool {
	unearned := h.unearnedPerPerson + w.cfg.InterestRate*max(wk.Wealth, 0)
	value := float64(wk.Home) + w.cfg.IncomeEffect*unearned/float64(wk.Efficiency)
	return h.prospects[wk.Sector] >= value
}

// advance moves one household through its labour-market state for the
// step and returns what it spent on retraining.
func (w *World) advance(j int, wk *agents.Worker, pay payouts, r *rand.Rand, p *workerPartial) float64 {
	c := &w.cfg
	h := &w.hh.rules
	switch wk.Status {
	case agents.Employed:
		p.employed++
		if !pay.flexible {
			// The Nash wage now, between the flow value of unemployment
			// in its sector and the product its employer expects of it.
			mp := w.prod.mpExpected[wk.Firm]
			target := mp
			if res := w.resFloor(wk.Sector); res < mp {
				target = agents.Bargain(res, mp, c.Bargaining)
			}
			wk.Renegotiate(target, h.raise, h.keep)
		}
	case agents.Retraining:
		p.retraining++
		wk.Spell--
		if wk.Spell <= 0 {
			wk.Skill = float32(math.Min(1, float64(wk.Skill)+c.RetrainGain))
			w.labour.qual[j] = w.qualification(wk.Skill)
			wk.Sector = uint8(w.labour.bestSector)
			wk.Status, wk.Spell, wk.Displaced = agents.Unemployed, 0, false
		}
	case agents.Unemployed:
		own := pay.retrainCost * (1 - c.RetrainSubsidy)
		if int(wk.Spell) >= h.retrainAfter && wk.Skill < 1 && r.Float64() < h.retrain && wk.Wealth >= own {
			p.retraining++
			wk.Status, wk.Spell = agents.Retraining, int16(min(h.retrainSteps, math.MaxInt16))
			p.retrainPaid += own
			p.subsidy += pay.retrainCost - own
			return own
		}
		if !w.participates(wk, h) && r.Float64() < h.decide {
			p.inactive++
			wk.Status, wk.Spell = agents.Inactive, 0
			return 0
		}
		p.unemployed++
		if wk.Spell < math.MaxInt16 {
			wk.Spell++
		}
	case agents.Inactive:
		if w.participates(wk, h) && r.Float64() < h.decide {
			p.unemployed++
			wk.Status, wk.Spell = agents.Unemployed, 0
			return 0
		}
		p.inactive++
	}
	return 0
}
