package sim

import (
	"math"
	"sync/atomic"

	"github.com/laborsim/laborsim/agents"
)

// production is the firms' room: their plans (what each slot should
// hold: its target, vacancies and layoffs), production, and the goods
// market.
type production struct {
	expected float64 // the AI price firms plan with this step (decide hands it to decideChunk)

	// Firm·bin arrays, index f·B + b: the firms' plans for their slots.
	target    []float64 // human units
	vacancies []int32
	layoff    []float32 // each worker's layoff probability
	automated []bool    // a layoff here is displacement by AI
	laysOff   []uint64  // bit per slot: its layoff probability is not 0 (spares separate a cache miss)

	// Per-firm copies that the passes over workers and jobs read at
	// random: 8 bytes a firm instead of a Firm's cache lines.
	mpHuman    []float64 // MPHuman, set by produce
	mpExpected []float64 // the product of a human unit the firm expects, MPHuman smoothed at --expectation-speed (World.expect, in produce): what wages and offers go by
	mpLasting  []float64 // the product the firm expects of a job over its life, MPHuman smoothed over about a year (World.expect, in produce): what layoffs go by
	open       []float64 // the chance that each of a firm's listed jobs is open in a round of the matching (decide sets them)
	aiHere     []float64 // AI agent-instances deployed at each firm, counted by produce

	slotSums []slotTotals // per firm chunk, from produce for pay
	spending float64      // spending on goods this step (sellGoods hands it to sellChunk)
}

// init makes the production room's slices, once.
func (p *production) init(c Config) {
	fb := c.Firms * c.TaskBins
	p.target, p.vacancies = make([]float64, fb), make([]int32, fb)
	p.layoff, p.automated = make([]float32, fb), make([]bool, fb)
	p.laysOff = make([]uint64, (fb+63)/64)
	p.mpHuman, p.mpExpected, p.aiHere = make([]float64, c.Firms), make([]float64, c.Firms), make([]float64, c.Firms)
	p.mpLasting = make([]float64, c.Firms)
	p.open = make([]float64, c.Firms)
	p.slotSums = make([]slotTotals, chunks(c.Firms, firmChunk))
}

// decide runs every firm's decision in parallel over firm chunks: its
// expected costs, its input plan and from it targets, vacancies and layoffs,
// at the AI price firms expect this step.
func (w *World) decide() {
	w.prod.expected = w.ai.expectedPrice(w.dt())
	clear(w.prod.laysOff)
	w.parallel(len(w.firms), firmChunk, (*World).decideChunk)
}

// decideChunk runs the decisions of one firm chunk at the expected AI
// price w.prod.expected.
func (w *World) decideChunk(ch, lo, hi int) {
	c := &w.cfg
	l := &w.labour
	dt := w.dt()
	pu := w.prod.expected / c.AIProductivity
	r := w.rng.get(ch, streamFirms, w.step, ch)
	growth := w.ai.fleetGrowth()
	for f := lo; f < hi; f++ {
		fm := &w.firms[f]
		s := int(fm.Sector)
		bl := w.blocks[s]
		fm.Plan = w.ces.Demand(fm.TFP, fm.CapitalInUse, bl, fm.HumanCost, pu)
		fm.RT, fm.QH = 0, 0
		if bl.Trad > 0 {
			fm.RT = fm.CapitalInUse / bl.Trad
			fm.QH = bl.Human * math.Pow(fm.TFP/fm.HumanCost, c.Sigma-1)
		}
		scale := w.unscaledSize(f)
		fm.Scale = scale
		humanCapable := fm.Plan.AI * scale
		if fm.Plan.UseAI { // the capable ratio at a human's cost, for what AI does not cover
			alone := w.ces.Demand(fm.TFP, fm.CapitalInUse, bl, fm.HumanCost, fm.HumanCost)
			humanCapable = alone.AI * scale
			if alone.Scaled {
				humanCapable = alone.AI
			}
		}
		base, end := f*c.TaskBins, (f+1)*c.TaskBins
		var wf agents.Workforce
		for k := base; k < end; k++ {
			wf.Heads += l.count[k]
			wf.Units += l.human[k]
		}
		staffing := agents.Staffing{
			Close:    agents.Hazard(c.Adjustment, dt),
			Leave:    agents.Hazard(l.sepRate, dt),
			Step:     dt,
			FillRate: l.sectorFill[s],
			Room:     float64(c.Workers/c.Firms + 1),
			AIGrowth: growth,
		}
		staffing.Staff(fm.Plan, scale, humanCapable, w.tasks.Weights[s], w.split, w.byReq, l.unfilled[s*c.TaskBins:(s+1)*c.TaskBins], agents.Bins{
			Human: l.human[base:end], Count: l.count[base:end], AI: w.ai.units[base:end],
			Target: w.prod.target[base:end], Vacancies: w.prod.vacancies[base:end],
			Layoff: w.prod.layoff[base:end], Automated: w.prod.automated[base:end],
		}, &wf, r)
		w.prod.open[f] = wf.Open
		for k := base; k < end; k++ {
			if w.prod.layoff[k] != 0 {
				atomic.OrUint64(&w.prod.laysOff[k>>6], 1<<(k&63)) // a word may span two chunks
			}
		}
	}
}

