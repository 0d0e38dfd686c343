package pdf

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"codeberg.org/go-pdf/fpdf"

	"briefing/report"
)

// keyFigures draws the page of headline numbers, each in a tile with what
// it is compared with or how far it can be trusted, and the letter's key
// points. Every number comes from report.Selection.KeyFigures, the one
// place it is computed.
func (d *doc) keyFigures() {
	d.newPage(true)
	cat, pal := d.cat, d.pal
	k := d.sel.KeyFigures()
	d.heading(cat.T("keyfig.title"), 0)
	d.flow(d.typeset([]span{plain(d.keyFiguresSubtitle(k), sans, "", 9.5, pal.muted)}, marginL, textW, 4.8, alignLeft))
	d.y += 6

	violenceNote := cat.T("keyfig.not_covered", cat.Period(d.sel.Previous))
	arrow := 0
	switch pct, ok := k.Change(); {
	case ok:
		violenceNote = cat.T("keyfig.change", cat.Change(pct), cat.N("violence_events", k.PreviousViolence))
		switch {
		case pct > 0.5:
			arrow = 1
		case pct < -0.5:
			arrow = -1
		}
	case k.PreviousCovered && !k.Covered:
		violenceNote = cat.T("keyfig.previous_only", cat.N("events", k.PreviousViolence), cat.ShortDate(d.sel.Cutoff()))
	case k.PreviousCovered:
		violenceNote = cat.T("keyfig.new")
	}
	figureTile := func(label string, f report.Figure) tile {
		t := tile{label: label, value: cat.Count(f.Count), small: !f.Reported}
		if f.Reported {
			t.note = cat.T("keyfig.reported_in", cat.Int(f.ReportedIn), cat.Int(k.Events))
			// Past two claimants the note gives the total and how many
			// parties claim it; the annex names them all.
			if claim := cat.Claims(f, "keyfig", 2); claim != "" {
				t.note = cat.T("keyfig.note_claimed", claim, t.note)
			}
		}
		return t
	}
	tiles := []tile{
		{label: cat.T("keyfig.violence"), value: cat.Int(k.Violence), note: violenceNote, arrow: arrow},
		{label: cat.T("keyfig.strategic"), value: cat.Int(k.Strategic), note: cat.T("keyfig.strategic_note")},
	}
	if k.Demonstrations > 0 {
		tiles = append(tiles, tile{label: cat.T("keyfig.demonstrations"), value: cat.Int(k.Demonstrations), note: cat.T("keyfig.demonstrations_note")})
	}
	tiles = append(tiles,
		tile{label: cat.T("keyfig.corridors"), value: cat.Int(k.CorridorsHit), note: cat.T("keyfig.corridors_of", cat.Int(len(d.ds.Corridors)))},
		figureTile(cat.T("keyfig.kidnapped"), k.Kidnapped),
		figureTile(cat.T("keyfig.vehicles"), k.VehiclesDestroyed),
		figureTile(cat.T("keyfig.fatalities"), k.Fatalities),
		tile{label: cat.T("keyfig.sources"), value: cat.Int(k.Sources), note: cat.T("keyfig.sources_of")},
	)
	// Tiles in rows of four, each row as tall as its tallest tile.
	const cols, gap = 4, 4.0
	tileW := (textW - gap*(cols-1)) / cols
	for row := 0; row*cols < len(tiles); row++ {
		these := tiles[row*cols : min(len(tiles), (row+1)*cols)]
		h := 0.0
		for _, t := range these {
			h = max(h, d.tileHeight(t, tileW))
		}
		for i, t := range these {
			// Copied, a row of tiles would read its four numbers, then
			// their labels line by line; each tile's actual text reads it
			// whole: "25 Events recorded. …".
			d.actualText(tileText(t), func() { d.drawTile(t, marginL+float64(i)*(tileW+gap), d.y, tileW, h) })
		}
		d.y += h + gap
	}
	d.y += 10 - gap

	if len(d.l.KeyPoints) > 0 {
		d.heading(cat.T("keyfig.points"), 1)
		for _, point := range d.l.KeyPoints {
			b := d.typeset([]span{d.prose(point, serif, "", 11, pal.ink)}, marginL+6, textW-6, 5.6, alignLeft)
			b.marker = func(baseline float64) {
				d.fillColor(pal.accent)
				d.pdf.Rect(marginL+0.5, baseline-2.6, 2.2, 2.2, "F")
			}
			d.flow(b)
			d.y += 2.5
		}
	}
}

