package sim

import (
	"runtime"
	"sync"
	"sync/atomic"
	"time"
)

// Chunk sizes of the parallel phases. They are fixed, never derived from
// GOMAXPROCS, so that random streams and partial sums do not depend on the
// number of cores.
const (
	workerChunk = 8192
	firmChunk   = 32
)

// parallelMin is the size (workers plus firm·bin slots) below which a
// World runs every phase on the calling goroutine: a step then takes about
// a millisecond, and waking helpers a few times a phase would cost more
// than the second core gives. It never changes the results.
const parallelMin = 1 << 16

// chunks is the number of chunks of size size covering n items.
func chunks(n, size int) int { return (n + size - 1) / size }

// chunkFunc is the body of a parallel phase: it handles chunk c, items
// [lo, hi), writing only that chunk's slots. Phases pass methods as method
// expressions ((*World).decideChunk), which are static, so starting a phase
// allocates nothing.
type chunkFunc func(w *World, c, lo, hi int)

// pool runs the chunks of a parallel phase on the calling goroutine and on
// helper goroutines that live as long as the World (GOMAXPROCS−1 of them,
// as GOMAXPROCS was when the World was built). Whichever goroutine claims a
// chunk runs it; that never matters, since every chunk writes only its own
// slots and reductions read the chunks' partials in chunk order.
//
// The caller never waits for a helper that has not started: it runs
// whatever chunks are left itself, and waits only for chunks a helper has
// claimed. (On a busy machine a woken helper may get a core only
// milliseconds later; waiting for every helper at every phase would cost
// that each time.) Neither side parks between the short phases that
// follow one another (see spin and parallel).
type pool struct {
	helpers int
	wake    chan struct{} // wake-ups for the helpers; a full buffer means they have enough

	// state packs the job's epoch (16 bits), its number of chunks and the
	// next unclaimed chunk (24 bits each). Chunks are claimed by CAS on the
	// whole word, so a claim is always of the current job, whose fields
	// below were written before the state was published.
	state    atomic.Uint64
	finished atomic.Int64 // chunks of the current job done

	w       *World // the current job; cleared when it ends, so the helpers never keep a World alive
	fn      chunkFunc
	n, size int

	// The side task: one function run by a goroutine of its own beside
	// the phases of the caller (see World.beside).
	side     chan func(*World)
	sideDone chan struct{}
	sideW    *World

	stopOnce sync.Once
}

const (
	chunkBits = 24
	chunkMask = 1<<chunkBits - 1
)

// newPool starts the helpers of a World of the given size (see
// parallelMin). They stop when the World is garbage (see New), and there
// are none when GOMAXPROCS is 1 or the World is small.
func newPool(size int) *pool {
	p := &pool{helpers: runtime.GOMAXPROCS(0) - 1}
	if size < parallelMin {
		p.helpers = 0
	}
	p.wake = make(chan struct{}, max(p.helpers, 0))
	for range p.helpers {
		go p.help()
	}
	if p.helpers > 0 {
		p.side, p.sideDone = make(chan func(*World), 1), make(chan struct{}, 1)
		go p.runSide()
	}
	return p
}

// runSide is the side goroutine's loop.
func (p *pool) runSide() {
	for fn := range p.side {
		fn(p.sideW)
		p.sideDone <- struct{}{}
	}
}

// help is a helper's loop: wait for a wake-up, then run chunks while any
// are left and look out for the next job a while before waiting again.
func (p *pool) help() {
	for range p.wake {
		for p.work() || p.spin() {
		}
	}
}

// work runs chunks of the current job while any are left and says whether
// it ran any.
func (p *pool) work() bool {
	ran := false
	for {
		c, ok := p.claim()
		if !ok {
			return ran
		}
		ran = true
		p.run(c)
		p.finished.Add(1)
	}
}

// spinFor is how long a helper that has run out of chunks looks out for
// the next job before it parks: the AI market's bisection is some sixty
// phases of tens of microseconds each, back to back, and a parked
// goroutine takes about as long as one of them to wake.
const spinFor = 50 * time.Microsecond

// spin waits, yielding its core now and then, until a chunk is left to
// claim (true) or spinFor has passed (false).
func (p *pool) spin() bool {
	deadline := time.Now().Add(spinFor)
	for i := 1; ; i++ {
		if s := p.state.Load(); s&chunkMask < s>>chunkBits&chunkMask {
			return true
		}
		if i%64 == 0 {
			if time.Now().After(deadline) {
				return false
			}
			runtime.Gosched()
		}
	}
}

// stop ends the helpers and the side goroutine.
func (p *pool) stop() {
	p.stopOnce.Do(func() {
		close(p.wake)
		if p.side != nil {
			close(p.side)
		}
	})
}

// claim takes the next chunk of the current job, if one is left, and
// returns it.
func (p *pool) claim() (c int, ok bool) {
	for {
		s := p.state.Load()
		next, nc := s&chunkMask, s>>chunkBits&chunkMask
		if next >= nc {
			return 0, false
		}
		if p.state.CompareAndSwap(s, s+1) {
			return int(next), true
		}
	}
}

// run runs chunk c of the current job.
func (p *pool) run(c int) {
	p.fn(p.w, c, c*p.size, min(p.n, (c+1)*p.size))
}

// parallel runs fn(w, c, lo, hi) for every chunk c of [0, n) of the given
// size and returns when all are done (a barrier between phases). With one
// chunk or one core it runs inline.
func (w *World) parallel(n, size int, fn chunkFunc) {
	p := w.pool
	nc := chunks(n, size)
	helpers := min(p.helpers, runtime.GOMAXPROCS(0)-1, nc-1)
	if helpers <= 0 || nc > chunkMask {
		for c := range nc {
			fn(w, c, c*size, min(n, (c+1)*size))
		}
		return
	}
	p.w, p.fn, p.n, p.size = w, fn, n, size
	p.finished.Store(0)
	epoch := p.state.Load()>>(2*chunkBits) + 1
	p.state.Store(epoch<<(2*chunkBits) | uint64(nc)<<chunkBits)
	for range helpers {
		select {
		case p.wake <- struct{}{}:
		default: // every helper has a wake-up waiting
		}
	}
	for {
		c, ok := p.claim()
		if !ok {
			break
		}
		p.run(c)
		p.finished.Add(1)
	}
	// The chunks helpers are still running take at most a chunk's time;
	// the caller yields its core meanwhile rather than park (waking a
	// parked goroutine takes tens of microseconds, as long as a short
	// phase).
	for p.finished.Load() < int64(nc) {
		runtime.Gosched()
	}
	p.w, p.fn = nil, nil
}

// beside starts fn(w) on the side goroutine and returns; awaitSide waits
// for it to end. The schedule starts one side task at a time (a sideTask
// line) and waits for it (a sideWait line) before it starts the next. The
// phases run meanwhile must neither write what fn reads nor touch what it
// writes, and fn must not start parallel phases. With one core fn runs at
// once, before beside returns: the results are the same.
func (w *World) beside(fn func(*World)) {
	if w.sideRunning {
		panic("sim: a side task started before the last one was awaited")
	}
	p := w.pool
	if p.side == nil || runtime.GOMAXPROCS(0) < 2 {
		fn(w)
		return
	}
	p.sideW = w
	p.side <- fn
	w.sideRunning = true
}

// awaitSide waits for the side task started by beside, if one runs.
func (w *World) awaitSide() {
	if !w.sideRunning {
		return
	}
	<-w.pool.sideDone
	w.pool.sideW = nil
	w.sideRunning = false
}
