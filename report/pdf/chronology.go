package pdf

import (
	"slices"
	"strconv"
	"strings"

	"briefing/report"
)

// Table type: Liberation Sans, small enough for seven columns on A4.
const (
	cellSize    = 7.4
	cellLeading = 3.35
	cellPad     = 1.3
)

// chronology lists the events the letter prints (all of them, or the most
// significant when the period holds more than the letter's bound) in a
// table whose header row repeats on every page it reaches. The rule that
// chose the events is written above the table and the period's full count
// below it.
func (d *doc) chronology() {
	cat, pal := d.cat, d.pal
	d.breakUnlessRoom(d.chronologyFirstBlock())
	d.heading(cat.T("chronology.title"), 0)
	if len(d.sel.Events) == 0 {
		d.flow(d.typeset([]span{plain(cat.T("chronology.empty"), serif, "I", bodySize, pal.muted)}, marginL, textW, bodyLeading, alignLeft))
		return
	}
	chron := d.chron
	intro := cat.T("chronology.intro")
	if chron.Limit > 0 {
		intro = cat.T("chronology.intro_limited", cat.Int(len(chron.Events)), cat.Int(chron.Total))
	}
	d.flow(d.typeset([]span{d.prose(intro+" "+cat.T("chronology.key"), sans, "", 8.5, pal.muted)}, marginL, textW, 4.2, alignLeft))
	d.y += 3
	cols := []column{
		{title: cat.T("chronology.date"), max: 26},
		{title: cat.T("chronology.place"), max: 30, flex: true},
		{title: cat.T("chronology.event"), max: 30, flex: true},
		{title: cat.T("chronology.actors"), max: 32, flex: true},
		{title: cat.T("chronology.fatalities"), align: alignRight, max: 16},
		{title: cat.T("chronology.summary"), rest: true},
		{title: cat.T("chronology.sources"), max: 16},
	}
	rows := make([][]cell, len(chron.Events))
	for i, e := range chron.Events {
		rows[i] = d.chronologyRow(e)
	}
	d.fitColumns(cols, rows, 50)
	d.table(cols, rows)
	if chron.Limit > 0 {
		d.y += 3
		d.flow(d.typeset([]span{d.prose(cat.T("chronology.outro", cat.Int(chron.Total), d.l.ID+"-annex.xlsx"), sans, "", 8.5, pal.muted)}, marginL, textW, 4.2, alignLeft))
	}
}

// chronologyFirstBlock is the height the chronology needs on the page it
// starts on: its heading, its introduction and the header and first row
// of its table.
func (d *doc) chronologyFirstBlock() float64 {
	return partHeading + 4*4.2 + 3 + 2*(2*cellLeading+2*cellPad)
}

// cell is the content of a table cell: paragraphs, each begun on a new
// line.
type cell [][]span

// chronologyRow writes the cells of an event's row.
func (d *doc) chronologyRow(e *report.Event) []cell {
	cat, pal := d.cat, d.pal
	text := func(s string) []span { return []span{plain(s, sans, "", cellSize, pal.ink)} }
	muted := func(s string) []span { return []span{plain(s, sans, "", cellSize, pal.muted)} }

	place := cell{text(e.Place)}
	if p, ok := d.ds.Place(e.Place); ok {
		name := d.local(p.Name)
		if p.Admin1 != "" && p.Admin1 != name {
			name += " (" + p.Admin1 + ")"
		}
		place = cell{text(name)}
	}
	// Say how well the place locates the event, as the map does.
	if e.GeoPrecision > report.GeoExact {
		place = append(place, muted(cat.T("chronology.geo_precision."+strconv.Itoa(e.GeoPrecision))))
	}
	var corridors []string
	for _, id := range e.Corridors {
		if c, ok := d.ds.Corridor(id); ok {
			corridors = append(corridors, d.local(c.Short))
		}
	}
	if len(corridors) > 0 {
		place = append(place, muted(strings.Join(corridors, ", ")))
	}

	event := cell{{plain(cat.EventType(report.EventTypeIndex(e.EventType)), sans, "B", cellSize, pal.ink)}}
	if e.SubEventType != "" {
		event = append(event, muted(cat.SubEventType(e.SubEventType)))
	}

	var actors cell
	if e.Actor1 != "" {
		actors = append(actors, text(e.Actor1))
	}
	if e.AssocActor1 != "" {
		actors = append(actors, muted(cat.T("chronology.with", e.AssocActor1)))
	}
	if e.Actor2 != "" {
		key := "chronology.against"
		if e.SubEventType == "Agreement" || e.SubEventType == "Non-violent transfer of territory" {
			key = "chronology.and"
		}
		actors = append(actors, text(cat.T(key, e.Actor2)))
	}

	fatalities := cell{muted("–")}
	if e.Fatalities.Reported {
		n := cat.Int(e.Fatalities.N)
		if e.ClaimedBy != "" {
			n += "*"
		}
		fatalities = cell{text(n)}
	}

	summary := d.local(e.Summary)
	if claim := d.eventClaim(e); claim != "" {
		summary += " " + claim
	}

	// Each source is its number in the sources list, linked to its entry.
	var nums []int
	for _, id := range e.Sources {
		if n, ok := d.sourceNum[id]; ok && !slices.Contains(nums, n) {
			nums = append(nums, n)
		}
	}
	slices.Sort(nums)
	var sources []span
	for i, n := range nums {
		s := strconv.Itoa(n)
		if i < len(nums)-1 {
			s += ","
		}
		sources = append(sources, span{text: s, family: sans, size: cellSize, color: pal.primary, link: d.sourceLink[n-1]})
		if i < len(nums)-1 {
			sources = append(sources, plain(" ", sans, "", cellSize, pal.ink))
		}
	}

	return []cell{{text(d.eventDate(e))}, place, event, actors, fatalities, {{d.proseIn(d.localLang(e.Summary), summary, sans, "", cellSize, pal.ink)}}, {sources}}
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
	// A date is never broken across lines: no-break spaces hold it.
	nb := func(s string) string { return strings.ReplaceAll(s, " ", "\u00a0") }
	day := func(x report.Date) string { return nb(cat.ShortDate(x) + " " + strconv.Itoa(x.Year)) }
	switch e.TimePrecision {
	case report.PrecisionMonth:
		return nb(cat.MonthYearInText(e.Date.Year, e.Date.Month))
	case report.PrecisionWeek:
		return cat.T("chronology.week", day(e.Date))
	}
	if e.DateEnd.IsZero() || e.DateEnd == e.Date {
		return day(e.Date)
	}
	if e.DateEnd.Year == e.Date.Year && e.DateEnd.Month == e.Date.Month {
		return cat.Day(e.Date.Day) + "–" + day(e.DateEnd)
	}
	return day(e.Date) + "\u00a0– " + day(e.DateEnd)
}
