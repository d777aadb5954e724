package chart

import (
	"bytes"
	"math"
	"strings"
	"testing"
)

// TestDeterministic renders the same figure twice: the bytes must agree.
// gonum/plot writes SVG in drawing order and embeds no time or random ids.
func TestDeterministic(t *testing.T) {
	f, _, err := Sweep(testResults(t), SweepSpec{X: "ai-agents", Y: []string{"labor_share"}, By: "ai-cost-decline", Band: true})
	if err != nil {
		t.Fatal(err)
	}
	figs, err := RunFigures(testSeries(t))
	if err != nil {
		t.Fatal(err)
	}
	for _, fig := range []Figure{f, figs[len(figs)-1]} {
		for _, format := range Formats {
			a, err1 := Render(fig, format)
			b, err2 := Render(fig, format)
			if err1 != nil || err2 != nil || !bytes.Equal(a, b) {
				t.Errorf("%s.%s: two renders differ (%v, %v)", fig.Name, format, err1, err2)
			}
		}
	}
}

func TestTicks(t *testing.T) {
	labels := func(ticks []string) string { return strings.Join(ticks, " ") }
	for _, c := range []struct {
		lo, hi float64
		log    bool
		want   string
	}{
		{0, 6, true, "1 10 100 1000 10k 100k 1M"},
		{math.Log10(0.15), math.Log10(0.8), true, "0.2 0.5"},
		{-9, 1, true, "1e-9 1e-8 1e-7 1e-6 1e-5 1e-4 0.001 0.01 0.1 1 10"},
		{0, 0.78, false, "0 0.1 0.2 0.3 0.4 0.5 0.6 0.7"},
		{2025.08, 2035, false, "2026 2027 2028 2029 2030 2031 2032 2033 2034 2035"},
		{0, 10000, false, "0 1k 2k 3k 4k 5k 6k 7k 8k 9k 10k"},
	} {
		var got []string
		ticks := linearTicks{}.Ticks(c.lo, c.hi)
		if c.log {
			ticks = logTicks{}.Ticks(c.lo, c.hi)
		}
		for _, tk := range ticks {
			if tk.Label != "" {
				got = append(got, tk.Label)
			}
		}
		if labels(got) != c.want {
			t.Errorf("ticks(%g, %g, log %t) = %q, want %q", c.lo, c.hi, c.log, labels(got), c.want)
		}
	}
}

func TestRenderRefusesBadInput(t *testing.T) {
	f := Figure{Name: "x", Panels: []Panel{{LogY: true, Lines: []Line{{Name: "zero", Points: []Point{{X: 1, Y: 0}}}}}}}
	if _, err := Render(f, "png"); err == nil || !strings.Contains(err.Error(), "cannot be shown on a log axis") {
		t.Errorf("log axis with 0: %v", err)
	}
	if _, err := Render(f, "pdf"); err == nil || !strings.Contains(err.Error(), `unknown chart format "pdf"`) {
		t.Errorf("pdf: %v", err)
	}
	if _, err := Render(Figure{Name: "empty"}, "svg"); err == nil {
		t.Error("figure without panels: no error")
	}
}
