package hyphen

import (
	"go/scanner"
	"go/token"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"unicode"
	"unicode/utf8"
)

// The expected breaks below were checked against refLiang, which reads
// the pattern files itself; where they differ from what TeX users may
// remember, the patterns win and a comment says so.
var handWords = map[string][]string{
	"en": {
		"hy-phen-ation",
		"trans-porta-tion",
		"in-ter-na-tional",
		"de-vel-op-ment",
		"cor-ri-dors",
		"sig-nif-i-cant",
		"hu-man-i-tar-ian",
		"se-cu-rity",
		"gov-ern-ment",
		"pop-u-la-tion",
		"vi-o-lence",
		"in-for-ma-tion",
		"at-tacks",
		"mil-i-tants",
		"block-ade",
		"or-ga-ni-za-tion",
		"check-points",
		"dis-place-ment",
		"analy-sis", // not anal-y-sis: Kuiken's additions to Knuth's patterns
		"com-mu-ni-ties",
		"in-de-pen-dence",
		"re-gional",
		"method-ol-ogy",
		"elec-tric-ity",
		"ca-su-al-ties",
		"ter-ri-tory",
		"me-di-a-tion",
		"in-tel-li-gence",
		"bor-der",
		"ad-min-is-tra-tive",
		"ge-og-ra-phy",
		"an-nounce-ment",
		"con-voys",
		"si-mul-ta-ne-ous",
		"ma-chin-ery",
		"pri-or-i-ties",
		"roads",
		"Sup-ply",
		// From hyph-en-us.hyp.txt, the exceptions.
		"as-so-ciate",
		"As-so-ciates",
		"project",
		"Presents",
		"ta-ble",
	},
	"fr": {
		"dé-ve-lop-pe-ment",
		"sé-cu-ri-taire",
		"en-lè-ve-ment",
		"gou-ver-ne-men-tales",
		"hu-ma-ni-taire",
		"in-ter-na-tio-nal",
		"po-pu-la-tion",
		"trans-port",
		"at-taques",
		"vio-lences",
		"in-for-ma-tion",
		"in-dé-pen-dance",
		"or-ga-ni-sa-tion",
		"éco-no-mique",
		"ap-pro-vi-sion-ne-ment",
		"car-bu-rant",
		"cir-cu-la-tion",
		"cor-ri-dor",
		"blo-cus",
		"dé-pla-ce-ment",
		"an-ti-cons-ti-tu-tion-nel-le-ment",
		"ter-ro-ristes",
		"com-mer-çants",
		"fron-tière",
		"Sé-né-gal",
		"sé-cu-ri-té",
		"dji-ha-distes",
		"ca-mions",
		"Mau-ri-ta-nie",
		"ré-gion",
		"chro-no-lo-gie",
		"mé-tho-do-lo-gie",
		"œuvre",
		"grève",
		// One-letter patterns ("1ç", "1j", "1q"), which the library alone misses.
		"ob-jec-tif",
		"ma-jeur",
		"consé-quence", // not con-sé-: the patterns keep "cons" whole
		"ban-quier",
		"su-jet",
	},
}

// hyphenate writes word with sep at each of its points.
func hyphenate(word string, points []int, sep string) string {
	var b strings.Builder
	last := 0
	for _, p := range points {
		b.WriteString(word[last:p])
		b.WriteString(sep)
		last = p
	}
	b.WriteString(word[last:])
	return b.String()
}

func TestHandWords(t *testing.T) {
	for lang, words := range handWords {
		h := mustFor(t, lang)
		ref := loadRef(t, lang)
		for _, want := range words {
			word := strings.ReplaceAll(want, "-", "")
			t.Run(lang+"/"+word, func(t *testing.T) {
				if got := hyphenate(word, h.Points(word), "-"); got != want {
					t.Errorf("Points(%q) gives %s, want %s", word, got, want)
				}
				if got := hyphenate(word, ref.offsets(word, 0), "-"); got != want {
					t.Errorf("the reference gives %s, want %s", got, want)
				}
			})
		}
	}
}

