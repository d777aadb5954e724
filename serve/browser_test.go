package serve

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/chromedp"

	"github.com/laborsim/laborsim/economy"
	"github.com/laborsim/laborsim/experiments"
	"github.com/laborsim/laborsim/sim"
)

// The README's screenshot is made with
// go test ./serve -run TestBrowser -screenshot ../docs/img/serve.png
var readmeShot = flag.String("screenshot", "", "also save the screenshot of the two scenarios to this file (the README's)")

// browserWait bounds each wait for the page; the whole test has
// browserTimeout, well within go test's default of ten minutes.
const (
	browserWait    = 90 * time.Second
	browserTimeout = 5 * time.Minute
)

// TestBrowser drives the explorer in headless Chromium: it loads the page,
// moves a slider, runs, sees the charts fill, compares two scenarios,
// downloads a CSV, opens and uploads a sweep's results and starts a sweep,
// reloads the shared link, and checks that the page's numbers are
// sim.Run's for the same parameters. Every wait is for a condition on the
// page, with a generous limit, so a loaded machine only makes it slower.
func TestBrowser(t *testing.T) {
	if testing.Short() {
		t.Skip("the browser test does not run with -short")
	}
	exe, err := exec.LookPath("chromium")
	if err != nil {
		t.Skip("chromium is not installed (apt-get install chromium); .ci/run installs it")
	}
	dir := t.TempDir()
	writeResultsFile(t, filepath.Join(dir, "results.csv"))
	s := newServer(t, Options{Dir: dir})
	ts := httptest.NewServer(s)
	defer ts.Close()

	ctx, cancel := context.WithTimeout(context.Background(), browserTimeout)
	defer cancel()
	actx, acancel := chromedp.NewExecAllocator(ctx,
		chromedp.ExecPath(exe), chromedp.NoFirstRun, chromedp.NoDefaultBrowserCheck, chromedp.Headless,
		chromedp.NoSandbox, chromedp.DisableGPU, chromedp.UserDataDir(t.TempDir()), chromedp.WindowSize(1500, 1100),
		chromedp.Flag("disable-background-networking", true), chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true), chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("disable-background-timer-throttling", true),
	)
	defer acancel()
	bctx, bcancel := chromedp.NewContext(actx)
	defer bcancel()
	b := &page{t: t, ctx: bctx, shots: t.TempDir()}
	b.watchConsole()

	// Load the page with a small scenario in the link, and move a slider.
	b.do(chromedp.EmulateViewport(1500, 1240))
	b.do(chromedp.Navigate(ts.URL + "/#a.workers=400&a.firms=10&a.ai-agents=200"))
	b.wait(`document.body.dataset.ready === '1'`)
	if got := b.eval(`(() => {
		const s = document.getElementById('s-workers');
		s.value = String(Math.log10(800));
		s.dispatchEvent(new Event('input', {bubbles: true}));
		return document.getElementById('f-workers').value;
	})()`); got != "800" {
		t.Fatalf("the workers slider set the field to %q, want 800", got)
	}
	b.wait(`document.getElementById('cmdA').textContent === 'laborsim run --workers 800 --firms 10 --ai-agents 200'`)
	cfgA := sim.DefaultConfig()
	cfgA.Workers, cfgA.Firms, cfgA.AIAgents = 800, 10, 200

	// Run: the charts fill as the steps arrive, and the numbers are sim.Run's.
	b.do(chromedp.Click(chromedp.CSS("#run")))
	b.wait(`explorer.charts.length === 6 && explorer.charts.every(c => c.u.data[0].length > 0)`)
	b.wait(`document.getElementById('status').dataset.state === 'done'`)
	if n := b.eval(`String(explorer.charts.map(c => c.u.data[0].length).join(','))`); n != "120,120,120,120,120,120" {
		t.Errorf("chart lengths %s, want 120 steps in each", n)
	}
	b.checkRun("A", cfgA)
	b.checkLabels("")
	b.screenshot("run")

	// Compare: B differs from A in the cost decline of AI.
	b.do(chromedp.Click(chromedp.CSS("#compare")))
	b.do(chromedp.Click(chromedp.CSS("#tabB")))
	b.eval(`(() => { const f = document.getElementById('f-ai-cost-decline'); f.focus(); f.select(); return f.value })()`)
	b.do(chromedp.SendKeys(chromedp.CSS("#f-ai-cost-decline"), "30"))
	b.wait(`document.querySelector('#diff [data-name="ai-cost-decline"]') !== null && !document.getElementById('diff').hidden`)
	if d := b.eval(`document.getElementById('diff').textContent`); d != "B differs from A in: --ai-cost-decline 10 → 30" {
		t.Errorf("differences listed as %q", d)
	}
	b.do(chromedp.Click(chromedp.CSS("#run")))
	b.wait(`document.getElementById('status').dataset.state === 'done' && explorer.runs.B.state === 'done'`)
	cfgB := cfgA
	cfgB.AICostDecline = 30
	b.checkRun("A", cfgA)
	b.checkRun("B", cfgB)
	if n := b.eval(`String(explorer.charts[0].u.series.length)`); n != "7" {
		t.Errorf("the shares chart has %s series, want x and 3 for each of A and B", n)
	}
	b.checkLabels("A", "B")
	b.screenshot("compare")

	// The link reopens both scenarios.
	link := b.eval(`location.href`)
	if !strings.Contains(link, "b.ai-cost-decline=30") || !strings.Contains(link, "compare=1") {
		t.Errorf("the link %s does not encode B", link)
	}

	// Download A's CSV: it is 'laborsim run --format csv'.
	downloads := t.TempDir()
	b.do(chromedp.Func(func(ctx context.Context, _ *chromedp.Target) error {
		_, err := chromedp.Call(ctx, browser.SetDownloadBehavior, browser.SetDownloadBehaviorParams{
			Behavior: browser.SetDownloadBehaviorBehaviorAllowAndName, DownloadPath: downloads, EventsEnabled: ptr(true),
		})
		return err
	}))
	dctx, dcancel := context.WithTimeout(bctx, browserWait)
	defer dcancel()
	progress := chromedp.Events(dctx, browser.DownloadProgress)
	b.do(chromedp.Click(chromedp.CSS("#csvA")))
	var got []byte
	for ev, err := range progress {
		if err != nil {
			t.Fatalf("waiting for the download: %v", err)
		}
		if ev.State == browser.DownloadProgressStateCanceled {
			t.Fatal("the download of the CSV was cancelled")
		}
		if ev.State == browser.DownloadProgressStateCompleted {
			if got, err = os.ReadFile(filepath.Join(downloads, ev.GUID)); err != nil {
				t.Fatal(err)
			}
			break
		}
	}
	res, err := sim.Run(context.Background(), cfgA)
	if err != nil {
		t.Fatal(err)
	}
	var want bytes.Buffer
	experiments.WriteSeriesCSV(&want, res.Series)
	if !bytes.Equal(got, want.Bytes()) {
		t.Errorf("the downloaded CSV (%d bytes) differs from the run's (%d bytes)", len(got), want.Len())
	}

	// Open the sweep in the working directory.
	b.wait(`[...document.getElementById('files').options].some(o => o.value === 'results.csv')`)
	b.do(chromedp.SetValue(chromedp.CSS("#files"), "results.csv"))
	b.do(chromedp.Click(chromedp.CSS("#openFile")))
	b.wait(`document.getElementById('sweepChart').dataset.ready === 'results.csv' && document.getElementById('sweepChart').naturalWidth > 0`)
	if info := b.eval(`document.getElementById('sweepInfo').textContent`); info != "6 runs at 3 points" {
		t.Errorf("sweep described as %q", info)
	}
	b.do(chromedp.ScrollIntoView(chromedp.CSS("#sweep")))
	b.screenshot("sweep")

	// Upload the same file: the same chart comes back.
	b.do(chromedp.SetUploadFiles(chromedp.CSS("#upload"), []string{filepath.Join(dir, "results.csv")}))
	b.wait(`document.getElementById('sweepChart').dataset.ready === 'upload:1'`)

	// Start a small sweep from the page and see its chart.
	b.do(chromedp.SetValue(chromedp.CSS("#vary"), "ai-cost-decline=3,30"))
	b.do(chromedp.SetValue(chromedp.CSS("#replicates"), "2"))
	b.do(chromedp.Click(chromedp.CSS("#startSweep")))
	b.wait(`explorer.sweep.state === 'done' && (document.getElementById('sweepChart').dataset.ready || '').startsWith('sweep:')`)
	if info := b.eval(`document.getElementById('sweepInfo').textContent + ' | ' + document.getElementById('sweepStatus').textContent`); info != "4 runs at 2 points | done: 4 runs" {
		t.Errorf("page sweep described as %q", info)
	}

	// Reload from the link: both scenarios come back.
	b.do(chromedp.Navigate(link))
	b.wait(`document.body.dataset.ready === '1'`)
	b.do(chromedp.Click(chromedp.CSS("#tabB")))
	if v := b.eval(`document.getElementById('f-ai-cost-decline').value + ' ' + document.getElementById('f-workers').value`); v != "30 800" {
		t.Errorf("after reloading the link, B's ai-cost-decline and workers are %q, want 30 800", v)
	}
	b.checkConsole()
}

