package main

import (
	"os"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
)

// TestNotRegularFiles: a FIFO or a device given as a results file, to read
// or to write, is refused at once (exit 2, one line) and left as it was;
// nothing blocks on the FIFO.
func TestNotRegularFiles(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.csv")
	if err := syscall.Mkfifo(fifo, 0o644); err != nil {
		t.Fatal(err)
	}
	shard := filepath.Join(dir, "s.csv")
	mustRun(t, sweepArgs("--out", shard)...)
	for _, c := range []struct {
		args []string
		msg  string
	}{
		{sweepArgs("--out", fifo), "--out: " + fifo + " is a FIFO, not a regular file: refused"},
		{sweepArgs("--out", "/dev/null"), "--out: /dev/null is a character device, not a regular file: refused"},
		{[]string{"summarize", fifo}, fifo + " is a FIFO, not a regular file: refused"},
		{[]string{"summarize", "/dev/zero"}, "/dev/zero is a character device, not a regular file: refused"},
		{[]string{"summarize", dir}, dir + " is a directory, not a regular file: refused"},
		{[]string{"merge", "--out", filepath.Join(dir, "m.csv"), fifo}, fifo + " is a FIFO, not a regular file: refused"},
		{[]string{"merge", "--force", "--out", fifo, shard}, "invalid --out: " + fifo + " is a FIFO, not a regular file: refused"},
		{[]string{"merge", "--force", "--out", "/dev/null", shard}, "/dev/null is a character device, not a regular file: refused"},
	} {
		_, errs, code := runCmd(c.args...)
		if code != 2 || !strings.Contains(errs, c.msg) || strings.Count(errs, "\n") != 1 {
			t.Errorf("%v: exit %d, %q; want exit 2 and %q", c.args, code, errs, c.msg)
		}
	}
	if st, err := os.Lstat(fifo); err != nil || st.Mode()&os.ModeNamedPipe == 0 {
		t.Errorf("the FIFO was replaced: %v", err)
	}
	if st, err := os.Stat("/dev/null"); err != nil || st.Mode()&os.ModeCharDevice == 0 {
		t.Errorf("/dev/null is no longer a device: %v", err)
	}
}

// TestRunOutWhole: 'run --out DIR --force' over another run's directory
// leaves the new run's series.csv and summary.json together, keeps the
// directory's other files, and leaves no temporary directory beside it.
func TestRunOutWhole(t *testing.T) {
	base := t.TempDir()
	dir := filepath.Join(base, "run")
	small := []string{"run", "--workers", "60", "--firms", "3", "--ai-agents", "10", "--years", "1", "--format", "csv"}
	mustRun(t, append(small, "--out-dir", dir)...)
	os.WriteFile(filepath.Join(dir, "notes.txt"), []byte("mine"), 0o644)
	out, _ := mustRun(t, append(small, "--seed", "7", "--out-dir", dir, "--force")...)
	series, _ := os.ReadFile(filepath.Join(dir, "series.csv"))
	summary, _ := os.ReadFile(filepath.Join(dir, "summary.json"))
	if string(series) != out {
		t.Error("series.csv is not the new run's")
	}
	if !strings.Contains(string(summary), `"seed":7,`) {
		t.Errorf("summary.json is not the new run's:\n%s", summary)
	}
	if notes, _ := os.ReadFile(filepath.Join(dir, "notes.txt")); string(notes) != "mine" {
		t.Error("the directory's other file was lost")
	}
	if left, _ := filepath.Glob(filepath.Join(base, ".laborsim-*")); len(left) > 0 {
		t.Errorf("temporary directories left: %v", left)
	}
}
