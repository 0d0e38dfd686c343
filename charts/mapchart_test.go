package charts_test

import (
	"fmt"
	"io"
	"math"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"briefing/charts"
	"briefing/internal/pdftest"
	"briefing/internal/synth"
)

// mapCases are the maps a reader must be able to read: the sample, and
// letters made to break a map — one place, places over 3,600 km with long
// French names, the Burkina Faso–Niger–Mali border, both sides of the
// antimeridian, the South Pole, a scope with no events, 30 corridors on
// five places, and a data folder with its own regions.
var mapCases = []struct {
	dir, letter string
	labels      []string // text the map must show (countries case-blind)
	absent      []string // legend entries it must not have
	symbols     int      // at least this many symbols of events
}{
	{
		// Violence located at the place (Kayes, Diboli, Boulikessi…),
		// only near it (Nara, Bafoulabé, Ségou), strategic developments
		// (Kayes, Bamako, Dakar…); no demonstration.
		dir: "../data", letter: "2025-09-kayes",
		labels: []string{"Mali", "Senegal", "Mauritania", "Kayes", "Diboli", "Dakar", "Bamako",
			"RN1", "RN22", "Kati–Kayes", "Bamako–Nioro", "Kayes–Nioro",
			"Political violence (area shows the number of events)",
			"Dashed ring: all political violence there, some located only near the place or in its region",
			"Strategic developments", "Corridor hit by political violence", "Trade corridor", "Place",
			"National capital", "Events at a place", "Map data: Natural Earth"},
		absent:  []string{"Demonstrations without violence"},
		symbols: 15,
	},
	{dir: "testdata/maps", letter: "one-place", labels: []string{"Kidal", "Mali", "Algeria", "Kidal"}, symbols: 2},
	{dir: "testdata/maps", letter: "spread", labels: []string{"Saint-Louis-du-Sénégal (Ndar)", "N’Djaména", "Sénégal", "Burkina Faso", "Tchad", "Transsahélienne", "Événements en un lieu"}, symbols: 8},
	{dir: "testdata/maps", letter: "border", labels: []string{"Ménaka", "Tillabéri", "Dori", "Djibo", "Mali", "Niger", "Burkina Faso", "RN20", "RN3–RN4"}, symbols: 7},
	{dir: "testdata/maps", letter: "antimeridian", labels: []string{"Suva", "Apia", "Fiji", "Lane 1"}, symbols: 4},
	{dir: "testdata/maps", letter: "pole", labels: []string{"Amundsen–Scott Station", "McMurdo Station", "Antarctica"}, absent: []string{"Country border", "Region border"}, symbols: 2},
	{dir: "testdata/maps", letter: "empty-scope", labels: []string{"Niger", "Tchad", "Aucun événement sur la période", "Niamey"}},
	{
		// Peaceful protests on the corridors; every event located
		// exactly; French.
		dir: "testdata/robust", letter: "many-corridors",
		labels:  []string{"Violence politique (surface proportionnelle au nombre d’événements)", "Développements stratégiques", "Manifestations sans violence", "Corridor frappé par la violence politique", "Mauritanie"},
		absent:  []string{"Cercle en tirets"},
		symbols: 5,
	},
	{dir: "testdata/ownmap", letter: "2025-09-own", labels: []string{"Kayes-Ouest", "Kayes-Est", "Mali"}, symbols: 2},
	// 3,000 synthetic events at some sixty places of the western Sahel.
	{dir: "synthetic", letter: synth.LetterID, labels: []string{"Mali", "Burkina Faso", "Niamey", "Dakar"}, symbols: 40},
}

// TestMapLabels draws every map case as a reader sees it in the PDF and
// checks that the map names what it must, that no two labels overlap and
// that no label covers a symbol of events.
func TestMapLabels(t *testing.T) {
	for _, tt := range mapCases {
		t.Run(tt.letter, func(t *testing.T) {
			dir := tt.dir
			if dir == "synthetic" {
				dir = t.TempDir()
				if err := synth.Write(dir, 3000, 7); err != nil {
					t.Fatal(err)
				}
			}
			sel, th := load(t, dir, tt.letter)
			r := render(t, sel, th, "map", lookDPI())
			// The runs in the order they are drawn: a name set on two
			// lines reads as its words one after the other.
			rs := runs(r)
			var drawn []string
			for _, run := range rs {
				drawn = append(drawn, run.text)
			}
			text := strings.ToLower(strings.Join(drawn, " "))
			for _, l := range tt.labels {
				if !strings.Contains(text, strings.ToLower(l)) {
					t.Errorf("the map lacks %q; it has:\n%s", l, r.pdfText)
				}
			}
			for _, l := range tt.absent {
				if strings.Contains(r.pdfText, l) {
					t.Errorf("the map has %q, a mark it does not draw", l)
				}
			}
			frame := mapFrameHeight(r)
			symbols := symbolBoxes(r.doc.Pages[0], frame)
			if len(symbols) < tt.symbols {
				t.Errorf("found %d symbols of events, want at least %d", len(symbols), tt.symbols)
			}
			var labels []labelBox
			for _, run := range rs {
				if run.y > frame {
					continue
				}
				size := run.size / (72 / 25.4)
				labels = append(labels, labelBox{run.text, [4]float64{run.x, run.y - 0.72*size, run.x + run.w, run.y + 0.2*size}})
			}
			overlaps := labelOverlaps(labels, symbols)
			t.Logf("%d labels, %d symbols, %d overlaps", len(labels), len(symbols), len(overlaps))
			for _, o := range overlaps {
				t.Error(o)
			}
		})
	}
}

