package pdf

import (
	"fmt"
	"runtime"
	"testing"

	"briefing/report"
)

// TestNotesLinear: a paragraph citing ten times as many notes allocates
// about ten times as much to be set, never a hundred: notes are numbered by
// a map look-up and each inline is turned into spans once. Not timed: it
// compares allocations.
func TestNotesLinear(t *testing.T) {
	d := testDoc(t)
	allocated := func(n int) uint64 {
		inlines := make([]report.Inline, 0, 3*n)
		for i := range n {
			inlines = append(inlines,
				report.Inline{Text: fmt.Sprintf("Claim %d", i)},
				report.Inline{Note: fmt.Sprintf("source-%06d", i)},
				report.Inline{Note: fmt.Sprintf("source-%06d", i/2)}) // cited again: same number
		}
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		var ns notes
		spans := d.inlineSpans(inlines, &ns)
		runtime.ReadMemStats(&after)
		if len(ns.ids) != n {
			t.Fatalf("%d notes numbered, want %d", len(ns.ids), n)
		}
		if len(spans) < 2*n {
			t.Fatalf("%d spans for %d inlines", len(spans), len(inlines))
		}
		return after.TotalAlloc - before.TotalAlloc
	}
	small, large := allocated(2000), allocated(20000)
	if growth := float64(large) / float64(small); growth > 13 {
		t.Errorf("20,000 notes allocate %.1f times what 2,000 do; want about 10", growth)
	}
}
