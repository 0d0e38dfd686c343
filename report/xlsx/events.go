package xlsx

import (
	"slices"
	"strings"

	"briefing/report"
	"briefing/report/acled"
)

// eventColumns are the Events sheet's columns: ACLED's 31, named and
// ordered as an ACLED export names and orders them, then briefing's
// extension, as the letter's ID-events.csv writes them. The same names in
// every language, so that a script written for an ACLED export, or for
// one language's annex, reads any annex.
func eventColumns() []string { return slices.Concat(acled.Columns, acled.Extension) }

// listSep joins the values of a multi-valued column, as ACLED joins
// associated actors and sources.
const listSep = "; "

// eventValue gives the cell of one column of an event's row. r is the
// event as [report.Dataset.ACLEDRow] writes it, which the annex shares
// with ID-events.csv; e is the event itself, for what a row's plain values
// cannot say (a fatality count not reported, which a row holds as 0, and
// whether the event's place is known).
type eventValue func(r *acled.Row, e *report.Event) cell

// eventColumn returns the value of a column of eventColumns, or nil for a
// column it does not know, which a test forbids. A value the dataset does
// not record is an empty cell, never a guess or a 0.
func (a *annex) eventColumn(key string) eventValue {
	text := func(get func(r *acled.Row) string) eventValue {
		return func(r *acled.Row, e *report.Event) cell { return a.textOf(get(r), e.Pos, "event", e.ID, key) }
	}
	list := func(get func(r *acled.Row) []string) eventValue {
		return text(func(r *acled.Row) string { return strings.Join(get(r), listSep) })
	}
	integer := func(get func(r *acled.Row) int) eventValue {
		return func(r *acled.Row, _ *report.Event) cell { return intCell(get(r)) }
	}
	// A number ACLED writes only when known (an ISO code, a timestamp)
	// is empty when 0.
	optional := func(get func(r *acled.Row) int) eventValue {
		return func(r *acled.Row, _ *report.Event) cell {
			if n := get(r); n != 0 {
				return intCell(n)
			}
			return cell{}
		}
	}
	// A count not reported (nil) is an empty cell, never 0.
	count := func(get func(r *acled.Row) *int) eventValue {
		return func(r *acled.Row, _ *report.Event) cell {
			if n := get(r); n != nil {
				return intCell(*n)
			}
			return cell{}
		}
	}
	// A coordinate is empty when the event's place is unknown (a loaded
	// dataset has no dangling place; an event made in code may), rather
	// than a 0 that would put the event in the Gulf of Guinea.
	coordinate := func(get func(r *acled.Row) float64) eventValue {
		return func(r *acled.Row, e *report.Event) cell {
			if _, ok := a.sel.Dataset.Place(e.Place); !ok {
				return cell{}
			}
			return cell{kind: number, n: get(r)}
		}
	}

	switch key {
	case "event_id_cnty":
		return text(func(r *acled.Row) string { return r.EventIDCnty })
	case "event_date":
		return func(_ *acled.Row, e *report.Event) cell { return dateCell(e.Date) }
	case "year":
		return integer(func(r *acled.Row) int { return r.Year })
	case "time_precision":
		return integer(func(r *acled.Row) int { return r.TimePrecision })
	case "disorder_type":
		// ACLED's wording, a code like event_type: derived from the
		// type, so every event has one.
		return text(func(r *acled.Row) string { return r.DisorderType })
	case "event_type":
		return text(func(r *acled.Row) string { return r.EventType })
	case "sub_event_type":
		return text(func(r *acled.Row) string { return r.SubEventType })
	case "actor1":
		return text(func(r *acled.Row) string { return r.Actor1 })
	case "assoc_actor_1":
		return list(func(r *acled.Row) []string { return r.AssocActor1 })
	// ACLED's current exports write actor types and interactions as
	// text; the dataset codes none, so these are empty today.
	case "inter1":
		return text(func(r *acled.Row) string { return acled.ActorType(r.Inter1) })
	case "actor2":
		return text(func(r *acled.Row) string { return r.Actor2 })
	case "assoc_actor_2":
		return list(func(r *acled.Row) []string { return r.AssocActor2 })
	case "inter2":
		return text(func(r *acled.Row) string { return acled.ActorType(r.Inter2) })
	case "interaction":
		return text(func(r *acled.Row) string { return acled.Interaction(r.Interaction) })
	case "civilian_targeting":
		return text(func(r *acled.Row) string {
			if r.CivilianTargeting {
				return "Civilian targeting"
			}
			return ""
		})
	case "iso":
		return optional(func(r *acled.Row) int { return r.ISO })
	case "region":
		return text(func(r *acled.Row) string { return r.Region })
	case "country":
		return text(func(r *acled.Row) string { return r.Country })
	case "admin1":
		return text(func(r *acled.Row) string { return r.Admin1 })
	case "admin2":
		return text(func(r *acled.Row) string { return r.Admin2 })
	case "admin3":
		return text(func(r *acled.Row) string { return r.Admin3 })
	case "location":
		return text(func(r *acled.Row) string { return r.Location })
	case "latitude":
		return coordinate(func(r *acled.Row) float64 { return r.Latitude })
	case "longitude":
		return coordinate(func(r *acled.Row) float64 { return r.Longitude })
	case "geo_precision":
		return integer(func(r *acled.Row) int { return r.GeoPrecision })
	case "source":
		return list(func(r *acled.Row) []string { return r.Sources })
	case "source_scale":
		return text(func(r *acled.Row) string { return r.SourceScale })
	case "notes":
		return text(func(r *acled.Row) string { return r.Notes })
	case "fatalities":
		// Not reported is an empty cell where ACLED would write 0.
		return func(_ *acled.Row, e *report.Event) cell { return countCell(e.Fatalities) }
	case "tags":
		return list(func(r *acled.Row) []string { return r.Tags })
	case "timestamp":
		return optional(func(r *acled.Row) int { return int(r.Timestamp) })
	case "date_end":
		return func(_ *acled.Row, e *report.Event) cell { return dateCell(e.DateEnd) }
	case "corridors":
		return list(func(r *acled.Row) []string { return r.Corridors })
	case "targets":
		return list(func(r *acled.Row) []string { return r.Targets })
	case "kidnapped":
		return count(func(r *acled.Row) *int { return r.Kidnapped })
	case "vehicles_destroyed":
		return count(func(r *acled.Row) *int { return r.VehiclesDestroyed })
	case "claimed_by":
		return text(func(r *acled.Row) string { return r.ClaimedBy })
	case "source_ids":
		return list(func(r *acled.Row) []string { return r.SourceIDs })
	}
	return nil
}

