package validation

import (
	"fmt"
	"math"
	"strconv"

	"github.com/laborsim/laborsim/economy"
	"github.com/laborsim/laborsim/sim"
)

// The labour market's checks (DESIGN §2, §5, §6, §13): its results must
// not depend on the step length, the firms' size or the task bins; the
// no-AI baseline must sit within US experience; vacancies per unemployed
// worker must stay below 3; rigid wages must show as unemployment.

// StepLengths are the steps per year of the step-length check; the finest
// is the reference.
var StepLengths = []int{4, 12, 52}

// stepSeeds is the number of seeds each step length of the step-length
// check averages over.
const stepSeeds = 2

// stepTolerance is, for each aggregate of the step-length check, the
// largest difference from the weekly run's annual mean that a year may
// show: at 12 steps a year, and at 4 (a quarter is a coarse step: its
// bound is wider). Relative for GDP and the median wage, in points of
// the rate for the others. They are the noise of two seeds (the weekly
// runs of the check's two seeds differ by up to 6.2% in a year's GDP,
// 2.4% in its median wage, 0.010 in its labour share, 0.004 in its
// unemployment rate and 0.005 in its vacancy rate)
// plus a discretisation error that must shrink as the step does: the
// error at 12 must be below the error at 4.
var stepTolerance = []struct {
	name      string
	relative  bool
	at12, at4 float64
}{
	{"gdp", true, 0.04, 0.15},
	{"labor_share", false, 0.02, 0.05},
	{"unemployment_rate", false, 0.012, 0.04},
	{"vacancy_rate", false, 0.02, 0.025},
	{"median_wage", true, 0.03, 0.06},
}

// stepConfig is the default scenario at spy steps a year, seed k.
func stepConfig(o Options, spy, k int) sim.Config {
	c := sim.DefaultConfig()
	c.StepsPerYear, c.Seed = spy, sim.Seed(o.Seed, k)
	return c
}

// stepLengthCheck runs the default scenario at every StepLength.
func stepLengthCheck(o Options) Check {
	c := Check{
		Name:   "step-length",
		Title:  "The economy does not depend on the step length",
		Source: "DESIGN §2: every rate is per year; at 4, 12 and 52 steps a year the annual paths agree within sampling noise plus a discretisation error that shrinks with the step",
		Rule:   "each year's mean within the stated bound of the weekly run's (two seeds averaged), and the error at 12 steps a year below the error at 4",
		vary:   map[string]string{"steps-per-year": "4, 12 and 52", "seed": "S"},
		note:   fmt.Sprintf(", S = %d seeds derived from --seed %d (the default scenario, 2025-2035)", stepSeeds, o.Seed),
	}
	for _, spy := range StepLengths {
		for k := range stepSeeds {
			c.Runs = append(c.Runs, stepConfig(o, spy, k))
		}
	}
	c.judge = judgeStepLength
	return c
}

// annualMeans is the mean of column col over each calendar year of the
// runs, averaged over the runs.
func annualMeans(runs []sim.Config, res []sim.Result, col economy.Column) []float64 {
	var out []float64
	for k, r := range res {
		spy := runs[k].StepsPerYear
		for y := 0; (y+1)*spy <= len(r.Series); y++ {
			sum := 0.0
			for _, a := range r.Series[y*spy : (y+1)*spy] {
				sum += col.Value(&a)
			}
			if len(out) <= y {
				out = append(out, 0)
			}
			out[y] += sum / float64(spy) / float64(len(res))
		}
	}
	return out
}

