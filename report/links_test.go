package report

import (
	"math/rand/v2"
	"net/url"
	"strings"
	"testing"
)

func TestCheckWebURL(t *testing.T) {
	for _, ok := range []string{
		"https://example.org",
		"http://example.org:8080/a/b?c=d&e=%C3%A9#f",
		"https://[2001:db8::1]/x",
		"https://xn--caf-dma.fr/",
		"HTTPS://EXAMPLE.ORG/",
	} {
		if msg := checkWebURL("url", ok); msg != "" {
			t.Errorf("checkWebURL(%q) = %q, want no problem", ok, msg)
		}
	}
	for in, want := range map[string]string{
		"https://a@b.example/":                 "holds a user name or password",
		"https://café.fr/été":                  "write https://xn--caf-dma.fr/%C3%A9t%C3%A9",
		"mailto:a@b.org":                       "must be an absolute http:// or https:// address",
		"https://example.org/a b":              "holds a space (character 22)",
		`https:\\evil.example`:                 `holds a backslash (character 7)`,
		"https://caf%C3%A9.fr/":                "writes its host with % escapes",
		"https://" + strings.Repeat("a", 2050): "over the limit of 2,048",
	} {
		if got := checkWebURL("url", in); !strings.Contains(got, want) {
			t.Errorf("checkWebURL(%q) = %q, want it to say %q", in, got, want)
		}
	}
}

// FuzzCheckWebURL: what checkWebURL accepts is an ASCII http or https
// address with a host and no credentials, and the ASCII form it suggests
// is accepted in turn.
func FuzzCheckWebURL(f *testing.F) {
	for _, s := range []string{"https://example.org/a?b#c", "https://café.fr/é", "http://u:p@h/", "https://ＥＸＡＭＰＬＥ.org/", "https://[::1]:80/"} {
		f.Add(s)
	}
	f.Fuzz(func(t *testing.T, s string) {
		if hasForbidden(s) {
			return // the decoder refuses these before
		}
		msg := checkWebURL("url", s)
		if msg == "" {
			u, err := url.Parse(s)
			if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Host == "" || u.User != nil || !isASCII(s) || strings.ContainsAny(s, " \\") {
				t.Errorf("accepted %q", s)
			}
			return
		}
		if _, fix, ok := strings.Cut(msg, "as browsers send it: write "); ok {
			if again := checkWebURL("url", fix); again != "" {
				t.Errorf("suggested %q for %q, which is refused: %s", fix, s, again)
			}
		}
	})
}

func TestCheckEmail(t *testing.T) {
	if msg := checkEmail("contact@timbuktu-institute.org"); msg != "" {
		t.Errorf("a bare address is refused: %s", msg)
	}
	for in, want := range map[string]string{
		"MAILTO:a@b.org": `without "mailto:": "a@b.org"`,
		"Name <a@b.org>": `without a name or angle brackets: "a@b.org"`,
		"a@b.org (Name)": `without a name or angle brackets: "a@b.org"`,
		"not an address": "is not an e-mail address",
	} {
		if got := checkEmail(in); !strings.Contains(got, want) {
			t.Errorf("checkEmail(%q) = %q, want it to say %q", in, got, want)
		}
	}
}

// TestEditDistance compares the banded distance with the full table.
func TestEditDistance(t *testing.T) {
	full := func(a, b string) int {
		prev := make([]int, len(b)+1)
		for j := range prev {
			prev[j] = j
		}
		for i := 1; i <= len(a); i++ {
			cur := make([]int, len(b)+1)
			cur[0] = i
			for j := 1; j <= len(b); j++ {
				cost := 1
				if a[i-1] == b[j-1] {
					cost = 0
				}
				cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			}
			prev = cur
		}
		return prev[len(b)]
	}
	rnd := rand.New(rand.NewPCG(1, 2))
	word := func() string {
		b := make([]byte, rnd.IntN(9))
		for i := range b {
			b[i] = "abc"[rnd.IntN(3)]
		}
		return string(b)
	}
	for range 20000 {
		a, b, k := word(), word(), rnd.IntN(5)
		if got, want := editDistance(a, b, k), min(full(a, b), k+1); got != want {
			t.Fatalf("editDistance(%q, %q, %d) = %d, want %d", a, b, k, got, want)
		}
	}
}

func TestYAMLWhole(t *testing.T) {
	for in, want := range map[string]string{
		"0x10": "16", "0o17": "15", "0b101": "5", "1_000": "1000", "+5": "5", "010": "10",
		"5.0": "5", "1e3": "1000", "-0x2": "-2", "-0": "0",
	} {
		if got, ok := yamlWhole(in); !ok || got != want {
			t.Errorf("yamlWhole(%q) = %q, %v, want %q", in, got, ok, want)
		}
	}
	for _, in := range []string{"2.5", ".nan", "1e30", "0x"} {
		if got, ok := yamlWhole(in); ok {
			t.Errorf("yamlWhole(%q) = %q, want no whole number", in, got)
		}
	}
}

func TestQuoteShort(t *testing.T) {
	if got := quoteShort("a\u202eb"); got != `"a\u202eb"` {
		t.Errorf("quoteShort escapes nothing: %s", got)
	}
	long := strings.Repeat("é", 1000)
	if got := quoteShort(long); len([]rune(got)) != 63 || !strings.HasSuffix(got, `"…`) {
		t.Errorf("quoteShort(long) = %s", got)
	}
}
