package main

import (
	"bytes"
	"fmt"
	"io"
	"math"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"

	"github.com/laborsim/laborsim/economy"
	"github.com/laborsim/laborsim/experiments"
	"github.com/laborsim/laborsim/sim"
)

// formatNumber writes v as every output file does (experiments.FormatNumber).
func formatNumber(v float64) string { return experiments.FormatNumber(v) }

// defaultTableColumns are the run table's columns (economy.Columns, whose
// labels head them): chosen to fit 120 characters, with the capital
// share beside its two parts so that they visibly add up. --columns picks
// others.
var defaultTableColumns = []string{
	"year", "gdp", "labor_share", "capital_share", "trad_capital_share", "ai_share",
	"unemployment_rate", "vacancy_rate", "median_wage", "ai_agents_deployed", "ai_price",
}

// formatCell writes a column's value for the table: the year with two
// decimals, shares, rates and Ginis with three, anything else in at most
// 7 characters (compact).
func formatCell(c economy.Column, v float64) string {
	switch u := strings.ToLower(c.Unit); {
	case c.Name == "year":
		return fmt.Sprintf("%.2f", v)
	case strings.Contains(u, "share") || strings.Contains(u, "rate") || strings.Contains(u, "gini"):
		return fmt.Sprintf("%.3f", v)
	}
	return compact(v)
}

// compact writes a number in at most 8 characters: whole numbers below a
// million as they are, numbers from 1,000 rounded to whole ones and from
// a million with three significant digits and a short exponent, numbers
// from 0.01 with three decimals and smaller ones with three significant
// digits: 954255, 8.06e7, 1.104, 0.061, 0.000978, 6.06e-10.
func compact(v float64) string {
	a := math.Abs(v)
	switch {
	case v == math.Trunc(v) && a < 1e6, a >= 1000 && a < 1e6:
		return fmt.Sprintf("%.0f", v)
	case a >= 0.01 && a < 1000:
		return fmt.Sprintf("%.3f", v)
	}
	s := fmt.Sprintf("%.3g", v)
	for _, r := range [][2]string{{"e+0", "e"}, {"e+", "e"}, {"e-0", "e-"}} {
		s = strings.Replace(s, r[0], r[1], 1)
	}
	return s
}

// checkColumns checks --columns: metric names, each once.
func checkColumns(names []string) error {
	for i, n := range names {
		if _, ok := economy.LookupColumn(n); !ok {
			return usagef("invalid --columns %s: not a metric (e.g. labor_share, unemployment_rate, ai_fleet; 'laborsim run --format csv' heads every one)", n)
		}
		for _, m := range names[:i] {
			if m == n {
				return usagef("invalid --columns %s: given twice", n)
			}
		}
	}
	return nil
}

// tableHeadWidth is the widest line of a heading, or its longest word if
// that is longer: labels are wrapped at spaces to keep the table within
// 120 characters.
const tableHeadWidth = 9

// tableHeading is a column's label, upper-cased and wrapped at spaces. The
// parts of the capital share shown right after it read as its sum:
// "= TRADITIONAL CAPITAL SHARE", "+ AI SHARE".
func tableHeading(label, sign string) string {
	words := strings.Fields(strings.ToUpper(strings.ReplaceAll(label, "_", " ")))
	if sign != "" {
		words[0] = sign + " " + words[0]
	}
	width := tableHeadWidth
	for _, w := range words {
		width = max(width, len([]rune(w)))
	}
	var lines []string
	line := ""
	for _, w := range words {
		switch {
		case line == "":
			line = w
		case len([]rune(line))+1+len([]rune(w)) <= width:
			line += " " + w
		default:
			lines = append(lines, line)
			line = w
		}
	}
	return strings.Join(append(lines, line), "\n")
}

// signs marks the parts of the capital share that follow it in names.
func signs(names []string) []string {
	s := make([]string, len(names))
	for i := 0; i+2 < len(names); i++ {
		if names[i] == "capital_share" && names[i+1] == "trad_capital_share" && names[i+2] == "ai_share" {
			s[i+1], s[i+2] = "=", "+"
		}
	}
	return s
}

// writeTable prints the chosen columns (nil: defaultTableColumns) at the
// first step, at each year's end and at the end. Shares shown together
// are rounded so that they add up as they do in the accounts: labor +
// capital = 1 and capital = traditional capital + AI, each within 0.001
// of its value. The table is rendered into memory and written at once:
// tablewriter drops its writer's errors.
func writeTable(w io.Writer, res sim.Result, names []string) error {
	if names == nil {
		names = defaultTableColumns
	}
	var b bytes.Buffer
	t := tablewriter.NewTable(&b, tablewriter.WithConfig(
		tablewriter.NewConfigBuilder().WithHeaderAutoFormat(tw.Off).Build()))
	cols := make([]economy.Column, len(names))
	head := make([]any, len(names))
	sign := signs(names)
	for i, n := range names {
		cols[i], _ = economy.LookupColumn(n)
		head[i] = tableHeading(cols[i].Label, sign[i])
	}
	t.Header(head...)
	spy := res.Config.StepsPerYear
	for i := range res.Series {
		a := &res.Series[i]
		if i != 0 && a.Step%spy != 0 && i != len(res.Series)-1 {
			continue
		}
		shown := sharesShown(a, names)
		row := make([]string, len(names))
		for k, c := range cols {
			v := c.Value(a)
			if s, ok := shown[c.Name]; ok {
				v = s
			}
			row[k] = formatCell(c, v)
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

// sharesShown are the labour share and the capital share and its parts,
// where names show them together, rounded to thousandths so that they add
// up: the labour share and the AI share are rounded, the capital share is
// 1 − the labour share shown and the traditional share the capital share
// shown − the AI share shown.
func sharesShown(a *economy.Accounts, names []string) map[string]float64 {
	has := func(n string) bool { return indexOf(names, n) >= 0 }
	round := func(x float64) float64 { return math.Round(x * 1000) }
	out := map[string]float64{}
	capital := round(a.CapitalShare)
	if has("labor_share") && has("capital_share") {
		labor := round(a.LaborShare)
		capital = 1000 - labor
		out["labor_share"], out["capital_share"] = labor/1000, capital/1000
	}
	if has("capital_share") && has("trad_capital_share") && has("ai_share") {
		ai := round(a.AIShare)
		out["capital_share"], out["ai_share"], out["trad_capital_share"] = capital/1000, ai/1000, (capital-ai)/1000
	}
	return out
}

func indexOf(names []string, name string) int {
	for i, n := range names {
		if n == name {
			return i
		}
	}
	return -1
}
