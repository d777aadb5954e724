package economy

// Accounts are the national accounts and labour-market statistics of one
// step, computed from the agents. Flows are annual rates in units of
// output (the numeraire good), whatever the step's length (DESIGN §2);
// the labour market's flow rates are monthly shares of employment, as
// JOLTS reports them; stocks are levels.
type Accounts struct {
	Step int
	Year float64

	GDP               float64 // value added by production, Σ_f A_f X_f
	GDPIncome         float64 // value added by income: wages + AI rents + AI tax + gross operating surplus
	WageBill          float64 // gross wages paid
	TradCapitalIncome float64 // gross operating surplus of firms (traditional capital and profit)
	AIRents           float64 // AI agents' rental income (cost price plus scarcity rent)
	ScarcityRents     float64 // part of AIRents above the cost price
	Taxes             float64
	Transfers         float64 // universal basic income paid
	Investment        float64 // traditional capital and compute bought
	ComputeInvestment float64 // compute hardware bought by the AI providers
	Consumption       float64

	LaborShare       float64
	CapitalShare     float64
	TradCapitalShare float64
	AIShare          float64

	UnemploymentRate  float64
	VacancyRate       float64
	ParticipationRate float64 // labour force (employed and unemployed) / population
	Employed          int
	Unemployed        int
	Retraining        int
	Inactive          int     // out of the labour force
	Vacancies         float64 // the vacancy stock: jobs listed times the chance each is open
	Hires             float64 // per year: from unemployment and job to job
	Separations       float64 // per year: quits, layoffs and job-to-job moves
	Displaced         float64 // per year

	// Monthly rates, shares of employment (JOLTS' definitions): hires;
	// total separations; quits, job-to-job moves included; layoffs and
	// discharges; job-to-job moves.
	HiresRate      float64
	SeparationRate float64
	QuitRate       float64
	LayoffRate     float64
	JobToJobRate   float64
	// Mean months the unemployed have been unemployed (the CPS's mean
	// duration of unemployment).
	MeanUnemploymentDuration float64

	MeanWage   float64
	MedianWage float64
	WageGini   float64
	IncomeGini float64
	WealthGini float64

	AIFleet          float64 // agent-instances that can run at once
	AIAgentsDeployed float64 // agent-instances deployed at firms
	AITaskShare      float64 // share of non-traditional task units done by AI
	AIPrice          float64 // what users pay for an AI agent-year: the market-clearing price
	AICost           float64 // law 2: user cost of the compute an agent-instance needs, per agent-year
	AIScarcityRent   float64 // share of AI rents above the list price (cost times one plus the markup)
	AIFrontier       float64 // Φ_A
	LogCompute       float64 // log10 of effective compute (hardware × software) relative to the start

	GDPGrowth  float64 // annual growth of GDP: over the last year, annualised within the first
	GoodsPrice float64 // price of goods relative to the consumer basket, start = 1
	LandPrice  float64 // price of land relative to the consumer basket, start = 1

	Money float64 // total money held by all agents (conserved)
}

// Shares sets the factor shares from the income side:
// labor = wages/GDP, capital = 1 − labor, split into AI and traditional.
func (a *Accounts) Shares() {
	if a.GDPIncome <= 0 {
		return
	}
	a.LaborShare = min(1, a.WageBill/a.GDPIncome) // rounding can push it a hair past 1
	a.CapitalShare = 1 - a.LaborShare
	a.AIShare = a.AIRents / a.GDPIncome
	a.TradCapitalShare = a.CapitalShare - a.AIShare
}

// Column is one reported series: its name in CSV and JSON, its label and
// unit on tables and charts, what it is, and its value.
type Column struct {
	Name        string
	Label       string
	Unit        string
	Description string
	Value       func(*Accounts) float64
}

// Units of the columns. Money flows are in units of output (the numeraire
// good) per year.
const (
	money     = "output per year"
	gdpShare  = "share of GDP"
	rateUnit  = "rate, 0–1"
	monthly   = "share of employment per month"
	giniUnit  = "Gini coefficient, 0–1"
	perYear   = "workers per year"
	agentYear = "output per agent-year"
)

