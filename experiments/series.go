package experiments

import (
	"bufio"
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/laborsim/laborsim/economy"
)

// A sweep's series file (sweep --series FILE) holds every step of every
// run in long format: one row a step, with the run's id, point and
// replicate, the varied parameters, the seed and every economy.Columns
// metric. Its rows join the results file's on run_id (or point and
// replicate).
//
// It is resumable as the results file is, with the results file as the
// record of which runs finished: a run's series rows are appended and
// synced before its results row, and a resumed sweep keeps only the rows
// of runs that the results file holds, whole; the rows of a run that was
// being written when the sweep stopped (even by kill -9), or whose
// results row was not written yet, are cut off, and that run is run
// again. A run in the results file whose rows the series lacks is run
// again for its series only. When the sweep finishes, the file is
// rewritten in grid order, so that it does not depend on --jobs, and a
// merge of the shards' series equals the unsharded sweep's.
//
// A FILE ending in .parquet is written as Parquet when the sweep (or
// shard) finishes. Until then its rows are staged, resumably, in CSV
// beside it (FILE.partial.csv), which is removed once FILE is written; a
// sweep that extends a finished one reads FILE back into the staging file
// first.

// SeriesHeader is the series file's header for a sweep varying names (in
// axis order).
func SeriesHeader(names []string) []string {
	h := []string{"run_id", "point", "replicate"}
	for _, n := range names {
		h = append(h, ParamColumn(n))
	}
	h = append(h, "seed")
	for _, c := range economy.Columns {
		h = append(h, c.Name)
	}
	return h
}

// IsParquet reports whether path names a Parquet file (by its extension).
func IsParquet(path string) bool { return strings.EqualFold(fileExt(path), ".parquet") }

func fileExt(path string) string {
	if i := strings.LastIndexByte(path, '.'); i >= 0 && !strings.ContainsRune(path[i:], '/') {
		return path[i:]
	}
	return ""
}

// seriesRows appends the series rows of run, a run of a sweep varying
// names, as CSV lines.
func seriesRows(b []byte, run Run, names []string, series []economy.Accounts) []byte {
	prefix := fmt.Appendf(nil, "%d,%d,%d,", RunID(run.Point, run.Replicate), run.Point, run.Replicate)
	for _, n := range names {
		prefix = append(prefix, ParamValue(run.Config, n)...)
		prefix = append(prefix, ',')
	}
	prefix = strconv.AppendUint(prefix, run.Config.Seed, 10)
	for i := range series {
		b = append(b, prefix...)
		for _, c := range economy.Columns {
			b = append(b, ',')
			b = AppendNumber(b, c.Value(&series[i]))
		}
		b = append(b, '\n')
	}
	return b
}

// seriesChunk is the rows of one run in a series file: contiguous bytes.
type seriesChunk struct {
	key    [2]int // point, replicate
	seed   string
	off, n int64
	rows   int
}

// seriesLayout is where a series file's header puts the fields that
// scanSeries reads.
type seriesLayout struct {
	width, seed, step int
}

func layoutOf(header []string) seriesLayout {
	return seriesLayout{width: len(header), seed: slices.Index(header, "seed"), step: slices.Index(header, "step")}
}

// scanSeries reads the rows of a series file from r, which starts at
// offset start (just after the header), and splits them into runs'
// chunks. It stops at the first line that is unfinished or damaged —
// the wrong number of fields, ids that do not agree, steps that do not
// count up from 1 — and returns the chunks before it, the offset where
// it stopped and why (nil if it read to the end). A chunk's completeness
// is for the caller to judge.
func scanSeries(r io.Reader, start int64, lay seriesLayout) ([]seriesChunk, int64, error) {
	br := bufio.NewReaderSize(r, 1<<20)
	var chunks []seriesChunk
	off, line := start, 0
	for {
		text, err := br.ReadSlice('\n')
		if err == bufio.ErrBufferFull {
			return chunks, off, fmt.Errorf("row %d is longer than a row can be", line+1)
		}
		if len(text) == 0 && err == io.EOF {
			return chunks, off, nil
		}
		if err == io.EOF {
			return chunks, off, fmt.Errorf("row %d is unfinished", line+1)
		}
		if err != nil {
			return chunks, off, err
		}
		line++
		key, seed, step, perr := parseSeriesRow(text[:len(text)-1], lay)
		var last *seriesChunk
		if len(chunks) > 0 {
			last = &chunks[len(chunks)-1]
		}
		switch {
		case perr != nil:
			return chunks, off, fmt.Errorf("row %d: %v", line, perr)
		case last != nil && last.key == key && step == last.rows+1 && seed == last.seed:
			last.n += int64(len(text))
			last.rows++
		case step == 1:
			chunks = append(chunks, seriesChunk{key: key, seed: seed, off: off, n: int64(len(text)), rows: 1})
		default:
			return chunks, off, fmt.Errorf("row %d: point %d replicate %d step %d does not follow the row before", line, key[0], key[1], step)
		}
		off += int64(len(text))
	}
}

