package report_test

import (
	"fmt"
	"slices"
	"strings"
	"testing"

	"briefing/report"
)

// The coverage fixture declares 2025-03-01–05-31 for every country,
// 06-01–07-20 for ML and SN, and 07-15–08-10 for ML alone. Its events: c1
// 07-02 Battles (Kayes, ML), c2 07-18 Strategic development (Kayes), c3
// 07-25 Explosions (Tambacounda, SN), c4 06-10 Battles (Kayes), c5 08-05
// Battles (Ségou, ML). Every answer below was worked out by hand.
func TestCoverage(t *testing.T) {
	ds, diags := report.Load("testdata/coverage")
	if diags.HasErrors() {
		t.Fatalf("coverage fixture has diagnostics:\n%v", diags)
	}
	tests := []struct {
		letter   string
		coverage string // the merged coverage of the letter's countries
		cutoff   string
		previous bool   // the comparison period is fully covered
		buckets  string // "COUNTS[COVERAGE]" per week, as in TestFrequency
		outside  string // ids of the events outside the coverage
	}{
		// Every entry covers ML: March to 10 August without a gap (31 May
		// and 1 June touch).
		{"ml-july", "2025-03-01/2025-08-10", "2025-07-31", true,
			"B1, -, S1, -, - [3 of 7 days]", ""},
		// The ML-only entry does not cover a letter on ML and SN: its data
		// stops on 20 July. The week of 15 July has six covered days, the
		// last two weeks none; c3 falls in them and is counted but drawn
		// nowhere.
		{"ml-sn-july", "2025-03-01/2025-07-20", "2025-07-20", true,
			"B1, -, S1 [6 of 7 days], E1 [not covered], - [not covered]", "c3"},
		// August is not covered for SN at all; July only until the 20th, so
		// there is no comparison either.
		{"sn-august", "2025-03-01/2025-07-20", "", false,
			"- [not covered], - [not covered], - [not covered], - [not covered], - [not covered]", ""},
		// Only the entry for every country covers Mauritania: June is not
		// covered, but May, its comparison period, is.
		{"mr-june", "2025-03-01/2025-05-31", "", true,
			"- [not covered], - [not covered], - [not covered], - [not covered], - [not covered]", ""},
		// A letter without a scope is about every country of the dataset
		// (ML, MR, SN): only the entry for every country applies, and all of
		// July's events are ad-hoc records.
		{"all-july", "2025-03-01/2025-05-31", "", false,
			"B1 [not covered], - [not covered], S1 [not covered], E1 [not covered], - [not covered]", "c1 c2 c3"},
		// A scope by region is about the countries of its places: Kayes is
		// in ML.
		{"kayes-july", "2025-03-01/2025-08-10", "2025-07-31", true,
			"B1, -, S1, -, - [3 of 7 days]", ""},
	}
	for _, tt := range tests {
		t.Run(tt.letter, func(t *testing.T) {
			s := selectLetter(t, ds, tt.letter)
			var spans []string
			for _, p := range s.Coverage {
				spans = append(spans, p.String())
			}
			if got := strings.Join(spans, " "); got != tt.coverage {
				t.Errorf("coverage = %s, want %s", got, tt.coverage)
			}
			if got := s.Cutoff().String(); got != tt.cutoff {
				t.Errorf("cutoff = %q, want %q", got, tt.cutoff)
			}
			f := s.Frequency()
			if s.PreviousCovered() != tt.previous || f.PreviousCovered != tt.previous || s.KeyFigures().PreviousCovered != tt.previous {
				t.Errorf("previous period covered = %v, want %v", s.PreviousCovered(), tt.previous)
			}
			if f.Cutoff != s.Cutoff() {
				t.Errorf("frequency cutoff %s differs from the selection's %s", f.Cutoff, s.Cutoff())
			}
			var buckets []string
			for _, b := range f.Buckets {
				buckets = append(buckets, counts(b.Counts)+bucketCoverage(b))
			}
			if got := strings.Join(buckets, ", "); got != tt.buckets {
				t.Errorf("buckets = %s\nwant      %s", got, tt.buckets)
			}
			if got := ids(s.OutsideCoverage()); got != tt.outside {
				t.Errorf("outside coverage = %q, want %q", got, tt.outside)
			}
			// What a chart draws and what it leaves out add up to the
			// period's events.
			drawn, uncovered := f.Drawn()
			if drawn.Total()+uncovered.Total() != len(s.Events) || uncovered.Total() != len(s.OutsideCoverage()) {
				t.Errorf("drawn %d + uncovered %d events; the period has %d, %d outside the coverage",
					drawn.Total(), uncovered.Total(), len(s.Events), len(s.OutsideCoverage()))
			}
		})
	}
}

