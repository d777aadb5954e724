package economy

import "math"

// CES is the task aggregator of Acemoglu & Restrepo (2018) written as a
// weighted power mean:
//
//	X = [Σ_k w_k (x_k/w_k)^ρ]^(1/ρ),  ρ = (σ-1)/σ,  Σ_k w_k = 1,
//
// which equals A-less form [Σ w_k^(1/σ) x_k^ρ]^(1/ρ). At σ = 1 it is the
// Cobb-Douglas limit Π (x_k/w_k)^w_k. The ratio r_k = x_k/w_k (input per unit
// of task measure) is what the functions below take.
type CES struct {
	Sigma float64 // elasticity of substitution between tasks, > 0
	Rho   float64 // (σ-1)/σ
}

// NewCES returns the aggregator for elasticity sigma.
func NewCES(sigma float64) CES {
	return CES{Sigma: sigma, Rho: (sigma - 1) / sigma}
}

// cobbDouglas reports whether σ is 1 to within rounding.
func (c CES) cobbDouglas() bool { return math.Abs(c.Rho) < 1e-9 }

// Term is one task part's contribution w·r^ρ (or w·ln r at σ = 1) to the
// aggregator's sum. ok is false when the part has positive weight, no input
// and σ <= 1, which makes the whole aggregate zero (every task is essential).
func (c CES) Term(w, r float64) (term float64, ok bool) {
	if w <= 0 {
		return 0, true
	}
	if r <= 0 {
		return 0, c.Rho > 0 && !c.cobbDouglas()
	}
	switch {
	case c.cobbDouglas():
		return w * math.Log(r), true
	case c.Rho == -1:
		return w / r, true
	default:
		return w * math.Pow(r, c.Rho), true
	}
}

// Mean turns the sum of Terms into X. zero reports that an essential part
// was empty.
func (c CES) Mean(sum float64, zero bool) float64 {
	if zero {
		return 0
	}
	switch {
	case c.cobbDouglas():
		return math.Exp(sum)
	case sum <= 0:
		return 0
	case c.Rho == -1:
		return 1 / sum
	default:
		return math.Pow(sum, 1/c.Rho)
	}
}

// Marginal is the marginal product of an input in a part with ratio r when
// output is Y = A·X: ∂Y/∂x = A (X/r)^(1/σ).
func (c CES) Marginal(a, x, r float64) float64 {
	if x <= 0 || r <= 0 {
		return 0
	}
	if c.Sigma == 0.5 {
		q := x / r
		return a * q * q
	}
	return a * math.Pow(x/r, 1/c.Sigma)
}

// Allocate splits a firm's AI units ai and human units h optimally over its
// AI-capable block (measure b.AI) and human-only block (b.Human), returning
// the ratio of input to task measure in each. This is the competitive
// allocation of the task model: AI takes the capable tasks first (region 1
// of Korinek & Suh, while ai/Ω_A ≥ h/Ω_H the two ratios differ and w > R);
// when AI is too scarce for that, humans join it in the capable tasks and
// both blocks get the same ratio (region 2, w = R). AI units are wasted when
// there are no capable tasks.
func Allocate(b Blocks, ai, h float64) (rAI, rHuman float64) {
	switch {
	case b.AI <= 0 && b.Human <= 0:
		return 0, 0
	case b.AI <= 0:
		return 0, h / b.Human
	case b.Human <= 0:
		return (ai + h) / b.AI, 0
	case ai*b.Human >= h*b.AI:
		return ai / b.AI, h / b.Human
	}
	r := (ai + h) / (b.AI + b.Human)
	return r, r
}

// Index is the output index X of a firm with traditional capital kT, AI
// units ai and human units h allocated by Allocate, and the block ratios.
func (c CES) Index(b Blocks, kT, ai, h float64) (x, rAI, rHuman float64) {
	rAI, rHuman = Allocate(b, ai, h)
	sum, zero := 0.0, false
	for _, p := range [3][2]float64{{b.Trad, ratio(kT, b.Trad)}, {b.AI, rAI}, {b.Human, rHuman}} {
		t, ok := c.Term(p[0], p[1])
		sum += t
		zero = zero || !ok
	}
	return c.Mean(sum, zero), rAI, rHuman
}

func ratio(x, w float64) float64 {
	if w <= 0 {
		return 0
	}
	return x / w
}

// Pow is math.Pow(x, y) with the exponents y = −1 and y = 2 — 1/ρ and 1/σ
// at the default σ = 0.5 — done by one division or one multiplication.
// For x of moderate magnitude that is the very number math.Pow returns:
// it rounds the same operation on x's mantissa once and scales the result
// by a power of two, exactly. Other exponents and magnitudes go to
// math.Pow.
func Pow(x, y float64) float64 {
	if a := math.Abs(x); a > 0x1p-500 && a < 0x1p500 {
		switch y {
		case -1:
			return 1 / x
		case 2:
			return x * x
		}
	}
	return math.Pow(x, y)
}
