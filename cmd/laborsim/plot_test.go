package main

import (
	"bytes"
	"image"
	_ "image/png"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/laborsim/laborsim/economy"
	"github.com/laborsim/laborsim/experiments"
	"github.com/laborsim/laborsim/sim"
)

var chartNames = []string{"labor-share", "unemployment-vacancies", "wages", "inequality", "ai-adoption", "ai-price", "growth", "beveridge"}

// TestPlotRun checks that 'run --plot' and 'plot run' on the run's --out
// directory write the same charts, byte for byte, and that they are PNGs
// of 1200×800. Without -o, 'plot run' writes beside the data.
func TestPlotRun(t *testing.T) {
	out, direct := t.TempDir(), t.TempDir()
	if _, errs, code := runCmd(append(smallRun, "--format", "csv", "--out-dir", out, "--plot", direct)...); code != 0 {
		t.Fatalf("run --plot: exit %d: %s", code, errs)
	}
	if _, errs, code := runCmd("plot", "run", out); code != 0 {
		t.Fatalf("plot run: exit %d: %s", code, errs)
	}
	svgOnly := t.TempDir()
	if _, errs, code := runCmd("plot", "run", out, "--out-dir", svgOnly, "--format", "svg", "-q"); code != 0 {
		t.Fatalf("plot run --format svg: exit %d: %s", code, errs)
	}
	pngs, _ := filepath.Glob(filepath.Join(svgOnly, "*.png"))
	svgs, _ := filepath.Glob(filepath.Join(svgOnly, "*.svg"))
	if len(pngs) > 0 || len(svgs) != len(chartNames) {
		t.Errorf("--format svg wrote %d PNGs and %d SVGs, want 0 and %d", len(pngs), len(svgs), len(chartNames))
	}
	again := out
	for _, name := range chartNames {
		for _, ext := range []string{".png", ".svg"} {
			a, err := os.ReadFile(filepath.Join(direct, name+ext))
			if err != nil {
				t.Fatal(err)
			}
			b, err := os.ReadFile(filepath.Join(again, name+ext))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Equal(a, b) {
				t.Errorf("%s%s: run --plot and plot run differ", name, ext)
			}
			if ext == ".png" {
				if cfg, _, err := image.DecodeConfig(bytes.NewReader(a)); err != nil || cfg.Width != 1200 || cfg.Height != 800 {
					t.Errorf("%s.png: %dx%d, %v", name, cfg.Width, cfg.Height, err)
				}
			} else if !bytes.Contains(a, []byte("<svg")) {
				t.Errorf("%s.svg has no <svg", name)
			}
		}
	}
}

// testResults writes a small results file: two swept parameters, two
// replicates a point, and a point with one replicate. Parameters not in
// the table below have their defaults and metrics not in it are 0.
func testResults(t *testing.T) string {
	t.Helper()
	path := filepath.Join(t.TempDir(), "results.csv")
	text := `point,replicate,workers,ai-agents,ai-cost-decline,seed,labor_share,ai_share,median_wage,wall_seconds
0,0,500,1,2,11,0.61,0.01,1.2,0.5
0,1,500,1,2,12,0.63,0.02,1.3,0.5
1,0,500,1000,2,21,0.55,0.05,1.1,0.7
1,1,500,1000,2,22,0.57,0.06,1.0,0.7
2,0,500,1000000,2,31,0.50,0.08,1.0,2.5
2,1,500,1000000,2,32,0.52,0.09,0.9,2.6
3,0,500,1,10,41,0.60,0.02,1.2,0.5
4,0,500,1000,10,51,0.45,0.10,0.9,0.8
4,1,500,1000,10,52,0.47,0.12,0.8,0.8
5,0,500,1000000,10,61,0.30,0.25,0.7,2.9
5,1,500,1000000,10,62,0.34,0.27,0.6,3.1
`
	rows := strings.Split(strings.TrimSpace(text), "\n")
	names := strings.Split(rows[0], ",")
	var recs []experiments.Record
	for _, row := range rows[1:] {
		rec := experiments.Record{Config: sim.DefaultConfig(), Final: make([]float64, len(economy.Columns))}
		for k, v := range strings.Split(row, ",") {
			var err error
			switch name := names[k]; {
			case name == "point":
				rec.Point, err = strconv.Atoi(v)
			case name == "replicate":
				rec.Replicate, err = strconv.Atoi(v)
			case name == "wall_seconds":
				rec.WallSeconds, err = strconv.ParseFloat(v, 64)
			case experiments.IsParam(name):
				err = experiments.SetParam(&rec.Config, name, v)
			default:
				i := slices.IndexFunc(economy.Columns, func(c economy.Column) bool { return c.Name == name })
				rec.Final[i], err = strconv.ParseFloat(v, 64)
			}
			if err != nil {
				t.Fatalf("row %q, %s: %v", row, names[k], err)
			}
		}
		recs = append(recs, rec)
	}
	if err := experiments.WriteResults(path, recs); err != nil {
		t.Fatal(err)
	}
	return path
}

