package main

import (
	"github.com/spf13/pflag"

	"github.com/laborsim/laborsim/sim"
)

// addRunFlags registers every parameter of a run on fs, writing into cfg.
// Defaults are cfg's current values. The ranges are in docs/MODEL.md
// (section 11) and in Validate's messages.
func addRunFlags(fs *pflag.FlagSet, cfg *sim.Config) {
	fs.IntVar(&cfg.Workers, "workers", cfg.Workers, "human workers (households)")
	fs.IntVar(&cfg.Firms, "firms", cfg.Firms, "firms")
	fs.IntVar(&cfg.AIAgents, "ai-agents", cfg.AIAgents, "the AI fleet at the start: agent-instances that can run at once in the first step")
	fs.IntVar(&cfg.Years, "years", cfg.Years, "length of the run, years; --years × --steps-per-year ≤ 10000000")
	fs.IntVar(&cfg.StepsPerYear, "steps-per-year", cfg.StepsPerYear, "steps per year (12 = monthly; the labour market's rates are per step)")
	fs.Uint64Var(&cfg.Seed, "seed", cfg.Seed, "random seed")
	fs.IntVar(&cfg.StartYear, "start-year", cfg.StartYear, "calendar year of the start")

	fs.Float64Var(&cfg.Sigma, "sigma", cfg.Sigma, "elasticity of substitution between tasks (1 = Cobb-Douglas)")
	fs.Float64Var(&cfg.TFP, "tfp", cfg.TFP, "total factor productivity A (Korinek & Suh 2024)")
	fs.Float64Var(&cfg.TFPDispersion, "tfp-dispersion", cfg.TFPDispersion, "standard deviation of log TFP across firms")
	fs.IntVar(&cfg.TaskBins, "task-bins", cfg.TaskBins, "task bins discretising the task continuum")
	fs.IntVar(&cfg.Sectors, "sectors", cfg.Sectors, "sectors: physical services, manufacturing, knowledge work, science")
	fs.Float64Var(&cfg.TraditionalShare, "traditional-share", cfg.TraditionalShare, "share of tasks performed by traditional capital, Φ_T")
	fs.Float64Var(&cfg.CapitalPerWorker, "capital-per-worker", cfg.CapitalPerWorker, "traditional capital per worker, efficiency units at Φ_T = 0.608")
	fs.Float64Var(&cfg.Depreciation, "depreciation", cfg.Depreciation, "depreciation of traditional capital, share per year")
	fs.Float64Var(&cfg.CapitalPrice, "capital-price", cfg.CapitalPrice, "price of a unit of traditional capital, in output")
	fs.Float64Var(&cfg.CapitalReinvest, "capital-reinvest", cfg.CapitalReinvest, "share of gross operating surplus invested in traditional capital")

	fs.Float64Var(&cfg.AIPrice, "ai-price", cfg.AIPrice, "user cost of the compute one AI agent-instance needs for a month at the start, in output (0 allowed)")
	fs.Float64Var(&cfg.AICostDecline, "ai-cost-decline", cfg.AICostDecline, "factor by which the cost of a given level of AI falls per year (1 = none)")
	fs.Float64Var(&cfg.HardwareProgress, "hardware-progress", cfg.HardwareProgress, "factor by which the price of compute hardware falls per year (1 = none)")
	fs.Float64Var(&cfg.AIProductivity, "ai-productivity", cfg.AIProductivity, "human-efficiency units of work per AI agent-month")
	fs.Float64Var(&cfg.Automation, "automation", cfg.Automation, "AI frontier Φ_A at the start: share of all tasks AI can perform; Φ_T + Φ_A ≤ 1")
	fs.BoolVar(&cfg.FixedFrontier, "fixed-frontier", cfg.FixedFrontier, "hold Φ_A at --automation (no progress in capability)")
	fs.Float64Var(&cfg.MaxAutomation, "max-automation", cfg.MaxAutomation, "ceiling of Φ_A, share of all tasks (1 = every non-traditional task; below: bounded automation)")
	fs.Float64Var(&cfg.FrontierSlope, "frontier-slope", cfg.FrontierSlope, "rise of Φ_A per tenfold effective training compute")
	fs.Float64Var(&cfg.TrainingShare, "training-share", cfg.TrainingShare, "share of effective compute that trains models, 0..1 (the rest runs the fleet)")
	fs.StringVar(&cfg.AIFleet, "ai-fleet", cfg.AIFleet, "compute: the fleet grows with inference compute; fixed: it stays at --ai-agents")
	fs.IntVar(&cfg.AIObjectCap, "ai-object-cap", cfg.AIObjectCap, "most AI agent objects in memory; past it each stands for an equal share of the fleet")
	fs.Float64Var(&cfg.ComputeDepreciate, "compute-depreciation", cfg.ComputeDepreciate, "depreciation of compute hardware, share per year")
	fs.Float64Var(&cfg.InterestRate, "interest-rate", cfg.InterestRate, "real interest rate in the user cost of compute, per year")
	fs.Float64Var(&cfg.ComputeAdjust, "compute-adjustment", cfg.ComputeAdjust, "χ: investment in hardware is depreciation + (q − 1)/χ a year (Tobin's q, adjustment costs)")

	fs.BoolVar(&cfg.Frictionless, "frictionless", cfg.Frictionless, "instant matching and flexible wages: every market clears each step")
	fs.Float64Var(&cfg.SkillDispersion, "skill-dispersion", cfg.SkillDispersion, "standard deviation of log worker efficiency (0 = identical workers)")
	fs.Float64Var(&cfg.InitialUnemployment, "initial-unemployment", cfg.InitialUnemployment, "unemployment rate at the start")
	fs.Float64Var(&cfg.Separation, "separation", cfg.Separation, "exogenous job separations, share of jobs per month")
	fs.IntVar(&cfg.Applications, "applications", cfg.Applications, "applications a job seeker sends per round (two rounds a month)")
	fs.Float64Var(&cfg.Bargaining, "bargaining", cfg.Bargaining, "worker bargaining power β")
	fs.Float64Var(&cfg.WageAdjust, "wage-adjust", cfg.WageAdjust, "share of the gap to the bargained wage closed per month for incumbents")
	fs.Float64Var(&cfg.WageCut, "wage-cut", cfg.WageCut, "largest wage cut per month, share of the wage (downward stickiness)")
	fs.Float64Var(&cfg.ReservationDecay, "reservation-decay", cfg.ReservationDecay, "monthly factor on the reservation wage while unemployed")
	fs.Float64Var(&cfg.HomeProduction, "home-production", cfg.HomeProduction, "reservation wage floor, share of the start's mean wage rate")
	fs.Float64Var(&cfg.Adjustment, "adjustment", cfg.Adjustment, "share of a staffing gap firms close per month")
	fs.IntVar(&cfg.RetrainAfter, "retrain-after", cfg.RetrainAfter, "months unemployed before retraining is considered")
	fs.Float64Var(&cfg.RetrainProb, "retrain-prob", cfg.RetrainProb, "monthly probability of starting to retrain once eligible")
	fs.IntVar(&cfg.RetrainMonths, "retrain-months", cfg.RetrainMonths, "length of retraining, months")
	fs.Float64Var(&cfg.RetrainCost, "retrain-cost", cfg.RetrainCost, "cost of retraining, months of the start's mean wage")
	fs.Float64Var(&cfg.RetrainGain, "retrain-gain", cfg.RetrainGain, "rise of the skill ceiling from retraining")

	fs.Float64Var(&cfg.ConsumeIncome, "consume-income", cfg.ConsumeIncome, "marginal propensity to consume out of income")
	fs.Float64Var(&cfg.ConsumeWealth, "consume-wealth", cfg.ConsumeWealth, "propensity to consume out of wealth, per month")
	fs.Float64Var(&cfg.WealthAlpha, "wealth-alpha", cfg.WealthAlpha, "Pareto tail index of initial wealth (1.1 gives the top 10% about 80%)")
	fs.Float64Var(&cfg.WealthToGDP, "wealth-to-gdp", cfg.WealthToGDP, "initial household wealth, years of GDP")
	fs.Float64Var(&cfg.LandWeight, "land-weight", cfg.LandWeight, "weight of land in the consumer basket")
	fs.Float64Var(&cfg.LandSigma, "land-sigma", cfg.LandSigma, "elasticity of substitution between goods and land")

	fs.Float64Var(&cfg.LaborTax, "labor-tax", cfg.LaborTax, "policy: tax rate on wages (revenue paid out as a universal basic income)")
	fs.Float64Var(&cfg.CapitalTax, "capital-tax", cfg.CapitalTax, "policy: tax rate on dividends and AI rents received")
	fs.Float64Var(&cfg.AITax, "ai-tax", cfg.AITax, "policy: tax on AI use, share of the AI agent price paid by the firm")
	fs.Float64Var(&cfg.ComputeBudget, "compute-budget", cfg.ComputeBudget, "policy: share of the AI fleet owned by persons in equal parts, whose rents are theirs (0..1)")
	fs.Float64Var(&cfg.RetrainSubsidy, "retrain-subsidy", cfg.RetrainSubsidy, "policy: share of retraining cost paid by the government")
	fs.Float64Var(&cfg.AIMarkup, "ai-markup", cfg.AIMarkup, "provider markup over the AI cost price (0 = open models at cost)")
}
