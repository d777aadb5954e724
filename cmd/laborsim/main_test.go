package main

import (
	"bytes"
	"context"
	"encoding/json"
	"flag"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"github.com/laborsim/laborsim/sim"
)

var update = flag.Bool("update", false, "rewrite the golden files in testdata")

// runCmd runs the command in-process and returns stdout, stderr and the
// exit status.
func runCmd(args ...string) (string, string, int) {
	var out, errb bytes.Buffer
	err := run(context.Background(), args, &out, &errb)
	code := exitCode(err, &errb)
	return out.String(), errb.String(), code
}

// golden compares got with testdata/name, or rewrites it with -update.
func golden(t *testing.T, name, got string) {
	t.Helper()
	path := filepath.Join("testdata", name)
	if *update {
		if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to create it)", err)
	}
	if got != string(want) {
		t.Errorf("output differs from %s (run go test -update if the change is intended):\n%s", path, got)
	}
}

var smallRun = []string{"run", "--workers", "500", "--firms", "10", "--ai-agents", "300", "--years", "2", "--seed", "7"}

func TestRunGolden(t *testing.T) {
	for _, format := range []string{"json", "csv", "table"} {
		out, errs, code := runCmd(append(smallRun, "--format", format)...)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", format, code, errs)
		}
		golden(t, "run."+format, out)
	}
}

func TestRunOutDir(t *testing.T) {
	dir := t.TempDir()
	if _, errs, code := runCmd(append(smallRun, "--format", "csv", "--out-dir", dir)...); code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, name := range []string{"series.csv", "summary.json"} {
		b, err := os.ReadFile(filepath.Join(dir, name))
		if err != nil || len(b) == 0 {
			t.Fatalf("%s: %v", name, err)
		}
	}
}

