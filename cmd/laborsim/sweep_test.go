package main

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"syscall"
	"testing"
	"time"
)

// tinySweep is a sweep of 3 points × 2 replicates of runs that take a few
// milliseconds.
var tinySweep = []string{"sweep", "--workers", "60", "--firms", "3", "--years", "1", "--vary", "ai-agents=1..100", "--replicates", "2", "--quiet"}

func sweepArgs(extra ...string) []string { return append(append([]string{}, tinySweep...), extra...) }

// stripWall drops the last column (wall_seconds) of every line.
func stripWall(t *testing.T, path string) string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var b strings.Builder
	for _, line := range strings.SplitAfter(string(data), "\n") {
		if i := strings.LastIndexByte(line, ','); i >= 0 {
			line = line[:i] + "\n"
		}
		b.WriteString(line)
	}
	return b.String()
}

func mustRun(t *testing.T, args ...string) (string, string) {
	t.Helper()
	out, errs, code := runCmd(args...)
	if code != 0 {
		t.Fatalf("%v: exit %d: %s", args, code, errs)
	}
	return out, errs
}

// TestSweepResults: the results file is the same whatever --jobs, and its
// contents (but wall time) are pinned by a golden file.
func TestSweepResults(t *testing.T) {
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.csv"), filepath.Join(dir, "b.csv")
	outA, _ := mustRun(t, sweepArgs("--jobs", "1", "--out", a, "--format", "csv")...)
	outB, _ := mustRun(t, sweepArgs("--jobs", "3", "--out", b, "--format", "csv")...)
	if stripWall(t, a) != stripWall(t, b) {
		t.Error("results files differ between --jobs 1 and --jobs 3")
	}
	golden(t, "sweep-results.csv", stripWall(t, a))
	// The summary's columns but the last two (wall time) agree too.
	cut := func(s string) string {
		var b strings.Builder
		for _, l := range strings.Split(s, "\n") {
			f := strings.Split(l, ",")
			b.WriteString(strings.Join(f[:max(0, len(f)-2)], ",") + "\n")
		}
		return b.String()
	}
	if cut(outA) != cut(outB) {
		t.Errorf("summaries differ:\n%s\n%s", outA, outB)
	}
	if !strings.HasPrefix(outA, "point,ai_agents,runs,labor_share_mean,labor_share_ci95,") || strings.Count(outA, "\n") != 4 {
		t.Errorf("summary CSV:\n%s", outA)
	}
	sum, _ := mustRun(t, "summarize", "--format", "csv", a)
	if cut(sum) != cut(outA) {
		t.Errorf("summarize differs from the sweep's summary:\n%s\n%s", sum, outA)
	}
	sum, _ = mustRun(t, "summarize", "--metrics", "income_gini,wealth_gini", a)
	if !strings.Contains(sum, "INCOME GINI") || !strings.Contains(sum, "WEALTH GINI") || strings.Contains(sum, "LABOR SHARE") {
		t.Errorf("summarize --metrics:\n%s", sum)
	}
}

// TestSweepResume: a sweep whose file was cut short, mid-line, completes
// to the same file and says what it skipped; one written for another sweep
// is refused.
func TestSweepResume(t *testing.T) {
	dir := t.TempDir()
	full, cut := filepath.Join(dir, "full.csv"), filepath.Join(dir, "cut.csv")
	mustRun(t, sweepArgs("--out", full)...)
	data, _ := os.ReadFile(full)
	os.WriteFile(cut, data[:len(data)*2/3], 0o644)
	args := sweepArgs("--out", cut)
	args = args[:len(args)-3] // without --quiet
	args = append(args, "--out", cut)
	_, errs := mustRun(t, args...)
	if !strings.Contains(errs, "is unfinished") || !strings.Contains(errs, "already holds 3 of the 6 runs; running the other 3") {
		t.Errorf("stderr: %s", errs)
	}
	if stripWall(t, cut) != stripWall(t, full) {
		t.Error("the resumed file differs from the uninterrupted one")
	}
	_, errs = mustRun(t, args...)
	if !strings.Contains(errs, "already holds all 6 runs") {
		t.Errorf("stderr: %s", errs)
	}
	_, errs, code := runCmd(sweepArgs("--out", cut, "--sigma", "0.7")...)
	if code != 2 || !strings.Contains(errs, "written for a different sweep") || !strings.Contains(errs, "sigma=0.5 where this sweep has sigma=0.7") {
		t.Errorf("another sweep: exit %d, %s", code, errs)
	}
}

