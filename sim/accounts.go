package sim

import (
	"math"

	"github.com/laborsim/laborsim/agents"
	"github.com/laborsim/laborsim/economy"
)

// sellGoods closes the goods market: households' consumption and retraining,
// firms' investment and the provider's compute purchases are spent on the
// goods of all firms in proportion to their output (Say's law: what is not
// bought is added to inventories, financed by the firm's cash).
func (w *World) sellGoods() {
	var cons, retrain, subsidy float64
	for _, p := range w.wpart {
		cons += p.consumption
		retrain += p.retrainPaid
		subsidy += p.subsidy
	}
	w.government -= subsidy
	w.spending = cons + retrain + subsidy + w.totals.invest + w.computeSpend
	w.parallel(len(w.firms), firmChunk, (*World).sellChunk)
}

// sellChunk credits the firms of one chunk with their sales.
func (w *World) sellChunk(_, lo, hi int) {
	gdp := w.totals.gdp
	n := float64(len(w.firms))
	for f := lo; f < hi; f++ {
		fm := &w.firms[f]
		if gdp > 0 {
			fm.Cash += w.spending * (fm.Output / gdp)
		} else {
			fm.Cash += w.spending / n
		}
	}
}

// account reduces the step's national accounts from the chunk partials (in
// chunk order) and the agents.
func (w *World) account() {
	c := &w.cfg
	hires := w.hires
	t := w.totals
	var wp workerPartial
	for _, p := range w.wpart {
		wp.separations += p.separations
		wp.displaced += p.displaced
		wp.employed += p.employed
		wp.unemployed += p.unemployed
		wp.retraining += p.retraining
		wp.wages += p.wages
		wp.consumption += p.consumption + p.retrainPaid + p.subsidy
	}
	a := economy.Accounts{
		Step:              w.step,
		Year:              float64(c.StartYear) + float64(w.step)/float64(c.StepsPerYear),
		GDP:               t.gdp,
		GDPIncome:         wp.wages + w.ownerRents + t.aiTax + t.surplus,
		WageBill:          wp.wages,
		TradCapitalIncome: t.surplus,
		AIRents:           w.ownerRents,
		ScarcityRents:     math.Max(0, w.ownerRents-w.ai.costPrice*float64(w.ai.deployed)),
		Taxes:             w.taxes,
		Transfers:         w.taxes,
		Investment:        t.invest + w.computeSpend,
		Consumption:       wp.consumption,
		Employed:          wp.employed,
		Unemployed:        wp.unemployed,
		Retraining:        wp.retraining,
		Vacancies:         t.vacancies,
		Hires:             hires,
		Separations:       wp.separations,
		Displaced:         wp.displaced,
		AIAgentsDeployed:  w.ai.deployed,
		AICostPrice:       w.ai.costPrice,
		AIPrice:           w.ai.price,
		AIFrontier:        w.ai.phiA,
		LogCompute:        w.ai.logCompute,
	}
	if c.Frictionless && w.ai.deployed > 0 {
		a.AIPrice = w.ownerRents / float64(w.ai.deployed)
	}
	a.Shares()
	if lf := wp.employed + wp.unemployed; lf > 0 {
		a.UnemploymentRate = float64(wp.unemployed) / float64(lf)
	}
	if d := t.vacancies + wp.employed; d > 0 {
		a.VacancyRate = float64(t.vacancies) / float64(d)
	}
	if u := t.aiUnits + t.humanUnits; u > 0 {
		a.AITaskShare = t.aiUnits / u
	}
	if wp.employed > 0 {
		a.MeanWage = wp.wages / float64(wp.employed)
	}
	if w.gdpPrev > 0 && t.gdp > 0 {
		a.OutputGrowth = math.Pow(t.gdp/w.gdpPrev, float64(c.StepsPerYear)) - 1
	}
	w.gdpPrev = t.gdp
	w.distribution(&a)
	w.prices(&a)
	w.acc = a
}

