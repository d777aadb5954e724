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

// chunkFunc is the body of a parallel phase: it handles chunk c, items
// [lo, hi), writing only that chunk's slots. Phases pass methods as method
// expressions ((*World).decideChunk), which are static, so starting a phase
// allocates nothing.
type chunkFunc func(w *World, c, lo, hi int)

// pool runs the chunks of a parallel phase on the calling goroutine and on
// helper goroutines that live as long as the World (GOMAXPROCS−1 of them,
// as GOMAXPROCS was when the World was built). Chunks are handed out in
// index order by an atomic counter; which goroutine runs a chunk never
// matters, since every chunk writes only its own slots and reductions read
// the chunks' partials in chunk order.
type pool struct {
	helpers int
	wake    chan struct{} // one token per helper taking part in a job
	done    sync.WaitGroup
	next    atomic.Int64

	// The job being run; w is cleared when it ends, so that the helpers
	// never keep a World alive.
	w        *World
	fn       chunkFunc
	n, size  int
	nchunks  int
	stopOnce sync.Once
}

// newPool starts the helpers of a World. They stop when the World is
// garbage (see New), or never start when GOMAXPROCS is 1.
func newPool() *pool {
	p := &pool{helpers: runtime.GOMAXPROCS(0) - 1}
	p.wake = make(chan struct{}, max(p.helpers, 0))
	for range p.helpers {
		go p.help()
	}
	return p
}

// help is a helper's loop: wait for a job, run chunks until none is left.
func (p *pool) help() {
	for range p.wake {
		p.work()
		p.done.Done()
	}
}

// stop ends the helpers.
func (p *pool) stop() { p.stopOnce.Do(func() { close(p.wake) }) }

// work runs chunks of the current job until none is left.
func (p *pool) work() {
	for c := int(p.next.Add(1)) - 1; c < p.nchunks; c = int(p.next.Add(1)) - 1 {
		p.fn(p.w, c, c*p.size, min(p.n, (c+1)*p.size))
	}
}

// parallel runs fn(w, c, lo, hi) for every chunk c of [0, n) of the given
// size and returns when all are done (a barrier between phases). With one
// chunk or one core it runs inline.
func (w *World) parallel(n, size int, fn chunkFunc) {
	p := w.pool
	nc := chunks(n, size)
	helpers := min(p.helpers, runtime.GOMAXPROCS(0)-1, nc-1)
	if helpers <= 0 {
		for c := range nc {
			fn(w, c, c*size, min(n, (c+1)*size))
		}
		return
	}
	p.w, p.fn, p.n, p.size, p.nchunks = w, fn, n, size, nc
	p.next.Store(0)
	p.done.Add(helpers)
	for range helpers {
		p.wake <- struct{}{}
	}
	p.work()
	p.done.Wait()
	p.w, p.fn = nil, nil
}