func TestSweepFormats(t *testing.T) {
	out, _ := mustRun(t, sweepArgs("--format", "json")...)
	var v struct {
		Varied []string
		Points []struct {
			Params  map[string]float64
			Runs    int
			Metrics map[string]struct{ Mean, CI95 *float64 }
		}
	}
	if err := json.Unmarshal([]byte(out), &v); err != nil {
		t.Fatalf("%v:\n%s", err, out)
	}
	if len(v.Points) != 3 || v.Points[2].Params["ai_agents"] != 100 || v.Points[0].Runs != 2 || v.Points[0].Metrics["labor_share"].CI95 == nil {
		t.Errorf("json: %+v", v)
	}
	out, _ = mustRun(t, sweepArgs()...)
	for _, s := range []string{"AI_AGENTS", "LABOR SHARE", "WAGE GINI", "AI TASK SHARE", "WALL TIME", " ± "} {
		if !strings.Contains(out, s) {
			t.Errorf("table lacks %q:\n%s", s, out)
		}
	}
	_, errs := mustRun(t, sweepArgs("--replicates", "1")...)
	if !strings.Contains(errs, "warning: some points have a single replicate") {
		t.Errorf("no warning for one replicate: %q", errs)
	}
}

func TestSweepBadInput(t *testing.T) {
	dir := t.TempDir()
	badYAML := filepath.Join(dir, "bad.yaml")
	os.WriteFile(badYAML, []byte("workers: 100\nsigmaa: 2\n"), 0o644)
	notResults := filepath.Join(dir, "x.csv")
	os.WriteFile(notResults, []byte("a,b\n1,2\n"), 0o644)
	for _, c := range []struct {
		args []string
		msg  string
	}{
		{[]string{"sweep", "--vary", "nope=1,2"}, `invalid --vary nope=1,2: unknown parameter "nope"`},
		{[]string{"sweep", "--vary", "sigma=0.5,x"}, `invalid --vary sigma=0.5,x: sigma: "x" is not a number`},
		{[]string{"sweep", "--vary", "ai-agents=0..100"}, "invalid --vary ai-agents=0..100: ai-agents: range 0..100: a log range needs 0 < LO <= HI"},
		{[]string{"sweep", "--vary", "sigma=0,1"}, "grid point 0 (sigma=0): invalid --sigma 0"},
		{[]string{"sweep", "--vary", "ai-agents=1,2", "--ai-agents", "3"}, "ai-agents is both set (--ai-agents) and varied"},
		{[]string{"sweep", "--replicates", "0"}, "invalid --replicates 0"},
		{[]string{"sweep", "--per-decade", "0"}, "invalid --per-decade 0"},
		{[]string{"sweep", "--jobs", "0"}, "invalid --jobs 0: must be in [1, 1024]"},
		{[]string{"sweep", "--jobs", "1025"}, "invalid --jobs 1025: must be in [1, 1024]"},
		{[]string{"sweep", "--replicates", "100001"}, "invalid --replicates 100001: must be in [1, 100000]"},
		{[]string{"sweep", "--vary", "ai-agents=1,1"}, "invalid --vary ai-agents=1,1: the value ai-agents=1 is given twice"},
		{[]string{"sweep", "--vary", "ai-agents=1e3,1000"}, "invalid --vary ai-agents=1e3,1000: the value ai-agents=1000 is given twice"},
		{[]string{"sweep", "--vary", "ai-agents=1,1+sigma=0.5,0.5"}, "the value ai-agents=1+sigma=0.5 is given twice"},
		{[]string{"sweep", "--dry-run", "--vary", "ai-agents=1..1000000", "--vary", "workers=1..1000000", "--per-decade", "1000"}, "the grid would have 14417209 points, more than the 100000 a sweep may have"},
		{[]string{"sweep", "--dry-run", "--vary", "ai-agents=1..1000000", "--per-decade", "2", "--replicates", "100000"}, "the grid would have 13 points × 100000 replicates = 1300000 runs, more than the 1000000 a sweep may have"},
		{[]string{"sweep", "--shard", "3/2"}, `invalid --shard "3/2"`},
		{[]string{"sweep", "--shard", "0/3"}, `invalid --shard "0/3": shard 0/3: shards count from 1 (1/3 … 3/3)`},
		{[]string{"sweep", "--shards", "3"}, "--shards needs JOB_COMPLETION_INDEX"},
		{[]string{"sweep", "--format", "xml"}, `invalid --format "xml"`},
		{[]string{"sweep", "--metrics", "labor_share,workers"}, "invalid --metrics workers"},
		{[]string{"summarize", "--metrics", "nope", "x.csv"}, "invalid --metrics nope"},
		{[]string{"sweep", "--workers", "0"}, "invalid --workers 0"},
		{[]string{"sweep", "--experiment", "nope"}, `unknown experiment "nope"`},
		{[]string{"sweep", "--config", badYAML}, "bad.yaml:2: sigmaa: unknown key"},
		{[]string{"sweep", "--config", filepath.Join(dir, "none.yaml")}, "none.yaml"},
		{[]string{"sweep", "--out", notResults, "--workers", "50", "--firms", "2", "--years", "1"}, "is not a results file"},
		{[]string{"merge", "a.csv"}, "--out FILE is required"},
		{[]string{"merge", "--out", filepath.Join(dir, "m.csv")}, "no shard files given"},
		{[]string{"merge", "--out", filepath.Join(dir, "m.csv"), filepath.Join(dir, "none.csv")}, "no such file"},
		{[]string{"summarize"}, "want one results file"},
		{[]string{"summarize", notResults}, "is not a results file"},
		{[]string{"experiments", "nope"}, `unknown experiment "nope"`},
	} {
		_, errs, code := runCmd(c.args...)
		if code != 2 || !strings.Contains(errs, c.msg) || strings.Count(errs, "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and %q", c.args, code, errs, c.msg)
		}
	}
}

