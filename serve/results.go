package serve

import (
	"bufio"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"net/http"
	"os"
	"path"
	"slices"
	"strconv"
	"strings"
	"sync"

	"github.com/laborsim/laborsim/chart"
	"github.com/laborsim/laborsim/experiments"
)

// maxResultsBytes bounds a results file the page opens or uploads.
const maxResultsBytes = 64 << 20

// maxStored is how many uploaded files and page sweeps the server keeps.
const maxStored = 16

// store keeps the records of uploaded results files and of sweeps run
// from the page, by an id ("upload:3", "sweep:4"), dropping the oldest.
type store struct {
	mu    sync.Mutex
	n     int
	max   int
	order []string
	recs  map[string][]experiments.Record
}

func newStore(max int) *store {
	return &store{max: max, recs: map[string][]experiments.Record{}}
}

// add keeps recs under a new id of the given kind.
func (st *store) add(kind string, recs []experiments.Record) string {
	st.mu.Lock()
	defer st.mu.Unlock()
	st.n++
	id := kind + ":" + strconv.Itoa(st.n)
	st.recs[id] = recs
	st.order = append(st.order, id)
	if len(st.order) > st.max {
		delete(st.recs, st.order[0])
		st.order = st.order[1:]
	}
	return id
}

func (st *store) get(id string) ([]experiments.Record, bool) {
	st.mu.Lock()
	defer st.mu.Unlock()
	recs, ok := st.recs[id]
	return recs, ok
}

// stored reports whether name is a store id rather than a file name.
func stored(name string) bool {
	kind, n, ok := strings.Cut(name, ":")
	_, err := strconv.Atoi(n)
	return ok && err == nil && (kind == "upload" || kind == "sweep")
}

// records reads the results named by a request's "file": a store id or a
// results file in the working directory. Its errors are the user's (400).
func (s *Server) records(name string) ([]experiments.Record, []error, error) {
	if name == "" {
		return nil, nil, errors.New("no results file given")
	}
	if stored(name) {
		recs, ok := s.results.get(name)
		if !ok {
			return nil, nil, fmt.Errorf("%s: no such results (the server keeps the last %d uploads and sweeps)", name, maxStored)
		}
		return recs, nil, nil
	}
	data, err := s.readFile(name)
	if err != nil {
		return nil, nil, err
	}
	return readRecords(data, name)
}

// readFile reads a file of the working directory. The name must be a
// relative, slash-separated path without "." or ".." elements, and the
// os.Root refuses a symbolic link that leads out of the directory.
func (s *Server) readFile(name string) ([]byte, error) {
	if !fs.ValidPath(name) || name == "." {
		return nil, fmt.Errorf("%q: not a file of the working directory (give a relative path without ..)", name)
	}
	f, err := s.root.Open(name)
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, unwrapPath(err))
	}
	defer f.Close()
	if st, err := f.Stat(); err != nil || !st.Mode().IsRegular() {
		return nil, fmt.Errorf("%s: not a regular file", name)
	}
	data, err := io.ReadAll(io.LimitReader(f, maxResultsBytes+1))
	if err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	if len(data) > maxResultsBytes {
		return nil, fmt.Errorf("%s: larger than %d MiB", name, maxResultsBytes>>20)
	}
	return data, nil
}

// unwrapPath drops the path of a *fs.PathError, which names the root's
// own path, keeping the reason.
func unwrapPath(err error) error {
	var pe *fs.PathError
	if errors.As(err, &pe) {
		return pe.Err
	}
	return err
}

// readRecords parses the contents of a results file with
// experiments.ReadResults, through a temporary file, naming it name in
// its messages.
func readRecords(data []byte, name string) ([]experiments.Record, []error, error) {
	f, err := os.CreateTemp("", "laborsim-serve-*.csv")
	if err != nil {
		return nil, nil, err
	}
	defer os.Remove(f.Name())
	_, err = f.Write(data)
	if cerr := f.Close(); err == nil {
		err = cerr
	}
	if err != nil {
		return nil, nil, err
	}
	recs, notes, err := experiments.ReadResults(f.Name())
	rename := func(e error) error {
		if e == nil {
			return nil
		}
		return errors.New(strings.ReplaceAll(e.Error(), f.Name(), name))
	}
	for i := range notes {
		notes[i] = rename(notes[i])
	}
	if err == nil && len(recs) == 0 {
		err = fmt.Errorf("%s: no runs in the file", name)
	}
	return recs, notes, rename(err)
}

