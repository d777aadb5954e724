package chart

import (
	"fmt"
	"math"
	"slices"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// barGroup is the share of a category's height that its bars fill.
const barGroup = 0.8

// newBarPlot builds a panel of Categories: horizontal bars, one group per
// category from the top down, each Bars line a bar of the group in the
// line's colour, with its interval as error bars.
func newBarPlot(p Panel) (*plot.Plot, plot.Legend, error) {
	pl := plot.New()
	styleAxis(&pl.X, p.YLabel, false)
	styleAxis(&pl.Y, p.XLabel, false)
	n := len(p.Categories)
	names := slices.Clone(p.Categories)
	slices.Reverse(names) // category k sits at y = n−1−k, the first at the top
	pl.NominalY(names...)
	pl.Y.Tick.Label.Font = tickFont
	grid := plotter.NewGrid()
	grid.Vertical.Color, grid.Horizontal = gridColor, draw.LineStyle{}
	pl.Add(grid)

	leg := newLegend()
	m := len(p.Lines)
	h := barGroup / float64(m)
	for li, l := range p.Lines {
		if l.Kind != Bars {
			return nil, leg, fmt.Errorf("line %q: a panel of categories draws bars only", l.Name)
		}
		st := styleAt(li + 1) // the first style is black, which would hide the error bars
		var rings []plotter.XYer
		var ends plotter.XYs
		var errs plotter.XErrors
		for _, pt := range l.Points {
			k := int(pt.X)
			if k < 0 || k >= n || float64(k) != pt.X || math.IsNaN(pt.Y) || math.IsInf(pt.Y, 0) {
				return nil, leg, fmt.Errorf("line %q: point (%g, %g) is not a bar of one of %d categories", l.Name, pt.X, pt.Y, n)
			}
			// Bars of a group from the top down in line order.
			top := float64(n-1-k) + barGroup/2 - float64(li)*h
			lo, hi := math.Min(0, pt.Y), math.Max(0, pt.Y)
			rings = append(rings, plotter.XYs{{X: lo, Y: top}, {X: hi, Y: top}, {X: hi, Y: top - h}, {X: lo, Y: top - h}})
			if l.Interval && !math.IsNaN(pt.Lo) && !math.IsNaN(pt.Hi) {
				ends = append(ends, plotter.XY{X: pt.Y, Y: top - h/2})
				errs = append(errs, struct{ Low, High float64 }{pt.Y - pt.Lo, pt.Hi - pt.Y})
			}
		}
		if len(rings) == 0 {
			continue
		}
		poly, err := plotter.NewPolygon(rings...)
		if err != nil {
			return nil, leg, fmt.Errorf("line %q: %w", l.Name, err)
		}
		poly.Color = translucent(st.color, 0xB0)
		poly.LineStyle = draw.LineStyle{Color: st.color, Width: vg.Points(1)}
		pl.Add(poly)
		if len(ends) > 0 {
			eb, err := plotter.NewXErrorBars(barErrors{ends, errs})
			if err != nil {
				return nil, leg, fmt.Errorf("line %q: %w", l.Name, err)
			}
			eb.LineStyle = draw.LineStyle{Color: rgb(0x000000), Width: vg.Points(1.5)}
			eb.CapWidth = vg.Points(6)
			pl.Add(eb)
		}
		if l.Name != "" {
			leg.Add(l.Name, poly)
		}
	}
	pl.X.Min, pl.X.Max = math.Min(pl.X.Min, 0), math.Max(pl.X.Max, 0)
	return pl, leg, nil
}

type barErrors struct {
	plotter.XYs
	plotter.XErrors
}