func TestExperimentsCommand(t *testing.T) {
	out, _ := mustRun(t, "experiments")
	for _, name := range []string{"agents ", "cost-decline ", "scale ", "policies "} {
		if !strings.Contains(out, name) {
			t.Errorf("experiments does not list %s:\n%s", name, out)
		}
	}
	text, _ := mustRun(t, "experiments", "cost-decline")
	file := filepath.Join(t.TempDir(), "c.yaml")
	os.WriteFile(file, []byte(text), 0o644)
	plan, _ := mustRun(t, "sweep", "--config", file, "--dry-run")
	plan2, _ := mustRun(t, "sweep", "--experiment", "cost-decline", "--dry-run")
	if plan != plan2 || !strings.Contains(plan, "3 points × 3 replicates = 9 runs") || !strings.Contains(plan, "ai-cost-decline=1.5874") {
		t.Errorf("plans:\n%s\n%s", plan, plan2)
	}
	// Flags override the experiment.
	plan, _ = mustRun(t, "sweep", "--experiment", "agents", "--dry-run", "--per-decade", "2", "--replicates", "1", "--vary", "ai-agents=10..1000")
	if !strings.Contains(plan, "5 points × 1 replicates = 5 runs") || !strings.Contains(plan, "point 1: ai-agents=32") {
		t.Errorf("overridden plan:\n%s", plan)
	}
}

func TestSweepHelp(t *testing.T) {
	for _, cmd := range []string{"sweep", "merge", "summarize", "experiments"} {
		out, _, code := runCmd(cmd, "--help")
		if code != 0 || !strings.Contains(out, "Usage: laborsim "+cmd) {
			t.Errorf("%s --help: exit %d:\n%s", cmd, code, out)
		}
	}
	out, _, _ := runCmd("sweep", "--help")
	for _, f := range []string{"--vary", "--per-decade", "--replicates", "--jobs", "--out", "--shard", "--shards", "--experiment", "--config", "--quiet", "--workers", "--ai-agents"} {
		if !strings.Contains(out, f) {
			t.Errorf("sweep --help does not explain %s", f)
		}
	}
	if out, _, _ := runCmd("help"); !strings.Contains(out, "laborsim sweep") || !strings.Contains(out, "laborsim merge") {
		t.Errorf("help:\n%s", out)
	}
}

