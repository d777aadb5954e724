package validation

import (
	"context"
	"errors"
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"

	"github.com/laborsim/laborsim/economy"
	"github.com/laborsim/laborsim/experiments"
	"github.com/laborsim/laborsim/sim"
)

// Outcome is one quantity the simulator must reproduce: what theory (or
// data) says, what the agents' own accounts say, and whether they agree.
// The accounts pass when Got lies in [Lo, Hi].
type Outcome struct {
	Quantity string  `json:"quantity"`
	Params   string  `json:"parameters"`
	Want     float64 `json:"closed_form"`      // theory's value, or the reference the error is measured from
	Expect   string  `json:"expect,omitempty"` // how to read Want when it is not a closed form
	Got      float64 `json:"simulated"`        // from the agents' accounts
	RelErr   float64 `json:"relative_error"`   // (Got − Want) / |Want|
	Lo       float64 `json:"accept_low"`       // the accepted range of Got
	Hi       float64 `json:"accept_high"`
	Pass     bool    `json:"pass"`
	Note     string  `json:"note,omitempty"`    // what the range means, when it is not ± a tolerance
	Runs     int     `json:"runs"`              // simulation runs behind Got
	Workers  int     `json:"workers,omitempty"` // workers in each of those runs
	Steps    int     `json:"steps,omitempty"`   // steps in each of those runs
}

// Group is the outcome of one check of the suite.
type Group struct {
	Name     string    `json:"name"`
	Title    string    `json:"title"`
	Source   string    `json:"source"`
	Setup    string    `json:"setup"`
	Rule     string    `json:"rule"`
	Outcomes []Outcome `json:"outcomes"`
}

// Pass reports whether every outcome of the group passed.
func (g Group) Pass() bool {
	for _, o := range g.Outcomes {
		if !o.Pass {
			return false
		}
	}
	return true
}

// Report is the whole suite's outcome.
type Report struct {
	Pass   bool    `json:"pass"`
	Groups []Group `json:"checks"`
}

// Options size the suite. DefaultOptions are what 'laborsim validate'
// runs; tests may run a smaller suite.
type Options struct {
	Workers    int    // workers in the closed-form checks
	Firms      int    // firms in the closed-form checks
	Replicates int    // seeds per size in the scale check
	ScaleYears int    // years of the default scenario in the scale check
	Seed       uint64 // base seed of the scale check's replicates
	Parallel   int    // runs at once; 0 means GOMAXPROCS

	// Progress, when set, is told the title of each check as it starts.
	Progress func(title string)
}

// DefaultOptions are the published sizes of the suite: the closed forms at
// 100,000 workers in 1,000 firms; the scale check with 8 seeds per size
// over the default scenario's ten years.
func DefaultOptions() Options {
	return Options{Workers: 100_000, Firms: 1000, Replicates: 8, ScaleYears: 10, Seed: 1}
}

// Tolerance is the largest relative error of a closed-form check (0.5%).
const Tolerance = 0.005

// Check is one check of the suite: a named comparison of the agents'
// accounts with a closed form, a published range or another scale.
type Check struct {
	Name   string // short name, for --checks
	Title  string
	Source string
	Rule   string       // what passes
	Runs   []sim.Config // the runs, in order

	vary  map[string]string // what each parameter that differs between Runs stands for
	note  string            // what the flags leave unsaid, written after them
	err   error             // why the check cannot run at the suite's sizes
	judge func(runs []sim.Config, res []sim.Result) []Outcome
}

// Flags is the command line of what every run of the check shares,
// generated from the runs (experiments.Flags): the parameters that differ
// between them are left at their defaults.
func (c Check) Flags() string {
	shared, _ := experiments.Shared(c.Runs)
	return experiments.Flags(shared)
}

