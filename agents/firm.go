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
	Capital float64 // traditional capital K_T, efficiency units, at the step's start
	// CapitalInUse is the traditional capital that plans and produces
	// this step: the stock at the step's midpoint, predicted at the last
	// step's investment (the midpoint rule, as the AI laws are read).
	CapitalInUse float64
	Cash         float64

	X      float64 // output index of the last step (Y = A·X)
	Output float64 // Y

	HumanUnits float64 // human efficiency units employed
	AIUnits    float64 // AI efficiency units deployed
	MPHuman    float64 // marginal product of a human efficiency unit
	MPAI       float64 // marginal product of an AI efficiency unit
	HumanCost  float64 // c_H: expected cost per efficiency unit of a new hire at the firm's target: its wage and the annuity of the vacancy costs of finding it

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
	Close    float64 // share of a staffing gap closed this step, 1 − exp(−κ·dt)
	Leave    float64 // share of its workers expected to leave this step, 1 − exp(−separation·dt)
	Step     float64 // dt, the step's length in years
	FillRate float64 // expected hires per vacancy per year, as observed in the firm's sector
	Room     float64 // the workers of an average firm, plus one: a firm keeps at most its head count plus this many vacancies
	AIGrowth float64 // the factor by which the AI in Bins.AI, deployed last step, is expected to grow this step (the fleet's growth where the AI market was rationed, else 1); 0 is read as 1
}

// A Workforce is what a firm knows of its own staff when it plans: its
// heads and efficiency units.
type Workforce struct {
	Heads     int32
	Units     float64
	Vacancies float64 // the vacancy stock the firm keeps open (set by Staff)
	Open      float64 // the chance that each of its listed jobs is open in a round of the matching, Vacancies / jobs listed (set by Staff)
}

// Staff sets the firm's human targets per bin, its vacancies and its
// layoff probabilities for one step from its plan. Human-only parts get
// plan.Human per unit of weight, AI-capable parts plan.AI; when AI is
// cheaper, the capable parts get humans only where the AI expected there
// falls short of humanCapable per unit of weight — the capable ratio the
// firm would choose at its human cost alone — so that humans fill what
// rationed AI leaves, as many as pay at a human's cost, and none where AI
// has arrived. The AI expected is last step's deployment, b.AI, grown by
// AIGrowth: a firm that planned with last step's AI alone would, while
// the fleet grows, hire for tasks the AI arriving this step does, and
// the more the longer the step.
//
// b.Human and b.Count hold the firm's workers by the most demanding bin
// each can work (its qualification), not by the vacancy it came through:
// the firm assigns its workers to its tasks itself. Which skills it asks
// for is its share of its sector's: unfilled[i] is the share of bin i's
// target that the sector's workers leave unfilled when the most
// qualified are assigned to the most demanding bins first (the labour
// market's statistic, found for the whole sector so that a firm of six
// workers asks for the same skills as one of six thousand; DESIGN §5,
// results must not depend on firm size).
//
// The firm then compares its whole target with its whole staff:
//   - over target by more than an average worker, it lays off the share
//     Close of the excess beyond that worker, the least qualified first
//     (byReq lists the bins in ascending order of requirement): every bin
//     the firm staffs can still be staffed by those who stay;
//   - otherwise it wants to hire, this step, the share Close of its gap
//     and the workers expected to leave, Close·gap + Leave·heads, and
//     keeps the vacancy stock that gives them at the observed fill rate,
//     V = hires / (FillRate·dt) — the same stock whatever the step length.
//     The target is where a hire pays: the plan is made at the cost of a
//     hire, its wage and the annuity of the vacancy costs of finding it
//     (Firm.HumanCost), so a firm below its target expects a hire to
//     pay, and one over it by more than its leavers posts no vacancy.
//     The stock is listed as
//     ⌈V⌉ jobs, each open in a round of the matching with chance V/⌈V⌉ and
//     open again when filled: a firm with a fifth of a vacancy has one job
//     open a fifth of the time, so it hires, per unit of its stock, what a
//     firm with a thousand vacancies hires. The jobs go to its bins in
//     proportion to Target[i]·unfilled[i] (to Target[i] when its sector
//     leaves nothing unfilled), by systematic sampling from one uniform of
//     r: each bin's expected jobs are exactly its share, whether the firm
//     has one or a thousand. It keeps no more vacancies than the head
//     count it aims at, plus one, nor than its head count plus Room.
func (s Staffing) Staff(plan economy.Plan, scale, humanCapable float64, weights []float64, split []economy.Split, byReq []int, unfilled []float64, b Bins, wf *Workforce, r *rand.Rand) {
	target, short := 0.0, 0.0
	growth := s.AIGrowth
	if !(growth > 0) {
		growth = 1
	}
	for i, w := range weights {
		sp := split[i]
		human := w * sp.Human * plan.Human * scale
		capable := w * sp.AI * plan.AI * scale
		if plan.UseAI {
			capable = max(0, w*sp.AI*humanCapable-b.AI[i]*growth)
		}
		b.Target[i] = human + capable
		target += b.Target[i]
		short += b.Target[i] * unfilled[i]
		b.Vacancies[i], b.Layoff[i], b.Automated[i] = 0, 0, false
	}
	wf.Vacancies, wf.Open = 0, 0
	mean := 1.0
	if wf.Heads > 0 {
		mean = wf.Units / float64(wf.Heads)
	}
	gap := target - wf.Units
	// Workers wanted this step, net of those expected to leave: the share
	// Close of the gap plus the leavers' replacements.
	hires := s.Close*gap/mean + s.Leave*float64(wf.Heads)
	if hires < 0 {
		// Attrition does not shed enough: the firm lays off the rest, the
		// least qualified first.
		shed := -hires * mean
		for _, i := range byReq {
			if !(shed > 0) {
				break
			}
			if h := b.Human[i]; h > 0 && b.Count[i] > 0 {
				take := min(h, shed)
				b.Layoff[i] = float32(take / h)
				b.Automated[i] = plan.UseAI
				shed -= take
			}
		}
		return
	}
	if !(hires > 0) || !(s.FillRate > 0) || !(s.Step > 0) {
		return
	}
	v := min(hires/(s.FillRate*s.Step), target/mean+1, float64(wf.Heads)+s.Room) // never more open jobs than the workforce it aims at, nor than it has plus an average firm's
	if !(v > 0) {
		return
	}
	n := int(math.Ceil(min(v, 1<<30)))
	wf.Vacancies, wf.Open = v, v/float64(n)
	useShort := short > 1e-9*target
	sum := short
	if !useShort {
		sum = target
	}
	if !(sum > 0) {
		return
	}
	// Systematic sampling: vacancy j goes to the bin where the running
	// sum of the weights passes (j + u)/n of their total.
	u := r.Float64()
	cum, j, last := 0.0, 0, -1
	for i := range weights {
		wgt := b.Target[i]
		if useShort {
			wgt *= unfilled[i]
		}
		if !(wgt > 0) {
			continue
		}
		last = i
		cum += wgt
		for j < n && (float64(j)+u)*sum < cum*float64(n) {
			b.Vacancies[i]++
			j++
		}
	}
	if j < n && last >= 0 { // round-off at the end of the sum
		b.Vacancies[last] += int32(n - j)
	}
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
