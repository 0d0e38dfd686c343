package charts

import (
	"image"
	"sync"

	"github.com/golang/freetype/truetype"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

// pen is what a canvas asks of a renderer: go-chart's Renderer for SVG and
// the PDF, rasterPen for a PNG.
type pen interface {
	SetStrokeColor(drawing.Color)
	SetStrokeWidth(float64)
	SetStrokeDashArray([]float64)
	SetFillColor(drawing.Color)
	MoveTo(x, y int)
	LineTo(x, y int)
	QuadCurveTo(cx, cy, x, y int)
	Close()
	Stroke()
	Fill()
	FillStroke()
	SetFont(*truetype.Font)
	SetFontSize(float64)
	SetFontColor(drawing.Color)
	Text(body string, x, y int)
}

// rasterPen draws paths on an image of ours, as go-chart's raster
// renderer does (the same graphic context, called the same way), so that
// a PNG's raster can come from a pool instead of a fresh 10 MB allocation
// per chart. Text goes through canvas.pngText, not here.
type rasterPen struct {
	gc           *drawing.RasterGraphicContext
	stroke, fill drawing.Color
	strokeWidth  float64
	dash         []float64
}

func (p *rasterPen) SetStrokeColor(c drawing.Color) { p.stroke = c }
func (p *rasterPen) SetStrokeWidth(w float64)       { p.strokeWidth = w }
func (p *rasterPen) SetStrokeDashArray(d []float64) { p.dash = d }
func (p *rasterPen) SetFillColor(c drawing.Color)   { p.fill = c }
func (p *rasterPen) MoveTo(x, y int)                { p.gc.MoveTo(float64(x), float64(y)) }
func (p *rasterPen) LineTo(x, y int)                { p.gc.LineTo(float64(x), float64(y)) }
func (p *rasterPen) Close()                         { p.gc.Close() }
func (p *rasterPen) SetFont(*truetype.Font)         {}
func (p *rasterPen) SetFontSize(float64)            {}
func (p *rasterPen) SetFontColor(drawing.Color)     {}
func (p *rasterPen) Text(string, int, int)          {}

func (p *rasterPen) QuadCurveTo(cx, cy, x, y int) {
	p.gc.QuadCurveTo(float64(cx), float64(cy), float64(x), float64(y))
}

func (p *rasterPen) Stroke() {
	p.setStroke()
	p.gc.Stroke()
}

func (p *rasterPen) Fill() {
	p.gc.SetFillColor(p.fill)
	p.gc.Fill()
}

func (p *rasterPen) FillStroke() {
	p.gc.SetFillColor(p.fill)
	p.setStroke()
	p.gc.FillStroke()
}

func (p *rasterPen) setStroke() {
	p.gc.SetStrokeColor(p.stroke)
	p.gc.SetLineWidth(p.strokeWidth)
	p.gc.SetLineDash(p.dash, 0)
}

// RasterPool lends the rasters of PNG charts from one chart to the next
// across a build: a year of letters draws some fifty rasters of about
// 10 MB, each of which, fresh, the system must zero and map page by page.
// Safe for concurrent use.
type RasterPool struct {
	mu   sync.Mutex
	max  int
	free [][]byte
}

// NewRasterPool returns an empty pool that keeps at most max rasters: as
// many as are drawn at once. What it keeps is live heap to the collector,
// which a build's memory limit must allow for.
func NewRasterPool(max int) *RasterPool { return &RasterPool{max: max} }

// get returns an image of bounds r whose pixels are undefined: the chart
// paints every one of them (its white ground) before anything else.
func (p *RasterPool) get(r image.Rectangle) *image.RGBA {
	n := 4 * r.Dx() * r.Dy()
	if p != nil {
		p.mu.Lock()
		for i, b := range p.free {
			if cap(b) >= n {
				p.free = append(p.free[:i], p.free[i+1:]...)
				p.mu.Unlock()
				return &image.RGBA{Pix: b[:n], Stride: 4 * r.Dx(), Rect: r}
			}
		}
		p.mu.Unlock()
	}
	return image.NewRGBA(r)
}

// put gives an image's pixels back to the pool.
func (p *RasterPool) put(img *image.RGBA) {
	if p == nil {
		return
	}
	p.mu.Lock()
	defer p.mu.Unlock()
	if len(p.free) < p.max {
		p.free = append(p.free, img.Pix)
	}
}
