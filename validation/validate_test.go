package validation

import (
	"context"
	"errors"
	"fmt"
	"math"
	"testing"

	"github.com/laborsim/laborsim/sim"
)

// TestTaskModelPoints runs every point of the ks-eq4 check at the
// command's size (100,000 workers, 1,000 firms) and holds the agents'
// accounts to the closed form: within the published 0.5%, and in fact to
// rounding, since at this size every firm gets the same whole inputs.
func TestTaskModelPoints(t *testing.T) {
	o := DefaultOptions()
	for _, p := range TaskModelPoints {
		t.Run(p.String(), func(t *testing.T) {
			c := Limit(p, o.Workers, o.Firms)
			res, err := sim.Run(context.Background(), c)
			if err != nil {
				t.Fatal(err)
			}
			for _, q := range limitQuantities(Model(c), res.Final(), p.String(), Tolerance) {
				if !q.Pass || math.Abs(q.RelErr) > 1e-9 {
					t.Errorf("%s: simulated %v, closed form %v, error %.2g", q.Quantity, q.Got, q.Want, q.RelErr)
				}
			}
		})
	}
}

// TestIssueExample is the worked example of the issue: σ = 0.5, Φ = 0.4,
// K = L gives a labor share of 9/13 = 0.6923.
func TestIssueExample(t *testing.T) {
	c := Limit(TaskPoint{Sigma: 0.5, Phi: 0.4, KL: 1}, 1000, 10)
	res, err := sim.Run(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	if got := res.Final().LaborShare; math.Abs(got-9.0/13) > 1e-9 {
		t.Fatalf("labor share %v, want 9/13 = %v", got, 9.0/13)
	}
}

// TestChecks runs the cheap checks of the suite as the command does.
func TestChecks(t *testing.T) {
	rep, err := Validate(context.Background(), DefaultOptions(), []string{"ar-cobb-douglas", "ks-calibration", "convergence", "bls-range"})
	if err != nil {
		t.Fatal(err)
	}
	requirePass(t, rep, 4)
}

// requirePass fails t for each quantity of rep outside its accepted
// range, or if rep does not hold groups groups or does not pass.
func requirePass(t *testing.T, rep Report, groups int) {
	t.Helper()
	if len(rep.Groups) != groups {
		t.Fatalf("%d groups, want %d", len(rep.Groups), groups)
	}
	for _, g := range rep.Groups {
		for _, q := range g.Outcomes {
			if !q.Pass {
				t.Errorf("%s: %s %s: simulated %v, accepted [%v, %v]", g.Name, q.Quantity, q.Params, q.Got, q.Lo, q.Hi)
			}
		}
	}
	if !rep.Pass {
		t.Error("report does not pass")
	}
}

// TestScale holds that the labor share of the default scenario does not
// depend on the number of agents, and that its noise across seeds shrinks
// like 1/√N, over the first three years (the command runs all ten; the
// test keeps to the onset of the transition to save time).
func TestScale(t *testing.T) {
	if testing.Short() {
		t.Skip("runs the default scenario 24 times, up to 100,000 workers")
	}
	o := DefaultOptions()
	o.ScaleYears = 3
	rep, err := Validate(context.Background(), o, []string{"scale"})
	if err != nil {
		t.Fatal(err)
	}
	for _, q := range rep.Groups[0].Outcomes {
		t.Logf("%s %s: %v (reference %v, accepted [%v, %v])", q.Quantity, q.Params, q.Got, q.Want, q.Lo, q.Hi)
		if !q.Pass {
			t.Errorf("%s %s: %v outside [%v, %v]", q.Quantity, q.Params, q.Got, q.Lo, q.Hi)
		}
	}
}

// TestChecksCanFail feeds the comparison accounts 1% off the closed form.
func TestChecksCanFail(t *testing.T) {
	c := Limit(TaskPoint{Sigma: 0.5, Phi: 0.4, KL: 1}, 1000, 10)
	res, err := sim.Run(context.Background(), c)
	if err != nil {
		t.Fatal(err)
	}
	a := res.Final()
	a.LaborShare *= 1.01
	a.GDP *= 0.99
	out := limitQuantities(Model(c), a, "", Tolerance)
	if out[0].Pass || out[len(out)-1].Pass || !out[1].Pass {
		t.Fatalf("1%% off should fail labor share and GDP only: %+v", out)
	}
}

func TestSelectChecks(t *testing.T) {
	all := Checks(DefaultOptions())
	got, err := selectChecks(all, []string{"scale", "ks-eq4"})
	if err != nil || len(got) != 2 || got[0].Name != "ks-eq4" || got[1].Name != "scale" {
		t.Fatalf("got %v, %v; want ks-eq4 then scale, in suite order", got, err)
	}
	if got, _ := selectChecks(all, nil); len(got) != len(all) {
		t.Fatalf("no names gave %d checks, want all %d", len(got), len(all))
	}
	if _, err := selectChecks(all, []string{"ks-eq5"}); !errors.Is(err, ErrUnknownCheck) {
		t.Fatalf("unknown name: %v", err)
	}
}

func TestCompare(t *testing.T) {
	for _, c := range []struct {
		want, got float64
		pass      bool
	}{
		{1, 1.004, true}, {1, 1.006, false}, {-2, -2.009, true}, {-2, -2.011, false}, {0.5, 0.5, true},
	} {
		o := compare("q", "p", c.want, c.got, Tolerance)
		if o.Pass != c.pass || math.Abs(o.RelErr-(c.got-c.want)/math.Abs(c.want)) > 1e-15 {
			t.Errorf("compare(%v, %v) = %+v, want pass %v", c.want, c.got, o, c.pass)
		}
	}
}

func TestStatistics(t *testing.T) {
	if m, sd := meanSD([]float64{1, 2, 3, 4}); m != 2.5 || math.Abs(sd-math.Sqrt(5.0/3)) > 1e-15 {
		t.Fatalf("meanSD: %v %v", m, sd)
	}
	n := []int{1000, 10000, 100000}
	y := make([]float64, len(n))
	for i := range n {
		y[i] = 3 / math.Sqrt(float64(n[i]))
	}
	if s := logSlope(n, y); math.Abs(s+0.5) > 1e-12 {
		t.Fatalf("slope of 1/√N: %v", s)
	}
}

// ExampleLimit runs the issue's worked example in the frictionless,
// homogeneous limit and compares it with Korinek & Suh's eq. 4.
func ExampleLimit() {
	c := Limit(TaskPoint{Sigma: 0.5, Phi: 0.4, KL: 1}, 1000, 10)
	res, err := sim.Run(context.Background(), c)
	if err != nil {
		panic(err)
	}
	m := Model(c)
	fmt.Printf("labor share: simulated %.4f, closed form %.4f\n", res.Final().LaborShare, m.LaborShare())
	fmt.Printf("wage per efficiency unit: simulated %.4f, closed form %.4f\n", res.Final().WageBill/m.L, m.Wage())
	// Output:
	// labor share: simulated 0.6923, closed form 0.6923
	// wage per efficiency unit: simulated 0.6657, closed form 0.6657
}

// TestLabourMarketChecks holds the labour market's checks as the command
// runs them (issue 15): results that do not depend on the step length,
// the firms' size or the task bins, the no-AI baseline in the JOLTS and
// CPS bands, a downward-sloping Beveridge curve, vacancies per unemployed
// worker below 3, and rigid wages showing as unemployment.
func TestLabourMarketChecks(t *testing.T) {
	if testing.Short() {
		t.Skip("runs about 50 economies of 10,000 and 20,000 workers")
	}
	names := []string{"step-length", "firm-size", "task-bins", "jolts-cps", "beveridge", "tightness", "wage-rigidity"}
	rep, err := Validate(context.Background(), DefaultOptions(), names)
	if err != nil {
		t.Fatal(err)
	}
	requirePass(t, rep, len(names))
}
