package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// TestSweepLinear: a linear range makes one grid point per value, HI
// included.
func TestSweepLinear(t *testing.T) {
	out, _ := mustRun(t, "sweep", "--workers", "60", "--firms", "3", "--years", "1", "--vary", "labor-tax=0:0.2:0.1",
		"--replicates", "1", "--quiet", "--format", "csv", "--metrics", "labor_share")
	lines := strings.Split(strings.TrimSpace(out), "\n")
	if len(lines) != 4 || lines[0] != "point,labor_tax,runs,labor_share_mean,labor_share_ci95" {
		t.Fatalf("summary:\n%s", out)
	}
	for i, v := range []string{"0", "0.1", "0.2"} {
		if !strings.HasPrefix(lines[i+1], strings.Join([]string{string(rune('0' + i)), v, "1"}, ",")+",") {
			t.Errorf("row %d is %q, want labor_tax %s", i, lines[i+1], v)
		}
	}
}

var tinyLHS = []string{"sweep", "--workers", "60", "--firms", "3", "--years", "1", "--design", "lhs", "--samples", "4",
	"--vary", "sigma=0.3:1.5", "--vary", "ai-cost-decline=2..40", "--replicates", "2", "--quiet"}

// TestSweepLHS: a Latin hypercube's runs resume from their results file,
// and its shards merge into the whole design's file.
func TestSweepLHS(t *testing.T) {
	dir := t.TempDir()
	whole := filepath.Join(dir, "whole.csv")
	mustRun(t, append(tinyLHS, "--out", whole)...)
	loud := append([]string{}, tinyLHS[:len(tinyLHS)-1]...) // without --quiet
	if _, errs := mustRun(t, append(loud, "--out", whole)...); !strings.Contains(errs, "already holds all 8 runs") {
		t.Errorf("rerun: %q, want nothing left to run", errs)
	}
	var shards []string
	for _, sh := range []string{"1/3", "2/3", "3/3"} {
		f := filepath.Join(dir, "shard"+sh[:1]+".csv")
		mustRun(t, append(tinyLHS, "--shard", sh, "--out", f)...)
		shards = append(shards, f)
	}
	merged := filepath.Join(dir, "merged.csv")
	mustRun(t, append([]string{"merge", "--out", merged}, shards...)...)
	if stripWall(t, merged) != stripWall(t, whole) {
		t.Error("the merged shards differ from the whole design's results file")
	}
	plan, _ := mustRun(t, append(tinyLHS, "--dry-run")...)
	if !strings.HasPrefix(plan, "4 points × 2 replicates = 8 runs\npoint 0: sigma=") || strings.Count(plan, "ai-cost-decline=") != 4 {
		t.Errorf("dry run:\n%s", plan)
	}
	// Another seed draws other points, and the file refuses them.
	if _, errs, code := runCmd(append(tinyLHS, "--seed", "2", "--out", whole)...); code != 2 || !strings.Contains(errs, "written for a different sweep") {
		t.Errorf("another --seed on the same file: exit %d, %q", code, errs)
	}
}

