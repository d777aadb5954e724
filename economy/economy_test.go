package economy

import (
	"math"
	"testing"
)

func near(a, b, tol float64) bool { return math.Abs(a-b) <= tol*math.Max(1, math.Abs(b)) }

// TestTaskModelExample is the worked example of the issue: σ = 0.5,
// Φ = 0.4, K = L gives a labor share of 9/13.
func TestTaskModelExample(t *testing.T) {
	m := TaskModel{A: 1, Sigma: 0.5, Phi: 0.4, K: 1, L: 1}
	if got := m.LaborShare(); !near(got, 0.6923076923, 1e-9) {
		t.Fatalf("labor share %v, want 0.6923", got)
	}
	ks := TaskModel{A: 0.5, Sigma: 0.5, Phi: 0.608, K: 4.6, L: 1}
	if got := ks.LaborShare(); !near(got, 0.6566, 1e-3) {
		t.Fatalf("Korinek & Suh calibration labor share %v, want 0.66", got)
	}
	cd := TaskModel{A: 1, Sigma: 1, Phi: 0.3, K: 2, L: 1}
	if got := cd.LaborShare(); !near(got, 0.7, 1e-9) {
		t.Fatalf("Cobb-Douglas labor share %v, want 1-Φ", got)
	}
	r2 := TaskModel{A: 0.7, Sigma: 0.5, Phi: 0.8, K: 1, L: 1}
	if r2.Region1() || r2.Wage() != 0.7 || !near(r2.Output(), 1.4, 1e-12) {
		t.Fatalf("region 2: w %v Y %v", r2.Wage(), r2.Output())
	}
}

// TestIndexMatchesClosedForm checks the firm's output index against the
// closed form in both regions, and Euler's theorem for the marginal
// products.
func TestIndexMatchesClosedForm(t *testing.T) {
	for _, sigma := range []float64{0.3, 0.5, 1, 2} {
		for _, k := range []float64{0.2, 1, 5} {
			c := NewCES(sigma)
			b := Blocks{AI: 0.4, Human: 0.6}
			x, rA, rH := c.Index(b, 0, k, 1)
			m := TaskModel{A: 1, Sigma: sigma, Phi: 0.4, K: k, L: 1}
			if !near(x, m.Output(), 1e-12) {
				t.Errorf("σ=%v K=%v: X %v, closed form %v", sigma, k, x, m.Output())
			}
			w := c.Marginal(1, x, rH)
			if !near(w, m.Wage(), 1e-9) {
				t.Errorf("σ=%v K=%v: wage %v, closed form %v", sigma, k, w, m.Wage())
			}
			if euler := w*1 + c.Marginal(1, x, rA)*k; !near(euler, x, 1e-9) {
				t.Errorf("σ=%v K=%v: Σ MP·x = %v, Y = %v", sigma, k, euler, x)
			}
		}
	}
}

// TestDemandFirstOrderConditions checks that at the planned inputs every
// variable input's marginal product equals its cost.
func TestDemandFirstOrderConditions(t *testing.T) {
	for _, sigma := range []float64{0.5, 1, 1.5} {
		c := NewCES(sigma)
		b := Blocks{Trad: 0.5, AI: 0.1, Human: 0.4}
		p := c.Demand(0.5, 4.6, b, 0.9, 0.4)
		if !p.Scaled || !p.UseAI {
			t.Fatalf("σ=%v: plan %+v", sigma, p)
		}
		x, rA, rH := c.Index(b, 4.6, b.AI*p.AI, b.Human*p.Human)
		if !near(x, p.X, 1e-9) {
			t.Fatalf("σ=%v: X %v, plan %v", sigma, x, p.X)
		}
		if mp := c.Marginal(0.5, x, rH); !near(mp, 0.9, 1e-9) {
			t.Errorf("σ=%v: MP of labour %v, cost 0.9", sigma, mp)
		}
		if mp := c.Marginal(0.5, x, rA); !near(mp, 0.4, 1e-9) {
			t.Errorf("σ=%v: MP of AI %v, cost 0.4", sigma, mp)
		}
	}
}

func TestLaws(t *testing.T) {
	if p := AIPrice(5, 10, 2); !near(p, 0.05, 1e-12) {
		t.Fatalf("price after two years %v", p)
	}
	if p := AIPrice(5, 1, 7); p != 5 {
		t.Fatalf("no decline: %v", p)
	}
	if f := AIFrontier(0.03, 0.035, 4, 0.392); !near(f, 0.17, 1e-12) {
		t.Fatalf("frontier %v", f)
	}
	if f := AIFrontier(0.03, 0.035, 40, 0.392); f != 0.392 {
		t.Fatalf("frontier not capped: %v", f)
	}
	// A century of 1000x a year must not overflow.
	if l := ComputeStep(0, 1, 0.01, 1000, 100); math.IsInf(l, 0) || !near(l, 300, 1e-9) {
		t.Fatalf("log compute %v", l)
	}
}

func TestGini(t *testing.T) {
	for _, c := range []struct {
		x    []float64
		want float64
	}{
		{[]float64{1, 1, 1, 1}, 0},
		{[]float64{0, 0, 0, 1}, 0.75},
		{[]float64{}, 0},
		{[]float64{3, 1, 2}, 2.0 / 9},
	} {
		if got := Gini(append([]float64(nil), c.x...)); !near(got, c.want, 1e-12) {
			t.Errorf("Gini(%v) = %v, want %v", c.x, got, c.want)
		}
	}
}

func TestBasket(t *testing.T) {
	b := Basket{Sigma: 0.5, Weight: 0.1}
	g1, l1 := b.Prices(1)
	g2, l2 := b.Prices(2)
	if !(g2 < g1 && l2 > l1) {
		t.Fatalf("goods %v->%v, land %v->%v: goods should get cheaper, land dearer", g1, g2, l1, l2)
	}
}

// TestColumnsAreDescribed: every column has a name of its own, a label, a
// unit and a description, and LookupColumn finds it.
func TestColumnsAreDescribed(t *testing.T) {
	seen := map[string]bool{}
	for _, c := range Columns {
		if c.Label == "" || c.Unit == "" || c.Description == "" || c.Value == nil || seen[c.Name] {
			t.Errorf("column %q: label %q, unit %q, description %q (or named twice)", c.Name, c.Label, c.Unit, c.Description)
		}
		seen[c.Name] = true
		if got, ok := LookupColumn(c.Name); !ok || got.Label != c.Label {
			t.Errorf("LookupColumn(%q) = %q, %v", c.Name, got.Label, ok)
		}
	}
}

// At the frontier's ceiling (Φ_T + Φ_A = 1) no bin keeps a human-only
// sliver from round-off: with σ < 1 every task with weight is essential, and
// a sliver with no worker in it would make output 0.
func TestFrontierCeilingLeavesNoHumanTasks(t *testing.T) {
	for _, bins := range []int{7, 100, 400} {
		tasks := NewTasks(bins, DefaultSectors, 0.9)
		split := make([]Split, bins)
		for _, phiT := range []float64{0.1, 0.3, 0.608} {
			tasks.Frontier(phiT, 1-phiT, split)
			for i, s := range split {
				if s.Human != 0 {
					t.Errorf("%d bins, Φ_T %v: bin %d keeps a human share %g", bins, phiT, i, s.Human)
				}
			}
		}
	}
}
