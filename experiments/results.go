package experiments

import (
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"slices"
	"strconv"
	"strings"
	"time"

	"github.com/laborsim/laborsim/economy"
	"github.com/laborsim/laborsim/sim"
)

// Header is the results file's header: run_id, point, replicate, every
// run parameter (ParamColumns), every reported column (the final step)
// and wall_seconds. Every name is snake_case.
func Header() []string {
	h := []string{"run_id", "point", "replicate"}
	h = append(h, ParamColumns()...)
	for _, c := range economy.Columns {
		h = append(h, c.Name)
	}
	return append(h, "wall_seconds")
}

// RunID is the run id of replicate replicate of point point: point ×
// MaxReplicates + replicate, so 300002 is point 3 replicate 2. It is the
// same in the results file, the series file and any sweep that extends a
// file with more replicates, and below 2^53 like every number in a file.
func RunID(point, replicate int) int { return point*MaxReplicates + replicate }

// Record is one finished run: a row of the results file.
type Record struct {
	Point, Replicate int
	Config           sim.Config
	Final            []float64 // the final step's economy.Columns, in order
	WallSeconds      float64
}

// NewRecord makes the row of a finished run.
func NewRecord(run Run, final economy.Accounts, wall time.Duration) Record {
	rec := Record{Point: run.Point, Replicate: run.Replicate, Config: run.Config,
		WallSeconds: round3(wall.Seconds())}
	rec.Final = make([]float64, len(economy.Columns))
	for i, c := range economy.Columns {
		rec.Final[i] = c.Value(&final)
	}
	return rec
}

func round3(x float64) float64 {
	y, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'f', 3, 64), 64)
	return y
}

// Metric is the record's value of a column of the results file that holds a
// number: an economy.Columns name or wall_seconds.
func (r Record) Metric(name string) (float64, bool) {
	if name == "wall_seconds" {
		return r.WallSeconds, true
	}
	for i, c := range economy.Columns {
		if c.Name == name {
			return r.Final[i], true
		}
	}
	return 0, false
}

// Line is the record as one CSV line, newline included.
func (r Record) Line() string {
	var b strings.Builder
	b.WriteString(strconv.Itoa(RunID(r.Point, r.Replicate)))
	b.WriteByte(',')
	b.WriteString(strconv.Itoa(r.Point))
	b.WriteByte(',')
	b.WriteString(strconv.Itoa(r.Replicate))
	for _, v := range paramValues(r.Config) {
		b.WriteByte(',')
		b.WriteString(v)
	}
	for _, v := range r.Final {
		b.WriteByte(',')
		b.WriteString(FormatNumber(v))
	}
	b.WriteByte(',')
	b.WriteString(FormatNumber(r.WallSeconds))
	b.WriteByte('\n')
	return b.String()
}

// sameRun reports whether two lines record the same outcome: equal but for
// wall_seconds.
func sameRun(a, b string) bool {
	cut := func(s string) string { return s[:strings.LastIndexByte(s, ',')] }
	return cut(a) == cut(b)
}

// parseRecord reads one line (without its newline).
func parseRecord(line string) (Record, error) {
	fields := strings.Split(line, ",")
	np, nc := len(params), len(economy.Columns)
	if len(fields) != 4+np+nc {
		return Record{}, fmt.Errorf("has %d fields, want %d", len(fields), 4+np+nc)
	}
	var rec Record
	id, err := strconv.Atoi(fields[0])
	if err != nil {
		return Record{}, fmt.Errorf("run_id %q is not an integer", fields[0])
	}
	fields = fields[1:]
	if rec.Point, err = strconv.Atoi(fields[0]); err != nil || rec.Point < 0 {
		return Record{}, fmt.Errorf("point %q is not an index", fields[0])
	}
	if rec.Replicate, err = strconv.Atoi(fields[1]); err != nil || rec.Replicate < 0 {
		return Record{}, fmt.Errorf("replicate %q is not an index", fields[1])
	}
	if id != RunID(rec.Point, rec.Replicate) {
		return Record{}, fmt.Errorf("run_id %d is not point %d × %d + replicate %d", id, rec.Point, MaxReplicates, rec.Replicate)
	}
	for i, p := range params {
		if err := SetParam(&rec.Config, p.Flag, fields[2+i]); err != nil {
			return Record{}, err
		}
	}
	rec.Final = make([]float64, nc)
	for i, c := range economy.Columns {
		if rec.Final[i], err = strconv.ParseFloat(fields[2+np+i], 64); err != nil {
			return Record{}, fmt.Errorf("%s: %q is not a number", c.Name, fields[2+np+i])
		}
	}
	if rec.WallSeconds, err = strconv.ParseFloat(fields[len(fields)-1], 64); err != nil {
		return Record{}, fmt.Errorf("wall_seconds: %q is not a number", fields[len(fields)-1])
	}
	return rec, nil
}

// ForeignError refuses a file that is not a results file of this sweep.
type ForeignError struct{ msg string }

