package report

import (
	"cmp"
	"slices"
)

// The chronology's default bounds: a period of up to ChronologyAll events
// prints them all; a longer one prints its ChronologyDefault most
// significant. A letter sets its own bound with chronology.limit.
const (
	ChronologyAll     = 80
	ChronologyDefault = 60
)

// Chronology is the part of a period's events a letter's chronology
// prints: all of them, or the most significant when there are more than
// the letter's bound. The annex lists every event either way.
type Chronology struct {
	// Events are the printed events, by date then id.
	Events []*Event
	// Total is how many events the period holds.
	Total int
	// Limit is the bound that chose Events among more, or 0 when every
	// event is printed.
	Limit int
}

// Chronology picks the events the letter's chronology prints: every event
// when the period holds no more than the bound, otherwise the bound's
// number of most significant events, ranked by [MoreSignificant].
func (s Selection) Chronology() Chronology {
	c := Chronology{Total: len(s.Events)}
	all, limit := ChronologyAll, ChronologyDefault
	if s.Letter != nil && s.Letter.ChronologyLimit > 0 {
		all, limit = s.Letter.ChronologyLimit, s.Letter.ChronologyLimit
	}
	c.Events = make([]*Event, len(s.Events))
	for i := range s.Events {
		c.Events[i] = &s.Events[i]
	}
	if len(s.Events) <= all {
		return c
	}
	slices.SortFunc(c.Events, MoreSignificant)
	c.Events = c.Events[:limit]
	slices.SortFunc(c.Events, func(a, b *Event) int { return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.ID, b.ID)) })
	c.Limit = limit
	return c
}

// MoreSignificant orders events most significant first: by reported
// fatalities, then kidnapped, then vehicles destroyed, then corridors hit;
// then political violence before demonstrations and both before strategic
// developments (announcements); then the later event first, and by id.
// It is the rule the letter prints above a bounded chronology.
func MoreSignificant(a, b *Event) int {
	return cmp.Or(
		cmp.Compare(b.Fatalities.N, a.Fatalities.N),
		cmp.Compare(b.Kidnapped.N, a.Kidnapped.N),
		cmp.Compare(b.VehiclesDestroyed.N, a.VehiclesDestroyed.N),
		cmp.Compare(len(b.Corridors), len(a.Corridors)),
		cmp.Compare(disorderRank(a), disorderRank(b)),
		b.Date.Compare(a.Date),
		cmp.Compare(a.ID, b.ID),
	)
}

// disorderRank puts political violence first and strategic developments
// last.
func disorderRank(e *Event) int {
	d := e.Disorder()
	switch {
	case d.Has(PoliticalViolence):
		return 0
	case d.Has(Demonstrations):
		return 1
	case d.Has(StrategicDisorder):
		return 2
	}
	return 3
}
