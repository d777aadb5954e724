package chart

import (
	"os"
	"strings"
	"testing"

	"github.com/laborsim/laborsim/economy"
	"github.com/laborsim/laborsim/sim"
)

// testSeries reads testdata/series.csv and summary.json, written by
// laborsim run --workers 500 --firms 10 --ai-agents 300 --years 2 --seed 7 --out testdata.
func testSeries(t *testing.T) Series {
	t.Helper()
	f, err := os.Open("testdata/series.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	s, err := ReadSeries(f)
	if err != nil {
		t.Fatal(err)
	}
	g, err := os.Open("testdata/summary.json")
	if err != nil {
		t.Fatal(err)
	}
	defer g.Close()
	if s.Config, err = ReadConfig(g); err != nil {
		t.Fatal(err)
	}
	return s
}

func TestRunFiguresRender(t *testing.T) {
	figs, err := RunFigures(testSeries(t))
	if err != nil {
		t.Fatal(err)
	}
	want := []string{"labor-share", "unemployment-vacancies", "wages", "inequality", "ai-adoption", "ai-price", "growth", "beveridge"}
	if len(figs) != len(want) {
		t.Fatalf("%d figures, want %d", len(figs), len(want))
	}
	dir := t.TempDir()
	for i, f := range figs {
		if f.Name != want[i] {
			t.Errorf("figure %d is %s, want %s", i, f.Name, want[i])
		}
		for _, format := range Formats {
			checkFile(t, dir, f, format)
		}
	}
}

// TestRunFiguresGolden pins the data of every chart of a run.
func TestRunFiguresGolden(t *testing.T) {
	figs, err := RunFigures(testSeries(t))
	if err != nil {
		t.Fatal(err)
	}
	golden(t, "run-figures.golden", figuresText(t, figs...))
}

func TestReadErrors(t *testing.T) {
	if _, err := ReadSeries(strings.NewReader("year,labor_share\n2025,x\n")); err == nil || !strings.Contains(err.Error(), `line 2, column labor_share: "x" is not a number`) {
		t.Errorf("series with a bad number: %v", err)
	}
	s, err := ReadSeries(strings.NewReader("step,year,labor_share\n1,2025.1,0.6\n"))
	if err != nil {
		t.Fatal(err)
	}
	if _, err := RunFigures(s); err == nil || !strings.Contains(err.Error(), `no column "capital_share"`) {
		t.Errorf("series without capital_share: %v", err)
	}
	if _, err := ReadConfig(strings.NewReader(`{"final":{}}`)); err == nil || !strings.Contains(err.Error(), `no "params"`) {
		t.Errorf("summary without params: %v", err)
	}
	if _, err := ReadConfig(strings.NewReader(`{"params":{"workers":"many"}}`)); err == nil {
		t.Errorf("summary with a bad parameter: no error")
	}
}

// TestSeriesSources checks that a run in memory and the same run read back
// from its CSV make the same charts, so 'run --plot' and 'plot run' agree.
func TestSeriesSources(t *testing.T) {
	cfg := sim.DefaultConfig()
	cfg.Workers, cfg.Firms, cfg.AIAgents, cfg.Years = 300, 5, 200, 1
	res, err := sim.Run(t.Context(), cfg)
	if err != nil {
		t.Fatal(err)
	}
	var csv strings.Builder
	for i, c := range economy.Columns {
		if i > 0 {
			csv.WriteByte(',')
		}
		csv.WriteString(c.Name)
	}
	for k := range res.Series {
		csv.WriteByte('\n')
		for i, c := range economy.Columns {
			if i > 0 {
				csv.WriteByte(',')
			}
			csv.WriteString(num(c.Value(&res.Series[k])))
		}
	}
	read, err := ReadSeries(strings.NewReader(csv.String()))
	if err != nil {
		t.Fatal(err)
	}
	read.Config = cfg
	a, err := RunFigures(NewSeries(res))
	if err != nil {
		t.Fatal(err)
	}
	b, err := RunFigures(read)
	if err != nil {
		t.Fatal(err)
	}
	if figuresText(t, a...) != figuresText(t, b...) {
		t.Error("charts from memory and from CSV differ")
	}
}

func TestDescribe(t *testing.T) {
	c := sim.DefaultConfig()
	if got := strings.Join(describe(c), " · "); got != "default scenario · 10,000 workers · 100 firms · 7 AI agents at the start · AI cost ÷10 a year · σ = 0.5 · seed 1" {
		t.Errorf("defaults: %q", got)
	}
	c.LaborTax, c.Frictionless, c.Workers, c.CapitalPrice = 0.3, true, 1_000_000, 2e6
	got := describe(c, "seed", "sigma")
	// Values are written as the results file writes them: 2000000, not 2e+06.
	if want := "scenario: --capital-price 2000000 --frictionless --labor-tax 0.3"; got[0] != want {
		t.Errorf("scenario %q, want %q", got[0], want)
	}
	if got[1] != "1,000,000 workers" || strings.Contains(strings.Join(got, " "), "seed") || strings.Contains(strings.Join(got, " "), "σ") {
		t.Errorf("parts %q", got)
	}
}
