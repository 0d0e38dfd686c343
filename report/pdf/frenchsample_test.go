package pdf_test

import (
	"regexp"
	"strings"
	"testing"
	"unicode"
)

// squeezeAll drops every space, no-break or narrow, and every hyphen: what
// is left of a text does not depend on where lines broke nor on the
// typography spaces added.
func squeezeAll(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) || r == '\u202f' || r == '\u00a0' || r == '-' || r == '\u00ad' {
			return -1
		}
		return r
	}, s)
}

// TestFrenchSample reads the French sample letter back as a reader copies
// it: every event of its chronology in French and none in English, dates
// in French form, and French spacing wherever a mark calls for it, the
// data's texts included.
func TestFrenchSample(t *testing.T) {
	ds, _ := loadSample(t)
	l, ok := ds.Letter("2025-09-kayes-fr")
	if !ok {
		t.Fatal("no French sample letter")
	}
	_, doc, _ := build(t, ds, l)
	text := doc.Text()
	flat := squeezeAll(text)

	t.Run("summaries in French", func(t *testing.T) {
		header := []string{"Date", "Lieu", "Événement", "Acteurs", "Décès", "Résumé", "Sources"}
		column := squeezeAll(chronologyColumn(t, doc, header, "Résumé").text())
		events := ds.Select(l).Chronology().Events
		if len(events) < 20 {
			t.Fatalf("the chronology prints %d events", len(events))
		}
		for _, e := range events {
			if !e.Summary.Has("fr") {
				t.Errorf("event %s has no French summary in the sample", e.ID)
				continue
			}
			if !strings.Contains(column, squeezeAll(e.Summary.In("fr"))) {
				t.Errorf("the French summary of event %s is not in the summary column", e.ID)
			}
			if strings.Contains(flat, squeezeAll(e.Summary.In("en"))) || strings.Contains(column, squeezeAll(e.Summary.In("en"))) {
				t.Errorf("the English summary of event %s is in the French letter", e.ID)
			}
		}
	})

	t.Run("dates", func(t *testing.T) {
		for _, want := range []string{"1er\u00a0juin au 30\u00a0septembre 2025", "1er juin au 30 septembre 2025"} {
			if strings.Contains(text, want) {
				return
			}
		}
		t.Errorf("the letter never writes its period as \"du 1er juin au 30 septembre 2025\"")
	})
	t.Run("footer in lower case", func(t *testing.T) {
		for i := 1; i < len(doc.Pages)-1; i++ {
			page := doc.PageText(i)
			if !strings.Contains(page, "septembre 2025") || strings.Contains(page, "Septembre 2025") {
				t.Errorf("page %d: the footer does not write \"septembre 2025\"", i+1)
			}
		}
	})
	t.Run("no English month", func(t *testing.T) {
		// The original titles of English sources may name a month: look
		// outside the notes and the sources list, in the chronology.
		months := regexp.MustCompile(`\b(January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b`)
		start := strings.Index(text, "Chronologie des événements")
		end := strings.Index(text, "Sources citées")
		if start < 0 || end < start {
			t.Fatalf("chronology not found (%d, %d)", start, end)
		}
		if m := months.FindString(text[start:end]); m != "" {
			t.Errorf("the chronology writes the English month %q", m)
		}
	})

	t.Run("spacing", func(t *testing.T) {
		checks := []struct {
			bad  *regexp.Regexp
			what string
		}{
			{regexp.MustCompile(`[^\x{a0}]:(\s|$)`), "a colon not after a no-break space"},
			{regexp.MustCompile(`[^\x{202f}][;!?](\s|$)`), "a ; ! or ? not after a narrow no-break space"},
			{regexp.MustCompile(`«[^\x{202f}]`), "« not followed by a narrow no-break space"},
			{regexp.MustCompile(`[^\x{202f}]»`), "» not after a narrow no-break space"},
			// (A URL's %E2 is not a per cent sign.)
			{regexp.MustCompile(`\d([ \x{a0}]%|%(\s|$))`), "a per cent sign not after a narrow no-break space"},
		}
		for _, c := range checks {
			for _, at := range c.bad.FindAllStringIndex(text, 5) {
				t.Errorf("%s: %q", c.what, text[max(0, at[0]-30):min(len(text), at[1]+10)])
			}
		}
		for _, want := range []string{"\u00a0:", "\u202f;", "«\u202f", "\u202f»", "\u202f%"} {
			if !strings.Contains(text, want) {
				t.Errorf("the letter never writes %q", want)
			}
		}
	})
}
