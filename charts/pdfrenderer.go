package charts

import (
	"errors"
	"fmt"
	"io"
	"math"
	"slices"
	"strings"

	"codeberg.org/go-pdf/fpdf"
	"github.com/golang/freetype/truetype"
	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
	"golang.org/x/image/font"
)

// PDFDPI is the resolution a chart drawn with NewPDFRenderer declares
// (chart.Chart.DPI, chart.BarChart.DPI, chart.PieChart.DPI…). At 254 dots
// per inch a virtual pixel is 0.1 mm, so at natural size a 10 pt font is
// 10 pt on the page. A chart that leaves DPI zero gets go-chart's 92 DPI and
// text at 36 % of its nominal size.
const PDFDPI = 254.0

// PDFPixelMM is the size in millimetres of a virtual pixel at natural size.
const PDFPixelMM = 25.4 / PDFDPI

// NewPDFRenderer returns a go-chart RendererProvider that draws a chart onto
// the current page of pdf: paths as PDF paths, text as PDF text in the
// faces of fonts, which the renderer registers into pdf as it needs them.
//
// The chart's virtual canvas of width×height pixels is fitted into the
// rectangle x, y, w, h, given in pdf's user unit (mm for our letter), with
// one uniform scale and centred; at natural size (w = width/10 mm and
// h = height/10 mm) a pixel is PDFPixelMM. Declare PDFDPI in the chart so that
// font sizes come out in true points. Fonts of the chart (Font fields of the
// chart and its styles) should come from fonts; any other font, go-chart's
// default Roboto included, is drawn in regular Liberation Sans.
//
// go-chart ends every Render with the renderer's Save, so Render returns the
// renderer's errors:
//
//	err := chart.BarChart{…, DPI: charts.PDFDPI, Font: fonts.Font(charts.FamilySans, "")}.
//		Render(charts.NewPDFRenderer(pdf, 20, 40, 170, 90, fonts), nil)
//
// The writer given to Render is not used and may be nil. Render fails if pdf
// already holds an error or has no page, and with the first error fpdf
// reports while the chart is drawn (fpdf's error is sticky: pdf.Error()
// tells it too). Save restores the colours, line width, line cap and join,
// alpha and font the chart changed; a dash pattern is reset to solid, as
// fpdf cannot tell the one it replaced.
func NewPDFRenderer(pdf *fpdf.Fpdf, x, y, w, h float64, fonts *FontSet) chart.RendererProvider {
	return func(width, height int) (chart.Renderer, error) {
		switch {
		case pdf == nil:
			return nil, errors.New("charts: PDF renderer: no document")
		case fonts == nil:
			return nil, errors.New("charts: PDF renderer: no font set")
		case width <= 0 || height <= 0:
			return nil, fmt.Errorf("charts: PDF renderer: empty canvas %d×%d px", width, height)
		case !(w > 0 && h > 0):
			return nil, fmt.Errorf("charts: PDF renderer: empty rectangle %g×%g", w, h)
		case pdf.Error() != nil:
			return nil, fmt.Errorf("charts: PDF renderer: document already failed: %w", pdf.Error())
		case pdf.PageNo() == 0:
			return nil, errors.New("charts: PDF renderer: the document has no page to draw on")
		}
		scale := math.Min(w/float64(width), h/float64(height))
		r := &PDFRenderer{
			pdf:   pdf,
			fonts: fonts,
			ox:    x + (w-scale*float64(width))/2,
			oy:    y + (h-scale*float64(height))/2,
			scale: scale,
			dpi:   PDFDPI,
		}
		r.saved.save(pdf)
		return r, nil
	}
}

var _ chart.Renderer = (*PDFRenderer)(nil)

// PDFRenderer is the chart.Renderer that NewPDFRenderer provides. Its
// coordinates are virtual pixels, y downwards, as in every go-chart renderer.
// Code that draws with it directly, rather than through a chart's Render,
// ends with Save, which restores fpdf's state and returns Err.
type PDFRenderer struct {
	pdf    *fpdf.Fpdf
	fonts  *FontSet
	ox, oy float64 // page position of the canvas origin, in user units
	scale  float64 // user units per virtual pixel
	dpi    float64

	strokeColor, fillColor, fontColor drawing.Color
	strokeWidth                       float64   // px
	dash                              []float64 // px
	font                              *truetype.Font
	fontSize                          float64 // pt
	rotation                          float64 // radians, clockwise
	rotated                           bool

	path           []pdfPathOp
	curX, curY     float64 // current point, px
	startX, startY float64 // start of the current subpath, px
	registered     map[*FontFace]bool
	measure        map[pdfMeasureKey]font.Face
	saved          pdfState
	changed        pdfChanges
	dashOut        []float64 // dash pattern last given to fpdf, user units
	err            error
}

