package pdf

import (
	"context"
	"math"
	"slices"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"briefing/charts"
	"briefing/report/pdf/hyphen"
)

// testDoc is a doc with a page open and nothing else, to test the flow.
func testDoc(t *testing.T) *doc {
	t.Helper()
	fonts, err := charts.NewFontSet()
	if err != nil {
		t.Fatal(err)
	}
	p := fpdf.New("P", "mm", "A4", "")
	p.SetAutoPageBreak(false, 0)
	if err := fonts.Register(p); err != nil {
		t.Fatal(err)
	}
	d := &doc{ctx: context.Background(), pdf: p, opt: Options{Fonts: fonts}, widths: map[widthKey]float64{}}
	d.newPage(true)
	return d
}

// testBlock returns a block of n lines.
func (d *doc) testBlock(n int) block {
	text := strings.TrimSpace(strings.Repeat("word ", 40*n))
	b := d.typeset([]span{plain(text, serif, "", bodySize, d.pal.ink)}, marginL, textW, bodyLeading, justify)
	b.lines = b.lines[:n]
	return b
}

// TestFlowNoOrphansNoWidows: a paragraph broken by a page leaves at least
// two lines on each side; one that cannot moves whole.
func TestFlowNoOrphansNoWidows(t *testing.T) {
	tests := []struct {
		name       string
		lines      int
		room       int // lines that fit before the foot of the page
		firstPage  int // lines set on the first page
		pagesAfter int
	}{
		{"fits", 5, 6, 5, 1},
		{"fits exactly", 5, 5, 5, 1},
		{"one line of room: no orphan", 5, 1, 0, 2},
		{"one line would be left: no widow", 5, 4, 3, 2},
		{"two and two", 4, 2, 2, 2},
		{"three lines, two of room: move whole", 3, 2, 0, 2},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			d := testDoc(t)
			d.y = bodyBottom - float64(tt.room)*bodyLeading - 0.001
			start := d.y
			d.flow(d.testBlock(tt.lines))
			if got := d.pdf.PageNo(); got != tt.pagesAfter {
				t.Fatalf("ended on page %d, want %d", got, tt.pagesAfter)
			}
			onNext := tt.lines - tt.firstPage
			if tt.pagesAfter == 1 {
				if math.Abs(d.y-(start+float64(tt.lines)*bodyLeading)) > 1e-6 {
					t.Errorf("y = %g, want %g", d.y, start+float64(tt.lines)*bodyLeading)
				}
				return
			}
			if want := bodyTop + float64(onNext)*bodyLeading; math.Abs(d.y-want) > 1e-6 {
				t.Errorf("%d lines on the next page, want %d", int((d.y-bodyTop)/bodyLeading+0.5), onNext)
			}
		})
	}
}

// TestBreakLines: long words are cut where a reader expects, and short
// numbers stay with the word after them.
func TestBreakLines(t *testing.T) {
	d := testDoc(t)
	url := "https://www.sudquotidien.sn/enlevement-des-chauffeurs-sur-le-corridor-dakar-bamako-les-verites-du-president/"
	b := d.typeset([]span{plain(url, sans, "", 8, d.pal.ink)}, 0, 60, 4, alignLeft)
	if len(b.lines) < 2 {
		t.Fatalf("a URL wider than the line was not cut: %d lines", len(b.lines))
	}
	var joined string
	for _, ln := range b.lines {
		var line string
		for _, w := range ln.words {
			for _, p := range w.parts {
				line += p.text
			}
		}
		if w := d.width(line, sans, "", 8); w > 60.01 {
			t.Errorf("line %q is %.1f mm wide, over 60", line, w)
		}
		if !strings.HasSuffix(line, "/") && !strings.HasSuffix(line, "-") && line != b.lines[len(b.lines)-1].words[0].parts[0].text {
			t.Errorf("line %q is not cut after a separator", line)
		}
		joined += line
	}
	if joined != url {
		t.Errorf("the pieces give %q, want the URL whole", joined)
	}

	words := d.split([]span{plain("on 3 September, 1.52 million people", serif, "", bodySize, d.pal.ink)})
	var texts []string
	for _, w := range words {
		var text string
		for _, p := range w.parts {
			text += p.text
		}
		texts = append(texts, text)
	}
	if got := strings.Join(texts, "|"); got != "on|3 September,|1.52 million|people" {
		t.Errorf("words = %q", got)
	}
}

// lineTexts returns each line of a block as text.
func lineTexts(b block) []string {
	var out []string
	for _, ln := range b.lines {
		var words []string
		for _, w := range ln.words {
			var text string
			for _, p := range w.parts {
				text += p.text
			}
			words = append(words, text)
		}
		out = append(out, strings.Join(words, " "))
	}
	return out
}

// TestHyphenation: justified and ragged text is hyphenated where a line
// would stretch or end short, never twice in a row more than twice, and
// never in names, URLs, numbers or text marked plain.
func TestHyphenation(t *testing.T) {
	d := testDoc(t)
	en, err := hyphen.For("en")
	if err != nil {
		t.Fatal(err)
	}
	d.hyph = en
	prose := strings.Repeat("International organisations considered the humanitarian consequences of transportation disruptions extraordinarily significant. ", 12)

	b := d.typeset([]span{d.prose(prose, serif, "", bodySize, d.pal.ink)}, marginL, 38, bodyLeading, justify)
	hyphenated, inRow, most := 0, 0, 0
	for i, ln := range lineTexts(b) {
		if b.lines[i].hyphen {
			hyphenated++
			inRow++
			most = max(most, inRow)
			if !strings.HasSuffix(ln, "-") {
				t.Errorf("line %q is marked hyphenated but does not end in a hyphen", ln)
			}
		} else {
			inRow = 0
		}
		if w := d.width(ln, serif, "", bodySize); w > 38.01 {
			t.Errorf("line %q is %.1f mm wide, over 38", ln, w)
		}
	}
	if hyphenated == 0 {
		t.Error("38 mm of justified text full of long words has no hyphenated line")
	}
	if most > 2 {
		t.Errorf("%d hyphenated lines in a row; at most 2", most)
	}
	// Every word comes back whole once the hyphens are taken out.
	joined := strings.ReplaceAll(strings.Join(lineTexts(b), "\n"), "-\n", "")
	if got, want := strings.Fields(joined), strings.Fields(prose); !slices.Equal(got, want) {
		t.Errorf("the hyphenated text reads back as %d words, want %d", len(got), len(want))
	}

	for _, tt := range []struct {
		name string
		sp   span
	}{
		{"plain text", plain(prose, sans, "", cellSize, d.pal.ink)},
		{"a URL", d.prose("see https://www.example.org/transportation-disruptions/extraordinarily-significant-considerations", sans, "", cellSize, d.pal.ink)},
		{"names", d.prose(strings.Repeat("Oussoubidiagna Farabougou Bafoulabé ", 8), sans, "", cellSize, d.pal.ink)},
		{"numbers and acronyms", d.prose(strings.Repeat("1,520,000 123456789 ACLED-JNIM-RN1 ", 8), sans, "", cellSize, d.pal.ink)},
	} {
		b := d.typeset([]span{tt.sp}, 0, 30, cellLeading, alignLeft)
		for _, ln := range b.lines {
			if ln.hyphen {
				t.Errorf("%s: line %q is hyphenated", tt.name, lineTexts(block{lines: []line{ln}})[0])
			}
		}
	}
}
