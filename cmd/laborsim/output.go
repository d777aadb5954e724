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
