package main

import (
	"bytes"
	"cmp"
	"context"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"

	"github.com/olekukonko/tablewriter"
	"github.com/olekukonko/tablewriter/tw"
	"github.com/spf13/pflag"

	"github.com/laborsim/laborsim/chart"
	"github.com/laborsim/laborsim/experiments"
	"github.com/laborsim/laborsim/sim"
)

const sensitivityUsage = `Usage: laborsim sensitivity --vary NAME=LO:HI [--vary ...] [flags]

Ranks parameters by their effect on the final value of one or more metrics
(--metric, default labor_share) over the ranges given with --vary, in a
sampled design run on the sweep machinery: in parallel (--jobs), resumable
from its results file (-o, --out; --series writes every step too, as a
sweep's), split into shards (--shard) and merged ('laborsim merge') like
any sweep. Every other run flag (see 'laborsim run --help') fixes a
parameter of the scenario, as in 'laborsim sweep'. --config FILE reads a
YAML scenario as a sweep's, whose keys may also give replicates, metrics
(or metric), samples, method, trajectories, levels and bootstrap; flags
override it.

  --vary NAME=LO:HI     a parameter over a linear range
  --vary NAME=LO..HI    over a log range (0 < LO), sampled in log space

Counts (workers, firms, ai-agents) are rounded to whole numbers, other
values to 6 significant digits.

--method morris (the default) computes Morris's elementary effects on
--trajectories r trajectories of k+1 points (k parameters) on a grid of
--levels p levels: the r most spread of up to 10r drawn (Campolongo, Cariboni &
Saltelli 2007), each step moving one parameter by Δ = p/(2(p−1)) of its
range. It reports per parameter μ*, the mean absolute effect, which ranks
them; μ, the mean effect (its sign the direction, when the effect is
monotonic); and σ, their spread (nonlinearity or interactions). Effects
are changes of the metric per whole range of the parameter (per whole log
range for LO..HI), so parameters in different units compare. Cost:
r·(k+1) points.

--method sobol computes variance-based indices from Saltelli et al.'s
(2010) design of --samples n rows of A, B and A_B^(i): S1, the share of
the metric's variance a parameter explains alone (Saltelli 2010), and ST,
the share it takes part in, interactions included (Jansen 1999), ranked by
ST. Cost: n·(k+2) points.

Each point runs --replicates times (default 1) with seeds derived from
--seed and the point as in a sweep; its metric is the mean over them. With
2 or more replicates the table also shows the runs' own noise and the
index a parameter without effect would get from it. Intervals are 95%
percentile bootstrap intervals over --bootstrap resamples of the
trajectories or rows. The design and the bootstrap are drawn from --seed,
so the same command gives the same table, and the table is computed from
the results file: a resumed run, or the merged files of its shards given
to the same command with -o, print the same table.

--plot FILE.png|svg draws the indices as bars, one panel per metric.

Limits: the design has at most 100,000 points and 1,000,000 runs; --levels
even in [2, 100], --trajectories in [2, 10000], --samples in [1, 100000],
--bootstrap in [1, 100000].

Examples:
  laborsim sensitivity --vary sigma=0.3:1.5 --vary ai-cost-decline=2..40 --vary ai-markup=0:1
  laborsim sensitivity --method sobol --samples 256 --vary sigma=0.3:1.5 --vary ai-cost-decline=2..40 \
      --metric labor_share,unemployment_rate -o sobol.csv --plot sobol.png
  scripts/sensitivity            # the table of docs/EXPERIMENTS.md

Flags:
`

// sensitivityOptions are the flags of 'sensitivity' that are not run
// parameters.
type sensitivityOptions struct {
	sweepOptions
	method       string
	trajectories int
	levels       int
	bootstrap    int
	plot         string
}

