package sim

import (
	"math"

	"github.com/laborsim/laborsim/economy"
)

// accounts is the room of the national accounts: this step's row, the
// samples of the distributions (filled by the households phase), and what
// the accounts carry from step to step.
type accounts struct {
	row economy.Accounts // this step's, returned by Step

	samples    [samples]economy.Sample // wages, incomes, wealth: for the Ginis and the median wage
	sampleGini [samples]float64
	medianWage float64
	moneyHeld  float64 // the money held by all agents (distributionChunk)

	basin  economy.Basket // households' preferences over goods and land
	goods0 [2]float64     // the goods and land prices of the first step

	// GDP of the last year's steps, for the annual growth rate: gdpPast[k]
	// is the GDP of the latest step s with s mod steps-per-year = k, the
	// start's GDP standing for step 0 and the steps before it.
	gdpPast []float64
}

// startGDP records the start's GDP.
func (a *accounts) startGDP(gdp float64) {
	for k := range a.gdpPast {
		a.gdpPast[k] = gdp
	}
}

// gdpGrowth is the annual growth rate of GDP at step s: over the last year
// once a year has passed, before that over the steps since the start,
// annualised. It records gdp for step s. Growth from next to nothing (a
// start whose GDP is ~1e-122, as free AI at the start with a tiny economy
// gives) annualises past the largest float: then the growth since the
// start is reported as it is, not annualised, a finite number.
func (a *accounts) gdpGrowth(s int, gdp float64) float64 {
	spy := len(a.gdpPast)
	k := s % spy
	past := a.gdpPast[k]
	a.gdpPast[k] = gdp
	if !(past > 0) || !(gdp > 0) {
		return 0
	}
	if s >= spy {
		return gdp/past - 1
	}
	if g := math.Pow(gdp/past, float64(spy)/float64(s)) - 1; !math.IsInf(g, 0) {
		return g
	}
	return gdp/past - 1
}

// init sizes the samples and sets the preferences, once.
func (a *accounts) init(c Config) {
	for k := range a.samples {
		a.samples[k].Resize(c.Workers, workerChunk)
	}
	a.basin = economy.Basket{Sigma: c.LandSigma, Weight: c.LandWeight}
	a.gdpPast = make([]float64, c.StepsPerYear)
}

