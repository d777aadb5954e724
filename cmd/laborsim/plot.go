package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"

	"github.com/spf13/pflag"

	"github.com/laborsim/laborsim/chart"
	"github.com/laborsim/laborsim/experiments"
	"github.com/laborsim/laborsim/sim"
)

const plotUsage = `Usage:
  laborsim plot run DIR [--out-dir OUTDIR] [--format png|svg]
  laborsim plot sweep RESULTS.csv --x NAME --y METRIC[,METRIC...] -o FILE.png|svg [--by NAME] [--band]

Draws charts, 1200×800 pixels, as PNG and SVG (--format picks one). Run 'laborsim plot run --help'
or 'laborsim plot sweep --help' for the flags of each.
`

const plotRunUsage = `Usage: laborsim plot run DIR [--out-dir OUTDIR] [--format png|svg]

Draws the charts of a run from DIR, a directory written by
'laborsim run --out-dir DIR' (its series.csv and summary.json), into DIR
or OUTDIR, each as NAME.png and NAME.svg (or the one --format names):

  labor-share              labor, capital, traditional capital and AI shares of GDP
  unemployment-vacancies   unemployment and vacancy rates
  wages                    mean and median wage (output per year)
  inequality               wage and income Gini
  ai-adoption              the AI fleet and agents deployed (log axis), and AI task share
  ai-price                 AI price and user cost of compute (log axis), and the frontier Φ_A
  growth                   GDP growth over the year, and compute investment as a share of GDP
  beveridge                vacancy rate against unemployment rate, in time order

'laborsim run --plot DIR' draws the same charts straight from a run.

Flags:
`

const plotSweepUsage = `Usage: laborsim plot sweep RESULTS.csv --x NAME --y METRIC[,METRIC...] -o FILE.png|svg [--by NAME] [--band]

Draws the final value of one or more metrics of a sweep's results file
against a swept parameter: at each grid point, the mean over its replicates
with the 95% confidence interval of the mean (Student's t) as error bars,
or as a band with --band. An axis is logarithmic when its values are all
positive and span more than two decades (shares, rates and Ginis stay
linear). --by draws one line per value of a second swept parameter.

NAME is a parameter as its flag is spelled (ai-agents, ai-cost-decline);
METRIC a column of the run's output (labor_share, unemployment_rate,
median_wage, wage_gini, ai_task_share, wall_seconds). Metrics drawn together
must share a unit.

Flags:
`

// plotCommand implements 'laborsim plot'.
func plotCommand(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	if len(args) == 0 {
		return usagef("plot: say what to plot: run or sweep (see 'laborsim plot --help')")
	}
	switch args[0] {
	case "run":
		return plotRunCommand(ctx, args[1:], stdout)
	case "sweep":
		return plotSweepCommand(ctx, args[1:], stdout, stderr)
	case "help", "-h", "--help":
		fmt.Fprint(stdout, plotUsage)
		return nil
	}
	return usagef("plot: unknown chart kind %q: want run or sweep", args[0])
}

// plotRunCommand implements 'laborsim plot run DIR'.
func plotRunCommand(ctx context.Context, args []string, stdout io.Writer) error {
	var out, old, format string
	var quiet bool
	fs := pflag.NewFlagSet("plot run", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&out, "out-dir", "", "write the charts into this directory (default DIR)")
	fs.StringVarP(&old, "out", "o", "", "not for plot run: its charts go into a directory, --out-dir DIR")
	fs.MarkHidden("out")
	fs.StringVar(&format, "format", "", "png or svg: only that format (default both)")
	fs.BoolVarP(&quiet, "quiet", "q", false, "nothing on stderr but warnings (it prints nothing else)")
	dir, help, err := parseWithArg(fs, args, plotRunUsage, stdout, "DIR")
	if help || err != nil {
		return err
	}
	if fs.Changed("out") {
		return usagef("invalid -o %s: plot run writes a directory of charts, --out-dir DIR (-o, --out names a single file, as in plot sweep)", old)
	}
	formats, err := chartFormats(format)
	if err != nil {
		return err
	}
	s, err := readRunDir(ctx, dir)
	if err != nil {
		return err
	}
	figs, err := chart.RunFigures(s)
	if err != nil {
		return usagef("%s: %v", filepath.Join(dir, "series.csv"), err)
	}
	if out == "" {
		out = dir
	}
	return writeCharts(ctx, out, figs, formats)
}

