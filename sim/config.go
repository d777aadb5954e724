package sim

import (
	"fmt"
	"math"
	"strconv"
	"unsafe"

	"github.com/laborsim/laborsim/agents"
	"github.com/laborsim/laborsim/economy"
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

	// Labour market. Every rate is per year (DESIGN §2): a hazard λ is a
	// per-step probability 1 − exp(−λ·dt), an adjustment speed κ closes
	// 1 − exp(−κ·dt) of a gap in a step.
	Frictionless            bool    `json:"frictionless"`             // --frictionless: instant matching and flexible wages
	SkillDispersion         float64 `json:"skill-dispersion"`         // --skill-dispersion: s.d. of log efficiency; 0 makes every worker identical
	InitialUnemployment     float64 `json:"initial-unemployment"`     // --initial-unemployment: share of the labour force unemployed at the start
	Participation           float64 `json:"participation"`            // --participation: share of the population in the labour force at the start
	QuitHazard              float64 `json:"quit-hazard"`              // --quit-hazard: quits into unemployment, per year
	LayoffHazard            float64 `json:"layoff-hazard"`            // --layoff-hazard: exogenous job destruction (layoffs), per year
	Applications            float64 `json:"applications"`             // --applications: applications an unemployed worker sends per year
	OnTheJobSearch          float64 `json:"on-the-job-search"`        // --on-the-job-search: employed workers' search intensity relative to the unemployed's
	SearchElasticity        float64 `json:"search-elasticity"`        // --search-elasticity: elasticity of search intensity (applications) to vacancies per unemployed worker
	Bargaining              float64 `json:"bargaining"`               // --bargaining: worker bargaining power β
	WageAdjust              float64 `json:"wage-adjust"`              // --wage-adjust: speed at which incumbents' wages close the bargaining gap, per year
	WageCut                 float64 `json:"wage-cut"`                 // --wage-cut: largest wage cut, log points per year (downward stickiness)
	ReservationDecay        float64 `json:"reservation-decay"`        // --reservation-decay: decay of the reservation wage while unemployed, log points per year
	HomeProduction          float64 `json:"home-production"`          // --home-production: reservation wage floor, share of the start's mean wage rate
	Adjustment              float64 `json:"adjustment"`               // --adjustment: speed at which firms close a staffing gap and lay off workers paid above their product, per year
	FiringCost              float64 `json:"firing-cost"`              // --firing-cost: severance paid at a layoff, years of the worker's wage
	VacancyCost             float64 `json:"vacancy-cost"`             // --vacancy-cost: cost of keeping a vacancy open a year, share of the mean expected annual product of a unit
	ExpectationSpeed        float64 `json:"expectation-speed"`        // --expectation-speed: speed at which firms' expected AI price growth adapts to the observed, per year
	ParticipationElasticity float64 `json:"participation-elasticity"` // --participation-elasticity: elasticity of participation to prospects at the start
	IncomeEffect            float64 `json:"income-effect"`            // --income-effect: rise of the reservation value per unit of unearned income
	ParticipationSpeed      float64 `json:"participation-speed"`      // --participation-speed: rate at which workers act on a change of their participation decision, per year
	RetrainAfter            int     `json:"retrain-after"`            // --retrain-after: months unemployed before retraining is considered
	RetrainRate             float64 `json:"retrain-rate"`             // --retrain-rate: rate of starting retraining once eligible, per year
	RetrainMonths           int     `json:"retrain-months"`           // --retrain-months: months a retraining spell lasts
	RetrainCost             float64 `json:"retrain-cost"`             // --retrain-cost: in months of the start's mean wage
	RetrainGain             float64 `json:"retrain-gain"`             // --retrain-gain: rise of the skill ceiling

	// Households.
	ConsumeIncome float64 `json:"consume-income"` // --consume-income: marginal propensity to consume out of income
	ConsumeWealth float64 `json:"consume-wealth"` // --consume-wealth: propensity to consume out of wealth, per year
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
		Workers: 10000, Firms: 100, AIAgents: 7, Years: 10, StepsPerYear: 12, Seed: 1, StartYear: 2025,

		Sigma: 0.5, TFP: 0.5, TFPDispersion: 0.1, TaskBins: 100, Sectors: 4,
		TraditionalShare: 0.608, CapitalPerWorker: 4.6, Depreciation: 0.06, CapitalPrice: 1.39, CapitalReinvest: 0.53,

		AIPrice: 5, AICostDecline: 10, HardwareProgress: 1.32, AIProductivity: 1, Automation: 0.03, MaxAutomation: 1,
		FrontierSlope: 0.035, TrainingShare: 0.3, AIFleet: FleetCompute, AIObjectCap: 1_000_000,
		ComputeDepreciate: 0.2, InterestRate: 0.05, ComputeAdjust: 2,

		SkillDispersion: 0.5, InitialUnemployment: 0.04, Participation: 0.626,
		QuitHazard: 0.19, LayoffHazard: 0.13, Applications: 8, OnTheJobSearch: 0.04, SearchElasticity: 0.5,
		Bargaining: 0.5, WageAdjust: 1.26, WageCut: 0.12, ReservationDecay: 1, HomeProduction: 0.4,
		Adjustment: 1.5, FiringCost: 0.1, VacancyCost: 0.35, ExpectationSpeed: 8,
		ParticipationElasticity: 0.25, IncomeEffect: 0.5, ParticipationSpeed: 2,
		RetrainAfter: 6, RetrainRate: 1.26, RetrainMonths: 6, RetrainCost: 3, RetrainGain: 0.2,

		ConsumeIncome: 0.9, ConsumeWealth: 0.048, WealthAlpha: 1.1, WealthToGDP: 4,
		LandWeight: 0.1, LandSigma: 0.5,
	}
}