// judgeStepLength compares each step length's annual means with the
// finest's.
func judgeStepLength(runs []sim.Config, res []sim.Result) []Outcome {
	n := stepSeeds
	finest := len(StepLengths) - 1
	var out []Outcome
	for _, t := range stepTolerance {
		col, _ := economy.LookupColumn(t.name)
		ref := annualMeans(runs[finest*n:(finest+1)*n], res[finest*n:(finest+1)*n], col)
		errs := make([]float64, finest)
		for i := range finest {
			got := annualMeans(runs[i*n:(i+1)*n], res[i*n:(i+1)*n], col)
			for y := range min(len(got), len(ref)) {
				d := math.Abs(got[y] - ref[y])
				if t.relative {
					d /= math.Abs(ref[y])
				}
				errs[i] = math.Max(errs[i], d)
			}
		}
		for i := range finest {
			bound := t.at12
			if StepLengths[i] == 4 {
				bound = t.at4
			}
			unit := ""
			if t.relative {
				unit = " (relative)"
			}
			q := outcome("largest yearly difference in "+t.name+unit, fmt.Sprintf("%d vs %d steps a year", StepLengths[i], StepLengths[finest]), 0, errs[i], 0, bound)
			q.Expect = "0 (the weekly run)"
			q.Note = fmt.Sprintf("at most %g", bound)
			if i > 0 && errs[i] >= errs[i-1] {
				q.Pass = false
				q.Note += "; not below the coarser step's error"
			}
			out = append(out, tag([]Outcome{q}, runs[i*n], n)...)
		}
	}
	return out
}

// noAI is the economy without AI: no agents, no progress in capability or
// cost.
func noAI(c sim.Config) sim.Config {
	c.AIAgents, c.FixedFrontier, c.AICostDecline = 0, true, 1
	return c
}

// sizeWorkers is the population of the firm-size and task-bin checks.
const sizeWorkers = 20_000

// FirmCounts and BinCounts are the sizes the firm-size and task-bin checks
// compare; the middle one is the reference.
var (
	FirmCounts = []int{20, 200, 2000}
	BinCounts  = []int{20, 100, 400}
)

// sizeBound is the largest difference, in points, between the reference's
// mean unemployment rate over the ten years and another size's (the
// issue's bound).
const sizeBound = 0.015

// meanUnemployment is a run's unemployment rate averaged over its steps.
func meanUnemployment(r sim.Result) float64 {
	return runMean(r, func(a *economy.Accounts) float64 { return a.UnemploymentRate })
}

// sizeCheck compares the mean unemployment rate without AI across the
// values of one numerical choice, the firms or the task bins.
func sizeCheck(name, title, param string, values []int, set func(*sim.Config, int)) Check {
	c := Check{
		Name:   name,
		Title:  title,
		Source: "DESIGN §5: firms staff at the firm level; results must not depend on firm size or the number of task bins",
		Rule:   fmt.Sprintf("mean unemployment rate over the ten years within %.1f points of the run at %s %d", 100*sizeBound, param, values[1]),
		vary:   map[string]string{param: fmt.Sprint(values[0], ", ", values[1], " and ", values[2])},
		note:   " (no AI)",
	}
	for _, v := range values {
		cfg := noAI(sim.DefaultConfig())
		cfg.Workers, cfg.Firms = sizeWorkers, 200
		set(&cfg, v)
		c.Runs = append(c.Runs, cfg)
	}
	c.judge = func(runs []sim.Config, res []sim.Result) []Outcome {
		ref := meanUnemployment(res[1])
		var out []Outcome
		for i, v := range values {
			if i == 1 {
				continue
			}
			q := outcome("mean unemployment rate", fmt.Sprintf("--%s %d", param, v), ref, meanUnemployment(res[i]), ref-sizeBound, ref+sizeBound)
			q.Expect = fmt.Sprintf("%.4f at --%s %d", ref, param, values[1])
			q.Note = fmt.Sprintf("within %.1f points", 100*sizeBound)
			out = append(out, tag([]Outcome{q}, runs[i], 1)...)
		}
		return out
	}
	return c
}

func firmSizeCheck() Check {
	return sizeCheck("firm-size", "Unemployment does not depend on the firms' size", "firms", FirmCounts,
		func(c *sim.Config, v int) { c.Firms = v })
}

func taskBinsCheck() Check {
	return sizeCheck("task-bins", "Unemployment does not depend on the number of task bins", "task-bins", BinCounts,
		func(c *sim.Config, v int) { c.TaskBins = v })
}

// A Band is a moment of the no-AI baseline and its US range.
type Band struct {
	Column string
	Lo, Hi float64
	Source string
}

