package experiments

import (
	"bytes"
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/parquet-go/parquet-go"

	"github.com/laborsim/laborsim/economy"
	"github.com/laborsim/laborsim/sim"
)

// sweepSeriesTo runs what the results file and the series file lack, as
// 'laborsim sweep --out --series' does: a run's series rows first, then
// its results row; a run the results file holds is run again for its
// series only. It finishes both files unless stop says to stop after that
// many runs (then it closes them as a crash would leave them).
func sweepSeriesTo(t *testing.T, results, series string, s Sweep, jobs, stop int) []error {
	t.Helper()
	f, _, notes, err := OpenResults(results, s)
	if err != nil {
		t.Fatal(err)
	}
	sf, snotes, err := OpenSeries(series, s, f.Has)
	if err != nil {
		t.Fatal(err)
	}
	var todo []Run
	for _, r := range allRuns(s) {
		if !f.Has(r.Index) || !sf.Has(r.Index) {
			todo = append(todo, r)
		}
	}
	done := 0
	errStop := errors.New("stop")
	err = ExecuteSeries(context.Background(), todo, jobs, func(rec Record, ser []economy.Accounts) error {
		if done == stop {
			return errStop
		}
		done++
		i := rec.Point*s.Replicates + rec.Replicate
		if err := sf.Append(s.Run(i), ser); err != nil {
			return err
		}
		if f.Has(i) {
			return nil
		}
		return f.Append(rec)
	})
	if errors.Is(err, errStop) {
		f.Close()
		sf.Close()
		return append(notes, snotes...)
	}
	if err != nil {
		t.Fatal(err)
	}
	if err := sf.Finish(); err != nil {
		t.Fatal(err)
	}
	if err := f.Finish(); err != nil {
		t.Fatal(err)
	}
	return append(notes, snotes...)
}

func readFile(t *testing.T, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}

// TestSeriesFile: the series holds every step of every run, in grid
// order whatever --jobs, its rows agree with the results file's final
// values, and its header is run_id, point, replicate, the varied
// parameters, seed and every metric.
func TestSeriesFile(t *testing.T) {
	s := tinySweep(t, "ai-agents=1,10,100", 2)
	dir := t.TempDir()
	p := func(name string) string { return filepath.Join(dir, name) }
	sweepSeriesTo(t, p("r1.csv"), p("s1.csv"), s, 1, -1)
	sweepSeriesTo(t, p("r3.csv"), p("s3.csv"), s, 3, -1)
	if readFile(t, p("s1.csv")) != readFile(t, p("s3.csv")) {
		t.Error("series files differ between --jobs 1 and --jobs 3")
	}
	lines := strings.Split(strings.TrimSuffix(readFile(t, p("s1.csv")), "\n"), "\n")
	if want := strings.Join(SeriesHeader(s.Names), ","); lines[0] != want || !strings.HasPrefix(want, "run_id,point,replicate,ai_agents,seed,step,year,gdp,") {
		t.Errorf("header %s", lines[0])
	}
	steps := tiny().Steps()
	if len(lines) != 1+s.Len()*steps {
		t.Fatalf("%d rows, want %d runs × %d steps", len(lines)-1, s.Len(), steps)
	}
	recs, _, err := ReadResults(p("r1.csv"))
	if err != nil {
		t.Fatal(err)
	}
	for k, rec := range recs {
		last := strings.Split(lines[(k+1)*steps], ",")
		want := []string{strconv.Itoa(RunID(rec.Point, rec.Replicate)), strconv.Itoa(rec.Point), strconv.Itoa(rec.Replicate),
			ParamValue(rec.Config, "ai-agents"), strconv.FormatUint(rec.Config.Seed, 10)}
		for _, v := range rec.Final {
			want = append(want, FormatNumber(v))
		}
		if !slices.Equal(last, want) {
			t.Errorf("run %d: the series' last row\n%v\nis not the results row's final values\n%v", k, last, want)
		}
	}
}

