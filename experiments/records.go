package experiments

import (
	"strconv"

	"github.com/laborsim/laborsim/economy"
)

// MetricNames are the columns of the results file that hold a run's
// outcome, in file order: every economy.Columns name, then wall_seconds.
func MetricNames() []string {
	names := make([]string, 0, len(economy.Columns)+1)
	for _, c := range economy.Columns {
		names = append(names, c.Name)
	}
	return append(names, wallSeconds.Name)
}

// wallSeconds is the metric a sweep adds to a run's columns: the run's
// wall time.
var wallSeconds = economy.Column{Name: "wall_seconds", Label: "wall time", Unit: "seconds", Description: "wall-clock time of the run"}

// Metric is the column of the results file named name: one of
// economy.Columns or wall_seconds, with its label and unit.
func Metric(name string) (economy.Column, bool) {
	if name == wallSeconds.Name {
		return wallSeconds, true
	}
	return economy.LookupColumn(name)
}

// Param is the record's value of the parameter name as a number: a switch
// is 1 when on and 0 when off. It reports false for a name that is not a
// parameter.
func (r Record) Param(name string) (float64, bool) {
	if !IsParam(name) {
		return 0, false
	}
	s := ParamValue(r.Config, name)
	if IsSwitch(name) {
		if s == "true" {
			return 1, true
		}
		return 0, true
	}
	v, err := strconv.ParseFloat(s, 64)
	return v, err == nil
}
