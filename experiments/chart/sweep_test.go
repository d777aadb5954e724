package chart

import (
	"math"
	"os"
	"strings"
	"testing"
)

func testResults(t *testing.T) *Results {
	t.Helper()
	f, err := os.Open("testdata/results.csv")
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	r, err := ReadResults(f)
	if err != nil {
		t.Fatal(err)
	}
	return r
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
		{"logy", SweepSpec{X: "ai-agents", Y: []string{"ai_agents_deployed"}, By: "ai-cost-decline"}, true, true},
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

func TestInterval(t *testing.T) {
	lo, mean, hi := interval([]float64{1, 2, 3})
	// t(0.975, 2) = 4.302652729911275; s = 1.
	half := 4.302652729911275 / math.Sqrt(3)
	if math.Abs(mean-2) > 1e-12 || math.Abs(lo-(2-half)) > 1e-9 || math.Abs(hi-(2+half)) > 1e-9 {
		t.Errorf("interval(1,2,3) = %v, %v, %v; want 2 ± %v", lo, mean, hi, half)
	}
	if lo, mean, hi := interval([]float64{5}); lo != 5 || mean != 5 || hi != 5 {
		t.Errorf("interval(5) = %v, %v, %v; want 5, 5, 5", lo, mean, hi)
	}
}

// results makes a small results file: point, replicate, two parameters,
// the seed and a metric.
func results(t *testing.T, rows ...string) *Results {
	t.Helper()
	text := "point,replicate,ai-agents,ai-cost-decline,seed,labor_share,mean_wage\n" + strings.Join(rows, "\n") + "\n"
	r, err := ReadResults(strings.NewReader(text))
	if err != nil {
		t.Fatal(err)
	}
	return r
}

func TestSweepErrors(t *testing.T) {
	two := []string{"0,0,1,10,11,0.6,1", "0,1,1,10,12,0.62,1", "1,0,100,10,21,0.5,1", "1,1,100,10,22,0.52,1"}
	for _, c := range []struct {
		rows []string
		spec SweepSpec
		msg  string
	}{
		{two, SweepSpec{X: "nope", Y: []string{"labor_share"}}, `x "nope" is not a parameter column`},
		{two, SweepSpec{X: "ai-agents", Y: []string{"labor_share"}, By: "ai-agents"}, `by "ai-agents" is not a parameter column other than x`},
		{two, SweepSpec{X: "ai-agents", Y: []string{"gdp"}}, `y "gdp" is not a metric column`},
		{two, SweepSpec{X: "ai-agents", Y: []string{"ai-cost-decline"}}, `y "ai-cost-decline" is not a metric column`},
		{two, SweepSpec{X: "ai-agents", Y: []string{"labor_share", "mean_wage"}}, "labor_share is in share of GDP but mean_wage in output per month"},
		{two, SweepSpec{X: "seed", Y: []string{"labor_share"}}, "seed differs between the replicates of point 0 (11 at line 2, 12 at line 3)"},
		{append(two, "2,0,1,2,31,0.6,1"), SweepSpec{X: "ai-agents", Y: []string{"labor_share"}},
			"points 0 and 2 both have ai-agents = 1 but differ in ai-cost-decline: draw one line per value with --by ai-cost-decline"},
		{append(two, "2,0,1,10,31,0.6,1"), SweepSpec{X: "ai-agents", Y: []string{"labor_share"}}, "points 0 and 2 have the same parameters"},
		{append(two, "2,0,1000,10,31,x,1"), SweepSpec{X: "ai-agents", Y: []string{"labor_share"}}, `line 6, column labor_share: "x" is not a number`},
		{append(two, "2,0,1000,10,31,NaN,1"), SweepSpec{X: "ai-agents", Y: []string{"labor_share"}}, "line 6, column labor_share: NaN cannot be plotted"},
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
