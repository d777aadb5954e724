package experiments

import (
	"context"
	"errors"
	"fmt"
	"strings"
	"testing"

	"github.com/laborsim/laborsim/economy"
	"github.com/laborsim/laborsim/sim"
)

// shardFiles deals the runs of a sweep out to n files, as --shard does,
// with made-up results (the checks here look at parameters and seeds).
func shardFiles(t *testing.T, base sim.Config, reps, n int, prefix string, vary ...string) []ShardFile {
	t.Helper()
	var axes []Axis
	for _, v := range vary {
		axes = append(axes, mustAxis(t, v))
	}
	s, err := NewSweep(base, axes, 1, reps)
	if err != nil {
		t.Fatal(err)
	}
	files := make([]ShardFile, n)
	for i := range files {
		files[i].Name = fmt.Sprintf("%s%d.csv", prefix, i+1)
	}
	for i := range s.Len() {
		r := s.Run(i)
		rec := Record{Point: r.Point, Replicate: r.Replicate, Config: r.Config, Final: make([]float64, len(economy.Columns))}
		files[i%n].Records = append(files[i%n].Records, rec)
	}
	return files
}

func TestSeedInverses(t *testing.T) {
	for _, x := range []uint64{0, 1, 42, 1 << 52, MaxSeed, 0x1eadbeefcafef00d & MaxSeed} {
		if got := unmix53(mix53(x)); got != x {
			t.Errorf("unmix53(mix53(%#x)) = %#x", x, got)
		}
		for r := range 3 {
			rec := Record{Replicate: r, Config: sim.Config{Seed: deriveSeed(x, r)}}
			if got := pointSeed(rec); got != x {
				t.Errorf("pointSeed of deriveSeed(%#x, %d) = %#x", x, r, got)
			}
		}
	}
	if fnvPrime*fnvPrimeInv != 1 || mix1*mix1Inv != 1 || mix2*mix2Inv != 1 {
		t.Error("an inverse is wrong")
	}
}

// TestMergeSweeps: shards of one sweep merge, whatever the shape of its
// grid; shards of different sweeps are refused with the difference named.
func TestMergeSweeps(t *testing.T) {
	base := tiny()
	other := func(f func(*sim.Config)) sim.Config { c := base; f(&c); return c }
	join := func(a, b []ShardFile) []ShardFile { return append(append([]ShardFile{}, a...), b...) }
	for _, c := range []struct {
		name  string
		files []ShardFile
		err   string // "" to merge
	}{
		{"one axis", shardFiles(t, base, 2, 2, "s", "ai-agents=1..100"), ""},
		{"one axis, one replicate", shardFiles(t, base, 1, 3, "s", "ai-agents=1..100"), ""},
		{"two axes", shardFiles(t, base, 1, 2, "s", "ai-agents=1,10", "sigma=1.5,2"), ""},
		{"varied together", shardFiles(t, base, 1, 2, "s", "ai-agents=1,10,100,1000+years=1,2,1,2"), ""},
		{"a single-valued axis first", shardFiles(t, base, 1, 2, "s", "years=2", "ai-agents=1,10,100"), ""},
		{"one point", shardFiles(t, base, 4, 2, "s"), ""},
		{"other --years",
			join(shardFiles(t, base, 1, 2, "a", "ai-agents=1,10,100,1000")[:1], shardFiles(t, other(func(c *sim.Config) { c.Years = 2 }), 1, 2, "b", "ai-agents=1,10,100,1000")[1:]),
			"a1.csv has years=1 (point 0) but b2.csv has years=2 (point 1), and the seeds show the sweep does not vary years"},
		{"frictional and frictionless",
			join(shardFiles(t, base, 1, 2, "a", "ai-agents=1,10,100,1000")[:1], shardFiles(t, other(func(c *sim.Config) { c.Frictionless = true }), 1, 2, "b", "ai-agents=1,10,100,1000")[1:]),
			"does not vary frictionless"},
		{"other --seed, one replicate",
			join(shardFiles(t, base, 1, 2, "a", "ai-agents=1,10,100,1000")[:1], shardFiles(t, other(func(c *sim.Config) { c.Seed = 7 }), 1, 2, "b", "ai-agents=1,10,100,1000")[1:]),
			"the seeds of a1.csv and b2.csv come from different --seed values"},
		{"other --seed, replicates split",
			join(shardFiles(t, base, 2, 2, "a", "ai-agents=1,10")[:1], shardFiles(t, other(func(c *sim.Config) { c.Seed = 7 }), 2, 2, "b", "ai-agents=1,10")[1:]),
			"point 0: the seeds of replicate 0 (a1.csv) and replicate 1 (b2.csv) come from different --seed values"},
		{"another varied parameter",
			join(shardFiles(t, base, 1, 2, "a", "ai-agents=1,10,100,1000")[:1], shardFiles(t, base, 1, 2, "b", "workers=50,60,70,80")[1:]),
			"a1.csv varies ai-agents but b2.csv varies workers"},
		{"other --sigma, replicates split",
			join(shardFiles(t, base, 2, 2, "a", "ai-agents=1,10")[:1], shardFiles(t, other(func(c *sim.Config) { c.Sigma = 0.9 }), 2, 2, "b", "ai-agents=1,10")[1:]),
			"sigma"},
	} {
		recs, missing, notes, err := Merge(c.files)
		var foreign *ForeignError
		switch {
		case c.err == "" && (err != nil || missing != nil || len(notes) > 0):
			t.Errorf("%s: %v, missing %v, notes %v", c.name, err, missing, notes)
		case c.err == "" && len(recs) == 0:
			t.Errorf("%s: no records", c.name)
		case c.err != "" && (!errors.As(err, &foreign) || !strings.Contains(err.Error(), c.err)):
			t.Errorf("%s: %v, want a ForeignError with %q", c.name, err, c.err)
		}
	}
}

