package economy

import "math"

// AIPrice is law 2, the cost price of one AI agent-month after t years:
// p_A(t) = p0 · decline^(−t). decline = 10 is the essay's tenfold fall a
// year; decline = 1 holds the price fixed.
func AIPrice(p0, decline, years float64) float64 {
	if p0 == 0 {
		return 0
	}
	return p0 * math.Pow(decline, -years)
}

// AIFrontier is law 1, the share of tasks AI agents can perform:
// Φ_A = Φ_A0 + slope · log10(C/C0), clamped to [0, max]. logCompute is
// log10(C/C0), so C0 has log 0.
func AIFrontier(phi0, slope, logCompute, max float64) float64 {
	return math.Max(0, math.Min(max, phi0+slope*logCompute))
}

// ComputeStep advances effective compute one step in log10 units so that no
// cost decline (even 1000x a year for a century) overflows:
//
//	C' = C·(1−δ) + I/p_C,   p_C = decline^(−t) (compute is priced like AI use)
//
// logC is log10(C/C0), invest is I in C0-units at t = 0 prices, depr is δ
// per step.
func ComputeStep(logC, invest, depr, decline, years float64) float64 {
	kept := logC + math.Log10(1-depr)
	if invest <= 0 {
		return kept
	}
	added := math.Log10(invest) + years*math.Log10(decline)
	return logAdd10(kept, added)
}

// logAdd10 returns log10(10^a + 10^b) without overflow.
func logAdd10(a, b float64) float64 {
	if a < b {
		a, b = b, a
	}
	return a + math.Log10(1+math.Pow(10, b-a))
}