func TestRules(t *testing.T) {
	tests := []struct {
		name, lang, word, want string // want marks each point with '|'
	}{
		{"plain", "en", "hyphenation", "hy|phen|ation"},
		{"capitalised", "en", "Hyphenation", "Hy|phen|ation"},
		{"all caps", "en", "HYPHENATION", "HYPHENATION"},
		{"acronym", "en", "ACLED", "ACLED"},
		{"acronym", "fr", "JNIM", "JNIM"},
		{"camel case", "en", "McDonaldization", "McDonaldization"},
		{"digits", "en", "RN1", "RN1"},
		{"digits in a word", "en", "development2", "development2"},
		{"number", "fr", "1960", "1960"},
		{"ordinal", "fr", "1er", "1er"},
		{"footnote mark", "en", "development¹", "development¹"},
		{"url", "en", "https://www.example.org/development", "https://www.example.org/development"},
		{"domain", "en", "journaldumali.com", "journaldumali.com"},
		{"e-mail", "fr", "contact@institut.org", "contact@institut.org"},
		{"identifier", "en", "event_type", "event_type"},
		{"key=value", "en", "language=french", "language=french"},
		{"colon inside", "en", "international:development", "international:development"},
		{"full stop inside", "en", "international.development", "international.development"},
		{"slash inside", "fr", "développement/sécurité", "développement/sécurité"},
		{"short", "en", "fuel", "fuel"},
		{"short", "fr", "état", "état"},
		{"five letters", "en", "table", "ta|ble"},
		{"empty", "en", "", ""},
		{"only punctuation", "fr", "«…»", "«…»"},
		{"comma", "en", "development,", "de|vel|op|ment,"},
		{"full stop", "en", "development.", "de|vel|op|ment."},
		{"brackets", "en", "(development)", "(de|vel|op|ment)"},
		{"quotes", "en", "“development”", "“de|vel|op|ment”"},
		{"guillemets", "fr", "«développement»,", "«dé|ve|lop|pe|ment»,"},
		{"guillemets with spaces", "fr", "«\u202fdéveloppement\u202f»", "«\u202fdé|ve|lop|pe|ment\u202f»"},
		{"closing apostrophe", "en", "countries’", "coun|tries’"},
		{"ellipsis", "fr", "développement…", "dé|ve|lop|pe|ment…"},
		{"existing hyphen", "fr", "Kati-Kayes", "Kati-|Kayes"},
		{"existing hyphen, capital", "fr", "Sud-Ouest", "Sud-|Ouest"},
		{"en dash", "en", "Bamako–Dakar", "Bamako–|Dakar"},
		{"two hyphens", "fr", "va-et-vient", "va-|et-|vient"},
		{"hyphen, long parts", "en", "cross-border", "cross-|border"},
		{"hyphen and comma", "fr", "Kati-Kayes,", "Kati-|Kayes,"},
		{"hyphen and digits", "en", "COVID-19", "COVID-19"},
		{"hyphen, short word", "fr", "a-t-il", "a-t-il"},
		{"double hyphen", "en", "cross--border", "cross--border"},
		{"non-breaking hyphen", "fr", "Kati\u2011Kayes", "Kati\u2011Kayes"},
		{"leading hyphen", "en", "-development", "-de|vel|op|ment"},
		{"elision", "fr", "l’indépendance", "l’in|dé|pen|dance"},
		{"elision, straight", "fr", "d'autres", "d'autres"},
		{"elision, long", "fr", "d'approvisionnement", "d'ap|pro|vi|sion|ne|ment"},
		{"elision, capital", "fr", "L’Afrique", "L’Afrique"},
		{"elision, acronym", "fr", "l’ONU", "l’ONU"},
		{"elision, qu", "fr", "qu’humanitaire", "qu’hu|ma|ni|taire"},
		{"elision in quotes", "fr", "«l’enlèvement»", "«l’en|lè|ve|ment»"},
		{"elision, short rest", "fr", "aujourd’hui", "aujourd’hui"},
		{"possessive", "en", "government’s", "gov|ern|ment’s"},
		{"possessive, straight", "en", "government's", "gov|ern|ment's"},
		{"possessive, short", "en", "Mali’s", "Mali’s"},
		{"possessive of acronym", "en", "ACLED’s", "ACLED’s"},
		{"apostrophe, not possessive", "en", "o’clock", "o’clock"},
		{"apostrophe in English", "en", "l’indépendance", "l’indépendance"},
		{"invalid UTF-8", "en", "develop\xffment", "develop\xffment"},
		{"invalid UTF-8 at the end", "fr", "développement\xc3", "développement\xc3"},
		{"emoji", "en", "development🙂", "development🙂"},
		{"emoji alone", "fr", "🙂🙂🙂🙂🙂", "🙂🙂🙂🙂🙂"},
		{"combining accent", "fr", "de\u0301veloppement", "de\u0301veloppement"},
		{"soft hyphen", "en", "devel\u00adopment", "devel\u00adopment"},
		{"space inside", "en", "develop ment", "develop ment"},
		{"too long", "en", strings.Repeat("development", 12), strings.Repeat("development", 12)},
		{"letters the patterns lack", "en", "Ségou", "Sé|gou"},
		{"dotted capital I", "en", "İnternational", "İn|ter|na|tional"},
	}
	for _, tt := range tests {
		t.Run(tt.lang+"/"+tt.name, func(t *testing.T) {
			h := mustFor(t, tt.lang)
			points := h.Points(tt.word)
			if got := hyphenate(tt.word, points, "|"); got != tt.want {
				t.Errorf("Points(%q) = %v, that is %q, want %q", tt.word, points, got, tt.want)
			}
			if points != nil && len(points) == 0 {
				t.Errorf("Points(%q) = []int{}, want nil", tt.word)
			}
		})
	}
}