type pdfOpKind uint8

const (
	pdfMove pdfOpKind = iota
	pdfLine
	pdfCubic
	pdfClose
)

// pdfPathOp is one segment of the path being built, in px; a cubic uses the
// three points, a move or line the last.
type pdfPathOp struct {
	kind pdfOpKind
	p    [3]pdfPoint
}

type pdfPoint struct{ x, y float64 }

type pdfMeasureKey struct {
	font      *truetype.Font
	size, dpi float64
}

// pdfChanges records which parts of the fpdf state the renderer has set.
type pdfChanges struct {
	draw, fill, text, width, capJoin, dash, alpha, font bool
}

// pdfState is the part of fpdf's state a chart changes, saved to be restored.
type pdfState struct {
	draw, fill, text  [3]int
	lineWidth         float64
	lineCap, lineJoin string
	alpha             float64
	blendMode         string
	family, style     string
	fontSizePt        float64
}

func (s *pdfState) save(pdf *fpdf.Fpdf) {
	s.draw[0], s.draw[1], s.draw[2] = pdf.GetDrawColor()
	s.fill[0], s.fill[1], s.fill[2] = pdf.GetFillColor()
	s.text[0], s.text[1], s.text[2] = pdf.GetTextColor()
	s.lineWidth = pdf.GetLineWidth()
	s.lineCap, s.lineJoin = pdf.GetLineCapStyle(), pdf.GetLineJoinStyle()
	s.alpha, s.blendMode = pdf.GetAlpha()
	s.family, s.style = pdf.GetFontFamily(), pdf.GetFontStyle()
	s.fontSizePt, _ = pdf.GetFontSize()
}

// Err returns the first error met while drawing, or nil.
func (r *PDFRenderer) Err() error {
	r.check()
	return r.err
}

// fail records err unless an error is already recorded.
func (r *PDFRenderer) fail(err error) {
	if r.err == nil && err != nil {
		r.err = fmt.Errorf("charts: drawing a chart onto the PDF page: %w", err)
	}
}

// check records fpdf's error, if any.
func (r *PDFRenderer) check() bool {
	if err := r.pdf.Error(); err != nil {
		r.fail(err)
		return false
	}
	return true
}

// ResetStyle implements chart.Renderer: it forgets every style but the font,
// and the text rotation.
func (r *PDFRenderer) ResetStyle() {
	r.strokeColor, r.fillColor, r.fontColor = drawing.Color{}, drawing.Color{}, drawing.Color{}
	r.strokeWidth, r.dash, r.fontSize = 0, nil, 0
	r.ClearTextRotation()
}

// GetDPI implements chart.Renderer.
func (r *PDFRenderer) GetDPI() float64 { return r.dpi }

// SetDPI implements chart.Renderer. go-chart sets the chart's DPI on every
// Render; font sizes convert to pixels at it.
func (r *PDFRenderer) SetDPI(dpi float64) { r.dpi = dpi }

// SetClassName implements chart.Renderer; PDF has no classes.
func (r *PDFRenderer) SetClassName(string) {}

// SetStrokeColor implements chart.Renderer.
func (r *PDFRenderer) SetStrokeColor(c drawing.Color) { r.strokeColor = c }

// SetFillColor implements chart.Renderer.
func (r *PDFRenderer) SetFillColor(c drawing.Color) { r.fillColor = c }

// SetStrokeWidth implements chart.Renderer; the width is in pixels, as in
// go-chart's PNG renderer, whatever the DPI.
func (r *PDFRenderer) SetStrokeWidth(width float64) { r.strokeWidth = width }

// SetStrokeDashArray implements chart.Renderer; lengths are in pixels.
func (r *PDFRenderer) SetStrokeDashArray(dashArray []float64) { r.dash = dashArray }

// MoveTo implements chart.Renderer: it starts a new subpath.
func (r *PDFRenderer) MoveTo(x, y int) { r.moveTo(float64(x), float64(y)) }

// LineTo implements chart.Renderer. A LineTo that begins a path starts it at
// (x, y).
func (r *PDFRenderer) LineTo(x, y int) { r.lineTo(float64(x), float64(y)) }