// parseSeriesRow reads the ids, seed and step of a row.
func parseSeriesRow(row []byte, lay seriesLayout) (key [2]int, seed string, step int, err error) {
	f := strings.Split(string(row), ",")
	if len(f) != lay.width {
		return key, "", 0, fmt.Errorf("has %d fields, want %d", len(f), lay.width)
	}
	id, err1 := strconv.Atoi(f[0])
	p, err2 := strconv.Atoi(f[1])
	r, err3 := strconv.Atoi(f[2])
	st, err4 := strconv.ParseFloat(f[lay.step], 64)
	switch {
	case errors.Join(err1, err2, err3, err4) != nil || p < 0 || r < 0 || r >= MaxReplicates:
		return key, "", 0, errors.New("its run_id, point, replicate or step is not a number")
	case id != RunID(p, r):
		return key, "", 0, fmt.Errorf("run_id %d is not point %d × %d + replicate %d", id, p, MaxReplicates, r)
	case st != float64(int(st)) || st < 0:
		return key, "", 0, fmt.Errorf("step %s is not a step", f[lay.step])
	}
	return [2]int{p, r}, f[lay.seed], int(st), nil
}

// SeriesFile is a sweep's series file, open for appending.
type SeriesFile struct {
	path    string // the file asked for, CSV or Parquet
	staging string // the CSV file written: path, or path + ".partial.csv"
	f       *os.File
	sweep   Sweep
	header  string
	chunks  map[int]seriesChunk // by run index
	end     int64
}

// StagingPath is where the rows of a Parquet series are staged until the
// sweep finishes: FILE.partial.csv.
func StagingPath(path string) string { return path + ".partial.csv" }

// OpenSeries opens (or creates) the series file of sweep s and locks it.
// finished reports whether run i is in the results file: the rows of
// other runs, and of runs not whole, are cut off (see above), with notes
// saying so. A file of another sweep is refused with a *ForeignError.
func OpenSeries(path string, s Sweep, finished func(i int) bool) (*SeriesFile, []error, error) {
	sf := &SeriesFile{path: path, staging: path, sweep: s, chunks: map[int]seriesChunk{},
		header: strings.Join(SeriesHeader(s.Names), ",") + "\n"}
	if IsParquet(path) {
		sf.staging = StagingPath(path)
		if err := CheckRegular(path); err != nil {
			return nil, nil, err
		}
	}
	f, size, err := openLocked(sf.staging)
	if err != nil {
		return nil, nil, err
	}
	sf.f = f
	notes, err := sf.load(size, finished)
	if err != nil {
		f.Close()
		return nil, nil, err
	}
	return sf, notes, nil
}

// load reads the open file (importing a finished Parquet series into an
// empty staging file first), keeps its whole runs and cuts off the rest.
func (sf *SeriesFile) load(size int64, finished func(int) bool) ([]error, error) {
	if size == 0 && sf.staging != sf.path {
		if err := sf.importParquet(); err != nil {
			return nil, err
		}
		st, err := sf.f.Stat()
		if err != nil {
			return nil, err
		}
		size = st.Size()
	}
	head := make([]byte, min(size, int64(len(sf.header))))
	if _, err := sf.f.ReadAt(head, 0); err != nil && err != io.EOF {
		return nil, err
	}
	if !strings.HasPrefix(sf.header, string(head)) {
		first, _, _ := strings.Cut(string(head), "\n")
		return nil, &ForeignError{fmt.Sprintf("%s is not a series file of this sweep: its header is not %s (%s)",
			sf.staging, strings.TrimSpace(sf.header), headerDiffOf(first, SeriesHeader(sf.sweep.Names)))}
	}
	if size < int64(len(sf.header)) {
		// New, or cut short while its header was written: write it whole.
		return nil, sf.rewriteHeader()
	}
	chunks, end, bad := scanSeries(io.NewSectionReader(sf.f, int64(len(sf.header)), size), int64(len(sf.header)), layoutOf(SeriesHeader(sf.sweep.Names)))
	var notes []error
	cut := end
	for _, c := range chunks {
		i, err := sf.check(c)
		if err != nil {
			return nil, err
		}
		_, dup := sf.chunks[i]
		if dup || !finished(i) || c.rows != sf.sweep.Run(i).Config.Steps() {
			cut = c.off
			bad = fmt.Errorf("the rows of point %d replicate %d are not those of a run in the results file, whole", c.key[0], c.key[1])
			break
		}
		sf.chunks[i] = c
	}
	if cut < size {
		notes = append(notes, fmt.Errorf("%s: %d bytes from byte %d are cut off (%v: a run was being written when the sweep stopped); their runs are run again", sf.staging, size-cut, cut, bad))
	}
	sf.end = cut
	return notes, cutTo(sf.f, cut)
}

func (sf *SeriesFile) rewriteHeader() error {
	if err := sf.f.Truncate(0); err != nil {
		return fmt.Errorf("writing %s: %w", sf.staging, err)
	}
	if _, err := sf.f.WriteAt([]byte(sf.header), 0); err != nil {
		return fmt.Errorf("writing %s: %w", sf.staging, err)
	}
	sf.end = int64(len(sf.header))
	if err := sf.f.Sync(); err != nil {
		return fmt.Errorf("writing %s: %w", sf.staging, err)
	}
	_, err := sf.f.Seek(sf.end, 0)
	return err
}