func (e *ForeignError) Error() string { return e.msg }

// contents is what a results file holds.
type contents struct {
	recs  []Record
	lines []string // each record's line, newline included
	keep  int64    // length of the intact part of the file
	notes []error  // repairs: a damaged last line, duplicate rows
}

// readResults reads a results file. An unfinished last line — a write cut
// short by a crash — is left out of keep and noted; so is a duplicate row.
// A missing file reads as empty; a file whose header is a prefix of ours
// was cut short while it was being created and reads as empty too. Only a
// regular file of at most MaxResultsSize bytes is read.
func readResults(path string) (contents, error) {
	f, size, err := openRegular(path, os.O_RDONLY)
	if errors.Is(err, fs.ErrNotExist) {
		return contents{}, nil
	}
	if err != nil {
		return contents{}, err
	}
	defer f.Close()
	return readOpen(f, path, size)
}

// readOpen reads the open results file f (see readResults).
func readOpen(f *os.File, path string, size int64) (contents, error) {
	data, err := readAllLimited(f, path, size)
	if err != nil {
		return contents{}, err
	}
	header := strings.Join(Header(), ",") + "\n"
	first, _, _ := strings.Cut(string(data), "\n")
	switch {
	case len(data) < len(header) && strings.HasPrefix(header, string(data)):
		return contents{}, nil
	case isOldHeader(first):
		return contents{}, &ForeignError{fmt.Sprintf("%s is a results file of an older laborsim (kebab-case parameter columns such as ai-agents, seeds above 2^53, no run_id): this version reads only its own; rerun the sweep with this version", path)}
	case first+"\n" != header:
		return contents{}, &ForeignError{fmt.Sprintf("%s is not a results file of this version of laborsim: %s", path, headerDiff(first))}
	}
	c := contents{keep: int64(len(header))}
	seen := map[[2]int]int{}
	rest := data[len(header):]
	for n := 2; len(rest) > 0; n++ {
		i := bytes.IndexByte(rest, '\n')
		last := i < 0 || i == len(rest)-1
		if i < 0 {
			c.notes = append(c.notes, fmt.Errorf("%s: line %d is unfinished (a run was being written when the sweep stopped); it is discarded", path, n))
			break
		}
		line := string(rest[:i+1])
		rest = rest[i+1:]
		rec, err := parseRecord(line[:len(line)-1])
		if err != nil && last {
			c.notes = append(c.notes, fmt.Errorf("%s: line %d is damaged (%v); it is discarded", path, n, err))
			break
		}
		if err != nil {
			return contents{}, fmt.Errorf("%s: line %d: %v", path, n, err)
		}
		c.keep += int64(len(line))
		k := [2]int{rec.Point, rec.Replicate}
		if j, dup := seen[k]; dup {
			if !sameRun(c.lines[j], line) {
				return contents{}, fmt.Errorf("%s: line %d: point %d replicate %d is recorded twice with different results", path, n, rec.Point, rec.Replicate)
			}
			c.notes = append(c.notes, fmt.Errorf("%s: line %d repeats point %d replicate %d; the repeat is dropped", path, n, rec.Point, rec.Replicate))
			continue
		}
		seen[k] = len(c.recs)
		c.recs = append(c.recs, rec)
		c.lines = append(c.lines, line)
	}
	return c, nil
}

// isOldHeader reports whether a header is that of a results file from
// before the snake_case columns: "point,replicate,workers,firms,ai-agents,…".
func isOldHeader(first string) bool {
	return strings.HasPrefix(first, "point,replicate,") && strings.Contains(first, ",ai-agents,")
}

// headerDiff names the first column where a header differs from ours.
func headerDiff(first string) string { return headerDiffOf(first, Header()) }

// ReadResults reads the records of a results file, in file order, with
// notes on anything repaired (an unfinished last line, a repeated row).
func ReadResults(path string) ([]Record, []error, error) {
	if _, err := os.Stat(path); err != nil {
		return nil, nil, err
	}
	c, err := readResults(path)
	return c.recs, c.notes, err
}

// Results is a sweep's results file, open for appending.
type Results struct {
	path  string
	f     *os.File
	sweep Sweep
	lines map[int]string // by run index
}

// OpenResults opens (or creates) the results file of sweep s and locks it:
// a second process that opens it while the first has it open is refused
// at once with a *BusyError. It refuses a file written for another sweep,
// cuts off a damaged last line, and returns the runs the file already
// holds and notes on what it repaired.
func OpenResults(path string, s Sweep) (*Results, []Record, []error, error) {
	f, size, err := openLocked(path)
	if err != nil {
		return nil, nil, nil, err
	}
	r, recs, notes, err := openResults(f, path, size, s)
	if err != nil {
		f.Close()
	}
	return r, recs, notes, err
}

