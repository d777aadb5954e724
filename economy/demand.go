package economy

import "math"

// Plan is a firm's cost-minimising input plan for one step, expressed as
// ratios of input to task measure (r = x/w) in each block, plus its output
// index X (Y = A·X).
type Plan struct {
	X      float64 // target output index
	Human  float64 // ratio in human-only tasks
	AI     float64 // ratio in AI-capable tasks (AI units if UseAI, else humans)
	UseAI  bool    // AI agents are cheaper than humans per efficiency unit
	Scaled bool    // false when the scale is indeterminate (no fixed factor) or unbounded; then X = 1
}

// Demand solves the firm's problem with its traditional capital kT fixed:
// choose variable inputs so that each one's marginal product
// A(X/r_k)^(1/σ) equals its unit cost c_k. That gives r_k = X (A/c_k)^σ and,
// substituting into the aggregator,
//
//	X^ρ (1 − Q) = Ω_T r_T^ρ,   Q = Σ_k Ω_k (A/c_k)^(σ−1),   r_T = kT/Ω_T.
//
// cHuman is the wage per efficiency unit, cAI the AI price per efficiency
// unit. When Q ≥ 1 with σ < 1 no output covers its cost and X = 0. When
// there is no traditional capital, or σ > 1 and Q ≥ 1, the scale is not pinned
// down and the plan is returned for X = 1 with Scaled false.
func (c CES) Demand(a, kT float64, b Blocks, cHuman, cAI float64) Plan {
	cHuman = math.Max(cHuman, 1e-300)
	p := Plan{UseAI: b.AI > 0 && cAI < cHuman}
	cA := cHuman
	if p.UseAI {
		cA = cAI
	}
	p.X, p.Scaled = c.scale(a, kT, b, cHuman, cA)
	p.Human = p.X * math.Pow(a/cHuman, c.Sigma)
	if cA <= 0 {
		p.AI = math.Inf(1)
	} else {
		p.AI = p.X * math.Pow(a/cA, c.Sigma)
	}
	return p
}

// scale returns the target output index X.
func (c CES) scale(a, kT float64, b Blocks, cH, cA float64) (float64, bool) {
	if b.Trad <= 0 || kT <= 0 {
		return 1, false
	}
	rT := kT / b.Trad
	if c.cobbDouglas() {
		lnX := b.Human*math.Log(a/cH) + b.AI*logRatio(a, cA)
		return rT * math.Exp(lnX/b.Trad), true
	}
	q := b.Human*math.Pow(a/cH, c.Sigma-1) + b.AI*powRatio(a, cA, c.Sigma-1)
	if q >= 1 {
		if c.Rho < 0 {
			return 0, true
		}
		return 1, false
	}
	return rT * Pow(b.Trad/(1-q), 1/c.Rho), true
}

// logRatio is ln(a/c), +Inf at c = 0.
func logRatio(a, c float64) float64 {
	if c <= 0 {
		return math.Inf(1)
	}
	return math.Log(a / c)
}

// powRatio is (a/c)^e with (a/0)^e = 0 for e < 0.
func powRatio(a, c, e float64) float64 {
	if c <= 0 {
		if e < 0 {
			return 0
		}
		return math.Inf(1)
	}
	return math.Pow(a/c, e)
}