// eventsSheet lists the letter's events, one row each, in the order of the
// selection (by date, then id): the rows of ID-events.csv, as cells.
func (a *annex) eventsSheet(name string) *sheet {
	st := a.st
	// Long text wraps in narrow columns, so that the sheet, 37 columns
	// wide, prints legibly on a landscape page.
	wrapAt := map[string]float64{
		"event_id_cnty": 24, "disorder_type": 22, "event_type": 16, "sub_event_type": 18, "actor1": 24,
		"assoc_actor_1": 18, "actor2": 24, "assoc_actor_2": 18, "location": 18, "source": 24,
		"notes": 50, "corridors": 22, "targets": 20, "claimed_by": 16, "source_ids": 28,
	}
	keys := eventColumns()
	cols := make([]column, len(keys))
	values := make([]eventValue, len(keys))
	for i, key := range keys {
		cols[i] = column{title: key, style: st.text, def: a.cat.T("annex.def.events." + key)}
		values[i] = a.eventColumn(key)
		if w, ok := wrapAt[key]; ok {
			cols[i].style, cols[i].max = st.wrap, w
		}
		switch key {
		case "event_date", "date_end":
			cols[i].style = st.date
		case "time_precision", "geo_precision":
			cols[i].style = st.code
		case "year", "iso", "fatalities", "kidnapped", "vehicles_destroyed", "timestamp":
			cols[i].style = st.integer
		case "latitude", "longitude":
			cols[i].style = st.coord
		}
	}
	ds, events := a.sel.Dataset, a.sel.Events
	return &sheet{
		name: name, table: tableEvents, cols: cols, n: len(events),
		landscape: true, freeze: true,
		row: func(i int, r []cell) []cell {
			e := &events[i]
			// One row at a time, so that memory does not grow with the
			// number of events.
			row := ds.ACLEDRow(e)
			for _, value := range values {
				if value == nil { // a column with no value yet: empty, never invented
					r = append(r, cell{})
					continue
				}
				r = append(r, value(&row, e))
			}
			return r
		},
	}
}