func TestSweepShard(t *testing.T) {
	env := func(kv ...string) func(string) string {
		return func(k string) string {
			for i := 0; i+1 < len(kv); i += 2 {
				if kv[i] == k {
					return kv[i+1]
				}
			}
			return ""
		}
	}
	for _, c := range []struct {
		opt  sweepOptions
		env  func(string) string
		want string
		err  string
	}{
		{sweepOptions{}, env(), "1/1", ""},
		{sweepOptions{shard: "2/3"}, env("SLURM_ARRAY_TASK_ID", "0", "SLURM_ARRAY_TASK_COUNT", "2"), "2/3", ""},
		{sweepOptions{shard: "0/3"}, env(), "", "shards count from 1"},
		{sweepOptions{shard: "4/3"}, env(), "", "want 1 <= i <= n"},
		// An array 0-3 and an array 1-4 give the same shards 1/4 … 4/4.
		{sweepOptions{}, env("SLURM_ARRAY_TASK_ID", "0", "SLURM_ARRAY_TASK_COUNT", "4"), "1/4", ""},
		{sweepOptions{}, env("SLURM_ARRAY_TASK_ID", "3", "SLURM_ARRAY_TASK_COUNT", "4"), "4/4", ""},
		{sweepOptions{}, env("SLURM_ARRAY_TASK_ID", "1", "SLURM_ARRAY_TASK_COUNT", "4", "SLURM_ARRAY_TASK_MIN", "1"), "1/4", ""},
		{sweepOptions{}, env("SLURM_ARRAY_TASK_ID", "4", "SLURM_ARRAY_TASK_COUNT", "4", "SLURM_ARRAY_TASK_MIN", "1"), "4/4", ""},
		{sweepOptions{}, env("SLURM_ARRAY_TASK_ID", "6", "SLURM_ARRAY_TASK_COUNT", "4", "SLURM_ARRAY_TASK_STEP", "2"), "4/4", ""},
		{sweepOptions{}, env("SLURM_ARRAY_TASK_ID", "5", "SLURM_ARRAY_TASK_COUNT", "4"), "", "does not give a shard"},
		{sweepOptions{}, env("SLURM_ARRAY_TASK_ID", "0", "SLURM_ARRAY_TASK_COUNT", "4", "SLURM_ARRAY_TASK_MIN", "1"), "", "does not give a shard"},
		{sweepOptions{shards: 4}, env("SLURM_ARRAY_TASK_ID", "2", "SLURM_ARRAY_TASK_COUNT", "4", "SLURM_ARRAY_TASK_MIN", "1"), "2/4", ""},
		{sweepOptions{shards: 8}, env("SLURM_ARRAY_TASK_ID", "5", "SLURM_ARRAY_TASK_COUNT", "1", "SLURM_ARRAY_TASK_MIN", "5"), "", "cannot tell its shard"},
		{sweepOptions{}, env("SLURM_ARRAY_TASK_ID", "5", "SLURM_ARRAY_TASK_COUNT", "1", "SLURM_ARRAY_TASK_MIN", "5"), "", "an array of one task"},
		{sweepOptions{}, env("SLURM_ARRAY_TASK_ID", "1", "SLURM_ARRAY_TASK_COUNT", "1", "SLURM_ARRAY_TASK_MIN", "1"), "1/1", ""},
		{sweepOptions{shards: 5}, env("JOB_COMPLETION_INDEX", "0"), "1/5", ""},
		{sweepOptions{shards: 5}, env("JOB_COMPLETION_INDEX", "4"), "5/5", ""},
		{sweepOptions{}, env("JOB_COMPLETION_INDEX", "4"), "", "give --shards n"},
		{sweepOptions{shards: 4}, env("JOB_COMPLETION_INDEX", "4"), "", "not in [0, --shards 4)"},
	} {
		sh, _, err := sweepShard(c.opt, c.env)
		switch {
		case c.err != "" && (err == nil || !strings.Contains(err.Error(), c.err)):
			t.Errorf("%+v: %v, want error %q", c.opt, err, c.err)
		case c.err == "" && (err != nil || sh.String() != c.want):
			t.Errorf("%+v: %v %v, want %s", c.opt, sh, err, c.want)
		}
	}
}

// binary builds the command once for the tests that run it as a process.
var binary = sync.OnceValues(func() (string, error) {
	dir, err := os.MkdirTemp("", "laborsim-test")
	if err != nil {
		return "", err
	}
	bin := filepath.Join(dir, "laborsim")
	out, err := exec.Command("go", "build", "-o", bin, ".").CombinedOutput()
	if err != nil {
		return "", &exec.ExitError{Stderr: out}
	}
	return bin, nil
})

