package pdf_test

import (
	"cmp"
	"fmt"
	"math"
	"regexp"
	"slices"
	"strings"
	"testing"

	"briefing/internal/pdftest"
	"briefing/internal/synth"
	"briefing/report"
)

// chronologyHeader is the sample's chronology header row, as read.
var chronologyHeader = []string{"Date", "Place", "Event", "Actors", "Fatalities", "Summary", "Sources"}

// column is what a reader finds in one column of the chronology: its
// text on every page it reaches, in reading order, the header left out.
type column struct {
	runs []pdftest.TextRun
	// on is the page number of each run.
	on []int
	// pages are the pages holding the table's header row.
	pages []int
}

func (c column) text() string {
	var b strings.Builder
	for _, r := range c.runs {
		b.WriteString(r.Text)
		b.WriteByte(' ')
	}
	return b.String()
}

// chronologyColumn reads the column titled title of the table whose
// header row is header, on every page that shows that header: the text
// from the column's title to the next column's title (both columns left
// aligned).
func chronologyColumn(t *testing.T, doc *pdftest.Doc, header []string, title string) column {
	t.Helper()
	var col column
	k := slices.Index(header, title)
	for i, p := range doc.Pages {
		// The header row: the titles in order on one baseline.
		var xs []float64
		headerY := math.NaN()
		for j := 0; j+len(header) <= len(p.Text) && xs == nil; j++ {
			if p.Text[j].Text != header[0] {
				continue
			}
			var row []float64
			for n, r := range p.Text[j:] {
				if n == len(header) || r.Text != header[n] || math.Abs(r.Y-p.Text[j].Y) > 0.5 {
					break
				}
				row = append(row, r.X)
			}
			if len(row) == len(header) {
				xs, headerY = row, p.Text[j].Y
			}
		}
		if xs == nil {
			continue
		}
		col.pages = append(col.pages, i+1)
		left, right := xs[k]-2, math.Inf(1)
		if k+1 < len(xs) {
			right = xs[k+1] - 2
		}
		for _, r := range p.Text {
			if r.Y > headerY+1 && r.Y < 274*72/25.4 && r.X >= left && r.X < right {
				col.runs = append(col.runs, r)
				col.on = append(col.on, i+1)
			}
		}
	}
	if len(col.pages) == 0 {
		t.Fatalf("no page shows the chronology's header %q", header)
	}
	return col
}

// squeeze takes out spaces and hyphens, so that a text is found however
// the typesetter broke and hyphenated its lines.
func squeeze(s string) string {
	return strings.Map(func(r rune) rune {
		switch r {
		case ' ', '\n', '\u00a0', '-', '\u00ad':
			return -1
		}
		return r
	}, s)
}

func TestChronologySample(t *testing.T) {
	ds, l := loadSample(t)
	_, doc, _ := build(t, ds, l)
	summaries := chronologyColumn(t, doc, chronologyHeader, "Summary")
	if len(summaries.pages) < 2 {
		t.Errorf("the chronology spans pages %v; the sample needs at least 2", summaries.pages)
	}
	// The header repeats on every page of the table: consecutive pages.
	for i := 1; i < len(summaries.pages); i++ {
		if summaries.pages[i] != summaries.pages[i-1]+1 {
			t.Errorf("the header row is on pages %v: a page of the table lacks it", summaries.pages)
		}
	}
	column := squeeze(summaries.text())
	for _, e := range ds.Select(l).Events {
		if !strings.Contains(column, squeeze(e.Summary.String())) {
			t.Errorf("the summary column lacks the summary of event %s whole", e.ID)
		}
	}
	if !strings.Contains(flat(doc.Text()), "Every event of the period within the letter’s scope, by date.") {
		t.Error("the chronology does not say which events it lists")
	}
	for _, c := range []struct{ column, want string }{
		{"Event", "Violence against civilians Abduction/forced disappearance"}, // type and sub-type
		{"Actors", "with Katiba Macina"},                                       // the associated actor
		{"Actors", "against Military Forces of Mali (2021-)"},
		{"Fatalities", "21*"}, // Farabougou's claimed toll
		{"Place", "Diboli (Kayes) (near) RN1"},
	} {
		if got := chronologyColumn(t, doc, chronologyHeader, c.column).text(); !strings.Contains(squeeze(got), squeeze(c.want)) {
			t.Errorf("the %s column lacks %q", c.column, c.want)
		}
	}
	// Every source number links to the sources list.
	list := slices.IndexFunc(doc.Pages, func(p pdftest.Page) bool { return strings.Contains(flat(doc.PageText(p.Number-1)), "Sources cited") }) + 1
	sources := chronologyColumn(t, doc, chronologyHeader, "Sources")
	numbers := 0
	for i, r := range sources.runs {
		if !regexp.MustCompile(`^\d+,?$`).MatchString(r.Text) {
			continue
		}
		numbers++
		if to := linkAt(doc.Pages[sources.on[i]-1], r); to < list || list == 0 {
			t.Errorf("source number %q on page %d links to page %d, not to the sources list (page %d on)", r.Text, sources.on[i], to, list)
		}
	}
	if numbers < len(ds.Select(l).Events) {
		t.Errorf("the sources column holds %d numbers for %d events", numbers, len(ds.Select(l).Events))
	}
}