// QuadCurveTo implements chart.Renderer, as a cubic Bézier curve.
func (r *PDFRenderer) QuadCurveTo(cx, cy, x, y int) {
	c := pdfPoint{float64(cx), float64(cy)}
	if len(r.path) == 0 {
		r.moveTo(c.x, c.y)
	}
	p0, p := pdfPoint{r.curX, r.curY}, pdfPoint{float64(x), float64(y)}
	r.cubicTo(
		pdfPoint{p0.x + 2*(c.x-p0.x)/3, p0.y + 2*(c.y-p0.y)/3},
		pdfPoint{p.x + 2*(c.x-p.x)/3, p.y + 2*(c.y-p.y)/3},
		p)
}

// ArcTo implements chart.Renderer: an elliptic arc about (cx, cy) from
// startAngle through delta radians. Angles grow clockwise on the page (y is
// downwards), as in go-chart's PNG renderer; a negative delta sweeps
// anticlockwise. As there, the arc joins the path with a line, or begins it.
func (r *PDFRenderer) ArcTo(cx, cy int, rx, ry, startAngle, delta float64) {
	x, y := float64(cx), float64(cy)
	sx, sy := x+rx*math.Cos(startAngle), y+ry*math.Sin(startAngle)
	if len(r.path) == 0 {
		r.moveTo(sx, sy)
	} else {
		r.lineTo(sx, sy)
	}
	r.arc(x, y, rx, ry, startAngle, delta)
}

// arc appends Bézier segments of at most a quarter turn each, from the
// current point (which must be on the ellipse at angle start).
func (r *PDFRenderer) arc(cx, cy, rx, ry, start, delta float64) {
	n := int(math.Ceil(math.Abs(delta) / (math.Pi / 2)))
	if n == 0 {
		return
	}
	step := delta / float64(n)
	k := 4.0 / 3.0 * math.Tan(step/4)
	a0 := start
	for i := 1; i <= n; i++ {
		a1 := start + step*float64(i)
		sin0, cos0 := math.Sincos(a0)
		sin1, cos1 := math.Sincos(a1)
		r.cubicTo(
			pdfPoint{cx + rx*(cos0-k*sin0), cy + ry*(sin0+k*cos0)},
			pdfPoint{cx + rx*(cos1+k*sin1), cy + ry*(sin1-k*cos1)},
			pdfPoint{cx + rx*cos1, cy + ry*sin1})
		a0 = a1
	}
}

// Close implements chart.Renderer: it closes the current subpath.
func (r *PDFRenderer) Close() {
	if len(r.path) == 0 {
		return
	}
	r.path = append(r.path, pdfPathOp{kind: pdfClose})
	r.curX, r.curY = r.startX, r.startY
}

// Circle implements chart.Renderer: it adds a closed circular subpath,
// which a following Stroke, Fill or FillStroke paints.
func (r *PDFRenderer) Circle(radius float64, x, y int) {
	cx, cy := float64(x), float64(y)
	r.moveTo(cx-radius, cy)
	r.arc(cx, cy, radius, radius, math.Pi, 2*math.Pi)
	r.Close()
}

func (r *PDFRenderer) moveTo(x, y float64) {
	r.path = append(r.path, pdfPathOp{kind: pdfMove, p: [3]pdfPoint{2: {x, y}}})
	r.curX, r.curY = x, y
	r.startX, r.startY = x, y
}

func (r *PDFRenderer) lineTo(x, y float64) {
	if len(r.path) == 0 {
		r.moveTo(x, y)
		return
	}
	r.path = append(r.path, pdfPathOp{kind: pdfLine, p: [3]pdfPoint{2: {x, y}}})
	r.curX, r.curY = x, y
}

func (r *PDFRenderer) cubicTo(c1, c2, p pdfPoint) {
	r.path = append(r.path, pdfPathOp{kind: pdfCubic, p: [3]pdfPoint{c1, c2, p}})
	r.curX, r.curY = p.x, p.y
}

// Stroke implements chart.Renderer: it strokes the path and clears it.
func (r *PDFRenderer) Stroke() { r.paint(false, true) }

// Fill implements chart.Renderer: it fills the path (even-odd, as go-chart's
// PNG renderer) and clears it.
func (r *PDFRenderer) Fill() { r.paint(true, false) }

// FillStroke implements chart.Renderer: it fills then strokes the path and
// clears it.
func (r *PDFRenderer) FillStroke() { r.paint(true, true) }