func buildBinary(t *testing.T) string {
	t.Helper()
	bin, err := binary()
	if err != nil {
		t.Fatalf("go build: %v", err)
	}
	return bin
}

func readText(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

func TestMain(m *testing.M) {
	code := m.Run()
	if bin, err := binary(); err == nil && strings.Contains(bin, "laborsim-test") {
		os.RemoveAll(filepath.Dir(bin))
	}
	os.Exit(code)
}

// TestShardsMerge runs a sweep as two shards in separate processes — one
// told by --shard, one by Slurm's environment — merges them, and compares
// with the unsharded sweep, row for row.
func TestShardsMerge(t *testing.T) {
	bin := buildBinary(t)
	dir := t.TempDir()
	whole, wholeSeries := filepath.Join(dir, "whole.csv"), filepath.Join(dir, "whole-series.csv")
	mustRun(t, sweepArgs("--out", whole, "--series", wholeSeries)...)
	s0, s1 := filepath.Join(dir, "s0.csv"), filepath.Join(dir, "s1.csv")
	ser0, ser1 := filepath.Join(dir, "series0.csv"), filepath.Join(dir, "series1.parquet")
	c0 := exec.Command(bin, sweepArgs("--shard", "1/2", "--out", s0, "--series", ser0)...)
	c1 := exec.Command(bin, sweepArgs("-o", s1, "--series", ser1)...)
	c1.Env = append(os.Environ(), "SLURM_ARRAY_TASK_ID=2", "SLURM_ARRAY_TASK_MIN=1", "SLURM_ARRAY_TASK_COUNT=2")
	var c1err strings.Builder
	c1.Stderr = &c1err
	for _, c := range []*exec.Cmd{c0, c1} {
		if err := c.Start(); err != nil {
			t.Fatal(err)
		}
	}
	for _, c := range []*exec.Cmd{c0, c1} {
		if err := c.Wait(); err != nil {
			t.Fatalf("%v: %v", c.Args, err)
		}
	}
	// Under --quiet too, a shard taken from the environment is announced.
	if got := c1err.String(); got != "laborsim: shard 2/2 (from SLURM_ARRAY_TASK_ID)\n" {
		t.Errorf("the shard from Slurm's environment, under --quiet: stderr %q", got)
	}
	merged, mergedSeries := filepath.Join(dir, "merged.csv"), filepath.Join(dir, "merged-series.csv")
	out, errs := mustRun(t, "merge", "--out", merged, "--series", mergedSeries, ser1, s1, s0, ser0)
	if !strings.Contains(errs, "wrote 6 runs from 2 file(s)") || strings.Contains(errs, "warning") || !strings.Contains(out, "AI_AGENTS") {
		t.Errorf("merge: %s\n%s", errs, out)
	}
	if stripWall(t, merged) != stripWall(t, whole) {
		t.Errorf("merged shards differ from the unsharded sweep:\n%s\nwant\n%s", stripWall(t, merged), stripWall(t, whole))
	}
	if a, b := readText(t, mergedSeries), readText(t, wholeSeries); a != b || strings.Count(a, "\n") != 1+6*12 {
		t.Errorf("the merged series (%d rows) differs from the unsharded sweep's (%d rows)", strings.Count(a, "\n")-1, strings.Count(b, "\n")-1)
	}
	// Parquet out, and back in: the same rows.
	pq, back := filepath.Join(dir, "m.parquet"), filepath.Join(dir, "back.csv")
	mustRun(t, "merge", "-o", filepath.Join(dir, "m2.csv"), "--series", pq, s0, s1, ser0, ser1)
	mustRun(t, "merge", "-o", filepath.Join(dir, "m3.csv"), "--series", back, s0, s1, pq)
	if readText(t, back) != readText(t, wholeSeries) {
		t.Error("series merged to Parquet and back differ from the unsharded sweep's")
	}
	for _, c := range []struct {
		args []string
		msg  string
	}{
		{[]string{"-o", filepath.Join(dir, "x.csv"), s0, ser0}, "is a series file: give --series FILE"},
		{[]string{"-o", filepath.Join(dir, "x.csv"), "--series", filepath.Join(dir, "x.parquet"), s0, s1}, "no series file among the shards"},
		{[]string{"-o", filepath.Join(dir, "x.csv"), "--series", filepath.Join(dir, "x.parquet"), s0, s1, ser0}, "no series file holds point 0 replicate 1"},
		{[]string{"-o", filepath.Join(dir, "x.csv"), "--series", wholeSeries, s0, s1, ser0, ser1}, "invalid --series " + wholeSeries + ": the file exists"},
	} {
		_, errs, code := runCmd(append([]string{"merge"}, c.args...)...)
		if code != 2 || !strings.Contains(errs, c.msg) || strings.Count(errs, "\n") != 1 {
			t.Errorf("merge %v: exit %d, %s\nwant %q", c.args, code, errs, c.msg)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "x.csv")); err == nil {
		t.Error("a refused merge wrote its --out")
	}
	// One shard alone holds replicate 0 of each point here (shards deal
	// runs out in turn): the summary warns that there is no interval.
	_, errs = mustRun(t, "merge", "--force", "--out", merged, s0)
	if !strings.Contains(errs, "warning: ") || !strings.Contains(errs, "interval") {
		t.Errorf("one shard alone: no warning: %s", errs)
	}
}

// TestMergeRefuses: merge refuses an --out that is one of its shards or
// exists (without --force), shards of different sweeps, and (without
// --partial) a grid with runs missing; what it refuses it leaves as it was.
func TestMergeRefuses(t *testing.T) {
	dir := t.TempDir()
	p := func(name string) string { return filepath.Join(dir, name) }
	mustRun(t, sweepArgs("--shard", "1/2", "--out", p("s1.csv"))...)
	mustRun(t, sweepArgs("--shard", "2/2", "--out", p("s2.csv"))...)
	mustRun(t, sweepArgs("--shard", "2/2", "--years", "2", "--out", p("y2.csv"))...)
	mustRun(t, sweepArgs("--shard", "2/2", "--frictionless", "--out", p("fl.csv"))...)
	mustRun(t, sweepArgs("--shard", "2/2", "--seed", "9", "--out", p("seed9.csv"))...)
	mustRun(t, sweepArgs("--shard", "1/3", "--out", p("t1.csv"))...)
	mustRun(t, sweepArgs("--shard", "2/3", "--out", p("t2.csv"))...)
	if err := os.Link(p("s1.csv"), p("link.csv")); err != nil {
		t.Fatal(err)
	}
	os.WriteFile(p("old.csv"), []byte("keep me\n"), 0o644)
	before, _ := os.ReadFile(p("s1.csv"))
	for _, c := range []struct {
		args []string
		code int
		msg  string
	}{
		{[]string{"--out", p("s1.csv"), p("s2.csv"), p("s1.csv")}, 2, "invalid --out " + p("s1.csv") + ": it is one of the shards"},
		{[]string{"--force", "--out", p("link.csv"), p("s1.csv"), p("s2.csv")}, 2, "it is one of the shards (" + p("s1.csv") + ")"},
		{[]string{"--out", p("old.csv"), p("s1.csv"), p("s2.csv")}, 2, "invalid --out " + p("old.csv") + ": the file exists; use --force to replace it"},
		{[]string{"--out", p("m.csv"), p("s1.csv"), p("y2.csv")}, 2, "point 0 has years=1 in replicate 0 (" + p("s1.csv") + ") but years=2 in replicate 1 (" + p("y2.csv") + ")"},
		{[]string{"--out", p("m.csv"), p("s1.csv"), p("fl.csv")}, 2, "point 0 has frictionless=false in replicate 0 (" + p("s1.csv") + ") but frictionless=true in replicate 1 (" + p("fl.csv") + ")"},
		{[]string{"--out", p("m.csv"), p("s1.csv"), p("seed9.csv")}, 2, "come from different --seed values"},
		{[]string{"--out", p("m.csv"), p("t1.csv"), p("t2.csv")}, 1, "not merged: 2 of 6 runs (3 points × 2 replicates) are missing: point 1 replicate 0, point 2 replicate 1; give every shard's file, or --partial"},
	} {
		_, errs, code := runCmd(append([]string{"merge"}, c.args...)...)
		if code != c.code || !strings.Contains(errs, c.msg) || strings.Count(errs, "\n") != 1 {
			t.Errorf("merge %v: exit %d, %s\nwant exit %d, %q", c.args, code, errs, c.code, c.msg)
		}
	}
	if _, err := os.Stat(p("m.csv")); err == nil {
		t.Error("a refused merge wrote its --out")
	}
	if after, _ := os.ReadFile(p("s1.csv")); string(after) != string(before) {
		t.Error("a refused merge changed a shard")
	}
	if old, _ := os.ReadFile(p("old.csv")); string(old) != "keep me\n" {
		t.Error("a refused merge replaced an existing file")
	}
	mustRun(t, "merge", "--force", "--out", p("old.csv"), p("s1.csv"), p("s2.csv"))
	if rows(p("old.csv")) != 6 {
		t.Errorf("merge --force: %d rows, want 6", rows(p("old.csv")))
	}
	_, errs := mustRun(t, "merge", "--partial", "--out", p("part.csv"), p("t1.csv"), p("t2.csv"))
	if rows(p("part.csv")) != 4 || !strings.Contains(errs, "warning: 2 of 6 runs (3 points × 2 replicates) are missing") {
		t.Errorf("merge --partial: %d rows, stderr %s", rows(p("part.csv")), errs)
	}
}

// slowSweep is a sweep of 10 points × 2 replicates that takes about a
// second at --jobs 1, so that it can be stopped between its first row and
// its last.
var slowSweep = []string{"sweep", "--workers", "3000", "--firms", "10", "--years", "3", "--vary", "ai-agents=1..1000", "--per-decade", "3", "--replicates", "2", "--quiet", "--jobs", "1"}

const slowSweepRuns = 20

// rows is the number of finished rows of the results file at path.
func rows(path string) int {
	data, _ := os.ReadFile(path)
	return max(0, strings.Count(string(data), "\n")-1)
}

// stopAfter starts the command, waits until path holds at least n rows,
// and stops the process with SIGSTOP. It returns the process's result
// channel, or false if the process ended before it could be stopped (it
// ran too fast). A stopped process holds its files and lock and writes
// nothing, so what the test then sees of path is what the process left.
func stopAfter(t *testing.T, c *exec.Cmd, path string, n int) (<-chan error, bool) {
	t.Helper()
	if err := c.Start(); err != nil {
		t.Fatal(err)
	}
	done := make(chan error, 1)
	go func() { done <- c.Wait() }()
	for rows(path) < n {
		select {
		case err := <-done:
			t.Logf("%v ended (%v) before %s held %d rows", c.Args, err, path, n)
			return done, false
		case <-time.After(time.Millisecond):
		}
	}
	if err := c.Process.Signal(syscall.SIGSTOP); err != nil {
		<-done
		return done, false
	}
	// The process may have ended between the last look and the signal: it
	// is stopped only if the kernel says so.
	for {
		stat, err := os.ReadFile(fmt.Sprintf("/proc/%d/stat", c.Process.Pid))
		if err != nil {
			t.Skipf("cannot see the process's state: %v", err)
		}
		fields := strings.Fields(string(stat[bytes.LastIndexByte(stat, ')')+1:]))
		switch fields[0] {
		case "T", "t":
			return done, true
		case "Z", "X":
			<-done
			return done, false
		}
		time.Sleep(time.Millisecond)
	}
}

// TestOneWriter starts a sweep, stops it (SIGSTOP) once it has written a
// row, and starts a second sweep on the same results file: the second is
// refused at once (exit 1, one line) and changes nothing; the first, let
// go on, finishes the file.
func TestOneWriter(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs two processes")
	}
	bin := buildBinary(t)
	for attempt := 1; ; attempt++ {
		path := filepath.Join(t.TempDir(), "r.csv")
		first := exec.Command(bin, append(slowSweep, "--out", path)...)
		done, stopped := stopAfter(t, first, path, 1)
		if !stopped {
			if attempt == 5 {
				t.Fatal("the sweep ended five times before it could be stopped")
			}
			continue
		}
		before, _ := os.ReadFile(path)
		second := exec.Command(bin, append(slowSweep, "--out", path)...)
		var stderr strings.Builder
		second.Stderr = &stderr
		err := second.Run()
		first.Process.Signal(syscall.SIGCONT)
		var ee *exec.ExitError
		if !errors.As(err, &ee) || ee.ExitCode() != 1 {
			t.Errorf("second writer: %v, want exit 1", err)
		}
		if msg := stderr.String(); !strings.Contains(msg, "--out: "+path+" is in use by another laborsim process") || strings.Count(msg, "\n") != 1 {
			t.Errorf("second writer's stderr:\n%s", msg)
		}
		if after, _ := os.ReadFile(path); !bytes.HasPrefix(after, before) {
			t.Errorf("the refused writer changed the file")
		}
		if err := <-done; err != nil {
			t.Fatalf("the first writer, continued: %v", err)
		}
		if n := rows(path); n != slowSweepRuns {
			t.Errorf("the first writer's file holds %d rows, want %d", n, slowSweepRuns)
		}
		return
	}
}

