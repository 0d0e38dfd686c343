package build_test

import (
	"bytes"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"briefing/internal/build"
	"briefing/internal/pdftest"
	"briefing/internal/synth"
	"briefing/report"
	"briefing/report/locale"
)

// TestFiguresAgree builds a letter, reads its PDF and its annex back as a
// reader would, and checks that every number printed in more than one
// place is the same number: the key figures, the totals of Figure 1, the
// rows of the chronology, the methodology's table and facts, and the
// annex's About, Events, Sources and Frequency sheets. The annex's Events
// sheet is the reference: one row per event, as a partner would count.
func TestFiguresAgree(t *testing.T) {
	synthetic := t.TempDir()
	if err := synth.Write(synthetic, 400, 7); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ name, dir, letter string }{
		{"sample", "../../data", "2025-09-kayes"},
		{"synthetic", synthetic, synth.LetterID},
	} {
		t.Run(tt.name, func(t *testing.T) {
			ds, diags := report.Load(tt.dir)
			if diags.HasErrors() {
				t.Fatalf("%s does not load:\n%v", tt.dir, diags)
			}
			l, ok := ds.Letter(tt.letter)
			if !ok {
				t.Fatalf("no letter %s", tt.letter)
			}
			doc, book := buildLetter(t, ds, l)
			defer book.Close()
			checkFiguresAgree(t, doc, book)
		})
	}
}

func buildLetter(t *testing.T, ds *report.Dataset, l *report.Letter) (*pdftest.Doc, *excelize.File) {
	t.Helper()
	var doc *pdftest.Doc
	var book *excelize.File
	var err error
	for path, data := range buildFiles(t, ds, l) {
		switch path {
		case build.PDFPath(l):
			if doc, err = pdftest.Parse(data); err != nil {
				t.Fatalf("reading the PDF: %v", err)
			}
		case build.AnnexPath(l):
			if book, err = excelize.OpenReader(bytes.NewReader(data)); err != nil {
				t.Fatalf("reading the annex: %v", err)
			}
		}
	}
	if doc == nil || book == nil {
		t.Fatal("the build made no PDF or no annex")
	}
	return doc, book
}

// truth is what a partner counts from the annex's Events sheet.
type truth struct {
	events, violence, strategic, demonstrations int
	corridorsHit                                int
	fatalities, claimedFatalities               int
	sources                                     map[string]bool // ids in the events' source_ids
}

func eventsTruth(t *testing.T, book *excelize.File) truth {
	t.Helper()
	rows, err := book.GetRows("Events")
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, name := range rows[0] {
		col[name] = i
	}
	for _, name := range []string{"disorder_type", "corridors", "fatalities", "claimed_by", "source_ids"} {
		if _, ok := col[name]; !ok {
			t.Fatalf("the Events sheet has no column %q: %v", name, rows[0])
		}
	}
	cell := func(r []string, name string) string {
		if i := col[name]; i < len(r) {
			return r[i]
		}
		return ""
	}
	tr := truth{sources: map[string]bool{}}
	hit := map[string]bool{}
	for _, r := range rows[1:] {
		tr.events++
		for id := range strings.SplitSeq(cell(r, "source_ids"), ";") {
			if id = strings.TrimSpace(id); id != "" {
				tr.sources[id] = true
			}
		}
		disorder := cell(r, "disorder_type")
		if strings.Contains(disorder, "Political violence") {
			tr.violence++
			for c := range strings.SplitSeq(cell(r, "corridors"), ";") {
				if c = strings.TrimSpace(c); c != "" {
					hit[c] = true
				}
			}
		}
		if strings.Contains(disorder, "Demonstrations") {
			tr.demonstrations++
		}
		if disorder == "Strategic developments" {
			tr.strategic++
		}
		if f := cell(r, "fatalities"); f != "" {
			n, err := strconv.Atoi(f)
			if err != nil {
				t.Fatalf("fatalities %q is not a number", f)
			}
			tr.fatalities += n
			if cell(r, "claimed_by") != "" {
				tr.claimedFatalities += n
			}
		}
	}
	tr.corridorsHit = len(hit)
	return tr
}

