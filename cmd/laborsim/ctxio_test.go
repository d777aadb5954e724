//go:build unix

package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strconv"
	"strings"
	"syscall"
	"testing"
	"time"
)

// runCmdCtx is runCmd under ctx.
func runCmdCtx(ctx context.Context, args ...string) (string, string, int) {
	var out, errb bytes.Buffer
	code := exitCode(run(ctx, args, &out, &errb), &errb)
	return out.String(), errb.String(), code
}

// TestUntilDoneStopsAtCancel: untilDone returns ctx's error as soon as ctx
// is done, while f is still blocked, and also when f has finished by then.
func TestUntilDoneStopsAtCancel(t *testing.T) {
	ctx, cancel := context.WithCancelCause(context.Background())
	release := make(chan struct{})
	defer close(release)
	started := make(chan struct{})
	go func() { <-started; cancel(interrupted{syscall.SIGTERM}) }()
	_, err := untilDone(ctx, func() (int, error) {
		close(started)
		<-release // blocked until the test ends: only the cancel can return
		return 1, nil
	})
	if !errors.Is(err, context.Canceled) || !strings.Contains(err.Error(), "interrupted by terminated") {
		t.Fatalf("got %v, want the cancel and its cause", err)
	}
	if v, err := untilDone(ctx, func() (int, error) { return 1, nil }); err == nil {
		t.Fatalf("after the cancel: %v, %v; want the cancel", v, err)
	}
	if v, err := untilDone(context.Background(), func() (int, error) { return 7, nil }); v != 7 || err != nil {
		t.Fatalf("uncancelled: %v, %v", v, err)
	}
}

// TestCtxReaderStops: a read after the cancel fails with ctx's error.
func TestCtxReaderStops(t *testing.T) {
	ctx, cancel := context.WithCancel(context.Background())
	r := ctxReader{ctx, strings.NewReader(strings.Repeat("x", 10000))}
	buf := make([]byte, 100)
	if n, err := r.Read(buf); n != 100 || err != nil {
		t.Fatalf("before the cancel: %d, %v", n, err)
	}
	cancel()
	if n, err := r.Read(buf); n != 0 || !errors.Is(err, context.Canceled) {
		t.Fatalf("after the cancel: %d, %v", n, err)
	}
}

// TestReadersStopWhenCancelled: merge, summarize and plot given a
// cancelled context stop with exit 130 and write nothing.
func TestReadersStopWhenCancelled(t *testing.T) {
	results := filepath.Join(t.TempDir(), "results.csv")
	mustRun(t, sweepArgs("--out", results)...)
	runDir := t.TempDir()
	mustRun(t, append(smallRun, "--format", "csv", "--out-dir", runDir)...)
	out := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	for _, args := range [][]string{
		{"merge", "--out", filepath.Join(out, "merged.csv"), results},
		{"summarize", results},
		{"plot", "sweep", results, "--x", "ai-agents", "--y", "labor_share", "-o", filepath.Join(out, "x.png")},
		{"plot", "run", runDir, "--out-dir", filepath.Join(out, "charts")},
	} {
		stdout, errs, code := runCmdCtx(ctx, args...)
		if code != 130 || stdout != "" || !strings.Contains(errs, "context canceled") {
			t.Errorf("%v: exit %d, stdout %q, stderr %q; want exit 130 and nothing written", args, code, stdout, errs)
		}
	}
	if entries, _ := os.ReadDir(out); len(entries) != 0 {
		t.Errorf("cancelled commands wrote %v", entries)
	}
}

// TestReadersRefuseNonRegular: a results file, series or summary that is
// a FIFO, a directory or a device is refused at once, naming it, exit 2.
func TestReadersRefuseNonRegular(t *testing.T) {
	dir := t.TempDir()
	fifo := filepath.Join(dir, "fifo.csv")
	if err := syscall.Mkfifo(fifo, 0o600); err != nil {
		t.Skip(err)
	}
	runDir := filepath.Join(dir, "run")
	if err := os.Mkdir(runDir, 0o700); err != nil {
		t.Fatal(err)
	}
	if err := syscall.Mkfifo(filepath.Join(runDir, "series.csv"), 0o600); err != nil {
		t.Fatal(err)
	}
	png := filepath.Join(dir, "x.png")
	for _, c := range []struct {
		args []string
		msg  string
	}{
		{[]string{"summarize", fifo}, fifo + " is a FIFO, not a regular file: refused"},
		{[]string{"summarize", "/dev/zero"}, "/dev/zero is a character device, not a regular file: refused"},
		{[]string{"summarize", dir}, dir + " is a directory, not a regular file: refused"},
		{[]string{"merge", "--out", filepath.Join(dir, "m.csv"), fifo}, fifo + " is a FIFO, not a regular file: refused"},
		{[]string{"plot", "sweep", fifo, "--x", "ai-agents", "--y", "labor_share", "-o", png}, fifo + " is a FIFO, not a regular file: refused"},
		{[]string{"plot", "run", runDir}, filepath.Join(runDir, "series.csv") + " is a FIFO, not a regular file: refused"},
	} {
		_, errs, code := runCmd(c.args...)
		if code != 2 || !strings.Contains(errs, c.msg) || strings.Count(errs, "\n") != 1 {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and %q", c.args, code, errs, c.msg)
		}
	}
}