// Columns are the reported series, in output order: the one table of
// metrics.
var Columns = []Column{
	{"step", "step", "steps", "step of the run, from 0", func(a *Accounts) float64 { return float64(a.Step) }},
	{"year", "year", "year", "calendar year at the step's end", func(a *Accounts) float64 { return a.Year }},
	{"gdp", "GDP", money, "value added by production, Σ_f A_f X_f", func(a *Accounts) float64 { return a.GDP }},
	{"gdp_income", "GDP by income", money, "value added by income: wages + AI rents + AI tax + gross operating surplus", func(a *Accounts) float64 { return a.GDPIncome }},
	{"wage_bill", "wage bill", money, "gross wages paid", func(a *Accounts) float64 { return a.WageBill }},
	{"trad_capital_income", "traditional capital income", money, "gross operating surplus of firms (traditional capital and profit)", func(a *Accounts) float64 { return a.TradCapitalIncome }},
	{"ai_rents", "AI rents", money, "AI agents' rental income (cost price plus scarcity rent)", func(a *Accounts) float64 { return a.AIRents }},
	{"scarcity_rents", "AI scarcity rents", money, "the part of AI rents above the cost price", func(a *Accounts) float64 { return a.ScarcityRents }},
	{"taxes", "taxes", money, "taxes collected", func(a *Accounts) float64 { return a.Taxes }},
	{"transfers", "transfers", money, "universal basic income paid", func(a *Accounts) float64 { return a.Transfers }},
	{"investment", "investment", money, "traditional capital and compute bought", func(a *Accounts) float64 { return a.Investment }},
	{"compute_investment", "compute investment", money, "compute hardware bought by the AI providers", func(a *Accounts) float64 { return a.ComputeInvestment }},
	{"consumption", "consumption", money, "households' spending on goods and land", func(a *Accounts) float64 { return a.Consumption }},
	{"labor_share", "labor share", gdpShare, "wage bill / GDP by income", func(a *Accounts) float64 { return a.LaborShare }},
	{"capital_share", "capital share", gdpShare, "1 − labor share: traditional capital and AI", func(a *Accounts) float64 { return a.CapitalShare }},
	{"trad_capital_share", "traditional capital share", gdpShare, "capital share − AI share", func(a *Accounts) float64 { return a.TradCapitalShare }},
	{"ai_share", "AI share", gdpShare, "AI rents / GDP by income", func(a *Accounts) float64 { return a.AIShare }},
	{"unemployment_rate", "unemployment rate", rateUnit, "unemployed / labour force", func(a *Accounts) float64 { return a.UnemploymentRate }},
	{"vacancy_rate", "vacancy rate", rateUnit, "vacant / (filled + vacant) jobs (JOLTS' job openings rate)", func(a *Accounts) float64 { return a.VacancyRate }},
	{"participation_rate", "participation rate", rateUnit, "labour force (employed and unemployed) / population", func(a *Accounts) float64 { return a.ParticipationRate }},
	{"hires_rate", "hires rate", monthly, "hires, from unemployment and job to job, per month / employment", func(a *Accounts) float64 { return a.HiresRate }},
	{"separation_rate", "separation rate", monthly, "quits, layoffs and job-to-job moves per month / employment", func(a *Accounts) float64 { return a.SeparationRate }},
	{"quit_rate", "quit rate", monthly, "quits, job-to-job moves included, per month / employment", func(a *Accounts) float64 { return a.QuitRate }},
	{"layoff_rate", "layoff rate", monthly, "layoffs and discharges per month / employment", func(a *Accounts) float64 { return a.LayoffRate }},
	{"job_to_job_rate", "job-to-job rate", monthly, "moves from one employer to another per month / employment", func(a *Accounts) float64 { return a.JobToJobRate }},
	{"mean_unemployment_duration", "mean unemployment duration", "months", "mean months the unemployed have been unemployed", func(a *Accounts) float64 { return a.MeanUnemploymentDuration }},
	{"employed", "employed", "workers", "workers in a job", func(a *Accounts) float64 { return float64(a.Employed) }},
	{"unemployed", "unemployed", "workers", "workers looking for a job", func(a *Accounts) float64 { return float64(a.Unemployed) }},
	{"retraining", "retraining", "workers", "workers retraining, out of the labour force", func(a *Accounts) float64 { return float64(a.Retraining) }},
	{"inactive", "out of the labour force", "workers", "workers neither working nor looking, nor retraining", func(a *Accounts) float64 { return float64(a.Inactive) }},
	{"vacancies", "vacancies", "jobs", "the vacancy stock: open jobs, on average over the step's rounds", func(a *Accounts) float64 { return a.Vacancies }},
	{"hires", "hires", perYear, "workers hired, from unemployment and job to job", func(a *Accounts) float64 { return a.Hires }},
	{"separations", "separations", perYear, "jobs ended: quits, layoffs and job-to-job moves", func(a *Accounts) float64 { return a.Separations }},
	{"displaced", "displaced by automation", perYear, "layoffs in AI-capable tasks of firms that use AI", func(a *Accounts) float64 { return a.Displaced }},
	{"mean_wage", "mean wage", money, "mean wage of employed workers", func(a *Accounts) float64 { return a.MeanWage }},
	{"median_wage", "median wage", money, "median wage of employed workers", func(a *Accounts) float64 { return a.MedianWage }},
	{"wage_gini", "wage Gini", giniUnit, "Gini coefficient of employed workers' wages", func(a *Accounts) float64 { return a.WageGini }},
	{"income_gini", "income Gini", giniUnit, "Gini coefficient of household income after transfers", func(a *Accounts) float64 { return a.IncomeGini }},
	{"wealth_gini", "wealth Gini", giniUnit, "Gini coefficient of household wealth", func(a *Accounts) float64 { return a.WealthGini }},
	{"ai_fleet", "AI fleet", "agent-instances", "agent-instances that can run at once", func(a *Accounts) float64 { return a.AIFleet }},
	{"ai_agents_deployed", "AI agents deployed", "agent-instances", "agent-instances deployed at firms", func(a *Accounts) float64 { return a.AIAgentsDeployed }},
	{"ai_task_share", "AI task share", "share of task units", "share of non-traditional task units done by AI", func(a *Accounts) float64 { return a.AITaskShare }},
	{"ai_price", "AI price", agentYear, "what users pay for an AI agent-year: the market-clearing price", func(a *Accounts) float64 { return a.AIPrice }},
	{"ai_cost", "AI cost (user cost of compute)", agentYear, "law 2: user cost of the compute an agent-instance needs, per agent-year", func(a *Accounts) float64 { return a.AICost }},
	{"ai_scarcity_rent", "AI scarcity rent", "share of AI rents", "share of AI rents above the list price (cost times one plus the markup)", func(a *Accounts) float64 { return a.AIScarcityRent }},
	{"ai_frontier", "AI frontier Φ_A", "share of tasks", "share of all tasks AI can perform", func(a *Accounts) float64 { return a.AIFrontier }},
	{"log10_compute", "effective compute", "log10, start = 0", "log10 of effective compute (hardware × software) relative to the start", func(a *Accounts) float64 { return a.LogCompute }},
	{"gdp_growth", "GDP growth", "per year", "annual growth of GDP: over the last year, annualised within the first", func(a *Accounts) float64 { return a.GDPGrowth }},
	{"goods_price", "goods price", "index, start = 1", "price of goods relative to the consumer basket", func(a *Accounts) float64 { return a.GoodsPrice }},
	{"land_price", "land price", "index, start = 1", "price of land relative to the consumer basket", func(a *Accounts) float64 { return a.LandPrice }},
	{"money", "money", "output", "total money held by all agents (conserved)", func(a *Accounts) float64 { return a.Money }},
}

// LookupColumn is the column named name.
func LookupColumn(name string) (Column, bool) {
	for _, c := range Columns {
		if c.Name == name {
			return c, true
		}
	}
	return Column{}, false
}