// TestAgreesWithReference checks the package against refLiang on every
// word of the letter catalogues and the data files.
func TestAgreesWithReference(t *testing.T) {
	const minWords = 300 // distinct words per language, for the test to mean something
	for _, lang := range []string{"en", "fr"} {
		t.Run(lang, func(t *testing.T) {
			h := mustFor(t, lang)
			ref := loadRef(t, lang)
			seen := make(map[string]bool)
			for _, tok := range corpus(t, lang) {
				points := h.Points(tok) // whatever tok is, Points must not panic
				start, core, ok := plainWord(tok)
				if !ok {
					continue
				}
				seen[strings.ToLower(core)] = true
				if want := ref.offsets(core, start); !slices.Equal(points, want) {
					t.Errorf("Points(%q) gives %s, the reference %s",
						tok, hyphenate(tok, points, "-"), hyphenate(tok, want, "-"))
				}
			}
			if len(seen) < minWords {
				t.Errorf("compared %d distinct words, want at least %d", len(seen), minWords)
			}
			t.Logf("%d distinct words agree with the reference", len(seen))
		})
	}
}

// TestOneLetterPatterns shows why preparePatterns rewrites French's
// one-letter patterns: each of these words has a break that only "1ç",
// "1j" or "1q" gives.
func TestOneLetterPatterns(t *testing.T) {
	h := mustFor(t, "fr")
	tests := []string{"com-mer-çants", "fran-çaise", "ob-jet", "ma-jeur", "consé-quence", "ban-quier", "pour-quoi", "cin-quante"}
	for _, want := range tests {
		word := strings.ReplaceAll(want, "-", "")
		t.Run(word, func(t *testing.T) {
			if got := hyphenate(word, h.Points(word), "-"); got != want {
				t.Errorf("Points(%q) gives %s, want %s", word, got, want)
			}
		})
	}
}

func TestFor(t *testing.T) {
	if _, err := For("de"); err == nil {
		t.Error(`For("de") gave no error`)
	}
	if _, err := New("en-US"); err == nil {
		t.Error(`New("en-US") gave no error`)
	}
	var wg sync.WaitGroup
	got := make([]*Hyphenator, 8)
	for i := range got {
		wg.Go(func() {
			h, err := For("fr")
			if err != nil {
				t.Error(err)
				return
			}
			h.Points("développement")
			got[i] = h
		})
	}
	wg.Wait()
	for i, h := range got {
		if h != got[0] {
			t.Errorf("goroutine %d got another Hyphenator", i)
		}
	}
}