// TestSignalsStopMerge sends SIGINT and SIGTERM to a merge of a 50000-row
// results file while it reads it: the merge exits 130 / 143 and writes no
// output. That the signal came during the read is proven twice: the
// process had read the whole file (its read count, /proc/PID/io rchar),
// so its handler was installed, and no output exists, so it had not
// finished. The time from signal to exit is logged, not asserted.
func TestSignalsStopMerge(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and signals a process")
	}
	if _, err := os.Stat("/proc/self/io"); err != nil {
		t.Skip("needs /proc/PID/io:", err)
	}
	bin := buildBinary(t)
	dir := t.TempDir()
	small := filepath.Join(dir, "small.csv")
	mustRun(t, sweepArgs("--out", small)...)
	big := filepath.Join(dir, "big.csv")
	size := bigResults(t, small, big, 50000)
	for _, c := range []struct {
		sig  syscall.Signal
		code int
	}{{syscall.SIGINT, 130}, {syscall.SIGTERM, 143}} {
		out := filepath.Join(dir, "merged-"+strconv.Itoa(c.code)+".csv")
		cmd := exec.Command(bin, "merge", "--out", out, big)
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		exited := make(chan error, 1)
		go func() { exited <- cmd.Wait() }()
		procIO := fmt.Sprintf("/proc/%d/io", cmd.Process.Pid)
		var err error
	wait:
		for {
			select {
			case err = <-exited:
				t.Fatalf("%v: the merge ended (%v) before it had read the input; stderr %q", c.sig, err, stderr.String())
			case <-time.After(time.Millisecond):
				if readBytes(procIO) >= size {
					break wait
				}
			}
		}
		sent := time.Now()
		if err := cmd.Process.Signal(c.sig); err != nil {
			t.Fatal(err)
		}
		err = <-exited
		t.Logf("%v: exited %v after the signal", c.sig, time.Since(sent))
		if _, statErr := os.Stat(out); statErr == nil {
			t.Fatalf("%v: the merge wrote %s: it finished before the signal, the test proves nothing", c.sig, out)
		}
		var exit *exec.ExitError
		if !errors.As(err, &exit) || exit.ExitCode() != c.code || strings.Contains(stderr.String(), "panic") {
			t.Fatalf("%v: exit %v, want %d; stderr %q", c.sig, err, c.code, stderr.String())
		}
	}
}

// bigResults writes a results file of rows copies of the first row of
// small, numbered as points 0..rows-1, and returns its size.
func bigResults(t *testing.T, small, big string, rows int) int64 {
	t.Helper()
	data, err := os.ReadFile(small)
	if err != nil {
		t.Fatal(err)
	}
	lines := strings.SplitAfter(string(data), "\n")
	_, rest, _ := strings.Cut(lines[1], ",") // after the point
	var b strings.Builder
	b.WriteString(lines[0])
	for i := range rows {
		b.WriteString(strconv.Itoa(i))
		b.WriteByte(',')
		b.WriteString(rest)
	}
	if err := os.WriteFile(big, []byte(b.String()), 0o600); err != nil {
		t.Fatal(err)
	}
	return int64(b.Len())
}

// readBytes is the rchar of a /proc/PID/io file: the bytes the process has
// read; 0 if unknown.
func readBytes(path string) int64 {
	data, _ := os.ReadFile(path)
	for _, line := range strings.Split(string(data), "\n") {
		if v, ok := strings.CutPrefix(line, "rchar: "); ok {
			n, _ := strconv.ParseInt(v, 10, 64)
			return n
		}
	}
	return 0
}
