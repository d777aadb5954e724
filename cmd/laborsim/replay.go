package main

import (
	"context"
	"fmt"
	"io"
	"math"
	"strconv"

	"github.com/spf13/pflag"

	"github.com/laborsim/laborsim/economy"
	"github.com/laborsim/laborsim/experiments"
)

const replayUsage = `Usage: laborsim replay [flags] RESULTS ROW
       laborsim replay [flags] --run-id ID RESULTS

Runs one row of a results file (from 'laborsim sweep --out' or 'laborsim
merge') again, with its parameters and seed exactly, and prints it as
'laborsim run' does (the same output flags: --format, --columns,
--out-dir, --plot). ROW counts the file's runs from 1 (the line after the
header is row 1); --run-id takes the row's run_id instead.

The replayed run's final values are compared with the row's, bit for bit:
a replay that differs (a file written by another version of the model)
says which value differs first and exits 1, after its output.

Flags:
`

// replayCommand implements 'laborsim replay'.
func replayCommand(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var opt runOptions
	runID := -1
	fs := pflag.NewFlagSet("replay", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	addRunOutputFlags(fs, &opt)
	countVar(fs, &runID, "run-id", "the run_id of the row to replay, instead of ROW")
	if err := parseArgs(fs, args, replayUsage, stdout); err != nil {
		return err
	}
	if err := opt.check(fs); err != nil {
		return err
	}
	want := 2
	if fs.Changed("run-id") {
		want = 1
	}
	if fs.NArg() != want {
		return usagef("want a results file and a row (or --run-id ID and a results file), got %d arguments", fs.NArg())
	}
	recs, notes, err := readResultsArg(ctx, fs.Arg(0))
	if err != nil {
		return err
	}
	note(stderr, opt.quiet, notes...)
	rec, err := pickRow(recs, fs, runID)
	if err != nil {
		return err
	}
	if err := rec.Config.Validate(); err != nil {
		return usagef("%s: the row's parameters: %v", fs.Arg(0), err)
	}
	res, err := runAndWrite(ctx, rec.Config, opt, stdout, stderr)
	if err != nil {
		return err
	}
	if err := sameFinal(rec, res.Final()); err != nil {
		return fmt.Errorf("the replay differs from point %d replicate %d of %s: %v (was the file written by another version of laborsim?)", rec.Point, rec.Replicate, fs.Arg(0), err)
	}
	if !opt.quiet {
		fmt.Fprintf(stderr, "laborsim: replayed point %d replicate %d (run_id %d, seed %d): its final values equal the row's, bit for bit\n",
			rec.Point, rec.Replicate, experiments.RunID(rec.Point, rec.Replicate), rec.Config.Seed)
	}
	return nil
}

// pickRow is the record named by ROW (from 1, in file order) or by
// --run-id.
func pickRow(recs []experiments.Record, fs *pflag.FlagSet, runID int) (experiments.Record, error) {
	if fs.Changed("run-id") {
		for _, rec := range recs {
			if experiments.RunID(rec.Point, rec.Replicate) == runID {
				return rec, nil
			}
		}
		return experiments.Record{}, usagef("invalid --run-id %d: no row of %s has it", runID, fs.Arg(0))
	}
	row, err := strconv.Atoi(fs.Arg(1))
	if err != nil || row < 1 || row > len(recs) {
		return experiments.Record{}, usagef("invalid ROW %q: %s has rows 1 to %d", fs.Arg(1), fs.Arg(0), len(recs))
	}
	return recs[row-1], nil
}

// sameFinal compares a replay's final step with the row's values, bit for
// bit: the file writes each number in the shortest form that reads back
// to the same float64.
func sameFinal(rec experiments.Record, final economy.Accounts) error {
	for i, c := range economy.Columns {
		got, want := c.Value(&final), rec.Final[i]
		if got != want && !(math.IsNaN(got) && math.IsNaN(want)) {
			return fmt.Errorf("%s is %s, the row has %s", c.Name, formatNumber(got), formatNumber(want))
		}
	}
	return nil
}
