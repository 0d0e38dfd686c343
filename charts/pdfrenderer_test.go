package charts

import (
	"bytes"
	"compress/zlib"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode/utf16"

	"codeberg.org/go-pdf/fpdf"
	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

var pdfOutDir = flag.String("pdfout", "", "also write the test charts as PDF, and as go-chart PNG for comparison, to `dir`")

// A4 page height in mm, to turn PDF points back into page millimetres.
const pdfTestPageHeight = 297.0

// pdfTestRenderable is what every go-chart chart type is.
type pdfTestRenderable interface {
	Render(rp chart.RendererProvider, w io.Writer) error
}

// pdfTestCharts returns the charts the tests draw, built with fonts.
func pdfTestCharts(fonts *FontSet) map[string]pdfTestRenderable {
	sans := fonts.Font(FamilySans, "")
	bold := fonts.Font(FamilySans, "B")
	day := func(d int) time.Time { return time.Date(2025, 9, d, 0, 0, 0, 0, time.UTC) }
	days := []time.Time{day(1), day(8), day(15), day(22), day(29)}
	var xticks []chart.Tick
	for _, d := range days {
		xticks = append(xticks, chart.Tick{Value: chart.TimeToFloat64(d), Label: d.Format("02/01")})
	}
	yticks := []chart.Tick{{Value: 0, Label: "0"}, {Value: 5, Label: "5"}, {Value: 10, Label: "10"}, {Value: 15, Label: "15"}, {Value: 20, Label: "20"}}
	return map[string]pdfTestRenderable{
		"bars": chart.BarChart{
			Title:      "Incidents par corridor",
			TitleStyle: chart.Style{Font: bold, FontSize: 14},
			DPI:        PDFDPI,
			Width:      1600,
			Height:     900,
			Font:       sans,
			BarWidth:   200,
			// go-chart's bar chart keeps no room for the bar labels: pad.
			Background: chart.Style{Padding: chart.Box{Top: 90, Left: 20, Right: 20, Bottom: 90}},
			YAxis: chart.YAxis{
				Range: &chart.ContinuousRange{Min: 0, Max: 20},
				Ticks: yticks,
			},
			Bars: []chart.Value{
				{Label: "Ségou", Value: 12},
				{Label: "Bamako–Dakar", Value: 7, Style: chart.Style{FillColor: drawing.ColorFromHex("c0392b"), StrokeColor: drawing.ColorFromHex("c0392b"), StrokeWidth: 1}},
				{Label: "Kayes", Value: 19},
				{Label: "Nioro du Sahel", Value: 3},
			},
		},
		"series": chart.Chart{
			DPI:    PDFDPI,
			Width:  1600,
			Height: 900,
			Font:   sans,
			XAxis: chart.XAxis{
				Name:  "Semaine",
				Style: chart.Style{TextRotationDegrees: 45},
				Ticks: xticks,
			},
			YAxis: chart.YAxis{
				Name:  "Incidents",
				Range: &chart.ContinuousRange{Min: 0, Max: 20},
				Ticks: yticks,
			},
			// Drawn unless hidden, even without a series on it: its tick
			// labels then land at int(NaN).
			YAxisSecondary: chart.YAxis{Style: chart.Style{Hidden: true}},
			Series: []chart.Series{
				chart.TimeSeries{
					Name:    "Kayes",
					Style:   chart.Style{StrokeColor: drawing.ColorFromHex("1f77b4"), StrokeWidth: 8, DotWidth: 12, DotColor: drawing.ColorFromHex("1f77b4")},
					XValues: days,
					YValues: []float64{4, 9, 6, 14, 11},
				},
				chart.TimeSeries{
					Name:    "Ségou",
					Style:   chart.Style{StrokeColor: drawing.ColorFromHex("ff7f0e"), StrokeWidth: 5, StrokeDashArray: []float64{30, 15}, FillColor: drawing.ColorFromHex("ff7f0e").WithAlpha(64)},
					XValues: days,
					YValues: []float64{2, 3, 8, 5, 7},
				},
			},
		},
		"pie": chart.PieChart{
			DPI:    PDFDPI,
			Width:  900,
			Height: 900,
			Font:   sans,
			Values: []chart.Value{
				{Label: "Enlèvements", Value: 5},
				{Label: "Embuscades", Value: 3},
				{Label: "Véhicules", Value: 2},
				{Label: "Autres", Value: 1},
			},
		},
		"donut": chart.DonutChart{
			DPI:    PDFDPI,
			Width:  900,
			Height: 900,
			Font:   sans,
			Values: []chart.Value{
				{Label: "Routes", Value: 6},
				{Label: "Villages", Value: 3},
				{Label: "Postes", Value: 1},
			},
		},
	}
}

// TestPDFRendererCharts draws go-chart charts onto a PDF page and reads the
// page back: its text, decoded through the fonts' ToUnicode maps, its
// paths, and no raster image.
func TestPDFRendererCharts(t *testing.T) {
	fonts := pdfTestFonts(t)
	charts := pdfTestCharts(fonts)
	tests := []struct {
		name    string
		want    []string // text runs that must be on the page
		rotated []string // text runs that must be turned clockwise
	}{
		{
			name: "bars",
			want: []string{"Incidents par corridor", "Ségou", "Bamako–Dakar", "Kayes", "Nioro du Sahel", "0", "5", "10", "15", "20"},
		},
		{
			name:    "series",
			want:    []string{"Semaine", "Incidents", "0", "10", "20", "01/09", "15/09", "29/09"},
			rotated: []string{"Incidents", "01/09", "29/09"},
		},
		{name: "pie", want: []string{"Enlèvements", "Embuscades", "Véhicules", "Autres"}},
		{name: "donut", want: []string{"Routes", "Villages", "Postes"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pdf := pdfTestDoc(t)
			c := charts[tt.name]
			x, y := 25.0, 30.0
			var w, h float64
			switch c := c.(type) {
			case chart.BarChart:
				w, h = float64(c.Width)/10, float64(c.Height)/10
			case chart.Chart:
				w, h = float64(c.Width)/10, float64(c.Height)/10
			case chart.PieChart:
				w, h = float64(c.Width)/10, float64(c.Height)/10
			case chart.DonutChart:
				w, h = float64(c.Width)/10, float64(c.Height)/10
			}
			if err := c.Render(NewPDFRenderer(pdf, x, y, w, h, fonts), nil); err != nil {
				t.Fatalf("Render: %v", err)
			}
			if err := pdf.Error(); err != nil {
				t.Fatalf("fpdf error after Render: %v", err)
			}
			data := pdfTestOutput(t, pdf, tt.name)
			pdfTestPNG(t, tt.name, c)

			if bytes.Contains(data, []byte("/Subtype /Image")) {
				t.Error("the page holds a raster image; want vector paths only")
			}
			doc := parsePDF(t, data)
			if !doc.hasFont("LiberationSans") {
				t.Error("Liberation FamilySans is not embedded")
			}
			page := doc.page(t, 0)
			got := page.textRuns()
			for _, want := range tt.want {
				if !slices.Contains(got, want) {
					t.Errorf("text %q not on the page; page text runs: %q", want, got)
				}
			}
			for _, run := range page.texts {
				if run.rotated() {
					continue
				}
				// Unrotated text starts inside the chart's rectangle.
				if run.x < x-0.01 || run.x > x+w || run.y < y || run.y > y+h {
					t.Errorf("text %q at (%.1f, %.1f) mm, outside the chart at (%g, %g) %g×%g mm", run.text, run.x, run.y, x, y, w, h)
				}
			}
			for _, want := range tt.rotated {
				run, ok := page.text(want)
				if !ok {
					continue // reported above
				}
				if !run.rotated() || run.ctm[1] >= 0 {
					t.Errorf("text %q: transformation %v, want a clockwise rotation (b < 0)", want, run.ctm)
				}
			}
			if !slices.Contains(page.ops, "cm") && len(tt.rotated) > 0 {
				t.Error("no cm transformation on the page; rotated labels need one")
			}
			if n := page.count("f*") + page.count("B*"); n == 0 {
				t.Error("nothing filled on the page")
			}
			if (tt.name == "pie" || tt.name == "donut") && page.count("c") == 0 {
				t.Error("no Bézier curve on the page; slices need arcs")
			}
		})
	}
}

// TestPDFRendererYAxisName checks the angle of the rotated y axis name:
// go-chart turns it 90° clockwise, so it reads downwards.
func TestPDFRendererYAxisName(t *testing.T) {
	fonts := pdfTestFonts(t)
	pdf := pdfTestDoc(t)
	if err := pdfTestCharts(fonts)["series"].Render(NewPDFRenderer(pdf, 25, 30, 160, 90, fonts), nil); err != nil {
		t.Fatal(err)
	}
	page := parsePDF(t, pdfTestOutput(t, pdf, "")).page(t, 0)
	run, ok := page.text("Incidents")
	if !ok {
		t.Fatalf("no y axis name on the page")
	}
	want := [4]float64{0, -1, 1, 0} // x axis of the text along -y of the PDF: down the page
	for i := range want {
		if math.Abs(run.ctm[i]-want[i]) > 1e-4 {
			t.Fatalf("y axis name: matrix %v, want %v", run.ctm[:4], want)
		}
	}
	xtick, _ := page.text("15/09")
	c := math.Sqrt2 / 2
	if math.Abs(xtick.ctm[0]-c) > 1e-4 || math.Abs(xtick.ctm[1]+c) > 1e-4 {
		t.Errorf("x tick label at 45°: matrix %v, want [%.4f %.4f …]", xtick.ctm[:4], c, -c)
	}
}

// TestPDFRendererScale draws a box over the whole canvas into rectangles of
// several sizes and reads its corners back.
func TestPDFRendererScale(t *testing.T) {
	fonts := pdfTestFonts(t)
	tests := []struct {
		name       string
		x, y, w, h float64
		want       [4]float64 // left, top, right, bottom in mm
	}{
		{"natural", 30, 40, 100, 60, [4]float64{30, 40, 130, 100}},
		{"half", 30, 40, 50, 30, [4]float64{30, 40, 80, 70}},
		{"wider rectangle: centred", 30, 40, 100, 30, [4]float64{55, 40, 105, 70}},
		{"taller rectangle: centred", 30, 40, 50, 90, [4]float64{30, 70, 80, 100}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pdf := pdfTestDoc(t)
			r, err := NewPDFRenderer(pdf, tt.x, tt.y, tt.w, tt.h, fonts)(1000, 600)
			if err != nil {
				t.Fatal(err)
			}
			r.SetFillColor(drawing.ColorFromHex("336699"))
			r.MoveTo(0, 0)
			r.LineTo(1000, 0)
			r.LineTo(1000, 600)
			r.LineTo(0, 600)
			r.Close()
			r.Fill()
			if err := r.Save(nil); err != nil {
				t.Fatal(err)
			}
			page := parsePDF(t, pdfTestOutput(t, pdf, "")).page(t, 0)
			if len(page.paths) != 1 {
				t.Fatalf("%d paths on the page, want 1", len(page.paths))
			}
			got := page.paths[0].bounds()
			for i := range got {
				if math.Abs(got[i]-tt.want[i]) > 0.01 {
					t.Fatalf("box at %.2f mm, want %.2f", got, tt.want)
				}
			}
		})
	}
}