// paint fills and strokes the path as asked, skipping a transparent fill or
// stroke and a stroke of no width. fpdf's SetAlpha sets the fill and the
// stroke alpha together, so a fill and a stroke of different alphas are
// painted one after the other.
func (r *PDFRenderer) paint(fill, stroke bool) {
	defer func() { r.path = r.path[:0] }()
	if len(r.path) == 0 || !r.check() {
		return
	}
	fill = fill && !r.fillColor.IsTransparent()
	stroke = stroke && !r.strokeColor.IsTransparent() && r.strokeWidth > 0
	if fill && stroke && r.fillColor.A == r.strokeColor.A {
		r.useFill()
		r.useStroke()
		r.setAlpha(r.fillColor.A)
		r.emitPath()
		r.pdf.DrawPath("FD*")
		r.check()
		return
	}
	if fill {
		r.useFill()
		r.setAlpha(r.fillColor.A)
		r.emitPath()
		r.pdf.DrawPath("F*")
	}
	if stroke {
		r.useStroke()
		r.setAlpha(r.strokeColor.A)
		r.emitPath()
		r.pdf.DrawPath("D")
	}
	r.check()
}

// emitPath writes the path in page coordinates.
func (r *PDFRenderer) emitPath() {
	for _, op := range r.path {
		switch op.kind {
		case pdfMove:
			r.pdf.MoveTo(r.pageX(op.p[2].x), r.pageY(op.p[2].y))
		case pdfLine:
			r.pdf.LineTo(r.pageX(op.p[2].x), r.pageY(op.p[2].y))
		case pdfCubic:
			r.pdf.CurveBezierCubicTo(
				r.pageX(op.p[0].x), r.pageY(op.p[0].y),
				r.pageX(op.p[1].x), r.pageY(op.p[1].y),
				r.pageX(op.p[2].x), r.pageY(op.p[2].y))
		case pdfClose:
			r.pdf.ClosePath()
		}
	}
}

func (r *PDFRenderer) pageX(x float64) float64 { return r.ox + x*r.scale }
func (r *PDFRenderer) pageY(y float64) float64 { return r.oy + y*r.scale }

func (r *PDFRenderer) useFill() {
	c := r.fillColor
	r.pdf.SetFillColor(int(c.R), int(c.G), int(c.B))
	r.changed.fill = true
}

func (r *PDFRenderer) useStroke() {
	c := r.strokeColor
	r.pdf.SetDrawColor(int(c.R), int(c.G), int(c.B))
	r.pdf.SetLineWidth(r.strokeWidth * r.scale)
	r.changed.draw, r.changed.width = true, true
	// go-chart's PNG renderer strokes with round caps and joins.
	if r.pdf.GetLineCapStyle() != "round" || r.pdf.GetLineJoinStyle() != "round" {
		r.pdf.SetLineCapStyle("round")
		r.pdf.SetLineJoinStyle("round")
		r.changed.capJoin = true
	}
	dash := make([]float64, len(r.dash))
	for i, v := range r.dash {
		dash[i] = v * r.scale
	}
	if !r.changed.dash || !slices.Equal(dash, r.dashOut) {
		r.pdf.SetDashPattern(dash, 0)
		r.dashOut = dash
		r.changed.dash = true
	}
}

// setAlpha sets the alpha of what follows from a colour's alpha channel.
func (r *PDFRenderer) setAlpha(a uint8) {
	alpha := float64(a) / 255
	if cur, mode := r.pdf.GetAlpha(); cur != alpha || mode != "Normal" {
		r.pdf.SetAlpha(alpha, "Normal")
		r.changed.alpha = true
	}
}

// SetFont implements chart.Renderer.
func (r *PDFRenderer) SetFont(f *truetype.Font) { r.font = f }

// SetFontColor implements chart.Renderer.
func (r *PDFRenderer) SetFontColor(c drawing.Color) { r.fontColor = c }

// SetFontSize implements chart.Renderer; the size is in points, converted
// to pixels at the renderer's DPI.
func (r *PDFRenderer) SetFontSize(size float64) { r.fontSize = size }

// face returns the face of the current font: regular Liberation Sans for a
// font not in the set.
func (r *PDFRenderer) face() *FontFace {
	if f := r.fonts.lookupFace(r.font); f != nil {
		return f
	}
	return &r.fonts.faces[0]
}

// useFont selects the current font and size in fpdf, registering the face
// on first use. It reports false if there is nothing to draw text with.
func (r *PDFRenderer) useFont() bool {
	if !r.check() {
		return false
	}
	face := r.face()
	sizePt := r.fontSize * r.dpi / 72 * r.scale * r.pdf.GetConversionRatio()
	if !(sizePt > 0) {
		return false
	}
	if !r.registered[face] {
		if err := registerFontFace(r.pdf, face); err != nil {
			r.fail(err)
			return false
		}
		if r.registered == nil {
			r.registered = make(map[*FontFace]bool)
		}
		r.registered[face] = true
	}
	pt, _ := r.pdf.GetFontSize()
	if r.pdf.GetFontFamily() != strings.ToLower(face.Family) || r.pdf.GetFontStyle() != face.Style || pt != sizePt {
		r.pdf.SetFont(face.Family, face.Style, sizePt)
		r.changed.font = true
	}
	return r.check()
}

