package agents

import "math"

// Status is a worker's place in the labour market.
type Status uint8

// The labour-market states.
const (
	Unemployed Status = iota
	Employed
	Retraining
	Inactive // out of the labour force: prospects below the reservation value (DESIGN §6)
)

// Worker is one human worker and household. Rates are per year: Rate is a
// wage per efficiency unit per year, paid for each step's share of the year.
type Worker struct {
	Efficiency float32 // z: efficiency units of labour (log-normal, mean 1)
	Skill      float32 // skill ceiling: can work task bins whose requirement is <= Skill
	Sector     uint8   // sector the worker searches in
	Status     Status
	Displaced  bool    // last separation was a layoff by a firm that shed labour
	Bin        int16   // task bin when employed
	Spell      int16   // steps unemployed (or steps of retraining left)
	Firm       int32   // employer when employed
	Home       float32 // value of time out of the labour force, per efficiency unit per year, before unearned income

	Rate   float64 // wage per efficiency unit per year (last rate when not employed)
	Wealth float64 // money held
	Stake  float64 // share of the economy's capital owned (all stakes sum to 1)
	Income float64 // disposable income of the last step, per year
}

// Wage is the gross annual wage rate of an employed worker.
func (w *Worker) Wage() float64 {
	if w.Status != Employed {
		return 0
	}
	return w.Rate * float64(w.Efficiency)
}

// ReservationAt is the lowest wage per efficiency unit the worker accepts:
// its last rate times decayed (the decay over its spell of unemployment,
// exp(−decay rate × years unemployed)), never below the value of home
// production floor.
func (w *Worker) ReservationAt(floor, decayed float64) float64 {
	return max(floor, w.Rate*decayed)
}

// Bargain is the Nash wage per efficiency unit between the reservation wage
// res and the firm's marginal product mp, with worker bargaining power beta.
func Bargain(res, mp, beta float64) float64 {
	return res + beta*(mp-res)
}

// Renegotiate moves an incumbent's rate toward target, the wage it would
// bargain now, over one step: up by the share up of the gap (up =
// 1 − exp(−κ·dt) for an adjustment speed κ per year), down (sticky) by at
// most the factor keep (exp(−cut·dt) for a largest cut of cut log points a
// year), never below the target.
func (w *Worker) Renegotiate(target, up, keep float64) {
	switch {
	case target > w.Rate:
		w.Rate += up * (target - w.Rate)
	case target < w.Rate:
		w.Rate = max(target, w.Rate*keep)
	}
}

// Consumption is what a household spends this step out of disposable
// income and wealth: c = cy·income·dt + share·wealth, never more than it
// holds (share = 1 − exp(−cw·dt) for a propensity cw per year).
func Consumption(income, wealth, cy, share, dt float64) float64 {
	c := cy*max(income, 0)*dt + share*max(wealth, 0)
	return max(0, min(c, wealth+income*dt))
}

// Hazard is the probability that an event of rate per year happens within
// a step of dt years: 1 − exp(−rate·dt), never above 1 whatever the step.
func Hazard(rate, dt float64) float64 { return -math.Expm1(-rate * dt) }