// linkAt returns the page an internal link over the start of run r leads
// to, or 0.
func linkAt(p pdftest.Page, r pdftest.TextRun) int {
	x, y := r.X+0.5, r.Y-1
	for _, l := range p.Links {
		if l.Page > 0 && x >= l.X && x <= l.X+l.W && y >= l.Y && y <= l.Y+l.H {
			return l.Page
		}
	}
	return 0
}

// TestChronologyLongSummary: a summary of 3,000 words runs over several
// pages, split between lines, marked "(continued)", and not a word is lost.
func TestChronologyLongSummary(t *testing.T) {
	ds, l := loadSample(t)
	words := strings.Fields(ds.Events[0].Summary.String() + " " + ds.Events[1].Summary.String())
	var long []string
	for i := 0; len(long) < 3000; i++ {
		long = append(long, fmt.Sprintf("%s", words[i%len(words)]))
		if i%len(words) == len(words)-1 {
			long = append(long, fmt.Sprintf("(%d)", i/len(words)+1)) // so that a lost passage shows
		}
	}
	sel := ds.Select(l)
	target := sel.Events[len(sel.Events)/2].ID
	for i := range ds.Events {
		if ds.Events[i].ID == target {
			ds.Events[i].Summary = report.PlainText("en", strings.Join(long, " "))
		}
	}
	_, doc, _ := build(t, ds, l)
	summaries := chronologyColumn(t, doc, chronologyHeader, "Summary")
	column := squeeze(summaries.text())
	for _, e := range ds.Select(l).Events {
		if !strings.Contains(column, squeeze(e.Summary.String())) {
			t.Errorf("the summary column lacks the summary of event %s whole (%d words)", e.ID, len(strings.Fields(e.Summary.String())))
		}
	}
	if len(summaries.pages) < 6 {
		t.Errorf("the chronology takes pages %v; 3,000 words need several more", summaries.pages)
	}
	continued := 0
	for _, p := range summaries.pages {
		if strings.Contains(doc.PageText(p-1), "(continued)") {
			continued++
		}
	}
	if continued < 4 {
		t.Errorf("%d pages carry \"(continued)\"; the long row runs over at least 5", continued)
	}
}

