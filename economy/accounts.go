package economy

// Accounts are the national accounts and labour-market statistics of one
// step, computed from the agents. Money amounts are per month in units of
// output (the numeraire good).
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

	UnemploymentRate float64
	VacancyRate      float64
	Employed         int
	Unemployed       int
	Retraining       int
	Vacancies        int
	Hires            int
	Separations      int
	Displaced        int

	MeanWage   float64
	MedianWage float64
	WageGini   float64
	IncomeGini float64
	WealthGini float64

	AIFleet          float64 // agent-instances that can run at once
	AIAgentsDeployed float64 // agent-instances deployed at firms
	AITaskShare      float64 // share of non-traditional task units done by AI
	AIPrice          float64 // what users pay for an AI agent-month: the market-clearing price
	AICost           float64 // law 2: user cost of the compute an agent-instance needs, per agent-month
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

// Column is one reported series: its name in CSV and JSON and its value.
type Column struct {
	Name  string
	Value func(*Accounts) float64
}

// Columns are the reported series, in output order.
var Columns = []Column{
	{"step", func(a *Accounts) float64 { return float64(a.Step) }},
	{"year", func(a *Accounts) float64 { return a.Year }},
	{"gdp", func(a *Accounts) float64 { return a.GDP }},
	{"gdp_income", func(a *Accounts) float64 { return a.GDPIncome }},
	{"wage_bill", func(a *Accounts) float64 { return a.WageBill }},
	{"trad_capital_income", func(a *Accounts) float64 { return a.TradCapitalIncome }},
	{"ai_rents", func(a *Accounts) float64 { return a.AIRents }},
	{"scarcity_rents", func(a *Accounts) float64 { return a.ScarcityRents }},
	{"taxes", func(a *Accounts) float64 { return a.Taxes }},
	{"transfers", func(a *Accounts) float64 { return a.Transfers }},
	{"investment", func(a *Accounts) float64 { return a.Investment }},
	{"compute_investment", func(a *Accounts) float64 { return a.ComputeInvestment }},
	{"consumption", func(a *Accounts) float64 { return a.Consumption }},
	{"labor_share", func(a *Accounts) float64 { return a.LaborShare }},
	{"capital_share", func(a *Accounts) float64 { return a.CapitalShare }},
	{"trad_capital_share", func(a *Accounts) float64 { return a.TradCapitalShare }},
	{"ai_share", func(a *Accounts) float64 { return a.AIShare }},
	{"unemployment_rate", func(a *Accounts) float64 { return a.UnemploymentRate }},
	{"vacancy_rate", func(a *Accounts) float64 { return a.VacancyRate }},
	{"employed", func(a *Accounts) float64 { return float64(a.Employed) }},
	{"unemployed", func(a *Accounts) float64 { return float64(a.Unemployed) }},
	{"retraining", func(a *Accounts) float64 { return float64(a.Retraining) }},
	{"vacancies", func(a *Accounts) float64 { return float64(a.Vacancies) }},
	{"hires", func(a *Accounts) float64 { return float64(a.Hires) }},
	{"separations", func(a *Accounts) float64 { return float64(a.Separations) }},
	{"displaced", func(a *Accounts) float64 { return float64(a.Displaced) }},
	{"mean_wage", func(a *Accounts) float64 { return a.MeanWage }},
	{"median_wage", func(a *Accounts) float64 { return a.MedianWage }},
	{"wage_gini", func(a *Accounts) float64 { return a.WageGini }},
	{"income_gini", func(a *Accounts) float64 { return a.IncomeGini }},
	{"wealth_gini", func(a *Accounts) float64 { return a.WealthGini }},
	{"ai_fleet", func(a *Accounts) float64 { return a.AIFleet }},
	{"ai_agents_deployed", func(a *Accounts) float64 { return a.AIAgentsDeployed }},
	{"ai_task_share", func(a *Accounts) float64 { return a.AITaskShare }},
	{"ai_price", func(a *Accounts) float64 { return a.AIPrice }},
	{"ai_cost", func(a *Accounts) float64 { return a.AICost }},
	{"ai_scarcity_rent", func(a *Accounts) float64 { return a.AIScarcityRent }},
	{"ai_frontier", func(a *Accounts) float64 { return a.AIFrontier }},
	{"log10_compute", func(a *Accounts) float64 { return a.LogCompute }},
	{"gdp_growth", func(a *Accounts) float64 { return a.GDPGrowth }},
	{"goods_price", func(a *Accounts) float64 { return a.GoodsPrice }},
	{"land_price", func(a *Accounts) float64 { return a.LandPrice }},
	{"money", func(a *Accounts) float64 { return a.Money }},
}