func TestDesignBadInput(t *testing.T) {
	for _, c := range []struct {
		args []string
		msg  string
	}{
		{[]string{"sweep", "--design", "lhs", "--vary", "sigma=0.3:1.5"}, "--design lhs needs --samples N"},
		{[]string{"sweep", "--design", "lhs", "--samples", "0", "--vary", "sigma=0.3:1.5"}, "invalid --samples 0: must be in [1, 100000]"},
		{[]string{"sweep", "--design", "lhs", "--samples", "-3", "--vary", "sigma=0.3:1.5"}, "invalid --samples -3"},
		{[]string{"sweep", "--design", "sobol", "--vary", "sigma=0.3:1.5"}, `invalid --design "sobol": must be grid or lhs`},
		{[]string{"sweep", "--samples", "5", "--vary", "sigma=0.5,1"}, "invalid --samples 5: it sizes a --design lhs"},
		{[]string{"sweep", "--design", "lhs", "--samples", "5", "--vary", "sigma=0.5,1"}, "invalid --vary sigma=0.5,1: sigma: a design samples a span"},
		{[]string{"sweep", "--design", "lhs", "--samples", "5", "--vary", "sigma=0.5:1:0.1"}, "without a step"},
		{[]string{"sweep", "--design", "lhs", "--samples", "5", "--per-decade", "3", "--vary", "sigma=0.5..1"}, "invalid --per-decade 3"},
		{[]string{"sweep", "--vary", "labor-tax=0:0.4:0"}, "invalid --vary labor-tax=0:0.4:0: labor-tax: range 0:0.4:0: the step is 0"},
		{[]string{"sweep", "--vary", "labor-tax=0:0.4:-0.1"}, "invalid --vary labor-tax=0:0.4:-0.1"},
		{[]string{"sweep", "--vary", "labor-tax=0:1:1e-7"}, "more than the 100000 a sweep may have"},
		{[]string{"sweep", "--vary", "labor-tax=0:0.4"}, "has no step"},
	} {
		_, errs, code := runCmd(c.args...)
		if code != 2 || !strings.Contains(errs, c.msg) || strings.Count(errs, "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and one line with %q", c.args, code, errs, c.msg)
		}
	}
}

// TestDesignConfig: a scenario's design: and samples: keys lay out the
// design the flags do, a flag overrides them, and a key that does not
// apply is refused in one line naming the file's line or the flag.
func TestDesignConfig(t *testing.T) {
	dir := t.TempDir()
	cfg := filepath.Join(dir, "lhs.yaml")
	os.WriteFile(cfg, []byte("workers: 60\nfirms: 3\nyears: 1\ndesign: lhs\nsamples: 4\nreplicates: 2\nvary:\n  sigma: 0.3:1.5\n  ai_cost_decline: 2..40\n"), 0o644)
	fromFlags, _ := mustRun(t, append(tinyLHS, "--dry-run")...)
	fromFile, _ := mustRun(t, "sweep", "--config", cfg, "--dry-run")
	if fromFile != fromFlags {
		t.Errorf("--config design:\n%s\nflags:\n%s", fromFile, fromFlags)
	}
	if plan, _ := mustRun(t, "sweep", "--config", cfg, "--samples", "1e1", "--dry-run"); !strings.HasPrefix(plan, "10 points × 2 replicates") {
		t.Errorf("--samples 1e1 over samples: 4:\n%s", plan)
	}
	write := func(name, text string) string {
		f := filepath.Join(dir, name)
		os.WriteFile(f, []byte(text), 0o644)
		return f
	}
	span := "vary:\n  sigma: 0.3:1.5\n"
	for _, c := range []struct {
		args []string
		msg  string
	}{
		{[]string{"sweep", "--config", write("a.yaml", "design: lhs\n"+span)}, "a.yaml:1: design: lhs needs samples: N (or --samples N)"},
		{[]string{"sweep", "--config", write("b.yaml", "samples: 5\n"+span)}, "b.yaml:1: samples: 5: it sizes a --design lhs"},
		{[]string{"sweep", "--config", write("c.yaml", "design: lhs\nsamples: 5\n"+span), "--design", "grid"}, "c.yaml:2: samples: 5: it sizes a --design lhs"},
		{[]string{"sweep", "--config", write("d.yaml", "design: lhs\nsamples: 5\nper-decade: 2\n"+span)}, "d.yaml:3: per-decade: 2: it spaces a grid's log ranges"},
		{[]string{"sweep", "--config", write("e.yaml", "method: sobol\n"+span)}, "e.yaml:1: method: a key of 'laborsim sensitivity'"},
		{[]string{"sweep", "--config", write("f.yaml", "design: mc\n"+span)}, `f.yaml:1: design: "mc" must be grid or lhs`},
		{[]string{"sweep", "--design", "lhs", "--samples", "1e6", "--vary", "sigma=0.3:1.5"}, "invalid --samples 1000000: must be in [1, 100000]"},
	} {
		_, errs, code := runCmd(c.args...)
		if code != 2 || !strings.Contains(errs, c.msg) || strings.Count(errs, "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and one line with %q", c.args, code, errs, c.msg)
		}
	}
}