// chartFormats are the formats --format asks for: both by default.
func chartFormats(format string) ([]string, error) {
	switch f := strings.ToLower(format); f {
	case "":
		return chart.Formats, nil
	case "png", "svg":
		return []string{f}, nil
	}
	return nil, usagef("invalid --format %q: must be png or svg", format)
}

// writeRunCharts writes the charts of a finished run into dir: the work of
// 'laborsim run --plot DIR'.
func writeRunCharts(ctx context.Context, dir string, res sim.Result) error {
	figs, err := chart.RunFigures(chart.NewSeries(res))
	if err != nil {
		return err
	}
	return writeCharts(ctx, dir, figs, chart.Formats)
}

// writeCharts renders the charts into dir, each in formats. A signal
// stops it between two files; those written are kept.
func writeCharts(ctx context.Context, dir string, figs []chart.Figure, formats []string) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return fmt.Errorf("creating %s: %w", dir, err)
	}
	for _, f := range figs {
		for _, format := range formats {
			if ctx.Err() != nil {
				return stopped(ctx)
			}
			data, err := chart.Render(f, format)
			if err != nil {
				return err
			}
			if err := experiments.WriteFileAtomic(filepath.Join(dir, f.Name+"."+format), data); err != nil {
				return err
			}
		}
	}
	return nil
}

// readRunDir reads DIR/series.csv and DIR/summary.json, whose parameters
// are checked as the flags would be.
func readRunDir(ctx context.Context, dir string) (chart.Series, error) {
	var s chart.Series
	err := readInput(ctx, dir, "series.csv", func(r io.Reader) (err error) {
		s, err = chart.ReadSeries(r)
		return err
	})
	if err != nil {
		return s, err
	}
	err = readInput(ctx, dir, "summary.json", func(r io.Reader) (err error) {
		if s.Config, err = chart.ReadConfig(r); err != nil {
			return err
		}
		return s.Config.Validate()
	})
	return s, err
}

// readInput opens dir/name and reads it with read; any failure is bad
// input, named by the file. A signal stops the read.
func readInput(ctx context.Context, dir, name string, read func(io.Reader) error) error {
	path := filepath.Join(dir, name)
	f, err := openInput(ctx, path)
	if errors.Is(err, fs.ErrNotExist) {
		return usagef("%s: no such file (is %s a directory written by 'laborsim run --out-dir'?)", path, dir)
	}
	if err != nil {
		return usageError{err}
	}
	defer f.Close()
	err = read(f)
	switch {
	case ctx.Err() != nil:
		return stopped(ctx)
	case err != nil:
		return usagef("%s: %v", path, err)
	}
	return nil
}

// plotSweepOptions are the flags of 'plot sweep'.
type plotSweepOptions struct {
	x, by, out, format string
	y                  []string
	band, quiet        bool
}

