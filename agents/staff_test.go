package agents

import (
	"math/rand/v2"
	"testing"

	"github.com/laborsim/laborsim/economy"
)

// firm makes a firm's bins: b bins of equal weight, all human-only, with
// the given human units spread evenly, one worker a unit.
func firmBins(b int, units float64) ([]float64, []economy.Split, Bins) {
	weights, split := make([]float64, b), make([]economy.Split, b)
	bins := Bins{Human: make([]float64, b), Count: make([]int32, b), AI: make([]float64, b), Target: make([]float64, b),
		Vacancies: make([]int32, b), Layoff: make([]float32, b), Automated: make([]bool, b)}
	for i := range b {
		weights[i], split[i] = 1/float64(b), economy.Split{Human: 1}
		bins.Human[i] = units / float64(b)
		bins.Count[i] = int32(units) / int32(b)
	}
	return weights, split, bins
}

var staffing = Staffing{Close: 0.1, Leave: 0.02, Separation: 0.25, Adjust: 1.5, FillRate: 9, Horizon: 2, PostCost: 0.1, Room: 101}

// A firm under its target keeps vacancies at the fill rate, a stock that
// does not depend on how its tasks are cut into bins; a vacancy that does
// not pay is not posted.
func TestStaffVacanciesAreFirmLevel(t *testing.T) {
	plan := economy.Plan{Human: 110, Scaled: true} // target 110 units, staff 100
	want := (1.5*10 + 0.25*100) / 9.0              // hires a year over the fill rate
	for _, b := range []int{1, 10, 100} {
		weights, split, bins := firmBins(b, 100)
		wf := Workforce{Heads: 100, Units: 100, MP: 1, HireWage: 0.9}
		staffing.Staff(plan, 1, 0, weights, split, bins, &wf, rand.New(rand.NewPCG(1, 2)))
		if d := wf.Vacancies - want; d > 1e-9 || d < -1e-9 {
			t.Errorf("%d bins: %v vacancies, want %v", b, wf.Vacancies, want)
		}
		n := 0
		for _, v := range bins.Vacancies {
			n += int(v)
		}
		if n != 4 && n != 5 { // the stock, 4.44, rounded once for the firm
			t.Errorf("%d bins: %d vacancies listed", b, n)
		}
		if wf.Hires < n {
			t.Errorf("%d bins: %d hires allowed for %d vacancies", b, wf.Hires, n)
		}
	}
	weights, split, bins := firmBins(10, 100)
	wf := Workforce{Heads: 100, Units: 100, MP: 1, HireWage: 0.999} // a hire's value 0.002 × 9 < 0.1
	staffing.Staff(plan, 1, 0, weights, split, bins, &wf, rand.New(rand.NewPCG(1, 2)))
	if wf.Vacancies != 0 {
		t.Errorf("a vacancy that does not pay was posted: %v", wf.Vacancies)
	}
}

// A firm within one worker of its target lays no one off; beyond it, it
// sheds the share Close of the excess beyond that worker, whatever its
// bins.
func TestStaffLayoffsBeyondOneWorker(t *testing.T) {
	for _, c := range []struct {
		staff, target, laid float64
	}{{10, 9.5, 0}, {10, 9.01, 0}, {10, 8, 0.1 * 1}, {100, 80, 0.1 * 19}} {
		for _, b := range []int{1, 5, 10} {
			weights, split, bins := firmBins(b, c.staff)
			wf := Workforce{Heads: int32(c.staff), Units: c.staff, MP: 1, HireWage: 0.9}
			staffing.Staff(economy.Plan{Human: c.target, Scaled: true}, 1, 0, weights, split, bins, &wf, rand.New(rand.NewPCG(1, 2)))
			laid := 0.0
			for i := range b {
				laid += float64(bins.Layoff[i]) * bins.Human[i]
			}
			if d := laid - c.laid; d > 1e-6 || d < -1e-6 {
				t.Errorf("staff %v, target %v, %d bins: %v units laid off, want %v", c.staff, c.target, b, laid, c.laid)
			}
		}
	}
}