// account reduces the step's national accounts from the chunk partials (in
// chunk order) and the agents.
func (w *World) account() {
	c := &w.cfg
	dt := w.dt()
	fl := w.labour.flows
	t := w.hh.totals
	var wp workerPartial
	for _, p := range w.hh.wpart {
		wp.employed += p.employed
		wp.unemployed += p.unemployed
		wp.retraining += p.retraining
		wp.inactive += p.inactive
		wp.wages += p.wages
		wp.consumption += p.consumption + p.retrainPaid + p.subsidy
		wp.spells += p.spells
	}
	var sep separations
	for _, s := range w.labour.separated {
		sep.quits += s.quits
		sep.layoffs += s.layoffs
		sep.displaced += s.displaced
	}
	wages := wp.wages
	a := economy.Accounts{
		Step:              w.step,
		Year:              float64(c.StartYear) + float64(w.step)/float64(c.StepsPerYear),
		GDP:               t.gdp,
		GDPIncome:         wages + w.hh.ownerRents + t.aiTax + t.surplus,
		WageBill:          wages,
		TradCapitalIncome: t.surplus,
		AIRents:           w.hh.ownerRents,
		ScarcityRents:     math.Max(0, w.hh.ownerRents-w.ai.costPrice*w.ai.deployed),
		Taxes:             w.hh.taxes,
		Transfers:         w.hh.taxes,
		Investment:        t.invest + w.ai.computeSpend,
		ComputeInvestment: w.ai.computeSpend,
		Consumption:       wp.consumption / dt,
		Employed:          wp.employed,
		Unemployed:        wp.unemployed,
		Retraining:        wp.retraining,
		Inactive:          wp.inactive,
		Vacancies:         t.vacancies,
		Hires:             float64(fl.fromU+fl.moves) / dt,
		Separations:       float64(sep.quits+sep.layoffs+fl.moves) / dt,
		Displaced:         float64(sep.displaced) / dt,
		AIFleet:           w.ai.fleet,
		AIAgentsDeployed:  w.ai.deployed,
		AICost:            w.ai.cost,
		AIPrice:           w.ai.price,
		AIFrontier:        w.ai.phiA,
		LogCompute:        w.ai.logE,
	}
	if c.Frictionless && w.ai.deployed > 0 {
		a.AIPrice = w.hh.ownerRents / w.ai.deployed
	}
	if a.AIRents > 0 {
		a.AIScarcityRent = a.ScarcityRents / a.AIRents
	}
	a.Shares()
	lf := wp.employed + wp.unemployed
	if lf > 0 {
		a.UnemploymentRate = float64(wp.unemployed) / float64(lf)
	}
	if n := len(w.workers); n > 0 {
		a.ParticipationRate = float64(lf) / float64(n)
	}
	if d := t.vacancies + float64(wp.employed); d > 0 {
		a.VacancyRate = t.vacancies / d
	}
	if e := float64(wp.employed); e > 0 {
		perMonth := 1 / (e * 12 * dt) // a step's count as a monthly share of employment
		a.HiresRate = float64(fl.fromU+fl.moves) * perMonth
		a.SeparationRate = float64(sep.quits+sep.layoffs+fl.moves) * perMonth
		a.QuitRate = float64(sep.quits+fl.moves) * perMonth
		a.LayoffRate = float64(sep.layoffs) * perMonth
		a.JobToJobRate = float64(fl.moves) * perMonth
	}
	if wp.unemployed > 0 {
		a.MeanUnemploymentDuration = float64(wp.spells) / float64(wp.unemployed) * 12 * dt
	}
	if u := t.aiUnits + t.humanUnits; u > 0 {
		a.AITaskShare = t.aiUnits / u
	}
	if wp.employed > 0 {
		a.MeanWage = wp.wages / float64(wp.employed)
	}
	a.GDPGrowth = w.acct.gdpGrowth(w.step, t.gdp)
	w.distribution(&a)
	w.prices(&a)
	w.acct.row = a
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
	w.parallel(samples*w.acct.samples[0].Stripes(), 1, (*World).spreadChunk)
	w.parallel(samples+1, 1, (*World).distributionChunk)
	a.WageGini = w.acct.sampleGini[wageSample]
	a.MedianWage = w.acct.medianWage
	a.IncomeGini = w.acct.sampleGini[incomeSample]
	a.WealthGini = w.acct.sampleGini[wealthSample]
	a.Money = w.acct.moneyHeld
}

// planChunk plans sample k's first radix pass.
func (w *World) planChunk(k, _, _ int) { w.acct.samples[k].Plan() }

// spreadChunk runs the first radix pass of one stripe of one sample.
func (w *World) spreadChunk(c, _, _ int) {
	stripes := w.acct.samples[0].Stripes()
	w.acct.samples[c/stripes].Spread(c % stripes)
}

// distributionChunk sorts and reduces sample k, or adds up the money when k is
// samples.
func (w *World) distributionChunk(k, _, _ int) {
	if k == samples {
		w.acct.moneyHeld = w.money()
		return
	}
	s := &w.acct.samples[k]
	s.Finish()
	w.acct.sampleGini[k] = s.Gini()
	if k == wageSample {
		w.acct.medianWage = s.Median()
	}
}

// prices sets the goods and land price indices from consumption per
// household, normalised to 1 at the first step.
func (w *World) prices(a *economy.Accounts) {
	g := a.Consumption / float64(len(w.workers))
	goods, land := w.acct.basin.Prices(g)
	if w.acct.goods0[0] == 0 {
		w.acct.goods0 = [2]float64{goods, land}
	}
	a.GoodsPrice, a.LandPrice = goods/w.acct.goods0[0], land/w.acct.goods0[1]
}
