package chart

import (
	"github.com/laborsim/laborsim/experiments"
	"github.com/laborsim/laborsim/sim"
)

// A metric is how a reported series is named on a chart: a label and its
// unit.
type metric struct{ label, unit string }

// metricOf is the label and unit of a column of a run or a results file
// (experiments.Metric); an unknown column is labelled by its name and has
// no unit.
func metricOf(name string) metric {
	if c, ok := experiments.Metric(name); ok {
		return metric{c.Label, c.Unit}
	}
	return metric{label: name}
}

// axis is "label (unit)".
func (m metric) axis() string {
	if m.unit == "" {
		return m.label
	}
	return m.label + " (" + m.unit + ")"
}

// paramAxis labels a parameter's axis: what it is, its unit and its flag
// (sim.Params).
func paramAxis(name string) string {
	if p, ok := sim.LookupParam(name); ok {
		return metric{p.Label, p.Unit}.axis() + ", --" + name
	}
	return "--" + name
}

// paramLabel is a parameter's label without its unit or flag.
func paramLabel(name string) string {
	if p, ok := sim.LookupParam(name); ok {
		return p.Label
	}
	return "--" + name
}
