package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strings"
	"testing"
)

// tinyMorris is a Morris analysis of three parameters over 3 trajectories
// (12 runs of 60 workers for a year).
var tinyMorris = []string{"sensitivity", "--workers", "60", "--firms", "3", "--years", "1", "--quiet",
	"--vary", "sigma=0.3:1.5", "--vary", "ai-cost-decline=2..40", "--vary", "ai-markup=0:1", "--trajectories", "3", "--bootstrap", "200"}

// tinySobol is the same three parameters in a Saltelli design of 4 rows
// (20 runs), two metrics.
var tinySobol = []string{"sensitivity", "--method", "sobol", "--workers", "60", "--firms", "3", "--years", "1", "--quiet",
	"--vary", "sigma=0.3:1.5", "--vary", "ai-cost-decline=2..40", "--vary", "ai-markup=0:1", "--samples", "4", "--bootstrap", "200",
	"--metric", "labor_share,unemployment_rate"}

func cmdArgs(base []string, extra ...string) []string {
	return append(append([]string{}, base...), extra...)
}

// TestSensitivityGolden pins the tables, CSV and JSON of both methods.
func TestSensitivityGolden(t *testing.T) {
	for _, c := range []struct {
		name string
		base []string
	}{{"morris", tinyMorris}, {"sobol", tinySobol}} {
		for _, format := range []string{"table", "csv", "json"} {
			out, _ := mustRun(t, cmdArgs(c.base, "--format", format, "--replicates", "2")...)
			golden(t, "sensitivity-"+c.name+"."+format, out)
			if format == "json" {
				var v map[string]any
				if err := json.Unmarshal([]byte(out), &v); err != nil {
					t.Errorf("%s JSON: %v\n%s", c.name, err, out)
				}
			}
		}
	}
}

// TestSensitivityResume: the table of a stopped analysis finished from its
// results file, of the merged files of its shards, and of any --jobs is
// the table of one run straight through; the chart is drawn.
func TestSensitivityResume(t *testing.T) {
	dir := t.TempDir()
	whole := filepath.Join(dir, "whole.csv")
	want, _ := mustRun(t, cmdArgs(tinySobol, "--out", whole, "--jobs", "1", "--plot", filepath.Join(dir, "s.svg"))...)
	if b, err := os.ReadFile(filepath.Join(dir, "s.svg")); err != nil || !strings.Contains(string(b), "<svg") {
		t.Errorf("chart: %v", err)
	}
	var shards []string
	for _, sh := range []string{"1/2", "2/2"} {
		f := filepath.Join(dir, "shard"+sh[:1]+".csv")
		if out, _ := mustRun(t, cmdArgs(tinySobol, "--shard", sh, "--out", f)...); out != "" {
			t.Errorf("shard %s printed a table:\n%s", sh, out)
		}
		shards = append(shards, f)
	}
	merged := filepath.Join(dir, "merged.csv")
	mustRun(t, "merge", "--out", merged, shards[0], shards[1])
	if got, _ := mustRun(t, cmdArgs(tinySobol, "--out", merged)...); got != want {
		t.Errorf("merged shards give\n%s\nthe whole analysis\n%s", got, want)
	}
	// A stopped analysis: shard 1's file holds half the runs; the whole
	// command finishes the other half.
	if got, _ := mustRun(t, cmdArgs(tinySobol, "--out", shards[0], "--jobs", "3")...); got != want {
		t.Errorf("resumed from half the runs:\n%s\nwant\n%s", got, want)
	}
	loud := cmdArgs(tinySobol[:9], tinySobol[10:]...) // without --quiet
	if _, errs := mustRun(t, cmdArgs(loud, "--out", merged)...); !strings.Contains(errs, "already holds all 20 runs") {
		t.Errorf("rerun on the merged file: %q", errs)
	}
	// A dry run prints the design and runs nothing.
	plan, _ := mustRun(t, cmdArgs(tinySobol, "--dry-run")...)
	if !strings.HasPrefix(plan, "20 points × 1 replicates = 20 runs\npoint 0: sigma=") {
		t.Errorf("dry run:\n%s", plan)
	}
}

func TestSensitivityBadInput(t *testing.T) {
	v := []string{"--vary", "sigma=0.3:1.5"}
	for _, c := range []struct {
		args []string
		msg  string
	}{
		{cmdArgs([]string{"sensitivity", "--method", "fast"}, v...), `invalid --method "fast": must be morris or sobol`},
		{cmdArgs([]string{"sensitivity", "--metric", "labour"}, v...), "invalid --metric labour: not a column"},
		{cmdArgs([]string{"sensitivity", "--levels", "3"}, v...), "invalid --levels 3: must be even"},
		{cmdArgs([]string{"sensitivity", "--trajectories", "1"}, v...), "invalid --trajectories 1"},
		{cmdArgs([]string{"sensitivity", "--bootstrap", "0"}, v...), "invalid --bootstrap 0"},
		{cmdArgs([]string{"sensitivity", "--method", "sobol", "--samples", "0"}, v...), "invalid --samples 0: must be in [1, 100000]"},
		{cmdArgs([]string{"sensitivity", "--samples", "10"}, v...), "invalid --samples 10: it applies to --method sobol"},
		{cmdArgs([]string{"sensitivity", "--method", "sobol", "--levels", "6"}, v...), "invalid --levels 6: it applies to --method morris"},
		{cmdArgs([]string{"sensitivity", "--plot", "x.pdf"}, v...), `invalid --plot "x.pdf"`},
		{cmdArgs([]string{"sensitivity", "--format", "xml"}, v...), `invalid --format "xml"`},
		{cmdArgs([]string{"sensitivity", "--jobs", "0"}, v...), "invalid --jobs 0"},
		{cmdArgs([]string{"sensitivity", "--replicates", "0"}, v...), "invalid --replicates 0"},
		{[]string{"sensitivity"}, "a design needs at least one --vary"},
		{[]string{"sensitivity", "--vary", "sigma=0.5,1"}, "invalid --vary sigma=0.5,1: sigma: a design samples a span"},
		{[]string{"sensitivity", "--vary", "sigma=0:1"}, "invalid --vary sigma=0:1: invalid --sigma 0"},
		{[]string{"sensitivity", "--vary", "sigma=0.5:1", "--sigma", "2"}, "sigma is both set"},
		{[]string{"sensitivity", "--vary", "firms=10:10.4"}, "its 4 levels round to the same whole number"},
		{[]string{"sensitivity", "--vary", "sigma=0.5:1", "extra"}, `unexpected argument "extra"`},
	} {
		_, errs, code := runCmd(c.args...)
		if code != 2 || !strings.Contains(errs, c.msg) || strings.Count(errs, "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and one line with %q", c.args, code, errs, c.msg)
		}
	}
}

