package report

import (
	"cmp"
	"slices"
)

// Selection is the part of a dataset one letter draws on: the events of its
// period and scope, and those of the previous period of equal length, which
// the letter compares against.
//
// An event belongs to a period when any of its days falls within it, so an
// event that runs across the boundary of two periods appears in both.
type Selection struct {
	Dataset        *Dataset
	Letter         *Letter
	Period         Period
	Previous       Period
	Events         []Event // sorted by date, then id
	PreviousEvents []Event
}

// Select picks the events of a letter's period and scope. The dataset must
// have loaded without errors.
func (ds *Dataset) Select(l *Letter) Selection {
	s := Selection{Dataset: ds, Letter: l, Period: l.Period, Previous: l.Period.Previous()}
	for _, e := range ds.Events {
		if !ds.inScope(&e, l.Scope) {
			continue
		}
		span := e.Span()
		if span.Overlaps(s.Period) {
			s.Events = append(s.Events, e)
		}
		if span.Overlaps(s.Previous) {
			s.PreviousEvents = append(s.PreviousEvents, e)
		}
	}
	byDate := func(a, b Event) int { return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.ID, b.ID)) }
	slices.SortFunc(s.Events, byDate)
	slices.SortFunc(s.PreviousEvents, byDate)
	return s
}

func (ds *Dataset) inScope(e *Event, sc Scope) bool {
	p, ok := ds.Place(e.Place)
	if !ok {
		return false
	}
	if len(sc.Countries) > 0 && !slices.Contains(sc.Countries, p.Country) {
		return false
	}
	if len(sc.Admin1) > 0 && !slices.Contains(sc.Admin1, p.Admin1) {
		return false
	}
	if len(sc.Corridors) > 0 && !slices.ContainsFunc(e.Corridors, func(c string) bool { return slices.Contains(sc.Corridors, c) }) {
		return false
	}
	return true
}

// TypeCounts counts events by ACLED event type, indexed like [EventTypes].
type TypeCounts [NumEventTypes]int

// Total returns the number of events of every type.
func (c TypeCounts) Total() int {
	n := 0
	for _, v := range c {
		n += v
	}
	return n
}

func (c *TypeCounts) add(e *Event) {
	if i := EventTypeIndex(e.EventType); i >= 0 {
		c[i]++
	}
}

// Granularity is the width of a frequency chart's bars.
type Granularity int

const (
	// Weekly buckets are seven days from the period's first day.
	Weekly Granularity = iota
	// Monthly buckets are calendar months.
	Monthly
)

// WeeklyUpToDays is the longest period counted by week; longer periods,
// whose weekly bars would be too many to read, are counted by month.
const WeeklyUpToDays = 126

// Granularity returns the bucket width a frequency chart of p uses.
func (p Period) Granularity() Granularity {
	if p.Days() <= WeeklyUpToDays {
		return Weekly
	}
	return Monthly
}

// Buckets splits the period into weeks counted from its first day, or into
// calendar months; the first and last bucket are cut to the period.
func (p Period) Buckets(g Granularity) []Period {
	var out []Period
	for from := p.From; !from.After(p.To); {
		next := from.AddDays(7)
		if g == Monthly {
			next = from.firstOfMonth(1)
		}
		to := next.AddDays(-1)
		if to.After(p.To) {
			to = p.To
		}
		out = append(out, Period{from, to})
		from = next
	}
	return out
}

// Bucket is one bar of a frequency chart.
type Bucket struct {
	Period Period     // the days it covers, within the letter's period
	Counts TypeCounts // events of the bucket by type
	// PreviousPeriod is the bucket at the same position in the previous
	// period, and Previous its events, for comparison. PreviousPeriod is
	// zero when the previous period has fewer buckets (February against
	// March, counted by week); when it has more, its last aligned bucket
	// runs to its end.
	PreviousPeriod Period
	Previous       TypeCounts
}

// Frequency is the count of events over a letter's period.
type Frequency struct {
	Granularity Granularity
	Buckets     []Bucket
}

// Frequency counts the selection's events per week or month by type, and
// the previous period's events in buckets cut the same way. An event is
// counted once, in the bucket of its first day within the period; an event
// known only to the week or month (time_precision 2 or 3) is counted at its
// recorded date, as ACLED's own weekly figures do.
func (s Selection) Frequency() Frequency {
	g := s.Period.Granularity()
	f := Frequency{Granularity: g}
	current, previous := s.Period.Buckets(g), s.Previous.Buckets(g)
	if n := len(current); len(previous) > n {
		// A longer previous period (January against February, by week)
		// ends in its last aligned bucket, so that every one of its days is
		// counted.
		previous[n-1].To = s.Previous.To
		previous = previous[:n]
	}
	for i, b := range current {
		f.Buckets = append(f.Buckets, Bucket{Period: b})
		if i < len(previous) {
			f.Buckets[i].PreviousPeriod = previous[i]
		}
	}
	place := func(events []Event, within Period, bucket func(*Bucket) (Period, *TypeCounts)) {
		for i := range events {
			e := &events[i]
			day := e.Date
			if day.Before(within.From) {
				day = within.From
			}
			for j := range f.Buckets {
				if days, counts := bucket(&f.Buckets[j]); days.Contains(day) {
					counts.add(e)
					break
				}
			}
		}
	}
	place(s.Events, s.Period, func(b *Bucket) (Period, *TypeCounts) { return b.Period, &b.Counts })
	place(s.PreviousEvents, s.Previous, func(b *Bucket) (Period, *TypeCounts) { return b.PreviousPeriod, &b.Previous })
	return f
}

