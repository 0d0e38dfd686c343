package report

import (
	"cmp"
	"slices"
	"strings"
	"sync"
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
	Events         []Event // sorted by date, then id; may be the dataset's own: read only
	PreviousEvents []Event
	// Coverage is the days the dataset was collected over for every
	// country of the letter's scope.
	Coverage Coverage
	// memo keeps what is computed from the selection once (its chronology
	// and sources list), shared by its copies; Select makes it.
	memo *selectionMemo
}

// selectionMemo holds the results a Selection computes once.
type selectionMemo struct {
	chronologyOnce   sync.Once
	chronology       Chronology
	citedOnce        sync.Once
	cited            []string
	eventSourcesOnce sync.Once
	eventSources     []string
}

// Select picks the events of a letter's period and scope. The dataset must
// have loaded without errors.
func (ds *Dataset) Select(l *Letter) Selection {
	s := Selection{Dataset: ds, Letter: l, Period: l.Period, Previous: l.Period.Previous(),
		Coverage: coverageFor(ds.Info.Coverage, ds.Countries(l.Scope)), memo: &selectionMemo{}}
	// Two passes: the first counts, so that the events, copied once, are
	// not copied again at every growth of their slices (at 100,000 events,
	// most of the selection's time).
	in := make([]bool, len(ds.Events))
	var current, previous run
	for i := range ds.Events {
		e := &ds.Events[i]
		if !ds.inScope(e, l.Scope) {
			continue
		}
		in[i] = true
		span := e.Span()
		if span.Overlaps(s.Period) {
			current.add(i)
		}
		if span.Overlaps(s.Previous) {
			previous.add(i)
		}
	}
	// A period whose events are one run of the dataset's, which are
	// sorted as a selection's are (a letter over the whole scope of an
	// export), shares them rather than copy 100,000 events. Capped, an
	// append to the selection's events cannot write into the dataset's.
	shared := func(r run) ([]Event, bool) {
		if !r.whole() || !slices.IsSortedFunc(ds.Events[r.first:r.last+1], byDate) {
			return nil, false
		}
		return ds.Events[r.first : r.last+1 : r.last+1], true
	}
	curShared, prevShared := false, false
	s.Events, curShared = shared(current)
	s.PreviousEvents, prevShared = shared(previous)
	if curShared && prevShared {
		return s
	}
	if !curShared {
		s.Events = make([]Event, 0, current.n)
	}
	if !prevShared {
		s.PreviousEvents = make([]Event, 0, previous.n)
	}
	for i := range ds.Events {
		if !in[i] {
			continue
		}
		e := &ds.Events[i]
		span := e.Span()
		if !curShared && span.Overlaps(s.Period) {
			s.Events = append(s.Events, *e)
		}
		if !prevShared && span.Overlaps(s.Previous) {
			s.PreviousEvents = append(s.PreviousEvents, *e)
		}
	}
	// The loader keeps events by date already; sort only when not.
	for _, evs := range [][]Event{s.Events, s.PreviousEvents} {
		if !slices.IsSortedFunc(evs, byDate) {
			slices.SortFunc(evs, byDate)
		}
	}
	return s
}

// byDate is the order of a selection's events: by date, then id.
func byDate(a, b Event) int { return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.ID, b.ID)) }

// run records the indexes of the events a period takes: how many, the
// first and the last.
type run struct{ n, first, last int }

func (r *run) add(i int) {
	if r.n == 0 {
		r.first = i
	}
	r.n++
	r.last = i
}

// whole reports whether the indexes are one unbroken run.
func (r run) whole() bool { return r.n > 0 && r.last-r.first+1 == r.n }

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

// Sum returns the number of events of the types for which keep is true.
func (c TypeCounts) Sum(keep func(typeIndex int) bool) int {
	n := 0
	for i, v := range c {
		if keep(i) {
			n += v
		}
	}
	return n
}

// strategicIndex is the position of Strategic developments in
// [EventTypes].
const strategicIndex = NumEventTypes - 1

