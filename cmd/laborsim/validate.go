package main

import (
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"math"

	"github.com/olekukonko/tablewriter"
	"github.com/spf13/pflag"

	"github.com/laborsim/laborsim/validation"
)

// validateUsage is the help of 'validate'; the limit's flags are generated
// from the configuration the suite runs.
var validateUsage = `Usage: laborsim validate [flags]

Runs the validation suite and prints one table per check: quantity,
parameters, closed form, simulated, relative error, pass. Exits 1 if any
quantity is outside its accepted range. The checks (--checks):

  ks-eq4           frictionless, homogeneous limit vs Korinek & Suh (2024) eq. 4:
                   labor share, wage and AI rent per efficiency unit, GDP per
                   worker at 15 points (σ below, at, above 1; both regions)
  ar-cobb-douglas  σ = 1: labor share = 1 − Φ (Acemoglu & Restrepo 2018)
  ks-calibration   traditional capital as K at Korinek & Suh's calibration (66%)
  convergence      the error shrinks from 1,000 to 100,000 workers
  bls-range        default scenario without AI progress stays within the US
                   range 0.56-0.66 (BLS 1947-2016) at every step
  ks-dynamic       the frictionless limit step by step as the fleet grows from
                   compute: wage and labor share vs the closed form each step
  scale            default scenario at 1,000, 10,000 and 100,000 workers:
                   same mean labor share, seed-to-seed noise shrinking like 1/√N
  step-length      the default at 4, 12 and 52 steps a year: the annual paths of
                   GDP, labor share, unemployment, vacancies and median wage agree
  firm-size        no AI, 20,000 workers: mean unemployment at 20 and 2,000
                   firms within 1.5 points of 200's
  task-bins        the same at 20 and 400 task bins against 100
  jolts-cps        no AI: unemployment, openings, hires, separations, quits,
                   layoffs, participation and V/U within US bands (JOLTS, CPS)
  beveridge        no AI at three vacancy costs: the Beveridge curve slopes down
  tightness        vacancies per unemployed worker below 3 in every month, with
                   the default fleet and with none
  wage-rigidity    a fixed fleet of two agents per worker: the final median wage
                   at --wage-cut 5% a month within a third of 1%'s
  sobol-ishigami   the Sobol estimators of 'laborsim sensitivity' on the Ishigami
                   function (a = 7, b = 0.1): first-order and total indices of
                   x1, x2, x3 within 0.02 of their closed form (no simulation)

The frictionless, homogeneous limit is

  ` + validation.LimitFlags() + `

with K = AI agents × AI productivity and L = workers. docs/VALIDATION.md
explains each check and its source. The whole suite takes about half a minute of CPU, most
of it the scale check and the labour market's checks.

Flags:
`

// validateCommand implements 'laborsim validate'.
func validateCommand(ctx context.Context, args []string, stdout, stderr io.Writer) error {
	o := validation.DefaultOptions()
	var format string
	var checks []string
	var help, quiet bool
	fs := pflag.NewFlagSet("validate", pflag.ContinueOnError)
	fs.SetOutput(io.Discard)
	fs.BoolVarP(&help, "help", "h", false, "print this help")
	fs.StringVar(&format, "format", "table", "output format: table or json")
	fs.BoolVarP(&quiet, "quiet", "q", false, "no progress on stderr")
	fs.StringSliceVar(&checks, "checks", nil, "checks to run, comma-separated (default all)")
	countVar(fs, &o.Workers, "workers", "workers in the closed-form checks")
	countVar(fs, &o.Firms, "firms", "firms in the closed-form checks")
	countVar(fs, &o.Replicates, "replicates", "seeds per size in the scale check (at least 3)")
	countVar(fs, &o.ScaleYears, "scale-years", "years of the default scenario in the scale check")
	fs.Var(uintValue{&o.Seed}, "seed", "base seed of the scale check's replicates")
	if err := parseFlags(fs, args, validateUsage, stdout); err != nil {
		return err
	}
	if help {
		fmt.Fprint(stdout, validateUsage)
		fs.SetOutput(stdout)
		fs.PrintDefaults()
		return nil
	}
	if err := checkValidateFlags(format, o); err != nil {
		return err
	}
	o.Progress = func(title string) {
		if !quiet {
			fmt.Fprintf(stderr, "validate: %s\n", title)
		}
	}
	rep, err := validation.Validate(ctx, o, checks)
	if err != nil {
		if errors.Is(err, validation.ErrUnknownCheck) {
			return usagef("invalid --checks: %v", err)
		}
		return err
	}
	if format == "json" {
		err = writeValidateJSON(stdout, rep)
	} else {
		err = writeValidateTable(stdout, rep)
	}
	if err != nil {
		return err
	}
	if failed, total := countFailed(rep); failed > 0 {
		return fmt.Errorf("validation failed: %d of %d quantities outside their accepted range", failed, total)
	}
	return nil
}

