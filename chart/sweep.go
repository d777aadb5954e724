package chart

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"

	"github.com/laborsim/laborsim/experiments"
)

// A SweepSpec says what a sweep chart plots.
type SweepSpec struct {
	X    string   // the swept parameter on the x axis
	Y    []string // the metrics on the y axis, all in one unit
	By   string   // a second swept parameter, one line per value; "" for none
	Band bool     // draw the intervals as a band rather than error bars
}

// Sweep is the chart of spec drawn from the records of a results file
// (experiments.ReadResults): at each grid point, the mean of each metric
// over the point's replicates and its experiments.Interval. An axis is
// logarithmic when its values are all positive and span more than two
// decades. Warnings that do not stop the chart (a point with a single
// replicate has no interval) are returned beside it.
func Sweep(recs []experiments.Record, spec SweepSpec) (Figure, []error, error) {
	if err := check(recs, spec); err != nil {
		return Figure{}, nil, err
	}
	groups, err := groupPoints(recs, spec)
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
				pt, err := estimate(g, m)
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
	sub := subtitle(recs, spec, groups)
	p := Panel{XLabel: paramAxis(spec.X), YLabel: yLabel(spec.Y), Band: spec.Band, Lines: lines}
	p.LogX, p.LogY = decades(lines, false), decades(lines, true) && !bounded(spec.Y)
	return Figure{Name: "sweep", Title: sweepTitle(spec), Subtitle: sub, Panels: []Panel{p}}, warnings, nil
}

// check refuses a spec whose columns a results file does not have.
func check(recs []experiments.Record, spec SweepSpec) error {
	if len(recs) == 0 {
		return errors.New("no runs in the file")
	}
	if !experiments.IsParam(spec.X) {
		return fmt.Errorf("x %q is not a parameter column", spec.X)
	}
	if spec.By != "" && (!experiments.IsParam(spec.By) || spec.By == spec.X) {
		return fmt.Errorf("by %q is not a parameter column other than x", spec.By)
	}
	if len(spec.Y) == 0 {
		return fmt.Errorf("no metric for y")
	}
	for _, m := range spec.Y {
		if !experiments.IsMetric(m) {
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

// A group is one grid point: its runs, its x and its by value.
type group struct {
	point int
	recs  []experiments.Record
	x, by float64
}

// groupPoints gathers the records by point, sorted by by and x, and
// refuses points whose replicates differ in x or by, and two points at the
// same x and by (a third parameter varies).
func groupPoints(recs []experiments.Record, spec SweepSpec) ([]group, error) {
	var groups []group
	at := map[int]int{}
	for _, rec := range recs {
		k, ok := at[rec.Point]
		if !ok {
			k = len(groups)
			at[rec.Point] = k
			groups = append(groups, group{point: rec.Point})
		}
		groups[k].recs = append(groups[k].recs, rec)
	}
	seen := map[[2]float64]int{}
	for k := range groups {
		g := &groups[k]
		var err error
		if g.x, err = g.constant(spec.X); err != nil {
			return nil, err
		}
		if spec.By != "" {
			if g.by, err = g.constant(spec.By); err != nil {
				return nil, err
			}
		}
		if j, ok := seen[[2]float64{g.by, g.x}]; ok {
			return nil, clash(groups[j], *g, spec)
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

// constant is the value of parameter name, the same in every run of g.
func (g *group) constant(name string) (float64, error) {
	var v float64
	for n, rec := range g.recs {
		x, _ := rec.Param(name)
		if math.IsNaN(x) || math.IsInf(x, 0) {
			return 0, fmt.Errorf("point %d replicate %d: %s = %v cannot be plotted", rec.Point, rec.Replicate, name, x)
		}
		if n > 0 && x != v {
			return 0, fmt.Errorf("%s differs between the replicates of point %d (%g in replicate %d, %g in replicate %d): it is not a swept parameter",
				name, g.point, v, g.recs[0].Replicate, x, rec.Replicate)
		}
		v = x
	}
	return v, nil
}

// clash explains two points at the same x and by.
func clash(a, b group, spec SweepSpec) error {
	at := spec.X + " = " + num(a.x)
	if spec.By != "" {
		at += " and " + spec.By + " = " + num(a.by)
	}
	name := differ(a.recs[0], b.recs[0], spec.X, spec.By)
	if name == "" {
		return fmt.Errorf("points %d and %d have the same parameters", a.point, b.point)
	}
	if spec.By == "" {
		return fmt.Errorf("points %d and %d both have %s but differ in %s: draw one line per value with --by %s", a.point, b.point, at, name, name)
	}
	return fmt.Errorf("points %d and %d both have %s but differ in %s too: a chart shows two swept parameters at most", a.point, b.point, at, name)
}

// differ is the first parameter other than the seed and those in skip
// whose values in a and b differ, or "".
func differ(a, b experiments.Record, skip ...string) string {
	for _, name := range experiments.ParamNames() {
		if name == "seed" || slices.Contains(skip, name) {
			continue
		}
		if experiments.ParamValue(a.Config, name) != experiments.ParamValue(b.Config, name) {
			return name
		}
	}
	return ""
}

// estimate is the mean of metric m over g's replicates and its
// experiments.Interval. With one replicate the interval is the value
// itself.
func estimate(g group, m string) (Point, error) {
	v := make([]float64, len(g.recs))
	for k, rec := range g.recs {
		v[k], _ = rec.Metric(m)
		if math.IsNaN(v[k]) || math.IsInf(v[k], 0) {
			return Point{}, fmt.Errorf("point %d replicate %d: %s = %v cannot be plotted", rec.Point, rec.Replicate, m, v[k])
		}
	}
	e := experiments.Interval(v)
	half := e.HalfWidth
	if len(v) < 2 {
		half = 0
	}
	return Point{X: g.x, Y: e.Mean, Lo: e.Mean - half, Hi: e.Mean + half}, nil
}

func singles(groups []group) int {
	var n int
	for _, g := range groups {
		if len(g.recs) == 1 {
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
	if experiments.IsSwitch(name) {
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
func subtitle(recs []experiments.Record, spec SweepSpec, groups []group) string {
	lo, hi := len(groups[0].recs), len(groups[0].recs)
	for _, g := range groups {
		lo, hi = min(lo, len(g.recs)), max(hi, len(g.recs))
	}
	reps := fmt.Sprint(lo)
	if hi != lo {
		reps = fmt.Sprintf("%d–%d", lo, hi)
	}
	what := fmt.Sprintf("mean and %g%% interval over %s replicates", 100*experiments.Level, reps)
	if hi == 1 {
		what = "one run a point, no interval"
	}
	skip := append([]string{"seed", spec.X, spec.By}, experiments.VariedParams(recs)...)
	return strings.Join(append([]string{what}, describe(recs[0].Config, skip...)...), " · ")
}

// bounded reports whether any of the metrics is a share, a rate or a Gini
// coefficient, which read best on a linear axis from 0 to 1.
func bounded(metrics []string) bool {
	for _, m := range metrics {
		for _, like := range []string{"labor_share", "unemployment_rate", "wage_gini", "ai_task_share", "ai_frontier"} {
			if metricOf(m).unit == metricOf(like).unit {
				return true
			}
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
