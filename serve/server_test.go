package serve

import (
	"bufio"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"io"
	"maps"
	"net"
	"net/http"
	"net/http/httptest"
	"net/url"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"time"

	"github.com/laborsim/laborsim/economy"
	"github.com/laborsim/laborsim/experiments"
	"github.com/laborsim/laborsim/sim"
)

// query writes cfg's parameters that differ from the defaults as a query.
func query(cfg sim.Config) url.Values {
	q := url.Values{}
	for _, a := range experiments.Changed(cfg) {
		q.Set(a.Name, a.Value)
	}
	return q
}

// get answers a GET of path with the query q.
func get(t *testing.T, h http.Handler, path string, q url.Values) *httptest.ResponseRecorder {
	t.Helper()
	r := httptest.NewRequest("GET", path+"?"+q.Encode(), nil)
	r.Host = "127.0.0.1:8080"
	w := httptest.NewRecorder()
	h.ServeHTTP(w, r)
	return w
}

func TestParameterErrors(t *testing.T) {
	s := newServer(t, Options{Dir: t.TempDir(), MaxAgents: 50000})
	tooLong := sim.DefaultConfig()
	tooLong.Years = 2000
	sigma := sim.DefaultConfig()
	sigma.Sigma = 0
	for _, c := range []struct {
		q    string
		want string
	}{
		{"workers=abc", `invalid --workers: "abc" is not an integer`},
		{"sigma=0", sigma.Validate().Error()},
		{"sigma=0", "invalid --sigma 0: must be in [0.04, 100]"},
		{"automation=0.5", "invalid --automation 0.5: plus --traditional-share 0.608 must not exceed 1"},
		{"frictionless=maybe", `invalid --frictionless: "maybe" is not true or false`},
		{"workers=10&workers=20", "invalid --workers: given 2 times"},
		{"colour=blue", `unknown parameter "colour"`},
		{"workers=60000", "invalid --workers 60000: this server runs at most 50000 (laborsim serve --max-agents)"},
		{"ai-agents=1e6", "invalid --ai-agents 1000000: this server runs at most 50000 (laborsim serve --max-agents)"},
		{"years=2000", "invalid --years 2000: with --steps-per-year 12 makes 24000 steps; the explorer runs at most 12000"},
	} {
		q, _ := url.ParseQuery(c.q)
		for _, path := range []string{"/api/check", "/api/run", "/api/run.csv", "/api/chart/wages", "/api/sweep"} {
			q := maps.Clone(q)
			switch path {
			case "/api/chart/wages":
				q.Set("format", "svg")
			case "/api/sweep":
				q.Set("vary", "sigma=1,2")
			}
			w := get(t, s, path, q)
			if got := strings.TrimSpace(w.Body.String()); w.Code != http.StatusBadRequest || got != c.want {
				t.Errorf("%s?%s: %d %q, want 400 %q", path, c.q, w.Code, got, c.want)
			}
		}
	}
}

func TestCheck(t *testing.T) {
	s := newServer(t, Options{Dir: t.TempDir()})
	cfg := sim.DefaultConfig()
	cfg.AICostDecline, cfg.Frictionless, cfg.Workers = 30, true, 2000
	w := get(t, s, "/api/check", query(cfg))
	var got struct {
		Command string
		Values  map[string]string
		Steps   int
	}
	if err := json.Unmarshal(w.Body.Bytes(), &got); err != nil {
		t.Fatal(err)
	}
	if got.Command != "laborsim run --workers 2000 --ai-cost-decline 30 --frictionless" || got.Command != experiments.Flags(cfg) {
		t.Errorf("command %q", got.Command)
	}
	if got.Values["ai-cost-decline"] != "30" || got.Values["sigma"] != "0.5" || len(got.Values) != len(experiments.ParamNames()) || got.Steps != 120 {
		t.Errorf("values %v, steps %d", got.Values, got.Steps)
	}
}

// event is one server-sent event.
type event struct{ name, data string }

