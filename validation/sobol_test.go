package validation

import (
	"context"
	"math"
	"strings"
	"testing"
)

// TestSobolIshigamiCheck runs the check as the command does: six indices,
// each within the tolerance of its closed form and inside its bootstrap
// interval.
func TestSobolIshigamiCheck(t *testing.T) {
	rep, err := Validate(context.Background(), DefaultOptions(), []string{"sobol-ishigami"})
	if err != nil {
		t.Fatal(err)
	}
	g := rep.Groups[0]
	if !rep.Pass || len(g.Outcomes) != 6 || g.Outcomes[0].Quantity != "first-order index S1 of x1" || g.Outcomes[5].Quantity != "total index ST of x3" {
		t.Fatalf("report %+v", rep)
	}
	for _, o := range g.Outcomes {
		if math.Abs(o.Got-o.Want) > IshigamiTolerance || !strings.HasPrefix(o.Params, "error ") {
			t.Errorf("%s: %v, closed form %v (%s)", o.Quantity, o.Got, o.Want, o.Params)
		}
	}
	if want := 0.4424; math.Abs(g.Outcomes[2].Want-want) > 1e-4 || g.Outcomes[4].Want != 0 {
		t.Errorf("closed forms: S1 of x2 %v (want %v), S1 of x3 %v (want 0)", g.Outcomes[2].Want, want, g.Outcomes[4].Want)
	}
}
