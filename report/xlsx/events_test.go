package xlsx

import (
	"fmt"
	"strings"
	"testing"

	"briefing/report"
)

// TestEventValuesComplete: every column of the Events sheet has a value,
// so that a column added to package acled's lists is not left empty
// unnoticed.
func TestEventValuesComplete(t *testing.T) {
	a := &annex{}
	for _, key := range eventColumns() {
		if a.eventColumn(key) == nil {
			t.Errorf("the Events sheet has no value for column %q", key)
		}
	}
}

// TestRowsProblem: a letter whose link sheet would hold more rows than an
// Excel sheet is refused, naming what overflows.
func TestRowsProblem(t *testing.T) {
	ds, diags := report.Load("../../data")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	l, _ := ds.Letter("2025-09-kayes")
	sel := ds.Select(l)
	if msg := RowsProblem(sel); msg != "" {
		t.Errorf("the sample letter: %s", msg)
	}
	// At the size of its largest sheet, it fits; one row fewer, it does
	// not, and the message names that sheet's rows.
	largest, what := len(sel.Events), "events"
	for name, list := range map[string]func(e report.Event) []string{
		"sources":   func(e report.Event) []string { return e.Sources },
		"corridors": func(e report.Event) []string { return e.Corridors },
		"targets":   func(e report.Event) []string { return e.Targets },
	} {
		n := 0
		for _, e := range sel.Events {
			n += len(list(e)) // the sample lists no value twice
		}
		if n > largest {
			largest, what = n, "pairs of an event and one of its "+name
		}
	}
	if msg := rowsProblem(sel, largest); msg != "" {
		t.Errorf("at the limit: %s", msg)
	}
	msg := rowsProblem(sel, largest-1)
	if want := fmt.Sprintf("would list %d %s", largest, what); !strings.Contains(msg, want) {
		t.Errorf("one over the limit: %q, want it to say %q", msg, want)
	}
}
