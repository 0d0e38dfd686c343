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
// number of most significant events, ranked by [MoreSignificant]. It is
// computed once per selection (Select's), however often it is asked for.
func (s Selection) Chronology() Chronology {
	if s.memo == nil {
		return s.chronology()
	}
	s.memo.chronologyOnce.Do(func() { s.memo.chronology = s.chronology() })
	return s.memo.chronology
}

func (s Selection) chronology() Chronology {
	c := Chronology{Total: len(s.Events)}
	all, limit := ChronologyAll, ChronologyDefault
	if s.Letter != nil && s.Letter.ChronologyLimit > 0 {
		all, limit = s.Letter.ChronologyLimit, s.Letter.ChronologyLimit
	}
	c.Events = make([]*Event, 0, min(len(s.Events), all))
	if len(s.Events) <= all {
		for i := range s.Events {
			c.Events = append(c.Events, &s.Events[i])
		}
		return c
	}
	// Keep the limit most significant in a sorted list, rather than sort
	// 100,000 events to print 60: an event less significant than the
	// last kept costs one comparison.
	top := make([]significance, 0, limit+1)
	for i := range s.Events {
		k := significanceOf(&s.Events[i])
		k.index = i
		if len(top) == limit && compareSignificance(k, top[limit-1]) >= 0 {
			continue
		}
		at, _ := slices.BinarySearchFunc(top, k, compareSignificance)
		top = slices.Insert(top, at, k)
		if len(top) > limit {
			top = top[:limit]
		}
	}
	for _, k := range top {
		c.Events = append(c.Events, &s.Events[k.index])
	}
	// Events are sorted by date, then id: their order is their index's.
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
	return compareSignificance(significanceOf(a), significanceOf(b))
}

// significance is what MoreSignificant compares of an event.
type significance struct {
	fatalities, kidnapped, vehicles, corridors, class int
	date                                              Date
	id                                                string
	index                                             int // in the selection's events
}

func significanceOf(e *Event) significance {
	return significance{e.Fatalities.N, e.Kidnapped.N, e.VehiclesDestroyed.N, len(e.Corridors), disorderRank(e), e.Date, e.ID, 0}
}

func compareSignificance(a, b significance) int {
	return cmp.Or(
		cmp.Compare(b.fatalities, a.fatalities),
		cmp.Compare(b.kidnapped, a.kidnapped),
		cmp.Compare(b.vehicles, a.vehicles),
		cmp.Compare(b.corridors, a.corridors),
		cmp.Compare(a.class, b.class),
		b.date.Compare(a.date),
		cmp.Compare(a.id, b.id),
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
