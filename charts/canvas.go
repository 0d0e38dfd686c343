package charts

import (
	"html"
	"image"
	"image/color"
	"math"

	"github.com/golang/freetype/truetype"
	"github.com/wcharczuk/go-chart/v2/drawing"
	"golang.org/x/image/font"
	"golang.org/x/image/math/fixed"

	"briefing/report"
)

// canvas draws in millimetres, y downwards, through a go-chart Renderer.
// Every chart is laid out once, in millimetres, and drawn the same way on
// every backend: only the pixel density and a few backend quirks differ.
type canvas struct {
	measurer
	r       pen
	pxPerMM float64
	// escape XML-escapes text, which go-chart's SVG renderer writes raw.
	escape bool
	// img, for a PNG, is the raster rasterPen paints paths on and
	// fillRectAlpha and pngText write to directly.
	img *image.RGBA
	// faces are the label font at each size, for a PNG: text is drawn
	// from their cached glyph masks (see pngText).
	faces map[float64]font.Face
}

// textStyle is how a label is set.
type textStyle struct {
	size  float64 // points
	color report.Color
	align align
}

type align int

const (
	alignLeft align = iota
	alignCenter
	alignRight
)

func (c *canvas) px(mm float64) int { return int(math.Round(mm * c.pxPerMM)) }

func rgba(col report.Color, alpha uint8) drawing.Color {
	return drawing.Color{R: col.R, G: col.G, B: col.B, A: alpha}
}

var transparent = drawing.Color{}

// fillRect paints a rectangle without an outline.
func (c *canvas) fillRect(x, y, w, h float64, col report.Color) {
	c.fillRectAlpha(x, y, w, h, col, 255)
}

func (c *canvas) fillRectAlpha(x, y, w, h float64, col report.Color, alpha uint8) {
	if w <= 0 || h <= 0 {
		return
	}
	if c.img != nil {
		c.fillPixels(c.px(x), c.px(y), c.px(x+w), c.px(y+h), rgba(col, alpha))
		return
	}
	c.r.SetFillColor(rgba(col, alpha))
	c.r.SetStrokeColor(transparent)
	c.r.SetStrokeWidth(0)
	c.r.MoveTo(c.px(x), c.px(y))
	c.r.LineTo(c.px(x+w), c.px(y))
	c.r.LineTo(c.px(x+w), c.px(y+h))
	c.r.LineTo(c.px(x), c.px(y+h))
	c.r.Close()
	c.r.Fill()
}

// fillPixels paints the pixels of [x0, x1) × [y0, y1) with col, over what
// is there. The renderer rounds every coordinate to whole pixels, so a
// rectangle covers each pixel wholly or not at all, and this gives the
// bytes the rasteriser gives (its blending, with full coverage), without
// scanning the rectangle's outline: a tenth of the time of a chart.
func (c *canvas) fillPixels(x0, y0, x1, y1 int, col drawing.Color) {
	b := c.img.Bounds()
	x0, y0, x1, y1 = max(x0, b.Min.X), max(y0, b.Min.Y), min(x1, b.Max.X), min(y1, b.Max.Y)
	if x0 >= x1 || y0 >= y1 {
		return
	}
	const m = 1<<16 - 1
	cr, cg, cb, ca := col.RGBA()
	if ca == m {
		// Opaque: the blend gives the colour itself; copy it row by row.
		first := c.img.Pix[(y0-b.Min.Y)*c.img.Stride+(x0-b.Min.X)*4 : (y0-b.Min.Y)*c.img.Stride+(x1-b.Min.X)*4]
		for i := 0; i < len(first); i += 4 {
			first[i], first[i+1], first[i+2], first[i+3] = col.R, col.G, col.B, 255
		}
		for y := y0 + 1; y < y1; y++ {
			copy(c.img.Pix[(y-b.Min.Y)*c.img.Stride+(x0-b.Min.X)*4:], first)
		}
		return
	}
	a := (m - ca) * 0x101
	for y := y0; y < y1; y++ {
		row := c.img.Pix[(y-b.Min.Y)*c.img.Stride+(x0-b.Min.X)*4 : (y-b.Min.Y)*c.img.Stride+(x1-b.Min.X)*4]
		for i := 0; i < len(row); i += 4 {
			px := row[i : i+4 : i+4]
			px[0] = uint8((uint32(px[0])*a + cr*m) / m >> 8)
			px[1] = uint8((uint32(px[1])*a + cg*m) / m >> 8)
			px[2] = uint8((uint32(px[2])*a + cb*m) / m >> 8)
			px[3] = uint8((uint32(px[3])*a + ca*m) / m >> 8)
		}
	}
}

