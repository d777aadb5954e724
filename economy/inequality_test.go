package economy

import (
	"math"
	"math/rand/v2"
	"slices"
	"testing"
)

// checkSample compares a Sample of x with Gini and MedianSorted: the
// numbers must be identical, not merely close.
func checkSample(t *testing.T, name string, x []float64) {
	t.Helper()
	// Every third slot is left empty; the stripes vary.
	var s Sample
	s.Resize(len(x)*3/2, 1+len(x)%7*1000)
	for i, v := range x {
		s.Set(i+i/2, v)
	}
	s.Sort()
	if s.Len() != len(x) {
		t.Fatalf("%s: %d values, want %d", name, s.Len(), len(x))
	}
	sorted := slices.Clone(x)
	want := Gini(sorted)
	wantMed := MedianSorted(sorted)
	if got := s.Gini(); math.Float64bits(got) != math.Float64bits(want) && !(got == 0 && want == 0) {
		t.Errorf("%s: Gini %v, want %v", name, got, want)
	}
	if got := s.Median(); got != wantMed && !(math.IsNaN(got) && math.IsNaN(wantMed)) {
		t.Errorf("%s: median %v, want %v", name, got, wantMed)
	}
	for i, k := range s.keys[s.skip:] {
		if v := fromSortKey(k); v != sorted[i] {
			t.Fatalf("%s: value %d is %v, want %v", name, i, v, sorted[i])
		}
	}
	// The stripes counted and spread in another order give the same.
	var r Sample
	r.Resize(len(x), 999)
	for i, v := range x {
		r.Set(i, v)
	}
	for c := r.Stripes() - 1; c >= 0; c-- {
		r.Count(c)
	}
	r.Plan()
	for c := r.Stripes() - 1; c >= 0; c-- {
		r.Spread(c)
	}
	r.Finish()
	if !slices.Equal(r.keys[r.skip:], s.keys[s.skip:]) {
		t.Errorf("%s: stripes in reverse order sort differently", name)
	}
}

func TestSampleMatchesSort(t *testing.T) {
	r := rand.New(rand.NewPCG(1, 2))
	gen := map[string]func(i int) float64{
		"lognormal": func(int) float64 { return math.Exp(0.5 * r.NormFloat64()) },
		"pareto with debt": func(i int) float64 {
			v := math.Pow(r.Float64(), -1/1.1)
			if i%37 == 0 {
				v = -v / 50
			}
			return v
		},
		"zeros and ties":  func(i int) float64 { return float64(i % 3) },
		"signed zeros":    func(i int) float64 { return math.Copysign(0, float64(i%2)-0.5) },
		"nearly constant": func(int) float64 { return 1 + 1e-12*r.Float64() },
		"wide":            func(int) float64 { return math.Ldexp(r.Float64(), r.IntN(2000)-1000) * float64(1-2*r.IntN(2)) },
		"infinities": func(i int) float64 {
			return []float64{math.Inf(1), math.Inf(-1), 3, -3, math.MaxFloat64, math.SmallestNonzeroFloat64}[i%6]
		},
	}
	for name, g := range gen {
		for _, n := range []int{0, 1, 2, 3, 10, 1000, 5000, 50000} {
			x := make([]float64, n)
			for i := range x {
				x[i] = g(i)
			}
			checkSample(t, name, x)
		}
	}
}

func FuzzSample(f *testing.F) {
	f.Add(1.0, -2.0, 0.0, 3.5, uint8(7))
	f.Fuzz(func(t *testing.T, a, b, c, d float64, n uint8) {
		x := make([]float64, n)
		for i := range x {
			x[i] = []float64{a, b, c, d}[i%4] * float64(i%5)
			if math.IsNaN(x[i]) {
				x[i] = 0 // Sample orders NaNs by sign, Gini puts them first
			}
		}
		checkSample(t, "fuzz", x)
	})
}

func BenchmarkGini(b *testing.B) {
	r := rand.New(rand.NewPCG(1, 2))
	for _, n := range []int{1_000, 1_000_000} {
		x := make([]float64, n)
		for i := range x {
			x[i] = math.Pow(r.Float64(), -1/1.1)
		}
		y := make([]float64, n)
		b.Run("sort/n="+sizeName(n), func(b *testing.B) {
			for b.Loop() {
				copy(y, x)
				Gini(y)
			}
		})
		var s Sample
		b.Run("sample/n="+sizeName(n), func(b *testing.B) {
			for b.Loop() {
				s.Resize(n, 8192)
				for i, v := range x {
					s.Set(i, v)
				}
				s.Sort()
				s.Gini()
			}
		})
	}
}

func sizeName(n int) string {
	e := 0
	for ; n >= 10; n /= 10 {
		e++
	}
	return string(rune('0'+n)) + "e" + string(rune('0'+e))
}