// TestSeriesResume: a series file cut anywhere — mid-row, mid-run — or
// holding the rows of a run whose results row was never written (the
// sweep stopped between the two) is cut back to its whole, recorded runs
// and completed to the same file as an uninterrupted sweep; no row is
// lost or repeated.
func TestSeriesResume(t *testing.T) {
	s := tinySweep(t, "ai-agents=1,10,100", 2)
	dir := t.TempDir()
	p := func(name string) string { return filepath.Join(dir, name) }
	sweepSeriesTo(t, p("r.csv"), p("s.csv"), s, 2, -1)
	want := readFile(t, p("s.csv"))

	// Stopped after 3 runs, then the last run's results row lost: its
	// series rows are there, its results row is not.
	sweepSeriesTo(t, p("r2.csv"), p("s2.csv"), s, 1, 3)
	res := readFile(t, p("r2.csv"))
	lines := strings.SplitAfter(res, "\n")
	os.WriteFile(p("r2.csv"), []byte(strings.Join(lines[:len(lines)-2], "")), 0o644)
	notes := sweepSeriesTo(t, p("r2.csv"), p("s2.csv"), s, 1, -1)
	if got := readFile(t, p("s2.csv")); got != want {
		t.Errorf("resumed after a lost results row: the series differs (%d bytes, want %d)", len(got), len(want))
	}
	if len(notes) == 0 || !strings.Contains(notes[len(notes)-1].Error(), "are cut off") {
		t.Errorf("no note of the rows cut off: %v", notes)
	}

	// Cut anywhere in the series file.
	sweepSeriesTo(t, p("r3.csv"), p("s3.csv"), s, 1, 4)
	part := readFile(t, p("s3.csv"))
	header := len(strings.Join(SeriesHeader(s.Names), ",")) + 1
	for _, cut := range []int{0, 7, header, header + 10, len(part) / 2, len(part) - 1} {
		os.WriteFile(p("s4.csv"), []byte(part[:cut]), 0o644)
		os.WriteFile(p("r4.csv"), []byte(readFile(t, p("r3.csv"))), 0o644)
		sweepSeriesTo(t, p("r4.csv"), p("s4.csv"), s, 2, -1)
		if got := readFile(t, p("s4.csv")); got != want {
			t.Errorf("cut at %d: the resumed series differs", cut)
		}
	}

	// A series file deleted: the runs are run again for their series only.
	os.Remove(p("s.csv"))
	before := readFile(t, p("r.csv"))
	sweepSeriesTo(t, p("r.csv"), p("s.csv"), s, 2, -1)
	if readFile(t, p("s.csv")) != want || withoutWallText(readFile(t, p("r.csv"))) != withoutWallText(before) {
		t.Error("rerunning for the series changed the results or gave another series")
	}
}

func withoutWallText(s string) string {
	var b strings.Builder
	for _, line := range strings.SplitAfter(s, "\n") {
		if i := strings.LastIndexByte(line, ','); i >= 0 {
			line = line[:i] + "\n"
		}
		b.WriteString(line)
	}
	return b.String()
}

// TestSeriesForeign: a series file of another sweep (another --seed,
// another grid) or another kind of file is refused.
func TestSeriesForeign(t *testing.T) {
	s := tinySweep(t, "ai-agents=1,10", 2)
	dir := t.TempDir()
	p := func(name string) string { return filepath.Join(dir, name) }
	sweepSeriesTo(t, p("r.csv"), p("s.csv"), s, 1, -1)
	cfg := tiny()
	cfg.Seed = 9
	other, _ := NewSweep(cfg, []Axis{mustAxis(t, "ai-agents=1,10")}, 1, 2)
	var foreign *ForeignError
	for _, c := range []struct {
		sweep Sweep
		msg   string
	}{
		{other, "point 0 replicate 0 has seed"},
		{tinySweep(t, "ai-agents=1", 2), "it has point 1 replicate 0, this sweep has 1 points"},
		{tinySweep(t, "firms=1,2", 2), `column 4 is "ai_agents", expected "firms"`},
	} {
		_, _, err := OpenSeries(p("s.csv"), c.sweep, func(int) bool { return true })
		if !errors.As(err, &foreign) || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("%v: want a ForeignError with %q", err, c.msg)
		}
	}
}