// Steps is the number of steps in the run.
func (c Config) Steps() int { return c.Years * c.StepsPerYear }

// maxSteps bounds the series kept in memory (a row is a few hundred bytes).
const maxSteps = 10_000_000

// Bounds that docs/MODEL.md explains.
const (
	// maxStepsPerYear keeps the annualised output growth, (GDP_t /
	// GDP_t−1)^steps-per-year − 1, finite: a step's GDP ratio reaches 1.07
	// at the defaults and 1.4 in small economies, so at 10000 steps a year
	// the figure overflowed at step 221, and at 365 in 14 of 72 runs of 1
	// to 100 workers; at 52 in none of 216.
	maxStepsPerYear = 52
	// minSigma is the smallest elasticity the CES sums carry: r^ρ, with
	// ρ = 1 − 1/σ, overflows or underflows for the inputs per task of
	// large or lopsided firms when σ is small, and GDP comes out 0 — at
	// the defaults from σ 0.006 down; at σ 0.02 for one firm of 100000
	// workers with Φ_T 0.999. At 0.04 none of 30 runs at the corners
	// (one firm of a million workers, 10000 task bins, TFP 1e-9, Φ_T
	// 0.999, ...) gave GDP 0.
	minSigma = 0.04
	// maxRate bounds every rate per year: 1000 a year is a half-life of
	// under nine hours. Rates become per-step probabilities through
	// 1 − exp(−rate·dt), never above 1 whatever the step.
	maxRate = 1000
)

// A paramRange is the documented range of one parameter: its flag, the
// range as Validate's message and docs/MODEL.md's table give it, and
// whether a configuration's value is in it.
type paramRange struct {
	flag  string
	text  string // "[1, 50000000]", "(0, 1]", ...
	value any
	ok    bool
}

