package main

import (
	"bufio"
	"context"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"
)

// slurmSweep is the sweep the Slurm test runs: 9 points × 2 replicates of
// runs that take about half a second each, so that a task can be killed
// between its first run and its last.
var slurmSweep = []string{"--workers", "20000", "--years", "5", "--vary", "ai-agents=1..10000", "--per-decade", "2", "--replicates", "2", "--format", "csv"}

const (
	slurmShards = 4
	slurmKilled = 2 // the shard (and array index) killed part-way and resubmitted: 5 of the 18 runs
)

// TestSlurm submits a sweep to Slurm as a 1-based job array (--array=1-4)
// of examples/slurm/sweep.sbatch
// and checks that the merged shard files equal the sweep run here without
// shards, row for row (all but wall_seconds); then kills one task part-way,
// resubmits that index alone, and checks that it resumed its file without
// repeating a run. It needs a Slurm cluster whose jobs see this machine's
// temporary directory ($TMPDIR): scripts/slurm-local-up starts a one-node one;
// .ci/run runs this test on it.
func TestSlurm(t *testing.T) {
	if os.Getenv("LABORSIM_SLURM") != "1" {
		t.Skip("needs a Slurm cluster: set LABORSIM_SLURM=1 (scripts/slurm-local-up starts a one-node cluster)")
	}
	if _, err := exec.LookPath("sbatch"); err != nil {
		t.Fatalf("LABORSIM_SLURM=1 but %v: start a cluster with scripts/slurm-local-up", err)
	}
	script, err := filepath.Abs(filepath.Join("..", "..", "examples", "slurm", "sweep.sbatch"))
	if err != nil {
		t.Fatal(err)
	}
	s := &slurm{t: t, bin: buildBinary(t), script: script, dir: t.TempDir()}
	timeout := 5 * time.Minute
	if d, ok := t.Deadline(); ok {
		timeout = min(timeout, time.Until(d)-10*time.Second)
	}
	var cancel context.CancelFunc
	s.ctx, cancel = context.WithTimeout(context.Background(), timeout)
	defer cancel()
	t.Cleanup(s.cancelJobs)

	// The unsharded sweep, here; --shard 0/1 in case the test itself runs
	// in a Slurm array task.
	whole := filepath.Join(s.dir, "whole.csv")
	mustRun(t, append([]string{"sweep", "--quiet", "--shard", "1/1", "--out", whole, "--series", seriesOf(whole)}, slurmSweep...)...)
	runs := strings.Count(stripWall(t, whole), "\n") - 1

	t.Run("array", func(t *testing.T) {
		results := s.results("array")
		id, err := s.sbatch(results, true, fmt.Sprintf("--array=1-%d", slurmShards))
		if err != nil {
			t.Fatalf("sbatch --wait: %v\n%s", err, s.logs())
		}
		for i := 1; i <= slurmShards; i++ {
			if log := s.log(id, i); !strings.Contains(log, fmt.Sprintf("shard %d/%d", i, slurmShards)) {
				t.Errorf("task %d did not run shard %d/%d:\n%s", i, i, slurmShards, log)
			}
		}
		s.checkMerge(t, results, whole, runs)
	})

	t.Run("retry", func(t *testing.T) {
		results := s.results("retry")
		shard := filepath.Join(results, fmt.Sprintf("shard-%d.csv", slurmKilled))
		want := 0
		for i := range runs {
			if i%slurmShards == slurmKilled-1 {
				want++
			}
		}
		id, done := s.start(results, fmt.Sprintf("--array=1-%d", slurmShards))
		// Kill task K with SIGKILL (as the OOM killer or a failing node
		// would) once it has written its first run.
		rows := s.waitRows(shard, 1, done)
		task := fmt.Sprintf("%s_%d", id, slurmKilled)
		if out, err := s.command("scancel", "--batch", "--signal=KILL", task).CombinedOutput(); err != nil {
			t.Fatalf("scancel %s: %v: %s", task, err, out)
		}
		err := <-done
		t.Logf("task %s killed after %d of its %d runs; sbatch --wait: %v", task, rows, want, err)
		if err == nil {
			t.Errorf("sbatch --wait succeeded although task %s was killed", task)
		}
		if got := len(shardKeys(t, shard)); got >= want {
			t.Fatalf("task %s finished all %d runs before it was killed; the test needs slower runs:\n%s", task, got, s.logs())
		}

		// Resubmit that index alone, naming the shard it retries.
		id2, err := s.sbatch(results, true, fmt.Sprintf("--array=%d", slurmKilled), fmt.Sprintf("--export=ALL,LABORSIM_SHARD=%d/%d", slurmKilled, slurmShards))
		if err != nil {
			t.Fatalf("sbatch --wait (resubmitted): %v\n%s", err, s.logs())
		}
		log := s.log(id2, slurmKilled)
		if !strings.Contains(log, fmt.Sprintf("shard %d/%d", slurmKilled, slurmShards)) || !strings.Contains(log, "already holds") {
			t.Errorf("the resubmitted task did not resume shard %d/%d:\n%s", slurmKilled, slurmShards, log)
		}
		keys := shardKeys(t, shard)
		seen := map[string]bool{}
		for _, k := range keys {
			if seen[k] {
				t.Errorf("%s: point,replicate %s appears twice", shard, k)
			}
			seen[k] = true
		}
		if len(keys) != want {
			t.Errorf("%s holds %d runs, want %d", shard, len(keys), want)
		}
		s.checkMerge(t, results, whole, runs)
	})
}

