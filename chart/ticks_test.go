package chart

import (
	"math"
	"testing"

	"gonum.org/v1/plot"
)

// TestTicksAnyRange: the tick markers end and do not panic on any range —
// one value, magnitudes near 2^53 and 2^63 where a year's step is below
// the floats' resolution, the largest floats, NaN and infinities — and
// give a bounded number of ticks (maxTicks+1 on a linear axis, one per
// power of ten of the floats' range on a log axis), increasing, within the
// range. (Years near
// 2^53 made linearTicks loop until memory ran out; one year near 2^63
// made plot.DefaultTicks panic.)
func TestTicksAnyRange(t *testing.T) {
	const p53, p63 = 1 << 53, 1 << 63
	markers := map[string]plot.Ticker{"linear": linearTicks{}, "year": linearTicks{minStep: 1}, "log": logTicks{}}
	for _, c := range []struct{ lo, hi float64 }{
		{p53, p53 + 2}, {p53, p53 + 10}, {p53 + 0.5, p53 + 1},
		{p63, p63}, {p63 - 4096, p63}, {-p63, p63},
		{math.MaxFloat64 / 2, math.MaxFloat64}, {-math.MaxFloat64, math.MaxFloat64},
		{0, 5e-324}, {1, math.Nextafter(1, 2)}, {2025, 2025}, {-400, 308},
		{math.NaN(), 1}, {0, math.Inf(1)}, {math.Inf(-1), 0},
	} {
		for name, m := range markers {
			ticks := m.Ticks(c.lo, c.hi)
			if limit := map[string]int{"log": 634}[name]; len(ticks) > max(limit, maxTicks+1) {
				t.Errorf("%s ticks(%g, %g): %d ticks", name, c.lo, c.hi, len(ticks))
			}
			for i, tk := range ticks {
				if tk.Value < c.lo || tk.Value > c.hi || i > 0 && !(tk.Value > ticks[i-1].Value) {
					t.Errorf("%s ticks(%g, %g): tick %d at %g, after %g", name, c.lo, c.hi, i, tk.Value, ticks[max(i-1, 0)].Value)
					break
				}
			}
		}
	}
}

// TestRunFiguresHugeYears renders every chart of a run whose years are
// near 2^53 and 2^63, as a series.csv can hold.
func TestRunFiguresHugeYears(t *testing.T) {
	for _, start := range []float64{1 << 53, 1 << 63, -(1 << 63)} {
		s := testSeries(t)
		years := s.columns["year"]
		for i := range years {
			years[i] = start + years[i] - 2025
		}
		figs, err := RunFigures(s)
		if err != nil {
			t.Fatal(err)
		}
		for _, f := range figs {
			for _, format := range Formats {
				if _, err := Render(f, format); err != nil {
					t.Errorf("start %g: %s.%s: %v", start, f.Name, format, err)
				}
			}
		}
	}
}
