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
// e4 07-31 Explosions (Senegal), e7 08-01 Riots. Every expected value below
// was worked out by hand from that list.

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
		// one "FROM/TO counts | PREVIOUS-FROM/TO counts" per bucket
		buckets []string
	}{
		{"july", report.Weekly, []string{
			// e5 counts on 1 July, its first day within the period; in the
			// previous period it counts on its own first day, 30 June.
			"2025-07-01/2025-07-07 B2 V1 | 2025-06-01/2025-06-07 P1",
			"2025-07-08/2025-07-14 S1 | 2025-06-08/2025-06-14 -",
			"2025-07-15/2025-07-21 - | 2025-06-15/2025-06-21 B1",
			"2025-07-22/2025-07-28 - | 2025-06-22/2025-06-28 -",
			"2025-07-29/2025-07-31 E1 | 2025-06-29/2025-06-30 B1",
		}},
		{"one-day", report.Weekly, []string{"2025-07-07/2025-07-07 V1 | 2025-07-06/2025-07-06 -"}},
		{"empty", report.Weekly, []string{
			"2025-09-01/2025-09-07 - | 2025-08-01/2025-08-07 R1",
			"2025-09-08/2025-09-14 - | 2025-08-08/2025-08-14 -",
			"2025-09-15/2025-09-21 - | 2025-08-15/2025-08-21 -",
			"2025-09-22/2025-09-28 - | 2025-08-22/2025-08-28 -",
			"2025-09-29/2025-09-30 - | 2025-08-29/2025-08-31 -",
		}},
		{"year", report.Monthly, []string{
			"2025-01-01/2025-01-31 - | 2024-01-01/2024-01-31 -",
			"2025-02-01/2025-02-28 - | 2024-02-01/2024-02-29 -",
			"2025-03-01/2025-03-31 - | 2024-03-01/2024-03-31 -",
			"2025-04-01/2025-04-30 - | 2024-04-01/2024-04-30 -",
			"2025-05-01/2025-05-31 - | 2024-05-01/2024-05-31 -",
			"2025-06-01/2025-06-30 B2 P1 | 2024-06-01/2024-06-30 -",
			"2025-07-01/2025-07-31 B1 E1 V1 S1 | 2024-07-01/2024-07-31 -",
			"2025-08-01/2025-08-31 R1 | 2024-08-01/2024-08-31 -",
			"2025-09-01/2025-09-30 - | 2024-09-01/2024-09-30 -",
			"2025-10-01/2025-10-31 - | 2024-10-01/2024-10-31 -",
			"2025-11-01/2025-11-30 - | 2024-11-01/2024-11-30 -",
			"2025-12-01/2025-12-31 - | 2024-12-01/2024-12-31 -",
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
				got = append(got, fmt.Sprintf("%s %s | %s %s", b.Period, counts(b.Counts), b.PreviousPeriod, counts(b.Previous)))
			}
			if !slices.Equal(got, tt.buckets) {
				t.Errorf("buckets:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.buckets, "\n"))
			}
		})
	}
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
		{"july", "RN1[B1 E1 V1] K–S[V1 S1]", "military:3 transport:2 state:1 fuel:1 civilians:1", "Kayes[B1 V1] Ségou[B1 S1] Tambacounda[E1]"},
		// Ties keep the order of report.TargetTags.
		{"segou", "K–S[S1]", "military:1 state:1 transport:1 fuel:1", "Ségou[B1 S1]"},
		{"empty", "", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.letter, func(t *testing.T) {
			s := selectLetter(t, ds, tt.letter)
			var cor, tags, places []string
			for _, c := range s.Corridors() {
				cor = append(cor, fmt.Sprintf("%s[%s]", c.Corridor.Short, counts(c.Counts)))
			}
			for _, c := range s.Targets() {
				tags = append(tags, fmt.Sprintf("%s:%d", c.Tag, c.N))
			}
			for _, c := range s.Places() {
				places = append(places, fmt.Sprintf("%s[%s]", c.Place.Name, counts(c.Counts)))
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
	notReported := report.Count{}
	tests := []struct {
		letter                          string
		events, previous, corridors     int
		kidnapped, vehicles, fatalities report.Count
		change                          string // "" when there is no percentage
		cutoff                          string
	}{
		{"july", 5, 3, 2, report.Reported(6), report.Reported(3), report.Reported(3), "+66.7", "2025-07-31"},
		{"ml-only", 4, 2, 2, report.Reported(6), report.Reported(3), report.Reported(3), "+100.0", "2025-07-08"},
		// Neither e3 nor e5 reports kidnappings or deaths: not reported, not 0.
		{"segou", 2, 1, 1, notReported, report.Reported(3), notReported, "+100.0", "2025-07-08"},
		{"empty", 0, 1, 0, notReported, notReported, notReported, "-100.0", ""},
		{"one-day", 1, 0, 2, report.Reported(6), notReported, notReported, "", "2025-07-07"},
	}
	for _, tt := range tests {
		t.Run(tt.letter, func(t *testing.T) {
			s := selectLetter(t, ds, tt.letter)
			k := s.KeyFigures()
			if k.Events != tt.events || k.PreviousEvents != tt.previous || k.CorridorsHit != tt.corridors {
				t.Errorf("events, previous, corridors = %d, %d, %d; want %d, %d, %d", k.Events, k.PreviousEvents, k.CorridorsHit, tt.events, tt.previous, tt.corridors)
			}
			if k.Kidnapped != tt.kidnapped || k.VehiclesDestroyed != tt.vehicles || k.Fatalities != tt.fatalities {
				t.Errorf("kidnapped, vehicles, fatalities = %+v, %+v, %+v; want %+v, %+v, %+v", k.Kidnapped, k.VehiclesDestroyed, k.Fatalities, tt.kidnapped, tt.vehicles, tt.fatalities)
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
	sel := report.Selection{Dataset: ds, Period: feb, Previous: jan,
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