func TestSensitivityHelp(t *testing.T) {
	out, errs, code := runCmd("sensitivity", "--help")
	if code != 0 || errs != "" {
		t.Fatalf("exit %d, %q", code, errs)
	}
	for _, s := range []string{"--method", "--trajectories", "--levels", "--samples", "--bootstrap", "--metric", "--plot", "--out", "Campolongo", "Saltelli", "Jansen"} {
		if !strings.Contains(out, s) {
			t.Errorf("sensitivity --help does not mention %s", s)
		}
	}
	if out, _, _ := runCmd("help"); !strings.Contains(out, "laborsim sensitivity") {
		t.Error("laborsim help does not list sensitivity")
	}
}

// TestSensitivityConfig: a scenario's keys give the analysis the flags
// give (method, samples, bootstrap, metric, replicates, the spans), and a
// key that does not apply is refused in one line naming the file's line.
func TestSensitivityConfig(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		f := filepath.Join(dir, name)
		os.WriteFile(f, []byte(text), 0o644)
		return f
	}
	cfg := write("sobol.yaml", "workers: 60\nfirms: 3\nyears: 1\nmethod: sobol\nsamples: 4\nbootstrap: 200\n"+
		"metric: [labor_share, unemployment_rate]\nvary:\n  sigma: 0.3:1.5\n  ai_cost_decline: 2..40\n  ai-markup: 0:1\n")
	want, _ := mustRun(t, cmdArgs(tinySobol, "--format", "csv")...)
	if got, _ := mustRun(t, "sensitivity", "--config", cfg, "--quiet", "--format", "csv"); got != want {
		t.Errorf("--config:\n%s\nflags:\n%s", got, want)
	}
	span := "vary:\n  sigma: 0.3:1.5\n"
	for _, c := range []struct {
		args []string
		msg  string
	}{
		{[]string{"sensitivity", "--config", write("a.yaml", "design: lhs\n"+span)}, "a.yaml:1: design: a key of 'laborsim sweep'"},
		{[]string{"sensitivity", "--config", write("b.yaml", "samples: 8\n"+span)}, "b.yaml:1: samples: 8: it applies to --method sobol"},
		{[]string{"sensitivity", "--config", write("c.yaml", "trajectories: 4\n"+span), "--method", "sobol"}, "c.yaml:1: trajectories: 4: it applies to --method morris"},
		{[]string{"sensitivity", "--config", write("d.yaml", "per-decade: 2\n"+span)}, "d.yaml:1: per-decade: 2: it spaces a grid's log ranges"},
		{[]string{"sensitivity", "--config", write("e.yaml", "levels: 3\n"+span)}, "e.yaml:1: levels: 3 must be even"},
	} {
		_, errs, code := runCmd(c.args...)
		if code != 2 || !strings.Contains(errs, c.msg) || strings.Count(errs, "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and one line with %q", c.args, code, errs, c.msg)
		}
	}
}

// TestSensitivitySeries: --series writes every step of every run of the
// design, as a sweep's does, and counts take 1e6-style values.
func TestSensitivitySeries(t *testing.T) {
	dir := t.TempDir()
	out, ser := filepath.Join(dir, "m.csv"), filepath.Join(dir, "m-series.csv")
	want, _ := mustRun(t, tinyMorris...)
	got, _ := mustRun(t, cmdArgs(tinyMorris, "-o", out, "--series", ser, "--trajectories", "3e0")...)
	if got != want {
		t.Errorf("with -o and --series:\n%s\nwithout:\n%s", got, want)
	}
	b, err := os.ReadFile(ser)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.Split(strings.TrimSpace(string(b)), "\n")
	if !strings.HasPrefix(lines[0], "run_id,point,replicate,sigma,ai_cost_decline,ai_markup,seed,step,year,") {
		t.Errorf("series header %q", lines[0])
	}
	runs := map[string]bool{}
	for _, l := range lines[1:] {
		runs[l[:strings.IndexByte(l, ',')]] = true
	}
	if len(runs) != 12 || (len(lines)-1)%12 != 0 {
		t.Errorf("%d rows of %d runs, want the steps of 12 runs", len(lines)-1, len(runs))
	}
}
