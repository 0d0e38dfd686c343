package pdf

import (
	"context"
	"math"
	"strings"
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"briefing/charts"
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
	d := &doc{ctx: context.Background(), pdf: p, widths: map[widthKey]float64{}}
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
