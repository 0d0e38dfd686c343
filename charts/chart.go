package charts

import (
	"bytes"
	"errors"
	"fmt"
	"image"
	"io"
	"math"
	"sync"

	"codeberg.org/go-pdf/fpdf"
	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"

	"briefing/report"
	"briefing/report/locale"
)

// Theme is what every chart shares: the words of the letter's language, the
// brand's colours and the fonts.
type Theme struct {
	Catalog *locale.Catalog
	Brand   report.Brand
	Fonts   *FontSet
	// Rasters, when set, lends PNG rasters from chart to chart (see
	// RasterPool); without it each PNG allocates its own.
	Rasters *RasterPool
}

// Chart is a figure laid out in millimetres at its natural size, ready to be
// written as PNG or SVG or drawn onto a PDF page.
type Chart struct {
	Name   string  // one of [Names]
	Width  float64 // natural size, mm
	Height float64
	// Empty is true when the chart shows the "no events" panel instead of
	// data.
	Empty bool
	theme Theme
	draw  func(c *canvas)
}

// Width is the natural width of every chart: the text width of an A4 letter.
const Width = 170.0

// PNGDPI is the resolution of the PNG files: print quality, and over 2000
// pixels across at the natural width.
const PNGDPI = 300.0

// svgPxPerMM sets the SVG's coordinate grid: go-chart's SVG renderer rounds
// coordinates and stroke widths to whole units, so the grid is finer than
// a tenth of a millimetre.
const svgPxPerMM = 20.0

// Names returns the names of the charts this package draws, in the order
// a letter's figures usually come: the same names a letter section lists
// under figures.
func Names() []string { return report.FigureNames() }

// Build lays out the chart called name for a letter's selection.
func Build(name string, sel report.Selection, theme Theme) (*Chart, error) {
	if theme.Catalog == nil || theme.Fonts == nil {
		return nil, errors.New("charts: the theme needs a catalogue and fonts")
	}
	var c *Chart
	switch name {
	case "frequency":
		c = frequencyChart(sel, theme)
	case "corridors":
		c = corridorsChart(sel, theme)
	case "targets":
		c = targetsChart(sel, theme)
	case "map":
		var err error
		if c, err = mapChart(sel, theme); err != nil {
			return nil, err
		}
	default:
		return nil, fmt.Errorf("charts: no chart %q; the charts are %v", name, Names())
	}
	c.Name, c.theme = name, theme
	return c, nil
}

// WritePNG writes the chart as a PNG image at dpi dots per inch (PNGDPI
// for print).
func (ch *Chart) WritePNG(w io.Writer, dpi float64) error {
	pxPerMM := dpi / 25.4
	width, height := int(math.Round(ch.Width*pxPerMM)), int(math.Round(ch.Height*pxPerMM))
	// The raster is ours, from the build's pool, painted through the
	// graphic context go-chart's raster renderer uses (see rasterPen);
	// the encoding is ours too (see encodePNG).
	img := ch.theme.Rasters.get(image.Rect(0, 0, width, height))
	defer ch.theme.Rasters.put(img)
	gc, err := drawing.NewRasterGraphicContext(img)
	if err != nil {
		return fmt.Errorf("charts: %s: %w", ch.Name, err)
	}
	gc.SetDPI(dpi)
	c := &canvas{measurer: measurer{ch.theme.Fonts}, r: &rasterPen{gc: gc}, pxPerMM: pxPerMM, img: img}
	// Every pixel, a pooled raster's included: nothing of an earlier
	// chart shows through.
	c.fillRect(0, 0, ch.Width, ch.Height, report.Color{R: 255, G: 255, B: 255})
	ch.draw(c)
	if err := encodePNG(w, img); err != nil {
		return fmt.Errorf("charts: %s: writing PNG: %w", ch.Name, err)
	}
	return nil
}

// WriteSVG writes the chart as an SVG document sized in millimetres.
func (ch *Chart) WriteSVG(w io.Writer) error {
	width, height := int(math.Round(ch.Width*svgPxPerMM)), int(math.Round(ch.Height*svgPxPerMM))
	r, err := chart.SVG(width, height)
	if err != nil {
		return fmt.Errorf("charts: %s: %w", ch.Name, err)
	}
	r.SetDPI(svgPxPerMM * 25.4)
	c := &canvas{measurer: measurer{ch.theme.Fonts}, r: r, pxPerMM: svgPxPerMM, escape: true}
	c.fillRect(0, 0, ch.Width, ch.Height, report.Color{R: 255, G: 255, B: 255})
	ch.draw(c)
	var buf bytes.Buffer
	if err := r.Save(&buf); err != nil {
		return fmt.Errorf("charts: %s: writing SVG: %w", ch.Name, err)
	}
	// go-chart gives the SVG a viewBox but no size; give it its size in
	// millimetres so that it prints at the letter's scale.
	svg := bytes.Replace(buf.Bytes(), []byte("<svg "),
		fmt.Appendf(nil, `<svg width="%gmm" height="%gmm" `, ch.Width, ch.Height), 1)
	// One element per line, so that a diff of two versions reads.
	svg = bytes.ReplaceAll(svg, []byte("><"), []byte(">\n<"))
	svg = append(svg, '\n')
	_, err = w.Write(svg)
	return err
}

// DrawPDF draws the chart as vector paths and text onto the current page of
// pdf, at (x, y) and width mm wide; it returns the height it took, which
// keeps the chart's proportions.
func (ch *Chart) DrawPDF(pdf *fpdf.Fpdf, x, y, width float64) (float64, error) {
	height := width * ch.Height / ch.Width
	provider := NewPDFRenderer(pdf, x, y, width, height, ch.theme.Fonts)
	r, err := provider(int(math.Round(ch.Width/PDFPixelMM)), int(math.Round(ch.Height/PDFPixelMM)))
	if err != nil {
		return 0, fmt.Errorf("charts: %s: %w", ch.Name, err)
	}
	r.SetDPI(PDFDPI)
	ch.draw(&canvas{measurer: measurer{ch.theme.Fonts}, r: r, pxPerMM: 1 / PDFPixelMM})
	if err := r.Save(nil); err != nil {
		return 0, fmt.Errorf("charts: %s: drawing on the PDF page: %w", ch.Name, err)
	}
	return height, nil
}

// Set builds each chart of a letter once, when first asked, for every
// writer that needs it: the letter's PDF and the PNG and SVG files, which
// are made concurrently. A chart's drawing only reads its layout, so one
// Chart may be drawn on several canvases at once. Safe for concurrent use.
type Set struct {
	sel   report.Selection
	theme Theme
	mu    sync.Mutex
	built map[string]*setEntry
}

type setEntry struct {
	once  sync.Once
	chart *Chart
	err   error
}

// NewSet returns the charts of sel drawn with theme, none built yet.
func NewSet(sel report.Selection, theme Theme) *Set {
	return &Set{sel: sel, theme: theme, built: map[string]*setEntry{}}
}

// Chart returns the chart name, building it the first time.
func (s *Set) Chart(name string) (*Chart, error) {
	s.mu.Lock()
	e := s.built[name]
	if e == nil {
		e = &setEntry{}
		s.built[name] = e
	}
	s.mu.Unlock()
	e.once.Do(func() { e.chart, e.err = Build(name, s.sel, s.theme) })
	return e.chart, e.err
}