// unscaledSize is the output index a firm without a fixed factor aims at:
// its current one, grown or shrunk by at most 1.2 log points a year
// (about 10% a month) toward where its
// humans' marginal product meets their cost. Firms whose plan pins down
// their scale get 1.
func (w *World) unscaledSize(f int) float64 {
	fm := &w.firms[f]
	if fm.Plan.Scaled {
		return 1
	}
	if fm.X <= 0 {
		units := 0.0
		for _, h := range w.labour.human[f*w.cfg.TaskBins : (f+1)*w.cfg.TaskBins] {
			units += h
		}
		bl := w.blocks[fm.Sector]
		per := bl.Human*fm.Plan.Human + bl.AI*fm.Plan.AI
		if fm.Plan.UseAI {
			per = bl.Human * fm.Plan.Human
		}
		return (units + 1) / max(per, 1e-300)
	}
	g := math.Pow(max(fm.MPHuman, 1e-300)/fm.HumanCost, w.cfg.Sigma)
	most := math.Exp(1.2 * w.dt()) // 10% a month, at any step length
	return fm.X * max(1/most, min(most, g))
}

// produce runs every firm's production in parallel over firm chunks.
func (w *World) produce() {
	w.parallel(len(w.firms), firmChunk, (*World).produceChunk)
}

// produceChunk produces for one firm chunk and, in the same pass over its
// slots, adds up what payChunk reports for the chunk (slotTotals) and each
// firm's AI agents.
func (w *World) produceChunk(ch, lo, hi int) {
	b := w.cfg.TaskBins
	gain, slow := agents.Hazard(w.cfg.ExpectationSpeed, w.dt()), agents.Hazard(lastingSpeed, w.dt())
	var t slotTotals
	for f := lo; f < hi; f++ {
		var ai, human float64
		agentsHere, posted := 0.0, 0
		for k := f * b; k < (f+1)*b; k++ {
			posted += int(w.prod.vacancies[k])
			ai += w.ai.units[k]
			human += w.labour.human[k]
			t.aiUnits += w.ai.units[k]
			t.humanUnits += w.labour.human[k]
			t.vacancies += float64(w.prod.vacancies[k]) * w.prod.open[f]
			agentsHere += w.ai.agentsAt(k, w.cfg.AIProductivity)
		}
		w.prod.aiHere[f] = agentsHere
		w.produceFirm(f, ai, human, posted)
		w.expect(f, gain, slow)
	}
	w.prod.slotSums[ch] = t
}