// JOLTSBands are the calibration targets of the no-AI baseline, means over
// its ten years: the labour market's flows as JOLTS reports them (monthly
// shares of employment), its stocks as the CPS does.
var JOLTSBands = []Band{
	{"unemployment_rate", 0.035, 0.05, "BLS CPS 2015–2025 outside recessions"},
	{"vacancy_rate", 0.035, 0.07, "JOLTS job openings rate 2015–2025"},
	{"hires_rate", 0.03, 0.045, "JOLTS hires rate 2015–2025"},
	{"separation_rate", 0.03, 0.045, "JOLTS total separations rate 2015–2025"},
	{"quit_rate", 0.015, 0.03, "JOLTS quits rate, about 2% (2.0–2.9% 2015–2025)"},
	{"layoff_rate", 0.008, 0.015, "JOLTS layoffs and discharges rate, about 1%"},
	{"participation_rate", 0.60, 0.65, "BLS CPS labour force participation 2015–2025, 61.7–63.4% (outside 2020)"},
}

// joltsCheck runs the default economy without AI.
func joltsCheck() Check {
	c := noAI(sim.DefaultConfig())
	return Check{
		Name:   "jolts-cps",
		Title:  "The labour market without AI sits within US experience",
		Source: "BLS JOLTS and CPS, 2015–2025; vacancies per unemployed worker 0.5–2 (JOLTS openings over CPS unemployment, 2015–2025: 0.6–2.0)",
		Rule:   "each moment's mean over the ten years within its band; vacancies per unemployed worker within 0.5–2 on average and below 3 in every month",
		Runs:   []sim.Config{c},
		note:   " (the default 10,000 workers, 100 firms, 2025-2035, without AI)",
		judge: func(runs []sim.Config, res []sim.Result) []Outcome {
			s := res[0].Series
			var out []Outcome
			for _, b := range JOLTSBands {
				col, _ := economy.LookupColumn(b.Column)
				q := outcome("mean "+b.Column, "2025–2035", (b.Lo+b.Hi)/2, runMean(res[0], col.Value), b.Lo, b.Hi)
				q.Expect = fmt.Sprintf("%g–%g", b.Lo, b.Hi)
				q.Note = b.Source
				out = append(out, q)
			}
			mean, most := tightness(s)
			q := outcome("mean vacancies per unemployed worker", "2025–2035", 1.25, mean, 0.5, 2)
			q.Expect = "0.5–2"
			out = append(out, q)
			q = outcome("most vacancies per unemployed worker in a month", "2025–2035", 0, most, 0, 3)
			q.Expect = "below 3"
			q.Note = "DESIGN §6: above about 3 is a defect"
			out = append(out, q)
			return tag(out, runs[0], 1)
		},
	}
}

// tightness is the mean and the largest ratio of vacancies to unemployed
// workers over the steps.
func tightness(s []economy.Accounts) (mean, most float64) {
	for i := range s {
		v := float64(s[i].Vacancies) / math.Max(1, float64(s[i].Unemployed))
		mean += v
		most = math.Max(most, v)
	}
	return mean / float64(len(s)), most
}

// tightnessCheck holds vacancies per unemployed worker below 3 in every
// month of the default scenario and of the default without AI agents.
func tightnessCheck() Check {
	def := sim.DefaultConfig()
	none := def
	none.AIAgents = 0
	return Check{
		Name:   "tightness",
		Title:  "Vacancies per unemployed worker stay below 3 with AI",
		Source: "DESIGN §6: vacancies per unemployed person above about 3 in a month is a sign of a defect, not a result",
		Rule:   "vacancies / unemployed below 3 in every step",
		Runs:   []sim.Config{def, none},
		vary:   map[string]string{"ai-agents": strconv.Itoa(def.AIAgents) + " (the default) and 0"},
		judge: func(runs []sim.Config, res []sim.Result) []Outcome {
			var out []Outcome
			for i, r := range res {
				_, most := tightness(r.Series)
				q := outcome("most vacancies per unemployed worker in a month", "--ai-agents "+strconv.Itoa(runs[i].AIAgents), 0, most, 0, 3)
				q.Expect = "below 3"
				out = append(out, tag([]Outcome{q}, runs[i], 1)...)
			}
			return out
		},
	}
}

