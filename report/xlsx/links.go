package xlsx

import (
	"fmt"
	"slices"

	"github.com/xuri/excelize/v2"

	"briefing/report"
)

// The link sheets hold one row per pair of an event and one of its
// sources, corridors or targets: what the Events sheet's lists (source_ids,
// corridors, targets) hold joined by semicolons. A pivot table counts
// events by corridor, or a join matches events with their sources, with
// no splitting of text. Their column titles are snake_case keys, the same
// in every language, like the Events sheet's, and their event column has
// the Events sheet's name, event_id_cnty, so that a join finds it.

// pair is one row of a link sheet: an event and one of its values.
type pair struct {
	event *report.Event
	value string
}

// pairs lists, for every event of the selection in its order, each value
// of its list once, in the list's order.
func pairs(events []report.Event, list func(e *report.Event) []string) []pair {
	var out []pair
	for i := range events {
		e := &events[i]
		values := list(e)
		for j, v := range values {
			if !slices.Contains(values[:j], v) {
				out = append(out, pair{e, v})
			}
		}
	}
	return out
}

// linkColumn is a column of a link sheet, titled with its key.
func (a *annex) linkColumn(sheet, key string, style int) column {
	return column{title: key, style: style, def: a.cat.T("annex.def." + sheet + "." + key)}
}

// eventSourcesSheet lists every source of every event: the source's
// publisher, title, date and link beside the event's id. The link is live,
// as on the Sources sheet.
func (a *annex) eventSourcesSheet(name string) *sheet {
	st := a.st
	col := func(key string, style int) column { return a.linkColumn("event_sources", key, style) }
	cols := []column{
		col("event_id_cnty", st.text),
		col("source_id", st.text),
		col("publisher", st.text),
		col("title", st.wrap),
		col("date", st.date),
		col("date_precision", st.text),
		col("url", st.link),
	}
	cols[0].max, cols[1].max, cols[3].max, cols[6].max = 40, 40, 50, 40
	rows := pairs(a.sel.Events, func(e *report.Event) []string { return e.Sources })
	return &sheet{
		name: name, table: tableEventSources, cols: cols, n: len(rows),
		landscape: true, freeze: true,
		row: func(i int, r []cell) []cell {
			p := rows[i]
			e := p.event
			r = append(r, a.textOf(e.ID, e.Pos, "event", e.ID, "event_id_cnty"), a.textOf(p.value, e.Pos, "event", e.ID, "source_id"))
			s, ok := a.sel.Dataset.Source(p.value)
			if !ok { // a loaded dataset has no dangling source; be safe
				return r
			}
			txt := func(v, field string) cell { return a.textOf(v, s.Pos, "source", s.ID, field) }
			return append(r,
				txt(s.Publisher, "publisher"),
				txt(s.Title, "title"),
				publishedCell(s.Date),
				textCell(datePrecision(s.Date)),
				a.linkCell(s.URL, s.Pos, "source", s.ID),
			)
		},
	}
}

// eventCorridorsSheet lists every corridor every event names, with the
// event's disorder class: the letter counts as a corridor's hits only its
// events of political violence, and a pivot filtered on the class gives
// the same numbers.
func (a *annex) eventCorridorsSheet(name string) *sheet {
	st := a.st
	col := func(key string, style int) column { return a.linkColumn("event_corridors", key, style) }
	cols := []column{
		col("event_id_cnty", st.text),
		col("corridor_id", st.text),
		col("corridor_name", st.text),
		col("corridor_short", st.text),
		col("disorder_type", st.text),
	}
	cols[0].max = 40
	rows := pairs(a.sel.Events, func(e *report.Event) []string { return e.Corridors })
	return &sheet{
		name: name, table: tableEventCorridors, cols: cols, n: len(rows),
		freeze: true,
		row: func(i int, r []cell) []cell {
			p := rows[i]
			e := p.event
			r = append(r, a.textOf(e.ID, e.Pos, "event", e.ID, "event_id_cnty"), a.textOf(p.value, e.Pos, "event", e.ID, "corridor_id"))
			name, short := cell{}, cell{}
			if c, ok := a.sel.Dataset.Corridor(p.value); ok {
				name = a.textOf(c.Name.In(a.cat.Lang()), c.Pos, "corridor", c.ID, "name")
				short = a.textOf(c.Short.In(a.cat.Lang()), c.Pos, "corridor", c.ID, "short")
			}
			return append(r, name, short, textCell(e.Disorder().String()))
		},
	}
}

// eventTargetsSheet lists every target tag of every event.
func (a *annex) eventTargetsSheet(name string) *sheet {
	st := a.st
	col := func(key string, style int) column { return a.linkColumn("event_targets", key, style) }
	cols := []column{col("event_id_cnty", st.text), col("target", st.text)}
	cols[0].max = 40
	rows := pairs(a.sel.Events, func(e *report.Event) []string { return e.Targets })
	return &sheet{
		name: name, table: tableEventTargets, cols: cols, n: len(rows),
		freeze: true,
		row: func(i int, r []cell) []cell {
			p := rows[i]
			return append(r, a.textOf(p.event.ID, p.event.Pos, "event", p.event.ID, "event_id_cnty"), textCell(p.value))
		},
	}
}

// publishedCell returns a publication date as a date cell: the day, or the
// first day of the month or year when only that is known (datePrecision
// says which), so that a date column holds only dates and sorts and
// filters as one.
func publishedCell(d report.PartialDate) cell {
	if d.IsZero() {
		return cell{}
	}
	day := report.Date{Year: d.Year, Month: max(d.Month, 1), Day: max(d.Day, 1)}
	return dateCell(day)
}

// datePrecision returns how precisely a publication date is known, as a
// code the same in every language: "day", "month" or "year"; "" when there
// is no date.
func datePrecision(d report.PartialDate) string {
	switch {
	case d.IsZero():
		return ""
	case d.Month == 0:
		return "year"
	case d.Day == 0:
		return "month"
	}
	return "day"
}

// MaxRows is the most data rows a sheet of the annex holds: Excel's
// 1,048,576 rows less the table's header.
const MaxRows = excelize.TotalRows - 1

// RowsProblem says which sheet of a letter's annex would hold more rows
// than Excel allows, or returns "". The Events sheet fits any letter of
// report.MaxEvents events; a link sheet holds a row per pair of an event
// and one of its sources, corridors or targets, and may not. Write would
// fail on it, so build.Check reports it first, as a problem of the
// letter's period or scope.
func RowsProblem(sel report.Selection) string { return rowsProblem(sel, MaxRows) }

func rowsProblem(sel report.Selection, limit int) string {
	lists := []struct {
		what string
		list func(e *report.Event) []string
	}{
		{"events", nil},
		{"pairs of an event and one of its sources", func(e *report.Event) []string { return e.Sources }},
		{"pairs of an event and one of its corridors", func(e *report.Event) []string { return e.Corridors }},
		{"pairs of an event and one of its targets", func(e *report.Event) []string { return e.Targets }},
	}
	for _, l := range lists {
		n := len(sel.Events)
		if l.list != nil {
			n = len(pairs(sel.Events, l.list))
		}
		if n > limit {
			return fmt.Sprintf("the Excel annex of letter %q would list %d %s, one per row, and an Excel sheet holds %d: narrow the letter's period or scope", sel.Letter.ID, n, l.what, limit)
		}
	}
	return ""
}