func TestPlotSweep(t *testing.T) {
	results := testResults(t)
	dir := t.TempDir()
	for _, c := range [][]string{
		{"--x", "ai-agents", "--y", "labor_share", "--by", "ai-cost-decline", "-o", filepath.Join(dir, "a.png")},
		{"--x", "--ai-agents", "--y", "labor_share,ai_share", "--by", "ai-cost-decline", "--band", "-o", filepath.Join(dir, "b.svg")},
		{"--x", "ai-cost-decline", "--y", "median_wage", "--by", "ai-agents", "--out", filepath.Join(dir, "c.PNG")},
		{"--x", "ai_cost_decline", "--y", "median_wage", "--by", "ai_agents", "--out", filepath.Join(dir, "d.png")}, // the columns' spelling
	} {
		_, errs, code := runCmd(append([]string{"plot", "sweep", results}, c...)...)
		if code != 0 {
			t.Fatalf("%v: exit %d: %s", c, code, errs)
		}
		if !strings.Contains(errs, "warning: 1 of 6 points have a single replicate") {
			t.Errorf("%v: stderr %q, want a warning about the single replicate", c, errs)
		}
		data, err := os.ReadFile(c[len(c)-1])
		if err != nil {
			t.Fatal(err)
		}
		if strings.HasSuffix(c[len(c)-1], ".svg") {
			if !bytes.Contains(data, []byte("<svg")) {
				t.Errorf("%s is not an SVG", c[len(c)-1])
			}
			continue
		}
		if cfg, kind, err := image.DecodeConfig(bytes.NewReader(data)); err != nil || kind != "png" || cfg.Width != 1200 || cfg.Height != 800 {
			t.Errorf("%s: %s %dx%d, %v", c[len(c)-1], kind, cfg.Width, cfg.Height, err)
		}
	}
}