// Setup is the check's runs as a person would type them: Flags, then each
// parameter that differs between the runs (in experiments.ParamNames
// order) with what it stands for, then the note; a check without runs is
// its note alone.
func (c Check) Setup() string {
	if len(c.Runs) == 0 {
		return c.note // a check of laborsim's own estimators, which runs no simulation
	}
	_, varied := experiments.Shared(c.Runs)
	var b strings.Builder
	b.WriteString(c.Flags())
	for _, name := range varied {
		text, ok := c.vary[name]
		if !ok {
			text = "(varies)"
		}
		b.WriteString(" --" + name + " " + text)
	}
	b.WriteString(c.note)
	return b.String()
}

// Checks is the suite for sizes o, in the order it runs.
func Checks(o Options) []Check {
	return []Check{
		taskModelCheck(o),
		cobbDouglasCheck(o),
		calibrationCheck(o),
		convergenceCheck(),
		dynamicCheck(o),
		rangeCheck(),
		scaleCheck(o),
		stepLengthCheck(o),
		firmSizeCheck(),
		taskBinsCheck(),
		joltsCheck(),
		beveridgeCheck(),
		tightnessCheck(),
		wageRigidityCheck(),
		sobolCheck(),
	}
}

// Validate runs the checks named (all when names is empty) and returns
// the report. An unknown name is an error that lists the known ones.
func Validate(ctx context.Context, o Options, names []string) (Report, error) {
	checks, err := selectChecks(Checks(o), names)
	if err != nil {
		return Report{}, err
	}
	rep := Report{Pass: true}
	for _, c := range checks {
		if o.Progress != nil {
			o.Progress(c.Title)
		}
		if c.err != nil {
			return rep, fmt.Errorf("check %s: %w", c.Name, c.err)
		}
		res, err := runAll(ctx, c.Runs, o.Parallel)
		if err != nil {
			return rep, fmt.Errorf("check %s: %w", c.Name, err)
		}
		g := Group{Name: c.Name, Title: c.Title, Source: c.Source, Setup: c.Setup(), Rule: c.Rule, Outcomes: c.judge(c.Runs, res)}
		rep.Pass = rep.Pass && g.Pass()
		rep.Groups = append(rep.Groups, g)
	}
	return rep, nil
}

// ErrUnknownCheck is returned by Validate for a name not in Checks.
var ErrUnknownCheck = errors.New("unknown check")

// selectChecks returns the named checks in suite order.
func selectChecks(all []Check, names []string) ([]Check, error) {
	if len(names) == 0 {
		return all, nil
	}
	known := make([]string, len(all))
	for i, c := range all {
		known[i] = c.Name
	}
	for _, n := range names {
		if !slices.Contains(known, n) {
			return nil, fmt.Errorf("%w %q (known: %s)", ErrUnknownCheck, n, strings.Join(known, ", "))
		}
	}
	var out []Check
	for _, c := range all {
		if slices.Contains(names, c.Name) {
			out = append(out, c)
		}
	}
	return out, nil
}

// TaskPoint is one parameter point of the task model: elasticity σ,
// automatable share Φ, AI efficiency units per worker K/L, and the
// efficiency units of one AI agent (1 when zero).
type TaskPoint struct {
	Sigma, Phi, KL, Productivity float64
}

func (p TaskPoint) String() string {
	s := fmt.Sprintf("σ=%g Φ=%g K/L=%g", p.Sigma, p.Phi, p.KL)
	if p.Productivity != 0 && p.Productivity != 1 {
		s += fmt.Sprintf(" ai-prod=%g", p.Productivity)
	}
	return s
}

