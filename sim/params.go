package sim

import (
	"fmt"
	"reflect"
)

// A Param is one parameter of a run, as the command, the scenario files,
// the explorer, the charts and docs/MODEL.md name it. Its default is
// DefaultConfig's value and its range the one Validate enforces; neither
// is written here a second time.
type Param struct {
	Flag        string // the flag and the YAML key: the json tag of its field of Config
	Label       string // a short name, for a chart's axis
	Unit        string // "" for a count or a number without one
	Description string // the flag's help
	Source      string // where the default comes from (docs/MODEL.md); "choice" where it is the model's own
	Group       string // the group of Config's fields it belongs to
}

// The groups of Config's fields.
const (
	groupPopulation = "Population and time"
	groupTechnology = "Technology"
	groupLaws       = "The three laws of AI"
	groupLabour     = "Labour market"
	groupHouseholds = "Households"
	groupPolicy     = "Policy"
)

// Sources cited by more than one parameter.
const (
	korinekSuh = "Korinek & Suh 2024"
	choice     = "choice"
	off        = "off (policy)"
)

// Params are every parameter of a run, in the order of Config's fields.
var Params = []Param{
	{"workers", "human workers", "", "human workers (households)", "choice (the scale of a run)", groupPopulation},
	{"firms", "firms", "", "firms", choice, groupPopulation},
	{"ai-agents", "AI fleet at the start", "agent-instances", "the AI fleet at the start: agent-instances that can run at once in the first step", "hardware worth 1.5% of a year's GDP (hyperscalers' 2025 capex)", groupPopulation},
	{"years", "length of the run", "years", "length of the run, years; --years × --steps-per-year ≤ 10000000", choice, groupPopulation},
	{"steps-per-year", "steps per year", "", "steps per year (12 = monthly): a numerical choice, every rate is per year", choice, groupPopulation},
	{"seed", "random seed", "", "random seed", "—", groupPopulation},
	{"start-year", "calendar year of the start", "year", "calendar year of the start", "—", groupPopulation},

	{"sigma", "elasticity of substitution between tasks σ", "", "elasticity of substitution between tasks (1 = Cobb-Douglas)", korinekSuh, groupTechnology},
	{"tfp", "total factor productivity A", "", "total factor productivity A (Korinek & Suh 2024)", korinekSuh, groupTechnology},
	{"tfp-dispersion", "dispersion of TFP across firms", "s.d. of log", "standard deviation of log TFP across firms", choice, groupTechnology},
	{"task-bins", "task bins", "", "task bins discretising the task continuum", choice, groupTechnology},
	{"sectors", "sectors", "", "sectors: physical services, manufacturing, knowledge work, science", choice, groupTechnology},
	{"traditional-share", "tasks done by traditional capital Φ_T", "share", "share of tasks performed by traditional capital, Φ_T", korinekSuh, groupTechnology},
	{"capital-per-worker", "traditional capital per worker", "efficiency units", "traditional capital per worker, efficiency units at Φ_T = 0.608", korinekSuh, groupTechnology},
	{"depreciation", "depreciation of traditional capital", "share per year", "depreciation of traditional capital, share per year", "—", groupTechnology},
	{"capital-price", "price of traditional capital", "output per unit", "price of a unit of traditional capital, in output", "—", groupTechnology},
	{"capital-reinvest", "reinvestment in traditional capital", "share of surplus", "share of gross operating surplus invested in traditional capital", "—", groupTechnology},

	{"ai-price", "AI price at the start", "output per agent-year", "user cost of the compute one AI agent-instance needs for a year at the start, in output (0 allowed)", "—", groupLaws},
	{"ai-cost-decline", "fall in the cost of AI", "factor per year", "factor by which the cost of a given level of AI falls per year (1 = none)", "the essay; Epoch AI 2025", groupLaws},
	{"hardware-progress", "fall in the price of compute hardware", "factor per year", "factor by which the price of compute hardware falls per year (1 = none)", "Hobbhahn & Besiroglu 2022", groupLaws},
	{"ai-productivity", "AI productivity", "human-efficiency units per agent", "human-efficiency units of work per AI agent", "—", groupLaws},
	{"automation", "AI frontier Φ_A at the start", "share of tasks", "AI frontier Φ_A at the start: share of all tasks AI can perform; Φ_T + Φ_A ≤ 1", "—", groupLaws},
	{"max-automation", "ceiling of Φ_A", "share of tasks", "ceiling of Φ_A, share of all tasks (1 = every non-traditional task; below: bounded automation); at least --automation", "every non-traditional task; below 1, Korinek & Suh 2024's bounded complexity", groupLaws},
	{"fixed-frontier", "fixed frontier", "", "hold Φ_A at --automation (no progress in capability)", "—", groupLaws},
	{"frontier-slope", "rise of Φ_A per tenfold training compute", "share of tasks", "rise of Φ_A per tenfold effective training compute", "the first edition; Acemoglu 2024 implies far less", groupLaws},
	{"training-share", "share of compute that trains models", "", "share of effective compute that trains models (the rest runs the fleet)", "Epoch AI, as reported in secondary coverage", groupLaws},
	{"ai-fleet", "AI fleet", "compute or fixed", "compute: the fleet grows with inference compute; fixed: it stays at --ai-agents", choice, groupLaws},
	{"ai-object-cap", "AI agent objects in memory", "cap", "most AI agent objects in memory; past it each stands for an equal share of the fleet", "memory: 16 bytes an object", groupLaws},
	{"compute-depreciation", "depreciation of compute hardware", "share per year", "depreciation of compute hardware, share per year", "a five-year service life of accelerators", groupLaws},
	{"interest-rate", "interest rate", "per year", "real interest rate in the user cost of compute, per year; plus --compute-depreciation above 0", "a round figure (not sourced)", groupLaws},
	{"compute-adjustment", "investment adjustment cost χ", "", "χ: investment in hardware is depreciation + (q − 1)/χ a year (Tobin's q, adjustment costs)", choice, groupLaws},

	{"frictionless", "frictionless labour market", "", "instant matching and flexible wages: every market clears each step", "—", groupLabour},
	{"skill-dispersion", "dispersion of worker efficiency", "s.d. of log", "standard deviation of log worker efficiency (0 = identical workers)", "—", groupLabour},
	{"initial-unemployment", "unemployment at the start", "rate", "unemployment rate at the start, share of the labour force", "BLS CPS 2024–25: 3.9–4.3%", groupLabour},
	{"participation", "participation at the start", "rate", "share of the population in the labour force at the start", "BLS CPS 2024–25: 62.5–62.7%", groupLabour},
	{"quit-hazard", "quits into unemployment", "per year", "quits into unemployment, a hazard per year (job-to-job quits come from on-the-job search)", "JOLTS quits (2.0–2.3% a month) less CPS job-to-job moves (about 1.3%)", groupLabour},
	{"layoff-hazard", "exogenous layoffs", "per year", "exogenous job destruction (layoffs and discharges), a hazard per year", "JOLTS layoffs and discharges, about 1% a month", groupLabour},
	{"applications", "applications per job seeker", "per year", "applications an unemployed worker sends per year (Poisson; spread over 48 rounds a year)", "calibrated: no-AI unemployment 3.5–5% (CPS) with 0.5–2 vacancies per unemployed worker (JOLTS/CPS)", groupLabour},
	{"on-the-job-search", "on-the-job search intensity", "relative to the unemployed", "employed workers' applications relative to the unemployed's", "choice: about a third of an application a year at one vacancy per employable unemployed worker; without AI job-to-job moves come out at 0.65% a month (ten-year mean, seed 1), below the CPS's 1.3% (Fallick & Fleischman 2004)", groupLabour},
	{"search-elasticity", "elasticity of search to tightness", "", "elasticity of job seekers' applications to vacancies per (employable) unemployed worker; --applications is the rate at one", "Pissarides 2000 ch. 5 (search intensity rises with tightness); 0.5 makes matches Cobb–Douglas with a vacancy elasticity of 0.5 (Petrongolo & Pissarides 2001: 0.3–0.5)", groupLabour},
	{"bargaining", "worker bargaining power β", "", "worker bargaining power β", "Petrongolo & Pissarides 2001 (β = 0.5, the Hosios value for a matching elasticity of 0.5)", groupLabour},
	{"wage-adjust", "wage adjustment of incumbents", "per year", "speed at which incumbents' wages close the gap to the bargained wage, per year", "—", groupLabour},
	{"wage-cut", "largest wage cut", "log points per year", "largest wage cut, log points per year (downward stickiness)", "—", groupLabour},
	{"reservation-decay", "decay of the reservation wage", "log points per year", "decay of the reservation wage while unemployed, log points per year", "—", groupLabour},
	{"home-production", "home production", "share of the start's mean wage", "reservation wage floor, share of the start's mean wage rate", "Shimer 2005 (b = 0.4)", groupLabour},
	{"adjustment", "staffing adjustment", "per year", "speed at which firms close a staffing gap and lay off workers paid above their product, per year", "—", groupLabour},
	{"firing-cost", "firing cost", "years of the worker's wage", "severance a firm pays at a layoff, years of the worker's wage", "choice: about five weeks' pay, US severance practice", groupLabour},
	{"vacancy-cost", "cost of a vacancy", "share of the mean expected product per year", "cost of keeping a vacancy open, share of the mean expected annual product of an efficiency unit of labour, per year", "between Shimer 2005 (0.213 of labour productivity) and Hagedorn & Manovskii 2008 (0.584, labour and capital costs)", groupLabour},
	{"expectation-speed", "speed of expectations", "per year", "speed at which firms' and workers' expectations (the AI price's growth, fill and job-finding rates) adapt to what they observe, per year", choice, groupLabour},
	{"participation-elasticity", "participation elasticity", "", "elasticity of participation to a worker's prospects at the start", "Chetty, Guren, Manoli & Weber 2012: extensive-margin elasticity 0.25", groupLabour},
	{"income-effect", "income effect on participation", "per unit of unearned income", "rise of the reservation value per unit of unearned income (transfers, the return on wealth)", "choice, after Golosov et al. 2024 (earnings fall 23 cents per dollar of unearned income)", groupLabour},
	{"participation-speed", "speed of participation decisions", "per year", "rate at which workers act on a change in their participation decision, per year", choice, groupLabour},
	{"retrain-after", "months before retraining", "months", "months unemployed before retraining is considered (rounded to steps)", "—", groupLabour},
	{"retrain-rate", "retraining rate", "per year", "rate of starting to retrain once eligible, a hazard per year", "—", groupLabour},
	{"retrain-months", "length of retraining", "months", "length of retraining, months (rounded to steps, at least one)", "—", groupLabour},
	{"retrain-cost", "cost of retraining", "months of the start's mean wage", "cost of retraining, months of the start's mean wage", "—", groupLabour},
	{"retrain-gain", "gain from retraining", "skill", "rise of the skill ceiling from retraining", "—", groupLabour},

	{"consume-income", "propensity to consume out of income", "", "marginal propensity to consume out of income", "—", groupHouseholds},
	{"consume-wealth", "propensity to consume out of wealth", "per year", "propensity to consume out of wealth, per year", "—", groupHouseholds},
	{"wealth-alpha", "Pareto tail index of wealth", "", "Pareto tail index of initial wealth (1.1 gives the top 10% about 80%)", "US SCF 2022 (top 10% own about 67–77%)", groupHouseholds},
	{"wealth-to-gdp", "initial wealth", "years of GDP", "initial household wealth, years of GDP", "—", groupHouseholds},
	{"land-weight", "weight of land", "share of the basket", "weight of land in the consumer basket", "—", groupHouseholds},
	{"land-sigma", "elasticity of substitution between goods and land", "", "elasticity of substitution between goods and land", "—", groupHouseholds},

	{"labor-tax", "tax on wages", "rate", "policy: tax rate on wages (revenue paid out as a universal basic income)", off, groupPolicy},
	{"capital-tax", "tax on capital income", "rate", "policy: tax rate on dividends and AI rents received", off, groupPolicy},
	{"ai-tax", "tax on AI use", "rate on the AI price", "policy: tax on AI use, share of the AI agent price paid by the firm", off, groupPolicy},
	{"compute-budget", "compute budget", "persons' share of the AI fleet", "policy: share of the AI fleet owned by persons in equal parts, whose rents are theirs (0..1)", off, groupPolicy},
	{"retrain-subsidy", "retraining subsidy", "share of cost", "policy: share of retraining cost paid by the government", off, groupPolicy},
	{"ai-markup", "AI provider markup over cost", "rate", "provider markup over the AI cost price (0 = open models at cost)", "0: open models at cost", groupPolicy},
}

