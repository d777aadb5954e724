package experiments

import "fmt"

// A run's seed is written into the results file, the series file and
// summary.json, and read back by R, pandas, DuckDB and spreadsheets, most
// of which hold numbers as float64: a seed is below 2^53 so that every one
// of them reads it exactly, and a replay from a seed read that way is the
// same run.
//
// The seed of replicate r of a point is deriveSeed(h, r), where h is the
// FNV-1a hash of the base seed (--seed) and the point's varied values
// (Point.Seed). Both steps can be undone modulo 2^53: mix53 is a bijection
// of [0, 2^53), and each byte's step of FNV-1a (xor, then multiply by an
// odd prime) is invertible modulo 2^53 too, as the low 53 bits of a
// product depend only on the low 53 bits of its factors. So from a run's
// seed and its parameters, given the names of the varied parameters in
// axis order, one gets the low 53 bits of the hash state just after the
// base seed: the same for every run of one sweep, a fingerprint of
// --seed. Merge uses it to tell a fixed parameter that differs between
// the files from a varied one.

const (
	// MaxSeed is the largest seed in a file: 2^53 − 1.
	MaxSeed   = 1<<53 - 1
	seedMask  = MaxSeed
	fnvPrime  = 1099511628211
	seedShift = 0x51ed // the offset of the replicate in deriveSeed
)

// deriveSeed is the seed of replicate r of the point whose hash is h.
func deriveSeed(h uint64, r int) uint64 { return mix53(h ^ splitMix64(uint64(r)+seedShift)) }

// pointSeed is the point hash, modulo 2^53, that rec's seed was derived
// from.
func pointSeed(rec Record) uint64 {
	return unmix53(rec.Config.Seed) ^ splitMix64(uint64(rec.Replicate)+seedShift)&seedMask
}

// baseState undoes the varied values names (in axis order) of rec from its
// point hash: the FNV-1a state after the base seed, modulo 2^53.
func baseState(rec Record, names []string) uint64 {
	var suffix []byte
	for _, n := range names {
		suffix = fmt.Appendf(suffix, "\x00%s=%s", n, ParamValue(rec.Config, n))
	}
	h := pointSeed(rec)
	for i := len(suffix) - 1; i >= 0; i-- {
		h = (h*fnvPrimeInv)&seedMask ^ uint64(suffix[i])
	}
	return h
}

// mix53 is SplitMix64's finaliser modulo 2^53 (xor-shifts and odd
// multipliers, each a bijection of [0, 2^53)): it maps x's low 53 bits to
// a well-mixed seed below 2^53.
func mix53(x uint64) uint64 {
	x &= seedMask
	x = (x ^ x>>26) * mix1 & seedMask
	x = (x ^ x>>24) * mix2 & seedMask
	return x ^ x>>27
}

// unmix53 inverts mix53 on [0, 2^53).
func unmix53(x uint64) uint64 {
	x = unshift(x&seedMask, 27)
	x = unshift(x*mix2Inv&seedMask, 24)
	return unshift(x*mix1Inv&seedMask, 26)
}

// unshift inverts y = x ^ x>>s on 53 bits: x = y ^ y>>s ^ y>>2s ^ …
func unshift(y uint64, s uint) uint64 {
	x := y
	for k := s; k < 53; k += s {
		x ^= y >> k
	}
	return x
}

const (
	mix1 = 0xbf58476d1ce4e5b9
	mix2 = 0x94d049bb133111eb
)

// inverse is the inverse of an odd a modulo 2^64 (and so modulo 2^53), by
// Newton's iteration (each step doubles the correct low bits).
func inverse(a uint64) uint64 {
	x := a
	for range 6 {
		x *= 2 - a*x
	}
	return x
}

var (
	fnvPrimeInv = inverse(fnvPrime)
	mix1Inv     = inverse(mix1)
	mix2Inv     = inverse(mix2)
)

func splitMix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * mix1
	x = (x ^ (x >> 27)) * mix2
	return x ^ (x >> 31)
}