func FuzzPoints(f *testing.F) {
	for _, words := range handWords {
		for _, w := range words {
			f.Add(strings.ReplaceAll(w, "-", ""))
		}
	}
	for _, s := range []string{"", "l’indépendance", "Kati-Kayes", "«x»", "\xff\xfe", "🙂", "İİİİİ", "ǅemal", "a--b", "’’’’’", "x’", "-", strings.Repeat("é", 64)} {
		f.Add(s)
	}
	h := map[string]*Hyphenator{"en": mustFor(f, "en"), "fr": mustFor(f, "fr")}
	ref := map[string]*refLiang{"en": loadRef(f, "en"), "fr": loadRef(f, "fr")}
	f.Fuzz(func(t *testing.T, word string) {
		for lang, h := range h {
			points := h.Points(word)
			if len(word) > maxWordBytes && points != nil {
				t.Fatalf("%s: Points of %d bytes = %v, want nil", lang, len(word), points)
			}
			last := 0
			for _, p := range points {
				if p <= last || p >= len(word) || !utf8.RuneStart(word[p]) {
					t.Fatalf("%s: Points(%q) = %v: %d is not a break inside the word", lang, word, points, p)
				}
				before, _ := utf8.DecodeLastRuneInString(word[:p])
				after, _ := utf8.DecodeRuneInString(word[p:])
				if !unicode.IsLetter(before) && !isHyphen(before) || !unicode.IsLetter(after) {
					t.Fatalf("%s: Points(%q) = %v: break at %d between %q and %q", lang, word, points, p, before, after)
				}
				last = p
			}
			if start, core, ok := plainWord(word); ok && len(word) <= maxWordBytes {
				if want := ref[lang].offsets(core, start); !slices.Equal(points, want) {
					t.Fatalf("%s: Points(%q) = %v, the reference %v", lang, word, points, want)
				}
			}
		}
	})
}

// BenchmarkPoints runs Points over the first 1,000 words of each
// language's corpus, punctuation, numbers and names included.
func BenchmarkPoints(b *testing.B) {
	for _, lang := range []string{"en", "fr"} {
		b.Run(lang, func(b *testing.B) {
			h := mustFor(b, lang)
			words := corpus(b, lang)
			words = words[:min(len(words), 1000)]
			for b.Loop() {
				for _, w := range words {
					h.Points(w)
				}
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N*len(words)), "ns/word")
		})
	}
}

