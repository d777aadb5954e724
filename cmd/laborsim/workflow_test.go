package main

import (
	"encoding/json"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/laborsim/laborsim/economy"
	"github.com/laborsim/laborsim/experiments"
)

// TestReplay: every row of a sweep's results file, replayed by ROW or by
// --run-id, gives final values equal to the row's bit for bit (read from
// the replay's JSON, not taken from its own check), with the row's seed
// and parameters; a row that does not reproduce fails with exit 1.
func TestReplay(t *testing.T) {
	dir := t.TempDir()
	results := filepath.Join(dir, "r.csv")
	mustRun(t, sweepArgs("--vary", "ai-cost-decline=2,10", "-o", results)...)
	recs, _, err := experiments.ReadResults(results)
	if err != nil || len(recs) != 12 {
		t.Fatalf("%d records, %v", len(recs), err)
	}
	for i, rec := range recs {
		args := []string{"replay", "--format", "json", results, strconv.Itoa(i + 1)}
		if i%2 == 1 {
			args = []string{"replay", "--format", "json", "--run-id", strconv.Itoa(experiments.RunID(rec.Point, rec.Replicate)), results}
		}
		out, errs := mustRun(t, args...)
		var doc struct {
			Params json.RawMessage
			Final  map[string]float64
		}
		if err := json.Unmarshal([]byte(out), &doc); err != nil {
			t.Fatal(err)
		}
		cfg, err := experiments.ReadConfigJSON(doc.Params)
		if err != nil || cfg != rec.Config {
			t.Errorf("row %d: replayed with other parameters (%v)", i+1, err)
		}
		for k, c := range economy.Columns {
			if got := doc.Final[c.Name]; got != rec.Final[k] {
				t.Errorf("row %d: %s replayed %v, the row has %v", i+1, c.Name, got, rec.Final[k])
			}
		}
		if !strings.Contains(errs, "bit for bit") {
			t.Errorf("row %d: stderr %q", i+1, errs)
		}
	}
	// A row the model does not reproduce: one value changed.
	data, _ := os.ReadFile(results)
	lines := strings.SplitAfter(string(data), "\n")
	f := strings.Split(lines[1], ",")
	labor := len(f) - 1 - len(economy.Columns) + slicesIndex("labor_share")
	f[labor] = "0.123"
	lines[1] = strings.Join(f, ",")
	bad := filepath.Join(dir, "bad.csv")
	os.WriteFile(bad, []byte(strings.Join(lines, "")), 0o644)
	_, errs, code := runCmd("replay", "-q", bad, "1")
	if code != 1 || !strings.Contains(errs, "the replay differs from point 0 replicate 0") || !strings.Contains(errs, "labor_share is") {
		t.Errorf("a row that does not reproduce: exit %d, %s", code, errs)
	}
	for _, c := range []struct {
		args []string
		msg  string
	}{
		{[]string{"replay", results, "13"}, `invalid ROW "13": ` + results + " has rows 1 to 12"},
		{[]string{"replay", results, "0"}, `invalid ROW "0"`},
		{[]string{"replay", "--run-id", "7", results}, "invalid --run-id 7: no row of"},
		{[]string{"replay", results}, "want a results file and a row"},
		{[]string{"replay", "--out", dir, results, "1"}, "--out-dir DIR"},
	} {
		_, errs, code := runCmd(c.args...)
		if code != 2 || !strings.Contains(errs, c.msg) {
			t.Errorf("%v: exit %d, %s; want 2 and %q", c.args, code, errs, c.msg)
		}
	}
}

func slicesIndex(name string) int {
	for i, c := range economy.Columns {
		if c.Name == name {
			return i
		}
	}
	return -1
}

