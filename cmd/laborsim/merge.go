package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"github.com/spf13/pflag"

	"github.com/laborsim/laborsim/experiments"
)

const mergeUsage = `Usage: laborsim merge -o FILE [--series FILE] SHARD...

Joins the results files of a sweep's shards into one results file, in grid
order, and prints its summary table. With --series it joins the shards'
series files (sweep --series) too, given among the SHARD files in any
order (merge tells them by their headers; CSV or Parquet, either way
round: --series x.parquet writes Parquet), into one series file that
holds the rows of exactly the merged runs. A run found in two files must have the
same results in both and is kept once. Files of different sweeps (another
varied parameter, --years, --seed, --frictionless, ...) are refused with the
difference named. Runs missing from the grid (a shard not given, or
unfinished) are listed and the merge fails (exit 1) unless --partial is
given. --out must not be one of the shards, and must not exist unless
--force is given. The merged file equals the unsharded sweep's, row for
row, but for wall_seconds.

Examples:
  laborsim merge -o agents.csv shard-*.csv
  laborsim merge -o agents.csv --series agents-series.parquet shard-*.csv series-*.csv

Flags:
`

// mergeCommand implements 'laborsim merge'.
func mergeCommand(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var out, series, format string
	var quiet, force, partial bool
	var metrics []string
	fs := pflag.NewFlagSet("merge", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVarP(&out, "out", "o", "", "merged results file (required)")
	fs.StringVar(&series, "series", "", "merged series file, of the series files among the shards (.parquet: Parquet)")
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
		return usagef("-o, --out FILE is required")
	case fs.NArg() == 0:
		return usagef("no shard files given")
	}
	if err := checkMergeOut("--out", out, fs.Args(), force); err != nil {
		return err
	}
	if series != "" {
		if sameFile(series, out) {
			return usagef("invalid --series %s: it is --out; give the series a file of its own", series)
		}
		if err := checkMergeOut("--series", series, fs.Args(), force); err != nil {
			return err
		}
	}
	results, seriesIn, err := splitShards(fs.Args(), series)
	if err != nil {
		return err
	}
	var files []experiments.ShardFile
	for _, path := range results {
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
	if series != "" {
		if err := experiments.MergeSeries(series, seriesIn, recs); err != nil {
			var foreign *experiments.ForeignError
			if errors.As(err, &foreign) {
				return usageError{fmt.Errorf("--series: %w", err)}
			}
			return err
		}
	}
	if err := experiments.WriteResults(out, recs); err != nil {
		var foreign *experiments.ForeignError
		if errors.As(err, &foreign) {
			return usageError{fmt.Errorf("invalid --out: %w", err)}
		}
		return err
	}
	if !quiet {
		fmt.Fprintf(stderr, "laborsim: wrote %d runs from %d file(s) to %s\n", len(recs), len(results), out)
		if series != "" {
			fmt.Fprintf(stderr, "laborsim: wrote their series from %d file(s) to %s\n", len(seriesIn), series)
		}
	}
	s := experiments.Summarize(recs, experiments.VariedParams(recs), metrics, 0)
	s.Warnings = append(warnings, s.Warnings...)
	return printSummary(stdout, stderr, format, s)
}

// splitShards tells the shards' series files from their results files;
// series files need --series, and --series needs series files, and its
// file must not be a shard nor exist (checkMergeOut's rules).
func splitShards(paths []string, series string) (results, seriesIn []string, err error) {
	for _, p := range paths {
		if err := checkRegular(p); err != nil {
			return nil, nil, err
		}
		is, err := experiments.IsSeriesFile(p)
		if errors.Is(err, fs.ErrNotExist) {
			return nil, nil, usagef("%s: no such file", p)
		}
		if err != nil {
			return nil, nil, usageError{err}
		}
		if is {
			seriesIn = append(seriesIn, p)
		} else {
			results = append(results, p)
		}
	}
	switch {
	case len(seriesIn) > 0 && series == "":
		return nil, nil, usagef("%s is a series file: give --series FILE to merge the series, or leave the series files out", seriesIn[0])
	case series != "" && len(seriesIn) == 0:
		return nil, nil, usagef("--series %s: no series file among the shards (give the shards' --series files too)", series)
	case len(results) == 0:
		return nil, nil, usagef("no results files among the shards, only series files")
	}
	return results, seriesIn, nil
}

// checkMergeOut refuses an --out that is one of the shards (by name or as
// the same file) or, without --force, that exists.
func checkMergeOut(flag, out string, shards []string, force bool) error {
	ost, err := os.Stat(out)
	for _, path := range shards {
		st, serr := os.Stat(path)
		if filepath.Clean(path) == filepath.Clean(out) || err == nil && serr == nil && os.SameFile(st, ost) {
			return usagef("invalid %s %s: it is one of the shards (%s); give the merged file another name", flag, out, path)
		}
	}
	if err == nil && !force {
		return usagef("invalid %s %s: the file exists; use --force to replace it", flag, out)
	}
	return nil
}