// TaskModelPoints are the points of the ks-eq4 check: σ below, at and
// above 1, both regions (K/L above and below Φ/(1−Φ)), points close to the
// boundary, and AI agents worth more than one worker.
var TaskModelPoints = []TaskPoint{
	{Sigma: 0.5, Phi: 0.4, KL: 1},     // the example: labor share 9/13
	{Sigma: 0.5, Phi: 0.608, KL: 4.6}, // Korinek & Suh's calibrated σ, Φ, K/L
	{Sigma: 0.5, Phi: 0.8, KL: 1},     // region 2
	{Sigma: 0.25, Phi: 0.3, KL: 2},
	{Sigma: 0.25, Phi: 0.6, KL: 0.5},  // region 2
	{Sigma: 0.75, Phi: 0.35, KL: 0.6}, // region 1, 11% above the boundary
	{Sigma: 1, Phi: 0.4, KL: 1},
	{Sigma: 1, Phi: 0.7, KL: 3},
	{Sigma: 1, Phi: 0.5, KL: 1},      // on the boundary, where the branches meet
	{Sigma: 1.5, Phi: 0.35, KL: 0.5}, // region 2, 7% below the boundary
	{Sigma: 2, Phi: 0.4, KL: 1},
	{Sigma: 2, Phi: 0.9, KL: 2}, // region 2
	{Sigma: 4, Phi: 0.2, KL: 0.5},
	{Sigma: 4, Phi: 0.5, KL: 0.3}, // region 2
	{Sigma: 0.5, Phi: 0.4, KL: 1, Productivity: 2.5},
}

// limit is the frictionless, homogeneous limit over the defaults.
// --tfp-dispersion 0 is needed beside the list: with unequal TFP
// and no traditional capital no firm size is pinned down, the frictionless
// market splits inputs equally, and aggregate TFP is the firms' sample mean
// rather than A.
func limit() sim.Config {
	c := sim.DefaultConfig()
	c.Frictionless, c.FixedFrontier, c.AIFleet = true, true, sim.FleetFixed
	c.TraditionalShare, c.SkillDispersion, c.TFPDispersion, c.Sectors, c.AIPrice = 0, 0, 0, 1, 0
	return c
}

// LimitFlags are the flags of the frictionless, homogeneous limit,
// generated from its configuration.
func LimitFlags() string { return experiments.Flags(limit()) }

// Limit is the configuration of the frictionless, homogeneous limit for a
// point: K = AI agents × productivity, L = workers, two steps.
func Limit(p TaskPoint, workers, firms int) sim.Config {
	c := limit()
	c.Sigma, c.Automation = p.Sigma, p.Phi
	if p.Productivity > 0 {
		c.AIProductivity = p.Productivity
	}
	c.Workers, c.Firms, c.Years, c.StepsPerYear = workers, firms, 1, 2
	c.AIAgents = int(math.Round(p.KL * float64(workers) / c.AIProductivity))
	return c
}

// Model is the closed form for a configuration of the limit: K and L are
// the efficiency units the run actually has.
func Model(c sim.Config) economy.TaskModel {
	return economy.TaskModel{A: c.TFP, Sigma: c.Sigma, Phi: c.Automation,
		K: float64(c.AIAgents) * c.AIProductivity, L: float64(c.Workers)}
}

// limitQuantities compares the final step of a run of the limit with the
// closed form: labor share, wage per efficiency unit (wage bill / L), AI
// rent per efficiency unit (AI rents / K) and GDP per worker.
func limitQuantities(m economy.TaskModel, a economy.Accounts, params string, tol float64) []Outcome {
	out := []Outcome{
		compare("labor share", params, m.LaborShare(), a.LaborShare, tol),
		compare("wage per efficiency unit", params, m.Wage(), a.WageBill/m.L, tol),
	}
	if m.K > 0 {
		out = append(out, compare("AI rent per efficiency unit", params, m.Rent(), a.AIRents/m.K, tol))
	}
	return append(out, compare("GDP per worker", params, m.Output()/m.L, a.GDP/m.L, tol))
}

// compare accepts got within tol (relative) of want.
func compare(quantity, params string, want, got, tol float64) Outcome {
	d := tol * math.Abs(want)
	return outcome(quantity, params, want, got, want-d, want+d)
}