// line strokes a polyline; dash, in millimetres, may be nil.
func (c *canvas) line(points [][2]float64, width float64, col report.Color, dash []float64) {
	c.lineAlpha(points, width, col, 255, dash)
}

func (c *canvas) lineAlpha(points [][2]float64, width float64, col report.Color, alpha uint8, dash []float64) {
	if len(points) < 2 {
		return
	}
	c.r.SetFillColor(transparent)
	c.r.SetStrokeColor(rgba(col, alpha))
	c.r.SetStrokeWidth(width * c.pxPerMM)
	c.r.SetStrokeDashArray(c.dashPx(dash))
	c.r.MoveTo(c.px(points[0][0]), c.px(points[0][1]))
	for _, p := range points[1:] {
		c.r.LineTo(c.px(p[0]), c.px(p[1]))
	}
	c.r.Stroke()
	c.r.SetStrokeDashArray(nil)
}

// circle paints a disc, and its outline when outline > 0. It is built from
// eight quadratic curves rather than the renderers' own Circle, which
// differ: SVG draws at once, the others only add to the path.
func (c *canvas) circle(x, y, radius float64, fill report.Color, alpha uint8, outline float64, stroke report.Color) {
	c.paint(fill, alpha, outline, stroke, func() { c.circlePath(x, y, radius) })
}

// paint fills the closed path that path adds, and strokes its outline
// when outline > 0, in millimetres.
func (c *canvas) paint(fill report.Color, alpha uint8, outline float64, stroke report.Color, path func()) {
	c.r.SetFillColor(rgba(fill, alpha))
	if outline > 0 {
		c.r.SetStrokeColor(rgba(stroke, 255))
		c.r.SetStrokeWidth(outline * c.pxPerMM)
	} else {
		c.r.SetStrokeColor(transparent)
		c.r.SetStrokeWidth(0)
	}
	path()
	if outline > 0 {
		c.r.FillStroke()
	} else {
		c.r.Fill()
	}
}

// circlePath adds a closed circle to the path from eight quadratic curves,
// whose control points sit beyond the circle.
func (c *canvas) circlePath(x, y, radius float64) {
	const n = 8
	k := 1 / math.Cos(math.Pi/n)
	c.r.MoveTo(c.px(x+radius), c.px(y))
	for i := 1; i <= n; i++ {
		mid := (float64(i) - 0.5) * 2 * math.Pi / n
		end := float64(i) * 2 * math.Pi / n
		c.r.QuadCurveTo(c.px(x+k*radius*math.Cos(mid)), c.px(y+k*radius*math.Sin(mid)),
			c.px(x+radius*math.Cos(end)), c.px(y+radius*math.Sin(end)))
	}
	c.r.Close()
}

// dashPx converts a dash pattern from millimetres to the canvas's pixels.
func (c *canvas) dashPx(dash []float64) []float64 {
	var px []float64
	for _, d := range dash {
		px = append(px, d*c.pxPerMM)
	}
	return px
}

// ring strokes a circle without filling it; dash, in millimetres, may be
// nil. Markers drawn as rings stay readable where they overlap others.
func (c *canvas) ring(x, y, radius, width float64, col report.Color, dash []float64) {
	c.r.SetFillColor(transparent)
	c.r.SetStrokeColor(rgba(col, 255))
	c.r.SetStrokeWidth(width * c.pxPerMM)
	c.r.SetStrokeDashArray(c.dashPx(dash))
	c.circlePath(x, y, radius)
	c.r.Stroke()
	c.r.SetStrokeDashArray(nil)
}

// polygon paints a closed polygon, and its outline when outline > 0.
func (c *canvas) polygon(points [][2]float64, fill report.Color, alpha uint8, outline float64, stroke report.Color) {
	if len(points) < 3 {
		return
	}
	c.paint(fill, alpha, outline, stroke, func() {
		c.r.MoveTo(c.px(points[0][0]), c.px(points[0][1]))
		for _, p := range points[1:] {
			c.r.LineTo(c.px(p[0]), c.px(p[1]))
		}
		c.r.Close()
	})
}

