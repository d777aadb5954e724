package main

import (
	"bytes"
	"encoding/json"
	"io"
	"strings"
	"testing"

	"github.com/laborsim/laborsim/experiments"
	"github.com/laborsim/laborsim/validation"
)

// TestValidateJSON runs two cheap checks as a machine would read them.
func TestValidateJSON(t *testing.T) {
	out, errs, code := runCmd("validate", "--checks", "ks-calibration,bls-range", "--workers", "10000", "--firms", "100", "--format", "json")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	var rep validation.Report
	if err := json.Unmarshal([]byte(out), &rep); err != nil {
		t.Fatalf("%v\n%s", err, out)
	}
	if !rep.Pass || len(rep.Groups) != 2 || rep.Groups[0].Name != "ks-calibration" || len(rep.Groups[0].Outcomes) != 4 {
		t.Fatalf("report %+v", rep)
	}
	if !strings.Contains(errs, "validate: Korinek & Suh's calibration") {
		t.Errorf("no progress on stderr: %q", errs)
	}
	quiet, errs, code := runCmd("validate", "-q", "--checks", "ks-calibration", "--workers", "1e4", "--firms", "1e2", "--format", "json")
	if code != 0 || errs != "" || !strings.Contains(quiet, `"ks-calibration"`) {
		t.Errorf("validate -q with counts as 1e4: exit %d, stderr %q", code, errs)
	}
}

// TestValidateTable checks the table's columns and the verdict line.
func TestValidateTable(t *testing.T) {
	out, errs, code := runCmd("validate", "--checks", "ks-eq4", "--workers", "2000", "--firms", "20")
	if code != 0 {
		t.Fatalf("exit %d: %s", code, errs)
	}
	for _, s := range []string{"QUANTITY", "PARAMETERS", "CLOSED FORM", "SIMULATED", "RELATIVE ERROR", "PASS",
		"σ=0.5 Φ=0.4 K/L=1 (region 1)", "0.692308", "PASS: 60 of 60 quantities"} {
		if !strings.Contains(out, s) {
			t.Errorf("table lacks %q:\n%s", s, out)
		}
	}
}

// TestValidateFails checks that a failed quantity is shown and exits 1.
func TestValidateFails(t *testing.T) {
	rep := validation.Report{Groups: []validation.Group{{Name: "x", Title: "a check", Outcomes: []validation.Outcome{
		{Quantity: "labor share", Want: 0.6, Got: 0.6, Pass: true},
		{Quantity: "GDP per worker", Want: 1, Got: 1.02, RelErr: 0.02, Pass: false},
	}}}}
	var b bytes.Buffer
	if err := writeValidateTable(&b, rep); err != nil {
		t.Fatal(err)
	}
	if !strings.Contains(b.String(), "FAIL: 1 of 2 quantities") || !strings.Contains(b.String(), "+2.00%") {
		t.Fatalf("table:\n%s", b.String())
	}
	// At three workers whole agents are far from the limit: whatever
	// passes, the exit status must agree with the verdict.
	out, _, code := runCmd("validate", "--checks", "ks-eq4", "--workers", "3", "--firms", "2")
	if failed := strings.Contains(out, "\nFAIL: "); (code == 1) != failed || (code == 0) == failed {
		t.Fatalf("exit %d with verdict failed=%v:\n%s", code, failed, out)
	}
}

func TestValidateBadInput(t *testing.T) {
	for _, c := range []struct {
		args []string
		msg  string
	}{
		{[]string{"validate", "--checks", "ks-eq5"}, `invalid --checks: unknown check "ks-eq5"`},
		{[]string{"validate", "--format", "csv"}, `invalid --format "csv"`},
		{[]string{"validate", "--replicates", "2"}, "invalid --replicates 2"},
		{[]string{"validate", "--workers", "0"}, "invalid --workers 0"},
		{[]string{"validate", "--firms", "-1"}, "invalid --firms -1"},
		{[]string{"validate", "--scale-years", "0"}, "invalid --scale-years 0"},
		{[]string{"validate", "extra"}, `unexpected argument "extra"`},
	} {
		_, errs, code := runCmd(c.args...)
		if code != 2 || !strings.Contains(errs, c.msg) || strings.Count(errs, "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and %q", c.args, code, errs, c.msg)
		}
	}
}

func TestValidateHelp(t *testing.T) {
	out, errs, code := runCmd("validate", "--help")
	if code != 0 || errs != "" {
		t.Fatalf("exit %d, stderr %q (help must not run the suite)", code, errs)
	}
	for _, s := range []string{"ks-eq4", "ar-cobb-douglas", "ks-calibration", "convergence", "bls-range", "scale", "sobol-ishigami",
		"--format", "--checks", "--workers", "--replicates", "docs/VALIDATION.md"} {
		if !strings.Contains(out, s) {
			t.Errorf("validate --help does not mention %s", s)
		}
	}
	if out, _, _ := runCmd("help"); !strings.Contains(out, "laborsim validate") {
		t.Error("laborsim help does not list validate")
	}
}

// TestValidateFlagsRun parses the flags every check prints with the parser
// of 'laborsim run': they are valid and give what the check's runs share.
func TestValidateFlagsRun(t *testing.T) {
	for _, c := range validation.Checks(validation.DefaultOptions()) {
		args := strings.Fields(strings.TrimPrefix(c.Flags(), "laborsim run"))
		cfg, _, err := parseRun(args, io.Discard)
		if err != nil {
			t.Errorf("%s: laborsim run %v: %v", c.Name, args, err)
			continue
		}
		if shared, _ := experiments.Shared(c.Runs); cfg != shared {
			t.Errorf("%s: laborsim run %v gives %s, want %s", c.Name, args, experiments.Flags(cfg), experiments.Flags(shared))
		}
	}
}
