package main

import (
	"fmt"

	"github.com/laborsim/laborsim/sim"
)

// zeroGDP says so when GDP was 0 at some steps, so that the zeros of
// such a run are not read as results: with --sigma at most 1 every task
// is essential, and one with no input (no worker employed in it, no
// traditional capital, no AI) stops production. That is the model's
// answer, not a numerical failure, and the run goes on.
func zeroGDP(res sim.Result) error {
	n, first := 0, 0
	for _, a := range res.Series {
		if a.GDP == 0 {
			if n == 0 {
				first = a.Step
			}
			n++
		}
	}
	if n == 0 {
		return nil
	}
	why := "no task had any input"
	if res.Config.Sigma <= 1 {
		why = fmt.Sprintf("with --sigma %g every task is essential, and one had no input (no worker, capital or AI for it)", res.Config.Sigma)
	}
	return fmt.Errorf("GDP is 0 at %d of %d steps, from step %d: %s; the shares and wages of those steps are 0",
		n, len(res.Series), first, why)
}
