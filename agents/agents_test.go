package agents

import (
	"math"
	"testing"
)

func TestDeployKeepsAgentsInPlace(t *testing.T) {
	ai := []AIAgent{{Firm: 0, Bin: 1}, {Firm: Idle}, {Firm: 1, Bin: 0}, {Firm: Idle}}
	want := []int32{0, 1, 2, 0} // 2 firms × 2 bins
	count := make([]int32, 4)
	if n := Deploy(ai, want, count, 2); n != 3 {
		t.Fatalf("deployed %d, want 3", n)
	}
	if ai[0].Firm != 0 || ai[0].Bin != 1 {
		t.Fatalf("agent 0 moved: %+v", ai[0])
	}
	if ai[2].Firm != 1 || ai[2].Bin != 0 {
		t.Fatalf("agent 2 moved: %+v", ai[2])
	}
	if count[1] != 1 || count[2] != 2 {
		t.Fatalf("counts %v", count)
	}
	want = []int32{0, 0, 0, 0}
	if n := Deploy(ai, want, count, 2); n != 0 {
		t.Fatalf("deployed %d with no demand", n)
	}
}

func TestWorkerRules(t *testing.T) {
	w := Worker{Rate: 1, Efficiency: 2, Status: Employed}
	if w.Wage() != 2 {
		t.Fatalf("wage %v", w.Wage())
	}
	w.Renegotiate(0.5, 0.1, 0.99)
	if w.Rate != 0.99 {
		t.Fatalf("sticky cut: rate %v, want 0.99", w.Rate)
	}
	w.Renegotiate(2, 0.1, 0.99)
	if want := 0.99 + 0.1*(2-0.99); math.Abs(w.Rate-want) > 1e-15 {
		t.Fatalf("raise: rate %v, want %v", w.Rate, want)
	}
	if r := w.ReservationAt(0.5, 0.1); r != 0.5 {
		t.Fatalf("reservation floor: %v", r)
	}
	if c := Consumption(1, 0, 0.9, 0.1, 1); c != 0.9 {
		t.Fatalf("consumption %v", c)
	}
	if c := Consumption(1, 0, 0.9, 0.1, 0.5); c != 0.45 {
		t.Fatalf("consumption over half a year %v, want 0.45", c)
	}
	if c := Consumption(0, -5, 0.9, 0.1, 1); c != 0 {
		t.Fatalf("consumption with debt %v", c)
	}
}

// A hazard over a year is the same in one step or in twelve.
func TestHazardComposes(t *testing.T) {
	for _, rate := range []float64{0, 0.1, 1, 25, 1000} {
		year := Hazard(rate, 1)
		stay := 1.0
		for range 12 {
			stay *= 1 - Hazard(rate, 1.0/12)
		}
		if math.Abs((1-stay)-year) > 1e-12 || year > 1 || year < 0 {
			t.Errorf("rate %v: one step %v, twelve %v", rate, year, 1-stay)
		}
	}
}
