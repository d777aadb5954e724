package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"

	"github.com/olekukonko/tablewriter"

	"github.com/laborsim/laborsim/economy"
	"github.com/laborsim/laborsim/sim"
)

// formatNumber writes v in the shortest form that reads back exactly:
// integers without exponent, others as Go's shortest 'g'.
func formatNumber(v float64) string {
	if v == math.Trunc(v) && math.Abs(v) < 1e15 {
		return strconv.FormatInt(int64(v), 10)
	}
	return strconv.FormatFloat(v, 'g', -1, 64)
}

// rowJSON writes one step's accounts as a JSON object with the columns in
// their documented order.
func rowJSON(b *bytes.Buffer, a *economy.Accounts) {
	b.WriteByte('{')
	for i, col := range economy.Columns {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(b, "%q:%s", col.Name, formatNumber(col.Value(a)))
	}
	b.WriteByte('}')
}

// writeJSON writes {"params": …, "series": […], "final": …}.
func writeJSON(w io.Writer, res sim.Result) error {
	var b bytes.Buffer
	params, err := json.Marshal(res.Config)
	if err != nil {
		return err
	}
	b.WriteString(`{"params":`)
	b.Write(params)
	b.WriteString(`,"series":[`)
	for i := range res.Series {
		if i > 0 {
			b.WriteString(",\n")
		}
		rowJSON(&b, &res.Series[i])
	}
	b.WriteString(`],"final":`)
	final := res.Final()
	rowJSON(&b, &final)
	b.WriteString("}\n")
	_, err = w.Write(b.Bytes())
	return err
}

// writeSummary writes {"params": …, "final": …} for a run directory.
func writeSummary(w io.Writer, res sim.Result) error {
	var b bytes.Buffer
	params, err := json.Marshal(res.Config)
	if err != nil {
		return err
	}
	b.WriteString(`{"params":`)
	b.Write(params)
	b.WriteString(`,"final":`)
	final := res.Final()
	rowJSON(&b, &final)
	b.WriteString("}\n")
	_, err = w.Write(b.Bytes())
	return err
}

// writeCSV writes the series with a header line of column names.
func writeCSV(w io.Writer, series []economy.Accounts) error {
	var b bytes.Buffer
	names := make([]string, len(economy.Columns))
	for i, col := range economy.Columns {
		names[i] = col.Name
	}
	b.WriteString(strings.Join(names, ","))
	b.WriteByte('\n')
	for i := range series {
		for k, col := range economy.Columns {
			if k > 0 {
				b.WriteByte(',')
			}
			b.WriteString(formatNumber(col.Value(&series[i])))
		}
		b.WriteByte('\n')
	}
	_, err := w.Write(b.Bytes())
	return err
}

// tableColumns are the figures of the summary table.
var tableColumns = []struct {
	head   string
	format string
	value  func(*economy.Accounts) float64
}{
	{"year", "%.2f", func(a *economy.Accounts) float64 { return a.Year }},
	{"GDP", "%.0f", func(a *economy.Accounts) float64 { return a.GDP }},
	{"labor share", "%.3f", func(a *economy.Accounts) float64 { return a.LaborShare }},
	{"capital share", "%.3f", func(a *economy.Accounts) float64 { return a.CapitalShare }},
	{"AI share", "%.3f", func(a *economy.Accounts) float64 { return a.AIShare }},
	{"unemployment", "%.3f", func(a *economy.Accounts) float64 { return a.UnemploymentRate }},
	{"vacancies", "%.3f", func(a *economy.Accounts) float64 { return a.VacancyRate }},
	{"median wage", "%.3f", func(a *economy.Accounts) float64 { return a.MedianWage }},
	{"wage Gini", "%.3f", func(a *economy.Accounts) float64 { return a.WageGini }},
	{"AI agents", "%.0f", func(a *economy.Accounts) float64 { return float64(a.AIAgentsDeployed) }},
	{"AI task share", "%.3f", func(a *economy.Accounts) float64 { return a.AITaskShare }},
	{"AI price", "%.3g", func(a *economy.Accounts) float64 { return a.AIPrice }},
	{"frontier Φ_A", "%.3f", func(a *economy.Accounts) float64 { return a.AIFrontier }},
}

// writeTable prints the key figures at the first step, at each year's end
// and at the end. The table is rendered into memory and written at once:
// tablewriter drops its writer's errors.
func writeTable(w io.Writer, res sim.Result) error {
	var b bytes.Buffer
	t := tablewriter.NewTable(&b)
	head := make([]any, len(tableColumns))
	for i, c := range tableColumns {
		head[i] = c.head
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
			row[k] = fmt.Sprintf(c.format, c.value(a))
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
