package xlsx

import (
	"strings"

	"briefing/report"
)

// eventColumns are the Events sheet's columns, in ACLED's order and
// spelling (disorder_type after time_precision, geo_precision after
// longitude, as in an ACLED export); corridors, targets, kidnapped,
// vehicles_destroyed, claimed_by and the source columns are ours.
var eventColumns = []string{
	"event_id", "event_date", "date_end", "time_precision", "disorder_type", "event_type",
	"sub_event_type", "actor1", "assoc_actor_1", "actor2", "country", "admin1", "admin2",
	"location", "latitude", "longitude", "geo_precision", "corridors", "targets",
	"fatalities", "kidnapped", "vehicles_destroyed", "claimed_by", "summary", "sources",
	"source_links",
}

// listSep joins the values of a multi-valued column, as ACLED joins
// associated actors.
const listSep = "; "

// eventsSheet lists the letter's events, one row each, in the order of the
// selection (by date, then id).
func (a *annex) eventsSheet(name string) *sheet {
	st := a.st
	// Long text wraps in narrow columns, so that the sheet, 26 columns
	// wide, prints legibly on a landscape page.
	wrapAt := map[string]float64{
		"event_id": 24, "disorder_type": 22, "event_type": 16, "sub_event_type": 18, "actor1": 24,
		"assoc_actor_1": 18, "actor2": 24, "location": 18, "corridors": 22, "targets": 20,
		"claimed_by": 16, "summary": 50, "sources": 28,
	}
	cols := make([]column, len(eventColumns))
	for i, key := range eventColumns {
		cols[i] = column{title: key, style: st.text, def: a.cat.T("annex.def.events." + key)}
		if w, ok := wrapAt[key]; ok {
			cols[i].style, cols[i].max = st.wrap, w
		}
		switch key {
		case "event_date", "date_end":
			cols[i].style = st.date
		case "time_precision", "geo_precision":
			cols[i].style = st.code
		case "fatalities", "kidnapped", "vehicles_destroyed":
			cols[i].style = st.integer
		case "latitude", "longitude":
			cols[i].style = st.coord
		case "source_links":
			cols[i].style, cols[i].max = st.link, 40
		}
	}
	ds, events := a.sel.Dataset, a.sel.Events
	return &sheet{
		name: name, table: tableEvents, cols: cols, n: len(events),
		landscape: true, freeze: true,
		row: func(i int, r []cell) []cell {
			e := &events[i]
			txt := func(s, field string) cell { return a.textOf(s, e.Pos, "event", e.ID, field) }
			place, ok := ds.Place(e.Place)
			if !ok { // a loaded dataset has no dangling place; be safe
				place = &report.Place{Name: e.Place}
			}
			var lat, lon cell
			if ok {
				lat, lon = cell{kind: number, n: place.Lat}, cell{kind: number, n: place.Lon}
			}
			return append(r,
				txt(e.ID, "event_id"),
				dateCell(e.Date),
				dateCell(e.DateEnd),
				intCell(max(e.TimePrecision, report.PrecisionDay)),
				// ACLED's wording, a code like event_type: derived from
				// the type, so every event has one.
				txt(e.Disorder().String(), "disorder_type"),
				txt(e.EventType, "event_type"),
				txt(e.SubEventType, "sub_event_type"),
				txt(e.Actor1, "actor1"),
				txt(e.AssocActor1, "assoc_actor_1"),
				txt(e.Actor2, "actor2"),
				txt(place.Country, "country"),
				txt(place.Admin1, "admin1"),
				txt(place.Admin2, "admin2"),
				txt(place.Name, "location"),
				lat, lon,
				// An event made in code rather than loaded may leave it
				// zero; the loader's default is the place itself.
				intCell(max(e.GeoPrecision, report.GeoExact)),
				txt(strings.Join(e.Corridors, listSep), "corridors"),
				txt(strings.Join(e.Targets, listSep), "targets"),
				countCell(e.Fatalities),
				countCell(e.Kidnapped),
				countCell(e.VehiclesDestroyed),
				txt(e.ClaimedBy, "claimed_by"),
				txt(e.Summary, "summary"),
				txt(strings.Join(e.Sources, listSep), "sources"),
				a.linkCell(a.firstURL(e), e.Pos, "event", e.ID),
			)
		},
	}
}

// firstURL returns the address of the first of an event's sources that
// has one.
func (a *annex) firstURL(e *report.Event) string {
	for _, id := range e.Sources {
		if s, ok := a.sel.Dataset.Source(id); ok && s.URL != "" {
			return s.URL
		}
	}
	return ""
}
