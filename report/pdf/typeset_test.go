package pdf

import (
	"strings"
	"testing"

	"briefing/report/locale"
	"briefing/report/pdf/hyphen"
)

// frenchDoc is testDoc with the French catalogue and hyphenation.
func frenchDoc(t *testing.T) *doc {
	t.Helper()
	d := testDoc(t)
	var err error
	if d.cat, err = locale.For("fr"); err != nil {
		t.Fatal(err)
	}
	if d.hyph, err = hyphen.For("fr"); err != nil {
		t.Fatal(err)
	}
	return d
}

// TestNarrowSpaceGlyph: the fonts draw U+202F and U+00A0, so that a
// line's width counts them as the page shows them.
func TestNarrowSpaceGlyph(t *testing.T) {
	d := testDoc(t)
	for _, family := range []string{serif, sans} {
		for _, style := range []string{"", "B", "I", "BI"} {
			f := d.opt.Fonts.Font(family, style)
			if f == nil {
				t.Fatalf("no font %s %q", family, style)
			}
			for _, r := range []rune{'\u202f', '\u00a0'} {
				if f.Index(r) == 0 {
					t.Errorf("%s %q has no glyph for %U", family, style, r)
				}
			}
			narrow := d.measure("\u202f", family, style, 10)
			space := d.measure(" ", family, style, 10)
			if narrow <= 0 || narrow >= space {
				t.Errorf("%s %q: U+202F is %.3f mm wide, a space %.3f mm", family, style, narrow, space)
			}
		}
	}
}

// TestFrenchBreaks: at every measure, a French paragraph never leaves «
// at the end of a line, nor starts one with », a mark that takes a space
// before it, "%" or a unit; the data's plain spaces are made no-break.
func TestFrenchBreaks(t *testing.T) {
	d := frenchDoc(t)
	text := "Selon « une source locale », 30 % des camions sont bloqués ; le convoi a parcouru 1 234 km ! " +
		"Pourquoi ? Note : les « transporteurs » réclament 12 % de plus, soit 5 000 FCFA par tonne, le 1er février."
	for _, tt := range []struct {
		name  string
		spans func() []span
	}{
		{"one span", func() []span { return []span{d.prose(strings.Repeat(text+" ", 3), serif, "", bodySize, d.pal.ink)} }},
		{"quotation in italics", func() []span {
			return []span{
				d.prose("Le rapport, intitulé «", serif, "", bodySize, d.pal.ink),
				d.prose("Les corridors sous pression", serif, "I", bodySize, d.pal.ink),
				d.prose("», note que 30", serif, "", bodySize, d.pal.ink),
				d.prose("% des routes sont fermées ! "+text, serif, "", bodySize, d.pal.ink),
			}
		}},
	} {
		t.Run(tt.name, func(t *testing.T) {
			for width := 30.0; width <= 120; width += 0.25 {
				b := d.typeset(tt.spans(), 0, width, bodyLeading, justify)
				lines := lineTexts(b)
				for i, ln := range lines {
					if strings.HasSuffix(strings.TrimRight(ln, " \u202f"), "«") {
						t.Errorf("%g mm: line %q ends with «", width, ln)
					}
					if i == 0 {
						continue
					}
					for _, start := range []string{"»", ";", "!", "?", ":", "%", "km", "FCFA", "\u202f", "\u00a0"} {
						if strings.HasPrefix(ln, start) {
							t.Errorf("%g mm: line %q starts with %q (after %q)", width, ln, start, lines[i-1])
						}
					}
					if strings.HasSuffix(lines[i-1], "1er") {
						t.Errorf("%g mm: line %q ends with the ordinal of the date on the next", width, lines[i-1])
					}
				}
				joined := strings.Join(lines, " ")
				for _, want := range []string{"«\u202fune source locale\u202f»", "30\u202f%", "bloqués\u202f;", "1\u202f234\u202fkm\u202f!", "Pourquoi\u202f?", "Note\u00a0:", "5\u202f000\u202fFCFA"} {
					if !strings.Contains(strings.ReplaceAll(joined, "-\u202f", "\u202f"), want) && !hyphenated(lines, want) {
						t.Errorf("%g mm: the paragraph lacks %q:\n%s", width, want, strings.Join(lines, "\n"))
					}
				}
				if t.Failed() {
					return
				}
			}
		})
	}
}

// hyphenated reports whether want is in lines once the hyphens the
// typesetter added at their ends are taken out.
func hyphenated(lines []string, want string) bool {
	return strings.Contains(strings.ReplaceAll(strings.Join(lines, "\n"), "-\n", ""), want)
}

// TestEnglishUnchanged: an English letter's text keeps its spaces, and
// no span goes through French spacing.
func TestEnglishUnchanged(t *testing.T) {
	d := testDoc(t)
	d.cat, _ = locale.For("en")
	text := "Attention! A « quote » and 30 % of 1 234 km: why ?"
	b := d.typeset([]span{plain(text, serif, "", bodySize, d.pal.ink)}, 0, 500, bodyLeading, alignLeft)
	if got := strings.Join(lineTexts(b), " "); got != text {
		t.Errorf("English text set as %q, want %q", got, text)
	}
}

// TestTypographySpansUnchanged: the typesetter does not change the spans
// it is given, which a caller may set again.
func TestTypographySpansUnchanged(t *testing.T) {
	d := frenchDoc(t)
	spans := []span{plain("Attention", sans, "B", 9, d.pal.ink), plain("!", sans, "", 9, d.pal.ink)}
	d.split(spans)
	if spans[0].text != "Attention" || spans[1].text != "!" {
		t.Errorf("split changed its spans: %q %q", spans[0].text, spans[1].text)
	}
	words := d.split(spans)
	if len(words) != 1 || len(words[0].parts) != 2 || words[0].parts[1].text != "\u202f!" {
		t.Errorf("Attention in bold and ! give %d words, want one whose second part is \"\\u202f!\"", len(words))
	}
}

func TestGluesToNext(t *testing.T) {
	one := func(s string) word { return word{parts: []span{{text: s}}} }
	for _, tt := range []struct {
		w, next string
		want    bool
	}{
		{"3", "September", true},
		{"1.52", "million", true},
		{"1,234", "people", true},
		{"1\u202f234", "personnes", true},
		{"1er", "février", true},
		{"21st", "century", true},
		{"12,500", "km", true},
		{"12,500", "km,", true},
		{"12\u202f500", "FCFA.", true},
		{"12,500", "people", false},
		{"123456", "people", false},
		{"RN1", "road", false},
		{"Kayes", "km", false},
	} {
		if got := gluesToNext(one(tt.w), tt.next); got != tt.want {
			t.Errorf("gluesToNext(%q, %q) = %v, want %v", tt.w, tt.next, got, tt.want)
		}
	}
}
