package charts_test

import (
	"math"
	"strings"
	"testing"

	"briefing/internal/pdftest"
)

// TestMapSymbols: the map's legend names every symbol the map draws and
// no other, and no place name is set over a symbol of events.
func TestMapSymbols(t *testing.T) {
	tests := []struct {
		dir, letter string
		legend      []string // entries the legend must have
		absent      []string // entries it must not have
		symbols     int      // at least this many symbols of events
	}{
		{
			// Violence located at the place (Kayes, Diboli, Boulikessi…),
			// only near it (Nara, Bafoulabé, Ségou), strategic developments
			// (Kayes, Bamako, Dakar…); no demonstration.
			dir: "../data", letter: "2025-09-kayes",
			legend: []string{"Political violence (area shows the number of events)",
				"Dashed ring: all political violence there, some located only near the place or in its region",
				"Strategic developments", "Corridor hit by political violence", "Trade corridor", "Place"},
			absent:  []string{"Demonstrations without violence"},
			symbols: 15,
		},
		{
			// Peaceful protests on the corridors; every event located
			// exactly; French.
			dir: "testdata/robust", letter: "many-corridors",
			legend:  []string{"Violence politique (surface proportionnelle au nombre d’événements)", "Développements stratégiques", "Manifestations sans violence", "Corridor frappé par la violence politique"},
			absent:  []string{"Cercle en tirets"},
			symbols: 5,
		},
	}
	for _, tt := range tests {
		t.Run(tt.letter, func(t *testing.T) {
			sel, th := load(t, tt.dir, tt.letter)
			r := render(t, sel, th, "map", lookDPI())
			text := strings.Join(r.svgText, "\n")
			for _, l := range tt.legend {
				if !strings.Contains(text, l) {
					t.Errorf("legend lacks %q; the map has:\n%s", l, text)
				}
			}
			for _, l := range tt.absent {
				if strings.Contains(text, l) {
					t.Errorf("legend has %q, a symbol the map does not draw", l)
				}
			}
			rs := runs(r)
			legendTop := math.Inf(1)
			if first, ok := find(rs, tt.legend[0]); ok {
				legendTop = first.y - 4
			}
			symbols := symbolBoxes(r.doc.Pages[0], legendTop)
			if len(symbols) < tt.symbols {
				t.Errorf("found %d symbols of events, want at least %d", len(symbols), tt.symbols)
			}
			names := map[string]bool{}
			for _, pl := range sel.Dataset.Places {
				names[pl.Name] = true
			}
			labelled := 0
			for _, run := range rs {
				if !names[run.text] || run.y > legendTop {
					continue
				}
				labelled++
				size := run.size / (72 / 25.4)
				label := [4]float64{run.x, run.y - 0.72*size, run.x + run.w, run.y + 0.2*size}
				for _, s := range symbols {
					if overlap(label, s) > 0.05 {
						t.Errorf("the label %q (%.1f–%.1f, %.1f–%.1f mm) covers a symbol at %.1f–%.1f, %.1f–%.1f mm",
							run.text, label[0], label[2], label[1], label[3], s[0], s[2], s[1], s[3])
					}
				}
			}
			if labelled < 5 {
				t.Errorf("only %d places are named", labelled)
			}
		})
	}
}

// symbolBoxes returns the boxes, in chart millimetres, of the symbols of
// events above y: filled or stroked circles larger than a place's dot, and
// closed polygons of three or four corners that are not upright
// rectangles (diamonds and triangles).
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
		case curves >= 4 && b[2]-b[0] > 1.4:
			out = append(out, b)
		case closed && curves == 0 && lines >= 2 && lines <= 4 && !upright:
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