// TestChronologyLimit: a period of 2,000 events prints the 60 the letter's
// rule names, by date, says how many the period holds, and lists only the
// sources of the notes and the printed rows.
func TestChronologyLimit(t *testing.T) {
	ds, l := loadSynthetic(t, 2000)
	// A mark in each summary tells which events a reader finds printed.
	for i := range ds.Events {
		ds.Events[i].Summary = report.PlainText("en", ds.Events[i].Summary.String()+fmt.Sprintf(" Ref%d.", i))
	}
	sel := ds.Select(l)
	if len(sel.Events) <= report.ChronologyAll {
		t.Fatalf("the synthetic period holds %d events; the test needs more than %d", len(sel.Events), report.ChronologyAll)
	}

	// The rule as the letter writes it: fatalities, kidnapped, vehicles
	// destroyed, corridors hit, then political violence before
	// demonstrations before strategic developments.
	rank := slices.Clone(sel.Events)
	class := func(e report.Event) int {
		switch d := e.Disorder(); {
		case d.Has(report.PoliticalViolence):
			return 0
		case d.Has(report.Demonstrations):
			return 1
		}
		return 2
	}
	slices.SortStableFunc(rank, func(a, b report.Event) int {
		return cmp.Or(cmp.Compare(b.Fatalities.N, a.Fatalities.N), cmp.Compare(b.Kidnapped.N, a.Kidnapped.N),
			cmp.Compare(b.VehiclesDestroyed.N, a.VehiclesDestroyed.N), cmp.Compare(len(b.Corridors), len(a.Corridors)),
			cmp.Compare(class(a), class(b)))
	})
	// Ties at the cut may go either way; the events above it must print.
	cut := rank[report.ChronologyDefault-1]
	same := func(a, b report.Event) bool {
		return a.Fatalities.N == b.Fatalities.N && a.Kidnapped.N == b.Kidnapped.N && a.VehiclesDestroyed.N == b.VehiclesDestroyed.N &&
			len(a.Corridors) == len(b.Corridors) && class(a) == class(b)
	}

	_, doc, _ := build(t, ds, l)
	summaries := chronologyColumn(t, doc, chronologyHeader, "Summary")
	printed := regexp.MustCompile(`Ref(\d+)\.`).FindAllStringSubmatch(squeeze(summaries.text()), -1)
	if len(printed) != report.ChronologyDefault {
		t.Fatalf("the chronology prints %d events of %d; want %d", len(printed), len(sel.Events), report.ChronologyDefault)
	}
	byRef := map[string]report.Event{}
	for i, e := range ds.Events {
		byRef[fmt.Sprint(i)] = e
	}
	var got []report.Event
	for _, m := range printed {
		got = append(got, byRef[m[1]])
	}
	for _, e := range rank[:report.ChronologyDefault] {
		if same(e, cut) {
			continue
		}
		if !slices.ContainsFunc(got, func(g report.Event) bool { return g.ID == e.ID }) {
			t.Errorf("event %s (%d fatalities) ranks above the cut but is not printed", e.ID, e.Fatalities.N)
		}
	}
	for _, g := range got {
		if MoreThan := !same(g, cut) && slices.IndexFunc(rank, func(e report.Event) bool { return e.ID == g.ID }) >= report.ChronologyDefault; MoreThan {
			t.Errorf("event %s (%d fatalities) is printed but ranks below the cut", g.ID, g.Fatalities.N)
		}
	}
	if !slices.IsSortedFunc(got, func(a, b report.Event) int { return a.Date.Compare(b.Date) }) {
		t.Error("the printed events are not in date order")
	}

	text := flat(doc.Text())
	for _, want := range []string{
		fmt.Sprintf("The 60 most significant of the period’s %s events", groupThousands(len(sel.Events))),
		fmt.Sprintf("The period holds %s events; the Excel annex, synthetic-annex.xlsx, lists them all", groupThousands(len(sel.Events))),
		fmt.Sprintf("%s sources back the period’s events in all", groupThousands(len(sel.EventSources()))),
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the letter lacks %q", want)
		}
	}
	// The sources list holds the notes' sources and the printed rows'.
	want := map[string]bool{}
	for _, g := range got {
		for _, id := range g.Sources {
			want[id] = true
		}
	}
	for _, s := range l.Sections {
		for _, id := range s.Body.Notes() {
			want[id] = true
		}
	}
	if n := len(sel.CitedSources()); n != len(want) {
		t.Errorf("the sources list has %d entries; the notes and printed rows cite %d", n, len(want))
	}
	if pages := len(doc.Pages); pages > 40 {
		t.Errorf("the letter of 2,000 events has %d pages; want at most 40", pages)
	}
}

func groupThousands(n int) string {
	s := fmt.Sprint(n)
	for i := len(s) - 3; i > 0; i -= 3 {
		s = s[:i] + "," + s[i:]
	}
	return s
}

// loadSynthetic writes and loads a synthetic dataset of n events, and
// returns its letter.
func loadSynthetic(t *testing.T, n int) (*report.Dataset, *report.Letter) {
	t.Helper()
	dir := t.TempDir()
	if err := synth.Write(dir, n, 3); err != nil {
		t.Fatal(err)
	}
	ds, diags := report.Load(dir)
	if diags.HasErrors() {
		t.Fatalf("synthetic data: %v", diags)
	}
	l, ok := ds.Letter(synth.LetterID)
	if !ok {
		t.Fatal("no synthetic letter")
	}
	return ds, l
}