func (sf *SeriesFile) index(key [2]int) int { return key[0]*sf.sweep.Replicates + key[1] }

// check refuses a chunk that is not of this sweep: a point or replicate
// outside it, or another seed.
func (sf *SeriesFile) check(c seriesChunk) (int, error) {
	s := sf.sweep
	if c.key[0] >= len(s.Points) || c.key[1] >= s.Replicates {
		return 0, &ForeignError{fmt.Sprintf("%s was written for a different sweep: it has point %d replicate %d, this sweep has %d points × %d replicates; use another file, or the sweep that wrote it",
			sf.staging, c.key[0], c.key[1], len(s.Points), s.Replicates)}
	}
	i := sf.index(c.key)
	if want := strconv.FormatUint(s.Run(i).Config.Seed, 10); c.seed != want {
		return 0, &ForeignError{fmt.Sprintf("%s was written for a different sweep: point %d replicate %d has seed %s where this sweep has %s; use another file, or the sweep that wrote it",
			sf.staging, c.key[0], c.key[1], c.seed, want)}
	}
	return i, nil
}

// Has reports whether the file holds run i's rows.
func (sf *SeriesFile) Has(i int) bool { _, ok := sf.chunks[i]; return ok }

// Append writes the rows of a finished run and syncs them, before the
// run's results row is written.
func (sf *SeriesFile) Append(run Run, series []economy.Accounts) error {
	if want := run.Config.Steps(); len(series) != want {
		return fmt.Errorf("point %d replicate %d: %d steps in its series, want %d", run.Point, run.Replicate, len(series), want)
	}
	b := seriesRows(nil, run, sf.sweep.Names, series)
	if _, err := sf.f.WriteAt(b, sf.end); err != nil {
		return fmt.Errorf("writing %s: %w", sf.staging, err)
	}
	if err := sf.f.Sync(); err != nil {
		return fmt.Errorf("writing %s: %w", sf.staging, err)
	}
	sf.chunks[run.Index] = seriesChunk{key: [2]int{run.Point, run.Replicate}, off: sf.end, n: int64(len(b)), rows: len(series)}
	sf.end += int64(len(b))
	return nil
}

// Close closes the file as it is: runs in the order they finished.
func (sf *SeriesFile) Close() error { return sf.f.Close() }

// Finish writes the file in grid order — as CSV, or as Parquet, removing
// the staging file — atomically, and closes it.
func (sf *SeriesFile) Finish() error {
	idx := make([]int, 0, len(sf.chunks))
	for i := range sf.chunks {
		idx = append(idx, i)
	}
	slices.Sort(idx)
	rows := func(yield func([]byte) error) error {
		for _, i := range idx {
			c := sf.chunks[i]
			b := make([]byte, c.n)
			if _, err := sf.f.ReadAt(b, c.off); err != nil {
				return fmt.Errorf("reading %s: %w", sf.staging, err)
			}
			if err := yield(b); err != nil {
				return err
			}
		}
		return nil
	}
	var err error
	if sf.staging == sf.path {
		err = writeAtomic(sf.path, func(w io.Writer) error {
			if _, err := io.WriteString(w, sf.header); err != nil {
				return err
			}
			return rows(func(b []byte) error { _, err := w.Write(b); return err })
		})
	} else {
		err = writeAtomic(sf.path, func(w io.Writer) error {
			return writeParquet(w, SeriesHeader(sf.sweep.Names), rows)
		})
		if err == nil {
			err = os.Remove(sf.staging)
			syncDir(filepath.Dir(sf.staging))
		}
	}
	return cmp.Or(err, sf.f.Close())
}

// importParquet copies the rows of a finished Parquet series into the
// empty staging file, so that a sweep extending it keeps them.
func (sf *SeriesFile) importParquet() error {
	f, size, err := openRegular(sf.path, os.O_RDONLY)
	if errors.Is(err, fs.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	var b bytes.Buffer
	header, err := readParquet(f, size, sf.path, func(row []byte) error { b.Write(row); return nil })
	if err != nil {
		return err
	}
	if want := SeriesHeader(sf.sweep.Names); !slices.Equal(header, want) {
		return &ForeignError{fmt.Sprintf("%s is not a series file of this sweep: %s", sf.path, headerDiffOf(strings.Join(header, ","), want))}
	}
	if _, err := sf.f.WriteAt(append([]byte(sf.header), b.Bytes()...), 0); err != nil {
		return fmt.Errorf("writing %s: %w", sf.staging, err)
	}
	return sf.f.Sync()
}

// headerDiffOf names the first column where header first differs from want.
func headerDiffOf(first string, want []string) string {
	got := strings.Split(first, ",")
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			return fmt.Sprintf("column %d is %q, expected %q", i+1, got[i], want[i])
		}
	}
	return fmt.Sprintf("it has %d columns, expected %d", len(got), len(want))
}