func TestBadInput(t *testing.T) {
	for _, c := range []struct {
		args []string
		msg  string
	}{
		{[]string{"run", "--workers", "-3"}, "invalid --workers -3"},
		{[]string{"run", "--workers", "ten"}, `invalid argument "ten" for "--workers"`},
		{[]string{"run", "--firms", "0"}, "invalid --firms 0"},
		{[]string{"run", "--sigma", "0"}, "invalid --sigma 0"},
		{[]string{"run", "--sigma", "-1"}, "invalid --sigma -1"},
		{[]string{"run", "--years", "0"}, "invalid --years 0"},
		{[]string{"run", "--format", "xml"}, `invalid --format "xml"`},
		{[]string{"run", "--ai-agents", "-1"}, "invalid --ai-agents -1"},
		{[]string{"run", "--ai-cost-decline", "0.5"}, "invalid --ai-cost-decline 0.5"},
		{[]string{"run", "--automation", "1.5"}, "invalid --automation 1.5"},
		{[]string{"run", "--nope"}, "unknown flag: --nope"},
		{[]string{"fly"}, `unknown command "fly"`},
		{[]string{"run", "--skill-dispersion", "-1"}, "invalid --skill-dispersion -1"},
		{[]string{"run", "--traditional-share", "1"}, "invalid --traditional-share 1"},
		{[]string{"run", "--quit-hazard", "-1"}, "invalid --quit-hazard -1"},
		{[]string{"run", "--firing-cost", "-0.5"}, "invalid --firing-cost -0.5"},
		{[]string{"run", "--layoff-hazard", "2000"}, "invalid --layoff-hazard 2000"},
		{[]string{"run", "--applications", "0"}, "invalid --applications 0"},
		{[]string{"run", "--wealth-alpha", "1"}, "invalid --wealth-alpha 1"},
		{[]string{"run", "--steps-per-year", "0"}, "invalid --steps-per-year 0"},
		{[]string{"run", "--years", "1e9"}, "invalid --years 1000000000: must be in [1, 10000000]"},
		{[]string{"run", "--years", "1.5"}, `invalid argument "1.5" for "--years"`},
		{[]string{"run", "--out", "dir"}, "invalid --out dir: a run's files go into a directory, --out-dir DIR"},
		{[]string{"run", "-o", "dir"}, "invalid --out dir: a run's files go into a directory, --out-dir DIR"},
		{[]string{"run", "--seed", "9007199254740992"}, "invalid --seed 9007199254740992: must be below 2^53"},
		{[]string{"run", "--columns", "labor_share,nosuch"}, "invalid --columns nosuch: not a metric"},
		{[]string{"run", "--years", "100000000"}, "invalid --years 100000000"},
		{[]string{"run", "--tfp", "NaN"}, "invalid --tfp NaN"},
		{[]string{"run", "--ai-price", "-1"}, "invalid --ai-price -1"},
		{[]string{"run", "--sectors", "5"}, "invalid --sectors 5"},
		{[]string{"run", "--hardware-progress", "-1.3"}, "invalid --hardware-progress -1.3: must be in (0, 1000000]"},
		{[]string{"run", "--training-share", "1"}, "invalid --training-share 1: must be in [0, 1)"},
		{[]string{"run", "--training-share", "-0.1"}, "invalid --training-share -0.1"},
		{[]string{"run", "--ai-object-cap", "0"}, "invalid --ai-object-cap 0: must be in [1, 50000000]"},
		{[]string{"run", "--ai-fleet", "elastic"}, "invalid --ai-fleet elastic: must be in {compute, fixed}"},
		{[]string{"run", "--max-automation", "0.01"}, "invalid --max-automation 0.01: must be at least --automation 0.03"},
		{[]string{"run", "--interest-rate", "0", "--compute-depreciation", "0"}, "invalid --interest-rate 0: plus --compute-depreciation must be above 0"},
		{[]string{"run", "stray"}, `unexpected argument "stray"`},
		{[]string{"sweep", "--vary", "nosuch=1,2"}, `unknown parameter "nosuch"`},
		{[]string{"sweep", "--vary", "workers="}, "invalid --vary workers="},
		{[]string{"sweep", "--vary", "workers=a,b"}, "invalid --vary workers=a,b"},
		{[]string{"sweep", "--vary", "workers=10..1"}, "invalid --vary workers=10..1"},
		{[]string{"sweep", "--vary", "sigma=0,1"}, "invalid --sigma 0"},
		{[]string{"sweep", "--shard", "3/2"}, `invalid --shard "3/2"`},
		{[]string{"sweep", "--shard", "x"}, `invalid --shard "x"`},
		{[]string{"sweep", "--replicates", "0"}, "invalid --replicates 0"},
		{[]string{"sweep", "--jobs", "0"}, "invalid --jobs 0"},
		{[]string{"sweep", "--config", "/nonexistent.yaml"}, "/nonexistent.yaml"},
		{[]string{"sweep", "--config", "testdata/bad-key.yaml"}, "testdata/bad-key.yaml:2: sigmaa: unknown key"},
		{[]string{"sweep", "--config", "testdata/bad-value.yaml"}, "testdata/bad-value.yaml:1: sigma: invalid --sigma -2"},
		{[]string{"sweep", "--experiment", "nosuch"}, `unknown experiment "nosuch"`},
		{[]string{"sweep", "--format", "xml"}, `invalid --format "xml"`},
		{[]string{"merge"}, "--out FILE is required"},
		{[]string{"merge", "--out", "x.csv", "/nonexistent.csv"}, "/nonexistent.csv"},
		{[]string{"summarize", "/nonexistent.csv"}, "/nonexistent.csv"},
		{[]string{"validate", "--format", "xml"}, `invalid --format "xml"`},
		{[]string{"plot", "run", "/nonexistent"}, "/nonexistent/series.csv"},
		{[]string{"experiments", "nosuch"}, `unknown experiment "nosuch"`},
	} {
		_, errs, code := runCmd(c.args...)
		if code != 2 || !strings.Contains(errs, c.msg) || strings.Count(errs, "\n") != 1 ||
			strings.Contains(errs, "panic") || strings.Contains(errs, "goroutine") {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and %q", c.args, code, errs, c.msg)
		}
	}
}

func TestHelp(t *testing.T) {
	out, _, code := runCmd("run", "--help")
	if code != 0 {
		t.Fatalf("exit %d", code)
	}
	for _, flag := range []string{"--workers", "--firms", "--ai-agents", "--years", "--steps-per-year", "--seed", "--sigma", "--ai-cost-decline", "--format", "--out-dir", "--config", "--quiet", "--columns"} {
		if !strings.Contains(out, flag) {
			t.Errorf("run --help does not explain %s", flag)
		}
	}
	if out, _, code := runCmd("--help"); code != 0 || !strings.Contains(out, "laborsim run") {
		t.Errorf("--help: exit %d, %q", code, out)
	}
}

