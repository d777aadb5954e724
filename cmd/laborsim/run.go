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

Runs one scenario and prints its accounts: a table at the start, at each
year's end and at the end (--format table; --columns for other columns
than the default's), every step as JSON or CSV. Money is in units of
output; every flow is a rate per year, whatever --steps-per-year; one
worker supplies on average one efficiency unit of labour.

Parameters come from the defaults, then --config (a scenario file's run
keys, 'laborsim params'; one that varies a parameter is for 'sweep'),
then the command line. --out-dir DIR also writes
series.csv and summary.json into DIR, --plot DIR the charts. Counts take
1e6 as well as 1000000; --seed is below 2^53 (9007199254740992), so that
every tool reads it exactly.

Flags:
`

// runOptions are the flags of 'run' (and 'replay') that are not model
// parameters: where and how the run's output goes.
type runOptions struct {
	format  string
	outDir  string
	oldOut  string // --out / -o: the old name of --out-dir, refused
	force   bool
	plot    string
	quiet   bool
	columns []string
}

// addRunOutputFlags registers the output flags of 'run' and 'replay'.
func addRunOutputFlags(fs *pflag.FlagSet, opt *runOptions) {
	fs.StringVar(&opt.format, "format", "table", "output format: table, json or csv")
	fs.StringVar(&opt.outDir, "out-dir", "", "also write series.csv and summary.json into this directory")
	fs.StringVarP(&opt.oldOut, "out", "o", "", "not for run: its files go into a directory, --out-dir DIR")
	fs.MarkHidden("out")
	fs.StringVar(&opt.plot, "plot", "", "also write PNG and SVG charts of the series into this directory")
	fs.BoolVar(&opt.force, "force", false, "let --out-dir overwrite a directory that holds another run's files")
	fs.BoolVarP(&opt.quiet, "quiet", "q", false, "no notes on stderr (warnings still)")
	fs.StringSliceVar(&opt.columns, "columns", nil, "the table's columns, metric names (default "+strings.Join(defaultTableColumns, ",")+")")
}

// check validates the output flags.
func (opt runOptions) check(fs *pflag.FlagSet) error {
	if fs.Changed("out") {
		return usagef("invalid --out %s: a run's files go into a directory, --out-dir DIR (-o, --out names a single file, as in sweep and merge)", opt.oldOut)
	}
	if err := checkFormat(opt.format); err != nil {
		return err
	}
	return checkColumns(opt.columns)
}

// runCommand implements 'laborsim run'.
func runCommand(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg, opt, err := parseRun(args, stdout)
	if err != nil {
		return err
	}
	_, err = runAndWrite(ctx, cfg, opt, stdout, stderr)
	return err
}

// runAndWrite runs cfg and writes its output as opt says: the work of
// 'run' and 'replay'.
func runAndWrite(ctx context.Context, cfg sim.Config, opt runOptions, stdout, stderr io.Writer) (sim.Result, error) {
	if err := checkMemory(cfg, machineMemory()); err != nil {
		return sim.Result{}, err
	}
	if opt.outDir != "" && !opt.force {
		if err := checkRunDir(opt.outDir, cfg); err != nil {
			return sim.Result{}, err
		}
	}
	res, err := sim.Run(ctx, cfg)
	if err != nil {
		return res, err
	}
	if w := zeroGDP(res); w != nil {
		fmt.Fprintf(stderr, "laborsim: warning: %v\n", w)
	}
	if opt.outDir != "" {
		if err := writeRunDir(opt.outDir, res); err != nil {
			return res, err
		}
	}
	if opt.plot != "" {
		if err := writeRunCharts(ctx, opt.plot, res); err != nil {
			return res, err
		}
	}
	return res, writeResult(stdout, opt, res)
}

// parseRun reads the flags of 'run' into a validated configuration and the
// output options.
func parseRun(args []string, stdout io.Writer) (sim.Config, runOptions, error) {
	cfg := sim.DefaultConfig()
	var opt runOptions
	var config string
	fs := pflag.NewFlagSet("run", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	addRunFlags(fs, &cfg)
	addRunOutputFlags(fs, &opt)
	fs.StringVar(&config, "config", "", "scenario file (YAML) of run parameters, under the command line's")
	if err := parseFlags(fs, args, runUsage, stdout); err != nil {
		return cfg, opt, err
	}
	if err := opt.check(fs); err != nil {
		return cfg, opt, err
	}
	if config != "" {
		var err error
		if cfg, err = runConfig(config, fs); err != nil {
			return cfg, opt, err
		}
	}
	if cfg.Seed > experiments.MaxSeed {
		return cfg, opt, usagef("invalid --seed %d: must be below 2^53 (%d), so that every tool reads it exactly", cfg.Seed, uint64(experiments.MaxSeed)+1)
	}
	if err := cfg.Validate(); err != nil {
		return cfg, opt, usageError{err}
	}
	return cfg, opt, nil
}

// runConfig is the configuration of 'run --config FILE': the defaults,
// the file's run parameters, then the run flags given. A file that varies
// a parameter is refused ('run' runs once); its other sweep keys
// (replicates, per-decade, metrics) say nothing about one run, and are
// left to 'sweep'.
func runConfig(path string, fs *pflag.FlagSet) (sim.Config, error) {
	spec, err := experiments.LoadSpec(path)
	if err != nil {
		return sim.Config{}, usagef("--config: %v", err)
	}
	if msg := spec.Varies(); msg != "" {
		return sim.Config{}, usagef("--config %s: %s: run runs one scenario; use 'laborsim sweep --config %s'", path, msg, path)
	}
	cmdline, err := flagSpec(fs, sweepOptions{})
	if err != nil {
		return sim.Config{}, usageError{err}
	}
	cfg, err := experiments.Combine(spec, cmdline).Config(sim.DefaultConfig())
	if err != nil {
		return sim.Config{}, usagef("--config: %v", err)
	}
	return cfg, nil
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
func writeResult(w io.Writer, opt runOptions, res sim.Result) error {
	switch opt.format {
	case "json":
		return experiments.WriteRunJSON(w, res)
	case "csv":
		return experiments.WriteSeriesCSV(w, res.Series)
	}
	return writeTable(w, res, opt.columns)
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
		return fmt.Errorf("--out-dir: %w", err)
	}
	return nil
}

// checkRunDir refuses an --out-dir directory that is not empty unless it holds
// the files of a run with the same parameters (rewriting them is harmless).
func checkRunDir(dir string, cfg sim.Config) error {
	entries, err := os.ReadDir(dir)
	if errors.Is(err, os.ErrNotExist) || (err == nil && len(entries) == 0) {
		return nil
	}
	if err != nil {
		return usagef("invalid --out-dir %s: %v", dir, err)
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
	return usagef("invalid --out-dir %s: the directory is not empty and holds no run with these parameters; use --force to overwrite", dir)
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
