package report

import (
	"cmp"
	"slices"
)

// Info is what data/dataset.yaml declares about the dataset as a whole:
// its name, the language of its plain-string texts and the periods it was
// collected over.
type Info struct {
	Name     Text // printed under every figure and in the methodology
	Language string
	// Coverage lists the periods collected systematically. When the data
	// folder declares none, it holds one entry from the earliest event's
	// first day to the latest event's last day, and Declared is false.
	Coverage []CoverageEntry
	Declared bool
	Pos      Position
}

// CoverageEntry is one period the dataset was collected over, for some
// countries or, when Countries is empty, for every country.
type CoverageEntry struct {
	Period
	Countries []string
	Pos       Position
}

// applies reports whether the entry covers every one of the countries.
func (c CoverageEntry) applies(countries []string) bool {
	if len(c.Countries) == 0 {
		return true
	}
	for _, code := range countries {
		if !slices.Contains(c.Countries, code) {
			return false
		}
	}
	return true
}

// Coverage is the set of days a letter can count on: the union of the
// dataset's coverage entries that cover every country of the letter's
// scope, as sorted, disjoint periods. Days outside it were not collected:
// their absence of events means nothing, and no figure may present them
// as quiet.
type Coverage []Period

// coverageFor merges the entries that apply to the countries.
func coverageFor(entries []CoverageEntry, countries []string) Coverage {
	var spans []Period
	for _, e := range entries {
		if e.applies(countries) && !e.From.IsZero() && !e.To.IsZero() && !e.From.After(e.To) {
			spans = append(spans, e.Period)
		}
	}
	slices.SortFunc(spans, func(a, b Period) int { return cmp.Or(a.From.Compare(b.From), a.To.Compare(b.To)) })
	var out Coverage
	for _, p := range spans {
		if n := len(out); n > 0 && !p.From.After(out[n-1].To.AddDays(1)) {
			if p.To.After(out[n-1].To) {
				out[n-1].To = p.To
			}
			continue
		}
		out = append(out, p)
	}
	return out
}

// Contains reports whether the day is covered.
func (c Coverage) Contains(d Date) bool {
	i, found := slices.BinarySearchFunc(c, d, func(p Period, d Date) int { return p.To.Compare(d) })
	if found {
		return true
	}
	return i < len(c) && c[i].Contains(d)
}

// Days returns how many days of p are covered.
func (c Coverage) Days(p Period) int {
	n := 0
	for _, q := range c.Within(p) {
		n += q.Days()
	}
	return n
}

// Covers reports whether every day of p is covered.
func (c Coverage) Covers(p Period) bool { return c.Days(p) == p.Days() }

// Within returns the covered parts of p.
func (c Coverage) Within(p Period) []Period {
	var out []Period
	for _, q := range c {
		if !q.Overlaps(p) {
			continue
		}
		from, to := q.From, q.To
		if from.Before(p.From) {
			from = p.From
		}
		if to.After(p.To) {
			to = p.To
		}
		out = append(out, Period{from, to})
	}
	return out
}

// LastDay returns the last covered day of p, or the zero Date when no day
// of p is covered.
func (c Coverage) LastDay(p Period) Date {
	parts := c.Within(p)
	if len(parts) == 0 {
		return Date{}
	}
	return parts[len(parts)-1].To
}

// Countries returns the countries a letter's scope covers: those it names,
// or else the countries of the places its regions or corridors hold, or
// else every country of the dataset. A coverage entry limited to some
// countries applies to the letter only when it includes all of them.
func (ds *Dataset) Countries(sc Scope) []string {
	if len(sc.Countries) > 0 {
		return sortedSet(sc.Countries)
	}
	var out []string
	switch {
	case len(sc.Admin1) > 0:
		for _, p := range ds.Places {
			if slices.Contains(sc.Admin1, p.Admin1) {
				out = append(out, p.Country)
			}
		}
	case len(sc.Corridors) > 0:
		for _, id := range sc.Corridors {
			if c, ok := ds.Corridor(id); ok {
				for _, via := range c.Via {
					if p, ok := ds.Place(via); ok {
						out = append(out, p.Country)
					}
				}
			}
		}
	default:
		for _, p := range ds.Places {
			out = append(out, p.Country)
		}
	}
	return sortedSet(out)
}

func sortedSet(s []string) []string {
	out := slices.Clone(s)
	slices.Sort(out)
	return slices.Compact(out)
}

// implicitCoverage is the coverage of a dataset that declares none: from
// its earliest event to its latest, for every country.
func implicitCoverage(events []Event) []CoverageEntry {
	if len(events) == 0 {
		return nil
	}
	first, last := events[0].Date, events[0].Span().To
	for i := range events {
		span := events[i].Span()
		if span.From.Before(first) {
			first = span.From
		}
		if span.To.After(last) {
			last = span.To
		}
	}
	return []CoverageEntry{{Period: Period{first, last}}}
}