// diamond returns the corners of a square standing on its point, centred
// on (x, y), half as wide as its diagonal d.
func diamond(x, y, d float64) [][2]float64 {
	return [][2]float64{{x, y - d}, {x + d, y}, {x, y + d}, {x - d, y}}
}

// hatch strokes diagonal lines across a rectangle, clipped to it, every
// gap millimetres: the mark of what the dataset does not cover. The lines
// are computed, not clipped by the renderer, so every backend draws the
// same.
func (c *canvas) hatch(x, y, w, h, gap, width float64, col report.Color) {
	if w <= 0 || h <= 0 {
		return
	}
	// Lines run up and to the right, (x0+t, y+h-t) for t from 0 to h, on
	// the diagonals X+Y = k·gap, so that bands side by side line up.
	for k := math.Floor((x + y) / gap); ; k++ {
		x0 := k*gap - y - h
		if x0 >= x+w {
			break
		}
		t0, t1 := max(0, x-x0), min(h, x+w-x0)
		if t1-t0 < 0.05 {
			continue
		}
		c.line([][2]float64{{x0 + t0, y + h - t0}, {x0 + t1, y + h - t1}}, width, col, nil)
	}
}

// measurer measures labels; layouts use it before any canvas exists.
// Charts set every label in regular Liberation Sans: go-chart's SVG
// renderer writes no font weight, so bold would not survive in the SVG.
type measurer struct{ fonts *FontSet }

func (m measurer) font() *truetype.Font { return m.fonts.Font(FamilySans, "") }

// text sets a label with its baseline at y.
func (c *canvas) text(s string, x, y float64, st textStyle) {
	if s == "" {
		return
	}
	switch st.align {
	case alignCenter:
		x -= c.width(s, st) / 2
	case alignRight:
		x -= c.width(s, st)
	}
	if c.img != nil {
		c.pngText(s, c.px(x), c.px(y), st)
		return
	}
	c.r.SetFont(c.font())
	c.r.SetFontSize(st.size)
	c.r.SetFontColor(rgba(st.color, 255))
	if c.escape {
		s = html.EscapeString(s)
	}
	c.r.Text(s, c.px(x), c.px(y))
}

// pngText draws a label on a PNG from glyph masks rasterised once per
// glyph, size and quarter-pixel offset, as go-chart's renderer would draw
// it (the same outlines, unhinted, kerned, by the same rasteriser) but
// without flattening every glyph's curves again at every label: at 300
// DPI that was a tenth of a chart's time.
func (c *canvas) pngText(s string, x, y int, st textStyle) {
	face := c.faces[st.size]
	if face == nil {
		if c.faces == nil {
			c.faces = map[float64]font.Face{}
		}
		// A chart sets a few dozen glyphs at each size: 128 cache entries
		// hold them, where the default 512 made each face allocate and
		// clear a mask image of 2 MB at 300 DPI.
		face = truetype.NewFace(c.font(), &truetype.Options{Size: st.size, DPI: c.pxPerMM * 25.4, Hinting: font.HintingNone, GlyphCacheEntries: 128})
		c.faces[st.size] = face
	}
	d := font.Drawer{
		Dst:  c.img,
		Src:  image.NewUniform(color.RGBA{st.color.R, st.color.G, st.color.B, 255}),
		Face: face,
		Dot:  fixed.P(x, y),
	}
	d.DrawString(s)
}

// width measures a label in millimetres from the font's advance widths, as
// fpdf measures it, so a chart's layout is the same on every backend.
func (m measurer) width(s string, st textStyle) float64 {
	return textWidth(m.font(), s, st.size)
}

func textWidth(f *truetype.Font, s string, size float64) float64 {
	upem := fixed.Int26_6(f.FUnitsPerEm())
	var units int
	for _, r := range s {
		units += int(f.HMetric(upem, f.Index(r)).AdvanceWidth)
	}
	return float64(units) / float64(upem) * size * 25.4 / 72
}

// ptToMM converts a font size to millimetres, for line heights.
func ptToMM(pt float64) float64 { return pt * 25.4 / 72 }

// fit shortens s with an ellipsis until it fits width.
func (m measurer) fit(s string, width float64, st textStyle) string {
	if m.width(s, st) <= width {
		return s
	}
	r := []rune(s)
	for len(r) > 1 {
		r = r[:len(r)-1]
		if t := string(r) + "…"; m.width(t, st) <= width {
			return t
		}
	}
	return "…"
}