// Totals sums the buckets: every event of the period, and of the previous
// period, by type.
func (f Frequency) Totals() (current, previous TypeCounts) {
	for _, b := range f.Buckets {
		for i := range NumEventTypes {
			current[i] += b.Counts[i]
			previous[i] += b.Previous[i]
		}
	}
	return current, previous
}

// CorridorCount is how many events hit one corridor, by type.
type CorridorCount struct {
	Corridor *Corridor
	Counts   TypeCounts
}

// Corridors counts the selection's events per corridor they hit, by type:
// only corridors hit at least once, most hit first, ties by short name. An
// event that hit two corridors counts for each.
func (s Selection) Corridors() []CorridorCount {
	counts := map[string]*TypeCounts{}
	for i := range s.Events {
		e := &s.Events[i]
		for _, id := range e.Corridors {
			if counts[id] == nil {
				counts[id] = new(TypeCounts)
			}
			counts[id].add(e)
		}
	}
	var out []CorridorCount
	for id, c := range counts {
		if cor, ok := s.Dataset.Corridor(id); ok {
			out = append(out, CorridorCount{Corridor: cor, Counts: *c})
		}
	}
	slices.SortFunc(out, func(a, b CorridorCount) int {
		return cmp.Or(cmp.Compare(b.Counts.Total(), a.Counts.Total()),
			cmp.Compare(a.Corridor.Short, b.Corridor.Short), cmp.Compare(a.Corridor.ID, b.Corridor.ID))
	})
	return out
}

// TagCount is how many events carry one target tag.
type TagCount struct {
	Tag string
	N   int
}

// Targets counts the selection's events by target tag: only tags present,
// most frequent first, ties in the order of [TargetTags].
func (s Selection) Targets() []TagCount {
	var out []TagCount
	for _, tag := range targetTags {
		n := 0
		for i := range s.Events {
			if slices.Contains(s.Events[i].Targets, tag) {
				n++
			}
		}
		if n > 0 {
			out = append(out, TagCount{tag, n})
		}
	}
	slices.SortStableFunc(out, func(a, b TagCount) int { return cmp.Compare(b.N, a.N) })
	return out
}

// PlaceCount is how many events happened at one place, by type.
type PlaceCount struct {
	Place  *Place
	Counts TypeCounts
}

// Places counts the selection's events per place: only places with events,
// most first, ties by name.
func (s Selection) Places() []PlaceCount {
	counts := map[string]*TypeCounts{}
	for i := range s.Events {
		e := &s.Events[i]
		if counts[e.Place] == nil {
			counts[e.Place] = new(TypeCounts)
		}
		counts[e.Place].add(e)
	}
	var out []PlaceCount
	for id, c := range counts {
		if p, ok := s.Dataset.Place(id); ok {
			out = append(out, PlaceCount{Place: p, Counts: *c})
		}
	}
	slices.SortFunc(out, func(a, b PlaceCount) int {
		return cmp.Or(cmp.Compare(b.Counts.Total(), a.Counts.Total()),
			cmp.Compare(a.Place.Name, b.Place.Name), cmp.Compare(a.Place.ID, b.Place.ID))
	})
	return out
}

// Sources returns the ids of the sources the selection's events cite,
// sorted, each once.
func (s Selection) Sources() []string {
	var ids []string
	for _, e := range s.Events {
		ids = append(ids, e.Sources...)
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// Cutoff returns the latest day any of the selection's events covers: the
// data cutoff a letter states. It is the zero Date when there are no events.
func (s Selection) Cutoff() Date {
	var last Date
	for _, e := range s.Events {
		if end := e.Span().To; end.After(last) {
			last = end
		}
	}
	return last
}

// KeyFigures are the headline numbers of a letter.
type KeyFigures struct {
	Events         int // in the period
	PreviousEvents int // in the previous period of equal length
	CorridorsHit   int // distinct corridors hit by at least one event
	// The sums of what events report; not reported when no event of the
	// period reports the figure.
	Kidnapped         Count
	VehiclesDestroyed Count
	Fatalities        Count
}

// KeyFigures computes the headline numbers of the selection.
func (s Selection) KeyFigures() KeyFigures {
	k := KeyFigures{Events: len(s.Events), PreviousEvents: len(s.PreviousEvents)}
	hit := map[string]bool{}
	for _, e := range s.Events {
		for _, c := range e.Corridors {
			hit[c] = true
		}
		k.Kidnapped = k.Kidnapped.Add(e.Kidnapped)
		k.VehiclesDestroyed = k.VehiclesDestroyed.Add(e.VehiclesDestroyed)
		k.Fatalities = k.Fatalities.Add(e.Fatalities)
	}
	k.CorridorsHit = len(hit)
	return k
}

// Change returns the change in events against the previous period, in per
// cent. ok is false when the previous period had no events, where a
// percentage means nothing and a letter says "new".
func (k KeyFigures) Change() (percent float64, ok bool) {
	if k.PreviousEvents == 0 {
		return 0, false
	}
	return float64(k.Events-k.PreviousEvents) / float64(k.PreviousEvents) * 100, true
}