// page drives one tab.
type page struct {
	t      *testing.T
	ctx    context.Context
	shots  string
	errors chan string
}

func (b *page) do(a chromedp.Action[chromedp.Void]) {
	b.t.Helper()
	if err := chromedp.Do(b.ctx, a); err != nil {
		b.t.Fatal(err)
	}
}

// eval evaluates a JavaScript expression that gives a string.
func (b *page) eval(expr string) string {
	b.t.Helper()
	v, err := chromedp.Run(b.ctx, chromedp.Evaluate[string](expr))
	if err != nil {
		b.t.Fatalf("%s: %v", expr, err)
	}
	return v
}

// wait waits until a JavaScript condition holds.
func (b *page) wait(cond string) {
	b.t.Helper()
	if _, err := chromedp.Run(b.ctx, chromedp.Poll[chromedp.Void](cond, chromedp.WithPollingTimeout(browserWait))); err != nil {
		status := b.eval(`document.getElementById('status').textContent + ' / ' + document.getElementById('sweepErr').textContent`)
		b.t.Fatalf("waiting for %s: %v (page status: %s)", cond, err, status)
	}
}

// watchConsole collects the page's uncaught exceptions and console errors.
func (b *page) watchConsole() {
	b.errors = make(chan string, 100)
	msgs := chromedp.Console(b.ctx)
	go func() {
		for m, err := range msgs {
			if err != nil {
				return
			}
			if m.IsException() || m.Type == chromedp.ConsoleError {
				select {
				case b.errors <- m.String() + " (" + m.URL + ")":
				default:
				}
			}
		}
	}()
}

