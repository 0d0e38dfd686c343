package charts_test

import (
	"bytes"
	"encoding/xml"
	"flag"
	"image/png"
	"io"
	"math"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"briefing/charts"
	"briefing/internal/pdftest"
	"briefing/report"
	"briefing/report/locale"
)

var (
	update   = flag.Bool("update", false, "rewrite golden files")
	chartOut = flag.String("chartout", "", "also write the charts of the tests (PNG, SVG, PDF) into this `DIR`, to look at them")
)

// fixedDate keeps test PDFs free of the clock.
var fixedDate = time.Date(2025, 9, 30, 0, 0, 0, 0, time.UTC)

// load loads a data folder and returns the selection of one of its letters
// and the theme of the letter's language.
func load(t testing.TB, dir, letter string) (report.Selection, charts.Theme) {
	t.Helper()
	ds, diags := report.Load(dir)
	if diags.HasErrors() {
		t.Fatalf("%s: %v", dir, diags)
	}
	l, ok := ds.Letter(letter)
	if !ok {
		t.Fatalf("%s: no letter %q", dir, letter)
	}
	cat, err := locale.For(l.Language)
	if err != nil {
		t.Fatal(err)
	}
	fonts, err := charts.NewFontSet()
	if err != nil {
		t.Fatal(err)
	}
	return ds.Select(l), charts.Theme{Catalog: cat, Brand: ds.Brand, Fonts: fonts}
}

// rendered is a chart in its three forms, and the text a reader finds in
// each vector form.
type rendered struct {
	chart   *charts.Chart
	png     []byte
	svg     []byte
	svgText []string
	pdf     []byte
	pdfText string
	doc     *pdftest.Doc
}

func render(t *testing.T, sel report.Selection, th charts.Theme, name string, dpi float64) rendered {
	t.Helper()
	ch, err := charts.Build(name, sel, th)
	if err != nil {
		t.Fatal(err)
	}
	var r rendered
	r.chart = ch
	var pngBuf, svgBuf, pdfBuf bytes.Buffer
	if err := ch.WritePNG(&pngBuf, dpi); err != nil {
		t.Fatalf("%s: PNG: %v", name, err)
	}
	if err := ch.WriteSVG(&svgBuf); err != nil {
		t.Fatalf("%s: SVG: %v", name, err)
	}
	r.png, r.svg = pngBuf.Bytes(), svgBuf.Bytes()
	r.svgText = svgTexts(t, r.svg)

	fpdf.SetDefaultCatalogSort(true)
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCreationDate(fixedDate)
	pdf.SetModificationDate(fixedDate)
	pdf.AddPage()
	height, err := ch.DrawPDF(pdf, 20, 20, charts.Width)
	if err != nil {
		t.Fatalf("%s: PDF: %v", name, err)
	}
	if want := charts.Width * ch.Height / ch.Width; math.Abs(height-want) > 1e-9 {
		t.Errorf("%s: DrawPDF took %g mm, want %g", name, height, want)
	}
	if err := pdf.Output(&pdfBuf); err != nil {
		t.Fatal(err)
	}
	r.pdf = pdfBuf.Bytes()
	r.doc, err = pdftest.Parse(r.pdf)
	if err != nil {
		t.Fatalf("%s: reading the PDF back: %v", name, err)
	}
	r.pdfText = r.doc.Text()
	if *chartOut != "" {
		base := filepath.Join(*chartOut, strings.ReplaceAll(t.Name(), "/", "-")+"-"+name)
		os.WriteFile(base+".png", r.png, 0o644)
		os.WriteFile(base+".svg", r.svg, 0o644)
		os.WriteFile(base+".pdf", r.pdf, 0o644)
	}
	return r
}

// svgTexts parses the SVG as XML, failing on any error, and returns the
// content of its text elements.
func svgTexts(t *testing.T, svg []byte) []string {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(svg))
	var texts []string
	inText := false
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			break
		}
		if err != nil {
			t.Fatalf("the SVG is not well-formed XML: %v", err)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			inText = tok.Name.Local == "text"
		case xml.CharData:
			if inText {
				texts = append(texts, string(tok))
			}
		case xml.EndElement:
			inText = false
		}
	}
	return texts
}

