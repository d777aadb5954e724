package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"

	"github.com/spf13/pflag"

	"github.com/laborsim/laborsim/experiments"
)

const summarizeUsage = `Usage: laborsim summarize [flags] FILE

Prints the summary table of a results file (from 'laborsim sweep --out' or
'laborsim merge'): one row per point, with the parameters that differ between
points and the mean ± 95% interval across replicates of each metric.

Flags:
`

// summarizeCommand implements 'laborsim summarize'.
func summarizeCommand(_ context.Context, args []string, stdout, stderr io.Writer) error {
	var format string
	var quiet bool
	var metrics []string
	flags := pflag.NewFlagSet("summarize", pflag.ContinueOnError)
	flags.SetOutput(io.Discard)
	flags.StringVar(&format, "format", "table", "summary format: table, json or csv")
	flags.BoolVarP(&quiet, "quiet", "q", false, "no notes on stderr (warnings still)")
	flags.StringSliceVar(&metrics, "metrics", nil, "metrics to summarise, columns of the results file (default: labor_share, capital_share, ai_share, unemployment_rate, median_wage, wage_gini, ai_task_share, wall_seconds)")
	if err := parseArgs(flags, args, summarizeUsage, stdout); err != nil {
		return err
	}
	if err := checkFormat(format); err != nil {
		return err
	}
	if err := checkMetrics(metrics); err != nil {
		return err
	}
	if flags.NArg() != 1 {
		return usagef("want one results file, got %d arguments", flags.NArg())
	}
	recs, notes, err := readResultsArg(flags.Arg(0))
	if err != nil {
		return err
	}
	note(stderr, quiet, notes...)
	replicates := 0
	for _, rec := range recs {
		replicates = max(replicates, rec.Replicate+1)
	}
	return printSummary(stdout, stderr, format, experiments.Summarize(recs, experiments.VariedParams(recs), metrics, replicates))
}

// readResultsArg reads a results file named on the command line: a missing
// or foreign file is bad input.
func readResultsArg(path string) ([]experiments.Record, []error, error) {
	recs, notes, err := experiments.ReadResults(path)
	var foreign *experiments.ForeignError
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil, usagef("%s: no such file", path)
	case errors.As(err, &foreign):
		return nil, nil, usageError{err}
	case err != nil:
		return nil, nil, fmt.Errorf("reading %s: %w", path, err)
	}
	return recs, notes, nil
}
