package report_test

import (
	"slices"
	"testing"

	"briefing/report"
)

func TestChronologyBound(t *testing.T) {
	ds, diags := report.Load("../data")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	l, _ := ds.Letter("2025-09-kayes")
	tests := []struct {
		limit, printed, bound int
	}{
		{0, 25, 0},  // the default prints up to 80 events whole
		{30, 25, 0}, // a bound over the count prints all
		{25, 25, 0},
		{5, 5, 5},
		{1, 1, 1},
	}
	for _, tt := range tests {
		letter := *l
		letter.ChronologyLimit = tt.limit
		sel := ds.Select(&letter)
		c := sel.Chronology()
		if len(c.Events) != tt.printed || c.Total != len(sel.Events) || c.Limit != tt.bound {
			t.Errorf("limit %d: %d printed of %d, bound %d; want %d of %d, bound %d", tt.limit, len(c.Events), c.Total, c.Limit, tt.printed, len(sel.Events), tt.bound)
		}
		if !slices.IsSortedFunc(c.Events, func(a, b *report.Event) int { return a.Date.Compare(b.Date) }) {
			t.Errorf("limit %d: the printed events are not by date", tt.limit)
		}
		// No event left out is more significant than one printed.
		for i := range sel.Events {
			e := &sel.Events[i]
			if slices.ContainsFunc(c.Events, func(p *report.Event) bool { return p.ID == e.ID }) {
				continue
			}
			for _, p := range c.Events {
				if report.MoreSignificant(e, p) < 0 {
					t.Errorf("limit %d: %s is left out but ranks above %s, printed", tt.limit, e.ID, p.ID)
				}
			}
		}
	}
	// The sample's most significant event is Farabougou's claimed toll.
	letter := *l
	letter.ChronologyLimit = 1
	if c := ds.Select(&letter).Chronology(); c.Events[0].ID != "farabougou-takeover-2025-08-19" {
		t.Errorf("limit 1 prints %s; want the Farabougou takeover, 21 fatalities", c.Events[0].ID)
	}
}