// TestKill9 kills a sweep with SIGKILL three times, each time once its
// file holds some but not all of the runs (the process is stopped first,
// so the file cannot change between the look and the kill, and the exit
// status must say SIGKILL ended it); restarted, the sweep's results file
// equals an uninterrupted sweep's, and so does its series file (--series),
// byte for byte: a run whose series rows were written, wholly or in part,
// when the kill landed is neither lost nor repeated.
func TestKill9(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and kills a process")
	}
	bin := buildBinary(t)
	dir := t.TempDir()
	whole, wholeSeries := filepath.Join(dir, "whole.csv"), filepath.Join(dir, "whole-series.csv")
	mustRun(t, append(slowSweep, "--out", whole, "--series", wholeSeries)...)
	path, series := filepath.Join(dir, "killed.csv"), filepath.Join(dir, "killed-series.csv")
	kills := 0
	for attempt := 0; kills < 3; attempt++ {
		if attempt == 10 {
			t.Fatalf("killed the sweep part-way only %d times in %d attempts", kills, attempt)
		}
		c := exec.Command(bin, append(slowSweep, "--out", path, "--series", series)...)
		done, stopped := stopAfter(t, c, path, rows(path)+2)
		if !stopped {
			continue
		}
		held := rows(path)
		if held >= slowSweepRuns {
			c.Process.Signal(syscall.SIGCONT)
			<-done
			os.Remove(path)
			continue
		}
		c.Process.Kill()
		err := <-done
		var ee *exec.ExitError
		if !errors.As(err, &ee) {
			t.Fatalf("kill -9: %v", err)
		}
		ws, ok := ee.Sys().(syscall.WaitStatus)
		if !ok || !ws.Signaled() || ws.Signal() != syscall.SIGKILL {
			t.Fatalf("the sweep was not ended by SIGKILL: %v", err)
		}
		if got := rows(path); got != held || held == 0 {
			t.Fatalf("killed with %d of %d rows written; the file holds %d", held, slowSweepRuns, got)
		}
		kills++
		t.Logf("kill %d: the sweep was killed by SIGKILL with %d of %d rows written", kills, held, slowSweepRuns)
	}
	_, errs := mustRun(t, append(slices.DeleteFunc(slices.Clone(slowSweep), func(s string) bool { return s == "--quiet" }), "--out", path, "--series", series)...)
	if !strings.Contains(errs, "already holds") {
		t.Errorf("the restarted sweep did not resume: %s", errs)
	}
	if got, want := stripWall(t, path), stripWall(t, whole); got != want {
		t.Errorf("after kill -9 and restarts the file differs:\n%s\nwant\n%s", got, want)
	}
	// The series of every run once, whole: no row lost or repeated.
	if got, want := readText(t, series), readText(t, wholeSeries); got != want {
		t.Errorf("after kill -9 and restarts the series differs: %d rows, want %d", strings.Count(got, "\n")-1, strings.Count(want, "\n")-1)
	}
}

// TestHugeGridFailsFast: a grid past the limits — here 3,026,209 points,
// which the old limit of 10,000,000 runs let through (its dry run peaked
// at 6.6 GB resident and took 75 s on the 2-core machine) — is refused
// before it is built: the whole command allocates less
// than 64 MB, counted by the runtime's cumulative allocation total, which
// only grows.
func TestHugeGridFailsFast(t *testing.T) {
	var before, after runtime.MemStats
	runtime.ReadMemStats(&before)
	_, errs, code := runCmd("sweep", "--dry-run", "--replicates", "1", "--vary", "ai-agents=1..1000000", "--vary", "workers=1..1000", "--per-decade", "1000")
	runtime.ReadMemStats(&after)
	if code != 2 || !strings.Contains(errs, "the grid would have 3026209 points, more than the 100000 a sweep may have") {
		t.Fatalf("exit %d: %s", code, errs)
	}
	if alloc := after.TotalAlloc - before.TotalAlloc; alloc > 64<<20 {
		t.Errorf("the refused grid allocated %d MB", alloc>>20)
	}
}