func (b *page) checkConsole() {
	b.t.Helper()
	for {
		select {
		case m := <-b.errors:
			b.t.Errorf("the page logged an error: %s", m)
		default:
			return
		}
	}
}

// screenshot saves the page under the test's directory, and the one of the
// two scenarios also to -screenshot when given.
func (b *page) screenshot(name string) {
	b.t.Helper()
	png, err := chromedp.Run(b.ctx, chromedp.CaptureScreenshot())
	if err != nil {
		b.t.Fatal(err)
	}
	paths := []string{filepath.Join(b.shots, name+".png")}
	if name == "compare" && *readmeShot != "" {
		paths = append(paths, *readmeShot)
	}
	for _, p := range paths {
		if err := os.WriteFile(p, png, 0o644); err != nil {
			b.t.Fatal(err)
		}
	}
	b.t.Logf("screenshot %s", paths[0])
}

// checkRun compares the scenario's rows on the page, and its final-step
// table, with sim.Run for cfg: every number exactly.
func (b *page) checkRun(sc string, cfg sim.Config) {
	b.t.Helper()
	res, err := sim.Run(context.Background(), cfg)
	if err != nil {
		b.t.Fatal(err)
	}
	rows, err := chromedp.Run(b.ctx, chromedp.Evaluate[[][]float64](`explorer.runs.`+sc+`.rows`))
	if err != nil {
		b.t.Fatal(err)
	}
	if len(rows) != len(res.Series) {
		b.t.Fatalf("%s: the page has %d steps, sim.Run %d", sc, len(rows), len(res.Series))
	}
	for i, row := range rows {
		for k, col := range economy.Columns {
			if want := col.Value(&res.Series[i]); row[k] != want {
				b.t.Fatalf("%s: step %d %s is %v on the page, %v from sim.Run", sc, i+1, col.Name, row[k], want)
			}
		}
	}
	cells, err := chromedp.Run(b.ctx, chromedp.Evaluate[[][2]string](
		`[...document.querySelectorAll('#final td[data-sc="`+sc+`"]')].map(td => [td.dataset.metric, td.dataset.value])`))
	if err != nil {
		b.t.Fatal(err)
	}
	if len(cells) == 0 {
		b.t.Fatalf("%s: no final-step table", sc)
	}
	final := res.Final()
	for _, c := range cells {
		v, err := strconv.ParseFloat(c[1], 64)
		if want := metricValue(&final, c[0]); err != nil || v != want {
			b.t.Errorf("%s: the final table shows %s = %q, sim.Run has %v", sc, c[0], c[1], want)
		}
	}
}

