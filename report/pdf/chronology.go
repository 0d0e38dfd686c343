package pdf

import (
	"slices"
	"strconv"
	"strings"

	"briefing/report"
)

// column is one column of a table.
type column struct {
	title string
	width float64
	align alignment // alignLeft, or alignRight for numbers
}

// Table type: Liberation Sans, small enough for six columns on A4.
const (
	cellSize    = 7.4
	cellLeading = 3.35
	cellPad     = 1.3
)

// chronology lists every event of the period in a table whose header row
// is repeated on each page and whose rows are never split.
func (d *doc) chronology() {
	cat := d.cat
	d.newPage(true)
	d.heading(cat.T("chronology.title"), 0)
	if len(d.sel.Events) == 0 {
		d.flow(d.typeset([]span{plain(cat.T("chronology.empty"), serif, "I", bodySize, d.pal.muted)}, marginL, textW, bodyLeading, alignLeft))
		return
	}
	d.flow(d.typeset([]span{plain(cat.T("chronology.intro"), sans, "", 8.5, d.pal.muted)}, marginL, textW, 4.2, alignLeft))
	d.y += 3
	cols := []column{
		{title: cat.T("chronology.date"), width: 18},
		{title: cat.T("chronology.place"), width: 23},
		{title: cat.T("chronology.type"), width: 23},
		{title: cat.T("chronology.corridors"), width: 23},
		{title: cat.T("chronology.summary"), width: 59},
		{title: cat.T("chronology.sources"), width: 24},
	}
	rows := make([][]string, len(d.sel.Events))
	for i := range d.sel.Events {
		rows[i] = d.chronologyRow(&d.sel.Events[i])
	}
	d.table(cols, rows)
}

func (d *doc) chronologyRow(e *report.Event) []string {
	cat := d.cat
	place := e.Place
	if p, ok := d.ds.Place(e.Place); ok {
		place = p.Name
		if p.Admin1 != p.Name {
			place += " (" + p.Admin1 + ")"
		}
	}
	// Say how well the place locates the event, as the map does.
	if e.GeoPrecision > report.GeoExact {
		place += " " + cat.T("chronology.geo_precision."+strconv.Itoa(e.GeoPrecision))
	}
	var corridors []string
	for _, id := range e.Corridors {
		if c, ok := d.ds.Corridor(id); ok {
			corridors = append(corridors, c.Short)
		}
	}
	var sources []string
	for _, id := range e.Sources {
		if s, ok := d.ds.Source(id); ok && !slices.Contains(sources, s.Publisher) {
			sources = append(sources, s.Publisher)
		}
	}
	kind := cat.EventType(report.EventTypeIndex(e.EventType))
	summary := e.Summary
	if claim := d.eventClaim(e); claim != "" {
		summary += " " + claim
	}
	return []string{d.eventDate(e), place, kind, strings.Join(corridors, ", "), summary, strings.Join(sources, "; ")}
}

// eventClaim says which of an event's figures come from an actor's own
// claim: "Claimed by JNIM: 21 fatalities."
func (d *doc) eventClaim(e *report.Event) string {
	if e.ClaimedBy == "" {
		return ""
	}
	cat := d.cat
	var figures []string
	for _, f := range []struct {
		key string
		c   report.Count
	}{{"claim.fatalities", e.Fatalities}, {"claim.kidnapped", e.Kidnapped}, {"claim.vehicles", e.VehiclesDestroyed}} {
		if f.c.Reported {
			figures = append(figures, cat.N(f.key, f.c.N))
		}
	}
	if len(figures) == 0 {
		return ""
	}
	return cat.T("chronology.claimed", e.ClaimedBy, cat.List(figures))
}

// eventDate writes an event's date as precisely as it is known: a day
// ("5 Sep 2025"), a span of days ("5–6 Sep 2025"), a week ("week of
// 25 Aug 2025") or a month ("July 2025").
func (d *doc) eventDate(e *report.Event) string {
	cat := d.cat
	day := func(x report.Date) string { return cat.ShortDate(x) + " " + strconv.Itoa(x.Year) }
	switch e.TimePrecision {
	case report.PrecisionMonth:
		return cat.MonthYear(e.Date.Year, e.Date.Month)
	case report.PrecisionWeek:
		return cat.T("chronology.week", day(e.Date))
	}
	if e.DateEnd.IsZero() || e.DateEnd == e.Date {
		return day(e.Date)
	}
	if e.DateEnd.Year == e.Date.Year && e.DateEnd.Month == e.Date.Month {
		return strconv.Itoa(e.Date.Day) + "–" + day(e.DateEnd)
	}
	return day(e.Date) + " – " + day(e.DateEnd)
}

// table sets rows under a header row; the header is repeated at the top of
// every page the table reaches, and a row that does not fit moves whole to
// the next page.
func (d *doc) table(cols []column, rows [][]string) {
	pal := d.pal
	header := func() {
		h := d.rowHeight(cols, titles(cols), "B")
		d.fillColor(pal.primary)
		d.pdf.Rect(marginL, d.y, textW, h, "F")
		d.drawRow(cols, titles(cols), "B", pal.white)
		d.y += h
	}
	d.need(d.rowHeight(cols, titles(cols), "B") + d.rowHeight(cols, rows[0], ""))
	header()
	for i, row := range rows {
		h := d.rowHeight(cols, row, "")
		if d.y+h > bodyBottom {
			d.newPage(true)
			header()
		}
		if i%2 == 1 {
			d.fillColor(pal.light.Mix(pal.white, 0.35))
			d.pdf.Rect(marginL, d.y, textW, h, "F")
		}
		d.drawRow(cols, row, "", pal.ink)
		d.y += h
		d.rule(marginL, d.y, textW, 0.15, pal.rule)
	}
}

func titles(cols []column) []string {
	t := make([]string, len(cols))
	for i, c := range cols {
		t[i] = c.title
	}
	return t
}

func (d *doc) cellBlock(text string, c column, style string, color report.Color) block {
	return d.typeset([]span{plain(text, sans, style, cellSize, color)}, 0, c.width-2*cellPad, cellLeading, c.align)
}

func (d *doc) rowHeight(cols []column, cells []string, style string) float64 {
	lines := 1
	for i, c := range cols {
		lines = max(lines, len(d.cellBlock(cells[i], c, style, d.pal.ink).lines))
	}
	return float64(lines)*cellLeading + 2*cellPad
}

func (d *doc) drawRow(cols []column, cells []string, style string, color report.Color) {
	x := marginL
	for i, c := range cols {
		b := d.cellBlock(cells[i], c, style, color)
		b.x = x + cellPad
		d.setAt(b, d.y+cellPad)
		x += c.width
	}
}