// beveridgeCosts are the vacancy costs of the Beveridge check: a dearer
// vacancy moves the economy along its Beveridge curve, to fewer vacancies
// and more unemployment.
var beveridgeCosts = []float64{0.2, 0.35, 0.7}

// beveridgeCheck fits the slope of the vacancy rate on the unemployment
// rate across economies whose job creation differs (the vacancy cost) and
// whose matching does not: the Beveridge curve slopes down.
func beveridgeCheck() Check {
	c := Check{
		Name:   "beveridge",
		Title:  "The Beveridge curve slopes down",
		Source: "Blanchard & Diamond (1989); US Beveridge curve 2001–2025 (JOLTS openings rate on CPS unemployment rate), slope about −0.4 to −1",
		Rule:   "least-squares slope of the mean vacancy rate on the mean unemployment rate below 0",
		vary:   map[string]string{"vacancy-cost": "0.2, 0.35 and 0.7"},
		note:   " (no AI)",
	}
	for _, v := range beveridgeCosts {
		cfg := noAI(sim.DefaultConfig())
		cfg.VacancyCost = v
		c.Runs = append(c.Runs, cfg)
	}
	c.judge = func(runs []sim.Config, res []sim.Result) []Outcome {
		var u, v []float64
		for _, r := range res {
			u = append(u, meanUnemployment(r))
			v = append(v, runMean(r, func(a *economy.Accounts) float64 { return a.VacancyRate }))
		}
		q := outcome("slope of the vacancy rate on the unemployment rate", "--vacancy-cost 0.2..0.7", -0.7, slope(u, v), -100, 0)
		q.Expect = "below 0 (US: −0.4 to −1)"
		return tag([]Outcome{q}, runs[0], len(runs))
	}
	return c
}

// slope is the least-squares slope of y on x.
func slope(x, y []float64) float64 {
	var mx, my float64
	for i := range x {
		mx += x[i]
		my += y[i]
	}
	mx /= float64(len(x))
	my /= float64(len(x))
	var sxy, sxx float64
	for i := range x {
		sxy += (x[i] - mx) * (y[i] - my)
		sxx += (x[i] - mx) * (x[i] - mx)
	}
	return sxy / sxx
}

// WageCuts are the largest wage cuts a year of the wage-rigidity check:
// 1% and 5% a month.
var WageCuts = []float64{0.12, 0.6}

// wageRigidityCheck runs a large fixed fleet (two agents per worker) at
// both wage cuts: with layoffs of workers paid above their product, the
// wage path no longer follows the stickiness parameter; rigid wages show
// as unemployment instead.
func wageRigidityCheck() Check {
	c := Check{
		Name:   "wage-rigidity",
		Title:  "The wage path is not set by the wage-stickiness parameter",
		Source: "DESIGN §5–6: a worker paid more than its product is laid off (with a firing cost), so rigid wages cause unemployment, not wages fifty times an AI agent's cost",
		Rule:   "the final median wage at --wage-cut 0.6 within a third of the one at 0.12",
		vary:   map[string]string{"wage-cut": "0.12 and 0.6 (1% and 5% a month)"},
		note:   " (a fixed fleet of two agents per worker, 2025-2035)",
	}
	for _, cut := range WageCuts {
		cfg := sim.DefaultConfig()
		cfg.AIFleet, cfg.AIAgents, cfg.WageCut = sim.FleetFixed, 2*cfg.Workers, cut
		c.Runs = append(c.Runs, cfg)
	}
	c.judge = func(runs []sim.Config, res []sim.Result) []Outcome {
		a, b := res[0].Final(), res[1].Final()
		q := outcome("final median wage", "--wage-cut 0.6 vs 0.12", a.MedianWage, b.MedianWage, a.MedianWage*2/3, a.MedianWage*4/3)
		q.Expect = fmt.Sprintf("%.4g at --wage-cut 0.12", a.MedianWage)
		q.Note = fmt.Sprintf("within a third; unemployment %.3f and %.3f", a.UnemploymentRate, b.UnemploymentRate)
		return tag([]Outcome{q}, runs[1], 1)
	}
	return c
}
