package experiments

import (
	"fmt"
	"math"
	"strconv"
	"strings"
)

// A --vary value may be a linear range as well as a list or a log range:
//
//	LO:HI:STEP  a grid's values LO, LO+STEP, LO+2·STEP, … up to HI
//	LO:HI       a span that a design samples (--design lhs, laborsim
//	            sensitivity), with no values of its own
//
// A grid refuses a span, and a design refuses a list or a stepped range.

// stepTol is how near a whole number of steps HI must be to be a value
// of LO:HI:STEP, as a fraction of a step: 0:0.3:0.1 ends at 0.3 though
// 0.3/0.1 is 2.9999999999999996 in floating point.
const stepTol = 1e-9

// LinearRange returns lo + k·step for k = 0, 1, … while the value does
// not pass hi: it includes hi when (hi − lo)/step is within 1e-9 of a
// whole number, and otherwise stops at the last value short of hi (as R's
// seq(lo, hi, by = step) does). Each value is rounded to 12 significant
// digits, so that 0:0.3:0.1 gives 0, 0.1, 0.2, 0.3 and not
// 0.30000000000000004, and a value within 1e-9 steps of 0 is 0. step
// may be negative to count down from lo to hi < lo. It refuses a step of
// 0, a step whose sign leads away from hi, numbers that are not finite,
// and a range of more than limit values, before making any.
func LinearRange(lo, hi, step float64, limit int) ([]float64, error) {
	switch {
	case math.IsNaN(lo) || math.IsInf(lo, 0) || math.IsNaN(hi) || math.IsInf(hi, 0) || math.IsNaN(step) || math.IsInf(step, 0):
		return nil, fmt.Errorf("LO, HI and STEP must be finite numbers")
	case step == 0:
		return nil, fmt.Errorf("the step is 0")
	case hi > lo && step < 0:
		return nil, fmt.Errorf("the step %s is negative but HI > LO: it never reaches HI (count up with a positive step)", FormatNumber(step))
	case hi < lo && step > 0:
		return nil, fmt.Errorf("the step %s is positive but HI < LO: it never reaches HI (count down with a negative step)", FormatNumber(step))
	}
	q := (hi - lo) / step // >= 0
	if q+1 > float64(limit) {
		return nil, fmt.Errorf("it would have %.6g values, more than the %d a sweep may have", math.Floor(q+stepTol)+1, limit)
	}
	n := int(math.Floor(q+stepTol)) + 1
	out := make([]float64, n)
	for k := range out {
		x := lo + float64(k)*step
		switch {
		case k == n-1 && math.Abs(q-float64(k)) <= stepTol:
			x = hi
		case math.Abs(x) <= stepTol*math.Abs(step):
			x = 0
		}
		out[k] = round12(x)
	}
	return out, nil
}

func round12(x float64) float64 {
	y, _ := strconv.ParseFloat(strconv.FormatFloat(x, 'g', 12, 64), 64)
	return y
}

// isLinear reports whether a values spec is a linear range or a span
// (it has a ':'; no parameter's value does).
func isLinear(spec string) bool { return strings.Contains(spec, ":") }

// linearParts splits LO:HI or LO:HI:STEP into numbers; step is 0 for a
// span.
func linearParts(name, spec string) (lo, hi, step float64, span bool, err error) {
	parts := strings.Split(spec, ":")
	if len(parts) < 2 || len(parts) > 3 {
		return 0, 0, 0, false, fmt.Errorf("%s: range %s: want LO:HI:STEP (a linear grid) or LO:HI (a span for a design)", name, spec)
	}
	var x [3]float64
	for i, p := range parts {
		v, perr := strconv.ParseFloat(strings.TrimSpace(p), 64)
		if perr != nil {
			return 0, 0, 0, false, fmt.Errorf("%s: range %s: %q is not a number", name, spec, strings.TrimSpace(p))
		}
		x[i] = v
	}
	return x[0], x[1], x[2], len(parts) == 2, nil
}

// expandLinear turns LO:HI:STEP into canonical values of the parameter
// name; a span LO:HI has no values.
func expandLinear(name, spec string) ([]string, error) {
	lo, hi, step, span, err := linearParts(name, spec)
	switch {
	case err != nil:
		return nil, err
	case span:
		return nil, fmt.Errorf("%s: range %s has no step: a grid needs LO:HI:STEP (LO:HI is a span, for --design lhs and laborsim sensitivity)", name, spec)
	}
	xs, err := LinearRange(lo, hi, step, MaxPoints)
	if err != nil {
		return nil, fmt.Errorf("%s: range %s: %w", name, spec, err)
	}
	out := make([]string, len(xs))
	for i, x := range xs {
		if out[i], err = canonical(name, FormatNumber(x)); err != nil {
			return nil, err
		}
	}
	return out, nil
}

// checkValues checks an axis's values as a scenario file gives them,
// before the command line says whether they make a grid or a design: a
// span LO:HI must have numbers, anything else must expand as a grid.
func (ax Axis) checkValues() error {
	spans := false
	for j, spec := range ax.Specs {
		if lo, hi, _, span, err := linearParts(ax.Names[j], spec); isLinear(spec) && span {
			spans = true
			if err == nil {
				_, err = newRange(ax.Names[j], lo, hi, false)
			}
			if err != nil {
				return fmt.Errorf("%s: %w", ax.Source, err)
			}
		}
	}
	if spans {
		return nil
	}
	_, err := ax.expand(DefaultPerDecade)
	return err
}
