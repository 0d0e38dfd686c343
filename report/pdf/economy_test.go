package pdf_test

import (
	"fmt"
	"strings"
	"testing"

	"briefing/internal/pdftest"
)

// The text block of a page, in points from the top: below the running
// header, above the running footer.
const (
	bodyTopPt    = 26 * 72 / 25.4
	bodyBottomPt = 274 * 72 / 25.4
)

// reach returns how far down each page's content reaches: the lowest
// baseline of text within the text block, in points from the top of the
// page, or 0 for a page with none. Figures end with their source line and
// tables with a row of text, so text tells where the content ends.
func reach(doc *pdftest.Doc) []float64 {
	out := make([]float64, len(doc.Pages))
	for i, p := range doc.Pages {
		for _, r := range p.Text {
			if r.Y > bodyTopPt && r.Y <= bodyBottomPt+2 && strings.TrimSpace(r.Text) != "" {
				out[i] = max(out[i], r.Y)
			}
		}
	}
	return out
}

// checkEconomy reports every page but the cover, the back page and the
// last page of content whose content stops in the upper half of the text
// block, and returns the reach of each page.
func checkEconomy(t *testing.T, doc *pdftest.Doc) []float64 {
	t.Helper()
	r := reach(doc)
	half := bodyTopPt + (bodyBottomPt-bodyTopPt)/2
	for i := 1; i < len(r)-2; i++ {
		if r[i] < half {
			used := (r[i] - bodyTopPt) / (bodyBottomPt - bodyTopPt) * 100
			t.Errorf("page %d is more than half empty: its content reaches %.0f %% of the text block (%s…)", i+1, used, firstWords(doc.PageText(i), 8))
		}
	}
	return r
}

func firstWords(s string, n int) string {
	f := strings.Fields(s)
	return strings.Join(f[:min(n, len(f))], " ")
}

func TestPageEconomy(t *testing.T) {
	big, bigLetter := loadSynthetic(t, 2000)

	ds, l := loadSample(t)
	_, doc, _ := build(t, ds, l)
	r := checkEconomy(t, doc)
	// In the sample the chronology starts below the conclusion, on the
	// page the sections end on.
	for i, p := range doc.Pages {
		if strings.Contains(doc.PageText(i), "Chronology of events") {
			for _, run := range p.Text {
				if run.Text == "Chronology" && run.Y < bodyTopPt+60 {
					t.Errorf("the chronology starts at the top of page %d; the page before ends at %.0f mm", i+1, r[i-1]*25.4/72)
				}
			}
		}
	}
	// The methodology's "Events by type" table holds up to 8 rows: whole on
	// one page.
	for i := range doc.Pages {
		text := flat(doc.PageText(i))
		if strings.Contains(text, "Events by type") && !strings.Contains(text, "of which political violence") {
			t.Errorf("the Events by type table is split after page %d", i+1)
		}
	}

	if fr, ok := ds.Letter("2025-09-kayes-fr"); ok {
		_, frDoc, _ := build(t, ds, fr)
		t.Run("French", func(t *testing.T) { checkEconomy(t, frDoc) })
	} else {
		t.Error("no French sample letter")
	}

	_, bigDoc, _ := build(t, big, bigLetter)
	t.Run("2,000 events", func(t *testing.T) { checkEconomy(t, bigDoc) })
	if n := len(bigDoc.Pages); n > 40 {
		t.Errorf("the 2,000-event letter has %d pages; want at most 40", n)
	}
	fmt.Fprintf(testOutput{t}, "pages: sample %d, 2,000 events %d", len(doc.Pages), len(bigDoc.Pages))
}

// testOutput writes to the test's log.
type testOutput struct{ t *testing.T }

func (o testOutput) Write(p []byte) (int, error) { o.t.Log(string(p)); return len(p), nil }
