package economy

import (
	"math"
	"slices"
)

// Sample holds one quantity's values across agents (wages, incomes,
// wealth) for its order statistics, the Gini coefficient and the median.
// Values are set by index, so that goroutines can fill disjoint parts of
// one sample; a slot can be left without a value. It sorts in linear time
// (a radix sort of the values' bits), keeps its buffers from one use to the
// next, and gives exactly the numbers Gini and MedianSorted give for the
// same values (NaNs aside, which it sorts first or last by their sign).
//
// Sort sorts on one goroutine. Several can share the work, stripe by
// stripe (the slots are cut into stripes of the size given to Resize):
// Count every stripe once its slots are set, then Plan, then Spread every
// stripe, then Finish. Count and Spread may run for different stripes at
// once; the sorted sample is the same either way.
type Sample struct {
	keys, tmp []uint64 // order-preserving bit patterns of the values; 0 for no value
	skip      int      // slots without a value, first in keys once sorted
	stripe    int      // slots per stripe

	// Histograms of the radix digits: per stripe (Plan turns the first
	// pass's into each stripe's write positions) and of all stripes, one
	// per pass (turned into the later passes' write positions).
	counts []stripeCounts
	total  [radixPasses]histogram
	moves  [radixPasses]bool // the pass moves keys: not every key has the same digit

	// The wide pass (see Plan): one pass over the top two digits together
	// when their values span at most wideMax.
	wide   bool
	wideLo uint64  // the smallest top two digits of a key with a value
	wideAt []int32 // its histogram, then write positions
}

// stripeCounts are one stripe's histograms of the first and the last
// digit (the middle one is counted only if needed, by Finish) and its
// slots without a value.
type stripeCounts struct {
	low, top histogram
	empty    int32
}

// histogram counts the keys with each value of a digit; offsets turns it
// into write positions.
type histogram [1 << radixBits]int32

