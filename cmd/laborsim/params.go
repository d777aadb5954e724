package main

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"io"

	"github.com/olekukonko/tablewriter"
	"github.com/spf13/pflag"

	"github.com/laborsim/laborsim/sim"
)

const paramsUsage = `Usage: laborsim params [--format table|json|csv]

Lists every parameter of 'laborsim run' (and every key of a scenario file):
its flag, what it is, its default, unit, the range Validate accepts and the
source of the default ("choice" where the default is the model's own, "—"
where there is none beyond docs/MODEL.md's text). The JSON and CSV add the
group and the flag's help.

Flags:
`

// paramsCommand implements 'laborsim params'.
func paramsCommand(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	format := "table"
	fs := pflag.NewFlagSet("params", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&format, "format", format, "output format: table, json or csv")
	if err := parseFlags(fs, args, paramsUsage, stdout); err != nil {
		return err
	}
	if err := checkFormat(format); err != nil {
		return err
	}
	var b bytes.Buffer
	var err error
	switch format {
	case "json":
		err = writeParamsJSON(&b)
	case "csv":
		err = writeParamsCSV(&b)
	default:
		err = writeParamsTable(&b)
	}
	if err != nil {
		return err
	}
	_, err = stdout.Write(b.Bytes())
	return err
}

// paramRow is one parameter as 'laborsim params' writes it.
type paramRow struct {
	Flag        string `json:"flag"`
	Label       string `json:"label"`
	Default     string `json:"default"`
	Unit        string `json:"unit"`
	Range       string `json:"range"`
	Source      string `json:"source"`
	Group       string `json:"group"`
	Description string `json:"description"`
}

func paramRows() []paramRow {
	rows := make([]paramRow, len(sim.Params))
	for i, p := range sim.Params {
		rows[i] = paramRow{"--" + p.Flag, p.Label, p.Default(), p.Unit, p.Range(), p.Source, p.Group, p.Description}
	}
	return rows
}

func writeParamsTable(w io.Writer) error {
	t := tablewriter.NewTable(w)
	t.Header("flag", "what it is", "default", "unit", "range", "source")
	for _, r := range paramRows() {
		if err := t.Append([]string{r.Flag, r.Label, r.Default, r.Unit, r.Range, r.Source}); err != nil {
			return err
		}
	}
	return t.Render()
}

func writeParamsJSON(w io.Writer) error {
	enc := json.NewEncoder(w)
	enc.SetIndent("", "  ")
	return enc.Encode(paramRows())
}

func writeParamsCSV(w io.Writer) error {
	c := csv.NewWriter(w)
	c.Write([]string{"flag", "label", "default", "unit", "range", "source", "group", "description"})
	for _, r := range paramRows() {
		c.Write([]string{r.Flag, r.Label, r.Default, r.Unit, r.Range, r.Source, r.Group, r.Description})
	}
	c.Flush()
	return c.Error()
}
