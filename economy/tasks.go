package economy

import "math"

// Sector is one sector's name and the tilt of its task weights: weights rise
// like exp(Tilt·(i/B - 1/2)) across the bins, so a positive tilt puts the
// sector's work in tasks that are hard for AI (physical services), a
// negative one in tasks already done by machines (manufacturing).
type Sector struct {
	Name string
	Tilt float64
}

// DefaultSectors are the four sectors of the default economy, in order;
// --sectors N takes the first N (a single sector has no tilt).
var DefaultSectors = []Sector{
	{Name: "physical services", Tilt: 1.5},
	{Name: "manufacturing", Tilt: -1.5},
	{Name: "knowledge work", Tilt: 0.5},
	{Name: "science", Tilt: 1.0},
}

// Tasks is the discretised task continuum [0,1): B bins ordered by their
// complexity for AI, each with a human skill requirement, and per sector a
// weight for every bin (the weights of a sector sum to one).
type Tasks struct {
	Bins    int
	Req     []float64   // skill requirement of bin i, in [0,1)
	Weights [][]float64 // Weights[s][i]
}

// NewTasks builds B bins for the given sectors. Skill requirements are the
// bins' ranks under a fixed multiplicative permutation, so they are spread
// evenly over [0, maxReq) and unrelated to AI complexity: AI may master a
// task that needs a trained human before one that needs a hand.
func NewTasks(bins int, sectors []Sector, maxReq float64) Tasks {
	t := Tasks{Bins: bins, Req: make([]float64, bins), Weights: make([][]float64, len(sectors))}
	step := permutationStep(bins)
	for i := range bins {
		t.Req[i] = maxReq * float64((i*step)%bins) / float64(bins)
	}
	for s, sec := range sectors {
		tilt := sec.Tilt
		if len(sectors) == 1 {
			tilt = 0
		}
		t.Weights[s] = tiltedWeights(bins, tilt)
	}
	return t
}

// permutationStep returns a multiplier coprime with n near 0.618·n, so that
// i ↦ i·step mod n is a well-mixed permutation.
func permutationStep(n int) int {
	step := int(0.618*float64(n)) | 1
	for gcd(step, n) != 1 {
		step += 2
	}
	return step
}

func gcd(a, b int) int {
	for b != 0 {
		a, b = b, a%b
	}
	return a
}

// tiltedWeights are w_i ∝ exp(tilt·((i+½)/B − ½)), normalised to sum to one.
func tiltedWeights(bins int, tilt float64) []float64 {
	w := make([]float64, bins)
	sum := 0.0
	for i := range w {
		w[i] = math.Exp(tilt * ((float64(i)+0.5)/float64(bins) - 0.5))
		sum += w[i]
	}
	for i := range w {
		w[i] /= sum
	}
	return w
}

// Coverage returns the share of bin i (of B) that lies in [lo, hi): the
// fraction of its tasks performed by an input whose range is [lo, hi).
func Coverage(i, bins int, lo, hi float64) float64 {
	a := float64(i) / float64(bins)
	b := float64(i+1) / float64(bins)
	return math.Max(0, math.Min(b, hi)-math.Max(a, lo)) * float64(bins)
}

// Split is one bin's division into the traditional-capital part, the
// AI-capable part and the human-only part, as shares of the bin.
type Split struct{ Trad, AI, Human float64 }

// Frontier returns every bin's split for traditional share phiT and AI
// frontier phiA: traditional capital performs [0, Φ_T), AI agents can
// perform [Φ_T, Φ_T+Φ_A), humans alone the rest.
func (t Tasks) Frontier(phiT, phiA float64, out []Split) {
	for i := range out {
		tr := Coverage(i, t.Bins, 0, phiT)
		ai := Coverage(i, t.Bins, phiT, phiT+phiA)
		human := 1 - tr - ai
		if human < 1e-12 { // round-off where the bin is all traditional and AI: no human-only sliver
			human = 0
		}
		out[i] = Split{Trad: tr, AI: ai, Human: human}
	}
}

// Blocks are the total task measures of one sector: Ω_T traditional,
// Ω_A AI-capable, Ω_H human-only (they sum to one).
type Blocks struct{ Trad, AI, Human float64 }

// SectorBlocks sums a sector's weights over the three parts.
func SectorBlocks(weights []float64, split []Split) Blocks {
	var b Blocks
	for i, w := range weights {
		b.Trad += w * split[i].Trad
		b.AI += w * split[i].AI
		b.Human += w * split[i].Human
	}
	return b
}