// TestPDFRendererMeasureText compares MeasureText with fpdf's own width of
// the same string at the same size, at natural size and scaled.
func TestPDFRendererMeasureText(t *testing.T) {
	fonts := pdfTestFonts(t)
	const s = "Bamako–Dakar"

	ref := pdfTestDoc(t)
	if err := fonts.Register(ref); err != nil {
		t.Fatal(err)
	}
	ref.SetFont(FamilySans, "B", 10)
	wantPX := int(math.Ceil(ref.GetStringWidth(s) / PDFPixelMM)) // mm to px at natural size

	for _, w := range []float64{100, 50, 173} {
		pdf := pdfTestDoc(t)
		r, err := NewPDFRenderer(pdf, 10, 10, w, w, fonts)(1000, 1000)
		if err != nil {
			t.Fatal(err)
		}
		r.SetDPI(PDFDPI)
		r.SetFont(fonts.Font(FamilySans, "B"))
		r.SetFontSize(10)
		box := r.MeasureText(s)
		if box.Width() != wantPX {
			t.Errorf("rectangle %g mm: width %d px, want %d px (fpdf: %.3f mm at 10 pt)", w, box.Width(), wantPX, ref.GetStringWidth(s))
		}
		// The ink of "B…k" reaches the cap height, that of "–" no lower
		// than the baseline: about 0.73 em, and 1 em is 10 pt = 35.3 px.
		if h := box.Height(); h < 24 || h > 28 {
			t.Errorf("rectangle %g mm: height %d px, want the cap height, about 26 px", w, h)
		}
		r.SetTextRotation(math.Pi / 2)
		if rot := r.MeasureText(s); rot.Width() != box.Height() || rot.Height() != box.Width() {
			t.Errorf("turned a quarter: %d×%d px, want %d×%d", rot.Width(), rot.Height(), box.Height(), box.Width())
		}
		if err := r.Save(nil); err != nil {
			t.Fatal(err)
		}
	}
}

