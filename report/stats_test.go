package report_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"briefing/report"
)

// The events of testdata/stats, by date: e8 2025-06-01 Protests (month
// precision), e6 06-15 Battles, e5 06-30→07-02 Battles, e1 07-01 Battles,
// e2 07-07 Violence against civilians, e3 07-08 Strategic developments,
// e4 07-31 Explosions (Senegal), e7 08-01 Riots (mob violence, so political
// violence). The fixture declares no coverage: it counts as covered from
// 2025-06-01 to 2025-08-01, its first and last events. Every expected value
// below was worked out by hand from that list.

func loadStats(t *testing.T) *report.Dataset {
	t.Helper()
	ds, diags := report.Load("testdata/stats")
	if diags.HasErrors() {
		t.Fatalf("stats fixture does not load:\n%v", diags)
	}
	return ds
}

func selectLetter(t *testing.T, ds *report.Dataset, id string) report.Selection {
	t.Helper()
	l, ok := ds.Letter(id)
	if !ok {
		t.Fatalf("no letter %q", id)
	}
	return ds.Select(l)
}

func ids(events []report.Event) string {
	var s []string
	for _, e := range events {
		s = append(s, e.ID)
	}
	return strings.Join(s, " ")
}

func TestSelect(t *testing.T) {
	ds := loadStats(t)
	tests := []struct {
		letter, events, previous, previousPeriod string
	}{
		// e5 starts in June and ends in July: it belongs to both periods.
		// A calendar month is compared with the month before.
		{"july", "e5 e1 e2 e3 e4", "e8 e6 e5", "2025-06-01/2025-06-30"},
		{"ml-only", "e5 e1 e2 e3", "e6 e5", "2025-06-01/2025-06-30"},
		{"segou", "e5 e3", "e5", "2025-06-01/2025-06-30"},
		{"corridor-rs", "e2 e3", "", "2025-06-01/2025-06-30"},
		{"empty", "", "e7", "2025-08-01/2025-08-31"},
		// Any other period is compared with as many days before it.
		{"one-day", "e2", "", "2025-07-06/2025-07-06"},
		{"year", "e8 e6 e5 e1 e2 e3 e4 e7", "", "2024-01-01/2024-12-31"},
	}
	for _, tt := range tests {
		t.Run(tt.letter, func(t *testing.T) {
			s := selectLetter(t, ds, tt.letter)
			if got := ids(s.Events); got != tt.events {
				t.Errorf("events = %q, want %q", got, tt.events)
			}
			if got := ids(s.PreviousEvents); got != tt.previous {
				t.Errorf("previous events = %q, want %q", got, tt.previous)
			}
			if got := s.Previous.String(); got != tt.previousPeriod {
				t.Errorf("previous period = %s, want %s", got, tt.previousPeriod)
			}
		})
	}
}

// counts formats type counts as "B2 V1" (Battles, Explosions, Violence
// against civilians, Protests, Riots, Strategic developments), omitting
// zeros, and "-" when empty.
func counts(c report.TypeCounts) string {
	var parts []string
	for i, n := range c {
		if n > 0 {
			parts = append(parts, fmt.Sprintf("%c%d", "BEVPRS"[i], n))
		}
	}
	if len(parts) == 0 {
		return "-"
	}
	return strings.Join(parts, " ")
}

