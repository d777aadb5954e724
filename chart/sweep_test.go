package chart

import (
	"fmt"
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/laborsim/laborsim/economy"
	"github.com/laborsim/laborsim/experiments"
	"github.com/laborsim/laborsim/sim"
)

// testResults reads testdata/results.csv with the one results reader.
func testResults(t *testing.T) []experiments.Record {
	t.Helper()
	recs, notes, err := experiments.ReadResults("testdata/results.csv")
	if err != nil || len(notes) > 0 {
		t.Fatal(err, notes)
	}
	return recs
}

// TestSweepGolden pins the data of the agents chart: grouping by point,
// means, t intervals, log axes.
func TestSweepGolden(t *testing.T) {
	f, warnings, err := Sweep(testResults(t), SweepSpec{X: "ai-agents", Y: []string{"labor_share"}, By: "ai-cost-decline"})
	if err != nil || len(warnings) > 0 {
		t.Fatal(err, warnings)
	}
	golden(t, "sweep.golden", figuresText(t, f))
}

func TestSweepRender(t *testing.T) {
	r := testResults(t)
	dir := t.TempDir()
	for _, c := range []struct {
		name       string
		spec       SweepSpec
		logX, logY bool
	}{
		{"bars", SweepSpec{X: "ai-agents", Y: []string{"labor_share"}, By: "ai-cost-decline"}, true, false},
		{"band", SweepSpec{X: "ai-agents", Y: []string{"labor_share", "ai_share"}, By: "ai-cost-decline", Band: true}, true, false},
		{"logy", SweepSpec{X: "ai-agents", Y: []string{"ai_fleet"}, By: "ai-cost-decline"}, true, true},
		{"linear", SweepSpec{X: "ai-cost-decline", Y: []string{"wall_seconds"}, By: "ai-agents"}, false, false},
	} {
		f, _, err := Sweep(r, c.spec)
		if err != nil {
			t.Fatalf("%s: %v", c.name, err)
		}
		if p := f.Panels[0]; p.LogX != c.logX || p.LogY != c.logY {
			t.Errorf("%s: log x %t, log y %t; want %t, %t", c.name, p.LogX, p.LogY, c.logX, c.logY)
		}
		f.Name = "sweep-" + c.name
		for _, format := range Formats {
			checkFile(t, dir, f, format)
		}
	}
}

// TestEstimate checks a point's mean and interval: mean ± t·s/√n, and the
// value itself for a single replicate.
func TestEstimate(t *testing.T) {
	g := group{x: 7, recs: results(t, "0,0,1,10,11,1,1", "0,1,1,10,12,2,1", "0,2,1,10,13,3,1")}
	p, err := estimate(g, "labor_share")
	// t(0.975, 2) = 4.302652729911275; s = 1.
	half := 4.302652729911275 / math.Sqrt(3)
	if err != nil || p.X != 7 || math.Abs(p.Y-2) > 1e-12 || math.Abs(p.Lo-(2-half)) > 1e-9 || math.Abs(p.Hi-(2+half)) > 1e-9 {
		t.Errorf("estimate of 1, 2, 3 = %+v, %v; want 2 ± %v", p, err, half)
	}
	g.recs = g.recs[2:]
	if p, err := estimate(g, "labor_share"); err != nil || p.Y != 3 || p.Lo != 3 || p.Hi != 3 {
		t.Errorf("estimate of 3 = %+v, %v; want 3, 3, 3", p, err)
	}
}

// results makes the records of a small sweep from rows of point,
// replicate, ai-agents, ai-cost-decline, seed, labor_share and mean_wage;
// every other parameter has its default, every other metric is 0.
func results(t *testing.T, rows ...string) []experiments.Record {
	t.Helper()
	names := []string{"point", "replicate", "ai-agents", "ai-cost-decline", "seed", "labor_share", "mean_wage"}
	var recs []experiments.Record
	for _, row := range rows {
		rec := experiments.Record{Config: sim.DefaultConfig(), Final: make([]float64, len(economy.Columns))}
		for k, v := range strings.Split(row, ",") {
			var err error
			switch name := names[k]; {
			case name == "point":
				_, err = fmt.Sscan(v, &rec.Point)
			case name == "replicate":
				_, err = fmt.Sscan(v, &rec.Replicate)
			case experiments.IsParam(name):
				err = experiments.SetParam(&rec.Config, name, v)
			default:
				i := slices.IndexFunc(economy.Columns, func(c economy.Column) bool { return c.Name == name })
				_, err = fmt.Sscan(v, &rec.Final[i])
			}
			if err != nil {
				t.Fatalf("row %q, %s: %v", row, names[k], err)
			}
		}
		recs = append(recs, rec)
	}
	return recs
}