// TestSeriesParquet: a .parquet series reads back with parquet-go to the
// same values as the CSV series, column for column, with the types the
// schema promises; a stopped Parquet sweep resumes from its staging file,
// and one extended with more replicates keeps the rows it had.
func TestSeriesParquet(t *testing.T) {
	s := tinySweep(t, "ai-agents=1,10,100", 2)
	dir := t.TempDir()
	p := func(name string) string { return filepath.Join(dir, name) }
	sweepSeriesTo(t, p("r.csv"), p("s.csv"), s, 2, -1)
	sweepSeriesTo(t, p("rp.csv"), p("s.parquet"), s, 2, 2) // stopped: staged only
	if _, err := os.Stat(p("s.parquet")); err == nil {
		t.Fatal("a stopped sweep wrote its Parquet file")
	}
	if _, err := os.Stat(StagingPath(p("s.parquet"))); err != nil {
		t.Fatalf("no staging file: %v", err)
	}
	sweepSeriesTo(t, p("rp.csv"), p("s.parquet"), s, 2, -1)
	if _, err := os.Stat(StagingPath(p("s.parquet"))); err == nil {
		t.Error("the staging file is left after the sweep finished")
	}

	data, err := os.ReadFile(p("s.parquet"))
	if err != nil {
		t.Fatal(err)
	}
	pf, err := parquet.OpenFile(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	header := SeriesHeader(s.Names)
	fields := pf.Schema().Fields()
	var names []string
	for _, f := range fields {
		names = append(names, f.Name())
	}
	if !slices.Equal(names, header) {
		t.Fatalf("Parquet columns %v, want %v", names, header)
	}
	for _, c := range []struct {
		name string
		kind parquet.Kind
	}{{"run_id", parquet.Int64}, {"ai_agents", parquet.Int64}, {"seed", parquet.Int64}, {"step", parquet.Int64}, {"labor_share", parquet.Double}} {
		if k := fields[slices.Index(names, c.name)].Type().Kind(); k != c.kind {
			t.Errorf("column %s is %v, want %v", c.name, k, c.kind)
		}
	}
	csvRows := strings.Split(strings.TrimSuffix(readFile(t, p("s.csv")), "\n"), "\n")[1:]
	if pf.NumRows() != int64(len(csvRows)) {
		t.Fatalf("%d Parquet rows, %d CSV rows", pf.NumRows(), len(csvRows))
	}
	r := parquet.NewReader(pf)
	rows := make([]parquet.Row, len(csvRows))
	n, err := r.ReadRows(rows)
	if err != nil && err != io.EOF || n != len(csvRows) {
		t.Fatalf("read %d rows: %v", n, err)
	}
	for i, row := range rows {
		want := strings.Split(csvRows[i], ",")
		for k, v := range row {
			var got float64
			switch v.Kind() {
			case parquet.Int64:
				got = float64(v.Int64())
			case parquet.Double:
				got = v.Double()
			default:
				t.Fatalf("row %d column %s: kind %v", i, names[k], v.Kind())
			}
			if w, _ := strconv.ParseFloat(want[k], 64); got != w {
				t.Fatalf("row %d column %s: Parquet %v, CSV %s", i, names[k], got, want[k])
			}
		}
	}

	// More replicates: the finished Parquet series is read back into the
	// staging file and extended.
	s3 := tinySweep(t, "ai-agents=1,10,100", 3)
	sweepSeriesTo(t, p("rp.csv"), p("s.parquet"), s3, 2, -1)
	sweepSeriesTo(t, p("r3.csv"), p("s3.parquet"), s3, 1, -1)
	if readFile(t, p("s.parquet")) != readFile(t, p("s3.parquet")) {
		t.Error("a Parquet series extended with a replicate differs from one written at once")
	}
}

// TestSeriesLength: a run's series has one row a step, steps 1 to
// Config.Steps(), as OpenSeries expects of a whole run.
func TestSeriesLength(t *testing.T) {
	res, err := sim.Run(context.Background(), tiny())
	if err != nil {
		t.Fatal(err)
	}
	if len(res.Series) != tiny().Steps() || res.Series[0].Step != 1 {
		t.Errorf("%d rows from step %d, want %d from 1", len(res.Series), res.Series[0].Step, tiny().Steps())
	}
}