func TestFrequency(t *testing.T) {
	ds := loadStats(t)
	tests := []struct {
		letter      string
		granularity report.Granularity
		// one "FROM/TO counts [coverage] | PREVIOUS-FROM/TO counts" per
		// bucket; the coverage is written only when not the whole bucket
		buckets []string
	}{
		{"july", report.Weekly, []string{
			// e5 counts on 1 July, its first day within the period; in the
			// previous period it counts on its own first day, 30 June.
			"2025-07-01/2025-07-07 B2 V1 | 2025-06-01/2025-06-07 P1",
			"2025-07-08/2025-07-14 S1 | 2025-06-08/2025-06-14 -",
			"2025-07-15/2025-07-21 - | 2025-06-15/2025-06-21 B1",
			"2025-07-22/2025-07-28 - | 2025-06-22/2025-06-28 -",
			// The last bucket has three days of seven.
			"2025-07-29/2025-07-31 E1 [3 of 7 days] | 2025-06-29/2025-06-30 B1",
		}},
		{"one-day", report.Weekly, []string{"2025-07-07/2025-07-07 V1 [1 of 7 days] | 2025-07-06/2025-07-06 -"}},
		// September is past the last event: not covered. August is covered
		// for its first day only, so its riot is not compared against.
		{"empty", report.Weekly, []string{
			"2025-09-01/2025-09-07 - [not covered] | 2025-08-01/2025-08-07 -",
			"2025-09-08/2025-09-14 - [not covered] | 2025-08-08/2025-08-14 -",
			"2025-09-15/2025-09-21 - [not covered] | 2025-08-15/2025-08-21 -",
			"2025-09-22/2025-09-28 - [not covered] | 2025-08-22/2025-08-28 -",
			"2025-09-29/2025-09-30 - [not covered] | 2025-08-29/2025-08-31 -",
		}},
		{"year", report.Monthly, []string{
			"2025-01-01/2025-01-31 - [not covered] | 2024-01-01/2024-01-31 -",
			"2025-02-01/2025-02-28 - [not covered] | 2024-02-01/2024-02-29 -",
			"2025-03-01/2025-03-31 - [not covered] | 2024-03-01/2024-03-31 -",
			"2025-04-01/2025-04-30 - [not covered] | 2024-04-01/2024-04-30 -",
			"2025-05-01/2025-05-31 - [not covered] | 2024-05-01/2024-05-31 -",
			"2025-06-01/2025-06-30 B2 P1 | 2024-06-01/2024-06-30 -",
			"2025-07-01/2025-07-31 B1 E1 V1 S1 | 2024-07-01/2024-07-31 -",
			"2025-08-01/2025-08-31 R1 [1 of 31 days] | 2024-08-01/2024-08-31 -",
			"2025-09-01/2025-09-30 - [not covered] | 2024-09-01/2024-09-30 -",
			"2025-10-01/2025-10-31 - [not covered] | 2024-10-01/2024-10-31 -",
			"2025-11-01/2025-11-30 - [not covered] | 2024-11-01/2024-11-30 -",
			"2025-12-01/2025-12-31 - [not covered] | 2024-12-01/2024-12-31 -",
		}},
	}
	for _, tt := range tests {
		t.Run(tt.letter, func(t *testing.T) {
			f := selectLetter(t, ds, tt.letter).Frequency()
			if f.Granularity != tt.granularity {
				t.Errorf("granularity = %v, want %v", f.Granularity, tt.granularity)
			}
			var got []string
			for _, b := range f.Buckets {
				got = append(got, fmt.Sprintf("%s %s%s | %s %s", b.Period, counts(b.Counts), bucketCoverage(b), b.PreviousPeriod, counts(b.Previous)))
			}
			if !slices.Equal(got, tt.buckets) {
				t.Errorf("buckets:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.buckets, "\n"))
			}
		})
	}
}

// bucketCoverage writes a bucket's coverage when it is not whole.
func bucketCoverage(b report.Bucket) string {
	switch {
	case !b.Covered():
		return " [not covered]"
	case b.Partial():
		return fmt.Sprintf(" [%d of %d days]", b.CoveredDays, b.Width)
	}
	return ""
}

func TestGranularity(t *testing.T) {
	tests := []struct {
		from, to string
		want     report.Granularity
	}{
		{"2025-06-01", "2025-09-30", report.Weekly}, // 122 days, the sample letter
		{"2025-06-01", "2025-10-04", report.Weekly}, // 126 days, the limit
		{"2025-06-01", "2025-10-05", report.Monthly},
	}
	for _, tt := range tests {
		from, _ := report.ParseDate(tt.from)
		to, _ := report.ParseDate(tt.to)
		if got := (report.Period{From: from, To: to}).Granularity(); got != tt.want {
			t.Errorf("%s/%s: granularity %v, want %v", tt.from, tt.to, got, tt.want)
		}
	}
}

func TestCorridorsTargetsPlaces(t *testing.T) {
	ds := loadStats(t)
	tests := []struct {
		letter, corridors, targets, places string
	}{
		// K–S is named by a violent event (e2) and a strategic one (e3):
		// one hit.
		{"july", "RN1[B1 E1 V1 hits 3] K–S[V1 S1 hits 1]", "military:3 transport:2 state:1 fuel:1 civilians:1", "Kayes[B1 V1 violence 2] Ségou[B1 S1 violence 1] Tambacounda[E1 violence 1]"},
		// Ties keep the order of report.TargetTags. A looting is named on
		// K–S, but nothing violent hit it.
		{"segou", "K–S[S1 hits 0]", "military:1 state:1 transport:1 fuel:1", "Ségou[B1 S1 violence 1]"},
		{"empty", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.letter, func(t *testing.T) {
			s := selectLetter(t, ds, tt.letter)
			var cor, tags, places []string
			for _, c := range s.Corridors() {
				cor = append(cor, fmt.Sprintf("%s[%s hits %d]", c.Corridor.Short, counts(c.Counts), c.Hits()))
			}
			for _, c := range s.Targets() {
				tags = append(tags, fmt.Sprintf("%s:%d", c.Tag, c.N))
			}
			for _, c := range s.Places() {
				places = append(places, fmt.Sprintf("%s[%s violence %d]", c.Place.Name, counts(c.Counts), c.Violence))
			}
			if got := strings.Join(cor, " "); got != tt.corridors {
				t.Errorf("corridors = %q, want %q", got, tt.corridors)
			}
			if got := strings.Join(tags, " "); got != tt.targets {
				t.Errorf("targets = %q, want %q", got, tt.targets)
			}
			if got := strings.Join(places, " "); got != tt.places {
				t.Errorf("places = %q, want %q", got, tt.places)
			}
		})
	}
}

func TestKeyFigures(t *testing.T) {
	ds := loadStats(t)
	// figure writes a key figure as "SUM/EVENTS-REPORTING claims", or "-".
	figure := func(f report.Figure) string {
		if !f.Reported {
			return "-"
		}
		out := fmt.Sprintf("%d/%d", f.N, f.ReportedIn)
		for _, c := range f.Claims {
			out += fmt.Sprintf(" %s:%d", c.Actor, c.N)
		}
		return out
	}
	tests := []struct {
		letter string
		// events, political violence, previous political violence,
		// strategic developments, demonstrations, corridors hit
		events, violence, previous, strategic, demonstrations, corridors int
		previousCovered                                                  bool
		kidnapped, vehicles, fatalities                                  string
		change                                                           string // "" when there is no percentage
		cutoff                                                           string
	}{
		// e3, the looting, is not violence; e8, the protest, is not either.
		// e1's three deaths are X's own claim.
		{"july", 5, 4, 2, 1, 0, 2, true, "6/1", "3/1", "3/1 X:3", "+100.0", "2025-07-31"},
		{"ml-only", 4, 3, 2, 1, 0, 2, true, "6/1", "3/1", "3/1 X:3", "+50.0", "2025-07-31"},
		// Neither e3 nor e5 reports kidnappings or deaths: not reported, not
		// 0. Only e3, a looting, names a corridor: none is hit.
		{"segou", 2, 1, 1, 1, 0, 0, true, "-", "3/1", "-", "+0.0", "2025-07-31"},
		// September is not covered, August only on its first day: no
		// comparison and no cutoff.
		{"empty", 0, 0, 0, 0, 0, 0, false, "-", "-", "-", "", ""},
		// The day before is covered and quiet: no percentage of nothing.
		{"one-day", 1, 1, 0, 0, 0, 2, true, "6/1", "-", "-", "", "2025-07-07"},
		// e7 is mob violence (political violence), e8 a peaceful protest.
		{"year", 8, 6, 0, 1, 1, 2, false, "6/1", "3/1", "3/1 X:3", "", "2025-08-01"},
	}
	for _, tt := range tests {
		t.Run(tt.letter, func(t *testing.T) {
			s := selectLetter(t, ds, tt.letter)
			k := s.KeyFigures()
			got := fmt.Sprintf("%d %d %d %d %d %d %v", k.Events, k.Violence, k.PreviousViolence, k.Strategic, k.Demonstrations, k.CorridorsHit, k.PreviousCovered)
			want := fmt.Sprintf("%d %d %d %d %d %d %v", tt.events, tt.violence, tt.previous, tt.strategic, tt.demonstrations, tt.corridors, tt.previousCovered)
			if got != want {
				t.Errorf("events violence previous strategic demonstrations corridors covered = %s; want %s", got, want)
			}
			if got, want := figure(k.Kidnapped)+" "+figure(k.VehiclesDestroyed)+" "+figure(k.Fatalities), tt.kidnapped+" "+tt.vehicles+" "+tt.fatalities; got != want {
				t.Errorf("kidnapped vehicles fatalities = %s; want %s", got, want)
			}
			change := ""
			if pct, ok := k.Change(); ok {
				change = fmt.Sprintf("%+.1f", pct)
			}
			if change != tt.change {
				t.Errorf("change = %q, want %q", change, tt.change)
			}
			if got := s.Cutoff().String(); got != tt.cutoff {
				t.Errorf("cutoff = %q, want %q", got, tt.cutoff)
			}
			if k.Sources != len(s.CitedSources()) || k.Sources != 1 {
				t.Errorf("sources = %d, want 1, the length of the sources list (%d)", k.Sources, len(s.CitedSources()))
			}
		})
	}
}

func TestCountString(t *testing.T) {
	if got := (report.Count{}).String(); got != "" {
		t.Errorf("unreported count prints %q, want empty", got)
	}
	if got := report.Reported(0).String(); got != "0" {
		t.Errorf("reported zero prints %q, want 0", got)
	}
}

// TestFrequencyLongerPrevious: February counted by week has four buckets,
// January five; January's last days still count, in the last bucket.
func TestFrequencyLongerPrevious(t *testing.T) {
	ds := loadStats(t)
	feb := period(t, "2025-02-01", "2025-02-28")
	jan := feb.Previous()
	day := func(s string) report.Date { d, _ := report.ParseDate(s); return d }
	sel := report.Selection{Dataset: ds, Period: feb, Previous: jan, Coverage: report.Coverage{{From: jan.From, To: feb.To}},
		PreviousEvents: []report.Event{{ID: "a", Date: day("2025-01-30"), EventType: report.Riots}, {ID: "b", Date: day("2025-01-03"), EventType: report.Battles}}}
	f := sel.Frequency()
	if len(f.Buckets) != 4 {
		t.Fatalf("%d buckets, want 4", len(f.Buckets))
	}
	if got := f.Buckets[3].PreviousPeriod.String(); got != "2025-01-22/2025-01-31" {
		t.Errorf("last previous bucket = %s, want 2025-01-22/2025-01-31", got)
	}
	if _, prev := f.Totals(); prev.Total() != 2 {
		t.Errorf("previous total = %d, want 2", prev.Total())
	}
}