// TestMergeUncheckable: a --vary of one value after another axis hides
// the seeds' shape; the merge goes ahead with a note saying so.
func TestMergeUncheckable(t *testing.T) {
	_, _, notes, err := Merge(shardFiles(t, tiny(), 1, 2, "s", "ai-agents=1,10,100", "years=2"))
	if err != nil || len(notes) != 1 || !strings.Contains(notes[0].Error(), "not checked") {
		t.Errorf("%v, notes %v", err, notes)
	}
}

// TestMerge merges real shards: grid order, a run in two files kept once,
// missing runs listed, a run with two results refused.
func TestMerge(t *testing.T) {
	s := tinySweep(t, "ai-agents=1,10,100", 2)
	var all []Record
	err := Execute(context.Background(), allRuns(s), 2, func(r Record) error { all = append(all, r); return nil })
	if err != nil {
		t.Fatal(err)
	}
	sortRecords(all) // they arrive in the order the runs finish
	var a, b []Record
	for _, r := range all {
		if (r.Point*2+r.Replicate)%2 == 0 {
			a = append(a, r)
		} else {
			b = append(b, r)
		}
	}
	merged, missing, notes, err := Merge([]ShardFile{{"b", b}, {"a", a}, {"a1", a[:1]}})
	if err != nil || missing != nil || len(notes) != 0 || len(merged) != len(all) {
		t.Fatalf("Merge: %d records, missing %v, notes %v, %v", len(merged), missing, notes, err)
	}
	for i, r := range merged {
		if r.Point != i/2 || r.Replicate != i%2 {
			t.Errorf("merged %d is point %d replicate %d", i, r.Point, r.Replicate)
		}
	}
	if _, missing, _, _ := Merge([]ShardFile{{"a", a[1:]}, {"b", b}}); missing == nil || missing.Error() != "1 of 6 runs (3 points × 2 replicates) are missing: point 0 replicate 0" {
		t.Errorf("one run short: missing %v", missing)
	}
	if _, missing, _, _ := Merge(nil); missing == nil || missing.Error() != "no runs" {
		t.Errorf("no files: missing %v", missing)
	}
	changed := a[0]
	changed.Final = append([]float64(nil), a[0].Final...)
	changed.Final[5]++
	if _, _, _, err := Merge([]ShardFile{{"a", a}, {"c", []Record{changed}}}); err == nil || !strings.Contains(err.Error(), "in a and c with different parameters or results") {
		t.Errorf("a run with two results: %v", err)
	}
}
