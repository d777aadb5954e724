package chart

import (
	"math"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/laborsim/laborsim/experiments"
	"github.com/laborsim/laborsim/sim"
)

// testSensitivity is a Morris analysis of three parameters and a Sobol one
// of the same, with made-up indices.
func testSensitivity(t *testing.T) (morris, sobol experiments.Sensitivity) {
	t.Helper()
	var axes []experiments.Axis
	for _, v := range []string{"sigma=0.3:1.5", "ai-cost-decline=2..40", "labor-tax=0:0.4"} {
		ax, err := experiments.ParseVary(v, "--vary "+v)
		if err != nil {
			t.Fatal(err)
		}
		axes = append(axes, ax)
	}
	rs, err := experiments.DesignRanges(axes)
	if err != nil {
		t.Fatal(err)
	}
	a := experiments.Analysis{Method: experiments.MethodMorris, Ranges: rs, Trajectories: 10, Levels: 4, Bootstrap: 100}
	morris = experiments.Sensitivity{Analysis: a, Metric: "labor_share", Points: 40, Replicates: 2, Runs: 80, Noise: 0.001, Floor: 0.0017,
		Morris: []experiments.MorrisIndex{{MuStar: 0.05, Mu: -0.05, Sigma: 0.01, MuStarLo: 0.04, MuStarHi: 0.06},
			{MuStar: 0.2, Mu: -0.18, Sigma: 0.05, MuStarLo: 0.15, MuStarHi: 0.24},
			{MuStar: 0.001, Mu: 0, Sigma: 0.002, MuStarLo: 0, MuStarHi: 0.003}}}
	a.Method, a.Samples = experiments.MethodSobol, 64
	sobol = experiments.Sensitivity{Analysis: a, Metric: "labor_share", Points: 320, Replicates: 1, Runs: 320, Noise: math.NaN(), Floor: math.NaN(),
		Sobol: []experiments.SobolIndex{{S1: 0.3, S1Lo: 0.2, S1Hi: 0.4, ST: 0.35, STLo: 0.3, STHi: 0.42},
			{S1: 0.6, S1Lo: 0.5, S1Hi: 0.7, ST: 0.62, STLo: 0.55, STHi: 0.7},
			{S1: -0.01, S1Lo: -0.05, S1Hi: 0.03, ST: 0, STLo: 0, STHi: 0}}}
	return morris, sobol
}

// TestSensitivityChart pins the data of both kinds of sensitivity chart:
// parameters ranked by μ* or ST, one bar line per index with its
// interval; and renders them.
func TestSensitivityChart(t *testing.T) {
	m, s := testSensitivity(t)
	base := sim.DefaultConfig()
	base.Workers = 2000
	fm, err := Sensitivity([]experiments.Sensitivity{m}, base)
	if err != nil {
		t.Fatal(err)
	}
	u := s
	u.Metric = "unemployment_rate"
	fs, err := Sensitivity([]experiments.Sensitivity{s, u}, base)
	if err != nil {
		t.Fatal(err)
	}
	if got := fm.Panels[0].Categories; strings.Join(got, " ") != "ai_cost_decline=2..40 sigma=0.3:1.5 labor_tax=0:0.4" {
		t.Errorf("Morris ranking %q", got)
	}
	if len(fs.Panels) != 2 || len(fs.Panels[0].Lines) != 2 || fs.Panels[0].Lines[1].Points[0].Y != 0.62 {
		t.Errorf("Sobol panels %+v", fs.Panels)
	}
	golden(t, "sensitivity.golden", figuresText(t, fm, fs))
	dir := t.TempDir()
	fs.Name = "sensitivity-sobol"
	for _, f := range []Figure{fm, fs} {
		for _, format := range Formats {
			checkFile(t, dir, f, format)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, "sensitivity.png")); err != nil {
		t.Error(err)
	}
	if _, err := Sensitivity(nil, base); err == nil {
		t.Error("a chart of no metrics")
	}
}

// TestBarsRefuse: a bar outside the categories, or a line that is not
// bars, is an error, not a panic.
func TestBarsRefuse(t *testing.T) {
	for _, l := range []Line{
		{Kind: Bars, Points: []Point{{X: 3, Y: 1}}},
		{Kind: Bars, Points: []Point{{X: 0.5, Y: 1}}},
		{Kind: Bars, Points: []Point{{X: 0, Y: math.NaN()}}},
		{Kind: Lines, Points: []Point{{X: 0, Y: 1}}},
	} {
		f := Figure{Name: "x", Panels: []Panel{{Categories: []string{"a", "b"}, Lines: []Line{l}}}}
		if _, err := Render(f, "png"); err == nil {
			t.Errorf("%+v: no error", l)
		}
	}
}
