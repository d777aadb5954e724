package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"runtime"
	"strconv"

	"github.com/spf13/pflag"

	"github.com/laborsim/laborsim/economy"
	"github.com/laborsim/laborsim/experiments"
	"github.com/laborsim/laborsim/sim"
)

const sweepUsage = `Usage: laborsim sweep [flags]

Runs a grid of scenarios, each --replicates times with seeds derived from
--seed and the point, in parallel (--jobs), and prints one row per point:
the varied values and the mean ± 95% interval across replicates of the final
labour share, capital share, AI share, unemployment rate, median wage, wage
Gini and AI task share, and the mean wall time of a run.

  --vary NAME=V1,V2,...     sweep a run flag (ai-agents or ai_agents) over a list of values
  --vary NAME=LO..HI        over a log range, --per-decade values per tenfold
                            (ai-agents=1..1000000 is 1, 10, ..., 1000000)
  --vary NAME=LO:HI:STEP    over a linear range LO, LO+STEP, ... up to HI
                            (labor-tax=0:0.4:0.1 is 0, 0.1, 0.2, 0.3, 0.4;
                            HI is a value when it is a whole number of steps
                            from LO, to within 1e-9 of a step; values are
                            rounded to 12 significant digits; a negative
                            STEP counts down from LO to HI < LO)
  --vary A=...+B=...        vary A and B together (as many values each)

--design lhs --samples N draws N points of a Latin hypercube (gonum's
samplemv) over the --vary spans instead of a grid: NAME=LO:HI sampled
linearly, NAME=LO..HI in log space; lists, steps and A+B are refused.
Counts are rounded to whole numbers, other values to 6 significant digits.
The points are drawn from --seed, so the same command gives the same
points, and a design resumes, shards and merges as a grid does.

Several --vary cross into a grid, the first varying slowest. A value given
twice in one --vary is refused. Limits: at most 100,000 grid points and
1,000,000 runs (points × replicates), --replicates in [1, 100000],
--per-decade in [1, 1000], --jobs in [1, 1024]; a grid past them is
refused before it is built. Every other run
flag (see 'laborsim run --help') fixes a parameter. Parameters come from the
defaults, then --experiment, then --config, then the command line, each
overriding the one before.

--config FILE reads a YAML scenario: run flags as keys (workers: 100000,
in either spelling) and the sweep's keys replicates, per-decade, metrics,
description, design, samples and vary (a mapping from flag to values, or a
list of such mappings, each varying its flags together). Where files go and how the
sweep runs (--out, --series, --jobs, --shard, --format, --quiet) are
command-line flags only. 'laborsim experiments NAME' prints one; examples/
has more.

-o, --out FILE appends every finished run to FILE as one CSV row and syncs
it: run_id (point × 100000 + replicate), point, replicate, every parameter,
the derived seed (below 2^53), every metric at the last step, wall_seconds;
every column snake_case. Running the same sweep with the same --out skips
the runs FILE holds, so a sweep that was stopped, even by kill -9, is
resumed by running it again. A file written by another sweep is refused.
'laborsim replay FILE ROW' runs one of its rows again, exactly.

--series FILE (with --out) also writes every step of every run, one row a
step: run_id, point, replicate, the varied parameters, seed, then step,
year and every metric. A run's series rows are synced before its results
row; a resumed sweep cuts off the rows of any run the results file does
not hold whole (one being written when the sweep stopped) and runs it
again, and runs again for its series a run whose rows the file lacks. At
the end the file is rewritten in grid order. A FILE ending in .parquet is
Parquet, staged as FILE.partial.csv (resumable CSV) until the sweep or
shard finishes.

--shard i/n runs only shard i of n (1 <= i <= n: --shard 1/3 … 3/3), every
n-th run from the i-th, for a batch scheduler; without it the shard comes
from a Slurm array (SLURM_ARRAY_TASK_ID, _MIN, _STEP and _COUNT, whatever
the array's numbering) or from JOB_COMPLETION_INDEX (from 0) with --shards
n, and is announced on stderr even with --quiet. Join the shards' files
with 'laborsim merge', their series with 'laborsim merge --series'
(docs/CLUSTER.md).

Examples:
  laborsim sweep --vary ai-agents=1..100000 --workers 100000 -o agents.csv
  laborsim sweep --vary ai-agents=1..1000 -o agents.csv --series agents-series.parquet
  laborsim sweep --vary labor-tax=0:0.4:0.1
  laborsim sweep --design lhs --samples 50 --vary sigma=0.3:1.2 --vary ai-cost-decline=3..30
  laborsim sweep --experiment cost-decline --replicates 5
  laborsim sweep --config examples/ubi.yaml --format csv > ubi-summary.csv

Flags:
`