// TestCoverageComparison: the change is given only against a fully
// covered comparison period.
func TestCoverageComparison(t *testing.T) {
	ds, _ := report.Load("testdata/coverage")
	tests := []struct {
		letter, change string
		violence, prev int
	}{
		{"ml-july", "+0", 1, 1}, // c1 against c4
		// c1 and c3 against c4, but July is covered only to the 20th: no
		// percentage between unequal spans.
		{"ml-sn-july", "", 2, 1},
		{"mr-june", "", 0, 0},      // May is covered and quiet: no percentage of nothing
		{"all-july", "", 3 - 1, 0}, // June is not covered for MR: no comparison
	}
	for _, tt := range tests {
		k := selectLetter(t, ds, tt.letter).KeyFigures()
		change := ""
		if pct, ok := k.Change(); ok {
			change = fmt.Sprintf("%+.0f", pct)
		}
		if change != tt.change || k.Violence != tt.violence || k.PreviousViolence != tt.prev {
			t.Errorf("%s: change %q, violence %d, previous %d; want %q, %d, %d", tt.letter, change, k.Violence, k.PreviousViolence, tt.change, tt.violence, tt.prev)
		}
	}
}

// TestNoCoverageDeclared: a data folder without dataset.yaml counts as
// covered from its first event to its last, and validate says so once.
func TestNoCoverageDeclared(t *testing.T) {
	ds, diags := report.Load("testdata/stats")
	var warnings []string
	for _, d := range diags {
		if strings.Contains(d.String(), "no coverage declared") {
			warnings = append(warnings, d.String())
		}
	}
	want := "testdata/stats/dataset.yaml: warning: no coverage declared: the dataset counts as collected from its earliest event (2025-06-01) to its latest (2025-08-01), for every country"
	if len(warnings) != 1 || !strings.HasPrefix(warnings[0], want) {
		t.Errorf("coverage warnings = %q, want one beginning %q", warnings, want)
	}
	if ds.Info.Declared || len(ds.Info.Coverage) != 1 || ds.Info.Coverage[0].String() != "2025-06-01/2025-08-01" {
		t.Errorf("implicit coverage = %+v", ds.Info)
	}
}

func TestDisorder(t *testing.T) {
	want := map[string]string{
		"Battles/*":                                   "Political violence",
		"Explosions/Remote violence/*":                "Political violence",
		"Violence against civilians/*":                "Political violence",
		"Protests/Peaceful protest":                   "Demonstrations",
		"Protests/Protest with intervention":          "Demonstrations",
		"Protests/Excessive force against protesters": "Political violence; Demonstrations",
		"Riots/Violent demonstration":                 "Demonstrations",
		"Riots/Mob violence":                          "Political violence",
		"Strategic developments/*":                    "Strategic developments",
	}
	seen := 0
	for _, typ := range report.EventTypes() {
		for _, sub := range report.SubEventTypes(typ) {
			got := report.DisorderOf(typ, sub).String()
			w, ok := want[typ+"/"+sub]
			if !ok {
				w = want[typ+"/*"]
			}
			if got != w {
				t.Errorf("%s / %s: disorder %q, want %q", typ, sub, got, w)
			}
			seen++
		}
	}
	if seen != 25 {
		t.Errorf("classified %d sub-types, want ACLED's 25", seen)
	}
	both := report.DisorderOf(report.Protests, "Excessive force against protesters")
	if !both.Has(report.PoliticalViolence) || !both.Has(report.Demonstrations) || both.Has(report.StrategicDisorder) {
		t.Errorf("excessive force against protesters = %v", both)
	}
	if got := report.DisorderOf("Parades", "").String(); got != "" {
		t.Errorf("an unknown type has class %q", got)
	}
	if !slices.Contains(report.EventTypes(), report.StrategicDevelopments) {
		t.Fatal("no strategic developments")
	}
}
