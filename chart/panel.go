package chart

import (
	"fmt"
	"math"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// newPlot builds one panel's axes and plotters, and its legend.
func newPlot(p Panel) (*plot.Plot, plot.Legend, error) {
	if len(p.Categories) > 0 {
		return newBarPlot(p)
	}
	pl := plot.New()
	styleAxis(&pl.X, p.XLabel, p.LogX)
	styleAxis(&pl.Y, p.YLabel, p.LogY)
	if p.XWhole && !p.LogX {
		pl.X.Tick.Marker = linearTicks{minStep: 1}
	}
	grid := plotter.NewGrid()
	grid.Vertical.Color, grid.Horizontal.Color = gridColor, gridColor
	pl.Add(grid)

	leg := newLegend()
	var next int
	for _, l := range p.Lines {
		if err := checkLog(p, l); err != nil {
			return nil, leg, err
		}
		st := refStyle
		if !l.Ref {
			st = styleAt(next)
			next++
		}
		thumbs, err := addLine(pl, toLog(p, l), st, p.Band)
		if err != nil {
			return nil, leg, fmt.Errorf("line %q: %w", l.Name, err)
		}
		if l.Name != "" {
			leg.Add(l.Name, thumbs...)
		}
	}
	if err := addNotes(pl, notesToLog(p, p.Notes)); err != nil {
		return nil, leg, err
	}
	if p.YFromZero && !p.LogY {
		pl.Y.Min = math.Min(pl.Y.Min, 0)
	}
	return pl, leg, nil
}

func newLegend() plot.Legend {
	leg := plot.NewLegend()
	leg.TextStyle.Font = legendFont
	leg.Top, leg.Left = true, true
	leg.ThumbnailWidth = vg.Points(40)
	leg.Padding = vg.Points(4)
	return leg
}

func styleAxis(a *plot.Axis, label string, log bool) {
	a.Label.Text = label
	a.Label.TextStyle.Font = labelFont
	a.Label.Padding = vg.Points(6)
	a.Tick.Label.Font = tickFont
	a.Tick.Marker = linearTicks{}
	if log {
		a.Tick.Marker = logTicks{}
	}
}

// toLog replaces the coordinates of l that go on a log axis by their log10.
func toLog(p Panel, l Line) Line {
	if !p.LogX && !p.LogY {
		return l
	}
	pts := make([]Point, len(l.Points))
	for i, pt := range l.Points {
		if p.LogX {
			pt.X = math.Log10(pt.X)
		}
		if p.LogY {
			pt.Y = math.Log10(pt.Y)
		}
		if p.LogY && l.Interval {
			pt.Lo, pt.Hi = math.Log10(pt.Lo), math.Log10(pt.Hi)
		}
		pts[i] = pt
	}
	l.Points = pts
	return l
}

func notesToLog(p Panel, notes []Note) []Note {
	out := make([]Note, len(notes))
	for i, n := range notes {
		if p.LogX {
			n.X = math.Log10(n.X)
		}
		if p.LogY {
			n.Y = math.Log10(n.Y)
		}
		out[i] = n
	}
	return out
}

// checkLog refuses a value a log axis cannot show, rather than let the
// plot library panic.
func checkLog(p Panel, l Line) error {
	for _, pt := range l.Points {
		lo := pt.Y
		if l.Interval {
			lo = min(lo, pt.Lo)
		}
		if p.LogX && !(pt.X > 0) || p.LogY && !(lo > 0) {
			return fmt.Errorf("line %q: point (%g, %g) cannot be shown on a log axis", l.Name, pt.X, lo)
		}
	}
	return nil
}

// addLine adds a line's interval, line and marks to pl and returns what
// stands for it in the legend.
func addLine(pl *plot.Plot, l Line, st style, band bool) ([]plot.Thumbnailer, error) {
	xys := make(plotter.XYs, len(l.Points))
	for i, pt := range l.Points {
		xys[i] = plotter.XY{X: pt.X, Y: pt.Y}
	}
	kind := l.Kind
	if len(xys) == 1 && kind == Lines {
		kind = LinesMarks
	}
	if l.Interval {
		if err := addInterval(pl, l.Points, st, band); err != nil {
			return nil, err
		}
	}
	var thumbs []plot.Thumbnailer
	if kind != Marks {
		line, err := plotter.NewLine(xys)
		if err != nil {
			return nil, err
		}
		line.LineStyle = draw.LineStyle{Color: st.color, Width: vg.Points(lineWidth), Dashes: st.dashes}
		if l.Thin || l.Ref {
			line.LineStyle.Width = vg.Points(thinWidth)
		}
		pl.Add(line)
		thumbs = append(thumbs, line)
	}
	if kind != Lines {
		sc, err := plotter.NewScatter(xys)
		if err != nil {
			return nil, err
		}
		sc.GlyphStyle = draw.GlyphStyle{Color: st.color, Radius: vg.Points(markSize), Shape: st.glyph}
		if kind == Marks {
			sc.GlyphStyle.Radius = vg.Points(bigMarkSize)
		}
		pl.Add(sc)
		thumbs = append(thumbs, sc)
	}
	return thumbs, nil
}

// addInterval draws [Lo, Hi] at each point as error bars, or as a band.
func addInterval(pl *plot.Plot, pts []Point, st style, band bool) error {
	if band {
		ring := make(plotter.XYs, 0, 2*len(pts))
		for _, pt := range pts {
			ring = append(ring, plotter.XY{X: pt.X, Y: pt.Lo})
		}
		for i := len(pts) - 1; i >= 0; i-- {
			ring = append(ring, plotter.XY{X: pts[i].X, Y: pts[i].Hi})
		}
		poly, err := plotter.NewPolygon(ring)
		if err != nil {
			return err
		}
		poly.Color = translucent(st.color, bandAlpha)
		poly.LineStyle.Width = 0
		pl.Add(poly)
		return nil
	}
	bars := errorBars{XYs: make(plotter.XYs, len(pts)), YErrors: make(plotter.YErrors, len(pts))}
	for i, pt := range pts {
		bars.XYs[i] = plotter.XY{X: pt.X, Y: pt.Y}
		bars.YErrors[i].Low, bars.YErrors[i].High = pt.Y-pt.Lo, pt.Hi-pt.Y
	}
	eb, err := plotter.NewYErrorBars(bars)
	if err != nil {
		return err
	}
	eb.LineStyle = draw.LineStyle{Color: st.color, Width: vg.Points(1.5)}
	eb.CapWidth = vg.Points(8)
	pl.Add(eb)
	return nil
}

type errorBars struct {
	plotter.XYs
	plotter.YErrors
}

func addNotes(pl *plot.Plot, notes []Note) error {
	if len(notes) == 0 {
		return nil
	}
	xyl := plotter.XYLabels{XYs: make(plotter.XYs, len(notes)), Labels: make([]string, len(notes))}
	for i, n := range notes {
		xyl.XYs[i] = plotter.XY{X: n.X, Y: n.Y}
		xyl.Labels[i] = n.Text
	}
	labels, err := plotter.NewLabels(xyl)
	if err != nil {
		return err
	}
	for i := range labels.TextStyle {
		labels.TextStyle[i].Font = noteFont
	}
	labels.Offset = vg.Point{X: vg.Points(6), Y: vg.Points(4)}
	pl.Add(labels)
	return nil
}
