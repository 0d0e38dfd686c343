package xlsx

import (
	"strings"
	"testing"
)

// TestAppendEscaped checks the table-driven escaping against the checked
// one, which decodes every rune, on valid and invalid UTF-8.
func TestAppendEscaped(t *testing.T) {
	for _, s := range []string{
		"", "plain", "a & b < c > d\r\n", "Ségou – «\u202fquoted\u202f» 😀 &amp;",
		"\xff\xfe bad & <bytes>", "trailing \xe2\x82", strings.Repeat("é&", 100),
	} {
		got, want := string(appendEscaped(nil, s)), string(appendEscapedChecked(nil, s))
		if got != want {
			t.Errorf("appendEscaped(%q) = %q, want %q", s, got, want)
		}
		if strings.ContainsAny(got, "<>\r") || strings.Contains(strings.ReplaceAll(strings.ReplaceAll(strings.ReplaceAll(strings.ReplaceAll(got, "&amp;", ""), "&lt;", ""), "&gt;", ""), "&#xD;", ""), "&") {
			t.Errorf("appendEscaped(%q) = %q leaves a character unescaped", s, got)
		}
	}
}