// outcome is an Outcome accepted in [lo, hi].
func outcome(quantity, params string, want, got, lo, hi float64) Outcome {
	o := Outcome{Quantity: quantity, Params: params, Want: want, Got: got, Lo: lo, Hi: hi}
	if want != 0 {
		o.RelErr = (got - want) / math.Abs(want)
	}
	o.Pass = got >= lo && got <= hi
	return o
}

// taskModelCheck checks every TaskModelPoint at o.Workers workers.
func taskModelCheck(o Options) Check {
	c := Check{
		Name:   "ks-eq4",
		Title:  "Korinek & Suh eq. 4 in the frictionless, homogeneous limit",
		Source: `Korinek & Suh (2024), "Scenarios for the Transition to AGI", eq. 4 and its region-2 branch (w = R = A, Y = A(K+L))`,
		Rule:   "|relative error| <= 0.5%",
		vary:   map[string]string{"ai-agents": "round(K/L·workers/p)", "sigma": "σ", "ai-productivity": "p", "automation": "Φ"},
		note:   fmt.Sprintf(", σ, Φ, K/L and p at each of the %d points below", len(TaskModelPoints)),
	}
	for _, p := range TaskModelPoints {
		c.Runs = append(c.Runs, Limit(p, o.Workers, o.Firms))
	}
	c.judge = func(runs []sim.Config, res []sim.Result) []Outcome {
		var out []Outcome
		for i, p := range TaskModelPoints {
			m := Model(runs[i])
			region := " (region 1)"
			if !m.Region1() {
				region = " (region 2)"
			}
			out = append(out, tag(limitQuantities(m, res[i].Final(), p.String()+region, Tolerance), runs[i], 1)...)
		}
		return out
	}
	return c
}

// CobbDouglasPoints are the σ = 1 points in region 1.
var CobbDouglasPoints = []TaskPoint{
	{Sigma: 1, Phi: 0.2, KL: 0.5},
	{Sigma: 1, Phi: 0.5, KL: 1.5},
	{Sigma: 1, Phi: 0.8, KL: 5},
}

// cobbDouglasCheck checks labor share = 1 − Φ at σ = 1.
func cobbDouglasCheck(o Options) Check {
	c := Check{
		Name:   "ar-cobb-douglas",
		Title:  "Acemoglu & Restrepo: at σ = 1 the labor share is the share of tasks labor performs",
		Source: "Acemoglu & Restrepo (2018), the task model with Cobb-Douglas aggregation: labor share = 1 − Φ while AI performs all the tasks it can (region 1)",
		Rule:   "|relative error| <= 0.5%",
		vary:   map[string]string{"ai-agents": "round(K/L·workers)", "automation": "Φ"},
		note:   fmt.Sprintf(", Φ and K/L at each of the %d points below", len(CobbDouglasPoints)),
	}
	for _, p := range CobbDouglasPoints {
		c.Runs = append(c.Runs, Limit(p, o.Workers, o.Firms))
	}
	c.judge = func(runs []sim.Config, res []sim.Result) []Outcome {
		out := make([]Outcome, len(runs))
		for i, p := range CobbDouglasPoints {
			out[i] = compare("labor share = 1 − Φ", p.String(), 1-p.Phi, res[i].Final().LaborShare, Tolerance)
		}
		return tag(out, runs[0], 1)
	}
	return c
}

