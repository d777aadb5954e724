package experiments

import (
	"errors"
	"fmt"
	"slices"
	"strings"
)

// ShardFile is the records of one results file given to Merge, and its name
// for messages.
type ShardFile struct {
	Name    string
	Records []Record
}

// Missing is the runs a merged grid lacks: the grid is taken to be the
// largest point by the largest replicate found, so a missing last point
// cannot be seen.
type Missing struct {
	Points, Replicates int
	Runs               [][2]int // point, replicate
}

func (m *Missing) Error() string {
	if m.Points == 0 {
		return "no runs"
	}
	var list []string
	for _, r := range m.Runs[:min(10, len(m.Runs))] {
		list = append(list, fmt.Sprintf("point %d replicate %d", r[0], r[1]))
	}
	more := ""
	if n := len(m.Runs) - len(list); n > 0 {
		more = fmt.Sprintf(" and %d more", n)
	}
	return fmt.Sprintf("%d of %d runs (%d points × %d replicates) are missing: %s%s",
		len(m.Runs), m.Points*m.Replicates, m.Points, m.Replicates, strings.Join(list, ", "), more)
}

// Merge joins the records of several results files (shards of one sweep)
// in grid order. A run found in two files must have the same results in
// both; it is kept once. The files must be shards of one sweep: replicates
// of a point must agree on every parameter but the seed and have seeds
// derived from one point seed, and the seeds of all the runs must derive
// from one --seed and one set of varied parameters (see sweepShape); any
// other difference (--years, --frictionless, another varied parameter, another
// --seed) is refused with a ForeignError naming it. missing is the runs the
// grid lacks (nil if none); notes say what could not be checked.
func Merge(files []ShardFile) (recs []Record, missing *Missing, notes []error, err error) {
	type at struct {
		rec  Record
		file string
	}
	byKey := map[[2]int]at{}
	from := map[[2]int]string{}
	for _, f := range files {
		for _, rec := range f.Records {
			k := [2]int{rec.Point, rec.Replicate}
			if old, ok := byKey[k]; ok {
				if !sameRun(old.rec.Line(), rec.Line()) {
					return nil, nil, nil, &ForeignError{fmt.Sprintf("point %d replicate %d is in %s and %s with different parameters or results: the files are not shards of one sweep",
						rec.Point, rec.Replicate, old.file, f.Name)}
				}
				continue
			}
			byKey[k] = at{rec, f.Name}
			from[k] = f.Name
			recs = append(recs, rec)
		}
	}
	sortRecords(recs)
	if err := checkPoints(recs, from); err != nil {
		return nil, nil, nil, err
	}
	if err := sweepShape(files, recs, from); err != nil {
		var foreign *ForeignError
		if errors.As(err, &foreign) {
			return nil, nil, nil, err
		}
		notes = append(notes, err)
	}
	return recs, missingRuns(recs), notes, nil
}

// checkPoints refuses replicates of a point that differ in a parameter
// other than the seed, or whose seeds derive from different point seeds:
// rows of different sweeps.
func checkPoints(sorted []Record, from map[[2]int]string) error {
	for i := 1; i < len(sorted); i++ {
		a, b := sorted[i-1], sorted[i]
		if a.Point != b.Point {
			continue
		}
		fa, fb := from[[2]int{a.Point, a.Replicate}], from[[2]int{b.Point, b.Replicate}]
		if pointSeed(a) != pointSeed(b) {
			return &ForeignError{fmt.Sprintf("point %d: the seeds of replicate %d (%s) and replicate %d (%s) come from different --seed values: the files are not shards of one sweep",
				a.Point, a.Replicate, fa, b.Replicate, fb)}
		}
		a.Config.Seed, b.Config.Seed = 0, 0
		va, vb := paramValues(a.Config), paramValues(b.Config)
		for k, p := range params {
			if va[k] != vb[k] {
				return &ForeignError{fmt.Sprintf("point %d has %s=%s in replicate %d (%s) but %s=%s in replicate %d (%s): the files are not shards of one sweep",
					a.Point, columnOf(p.Flag), va[k], a.Replicate, fa, columnOf(p.Flag), vb[k], b.Replicate, fb)}
			}
		}
	}
	return nil
}

// missingRuns is the holes in the grid of points × replicates, or nil.
func missingRuns(sorted []Record) *Missing {
	if len(sorted) == 0 {
		return &Missing{}
	}
	m := &Missing{}
	have := map[[2]int]bool{}
	for _, rec := range sorted {
		m.Points, m.Replicates = max(m.Points, rec.Point+1), max(m.Replicates, rec.Replicate+1)
		have[[2]int{rec.Point, rec.Replicate}] = true
	}
	for p := range m.Points {
		for r := range m.Replicates {
			if !have[[2]int{p, r}] {
				m.Runs = append(m.Runs, [2]int{p, r})
			}
		}
	}
	if len(m.Runs) == 0 {
		return nil
	}
	return m
}

// maxShapeNames bounds the varied parameters whose order sweepShape tries.
const maxShapeNames = 6