// NotStrategic keeps the event types that are not strategic developments:
// those of political violence and demonstrations, which frequency charts
// stack.
func NotStrategic(i int) bool { return i != strategicIndex }

// Strategic returns the number of strategic developments.
func (c TypeCounts) Strategic() int { return c[strategicIndex] }

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
	Period Period // the days it covers, within the letter's period
	// Width is the days of a whole bucket: 7, or the days of its calendar
	// month. A bucket cut by the period's ends has fewer days.
	Width int
	// CoveredDays is how many of its days the dataset covers. A bucket
	// with none is not covered: it has no bar, and Counts then holds only
	// events recorded outside the coverage. One with fewer than Width is
	// partial, and its bar says so.
	CoveredDays int
	Counts      TypeCounts // events of the bucket by type
	// PreviousPeriod is the bucket at the same position in the previous
	// period, and Previous its events, for comparison. PreviousPeriod is
	// zero when the previous period has fewer buckets (February against
	// March, counted by week); when it has more, its last aligned bucket
	// runs to its end.
	PreviousPeriod Period
	Previous       TypeCounts
}

// Covered reports whether any day of the bucket is covered.
func (b Bucket) Covered() bool { return b.CoveredDays > 0 }

// Partial reports whether the bucket is covered for fewer days than a
// whole week or month.
func (b Bucket) Partial() bool { return b.Covered() && b.CoveredDays < b.Width }

// Frequency is the count of events over a letter's period.
type Frequency struct {
	Granularity Granularity
	Buckets     []Bucket
	// PreviousCovered is true when every day of the comparison period is
	// covered; only then do the buckets' Previous counts mean anything.
	PreviousCovered bool
	// Cutoff is the last covered day of the period (zero when none is).
	Cutoff Date
}

// Frequency counts the selection's events per week or month by type, and
// the previous period's events in buckets cut the same way. An event is
// counted once, in the bucket of its first day within the period; an event
// known only to the week or month (time_precision 2 or 3) is counted at its
// recorded date, as ACLED's own weekly figures do.
func (s Selection) Frequency() Frequency {
	g := s.Period.Granularity()
	f := Frequency{Granularity: g, PreviousCovered: s.PreviousCovered(), Cutoff: s.Cutoff()}
	current, previous := s.Period.Buckets(g), s.Previous.Buckets(g)
	if n := len(current); len(previous) > n {
		// A longer previous period (January against February, by week)
		// ends in its last aligned bucket, so that every one of its days is
		// counted.
		previous[n-1].To = s.Previous.To
		previous = previous[:n]
	}
	for i, b := range current {
		width := 7
		if g == Monthly {
			width = b.From.firstOfMonth(0).DaysUntil(b.From.firstOfMonth(1))
		}
		f.Buckets = append(f.Buckets, Bucket{Period: b, Width: width, CoveredDays: s.Coverage.Days(b)})
		if i < len(previous) {
			f.Buckets[i].PreviousPeriod = previous[i]
		}
	}
	// Events come by date, and so do the days they are counted on: the
	// bucket of each is found from the bucket of the one before, and the
	// search starts over only for an event out of order.
	place := func(events []Event, within Period, bucket func(*Bucket) (Period, *TypeCounts)) {
		j := 0
		for i := range events {
			e := &events[i]
			day := e.Date
			if day.Before(within.From) {
				day = within.From
			}
			if j < len(f.Buckets) {
				if days, _ := bucket(&f.Buckets[j]); day.Before(days.From) {
					j = 0
				}
			} else {
				j = 0
			}
			for j < len(f.Buckets) {
				days, _ := bucket(&f.Buckets[j])
				if !days.To.Before(day) {
					break
				}
				j++
			}
			if j == len(f.Buckets) {
				continue
			}
			if days, counts := bucket(&f.Buckets[j]); days.Contains(day) {
				counts.add(e)
			}
		}
	}
	place(s.Events, s.Period, func(b *Bucket) (Period, *TypeCounts) { return b.Period, &b.Counts })
	if f.PreviousCovered {
		place(s.PreviousEvents, s.Previous, func(b *Bucket) (Period, *TypeCounts) { return b.PreviousPeriod, &b.Previous })
	}
	return f
}

