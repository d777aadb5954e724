package sim

import (
	"fmt"
	"math"
)

// Config is every parameter of a run. DefaultConfig publishes the defaults;
// the command copies flags into it. Each field's flag is named in its
// comment; Validate's messages use those names.
type Config struct {
	// Population and time.
	Workers      int    `json:"workers"`        // --workers: human workers (households)
	Firms        int    `json:"firms"`          // --firms
	AIAgents     int    `json:"ai-agents"`      // --ai-agents: the AI fleet at the start, agent-instances that can run at once
	Years        int    `json:"years"`          // --years
	StepsPerYear int    `json:"steps-per-year"` // --steps-per-year
	Seed         uint64 `json:"seed"`           // --seed
	StartYear    int    `json:"start-year"`     // --start-year: calendar year of the start

	// Technology.
	Sigma            float64 `json:"sigma"`              // --sigma: elasticity of substitution between tasks
	TFP              float64 `json:"tfp"`                // --tfp: total factor productivity A (Korinek & Suh: 0.5)
	TFPDispersion    float64 `json:"tfp-dispersion"`     // --tfp-dispersion: s.d. of log TFP across firms
	TaskBins         int     `json:"task-bins"`          // --task-bins
	Sectors          int     `json:"sectors"`            // --sectors: 1..4
	TraditionalShare float64 `json:"traditional-share"`  // --traditional-share: Φ_T, tasks done by traditional capital
	CapitalPerWorker float64 `json:"capital-per-worker"` // --capital-per-worker: K_T/L in efficiency units at Φ_T = 0.608 (Korinek & Suh: 4.6)
	Depreciation     float64 `json:"depreciation"`       // --depreciation: of traditional capital, per year
	CapitalPrice     float64 `json:"capital-price"`      // --capital-price: output per unit of traditional capital
	CapitalReinvest  float64 `json:"capital-reinvest"`   // --capital-reinvest: share of gross operating surplus invested in traditional capital

	// The three laws of AI.
	AIPrice           float64 `json:"ai-price"`             // --ai-price: user cost of the compute one AI agent-instance needs for a month, at the start
	AICostDecline     float64 `json:"ai-cost-decline"`      // --ai-cost-decline: factor by which the cost of a given level of AI falls per year
	HardwareProgress  float64 `json:"hardware-progress"`    // --hardware-progress: factor by which the price of a unit of compute hardware falls per year
	AIProductivity    float64 `json:"ai-productivity"`      // --ai-productivity: human-efficiency units per AI agent
	Automation        float64 `json:"automation"`           // --automation: AI frontier Φ_A at the start
	MaxAutomation     float64 `json:"max-automation"`       // --max-automation: ceiling of Φ_A, share of all tasks (1 = every non-traditional task)
	FixedFrontier     bool    `json:"fixed-frontier"`       // --fixed-frontier: hold Φ_A at --automation
	FrontierSlope     float64 `json:"frontier-slope"`       // --frontier-slope: rise of Φ_A per tenfold effective training compute
	TrainingShare     float64 `json:"training-share"`       // --training-share: share of effective compute that trains models; the rest runs the fleet
	AIFleet           string  `json:"ai-fleet"`             // --ai-fleet: compute (the fleet grows with inference compute) or fixed (held at --ai-agents)
	AIObjectCap       int     `json:"ai-object-cap"`        // --ai-object-cap: most AI agent objects; past it each stands for an equal share of the fleet
	ComputeDepreciate float64 `json:"compute-depreciation"` // --compute-depreciation: of compute hardware, per year
	InterestRate      float64 `json:"interest-rate"`        // --interest-rate: real interest rate in the user cost of compute, per year
	ComputeAdjust     float64 `json:"compute-adjustment"`   // --compute-adjustment: χ, the curvature of the providers' investment adjustment cost

	// Labour market.
	Frictionless        bool    `json:"frictionless"`         // --frictionless: instant matching and flexible wages
	SkillDispersion     float64 `json:"skill-dispersion"`     // --skill-dispersion: s.d. of log efficiency; 0 makes every worker identical
	InitialUnemployment float64 `json:"initial-unemployment"` // --initial-unemployment
	Separation          float64 `json:"separation"`           // --separation: exogenous separations per month
	Applications        int     `json:"applications"`         // --applications: applications per job seeker per month
	Bargaining          float64 `json:"bargaining"`           // --bargaining: worker bargaining power β
	WageAdjust          float64 `json:"wage-adjust"`          // --wage-adjust: share of the bargaining gap closed per month for incumbents
	WageCut             float64 `json:"wage-cut"`             // --wage-cut: largest monthly wage cut (downward stickiness)
	ReservationDecay    float64 `json:"reservation-decay"`    // --reservation-decay: monthly decay of the reservation wage while unemployed
	HomeProduction      float64 `json:"home-production"`      // --home-production: reservation wage floor, share of the start's mean wage rate
	Adjustment          float64 `json:"adjustment"`           // --adjustment: share of a staffing gap closed per month
	RetrainAfter        int     `json:"retrain-after"`        // --retrain-after: months unemployed before retraining is considered
	RetrainProb         float64 `json:"retrain-prob"`         // --retrain-prob: monthly probability of starting retraining, once eligible
	RetrainMonths       int     `json:"retrain-months"`       // --retrain-months
	RetrainCost         float64 `json:"retrain-cost"`         // --retrain-cost: in months of the start's mean wage
	RetrainGain         float64 `json:"retrain-gain"`         // --retrain-gain: rise of the skill ceiling

	// Households.
	ConsumeIncome float64 `json:"consume-income"` // --consume-income: marginal propensity to consume out of income
	ConsumeWealth float64 `json:"consume-wealth"` // --consume-wealth: monthly propensity to consume out of wealth
	WealthAlpha   float64 `json:"wealth-alpha"`   // --wealth-alpha: Pareto tail index of initial wealth
	WealthToGDP   float64 `json:"wealth-to-gdp"`  // --wealth-to-gdp: initial household wealth in years of GDP
	LandWeight    float64 `json:"land-weight"`    // --land-weight: weight of land in the consumer basket
	LandSigma     float64 `json:"land-sigma"`     // --land-sigma: elasticity of substitution between goods and land

	// Policy (all off by default).
	LaborTax       float64 `json:"labor-tax"`       // --labor-tax
	CapitalTax     float64 `json:"capital-tax"`     // --capital-tax: on dividends and AI rents received
	AITax          float64 `json:"ai-tax"`          // --ai-tax: on AI agents' rental price, paid by the firm
	ComputeBudget  float64 `json:"compute-budget"`  // --compute-budget: share of the AI fleet owned by persons in equal parts (its rents are theirs)
	RetrainSubsidy float64 `json:"retrain-subsidy"` // --retrain-subsidy: share of retraining cost paid by the government
	AIMarkup       float64 `json:"ai-markup"`       // --ai-markup: provider markup over the AI cost price (0 = open models at cost)
}

