package pdf

import (
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
	case k.PreviousCovered:
		violenceNote = cat.T("keyfig.new")
	}
	figureTile := func(label string, f report.Figure) tile {
		t := tile{label: label, value: cat.Count(f.Count), small: !f.Reported}
		if f.Reported {
			t.note = cat.T("keyfig.reported_in", f.ReportedIn, k.Events)
			if claim := d.claimNote(f); claim != "" {
				t.note = claim + "; " + t.note
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
		tile{label: cat.T("keyfig.corridors"), value: cat.Int(k.CorridorsHit), note: cat.T("keyfig.corridors_of", len(d.ds.Corridors))},
		figureTile(cat.T("keyfig.kidnapped"), k.Kidnapped),
		figureTile(cat.T("keyfig.vehicles"), k.VehiclesDestroyed),
		figureTile(cat.T("keyfig.fatalities"), k.Fatalities),
		tile{label: cat.T("keyfig.sources"), value: cat.Int(k.Sources), note: cat.T("keyfig.sources_of")},
	)
	const cols, gap, tileH = 4, 4.0, 37.0
	tileW := (textW - gap*(cols-1)) / cols
	for i, t := range tiles {
		x := marginL + float64(i%cols)*(tileW+gap)
		y := d.y + float64(i/cols)*(tileH+gap)
		d.drawTile(t, x, y, tileW, tileH)
	}
	rows := (len(tiles) + cols - 1) / cols
	d.y += float64(rows)*tileH + float64(rows-1)*gap + 10

	if len(d.l.KeyPoints) > 0 {
		d.heading(cat.T("keyfig.points"), 1)
		for _, point := range d.l.KeyPoints {
			b := d.typeset([]span{plain(point, serif, "", 11, pal.ink)}, marginL+6, textW-6, 5.6, alignLeft)
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
		s = cat.T("keyfig.subtitle_compared", s, cat.Period(d.sel.Previous))
	}
	return s
}

// claimNote says how much of a figure comes from actors' own claims: "all
// claimed by JNIM", "12 claimed by JNIM and 3 by the army".
func (d *doc) claimNote(f report.Figure) string {
	cat := d.cat
	if len(f.Claims) == 0 {
		return ""
	}
	if f.Claimed() == f.N {
		var actors []string
		for _, c := range f.Claims {
			actors = append(actors, c.Actor)
		}
		return cat.T("keyfig.claimed_all", cat.List(actors))
	}
	var parts []string
	for i, c := range f.Claims {
		if i == 0 {
			parts = append(parts, cat.T("keyfig.claimed_first", cat.Int(c.N), c.Actor))
		} else {
			parts = append(parts, cat.T("keyfig.claimed_more", cat.Int(c.N), c.Actor))
		}
	}
	return cat.List(parts)
}

// tile is one key figure.
type tile struct {
	label, value, note string
	small              bool // value is a word ("not reported"), set smaller
	arrow              int  // +1 up, -1 down, 0 none
}

func (d *doc) drawTile(t tile, x, y, w, h float64) {
	pal := d.pal
	d.fillColor(pal.light)
	d.pdf.Rect(x, y, w, h, "F")
	d.fillColor(pal.accent)
	d.pdf.Rect(x, y, 1.2, h, "F")
	inner := w - 8
	if t.small {
		d.setAt(d.typeset([]span{plain(t.value, sans, "B", 12, pal.muted)}, x+4.5, inner, 5.5, alignLeft), y+5.5)
	} else {
		d.setAt(d.typeset([]span{plain(t.value, sans, "B", 24, pal.primary)}, x+4.5, inner, 9.5, alignLeft), y+3.5)
	}
	label := d.typeset([]span{plain(t.label, sans, "B", 8.5, pal.ink)}, x+4.5, inner, 3.9, alignLeft)
	d.setAt(label, y+14.5)
	if t.note == "" {
		return
	}
	// The note starts under the label, however many lines the label takes.
	noteY := y + 14.5 + label.height() + 1.5
	noteX := x + 4.5
	if t.arrow != 0 {
		// A triangle pointing the way the count went.
		tip, base := noteY+1.1, noteY+3.7
		if t.arrow < 0 {
			tip, base = base, tip
		}
		d.fillColor(pal.accent)
		d.pdf.Polygon([]fpdf.PointType{{X: noteX, Y: base}, {X: noteX + 3, Y: base}, {X: noteX + 1.5, Y: tip}}, "F")
		noteX += 4.5
	}
	d.setAt(d.typeset([]span{plain(t.note, sans, "", 7, pal.muted)}, noteX, x+w-3.5-noteX, 3.2, alignLeft), noteY)
}