func checkFiguresAgree(t *testing.T, doc *pdftest.Doc, book *excelize.File) {
	tr := eventsTruth(t, book)
	if tr.events == 0 {
		t.Fatal("the annex lists no event")
	}
	eq := func(what string, got, want int) {
		t.Helper()
		if got != want {
			t.Errorf("%s = %d, want %d", what, got, want)
		}
	}

	// The key figures page.
	tiles := keyFigureTiles(t, doc)
	eq("key figure: political violence events", number(t, tiles, "Political violence events"), tr.violence)
	eq("key figure: strategic developments", number(t, tiles, "Strategic developments"), tr.strategic)
	if tr.demonstrations > 0 {
		eq("key figure: demonstrations", number(t, tiles, "Demonstrations"), tr.demonstrations)
	}
	eq("key figure: corridors hit", number(t, tiles, "Trade corridors hit by violence"), tr.corridorsHit)
	if tr.fatalities > 0 {
		eq("key figure: fatalities", number(t, tiles, "Reported fatalities"), tr.fatalities)
	}
	// The sources: the letter lists those of its notes and printed rows,
	// numbered as the Sources sheet's "Letter no." column numbers them;
	// the sheet also holds the sources of the events left unprinted.
	sourceRows, err := book.GetRows("Sources")
	if err != nil {
		t.Fatal(err)
	}
	numbered, letterNo := 0, slices.Index(sourceRows[0], "Letter no.")
	if letterNo < 0 {
		t.Fatalf("the Sources sheet has no Letter no. column: %q", sourceRows[0])
	}
	for _, r := range sourceRows[1:] {
		if letterNo < len(r) && r[letterNo] != "" {
			numbered++
		}
	}
	listed := sourcesListed(doc)
	eq("key figure: sources (entries of the letter's sources list)", number(t, tiles, "Sources"), listed)
	eq("sources with a number on the Sources sheet", numbered, listed)
	citing := slices.Index(sourceRows[0], "Events citing it")
	backing := 0
	for _, r := range sourceRows[1:] {
		if citing < len(r) && r[citing] != "0" {
			backing++
		}
	}
	eq("Sources sheet rows cited by events (source ids of the Events sheet)", backing, len(tr.sources))

	// The chronology: one row per event, up to the letter's bound.
	printed := tr.events
	if printed > report.ChronologyAll {
		printed = report.ChronologyDefault
		holds := match(t, flatText(doc), `The period holds ([\d,]+) events; the Excel annex`)
		eq("chronology: the period's events, below the table", holds, tr.events)
	}
	eq("chronology rows", chronologyRows(t, doc), printed)

	// The methodology's table and facts.
	method := pagesText(doc, "Methodology and data", "")
	eq("methodology: total this period", match(t, method, `(?m)^Total ([\d,]+)`), tr.events)
	eq("methodology: political violence this period", match(t, method, `(?m)^of which political violence ([\d,]+)`), tr.violence)
	eq("methodology: events fact", match(t, method, `(?m)^Events ([\d,]+) in the period`), tr.events)
	eq("methodology: political violence fact", match(t, method, `in the period: ([\d,]+) of political violence`), tr.violence)
	eq("methodology: strategic developments fact", match(t, method, `of political violence, ([\d,]+) strategic developments`), tr.strategic)
	eq("methodology: sources fact", match(t, method, `(?m)^Sources ([\d,]+) in the letter’s sources list`), listed)
	eq("methodology: sources behind the events", match(t, flatText(doc), `sources list; ([\d,]+) behind the period’s events`), len(tr.sources))

	// The annex's own summary and its Frequency sheet.
	outside := checkAbout(t, book, tr, listed)
	checkFrequency(t, doc, book, tr, outside)
}

// keyFigureTiles reads the key figures page: each value (set large) with
// the bold label under it in the same tile.
func keyFigureTiles(t *testing.T, doc *pdftest.Doc) map[string]string {
	t.Helper()
	for _, p := range doc.Pages {
		if !slices.Contains(p.Lines(), "Key figures") {
			continue
		}
		tiles := map[string]string{}
		for _, v := range p.Text {
			if v.Size < 11.5 || v.Size > 30 || strings.Contains("Key figures", strings.TrimSpace(v.Text)) {
				continue
			}
			var label []pdftest.TextRun
			for _, r := range p.Text {
				if r.Size > 8 && r.Size < 9 && r.X >= v.X-1 && r.X < v.X+100 && r.Y > v.Y && r.Y < v.Y+45 {
					label = append(label, r)
				}
			}
			slices.SortStableFunc(label, func(a, b pdftest.TextRun) int {
				if a.Y != b.Y {
					return int(a.Y - b.Y)
				}
				return int(a.X - b.X)
			})
			var words []string
			for _, r := range label {
				words = append(words, strings.TrimSpace(r.Text))
			}
			tiles[strings.Join(words, " ")] = strings.TrimSpace(v.Text)
		}
		return tiles
	}
	t.Fatal("no key figures page")
	return nil
}

