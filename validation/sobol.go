package validation

import (
	"fmt"
	"math"
	"math/rand/v2"

	"github.com/laborsim/laborsim/experiments"
	"github.com/laborsim/laborsim/sim"
)

// The sobol-ishigami check holds the estimators behind 'laborsim
// sensitivity --method sobol' to a function whose indices are known in
// closed form. It runs no simulation: it tests the arithmetic that turns
// a design's outputs into indices, which a simulation could not.
const (
	IshigamiA, IshigamiB = 7, 0.1
	IshigamiSamples      = 1 << 16 // rows of the design: 5 × 65,536 evaluations
	IshigamiBootstrap    = 500
	IshigamiSeed         = 1
	// IshigamiTolerance is the largest absolute error of an index: at
	// 65,536 rows the bootstrap standard errors of the six indices are
	// 0.0016 to 0.0054 (their 95% intervals 0.006 to 0.021 wide), so 0.02
	// is 3.7 of the largest.
	IshigamiTolerance = 0.02
)

// sobolCheck is the sobol-ishigami check.
func sobolCheck() Check {
	return Check{
		Name:   "sobol-ishigami",
		Title:  "The Sobol estimators recover the Ishigami function's indices",
		Source: "Ishigami & Homma (1990), f = sin x1 + a sin² x2 + b x3⁴ sin x1 on [−π, π]³, whose indices have a closed form (Saltelli et al. 2008, Global Sensitivity Analysis: The Primer, §4.9); the estimators of laborsim sensitivity: Saltelli et al. (2010) for S1, Jansen (1999) for ST",
		Rule:   fmt.Sprintf("|index − closed form| <= %g for each index (absolute: indices are shares of variance)", IshigamiTolerance),
		note: fmt.Sprintf("no simulation: the Ishigami function with a = %g, b = %g, Saltelli et al.'s design of %s rows (%s evaluations) drawn with seed %d, %d bootstrap resamples",
			float64(IshigamiA), IshigamiB, counts([]int{IshigamiSamples}), counts([]int{5 * IshigamiSamples}), IshigamiSeed, IshigamiBootstrap),
		judge: func([]sim.Config, []sim.Result) []Outcome { return judgeIshigami() },
	}
}

// judgeIshigami estimates the indices of x1, x2 and x3 and compares each
// with its closed form (experiments.IshigamiIndices).
func judgeIshigami() []Outcome {
	u := experiments.SaltelliDesign(3, IshigamiSamples, rand.New(rand.NewPCG(IshigamiSeed, 1)))
	y := make([]float64, len(u))
	for i, p := range u {
		y[i] = experiments.Ishigami(IshigamiA, IshigamiB, p)
	}
	got, err := experiments.SobolIndices(3, y, IshigamiBootstrap, rand.New(rand.NewPCG(IshigamiSeed, 2)))
	if err != nil {
		return []Outcome{{Quantity: "Sobol indices", Note: err.Error(), Got: math.NaN()}}
	}
	s1, st := experiments.IshigamiIndices(IshigamiA, IshigamiB)
	var out []Outcome
	for i, g := range got {
		x := fmt.Sprintf("x%d", i+1)
		out = append(out,
			ishigamiOutcome("first-order index S1 of "+x, s1[i], g.S1, g.S1Lo, g.S1Hi),
			ishigamiOutcome("total index ST of "+x, st[i], g.ST, g.STLo, g.STHi))
	}
	return out
}

// ishigamiOutcome accepts an index within IshigamiTolerance of its closed
// form; its parameters are its error and its bootstrap interval.
func ishigamiOutcome(quantity string, want, got, lo, hi float64) Outcome {
	o := outcome(quantity, fmt.Sprintf("error %+.4f, 95%% interval %.4f–%.4f", got-want, lo, hi), want, got, want-IshigamiTolerance, want+IshigamiTolerance)
	o.Note = fmt.Sprintf("absolute error <= %g", IshigamiTolerance)
	return o
}
