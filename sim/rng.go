package sim

import "math/rand/v2"

// splitMix64 is the SplitMix64 finaliser (Steele, Lea & Flood 2014), used to
// derive independent PCG seeds from the run seed.
func splitMix64(x uint64) uint64 {
	x += 0x9e3779b97f4a7c15
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9
	x = (x ^ (x >> 27)) * 0x94d049bb133111eb
	return x ^ (x >> 31)
}

// Stream identifiers: every random draw in a run belongs to one phase,
// one step and one entity or fixed chunk.
const (
	streamInit uint64 = iota + 1
	streamFirms
	streamWorkers
	streamMatch
	streamHouseholds
)

// streams hands out PCG generators keyed by (seed, phase, step, index). A
// generator is reseeded in place, so the step loop does not allocate.
type streams struct {
	seed uint64
	pcg  []paddedPCG
	rng  []*rand.Rand
}

// paddedPCG keeps each generator's state on a cache line of its own: the
// generators of neighbouring chunks run on different cores, and a shared
// line would bounce between them at every draw.
type paddedPCG struct {
	rand.PCG
	_ [64 - 16]byte
}

func newStreams(seed uint64, n int) *streams {
	s := &streams{seed: seed, pcg: make([]paddedPCG, n), rng: make([]*rand.Rand, n)}
	for i := range s.pcg {
		s.rng[i] = rand.New(&s.pcg[i].PCG)
	}
	return s
}

// get returns slot's generator, reseeded for (phase, step, index).
func (s *streams) get(slot int, phase uint64, step, index int) *rand.Rand {
	k := splitMix64(s.seed ^ splitMix64(phase<<56^uint64(step)<<32^uint64(index)))
	s.pcg[slot].Seed(k, splitMix64(k))
	return s.rng[slot]
}

// Seed derives the seed of replicate r of a run from a base seed, for
// experiments that run replicates.
func Seed(base uint64, r int) uint64 { return splitMix64(base ^ splitMix64(uint64(r)+0x51ed)) }
