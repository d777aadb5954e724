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
func summarizeCommand(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var format string
	var quiet bool
	var metrics []string
	flags := pflag.NewFlagSet("summarize", pflag.ContinueOnError)
	flags.SetOutput(io.Discard)
	flags.StringVar(&format, "format", "table", "summary format: table, json or csv")
	flags.BoolVarP(&quiet, "quiet", "q", false, "no notes on stderr (warnings still)")
	flags.StringSliceVar(&metrics, "metrics", nil, metricsUsage)
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
	recs, notes, err := readResultsArg(ctx, flags.Arg(0))
	if err != nil {
		return err
	}
	note(stderr, quiet, notes...)
	replicates := 0
	for _, rec := range recs {
		replicates = max(replicates, rec.Replicate+1)
	}
	s, err := untilDone(ctx, func() (experiments.Summary, error) {
		return experiments.Summarize(recs, experiments.VariedParams(recs), metrics, replicates), nil
	})
	if err != nil {
		return err
	}
	return printSummary(stdout, stderr, format, s)
}

// readResultsArg reads a results file named on the command line: a missing
// or foreign file, or one that is not a regular file, is bad input. A
// signal stops the read at once (see untilDone).
func readResultsArg(ctx context.Context, path string) ([]experiments.Record, []error, error) {
	if err := checkRegular(path); err != nil {
		return nil, nil, err
	}
	type contents struct {
		recs  []experiments.Record
		notes []error
	}
	c, err := untilDone(ctx, func() (contents, error) {
		recs, notes, err := experiments.ReadResults(path)
		return contents{recs, notes}, err
	})
	var foreign *experiments.ForeignError
	switch {
	case err != nil && ctx.Err() != nil:
		return nil, nil, err // stopped by the signal
	case errors.Is(err, fs.ErrNotExist):
		return nil, nil, usagef("%s: no such file", path)
	case errors.As(err, &foreign):
		return nil, nil, usageError{err}
	case err != nil:
		return nil, nil, fmt.Errorf("reading %s: %w", path, err)
	}
	return c.recs, c.notes, nil
}