func number(t *testing.T, tiles map[string]string, label string) int {
	t.Helper()
	v, ok := tiles[label]
	if !ok {
		t.Errorf("no key figure %q among %q", label, tiles)
		return -1
	}
	n, err := strconv.Atoi(strings.ReplaceAll(v, ",", ""))
	if err != nil {
		t.Errorf("key figure %q is %q, not a number", label, v)
		return -1
	}
	return n
}

// pagesText returns the text of the pages from the one holding from up to
// the one holding to (excluded; the end of the document when empty).
func pagesText(doc *pdftest.Doc, from, to string) string {
	var out []string
	in := false
	for i := range doc.Pages {
		text := doc.PageText(i)
		if !in && strings.Contains(text, from) {
			in = true
			if _, after, ok := strings.Cut(text, from); ok {
				text = after
			}
		}
		if in && to != "" && strings.Contains(text, to) {
			before, _, _ := strings.Cut(text, to)
			out = append(out, before)
			break
		}
		if in {
			out = append(out, text)
		}
	}
	return strings.Join(out, "\n")
}

// flatText is the document's text on one line, single-spaced.
func flatText(doc *pdftest.Doc) string { return strings.Join(strings.Fields(doc.Text()), " ") }

// sourcesListed counts the entries of the letter's sources list, numbered
// from 1.
func sourcesListed(doc *pdftest.Doc) int {
	n := 0
	for _, m := range regexp.MustCompile(`(?m)^(\d+)\. `).FindAllStringSubmatch(pagesText(doc, "Sources cited", "Methodology and data"), -1) {
		if k, _ := strconv.Atoi(m[1]); k == n+1 {
			n = k
		}
	}
	return n
}

func match(t *testing.T, text, pattern string) int {
	t.Helper()
	m := regexp.MustCompile(pattern).FindStringSubmatch(text)
	if m == nil {
		t.Errorf("no %q in:\n%s", pattern, text)
		return -1
	}
	n, _ := strconv.Atoi(strings.ReplaceAll(m[1], ",", ""))
	return n
}

// chronologyRows counts the rows of the chronology: each row's date cell,
// in the first column, ends with the year, whatever its precision ("1 Jul
// 2025", "week of 25 Aug 2025", "July 2025", "5–6 Sep 2025").
func chronologyRows(t *testing.T, doc *pdftest.Doc) int {
	t.Helper()
	year := regexp.MustCompile(`\d{4}$`)
	rows, in := 0, false
	for _, p := range doc.Pages {
		lines := p.Lines()
		if slices.Contains(lines, "Chronology of events") {
			in = true
		}
		if !in {
			continue
		}
		// The table's cells are set small; the first column runs from the
		// text's left edge (20 mm) for 18 mm. The sources list, which
		// follows, is set larger.
		first := p
		first.Text = nil
		for _, r := range p.Text {
			if r.X >= mm(20) && r.X < mm(37) && r.Size < 8 {
				first.Text = append(first.Text, r)
			}
		}
		for _, line := range first.Lines() {
			if year.MatchString(line) {
				rows++
			}
		}
		if slices.Contains(lines, "Sources cited") {
			break
		}
	}
	return rows
}

func mm(v float64) float64 { return v * 72 / 25.4 }

// checkAbout compares the annex's About sheet with what the Events and
// Sources sheets hold. It returns the events the About sheet says fall
// outside the coverage.
func checkAbout(t *testing.T, book *excelize.File, tr truth, sources int) int {
	t.Helper()
	cat, err := locale.For("en")
	if err != nil {
		t.Fatal(err)
	}
	rows, err := book.GetRows(cat.T("annex.sheet.about"))
	if err != nil {
		t.Fatal(err)
	}
	about := map[string]string{}
	for _, r := range rows {
		if len(r) >= 2 {
			about[r[0]] = r[1]
		}
	}
	value := func(key string) int {
		t.Helper()
		label := cat.T(key)
		v, ok := about[label]
		if !ok {
			t.Errorf("the About sheet has no row %q", label)
			return -1
		}
		n, err := strconv.Atoi(v)
		if err != nil {
			t.Errorf("About: %s is %q, not a number", label, v)
			return -1
		}
		return n
	}
	eq := func(what string, got, want int) {
		t.Helper()
		if got != want {
			t.Errorf("About: %s = %d, want %d", what, got, want)
		}
	}
	eq("events", value("annex.kf.events"), tr.events)
	eq("political violence events", value("annex.kf.violence"), tr.violence)
	eq("strategic developments", value("annex.kf.strategic"), tr.strategic)
	eq("demonstrations", value("annex.kf.demonstrations"), tr.demonstrations)
	eq("corridors hit", value("annex.kf.corridors"), tr.corridorsHit)
	eq("sources", value("annex.kf.sources"), sources)
	if tr.fatalities > 0 {
		eq("fatalities", value("annex.kf.fatalities"), tr.fatalities)
	}
	return value("annex.kf.outside")
}

