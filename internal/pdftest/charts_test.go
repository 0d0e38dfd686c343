package pdftest

import (
	"bytes"
	"slices"
	"testing"

	"briefing/charts"

	"codeberg.org/go-pdf/fpdf"
	"github.com/wcharczuk/go-chart/v2"
)

// TestChartsRenderer reads a go-chart bar chart drawn by the project's PDF
// renderer, compressed as the letter is: its labels, the rotated axis name,
// the embedded Liberation Sans and no raster image.
func TestChartsRenderer(t *testing.T) {
	fonts, err := charts.NewFontSet()
	if err != nil {
		t.Fatal(err)
	}
	fpdf.SetDefaultCatalogSort(true)
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.AddPage()
	c := chart.BarChart{
		Title:    "Incidents par corridor",
		DPI:      charts.PDFDPI,
		Width:    1600,
		Height:   900,
		Font:     fonts.Font(charts.FamilySans, ""),
		BarWidth: 200, // wide enough for "Bamako–Dakar" on one line
		YAxis:    chart.YAxis{Name: "Incidents", Range: &chart.ContinuousRange{Min: 0, Max: 20}},
		Bars: []chart.Value{
			{Label: "Ségou", Value: 12},
			{Label: "Bamako–Dakar", Value: 7},
			{Label: "Kayes", Value: 19},
		},
	}
	if err := c.Render(charts.NewPDFRenderer(pdf, 25, 30, 160, 90, fonts), nil); err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	doc, err := Parse(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Pages) != 1 {
		t.Fatalf("%d pages", len(doc.Pages))
	}
	const k = 72 / 25.4
	p := doc.Pages[0]
	var texts []string
	for _, r := range p.Text {
		texts = append(texts, r.Text)
		if r.Rotated {
			continue
		}
		if r.X < 25*k-0.01 || r.X > 185*k || r.Y < 30*k || r.Y > 120*k {
			t.Errorf("run %q at (%.1f, %.1f) pt, outside the chart", r.Text, r.X, r.Y)
		}
	}
	for _, want := range []string{"Incidents par corridor", "Ségou", "Bamako–Dakar", "Kayes"} {
		if !slices.Contains(texts, want) {
			t.Errorf("no %q among the runs %q", want, texts)
		}
	}
	if i := slices.IndexFunc(p.Text, func(r TextRun) bool { return r.Text == "Incidents" }); i < 0 || !p.Text[i].Rotated {
		t.Error("the y axis name is not rotated")
	}
	if !slices.Contains(p.Lines(), "Incidents par corridor") {
		t.Errorf("title not a line of its own: %q", p.Lines())
	}
	found := false
	for _, f := range doc.Fonts {
		if f.Name == "utf8liberationsans" && f.Embedded && f.Glyphs > 0 {
			found = true
		}
	}
	if !found {
		t.Errorf("Liberation Sans not embedded: fonts %+v", doc.Fonts)
	}
	if doc.Images != 0 {
		t.Errorf("%d images, want vector drawing only", doc.Images)
	}
}