// sweepShape checks that the runs' seeds derive from one base seed given
// the parameters that differ between them as the varied ones, in some
// order. When no order fits, it finds the largest set of them that does
// fit and names a parameter outside it (fixed in the sweep, yet different
// between files); else it compares the files one by one (another --seed,
// or other varied parameters). A ForeignError refuses the files; any other
// error is a note that the check could not be made.
func sweepShape(files []ShardFile, recs []Record, from map[[2]int]string) error {
	points := onePerPoint(recs)
	if len(points) < 2 {
		return nil // checkPoints has compared its replicates' seeds
	}
	varied := VariedParams(points)
	if len(varied) > maxShapeNames {
		return fmt.Errorf("%d parameters differ between the runs; the seeds were not checked against one --seed", len(varied))
	}
	if fits(points, varied) != nil {
		return nil
	}
	for k := len(varied) - 1; k >= 0; k-- {
		for _, sub := range subsets(varied, k) {
			if fits(points, sub) == nil {
				continue
			}
			for _, name := range varied {
				if !slices.Contains(sub, name) {
					return fixedDiffers(points, name, from)
				}
			}
		}
	}
	return compareFiles(files)
}

// fits returns the order of names under which every point's seed gives
// one base state, or nil.
func fits(points []Record, names []string) []string {
	var found []string
	permute(slices.Clone(names), 0, func(order []string) bool {
		s := baseState(points[0], order)
		for _, p := range points[1:] {
			if baseState(p, order) != s {
				return false
			}
		}
		found = slices.Clone(order)
		return true
	})
	if found == nil {
		return nil
	}
	return append(found, "") // non-nil even for no names
}

// permute calls f with each order of names[k:] until f returns true.
func permute(names []string, k int, f func([]string) bool) bool {
	if k == len(names) {
		return f(names)
	}
	for i := k; i < len(names); i++ {
		names[k], names[i] = names[i], names[k]
		if permute(names, k+1, f) {
			return true
		}
		names[k], names[i] = names[i], names[k]
	}
	return false
}

// subsets returns the subsets of names with k elements, in order.
func subsets(names []string, k int) [][]string {
	if k == 0 {
		return [][]string{{}}
	}
	var out [][]string
	for i := k - 1; i < len(names); i++ {
		for _, s := range subsets(names[:i], k-1) {
			out = append(out, append(s, names[i]))
		}
	}
	return out
}

// onePerPoint keeps the first record of each point (records sorted).
func onePerPoint(sorted []Record) []Record {
	var out []Record
	for i, rec := range sorted {
		if i == 0 || rec.Point != sorted[i-1].Point {
			out = append(out, rec)
		}
	}
	return out
}

// fixedDiffers names a parameter that the seeds show was not varied but
// that differs between points.
func fixedDiffers(points []Record, name string, from map[[2]int]string) error {
	a := points[0]
	for _, b := range points[1:] {
		va, vb := ParamValue(a.Config, name), ParamValue(b.Config, name)
		if va != vb {
			return &ForeignError{fmt.Sprintf("%s has %s=%s (point %d) but %s has %s=%s (point %d), and the seeds show the sweep does not vary %s: the files are not shards of one sweep",
				from[[2]int{a.Point, a.Replicate}], columnOf(name), va, a.Point, from[[2]int{b.Point, b.Replicate}], columnOf(name), vb, b.Point, name)}
		}
	}
	return nil
}

// compareFiles looks at each file alone, when the runs of all of them fit
// no one sweep: files that each fit a sweep but vary other parameters, or
// fit the same parameters from other base seeds, are of different sweeps.
// A file that fits no sweep on its own (a --vary of a single value after
// another, which these checks cannot see) leaves the question open.
func compareFiles(files []ShardFile) error {
	type shape struct {
		name   string
		varied []string
		base   uint64
	}
	var shapes []shape
	for _, f := range files {
		recs := slices.Clone(f.Records)
		sortRecords(recs)
		points := onePerPoint(recs)
		if len(points) < 2 {
			continue // one point: its seeds say nothing of the base seed
		}
		varied := VariedParams(points)
		order := fits(points, varied)
		if len(varied) > maxShapeNames || order == nil {
			return fmt.Errorf("the seeds of %s fit no one --seed; the files were not checked against each other", f.Name)
		}
		shapes = append(shapes, shape{f.Name, varied, baseState(points[0], order[:len(order)-1])})
	}
	for i := 1; i < len(shapes); i++ {
		a, s := shapes[0], shapes[i]
		switch {
		case !slices.Equal(a.varied, s.varied):
			return &ForeignError{fmt.Sprintf("%s varies %s but %s varies %s: the files are not shards of one sweep",
				a.name, strings.Join(a.varied, ","), s.name, strings.Join(s.varied, ","))}
		case a.base != s.base:
			return &ForeignError{fmt.Sprintf("the seeds of %s and %s come from different --seed values: the files are not shards of one sweep", a.name, s.name)}
		}
	}
	return errors.New("the runs' seeds fit no one sweep; the files were not checked against each other")
}
