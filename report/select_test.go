package report_test

import (
	"reflect"
	"slices"
	"testing"

	"briefing/report"
)

// TestSelectShares checks that a selection whose events are one run of
// the dataset's shares them, that one that is not copies them, and that
// both hold the same events as a selection made event by event.
func TestSelectShares(t *testing.T) {
	ds, diags := report.Load("../data")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	l, _ := ds.Letter("2025-09-kayes")
	byHand := func(l *report.Letter) []report.Event {
		var out []report.Event
		for _, e := range ds.Events {
			p, _ := ds.Place(e.Place)
			if e.Span().Overlaps(l.Period) && (len(l.Scope.Countries) == 0 || slices.Contains(l.Scope.Countries, p.Country)) {
				out = append(out, e)
			}
		}
		return out
	}
	within := func(evs []report.Event) bool {
		for i := range ds.Events {
			if len(evs) > 0 && &evs[0] == &ds.Events[i] {
				return true
			}
		}
		return false
	}

	all := *l
	all.Scope = report.Scope{}
	sel := ds.Select(&all)
	if !reflect.DeepEqual(sel.Events, byHand(&all)) {
		t.Errorf("the unscoped selection holds other events than the period's")
	}
	if !within(sel.Events) {
		t.Errorf("the unscoped selection, one run of the dataset's events, copied them")
	}
	if cap(sel.Events) != len(sel.Events) {
		t.Errorf("a shared selection has room to grow into the dataset's events: cap %d, len %d", cap(sel.Events), len(sel.Events))
	}

	mali := *l
	mali.Scope = report.Scope{Countries: []string{"ML"}}
	sel = ds.Select(&mali)
	if want := byHand(&mali); !reflect.DeepEqual(sel.Events, want) {
		t.Errorf("the Mali selection holds %d events, want %d", len(sel.Events), len(want))
	}
	if len(sel.Events) < 2 {
		t.Fatalf("the Mali selection holds %d events; the test needs two or more", len(sel.Events))
	}
	if within(sel.Events) {
		t.Errorf("the Mali selection, not one run, shares the dataset's events")
	}
}
