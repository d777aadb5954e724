package main

import (
	"context"
	"fmt"
	"io"

	"github.com/spf13/pflag"

	"github.com/laborsim/laborsim/experiments"
)

const mergeUsage = `Usage: laborsim merge --out FILE SHARD...

Joins the results files of a sweep's shards into one results file, in grid
order, and prints its summary table. A run found in two files must have the
same results in both and is kept once; files of different sweeps are
refused. Runs missing from the grid (a shard not given, or unfinished) are
reported. The merged file equals the unsharded sweep's, row for row, but for
wall_seconds.

Example:
  laborsim merge --out agents.csv shard-*.csv

Flags:
`

// mergeCommand implements 'laborsim merge'.
func mergeCommand(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var out, format string
	var quiet bool
	var metrics []string
	fs := pflag.NewFlagSet("merge", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&out, "out", "", "merged results file (required)")
	fs.StringVar(&format, "format", "table", "summary format: table, json or csv")
	fs.BoolVarP(&quiet, "quiet", "q", false, "no notes on stderr (warnings still)")
	fs.StringSliceVar(&metrics, "metrics", nil, "metrics to summarise, columns of the results file (default: labor_share, capital_share, ai_share, unemployment_rate, median_wage, wage_gini, ai_task_share, wall_seconds)")
	if err := parseArgs(fs, args, mergeUsage, stdout); err != nil {
		return err
	}
	if err := checkFormat(format); err != nil {
		return err
	}
	if err := checkMetrics(metrics); err != nil {
		return err
	}
	switch {
	case out == "":
		return usagef("--out FILE is required")
	case fs.NArg() == 0:
		return usagef("no shard files given")
	}
	var files [][]experiments.Record
	for _, path := range fs.Args() {
		recs, notes, err := readResultsArg(ctx, path)
		if err != nil {
			return err
		}
		note(stderr, quiet, notes...)
		files = append(files, recs)
	}
	recs, missing, err := experiments.Merge(files)
	if err != nil {
		return usageError{err}
	}
	if ctx.Err() != nil {
		return stopped(ctx) // before writing: the output is left as it was
	}
	if err := experiments.WriteResults(out, recs); err != nil {
		return err
	}
	if !quiet {
		fmt.Fprintf(stderr, "laborsim: wrote %d runs from %d file(s) to %s\n", len(recs), fs.NArg(), out)
	}
	s := experiments.Summarize(recs, experiments.VariedParams(recs), metrics, 0)
	s.Warnings = append(missing, s.Warnings...)
	return printSummary(stdout, stderr, format, s)
}
