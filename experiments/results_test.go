package experiments

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/laborsim/laborsim/sim"
)

// tiny is a run small enough to take a few milliseconds.
func tiny() sim.Config {
	c := sim.DefaultConfig()
	c.Workers, c.Firms, c.AIAgents, c.Years = 60, 3, 40, 1
	return c
}

func tinySweep(t *testing.T, vary string, reps int) Sweep {
	t.Helper()
	s, err := NewSweep(tiny(), []Axis{mustAxis(t, vary)}, 1, reps)
	if err != nil {
		t.Fatal(err)
	}
	return s
}

func allRuns(s Sweep) []Run {
	runs := make([]Run, s.Len())
	for i := range runs {
		runs[i] = s.Run(i)
	}
	return runs
}

// sweepTo runs the sweep's runs that f lacks into f and finishes it.
func sweepTo(t *testing.T, path string, s Sweep, jobs int) []Record {
	t.Helper()
	f, found, _, err := OpenResults(path, s)
	if err != nil {
		t.Fatal(err)
	}
	var todo []Run
	for _, r := range allRuns(s) {
		if !f.Has(r.Index) {
			todo = append(todo, r)
		}
	}
	err = Execute(context.Background(), todo, jobs, func(rec Record) error {
		found = append(found, rec)
		return f.Append(rec)
	})
	if err != nil {
		t.Fatal(err)
	}
	if err := f.Finish(); err != nil {
		t.Fatal(err)
	}
	return found
}

// withoutWall drops the wall_seconds column of a results file.
func withoutWall(t *testing.T, path string) string {
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

// TestResultsJobs: the finished file is the same, wall time aside, with
// one job or three.
func TestResultsJobs(t *testing.T) {
	s := tinySweep(t, "ai-agents=1..100", 2)
	dir := t.TempDir()
	a, b := filepath.Join(dir, "a.csv"), filepath.Join(dir, "b.csv")
	sweepTo(t, a, s, 1)
	sweepTo(t, b, s, 3)
	if withoutWall(t, a) != withoutWall(t, b) {
		t.Error("results files differ between --jobs 1 and --jobs 3")
	}
	recs, notes, err := ReadResults(a)
	if err != nil || len(notes) > 0 || len(recs) != s.Len() {
		t.Fatalf("ReadResults: %d records, notes %v, %v", len(recs), notes, err)
	}
	if h := strings.Join(Header()[:6], ","); h != "run_id,point,replicate,workers,firms,ai_agents" {
		t.Errorf("header starts %s", h)
	}
	for i, rec := range recs {
		if rec.Point != i/2 || rec.Replicate != i%2 || rec.Config != s.Run(i).Config {
			t.Errorf("record %d: point %d replicate %d, config seed %d", i, rec.Point, rec.Replicate, rec.Config.Seed)
		}
	}
}

// TestResume: a file cut anywhere — mid-line, or after any row — is
// repaired and completed to the same file as an uninterrupted sweep.
func TestResume(t *testing.T) {
	s := tinySweep(t, "ai-agents=1,10,100", 2)
	dir := t.TempDir()
	full := filepath.Join(dir, "full.csv")
	sweepTo(t, full, s, 2)
	want := withoutWall(t, full)
	data, _ := os.ReadFile(full)
	for _, cut := range []int{0, 10, len(data) / 3, len(data) / 2, len(data) - 5, len(data) - 1} {
		path := filepath.Join(dir, "cut.csv")
		os.WriteFile(path, data[:cut], 0o644)
		r, _, notes, err := OpenResults(path, s)
		if err != nil {
			t.Fatalf("cut at %d: %v", cut, err)
		}
		r.Close()
		mid := cut > 0 && data[cut-1] != '\n' && cut > strings.IndexByte(string(data), '\n')
		if mid && len(notes) == 0 {
			t.Errorf("cut at %d: no note of the unfinished line", cut)
		}
		if recs := sweepTo(t, path, s, 2); len(recs) != s.Len() {
			t.Errorf("cut at %d: %d records, want %d", cut, len(recs), s.Len())
		}
		if got := withoutWall(t, path); got != want {
			t.Errorf("cut at %d: resumed file differs:\n%s\nwant\n%s", cut, got, want)
		}
	}
}

func TestForeignFiles(t *testing.T) {
	s := tinySweep(t, "ai-agents=1,10", 2)
	dir := t.TempDir()
	path := filepath.Join(dir, "r.csv")
	sweepTo(t, path, s, 1)
	var foreign *ForeignError
	for _, c := range []struct {
		sweep Sweep
		msg   string
	}{
		{tinySweep(t, "ai-agents=1,20", 2), "ai_agents=10 where this sweep has ai_agents=20"},
		{tinySweep(t, "ai-agents=1", 2), "it has point 1, this sweep has 1 points"},
		{tinySweep(t, "ai-agents=1,10", 1), "this sweep has --replicates 1"},
		{tinySweep(t, "sigma=1,2", 2), "where this sweep has"},
	} {
		_, _, _, err := OpenResults(path, c.sweep)
		if !errors.As(err, &foreign) || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("%v: want a ForeignError with %q", err, c.msg)
		}
	}
	// More replicates extend the file.
	if recs := sweepTo(t, path, tinySweep(t, "ai-agents=1,10", 3), 1); len(recs) != 6 {
		t.Errorf("3 replicates: %d records", len(recs))
	}
	other := filepath.Join(dir, "other.csv")
	os.WriteFile(other, []byte("a,b,c\n1,2,3\n"), 0o644)
	if _, _, _, err := OpenResults(other, s); !errors.As(err, &foreign) || !strings.Contains(err.Error(), "not a results file") {
		t.Errorf("a CSV file of another kind: %v", err)
	}
	old := "point,replicate,workers,firms,ai-agents,years\n0,0,60,3,1,1\n"
	os.WriteFile(other, []byte(old), 0o644)
	if _, _, err := ReadResults(other); !errors.As(err, &foreign) || !strings.Contains(err.Error(), "a results file of an older laborsim (kebab-case parameter columns") {
		t.Errorf("a file of the old format: %v", err)
	}
	data, _ := os.ReadFile(path)
	lines := strings.SplitAfter(string(data), "\n")
	bad := strings.Join(lines[:2], "") + "garbage\n" + strings.Join(lines[2:], "")
	os.WriteFile(other, []byte(bad), 0o644)
	if _, _, err := ReadResults(other); err == nil || !strings.Contains(err.Error(), "line 3") {
		t.Errorf("a damaged middle line: %v", err)
	}
}

func TestDuplicateRows(t *testing.T) {
	s := tinySweep(t, "ai-agents=1,10", 1)
	path := filepath.Join(t.TempDir(), "r.csv")
	sweepTo(t, path, s, 1)
	data, _ := os.ReadFile(path)
	lines := strings.SplitAfter(string(data), "\n")
	os.WriteFile(path, []byte(string(data)+lines[1]), 0o644)
	recs, notes, err := ReadResults(path)
	if err != nil || len(recs) != 2 || len(notes) != 1 {
		t.Errorf("repeated row: %d records, notes %v, %v", len(recs), notes, err)
	}
	os.WriteFile(path, []byte(string(data)+strings.Replace(lines[1], ",0.", ",0.9", 1)), 0o644)
	if _, _, err := ReadResults(path); err == nil || !strings.Contains(err.Error(), "recorded twice with different results") {
		t.Errorf("a run recorded twice with different results: %v", err)
	}
}
