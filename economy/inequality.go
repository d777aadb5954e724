package economy

import (
	"math"
	"slices"
)

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

// Sample holds one quantity's values across agents (wages, incomes,
// wealth) for its order statistics, the Gini coefficient and the median.
// Values are set by index, so that goroutines can fill disjoint parts of
// one sample; a slot can be left without a value. It sorts in linear time
// (a radix sort of the values' bits), keeps its buffers from one use to the
// next, and gives exactly the numbers Gini and MedianSorted give for the
// same values (NaNs aside, which it sorts first or last by their sign). The
// zero value is an empty sample.
type Sample struct {
	keys, tmp []uint64 // order-preserving bit patterns of the values; 0 for no value
	skip      int      // slots without a value, first in keys once sorted
}

// Resize makes n slots, without values, reusing the buffers.
func (s *Sample) Resize(n int) {
	if cap(s.keys) < n {
		s.keys, s.tmp = make([]uint64, n), make([]uint64, 0, n)
	}
	s.keys = s.keys[:n]
	clear(s.keys)
	s.skip = 0
}

// Set puts v in slot i.
func (s *Sample) Set(i int, v float64) {
	k := sortKey(v)
	s.keys[i] = k | b2u(k == 0) // 0 marks no value; key 1 is a NaN too
}

// Clear leaves slot i without a value.
func (s *Sample) Clear(i int) { s.keys[i] = 0 }

func b2u(b bool) uint64 {
	if b {
		return 1
	}
	return 0
}

// Sort sorts the values; call it after the last Set and before Gini and
// Median. It reorders the slots: to use the sample again, set or clear
// every slot anew (or Resize).
func (s *Sample) Sort() {
	if radixSort(s.keys, s.tmp[:len(s.keys)]) {
		s.keys, s.tmp = s.tmp[:len(s.keys)], s.keys[:0]
	}
	s.skip, _ = slices.BinarySearch(s.keys, 1)
}

// Len is the number of values.
func (s *Sample) Len() int { return len(s.keys) - s.skip }

// Gini is the Gini coefficient of the sorted sample (see Gini).
func (s *Sample) Gini() float64 {
	k := s.keys[s.skip:]
	return gini(len(k), func(i int) float64 { return fromSortKey(k[i]) })
}

// Median is the median of the sorted sample (see MedianSorted).
func (s *Sample) Median() float64 {
	k := s.keys[s.skip:]
	return median(len(k), func(i int) float64 { return fromSortKey(k[i]) })
}

// sortKey maps a float64 to a uint64 with the same order: the sign bit of
// positive numbers is set, negative numbers have all their bits flipped.
func sortKey(v float64) uint64 {
	b := math.Float64bits(v)
	if b>>63 != 0 {
		return ^b
	}
	return b | 1<<63
}

// fromSortKey inverts sortKey.
func fromSortKey(k uint64) float64 {
	if k>>63 != 0 {
		return math.Float64frombits(k &^ (1 << 63))
	}
	return math.Float64frombits(^k)
}

// Radix sort parameters: three passes of 11 bits sort the keys by their
// top 33 bits (sign, exponent and 21 bits of mantissa), so values closer
// than about one part in two million may be left out of order; a last pass
// sorts those runs, which are short for any sample that is not nearly
// constant (and which fall back to a comparison sort if they are not).
const (
	radixBits   = 11
	radixPasses = 3                          // radixSort's histogram loop writes out three
	radixLow    = 64 - radixBits*radixPasses // bits the passes leave to the last pass
	radixMask   = 1<<radixBits - 1
	radixMin    = 4096 // below this many keys a comparison sort is faster
)

// radixSort sorts keys using tmp (of the same length) as scratch. The
// sorted keys end in tmp when it returns true, in keys otherwise.
func radixSort(keys, tmp []uint64) (inTmp bool) {
	if len(keys) < radixMin {
		slices.Sort(keys)
		return false
	}
	var hist [radixPasses][1 << radixBits]int32
	for _, k := range keys { // the three passes' digits, written out
		hist[0][k>>radixLow&radixMask]++
		hist[1][k>>(radixLow+radixBits)&radixMask]++
		hist[2][k>>(radixLow+2*radixBits)&radixMask]++
	}
	n := int32(len(keys))
	for p := range radixPasses {
		shift := uint(radixLow + radixBits*p)
		h := &hist[p]
		if n == 0 || h[keys[0]>>shift&radixMask] == n {
			continue // every key has the same digit
		}
		var sum int32
		for d, c := range h {
			h[d] = sum
			sum += c
		}
		for _, k := range keys {
			d := k >> shift & radixMask
			tmp[h[d]] = k
			h[d]++
		}
		keys, tmp = tmp, keys
		inTmp = !inTmp
	}
	sortTies(keys)
	return inTmp
}

// sortTies sorts the runs of keys that share their top bits, the only
// ones radixSort's passes may leave out of order.
func sortTies(keys []uint64) {
	for i := 1; i < len(keys); i++ {
		if keys[i] >= keys[i-1] {
			continue
		}
		top := keys[i] >> radixLow
		lo, hi := i-1, i+1
		for lo > 0 && keys[lo-1]>>radixLow == top {
			lo--
		}
		for hi < len(keys) && keys[hi]>>radixLow == top {
			hi++
		}
		slices.Sort(keys[lo:hi])
		i = hi - 1
	}
}
