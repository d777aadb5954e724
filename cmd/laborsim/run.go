package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"strings"

	"github.com/spf13/pflag"

	"github.com/laborsim/laborsim/experiments"
	"github.com/laborsim/laborsim/sim"
)

const runUsage = `Usage: laborsim run [flags]

Runs one scenario and prints its accounts: a summary table at the start, at
each year's end and at the end (--format table), every step as JSON or CSV.
Money is in units of output per month; one worker supplies on average one
efficiency unit of labour a month.

Flags:
`

// runOptions are the flags of 'run' that are not model parameters.
type runOptions struct {
	format string
	out    string
	force  bool
	plot   string
}

// runCommand implements 'laborsim run'.
func runCommand(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg, opt, err := parseRun(args, stdout)
	if err != nil {
		return err
	}
	if err := checkMemory(cfg, machineMemory()); err != nil {
		return err
	}
	if opt.out != "" && !opt.force {
		if err := checkRunDir(opt.out, cfg); err != nil {
			return err
		}
	}
	res, err := sim.Run(ctx, cfg)
	if err != nil {
		return err
	}
	if w := zeroGDP(res); w != nil {
		fmt.Fprintf(stderr, "laborsim: warning: %v\n", w)
	}
	if opt.out != "" {
		if err := writeRunDir(opt.out, res); err != nil {
			return err
		}
	}
	if opt.plot != "" {
		if err := writeRunCharts(ctx, opt.plot, res); err != nil {
			return err
		}
	}
	return writeResult(stdout, opt.format, res)
}

// parseRun reads the flags of 'run' into a validated configuration and the
// output options.
func parseRun(args []string, stdout io.Writer) (sim.Config, runOptions, error) {
	cfg := sim.DefaultConfig()
	var opt runOptions
	fs := pflag.NewFlagSet("run", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	addRunFlags(fs, &cfg)
	fs.StringVar(&opt.format, "format", "table", "output format: table, json or csv")
	fs.StringVar(&opt.out, "out", "", "also write series.csv and summary.json into this directory")
	fs.StringVar(&opt.plot, "plot", "", "also write PNG and SVG charts of the series into this directory")
	fs.BoolVar(&opt.force, "force", false, "let --out overwrite a directory that holds another run's files")
	if err := parseFlags(fs, args, runUsage, stdout); err != nil {
		return cfg, opt, err
	}
	if err := checkFormat(opt.format); err != nil {
		return cfg, opt, err
	}
	if err := cfg.Validate(); err != nil {
		return cfg, opt, usageError{err}
	}
	return cfg, opt, nil
}

// parseFlags parses args, which must all be flags, printing help to stdout
// for --help (and then returning errHelp) and turning parse errors into
// usage errors that name the flag.
func parseFlags(fs *pflag.FlagSet, args []string, usage string, stdout io.Writer) error {
	if err := parseArgs(fs, args, usage, stdout); err != nil {
		return err
	}
	if fs.NArg() > 0 {
		return usagef("unexpected argument %q", fs.Arg(0))
	}
	return nil
}

// parseArgs is parseFlags for commands that take arguments after their
// flags (fs.Args()).
func parseArgs(fs *pflag.FlagSet, args []string, usage string, stdout io.Writer) error {
	err := fs.Parse(args)
	if errors.Is(err, pflag.ErrHelp) {
		fmt.Fprint(stdout, usage)
		fs.SetOutput(stdout)
		fs.PrintDefaults()
		return errHelp
	}
	if err != nil {
		return usageError{err}
	}
	return nil
}

func checkFormat(format string) error {
	switch format {
	case "table", "json", "csv":
		return nil
	}
	return usagef("invalid --format %q: must be table, json or csv", format)
}

// writeResult prints a run in the chosen format.
func writeResult(w io.Writer, format string, res sim.Result) error {
	switch format {
	case "json":
		return experiments.WriteRunJSON(w, res)
	case "csv":
		return experiments.WriteSeriesCSV(w, res.Series)
	}
	return writeTable(w, res)
}

// writeRunDir writes series.csv and summary.json into dir, together: dir
// holds the old run's files or the new run's, never one of each
// (experiments.WriteDirAtomic).
func writeRunDir(dir string, res sim.Result) error {
	var csv, summary strings.Builder
	if err := experiments.WriteSeriesCSV(&csv, res.Series); err != nil {
		return err
	}
	if err := experiments.WriteRunSummary(&summary, res); err != nil {
		return err
	}
	err := experiments.WriteDirAtomic(dir, []experiments.DirFile{
		{Name: "series.csv", Data: []byte(csv.String())},
		{Name: "summary.json", Data: []byte(summary.String())},
	})
	if err != nil {
		return fmt.Errorf("--out: %w", err)
	}
	return nil
}

// checkRunDir refuses an --out directory that is not empty unless it holds
// the files of a run with the same parameters (rewriting them is harmless).
func checkRunDir(dir string, cfg sim.Config) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) || (err == nil && len(entries) == 0) {
		return nil
	}
	if err != nil {
		return usagef("invalid --out %s: %v", dir, err)
	}
	data, err := readSmallFile(filepath.Join(dir, "summary.json"))
	if err == nil {
		var prev struct{ Params json.RawMessage }
		if json.Unmarshal(data, &prev) == nil {
			if old, err := experiments.ReadConfigJSON(prev.Params); err == nil && old == cfg {
				return nil
			}
		}
	}
	return usagef("invalid --out %s: the directory is not empty and holds no run with these parameters; use --force to overwrite", dir)
}

// readSmallFile reads a regular file of at most 64 MiB; anything else (a
// FIFO, a device, a huge file) is an error, not a read that never ends.
func readSmallFile(path string) ([]byte, error) {
	st, err := os.Stat(path)
	switch {
	case err != nil:
		return nil, err
	case !st.Mode().IsRegular() || st.Size() > 64<<20:
		return nil, fmt.Errorf("%s is not a regular file of at most 64 MiB", path)
	}
	return os.ReadFile(path)
}