// LookupParam is the parameter whose flag is name.
func LookupParam(name string) (Param, bool) {
	if i, ok := paramIndex[name]; ok {
		return Params[i], true
	}
	return Param{}, false
}

// Field is cfg's field of the parameter: settable, of the field's type.
func (p Param) Field(cfg *Config) reflect.Value {
	return reflect.ValueOf(cfg).Elem().FieldByIndex(configFields[p.Flag])
}

// Default is DefaultConfig's value, written as the command's help and
// docs/MODEL.md write it: 1000000, not 1e+06.
func (p Param) Default() string {
	cfg := DefaultConfig()
	return format(p.Field(&cfg))
}

// Range is the range Validate enforces: "[1, 50000000]", "(0, 1]", "true
// or false", ...
func (p Param) Range() string { return rangeText[p.Flag] }

func format(f reflect.Value) string {
	if f.Kind() == reflect.Float64 {
		return num(f.Float())
	}
	return fmt.Sprint(f.Interface())
}

// paramIndex finds a parameter in Params by its flag.
var paramIndex = func() map[string]int {
	m := make(map[string]int, len(Params))
	for i, p := range Params {
		m[p.Flag] = i
	}
	return m
}()

// configFields are Config's fields by their json tags.
var configFields = func() map[string][]int {
	t := reflect.TypeFor[Config]()
	m := make(map[string][]int, t.NumField())
	for i := range t.NumField() {
		if tag := t.Field(i).Tag.Get("json"); tag != "" && tag != "-" {
			m[tag] = t.Field(i).Index
		}
	}
	return m
}()

// rangeText are the ranges' texts by flag; they do not depend on the
// values.
var rangeText = func() map[string]string {
	m := map[string]string{}
	for _, r := range DefaultConfig().ranges() {
		m[r.flag] = r.text
	}
	return m
}()
