package chart

import (
	"errors"
	"fmt"
	"math"
	"strings"

	"github.com/laborsim/laborsim/experiments"
	"github.com/laborsim/laborsim/sim"
)

// Sensitivity is the chart of a sensitivity analysis of the scenario base,
// one panel per metric: each parameter's μ* (Morris) or its first-order
// and total indices (Sobol) as bars with their 95% bootstrap intervals,
// the parameters ranked as the analysis ranks them (Sensitivity.Rank),
// most important at the top.
func Sensitivity(ss []experiments.Sensitivity, base sim.Config) (Figure, error) {
	if len(ss) == 0 {
		return Figure{}, errors.New("no metrics")
	}
	var panels []Panel
	labels := make([]string, len(ss))
	for i, s := range ss {
		labels[i] = metricOf(s.Metric).label
		panels = append(panels, sensitivityPanel(s))
	}
	s := ss[0]
	title := "What moves the final " + strings.Join(labels, " and ")
	if s.Method == experiments.MethodSobol {
		title += ": Sobol indices, first order and total"
	} else {
		title += ": Morris's μ*, the mean absolute elementary effect"
	}
	what := []string{fmt.Sprintf("%s, %s, %d runs", s.Design(), plural(s.Replicates, "replicate"), s.Runs),
		fmt.Sprintf("bars: %g%% bootstrap intervals", 100*experiments.Level)}
	if s.Method == experiments.MethodMorris {
		what = append(what, "effects per whole range of each parameter (log ranges in log space)")
	}
	if !math.IsNaN(s.Floor) {
		what = append(what, fmt.Sprintf("replicate noise alone gives about %.3g", s.Floor))
	}
	skip := append([]string{"seed"}, rangeNames(s.Ranges)...)
	sub := strings.Join(append(what, describe(base, skip...)...), " · ")
	return Figure{Name: "sensitivity", Title: title, Subtitle: sub, Panels: panels}, nil
}

// sensitivityPanel is one metric's bars, ranked.
func sensitivityPanel(s experiments.Sensitivity) Panel {
	m := metricOf(s.Metric)
	p := Panel{XLabel: "parameter, most influential first"}
	var lines []Line
	if s.Method == experiments.MethodSobol {
		p.YLabel = "share of the variance of " + m.label
		lines = []Line{{Name: "S1, first order", Kind: Bars, Interval: true}, {Name: "ST, total", Kind: Bars, Interval: true}}
	} else {
		p.YLabel = "μ*, change in " + m.axis() + " per whole range"
		lines = []Line{{Name: "μ*", Kind: Bars, Interval: true}}
	}
	for k, i := range s.Rank() {
		r := s.Ranges[i] // its column's name, as in the results file
		p.Categories = append(p.Categories, experiments.ParamColumn(r.Name)+strings.TrimPrefix(r.String(), r.Name))
		if s.Method == experiments.MethodSobol {
			x := s.Sobol[i]
			lines[0].Points = append(lines[0].Points, Point{X: float64(k), Y: x.S1, Lo: x.S1Lo, Hi: x.S1Hi})
			lines[1].Points = append(lines[1].Points, Point{X: float64(k), Y: x.ST, Lo: x.STLo, Hi: x.STHi})
			continue
		}
		x := s.Morris[i]
		lines[0].Points = append(lines[0].Points, Point{X: float64(k), Y: x.MuStar, Lo: x.MuStarLo, Hi: x.MuStarHi})
	}
	p.Lines = lines
	return p
}

func rangeNames(rs []experiments.Range) []string {
	names := make([]string, len(rs))
	for i, r := range rs {
		names[i] = r.Name
	}
	return names
}

// plural is "1 replicate" or "n replicates".
func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}