// Totals sums the buckets: every event of the period, and of the previous
// period when it is covered (zero otherwise: check PreviousCovered), by
// type. Events recorded in buckets that are not covered are included, as
// the key figures include them; Drawn leaves them out.
func (f Frequency) Totals() (current, previous TypeCounts) {
	for _, b := range f.Buckets {
		for i := range NumEventTypes {
			current[i] += b.Counts[i]
			previous[i] += b.Previous[i]
		}
	}
	return current, previous
}

// Drawn sums the buckets that are covered, the ones a chart draws, by
// type; Uncovered sums the events recorded in the others.
func (f Frequency) Drawn() (drawn, uncovered TypeCounts) {
	for _, b := range f.Buckets {
		dst := &drawn
		if !b.Covered() {
			dst = &uncovered
		}
		for i := range NumEventTypes {
			dst[i] += b.Counts[i]
		}
	}
	return drawn, uncovered
}

// CorridorCount is what the period's events did to one corridor.
type CorridorCount struct {
	Corridor *Corridor
	// Counts holds every event that names the corridor, by type.
	Counts TypeCounts
	// Violence holds the events of political violence that hit it, by
	// type: the corridor's hits.
	Violence TypeCounts
}

// Hits returns the events of political violence that hit the corridor.
func (c CorridorCount) Hits() int { return c.Violence.Total() }

// Hit reports whether political violence hit the corridor in the period.
func (c CorridorCount) Hit() bool { return c.Hits() > 0 }