// The AI fleet modes (--ai-fleet).
const (
	FleetCompute = "compute" // the fleet grows with inference compute (DESIGN §3)
	FleetFixed   = "fixed"   // the fleet stays at --ai-agents: the essay's thought experiment
)

// DefaultConfig returns the calibrated defaults (sources in docs/MODEL.md).
func DefaultConfig() Config {
	return Config{
		Workers: 10000, Firms: 100, AIAgents: 12, Years: 10, StepsPerYear: 12, Seed: 1, StartYear: 2025,

		Sigma: 0.5, TFP: 0.5, TFPDispersion: 0.1, TaskBins: 100, Sectors: 4,
		TraditionalShare: 0.608, CapitalPerWorker: 4.6, Depreciation: 0.06, CapitalPrice: 16.7, CapitalReinvest: 0.53,

		AIPrice: 5, AICostDecline: 10, HardwareProgress: 1.32, AIProductivity: 1, Automation: 0.03, MaxAutomation: 1,
		FrontierSlope: 0.035, TrainingShare: 0.3, AIFleet: FleetCompute, AIObjectCap: 1_000_000,
		ComputeDepreciate: 0.2, InterestRate: 0.05, ComputeAdjust: 2,

		SkillDispersion: 0.5, InitialUnemployment: 0.05, Separation: 0.02, Applications: 2,
		Bargaining: 0.5, WageAdjust: 0.1, WageCut: 0.01, ReservationDecay: 0.92, HomeProduction: 0.4,
		Adjustment: 0.25, RetrainAfter: 6, RetrainProb: 0.1, RetrainMonths: 6, RetrainCost: 3, RetrainGain: 0.2,

		ConsumeIncome: 0.9, ConsumeWealth: 0.004, WealthAlpha: 1.1, WealthToGDP: 4,
		LandWeight: 0.1, LandSigma: 0.5,
	}
}

// Steps is the number of steps in the run.
func (c Config) Steps() int { return c.Years * c.StepsPerYear }