// maxListed bounds the files /api/files lists.
const maxListed = 200

// handleFiles lists the results files of the working directory: the
// .csv files, up to three directories deep (hidden ones skipped), whose
// first line is a results file's header.
func (s *Server) handleFiles(w http.ResponseWriter, r *http.Request) {
	header := strings.Join(experiments.Header(), ",")
	files := []string{}
	fsys := s.root.FS()
	fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil || len(files) >= maxListed {
			return fs.SkipDir
		}
		if d.IsDir() {
			if p != "." && (strings.HasPrefix(d.Name(), ".") || strings.Count(p, "/") >= 3) {
				return fs.SkipDir
			}
			return nil
		}
		if d.Type().IsRegular() && path.Ext(p) == ".csv" && firstLine(fsys, p) == header {
			files = append(files, p)
		}
		return nil
	})
	slices.Sort(files)
	writeJSON(w, map[string]any{"files": files})
}

// firstLine is the first line of a file, read through fsys.
func firstLine(fsys fs.FS, name string) string {
	f, err := fsys.Open(name)
	if err != nil {
		return ""
	}
	defer f.Close()
	line, _ := bufio.NewReaderSize(f, 64<<10).ReadString('\n')
	return strings.TrimSuffix(line, "\n")
}

// handleResults describes a results file: its runs, the parameters it
// varies (the candidates for the x axis) and the metrics it holds.
func (s *Server) handleResults(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("file")
	recs, notes, err := s.records(name)
	if err != nil {
		badRequest(w, err)
		return
	}
	points := map[int]bool{}
	for _, rec := range recs {
		points[rec.Point] = true
	}
	writeJSON(w, map[string]any{
		"file": name, "runs": len(recs), "points": len(points),
		"varied": experiments.VariedParams(recs), "metrics": experiments.MetricNames(),
		"notes": messages(notes),
	})
}

// handleResultsCSV returns a results file as 'laborsim sweep --out'
// writes it.
func (s *Server) handleResultsCSV(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("file")
	recs, _, err := s.records(name)
	if err != nil {
		badRequest(w, err)
		return
	}
	attach(w, strings.ReplaceAll(path.Base(name), ":", "-")+".csv", "text/csv")
	io.WriteString(w, strings.Join(experiments.Header(), ",")+"\n")
	for _, rec := range recs {
		io.WriteString(w, rec.Line())
	}
}

// handleUpload keeps an uploaded results file (the request's body) and
// returns its id.
func (s *Server) handleUpload(w http.ResponseWriter, r *http.Request) {
	name := r.URL.Query().Get("name")
	if name == "" {
		name = "upload"
	}
	data, err := io.ReadAll(http.MaxBytesReader(w, r.Body, maxResultsBytes))
	if err != nil {
		badRequest(w, fmt.Errorf("%s: %v", name, err))
		return
	}
	recs, notes, err := readRecords(data, name)
	if err != nil {
		badRequest(w, err)
		return
	}
	writeJSON(w, map[string]any{"file": s.results.add("upload", recs), "notes": messages(notes)})
}

// handleSweepChart draws a sweep chart of a results file as
// 'laborsim plot sweep' does: GET /api/sweep-chart?file=F&x=NAME&y=M1,M2
// [&by=NAME][&band=true]&format=png|svg.
func (s *Server) handleSweepChart(w http.ResponseWriter, r *http.Request) {
	q := r.URL.Query()
	format := q.Get("format")
	if !slices.Contains(chart.Formats, format) {
		badRequest(w, fmt.Errorf("invalid format %q: want png or svg", format))
		return
	}
	recs, _, err := s.records(q.Get("file"))
	if err != nil {
		badRequest(w, err)
		return
	}
	spec := chart.SweepSpec{X: q.Get("x"), By: q.Get("by"), Band: q.Get("band") == "true"}
	if y := q.Get("y"); y != "" {
		spec.Y = strings.Split(y, ",")
	}
	fig, _, err := chart.Sweep(recs, spec)
	if err != nil {
		badRequest(w, err)
		return
	}
	renderFigure(w, fig, format)
}

func messages(errs []error) []string {
	out := make([]string, len(errs))
	for i, e := range errs {
		out[i] = e.Error()
	}
	return out
}
