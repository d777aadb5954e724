package chart

import (
	"fmt"
	"io"
	"strconv"
	"strings"
)

// A Figure is a chart as data: what it plots and how it is labelled, not
// how it looks. Its panels are stacked top to bottom and share the x axis.
type Figure struct {
	Name     string // file name without extension, e.g. "labor-share"
	Title    string // what the chart shows
	Subtitle string // the scenario and the key parameters
	Panels   []Panel
}

// A Panel is one set of axes.
type Panel struct {
	XLabel, YLabel string
	LogX, LogY     bool
	XWhole         bool // label x only at whole numbers (years)
	YFromZero      bool // extend the y axis down to 0
	Band           bool // draw intervals as a shaded band rather than error bars
	Lines          []Line
	Notes          []Note

	// Categories, when set, make the panel a bar chart lying on its side:
	// its lines are Bars, point X = k is category k, listed down the
	// left from the top, and each bar runs from 0 to Y along the bottom
	// axis, which YLabel names (XLabel names the categories).
	Categories []string
}

// A Line is one series in a panel, drawn in the panel's next style. Lines
// are drawn in order, so a reference level goes first, under the data.
type Line struct {
	Name     string
	Kind     Kind
	Interval bool // the points' Lo and Hi are an interval to draw
	Thin     bool // a thinner line, for a dense path
	Ref      bool // a reference level: thin, grey and dotted, outside the turn of styles
	Points   []Point
}

// Kind says how a line's points are drawn.
type Kind int

const (
	Lines      Kind = iota // joined by a line
	LinesMarks             // joined, with a mark at each point
	Marks                  // marks only
	Bars                   // a bar from 0 to Y at each point, beside the panel's other Bars lines (Panel.Categories)
)

// A Point is one plotted value; Lo and Hi bound its interval when the line
// has one.
type Point struct{ X, Y, Lo, Hi float64 }

// A Note is text written at a point of the data.
type Note struct {
	X, Y float64
	Text string
}

// WriteText writes the figure's data as text, one point a line, in a form
// that reads back the same numbers exactly: the golden form of a chart.
func (f Figure) WriteText(w io.Writer) error {
	var b strings.Builder
	fmt.Fprintf(&b, "figure %s\ntitle %s\nsubtitle %s\n", f.Name, f.Title, f.Subtitle)
	for i, p := range f.Panels {
		fmt.Fprintf(&b, "panel %d x=%q y=%q logx=%t logy=%t xwhole=%t yfromzero=%t band=%t\n",
			i, p.XLabel, p.YLabel, p.LogX, p.LogY, p.XWhole, p.YFromZero, p.Band)
		if len(p.Categories) > 0 {
			fmt.Fprintf(&b, "categories %q\n", p.Categories)
		}
		for _, l := range p.Lines {
			fmt.Fprintf(&b, "line %q kind=%d interval=%t thin=%t ref=%t\n", l.Name, l.Kind, l.Interval, l.Thin, l.Ref)
			for _, pt := range l.Points {
				fmt.Fprintf(&b, "\t%s %s", num(pt.X), num(pt.Y))
				if l.Interval {
					fmt.Fprintf(&b, " %s %s", num(pt.Lo), num(pt.Hi))
				}
				b.WriteByte('\n')
			}
		}
		for _, n := range p.Notes {
			fmt.Fprintf(&b, "note %s %s %q\n", num(n.X), num(n.Y), n.Text)
		}
	}
	_, err := io.WriteString(w, b.String())
	return err
}

func num(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }
