package sim

import (
	"runtime"
	"sync"
	"sync/atomic"
)

// Chunk sizes of the parallel phases. They are fixed, never derived from
// GOMAXPROCS, so that random streams and partial sums do not depend on the
// number of cores.
const (
	workerChunk = 8192
	firmChunk   = 32
)

// chunks is the number of chunks of size size covering n items.
func chunks(n, size int) int { return (n + size - 1) / size }

// parallel runs fn(c, lo, hi) for every chunk c of [0, n) on a pool of at
// most GOMAXPROCS goroutines, each writing only its own chunk's slots, and
// returns when all are done (a barrier between phases). With one chunk or
// one core it runs inline.
func parallel(n, size int, fn func(c, lo, hi int)) {
	nc := chunks(n, size)
	run := func(c int) { fn(c, c*size, min(n, (c+1)*size)) }
	workers := min(runtime.GOMAXPROCS(0), nc)
	if workers <= 1 {
		for c := range nc {
			run(c)
		}
		return
	}
	var next atomic.Int64
	var wg sync.WaitGroup
	for range workers {
		wg.Go(func() {
			for c := int(next.Add(1)) - 1; c < nc; c = int(next.Add(1)) - 1 {
				run(c)
			}
		})
	}
	wg.Wait()
}