// readEvents reads server-sent events until the stream ends or stop
// returns true.
func readEvents(t *testing.T, r io.Reader, stop func(event) bool) []event {
	t.Helper()
	var evs []event
	sc := bufio.NewScanner(r)
	sc.Buffer(nil, 1<<20)
	var ev event
	for sc.Scan() {
		line := sc.Text()
		switch {
		case strings.HasPrefix(line, "event: "):
			ev.name = line[7:]
		case strings.HasPrefix(line, "data: "):
			ev.data = line[6:]
		case line == "":
			evs = append(evs, ev)
			if stop != nil && stop(ev) {
				return evs
			}
			ev = event{}
		}
	}
	return evs
}

func TestRunStreamsSimRun(t *testing.T) {
	s := newServer(t, Options{Dir: t.TempDir()})
	cfg := smallConfig()
	cfg.Seed = 7
	w := get(t, s, "/api/run", query(cfg))
	if w.Code != http.StatusOK || w.Header().Get("Content-Type") != "text/event-stream" {
		t.Fatalf("%d %s", w.Code, w.Header().Get("Content-Type"))
	}
	evs := readEvents(t, w.Body, nil)
	res, err := sim.Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	if len(evs) != len(res.Series)+2 || evs[0].name != "start" || evs[len(evs)-1].name != "done" {
		t.Fatalf("%d events, first %v, last %v", len(evs), evs[0], evs[len(evs)-1])
	}
	var start struct {
		Command string
		Steps   int
		Columns []string
	}
	json.Unmarshal([]byte(evs[0].data), &start)
	if start.Command != experiments.Flags(cfg) || start.Steps != 12 || !reflect.DeepEqual(start.Columns, columnNames()) {
		t.Errorf("start %+v", start)
	}
	for i, ev := range evs[1 : len(evs)-1] {
		var row []float64
		if err := json.Unmarshal([]byte(ev.data), &row); err != nil || ev.name != "step" {
			t.Fatalf("event %d %q: %v", i, ev.name, err)
		}
		for k, col := range economy.Columns {
			if want := col.Value(&res.Series[i]); row[k] != want {
				t.Fatalf("step %d %s: %v streamed, %v from sim.Run", i+1, col.Name, row[k], want)
			}
		}
	}
}

// longRun is a run of the most steps the explorer allows: seconds, long
// enough for a test to act on it while it runs.
func longRun() url.Values {
	cfg := sim.DefaultConfig()
	cfg.Workers, cfg.Firms, cfg.AIAgents, cfg.Years = 2000, 20, 1000, maxSteps/12
	return query(cfg)
}

// stream starts a run on a real server and returns its body once its
// first step has arrived.
func stream(t *testing.T, base string, q url.Values) io.ReadCloser {
	t.Helper()
	resp, err := http.Get(base + "/api/run?" + q.Encode())
	if err != nil {
		t.Fatal(err)
	}
	if resp.StatusCode != http.StatusOK {
		t.Fatalf("status %d", resp.StatusCode)
	}
	evs := readEvents(t, resp.Body, func(ev event) bool { return ev.name == "step" })
	if evs[len(evs)-1].name != "step" {
		t.Fatalf("the run ended before its first step: %v", evs)
	}
	return resp.Body
}

func last(evs []event) string {
	if len(evs) == 0 {
		return ""
	}
	return evs[len(evs)-1].name
}

func TestNewRunCancelsOld(t *testing.T) {
	s := newServer(t, Options{Dir: t.TempDir()})
	ts := httptest.NewServer(s)
	defer ts.Close()
	q := longRun()
	q.Set("client", "page-A")
	first := stream(t, ts.URL, q)
	defer first.Close()
	small := query(smallConfig())
	small.Set("client", "page-A")
	resp, err := http.Get(ts.URL + "/api/run?" + small.Encode())
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	if got := last(readEvents(t, first, nil)); got != "stopped" {
		t.Errorf("the first run ended with %q, want stopped", got)
	}
	if got := last(readEvents(t, resp.Body, nil)); got != "done" {
		t.Errorf("the second run ended with %q, want done", got)
	}
}

