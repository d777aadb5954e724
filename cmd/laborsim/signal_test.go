package main

import (
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// TestSignalsStopSweepCleanly sends SIGINT and SIGTERM to a sweep in
// flight: it must exit 130 / 143, keep every finished row, say how to
// resume, and finish the file when run again.
func TestSignalsStopSweepCleanly(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and signals a process")
	}
	bin := buildBinary(t)
	for _, c := range []struct {
		sig  syscall.Signal
		code int
	}{{syscall.SIGINT, 130}, {syscall.SIGTERM, 143}} {
		dir := t.TempDir()
		path := filepath.Join(dir, "results.csv")
		args := []string{"sweep", "--workers", "2000", "--firms", "20", "--years", "3", "--vary", "ai-agents=1..10000",
			"--per-decade", "2", "--replicates", "3", "--quiet", "--jobs", "1", "--out", path}
		cmd := exec.Command(bin, args...)
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		deadline := time.Now().Add(20 * time.Second)
		for time.Now().Before(deadline) {
			if data, _ := os.ReadFile(path); strings.Count(string(data), "\n") >= 3 {
				break
			}
			time.Sleep(5 * time.Millisecond)
		}
		cmd.Process.Signal(c.sig)
		err := cmd.Wait()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != c.code {
			t.Fatalf("%v: exit %v, want %d; stderr %q", c.sig, err, c.code, stderr.String())
		}
		if !strings.Contains(stderr.String(), "run the same command again") || strings.Contains(stderr.String(), "panic") {
			t.Errorf("%v: stderr %q does not say how to resume", c.sig, stderr.String())
		}
		data, _ := os.ReadFile(path)
		kept := strings.Count(string(data), "\n") - 1
		if kept < 2 {
			t.Fatalf("%v: only %d rows kept", c.sig, kept)
		}
		out, err := exec.Command(bin, args...).CombinedOutput()
		if err != nil {
			t.Fatalf("resume: %v\n%s", err, out)
		}
		data, _ = os.ReadFile(path)
		if rows := strings.Count(string(data), "\n") - 1; rows != 27 {
			t.Fatalf("%v: after resuming the file has %d rows, want 27 (9 points × 3 replicates)", c.sig, rows)
		}
	}
}
