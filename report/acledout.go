package report

import (
	"iter"
	"slices"
	"strings"

	"briefing/report/acled"
)

// ACLEDRows returns the selection's events as rows of an ACLED export, in
// the selection's order (by date, then id): the rows of the annex's Events
// sheet and of the letter's ID-events.csv, which `briefing import acled`
// reads back into the same events. See [Dataset.ACLEDRow] for what each
// column holds.
func (s Selection) ACLEDRows() []acled.Row {
	return slices.Collect(s.EachACLEDRow())
}

// EachACLEDRow yields the rows of [Selection.ACLEDRows] one at a time.
func (s Selection) EachACLEDRow() iter.Seq[acled.Row] {
	return func(yield func(acled.Row) bool) {
		for i := range s.Events {
			if !yield(s.Dataset.ACLEDRow(&s.Events[i])) {
				return
			}
		}
	}
}

// ACLEDRow writes one event as ACLED codes its events, with ACLED's value
// conventions: the disorder class in ACLED's wording, the country as
// ACLED's English name with its ISO numeric code and ACLED's region, the
// event's place as location, admin1 and admin2, the publishers of its
// sources as source, its summary as notes. briefing's own fields go to the
// extension columns (corridors, targets, kidnapped, vehicles destroyed,
// claimed by, source ids).
//
// What the dataset does not record is left as the zero value, which an
// export writes as an empty cell, never guessed: actor types (inter1,
// inter2, interaction), the associated actors of actor2, civilian
// targeting, admin3, the source scale, tags, ACLED's timestamp, and the
// region of a country outside Africa.
//
// Lists are copies: a caller may change them without touching the event.
// The annex, which writes one row at a time so that its memory does not
// grow with the number of events, calls this for each event in turn.
func (ds *Dataset) ACLEDRow(e *Event) acled.Row {
	r := acled.Row{
		EventIDCnty:   e.ID,
		EventDate:     e.Date.String(),
		Year:          e.Date.Year,
		TimePrecision: max(e.TimePrecision, PrecisionDay),
		DisorderType:  e.Disorder().String(),
		EventType:     e.EventType,
		SubEventType:  e.SubEventType,
		Actor1:        e.Actor1,
		AssocActor1:   splitList(e.AssocActor1),
		Actor2:        e.Actor2,
		// An event made in code rather than loaded may leave it zero;
		// the loader's default is the place itself.
		GeoPrecision: max(e.GeoPrecision, GeoExact),
		// The export is the dataset's: its texts in the dataset's
		// language, whatever the letter's (see Text).
		Notes:      e.Summary.String(),
		Fatalities: countPtr(e.Fatalities),

		Corridors:         slices.Clone(e.Corridors),
		Targets:           slices.Clone(e.Targets),
		Kidnapped:         countPtr(e.Kidnapped),
		VehiclesDestroyed: countPtr(e.VehiclesDestroyed),
		ClaimedBy:         e.ClaimedBy,
		SourceIDs:         slices.Clone(e.Sources),
	}
	// Not ACLED's: a multi-day event keeps its last day in briefing's own
	// column, so that the file imports back to the same event.
	if !e.DateEnd.IsZero() {
		r.DateEnd = e.DateEnd.String()
	}
	if p, ok := ds.Place(e.Place); ok {
		r.Admin1, r.Admin2, r.Location = p.Admin1, p.Admin2, p.Name.String()
		r.Latitude, r.Longitude = p.Lat, p.Lon
		// A code that names no country leaves the three columns empty
		// rather than write the code where a name is expected.
		if iso, name, region, ok := acled.Country(p.Country); ok {
			r.ISO, r.Country, r.Region = iso, name, region
		}
	}
	// ACLED's source column names each publisher once, however many of
	// its articles the event cites; the extension's source_ids keeps
	// every source.
	for _, id := range e.Sources {
		if s, ok := ds.Source(id); ok && s.Publisher != "" && !slices.Contains(r.Sources, s.Publisher) {
			r.Sources = append(r.Sources, s.Publisher)
		}
	}
	return r
}

// splitList splits a list joined as ACLED joins associated actors ("A;
// B"), dropping empty items; nil for an empty string.
func splitList(s string) []string {
	var out []string
	for item := range strings.SplitSeq(s, ";") {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	return out
}

// countPtr returns a reported count as a number, or nil when the event
// does not report it: "not reported" is not zero.
func countPtr(c Count) *int {
	if !c.Reported {
		return nil
	}
	n := c.N
	return &n
}
