package experiments

import (
	"math"
	"slices"
	"strings"
	"testing"

	"github.com/laborsim/laborsim/economy"
)

func TestInterval(t *testing.T) {
	// Mean 2, standard deviation 1, t(0.975, 2) = 4.302653.
	e := Interval([]float64{1, 2, 3})
	if e.Mean != 2 || math.Abs(e.HalfWidth-4.302653/math.Sqrt(3)) > 1e-6 {
		t.Errorf("Interval(1,2,3) = %+v", e)
	}
	if e := Interval([]float64{5}); e.Mean != 5 || !math.IsNaN(e.HalfWidth) {
		t.Errorf("Interval(5) = %+v", e)
	}
	if e := Interval([]float64{4, 4, 4, 4}); e.Mean != 4 || e.HalfWidth != 0 {
		t.Errorf("Interval(4,4,4,4) = %+v", e)
	}
}

func record(point, rep int, labor float64) Record {
	rec := Record{Point: point, Replicate: rep, Config: tiny(), Final: make([]float64, len(economy.Columns))}
	rec.Config.AIAgents = 10 * (point + 1)
	for i, c := range economy.Columns {
		if c.Name == "labor_share" {
			rec.Final[i] = labor
		}
	}
	return rec
}

// TestSummarize: points in grid order whatever the order of records, the
// varied parameters found, and warnings for short points.
func TestSummarize(t *testing.T) {
	recs := []Record{record(1, 0, 0.5), record(0, 1, 0.7), record(1, 1, 0.5), record(0, 0, 0.6), record(0, 2, 0.8)}
	names := VariedParams(recs)
	if !slices.Equal(names, []string{"ai-agents"}) {
		t.Fatalf("VariedParams = %v", names)
	}
	s := Summarize(recs, names, nil, 3)
	if len(s.Points) != 2 || s.Points[0].Runs != 3 || s.Points[1].Runs != 2 {
		t.Fatalf("points %+v", s.Points)
	}
	if s.Points[1].Vary[0] != (Assignment{"ai-agents", "20"}) {
		t.Errorf("point 1 vary %v", s.Points[1].Vary)
	}
	if m := s.Points[0].Estimates[0].Mean; math.Abs(m-0.7) > 1e-15 {
		t.Errorf("point 0 labor share %v, want 0.7", m)
	}
	if len(s.Warnings) != 1 || !strings.Contains(s.Warnings[0].Error(), "1 of 2 points have fewer than 3 runs") {
		t.Errorf("warnings %v", s.Warnings)
	}
	one := Summarize(recs[:1], names, nil, 1)
	if len(one.Warnings) != 1 || !strings.Contains(one.Warnings[0].Error(), "no 95% interval") {
		t.Errorf("single replicate: warnings %v", one.Warnings)
	}
}

func TestMetrics(t *testing.T) {
	for _, m := range append([]string{"income_gini", "gdp"}, SummaryMetrics...) {
		if !IsMetric(m) {
			t.Errorf("IsMetric(%s) = false", m)
		}
	}
	if IsMetric("workers") || IsMetric("nope") {
		t.Error("a parameter or an unknown name is a metric")
	}
	s := Summarize([]Record{record(0, 0, 0.6), record(0, 1, 0.8)}, nil, []string{"labor_share"}, 2)
	if len(s.Points[0].Estimates) != 1 || math.Abs(s.Points[0].Estimates[0].Mean-0.7) > 1e-15 {
		t.Errorf("labor share alone: %+v", s.Points[0])
	}
}
