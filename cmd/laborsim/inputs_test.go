package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/laborsim/laborsim/experiments"
	"github.com/laborsim/laborsim/sim"
)

// TestBoundedInputs: the ranges added for issue 12 are refused with one
// line naming the flag, exit 2.
func TestBoundedInputs(t *testing.T) {
	for _, c := range []struct {
		args []string
		msg  string
	}{
		{[]string{"run", "--start-year", "1800"}, "invalid --start-year 1800: must be in [1900, 2200]"},
		{[]string{"run", "--start-year", "9007199254740993"}, "invalid --start-year 9007199254740993"},
		{[]string{"run", "--steps-per-year", "10000"}, "invalid --steps-per-year 10000: must be in [1, 52]"},
		{[]string{"run", "--sigma", "0.005"}, "invalid --sigma 0.005: must be in [0.04, 100]"},
		{[]string{"run", "--land-sigma", "0.001"}, "invalid --land-sigma 0.001: must be in [0.04, 100]"},
		{[]string{"run", "--tfp", "1e300"}, "invalid --tfp 1e+300: must be in (0, 1000]"},
		{[]string{"sweep", "--vary", "start-year=1800,2000"}, "invalid --start-year 1800"},
	} {
		_, errs, code := runCmd(c.args...)
		if code != 2 || !strings.Contains(errs, c.msg) || strings.Count(errs, "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and %q", c.args, code, errs, c.msg)
		}
	}
}

// TestRunRefusesWhatCannotFit: a run whose memory estimate exceeds the
// machine's memory is refused before anything is allocated, naming the
// estimate and the flags. (It asked the runtime for 800 GB and died.)
func TestRunRefusesWhatCannotFit(t *testing.T) {
	limit := machineMemory()
	if limit.bytes == 0 {
		t.Skip("the machine's memory is unknown here: nothing is refused")
	}
	_, errs, code := runCmd("run", "--firms", "10000000", "--task-bins", "10000")
	want := "the run needs about 4.5 TB of memory, 4.5 TB of it for --firms 10000000 × --task-bins 10000, more than the "
	if code != 2 || !strings.Contains(errs, want) || strings.Count(errs, "\n") != 1 {
		t.Fatalf("exit %d, stderr %q; want exit 2 and %q", code, errs, want)
	}
	c := sim.DefaultConfig()
	small := memoryLimit{c.MemoryEstimate() - 1, "the test allows"}
	if err := checkMemory(c, small); err == nil || !strings.Contains(err.Error(), "--ai-object-cap 1000000") {
		t.Errorf("a limit one byte under the default run's estimate: %v", err)
	}
	if err := checkMemory(c, memoryLimit{c.MemoryEstimate(), "the test allows"}); err != nil {
		t.Errorf("a limit at the estimate: %v", err)
	}
}

// TestSweepRefusesWhatCannotFit: a sweep whose runs at once (--jobs)
// would not fit is refused before any run starts, naming --jobs; one run
// at a time of the same runs fits.
func TestSweepRefusesWhatCannotFit(t *testing.T) {
	c := sim.DefaultConfig()
	runs := []experiments.Run{{Config: c}, {Config: c}, {Config: c}}
	limit := memoryLimit{2 * c.MemoryEstimate(), "the test allows"}
	if err := checkSweepMemory(runs, 3, limit); err == nil || !strings.Contains(err.Error(), "--jobs 3 runs at once") {
		t.Errorf("three runs at once under a limit of two: %v", err)
	}
	if err := checkSweepMemory(runs, 2, limit); err != nil {
		t.Errorf("two runs at once under a limit of two: %v", err)
	}
	if err := checkSweepMemory(runs[:1], 8, limit); err != nil {
		t.Errorf("--jobs 8 with one run: %v", err)
	}
}

// TestMeminfoAndCgroup reads the memory figures from files laid out as
// Linux lays them out.
func TestMeminfoAndCgroup(t *testing.T) {
	dir := t.TempDir()
	write := func(name, text string) string {
		path := filepath.Join(dir, name)
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, []byte(text), 0o600); err != nil {
			t.Fatal(err)
		}
		return path
	}
	meminfo := write("meminfo", "MemTotal:       24689520 kB\nMemFree:        22000000 kB\n")
	if got := meminfoKB(meminfo, "MemTotal"); got != 24689520 {
		t.Errorf("MemTotal %d kB", got)
	}
	self := write("self-cgroup", "0::/job/42\n")
	write("fs/job/42/memory.max", "4294967296\n")
	if got := cgroupMax(self, filepath.Join(dir, "fs")); got != 4294967296 {
		t.Errorf("memory.max %d", got)
	}
	write("fs/job/42/memory.max", "max\n")
	if got := cgroupMax(self, filepath.Join(dir, "fs")); got != 0 {
		t.Errorf("memory.max max: %d, want 0 (no limit)", got)
	}
}

// TestZeroGDPIsAnnounced: a run whose GDP is 0 — every task essential
// (σ ≤ 1) and traditional capital absent — says so on stderr rather than
// print a table of zeros as if they were results.
func TestZeroGDPIsAnnounced(t *testing.T) {
	_, errs, code := runCmd(append(smallRun, "--capital-per-worker", "0")...)
	if code != 0 || !strings.Contains(errs, "warning: GDP is 0 at 24 of 24 steps, from step 1: with --sigma 0.5 every task is essential") {
		t.Errorf("exit %d, stderr %q", code, errs)
	}
	if _, errs, _ := runCmd(smallRun...); strings.Contains(errs, "GDP is 0") {
		t.Errorf("a run with output warns: %q", errs)
	}
}

// TestPlotRunValidatesSummary: the parameters read back from summary.json
// are checked as flags are; a steps-per-year of 0 used to divide by zero.
func TestPlotRunValidatesSummary(t *testing.T) {
	dir := t.TempDir()
	if _, errs, code := runCmd(append(smallRun, "--format", "csv", "--out-dir", dir)...); code != 0 {
		t.Fatalf("run: exit %d: %s", code, errs)
	}
	for _, c := range []struct{ params, msg string }{
		{`{"steps-per-year": 0}`, "invalid --steps-per-year 0"},
		{`{"start-year": 9223372036854775807}`, "invalid --start-year 9223372036854775807"},
		{`{"sigma": -1}`, "invalid --sigma -1"},
	} {
		if err := os.WriteFile(filepath.Join(dir, "summary.json"), []byte(`{"params":`+c.params+`}`), 0o600); err != nil {
			t.Fatal(err)
		}
		_, errs, code := runCmd("plot", "run", dir, "--out-dir", t.TempDir())
		want := filepath.Join(dir, "summary.json") + ": " + c.msg
		if code != 2 || !strings.Contains(errs, want) || strings.Count(errs, "\n") != 1 {
			t.Errorf("%s: exit %d, stderr %q; want exit 2 and %q", c.params, code, errs, want)
		}
	}
}