// keyFiguresSubtitle says which days the figures count: the period, the
// data cutoff when the data stop before the period ends, and the
// comparison period when it is covered.
func (d *doc) keyFiguresSubtitle(k report.KeyFigures) string {
	cat := d.cat
	s := cat.Period(d.sel.Period)
	switch cutoff := d.sel.Cutoff(); {
	case cutoff.IsZero():
		s = cat.T("keyfig.subtitle_uncovered", s)
	case cutoff.Before(d.sel.Period.To):
		s = cat.T("keyfig.subtitle_cutoff", s, cat.Date(cutoff))
	}
	if k.PreviousCovered {
		s = cat.T("keyfig.subtitle_compared", s, cat.PeriodInText(d.sel.Previous))
	}
	return s
}

// tile is one key figure.
type tile struct {
	label, value, note string
	small              bool // value is a word ("not reported"), set smaller
	arrow              int  // +1 up, -1 down, 0 none
}

// Tile geometry, in millimetres from the tile's top left corner.
const (
	tileMinH   = 37.0
	tilePad    = 4.5  // left of the text
	tileLabelY = 14.5 // top of the label
	tileBottom = 3.0  // under the note
)

// tileBlocks sets a tile's label and note for a tile w wide; the note
// starts under the label, however many lines the label takes, and beside
// the arrow when there is one.
func (d *doc) tileBlocks(t tile, x, w float64) (label, note block, noteX float64) {
	pal := d.pal
	label = d.typeset([]span{plain(t.label, sans, "B", 8.5, pal.ink)}, x+tilePad, w-8, 3.9, alignLeft)
	noteX = x + tilePad
	if t.arrow != 0 {
		noteX += 4.5
	}
	note = d.typeset([]span{d.prose(t.note, sans, "", 7, pal.muted)}, noteX, x+w-3.5-noteX, 3.2, alignLeft)
	return label, note, noteX
}

// tileHeight is the height a tile needs: at least tileMinH, more when its
// label and note are long, so that no text runs out of it.
func (d *doc) tileHeight(t tile, w float64) float64 {
	label, note, _ := d.tileBlocks(t, 0, w)
	h := tileLabelY + label.height() + tileBottom
	if t.note != "" {
		h += 1.5 + note.height()
	}
	return max(tileMinH, h)
}

func (d *doc) drawTile(t tile, x, y, w, h float64) {
	pal := d.pal
	d.fillColor(pal.light)
	d.pdf.Rect(x, y, w, h, "F")
	d.fillColor(pal.accent)
	d.pdf.Rect(x, y, 1.2, h, "F")
	inner := w - 8
	if t.small {
		d.setAt(d.typeset([]span{plain(t.value, sans, "B", 12, pal.muted)}, x+tilePad, inner, 5.5, alignLeft), y+5.5)
	} else {
		d.setAt(d.typeset([]span{plain(t.value, sans, "B", 24, pal.primary)}, x+tilePad, inner, 9.5, alignLeft), y+3.5)
	}
	label, note, _ := d.tileBlocks(t, x, w)
	d.setAt(label, y+tileLabelY)
	if t.note == "" {
		return
	}
	noteY := y + tileLabelY + label.height() + 1.5
	if t.arrow != 0 {
		// A triangle pointing the way the count went.
		tip, base := noteY+1.1, noteY+3.7
		if t.arrow < 0 {
			tip, base = base, tip
		}
		d.fillColor(pal.accent)
		d.pdf.Polygon([]fpdf.PointType{{X: x + tilePad, Y: base}, {X: x + tilePad + 3, Y: base}, {X: x + tilePad + 1.5, Y: tip}}, "F")
	}
	d.setAt(note, noteY)
}

// tileText is a tile as a sentence, for its actual text.
func tileText(t tile) string {
	s := t.value + " " + t.label + "."
	if t.note != "" {
		first, size := utf8.DecodeRuneInString(t.note)
		s += " " + string(unicode.ToUpper(first)) + t.note[size:]
		if !strings.HasSuffix(t.note, ".") {
			s += "."
		}
	}
	return s + " "
}
