package xlsx

// Tests of helpers a reader cannot see whole from the outside. The update
// flag is defined in xlsx_test.go, compiled into the same test binary.

import (
	"strings"
	"testing"
	"time"
	"unicode/utf16"
)

func TestHyperlinkFormula(t *testing.T) {
	tests := []struct{ address, want string }{
		{"https://example.org/a?b=1&c=2", `HYPERLINK("https://example.org/a?b=1&c=2")`},
		{`https://example.org/"quoted"`, `HYPERLINK("https://example.org/""quoted""")`},
	}
	for _, tt := range tests {
		if got := hyperlinkFormula(tt.address); got != tt.want {
			t.Errorf("hyperlinkFormula(%q) = %q, want %q", tt.address, got, tt.want)
		}
	}
}

func TestCut(t *testing.T) {
	tests := []struct {
		name string
		in   string
		cut  bool
	}{
		{"short", "Kayes", false},
		{"at the limit", strings.Repeat("a", maxCellChars), false},
		{"one over", strings.Repeat("a", maxCellChars+1), true},
		{"accents", strings.Repeat("é", maxCellChars+5), true},
		// An emoji is two UTF-16 units: it must not be split.
		{"surrogates", "ab" + strings.Repeat("😀", maxCellChars/2), true},
	}
	for _, tt := range tests {
		got, cut := cut(tt.in)
		units := len(utf16.Encode([]rune(got)))
		if cut != tt.cut || units > maxCellChars || !strings.HasPrefix(tt.in, got) || cut && units < maxCellChars-1 {
			t.Errorf("%s: cut to %d units (cut %v), want at most %d, cut %v", tt.name, units, cut, maxCellChars, tt.cut)
		}
	}
}

func TestIsWebURL(t *testing.T) {
	for s, want := range map[string]bool{
		"https://example.org/x":    true,
		"http://example.org":       true,
		"javascript:alert(1)":      false,
		"file:///etc/passwd":       false,
		"https://":                 false,
		"/relative/path":           false,
		"https://example.org/a b":  false,
		"HTTPS://EXAMPLE.ORG/CAPS": true,
	} {
		if got := isWebURL(s); got != want {
			t.Errorf("isWebURL(%q) = %v, want %v", s, got, want)
		}
	}
}

func TestColName(t *testing.T) {
	for n, want := range map[int]string{1: "A", 23: "W", 26: "Z", 27: "AA", 52: "AZ", 703: "AAA"} {
		if got := colName(n); got != want {
			t.Errorf("colName(%d) = %q, want %q", n, got, want)
		}
	}
}

func TestSortContentTypes(t *testing.T) {
	in := `<?xml version="1.0"?>` + "\n" + `<Types xmlns="x"><Default Extension="xml" ContentType="b"></Default>` +
		`<Override PartName="/b" ContentType="o"></Override><Default Extension="bmp" ContentType="a"/>` +
		`<Override PartName="/a" ContentType="o"></Override></Types>`
	want := `<?xml version="1.0"?>` + "\n" + `<Types xmlns="x"><Default Extension="bmp" ContentType="a"/>` +
		`<Default Extension="xml" ContentType="b"></Default><Override PartName="/a" ContentType="o"></Override>` +
		`<Override PartName="/b" ContentType="o"></Override></Types>`
	if got := string(sortContentTypes([]byte(in))); got != want {
		t.Errorf("sortContentTypes:\n got %s\nwant %s", got, want)
	}
}

func TestMsDosTime(t *testing.T) {
	date, clock := msDosTime(time.Date(2025, 9, 30, 13, 45, 10, 0, time.UTC))
	if date != uint16(30|9<<5|45<<9) || clock != uint16(5|45<<5|13<<11) {
		t.Errorf("msDosTime = %#x %#x", date, clock)
	}
	if date, _ := msDosTime(time.Unix(0, 0)); date != 1<<5|1 {
		t.Errorf("1970 is written %#x, want 1980-01-01, the first day the format holds", date)
	}
}