// slurm submits the sweep's array and collects what it needs to explain a
// failure.
type slurm struct {
	t           *testing.T
	ctx         context.Context
	bin, script string
	dir         string   // the jobs' working directory: their logs
	jobs        []string // job ids submitted, cancelled at the end
}

// results is the directory for the shard files of one submission;
// sweep.sbatch makes it.
func (s *slurm) results(name string) string {
	return filepath.Join(s.dir, name)
}

// command is a Slurm command run in the jobs' directory, with the
// environment sweep.sbatch reads.
func (s *slurm) command(name string, args ...string) *exec.Cmd {
	c := exec.CommandContext(s.ctx, name, args...)
	c.Dir = s.dir
	c.WaitDelay = 5 * time.Second
	c.Env = append(os.Environ(), "LABORSIM="+s.bin)
	return c
}

// sbatchCmd submits the sweep: sbatch [opts] sweep.sbatch sweep-flags,
// with its shard files in results.
func (s *slurm) sbatchCmd(results string, wait bool, opts ...string) *exec.Cmd {
	args := append([]string{"--parsable", "--cpus-per-task=1"}, opts...)
	if wait {
		args = append(args, "--wait")
	}
	args = append(append(args, s.script), slurmSweep...)
	c := s.command("sbatch", args...)
	c.Env = append(c.Env, "LABORSIM_RESULTS="+results, "LABORSIM_SERIES=csv")
	return c
}

// seriesOf is the series file of the unsharded sweep whose results file is
// whole.
func seriesOf(whole string) string { return strings.TrimSuffix(whole, ".csv") + "-series.csv" }

// sbatch submits the sweep and, with wait, waits for the array to finish.
// It returns the job id.
func (s *slurm) sbatch(results string, wait bool, opts ...string) (string, error) {
	c := s.sbatchCmd(results, wait, opts...)
	out, err := c.Output()
	id := s.jobID(string(out))
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) && len(ee.Stderr) > 0 {
			err = fmt.Errorf("%v: %s", err, strings.TrimSpace(string(ee.Stderr)))
		}
		return id, fmt.Errorf("%v%s", err, s.timedOut())
	}
	return id, nil
}

// start submits the sweep with --wait in the background and returns the
// job id and a channel that gives sbatch's result when the array has
// finished.
func (s *slurm) start(results string, opts ...string) (string, <-chan error) {
	s.t.Helper()
	c := s.sbatchCmd(results, true, opts...)
	out, err := c.StdoutPipe()
	if err != nil {
		s.t.Fatal(err)
	}
	var stderr strings.Builder
	c.Stderr = &stderr
	if err := c.Start(); err != nil {
		s.t.Fatal(err)
	}
	line, err := bufio.NewReader(out).ReadString('\n')
	if err != nil {
		c.Wait()
		s.t.Fatalf("sbatch printed no job id: %v: %s%s", err, stderr.String(), s.timedOut())
	}
	done := make(chan error, 1)
	go func() {
		err := c.Wait()
		if err != nil && stderr.Len() > 0 {
			err = fmt.Errorf("%v: %s", err, strings.TrimSpace(stderr.String()))
		}
		done <- err
	}()
	return s.jobID(line), done
}