type labelBox struct {
	text string
	box  [4]float64
}

// labelOverlaps lists the labels that overlap another label or a symbol
// by more than a hair.
func labelOverlaps(labels []labelBox, symbols [][4]float64) []string {
	var out []string
	for i, a := range labels {
		for _, b := range labels[i+1:] {
			if overlap(a.box, b.box) > 0.05 {
				out = append(out, fmt.Sprintf("the labels %q and %q overlap", a.text, b.text))
			}
		}
		for _, s := range symbols {
			if overlap(a.box, s) > 0.05 {
				out = append(out, fmt.Sprintf("the label %q (%.1f–%.1f, %.1f–%.1f mm) covers a symbol at %.1f–%.1f, %.1f–%.1f mm",
					a.text, a.box[0], a.box[2], a.box[1], a.box[3], s[0], s[2], s[1], s[3]))
			}
		}
	}
	return out
}

// mapFrameHeight finds the bottom of the map's frame: the stroked
// upright rectangle as wide as the chart.
func mapFrameHeight(r rendered) float64 {
	const ptPerMM = 72 / 25.4
	for _, p := range r.doc.Pages[0].Paths {
		x0, _, x1, y1 := p.Bounds()
		if p.Op != "S" || (x1-x0)/ptPerMM < 169 || len(p.Segments) != 5 {
			continue
		}
		upright := true
		for _, s := range p.Segments[1:] {
			upright = upright && s.Op == "l" && (math.Abs(s.From.X-s.To.X) < 0.01 || math.Abs(s.From.Y-s.To.Y) < 0.01)
		}
		if upright {
			return y1/ptPerMM - 20
		}
	}
	return math.Inf(1)
}

// symbolBoxes returns the boxes, in chart millimetres, of the symbols of
// events above y: filled or stroked circles larger than a place's dot or a
// capital's mark, and closed polygons of three or four corners that are
// not upright rectangles (diamonds and triangles).
func symbolBoxes(page pdftest.Page, above float64) [][4]float64 {
	const ptPerMM = 72 / 25.4
	var out [][4]float64
	for _, p := range page.Paths {
		x0, y0, x1, y1 := p.Bounds()
		b := [4]float64{x0/ptPerMM - 20, y0/ptPerMM - 20, x1/ptPerMM - 20, y1/ptPerMM - 20}
		if b[3] > above || p.Op == "n" {
			continue
		}
		curves, lines, closed := 0, 0, false
		upright := true
		for _, s := range p.Segments {
			switch s.Op {
			case "c":
				curves++
			case "l":
				lines++
				if math.Abs(s.From.X-s.To.X) > 0.01 && math.Abs(s.From.Y-s.To.Y) > 0.01 {
					upright = false
				}
			case "h":
				closed = true
			}
		}
		switch {
		case curves >= 4 && curves <= 8 && b[2]-b[0] > 2.2:
			out = append(out, b)
		case closed && curves == 0 && lines >= 2 && lines <= 4 && !upright && strings.ContainsAny(p.Op[:1], "BbSs"):
			out = append(out, b)
		}
	}
	return out
}

// overlap returns the area two boxes share.
func overlap(a, b [4]float64) float64 {
	w := math.Min(a[2], b[2]) - math.Max(a[0], b[0])
	h := math.Min(a[3], b[3]) - math.Max(a[1], b[1])
	if w <= 0 || h <= 0 {
		return 0
	}
	return w * h
}

// BenchmarkMap lays out the sample's map and writes it in its three forms.
func BenchmarkMap(b *testing.B) {
	sel, th := load(b, "../data", "2025-09-kayes")
	b.ReportAllocs()
	for b.Loop() {
		ch, err := charts.Build("map", sel, th)
		if err != nil {
			b.Fatal(err)
		}
		pdf := fpdf.New("P", "mm", "A4", "")
		pdf.AddPage()
		if _, err := ch.DrawPDF(pdf, 20, 20, charts.Width); err != nil {
			b.Fatal(err)
		}
		if err := ch.WritePNG(io.Discard, charts.PNGDPI); err != nil {
			b.Fatal(err)
		}
		if err := ch.WriteSVG(io.Discard); err != nil {
			b.Fatal(err)
		}
	}
}
