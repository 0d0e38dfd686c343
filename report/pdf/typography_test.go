package pdf_test

import (
	"math"
	"slices"
	"strings"
	"testing"

	"briefing/internal/pdftest"
	"briefing/report"
)

// frenchSummary is a summary in French with everything French spacing
// changes, written with the plain spaces (or none) a dataset may hold.
const frenchSummary = "Selon « une source locale », 30 % des camions sont bloqués ; le convoi a parcouru 1 234 km! " +
	"Pourquoi? Note : les «transporteurs» réclament 12 % de plus, soit 5 000 FCFA par tonne."

// columnLines groups a column's runs into its lines, page by page, each
// line's runs left to right.
func columnLines(c column) []string {
	type key struct {
		page int
		y    float64
	}
	var keys []key
	lines := map[key][]pdftest.TextRun{}
	for i, r := range c.runs {
		k := key{c.on[i], math.Round(r.Y)}
		if _, ok := lines[k]; !ok {
			keys = append(keys, k)
		}
		lines[k] = append(lines[k], r)
	}
	var out []string
	for _, k := range keys {
		runs := lines[k]
		slices.SortFunc(runs, func(a, b pdftest.TextRun) int { return int(math.Copysign(1, a.X-b.X)) })
		var b strings.Builder
		for i, r := range runs {
			if i > 0 && !strings.HasSuffix(b.String(), " ") && !strings.HasPrefix(r.Text, " ") && r.X-(runs[i-1].X+runs[i-1].W) > 0.25*r.Size {
				b.WriteByte(' ')
			}
			b.WriteString(r.Text)
		}
		out = append(out, strings.Trim(b.String(), " "))
	}
	return out
}

// TestFrenchTypography: a French letter spaces the data's summaries as
// French does, and its chronology, whose narrow column breaks many lines,
// never leaves « at the end of a line nor starts one with », a mark, "%"
// or a unit.
func TestFrenchTypography(t *testing.T) {
	ds, l := loadSample(t)
	fr := *l
	fr.Language = "fr"
	// Shift the text by a word more in each event, so that lines break
	// at every place in it.
	for i := range ds.Events {
		ds.Events[i].Summary = report.PlainText("fr", strings.Repeat("Mali ", i%9)+frenchSummary)
	}
	_, doc, _ := build(t, ds, &fr)
	header := []string{"Date", "Lieu", "Événement", "Acteurs", "Décès", "Résumé", "Sources"}
	lines := columnLines(chronologyColumn(t, doc, header, "Résumé"))
	if len(lines) < 20 {
		t.Fatalf("the summary column has %d lines", len(lines))
	}
	for i, ln := range lines {
		if strings.HasSuffix(strings.TrimRight(ln, " \u202f"), "«") {
			t.Errorf("line %q ends with «", ln)
		}
		if i == 0 {
			continue
		}
		for _, start := range []string{"»", ";", "!", "?", ":", "%", "km", "FCFA", "\u202f", "\u00a0"} {
			if strings.HasPrefix(ln, start) {
				t.Errorf("line %q starts with %q, after %q", ln, start, lines[i-1])
			}
		}
	}
	text := strings.ReplaceAll(strings.Join(lines, "\n"), "-\n", "")
	for _, want := range []string{"«\u202fune", "locale\u202f»", "30\u202f%", "bloqués\u202f;", "1\u202f234\u202fkm\u202f!", "Pourquoi\u202f?", "Note\u00a0:", "«\u202ftransporteurs\u202f»", "5\u202f000\u202fFCFA"} {
		if !strings.Contains(text, want) {
			t.Errorf("the summaries lack %q", want)
		}
	}
}

// TestEnglishNoNarrowSpace: the English letter keeps English spacing: not
// one narrow no-break space, nor a no-break space before a mark. (A
// French source's title keeps its own plain " : ".)
func TestEnglishNoNarrowSpace(t *testing.T) {
	ds, l := loadSample(t)
	_, doc, _ := build(t, ds, l)
	text := doc.Text()
	if i := strings.Index(text, "\u202f"); i >= 0 {
		t.Errorf("the English letter holds U+202F: %q", text[max(0, i-40):min(len(text), i+40)])
	}
	for _, unwanted := range []string{"\u00a0:", "\u00a0;", "\u00a0!", "\u00a0?"} {
		if i := strings.Index(text, unwanted); i >= 0 {
			t.Errorf("the English letter holds %q: %q", unwanted, text[max(0, i-40):min(len(text), i+40)])
		}
	}
}