// TestSampleCharts checks each chart of the sample letter as a reader of
// each form would: the PNG decodes at print size, the SVG is XML with the
// labels, and the PDF holds the labels as text and no image.
func TestSampleCharts(t *testing.T) {
	sel, th := load(t, "../data", "2025-09-kayes")
	labels := map[string][]string{
		"frequency": {"Events per week", "Jun", "Jul", "Sep", "1 Jun", "29 Jun", "7 Sep", "Battles", "Strategic developments",
			"not covered", "3 days", "data to 9 Sep", "Previous period (1 February – 31 May 2025): not covered by the dataset, no comparison"},
		"corridors": {"Events per corridor: hits by political violence", "RN1", "Kati–Kayes", "Bamako–Ségou", "Koury–Koutiala", "RN22", "3", "6",
			"Violence against civilians", "Strategic developments naming the corridor (not hits)"},
		"targets": {"Events", "Transport", "Foreign companies", "Mining", "11"},
		"map": {"Kayes", "Diboli", "Dakar", "Ségou", "Bafoulabé", "SENEGAL", "MALI", "MAURITANIA", "RN1", "RN22", "Kati–Kayes", "200 km", "Corridor hit by political violence",
			"Political violence (area shows the number of events)", "Dashed ring: all political violence there", "Strategic developments"},
	}
	for _, name := range charts.Names() {
		t.Run(name, func(t *testing.T) {
			r := render(t, sel, th, name, charts.PNGDPI)
			img, err := png.Decode(bytes.NewReader(r.png))
			if err != nil {
				t.Fatalf("PNG does not decode: %v", err)
			}
			w, h := img.Bounds().Dx(), img.Bounds().Dy()
			if want := int(math.Round(r.chart.Width * charts.PNGDPI / 25.4)); w != want || w < 2000 {
				t.Errorf("PNG is %d px wide, want %d (at least 2000)", w, want)
			}
			if want := int(math.Round(r.chart.Height * charts.PNGDPI / 25.4)); h != want {
				t.Errorf("PNG is %d px high, want %d", h, want)
			}
			svgText := strings.Join(r.svgText, "\n")
			for _, l := range labels[name] {
				if !strings.Contains(svgText, l) {
					t.Errorf("SVG lacks the label %q; it has:\n%s", l, svgText)
				}
				if !strings.Contains(r.pdfText, l) {
					t.Errorf("PDF text lacks the label %q; it has:\n%s", l, r.pdfText)
				}
			}
			if r.doc.Images != 0 {
				t.Errorf("the PDF holds %d images; charts must be vector", r.doc.Images)
			}
			if len(r.doc.Pages) != 1 {
				t.Errorf("the PDF has %d pages, want 1", len(r.doc.Pages))
			}
			for _, f := range r.doc.Fonts {
				if !f.Embedded {
					t.Errorf("font %s is not embedded", f.Name)
				}
			}
		})
	}
}

// TestGolden compares each sample chart's SVG, one element per line, with
// testdata/golden (go test -update rewrites it): a change to a chart shows
// in review as a diff of labels and shapes.
func TestGolden(t *testing.T) {
	sel, th := load(t, "../data", "2025-09-kayes")
	for _, name := range charts.Names() {
		t.Run(name, func(t *testing.T) {
			r := render(t, sel, th, name, 50)
			golden := filepath.Join("testdata", "golden", name+".svg")
			if *update {
				if err := os.MkdirAll(filepath.Dir(golden), 0o755); err != nil {
					t.Fatal(err)
				}
				if err := os.WriteFile(golden, r.svg, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want, err := os.ReadFile(golden)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if !bytes.Equal(r.svg, want) {
				t.Errorf("%s differs from %s; look at the charts (go test -chartout DIR) and run go test -update if the change is right\n%s", name, golden, firstDiff(string(want), string(r.svg)))
			}
		})
	}
}

func firstDiff(want, got string) string {
	w, g := strings.Split(want, "\n"), strings.Split(got, "\n")
	for i := range max(len(w), len(g)) {
		var a, b string
		if i < len(w) {
			a = w[i]
		}
		if i < len(g) {
			b = g[i]
		}
		if a != b {
			return "line " + strconv.Itoa(i+1) + ":\n- " + a + "\n+ " + b
		}
	}
	return ""
}