func TestRunOutRefusesAnotherRun(t *testing.T) {
	dir := t.TempDir()
	base := append(smallRun, "--format", "csv", "--out-dir", dir)
	if _, errs, code := runCmd(base...); code != 0 {
		t.Fatalf("first run: exit %d: %s", code, errs)
	}
	if _, errs, code := runCmd(base...); code != 0 {
		t.Fatalf("same run again: exit %d: %s", code, errs)
	}
	other := append(append([]string(nil), base...), "--seed", "8")
	if _, errs, code := runCmd(other...); code != 2 || !strings.Contains(errs, "--force") {
		t.Fatalf("another run into the same --out: exit %d: %s", code, errs)
	}
	if _, errs, code := runCmd(append(other, "--force")...); code != 0 {
		t.Fatalf("--force: exit %d: %s", code, errs)
	}
}

func TestRunOutUnwritable(t *testing.T) {
	dir := t.TempDir()
	file := filepath.Join(dir, "file")
	if err := os.WriteFile(file, nil, 0o644); err != nil {
		t.Fatal(err)
	}
	_, errs, code := runCmd(append(smallRun, "--format", "csv", "--out-dir", filepath.Join(file, "sub"), "--force")...)
	if code != 1 || !strings.Contains(errs, file) {
		t.Fatalf("exit %d: %s", code, errs)
	}
}

// TestHelpDoesNotRun: --help prints the help and stops; it used to go on
// and run the default scenario after the help. The sign of a run is the
// table's heading row, taken from a run so that the check can fail (it
// used to look for "labor share" where the table says "LABOR SHARE").
func TestHelpDoesNotRun(t *testing.T) {
	table, _, code := runCmd(smallRun...)
	head := ""
	for _, line := range cells(table) {
		if strings.Contains(line, "UNEMPLOYMENT") {
			head = line
			break
		}
	}
	if code != 0 || head == "" {
		t.Fatalf("run: exit %d and no heading row with UNEMPLOYMENT:\n%s", code, table)
	}
	for _, args := range [][]string{{"run", "--help"}, {"run", "-h"}, {"run", "--workers", "500", "--help"}} {
		out, _, code := runCmd(args...)
		if code != 0 || slices.Contains(cells(out), head) || !strings.HasPrefix(out, runUsage) {
			t.Errorf("%v: exit %d and printed a run's table:\n%s", args, code, out)
		}
	}
}

// cells is each line of a table without its borders and padding, which
// depend on the widths of the figures: "YEAR GDP LABOR SHARE ...".
func cells(table string) []string {
	var lines []string
	for _, line := range strings.Split(table, "\n") {
		lines = append(lines, strings.Join(strings.Fields(strings.ReplaceAll(line, "│", " ")), " "))
	}
	return lines
}

// TestParamsGolden: 'laborsim params' lists every parameter, as a table
// and as JSON whose rows are sim.Params.
func TestParamsGolden(t *testing.T) {
	for _, format := range []string{"table", "json", "csv"} {
		out, errs, code := runCmd("params", "--format", format)
		if code != 0 {
			t.Fatalf("%s: exit %d: %s", format, code, errs)
		}
		golden(t, "params."+format, out)
	}
	out, _, _ := runCmd("params", "--format", "json")
	var rows []paramRow
	if err := json.Unmarshal([]byte(out), &rows); err != nil {
		t.Fatal(err)
	}
	if len(rows) != len(sim.Params) || rows[0].Flag != "--workers" || rows[0].Default != "10000" || rows[len(rows)-1].Flag != "--ai-markup" {
		t.Errorf("%d rows for %d parameters, first %+v", len(rows), len(sim.Params), rows[0])
	}
	if _, errs, code := runCmd("params", "--format", "xml"); code != 2 || errs != "laborsim: invalid --format \"xml\": must be table, json or csv\n" {
		t.Errorf("bad format: exit %d, %q", code, errs)
	}
}