// plotSweepCommand implements 'laborsim plot sweep RESULTS.csv'.
func plotSweepCommand(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	var opt plotSweepOptions
	fs := pflag.NewFlagSet("plot sweep", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.StringVar(&opt.x, "x", "", "swept parameter on the x axis, e.g. ai-agents (required)")
	fs.StringSliceVar(&opt.y, "y", nil, "metrics on the y axis, comma-separated, e.g. labor_share (required)")
	fs.StringVar(&opt.by, "by", "", "second swept parameter: one line per value")
	fs.StringVarP(&opt.out, "out", "o", "", "chart file to write, ending in .png or .svg (required)")
	fs.BoolVar(&opt.band, "band", false, "draw the 95% intervals as a shaded band rather than error bars")
	fs.StringVar(&opt.format, "format", "", "png or svg (default: from the extension of -o)")
	fs.BoolVarP(&opt.quiet, "quiet", "q", false, "no notes on stderr (warnings still)")
	path, help, err := parseWithArg(fs, args, plotSweepUsage, stdout, "RESULTS.csv")
	if help || err != nil {
		return err
	}
	format, err := opt.check()
	if err != nil {
		return err
	}
	if err := checkRegular(path); err != nil {
		return err
	}
	type contents struct {
		recs  []experiments.Record
		notes []error
	}
	c, err := untilDone(ctx, func() (contents, error) {
		recs, notes, err := experiments.ReadResults(path)
		return contents{recs, notes}, err
	})
	switch {
	case ctx.Err() != nil:
		return stopped(ctx)
	case err != nil:
		return usageError{err}
	}
	recs, notes := c.recs, c.notes
	if err := opt.checkColumns(recs, path); err != nil {
		return err
	}
	fig, warnings, err := chart.Sweep(recs, chart.SweepSpec{X: opt.x, Y: opt.y, By: opt.by, Band: opt.band})
	if err != nil {
		return usagef("%s: %v", path, err)
	}
	note(stderr, opt.quiet, notes...)
	for _, w := range warnings {
		fmt.Fprintf(stderr, "laborsim: warning: %v\n", w)
	}
	data, err := chart.Render(fig, format)
	switch {
	case err != nil:
		return err
	case ctx.Err() != nil:
		return stopped(ctx)
	}
	return experiments.WriteFileAtomic(opt.out, data)
}

// check validates the flags that need no file and returns the chart's
// format, from the extension of -o.
func (o *plotSweepOptions) check() (string, error) {
	o.x, o.by = strings.TrimPrefix(o.x, "--"), strings.TrimPrefix(o.by, "--")
	if o.x != "" {
		o.x = experiments.ParamFlag(o.x) // ai_agents or ai-agents
	}
	if o.by != "" {
		o.by = experiments.ParamFlag(o.by)
	}
	switch {
	case o.x == "":
		return "", usagef("--x is required: the swept parameter for the x axis, e.g. --x ai-agents")
	case len(o.y) == 0:
		return "", usagef("--y is required: the metrics to plot, e.g. --y labor_share")
	case o.out == "":
		return "", usagef("-o is required: the chart file to write, e.g. -o agents.png")
	case o.by == o.x:
		return "", usagef("invalid --by %q: it is already --x", o.by)
	}
	format := strings.ToLower(strings.TrimPrefix(filepath.Ext(o.out), "."))
	switch f := strings.ToLower(o.format); {
	case f != "" && f != "png" && f != "svg":
		return "", usagef("invalid --format %q: must be png or svg", o.format)
	case f != "" && (format == "png" || format == "svg") && f != format:
		return "", usagef("invalid --format %s: -o %s ends in .%s", o.format, o.out, format)
	case f != "":
		return f, nil
	case format != "png" && format != "svg":
		return "", usagef("invalid -o %q: the file name must end in .png or .svg (or give --format)", o.out)
	}
	return format, nil
}

// checkColumns validates --x, --by and --y against the results file.
func (o *plotSweepOptions) checkColumns(recs []experiments.Record, path string) error {
	varied := experiments.VariedParams(recs)
	swept := "no parameter varies there"
	if len(varied) > 0 {
		cols := make([]string, len(varied))
		for i, v := range varied {
			cols[i] = experiments.ParamColumn(v)
		}
		swept = "swept there: " + strings.Join(cols, ", ")
	}
	for _, p := range []struct{ flag, name string }{{"x", o.x}, {"by", o.by}} {
		switch {
		case p.name == "":
		case !experiments.IsParam(p.name):
			return usagef("invalid --%s %q: not a parameter column of %s (%s)", p.flag, p.name, path, swept)
		case p.name == "seed":
			return usagef("invalid --%s seed: the seed differs between replicates, it is not swept (%s)", p.flag, swept)
		case !slices.Contains(varied, p.name):
			return usagef("invalid --%s %q: it has one value in %s (%s)", p.flag, p.name, path, swept)
		}
	}
	for _, m := range o.y {
		if !experiments.IsMetric(m) {
			return usagef("invalid --y %q: not a metric column of a results file (metrics: %s)", m, strings.Join(experiments.MetricNames(), ", "))
		}
	}
	if err := chart.SameUnit(o.y); err != nil {
		return usagef("invalid --y %q: %v", strings.Join(o.y, ","), err)
	}
	return nil
}

// parseWithArg parses args that hold one positional argument, named what
// in messages. For --help it prints usage and the flags to stdout and
// reports help.
func parseWithArg(fs *pflag.FlagSet, args []string, usage string, stdout io.Writer, what string) (arg string, help bool, err error) {
	err = fs.Parse(args)
	if errors.Is(err, pflag.ErrHelp) {
		fmt.Fprint(stdout, usage)
		fs.SetOutput(stdout)
		fs.PrintDefaults()
		return "", true, nil
	}
	if err != nil {
		return "", false, usageError{err}
	}
	switch {
	case fs.NArg() == 0:
		return "", false, usagef("missing %s", what)
	case fs.NArg() > 1:
		return "", false, usagef("unexpected argument %q", fs.Arg(1))
	}
	return fs.Arg(0), false, nil
}
