package experiments

import (
	"bytes"
	"cmp"
	"fmt"
	"io"
	"os"
	"slices"
	"strconv"
	"strings"
)

// IsSeriesFile reports whether path is a series file (sweep --series): a
// Parquet file, or a CSV file whose header starts run_id, point,
// replicate and has seed then step (a results file's has neither next to
// the other). Merge tells the shards' series
// files from their results files by it.
func IsSeriesFile(path string) (bool, error) {
	if IsParquet(path) {
		return true, nil
	}
	f, _, err := openRegular(path, os.O_RDONLY)
	if err != nil {
		return false, err
	}
	defer f.Close()
	head := make([]byte, 4096)
	n, err := io.ReadFull(f, head)
	if err != nil && err != io.ErrUnexpectedEOF && err != io.EOF {
		return false, err
	}
	first, _, _ := strings.Cut(string(head[:n]), "\n")
	return strings.HasPrefix(first, "run_id,point,replicate,") && strings.Contains(first, ",seed,step,"), nil
}

// seriesInput is one series file given to MergeSeries: its header and its
// runs' rows.
type seriesInput struct {
	name   string
	header []string
	data   io.ReaderAt
	chunks []seriesChunk
	close  func() error
}

// openSeriesInput reads a finished series file, CSV or Parquet; a file
// cut short or damaged is refused (its shard is unfinished).
func openSeriesInput(path string) (*seriesInput, error) {
	f, size, err := openRegular(path, os.O_RDONLY)
	if err != nil {
		return nil, err
	}
	in := &seriesInput{name: path, data: f, close: f.Close}
	var start int64
	if IsParquet(path) {
		var b bytes.Buffer
		in.header, err = readParquet(f, size, path, func(row []byte) error { b.Write(row); return nil })
		f.Close()
		if err != nil {
			return nil, err
		}
		in.data, in.close, size = bytes.NewReader(b.Bytes()), func() error { return nil }, int64(b.Len())
	} else {
		line, err := readLine(f, path)
		if err != nil {
			f.Close()
			return nil, err
		}
		in.header, start = strings.Split(line, ","), int64(len(line)+1)
	}
	chunks, end, bad := scanSeries(io.NewSectionReader(in.data, start, size-start), start, layoutOf(in.header))
	if bad != nil || end != size {
		in.close()
		return nil, &ForeignError{fmt.Sprintf("%s is not a finished series file: %v (is its shard unfinished?)", path, bad)}
	}
	in.chunks = chunks
	return in, nil
}

// readLine reads the first line of f, without its newline.
func readLine(f io.ReaderAt, path string) (string, error) {
	buf := make([]byte, 64<<10)
	n, err := f.ReadAt(buf, 0)
	if err != nil && err != io.EOF {
		return "", err
	}
	line, _, ok := strings.Cut(string(buf[:n]), "\n")
	if !ok {
		return "", &ForeignError{fmt.Sprintf("%s has no header line", path)}
	}
	return line, nil
}

// MergeSeries joins the series files of a sweep's shards into out, CSV
// or (by its extension) Parquet, in grid order, atomically. recs are the
// merged results (Merge): the series must hold the rows of exactly those
// runs, whole, with their seeds; a run found in two files must have the
// same rows in both, and is kept once. Anything else is refused with a
// *ForeignError naming it.
func MergeSeries(out string, paths []string, recs []Record) error {
	var ins []*seriesInput
	defer func() {
		for _, in := range ins {
			in.close()
		}
	}()
	for _, p := range paths {
		in, err := openSeriesInput(p)
		if err != nil {
			return err
		}
		if len(ins) > 0 && !slices.Equal(in.header, ins[0].header) {
			return &ForeignError{fmt.Sprintf("%s and %s have other columns (%s): they are not series of one sweep", ins[0].name, p, headerDiffOf(strings.Join(in.header, ","), ins[0].header))}
		}
		ins = append(ins, in)
	}
	type at struct {
		in *seriesInput
		c  seriesChunk
	}
	runs := map[[2]int]at{}
	for _, in := range ins {
		for _, c := range in.chunks {
			old, dup := runs[c.key]
			if !dup {
				runs[c.key] = at{in, c}
				continue
			}
			a, b := make([]byte, old.c.n), make([]byte, c.n)
			old.in.data.ReadAt(a, old.c.off)
			in.data.ReadAt(b, c.off)
			if !bytes.Equal(a, b) {
				return &ForeignError{fmt.Sprintf("point %d replicate %d is in %s and %s with different rows: the files are not series of one sweep", c.key[0], c.key[1], old.in.name, in.name)}
			}
		}
	}
	byKey := map[[2]int]Record{}
	for _, rec := range recs {
		k := [2]int{rec.Point, rec.Replicate}
		byKey[k] = rec
		if _, ok := runs[k]; !ok {
			return &ForeignError{fmt.Sprintf("no series file holds point %d replicate %d, which the results files hold: give every shard's series file", rec.Point, rec.Replicate)}
		}
	}
	keys := make([][2]int, 0, len(runs))
	for k, r := range runs {
		rec, ok := byKey[k]
		switch {
		case !ok:
			return &ForeignError{fmt.Sprintf("%s holds point %d replicate %d, which no results file given holds: give every shard's results file", r.in.name, k[0], k[1])}
		case r.c.seed != strconv.FormatUint(rec.Config.Seed, 10) || r.c.rows != rec.Config.Steps():
			return &ForeignError{fmt.Sprintf("%s: point %d replicate %d has seed %s and %d steps, but its results row seed %d and %d steps: the files are not of one sweep",
				r.in.name, k[0], k[1], r.c.seed, r.c.rows, rec.Config.Seed, rec.Config.Steps())}
		}
		keys = append(keys, k)
	}
	slices.SortFunc(keys, func(a, b [2]int) int { return cmp.Or(cmp.Compare(a[0], b[0]), cmp.Compare(a[1], b[1])) })
	rows := func(yield func([]byte) error) error {
		for _, k := range keys {
			r := runs[k]
			b := make([]byte, r.c.n)
			if _, err := r.in.data.ReadAt(b, r.c.off); err != nil {
				return fmt.Errorf("reading %s: %w", r.in.name, err)
			}
			if err := yield(b); err != nil {
				return err
			}
		}
		return nil
	}
	header := []string{}
	if len(ins) > 0 {
		header = ins[0].header
	}
	return writeAtomic(out, func(w io.Writer) error {
		if IsParquet(out) {
			return writeParquet(w, header, rows)
		}
		if _, err := io.WriteString(w, strings.Join(header, ",")+"\n"); err != nil {
			return err
		}
		return rows(func(b []byte) error { _, err := w.Write(b); return err })
	})
}
