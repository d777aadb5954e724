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
	HumanCost  float64 // c_H: expected cost per efficiency unit of a new hire: its wage and the annuity of the vacancy costs of finding it
	HireWage   float64 // the expected wage per efficiency unit of a new hire

	// The firm's AI demand curve this step, D(p) (see AIDemand).
	Plan  economy.Plan
	RT    float64 // K_T/Ω_T
	QH    float64 // Ω_H (A/c_H)^(σ−1)
	Scale float64 // output index aimed at when the plan does not pin it down
	Kept  float64 // human units still working AI-capable tasks, not yet replaced by AI

	WageBill  float64 // wages owed this step (a rate per year), then wages paid
	Severance float64 // severance owed for this step's layoffs (money)
	AIBill    float64 // AI rents owed this step, then AI rents paid
	Paid      float64 // share of its bills the firm could pay this step (1 unless output fell short)
	Surplus   float64 // gross operating surplus Y − wages − AI bill − AI tax
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

// Staffing holds the rules a firm follows when it adjusts its workforce
// over one step (DESIGN §5): it staffs at the firm level — one target of
// human efficiency units for all its human tasks — so that results do not
// depend on how many bins its tasks are cut into or on how small it is.
type Staffing struct {
	Close      float64 // share of a staffing gap closed this step, 1 − exp(−κ·dt)
	Leave      float64 // share of its workers expected to leave this step, 1 − exp(−separation·dt)
	Separation float64 // expected separations per worker per year, replaced by hiring
	Adjust     float64 // κ, the speed of closing a staffing gap, per year
	FillRate   float64 // expected hires per vacancy per year, as observed in the firm's sector
	Horizon    float64 // expected years a hire stays, 1/(r + separation rate), to value it
	PostCost   float64 // cost of a vacancy per year, money
	Room       float64 // the workers of an average firm, plus one: a firm keeps at most its head count plus this many vacancies
}

// A Workforce is what a firm knows of its own staff when it plans: heads,
// efficiency units, its humans' marginal product and what a hire costs.
type Workforce struct {
	Heads     int32
	Units     float64
	MP        float64 // marginal product of a human efficiency unit, per year
	HireWage  float64 // expected wage per efficiency unit of a new hire, per year
	Vacancies float64 // the vacancies the firm plans to keep open (set by Staff)
	Hires     int     // the most it hires this step (set by Staff): its vacancies reopen when filled until then
}

// Staff sets the firm's human targets per bin, its vacancies and its
// layoff probabilities for one step from its plan. Human-only parts get
// plan.Human per unit of weight, AI-capable parts plan.AI; when AI is
// cheaper, the capable parts get humans only where the AI deployed there
// falls short of humanCapable per unit of weight — the capable ratio the
// firm would choose at its human cost alone — so that humans fill what
// rationed AI leaves, as many as pay at a human's cost, and none where AI
// has arrived.
//
// The firm then compares its whole target with its whole staff:
//   - over target by more than an average worker, it lays off the share
//     Close of the excess beyond that worker, from the bins over their
//     targets;
//   - under target, it wants hires at the rate Adjust·gap + Separation·heads a
//     year and keeps the vacancies that give them at the observed fill
//     rate, V = hires / FillRate — a stock, the same whatever the step
//     length, each vacancy fillable once and reopening when filled until
//     the firm has hired its whole gap and the workers expected to leave
//     this step (so that a long step does not overshoot the target) — but
//     only if a vacancy pays: FillRate × (the hire's value,
//     (MP − its wage) × Horizon) at least PostCost. Vacancies go to the
//     bins short of their targets in proportion to the shortfall (to all
//     bins with a target when none is short), rounded once for the firm
//     with r and spread by cumulative rounding. It keeps no more vacancies
//     than the head count it aims at, plus one, nor than its head count
//     plus Room.
func (s Staffing) Staff(plan economy.Plan, scale, humanCapable float64, weights []float64, split []economy.Split, b Bins, wf *Workforce, r *rand.Rand) {
	target, short, over, all := 0.0, 0.0, 0.0, 0.0
	for i, w := range weights {
		sp := split[i]
		human := w * sp.Human * plan.Human * scale
		capable := w * sp.AI * plan.AI * scale
		if plan.UseAI {
			capable = max(0, w*sp.AI*humanCapable-b.AI[i])
		}
		t := human + capable
		b.Target[i] = t
		target += t
		all += t
		gap := t - b.Human[i]
		if gap > 0 {
			short += gap
		} else {
			over -= gap
		}
		b.Vacancies[i], b.Layoff[i], b.Automated[i] = 0, 0, false
	}
	wf.Vacancies, wf.Hires = 0, 0
	mean := 1.0
	if wf.Heads > 0 {
		mean = wf.Units / float64(wf.Heads)
	}
	gap := target - wf.Units
	if gap < -mean && over > 0 {
		// The firm sheds the share Close of its excess beyond one worker
		// (workers come whole: a firm within a worker of its target keeps
		// them), from the bins over their targets.
		cut := s.Close * (-gap - mean) / over // share of each over-target bin's excess shed this step
		for i := range weights {
			if ex := b.Human[i] - b.Target[i]; ex > 0 && b.Count[i] > 0 {
				b.Layoff[i] = float32(min(1, cut*ex/b.Human[i]))
				b.Automated[i] = plan.UseAI && split[i].AI > 0
			}
		}
		return
	}
	hires := s.Adjust*gap/mean + s.Separation*float64(wf.Heads)
	value := (wf.MP - wf.HireWage) * mean * s.Horizon
	if !(hires > 0) || !(s.FillRate > 0) || s.FillRate*value < s.PostCost {
		return
	}
	v := min(hires/s.FillRate, target/mean+1, float64(wf.Heads)+s.Room) // never more open jobs than the workforce it aims at, nor than it has plus an average firm's
	wf.Vacancies = v
	n := stochasticRound(v, r)
	if n == 0 {
		return
	}
	wf.Hires = max(n, stochasticRound(max(gap, 0)/mean+s.Leave*float64(wf.Heads), r))
	weightOf := func(i int) float64 {
		if short > 0 {
			return max(0, b.Target[i]-b.Human[i])
		}
		return b.Target[i]
	}
	sum := short
	if short <= 0 {
		sum = all
	}
	if !(sum > 0) {
		return
	}
	cum, given := 0.0, 0
	for i := range weights {
		cum += weightOf(i)
		upto := min(n, int(math.Round(float64(n)*cum/sum)))
		b.Vacancies[i] = int32(upto - given)
		given = upto
	}
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
