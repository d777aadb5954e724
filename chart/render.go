package chart

import (
	"bytes"
	"fmt"
	"image/color"
	"strings"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/text"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
	"gonum.org/v1/plot/vg/vgimg"
	"gonum.org/v1/plot/vg/vgsvg"
)

// Formats are the file formats Render draws, which are also the file
// extensions.
var Formats = []string{"png", "svg"}

// Render draws f in format "png" or "svg", 1200×800 pixels. The same
// figure gives the same bytes.
func Render(f Figure, format string) ([]byte, error) {
	c, err := newCanvas(format)
	if err != nil {
		return nil, err
	}
	if err := drawFigure(draw.New(c), f); err != nil {
		return nil, fmt.Errorf("chart %s: %w", f.Name, err)
	}
	var b bytes.Buffer
	if _, err := c.WriteTo(&b); err != nil {
		return nil, fmt.Errorf("chart %s: %w", f.Name, err)
	}
	if format == "svg" {
		return withFallbackFonts(b.Bytes()), nil
	}
	return b.Bytes(), nil
}

// withFallbackFonts names Arial, Helvetica and sans-serif after Liberation
// Sans in an SVG's styles. vgsvg names only Liberation Sans and does not
// embed it (embedding adds about 1 MB a chart), so a viewer without it
// would fall back to a serif font; Arial has the same metrics, so the
// layout holds.
func withFallbackFonts(svg []byte) []byte {
	return bytes.ReplaceAll(svg, []byte("font-family:Liberation Sans;"), []byte("font-family:Liberation Sans,Arial,Helvetica,sans-serif;"))
}

func newCanvas(format string) (vg.CanvasWriterTo, error) {
	switch format {
	case "png":
		return vgimg.PngCanvas{Canvas: vgimg.NewWith(vgimg.UseWH(width, height), vgimg.UseDPI(DPI))}, nil
	case "svg":
		return vgsvg.New(width, height), nil
	}
	return nil, fmt.Errorf("unknown chart format %q: want png or svg", format)
}

// Layout, in points.
const (
	margin    = 14
	legendGap = 16
	panelGap  = 18
	titleGap  = 10
)

// drawFigure lays out the title, the panels stacked on the left and each
// panel's legend in a column on the right, beside its data.
func drawFigure(dc draw.Canvas, f Figure) error {
	if len(f.Panels) == 0 {
		return fmt.Errorf("no panels")
	}
	dc.SetColor(color.White)
	dc.Fill(dc.Rectangle.Path())
	area := draw.Crop(dc, margin, -margin, margin, -margin)
	area = drawTitle(area, f.Title, textStyle(titleFont, color.Black))
	area = drawTitle(area, f.Subtitle, textStyle(subtitleFont, color.Gray{Y: 0x30}))
	area.Max.Y -= titleGap

	plots := make([][]*plot.Plot, len(f.Panels))
	legends := make([]plot.Legend, len(f.Panels))
	var legendWidth vg.Length
	for i, p := range f.Panels {
		pl, leg, err := newPlot(p)
		if err != nil {
			return err
		}
		plots[i], legends[i] = []*plot.Plot{pl}, leg
		legendWidth = max(legendWidth, leg.Rectangle(area).Size().X)
	}
	legendWidth = min(legendWidth, 0.4*area.Size().X)
	left := area
	if legendWidth > 0 {
		left.Max.X -= legendWidth + legendGap
	}
	tiles := draw.Tiles{Rows: len(plots), Cols: 1, PadY: panelGap}
	canvases := plot.Align(plots, tiles, left)
	for i, row := range plots {
		row[0].Draw(canvases[i][0])
		data := row[0].DataCanvas(canvases[i][0])
		legends[i].Draw(draw.Canvas{Canvas: dc.Canvas, Rectangle: vg.Rectangle{
			Min: vg.Point{X: left.Max.X + legendGap, Y: data.Min.Y},
			Max: vg.Point{X: area.Max.X, Y: data.Max.Y},
		}})
	}
	return nil
}

// drawTitle writes txt centred at the top of c, wrapped to its width, and
// returns the part of c below it.
func drawTitle(c draw.Canvas, txt string, sty text.Style) draw.Canvas {
	if txt == "" {
		return c
	}
	txt = wrap(txt, sty, c.Size().X)
	c.FillText(sty, vg.Point{X: c.Center().X, Y: c.Max.Y}, txt)
	c.Max.Y -= sty.Rectangle(txt).Size().Y + 2
	return c
}

// wrap breaks txt at " · " so that no line is wider than w.
func wrap(txt string, sty text.Style, w vg.Length) string {
	parts := strings.Split(txt, " · ")
	var lines []string
	line := parts[0]
	for _, p := range parts[1:] {
		if sty.Width(line+" · "+p) > w {
			lines = append(lines, line)
			line = p
			continue
		}
		line += " · " + p
	}
	return strings.Join(append(lines, line), "\n")
}

func textStyle(f font.Font, c color.Color) text.Style {
	return text.Style{Color: c, Font: f, XAlign: draw.XCenter, YAlign: draw.YTop, Handler: plot.DefaultTextHandler}
}
