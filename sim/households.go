package sim

import (
	"math"
	"math/rand/v2"

	"github.com/laborsim/laborsim/agents"
)

// workerPartial is one worker chunk's contribution to the step's totals.
// Chunks add up into a local copy and store it once, so that two cores
// never write the same cache line in the loop.
type workerPartial struct {
	employed, unemployed, retraining  int
	wages                             float64
	consumption, retrainPaid, subsidy float64
	resSum                            [4]float64
	resN                              [4]int
}

// payouts are the per-household flows of one step, fixed before the
// household phase.
type payouts struct {
	dividendPerStake float64 // dividends and provider payouts, before capital tax, per unit of stake
	budgetRent       float64 // rents of person-owned AI agents, per person, before capital tax
	ubi              float64 // per person
	retrainCost      float64 // money cost of a retraining spell
	flexible         bool    // frictionless: wages are reset to marginal products
}

// households updates every household in parallel over worker chunks: wages
// are paid (after renegotiation for the frictional market), capital income
// and transfers received, taxes paid, consumption spent, unemployment spells
// and retraining advanced, with the step's payouts w.pay.
func (w *World) households() {
	w.parallel(len(w.workers), workerChunk, (*World).householdsChunk)
}

// householdsChunk updates the households of one worker chunk with this
// step's payouts w.pay.
func (w *World) householdsChunk(ch, lo, hi int) {
	c := &w.cfg
	pay := w.pay
	floor := c.HomeProduction * w.labour.meanRate0
	r := w.rng.get(ch, streamHouseholds, w.step, ch)
	p := &workerPartial{}
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
		cons := agents.Consumption(income, wk.Wealth-spent, c.ConsumeIncome, c.ConsumeWealth)
		wk.Wealth += income - cons - spent
		wk.Income = income
		p.consumption += cons
		if wk.Status == agents.Unemployed && int(wk.Sector) < len(p.resSum) {
			p.resSum[wk.Sector] += w.reservation(wk, floor)
			p.resN[wk.Sector]++
		}
		w.sample(j, wk)
	}
	for k := range w.samples {
		w.samples[k].Count(ch) // the chunk's slots are the sample's stripe ch
	}
	w.wpart[ch] = *p
}

// sample puts household j's final wage (if employed), income and wealth of
// the step in the samples for the distribution's statistics.
func (w *World) sample(j int, wk *agents.Worker) {
	if wk.Status == agents.Employed {
		w.samples[wageSample].Set(j, w.paidWage(wk))
	} else {
		w.samples[wageSample].Clear(j)
	}
	w.samples[incomeSample].Set(j, wk.Income)
	w.samples[wealthSample].Set(j, wk.Wealth)
}

// paidWage is what an employed worker was paid this step: its wage, times
// the share of its bills its employer could pay.
func (w *World) paidWage(wk *agents.Worker) float64 {
	if wk.Status != agents.Employed {
		return 0
	}
	return wk.Wage() * w.paid[wk.Firm]
}

// advance moves one household through its labour-market state for the
// month and returns what it spent on retraining.
func (w *World) advance(j int, wk *agents.Worker, pay payouts, r *rand.Rand, p *workerPartial) float64 {
	c := &w.cfg
	switch wk.Status {
	case agents.Employed:
		p.employed++
		if !pay.flexible {
			mp := w.prod.mpHuman[wk.Firm]
			wk.Renegotiate(mp, c.Bargaining, c.WageAdjust, c.WageCut)
		}
	case agents.Retraining:
		p.retraining++
		wk.Months--
		if wk.Months <= 0 {
			wk.Skill = float32(math.Min(1, float64(wk.Skill)+c.RetrainGain))
			w.labour.qual[j] = w.qualification(wk.Skill)
			wk.Sector = uint8(w.labour.bestSector)
			wk.Status, wk.Months, wk.Displaced = agents.Unemployed, 0, false
		}
	case agents.Unemployed:
		p.unemployed++
		own := pay.retrainCost * (1 - c.RetrainSubsidy)
		if int(wk.Months) >= c.RetrainAfter && wk.Skill < 1 && r.Float64() < c.RetrainProb && wk.Wealth >= own {
			wk.Status, wk.Months = agents.Retraining, int16(c.RetrainMonths)
			p.retrainPaid += own
			p.subsidy += pay.retrainCost - own
			return own
		}
		if wk.Months < math.MaxInt16 {
			wk.Months++
		}
	}
	return 0
}
