package economy

import "slices"

// Gini returns the Gini coefficient of x, sorting x in place:
//
//	G = Σ_i (2i − n − 1) x_(i) / (n Σ x),  x_(1) ≤ … ≤ x_(n).
//
// Negative values are allowed (wealth can be negative); the result is 0 for
// an empty sample or a zero total.
func Gini(x []float64) float64 {
	n := len(x)
	if n == 0 {
		return 0
	}
	slices.Sort(x)
	var sum, weighted float64
	for i, v := range x {
		sum += v
		weighted += float64(2*(i+1)-n-1) * v
	}
	if sum <= 0 {
		return 0
	}
	return weighted / (float64(n) * sum)
}

// MedianSorted returns the median of sorted x (0 when empty).
func MedianSorted(x []float64) float64 {
	n := len(x)
	switch {
	case n == 0:
		return 0
	case n%2 == 1:
		return x[n/2]
	default:
		return (x[n/2-1] + x[n/2]) / 2
	}
}
