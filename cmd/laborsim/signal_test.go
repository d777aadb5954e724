package main

import (
	"errors"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// signalSweep is a sweep of 1005 runs of about a millisecond each: the
// signal, sent once a few rows are written, lands with hundreds of runs
// still to go.
var signalSweep = []string{"sweep", "--workers", "100", "--firms", "2", "--ai-agents", "100", "--years", "1",
	"--vary", "ai-price=0.1..10", "--per-decade", "100", "--replicates", "5", "--quiet", "--jobs", "1"}

const signalRuns = 201 * 5

// TestSignalsStopSweepCleanly sends SIGINT and SIGTERM to a sweep in
// flight: it must exit 130 / 143, keep every finished row, say how to
// resume, and finish the file when run again. That the signal arrived
// before the sweep's end is proven by the file: it holds fewer rows than
// the sweep has runs. There is no time limit: the test waits for the rows
// (or for the process to end, which fails it), however busy the machine.
func TestSignalsStopSweepCleanly(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and signals a process")
	}
	bin := buildBinary(t)
	for _, c := range []struct {
		sig  syscall.Signal
		code int
	}{{syscall.SIGINT, 130}, {syscall.SIGTERM, 143}} {
		path := filepath.Join(t.TempDir(), "results.csv")
		args := append(signalSweep, "--out", path)
		cmd := exec.Command(bin, args...)
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		exited := make(chan error, 1)
		go func() { exited <- cmd.Wait() }()
		var err error
	wait:
		for {
			select {
			case err = <-exited:
				t.Fatalf("%v: the sweep ended (%v) before it wrote 3 rows; stderr %q", c.sig, err, stderr.String())
			case <-time.After(2 * time.Millisecond):
				if rows(path) >= 3 {
					break wait
				}
			}
		}
		if err := cmd.Process.Signal(c.sig); err != nil {
			t.Fatal(err)
		}
		err = <-exited
		kept := rows(path)
		if kept >= signalRuns {
			t.Fatalf("%v: the sweep finished all %d runs before the signal arrived; the test proves nothing", c.sig, kept)
		}
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != c.code {
			t.Fatalf("%v: exit %v with %d of %d rows, want %d; stderr %q", c.sig, err, kept, signalRuns, c.code, stderr.String())
		}
		if !strings.Contains(stderr.String(), "run the same command again") || strings.Contains(stderr.String(), "panic") {
			t.Errorf("%v: stderr %q does not say how to resume", c.sig, stderr.String())
		}
		if kept < 3 {
			t.Fatalf("%v: only %d rows kept", c.sig, kept)
		}
		out, err := exec.Command(bin, args...).CombinedOutput()
		if err != nil {
			t.Fatalf("resume: %v\n%s", err, out)
		}
		if n := rows(path); n != signalRuns {
			t.Fatalf("%v: after resuming the file has %d rows, want %d (201 points × 5 replicates)", c.sig, n, signalRuns)
		}
	}
}