// calibrationCheck checks the economy with traditional capital as eq. 4's
// K, held fixed at Korinek & Suh's K/L.
func calibrationCheck(o Options) Check {
	c := sim.DefaultConfig()
	c.Frictionless, c.FixedFrontier = true, true
	c.Automation, c.TraditionalShare, c.CapitalPerWorker = 0, 0.608, 4.6
	c.Depreciation, c.CapitalReinvest, c.SkillDispersion, c.TFPDispersion, c.Sectors = 0, 0, 0, 0, 1
	c.Workers, c.Firms, c.Years, c.StepsPerYear = o.Workers, o.Firms, 1, 2
	judge := func(runs []sim.Config, res []sim.Result) []Outcome {
		c := runs[0]
		m := economy.TaskModel{A: c.TFP, Sigma: c.Sigma, Phi: c.TraditionalShare, K: c.CapitalPerWorker * float64(c.Workers), L: float64(c.Workers)}
		params := fmt.Sprintf("σ=%g Φ=%g K/L=%g A=%g", m.Sigma, m.Phi, c.CapitalPerWorker, m.A)
		a := res[0].Final()
		out := []Outcome{
			compare("labor share", params, m.LaborShare(), a.LaborShare, Tolerance),
			compare("wage per efficiency unit", params, m.Wage(), a.WageBill/m.L, Tolerance),
			compare("capital income per unit", params, m.Rent(), a.TradCapitalIncome/m.K, Tolerance),
			compare("GDP per worker", params, m.Output()/m.L, a.GDP/m.L, Tolerance),
		}
		return tag(out, c, 1)
	}
	return Check{
		Name:   "ks-calibration",
		Title:  "Korinek & Suh's calibration with traditional capital as K",
		Source: "Korinek & Suh (2024): σ = 0.5, Φ = 0.608, K/L = 4.6, A = 0.5 give a labor share of 66%; here K is traditional capital (--automation 0)",
		Rule:   "|relative error| <= 0.5%",
		Runs:   []sim.Config{c},
		judge:  judge,
	}
}

// ConvergencePoint is the point of the convergence check, just inside
// region 1 (where whole agents matter most), with counts that divide
// nothing evenly.
var ConvergencePoint = TaskPoint{Sigma: 0.5, Phi: 0.4, KL: 0.7, Productivity: 1.3}

// convergenceFirms is the convergence check's number of firms.
const convergenceFirms = 37

// convergenceSizes are the workers of the convergence check.
var convergenceSizes = []int{1000, 10_000, 100_000}

// convergenceCheck checks ConvergencePoint at 1,000, 10,000 and 100,000
// workers in the same 37 firms: every error within the tolerance and
// smaller than at the previous size.
func convergenceCheck() Check {
	p := ConvergencePoint
	c := Check{
		Name:   "convergence",
		Title:  "The error shrinks as agents are added",
		Source: "Korinek & Suh (2024) eq. 4; whole agents and whole workers per firm are the only source of error in the limit",
		Rule:   "|relative error| <= 0.5% and below the error at the previous size",
		vary:   map[string]string{"workers": "N", "ai-agents": fmt.Sprintf("round(%g·N/%g)", p.KL, p.Productivity)},
		note:   ", N = " + counts(convergenceSizes),
		judge:  judgeConvergence,
	}
	for _, n := range convergenceSizes {
		c.Runs = append(c.Runs, Limit(p, n, convergenceFirms))
	}
	return c
}

// judgeConvergence holds each size's errors within the tolerance and below
// those of the previous size.
func judgeConvergence(runs []sim.Config, res []sim.Result) []Outcome {
	var out []Outcome
	var prev []float64
	for i, c := range runs {
		params := fmt.Sprintf("%s N=%d", ConvergencePoint, c.Workers)
		q := tag(limitQuantities(Model(c), res[i].Final(), params, Tolerance), c, 1)
		for k := range q {
			if prev != nil {
				bound := math.Min(Tolerance, math.Abs(prev[k])) * math.Abs(q[k].Want)
				q[k].Lo, q[k].Hi = q[k].Want-bound, q[k].Want+bound
				q[k].Pass = q[k].Got > q[k].Lo && q[k].Got < q[k].Hi
				q[k].Note = "smaller than at the previous size"
			}
		}
		prev = make([]float64, len(q))
		for k := range q {
			prev[k] = q[k].RelErr
		}
		out = append(out, q...)
	}
	return out
}

