package charts_test

import (
	"bytes"
	"encoding/xml"
	"io"
	"math"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"briefing/charts"
	"briefing/report"
)

// lookDPI is the resolution of the PNGs of these tests: small, unless
// they are written out to be looked at (-chartout).
func lookDPI() float64 {
	if *chartOut != "" {
		return charts.PNGDPI
	}
	return 100
}

// chartRun is a label of a chart drawn into a PDF, in the chart's
// millimetres, as a reader of the PDF finds it.
type chartRun struct {
	text       string
	x, y, w    float64 // baseline start and advance, mm from the chart's corner
	size       float64 // points
	centre     float64
	isNumber   bool
	numberText int
}

// runs reads the chart's labels back from the PDF that render drew it into
// at (20, 20) mm, at its natural width.
func runs(r rendered) []chartRun {
	const ptPerMM = 72 / 25.4
	var out []chartRun
	for _, t := range r.doc.Pages[0].Text {
		cr := chartRun{text: t.Text, x: t.X/ptPerMM - 20, y: t.Y/ptPerMM - 20, w: t.W / ptPerMM, size: t.Size}
		cr.centre = cr.x + cr.w/2
		if n, err := strconv.Atoi(t.Text); err == nil {
			cr.isNumber, cr.numberText = true, n
		}
		out = append(out, cr)
	}
	return out
}

func find(rs []chartRun, text string) (chartRun, bool) {
	for _, r := range rs {
		if r.text == text {
			return r, true
		}
	}
	return chartRun{}, false
}

// dashedPaths returns, for every dashed path of the SVG, how many points
// it joins: the previous period's step line joins two per bucket; the
// cutoff line and the legend's swatch, two in all.
func dashedPaths(t *testing.T, svg []byte) []int {
	t.Helper()
	dec := xml.NewDecoder(bytes.NewReader(svg))
	var out []int
	for {
		tok, err := dec.Token()
		if err == io.EOF {
			return out
		}
		if err != nil {
			t.Fatal(err)
		}
		el, ok := tok.(xml.StartElement)
		if !ok || el.Name.Local != "path" {
			continue
		}
		dashed, points := false, 0
		for _, a := range el.Attr {
			switch a.Name.Local {
			case "stroke-dasharray":
				dashed = true
			case "d":
				points = strings.Count(a.Value, "M") + strings.Count(a.Value, "L")
			}
		}
		if dashed {
			out = append(out, points)
		}
	}
}

