package agents

import "math"

// Status is a worker's place in the labour market.
type Status uint8

// The labour-market states.
const (
	Unemployed Status = iota
	Employed
	Retraining
)

// Worker is one human worker and household.
type Worker struct {
	Efficiency float32 // z: efficiency units of labour per month (log-normal, mean 1)
	Skill      float32 // skill ceiling: can work task bins whose requirement is <= Skill
	Sector     uint8   // sector the worker searches in
	Status     Status
	Displaced  bool  // last separation was a layoff by a firm that shed labour
	Bin        int16 // task bin when employed
	Firm       int32 // employer when employed
	Months     int16 // months unemployed (or months of retraining left)

	Rate   float64 // wage per efficiency unit per month (last rate when not employed)
	Wealth float64 // money held
	Stake  float64 // share of the economy's capital owned (all stakes sum to 1)
	Income float64 // disposable income of the last step
}

// Wage is the gross monthly wage of an employed worker.
func (w *Worker) Wage() float64 {
	if w.Status != Employed {
		return 0
	}
	return w.Rate * float64(w.Efficiency)
}

// Reservation is the lowest wage per efficiency unit the worker accepts: the
// last rate decaying by decay per month unemployed, never below the value
// of home production floor.
func (w *Worker) Reservation(floor, decay float64) float64 {
	return w.ReservationAt(floor, math.Pow(decay, float64(w.Months)))
}

// ReservationAt is Reservation given decayed = decay^Months, for callers
// that keep a table of the powers.
func (w *Worker) ReservationAt(floor, decayed float64) float64 {
	return max(floor, w.Rate*decayed)
}

// Bargain is the Nash wage per efficiency unit between the reservation wage
// res and the firm's marginal product mp, with worker bargaining power beta.
func Bargain(res, mp, beta float64) float64 {
	return res + beta*(mp-res)
}

// Renegotiate moves an incumbent's rate toward the bargained wage at the
// marginal product mp of its task: up by speed·beta of the gap each month,
// down (sticky) by at most maxCut of the rate per month.
func (w *Worker) Renegotiate(mp, beta, speed, maxCut float64) {
	switch {
	case mp > w.Rate:
		w.Rate += speed * beta * (mp - w.Rate)
	case mp < w.Rate:
		w.Rate = max(mp, w.Rate*(1-maxCut))
	}
}

// Consumption is what a household spends this month out of disposable
// income and wealth: a Keynesian-Friedman rule c = cy·income + cw·wealth,
// never more than it holds.
func Consumption(income, wealth, cy, cw float64) float64 {
	c := cy*max(income, 0) + cw*max(wealth, 0)
	return max(0, min(c, wealth+income))
}