// checkLabels checks the legends of the charts, and the names and hover
// texts of the final-step table, against the server's table of metrics,
// economy.Columns: each line is its column's label, followed by the
// scenario when two are compared.
func (b *page) checkLabels(compared ...string) {
	b.t.Helper()
	cols, err := chromedp.Run(b.ctx, chromedp.Evaluate[[][]string](`explorer.charts.map(c => c.spec.cols)`))
	if err != nil {
		b.t.Fatal(err)
	}
	legends, err := chromedp.Run(b.ctx, chromedp.Evaluate[[][]string](
		`explorer.charts.map(c => [...c.card.querySelectorAll('.u-legend .u-series .u-label')].map(e => e.textContent))`))
	if err != nil {
		b.t.Fatal(err)
	}
	if len(cols) != 6 || len(legends) != len(cols) {
		b.t.Fatalf("%d charts with %d legends, want 6", len(cols), len(legends))
	}
	for i, names := range cols {
		var want []string
		for _, sc := range compared {
			for _, name := range names {
				c, ok := economy.LookupColumn(name)
				if !ok {
					b.t.Fatalf("chart %d draws %q, which is no column", i, name)
				}
				want = append(want, strings.TrimSpace(c.Label+" "+sc))
			}
		}
		if !slices.Equal(legends[i], want) {
			b.t.Errorf("chart %d's legend is %q, want %q", i, legends[i], want)
		}
	}
	rows, err := chromedp.Run(b.ctx, chromedp.Evaluate[[][3]string](
		`[...document.querySelectorAll('#final tbody tr')].map(tr => [tr.cells[1].dataset.metric, tr.cells[0].textContent, tr.cells[0].title])`))
	if err != nil {
		b.t.Fatal(err)
	}
	if len(rows) == 0 {
		b.t.Fatal("no final-step table")
	}
	for _, r := range rows {
		c, ok := economy.LookupColumn(r[0])
		if want := c.Description + " (" + c.Unit + ")"; !ok || r[1] != c.Label || r[2] != want {
			b.t.Errorf("the final table shows %s as %q (hover %q), want %q (%q)", r[0], r[1], r[2], c.Label, want)
		}
	}
}

func metricValue(a *economy.Accounts, name string) float64 {
	for _, c := range economy.Columns {
		if c.Name == name {
			return c.Value(a)
		}
	}
	panic(fmt.Sprintf("no column %q", name))
}

func ptr[T any](v T) *T { return &v }