// maxJobs bounds --jobs: each job holds a run's agents in memory.
const maxJobs = 1024

// sweepOptions are the flags of 'sweep' that are not run parameters.
type sweepOptions struct {
	vary       []string
	perDecade  int
	replicates int
	jobs       int
	format     string
	out        string
	series     string
	shard      string
	shards     int
	experiment string
	config     string
	quiet      bool
	dryRun     bool
	metrics    []string
	design     string
	samples    int
}

// sweepCommand implements 'laborsim sweep'.
func sweepCommand(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	cfg := sim.DefaultConfig()
	var opt sweepOptions
	fs := pflag.NewFlagSet("sweep", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	addRunFlags(fs, &cfg)
	fs.StringArrayVar(&opt.vary, "vary", nil, "sweep a run flag: NAME=V1,V2,..., NAME=LO..HI (log-spaced), NAME=LO:HI:STEP (linear) or NAME=LO:HI (a span, for --design lhs); repeat for a grid")
	opt.perDecade = experiments.DefaultPerDecade
	countVar(fs, &opt.perDecade, "per-decade", "values per tenfold in a LO..HI range")
	opt.replicates = experiments.DefaultReplicates
	countVar(fs, &opt.replicates, "replicates", "runs of each point, with distinct derived seeds")
	opt.jobs = runtime.NumCPU()
	countVar(fs, &opt.jobs, "jobs", "runs at once")
	fs.StringVar(&opt.format, "format", "table", "summary format: table, json or csv")
	fs.StringVarP(&opt.out, "out", "o", "", "results file: one CSV row per finished run; resumes a stopped sweep")
	fs.StringVar(&opt.series, "series", "", "series file: every step of every run, CSV or (.parquet) Parquet; needs --out")
	fs.StringVar(&opt.shard, "shard", "", "run only shard i/n of the runs (i from 1 to n)")
	countVar(fs, &opt.shards, "shards", "number of shards, with the index from JOB_COMPLETION_INDEX (Kubernetes)")
	fs.StringVar(&opt.experiment, "experiment", "", "start from a named experiment (laborsim experiments)")
	fs.StringVar(&opt.config, "config", "", "scenario file (YAML) of run and sweep parameters")
	fs.BoolVarP(&opt.quiet, "quiet", "q", false, "no progress or notes on stderr (warnings still)")
	fs.BoolVar(&opt.dryRun, "dry-run", false, "print the grid and the number of runs, run nothing")
	fs.StringSliceVar(&opt.metrics, "metrics", nil, metricsUsage)
	fs.StringVar(&opt.design, "design", "grid", "grid, or lhs: a Latin hypercube of --samples points over the --vary spans")
	countVar(fs, &opt.samples, "samples", "points of a --design lhs")
	if err := parseFlags(fs, args, sweepUsage, stdout); err != nil {
		return err
	}
	if err := checkFormat(opt.format); err != nil {
		return err
	}
	if err := checkMetrics(opt.metrics); err != nil {
		return err
	}
	if opt.jobs < 1 || opt.jobs > maxJobs {
		return usagef("invalid --jobs %d: must be in [1, %d]", opt.jobs, maxJobs)
	}
	spec, err := sweepSpec(fs, opt)
	if err != nil {
		return usageError{err}
	}
	if opt.metrics == nil {
		opt.metrics = spec.Metrics // a scenario's metrics: key
	}
	sw, err := designSweep(spec)
	if err != nil {
		return usageError{err}
	}
	shard, from, err := sweepShard(opt, os.Getenv)
	if err != nil {
		return usageError{err}
	}
	if from != "" {
		// Always, even under --quiet: a variable left in the environment
		// would otherwise silently turn a whole sweep into one shard.
		fmt.Fprintf(stderr, "laborsim: shard %v (from %s)\n", shard, from)
	}
	if opt.dryRun {
		n := 0
		for i := range sw.Len() {
			if shard.Has(i) {
				n++
			}
		}
		return writePlan(stdout, sw, shard, n)
	}
	var runs []experiments.Run
	for i := range sw.Len() {
		if shard.Has(i) {
			runs = append(runs, sw.Run(i))
		}
	}
	if err := checkSweepMemory(runs, opt.jobs, machineMemory()); err != nil {
		return err
	}
	recs, err := execSweep(ctx, sw, runs, opt, stderr)
	if err != nil {
		return err
	}
	if shard.Count == 1 {
		return printSummary(stdout, stderr, opt.format, experiments.Summarize(recs, sw.Names, opt.metrics, sw.Replicates))
	}
	// A shard holds only some of each point's replicates: its summary is
	// partial, and warnings about short points would only be noise.
	if !opt.quiet {
		fmt.Fprintf(stderr, "laborsim: the summary covers shard %v only; 'laborsim merge' the shards for the whole sweep\n", shard)
	}
	s := experiments.Summarize(recs, sw.Names, opt.metrics, 0)
	s.Warnings = nil
	return printSummary(stdout, stderr, opt.format, s)
}

// sweepSpec lays the named experiment, the scenario file and the command
// line over each other.
func sweepSpec(fs *pflag.FlagSet, opt sweepOptions) (experiments.Spec, error) {
	var specs []experiments.Spec
	if opt.experiment != "" {
		e, err := experiments.Lookup(opt.experiment)
		if err != nil {
			return experiments.Spec{}, fmt.Errorf("invalid --experiment: %v", err)
		}
		specs = append(specs, e.Spec)
	}
	if opt.config != "" {
		s, err := experiments.LoadSpec(opt.config)
		if err != nil {
			return experiments.Spec{}, fmt.Errorf("--config: %w", err)
		}
		specs = append(specs, s)
	}
	cmdline, err := flagSpec(fs, opt)
	if err != nil {
		return experiments.Spec{}, err
	}
	return experiments.Combine(append(specs, cmdline)...), nil
}

// flagSpec is the command line as a spec: the run flags given, the
// --vary axes, --replicates and --per-decade if given.
func flagSpec(fs *pflag.FlagSet, opt sweepOptions) (experiments.Spec, error) {
	var s experiments.Spec
	fs.Visit(func(f *pflag.Flag) {
		if experiments.IsParam(f.Name) {
			s.Settings = append(s.Settings, experiments.Setting{Name: f.Name, Value: f.Value.String(), Source: "--" + f.Name})
		}
	})
	for _, v := range opt.vary {
		ax, err := experiments.ParseVary(v, "invalid --vary "+v)
		if err != nil {
			return s, err
		}
		s.Vary = append(s.Vary, ax)
	}
	if fs.Changed("replicates") {
		s.SetKey("replicates", opt.replicates, "--replicates")
		if opt.replicates < 1 {
			return s, fmt.Errorf("invalid --replicates %d: must be at least 1", opt.replicates)
		}
	}
	if fs.Changed("per-decade") {
		s.SetKey("per-decade", opt.perDecade, "--per-decade")
		if opt.perDecade < 1 {
			return s, fmt.Errorf("invalid --per-decade %d: must be at least 1", opt.perDecade)
		}
	}
	if fs.Changed("design") {
		if err := experiments.CheckChoice("design", opt.design); err != nil {
			return s, fmt.Errorf("invalid --design %q: %v", opt.design, err)
		}
		s.SetKey("design", opt.design, "--design")
	}
	if fs.Changed("samples") {
		if err := experiments.CheckCount("samples", opt.samples); err != nil {
			return s, fmt.Errorf("invalid --samples %d: %v", opt.samples, err)
		}
		s.SetKey("samples", opt.samples, "--samples")
	}
	return s, s.Check()
}

// sweepShard is the shard to run: --shard, else the batch scheduler's
// environment. from names the environment variable it came from.
func sweepShard(opt sweepOptions, getenv func(string) string) (sh experiments.Shard, from string, err error) {
	if opt.shards < 0 {
		return sh, "", fmt.Errorf("invalid --shards %d: must be at least 1", opt.shards)
	}
	if opt.shard != "" {
		sh, err := experiments.ParseShard(opt.shard)
		if err != nil {
			return sh, "", fmt.Errorf("invalid --shard %q: %v", opt.shard, err)
		}
		return sh, "", nil
	}
	if id := getenv("SLURM_ARRAY_TASK_ID"); id != "" {
		return slurmShard(getenv, opt.shards)
	}
	if idx := getenv("JOB_COMPLETION_INDEX"); idx != "" {
		i, err := strconv.Atoi(idx)
		switch {
		case opt.shards == 0:
			return sh, "", errors.New("JOB_COMPLETION_INDEX is set: give --shards n, the Job's completions (or --shard i/n)")
		case err != nil || i < 0 || i >= opt.shards:
			return sh, "", fmt.Errorf("JOB_COMPLETION_INDEX=%q is not in [0, --shards %d)", idx, opt.shards)
		}
		// Kubernetes counts completions from 0, shards count from 1.
		return experiments.Shard{Number: i + 1, Count: opt.shards}, "JOB_COMPLETION_INDEX", nil
	}
	if opt.shards > 0 {
		return sh, "", errors.New("--shards needs JOB_COMPLETION_INDEX or SLURM_ARRAY_TASK_ID in the environment; otherwise give --shard i/n")
	}
	return experiments.Shard{Number: 1, Count: 1}, "", nil
}

// slurmShard maps a Slurm array task to a shard, whatever the array's
// numbering: arrays 0-7, 1-8 or 0-14:2 all give shards 1/8 … 8/8 (task i is
// shard (ID − MIN) / STEP + 1 of COUNT). With --shards n the array must
// have n tasks: a resubmitted part of an array (sbatch --array=5 makes an
// array of one) cannot tell which shard it was, and is refused.
func slurmShard(getenv func(string) string, shards int) (experiments.Shard, string, error) {
	num := func(name string, def int) (int, error) {
		v := getenv(name)
		if v == "" {
			return def, nil
		}
		n, err := strconv.Atoi(v)
		if err != nil {
			return 0, fmt.Errorf("%s=%q is not an integer", name, v)
		}
		return n, nil
	}
	id, err1 := num("SLURM_ARRAY_TASK_ID", 0)
	count, err2 := num("SLURM_ARRAY_TASK_COUNT", 0)
	lo, err3 := num("SLURM_ARRAY_TASK_MIN", 0)
	step, err4 := num("SLURM_ARRAY_TASK_STEP", 1)
	if err := errors.Join(err1, err2, err3, err4); err != nil {
		return experiments.Shard{}, "", err
	}
	if shards > 0 && count != shards {
		return experiments.Shard{}, "", fmt.Errorf("SLURM_ARRAY_TASK_COUNT=%d but --shards %d: a resubmitted part of an array cannot tell its shard; give --shard i/n", count, shards)
	}
	if count == 1 && id > 1 {
		return experiments.Shard{}, "", fmt.Errorf("SLURM_ARRAY_TASK_ID=%d is an array of one task, as a resubmitted index is; give --shard i/n, the shard it retries", id)
	}
	sh := experiments.Shard{Number: 0, Count: count}
	if step >= 1 && id >= lo && (id-lo)%step == 0 {
		sh.Number = (id-lo)/step + 1
	}
	if sh.Count < 1 || sh.Number < 1 || sh.Number > sh.Count {
		return sh, "", fmt.Errorf("SLURM_ARRAY_TASK_ID=%d (array min %d, step %d, count %d) does not give a shard i/n: use an evenly spaced array such as 1-n or 0-(n-1), or give --shard i/n", id, lo, step, sh.Count)
	}
	return sh, "SLURM_ARRAY_TASK_ID", nil
}

// execSweep runs what runs the results file (if any) does not hold yet,
// appending each as it finishes, and returns every run's record: those
// found in the file and those just run.
func execSweep(ctx context.Context, sw experiments.Sweep, runs []experiments.Run, opt sweepOptions, stderr io.Writer) ([]experiments.Record, error) {
	var file *experiments.Results
	var ser *experiments.SeriesFile
	var recs []experiments.Record
	todo := runs
	if opt.series != "" && opt.out == "" {
		return nil, usagef("--series needs --out FILE: the results file records which runs finished, so that the series can be resumed")
	}
	if opt.out != "" {
		f, found, notes, err := experiments.OpenResults(opt.out, sw)
		var foreign *experiments.ForeignError
		if errors.As(err, &foreign) {
			return nil, usageError{fmt.Errorf("--out: %w", err)}
		}
		if err != nil {
			return nil, fmt.Errorf("--out: %w", err)
		}
		file = f
		todo, recs = pending(runs, f, found)
		note(stderr, opt.quiet, notes...)
		switch done := len(runs) - len(todo); {
		case opt.quiet || done == 0:
		case len(todo) == 0:
			fmt.Fprintf(stderr, "laborsim: %s already holds all %d runs; nothing to run\n", opt.out, len(runs))
		default:
			fmt.Fprintf(stderr, "laborsim: %s already holds %d of the %d runs; running the other %d\n", opt.out, done, len(runs), len(todo))
		}
		if ser, todo, err = openSweepSeries(opt, sw, f, runs, todo, stderr); err != nil {
			f.Close()
			return nil, err
		}
	}
	experiments.LargestFirst(todo)
	prog := newProgress(stderr, len(todo), opt.quiet)
	err := experiments.ExecuteSeries(ctx, todo, opt.jobs, func(rec experiments.Record, series []economy.Accounts) error {
		i := rec.Point*sw.Replicates + rec.Replicate
		if ser != nil {
			// The series rows first: a results row says its run is whole.
			if err := ser.Append(sw.Run(i), series); err != nil {
				return err
			}
		}
		if file != nil && file.Has(i) {
			return nil // run again for its series only
		}
		if file != nil {
			if err := file.Append(rec); err != nil {
				return err
			}
		}
		recs = append(recs, rec)
		prog.add(rec)
		return nil
	})
	prog.finish()
	if err != nil {
		if file != nil {
			file.Close()
		}
		if ser != nil {
			ser.Close()
		}
		if errors.Is(err, context.Canceled) && file != nil {
			return nil, fmt.Errorf("stopped with %d of %d runs in %s; run the same command again to finish: %w", len(recs), len(runs), opt.out, err)
		}
		return nil, err
	}
	if ser != nil {
		if err := ser.Finish(); err != nil {
			file.Close()
			return nil, err
		}
	}
	if file != nil {
		if err := file.Finish(); err != nil {
			return nil, err
		}
	}
	return recs, nil
}

// pending splits runs into those still to run and the records of those in
// the file.
func pending(runs []experiments.Run, f *experiments.Results, found []experiments.Record) ([]experiments.Run, []experiments.Record) {
	mine := map[[2]int]bool{}
	var todo []experiments.Run
	for _, r := range runs {
		if f.Has(r.Index) {
			mine[[2]int{r.Point, r.Replicate}] = true
		} else {
			todo = append(todo, r)
		}
	}
	var done []experiments.Record
	for _, rec := range found {
		if mine[[2]int{rec.Point, rec.Replicate}] {
			done = append(done, rec)
		}
	}
	return todo, done
}

// note prints notes, one line each, unless quiet.
func note(stderr io.Writer, quiet bool, notes ...error) {
	if quiet {
		return
	}
	for _, n := range notes {
		fmt.Fprintf(stderr, "laborsim: %v\n", n)
	}
}

// writePlan prints the grid of a dry run.
func writePlan(w io.Writer, sw experiments.Sweep, shard experiments.Shard, runs int) error {
	fmt.Fprintf(w, "%d points × %d replicates = %d runs", len(sw.Points), sw.Replicates, sw.Len())
	if shard.Count > 1 {
		fmt.Fprintf(w, "; shard %v has %d", shard, runs)
	}
	fmt.Fprintln(w)
	for _, p := range sw.Points {
		fmt.Fprintf(w, "point %d: %s\n", p.Index, p)
	}
	return nil
}