// TestFrequencyCoverage builds the frequency chart of letters whose periods
// the dataset covers in part, and reads it as a reader would: the weeks
// not covered are marked so, never drawn as quiet; a short week says how
// many days it holds; the data cutoff is marked; the comparison line is
// there only when the previous period is covered; and the numbers over
// the columns count political violence and demonstrations only, the
// strategic developments being counted apart, under the axis. Every
// expected number was worked out by hand from the fixtures (see
// report/coverage_test.go for the coverage fixture's weeks).
func TestFrequencyCoverage(t *testing.T) {
	tests := []struct {
		dir, letter string
		// columns is the sum of the numbers over the columns: the events of
		// political violence and demonstrations in covered weeks; strip,
		// the sum of the strategic developments' counts.
		columns, strip int
		previousLine   bool
		want, absent   []string
	}{
		{
			// Covered from 1 June to 9 September: the week of 7 September
			// holds 3 covered days, the three weeks after none. Columns:
			// Boulikessi (1 June), the five events of the week of 29 June,
			// three in July, two on 19 August and one on 4 September. The
			// thirteen strategic developments fall in four weeks (2, 1, 6,
			// 4); with them stacked, the week of 29 June read 7 and that of
			// 31 August 7.
			dir: "../data", letter: "2025-09-kayes", columns: 12, strip: 13,
			want: []string{"not covered", "3 days", "data to 9 Sep", "Jun", "Jul", "Aug", "Sep",
				"Strategic developments", "Not covered by the dataset",
				"Previous period (1 February – 31 May 2025): not covered by the dataset"},
			absent: []string{"recorded outside coverage", "7"},
		},
		{
			// ML is covered to 10 August: July whole, its last week cut by
			// the period to 3 days; no cutoff inside the period; June, the
			// comparison, is covered, with c4 in its second week.
			dir: "../report/testdata/coverage", letter: "ml-july", columns: 1, strip: 1, previousLine: true,
			want:   []string{"3 days", "Previous period (1 June – 30 June 2025)"},
			absent: []string{"not covered", "data to"},
		},
		{
			// ML and SN are covered together only to 20 July: the week of 15
			// July has 6 days, the last two weeks none, and c3 (25 July)
			// is an event recorded outside the coverage, in no column.
			dir: "../report/testdata/coverage", letter: "ml-sn-july", columns: 1, strip: 1, previousLine: true,
			want: []string{"not covered", "1 event recorded outside coverage", "6 days", "data to 20 Jul",
				"Previous period (1 June – 30 June 2025)"},
		},
		{
			// No day of July is covered for every country: a frame with one
			// band, the three events of July said but not drawn, and no
			// comparison.
			dir: "../report/testdata/coverage", letter: "all-july",
			want: []string{"not covered", "3 events recorded outside coverage",
				"Previous period (1 June – 30 June 2025): not covered by the dataset"},
			absent: []string{"No events in this period", "days", "data to"},
		},
		{
			// June is not covered for Mauritania, May is and was quiet: not
			// a "no events" panel, since nobody looked in June.
			dir: "../report/testdata/coverage", letter: "mr-june",
			want:   []string{"not covered", "Previous period (1 May – 31 May 2025): no events"},
			absent: []string{"No events in this period", "recorded outside coverage"},
		},
		{
			// French, a month outside the coverage with one ad-hoc record;
			// December, the comparison, is covered and quiet.
			dir: "testdata/robust", letter: "uncovered",
			want: []string{"non couvert", "1 événement relevé hors couverture", "Non couvert par les données",
				"Période précédente (1er décembre – 31 décembre 2030)\u00a0: aucun événement", "janv."},
			absent: []string{"Aucun événement sur la période"},
		},
	}
	for _, tt := range tests {
		t.Run(tt.letter, func(t *testing.T) {
			sel, th := load(t, tt.dir, tt.letter)
			r := render(t, sel, th, "frequency", lookDPI())
			if r.chart.Empty {
				t.Fatal("the chart is the \"no events\" panel")
			}
			text := strings.Join(r.svgText, "\n")
			for _, w := range tt.want {
				if !strings.Contains(text, w) {
					t.Errorf("SVG lacks %q; it has:\n%s", w, text)
				}
				if !strings.Contains(r.pdfText, w) {
					t.Errorf("PDF lacks %q", w)
				}
			}
			for _, a := range tt.absent {
				for _, s := range r.svgText {
					if s == a || (len(a) > 2 && strings.Contains(s, a)) {
						t.Errorf("the chart shows %q, which it must not", s)
					}
				}
			}
			columns, strip := columnsAndStrip(t, r, th)
			if columns != tt.columns || strip != tt.strip {
				t.Errorf("the numbers over the columns sum to %d and the strategic developments to %d; want %d and %d", columns, strip, tt.columns, tt.strip)
			}
			// The columns count what Drawn says the covered weeks hold,
			// strategic developments aside.
			drawn, _ := sel.Frequency().Drawn()
			if want := drawn.Sum(report.NotStrategic); columns != want {
				t.Errorf("columns sum to %d; the covered weeks hold %d events of violence and demonstrations", columns, want)
			}
			long := 0
			for _, n := range dashedPaths(t, r.svg) {
				if n > 2 {
					long++
				}
			}
			if got := long > 0; got != tt.previousLine {
				t.Errorf("previous period's line drawn = %v, want %v", got, tt.previousLine)
			}
		})
	}
}

// columnsAndStrip sums the numbers printed over the columns (above the
// month names) and those of the strategic developments' row (under its
// caption).
func columnsAndStrip(t *testing.T, r rendered, th charts.Theme) (columns, strip int) {
	t.Helper()
	rs := runs(r)
	months := map[string]bool{}
	for m := 1; m <= 12; m++ {
		months[th.Catalog.MonthShort(time.Month(m))] = true
	}
	axis := math.Inf(1)
	for _, run := range rs {
		if months[strings.Fields(run.text)[0]] {
			axis = math.Min(axis, run.y)
		}
	}
	if math.IsInf(axis, 1) {
		t.Fatalf("no month name on the axis")
	}
	caption := math.Inf(1)
	if c, ok := find(rs, th.Catalog.EventType(report.NumEventTypes-1)); ok {
		caption = c.y
	}
	for _, run := range rs {
		// Counts are set at 7 pt; the axis' numbers at 7.5.
		if !run.isNumber || math.Abs(run.size-7) > 0.05 {
			continue
		}
		switch {
		case run.y < axis:
			columns += run.numberText
		case run.y > caption:
			strip += run.numberText
		}
	}
	return columns, strip
}

