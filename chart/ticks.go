package chart

import (
	"math"
	"strconv"
	"strings"

	"gonum.org/v1/plot"
)

// logTicks marks an axis that plots log10 of the data (see newPlot: the
// data are transformed rather than the axis scaled, because gonum/plot
// sizes a log axis's label from the arithmetic midpoint of its range and
// leaves a wide gap above short panels). It labels each power of ten with
// its value, with unlabelled ticks at 2..9 times it when the axis spans
// few enough decades to show them; when fewer than two powers of ten fall
// in range it labels 2 and 5 times them as well, so a short axis still
// reads. min and max are log10 values.
type logTicks struct{}

func (logTicks) Ticks(min, max float64) []plot.Tick {
	if !finite(min) || !finite(max) {
		return nil
	}
	const eps = 1e-9
	// Floats span 10^-324 to 10^308: clamping there bounds the loops.
	lo, hi := math.Floor(math.Max(min, -325)+eps), math.Ceil(math.Min(max, 309)-eps)
	minors := hi-lo <= 6
	var labelled int
	for e := lo; e <= hi; e++ {
		if e >= min-eps && e <= max+eps {
			labelled++
		}
	}
	var ticks []plot.Tick
	for e := lo; e <= hi; e++ {
		for k := 1; k < 10; k++ {
			v := float64(k) * math.Pow(10, e)
			at := math.Log10(v)
			if at < min-eps || at > max+eps || len(ticks) > 0 && at <= ticks[len(ticks)-1].Value {
				continue // out of range, or a subnormal rounded onto the last tick
			}
			switch {
			case k == 1 || labelled < 2 && (k == 2 || k == 5):
				ticks = append(ticks, plot.Tick{Value: at, Label: tickLabel(v)})
			case minors:
				ticks = append(ticks, plot.Tick{Value: at})
			}
		}
	}
	return ticks
}

// tickLabel writes a tick value briefly: 1k, 10k, 1M for large numbers,
// 0.001 to 1000 as decimals, 1e-9 for small ones.
func tickLabel(v float64) string {
	a := math.Abs(v)
	switch {
	case a >= 1e9:
		return trim(v/1e9) + "G"
	case a >= 1e6:
		return trim(v/1e6) + "M"
	case a >= 1e4:
		return trim(v/1e3) + "k"
	case a >= 1e-3 || a == 0:
		return trim(v)
	}
	m, e, _ := strings.Cut(strconv.FormatFloat(v, 'e', -1, 64), "e") // 1e-09
	return m + "e" + strings.Replace(e, "-0", "-", 1)
}

func trim(v float64) string { return strconv.FormatFloat(v, 'g', 6, 64) }

// linearTicks labels a linear axis at a round step (1, 2 or 5 times a
// power of ten, and at least minStep) that gives five to ten labels, with an
// unlabelled tick halfway between.
type linearTicks struct{ minStep float64 }

func (t linearTicks) Ticks(lo, hi float64) []plot.Tick {
	switch {
	case !finite(lo) || !finite(hi):
		return nil
	case !(hi > lo): // one value: plot.DefaultTicks would panic
		return []plot.Tick{{Value: lo, Label: tickLabel(lo)}}
	}
	step := max(niceStep((hi-lo)/10), t.minStep)
	if !(step > 0) {
		return []plot.Tick{{Value: lo, Label: tickLabel(lo)}, {Value: hi, Label: tickLabel(hi)}}
	}
	label := decimals(step, max(math.Abs(lo), math.Abs(hi)))
	var ticks []plot.Tick
	// k counts half steps. Near 2^53 and beyond, k+1 can round to k and
	// neighbouring half steps to one value: the loop counts ticks, not k,
	// and drops repeats, so it ends whatever the magnitude.
	first, last := math.Ceil(lo/step*2), math.Floor(hi/step*2)
	for i := 0; i <= maxTicks && first+float64(i) <= last; i++ {
		k := first + float64(i)
		v := k * (step / 2)
		if v == 0 {
			v = 0 // not -0
		}
		if v < lo || v > hi || len(ticks) > 0 && v <= ticks[len(ticks)-1].Value {
			continue // rounded out of range, or onto the last tick
		}
		t := plot.Tick{Value: v}
		if math.Mod(k, 2) == 0 {
			t.Label = label(v)
		}
		ticks = append(ticks, t)
	}
	return ticks
}

// maxTicks bounds the ticks of a linear axis; a round step gives at most
// about twenty.
const maxTicks = 100

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// decimals formats the labels of a linear axis alike: with as many decimals
// as the step needs, in thousands (k) or millions (M) when the numbers are
// large and the step is round in those units.
func decimals(step, largest float64) func(float64) string {
	unit, suffix := 1.0, ""
	switch {
	case largest >= 1e7 && step >= 1e6:
		unit, suffix = 1e6, "M"
	case largest >= 1e4 && step >= 1e3:
		unit, suffix = 1e3, "k"
	}
	prec := int(max(0, -math.Floor(math.Log10(step/unit)+1e-9)))
	return func(v float64) string {
		if v == 0 {
			return "0"
		}
		return strconv.FormatFloat(v/unit, 'f', prec, 64) + suffix
	}
}

// niceStep is the smallest of 1, 2 and 5 times a power of ten that is at
// least x.
func niceStep(x float64) float64 {
	p := math.Pow(10, math.Floor(math.Log10(x)))
	for _, m := range []float64{1, 2, 5} {
		if m*p >= x*(1-1e-9) {
			return m * p
		}
	}
	return 10 * p
}