// Text implements chart.Renderer: body is drawn with its baseline's left
// end at (x, y), turned clockwise about that point by the text rotation.
func (r *PDFRenderer) Text(body string, x, y int) {
	if body == "" || r.fontColor.IsTransparent() || !r.useFont() {
		return
	}
	c := r.fontColor
	r.pdf.SetTextColor(int(c.R), int(c.G), int(c.B))
	r.changed.text = true
	r.setAlpha(c.A)
	// All state is set before the transformation: fpdf would not know that
	// its closing Q restores the state set inside it.
	px, py := r.pageX(float64(x)), r.pageY(float64(y))
	if r.rotated {
		r.pdf.TransformBegin()
		r.pdf.TransformRotate(-r.rotation*180/math.Pi, px, py)
		r.pdf.Text(px, py, body)
		r.pdf.TransformEnd()
	} else {
		r.pdf.Text(px, py, body)
	}
	r.check()
}

// MeasureText implements chart.Renderer. The width is fpdf's advance width
// of body, which is what Text draws; the height is the ink height of its
// glyphs, as go-chart's PNG renderer measures it (go-chart centres and
// stacks labels by it). Both are in pixels, turned by the text rotation.
func (r *PDFRenderer) MeasureText(body string) chart.Box {
	if body == "" || !r.useFont() {
		return chart.Box{}
	}
	width := r.pdf.GetStringWidth(body) / r.scale
	bounds, _ := font.BoundString(r.measureFace(), body)
	box := chart.Box{
		Right:  int(math.Ceil(width - 1e-9)),
		Bottom: (bounds.Max.Y - bounds.Min.Y).Ceil(),
	}
	if r.rotated {
		box = box.Corners().Rotate(r.rotation * 180 / math.Pi).Box()
	}
	return box
}

// measureFace returns a font.Face of the current font at the current size
// in pixels, cached.
func (r *PDFRenderer) measureFace() font.Face {
	key := pdfMeasureKey{r.face().Font, r.fontSize, r.dpi}
	if f, ok := r.measure[key]; ok {
		return f
	}
	if r.measure == nil {
		r.measure = make(map[pdfMeasureKey]font.Face)
	}
	f := truetype.NewFace(key.font, &truetype.Options{Size: key.size, DPI: key.dpi, Hinting: font.HintingNone})
	r.measure[key] = f
	return f
}

// SetTextRotation implements chart.Renderer: text that follows is turned
// clockwise by radians.
func (r *PDFRenderer) SetTextRotation(radians float64) {
	r.rotation, r.rotated = radians, true
}

// ClearTextRotation implements chart.Renderer.
func (r *PDFRenderer) ClearTextRotation() {
	r.rotation, r.rotated = 0, false
}

// Save implements chart.Renderer, and go-chart calls it at the end of every
// Render. The chart is already on the caller's page, so Save writes nothing
// to w (which may be nil): it restores the fpdf state the chart changed and
// returns Err.
func (r *PDFRenderer) Save(w io.Writer) error {
	r.restore()
	return r.Err()
}

// restore puts back the fpdf state saved when the renderer was made.
func (r *PDFRenderer) restore() {
	s, c, pdf := &r.saved, r.changed, r.pdf
	if c.draw {
		pdf.SetDrawColor(s.draw[0], s.draw[1], s.draw[2])
	}
	if c.fill {
		pdf.SetFillColor(s.fill[0], s.fill[1], s.fill[2])
	}
	if c.text {
		pdf.SetTextColor(s.text[0], s.text[1], s.text[2])
	}
	if c.width {
		pdf.SetLineWidth(s.lineWidth)
	}
	if c.capJoin {
		pdf.SetLineCapStyle(s.lineCap)
		pdf.SetLineJoinStyle(s.lineJoin)
	}
	if c.dash && len(r.dashOut) > 0 {
		pdf.SetDashPattern(nil, 0)
	}
	if c.alpha {
		pdf.SetAlpha(s.alpha, s.blendMode)
	}
	if c.font && s.family != "" {
		pdf.SetFont(s.family, s.style, s.fontSizePt)
	}
	r.changed, r.dashOut = pdfChanges{}, nil
}