func TestSweepErrors(t *testing.T) {
	two := []string{"0,0,1,10,11,0.6,1", "0,1,1,10,12,0.62,1", "1,0,100,10,21,0.5,1", "1,1,100,10,22,0.52,1"}
	for _, c := range []struct {
		rows []string
		spec SweepSpec
		msg  string
	}{
		{nil, SweepSpec{X: "ai-agents", Y: []string{"labor_share"}}, "no runs in the file"},
		{two, SweepSpec{X: "nope", Y: []string{"labor_share"}}, `x "nope" is not a parameter column`},
		{two, SweepSpec{X: "ai-agents", Y: []string{"labor_share"}, By: "ai-agents"}, `by "ai-agents" is not a parameter column other than x`},
		{two, SweepSpec{X: "ai-agents", Y: []string{"labour_share"}}, `y "labour_share" is not a metric column`},
		{two, SweepSpec{X: "ai-agents", Y: []string{"ai-cost-decline"}}, `y "ai-cost-decline" is not a metric column`},
		{two, SweepSpec{X: "ai-agents", Y: []string{"labor_share", "mean_wage"}}, "labor_share is in share of GDP but mean_wage in output per year"},
		{two, SweepSpec{X: "seed", Y: []string{"labor_share"}}, "seed differs between the replicates of point 0 (11 in replicate 0, 12 in replicate 1)"},
		{append(two, "2,0,1,2,31,0.6,1"), SweepSpec{X: "ai-agents", Y: []string{"labor_share"}},
			"points 0 and 2 both have ai-agents = 1 but differ in ai-cost-decline: draw one line per value with --by ai-cost-decline"},
		{append(two, "2,0,1,10,31,0.6,1"), SweepSpec{X: "ai-agents", Y: []string{"labor_share"}}, "points 0 and 2 have the same parameters"},
		{append(two, "2,0,1000,10,31,NaN,1"), SweepSpec{X: "ai-agents", Y: []string{"labor_share"}}, "point 2 replicate 0: labor_share = NaN cannot be plotted"},
		{append(two, "2,0,1000,+Inf,31,0.5,1"), SweepSpec{X: "ai-cost-decline", Y: []string{"labor_share"}, By: "ai-agents"}, "point 2 replicate 0: ai-cost-decline = +Inf cannot be plotted"},
	} {
		_, _, err := Sweep(results(t, c.rows...), c.spec)
		if err == nil || !strings.Contains(err.Error(), c.msg) {
			t.Errorf("%+v: error %v, want %q", c.spec, err, c.msg)
		}
	}
}

func TestSweepWarnsSingleReplicate(t *testing.T) {
	r := results(t, "0,0,1,10,11,0.6,1", "0,1,1,10,12,0.62,1", "1,0,100,10,21,0.5,1")
	f, warnings, err := Sweep(r, SweepSpec{X: "ai-agents", Y: []string{"labor_share"}})
	if err != nil {
		t.Fatal(err)
	}
	if len(warnings) != 1 || !strings.Contains(warnings[0].Error(), "1 of 2 points have a single replicate") {
		t.Errorf("warnings %v, want one about a single replicate", warnings)
	}
	pts := f.Panels[0].Lines[0].Points
	if len(pts) != 2 || pts[1] != (Point{X: 100, Y: 0.5, Lo: 0.5, Hi: 0.5}) {
		t.Errorf("points %v", pts)
	}
	if !strings.Contains(f.Subtitle, "over 1–2 replicates") {
		t.Errorf("subtitle %q does not give the replicates", f.Subtitle)
	}
}
