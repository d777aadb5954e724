package main

import (
	"bytes"
	"context"
	"errors"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
)

// failingWriter fails every write, as stdout on a full disk does.
type failingWriter struct{}

var errFull = errors.New("no space left on device")

func (failingWriter) Write([]byte) (int, error) { return 0, errFull }

// TestWriteErrorsReturned: the table, CSV and JSON writers of run and
// summarize return the error of a failed write (the tables used to drop
// it: tablewriter ignores its writer's errors).
func TestWriteErrorsReturned(t *testing.T) {
	results := filepath.Join(t.TempDir(), "results.csv")
	mustRun(t, sweepArgs("--out", results)...)
	for _, args := range [][]string{
		append(smallRun, "--format", "table"), append(smallRun, "--format", "csv"), append(smallRun, "--format", "json"),
		{"summarize", results}, {"summarize", "--format", "csv", results}, {"summarize", "--format", "json", results},
	} {
		var errb bytes.Buffer
		err := run(context.Background(), args, failingWriter{}, &errb)
		if !errors.Is(err, errFull) || exitCode(err, &errb) != 1 {
			t.Errorf("%v: %v; want the write error, exit 1", args, err)
		}
	}
}

// TestWriteToFullDiskExits1 runs the command with stdout on /dev/full:
// every command exits 1 with the error, whatever it prints (it used to
// exit 0 for the run table).
func TestWriteToFullDiskExits1(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the command")
	}
	full, err := os.OpenFile("/dev/full", os.O_WRONLY, 0)
	if err != nil {
		t.Skip("no /dev/full:", err)
	}
	defer full.Close()
	bin := buildBinary(t)
	results := filepath.Join(t.TempDir(), "results.csv")
	mustRun(t, sweepArgs("--out", results)...)
	for _, args := range [][]string{
		smallRun, append(smallRun, "--format", "csv"), append(smallRun, "--format", "json"),
		{"summarize", results}, {"experiments"}, {"help"}, {"run", "--help"},
		sweepArgs("--dry-run"),
	} {
		cmd := exec.Command(bin, args...)
		cmd.Stdout = full
		var stderr strings.Builder
		cmd.Stderr = &stderr
		err := cmd.Run()
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != 1 || !strings.Contains(stderr.String(), "no space left on device") ||
			strings.Count(stderr.String(), "\n") != 1 {
			t.Errorf("%v > /dev/full: %v, stderr %q; want exit 1 and one line with the error", args, err, stderr.String())
		}
	}
}
