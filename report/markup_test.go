package report_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"unicode/utf8"

	"briefing/internal/fixture"
	"briefing/report"
)

// render writes a body back in a compact form: ¶ starts a paragraph, • a
// bullet, <b>…</b> and <i>…</i> mark styles, {id} a note.
func render(b report.Body) string {
	var s strings.Builder
	for _, bl := range b.Blocks {
		s.WriteString(map[report.BlockKind]string{report.Paragraph: "¶", report.Bullet: "•"}[bl.Kind])
		for _, in := range bl.Inlines {
			switch {
			case in.Note != "":
				fmt.Fprintf(&s, "{%s}", in.Note)
			case in.Figure != "":
				fmt.Fprintf(&s, "<fig %s>", in.Figure)
			case in.Bold && in.Italic:
				fmt.Fprintf(&s, "<b><i>%s</i></b>", in.Text)
			case in.Bold:
				fmt.Fprintf(&s, "<b>%s</b>", in.Text)
			case in.Italic:
				fmt.Fprintf(&s, "<i>%s</i>", in.Text)
			default:
				s.WriteString(in.Text)
			}
		}
	}
	return s.String()
}

func TestParseBody(t *testing.T) {
	tests := []struct {
		name, in, want, problems string
	}{
		{"paragraphs", "One line\nwrapped.\n\n\nTwo.", "¶One line wrapped.¶Two.", ""},
		{"styles", "A **bold** and *italic* and ***both***.", "¶A <b>bold</b> and <i>italic</i> and <b><i>both</i></b>.", ""},
		{"notes", "Claim[^a-1].[^b][^c.d]", "¶Claim{a-1}.{b}{c.d}", ""},
		{"bullets", "Risks:\n- first,\n  continued\n- second[^s]", "¶Risks:•first, continued•second{s}", ""},
		{"escapes", `5 \* 3 and \[^not-a-note] and a \\`, `¶5 * 3 and [^not-a-note] and a \`, ""},
		{"unicode kept", "« Kayes » — “quoted” – 1 000\u202f%…", "¶« Kayes » — “quoted” – 1 000\u202f%…", ""},
		{"spaced asterisk", "a * b and *c*", "¶a * b and <i>c</i>", ""},
		{"stray asterisk", "a *b and c", "¶a *b and c", "2 warning: * opens italic"},
		{"two unclosed", "*a **b", "¶*a **b", "0 warning: * opens italic|3 warning: ** opens bold"},
		{"unclosed bold", "**bold forever", "¶**bold forever", "0 warning: ** opens bold"},
		{"bad note id", "x[^Bad Id] y[^Up]", "¶x[^Bad Id] y{Up}", "1 error: note reference is not closed|12 error: note reference [^Up]"},
		{"empty", "\n\n", "", ""},
		// A figure reference ends at the punctuation after its name.
		{"figure references", "See @fig:map. And (@fig:frequency), @fig:corridors-2!", "¶See <fig map>. And (<fig frequency>), <fig corridors-2>!", ""},
		{"escaped figure reference", `an \@fig:map and me@example.org`, "¶an @fig:map and me@example.org", ""},
		{"figure without a name", "See @fig: here", "¶See @fig: here", "4 error: figure reference @fig: names no figure"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			body, problems := report.ParseBodyForTest(tt.in)
			if got := render(body); got != tt.want {
				t.Errorf("ParseBody(%q) = %q, want %q", tt.in, got, tt.want)
			}
			if got := strings.Join(problems, "|"); !matchPrefixes(got, tt.problems) {
				t.Errorf("problems = %q, want prefixes %q", got, tt.problems)
			}
		})
	}
}

func matchPrefixes(got, want string) bool {
	g, w := strings.Split(got, "|"), strings.Split(want, "|")
	if len(g) != len(w) {
		return false
	}
	for i := range g {
		if !strings.HasPrefix(g[i], w[i]) {
			return false
		}
	}
	return true
}

// TestNotePositions: a dangling note is reported where it is written,
// whatever the YAML style of the body.
func TestNotePositions(t *testing.T) {
	tests := []struct {
		name, section, want string
	}{
		{"literal", "    - title: T\n      body: |\n        First line.\n\n        Then é [^missing].\n", "data/letters/2025-07-test.yaml:12:16"},
		{"folded", "    - title: T\n      body: >\n        First line\n        then é [^missing].\n", "data/letters/2025-07-test.yaml:11:16"},
		{"quoted", "    - {title: T, body: \"Quoted é [^missing].\"}\n", "data/letters/2025-07-test.yaml:8:34"},
		{"second of two", "    - title: T\n      body: |\n        [^missing] and [^missing]\n", "data/letters/2025-07-test.yaml:10:9"},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			root := fixture.Assemble(t, "testdata/base", "")
			letter := "letter:\n  series: S\n  title: T\n  issued: 2025-07-31\n  language: en\n  period: {from: 2025-07-01, to: 2025-07-31}\n  sections:\n" + tt.section
			if err := os.WriteFile(filepath.Join(root, "data/letters/2025-07-test.yaml"), []byte(letter), 0o644); err != nil {
				t.Fatal(err)
			}
			t.Chdir(root)
			_, diags := report.Load("data")
			var at []string
			for _, d := range diags {
				if strings.Contains(d.Message, `unknown source "missing"`) {
					at = append(at, d.Pos.String())
				}
			}
			if len(at) == 0 || at[0] != tt.want {
				t.Errorf("dangling note reported at %v, want %s first\n%v", at, tt.want, diags)
			}
		})
	}
}

// FuzzParseBody: any text parses without panicking, and the text of the
// inlines never invents characters.
func FuzzParseBody(f *testing.F) {
	for _, s := range []string{"a **b** *c* [^d]", "- x\n- y\n\nz", `\*\[\\`, "[^", "***", "é[^a][^b]**"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		body, _ := report.ParseBodyForTest(s)
		for _, bl := range body.Blocks {
			for _, in := range bl.Inlines {
				if in.Note == "" && in.Text == "" {
					t.Errorf("empty inline from %q", s)
				}
				if utf8.ValidString(s) && !utf8.ValidString(in.Text) {
					t.Errorf("inline %q is not valid UTF-8", in.Text)
				}
			}
		}
	})
}

// FuzzLoadEvents: whatever an events file holds, Load reports problems
// within the file and never panics.
func FuzzLoadEvents(f *testing.F) {
	seed, err := os.ReadFile("testdata/base/events/2025-07.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(seed))
	f.Add("events:\n  - id: x\n    date: 2025-02-30\n    targets: {a: b}\n")
	f.Add("events: &a [*a]\n")
	f.Add("events:\n- [1, 2]\n- ~\n")
	// The hostile inputs of the corpus: escapes, bidi and control
	// characters, merge keys, numbers in other notations, invalid UTF-8.
	f.Add("events:\n  - id: x\n    summary: \"a\\u202Eb\\x07\\N\"\n    fatalities: 0x10\n    kidnapped: 1_0\n")
	f.Add("events:\n  - <<: {id: x}\n    <<: *y\n    date: 1850-01-01\n    actor1: \u202e\x07\n")
	f.Add("events:\n  - id: caf\xe9\n    summary: [\x00]\n")
	// Texts by language: duplicate, bad and empty keys, nesting, aliases.
	f.Add("events:\n  - id: x\n    summary: {en: a, fr: b, fr: c, FR: d, \"\": e, 1: f, es: {x: y}, de: *z, it: \"\"}\n")
	f.Fuzz(func(t *testing.T, events string) {
		checkLoad(t, "events/2025-07.yaml", events)
	})
}

// FuzzLoadLetter: whatever a letter holds, Load reports problems within
// the file and never panics; the body's marks are located by search, so
// this is where positions could go astray.
func FuzzLoadLetter(f *testing.F) {
	seed, err := os.ReadFile("testdata/base/letters/2025-07-test.yaml")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(string(seed))
	f.Add("letter:\n  sections:\n    - title: t\n      body: \"x\\[^a] [^a]\\u00e9[^b] *c [^\"\n")
	f.Add("letter:\n  sections:\n    - title: t\n      body: >\n        a[^b]\n        **c [^\n\n        @fig:map @fig:\n")
	f.Fuzz(func(t *testing.T, letter string) {
		checkLoad(t, "letters/2025-07-test.yaml", letter)
	})
}

// checkLoad writes content over one file of the base dataset, loads it and
// checks that every diagnostic has a message and, in that file, a position
// inside it.
func checkLoad(t *testing.T, rel, content string) {
	root := fixture.Assemble(t, "testdata/base", "")
	path := filepath.Join(root, "data", filepath.FromSlash(rel))
	if err := os.WriteFile(path, []byte(content), 0o644); err != nil {
		t.Fatal(err)
	}
	_, diags := report.Load(filepath.Join(root, "data"))
	lines := strings.Count(content, "\n") + 1
	for _, d := range diags {
		if d.Pos.File == "" || d.Message == "" {
			t.Errorf("diagnostic without a position or message: %+v", d)
		}
		if d.Pos.File == path && (d.Pos.Line > lines || d.Pos.Line > 0 && d.Pos.Col < 1) {
			t.Errorf("diagnostic outside the file (%d lines): %v", lines, d)
		}
	}
}
