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

// Traditional capital held at a constant investment share i of its stock
// grows as k·exp((i − δ)t) whatever the step: 4, 12 or 52 steps a year,
// the spending recomputed at each step's stock as the firms do, end the
// year where one annual step does. What is spent buys exactly the capital
// installed (stock-flow: k' − k = spent·dt/price − δ∫k), and for a short
// step the law is the Euler step k(1 − δ·dt) + rate·dt/price to first
// order.
func TestCapitalStepDoesNotDependOnStepLength(t *testing.T) {
	const k0, price, depr = 3.0, 2.0, 0.08
	for _, i := range []float64{0, 0.05, 0.3, 0.9} {
		want, _ := CapitalStep(k0, i*price*k0, price, depr, 1)
		if exact := k0 * math.Exp((i-depr)*1); math.Abs(want/exact-1) > 1e-12 {
			t.Errorf("i %g: one annual step gives %g, exact %g", i, want, exact)
		}
		for _, n := range []int{4, 12, 52} {
			dt, k := 1/float64(n), k0
			for range n {
				next, spent := CapitalStep(k, i*price*k, price, depr, dt)
				// ∫k over the step, from the installed volume i∫k.
				integral := -k * math.Expm1(-depr*dt) / depr
				if i > 0 {
					integral = spent * dt / (price * i)
				}
				if gap := (next - k) - (spent*dt/price - depr*integral); math.Abs(gap) > 1e-12*k {
					t.Errorf("i %g, %d steps: stock moved %g, purchases less depreciation %g", i, n, next-k, next-k-gap)
				}
				k = next
			}
			if math.Abs(k/want-1) > 1e-12 {
				t.Errorf("i %g: %d steps give %g, one annual step %g", i, n, k, want)
			}
		}
	}
	// A short step is the Euler step to first order: the gap shrinks as dt².
	prev := 0.0
	for _, dt := range []float64{0.1, 0.01, 0.001} {
		rate := 0.3 * price * k0
		next, spent := CapitalStep(k0, rate, price, depr, dt)
		euler := k0*(1-depr*dt) + rate*dt/price
		gap := math.Abs(next - euler)
		if prev > 0 && (gap > prev/50 || gap == 0) {
			t.Errorf("dt %g: gap to the Euler step %g, at ten times the step %g (want ~dt²)", dt, gap, prev)
		}
		if math.Abs(spent/rate-1) > 2*dt {
			t.Errorf("dt %g: spent %g a year for a rate of %g", dt, spent, rate)
		}
		prev = gap
	}
	// The share is capped at one e-folding a step; no stock or no
	// investment is the plain depreciation-plus-purchase step.
	if next, _ := CapitalStep(1, 100, 1, 0, 0.5); math.Abs(next-math.Exp(1)) > 1e-12 {
		t.Errorf("i·dt capped at 1: stock %g, want e", next)
	}
	if next, spent := CapitalStep(0, 4, 2, depr, 0.5); next != 1 || spent != 4 {
		t.Errorf("no stock: next %g spent %g, want 1 and 4", next, spent)
	}
	if next, spent := CapitalStep(2, 0, 2, depr, 0.5); math.Abs(next-2*math.Exp(-depr*0.5)) > 1e-15 || spent != 0 {
		t.Errorf("no investment: next %g spent %g", next, spent)
	}
}
