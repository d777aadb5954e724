package agents

import (
	"math"
	"math/rand/v2"

	"github.com/laborsim/laborsim/economy"
)

// Firm is one firm. Its per-task-bin state (staff, AI agents, targets,
// vacancies) lives in the engine's flat firm·bin arrays, viewed by Bins.
type Firm struct {
	Sector  uint8
	TFP     float64 // A_f
	Capital float64 // traditional capital K_T, efficiency units
	Cash    float64

	X      float64 // output index of the last step (Y = A·X)
	Output float64 // Y

	HumanUnits float64 // human efficiency units employed
	AIUnits    float64 // AI efficiency units deployed
	MPHuman    float64 // marginal product of a human efficiency unit
	MPAI       float64 // marginal product of an AI efficiency unit
	HumanCost  float64 // c_H: expected wage per efficiency unit of a new hire

	// The firm's AI demand curve this step, D(p) (see AIDemand).
	Plan  economy.Plan
	RT    float64 // K_T/Ω_T
	QH    float64 // Ω_H (A/c_H)^(σ−1)
	Scale float64 // output index aimed at when the plan does not pin it down
	Kept  float64 // human units still working AI-capable tasks, not yet replaced by AI

	WageBill float64 // wages owed this step, then wages paid
	AIBill   float64 // AI rents owed this step, then AI rents paid
	Paid     float64 // share of its bills the firm could pay this step (1 unless output fell short)
	Surplus  float64 // gross operating surplus Y − wages − AI bill − AI tax
}

// Bins is a view of one firm's slice of the engine's firm·bin arrays.
type Bins struct {
	Human     []float64 // human efficiency units employed
	Count     []int32   // workers employed
	AI        []float64 // AI efficiency units deployed
	Target    []float64 // human efficiency units wanted
	Vacancies []int32
	Layoff    []float32 // probability that each worker of the bin is laid off this step
	Automated []bool    // the layoffs are automation displacement
}

// Staffing holds the rules a firm follows when it adjusts its workforce.
type Staffing struct {
	Adjust     float64 // share of a staffing gap closed per month
	Separation float64 // expected exogenous separations, replaced by vacancies
	MeanEff    float64 // mean worker efficiency, to turn units into heads
	MaxPost    int     // most vacancies the firm posts in a month, all its bins together
}

// Staff sets human targets, vacancies and layoff probabilities for one
// firm from its plan: human-only parts get plan.Human per unit of weight,
// AI-capable parts plan.AI, less the AI already deployed there when AI is
// cheaper (humans fill what rationed AI leaves). When AI costs nothing the
// plan is unbounded; the firm then hires nobody for capable tasks and keeps
// the humans it has there until AI arrives. Gaps are closed at the Adjust
// rate. The firm posts at most MaxPost vacancies a month in all (about its
// average workforce: it cannot more than double its staff in a month); when
// its bins want more, each bin's want is scaled down alike. Vacancies are
// rounded stochastically with r.
func (s Staffing) Staff(plan economy.Plan, scale float64, weights []float64, split []economy.Split, b Bins, r *rand.Rand) {
	wanted := 0.0
	for i, w := range weights {
		sp := split[i]
		human := w * sp.Human * plan.Human * scale
		capable := w * sp.AI * plan.AI * scale
		switch {
		case plan.UseAI && math.IsInf(capable, 1):
			capable = max(0, b.Human[i]-human)
		case plan.UseAI:
			capable = max(0, capable-b.AI[i])
		}
		target := human + capable
		b.Target[i] = target
		gap := target - b.Human[i]
		b.Vacancies[i], b.Layoff[i], b.Automated[i] = 0, 0, false
		switch {
		case gap > 0:
			wanted += s.posts(gap, b.Count[i])
		case b.Count[i] > 0 && -gap >= s.MeanEff/2:
			heads := s.Adjust * (-gap) / s.MeanEff
			b.Layoff[i] = float32(min(1, heads/float64(b.Count[i])))
			b.Automated[i] = plan.UseAI && sp.AI > 0
		}
	}
	if !(wanted > 0) {
		return
	}
	cut := min(1, float64(s.MaxPost)/wanted)
	for i := range weights {
		if gap := b.Target[i] - b.Human[i]; gap > 0 {
			b.Vacancies[i] = int32(stochasticRound(cut*s.posts(gap, b.Count[i]), r))
		}
	}
}

// posts is the vacancies a bin with a staffing gap of gap units and count
// workers wants this month: the share Adjust of the gap, in heads, and the
// expected separations.
func (s Staffing) posts(gap float64, count int32) float64 {
	return s.Adjust*gap/s.MeanEff + s.Separation*float64(count)
}

// stochasticRound rounds x up with probability equal to its fraction.
func stochasticRound(x float64, r *rand.Rand) int {
	if !(x > 0) {
		return 0
	}
	x = min(x, 1<<30)
	n := math.Floor(x)
	if r.Float64() < x-n {
		n++
	}
	return int(n)
}

// AIDemand is the firm's demand for AI efficiency units at price pu per
// efficiency unit, from the closed-form plan with traditional capital fixed:
// with Q(p) = QH + Ω_A (A/p)^(σ−1), X = r_T (Ω_T/(1−Q))^(1/ρ) and
// demand Ω_A X (A/p)^σ. Zero when humans are cheaper. Firms without a fixed
// factor scale the demand by xRef.
func (f *Firm) AIDemand(ces economy.CES, b economy.Blocks, pu, xRef float64) float64 {
	if b.AI <= 0 || !(pu < f.HumanCost) {
		return 0
	}
	if pu <= 0 {
		return math.Inf(1)
	}
	// (A/p)^σ and (A/p)^(σ−1); at σ = 0.5 they are what math.Pow returns
	// for those exponents, √(A/p) and 1/√(A/p), from one square root.
	var up, down float64
	if t := f.TFP / pu; ces.Sigma == 0.5 {
		up = math.Sqrt(t)
		down = 1 / up
	} else {
		up, down = math.Pow(t, ces.Sigma), math.Pow(t, ces.Sigma-1)
	}
	x := xRef
	if f.Plan.Scaled {
		q := f.QH + b.AI*down
		switch {
		case math.Abs(ces.Rho) < 1e-9:
			x = f.RT * math.Exp((b.Human*math.Log(f.TFP/f.HumanCost)+b.AI*math.Log(f.TFP/pu))/b.Trad)
		case q >= 1 && ces.Rho < 0:
			return 0
		case q >= 1:
			x = xRef
		default:
			x = f.RT * economy.Pow(b.Trad/(1-q), 1/ces.Rho)
		}
	}
	return max(0, b.AI*x*up-f.Kept)
}
