package chart

import (
	"image/color"

	xfont "golang.org/x/image/font"

	"gonum.org/v1/plot/font"
	"gonum.org/v1/plot/vg"
	"gonum.org/v1/plot/vg/draw"
)

// The size of every chart: 1200×800 pixels at 96 dots per inch, which is
// 900×600 points in the SVG.
const (
	WidthPx  = 1200
	HeightPx = 800
	DPI      = 96
)

var (
	width  = vg.Length(WidthPx) * vg.Inch / DPI
	height = vg.Length(HeightPx) * vg.Inch / DPI
)

// Text: Liberation Sans, sized to read at 1200×800.
var (
	sans         = font.Font{Typeface: "Liberation", Variant: "Sans"}
	titleFont    = bold(font.From(sans, 16))
	subtitleFont = font.From(sans, 11)
	labelFont    = font.From(sans, 13)
	tickFont     = font.From(sans, 11)
	legendFont   = font.From(sans, 12)
	noteFont     = font.From(sans, 11)
)

func bold(f font.Font) font.Font { f.Weight = xfont.WeightBold; return f }

// A style is how one line is drawn. Lines take the styles in turn. The
// colours are Okabe and Ito's, safe for colour-blind readers; each line also
// has its own dash pattern and mark, so the lines stay apart when printed in
// grey.
type style struct {
	color  color.Color
	dashes []vg.Length
	glyph  draw.GlyphDrawer
}

var styles = []style{
	{rgb(0x000000), nil, draw.CircleGlyph{}},
	{rgb(0x0072B2), dash(8, 4), draw.BoxGlyph{}},
	{rgb(0xD55E00), dash(2, 3), draw.PyramidGlyph{}},
	{rgb(0x009E73), dash(10, 3, 2, 3), draw.CrossGlyph{}},
	{rgb(0xCC79A7), dash(4, 4), draw.RingGlyph{}},
	{rgb(0xE69F00), dash(12, 3, 2, 3, 2, 3), draw.TriangleGlyph{}},
	{rgb(0x56B4E9), dash(2, 2, 8, 2), draw.PlusGlyph{}},
	{rgb(0x7F7F7F), dash(16, 4), draw.SquareGlyph{}},
}

// styleAt is the style of the i-th line of a panel.
func styleAt(i int) style { return styles[i%len(styles)] }

// refStyle is the style of a reference level.
var refStyle = style{color.Gray{Y: 0x70}, dash(3, 3), draw.RingGlyph{}}

// Sizes in points.
const (
	lineWidth   = 2.25
	thinWidth   = 1.25 // for a dense path, such as the Beveridge curve
	markSize    = 3.5
	bigMarkSize = 6 // for marks without a line
)

var (
	gridColor = color.Gray{Y: 0xDD}
	bandAlpha = uint8(0x40)
)

func rgb(v uint32) color.RGBA {
	return color.RGBA{R: uint8(v >> 16), G: uint8(v >> 8), B: uint8(v), A: 0xFF}
}

func dash(d ...float64) []vg.Length {
	ls := make([]vg.Length, len(d))
	for i, v := range d {
		ls[i] = vg.Points(v)
	}
	return ls
}

// translucent is c with alpha a, premultiplied as image/color wants.
func translucent(c color.Color, a uint8) color.Color {
	r, g, b, _ := c.RGBA()
	k := uint32(a)
	return color.RGBA{R: uint8(r >> 8 * k / 0xFF), G: uint8(g >> 8 * k / 0xFF), B: uint8(b >> 8 * k / 0xFF), A: a}
}
