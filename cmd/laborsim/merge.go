package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"

	"github.com/spf13/pflag"

	"github.com/laborsim/laborsim/experiments"
)

const mergeUsage = `Usage: laborsim merge --out FILE SHARD...

Joins the results files of a sweep's shards into one results file, in grid
order, and prints its summary table. A run found in two files must have the
same results in both and is kept once. Files of different sweeps (another
varied parameter, --years, --seed, --frictionless, ...) are refused with the
difference named. Runs missing from the grid (a shard not given, or
unfinished) are listed and the merge fails (exit 1) unless --partial is
given. --out must not be one of the shards, and must not exist unless
--force is given. The merged file equals the unsharded sweep's, row for
row, but for wall_seconds.

Example:
  laborsim merge --out agents.csv shard-*.csv

Flags:
`

// mergeCommand implements 'laborsim merge'.
func mergeCommand(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var out, format string
	var quiet, force, partial bool
	var metrics []string
	fs := pflag.NewFlagSet("merge", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&out, "out", "", "merged results file (required)")
	fs.StringVar(&format, "format", "table", "summary format: table, json or csv")
	fs.BoolVarP(&quiet, "quiet", "q", false, "no notes on stderr (warnings still)")
	fs.BoolVar(&force, "force", false, "replace --out if it exists")
	fs.BoolVar(&partial, "partial", false, "merge even if runs are missing from the grid (warning)")
	fs.StringSliceVar(&metrics, "metrics", nil, metricsUsage)
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
	if err := checkMergeOut(out, fs.Args(), force); err != nil {
		return err
	}
	var files []experiments.ShardFile
	for _, path := range fs.Args() {
		recs, notes, err := readResultsArg(ctx, path)
		if err != nil {
			return err
		}
		note(stderr, quiet, notes...)
		files = append(files, experiments.ShardFile{Name: path, Records: recs})
	}
	recs, missing, notes, err := experiments.Merge(files)
	if err != nil {
		return usageError{err}
	}
	if ctx.Err() != nil {
		return stopped(ctx) // before writing: the output is left as it was
	}
	note(stderr, quiet, notes...)
	var warnings []error
	if missing != nil {
		if !partial {
			return fmt.Errorf("not merged: %v; give every shard's file, or --partial to merge what there is", missing)
		}
		warnings = append(warnings, missing)
	}
	if err := experiments.WriteResults(out, recs); err != nil {
		var foreign *experiments.ForeignError
		if errors.As(err, &foreign) {
			return usageError{fmt.Errorf("invalid --out: %w", err)}
		}
		return err
	}
	if !quiet {
		fmt.Fprintf(stderr, "laborsim: wrote %d runs from %d file(s) to %s\n", len(recs), fs.NArg(), out)
	}
	s := experiments.Summarize(recs, experiments.VariedParams(recs), metrics, 0)
	s.Warnings = append(warnings, s.Warnings...)
	return printSummary(stdout, stderr, format, s)
}

// checkMergeOut refuses an --out that is one of the shards (by name or as
// the same file) or, without --force, that exists.
func checkMergeOut(out string, shards []string, force bool) error {
	ost, err := os.Stat(out)
	for _, path := range shards {
		st, serr := os.Stat(path)
		if filepath.Clean(path) == filepath.Clean(out) || err == nil && serr == nil && os.SameFile(st, ost) {
			return usagef("invalid --out %s: it is one of the shards (%s); give the merged file another name", out, path)
		}
	}
	if err == nil && !force {
		return usagef("invalid --out %s: the file exists; use --force to replace it", out)
	}
	return nil
}