// TestRunTable: the table is at most 120 characters wide, heads its
// columns with their labels, and shows the shares so that they add up
// (labor + capital = 1, capital = traditional + AI) in every row;
// --columns picks other columns.
func TestRunTable(t *testing.T) {
	out, _ := mustRun(t, "run", "--workers", "2000", "--firms", "20", "--years", "6", "--seed", "3")
	for _, line := range strings.Split(out, "\n") {
		if n := utf8.RuneCountInString(line); n > 120 {
			t.Errorf("a line of %d characters: %s", n, line)
		}
	}
	joined := strings.Join(cells(out), " ")
	for _, h := range []string{"VACANCY", "AI AGENTS", "DEPLOYED", "= TRADITIONAL", "CAPITAL SHARE", "+ AI", "UNEMPLOYMENT"} {
		if !strings.Contains(joined, h) {
			t.Errorf("no heading %q:\n%s", h, out)
		}
	}
	rows := 0
	for _, line := range cells(out) {
		f := strings.Fields(line)
		if len(f) != 11 || !strings.HasPrefix(f[0], "20") {
			continue
		}
		rows++
		thou := func(s string) int {
			x, err := strconv.ParseFloat(s, 64)
			if err != nil {
				t.Fatalf("%q in %q", s, line)
			}
			return int(x*1000 + 0.5)
		}
		labor, capital, trad, ai := thou(f[2]), thou(f[3]), thou(f[4]), thou(f[5])
		if labor+capital != 1000 || trad+ai != capital {
			t.Errorf("shares that do not add up: %s", line)
		}
	}
	if rows != 7 {
		t.Errorf("%d rows of figures, want 7 (the start and six year-ends):\n%s", rows, out)
	}
	out, _ = mustRun(t, append(smallRun, "--columns", "year,ai_fleet,wealth_gini")...)
	if c := cells(out); !strings.Contains(c[1], "YEAR AI FLEET WEALTH") || !strings.Contains(c[2], "GINI") || len(strings.Fields(c[len(c)-3])) != 3 {
		t.Errorf("--columns:\n%s", out)
	}
}

// TestOneVocabulary: counts take 1e6 in run, sweep and validate as in
// --vary; run --config reads a scenario's run keys (either spelling), the
// command line over it; a scenario's metrics: key picks the summary's
// metrics, and its sweep flags are refused with the reason.
func TestOneVocabulary(t *testing.T) {
	a, _ := mustRun(t, "run", "--workers", "5e2", "--firms", "1e1", "--ai-agents", "3e2", "--years", "2", "--seed", "7e0", "--format", "csv")
	b, _ := mustRun(t, append(smallRun, "--format", "csv")...)
	if a != b {
		t.Error("run with counts as 5e2 differs from 500")
	}
	dir := t.TempDir()
	cfg := filepath.Join(dir, "s.yaml")
	os.WriteFile(cfg, []byte("workers: 500\nfirms: 10\nai_agents: 3e2\nyears: 1\nseed: 7\n"), 0o644)
	c, _ := mustRun(t, "run", "--config", cfg, "--years", "2", "--format", "csv")
	if c != b {
		t.Error("run --config with --years over it differs from the same flags")
	}
	os.WriteFile(cfg, []byte("workers: 60\nfirms: 3\nyears: 1\nvary:\n  ai-agents: [1, 10]\nreplicates: 2\nmetrics: [wealth_gini, gdp]\n"), 0o644)
	out, _ := mustRun(t, "sweep", "-q", "--config", cfg, "--format", "csv")
	if !strings.HasPrefix(out, "point,ai_agents,runs,wealth_gini_mean,wealth_gini_ci95,gdp_mean,gdp_ci95\n") {
		t.Errorf("metrics: from the scenario:\n%s", out)
	}
	for _, c := range []struct{ yaml, msg string }{
		{"jobs: 4\n", "jobs: a command-line flag only (--jobs)"},
		{"out: r.csv\n", "out: a command-line flag only (--out)"},
		{"metrics: [labour_share]\n", `"labour_share" is not a column of the results file`},
	} {
		os.WriteFile(cfg, []byte(c.yaml), 0o644)
		if _, errs, code := runCmd("sweep", "--config", cfg); code != 2 || !strings.Contains(errs, c.msg) {
			t.Errorf("%q: exit %d, %s", c.yaml, code, errs)
		}
	}
	os.WriteFile(cfg, []byte("vary:\n  sigma: [0.5, 1]\n"), 0o644)
	if _, errs, code := runCmd("run", "--config", cfg); code != 2 || !strings.Contains(errs, "varies sigma: run runs one scenario") {
		t.Errorf("run --config with vary: exit %d, %s", code, errs)
	}
	if _, errs, code := runCmd("sweep", "--dry-run", "--replicates", "1e1", "--vary", "workers=1e2,2e2", "--per-decade", "1e0"); code != 0 {
		t.Errorf("sweep counts as 1e1: exit %d, %s", code, errs)
	}
}