// sensitivityCommand implements 'laborsim sensitivity'.
func sensitivityCommand(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg := sim.DefaultConfig()
	opt := sensitivityOptions{method: experiments.MethodMorris, trajectories: experiments.DefaultTrajectories,
		levels: experiments.DefaultLevels, bootstrap: experiments.DefaultBootstrap}
	opt.samples = experiments.DefaultSobolSamples
	opt.replicates = 1
	opt.jobs = runtime.NumCPU()
	fs := pflag.NewFlagSet("sensitivity", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	addRunFlags(fs, &cfg)
	fs.StringVar(&opt.method, "method", opt.method, "morris (elementary effects) or sobol (variance-based indices)")
	fs.StringArrayVar(&opt.vary, "vary", nil, "a parameter to rank and its range: NAME=LO:HI (linear) or NAME=LO..HI (log); repeat for each")
	fs.StringSliceVar(&opt.metrics, "metric", []string{"labor_share"}, "metrics to rank by, comma-separated: columns of the results file (the final step)")
	countVar(fs, &opt.trajectories, "trajectories", "Morris: trajectories r, of k+1 points each")
	countVar(fs, &opt.levels, "levels", "Morris: levels p of each range's grid (even)")
	countVar(fs, &opt.samples, "samples", "Sobol: base samples n, of k+2 points each")
	countVar(fs, &opt.bootstrap, "bootstrap", "bootstrap resamples behind each interval")
	countVar(fs, &opt.replicates, "replicates", "runs of each point, with distinct derived seeds")
	countVar(fs, &opt.jobs, "jobs", "runs at once")
	fs.StringVarP(&opt.out, "out", "o", "", "results file: one CSV row per finished run; resumes a stopped analysis")
	fs.StringVar(&opt.series, "series", "", "series file: every step of every run, CSV or (.parquet) Parquet; needs --out")
	fs.StringVar(&opt.shard, "shard", "", "run only shard i/n of the runs (i from 1 to n)")
	countVar(fs, &opt.shards, "shards", "number of shards, with the index from JOB_COMPLETION_INDEX (Kubernetes)")
	fs.StringVar(&opt.config, "config", "", "scenario file (YAML) of run parameters, vary spans, replicates, metrics and the analysis's keys")
	fs.StringVar(&opt.format, "format", "table", "output format: table, json or csv")
	fs.StringVar(&opt.plot, "plot", "", "also draw the indices as a bar chart, FILE.png or FILE.svg")
	fs.BoolVarP(&opt.quiet, "quiet", "q", false, "no progress or notes on stderr (warnings still)")
	fs.BoolVar(&opt.dryRun, "dry-run", false, "print the design's points and the number of runs, run nothing")
	if err := parseFlags(fs, args, sensitivityUsage, stdout); err != nil {
		return err
	}
	if err := opt.check(); err != nil {
		return err
	}
	spec, err := sensitivitySpec(fs, opt)
	if err != nil {
		return usageError{err}
	}
	if !fs.Changed("metric") && spec.Metrics != nil {
		opt.metrics = spec.Metrics // a scenario's metrics: key
	}
	an, err := analysisOf(spec)
	if err != nil {
		return usageError{err}
	}
	a, sw, err := spec.Analysis(sim.DefaultConfig(), an)
	if err != nil {
		return usageError{err}
	}
	shard, from, err := sweepShard(opt.sweepOptions, os.Getenv)
	if err != nil {
		return usageError{err}
	}
	if from != "" {
		fmt.Fprintf(stderr, "laborsim: shard %v (from %s)\n", shard, from)
	}
	var runs []experiments.Run
	for i := range sw.Len() {
		if shard.Has(i) {
			runs = append(runs, sw.Run(i))
		}
	}
	if opt.dryRun {
		return writePlan(stdout, sw, shard, len(runs))
	}
	if err := checkSweepMemory(runs, opt.jobs, machineMemory()); err != nil {
		return err
	}
	recs, err := execSweep(ctx, sw, runs, opt.sweepOptions, stderr)
	if err != nil {
		return err
	}
	if shard.Count > 1 {
		if !opt.quiet {
			fmt.Fprintf(stderr, "laborsim: shard %v is done; the indices need every run: join the shards' files with 'laborsim merge -o all.csv ...' and run this command again with -o all.csv and without --shard\n", shard)
		}
		return nil
	}
	results := make([]experiments.Sensitivity, len(opt.metrics))
	for i, m := range opt.metrics {
		if results[i], err = a.Analyse(sw, recs, m); err != nil {
			return fmt.Errorf("%s: %w", m, err)
		}
	}
	if !opt.quiet && sw.Replicates == 1 {
		fmt.Fprintln(stderr, "laborsim: with --replicates 1 the runs' own noise is not measured; it is part of every index (--replicates 2 or more measures it)")
	}
	if err := writeSensitivity(stdout, opt.format, results); err != nil {
		return err
	}
	if opt.plot == "" {
		return nil
	}
	base, _ := spec.Base(sim.DefaultConfig()) // Analysis has read it
	fig, err := chart.Sensitivity(results, base)
	if err != nil {
		return err
	}
	data, err := chart.Render(fig, strings.TrimPrefix(strings.ToLower(filepath.Ext(opt.plot)), "."))
	if err != nil {
		return err
	}
	return experiments.WriteFileAtomic(opt.plot, data)
}

// check validates the flags that need nothing else.
func (o *sensitivityOptions) check() error {
	if err := checkFormat(o.format); err != nil {
		return err
	}
	for _, m := range o.metrics {
		if !experiments.IsMetric(m) {
			return usagef("invalid --metric %s: not a column of the results file (e.g. labor_share, unemployment_rate, median_wage, wage_gini, gdp)", m)
		}
	}
	switch {
	case len(o.metrics) == 0:
		return usagef("invalid --metric: give at least one metric, e.g. --metric labor_share")
	case o.jobs < 1 || o.jobs > maxJobs:
		return usagef("invalid --jobs %d: must be in [1, %d]", o.jobs, maxJobs)
	case o.replicates < 1 || o.replicates > experiments.MaxReplicates:
		return usagef("invalid --replicates %d: must be in [1, %d]", o.replicates, experiments.MaxReplicates)
	}
	if ext := strings.ToLower(filepath.Ext(o.plot)); o.plot != "" && ext != ".png" && ext != ".svg" {
		return usagef("invalid --plot %q: the file name must end in .png or .svg", o.plot)
	}
	return nil
}

// sensitivitySpec lays the named experiment, the scenario file and the
// command line over each other, as sweepSpec does, with the analysis's
// own flags (--method, --trajectories, --levels, --bootstrap) on top.
func sensitivitySpec(fs *pflag.FlagSet, opt sensitivityOptions) (experiments.Spec, error) {
	spec, err := sweepSpec(fs, opt.sweepOptions)
	if err != nil {
		return spec, err
	}
	var flags experiments.Spec
	if fs.Changed("method") {
		if err := experiments.CheckChoice("method", opt.method); err != nil {
			return spec, fmt.Errorf("invalid --method %q: %v", opt.method, err)
		}
		flags.SetKey("method", opt.method, "--method")
	}
	for _, c := range []struct {
		key string
		v   int
	}{{"trajectories", opt.trajectories}, {"levels", opt.levels}, {"bootstrap", opt.bootstrap}} {
		if !fs.Changed(c.key) {
			continue
		}
		if err := experiments.CheckCount(c.key, c.v); err != nil {
			return spec, fmt.Errorf("invalid --%s %d: %v", c.key, c.v, err)
		}
		flags.SetKey(c.key, c.v, "--"+c.key)
	}
	return experiments.Combine(spec, flags), nil
}

// analysisOf is the analysis that spec's keys describe, over the
// defaults of those not given. A key that does not apply to the method
// is refused, naming where it was given.
func analysisOf(spec experiments.Spec) (experiments.Analysis, error) {
	a := experiments.Analysis{
		Method:       cmp.Or(spec.Method, experiments.MethodMorris),
		Trajectories: cmp.Or(spec.Trajectories, experiments.DefaultTrajectories),
		Levels:       cmp.Or(spec.Levels, experiments.DefaultLevels),
		Samples:      cmp.Or(spec.Samples, experiments.DefaultSobolSamples),
		Bootstrap:    cmp.Or(spec.Bootstrap, experiments.DefaultBootstrap),
	}
	switch {
	case spec.Design != "":
		return a, fmt.Errorf("%s: a key of 'laborsim sweep': an analysis lays out its own design (--method)", spec.Given("design"))
	case spec.PerDecade != 0:
		return a, spec.KeyError("per-decade", spec.PerDecade, "it spaces a grid's log ranges; an analysis samples them")
	case a.Method == experiments.MethodMorris && spec.Samples != 0:
		return a, spec.KeyError("samples", spec.Samples, "it applies to --method sobol (Morris's size is --trajectories)")
	}
	if a.Method == experiments.MethodSobol {
		if spec.Trajectories != 0 {
			return a, spec.KeyError("trajectories", spec.Trajectories, "it applies to --method morris")
		}
		if spec.Levels != 0 {
			return a, spec.KeyError("levels", spec.Levels, "it applies to --method morris")
		}
	}
	return a, nil
}

// writeSensitivity prints the indices in the chosen format.
func writeSensitivity(w io.Writer, format string, ss []experiments.Sensitivity) error {
	var b bytes.Buffer // written at once: tablewriter drops its writer's errors
	var err error
	switch format {
	case "json":
		writeSensitivityJSON(&b, ss)
	case "csv":
		writeSensitivityCSV(&b, ss)
	default:
		err = writeSensitivityTable(&b, ss)
	}
	if err != nil {
		return err
	}
	_, err = w.Write(b.Bytes())
	return err
}

// writeSensitivityTable prints, for each metric, a heading and one row
// per parameter, most influential first, and a line on the noise.
func writeSensitivityTable(b *bytes.Buffer, ss []experiments.Sensitivity) error {
	for n, s := range ss {
		if n > 0 {
			b.WriteByte('\n')
		}
		what := s.Metric
		if c, _ := experiments.Metric(s.Metric); c.Unit != "" {
			what += " (" + c.Label + ", " + c.Unit + ")"
		} else {
			what += " (" + c.Label + ")"
		}
		fmt.Fprintf(b, "%s, final step: %s, %s, %d runs\n", what, s.Design(), plural(s.Replicates, "replicate"), s.Runs)
		t := tablewriter.NewTable(b, tablewriter.WithConfig(
			tablewriter.NewConfigBuilder().WithHeaderAutoFormat(tw.Off).Build()))
		if s.Method == experiments.MethodSobol {
			t.Header("RANK", "PARAMETER", "RANGE", "ST", "ST 95% INTERVAL", "S1", "S1 95% INTERVAL")
		} else {
			t.Header("RANK", "PARAMETER", "RANGE", "μ*", "μ* 95% INTERVAL", "μ", "σ")
		}
		for k, i := range s.Rank() {
			r := s.Ranges[i]
			row := []string{strconv.Itoa(k + 1), experiments.ParamColumn(r.Name), strings.TrimPrefix(r.String(), r.Name+"=")}
			if s.Method == experiments.MethodSobol {
				x := s.Sobol[i]
				row = append(row, sig(x.ST), interval(x.STLo, x.STHi), sig(x.S1), interval(x.S1Lo, x.S1Hi))
			} else {
				x := s.Morris[i]
				row = append(row, sig(x.MuStar), interval(x.MuStarLo, x.MuStarHi), sig(x.Mu), sig(x.Sigma))
			}
			if err := t.Append(row); err != nil {
				return err
			}
		}
		if err := t.Render(); err != nil {
			return err
		}
		if !math.IsNaN(s.Noise) {
			what := "a parameter without effect would show μ* ≈ " + sig(s.Floor)
			if s.Method == experiments.MethodSobol {
				what = "a share " + sig(s.Floor) + " of the variance is noise, which every ST includes"
			}
			fmt.Fprintf(b, "replicate noise: s.e. %s of a point's mean; %s\n", sig(s.Noise), what)
		}
	}
	return nil
}

// sig writes x to 4 significant digits.
func sig(x float64) string {
	if math.IsNaN(x) {
		return "—"
	}
	return strconv.FormatFloat(x, 'g', 4, 64)
}

func interval(lo, hi float64) string {
	if math.IsNaN(lo) {
		return "—"
	}
	return sig(lo) + " to " + sig(hi)
}

// plural is "1 replicate" or "n replicates".
func plural(n int, what string) string {
	if n == 1 {
		return "1 " + what
	}
	return fmt.Sprintf("%d %ss", n, what)
}

// writeSensitivityCSV writes one row per metric and parameter, most
// influential first: metric, method, rank, parameter, its range (low,
// high, scale linear or log), the indices and their intervals (lo, hi),
// the noise's standard error and floor (empty when not measured).
func writeSensitivityCSV(b *bytes.Buffer, ss []experiments.Sensitivity) {
	head := "metric,method,rank,parameter,low,high,scale,"
	if len(ss) > 0 && ss[0].Method == experiments.MethodSobol {
		head += "st,st_lo,st_hi,s1,s1_lo,s1_hi"
	} else {
		head += "mu_star,mu_star_lo,mu_star_hi,mu,sigma"
	}
	b.WriteString(head + ",noise_se,floor\n")
	for _, s := range ss {
		for k, i := range s.Rank() {
			r := s.Ranges[i]
			row := []string{s.Metric, s.Method, strconv.Itoa(k + 1), experiments.ParamColumn(r.Name), formatNumber(r.Lo), formatNumber(r.Hi), scale(r)}
			for _, v := range indexValues(s, i) {
				row = append(row, csvNumber(v))
			}
			row = append(row, csvNumber(s.Noise), csvNumber(s.Floor))
			b.WriteString(strings.Join(row, ",") + "\n")
		}
	}
}

func scale(r experiments.Range) string {
	if r.Log {
		return "log"
	}
	return "linear"
}

// indexValues are parameter i's indices in the CSV's order.
func indexValues(s experiments.Sensitivity, i int) []float64 {
	if s.Method == experiments.MethodSobol {
		x := s.Sobol[i]
		return []float64{x.ST, x.STLo, x.STHi, x.S1, x.S1Lo, x.S1Hi}
	}
	x := s.Morris[i]
	return []float64{x.MuStar, x.MuStarLo, x.MuStarHi, x.Mu, x.Sigma}
}

// writeSensitivityJSON writes {"method", "design", "replicates", "runs",
// "metrics": [{"metric", "noise_se", "floor", "parameters": [{"rank",
// "name", "low", "high", "scale", and the indices}]}]}, parameters most
// influential first; a number not measured is null.
func writeSensitivityJSON(b *bytes.Buffer, ss []experiments.Sensitivity) {
	s0 := ss[0]
	fmt.Fprintf(b, `{"method":%q,"design":%q,"replicates":%d,"runs":%d,"metrics":[`, s0.Method, s0.Design(), s0.Replicates, s0.Runs)
	names := []string{"mu_star", "mu_star_lo", "mu_star_hi", "mu", "sigma"}
	if s0.Method == experiments.MethodSobol {
		names = []string{"st", "st_lo", "st_hi", "s1", "s1_lo", "s1_hi"}
	}
	for n, s := range ss {
		if n > 0 {
			b.WriteString(",\n")
		}
		fmt.Fprintf(b, `{"metric":%q,"noise_se":%s,"floor":%s,"parameters":[`, s.Metric, jsonNumber(s.Noise), jsonNumber(s.Floor))
		for k, i := range s.Rank() {
			if k > 0 {
				b.WriteByte(',')
			}
			r := s.Ranges[i]
			fmt.Fprintf(b, "\n"+`{"rank":%d,"name":%q,"low":%s,"high":%s,"scale":%q`, k+1, experiments.ParamColumn(r.Name), jsonNumber(r.Lo), jsonNumber(r.Hi), scale(r))
			for j, v := range indexValues(s, i) {
				fmt.Fprintf(b, `,%q:%s`, names[j], jsonNumber(v))
			}
			b.WriteByte('}')
		}
		b.WriteString("]}")
	}
	b.WriteString("]}\n")
}
