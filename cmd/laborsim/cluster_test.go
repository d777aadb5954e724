package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// TestKubernetesManifest runs the command line of
// examples/kubernetes/sweep-job.yaml, as the file has it, for every
// completion index the Job would give (0 … completions−1, with --dry-run
// added and laborsim the test's binary): each pod must announce shard
// index+1 of completions, even under --quiet, and name its file after it.
func TestKubernetesManifest(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the command")
	}
	bin := buildBinary(t)
	data, err := os.ReadFile(filepath.Join("..", "..", "examples", "kubernetes", "sweep-job.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	var job struct {
		Spec struct {
			Completions int
			Template    struct {
				Spec struct {
					Containers []struct {
						Command []string
						Args    []string
					}
				}
			}
		}
	}
	if err := yaml.Unmarshal(data, &job); err != nil {
		t.Fatal(err)
	}
	c := job.Spec.Template.Spec.Containers[0]
	if len(c.Command) != 2 || c.Command[0] != "sh" || len(c.Args) != 1 || !strings.HasPrefix(c.Args[0], "exec laborsim sweep ") {
		t.Fatalf("the manifest's command is not sh -c 'exec laborsim sweep ...': %q %q", c.Command, c.Args)
	}
	n := job.Spec.Completions
	if !strings.Contains(c.Args[0], fmt.Sprintf("--shards %d ", n)) {
		t.Errorf("--shards is not the Job's completions (%d): %s", n, c.Args[0])
	}
	for i := range n {
		line := strings.Replace(c.Args[0], "exec laborsim", "exec "+bin, 1) + " --dry-run --quiet"
		cmd := exec.Command("sh", "-c", line)
		cmd.Env = append(os.Environ(), fmt.Sprintf("JOB_COMPLETION_INDEX=%d", i))
		var stderr strings.Builder
		cmd.Stderr = &stderr
		if out, err := cmd.Output(); err != nil || !strings.Contains(string(out), fmt.Sprintf("shard %d/%d has", i+1, n)) {
			t.Errorf("index %d: %v: %s%s", i, err, out, stderr.String())
		}
		if want := fmt.Sprintf("laborsim: shard %d/%d (from JOB_COMPLETION_INDEX)\n", i+1, n); stderr.String() != want {
			t.Errorf("index %d: stderr %q, want %q", i, stderr.String(), want)
		}
		echo := exec.Command("sh", "-c", strings.Replace(c.Args[0], "exec laborsim", "echo", 1))
		echo.Env = cmd.Env
		out, _ := echo.Output()
		for _, want := range []string{fmt.Sprintf("--out /results/agents-%d.csv", i+1), fmt.Sprintf("--series /results/agents-series-%d.parquet", i+1)} {
			if !strings.Contains(string(out), want) {
				t.Errorf("index %d: the pod's command is %s; want %s", i, out, want)
			}
		}
	}
}

// TestSbatchScript runs examples/slurm/sweep.sbatch outside Slurm, with the
// variables an array task sees: 1-based, 0-based and stepped arrays give
// the same shards 1/n … n/n; a resubmitted index needs LABORSIM_SHARD.
// (TestSlurm submits it to a real cluster.)
func TestSbatchScript(t *testing.T) {
	if testing.Short() {
		t.Skip("builds and runs the command")
	}
	if _, err := exec.LookPath("bash"); err != nil {
		t.Skip("no bash")
	}
	bin := buildBinary(t)
	script := filepath.Join("..", "..", "examples", "slurm", "sweep.sbatch")
	dir := t.TempDir()
	for _, c := range []struct {
		env  []string // id, min, step, count, then extra
		want string   // the shard, or the error
		ok   bool
	}{
		{[]string{"1", "1", "1", "4"}, "shard 1/4", true},
		{[]string{"4", "1", "1", "4"}, "shard 4/4", true},
		{[]string{"0", "0", "1", "4"}, "shard 1/4", true},
		{[]string{"3", "0", "1", "4"}, "shard 4/4", true},
		{[]string{"6", "0", "2", "4"}, "shard 4/4", true},
		{[]string{"5", "5", "1", "1", "LABORSIM_SHARD=3/4"}, "shard 3/4", true},
		{[]string{"5", "5", "1", "1"}, "is an array of one task", false},
		{[]string{"5", "5", "1", "1", "LABORSIM_SHARD=0/4"}, "shards count from 1", false},
		{[]string{"2", "1", "1", "4", "LABORSIM_SERIES=parquet"}, "shard 2/4", true},
		{[]string{"2", "1", "1", "4", "LABORSIM_SERIES=xml"}, "LABORSIM_SERIES=xml: want csv or parquet", false},
	} {
		cmd := exec.Command("bash", append([]string{script}, sweepArgs("--dry-run")[1:]...)...)
		cmd.Env = append(os.Environ(), "LABORSIM="+bin, "LABORSIM_RESULTS="+dir,
			"SLURM_ARRAY_TASK_ID="+c.env[0], "SLURM_ARRAY_TASK_MIN="+c.env[1], "SLURM_ARRAY_TASK_STEP="+c.env[2], "SLURM_ARRAY_TASK_COUNT="+c.env[3])
		cmd.Env = append(cmd.Env, c.env[4:]...)
		var stderr strings.Builder
		cmd.Stderr = &stderr
		out, err := cmd.Output()
		switch {
		case c.ok && (err != nil || !strings.Contains(string(out), c.want+" has") || !strings.Contains(stderr.String(), "sweep.sbatch: "+c.want)),
			c.ok && slices.Contains(c.env, "LABORSIM_SERIES=parquet") && !strings.Contains(stderr.String(), filepath.Join(dir, "series-2.parquet")):
			t.Errorf("%v: %v\n%s%s", c.env, err, out, stderr.String())
		case !c.ok && (err == nil || !strings.Contains(stderr.String(), c.want)):
			t.Errorf("%v: %v, stderr %q; want an error with %q", c.env, err, stderr.String(), c.want)
		}
	}
}
