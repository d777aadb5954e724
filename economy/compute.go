package economy

import "math"

// The compute loop (docs/MODEL.md §3): AI providers own hardware H, bought
// at a price falling at the hardware progress rate; algorithmic efficiency
// S multiplies what each unit of hardware does; effective compute E = H·S
// trains models (a fixed share) and runs them (the rest). Quantities are
// kept in log10 relative to the start (H0 = S0 = E0 = 1) so that no decline
// rate overflows.

// SoftwareLog10 is log10 S(t), the algorithmic efficiency t years after the
// start: whatever growth makes the cost of a given level of AI fall at
// decline a year together with hardware getting cheaper at progress a year,
// S(t) = (decline/progress)^t. Where decline < progress, S falls: models
// that grow faster than hardware gets cheaper.
func SoftwareLog10(decline, progress, years float64) float64 {
	return years * math.Log10(decline/progress)
}

// HardwarePrice is the price of one unit of hardware (the start's stock is
// one unit) t years after the start, p_H(t) = p0 · progress^(−t).
func HardwarePrice(p0, progress, years float64) float64 {
	return p0 * math.Pow(progress, -years)
}

// HardwareValue is the value at the start of the hardware that runs n0
// agent-instances, each costing cost0 a year in user cost (interest plus
// depreciation) when a share training of the hardware trains models:
// p_H0·H0 = n0 · cost0 / ((r + δ)(1 − training)).
func HardwareValue(n0, cost0, rate, depr, training float64) float64 {
	return n0 * cost0 / ((rate + depr) * (1 - training))
}

// AgentCost is law 2: the user cost of the compute one agent-instance
// needs t years after the start, cost0 · decline^(−t). It equals the
// hardware's user cost p_H·(r+δ) divided by the agents one unit of hardware
// runs, which grow with S, so it falls at decline a year.
func AgentCost(cost0, decline, years float64) float64 {
	if cost0 == 0 {
		return 0
	}
	return cost0 * math.Pow(decline, -years)
}

// FleetLog10 is log10 of the fleet relative to the start: the
// agent-instances that can run at once are inference effective compute over
// the compute one agent needs, and with a constant training share they grow
// with effective compute, log10 N/N0 = log10 H + log10 S.
func FleetLog10(logH, logS float64) float64 { return logH + logS }

// Fleet is the number of agent-instances that can run at once.
func Fleet(n0, logFleet float64) float64 { return n0 * math.Pow(10, logFleet) }

// ProviderQ is Tobin's q of AI compute: what the installed fleet earned
// (rents) over what it would earn rented out in full at the list price
// (the user cost times one plus the markup, for every agent-instance).
// Idle compute gives q < 1, a scarcity price q > 1, a fleet fully rented
// at the list price q = 1; with nothing listed (free AI or no fleet) there
// is no signal and q = 1.
func ProviderQ(rents, listed float64) float64 {
	if !(listed > 0) {
		return 1
	}
	return rents / listed
}

// MaxInvestmentRate bounds gross investment in hardware, as a share of the
// stock a year: a provider cannot more than triple its hardware within a
// year however high q is (the time to build data centres).
const MaxInvestmentRate = 2.0

// InvestmentRate is law 3's investment in hardware, gross, as a share of the
// installed stock a year: replacement plus (q − 1)/χ (Hayashi 1982, with
// quadratic adjustment costs of curvature χ), never negative (hardware is
// not sold back) and at most MaxInvestmentRate.
func InvestmentRate(q, depr, adjustment float64) float64 {
	return math.Max(0, math.Min(MaxInvestmentRate, depr+(q-1)/adjustment))
}

// HardwareStep advances log10 H over a step of dt years at gross investment
// rate i and depreciation δ (both a year): H' = H·exp((i − δ)·dt), the exact
// solution of dH/dt = (i − δ)H over the step, so that the path does not
// depend on the step length.
func HardwareStep(logH, rate, depr, dt float64) float64 {
	return logH + (rate-depr)*dt/math.Ln10
}

// CapitalStep advances a capital stock k over a step of dt years in which
// its owner buys capital at the rate rate (money a year, constant over the
// step: a share of the step's surplus) at price a unit, while the stock
// depreciates at depr a year: the exact solution of dk/dt = rate/price −
// δk over the step,
//
//	k' = k·e^(−δ·dt) + (rate/price)·(1 − e^(−δ·dt))/δ,
//
// (rate·dt/price at δ = 0). Steps compose exactly, so for a given flow the
// stock does not depend on the step length; k(1 − δ·dt) + rate·dt/price,
// the Euler step, depreciates the whole step's purchases for none of it
// and the start's stock at the start's rate, an error of the first order
// in the step. The money spent is rate·dt, all of it capital bought: the
// step's investment and dividends still add up to its surplus. price and
// dt are positive; a negative rate is taken as 0 (capital is not sold
// back).
func CapitalStep(k, rate, price, depr, dt float64) float64 {
	bought := max(rate, 0) / price * dt // at δ = 0
	if x := depr * dt; x != 0 {
		bought = max(rate, 0) / price * (-math.Expm1(-x)) / depr
	}
	return max(k, 0)*math.Exp(-depr*dt) + bought
}