// ranges are the ranges of every parameter, at c's values, in the order
// of Config's fields.
func (c Config) ranges() []paramRange {
	in := func(flag string, v, lo, hi float64, loOpen, hiOpen bool) paramRange {
		ok := finite(v) && (v > lo || !loOpen && v == lo) && (v < hi || !hiOpen && v == hi)
		b := [2]string{"[", "]"}
		if loOpen {
			b[0] = "("
		}
		if hiOpen {
			b[1] = ")"
		}
		return paramRange{flag, b[0] + num(lo) + ", " + num(hi) + b[1], v, ok}
	}
	closed := func(flag string, v, lo, hi float64) paramRange { return in(flag, v, lo, hi, false, false) }
	count := func(flag string, v, lo, hi int) paramRange {
		return paramRange{flag, fmt.Sprintf("[%d, %d]", lo, hi), v, v >= lo && v <= hi}
	}
	return []paramRange{
		count("workers", c.Workers, 1, 50_000_000),
		count("firms", c.Firms, 1, 10_000_000),
		count("ai-agents", c.AIAgents, 0, 50_000_000),
		count("years", c.Years, 1, maxSteps),
		count("steps-per-year", c.StepsPerYear, 1, maxStepsPerYear),
		{"seed", "[0, 2^64)", c.Seed, true},
		count("start-year", c.StartYear, 1900, 2200),

		closed("sigma", c.Sigma, minSigma, 100),
		in("tfp", c.TFP, 0, 1000, true, false),
		closed("tfp-dispersion", c.TFPDispersion, 0, 2),
		count("task-bins", c.TaskBins, 1, 10000),
		count("sectors", c.Sectors, 1, 4),
		in("traditional-share", c.TraditionalShare, 0, 1, false, true),
		closed("capital-per-worker", c.CapitalPerWorker, 0, 1000),
		closed("depreciation", c.Depreciation, 0, 1),
		in("capital-price", c.CapitalPrice, 0, 1e6, true, false),
		closed("capital-reinvest", c.CapitalReinvest, 0, 1),

		closed("ai-price", c.AIPrice, 0, 1e6),
		closed("ai-cost-decline", c.AICostDecline, 1, 1e6),
		in("hardware-progress", c.HardwareProgress, 0, 1e6, true, false),
		in("ai-productivity", c.AIProductivity, 0, 1e6, true, false),
		closed("automation", c.Automation, 0, 1),
		{"fixed-frontier", "true or false", c.FixedFrontier, true},
		closed("max-automation", c.MaxAutomation, 0, 1),
		closed("frontier-slope", c.FrontierSlope, 0, 1),
		in("training-share", c.TrainingShare, 0, 1, false, true),
		{"ai-fleet", "{" + FleetCompute + ", " + FleetFixed + "}", c.AIFleet, c.AIFleet == FleetCompute || c.AIFleet == FleetFixed},
		count("ai-object-cap", c.AIObjectCap, 1, 50_000_000),
		in("compute-depreciation", c.ComputeDepreciate, 0, 1, false, true),
		closed("interest-rate", c.InterestRate, 0, 1),
		in("compute-adjustment", c.ComputeAdjust, 0, 1000, true, false),

		{"frictionless", "true or false", c.Frictionless, true},
		closed("skill-dispersion", c.SkillDispersion, 0, 3),
		in("initial-unemployment", c.InitialUnemployment, 0, 1, false, true),
		in("participation", c.Participation, 0, 1, true, false),
		closed("quit-hazard", c.QuitHazard, 0, maxRate),
		closed("layoff-hazard", c.LayoffHazard, 0, maxRate),
		in("applications", c.Applications, 0, 10000, true, false),
		closed("on-the-job-search", c.OnTheJobSearch, 0, 10),
		closed("search-elasticity", c.SearchElasticity, 0, 1),
		closed("bargaining", c.Bargaining, 0, 1),
		closed("wage-adjust", c.WageAdjust, 0, maxRate),
		closed("wage-cut", c.WageCut, 0, maxRate),
		closed("reservation-decay", c.ReservationDecay, 0, maxRate),
		closed("home-production", c.HomeProduction, 0, 10),
		in("adjustment", c.Adjustment, 0, maxRate, true, false),
		closed("firing-cost", c.FiringCost, 0, 100),
		closed("vacancy-cost", c.VacancyCost, 0, 100),
		closed("expectation-speed", c.ExpectationSpeed, 0, maxRate),
		in("participation-elasticity", c.ParticipationElasticity, 0, 100, true, false),
		closed("income-effect", c.IncomeEffect, 0, 100),
		closed("participation-speed", c.ParticipationSpeed, 0, maxRate),
		count("retrain-after", c.RetrainAfter, 0, 10000),
		closed("retrain-rate", c.RetrainRate, 0, maxRate),
		count("retrain-months", c.RetrainMonths, 1, 1000),
		closed("retrain-cost", c.RetrainCost, 0, 1000),
		closed("retrain-gain", c.RetrainGain, 0, 1),

		closed("consume-income", c.ConsumeIncome, 0, 1),
		closed("consume-wealth", c.ConsumeWealth, 0, maxRate),
		in("wealth-alpha", c.WealthAlpha, 1, 100, true, false),
		closed("wealth-to-gdp", c.WealthToGDP, 0, 1000),
		in("land-weight", c.LandWeight, 0, 1, true, true),
		closed("land-sigma", c.LandSigma, minSigma, 100),

		closed("labor-tax", c.LaborTax, 0, 1),
		closed("capital-tax", c.CapitalTax, 0, 1),
		closed("ai-tax", c.AITax, 0, 100),
		closed("compute-budget", c.ComputeBudget, 0, 1),
		closed("retrain-subsidy", c.RetrainSubsidy, 0, 1),
		closed("ai-markup", c.AIMarkup, 0, 100),
	}
}

