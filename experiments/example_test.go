package experiments_test

import (
	"fmt"

	"github.com/laborsim/laborsim/experiments"
	"github.com/laborsim/laborsim/sim"
)

func ExampleLogRange() {
	fmt.Println(experiments.LogRange(1, 1e6, 1))
	fmt.Println(experiments.LogRange(1, 100, 2))
	// Output:
	// [1 10 100 1000 10000 100000 1e+06]
	// [1 3.16228 10 31.6228 100]
}

func ExampleNewSweep() {
	cost, _ := experiments.ParseVary("ai-cost-decline=1.5874,10", "--vary")
	scale, _ := experiments.ParseVary("workers=1000..100000+firms=10..1000", "--vary")
	s, err := experiments.NewSweep(sim.DefaultConfig(), []experiments.Axis{cost, scale}, 1, 3)
	if err != nil {
		fmt.Println(err)
		return
	}
	fmt.Println(len(s.Points), "points,", s.Len(), "runs")
	for _, p := range s.Points {
		fmt.Println(p)
	}
	// Output:
	// 6 points, 18 runs
	// ai-cost-decline=1.5874 workers=1000 firms=10
	// ai-cost-decline=1.5874 workers=10000 firms=100
	// ai-cost-decline=1.5874 workers=100000 firms=1000
	// ai-cost-decline=10 workers=1000 firms=10
	// ai-cost-decline=10 workers=10000 firms=100
	// ai-cost-decline=10 workers=100000 firms=1000
}