// checkFrequency compares Figure 1 and the annex's Frequency sheet with
// the events: the numbers over the columns and in the strip of strategic
// developments add up to the events of the covered weeks or months, which
// are the period's events less those recorded outside the coverage.
func checkFrequency(t *testing.T, doc *pdftest.Doc, book *excelize.File, tr truth, outside int) {
	t.Helper()
	rows, err := book.GetRows("Frequency")
	if err != nil {
		t.Fatal(err)
	}
	col := map[string]int{}
	for i, name := range rows[0] {
		col[name] = i
	}
	sum := func(name string) int {
		i, ok := col[name]
		if !ok {
			t.Fatalf("the Frequency sheet has no column %q: %v", name, rows[0])
		}
		n := 0
		for _, r := range rows[1:] {
			if i < len(r) && r[i] != "" {
				v, err := strconv.Atoi(r[i])
				if err != nil {
					t.Fatalf("Frequency: %s holds %q", name, r[i])
				}
				n += v
			}
		}
		return n
	}
	stacked, strategic, all := sum("Political violence and demonstrations"), sum("Strategic developments"), sum("All events")
	if stacked+strategic != all || all != tr.events-outside {
		t.Errorf("Frequency sheet: %d stacked + %d strategic = %d events drawn; the period has %d, %d of them outside the coverage",
			stacked, strategic, all, tr.events, outside)
	}
	bars, strip := figureOneNumbers(t, doc)
	if bars != stacked || strip != strategic {
		t.Errorf("Figure 1 prints %d over its columns and %d in its strip of strategic developments; the annex counts %d and %d",
			bars, strip, stacked, strategic)
	}
}

// figureOneNumbers adds up the numbers printed in Figure 1: over the
// columns, and in the row of strategic developments under the axis.
func figureOneNumbers(t *testing.T, doc *pdftest.Doc) (bars, strip int) {
	t.Helper()
	numeric := regexp.MustCompile(`^[\d,]+$`)
	for _, p := range doc.Pages {
		var top, bottom, stripY float64
		for i, r := range p.Text {
			// The caption is set word by word: "Figure", "1.".
			caption := strings.HasPrefix(r.Text, "Figure 1.") ||
				(strings.TrimSpace(r.Text) == "Figure" && i+1 < len(p.Text) && strings.HasPrefix(p.Text[i+1].Text, "1.") && p.Text[i+1].Y == r.Y)
			switch {
			case top == 0 && caption:
				top = r.Y
			case top > 0 && bottom == 0 && strings.HasPrefix(r.Text, "Source:"):
				bottom = r.Y
			case top > 0 && bottom == 0 && strings.TrimSpace(r.Text) == "Strategic developments" && stripY == 0:
				stripY = r.Y
			}
		}
		if top == 0 {
			continue
		}
		if bottom == 0 || stripY == 0 {
			t.Fatalf("Figure 1 has no source line or no strip of strategic developments")
		}
		// The axis's numbers are set a little larger than the counts
		// (7.5 and 7 points at full width), whatever the figure's scale.
		var numbers []pdftest.TextRun
		axis := 0.0
		for _, r := range p.Text {
			if r.Y > top && r.Y < bottom && numeric.MatchString(strings.TrimSpace(r.Text)) {
				numbers = append(numbers, r)
				axis = max(axis, r.Size)
			}
		}
		for _, r := range numbers {
			if r.Size > axis*0.97 {
				continue
			}
			n, _ := strconv.Atoi(strings.ReplaceAll(strings.TrimSpace(r.Text), ",", ""))
			if r.Y > stripY {
				strip += n
			} else {
				bars += n
			}
		}
		return bars, strip
	}
	t.Fatal("no Figure 1")
	return 0, 0
}
