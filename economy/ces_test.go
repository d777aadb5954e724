package economy

import (
	"math"
	"math/rand/v2"
	"testing"
)

// TestPowIsMathPow checks that Pow's shortcuts give math.Pow's numbers,
// bit for bit.
func TestPowIsMathPow(t *testing.T) {
	r := rand.New(rand.NewPCG(3, 4))
	for i := range 1_000_000 {
		x := math.Ldexp(r.Float64()+0.5, r.IntN(2200)-1100)
		if i%2 == 1 {
			x = -x
		}
		for _, y := range []float64{-1, 2, 0.5, -0.5, 3} {
			if got, want := Pow(x, y), math.Pow(x, y); math.Float64bits(got) != math.Float64bits(want) {
				t.Fatalf("Pow(%v, %v) = %v, math.Pow gives %v", x, y, got, want)
			}
		}
	}
	for _, x := range []float64{0, math.Copysign(0, -1), 1, -1, math.Inf(1), math.Inf(-1), math.NaN(), 0x1p-500, 0x1p500} {
		for _, y := range []float64{-1, 2} {
			if got, want := Pow(x, y), math.Pow(x, y); math.Float64bits(got) != math.Float64bits(want) && !(math.IsNaN(got) && math.IsNaN(want)) {
				t.Fatalf("Pow(%v, %v) = %v, math.Pow gives %v", x, y, got, want)
			}
		}
	}
}
