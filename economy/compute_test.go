package economy

import (
	"math"
	"testing"
)

// The user cost of the hardware that runs the fleet, divided by the fleet,
// is law 2's cost per agent at every date, for any hardware progress and
// training share: the decline of the cost of AI is shared between hardware
// and software, not added to.
func TestAgentCostIsHardwareUserCost(t *testing.T) {
	const n0, cost0, rate, depr = 1000.0, 60.0, 0.05, 0.2
	for _, progress := range []float64{1, 1.32, 2} {
		for _, decline := range []float64{1, 1.587, 10, 40} {
			for _, training := range []float64{0, 0.35, 0.9} {
				value := HardwareValue(n0, cost0, rate, depr, training)
				for _, years := range []float64{0, 0.5, 3, 10} {
					logH := 0.7 // any stock: cost per agent does not depend on it
					logS := SoftwareLog10(decline, progress, years)
					agents := Fleet(n0, FleetLog10(logH, logS))
					hw := math.Pow(10, logH)
					got := HardwarePrice(value, progress, years) * (rate + depr) * (1 - training) * hw / agents
					want := AgentCost(cost0, decline, years)
					if math.Abs(got/want-1) > 1e-12 {
						t.Errorf("progress %g decline %g training %g at %g years: hardware user cost per agent %g, law 2 %g", progress, decline, training, years, got, want)
					}
				}
			}
		}
	}
}

// Hardware accumulation is exact over a step, so twelve monthly steps, 52
// weekly steps and one annual step give the same stock.
func TestHardwareStepDoesNotDependOnStepLength(t *testing.T) {
	for _, rate := range []float64{0, 0.2, 0.9, MaxInvestmentRate} {
		want := HardwareStep(0, rate, 0.2, 1)
		for _, n := range []int{4, 12, 52} {
			got := 0.0
			for range n {
				got = HardwareStep(got, rate, 0.2, 1/float64(n))
			}
			if math.Abs(got-want) > 1e-12 {
				t.Errorf("rate %g: %d steps give log10 H %g, one year %g", rate, n, got, want)
			}
		}
	}
	if got, want := math.Pow(10, HardwareStep(0, 0, 0.2, 1)), math.Exp(-0.2); math.Abs(got-want) > 1e-12 {
		t.Errorf("no investment for a year: H = %g, want e^-0.2 = %g", got, want)
	}
}

func TestInvestmentRate(t *testing.T) {
	cases := []struct{ q, want float64 }{
		{1, 0.2},                 // fully rented at list: replacement
		{2, 0.2 + 1/4.0},         // q − 1 = 1 over χ = 4
		{0.5, 0.2 - 0.5/4.0},     // idle compute: below replacement
		{0, 0},                   // never negative
		{1e9, MaxInvestmentRate}, // bounded
	}
	for _, c := range cases {
		if got := InvestmentRate(c.q, 0.2, 4); math.Abs(got-c.want) > 1e-15 {
			t.Errorf("InvestmentRate(q=%g) = %g, want %g", c.q, got, c.want)
		}
	}
}

func TestProviderQ(t *testing.T) {
	cases := []struct{ rents, listed, want float64 }{
		{300, 300, 1},   // fully rented at list
		{150, 300, 0.5}, // half the fleet idle
		{600, 300, 2},   // a scarcity price twice the list
		{0, 0, 1},       // free AI or no fleet: no signal
	}
	for _, c := range cases {
		if q := ProviderQ(c.rents, c.listed); q != c.want {
			t.Errorf("ProviderQ(%g, %g) = %g, want %g", c.rents, c.listed, q, c.want)
		}
	}
}
