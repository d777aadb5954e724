package chart

import (
	"fmt"
	"math"
	"slices"
	"strings"

	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"
)

// A SweepSpec says what a sweep chart plots.
type SweepSpec struct {
	X    string   // the swept parameter on the x axis
	Y    []string // the metrics on the y axis, all in one unit
	By   string   // a second swept parameter, one line per value; "" for none
	Band bool     // draw the intervals as a band rather than error bars
}

// Level is the coverage of a sweep chart's intervals.
const Level = 0.95

// Sweep is the chart of spec: at each grid point, the mean of each metric
// over the point's replicates and the confidence interval of the mean,
// mean ± t(1−(1−Level)/2, n−1)·s/√n. An axis is logarithmic when its values
// are all positive and span more than two decades. Warnings that do not
// stop the chart (a point with a single replicate has no interval) are
// returned beside it.
func Sweep(r *Results, spec SweepSpec) (Figure, []error, error) {
	if err := r.check(spec); err != nil {
		return Figure{}, nil, err
	}
	groups, err := r.groups(spec)
	if err != nil {
		return Figure{}, nil, err
	}
	var warnings []error
	var lines []Line
	for _, m := range spec.Y {
		for _, by := range byValues(groups) {
			l := Line{Name: lineName(spec, m, by), Kind: LinesMarks, Interval: true}
			for _, g := range groups {
				if g.by != by {
					continue
				}
				pt, err := r.estimate(g, m)
				if err != nil {
					return Figure{}, nil, err
				}
				l.Points = append(l.Points, pt)
			}
			lines = append(lines, l)
		}
	}
	if n := singles(groups); n > 0 {
		warnings = append(warnings, fmt.Errorf("%d of %d points have a single replicate: they are drawn without an interval", n, len(groups)))
	}
	sub, err := r.subtitle(spec, groups)
	if err != nil {
		return Figure{}, nil, err
	}
	p := Panel{XLabel: paramAxis(spec.X), YLabel: yLabel(spec.Y), Band: spec.Band, Lines: lines}
	p.LogX, p.LogY = decades(lines, false), decades(lines, true) && !bounded(spec.Y)
	return Figure{Name: "sweep", Title: sweepTitle(spec), Subtitle: sub, Panels: []Panel{p}}, warnings, nil
}

// check refuses a spec whose columns the file does not have.
func (r *Results) check(spec SweepSpec) error {
	if !r.IsParameter(spec.X) {
		return fmt.Errorf("x %q is not a parameter column", spec.X)
	}
	if spec.By != "" && (!r.IsParameter(spec.By) || spec.By == spec.X) {
		return fmt.Errorf("by %q is not a parameter column other than x", spec.By)
	}
	if len(spec.Y) == 0 {
		return fmt.Errorf("no metric for y")
	}
	for _, m := range spec.Y {
		if !r.IsMetric(m) {
			return fmt.Errorf("y %q is not a metric column", m)
		}
	}
	return SameUnit(spec.Y)
}

// SameUnit refuses metrics that are not all in one unit, which one y axis
// cannot show.
func SameUnit(names []string) error {
	for _, m := range names[1:] {
		if u, v := metricOf(names[0]).unit, metricOf(m).unit; u != v {
			return fmt.Errorf("%s is in %s but %s in %s: plot them separately", names[0], orNone(u), m, orNone(v))
		}
	}
	return nil
}

func orNone(unit string) string {
	if unit == "" {
		return "no known unit"
	}
	return unit
}

// A group is one grid point: its rows, its x and its by value.
type group struct {
	point string
	rows  []int
	x, by float64
}

// groups gathers the rows by point, sorted by by and x, and refuses points
// whose replicates differ in x or by, and two points at the same x and by
// (a third parameter varies).
func (r *Results) groups(spec SweepSpec) ([]group, error) {
	var groups []group
	at := map[string]int{}
	pk := r.index["point"]
	for i, row := range r.rows {
		k, ok := at[row[pk]]
		if !ok {
			k = len(groups)
			at[row[pk]] = k
			groups = append(groups, group{point: row[pk]})
		}
		groups[k].rows = append(groups[k].rows, i)
	}
	seen := map[[2]float64]int{}
	for k := range groups {
		g := &groups[k]
		var err error
		if g.x, err = r.constant(g, spec.X); err != nil {
			return nil, err
		}
		if spec.By != "" {
			if g.by, err = r.constant(g, spec.By); err != nil {
				return nil, err
			}
		}
		if j, ok := seen[[2]float64{g.by, g.x}]; ok {
			return nil, r.clash(groups[j], *g, spec)
		}
		seen[[2]float64{g.by, g.x}] = k
	}
	slices.SortStableFunc(groups, func(a, b group) int {
		if c := cmpFloat(a.by, b.by); c != 0 {
			return c
		}
		return cmpFloat(a.x, b.x)
	})
	return groups, nil
}

func cmpFloat(a, b float64) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}

// constant is the value of column name, the same in every row of g.
func (r *Results) constant(g *group, name string) (float64, error) {
	var v float64
	for n, i := range g.rows {
		x, err := r.float(i, name)
		if err != nil {
			return 0, err
		}
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return 0, fmt.Errorf("line %d, column %s: %v cannot be plotted", i+2, name, x)
		}
		if n > 0 && x != v {
			return 0, fmt.Errorf("%s differs between the replicates of point %s (%g at line %d, %g at line %d): it is not a swept parameter",
				name, g.point, v, g.rows[0]+2, x, i+2)
		}
		v = x
	}
	return v, nil
}