// TestPDFRendererArc checks the sense of arcs: go-chart's angles grow
// clockwise on the page, from 3 o'clock.
func TestPDFRendererArc(t *testing.T) {
	fonts := pdfTestFonts(t)
	const cx, cy, rad = 100, 100, 50 // px; the canvas is at the page origin, 0.1 mm per px
	tests := []struct {
		name         string
		start, delta float64
		end, mid     [2]float64 // px
	}{
		{"quarter clockwise", 0, math.Pi / 2, [2]float64{100, 150}, [2]float64{100 + rad*math.Sqrt2/2, 100 + rad*math.Sqrt2/2}},
		{"quarter anticlockwise", 0, -math.Pi / 2, [2]float64{100, 50}, [2]float64{100 + rad*math.Sqrt2/2, 100 - rad*math.Sqrt2/2}},
		{"three quarters from noon", -math.Pi / 2, 3 * math.Pi / 2, [2]float64{50, 100}, [2]float64{100 + rad*math.Sqrt2/2, 100 + rad*math.Sqrt2/2}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pdf := pdfTestDoc(t)
			r, err := NewPDFRenderer(pdf, 0, 0, 100, 100, fonts)(1000, 1000)
			if err != nil {
				t.Fatal(err)
			}
			r.SetStrokeColor(drawing.ColorBlack)
			r.SetStrokeWidth(1)
			r.ArcTo(cx, cy, rad, rad, tt.start, tt.delta)
			r.Stroke()
			if err := r.Save(nil); err != nil {
				t.Fatal(err)
			}
			page := parsePDF(t, pdfTestOutput(t, pdf, "")).page(t, 0)
			if len(page.paths) != 1 {
				t.Fatalf("%d paths, want 1", len(page.paths))
			}
			pts := page.paths[0].points // mm
			end := pts[len(pts)-1]
			if !pdfNear(end, tt.end, 0.05) {
				t.Errorf("arc ends at %.2f mm, want %.2f", end, pdfPxToMM(tt.end))
			}
			// Every point of the curves lies on the circle; the one half way
			// along the arc is mid.
			var onArc [][2]float64
			for _, c := range page.paths[0].curves {
				for _, u := range []float64{0.25, 0.5, 0.75} {
					p := c.at(u)
					// fpdf writes points to 0.01 pt (0.0035 mm).
					if d := math.Hypot(p[0]-cx*PDFPixelMM, p[1]-cy*PDFPixelMM); math.Abs(d-rad*PDFPixelMM) > 0.005 {
						t.Errorf("curve point %.3f mm is %.4f mm from the centre, want %.4f", p, d, rad*PDFPixelMM)
					}
					onArc = append(onArc, p)
				}
			}
			if !slices.ContainsFunc(onArc, func(p [2]float64) bool { return pdfNear(p, tt.mid, 0.05) }) {
				t.Errorf("no point of the arc pdfNear %.2f mm; points %.2f", pdfPxToMM(tt.mid), onArc)
			}
		})
	}
}

