package charts_test

import (
	"regexp"
	"strings"
	"testing"

	"briefing/charts"
	"briefing/internal/synth"
	"briefing/report/locale"
)

// TestAxisNumbersFollowLanguage: the numbers of the axes, like the counts
// beside the bars, are written as the letter's language writes them, with
// its grouping of thousands ("1 200" in French, "1,200" in English), never
// as bare digits.
func TestAxisNumbersFollowLanguage(t *testing.T) {
	dir := t.TempDir()
	if err := synth.Write(dir, 6000, 3); err != nil {
		t.Fatal(err)
	}
	sel, th := load(t, dir, synth.LetterID)
	bare := regexp.MustCompile(`^\d{4,}$`)
	for _, tt := range []struct{ lang, sep string }{{"en", ","}, {"fr", "\u202f"}} {
		cat, _ := locale.For(tt.lang)
		th := charts.Theme{Catalog: cat, Brand: th.Brand, Fonts: th.Fonts}
		grouped := regexp.MustCompile(`^\d{1,3}(` + regexp.QuoteMeta(tt.sep) + `\d{3})+$`)
		for _, name := range []string{"targets", "frequency"} {
			r := render(t, sel, th, name, 100)
			found := false
			for _, s := range r.svgText {
				s = strings.TrimSpace(s)
				if bare.MatchString(s) {
					t.Errorf("%s %s chart: %q is not grouped as %s writes numbers", tt.lang, name, s, tt.lang)
				}
				found = found || grouped.MatchString(s)
			}
			if name == "targets" && !found {
				t.Errorf("%s targets chart: no number of thousands to check; its texts: %q", tt.lang, r.svgText)
			}
		}
	}
}