// jobID records and returns the job id that sbatch --parsable printed
// ("id" or "id;cluster").
func (s *slurm) jobID(out string) string {
	id, _, _ := strings.Cut(strings.TrimSpace(out), ";")
	if id != "" {
		s.jobs = append(s.jobs, id)
	}
	return id
}

// waitRows waits until the results file at path holds n runs, and returns
// how many it holds then; it fails the test if the array ends first.
func (s *slurm) waitRows(path string, n int, done <-chan error) int {
	s.t.Helper()
	for {
		data, _ := os.ReadFile(path)
		if rows := strings.Count(string(data), "\n") - 1; rows >= n {
			return rows
		}
		select {
		case err := <-done:
			s.t.Fatalf("the array ended (sbatch: %v) before %s held %d runs%s\n%s", err, path, n, s.timedOut(), s.logs())
		case <-time.After(20 * time.Millisecond):
		}
	}
}

// checkMerge merges the shard files in results and compares the merged
// file with the unsharded sweep's.
func (s *slurm) checkMerge(t *testing.T, results, whole string, runs int) {
	t.Helper()
	shards, _ := filepath.Glob(filepath.Join(results, "shard-*.csv"))
	if len(shards) != slurmShards {
		t.Fatalf("%d shard files in %s, want %d: %v\n%s", len(shards), results, slurmShards, shards, s.logs())
	}
	series, _ := filepath.Glob(filepath.Join(results, "series-*.csv"))
	if len(series) != slurmShards {
		t.Fatalf("%d series files in %s, want %d: %v\n%s", len(series), results, slurmShards, series, s.logs())
	}
	merged, mergedSeries := filepath.Join(results, "merged.csv"), filepath.Join(results, "merged-series.csv")
	_, errs := mustRun(t, append(append([]string{"merge", "-o", merged, "--series", mergedSeries}, shards...), series...)...)
	if !strings.Contains(errs, fmt.Sprintf("wrote %d runs from %d file(s)", runs, slurmShards)) || strings.Contains(errs, "warning") || strings.Contains(errs, "repeats") {
		t.Errorf("merge: %s", errs)
	}
	if got, want := stripWall(t, merged), stripWall(t, whole); got != want {
		t.Errorf("the merged shards differ from the unsharded sweep:\n%s\nwant\n%s\n%s", got, want, s.logs())
	}
	if got, want := readText(t, mergedSeries), readText(t, seriesOf(whole)); got != want {
		t.Errorf("the merged series (%d rows) differ from the unsharded sweep's (%d rows)\n%s", strings.Count(got, "\n")-1, strings.Count(want, "\n")-1, s.logs())
	}
}

// shardKeys are the point,replicate of every row of a results file.
func shardKeys(t *testing.T, path string) []string {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	var keys []string
	for _, line := range strings.Split(strings.TrimSpace(string(data)), "\n")[1:] {
		f := strings.SplitN(line, ",", 4) // run_id, point, replicate, …
		keys = append(keys, f[1]+","+f[2])
	}
	return keys
}

// log is the output of task i of job id.
func (s *slurm) log(id string, i int) string {
	data, err := os.ReadFile(filepath.Join(s.dir, fmt.Sprintf("laborsim-sweep-%s_%d.log", id, i)))
	if err != nil {
		return err.Error()
	}
	return string(data)
}

// logs are every task's output and Slurm's view of the jobs.
func (s *slurm) logs() string {
	var b strings.Builder
	files, _ := filepath.Glob(filepath.Join(s.dir, "*.log"))
	for _, f := range files {
		data, _ := os.ReadFile(f)
		fmt.Fprintf(&b, "--- %s\n%s", filepath.Base(f), data)
	}
	for _, id := range s.jobs {
		out, _ := exec.Command("scontrol", "show", "job", id).CombinedOutput()
		fmt.Fprintf(&b, "--- scontrol show job %s\n%s", id, out)
	}
	return b.String()
}

// timedOut says so, with the queue, if the test's deadline has passed.
func (s *slurm) timedOut() string {
	if s.ctx.Err() == nil {
		return ""
	}
	out, _ := exec.Command("squeue").CombinedOutput()
	return fmt.Sprintf(" (timed out; squeue:\n%s)", out)
}

// cancelJobs leaves no job of the test queued or running.
func (s *slurm) cancelJobs() {
	if len(s.jobs) > 0 {
		exec.Command("scancel", s.jobs...).Run()
	}
}