func openResults(f *os.File, path string, size int64, s Sweep) (*Results, []Record, []error, error) {
	c, err := readOpen(f, path, size)
	if err != nil {
		return nil, nil, nil, err
	}
	for _, rec := range c.recs {
		if err := s.check(rec); err != nil {
			return nil, nil, nil, &ForeignError{fmt.Sprintf("%s was written for a different sweep: %v; use another file, or the sweep that wrote it", path, err)}
		}
	}
	if c.keep == 0 {
		// A new file, or one cut short while its header was written: the
		// lock makes writing the header in place safe, and a crash part-way
		// leaves a prefix of it, which reads as empty.
		header := strings.Join(Header(), ",") + "\n"
		if err := f.Truncate(0); err != nil {
			return nil, nil, nil, fmt.Errorf("writing %s: %w", path, err)
		}
		if _, err := f.WriteAt([]byte(header), 0); err != nil {
			return nil, nil, nil, fmt.Errorf("writing %s: %w", path, err)
		}
		if err := f.Sync(); err != nil {
			return nil, nil, nil, fmt.Errorf("writing %s: %w", path, err)
		}
		c.keep = int64(len(header))
	}
	if err := cutTo(f, c.keep); err != nil {
		return nil, nil, nil, fmt.Errorf("repairing %s: %w", path, err)
	}
	r := &Results{path: path, f: f, sweep: s, lines: map[int]string{}}
	for i, rec := range c.recs {
		r.lines[rec.Point*s.Replicates+rec.Replicate] = c.lines[i]
	}
	return r, c.recs, c.notes, nil
}

// cutTo truncates f to n bytes if it is longer, syncs it, and positions it
// at the end for appending.
func cutTo(f *os.File, n int64) error {
	st, err := f.Stat()
	if err != nil {
		return err
	}
	if st.Size() != n {
		if err := f.Truncate(n); err != nil {
			return err
		}
		if err := f.Sync(); err != nil {
			return err
		}
	}
	_, err = f.Seek(n, 0)
	return err
}

// check reports how rec does not belong to the sweep.
func (s Sweep) check(rec Record) error {
	switch {
	case rec.Point >= len(s.Points):
		return fmt.Errorf("it has point %d, this sweep has %d points", rec.Point, len(s.Points))
	case rec.Replicate >= s.Replicates:
		return fmt.Errorf("it has replicate %d of point %d, this sweep has --replicates %d", rec.Replicate, rec.Point, s.Replicates)
	}
	want := s.Run(rec.Point*s.Replicates + rec.Replicate).Config
	got, exp := paramValues(rec.Config), paramValues(want)
	for i, p := range params {
		if got[i] != exp[i] {
			return fmt.Errorf("its point %d replicate %d has %s=%s where this sweep has %s=%s",
				rec.Point, rec.Replicate, columnOf(p.Flag), got[i], columnOf(p.Flag), exp[i])
		}
	}
	return nil
}

// Has reports whether run i is in the file.
func (r *Results) Has(i int) bool { _, ok := r.lines[i]; return ok }

// Append writes a finished run as one line and syncs it to disk, so that a
// crash after Append returns cannot lose it.
func (r *Results) Append(rec Record) error {
	line := rec.Line()
	if _, err := r.f.WriteString(line); err != nil {
		return fmt.Errorf("writing %s: %w", r.path, err)
	}
	if err := r.f.Sync(); err != nil {
		return fmt.Errorf("writing %s: %w", r.path, err)
	}
	r.lines[rec.Point*r.sweep.Replicates+rec.Replicate] = line
	return nil
}

// Close closes the file as it is: rows in the order the runs finished.
func (r *Results) Close() error { return r.f.Close() }

// Finish rewrites the file with its rows in grid order, atomically, and
// closes it: the file of a finished sweep is the same whatever the number
// of jobs (but for wall_seconds).
func (r *Results) Finish() error {
	idx := make([]int, 0, len(r.lines))
	for i := range r.lines {
		idx = append(idx, i)
	}
	slices.Sort(idx)
	var b strings.Builder
	b.WriteString(strings.Join(Header(), ","))
	b.WriteByte('\n')
	for _, i := range idx {
		b.WriteString(r.lines[i])
	}
	// Still holding the lock, so that no other writer can start until the
	// file in grid order has replaced this one.
	err := WriteFileAtomic(r.path, []byte(b.String()))
	return cmp.Or(err, r.f.Close())
}

// WriteResults writes records to path in grid order, atomically.
func WriteResults(path string, recs []Record) error {
	sorted := slices.Clone(recs)
	sortRecords(sorted)
	var b strings.Builder
	b.WriteString(strings.Join(Header(), ","))
	b.WriteByte('\n')
	for _, rec := range sorted {
		b.WriteString(rec.Line())
	}
	unlock, err := lockExisting(path)
	if err != nil {
		return err
	}
	defer unlock()
	return WriteFileAtomic(path, []byte(b.String()))
}

func sortRecords(recs []Record) {
	slices.SortStableFunc(recs, func(a, b Record) int {
		return cmp.Or(cmp.Compare(a.Point, b.Point), cmp.Compare(a.Replicate, b.Replicate))
	})
}