func TestPlotBadInput(t *testing.T) {
	results := testResults(t)
	png := filepath.Join(t.TempDir(), "x.png")
	missing := filepath.Join(t.TempDir(), "none")
	runDir := t.TempDir()
	if err := os.WriteFile(filepath.Join(runDir, "series.csv"), []byte("step,year,labor_share\n1,2025.1,0.6\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(runDir, "summary.json"), []byte(`{"params":{}}`), 0o644); err != nil {
		t.Fatal(err)
	}
	sweep := func(args ...string) []string { return append([]string{"plot", "sweep", results}, args...) }
	for _, c := range []struct {
		args []string
		msg  string
	}{
		{[]string{"plot"}, "plot: say what to plot: run or sweep"},
		{[]string{"plot", "pie"}, `plot: unknown chart kind "pie"`},
		{[]string{"plot", "run"}, "missing DIR"},
		{[]string{"plot", "run", "a", "b"}, `unexpected argument "b"`},
		{[]string{"plot", "run", missing}, filepath.Join(missing, "series.csv") + ": no such file"},
		{[]string{"plot", "run", missing, "-o", missing}, "invalid -o " + missing + ": plot run writes a directory of charts, --out-dir DIR"},
		{[]string{"plot", "run", missing, "--format", "pdf"}, `invalid --format "pdf": must be png or svg`},
		{sweep("--x", "ai-agents", "--y", "labor_share", "-o", png, "--format", "svg"), "invalid --format svg: -o " + png + " ends in .png"},
		{[]string{"plot", "run", runDir}, filepath.Join(runDir, "series.csv") + `: no column "capital_share"`},
		{[]string{"plot", "sweep", filepath.Join(missing, "r.csv"), "--x", "ai-agents", "--y", "labor_share", "-o", png}, "no such file or directory"},
		{[]string{"plot", "sweep", "--x", "ai-agents", "--y", "labor_share", "-o", png}, "missing RESULTS.csv"},
		{sweep("--y", "labor_share", "-o", png), "--x is required"},
		{sweep("--x", "ai-agents", "-o", png), "--y is required"},
		{sweep("--x", "ai-agents", "--y", "labor_share"), "-o is required"},
		{sweep("--x", "ai-agents", "--y", "labor_share", "-o", "x.pdf"), `invalid -o "x.pdf": the file name must end in .png or .svg`},
		{sweep("--x", "agents", "--y", "labor_share", "-o", png), `invalid --x "agents": not a parameter column of ` + results + " (swept there: ai_agents, ai_cost_decline)"},
		{sweep("--x", "labor_share", "--y", "labor_share", "-o", png), `invalid --x "labor_share": not a parameter column`},
		{sweep("--x", "workers", "--y", "labor_share", "-o", png), `invalid --x "workers": it has one value in`},
		{sweep("--x", "seed", "--y", "labor_share", "-o", png), "invalid --x seed: the seed differs between replicates"},
		{sweep("--x", "ai-agents", "--by", "ai-agents", "--y", "labor_share", "-o", png), `invalid --by "ai-agents": it is already --x`},
		{sweep("--x", "ai-agents", "--by", "sigma", "--y", "labor_share", "-o", png), `invalid --by "sigma": it has one value in`},
		{sweep("--x", "ai-agents", "--by", "sgima", "--y", "labor_share", "-o", png), `invalid --by "sgima": not a parameter column`},
		{sweep("--x", "ai-agents", "--y", "labour_share", "-o", png), `invalid --y "labour_share": not a metric column of a results file (metrics: step, year, gdp,`},
		{sweep("--x", "ai-agents", "--y", "labor_share,median_wage", "-o", png), `invalid --y "labor_share,median_wage": labor_share is in share of GDP but median_wage in output per year`},
		{sweep("--x", "ai-agents", "--y", "labor_share", "-o", png), "points 0 and 3 both have ai-agents = 1 but differ in ai-cost-decline: draw one line per value with --by ai-cost-decline"},
		{sweep("--x", "ai-agents", "--y", "labor_share", "-o", png, "--nope"), "unknown flag: --nope"},
	} {
		_, errs, code := runCmd(c.args...)
		if code != 2 || !strings.Contains(errs, c.msg) || strings.Count(errs, "\n") != 1 ||
			strings.Contains(errs, "panic") || strings.Contains(errs, "goroutine") {
			t.Errorf("%v: exit %d, stderr %q; want exit 2 and %q", c.args, code, errs, c.msg)
		}
	}
}

func TestPlotHelp(t *testing.T) {
	for _, c := range []struct {
		args  []string
		flags []string
	}{
		{[]string{"plot", "--help"}, []string{"plot run DIR", "plot sweep RESULTS.csv"}},
		{[]string{"plot", "run", "--help"}, []string{"--out-dir", "--format", "beveridge", "labor-share"}},
		{[]string{"plot", "sweep", "--help"}, []string{"--x", "--y", "--by", "--out", "--band", "95%"}},
		{[]string{"run", "--help"}, []string{"--plot"}},
		{[]string{"help"}, []string{"laborsim plot run DIR", "laborsim plot sweep"}},
	} {
		out, _, code := runCmd(c.args...)
		if code != 0 {
			t.Errorf("%v: exit %d", c.args, code)
		}
		for _, f := range c.flags {
			if !strings.Contains(out, f) {
				t.Errorf("%v does not explain %s", c.args, f)
			}
		}
	}
}