// Corridors counts the selection's events per corridor they name, by type,
// and apart from them the hits: the events of political violence. Only
// corridors some event names are listed; most hit first, then those with
// the most events of other kinds (a blockade declared, a convoy looted),
// ties by short name. An event that names two corridors counts for each.
func (s Selection) Corridors() []CorridorCount {
	counts := map[string]*CorridorCount{}
	for i := range s.Events {
		e := &s.Events[i]
		for _, id := range e.Corridors {
			cor, ok := s.Dataset.Corridor(id)
			if !ok {
				continue
			}
			c := counts[id]
			if c == nil {
				c = &CorridorCount{Corridor: cor}
				counts[id] = c
			}
			c.Counts.add(e)
			if e.Disorder().Has(PoliticalViolence) {
				c.Violence.add(e)
			}
		}
	}
	out := make([]CorridorCount, 0, len(counts))
	for _, c := range counts {
		out = append(out, *c)
	}
	slices.SortFunc(out, func(a, b CorridorCount) int {
		return cmp.Or(cmp.Compare(b.Hits(), a.Hits()), cmp.Compare(b.Counts.Total(), a.Counts.Total()),
			cmp.Compare(a.Corridor.Short.String(), b.Corridor.Short.String()), cmp.Compare(a.Corridor.ID, b.Corridor.ID))
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
	// Violence is the events of political violence at the place, and
	// Approximate those of them located only near it or in its region
	// (geo_precision 2 or 3).
	Violence, Approximate int
}

// Places counts the selection's events per place: only places with events,
// most first, ties by name.
func (s Selection) Places() []PlaceCount {
	counts := map[string]*PlaceCount{}
	for i := range s.Events {
		e := &s.Events[i]
		p, ok := s.Dataset.Place(e.Place)
		if !ok {
			continue
		}
		c := counts[e.Place]
		if c == nil {
			c = &PlaceCount{Place: p}
			counts[e.Place] = c
		}
		c.Counts.add(e)
		if e.Disorder().Has(PoliticalViolence) {
			c.Violence++
			if e.GeoPrecision > GeoExact {
				c.Approximate++
			}
		}
	}
	out := make([]PlaceCount, 0, len(counts))
	for _, c := range counts {
		out = append(out, *c)
	}
	slices.SortFunc(out, func(a, b PlaceCount) int {
		return cmp.Or(cmp.Compare(b.Counts.Total(), a.Counts.Total()),
			cmp.Compare(a.Place.Name.String(), b.Place.Name.String()), cmp.Compare(a.Place.ID, b.Place.ID))
	})
	return out
}

// EventSources returns the ids of the sources the selection's events
// cite, sorted, each once.
func (s Selection) EventSources() []string {
	if s.memo == nil {
		return s.eventSources()
	}
	s.memo.eventSourcesOnce.Do(func() { s.memo.eventSources = s.eventSources() })
	return slices.Clone(s.memo.eventSources)
}

func (s Selection) eventSources() []string {
	var ids []string
	for i := range s.Events {
		ids = append(ids, s.Events[i].Sources...)
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// CitedSources returns the letter's sources list: every source its
// sections' notes or the events its chronology prints cite, each once,
// sorted by publisher, date and title. Its length is the letter's count of
// sources, wherever the letter prints one. A bounded chronology bounds the
// list; [Selection.EventSources] counts the sources of every event.
func (s Selection) CitedSources() []*Source { return s.sortedSources(s.citedSourceIDs()) }

// sortedSources returns the sources of ids by publisher, date and title.
func (s Selection) sortedSources(ids []string) []*Source {
	out := make([]*Source, 0, len(ids))
	for _, id := range ids {
		if src, ok := s.Dataset.Source(id); ok {
			out = append(out, src)
		}
	}
	// The keys are made once per source, not once per comparison: a
	// period of 100,000 events has as many sources.
	type keyed struct {
		publisher, date string
		src             *Source
	}
	keys := make([]keyed, len(out))
	for i, src := range out {
		keys[i] = keyed{strings.ToLower(src.Publisher), src.Date.String(), src}
	}
	slices.SortFunc(keys, func(a, b keyed) int {
		return cmp.Or(
			cmp.Compare(a.publisher, b.publisher),
			cmp.Compare(a.date, b.date),
			cmp.Compare(a.src.Title, b.src.Title),
			cmp.Compare(a.src.ID, b.src.ID))
	})
	for i := range keys {
		out[i] = keys[i].src
	}
	return out
}

// AnnexSources returns every source the letter's notes or any event of its
// period cite, each once, in the order of [Selection.CitedSources]: the
// annex's Sources sheet, which backs every event, printed or not.
func (s Selection) AnnexSources() []*Source {
	ids := s.EventSources()
	for _, sec := range s.Letter.Sections {
		ids = append(ids, sec.Body.Notes()...)
	}
	slices.Sort(ids)
	return s.sortedSources(slices.Compact(ids))
}

// citedSourceIDs returns the ids of the letter's sources list, sorted,
// each once.
func (s Selection) citedSourceIDs() []string {
	if s.memo == nil {
		return s.citedSources()
	}
	s.memo.citedOnce.Do(func() { s.memo.cited = s.citedSources() })
	return s.memo.cited
}

func (s Selection) citedSources() []string {
	var ids []string
	for _, e := range s.Chronology().Events {
		ids = append(ids, e.Sources...)
	}
	for _, sec := range s.Letter.Sections {
		ids = append(ids, sec.Body.Notes()...)
	}
	slices.Sort(ids)
	return slices.Compact(ids)
}

// Cutoff returns the data cutoff a letter states: the last day of its
// period that the dataset covers, or the zero Date when it covers none.
func (s Selection) Cutoff() Date { return s.Coverage.LastDay(s.Period) }

// PreviousCovered reports whether every day of the comparison period is
// covered, so that a change against it means something.
func (s Selection) PreviousCovered() bool { return s.Coverage.Covers(s.Previous) }

// OutsideCoverage returns the events of the period none of whose days
// within it is covered: ad-hoc records, printed and counted, but in no
// chart bar.
func (s Selection) OutsideCoverage() []Event {
	var out []Event
	for i := range s.Events {
		e := &s.Events[i]
		span := e.Span()
		if span.From.Before(s.Period.From) {
			span.From = s.Period.From
		}
		if span.To.After(s.Period.To) {
			span.To = s.Period.To
		}
		if s.Coverage.Days(span) == 0 {
			out = append(out, *e)
		}
	}
	return out
}

// Claim is the part of a figure that one actor's own claim gives.
type Claim struct {
	Actor string
	N     int
}

// Figure is a headline sum of what events report: fatalities, people
// kidnapped or vehicles destroyed.
type Figure struct {
	Count          // the sum; not reported when no event reports it
	ReportedIn int // how many events report it
	// Claims splits the part of the sum that comes from actors' own claims
	// by claimant, largest first; the rest comes from reporting.
	Claims []Claim
}

// Claimed returns the part of the sum that comes from claims.
func (f Figure) Claimed() int {
	n := 0
	for _, c := range f.Claims {
		n += c.N
	}
	return n
}

func (f *Figure) add(e *Event, c Count) {
	if !c.Reported {
		return
	}
	f.Count = f.Count.Add(c)
	f.ReportedIn++
	if e.ClaimedBy == "" || c.N == 0 {
		return
	}
	i := slices.IndexFunc(f.Claims, func(cl Claim) bool { return cl.Actor == e.ClaimedBy })
	if i < 0 {
		f.Claims = append(f.Claims, Claim{Actor: e.ClaimedBy})
		i = len(f.Claims) - 1
	}
	f.Claims[i].N += c.N
}

// KeyFigures are the headline numbers of a letter, each computed once here
// so that every page and sheet that prints one prints the same number.
type KeyFigures struct {
	Events int // every event of the period
	// Violence is the period's events of political violence, and
	// PreviousViolence those of the comparison period, which means
	// something only when PreviousCovered.
	Violence         int
	PreviousViolence int
	PreviousCovered  bool
	// Covered is true when every day of the letter's own period is
	// covered. A change between a period whose data stop early and a whole
	// comparison period would compare unequal spans, so none is given.
	Covered        bool
	Demonstrations int
	Strategic      int // strategic developments
	CorridorsHit   int // distinct corridors hit by political violence
	Sources        int // entries of the letter's sources list
	// The sums of what events report.
	Kidnapped         Figure
	VehiclesDestroyed Figure
	Fatalities        Figure
}

// KeyFigures computes the headline numbers of the selection.
func (s Selection) KeyFigures() KeyFigures {
	// The sources list's length needs its ids, not the list sorted by
	// publisher.
	k := KeyFigures{Events: len(s.Events), PreviousCovered: s.PreviousCovered(), Covered: s.Coverage.Covers(s.Period),
		Sources: len(s.citedSourceIDs())}
	hit := map[string]bool{}
	for i := range s.Events {
		e := &s.Events[i]
		d := e.Disorder()
		if d.Has(PoliticalViolence) {
			k.Violence++
			for _, c := range e.Corridors {
				hit[c] = true
			}
		}
		if d.Has(Demonstrations) {
			k.Demonstrations++
		}
		if d.Has(StrategicDisorder) {
			k.Strategic++
		}
		k.Kidnapped.add(e, e.Kidnapped)
		k.VehiclesDestroyed.add(e, e.VehiclesDestroyed)
		k.Fatalities.add(e, e.Fatalities)
	}
	for _, f := range []*Figure{&k.Kidnapped, &k.VehiclesDestroyed, &k.Fatalities} {
		slices.SortStableFunc(f.Claims, func(a, b Claim) int { return cmp.Or(cmp.Compare(b.N, a.N), cmp.Compare(a.Actor, b.Actor)) })
	}
	if k.PreviousCovered {
		for i := range s.PreviousEvents {
			if s.PreviousEvents[i].Disorder().Has(PoliticalViolence) {
				k.PreviousViolence++
			}
		}
	}
	k.CorridorsHit = len(hit)
	return k
}

// Change returns the change in events of political violence against the
// previous period, in per cent. ok is false when either period is not
// wholly covered, or the previous one had none, where a percentage means
// nothing.
func (k KeyFigures) Change() (percent float64, ok bool) {
	if !k.Covered || !k.PreviousCovered || k.PreviousViolence == 0 {
		return 0, false
	}
	return float64(k.Violence-k.PreviousViolence) / float64(k.PreviousViolence) * 100, true
}