// Validate checks every field against its documented range (ranges) and
// then the constraints between fields, and returns the first violation,
// naming the flag and the value.
func (c Config) Validate() error {
	for _, r := range c.ranges() {
		if !r.ok {
			return &ParamError{r.flag, r.value, "must be in " + r.text}
		}
	}
	switch {
	case c.Years > maxSteps/c.StepsPerYear:
		return &ParamError{"years", c.Years, fmt.Sprintf("with --steps-per-year %d makes more than %d steps", c.StepsPerYear, maxSteps)}
	case c.TraditionalShare+c.Automation > 1+1e-12:
		return &ParamError{"automation", c.Automation, fmt.Sprintf("plus --traditional-share %g must not exceed 1", c.TraditionalShare)}
	case c.MaxAutomation < c.Automation:
		return &ParamError{"max-automation", c.MaxAutomation, fmt.Sprintf("must be at least --automation %g", c.Automation)}
	case c.InterestRate+c.ComputeDepreciate <= 0:
		return &ParamError{"interest-rate", c.InterestRate, "plus --compute-depreciation must be above 0 (the user cost of compute)"}
	}
	return nil
}

// A ParamError is a parameter outside its range: the parameter (its flag
// name, which is also its YAML key), the value and why it is refused. The
// command prints it as it is; a scenario file's loader finds it with
// errors.As and names the file and line that set the parameter.
type ParamError struct {
	Param  string // the flag name, without dashes
	Value  any
	Reason string
}

func (e *ParamError) Error() string {
	return fmt.Sprintf("invalid --%s %v: %s", e.Param, e.Value, e.Reason)
}

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// num writes a bound as a plain decimal: 1000000, not 1e+06.
func num(x float64) string { return strconv.FormatFloat(x, 'f', -1, 64) }

// MemoryEstimate is the memory, in bytes, a run of c holds: the sum of
// MemoryTerms. The arrays are made once and the step loop allocates
// nothing, so it is the run's heap: TestMemoryEstimate finds the live heap
// at the end of runs dominated by each term within 15% of it (measured
// 0.95 to 1.10 times, 16 MB to 280 MB). The command's output — the
// series as CSV or JSON text — comes on top.
func (c Config) MemoryEstimate() int64 {
	var sum int64
	for _, t := range c.MemoryTerms() {
		sum += t.Bytes
	}
	return sum
}

// A MemoryTerm is the memory of one kind of array and the flags, with
// their values, that size it ("--firms 100 × --task-bins 100").
type MemoryTerm struct {
	Flags string
	Bytes int64
}

// MemoryTerms are the arrays New makes per worker, per AI agent, per firm
// and per firm·bin slot, the series of accounts (one a step), and the
// rest.
func (c Config) MemoryTerms() []MemoryTerm {
	jobRoom := 4 + 8 + sizeof[applicant]() + 4 // a listed job: its slot, its firm's offer, its applicant, its place among the open ones
	perWorker := sizeof[agents.Worker]() + sizeof[post]() + sizeof[seeker]() + sizeof[hire]() +
		samples*2*8 + // the three samples' keys and radix scratch
		2 + 4 + 4 + 4 + // qualification, held offer, offer holders, frictionless order
		jobRoom/2 // job lists, room for half a job a worker
	perFirm := sizeof[agents.Firm]() + 6*8 + // and its per-firm copies: marginal product, offer, wage bill, AI count, paid, demand
		jobRoom // and room for one job a firm
	perSlot := int64(3*8 + 4*4 + 4 + 1) // human, target, AI units; counts, AI counts, moved, vacancies; layoff; automated
	steps := int64(c.Steps())
	slots := int64(c.Firms) * int64(c.TaskBins)
	const base = 1 << 20 // the World, the pool, small per-sector and per-bin arrays
	return []MemoryTerm{
		{fmt.Sprintf("--workers %d", c.Workers), int64(c.Workers) * perWorker},
		{fmt.Sprintf("--firms %d", c.Firms), int64(c.Firms) * perFirm},
		c.agentObjects(),
		{fmt.Sprintf("--years %d × --steps-per-year %d", c.Years, c.StepsPerYear), steps*sizeof[economy.Accounts]() + min(math.MaxInt16, steps+64)*8},
		{fmt.Sprintf("--firms %d × --task-bins %d", c.Firms, c.TaskBins), slots * perSlot},
		{"", base},
	}
}

// agentObjects is the memory of the AI agent objects: room for as many as
// the fleet can need, made at the start (aiMarket.init): the object cap
// when the fleet grows with compute, the fixed fleet (within the cap)
// otherwise.
func (c Config) agentObjects() MemoryTerm {
	if c.AIFleet == FleetFixed {
		n := min(c.AIAgents, c.AIObjectCap)
		return MemoryTerm{fmt.Sprintf("--ai-agents %d", n), int64(n) * sizeof[agents.AIAgent]()}
	}
	return MemoryTerm{fmt.Sprintf("--ai-object-cap %d", c.AIObjectCap), int64(c.AIObjectCap) * sizeof[agents.AIAgent]()}
}

func sizeof[T any]() int64 {
	var v T
	return int64(unsafe.Sizeof(v))
}
