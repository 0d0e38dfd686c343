package charts

import (
	"bytes"
	"flag"
	"io"
	"math"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"briefing/internal/pdftest"

	"codeberg.org/go-pdf/fpdf"
	"github.com/wcharczuk/go-chart/v2"
	"github.com/wcharczuk/go-chart/v2/drawing"
)

var pdfOutDir = flag.String("pdfout", "", "also write the test charts as PDF, and as go-chart PNG for comparison, to `dir`")

// pdfPtPerMM turns the points pdftest reads back into page millimetres.
const pdfPtPerMM = 72 / 25.4

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

			doc := parsePDF(t, data)
			if bytes.Contains(data, []byte("/Subtype /Image")) || doc.Images != 0 {
				t.Error("the page holds a raster image; want vector paths only")
			}
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
			for _, run := range page.Text {
				if run.Rotated {
					continue
				}
				// Unrotated text starts inside the chart's rectangle.
				rx, ry := run.X/pdfPtPerMM, run.Y/pdfPtPerMM
				if rx < x-0.01 || rx > x+w || ry < y || ry > y+h {
					t.Errorf("text %q at (%.1f, %.1f) mm, outside the chart at (%g, %g) %g×%g mm", run.Text, rx, ry, x, y, w, h)
				}
			}
			for _, want := range tt.rotated {
				run, ok := page.text(want)
				if !ok {
					continue // reported above
				}
				if !run.Rotated || run.Matrix[1] >= 0 {
					t.Errorf("text %q: transformation %v, want a clockwise rotation (b < 0)", want, run.Matrix)
				}
			}
			if page.Operators["cm"] == 0 && len(tt.rotated) > 0 {
				t.Error("no cm transformation on the page; rotated labels need one")
			}
			if n := page.Operators["f*"] + page.Operators["B*"]; n == 0 {
				t.Error("nothing filled on the page")
			}
			if (tt.name == "pie" || tt.name == "donut") && page.Operators["c"] == 0 {
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
		if math.Abs(run.Matrix[i]-want[i]) > 1e-4 {
			t.Fatalf("y axis name: matrix %v, want %v", run.Matrix[:4], want)
		}
	}
	xtick, _ := page.text("15/09")
	c := math.Sqrt2 / 2
	if math.Abs(xtick.Matrix[0]-c) > 1e-4 || math.Abs(xtick.Matrix[1]+c) > 1e-4 {
		t.Errorf("x tick label at 45°: matrix %v, want [%.4f %.4f …]", xtick.Matrix[:4], c, -c)
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
			if len(page.Paths) != 1 {
				t.Fatalf("%d paths on the page, want 1", len(page.Paths))
			}
			x0, y0, x1, y1 := page.Paths[0].Bounds()
			got := [4]float64{x0 / pdfPtPerMM, y0 / pdfPtPerMM, x1 / pdfPtPerMM, y1 / pdfPtPerMM}
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
			if len(page.Paths) != 1 || len(page.Paths[0].Segments) == 0 {
				t.Fatalf("%d paths, want 1: %+v", len(page.Paths), page.Paths)
			}
			segs := page.Paths[0].Segments
			end := pdfMM(segs[len(segs)-1].To)
			if !pdfNear(end, tt.end, 0.05) {
				t.Errorf("arc ends at %.2f mm, want %.2f", end, pdfPxToMM(tt.end))
			}
			// Every point of the curves lies on the circle; the one half way
			// along the arc is mid.
			var onArc [][2]float64
			for _, c := range segs {
				if c.Op != "c" {
					continue
				}
				for _, u := range []float64{0.25, 0.5, 0.75} {
					p := pdfMM(c.At(u))
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
			for _, p := range page.Paths {
				got = append(got, p.Op)
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("painting operators %q, want %q", got, tt.want)
			}
			// Save puts alpha back to 1 after any change: one more gs.
			gs := page.Operators["gs"]
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

// pdfTestDoc returns a one-page A4 document in mm, compressed as the letter
// is (pdftest reads it back), with fixed dates so that two builds of the
// same page are byte-identical.
func pdfTestDoc(t *testing.T) *fpdf.Fpdf {
	t.Helper()
	fpdf.SetDefaultCatalogSort(true)
	pdf := fpdf.New("P", "mm", "A4", "")
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

// pdfMM turns a point read back by pdftest into mm from the top left of the
// page.
func pdfMM(p pdftest.Point) [2]float64 { return [2]float64{p.X / pdfPtPerMM, p.Y / pdfPtPerMM} }

// pdfDoc is a document read back with pdftest, with the few look-ups the
// tests of this package (fonts_test.go too) share.
type pdfDoc struct{ *pdftest.Doc }

// pdfPage is a page of a pdfDoc.
type pdfPage struct{ pdftest.Page }

// parsePDF reads data back, or stops the test.
func parsePDF(t *testing.T, data []byte) pdfDoc {
	t.Helper()
	doc, err := pdftest.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	return pdfDoc{doc}
}

// hasFont reports whether a font whose name contains name, in any case, is
// embedded with a font program that has glyphs: pdftest counts them in
// TrueType (FontFile2) and OpenType programs only.
func (d pdfDoc) hasFont(name string) bool {
	return slices.ContainsFunc(d.Fonts, func(f pdftest.Font) bool {
		return f.Embedded && f.Glyphs > 0 && strings.Contains(strings.ToLower(f.Name), strings.ToLower(name))
	})
}

// page returns page i, from 0, or stops the test.
func (d pdfDoc) page(t *testing.T, i int) pdfPage {
	t.Helper()
	if i >= len(d.Pages) {
		t.Fatalf("no page %d: %d pages", i, len(d.Pages))
	}
	return pdfPage{d.Pages[i]}
}

// textRuns returns the text of the page's runs, in content order.
func (p pdfPage) textRuns() []string {
	var s []string
	for _, r := range p.Text {
		s = append(s, r.Text)
	}
	return s
}

// text returns the first run whose text is s.
func (p pdfPage) text(s string) (pdftest.TextRun, bool) {
	i := slices.IndexFunc(p.Text, func(r pdftest.TextRun) bool { return r.Text == s })
	if i < 0 {
		return pdftest.TextRun{}, false
	}
	return p.Text[i], true
}