func TestStop(t *testing.T) {
	s := newServer(t, Options{Dir: t.TempDir()})
	ts := httptest.NewServer(s)
	defer ts.Close()
	q := longRun()
	q.Set("client", "page-B")
	body := stream(t, ts.URL, q)
	defer body.Close()
	resp, err := http.Post(ts.URL+"/api/stop?client=page-B", "", nil)
	if err != nil {
		t.Fatal(err)
	}
	b, _ := io.ReadAll(resp.Body)
	if strings.TrimSpace(string(b)) != `{"stopped":true}` {
		t.Errorf("stop answered %s", b)
	}
	if got := last(readEvents(t, body, nil)); got != "stopped" {
		t.Errorf("the run ended with %q, want stopped", got)
	}
}

func TestMaxRuns(t *testing.T) {
	s := newServer(t, Options{Dir: t.TempDir(), MaxRuns: 1})
	s.wait = 0
	ts := httptest.NewServer(s)
	defer ts.Close()
	body := stream(t, ts.URL, longRun())
	for _, path := range []string{"/api/run", "/api/run.csv", "/api/chart/wages"} {
		q := query(smallConfig())
		if strings.HasPrefix(path, "/api/chart/") {
			q.Set("format", "png")
		}
		w := get(t, s, path, q)
		want := "1 runs are computing, the most this server runs at once (laborsim serve --max-runs); stop one or try again"
		if w.Code != http.StatusTooManyRequests || strings.TrimSpace(w.Body.String()) != want {
			t.Errorf("%s with a run in progress: %d %q", path, w.Code, w.Body.String())
		}
	}
	body.Close() // the client goes away: the run stops and frees its slot
	s.wait = time.Minute
	if w := get(t, s, "/api/run.csv", query(smallConfig())); w.Code != http.StatusOK {
		t.Errorf("after the first run ended: %d %s", w.Code, w.Body.String())
	}
}