// maxSteps bounds the series kept in memory (a row is a few hundred bytes).
const maxSteps = 10_000_000

// Validate checks every field against its documented range and returns the
// first violation, naming the flag and the value.
func (c Config) Validate() error {
	checks := []struct {
		ok   bool
		flag string
		val  any
		want string
	}{
		{c.Workers >= 1, "workers", c.Workers, "must be at least 1"},
		{c.Firms >= 1, "firms", c.Firms, "must be at least 1"},
		{c.AIAgents >= 0, "ai-agents", c.AIAgents, "must be 0 or more"},
		{c.Years >= 1, "years", c.Years, "must be at least 1"},
		{c.StepsPerYear >= 1, "steps-per-year", c.StepsPerYear, "must be at least 1"},
		{c.StepsPerYear < 1 || (c.StepsPerYear <= maxSteps && c.Years <= maxSteps/c.StepsPerYear), "years", c.Years, fmt.Sprintf("with --steps-per-year %d makes more than %d steps", c.StepsPerYear, maxSteps)},
		{c.Workers <= 50_000_000, "workers", c.Workers, "must be at most 50000000"},
		{c.Firms <= 10_000_000, "firms", c.Firms, "must be at most 10000000"},
		{c.AIAgents <= 50_000_000, "ai-agents", c.AIAgents, "must be at most 50000000"},
		{finite(c.Sigma) && c.Sigma > 0 && c.Sigma <= 100, "sigma", c.Sigma, "must be > 0 and <= 100"},
		{positive(c.TFP), "tfp", c.TFP, "must be > 0"},
		{share(c.TFPDispersion / 2), "tfp-dispersion", c.TFPDispersion, "must be in [0, 2]"},
		{c.TaskBins >= 1 && c.TaskBins <= 10000, "task-bins", c.TaskBins, "must be in [1, 10000]"},
		{c.Sectors >= 1 && c.Sectors <= 4, "sectors", c.Sectors, "must be in [1, 4]"},
		{share(c.TraditionalShare) && c.TraditionalShare < 1, "traditional-share", c.TraditionalShare, "must be in [0, 1)"},
		{nonneg(c.CapitalPerWorker), "capital-per-worker", c.CapitalPerWorker, "must be >= 0"},
		{share(c.Depreciation), "depreciation", c.Depreciation, "must be in [0, 1]"},
		{positive(c.CapitalPrice), "capital-price", c.CapitalPrice, "must be > 0"},
		{share(c.CapitalReinvest), "capital-reinvest", c.CapitalReinvest, "must be in [0, 1]"},
		{nonneg(c.AIPrice), "ai-price", c.AIPrice, "must be >= 0"},
		{finite(c.AICostDecline) && c.AICostDecline >= 1 && c.AICostDecline <= 1e6, "ai-cost-decline", c.AICostDecline, "must be in [1, 1000000] (1 = no decline)"},
		{positive(c.AIProductivity) && c.AIProductivity <= 1e6, "ai-productivity", c.AIProductivity, "must be > 0 and <= 1000000"},
		{share(c.Automation), "automation", c.Automation, "must be in [0, 1]"},
		{c.TraditionalShare+c.Automation <= 1+1e-12, "automation", c.Automation, fmt.Sprintf("plus --traditional-share %g must not exceed 1", c.TraditionalShare)},
		{nonneg(c.FrontierSlope) && c.FrontierSlope <= 1, "frontier-slope", c.FrontierSlope, "must be in [0, 1]"},
		{finite(c.HardwareProgress) && c.HardwareProgress > 0 && c.HardwareProgress <= 1e6, "hardware-progress", c.HardwareProgress, "must be > 0 and <= 1000000 (1 = no progress)"},
		{share(c.MaxAutomation), "max-automation", c.MaxAutomation, "must be in [0, 1]"},
		{!(c.MaxAutomation < c.Automation), "max-automation", c.MaxAutomation, fmt.Sprintf("must be at least --automation %g", c.Automation)},
		{share(c.TrainingShare) && c.TrainingShare < 1, "training-share", c.TrainingShare, "must be in [0, 1)"},
		{c.AIFleet == FleetCompute || c.AIFleet == FleetFixed, "ai-fleet", c.AIFleet, "must be compute or fixed"},
		{c.AIObjectCap >= 1 && c.AIObjectCap <= 50_000_000, "ai-object-cap", c.AIObjectCap, "must be in [1, 50000000]"},
		{share(c.ComputeDepreciate) && c.ComputeDepreciate < 1, "compute-depreciation", c.ComputeDepreciate, "must be in [0, 1)"},
		{share(c.InterestRate), "interest-rate", c.InterestRate, "must be in [0, 1]"},
		{c.InterestRate+c.ComputeDepreciate > 0, "interest-rate", c.InterestRate, "plus --compute-depreciation must be above 0 (the user cost of compute)"},
		{positive(c.ComputeAdjust) && c.ComputeAdjust <= 1000, "compute-adjustment", c.ComputeAdjust, "must be > 0 and <= 1000"},
		{share(c.SkillDispersion / 3), "skill-dispersion", c.SkillDispersion, "must be in [0, 3]"},
		{share(c.InitialUnemployment) && c.InitialUnemployment < 1, "initial-unemployment", c.InitialUnemployment, "must be in [0, 1)"},
		{share(c.Separation), "separation", c.Separation, "must be in [0, 1]"},
		{c.Applications >= 1 && c.Applications <= 100, "applications", c.Applications, "must be in [1, 100]"},
		{share(c.Bargaining), "bargaining", c.Bargaining, "must be in [0, 1]"},
		{share(c.WageAdjust), "wage-adjust", c.WageAdjust, "must be in [0, 1]"},
		{share(c.WageCut), "wage-cut", c.WageCut, "must be in [0, 1]"},
		{share(c.ReservationDecay), "reservation-decay", c.ReservationDecay, "must be in [0, 1]"},
		{nonneg(c.HomeProduction) && c.HomeProduction <= 10, "home-production", c.HomeProduction, "must be in [0, 10]"},
		{share(c.Adjustment) && c.Adjustment > 0, "adjustment", c.Adjustment, "must be in (0, 1]"},
		{c.RetrainAfter >= 0 && c.RetrainAfter <= 10000, "retrain-after", c.RetrainAfter, "must be in [0, 10000]"},
		{share(c.RetrainProb), "retrain-prob", c.RetrainProb, "must be in [0, 1]"},
		{c.RetrainMonths >= 1 && c.RetrainMonths <= 1000, "retrain-months", c.RetrainMonths, "must be in [1, 1000]"},
		{nonneg(c.RetrainCost) && c.RetrainCost <= 1000, "retrain-cost", c.RetrainCost, "must be in [0, 1000]"},
		{share(c.RetrainGain), "retrain-gain", c.RetrainGain, "must be in [0, 1]"},
		{share(c.ConsumeIncome), "consume-income", c.ConsumeIncome, "must be in [0, 1]"},
		{share(c.ConsumeWealth), "consume-wealth", c.ConsumeWealth, "must be in [0, 1]"},
		{finite(c.WealthAlpha) && c.WealthAlpha > 1 && c.WealthAlpha <= 100, "wealth-alpha", c.WealthAlpha, "must be in (1, 100]"},
		{nonneg(c.WealthToGDP) && c.WealthToGDP <= 1000, "wealth-to-gdp", c.WealthToGDP, "must be in [0, 1000]"},
		{share(c.LandWeight) && c.LandWeight > 0 && c.LandWeight < 1, "land-weight", c.LandWeight, "must be in (0, 1)"},
		{positive(c.LandSigma) && c.LandSigma <= 100, "land-sigma", c.LandSigma, "must be > 0 and <= 100"},
		{share(c.LaborTax), "labor-tax", c.LaborTax, "must be in [0, 1]"},
		{share(c.CapitalTax), "capital-tax", c.CapitalTax, "must be in [0, 1]"},
		{nonneg(c.AITax) && c.AITax <= 100, "ai-tax", c.AITax, "must be in [0, 100]"},
		{share(c.ComputeBudget), "compute-budget", c.ComputeBudget, "must be in [0, 1]"},
		{share(c.RetrainSubsidy), "retrain-subsidy", c.RetrainSubsidy, "must be in [0, 1]"},
		{nonneg(c.AIMarkup) && c.AIMarkup <= 100, "ai-markup", c.AIMarkup, "must be in [0, 100]"},
	}
	for _, k := range checks {
		if !k.ok {
			return fmt.Errorf("invalid --%s %v: %s", k.flag, k.val, k.want)
		}
	}
	return nil
}

func finite(x float64) bool   { return !math.IsNaN(x) && !math.IsInf(x, 0) }
func nonneg(x float64) bool   { return finite(x) && x >= 0 }
func positive(x float64) bool { return finite(x) && x > 0 }
func share(x float64) bool    { return finite(x) && x >= 0 && x <= 1 }