// counts writes sizes with thousands separators: "1,000, 10,000, 100,000".
func counts(sizes []int) string {
	parts := make([]string, len(sizes))
	for i, n := range sizes {
		s := strconv.Itoa(n)
		for k := len(s) - 3; k > 0; k -= 3 {
			s = s[:k] + "," + s[k:]
		}
		parts[i] = s
	}
	return strings.Join(parts, ", ")
}

// rangeCheck checks the default scenario without AI progress against the
// US range at every step.
func rangeCheck() Check {
	c := sim.DefaultConfig()
	c.AICostDecline, c.FixedFrontier = 1, true
	return Check{
		Name:   "bls-range",
		Title:  "The calibrated economy without AI progress stays in the US range",
		Source: "BLS nonfarm business labor share 1947–2016, roughly 0.56–0.66 (Korinek & Suh calibrate to 66%)",
		Rule:   "0.56 <= labor share <= 0.66 at every step",
		Runs:   []sim.Config{c},
		note:   fmt.Sprintf(" (the default %s workers, %d firms, %d-%d)", counts([]int{c.Workers}), c.Firms, c.StartYear, c.StartYear+c.Years),
		judge:  judgeRange,
	}
}

// judgeRange holds the lowest and highest labor share of the run to the
// BLS range.
func judgeRange(runs []sim.Config, res []sim.Result) []Outcome {
	c := runs[0]
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, a := range res[0].Series {
		lo, hi = math.Min(lo, a.LaborShare), math.Max(hi, a.LaborShare)
	}
	params := fmt.Sprintf("default scenario, %d-%d", c.StartYear, c.StartYear+c.Years)
	out := []Outcome{
		outcome("lowest labor share", params, 0.61, lo, 0.56, 0.66),
		outcome("highest labor share", params, 0.61, hi, 0.56, 0.66),
	}
	for i := range out {
		out[i].Expect = "0.56–0.66"
		out[i].Note = "BLS range; the error is from its middle"
	}
	return tag(out, c, 1)
}

// ScaleSizes are the workers of the scale check; firms are one per 125
// workers, so that every size has the same number of firms in each of the
// four sectors (the sector of firm f is f mod 4: 10 firms would put 30% of
// the workers in each of the first two sectors and 20% in the others, a
// difference of composition, not of noise), and AI agents one per worker.
var ScaleSizes = []int{1000, 10_000, 100_000}

// scaleConfig is the default scenario at n workers, replicate r.
func scaleConfig(o Options, n, r int) sim.Config {
	c := sim.DefaultConfig()
	c.Workers, c.Firms, c.AIAgents = n, n/125, n
	c.Years = o.ScaleYears
	c.Seed = sim.Seed(o.Seed, r)
	return c
}

// runMean is of(step) averaged over a run's steps.
func runMean(res sim.Result, of func(*economy.Accounts) float64) float64 {
	sum := 0.0
	for i := range res.Series {
		sum += of(&res.Series[i])
	}
	return sum / float64(len(res.Series))
}

// meanLaborShare is the labor share averaged over a run's steps.
func meanLaborShare(res sim.Result) float64 {
	return runMean(res, func(a *economy.Accounts) float64 { return a.LaborShare })
}

// scaleCheck runs the default scenario at every ScaleSize with
// o.Replicates seeds and compares the mean labor share over the run, and
// its spread across seeds, with the largest size.
func scaleCheck(o Options) Check {
	r := o.Replicates
	c := Check{
		Name:   "scale",
		Title:  "Aggregate shares do not depend on the number of agents",
		Source: "DESIGN §5: aggregate shares must not depend on agent count beyond sampling noise that shrinks like 1/√N",
		Rule:   "means within 3 standard errors of N = 100,000; replicate s.d. within a factor 2.5 of the 1/√N line through N = 100,000; log-log slope −0.5 ± 0.25",
		vary:   map[string]string{"workers": "N", "firms": "N/125", "ai-agents": "N", "seed": "S"},
		note:   fmt.Sprintf(", N = %s, S = %d seeds derived from --seed %d", counts(ScaleSizes), r, o.Seed),
	}
	if r < 3 {
		c.err = fmt.Errorf("the scale check needs at least 3 replicates, got %d", r)
		return c
	}
	for _, n := range ScaleSizes {
		for k := range r {
			c.Runs = append(c.Runs, scaleConfig(o, n, k))
		}
	}
	c.judge = func(runs []sim.Config, res []sim.Result) []Outcome { return judgeScale(o, runs, res) }
	return c
}