func TestDownloads(t *testing.T) {
	s := newServer(t, Options{Dir: t.TempDir()})
	cfg := smallConfig()
	res, err := sim.Run(context.Background(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	w := get(t, s, "/api/run.json", query(cfg))
	var doc struct {
		Params json.RawMessage
		Series []map[string]float64
		Final  map[string]float64
	}
	if err := json.Unmarshal(w.Body.Bytes(), &doc); err != nil {
		t.Fatal(err)
	}
	params, err := experiments.ReadConfigJSON(doc.Params)
	if err != nil || params != cfg || len(doc.Series) != len(res.Series) || doc.Final["labor_share"] != res.Final().LaborShare {
		t.Errorf("json download: params %v (%v), %d steps, final labor share %v", params == cfg, err, len(doc.Series), doc.Final["labor_share"])
	}
	if cd := w.Header().Get("Content-Disposition"); cd != `attachment; filename="laborsim-run.json"` {
		t.Errorf("Content-Disposition %q", cd)
	}
	w = get(t, s, "/api/run.csv", query(cfg))
	lines := strings.Split(strings.TrimSpace(w.Body.String()), "\n")
	if len(lines) != len(res.Series)+1 || lines[0] != strings.Join(columnNames(), ",") {
		t.Errorf("csv download: %d lines, header %q", len(lines), lines[0])
	}
	for _, c := range []struct{ format, magic string }{{"png", "\x89PNG"}, {"svg", "<?xml"}} {
		q := query(cfg)
		q.Set("format", c.format)
		w := get(t, s, "/api/chart/ai-price", q)
		if w.Code != http.StatusOK || !strings.HasPrefix(w.Body.String(), c.magic) {
			t.Errorf("chart as %s: %d %.40q", c.format, w.Code, w.Body.String())
		}
	}
	q := query(cfg)
	q.Set("format", "gif")
	if w := get(t, s, "/api/chart/ai-price", q); w.Code != http.StatusBadRequest {
		t.Errorf("chart as gif: %d", w.Code)
	}
	q.Set("format", "png")
	if w := get(t, s, "/api/chart/nonsense", q); w.Code != http.StatusNotFound {
		t.Errorf("unknown chart: %d", w.Code)
	}
}

// TestFilesStayInside checks that no request reads a file outside the
// working directory: not with "..", an absolute path, or a symbolic link
// to a file or a directory outside it.
func TestFilesStayInside(t *testing.T) {
	outside := t.TempDir()
	writeResultsFile(t, filepath.Join(outside, "secret.csv"))
	dir := t.TempDir()
	writeResultsFile(t, filepath.Join(dir, "results.csv"))
	os.Mkdir(filepath.Join(dir, "sub"), 0o755)
	writeResultsFile(t, filepath.Join(dir, "sub", "inner.csv"))
	os.WriteFile(filepath.Join(dir, "notes.csv"), []byte("a,b\n1,2\n"), 0o644)
	for old, link := range map[string]string{
		filepath.Join(outside, "secret.csv"): "link.csv",
		outside:                              "linkdir",
		"results.csv":                        "inside-link.csv",
	} {
		if err := os.Symlink(old, filepath.Join(dir, link)); err != nil {
			t.Fatal(err)
		}
	}
	s := newServer(t, Options{Dir: dir})

	rel, _ := filepath.Rel(dir, filepath.Join(outside, "secret.csv"))
	for _, name := range []string{
		rel, "../" + filepath.Base(outside) + "/secret.csv", filepath.Join(outside, "secret.csv"),
		"link.csv", "linkdir/secret.csv", "sub/../../secret.csv", "./results.csv", "", ".", "sub",
	} {
		w := get(t, s, "/api/results", url.Values{"file": {name}})
		if w.Code != http.StatusBadRequest {
			t.Errorf("file %q: %d %s, want 400", name, w.Code, w.Body.String())
		}
		if body := w.Body.String(); strings.Contains(body, "point,replicate") || !strings.HasPrefix(name, "/") && strings.Contains(body, outside) {
			t.Errorf("file %q: the answer %q tells of the file outside", name, body)
		}
		t.Logf("%q: %s", name, strings.TrimSpace(w.Body.String()))
	}
	for _, name := range []string{"results.csv", "sub/inner.csv", "inside-link.csv"} {
		w := get(t, s, "/api/results", url.Values{"file": {name}})
		var info struct {
			Runs, Points int
			Varied       []string
		}
		json.Unmarshal(w.Body.Bytes(), &info)
		if w.Code != http.StatusOK || info.Runs != 6 || info.Points != 3 || !reflect.DeepEqual(info.Varied, []string{"ai-agents"}) {
			t.Errorf("file %q: %d %s", name, w.Code, w.Body.String())
		}
	}
	w := get(t, s, "/api/results", url.Values{"file": {"notes.csv"}})
	if w.Code != http.StatusBadRequest || !strings.HasPrefix(w.Body.String(), "notes.csv is not a results file") {
		t.Errorf("a CSV that is not a results file: %d %s", w.Code, w.Body.String())
	}
	w = get(t, s, "/api/files", nil)
	if got := strings.TrimSpace(w.Body.String()); got != `{"files":["results.csv","sub/inner.csv"]}` {
		t.Errorf("files listed: %s", got)
	}
}

func TestUploadAndSweepChart(t *testing.T) {
	dir := t.TempDir()
	writeResultsFile(t, filepath.Join(dir, "results.csv"))
	data, _ := os.ReadFile(filepath.Join(dir, "results.csv"))
	s := newServer(t, Options{Dir: t.TempDir()})
	r := httptest.NewRequest("POST", "/api/upload?name=mine.csv", bytes.NewReader(data))
	r.Host = "localhost"
	w := httptest.NewRecorder()
	s.ServeHTTP(w, r)
	var up struct{ File string }
	if err := json.Unmarshal(w.Body.Bytes(), &up); err != nil || up.File != "upload:1" {
		t.Fatalf("upload: %d %s", w.Code, w.Body.String())
	}
	if w := get(t, s, "/api/results.csv", url.Values{"file": {up.File}}); w.Body.String() != string(data) {
		t.Errorf("the results of an upload differ from the file uploaded")
	}
	for _, c := range []struct{ format, magic string }{{"png", "\x89PNG"}, {"svg", "<?xml"}} {
		q := url.Values{"file": {up.File}, "x": {"ai-agents"}, "y": {"labor_share,ai_share"}, "format": {c.format}}
		w := get(t, s, "/api/sweep-chart", q)
		if w.Code != http.StatusOK || !strings.HasPrefix(w.Body.String(), c.magic) {
			t.Errorf("sweep chart as %s: %d %.60q", c.format, w.Code, w.Body.String())
		}
	}
	q := url.Values{"file": {up.File}, "x": {"ai-agents"}, "y": {"labor_share,median_wage"}, "format": {"svg"}}
	if w := get(t, s, "/api/sweep-chart", q); w.Code != http.StatusBadRequest {
		t.Errorf("metrics of two units: %d %s", w.Code, w.Body.String())
	}
	r = httptest.NewRequest("POST", "/api/upload?name=bad.csv", strings.NewReader("not,a,results,file\n"))
	r.Host = "localhost"
	w = httptest.NewRecorder()
	s.ServeHTTP(w, r)
	if w.Code != http.StatusBadRequest || !strings.HasPrefix(w.Body.String(), "bad.csv is not a results file") {
		t.Errorf("bad upload: %d %s", w.Code, w.Body.String())
	}
	if w := get(t, s, "/api/results", url.Values{"file": {"upload:99"}}); w.Code != http.StatusBadRequest {
		t.Errorf("unknown upload: %d", w.Code)
	}
}

func TestSweep(t *testing.T) {
	s := newServer(t, Options{Dir: t.TempDir()})
	q := query(smallConfig())
	q.Set("vary", "ai-cost-decline=3,30")
	q.Set("replicates", "2")
	w := get(t, s, "/api/sweep", q)
	evs := readEvents(t, w.Body, nil)
	if len(evs) != 6 || evs[0].name != "start" || evs[4].data != `{"done":4,"runs":4}` || evs[5].name != "done" {
		t.Fatalf("events %v", evs)
	}
	var done struct{ File string }
	json.Unmarshal([]byte(evs[5].data), &done)
	recs, _, err := s.records(done.File)
	if err != nil || len(recs) != 4 {
		t.Fatalf("%d records: %v", len(recs), err)
	}
	// The same sweep run by experiments gives the same outcomes.
	ax, _ := experiments.ParseVary("ai-cost-decline=3,30", "test")
	sw, _ := experiments.NewSweep(smallConfig(), []experiments.Axis{ax}, 1, 2)
	for i, rec := range recs {
		res, err := sim.Run(context.Background(), sw.Run(i).Config)
		if err != nil {
			t.Fatal(err)
		}
		if rec.Point != i/2 || rec.Replicate != i%2 || rec.Config != sw.Run(i).Config || rec.Final[laborShareColumn()] != res.Final().LaborShare {
			t.Errorf("record %d: point %d replicate %d", i, rec.Point, rec.Replicate)
		}
	}
	for _, c := range []struct{ vary, reps, want string }{
		{"", "2", "--vary: give a parameter to vary, e.g. ai-cost-decline=3,10,30"},
		{"ai-agents=1..1000000", "100", "the sweep has 700 runs; the explorer runs at most 200 (use 'laborsim sweep --out FILE' and open the file here)"},
		{"workers=100,5000000", "1", "grid point 1 (workers=5000000): invalid --workers 5000000: this server runs at most 1000000 (laborsim serve --max-agents)"},
		{"colour=1,2", "1", `--vary colour=1,2: unknown parameter "colour"`},
		{"sigma=1,2", "x", `invalid --replicates "x": not an integer`},
	} {
		q := query(smallConfig())
		if c.vary != "" {
			q.Set("vary", c.vary)
		}
		q.Set("replicates", c.reps)
		w := get(t, s, "/api/sweep", q)
		if got := strings.TrimSpace(w.Body.String()); w.Code != http.StatusBadRequest || got != c.want {
			t.Errorf("vary %q: %d %q, want %q", c.vary, w.Code, got, c.want)
		}
	}
}

func TestHosts(t *testing.T) {
	s := newServer(t, Options{Dir: t.TempDir()})
	for host, want := range map[string]int{
		"127.0.0.1:8080": 200, "localhost:8080": 200, "[::1]:8080": 200, "localhost": 200,
		"evil.example:8080": http.StatusMisdirectedRequest, "192.168.1.2:8080": http.StatusMisdirectedRequest,
	} {
		r := httptest.NewRequest("GET", "/api/meta", nil)
		r.Host = host
		w := httptest.NewRecorder()
		s.ServeHTTP(w, r)
		if w.Code != want {
			t.Errorf("Host %s: %d, want %d", host, w.Code, want)
		}
	}
	open := newServer(t, Options{Dir: t.TempDir(), Addr: "0.0.0.0:8080"})
	r := httptest.NewRequest("GET", "/api/meta", nil)
	r.Host = "lab-server:8080"
	w := httptest.NewRecorder()
	open.ServeHTTP(w, r)
	if w.Code != http.StatusOK {
		t.Errorf("a server on 0.0.0.0 refused Host lab-server: %d", w.Code)
	}
}

func TestPageAndMeta(t *testing.T) {
	dir := t.TempDir()
	os.Mkdir(filepath.Join(dir, "examples"), 0o755)
	os.WriteFile(filepath.Join(dir, "examples", "tax.yaml"), []byte("description: a tax\nlabor-tax: 0.2\nvary:\n  ai-agents: 1..100\n"), 0o644)
	s := newServer(t, Options{Dir: dir, MaxAgents: 5000})
	w := get(t, s, "/", nil)
	if w.Code != 200 || !strings.Contains(w.Body.String(), "<title>laborsim explorer</title>") || !strings.Contains(w.Header().Get("Content-Security-Policy"), "default-src 'self'") {
		t.Errorf("page: %d %q", w.Code, w.Header().Get("Content-Security-Policy"))
	}
	for _, path := range []string{"/static/app.js", "/static/style.css", "/static/uplot/uPlot.iife.min.js", "/static/uplot/uPlot.min.css"} {
		if w := get(t, s, path, nil); w.Code != 200 || w.Body.Len() < 500 {
			t.Errorf("%s: %d, %d bytes", path, w.Code, w.Body.Len())
		}
	}
	w = get(t, s, "/api/meta", nil)
	var meta struct {
		Params  []paramInfo
		Presets []preset
		Columns []column
		Limits  map[string]int
	}
	if err := json.Unmarshal(w.Body.Bytes(), &meta); err != nil {
		t.Fatal(err)
	}
	if len(meta.Params) != len(experiments.ParamNames()) || meta.Params[0].Usage != "human workers (households)" || meta.Params[0].Max != 5000 {
		t.Errorf("params: %d, first %+v", len(meta.Params), meta.Params[0])
	}
	var names []string
	for _, p := range meta.Presets {
		names = append(names, p.Name)
	}
	tax := meta.Presets[len(meta.Presets)-1]
	if len(meta.Presets) != len(experiments.Named())+1 || tax.Source != "examples/tax.yaml" || tax.Settings["labor-tax"] != "0.2" || !reflect.DeepEqual(tax.Vary, []string{"ai-agents=1..100"}) {
		t.Errorf("presets %v, last %+v", names, tax)
	}
	if meta.Limits["maxAgents"] != 5000 || len(meta.Columns) != len(economy.Columns) {
		t.Errorf("limits %v, %d columns", meta.Limits, len(meta.Columns))
	}
	for i, c := range meta.Columns {
		if want := economy.Columns[i]; c != (column{want.Name, want.Label, want.Unit, want.Description}) || c.Label == "" || c.Unit == "" || c.Description == "" {
			t.Errorf("column %d is %+v, economy.Columns has %s: %q, %q, %q", i, c, want.Name, want.Label, want.Unit, want.Description)
		}
	}
}

// TestParameters checks the page's table of parameters: every parameter,
// in a group, with a slider whose ends Validate accepts.
func TestParameters(t *testing.T) {
	ps := parameters(1_000_000)
	for i, name := range experiments.ParamNames() {
		p := ps[i]
		if p.Name != name || p.Group == "" || p.Usage == "" || p.Default != experiments.ParamValue(sim.DefaultConfig(), name) {
			t.Errorf("%s: %+v", name, p)
		}
		if p.Slider && (!valid(name, p.Min) || !valid(name, p.Max) || p.Min >= p.Max) {
			t.Errorf("%s: slider [%v, %v] is not valid", name, p.Min, p.Max)
		}
	}
	byName := map[string]paramInfo{}
	for _, p := range ps {
		byName[p.Name] = p
	}
	for name, want := range map[string][2]float64{
		"workers": {1, 1e6}, "ai-agents": {1, 1e6}, "labor-tax": {0, 1}, "automation": {0, 0.392},
		"sectors": {1, 4}, "ai-cost-decline": {1, 50}, "wealth-alpha": {1.01, 5.5},
	} {
		if p := byName[name]; p.Min != want[0] || p.Max != want[1] {
			t.Errorf("%s: slider [%v, %v], want %v", name, p.Min, p.Max, want)
		}
	}
	if !byName["workers"].Log || byName["sigma"].Log || byName["seed"].Slider || byName["frictionless"].Kind != "bool" {
		t.Error("slider kinds are wrong")
	}
	if byName["frictionless"].Group != "Labour market" || byName["ai-markup"].Group != "Policy" {
		t.Error("groups are wrong")
	}
}

func TestOptionsCheck(t *testing.T) {
	for _, c := range []struct {
		opt  Options
		want string
	}{
		{Options{MaxRuns: 0, MaxAgents: 1, Addr: DefaultAddr}, "invalid --max-runs 0: must be in [1, 1000]"},
		{Options{MaxRuns: 1, MaxAgents: 100_000_000, Addr: DefaultAddr}, "invalid --max-agents 100000000: must be in [1, 50000000]"},
		{Options{MaxRuns: 1, MaxAgents: 1, Addr: "8080"}, `invalid --addr "8080": want host:port, e.g. 127.0.0.1:8080`},
		{Options{}.withDefaults(), ""},
	} {
		err := c.opt.Check()
		if got := ""; err != nil {
			got = err.Error()
			if got != c.want {
				t.Errorf("%+v: %q, want %q", c.opt, got, c.want)
			}
		} else if c.want != "" {
			t.Errorf("%+v: no error, want %q", c.opt, c.want)
		}
	}
}

// TestServeStops checks that the server stops when its context is done,
// ending the runs in progress.
func TestServeStops(t *testing.T) {
	s := newServer(t, Options{Dir: t.TempDir()})
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	var out bytes.Buffer
	served := make(chan error, 1)
	go func() { served <- s.Serve(ctx, ln, &out, io.Discard) }()
	body := stream(t, "http://"+ln.Addr().String(), longRun())
	defer body.Close()
	cancel()
	if got := last(readEvents(t, body, nil)); got != "stopped" {
		t.Errorf("the run in progress ended with %q, want stopped", got)
	}
	if err := <-served; err != nil {
		t.Errorf("Serve: %v", err)
	}
	want := "laborsim serve: open http://" + ln.Addr().String() + "/ (Ctrl-C stops)\nlaborsim serve: stopped\n"
	if out.String() != want {
		t.Errorf("printed %q, want %q", out.String(), want)
	}
	if _, err := http.Get("http://" + ln.Addr().String() + "/"); err == nil || errors.Is(err, context.Canceled) {
		t.Errorf("the server still answers after it stopped")
	}
}

// laborShareColumn is the index of labor_share among the metrics.
func laborShareColumn() int {
	for i, c := range economy.Columns {
		if c.Name == "labor_share" {
			return i
		}
	}
	panic("no labor_share column")
}
