package sim

import "github.com/laborsim/laborsim/economy"

// Step advances the world by one step (a month by default) and returns its
// accounts: it runs the lines of the schedule, in order, that apply to the
// world's economy.
func (w *World) Step() economy.Accounts {
	for _, p := range w.schedule() {
		p.run(w)
	}
	return w.acct.row
}

// phase is one line of the step schedule.
type phase struct {
	name      string
	fn        func(*World)
	kind      phaseKind
	economies economyKind
}

// phaseKind says how a line of the schedule runs.
type phaseKind uint8

const (
	// barrier: fn runs to completion on the stepping goroutine (its
	// parallel chunks on the pool) before the next line starts.
	barrier phaseKind = iota
	// sideTask: fn starts on the side goroutine and runs beside the lines
	// after it, up to the next sideWait. Those lines must neither write
	// what fn reads nor touch what it writes, and fn starts no parallel
	// phase. With one core it runs at once, to completion (beside).
	sideTask
	// sideWait: wait for the side task to end (awaitSide); with fn set,
	// fn decides whether this step needs to wait here.
	sideWait
)

// economyKind says which economies run a line of the schedule.
type economyKind uint8

const (
	both         economyKind = iota
	frictional               // search and matching, the AI-agent market
	frictionless             // instant clearing (settleFrictionless)
)

// run runs line p of the schedule.
func (p phase) run(w *World) {
	switch {
	case p.kind == sideTask:
		w.beside(p.fn)
	case p.fn == nil:
		w.awaitSide()
	default:
		p.fn(w)
	}
}

// schedule is the step: every phase, every side task and every wait, in
// the order they run. A side task runs beside the lines between its start
// and its wait; the comments say why those lines and the task do not
// touch the same data.
var schedule = []phase{
	// The clock, law 2's cost price, law 1's frontier.
	{"laws", (*World).laws, barrier, both},
	// Firms plan at the expected AI price: targets, vacancies, layoffs.
	{"decide", (*World).decide, barrier, frictional},
	// Separations and layoffs, the job seekers and the posts; the open
	// jobs are listed as one more chunk of it.
	{"separate", (*World).separate, barrier, frictional},
	// The matching reads the job list and the seekers and writes the
	// workers it hires and the hire list; the recount beside it reads the
	// posts separate left and writes the slots and wage bills.
	{"match", (*World).matchJobs, sideTask, frictional},
	{"recount-clear", (*World).clearStaff, barrier, frictional},
	{"recount", (*World).sumStaff, barrier, frictional},
	{"match-wait", nil, sideWait, frictional},
	// The hires are added to the recounted slots, in the order made.
	{"hires", (*World).addHires, barrier, frictional},
	// The AI-agent market clears after matching: a firm rents AI for the
	// capable tasks its workers, as matched this step, do not cover.
	{"clearAI", (*World).clearAI, barrier, frictional},
	// Each slot's agents and AI units, from what the market allocated.
	{"deployAI", (*World).deployAI, barrier, frictional},
	// Instead of all the above: instant clearing of both markets.
	{"settle", (*World).settleFrictionless, barrier, frictionless},
	// The individual agents move to the slots' counts. The lines up to
	// moves-wait read the counts and units, not the agents.
	{"move-agents", (*World).moveAgents, sideTask, both},
	{"produce", (*World).produce, barrier, both},
	// Every firm's bills: wages, AI rents and tax, investment, dividends.
	{"pay", (*World).payFirms, barrier, both},
	// Law 3's investment in hardware; the owners' rents, the taxes and
	// the transfers per household.
	{"owners", (*World).settleOwners, barrier, both},
	{"households", (*World).households, barrier, both},
	{"goods", (*World).sellGoods, barrier, both},
	{"moves-wait", nil, sideWait, both},
	// The market statistics for the next step are taken beside the
	// accounts and the investment: they read the firms, the slots and the
	// households' partials and write the firms' hiring costs and
	// the sectors' statistics; the accounts read the samples and the
	// money, the investment the compute spend, and write none of those.
	{"stats", (*World).updateMarketStats, sideTask, both},
	{"account", (*World).account, barrier, both},
	{"invest", (*World).invest, barrier, both},
	{"stats-wait", nil, sideWait, both},
}

// The schedule's lines for each economy, in order.
var (
	frictionalSchedule   = linesFor(frictional)
	frictionlessSchedule = linesFor(frictionless)
)

// linesFor lists the lines of the schedule economy e runs.
func linesFor(e economyKind) []phase {
	var lines []phase
	for _, p := range schedule {
		if p.economies == both || p.economies == e {
			lines = append(lines, p)
		}
	}
	return lines
}

// schedule is the list of phases of one step of this world's economy.
func (w *World) schedule() []phase {
	if w.cfg.Frictionless {
		return frictionlessSchedule
	}
	return frictionalSchedule
}