// TestPDFRendererPaint checks how fills and strokes become PDF painting
// operators: together when their alphas agree, apart when they differ,
// not at all when transparent.
func TestPDFRendererPaint(t *testing.T) {
	fonts := pdfTestFonts(t)
	red, blue := drawing.ColorRed, drawing.ColorBlue
	tests := []struct {
		name        string
		fill, strk  drawing.Color
		width       float64
		fillStroke  bool
		want        []string
		wantAlphaGS int // ExtGState changes expected
	}{
		{"opaque fill and stroke", red, blue, 2, true, []string{"B*"}, 0},
		{"translucent fill, opaque stroke", red.WithAlpha(128), blue, 2, true, []string{"f*", "S"}, 2},
		{"same alpha", red.WithAlpha(128), blue.WithAlpha(128), 2, true, []string{"B*"}, 1},
		{"transparent fill", drawing.ColorTransparent, blue, 2, true, []string{"S"}, 0},
		{"stroke of no width", red, blue, 0, true, []string{"f*"}, 0},
		{"all transparent", drawing.Color{}, drawing.Color{}, 2, true, nil, 0},
		{"stroke only", red, blue, 2, false, []string{"S"}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			pdf := pdfTestDoc(t)
			r, err := NewPDFRenderer(pdf, 10, 10, 100, 100, fonts)(1000, 1000)
			if err != nil {
				t.Fatal(err)
			}
			r.SetFillColor(tt.fill)
			r.SetStrokeColor(tt.strk)
			r.SetStrokeWidth(tt.width)
			r.Circle(100, 500, 500)
			if tt.fillStroke {
				r.FillStroke()
			} else {
				r.Stroke()
			}
			if err := r.Save(nil); err != nil {
				t.Fatal(err)
			}
			page := parsePDF(t, pdfTestOutput(t, pdf, "")).page(t, 0)
			var got []string
			for _, op := range page.ops {
				if slices.Contains([]string{"S", "s", "f", "f*", "F", "B", "B*", "b", "b*", "n"}, op) {
					got = append(got, op)
				}
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("painting operators %q, want %q", got, tt.want)
			}
			// Save puts alpha back to 1 after any change: one more gs.
			gs := page.count("gs")
			if tt.wantAlphaGS > 0 {
				gs--
			}
			if gs != tt.wantAlphaGS {
				t.Errorf("%d alpha changes, want %d", gs, tt.wantAlphaGS)
			}
		})
	}
}

// TestPDFRendererRestoresState checks that a chart leaves fpdf's drawing
// state as it found it, so that the letter goes on unaffected.
func TestPDFRendererRestoresState(t *testing.T) {
	fonts := pdfTestFonts(t)
	pdf := pdfTestDoc(t)
	if err := fonts.Register(pdf); err != nil {
		t.Fatal(err)
	}
	pdf.SetFont(FamilySerif, "I", 11)
	pdf.SetDrawColor(1, 2, 3)
	pdf.SetFillColor(4, 5, 6)
	pdf.SetTextColor(7, 8, 9)
	pdf.SetLineWidth(0.3)
	var before pdfState
	before.save(pdf)
	for name, c := range pdfTestCharts(fonts) {
		if err := c.Render(NewPDFRenderer(pdf, 20, 20, 160, 90, fonts), nil); err != nil {
			t.Fatalf("%s: %v", name, err)
		}
		var after pdfState
		after.save(pdf)
		if after != before {
			t.Errorf("%s: fpdf state after the chart\n%+v\nwant\n%+v", name, after, before)
		}
	}
}

// TestPDFRendererErrors checks that errors reach the caller of Render.
func TestPDFRendererErrors(t *testing.T) {
	fonts := pdfTestFonts(t)
	bars := pdfTestCharts(fonts)["bars"]

	noPage := fpdf.New("P", "mm", "A4", "")
	if err := bars.Render(NewPDFRenderer(noPage, 0, 0, 160, 90, fonts), nil); err == nil {
		t.Error("Render on a document without a page: no error")
	}

	failed := pdfTestDoc(t)
	failed.SetErrorf("earlier failure")
	if err := bars.Render(NewPDFRenderer(failed, 0, 0, 160, 90, fonts), nil); err == nil || !strings.Contains(err.Error(), "earlier failure") {
		t.Errorf("Render on a failed document: error %v, want the document's error", err)
	}

	if err := bars.Render(NewPDFRenderer(pdfTestDoc(t), 0, 0, 160, 90, nil), nil); err == nil {
		t.Error("Render without a font set: no error")
	}

	// An fpdf error while drawing: Save, and so Render, returns it.
	pdf := pdfTestDoc(t)
	r, err := NewPDFRenderer(pdf, 0, 0, 160, 90, fonts)(1600, 900)
	if err != nil {
		t.Fatal(err)
	}
	r.SetFontSize(10)
	r.SetFontColor(drawing.ColorBlack)
	r.Text("avant", 10, 10)
	if err := r.(*PDFRenderer).Err(); err != nil {
		t.Fatalf("Err before the failure: %v", err)
	}
	pdf.SetAlpha(2, "Normal") // out of range: fpdf records an error
	r.Text("après", 10, 50)
	if err := r.Save(nil); err == nil || !strings.Contains(err.Error(), "alpha") {
		t.Errorf("Save after an fpdf error: %v, want the fpdf error", err)
	}
}

