package pdf

import (
	"codeberg.org/go-pdf/fpdf"

	"briefing/report"
)

// keyFigures draws the page of headline numbers, each in a tile with its
// comparison or coverage, and the letter's key points.
func (d *doc) keyFigures() {
	d.newPage(true)
	cat, pal := d.cat, d.pal
	k := d.sel.KeyFigures()
	d.heading(cat.T("keyfig.title"), 0)
	d.flow(d.typeset([]span{plain(cat.T("keyfig.subtitle", cat.Period(d.sel.Period), cat.Period(d.sel.Previous)), sans, "", 9.5, pal.muted)}, marginL, textW, 4.8, alignLeft))
	d.y += 6

	n := len(d.sel.Events)
	reported := func(get func(*report.Event) report.Count) int {
		count := 0
		for i := range d.sel.Events {
			if get(&d.sel.Events[i]).Reported {
				count++
			}
		}
		return count
	}
	eventsNote := cat.T("keyfig.new")
	arrow := 0
	if pct, ok := k.Change(); ok {
		eventsNote = cat.T("keyfig.change", cat.Change(pct), cat.N("events", k.PreviousEvents))
		switch {
		case pct > 0.5:
			arrow = 1
		case pct < -0.5:
			arrow = -1
		}
	}
	countTile := func(label string, c report.Count, get func(*report.Event) report.Count) tile {
		t := tile{label: label, value: cat.Count(c), small: !c.Reported}
		if c.Reported {
			t.note = cat.T("keyfig.reported_in", reported(get), n)
		}
		return t
	}
	tiles := []tile{
		{label: cat.T("keyfig.events"), value: cat.Int(k.Events), note: eventsNote, arrow: arrow},
		{label: cat.T("keyfig.corridors"), value: cat.Int(k.CorridorsHit), note: cat.T("keyfig.corridors_of", len(d.ds.Corridors))},
		{label: cat.T("keyfig.sources"), value: cat.Int(len(d.sel.Sources())), note: cat.T("keyfig.sources_of")},
		countTile(cat.T("keyfig.kidnapped"), k.Kidnapped, func(e *report.Event) report.Count { return e.Kidnapped }),
		countTile(cat.T("keyfig.vehicles"), k.VehiclesDestroyed, func(e *report.Event) report.Count { return e.VehiclesDestroyed }),
		countTile(cat.T("keyfig.fatalities"), k.Fatalities, func(e *report.Event) report.Count { return e.Fatalities }),
	}
	const cols, gap, tileH = 3, 5.0, 38.0
	tileW := (textW - gap*(cols-1)) / cols
	for i, t := range tiles {
		x := marginL + float64(i%cols)*(tileW+gap)
		y := d.y + float64(i/cols)*(tileH+gap)
		d.drawTile(t, x, y, tileW, tileH)
	}
	d.y += 2*tileH + gap + 10

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
	inner := w - 9
	if t.small {
		d.setAt(d.typeset([]span{plain(t.value, sans, "B", 13, pal.muted)}, x+5, inner, 6, alignLeft), y+6.5)
	} else {
		d.setAt(d.typeset([]span{plain(t.value, sans, "B", 26, pal.primary)}, x+5, inner, 10, alignLeft), y+4)
	}
	d.setAt(d.typeset([]span{plain(t.label, sans, "B", 9, pal.ink)}, x+5, inner, 4.2, alignLeft), y+16)
	if t.note == "" {
		return
	}
	noteX := x + 5
	if t.arrow != 0 {
		// A triangle pointing the way the count went.
		tip, base := y+27.3, y+30.1
		if t.arrow < 0 {
			tip, base = base, tip
		}
		d.fillColor(pal.accent)
		d.pdf.Polygon([]fpdf.PointType{{X: noteX, Y: base}, {X: noteX + 3, Y: base}, {X: noteX + 1.5, Y: tip}}, "F")
		noteX += 4.5
	}
	d.setAt(d.typeset([]span{plain(t.note, sans, "", 7.5, pal.muted)}, noteX, x+w-4-noteX, 3.5, alignLeft), y+26)
}
