// Package chart draws laborsim's charts with gonum.org/v1/plot: the time
// series of one run (factor shares, unemployment and vacancies, wages,
// inequality, AI adoption, the price of AI and the frontier Φ_A, the
// Beveridge curve), a metric of a parameter sweep against a swept
// parameter with its 95% interval across replicates, and the indices of
// a sensitivity analysis as bars, parameters ranked, with their bootstrap
// intervals.
//
// Making a chart has two steps. The first turns data into a Figure: the
// points to plot, the axis labels and the title, with no pixels in it, so
// tests can compare it with a golden file. The second, Render, draws a
// Figure as PNG or SVG at 1200×800 pixels. The package reads a run from
// io.Readers, takes a sweep as the records of experiments.ReadResults,
// and returns bytes; the command writes the files. Parameters are named,
// set and written through experiments' one table of them (ParamNames,
// SetParam, ParamValue) and intervals are experiments.Interval.
package chart