// TestMonthTicks: a month's name stands on its first day, inside the week
// that holds it: "Jul" two days into the week of 29 June, where the
// offensive of 1 July is counted.
func TestMonthTicks(t *testing.T) {
	sel, th := load(t, "../data", "2025-09-kayes")
	rs := runs(render(t, sel, th, "frequency", lookDPI()))
	jun29, ok1 := find(rs, "29 Jun")
	jul6, ok2 := find(rs, "6 Jul")
	jul, ok3 := find(rs, "Jul")
	if !ok1 || !ok2 || !ok3 {
		t.Fatalf("labels 29 Jun, 6 Jul, Jul found: %v %v %v", ok1, ok2, ok3)
	}
	week := jul6.centre - jun29.centre
	start := jun29.centre - week/2 // the week's labels stand at its middle
	if want := start + week*2/7; math.Abs(jul.centre-want) > 0.15 {
		t.Errorf("Jul stands at %.2f mm; 1 July begins at %.2f mm (the week of 29 June runs from %.2f to %.2f)", jul.centre, want, start, start+week)
	}
	if jul.y < jun29.y-5 || jul.y >= jun29.y {
		t.Errorf("the month names (y %.1f) are not in the row above the weeks' (y %.1f)", jul.y, jun29.y)
	}
}

// TestFrequencyMonthly: over a long period, one name per month, and the
// year where the period spans two.
func TestFrequencyMonthly(t *testing.T) {
	sel, th := load(t, "testdata/robust", "long-year")
	r := render(t, sel, th, "frequency", lookDPI())
	text := strings.Join(r.svgText, "|")
	for _, want := range []string{"|janv. 2025|", "|mars|", "|janv. 2026|", "|nov.|"} {
		if !strings.Contains("|"+text+"|", want) {
			t.Errorf("monthly axis lacks %s in %s", want, text)
		}
	}
	if strings.Contains(text, "|non couvert|") {
		t.Errorf("a covered period shows a band: %s", text)
	}
}

// TestCorridorHits reads each corridor's row of the sample's chart: its
// short name, then its hits (events of political violence on it), then,
// when some other events name it, their count on the thin bar. No count of
// hits includes a strategic development.
func TestCorridorHits(t *testing.T) {
	sel, th := load(t, "../data", "2025-09-kayes")
	r := render(t, sel, th, "corridors", lookDPI())
	texts := r.svgText
	counts := sel.Corridors()
	if len(counts) != 8 {
		t.Fatalf("the sample names %d corridors, want 8", len(counts))
	}
	for _, cc := range counts {
		i := slices.Index(texts, cc.Corridor.Short.String())
		if i < 0 || i+1 >= len(texts) {
			t.Errorf("no row for %s", cc.Corridor.Short)
			continue
		}
		want := []string{strconv.Itoa(cc.Hits())}
		if rest := cc.Counts.Total() - cc.Hits(); rest > 0 {
			want = append(want, strconv.Itoa(rest))
		}
		got := texts[i+1 : min(len(texts), i+1+len(want))]
		if !slices.Equal(got, want) {
			t.Errorf("%s: row reads %q, want %q", cc.Corridor.Short, got, want)
		}
		if cc.Hits() > cc.Counts.Sum(report.NotStrategic) {
			t.Errorf("%s: %d hits, more than its %d events other than strategic developments", cc.Corridor.Short, cc.Hits(), cc.Counts.Sum(report.NotStrategic))
		}
	}
	// By hand: RN1 is hit by two battles and a kidnapping, and named by
	// six strategic developments; Kati–Kayes only by four.
	joined := strings.Join(texts, "|")
	for _, want := range []string{"|RN1|3|6|", "|Kati–Kayes|0|4|", "|RN22|1|"} {
		if !strings.Contains(joined, want) {
			t.Errorf("corridors chart lacks %s in %s", want, joined)
		}
	}
}