// BenchmarkLoad measures what the first For of a language costs.
func BenchmarkLoad(b *testing.B) {
	for _, lang := range []string{"en", "fr"} {
		b.Run(lang, func(b *testing.B) {
			for b.Loop() {
				if _, err := New(lang); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

func mustFor(tb testing.TB, lang string) *Hyphenator {
	tb.Helper()
	h, err := For(lang)
	if err != nil {
		tb.Fatal(err)
	}
	return h
}

// plainWord returns the letters of tok without the punctuation around
// them, and where they start, when that is all tok holds and Points
// should hyphenate them with the patterns alone.
func plainWord(tok string) (start int, core string, ok bool) {
	edge := func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) }
	if !utf8.ValidString(tok) {
		return 0, "", false
	}
	rest := strings.TrimLeftFunc(tok, edge)
	start = len(tok) - len(rest)
	core = strings.TrimRightFunc(rest, edge)
	n := 0
	for _, r := range core {
		if !unicode.IsLetter(r) || n > 0 && (unicode.IsUpper(r) || unicode.IsTitle(r)) {
			return 0, "", false
		}
		n++
	}
	return start, core, n >= 5
}

// corpus returns the whitespace-separated words of the letter catalogue
// of lang (its string literals) and, for English, of the data files.
func corpus(tb testing.TB, lang string) []string {
	tb.Helper()
	prefix := map[string]string{"en": "english", "fr": "french"}[lang]
	goFiles, _ := filepath.Glob(filepath.Join("..", "..", "locale", prefix+"*.go"))
	if len(goFiles) == 0 {
		tb.Fatalf("no report/locale/%s*.go", prefix)
	}
	var words []string
	for _, name := range goFiles {
		src, err := os.ReadFile(name)
		if err != nil {
			tb.Fatal(err)
		}
		var s scanner.Scanner
		fset := token.NewFileSet()
		s.Init(fset.AddFile(name, -1, len(src)), src, nil, 0)
		for {
			_, tok, lit := s.Scan()
			if tok == token.EOF {
				break
			}
			if tok != token.STRING {
				continue
			}
			text, err := strconv.Unquote(lit)
			if err != nil {
				tb.Fatalf("%s: %v", name, err)
			}
			words = append(words, strings.Fields(text)...)
		}
	}
	if lang == "en" {
		var yamlFiles []string
		for _, pattern := range []string{"*.yaml", "*/*.yaml"} {
			names, _ := filepath.Glob(filepath.Join("..", "..", "..", "data", pattern))
			yamlFiles = append(yamlFiles, names...)
		}
		for _, name := range yamlFiles {
			text, err := os.ReadFile(name)
			if err != nil {
				tb.Fatal(err)
			}
			words = append(words, strings.Fields(string(text))...)
		}
	}
	return words
}

// refLiang is Liang's algorithm written out plainly, with no code in
// common with the package, to check it: it reads the same pattern and
// exception files and the minima given in the hyph-utf8 headers.
type refLiang struct {
	patterns    map[string][]int // letters ('.' for an edge) to priorities, one more than letters
	longest     int              // letters in the longest pattern
	exceptions  map[string][]int
	left, right int
}

func loadRef(tb testing.TB, lang string) *refLiang {
	tb.Helper()
	files := map[string][2]string{
		"en": {"hyph-en-us.pat.txt", "hyph-en-us.hyp.txt"},
		"fr": {"hyph-fr.pat.txt", ""},
	}[lang]
	// hyphenmins from the headers of hyph-en-us.tex and hyph-fr.tex.
	mins := map[string][2]int{"en": {2, 3}, "fr": {2, 2}}[lang]
	r := &refLiang{
		patterns:   make(map[string][]int),
		exceptions: make(map[string][]int),
		left:       mins[0],
		right:      mins[1],
	}
	text, err := os.ReadFile(filepath.Join("patterns", files[0]))
	if err != nil {
		tb.Fatal(err)
	}
	for _, line := range strings.Fields(string(text)) {
		var letters []rune
		prio := []int{0}
		for _, c := range line {
			if c >= '0' && c <= '9' {
				prio[len(prio)-1] = int(c - '0')
			} else {
				letters = append(letters, c)
				prio = append(prio, 0)
			}
		}
		if _, dup := r.patterns[string(letters)]; dup {
			tb.Fatalf("%s: pattern %q twice", files[0], line)
		}
		r.patterns[string(letters)] = prio
		r.longest = max(r.longest, len(letters))
	}
	if files[1] != "" {
		text, err := os.ReadFile(filepath.Join("patterns", files[1]))
		if err != nil {
			tb.Fatal(err)
		}
		for _, line := range strings.Fields(string(text)) {
			var at []int
			n := 0
			for _, c := range line {
				if c == '-' {
					at = append(at, n)
				} else {
					n++
				}
			}
			r.exceptions[strings.ToLower(strings.ReplaceAll(line, "-", ""))] = at
		}
	}
	return r
}

// offsets returns the points of word as byte offsets, plus start.
func (r *refLiang) offsets(word string, start int) []int {
	var out []int
	for _, p := range r.points(word) {
		n := 0
		for i := range word {
			if n == p {
				out = append(out, start+i)
				break
			}
			n++
		}
	}
	return out
}

// points returns where word, all letters, may break, counted in letters.
func (r *refLiang) points(word string) []int {
	lower := []rune(strings.ToLower(word))
	n := len(lower)
	candidates, isException := r.exceptions[string(lower)]
	if !isException {
		w := append(append([]rune{'.'}, lower...), '.')
		// value[i] is the priority between w[i-1] and w[i].
		value := make([]int, len(w)+1)
		for i := range w {
			for j := i + 1; j <= len(w) && j-i <= r.longest; j++ {
				prio, ok := r.patterns[string(w[i:j])]
				if !ok {
					continue
				}
				for k, v := range prio {
					value[i+k] = max(value[i+k], v)
				}
			}
		}
		for p := 1; p < n; p++ {
			// After p letters of word is between w[p] and w[p+1].
			if value[p+1]%2 == 1 {
				candidates = append(candidates, p)
			}
		}
	}
	var out []int
	for _, p := range candidates {
		if p >= r.left && p <= n-r.right {
			out = append(out, p)
		}
	}
	return out
}
