package charts_test

import (
	"bytes"
	"strings"
	"testing"

	"briefing/charts"
)

// TestRobust draws every chart of every letter of testdata/robust, a
// French dataset made to break charting code: a period with no events, one
// with events only in the previous period, a single week, equal weekly
// counts of a single event type, two years counted by month, 30
// corridors with long accented names, and a month the dataset does not
// cover. Every chart must render in all three
// forms, and show what a reader expects.
func TestRobust(t *testing.T) {
	tests := []struct {
		letter string
		empty  map[string]bool     // charts drawn as the "no events" panel
		labels map[string][]string // labels a chart must show
		absent map[string][]string // labels it must not show
	}{
		{
			letter: "empty",
			empty:  map[string]bool{"frequency": true, "corridors": true, "targets": true, "map": true},
			labels: map[string][]string{"frequency": {"Aucun événement sur la période"}, "map": {"Aucun événement sur la période"}},
		},
		{
			// No event in February, one in January: the frequency chart
			// still shows the comparison; the others have nothing to draw.
			letter: "previous-only",
			empty:  map[string]bool{"corridors": true, "targets": true, "map": true},
			labels: map[string][]string{"frequency": {"Événements par semaine", "1er févr.", "Période précédente (1er janvier – 31 janvier 2027)"}},
		},
		{
			// One protest with no corridor and no target.
			letter: "single-week",
			empty:  map[string]bool{"corridors": true, "targets": true},
			labels: map[string][]string{"frequency": {"1er mai", "1", "Manifestations", "Période précédente (24 avril – 30 avril 2028)\u00a0: aucun événement"}, "map": {"Dakar", "SÉNÉGAL"}},
		},
		{
			// Five weeks with one battle each: equal bars, one type, a scale
			// from 0 to 1.
			letter: "equal-weeks",
			empty:  map[string]bool{"corridors": true, "targets": true},
			labels: map[string][]string{"frequency": {"1er mars", "29 mars", "Combats", "0", "1"}},
			absent: map[string][]string{"frequency": {"Émeutes"}},
		},
		{
			letter: "long-year",
			labels: map[string][]string{"frequency": {"Événements par mois", "janv. 2025", "janv. 2026", "juil."}},
		},
		{
			// 30 corridors: the 14 most hit, then the 16 others summed on
			// one bar; long names are cut with an ellipsis.
			letter: "many-corridors",
			labels: map[string][]string{
				"corridors": {"Autres corridors (16)", "…", "Č04", "Combats"},
				"map":       {"Kayes", "Nouakchott", "MAURITANIE", "SÉNÉGAL", "MALI", "Č02"},
			},
			// French throughout, and the long name never printed whole.
			absent: map[string][]string{"corridors": {"Battles", "Kiffa–Néma–Aïoun el-Atrouss très long tronçon 8"}},
		},
		{
			// January 2031 is outside the coverage: the frequency chart is
			// a frame marked "not covered", never the "no events" panel,
			// and says that one event was recorded all the same.
			letter: "uncovered",
			empty:  map[string]bool{"corridors": true, "targets": true},
			labels: map[string][]string{"frequency": {"non couvert", "1 événement relevé hors couverture"}, "map": {"Kayes"}},
			absent: map[string][]string{"frequency": {"Aucun événement sur la période"}},
		},
	}
	for _, tt := range tests {
		sel, th := load(t, "testdata/robust", tt.letter)
		for _, name := range charts.Names() {
			t.Run(tt.letter+"/"+name, func(t *testing.T) {
				r := render(t, sel, th, name, 100)
				if r.chart.Empty != tt.empty[name] {
					t.Errorf("Empty = %v, want %v", r.chart.Empty, tt.empty[name])
				}
				text := strings.Join(r.svgText, "\n")
				for _, l := range tt.labels[name] {
					if !strings.Contains(text, l) {
						t.Errorf("SVG lacks %q; it has:\n%s", l, text)
					}
					if !strings.Contains(r.pdfText, l) {
						t.Errorf("PDF lacks %q; it has:\n%s", l, r.pdfText)
					}
				}
				for _, l := range tt.absent[name] {
					if strings.Contains(text, l) {
						t.Errorf("SVG shows %q, which it must not", l)
					}
				}
			})
		}
	}
}

// TestCountsNotShares: stacked bars show counts, not shares of 100 %: the
// corridors axis of the sample runs to 6 events, each bar ends with its
// count of hits (political violence), and the thin bar under it with its
// count of other events naming the corridor: RN1 was hit 3 times and
// named by 6 strategic developments, Kati–Kayes hit 0 times and named by 4.
func TestCountsNotShares(t *testing.T) {
	sel, th := load(t, "../data", "2025-09-kayes")
	r := render(t, sel, th, "corridors", 100)
	text := strings.Join(r.svgText, "|")
	for _, want := range []string{"|6|", "RN1|3|6|", "Kati–Kayes|0|4|"} {
		if !strings.Contains(text, want) {
			t.Errorf("corridors chart lacks %q in %s", want, text)
		}
	}
	if strings.Contains(text, "%") {
		t.Errorf("corridors chart shows percentages: %s", text)
	}
}

// TestDeterministic: the same data gives the same bytes in every form.
func TestDeterministic(t *testing.T) {
	sel, th := load(t, "../data", "2025-09-kayes")
	for _, name := range charts.Names() {
		a, b := render(t, sel, th, name, charts.PNGDPI), render(t, sel, th, name, charts.PNGDPI)
		if !bytes.Equal(a.png, b.png) || !bytes.Equal(a.svg, b.svg) || !bytes.Equal(a.pdf, b.pdf) {
			t.Errorf("%s: two renderings differ", name)
		}
	}
}

func TestUnknownChart(t *testing.T) {
	sel, th := load(t, "../data", "2025-09-kayes")
	if _, err := charts.Build("pie", sel, th); err == nil || !strings.Contains(err.Error(), `no chart "pie"`) {
		t.Errorf("Build(pie) error = %v", err)
	}
}
