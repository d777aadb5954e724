package sim

import (
	"math"
	"testing"

	"github.com/laborsim/laborsim/agents"
)

// The mean reservation wage firms bargain over (sectorRes) is the mean,
// over each sector's employable unemployed as the households' pass found
// them, of their reservation wages at this step's floor — the floor
// updateMarketStats moves after that pass — not at the step before's.
// The test recomputes it from the workers after each step, with the
// employable set and the old floor taken before the step, and holds it
// within 1% of the mean taken at the new floor for every worker.
func TestSectorReservationAtThisStepsFloor(t *testing.T) {
	c := DefaultConfig()
	c.Workers, c.Firms, c.Years = 2000, 20, 3
	w, err := New(c)
	if err != nil {
		t.Fatal(err)
	}
	checked := 0
	for w.step < c.Steps() {
		// Who is employable is fixed by the job list of the step before,
		// which this step's statistics replace at its end.
		before := append([]int(nil), w.labour.firstOpen...)
		var old [4]float64
		for s := range c.Sectors {
			old[s] = w.resFloor(uint8(s))
		}
		w.Step()
		var sum, exact [4]float64
		var n [4]int
		for j := range w.workers {
			wk := &w.workers[j]
			if wk.Status != agents.Unemployed || int(w.labour.qual[j]) <= before[wk.Sector] {
				continue
			}
			s, floor := wk.Sector, w.resFloor(wk.Sector)
			// Those at the old floor move with it; the others keep their
			// own (an error of the order of the step squared for those
			// between the two floors).
			if own := w.reservation(wk, 0); own > old[s] {
				sum[s] += own
			} else {
				sum[s] += floor
			}
			exact[s] += w.reservation(wk, floor)
			n[s]++
		}
		for s := range c.Sectors {
			if n[s] == 0 {
				continue
			}
			want := sum[s] / float64(n[s])
			if got := w.labour.sectorRes[s]; math.Abs(got-want) > 1e-9*want {
				t.Fatalf("step %d, sector %d: sectorRes %g, the recount at this step's floor %g", w.step, s, got, want)
			}
			if e := exact[s] / float64(n[s]); math.Abs(want-e) > 0.01*e {
				t.Errorf("step %d, sector %d: sectorRes %g, %.2g%% from the mean at this step's floor %g", w.step, s, want, 100*(want/e-1), e)
			}
			checked++
		}
	}
	if checked == 0 {
		t.Fatal("no sector had employable unemployed workers")
	}
}
