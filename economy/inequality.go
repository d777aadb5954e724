package economy

import "slices"

// Gini returns the Gini coefficient of x, sorting x in place:
//
//	G = Σ_i (2i − n − 1) x_(i) / (n Σ x),  x_(1) ≤ … ≤ x_(n).
//
// Negative values are allowed (wealth can be negative); the result is 0 for
// an empty sample or a zero total. For large samples a Sample computes the
// same number in linear time.
func Gini(x []float64) float64 {
	slices.Sort(x)
	return gini(len(x), func(i int) float64 { return x[i] })
}

// gini is the formula of Gini over the sorted sample x_(i) = at(i),
// summed in ascending order.
func gini(n int, at func(int) float64) float64 {
	if n == 0 {
		return 0
	}
	var sum, weighted float64
	for i := range n {
		v := at(i)
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
	return median(len(x), func(i int) float64 { return x[i] })
}

func median(n int, at func(int) float64) float64 {
	switch {
	case n == 0:
		return 0
	case n%2 == 1:
		return at(n / 2)
	default:
		return (at(n/2-1) + at(n/2)) / 2
	}
}
