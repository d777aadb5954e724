package chart

import "github.com/laborsim/laborsim/sim"

// A metric is how a reported series is named on a chart: a label and its
// unit. Money is in units of output (the numeraire good) per month.
type metric struct{ label, unit string }

const (
	money      = "output per month"
	gdpShare   = "share of GDP"
	rate       = "rate, 0–1"
	gini       = "Gini coefficient, 0–1"
	perMonth   = "workers per month"
	taskShare  = "share of task units"
	tasksShare = "share of tasks"
)

// metrics labels every column of economy.Columns and the wall time of a
// sweep's results.
var metrics = map[string]metric{
	"step":                {"step", "steps"},
	"year":                {"year", "year"},
	"gdp":                 {"GDP", money},
	"gdp_income":          {"GDP by income", money},
	"wage_bill":           {"wage bill", money},
	"trad_capital_income": {"traditional capital income", money},
	"ai_rents":            {"AI rents", money},
	"scarcity_rents":      {"AI scarcity rents", money},
	"taxes":               {"taxes", money},
	"transfers":           {"transfers", money},
	"compute_investment":  {"compute investment", money},
	"investment":          {"investment", money},
	"consumption":         {"consumption", money},
	"labor_share":         {"labor share", gdpShare},
	"capital_share":       {"capital share", gdpShare},
	"trad_capital_share":  {"traditional capital share", gdpShare},
	"ai_share":            {"AI share", gdpShare},
	"unemployment_rate":   {"unemployment rate", rate},
	"vacancy_rate":        {"vacancy rate", rate},
	"employed":            {"employed", "workers"},
	"unemployed":          {"unemployed", "workers"},
	"retraining":          {"retraining", "workers"},
	"vacancies":           {"vacancies", "jobs"},
	"hires":               {"hires", perMonth},
	"separations":         {"separations", perMonth},
	"displaced":           {"displaced by automation", perMonth},
	"mean_wage":           {"mean wage", money},
	"median_wage":         {"median wage", money},
	"wage_gini":           {"wage Gini", gini},
	"income_gini":         {"income Gini", gini},
	"wealth_gini":         {"wealth Gini", gini},
	"ai_fleet":            {"AI fleet", "agent-instances"},
	"ai_agents_deployed":  {"AI agents deployed", "agent-instances"},
	"ai_task_share":       {"AI task share", taskShare},
	"ai_price":            {"AI price", "output per agent-month"},
	"ai_cost":             {"AI cost (user cost of compute)", "output per agent-month"},
	"ai_scarcity_rent":    {"AI scarcity rent", "share of AI rents"},
	"ai_frontier":         {"AI frontier Φ_A", tasksShare},
	"log10_compute":       {"effective compute", "log10, start = 0"},
	"gdp_growth":          {"GDP growth", "per year"},
	"goods_price":         {"goods price", "index, start = 1"},
	"land_price":          {"land price", "index, start = 1"},
	"money":               {"money", "output"},
	"wall_seconds":        {"wall time", "seconds"},
}

// metricOf is the label and unit of a column; an unknown column is labelled
// by its name and has no unit.
func metricOf(name string) metric {
	if m, ok := metrics[name]; ok {
		return m
	}
	return metric{label: name}
}

// axis is "label (unit)".
func (m metric) axis() string {
	if m.unit == "" {
		return m.label
	}
	return m.label + " (" + m.unit + ")"
}

// paramAxis labels a parameter's axis: what it is, its unit and its flag
// (sim.Params).
func paramAxis(name string) string {
	if p, ok := sim.LookupParam(name); ok {
		return metric{p.Label, p.Unit}.axis() + ", --" + name
	}
	return "--" + name
}

// paramLabel is a parameter's label without its unit or flag.
func paramLabel(name string) string {
	if p, ok := sim.LookupParam(name); ok {
		return p.Label
	}
	return "--" + name
}
