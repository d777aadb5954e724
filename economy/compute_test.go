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

// Traditional capital bought at a constant flow grows, whatever the step,
// as the exact solution of dk/dt = I/p − δk: 4, 12 or 52 steps end the
// year where one annual step does and where a fine numerical integration
// (RK4, 10,000 steps) does; a short step is the Euler step to first order;
// with no depreciation the year's purchases are all added.
func TestCapitalStepDoesNotDependOnStepLength(t *testing.T) {
	const k0, price = 3.0, 2.0
	for _, depr := range []float64{0, 0.06, 0.5} {
		for _, rate := range []float64{0, 0.4, 5} {
			want := CapitalStep(k0, rate, price, depr, 1)
			k, h := k0, 1e-4
			for range 10000 {
				f := func(x float64) float64 { return rate/price - depr*x }
				a := f(k)
				b := f(k + h/2*a)
				c := f(k + h/2*b)
				d := f(k + h*c)
				k += h / 6 * (a + 2*b + 2*c + d)
			}
			if math.Abs(want-k) > 1e-9*max(1, k) {
				t.Errorf("δ %g, rate %g: one annual step gives %g, the integrated path %g", depr, rate, want, k)
			}
			for _, n := range []int{4, 12, 52} {
				got := k0
				for range n {
					got = CapitalStep(got, rate, price, depr, 1/float64(n))
				}
				if math.Abs(got-want) > 1e-12*max(1, want) {
					t.Errorf("δ %g, rate %g: %d steps give %g, one annual step %g", depr, rate, n, got, want)
				}
			}
		}
	}
	if got, want := CapitalStep(k0, 4, price, 0, 0.5), k0+4*0.5/price; math.Abs(got-want) > 1e-15 {
		t.Errorf("no depreciation: %g, want %g", got, want)
	}
	// A short step is the Euler step to first order: the gap shrinks as dt².
	prev := 0.0
	for _, dt := range []float64{0.1, 0.01, 0.001} {
		const rate, depr = 1.5, 0.08
		gap := math.Abs(CapitalStep(k0, rate, price, depr, dt) - (k0*(1-depr*dt) + rate*dt/price))
		if prev > 0 && (gap > prev/50 || gap == 0) {
			t.Errorf("dt %g: gap to the Euler step %g, at ten times the step %g (want ~dt²)", dt, gap, prev)
		}
		prev = gap
	}
	if got := CapitalStep(k0, -1, price, 0.1, 1); math.Abs(got-k0*math.Exp(-0.1)) > 1e-15 {
		t.Errorf("a negative rate buys nothing: %g", got)
	}
}