// TestPDFRendererDefaultFont checks that a chart without a font of the set
// (go-chart then uses Roboto) is still drawn in Liberation Sans.
func TestPDFRendererDefaultFont(t *testing.T) {
	fonts := pdfTestFonts(t)
	pdf := pdfTestDoc(t)
	c := chart.BarChart{DPI: PDFDPI, Width: 800, Height: 500, Bars: []chart.Value{{Label: "Ségou", Value: 1}, {Label: "Kayes", Value: 2}}}
	if err := c.Render(NewPDFRenderer(pdf, 10, 10, 80, 50, fonts), nil); err != nil {
		t.Fatal(err)
	}
	doc := parsePDF(t, pdfTestOutput(t, pdf, ""))
	if !slices.Contains(doc.page(t, 0).textRuns(), "Ségou") {
		t.Error("label missing")
	}
	if !doc.hasFont("LiberationSans") {
		t.Error("Liberation FamilySans not embedded")
	}
}

// TestPDFRendererDeterministic draws the same charts twice: the PDFs must
// be byte-identical, as CI compares rebuilt letters.
func TestPDFRendererDeterministic(t *testing.T) {
	fonts := pdfTestFonts(t)
	build := func(name string) []byte {
		pdf := pdfTestDoc(t)
		charts := pdfTestCharts(fonts)
		for i, name := range []string{"bars", "series", "pie", "donut"} {
			y := 10 + float64(i)*70
			if err := charts[name].Render(NewPDFRenderer(pdf, 20, y, 160, 65, fonts), nil); err != nil {
				t.Fatalf("%s: %v", name, err)
			}
		}
		return pdfTestOutput(t, pdf, name)
	}
	if !bytes.Equal(build("page"), build("")) {
		t.Error("two builds of the same page differ")
	}
}

// pdfTestFonts returns a FontSet or stops the test.
func pdfTestFonts(t *testing.T) *FontSet {
	t.Helper()
	fonts, err := NewFontSet()
	if err != nil {
		t.Fatal(err)
	}
	return fonts
}

// pdfTestDoc returns a one-page A4 document in mm, uncompressed so that its
// page content reads as text.
func pdfTestDoc(t *testing.T) *fpdf.Fpdf {
	t.Helper()
	fpdf.SetDefaultCatalogSort(true)
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCompression(false)
	when := time.Date(2025, 9, 30, 12, 0, 0, 0, time.UTC)
	pdf.SetCreationDate(when)
	pdf.SetModificationDate(when)
	pdf.AddPage()
	return pdf
}