// The distributions whose order statistics are reported. The households
// phase sets every worker's slot in each (see householdsChunk).
const (
	wageSample = iota // wages of the employed
	incomeSample
	wealthSample
	samples
)

// distribution sets the median wage and the wage, income and wealth Ginis,
// and the money held by all agents. The samples' first radix pass runs in
// parallel over their stripes (the households phase has counted them),
// the rest of each sample's sort and its sums on one goroutine each, beside
// the sum of money. The sorted samples, and so the numbers, do not depend
// on the number of cores.
func (w *World) distribution(a *economy.Accounts) {
	w.parallel(samples, 1, (*World).planChunk)
	w.parallel(samples*w.samples[0].Stripes(), 1, (*World).spreadChunk)
	w.parallel(samples+1, 1, (*World).distributionChunk)
	a.WageGini = w.sampleGini[wageSample]
	a.MedianWage = w.medianWage
	a.IncomeGini = w.sampleGini[incomeSample]
	a.WealthGini = w.sampleGini[wealthSample]
	a.Money = w.moneyHeld
}

// planChunk plans sample k's first radix pass.
func (w *World) planChunk(k, _, _ int) { w.samples[k].Plan() }

// spreadChunk runs the first radix pass of one stripe of one sample.
func (w *World) spreadChunk(c, _, _ int) {
	stripes := w.samples[0].Stripes()
	w.samples[c/stripes].Spread(c % stripes)
}

// distributionChunk sorts and reduces sample k, or adds up the money when k is
// samples.
func (w *World) distributionChunk(k, _, _ int) {
	if k == samples {
		w.moneyHeld = w.money()
		return
	}
	s := &w.samples[k]
	s.Finish()
	w.sampleGini[k] = s.Gini()
	if k == wageSample {
		w.medianWage = s.Median()
	}
}

// prices sets the goods and land price indices from consumption per
// household, normalised to 1 at the first step.
func (w *World) prices(a *economy.Accounts) {
	g := a.Consumption / float64(len(w.workers))
	goods, land := w.basin.Prices(g)
	if w.goods0[0] == 0 {
		w.goods0 = [2]float64{goods, land}
	}
	a.GoodsPrice, a.LandPrice = goods/w.goods0[0], land/w.goods0[1]
}

// updateMarketStats refreshes what firms and searchers read next step: each
// sector's mean reservation wage of its unemployed and vacancy rate, the
// sector retrainees move to, and every firm's expected cost of a hire.
func (w *World) updateMarketStats() {
	c := &w.cfg
	floor := c.HomeProduction * w.meanRate0
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
		for _, p := range w.wpart {
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
			vac[s] += float64(w.vacancies[k])
			emp[s] += float64(w.count[k])
			mp[s] += fm.MPHuman * w.human[k]
			units[s] += w.human[k]
		}
	}
	best := -1.0
	for s := range c.Sectors {
		meanMP := w.meanRate0
		if units[s] > 0 {
			meanMP = mp[s] / units[s]
		}
		w.sectorRes[s] = math.Max(floor, meanMP)
		if resN[s] > 0 {
			w.sectorRes[s] = resSum[s] / float64(resN[s])
		}
		w.sectorVac[s] = 0
		if vac[s]+emp[s] > 0 {
			w.sectorVac[s] = vac[s] / (vac[s] + emp[s])
		}
		if w.sectorVac[s] > best {
			best, w.bestSector = w.sectorVac[s], s
		}
	}
	for f := range w.firms {
		fm := &w.firms[f]
		res := w.sectorRes[fm.Sector]
		mpf := fm.MPHuman
		if mpf <= 0 {
			mpf = res
		}
		fm.HumanCost = max(agents.Bargain(res, max(mpf, res), c.Bargaining), 1e-12)
		w.offers[f] = max(fm.MPHuman, fm.HumanCost)
	}
}
