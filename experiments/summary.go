package experiments

import (
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/gonum/stat"
	"gonum.org/v1/gonum/stat/distuv"
)

// SummaryMetrics are the results-file columns a summary reports.
var SummaryMetrics = []string{
	"labor_share", "capital_share", "ai_share", "unemployment_rate",
	"median_wage", "wage_gini", "ai_task_share", "wall_seconds",
}

// Level is the coverage of every interval laborsim reports.
const Level = 0.95

// Estimate is the mean of a metric across replicates and the half-width
// of its 95% confidence interval (Student's t); the half-width is NaN with
// fewer than two replicates.
type Estimate struct{ Mean, HalfWidth float64 }

// Interval estimates the mean of x with a Level (95%) interval: the mean
// ± t(1−(1−Level)/2, n−1)·s/√n.
func Interval(x []float64) Estimate {
	n := len(x)
	switch n {
	case 0:
		return Estimate{math.NaN(), math.NaN()}
	case 1:
		return Estimate{x[0], math.NaN()}
	}
	mean, sd := stat.MeanStdDev(x, nil)
	t := distuv.StudentsT{Mu: 0, Sigma: 1, Nu: float64(n - 1)}.Quantile(1 - (1-Level)/2)
	return Estimate{mean, t * sd / math.Sqrt(float64(n))}
}

// PointSummary is one grid point's estimates, SummaryMetrics in order.
type PointSummary struct {
	Point     int
	Vary      []Assignment
	Runs      int
	Estimates []Estimate
}

// Summary is a table of points: the varied parameters' values and the
// estimates of SummaryMetrics. Warnings say what makes it less than it
// should be (too few replicates, points with runs missing).
type Summary struct {
	Names    []string
	Metrics  []string
	Points   []PointSummary
	Warnings []error
}

// IsMetric reports whether name is a column of the results file that a
// summary can report: an economy.Columns name or wall_seconds.
func IsMetric(name string) bool {
	_, ok := Metric(name)
	return ok
}

// Summarize groups records by point and estimates each metric (nil:
// SummaryMetrics), in grid order whatever the order of recs. names are
// the varied parameters shown for each point. replicates is the number of
// runs each point should have (0: do not check).
func Summarize(recs []Record, names, metrics []string, replicates int) Summary {
	sorted := slices.Clone(recs)
	sortRecords(sorted)
	if metrics == nil {
		metrics = SummaryMetrics
	}
	s := Summary{Names: names, Metrics: metrics}
	for lo := 0; lo < len(sorted); {
		hi := lo
		for hi < len(sorted) && sorted[hi].Point == sorted[lo].Point {
			hi++
		}
		s.Points = append(s.Points, summarizePoint(sorted[lo:hi], names, s.Metrics))
		lo = hi
	}
	s.Warnings = s.check(replicates)
	return s
}

func summarizePoint(recs []Record, names, metrics []string) PointSummary {
	ps := PointSummary{Point: recs[0].Point, Runs: len(recs)}
	for _, name := range names {
		ps.Vary = append(ps.Vary, Assignment{name, ParamValue(recs[0].Config, name)})
	}
	x := make([]float64, len(recs))
	for _, m := range metrics {
		for i, rec := range recs {
			x[i], _ = rec.Metric(m)
		}
		ps.Estimates = append(ps.Estimates, Interval(x))
	}
	return ps
}

// check warns of points with too few runs for an interval, or with fewer
// runs than replicates.
func (s Summary) check(replicates int) []error {
	var warn []error
	short, fewest := 0, math.MaxInt
	for _, p := range s.Points {
		fewest = min(fewest, p.Runs)
		if replicates > 0 && p.Runs < replicates {
			short++
		}
	}
	switch {
	case len(s.Points) == 0:
		warn = append(warn, fmt.Errorf("no runs to summarise"))
	case fewest < 2:
		warn = append(warn, fmt.Errorf("some points have a single replicate, so no 95%% interval: use --replicates 2 or more (3 or more for a useful interval)"))
	}
	if short > 0 {
		warn = append(warn, fmt.Errorf("%d of %d points have fewer than %d runs: the sweep is unfinished or a shard is missing", short, len(s.Points), replicates))
	}
	return warn
}

// VariedParams are the parameters, other than the seed, whose values differ
// between records, in ParamNames order: the columns that tell a results
// file's points apart.
func VariedParams(recs []Record) []string {
	var names []string
	for _, p := range params {
		if p.Flag == "seed" || len(recs) == 0 {
			continue
		}
		first := ParamValue(recs[0].Config, p.Flag)
		for _, rec := range recs[1:] {
			if ParamValue(rec.Config, p.Flag) != first {
				names = append(names, p.Flag)
				break
			}
		}
	}
	return names
}
