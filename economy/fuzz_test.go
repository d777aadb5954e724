package economy

import (
	"math"
	"testing"
)

func finite(x float64) bool { return !math.IsNaN(x) && !math.IsInf(x, 0) }

// FuzzGini: any finite sample gives a finite Gini in [-1, 1] with
// non-negative values in [0, 1).
func FuzzGini(f *testing.F) {
	f.Add(0.0, 0.0, 0.0, 1)
	f.Add(1.0, 2.0, 3.0, 3)
	f.Add(-5.0, 1e300, 1e-300, 2)
	f.Fuzz(func(t *testing.T, a, b, c float64, n int) {
		if !finite(a) || !finite(b) || !finite(c) || math.Abs(a)+math.Abs(b)+math.Abs(c) > 1e300 {
			return
		}
		n = n % 1000
		if n < 0 {
			n = -n
		}
		x := make([]float64, 0, n)
		for i := range n {
			x = append(x, []float64{a, b, c}[i%3])
		}
		nonneg := a >= 0 && b >= 0 && c >= 0
		g := Gini(x)
		if !finite(g) || (nonneg && (g < 0 || g >= 1)) {
			t.Fatalf("Gini of %d values from %v %v %v = %v", n, a, b, c, g)
		}
	})
}

// FuzzIndex: production, allocation and marginal products are finite and
// non-negative for any non-negative inputs and σ in the accepted range.
func FuzzIndex(f *testing.F) {
	f.Add(0.5, 0.6, 0.3, 4.6, 1.0, 1.0)
	f.Add(1.0, 0.0, 0.5, 0.0, 0.0, 0.0)
	f.Add(100.0, 0.9, 0.1, 1e9, 1e-9, 3.0)
	f.Add(0.01, 0.2, 0.0, 1.0, 0.0, 1.0)
	f.Fuzz(func(t *testing.T, sigma, trad, ai, k, kAI, h float64) {
		if !(sigma > 0 && sigma <= 100) || !(trad >= 0 && trad < 1) || !(ai >= 0 && ai <= 1-trad) {
			return
		}
		for _, v := range []float64{k, kAI, h} {
			if !(v >= 0 && v < 1e12) {
				return
			}
		}
		c := NewCES(sigma)
		b := Blocks{Trad: trad, AI: ai, Human: 1 - trad - ai}
		x, rA, rH := c.Index(b, k, kAI, h)
		mpA, mpH := c.Marginal(1, x, rA), c.Marginal(1, x, rH)
		for _, v := range []float64{x, rA, rH, mpA, mpH} {
			if math.IsNaN(v) || v < 0 {
				t.Fatalf("σ=%v blocks %+v inputs %v %v %v: %v %v %v %v %v", sigma, b, k, kAI, h, x, rA, rH, mpA, mpH)
			}
		}
		p := c.Demand(0.5, k, b, h+1e-3, kAI)
		if math.IsNaN(p.X) || math.IsNaN(p.Human) || math.IsNaN(p.AI) || p.X < 0 {
			t.Fatalf("σ=%v blocks %+v: plan %+v", sigma, b, p)
		}
	})
}
