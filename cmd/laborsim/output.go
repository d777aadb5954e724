package main

import (
	"bytes"
	"fmt"
	"io"

	"github.com/olekukonko/tablewriter"

	"github.com/laborsim/laborsim/economy"
	"github.com/laborsim/laborsim/experiments"
	"github.com/laborsim/laborsim/sim"
)

// formatNumber writes v as every output file does (experiments.FormatNumber).
func formatNumber(v float64) string { return experiments.FormatNumber(v) }

// tableColumns are the figures of the run table, columns of
// economy.Columns (whose labels head them), and their formats.
var tableColumns = []struct{ name, format string }{
	{"year", "%.2f"},
	{"gdp", "%.0f"},
	{"labor_share", "%.3f"},
	{"capital_share", "%.3f"},
	{"ai_share", "%.3f"},
	{"unemployment_rate", "%.3f"},
	{"vacancy_rate", "%.3f"},
	{"median_wage", "%.3f"},
	{"wage_gini", "%.3f"},
	{"ai_agents_deployed", "%.0f"},
	{"ai_task_share", "%.3f"},
	{"ai_price", "%.3g"},
	{"ai_frontier", "%.3f"},
}

// writeTable prints the key figures at the first step, at each year's end
// and at the end. The table is rendered into memory and written at once:
// tablewriter drops its writer's errors.
func writeTable(w io.Writer, res sim.Result) error {
	var b bytes.Buffer
	t := tablewriter.NewTable(&b)
	head := make([]any, len(tableColumns))
	cols := make([]economy.Column, len(tableColumns))
	for i, c := range tableColumns {
		cols[i], _ = economy.LookupColumn(c.name)
		head[i] = cols[i].Label
	}
	t.Header(head...)
	spy := res.Config.StepsPerYear
	for i := range res.Series {
		a := &res.Series[i]
		if i != 0 && a.Step%spy != 0 && i != len(res.Series)-1 {
			continue
		}
		row := make([]string, len(tableColumns))
		for k, c := range tableColumns {
			row[k] = fmt.Sprintf(c.format, cols[k].Value(a))
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