// judgeScale compares each size's mean labor share and spread across
// seeds with the largest size's.
func judgeScale(o Options, cfgs []sim.Config, res []sim.Result) []Outcome {
	r := o.Replicates
	mean, sd := make([]float64, len(ScaleSizes)), make([]float64, len(ScaleSizes))
	for i := range ScaleSizes {
		x := make([]float64, r)
		for k := range r {
			x[k] = meanLaborShare(res[i*r+k])
		}
		mean[i], sd[i] = meanSD(x)
	}
	last := len(ScaleSizes) - 1
	nRef := float64(ScaleSizes[last])
	years := fmt.Sprintf("%d–%d", cfgs[0].StartYear, cfgs[0].StartYear+o.ScaleYears)
	var out []Outcome
	for i, n := range ScaleSizes[:last] {
		se := math.Sqrt((sd[i]*sd[i] + sd[last]*sd[last]) / float64(r))
		q := outcome("mean labor share "+years, fmt.Sprintf("N=%d, %d seeds", n, r), mean[last], mean[i], mean[last]-3*se, mean[last]+3*se)
		q.Expect = fmt.Sprintf("%.5f at N=%d", mean[last], ScaleSizes[last])
		q.Note = "within 3 standard errors of the largest size"
		out = append(out, tag([]Outcome{q}, cfgs[i*r], r)...)
	}
	for i, n := range ScaleSizes[:last] {
		want := sd[last] * math.Sqrt(nRef/float64(n))
		q := outcome("s.d. across seeds", fmt.Sprintf("N=%d, %d seeds", n, r), want, sd[i], want/2.5, want*2.5)
		q.Expect = fmt.Sprintf("%.5f: 1/√N from %.5f at N=%d", want, sd[last], ScaleSizes[last])
		q.Note = "within a factor 2.5 of the 1/√N line through the largest size"
		out = append(out, tag([]Outcome{q}, cfgs[i*r], r)...)
	}
	slope := logSlope(ScaleSizes, sd)
	q := outcome("slope of log s.d. on log N", fmt.Sprintf("N=%d..%d", ScaleSizes[0], ScaleSizes[last]), -0.5, slope, -0.75, -0.25)
	q.Note = "−0.5 ± 0.25"
	out = append(out, tag([]Outcome{q}, cfgs[0], len(cfgs))...)
	return out
}

// tag records the runs of configuration c behind outcomes.
func tag(out []Outcome, c sim.Config, runs int) []Outcome {
	for i := range out {
		out[i].Runs, out[i].Workers, out[i].Steps = runs, c.Workers, c.Steps()
	}
	return out
}

// meanSD is the sample mean and standard deviation (n − 1) of x.
func meanSD(x []float64) (mean, sd float64) {
	for _, v := range x {
		mean += v
	}
	mean /= float64(len(x))
	for _, v := range x {
		sd += (v - mean) * (v - mean)
	}
	return mean, math.Sqrt(sd / float64(len(x)-1))
}

// logSlope is the least-squares slope of log y on log n.
func logSlope(n []int, y []float64) float64 {
	lx, ly := make([]float64, len(n)), make([]float64, len(n))
	for i := range n {
		lx[i], ly[i] = math.Log(float64(n[i])), math.Log(y[i])
	}
	return slope(lx, ly)
}