// pdfTestOutput returns the document's bytes; with -pdfout and a name, it also
// writes them to the directory for a look.
func pdfTestOutput(t *testing.T, pdf *fpdf.Fpdf, name string) []byte {
	t.Helper()
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatalf("fpdf Output: %v", err)
	}
	if *pdfOutDir != "" && name != "" {
		if err := os.WriteFile(filepath.Join(*pdfOutDir, name+".pdf"), buf.Bytes(), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return buf.Bytes()
}

// pdfTestPNG renders c with go-chart's PNG renderer into the -pdfout
// directory, to compare with the PDF.
func pdfTestPNG(t *testing.T, name string, c pdfTestRenderable) {
	t.Helper()
	if *pdfOutDir == "" {
		return
	}
	var buf bytes.Buffer
	if err := c.Render(chart.PNG, &buf); err != nil {
		t.Fatalf("PNG render: %v", err)
	}
	if err := os.WriteFile(filepath.Join(*pdfOutDir, name+"-gochart.png"), buf.Bytes(), 0o644); err != nil {
		t.Fatal(err)
	}
}

func pdfNear(p [2]float64, wantPX [2]float64, tol float64) bool {
	w := pdfPxToMM(wantPX)
	return math.Abs(p[0]-w[0]) <= tol && math.Abs(p[1]-w[1]) <= tol
}

// pdfPxToMM turns a point in px of a canvas at the page origin into mm.
func pdfPxToMM(p [2]float64) [2]float64 { return [2]float64{p[0] * PDFPixelMM, p[1] * PDFPixelMM} }

// A minimal PDF reader, enough for fpdf's uncompressed output: objects,
// streams, page content, fonts and their ToUnicode maps.

type pdfObject struct {
	dict   string
	stream []byte // decoded
}

type pdfDoc struct {
	objs map[int]pdfObject
}

var (
	pdfObjHeader   = regexp.MustCompile(`(?m)^(\d+) 0 obj\r?\n`)
	pdfLengthRe    = regexp.MustCompile(`/Length (\d+)`)
	pdfContentsRe  = regexp.MustCompile(`/Contents (\d+) 0 R`)
	pdfResourcesRe = regexp.MustCompile(`/Resources (\d+) 0 R`)
	pdfFontDictRe  = regexp.MustCompile(`/Font\s*<<([^>]*)>>`)
	pdfFontRefRe   = regexp.MustCompile(`/(\w+) (\d+) 0 R`)
	pdfToUnicodeRe = regexp.MustCompile(`/ToUnicode (\d+) 0 R`)
	pdfPageTypeRe  = regexp.MustCompile(`/Type /Page\b[^s]`)
	pdfHexRe       = regexp.MustCompile(`<([0-9A-Fa-f]+)>`)
)

func parsePDF(t *testing.T, data []byte) *pdfDoc {
	t.Helper()
	doc := &pdfDoc{objs: map[int]pdfObject{}}
	for _, loc := range pdfObjHeader.FindAllSubmatchIndex(data, -1) {
		n, _ := strconv.Atoi(string(data[loc[2]:loc[3]]))
		rest := data[loc[1]:]
		end := bytes.Index(rest, []byte("endobj"))
		st := bytes.Index(rest, []byte("stream"))
		if end < 0 {
			t.Fatalf("object %d: no endobj", n)
		}
		if st < 0 || st > end {
			doc.objs[n] = pdfObject{dict: string(rest[:end])}
			continue
		}
		obj := pdfObject{dict: string(rest[:st])}
		m := pdfLengthRe.FindStringSubmatch(obj.dict)
		if m == nil {
			t.Fatalf("object %d: stream without a direct /Length", n)
		}
		length, _ := strconv.Atoi(m[1])
		body := rest[st+len("stream"):]
		body = bytes.TrimPrefix(bytes.TrimPrefix(body, []byte("\r")), []byte("\n"))
		raw := body[:length]
		if strings.Contains(obj.dict, "/FlateDecode") {
			zr, err := zlib.NewReader(bytes.NewReader(raw))
			if err != nil {
				t.Fatalf("object %d: %v", n, err)
			}
			if raw, err = io.ReadAll(zr); err != nil {
				t.Fatalf("object %d: %v", n, err)
			}
		}
		obj.stream = raw
		doc.objs[n] = obj
	}
	return doc
}

// hasFont reports whether an embedded font's name contains name.
func (d *pdfDoc) hasFont(name string) bool {
	for _, o := range d.objs {
		if strings.Contains(o.dict, "/FontDescriptor /FontName") || strings.Contains(o.dict, "/Type /FontDescriptor") {
			if strings.Contains(strings.ToLower(o.dict), strings.ToLower(name)) && strings.Contains(o.dict, "/FontFile2") {
				return true
			}
		}
	}
	return false
}

// page returns the i-th page object (in object order) read as content.
func (d *pdfDoc) page(t *testing.T, i int) *pdfPage {
	t.Helper()
	var nums []int
	for n, o := range d.objs {
		if pdfPageTypeRe.MatchString(o.dict + " ") {
			nums = append(nums, n)
		}
	}
	slices.Sort(nums)
	if i >= len(nums) {
		t.Fatalf("no page %d: %d pages", i, len(nums))
	}
	p := d.objs[nums[i]]
	m := pdfContentsRe.FindStringSubmatch(p.dict)
	if m == nil {
		t.Fatalf("page %d: no /Contents", i)
	}
	cn, _ := strconv.Atoi(m[1])
	// Fonts of the page: name → ToUnicode map.
	cmaps := map[string]map[uint16][]rune{}
	res := p.dict
	if rm := pdfResourcesRe.FindStringSubmatch(p.dict); rm != nil {
		rn, _ := strconv.Atoi(rm[1])
		res = d.objs[rn].dict
	}
	if fm := pdfFontDictRe.FindStringSubmatch(res); fm != nil {
		for _, ref := range pdfFontRefRe.FindAllStringSubmatch(fm[1], -1) {
			fn, _ := strconv.Atoi(ref[2])
			if um := pdfToUnicodeRe.FindStringSubmatch(d.objs[fn].dict); um != nil {
				un, _ := strconv.Atoi(um[1])
				cmaps[ref[1]] = parsePDFToUnicode(t, d.objs[un].stream)
			}
		}
	}
	return readPDFContent(t, d.objs[cn].stream, cmaps)
}

// parsePDFToUnicode reads the bfrange and bfchar entries of a ToUnicode CMap
// with two-byte codes.
func parsePDFToUnicode(t *testing.T, cmap []byte) map[uint16][]rune {
	t.Helper()
	m := map[uint16][]rune{}
	hex16 := func(s string) []uint16 {
		var u []uint16
		for i := 0; i+4 <= len(s); i += 4 {
			v, _ := strconv.ParseUint(s[i:i+4], 16, 16)
			u = append(u, uint16(v))
		}
		return u
	}
	text := string(cmap)
	for _, sec := range regexp.MustCompile(`(?s)beginbfrange(.*?)endbfrange`).FindAllStringSubmatch(text, -1) {
		for _, line := range strings.Split(sec[1], "\n") {
			h := pdfHexRe.FindAllStringSubmatch(line, -1)
			if len(h) != 3 {
				continue
			}
			lo, hi, dst := hex16(h[0][1])[0], hex16(h[1][1])[0], hex16(h[2][1])
			for c := uint32(lo); c <= uint32(hi); c++ {
				d := slices.Clone(dst)
				d[len(d)-1] += uint16(c - uint32(lo))
				m[uint16(c)] = utf16.Decode(d)
			}
		}
	}
	for _, sec := range regexp.MustCompile(`(?s)beginbfchar(.*?)endbfchar`).FindAllStringSubmatch(text, -1) {
		for _, line := range strings.Split(sec[1], "\n") {
			h := pdfHexRe.FindAllStringSubmatch(line, -1)
			if len(h) != 2 {
				continue
			}
			m[hex16(h[0][1])[0]] = utf16.Decode(hex16(h[1][1]))
		}
	}
	if len(m) == 0 {
		t.Fatal("empty ToUnicode CMap")
	}
	return m
}

// pdfPage is what readPDFContent finds in a content stream.
type pdfPage struct {
	ops   []string // every operator, in order
	texts []pdfTextRun
	paths []pdfPath
}

type pdfTextRun struct {
	text string
	x, y float64    // Td position, in mm from the top left of the page
	ctm  [6]float64 // transformation in force (identity: 1 0 0 1 0 0)
}

func (r pdfTextRun) rotated() bool { return r.ctm[1] != 0 || r.ctm[2] != 0 }

// pdfPath is a painted path, in mm from the top left of the page.
type pdfPath struct {
	points [][2]float64 // every end point
	curves []pdfBezier
}

type pdfBezier [4][2]float64

// at returns the point of the curve at u in [0, 1].
func (c pdfBezier) at(u float64) [2]float64 {
	v := 1 - u
	var p [2]float64
	for i := range p {
		p[i] = v*v*v*c[0][i] + 3*v*v*u*c[1][i] + 3*v*u*u*c[2][i] + u*u*u*c[3][i]
	}
	return p
}

func (p pdfPath) bounds() [4]float64 {
	b := [4]float64{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	for _, q := range p.points {
		b[0], b[1] = math.Min(b[0], q[0]), math.Min(b[1], q[1])
		b[2], b[3] = math.Max(b[2], q[0]), math.Max(b[3], q[1])
	}
	return b
}

func (c *pdfPage) textRuns() []string {
	var s []string
	for _, r := range c.texts {
		s = append(s, r.text)
	}
	return s
}

func (c *pdfPage) text(s string) (pdfTextRun, bool) {
	for _, r := range c.texts {
		if r.text == s {
			return r, true
		}
	}
	return pdfTextRun{}, false
}

func (c *pdfPage) count(op string) int {
	n := 0
	for _, o := range c.ops {
		if o == op {
			n++
		}
	}
	return n
}

// pdfOperand is a number, a name, a string or an array of them.
type pdfOperand struct {
	num   float64
	name  string
	str   []byte
	isStr bool
	array []pdfOperand
}

// readPDFContent interprets the operators of a content stream that matter to
// the tests: text showing, the transformation matrix, path construction.
func readPDFContent(t *testing.T, data []byte, cmaps map[string]map[uint16][]rune) *pdfPage {
	t.Helper()
	const ptPerMM = 72 / 25.4
	toMM := func(x, y float64) [2]float64 { return [2]float64{x / ptPerMM, pdfTestPageHeight - y/ptPerMM} }
	identity := [6]float64{1, 0, 0, 1, 0, 0}
	c := &pdfPage{}
	var (
		stack   []pdfOperand
		ctm     = identity
		saved   [][6]float64
		font    string
		tx, ty  float64
		cur     pdfPath
		current [2]float64
	)
	decode := func(b []byte) string {
		cm := cmaps[font]
		if cm == nil {
			return string(b) // a simple font: bytes are the text
		}
		var sb strings.Builder
		for i := 0; i+1 < len(b); i += 2 {
			code := uint16(b[i])<<8 | uint16(b[i+1])
			if r, ok := cm[code]; ok {
				sb.WriteString(string(r))
			} else {
				fmt.Fprintf(&sb, "<%04X>", code)
			}
		}
		return sb.String()
	}
	nums := func(n int) []float64 {
		if len(stack) < n {
			t.Fatalf("content: %d operands, want %d", len(stack), n)
		}
		f := make([]float64, n)
		for i, o := range stack[len(stack)-n:] {
			f[i] = o.num
		}
		return f
	}
	lx := newPDFLexer(t, data)
	for {
		tok, op, ok := lx.next()
		if !ok {
			break
		}
		if op == "" {
			stack = append(stack, tok)
			continue
		}
		c.ops = append(c.ops, op)
		switch op {
		case "q":
			saved = append(saved, ctm)
		case "Q":
			if len(saved) > 0 {
				ctm, saved = saved[len(saved)-1], saved[:len(saved)-1]
			}
		case "cm":
			m := nums(6)
			// new ctm = m × ctm
			a, b, cc, d, e, f := m[0], m[1], m[2], m[3], m[4], m[5]
			o := ctm
			ctm = [6]float64{
				a*o[0] + b*o[2], a*o[1] + b*o[3],
				cc*o[0] + d*o[2], cc*o[1] + d*o[3],
				e*o[0] + f*o[2] + o[4], e*o[1] + f*o[3] + o[5],
			}
		case "Tf":
			font = stack[len(stack)-2].name
		case "Td":
			m := nums(2)
			tx, ty = m[0], m[1]
		case "Tj", "TJ":
			var b []byte
			top := stack[len(stack)-1]
			if top.isStr {
				b = top.str
			}
			for _, e := range top.array {
				b = append(b, e.str...)
			}
			p := toMM(tx, ty)
			c.texts = append(c.texts, pdfTextRun{text: decode(b), x: p[0], y: p[1], ctm: ctm})
		case "m", "l":
			m := nums(2)
			current = toMM(m[0], m[1])
			cur.points = append(cur.points, current)
		case "c":
			m := nums(6)
			cv := pdfBezier{current, toMM(m[0], m[1]), toMM(m[2], m[3]), toMM(m[4], m[5])}
			cur.curves = append(cur.curves, cv)
			current = cv[3]
			cur.points = append(cur.points, current)
		case "re":
			m := nums(4)
			cur.points = append(cur.points, toMM(m[0], m[1]), toMM(m[0]+m[2], m[1]+m[3]))
		case "S", "s", "f", "f*", "F", "B", "B*", "b", "b*", "n":
			c.paths = append(c.paths, cur)
			cur = pdfPath{}
		}
		stack = stack[:0]
	}
	return c
}

// pdfLexer splits a content stream into operands and operators.
type pdfLexer struct {
	t    *testing.T
	data []byte
	pos  int
}

func newPDFLexer(t *testing.T, data []byte) *pdfLexer { return &pdfLexer{t: t, data: data} }

func pdfIsDelim(b byte) bool { return strings.IndexByte("()<>[]{}/%", b) >= 0 }
func pdfIsSpace(b byte) bool { return strings.IndexByte(" \t\r\n\f\x00", b) >= 0 }

// next returns an operand, or an operator's name in op; ok is false at the
// end.
func (l *pdfLexer) next() (tok pdfOperand, op string, ok bool) {
	for l.pos < len(l.data) && pdfIsSpace(l.data[l.pos]) {
		l.pos++
	}
	if l.pos >= len(l.data) {
		return pdfOperand{}, "", false
	}
	switch b := l.data[l.pos]; {
	case b == '(':
		return pdfOperand{str: l.literal(), isStr: true}, "", true
	case b == '<' && l.pos+1 < len(l.data) && l.data[l.pos+1] != '<':
		end := bytes.IndexByte(l.data[l.pos:], '>')
		h := string(bytes.Join(bytes.Fields(l.data[l.pos+1:l.pos+end]), nil))
		l.pos += end + 1
		if len(h)%2 == 1 {
			h += "0"
		}
		var s []byte
		for i := 0; i < len(h); i += 2 {
			v, _ := strconv.ParseUint(h[i:i+2], 16, 8)
			s = append(s, byte(v))
		}
		return pdfOperand{str: s, isStr: true}, "", true
	case b == '[':
		l.pos++
		var arr []pdfOperand
		for {
			for l.pos < len(l.data) && pdfIsSpace(l.data[l.pos]) {
				l.pos++
			}
			if l.pos < len(l.data) && l.data[l.pos] == ']' {
				l.pos++
				return pdfOperand{array: arr}, "", true
			}
			e, eop, eok := l.next()
			if !eok || eop != "" {
				l.t.Fatalf("content: bad array at %d", l.pos)
			}
			arr = append(arr, e)
		}
	case b == '/':
		start := l.pos + 1
		l.pos++
		for l.pos < len(l.data) && !pdfIsSpace(l.data[l.pos]) && !pdfIsDelim(l.data[l.pos]) {
			l.pos++
		}
		return pdfOperand{name: string(l.data[start:l.pos])}, "", true
	default:
		start := l.pos
		if b == '<' || b == '>' { // << or >>
			l.pos += 2
		} else {
			for l.pos < len(l.data) && !pdfIsSpace(l.data[l.pos]) && !pdfIsDelim(l.data[l.pos]) {
				l.pos++
			}
		}
		if l.pos == start {
			l.t.Fatalf("content: unexpected %q at %d", b, l.pos)
		}
		word := string(l.data[start:l.pos])
		if f, err := strconv.ParseFloat(word, 64); err == nil {
			return pdfOperand{num: f}, "", true
		}
		return pdfOperand{}, word, true
	}
}

// literal reads a (string) with its escapes.
func (l *pdfLexer) literal() []byte {
	var s []byte
	depth := 0
	l.pos++ // (
	for l.pos < len(l.data) {
		b := l.data[l.pos]
		l.pos++
		switch b {
		case '(':
			depth++
		case ')':
			if depth == 0 {
				return s
			}
			depth--
		case '\\':
			e := l.data[l.pos]
			l.pos++
			switch e {
			case 'n':
				b = '\n'
			case 'r':
				b = '\r'
			case 't':
				b = '\t'
			case 'b':
				b = '\b'
			case 'f':
				b = '\f'
			case '\n':
				continue
			case '0', '1', '2', '3', '4', '5', '6', '7':
				v := int(e - '0')
				for i := 0; i < 2 && l.pos < len(l.data) && l.data[l.pos] >= '0' && l.data[l.pos] <= '7'; i++ {
					v = v*8 + int(l.data[l.pos]-'0')
					l.pos++
				}
				b = byte(v)
			default:
				b = e
			}
		}
		s = append(s, b)
	}
	l.t.Fatal("content: unterminated string")
	return nil
}