// The largest sizes of the closed-form checks: the points reach five AI
// agents per worker, and a run holds at most 50,000,000 agents.
const (
	maxValidateWorkers = 10_000_000
	maxValidateFirms   = 10_000_000
)

// checkValidateFlags checks the flags before anything runs.
func checkValidateFlags(format string, o validation.Options) error {
	switch {
	case format != "table" && format != "json":
		return usagef("invalid --format %q: must be table or json", format)
	case o.Workers < 1 || o.Workers > maxValidateWorkers:
		return usagef("invalid --workers %d: must be in [1, %d]", o.Workers, maxValidateWorkers)
	case o.Firms < 1 || o.Firms > maxValidateFirms:
		return usagef("invalid --firms %d: must be in [1, %d]", o.Firms, maxValidateFirms)
	case o.Replicates < 3:
		return usagef("invalid --replicates %d: must be at least 3", o.Replicates)
	case o.ScaleYears < 1:
		return usagef("invalid --scale-years %d: must be at least 1", o.ScaleYears)
	}
	return nil
}

// countFailed counts the quantities that failed and all quantities.
func countFailed(rep validation.Report) (failed, total int) {
	for _, g := range rep.Groups {
		for _, o := range g.Outcomes {
			total++
			if !o.Pass {
				failed++
			}
		}
	}
	return failed, total
}

// writeValidateJSON writes the report as indented JSON.
func writeValidateJSON(w io.Writer, rep validation.Report) error {
	enc := json.NewEncoder(w)
	enc.SetEscapeHTML(false)
	enc.SetIndent("", "  ")
	return enc.Encode(rep)
}

// writeValidateTable writes each check's heading and table, then a verdict.
func writeValidateTable(w io.Writer, rep validation.Report) error {
	for i, g := range rep.Groups {
		if i > 0 {
			fmt.Fprintln(w)
		}
		fmt.Fprintf(w, "%s\n  source: %s\n  runs:   %s\n  passes: %s\n", g.Title, g.Source, g.Setup, g.Rule)
		t := tablewriter.NewTable(w)
		t.Header("quantity", "parameters", "closed form", "simulated", "relative error", "pass")
		for _, o := range g.Outcomes {
			if err := t.Append(validateRow(o)); err != nil {
				return err
			}
		}
		if err := t.Render(); err != nil {
			return err
		}
	}
	failed, total := countFailed(rep)
	verdict := "PASS"
	if failed > 0 {
		verdict = "FAIL"
	}
	_, err := fmt.Fprintf(w, "\n%s: %d of %d quantities within their accepted range\n", verdict, total-failed, total)
	return err
}

// validateRow is one outcome as table cells.
func validateRow(o validation.Outcome) []string {
	want := fmt.Sprintf("%.6g", o.Want)
	if o.Expect != "" {
		want = o.Expect
	}
	pass := "pass"
	if !o.Pass {
		pass = "FAIL"
	}
	return []string{o.Quantity, o.Params, want, fmt.Sprintf("%.6g", o.Got), relError(o.RelErr), pass}
}

// relError prints a relative error: as a percentage from 0.01%, in
// scientific notation below (errors near rounding are the point of the
// closed-form checks).
func relError(e float64) string {
	if math.Abs(e) >= 1e-4 {
		return fmt.Sprintf("%+.2f%%", 100*e)
	}
	return fmt.Sprintf("%+.1e", e)
}