// expect updates the products firm f expects of a worker, as soon as
// this step's marginal product is known: mpExpected, the marginal product
// smoothed at --expectation-speed (so that the week-to-week noise of a
// small firm's hires and quits does not set wages, offers and layoffs),
// and mpLasting, smoothed over about a year. The wages renegotiated this
// step and the values of search then go by this step's product: read a
// step later, each would lag the economy by a month at 12 steps a year
// and a week at 52, an error of the first order in the step.
func (w *World) expect(f int, gain, slow float64) {
	mp := w.firms[f].MPHuman
	e, lasting := &w.prod.mpExpected[f], &w.prod.mpLasting[f]
	if w.step == 0 {
		*e, *lasting = mp, mp
		return
	}
	*e += gain * (mp - *e)
	*lasting += slow * (mp - *lasting)
}

// slotTotals are one firm chunk's sums over its slots, each taken slot by
// slot in slot order.
type slotTotals struct {
	aiUnits, humanUnits, vacancies float64 // vacancies: the stock, jobs listed times their chance of being open
}

// produceFirm computes firm f's output Y = A·X (a rate per year) and the
// marginal products of its humans and AI agents, given the AI and human
// units in its slots, and its value added: Y less the cost of keeping its
// posted vacancies open (recruiting uses the firm's own output, as in the
// search-and-matching model, DESIGN §5). Workers and AI agents are hired
// into task bins, but like any worker they perform many tasks: the firm
// spreads its human and AI units over its tasks optimally
// (economy.Allocate), so output does not collapse when one bin of a small
// firm is empty.
func (w *World) produceFirm(f int, ai, human float64, posted int) {
	fm := &w.firms[f]
	bl := w.blocks[fm.Sector]
	x, rAI, rHuman := w.ces.Index(bl, fm.CapitalInUse, ai, human)
	fm.X = x
	y := fm.TFP * x
	fm.Output = y - min(y, float64(posted)*w.prod.open[f]*w.labour.postCost)
	fm.HumanUnits, fm.AIUnits = human, ai
	fm.MPAI = w.ces.Marginal(fm.TFP, x, rAI)
	fm.MPHuman = fm.MPAI
	if bl.Human > 0 {
		fm.MPHuman = w.ces.Marginal(fm.TFP, x, rHuman)
	}
	if human <= 0 && bl.Human > 0 {
		// No one works here: what a hire would produce is the marginal
		// product of a first worker's unit (with σ < 1 output and the
		// marginal product at no labour at all are 0, and the firm would
		// never hire again).
		x1, rAI1, rHuman1 := w.ces.Index(bl, fm.CapitalInUse, ai, 1)
		fm.MPHuman = w.ces.Marginal(fm.TFP, x1, rHuman1)
		if ai <= 0 {
			fm.MPAI = w.ces.Marginal(fm.TFP, x1, rAI1)
		}
	}
	w.prod.mpHuman[f] = fm.MPHuman
}

// sellGoods closes the goods market: households' consumption and retraining,
// firms' investment and the provider's compute purchases — the money
// spent this step — are spent on the goods of all firms in proportion to
// their output (Say's law: what is not bought is added to inventories,
// financed by the firm's cash). The retraining's cost is spent whole: the
// households' share and the government's subsidy (paid in the households
// phase).
func (w *World) sellGoods() {
	var cons, retrain, subsidy float64
	for _, p := range w.hh.wpart {
		cons += p.consumption
		retrain += p.retrainPaid
		subsidy += p.subsidy
	}
	w.prod.spending = cons + retrain + subsidy + (w.hh.totals.invest+w.ai.computeSpend)*w.dt()
	w.parallel(len(w.firms), firmChunk, (*World).sellChunk)
}

// sellChunk credits the firms of one chunk with their sales.
func (w *World) sellChunk(_, lo, hi int) {
	gdp := w.hh.totals.gdp
	n := float64(len(w.firms))
	for f := lo; f < hi; f++ {
		fm := &w.firms[f]
		if gdp > 0 {
			fm.Cash += w.prod.spending * (fm.Output / gdp)
		} else {
			fm.Cash += w.prod.spending / n
		}
	}
}