// Resize makes n slots, without values, in stripes of the given size
// (all in one if stripe < 1), reusing the buffers.
func (s *Sample) Resize(n, stripe int) {
	if stripe < 1 {
		stripe = max(n, 1)
	}
	if cap(s.keys) < n {
		s.keys, s.tmp = make([]uint64, n), make([]uint64, n) // zero
	} else {
		s.keys, s.tmp = s.keys[:n], s.tmp[:n]
		clear(s.keys)
	}
	s.skip, s.stripe = 0, stripe
	if nc := (n + stripe - 1) / stripe; cap(s.counts) < nc {
		s.counts = make([]stripeCounts, nc)
	} else {
		s.counts = s.counts[:nc]
	}
	if n >= radixMin && s.wideAt == nil {
		s.wideAt = make([]int32, wideMax+1)
	}
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

// Stripes is the number of stripes.
func (s *Sample) Stripes() int { return len(s.counts) }

// Sort sorts the values; call it after the last Set and before Gini and
// Median. It reorders the slots: to use the sample again, set or clear
// every slot anew (or Resize).
func (s *Sample) Sort() {
	for c := range s.Stripes() {
		s.Count(c)
	}
	s.Plan()
	for c := range s.Stripes() {
		s.Spread(c)
	}
	s.Finish()
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

// The radix sort is LSD on the keys' top 33 bits (sign, exponent and 21
// bits of mantissa) in three passes of 11 bits, so values closer than
// about one part in two million may be left out of order; a last pass
// sorts those runs, which are short for any sample that is not nearly
// constant (and which fall back to a comparison sort if they are not).
// The first pass is the one stripes can share: every stripe writes its
// keys, in order, from its own positions, which the histograms of the
// stripes before it give. The later passes run on one goroutine, and are
// one pass when they can be: the top 22 bits of the values of a sample
// spread over a few binades take few distinct values (for wages, incomes
// and wealth, some thousands), so one pass over a histogram of that range
// (less its lowest value) does the work of two.
const (
	radixBits   = 11
	radixPasses = 3
	radixLow    = 64 - radixBits*radixPasses // bits the passes leave to the last pass
	radixMask   = 1<<radixBits - 1
	radixMin    = 4096    // below this many keys a comparison sort is faster
	wideMax     = 1 << 16 // the most values of the top two digits the wide pass takes
)

// digit is pass p's digit of key k.
func digit(k uint64, p int) int { return int(k >> (radixLow + radixBits*p) & radixMask) }

// stripeRange is stripe c's slots.
func (s *Sample) stripeRange(c int) (lo, hi int) {
	return c * s.stripe, min(len(s.keys), (c+1)*s.stripe)
}

// Count takes the histograms of stripe c's keys.
func (s *Sample) Count(c int) {
	if len(s.keys) < radixMin {
		return
	}
	lo, hi := s.stripeRange(c)
	sc := &s.counts[c]
	*sc = stripeCounts{}
	for _, k := range s.keys[lo:hi] {
		sc.low[k>>radixLow&radixMask]++
		sc.top[k>>(radixLow+2*radixBits)&radixMask]++
		sc.empty += int32(b2u(k == 0))
	}
}

// Plan turns the histograms into write positions: each stripe's for the
// first pass, the whole sample's for the others. A pass whose digit is
// the same for every key is left out.
func (s *Sample) Plan() {
	n := int32(len(s.keys))
	if n < radixMin {
		return
	}
	s.total = [radixPasses]histogram{}
	var empty int32
	for c := range s.counts {
		sc := &s.counts[c]
		for d := range sc.low {
			s.total[0][d] += sc.low[d]
			s.total[2][d] += sc.top[d]
		}
		empty += sc.empty
	}
	s.planWide(empty)
	var base [1 << radixBits]int32
	var sum int32
	for d, v := range s.total[0] {
		base[d] = sum
		sum += v
	}
	for _, p := range [...]int{0, 2} {
		s.moves[p] = s.total[p][digit(s.keys[0], p)] != n
	}
	for c := range s.counts {
		h := &s.counts[c].low
		for d, v := range h {
			h[d] = base[d]
			base[d] += v
		}
	}
	s.total[2].offsets()
}

// offsets turns the histogram into write positions.
func (h *histogram) offsets() {
	var sum int32
	for d, v := range h {
		h[d] = sum
		sum += v
	}
}

// planWide decides whether the passes after the first can be one, from the
// histogram of the top digit and the number of slots without a value (key
// 0, which gets a bucket of its own below all others).
func (s *Sample) planWide(empty int32) {
	top := &s.total[2]
	lo, hi := -1, -1
	for d, v := range top {
		if d == 0 {
			v -= empty
		}
		if v > 0 {
			if lo < 0 {
				lo = d
			}
			hi = d
		}
	}
	s.wide = lo >= 0 && (hi-lo+1)<<radixBits < wideMax
	s.wideLo = uint64(lo) << radixBits
}

// wideDigit is key k's bucket in the wide pass: 0 for no value, then the
// top 22 bits, less the lowest of the sample, plus one.
func (s *Sample) wideDigit(k uint64) uint64 {
	if k == 0 {
		return 0
	}
	return k>>(radixLow+radixBits) - s.wideLo + 1
}

// Spread runs the first pass for stripe c.
func (s *Sample) Spread(c int) {
	if len(s.keys) < radixMin || !s.moves[0] {
		return
	}
	lo, hi := s.stripeRange(c)
	at := &s.counts[c].low
	tmp := s.tmp
	for _, k := range s.keys[lo:hi] {
		d := k >> radixLow & radixMask
		tmp[at[d]] = k
		at[d]++
	}
}

// Finish runs the other passes and puts the sample in order.
func (s *Sample) Finish() {
	keys, tmp := s.keys, s.tmp
	if len(keys) < radixMin {
		slices.Sort(keys)
	} else {
		if s.moves[0] {
			keys, tmp = tmp, keys
		}
		if s.wide {
			s.widePass(keys, tmp)
			keys, tmp = tmp, keys
		}
		for p := 1; p < radixPasses && !s.wide; p++ {
			if p == 1 { // Count left the middle digit to here
				h := &s.total[1]
				*h = histogram{}
				for _, k := range keys {
					h[digit(k, 1)]++
				}
				s.moves[1] = h[digit(keys[0], 1)] != int32(len(keys))
				h.offsets()
			}
			if !s.moves[p] {
				continue
			}
			at := &s.total[p]
			shift := uint(radixLow + radixBits*p)
			for _, k := range keys {
				d := k >> shift & radixMask
				tmp[at[d]] = k
				at[d]++
			}
			keys, tmp = tmp, keys
		}
		sortTies(keys)
	}
	s.keys, s.tmp = keys, tmp
	s.skip, _ = slices.BinarySearch(keys, 1)
}

// widePass sorts keys into tmp by their top two digits together.
func (s *Sample) widePass(keys, tmp []uint64) {
	at := s.wideAt
	clear(at)
	for _, k := range keys {
		at[s.wideDigit(k)]++
	}
	var sum int32
	for d, v := range at {
		at[d] = sum
		sum += v
	}
	for _, k := range keys {
		d := s.wideDigit(k)
		tmp[at[d]] = k
		at[d]++
	}
}

// sortTies sorts the runs of keys that share their top bits, the only
// ones the radix passes may leave out of order.
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