// clash explains two points at the same x and by.
func (r *Results) clash(a, b group, spec SweepSpec) error {
	at := spec.X + " = " + num(a.x)
	if spec.By != "" {
		at += " and " + spec.By + " = " + num(a.by)
	}
	name := r.differ(a.rows[0], b.rows[0], spec.X, spec.By)
	if name == "" {
		return fmt.Errorf("points %s and %s have the same parameters", a.point, b.point)
	}
	if spec.By == "" {
		return fmt.Errorf("points %s and %s both have %s but differ in %s: draw one line per value with --by %s", a.point, b.point, at, name, name)
	}
	return fmt.Errorf("points %s and %s both have %s but differ in %s too: a chart shows two swept parameters at most", a.point, b.point, at, name)
}

// estimate is the mean of metric m over g's replicates and its interval.
func (r *Results) estimate(g group, m string) (Point, error) {
	v := make([]float64, len(g.rows))
	for k, i := range g.rows {
		var err error
		if v[k], err = r.float(i, m); err != nil {
			return Point{}, err
		}
		if math.IsNaN(v[k]) || math.IsInf(v[k], 0) {
			return Point{}, fmt.Errorf("line %d, column %s: %v cannot be plotted", i+2, m, v[k])
		}
	}
	lo, mean, hi := interval(v)
	return Point{X: g.x, Y: mean, Lo: lo, Hi: hi}, nil
}

// interval is the mean of v and its t confidence interval at Level. With
// one value the interval is the value itself.
func interval(v []float64) (lo, mean, hi float64) {
	n := len(v)
	if n < 2 {
		return v[0], v[0], v[0]
	}
	mean, sd := stat.MeanStdDev(v, nil)
	t := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(n - 1)}.Quantile(1 - (1-Level)/2)
	half := t * sd / math.Sqrt(float64(n))
	return mean - half, mean, mean + half
}

func singles(groups []group) int {
	var n int
	for _, g := range groups {
		if len(g.rows) == 1 {
			n++
		}
	}
	return n
}

// byValues are the distinct by values of the (sorted) groups.
func byValues(groups []group) []float64 {
	var vs []float64
	for _, g := range groups {
		if len(vs) == 0 || vs[len(vs)-1] != g.by {
			vs = append(vs, g.by)
		}
	}
	return vs
}

func lineName(spec SweepSpec, m string, by float64) string {
	if spec.By == "" {
		return metricOf(m).label
	}
	name := spec.By + " = " + paramValue(spec.By, by)
	if len(spec.Y) > 1 {
		name = metricOf(m).label + ", " + name
	}
	return name
}

// paramValue writes a parameter's value as its flag takes it.
func paramValue(name string, v float64) string {
	if isBool(name) {
		return fmt.Sprint(v != 0)
	}
	if math.Abs(v) >= 1e4 && v == math.Trunc(v) {
		return thousands(int(v))
	}
	return num(v)
}

func yLabel(metrics []string) string {
	if len(metrics) == 1 {
		return metricOf(metrics[0]).axis()
	}
	labels := make([]string, len(metrics))
	for i, m := range metrics {
		labels[i] = metricOf(m).label
	}
	m := metric{label: strings.Join(labels, ", "), unit: metricOf(metrics[0]).unit}
	if len(m.label) > 40 && m.unit != "" {
		return m.unit
	}
	return m.axis()
}

func sweepTitle(spec SweepSpec) string {
	labels := make([]string, len(spec.Y))
	for i, m := range spec.Y {
		labels[i] = metricOf(m).label
	}
	t := "Final " + strings.Join(labels, " and ") + " against " + paramLabel(spec.X)
	if spec.By != "" {
		t += ", one line per " + paramLabel(spec.By)
	}
	return t
}

// subtitle states the interval, the replicates, and the parameters common
// to every run.
func (r *Results) subtitle(spec SweepSpec, groups []group) (string, error) {
	lo, hi := len(groups[0].rows), len(groups[0].rows)
	for _, g := range groups {
		lo, hi = min(lo, len(g.rows)), max(hi, len(g.rows))
	}
	reps := fmt.Sprint(lo)
	if hi != lo {
		reps = fmt.Sprintf("%d–%d", lo, hi)
	}
	what := fmt.Sprintf("mean and %g%% interval over %s replicates", 100*Level, reps)
	if hi == 1 {
		what = "one run a point, no interval"
	}
	cfg, err := r.config(0)
	if err != nil {
		return "", err
	}
	skip := append([]string{"seed", spec.X, spec.By}, r.Swept()...)
	return strings.Join(append([]string{what}, describe(cfg, skip...)...), " · "), nil
}

// bounded reports whether any of the metrics is a share, a rate or a Gini
// coefficient, which read best on a linear axis from 0 to 1.
func bounded(metrics []string) bool {
	for _, m := range metrics {
		switch metricOf(m).unit {
		case gdpShare, rate, gini, taskShare, tasksShare:
			return true
		}
	}
	return false
}

// decades reports whether the x (or y) values of lines, intervals
// included, are all positive and span more than two decades.
func decades(lines []Line, y bool) bool {
	lo, hi := math.Inf(1), math.Inf(-1)
	for _, l := range lines {
		for _, p := range l.Points {
			a, b := p.X, p.X
			if y {
				a, b = min(p.Y, p.Lo), max(p.Y, p.Hi)
			}
			lo, hi = min(lo, a), max(hi, b)
		}
	}
	return lo > 0 && hi/lo > 100
}
