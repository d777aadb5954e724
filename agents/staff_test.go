package agents

import (
	"math"
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

var staffing = Staffing{Close: 0.1, Leave: 0.02, Step: 1.0 / 12, FillRate: 9, Room: 101}

// ascending is the bins in ascending order of requirement when bin i's
// requirement rises with i.
func ascending(b int) []int {
	order := make([]int, b)
	for i := range order {
		order[i] = i
	}
	return order
}

// A firm under its target keeps the vacancy stock that gives it, at the
// fill rate, the share Close of its gap and its expected leavers this
// step — a stock that does not depend on how its tasks are cut into bins
// — listed as ⌈V⌉ jobs each open with chance V/⌈V⌉; a firm over its
// target by more than that posts none.
func TestStaffVacanciesAreFirmLevel(t *testing.T) {
	for _, c := range []struct {
		staff, target, want float64
	}{
		{100, 110, (0.1*10 + 0.02*100) / (9.0 / 12)}, // 4 vacancies, each open every round
		{5, 5.2, (0.1*0.2 + 0.02*5) / (9.0 / 12)},    // 0.16: one job, open 16% of the rounds
	} {
		for _, b := range []int{1, 10, 100} {
			weights, split, bins := firmBins(b, c.staff)
			wf := Workforce{Heads: int32(c.staff), Units: c.staff}
			staffing.Staff(economy.Plan{Human: c.target, Scaled: true}, 1, 0, weights, split, ascending(b), make([]float64, b), bins, &wf, rand.New(rand.NewPCG(1, 2)))
			if d := wf.Vacancies - c.want; d > 1e-9 || d < -1e-9 {
				t.Errorf("staff %v, %d bins: %v vacancies, want %v", c.staff, b, wf.Vacancies, c.want)
			}
			n := 0
			for _, v := range bins.Vacancies {
				n += int(v)
			}
			if want := int(math.Ceil(c.want - 1e-9)); n != want {
				t.Errorf("staff %v, %d bins: %d jobs listed, want %d", c.staff, b, n, want)
			}
			if d := wf.Open*float64(n) - c.want; d > 1e-9 || d < -1e-9 {
				t.Errorf("staff %v, %d bins: %d jobs open with chance %v, not the stock %v", c.staff, b, n, wf.Open, c.want)
			}
		}
	}
	// Over its target by more than its expected leavers (0.02 × 100 =
	// 2 units a step, closed at 0.1 of the gap: 20 units), a firm posts
	// nothing; a hire would not pay at its target's cost.
	weights, split, bins := firmBins(10, 100)
	wf := Workforce{Heads: 100, Units: 100}
	staffing.Staff(economy.Plan{Human: 79, Scaled: true}, 1, 0, weights, split, ascending(10), make([]float64, 10), bins, &wf, rand.New(rand.NewPCG(1, 2)))
	if wf.Vacancies != 0 {
		t.Errorf("a firm over its target posted %v vacancies", wf.Vacancies)
	}
}

// The jobs go to the bins in proportion to the firm's target there times
// the share its sector leaves unfilled, in expectation exactly, whether
// the firm lists one job or many: the skills asked for do not depend on
// the firm's size.
func TestStaffAsksForTheSectorsUnfilledSkills(t *testing.T) {
	unfilled := []float64{0.5, 0, 0.25, 0, 0.25} // shares of each bin's target
	weights := []float64{0.1, 0.3, 0.2, 0.2, 0.2}
	want := make([]float64, len(weights))
	sum := 0.0
	for i := range want {
		want[i] = weights[i] * unfilled[i]
		sum += want[i]
	}
	for _, c := range []struct{ staff, target float64 }{{5, 5.2}, {1000, 1100}} {
		got := make([]float64, len(weights))
		total := 0.0
		r := rand.New(rand.NewPCG(3, 4))
		const firms = 20000
		for range firms {
			_, split, bins := firmBins(len(weights), c.staff)
			wf := Workforce{Heads: int32(c.staff), Units: c.staff}
			staffing.Staff(economy.Plan{Human: c.target, Scaled: true}, 1, 0, weights, split, ascending(len(weights)), unfilled, bins, &wf, r)
			for i, v := range bins.Vacancies {
				got[i] += float64(v)
				total += float64(v)
			}
		}
		for i := range got {
			if share := got[i] / total; math.Abs(share-want[i]/sum) > 0.01 {
				t.Errorf("staff %v: bin %d gets %.4f of the jobs, want %.4f", c.staff, i, share, want[i]/sum)
			}
		}
	}
}

// A firm sheds by attrition first: it lays off only what its expected
// leavers do not shed of the share Close of its excess, and the least
// qualified first, whatever its bins.
func TestStaffLayoffsBeyondAttrition(t *testing.T) {
	for _, c := range []struct {
		staff, target, laid float64
	}{{10, 9.5, 0}, {10, 8, 0}, {100, 80, 0}, {10, 5, 0.1*5 - 0.02*10}, {100, 50, 0.1*50 - 0.02*100}} {
		for _, b := range []int{1, 5, 10} {
			weights, split, bins := firmBins(b, c.staff)
			wf := Workforce{Heads: int32(c.staff), Units: c.staff}
			staffing.Staff(economy.Plan{Human: c.target, Scaled: true}, 1, 0, weights, split, ascending(b), make([]float64, b), bins, &wf, rand.New(rand.NewPCG(1, 2)))
			laid := 0.0
			for i := range b {
				laid += float64(bins.Layoff[i]) * bins.Human[i]
				if i > 0 && bins.Layoff[i] > 0 && bins.Layoff[i-1] < 1 {
					t.Errorf("staff %v, target %v, %d bins: bin %d lays off while the less demanding bin %d keeps %v of its workers", c.staff, c.target, b, i, i-1, 1-bins.Layoff[i-1])
				}
			}
			if d := laid - c.laid; d > 1e-6 || d < -1e-6 {
				t.Errorf("staff %v, target %v, %d bins: %v units laid off, want %v", c.staff, c.target, b, laid, c.laid)
			}
		}
	}
}

// Where AI is cheaper, humans are wanted in the AI-capable bins only for
// what the AI expected there leaves of the capable ratio at a human's
// cost: last step's deployment grown with the fleet (AIGrowth; 0 reads as
// no growth), so that a growing fleet's arrivals are not hired for.
func TestStaffExpectsTheAIToGrowWithTheFleet(t *testing.T) {
	const b, humanCapable = 4, 8.0
	// Four bins of weight 1/4: a capable ratio of 2 human units each at
	// a human's cost, one AI unit deployed in each last step.
	for _, c := range []struct{ growth, want float64 }{
		{0, 4 * (2 - 1)},     // read as no growth
		{1, 4 * (2 - 1)},     // no growth: humans for what last step's AI left
		{1.5, 4 * (2 - 1.5)}, // the fleet grew by half, and so is the AI expected
		{2, 0},               // the AI expected covers the capable ratio
		{3, 0},               // and more: no human is wanted, no target is negative
	} {
		weights, _, bins := firmBins(b, 0)
		split := make([]economy.Split, b)
		for i := range b {
			split[i] = economy.Split{AI: 1}
			bins.AI[i] = 1
		}
		st := staffing
		st.AIGrowth = c.growth
		wf := Workforce{}
		st.Staff(economy.Plan{AI: 100, UseAI: true, Scaled: true}, 1, humanCapable, weights, split, ascending(b), make([]float64, b), bins, &wf, rand.New(rand.NewPCG(1, 2)))
		got := 0.0
		for i := range b {
			if bins.Target[i] < 0 {
				t.Errorf("growth %v: bin %d has a negative target %v", c.growth, i, bins.Target[i])
			}
			got += bins.Target[i]
		}
		if math.Abs(got-c.want) > 1e-12 {
			t.Errorf("growth %v: target %v human units, want %v", c.growth, got, c.want)
		}
	}
}
