package main

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"

	"github.com/laborsim/laborsim/experiments"
)

// metricHead is a metric's heading, its label (experiments.Metric), and
// the decimals it shows: two for the wall time, three for the rest.
func metricHead(m string) heading {
	c, ok := experiments.Metric(m)
	if !ok {
		return heading{m, 3}
	}
	if m == "wall_seconds" {
		return heading{c.Label, 2}
	}
	return heading{c.Label, 3}
}

type heading struct {
	head     string
	decimals int
}

// metricsUsage is the help of --metrics.
var metricsUsage = "metrics to summarise, columns of the results file (default: " + strings.Join(experiments.SummaryMetrics, ", ") + ")"

// checkMetrics checks --metrics: nil means the default set.
func checkMetrics(metrics []string) error {
	for _, m := range metrics {
		if !experiments.IsMetric(m) {
			return usagef("invalid --metrics %s: not a column of the results file (e.g. labor_share, income_gini, wealth_gini, gdp, wall_seconds)", m)
		}
	}
	return nil
}

// printSummary prints a summary's warnings on stderr and the summary on
// stdout.
func printSummary(stdout, stderr io.Writer, format string, s experiments.Summary) error {
	for _, w := range s.Warnings {
		fmt.Fprintf(stderr, "laborsim: warning: %v\n", w)
	}
	switch format {
	case "json":
		return writeSummaryJSON(stdout, s)
	case "csv":
		return writeSummaryCSV(stdout, s)
	}
	return writeSummaryTable(stdout, s)
}

// writeSummaryTable prints one row per point: its varied values (or its
// index, when nothing varies), its runs, and mean ± 95% interval of each
// metric.
func writeSummaryTable(w io.Writer, s experiments.Summary) error {
	// Headings are upper-cased here as in the run table, but not
	// auto-formatted, which would turn "ai_agents" into "AI AGENTS": a
	// parameter's heading is its column, as in every file.
	var b bytes.Buffer // written at once: tablewriter drops its writer's errors
	t := tablewriter.NewTable(&b, tablewriter.WithConfig(
		tablewriter.NewConfigBuilder().WithHeaderAutoFormat(tw.Off).Build()))
	var head []any
	if len(s.Names) == 0 {
		head = append(head, "POINT")
	}
	for _, n := range s.Names {
		head = append(head, strings.ToUpper(experiments.ParamColumn(n)))
	}
	head = append(head, "RUNS")
	for _, m := range s.Metrics {
		head = append(head, strings.ToUpper(metricHead(m).head))
	}
	t.Header(head...)
	for _, p := range s.Points {
		var row []string
		if len(s.Names) == 0 {
			row = append(row, strconv.Itoa(p.Point))
		}
		for _, a := range p.Vary {
			row = append(row, a.Value)
		}
		row = append(row, strconv.Itoa(p.Runs))
		for i, m := range s.Metrics {
			row = append(row, formatEstimate(p.Estimates[i], metricHead(m).decimals))
		}
		if err := t.Append(row); err != nil {
			return err
		}
	}
	if err := t.Render(); err != nil {
		return err
	}
	_, err := w.Write(b.Bytes())
	return err
}

// formatEstimate writes "mean ± half-width", or the mean alone when there
// is no interval.
func formatEstimate(e experiments.Estimate, decimals int) string {
	if math.IsNaN(e.HalfWidth) {
		return strconv.FormatFloat(e.Mean, 'f', decimals, 64)
	}
	return fmt.Sprintf("%.*f ± %.*f", decimals, e.Mean, decimals, e.HalfWidth)
}

// writeSummaryCSV writes point, the varied parameters, runs, and for each
// metric NAME_mean and NAME_ci95 (the interval's half-width; empty with a
// single run).
func writeSummaryCSV(w io.Writer, s experiments.Summary) error {
	var b bytes.Buffer
	head := []string{"point"}
	for _, n := range s.Names {
		head = append(head, experiments.ParamColumn(n))
	}
	head = append(head, "runs")
	for _, m := range s.Metrics {
		head = append(head, m+"_mean", m+"_ci95")
	}
	b.WriteString(strings.Join(head, ",") + "\n")
	for _, p := range s.Points {
		row := []string{strconv.Itoa(p.Point)}
		for _, a := range p.Vary {
			row = append(row, a.Value)
		}
		row = append(row, strconv.Itoa(p.Runs))
		for _, e := range p.Estimates {
			row = append(row, csvNumber(e.Mean), csvNumber(e.HalfWidth))
		}
		b.WriteString(strings.Join(row, ",") + "\n")
	}
	_, err := w.Write(b.Bytes())
	return err
}

func csvNumber(v float64) string {
	if math.IsNaN(v) {
		return ""
	}
	return formatNumber(v)
}

// jsonValue is a parameter's value in JSON: a number or true/false as it
// is written, a string (--ai-fleet's) quoted.
func jsonValue(a experiments.Assignment) string {
	if _, err := strconv.ParseFloat(a.Value, 64); err == nil || a.Value == "true" || a.Value == "false" {
		return a.Value
	}
	return strconv.Quote(a.Value)
}

func jsonNumber(v float64) string {
	if math.IsNaN(v) || math.IsInf(v, 0) {
		return "null"
	}
	return formatNumber(v)
}

// writeSummaryJSON writes {"varied": [...], "points": [{"point", "params",
// "runs", "metrics": {NAME: {"mean", "ci95"}}}], "warnings": [...]}.
func writeSummaryJSON(w io.Writer, s experiments.Summary) error {
	var b bytes.Buffer
	b.WriteString(`{"varied":[`)
	for i, n := range s.Names {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "%q", experiments.ParamColumn(n))
	}
	b.WriteString(`],"points":[`)
	for i, p := range s.Points {
		if i > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(&b, `{"point":%d,"params":{`, p.Point)
		for k, a := range p.Vary {
			if k > 0 {
				b.WriteByte(',')
			}
			fmt.Fprintf(&b, "%q:%s", experiments.ParamColumn(a.Name), jsonValue(a)) // numbers, true/false or strings
		}
		fmt.Fprintf(&b, `},"runs":%d,"metrics":{`, p.Runs)
		for k, m := range s.Metrics {
			if k > 0 {
				b.WriteByte(',')
			}
			e := p.Estimates[k]
			fmt.Fprintf(&b, `%q:{"mean":%s,"ci95":%s}`, m, jsonNumber(e.Mean), jsonNumber(e.HalfWidth))
		}
		b.WriteString("}}")
	}
	b.WriteString(`],"warnings":[`)
	for i, warn := range s.Warnings {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, "%q", warn.Error())
	}
	b.WriteString("]}\n")
	_, err := w.Write(b.Bytes())
	return err
}
