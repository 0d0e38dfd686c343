// Package hyphen tells where an English (US) or French word may be broken
// at the end of a line. It applies the TeX hyphenation patterns of the
// hyph-utf8 project (embedded, see patterns/LICENSES.md) with Liang's
// algorithm from github.com/speedata/hyphenation.
//
// Get a language's [Hyphenator] from [For], which loads each language once,
// and ask [Hyphenator.Points] for the byte offsets where a hyphen may go:
//
//	h, err := hyphen.For("fr")
//	...
//	h.Points("«développement»,") // [5 7 10 12]: «dé-ve-lop-pe-ment»,
//
// Points breaks prose words only. A word with a digit, an acronym, a URL,
// an e-mail address or an identifier gets no break; a word that already
// has a hyphen breaks only after it; punctuation around a word is kept out
// of the way. Capitalised words are hyphenated like any other: whether a
// name may be broken is the caller's decision.
package hyphen

import (
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
	"unicode"
	"unicode/utf8"

	"github.com/speedata/hyphenation"
)

const (
	// minLetters is the shortest word Points breaks: a break in a word of
	// four letters saves too little of a line to be worth a hyphen.
	minLetters = 5

	// maxWordBytes is the longest word Points looks at. The library tries
	// every substring of a word against the patterns, so its work grows
	// with the square of the length; the longest dictionary words of
	// either language ("anticonstitutionnellement", 25 letters) fit
	// several times over, accents and punctuation included.
	maxWordBytes = 128
)

// Hyphenator finds break points in the words of one language. It is
// read-only once made, so one Hyphenator may serve any number of
// goroutines.
type Hyphenator struct {
	patterns   *hyphenation.Lang
	alphabet   map[rune]bool    // the letters the patterns mention
	exceptions map[string][]int // lower-case word to its only breaks, in runes
	cfg        language
}

// New parses the patterns of lang ("en" for US English, "fr" for French).
// Parsing takes a few milliseconds; use [For] to share one Hyphenator.
func New(lang string) (*Hyphenator, error) {
	cfg, ok := languages[lang]
	if !ok {
		return nil, fmt.Errorf("hyphen: no patterns for language %q (have %s)",
			lang, strings.Join(slices.Sorted(maps.Keys(languages)), ", "))
	}
	text, err := patternFS.ReadFile(cfg.patterns)
	if err != nil {
		return nil, fmt.Errorf("hyphen: %v", err)
	}
	prepared, alphabet, err := preparePatterns(string(text))
	if err != nil {
		return nil, fmt.Errorf("hyphen: %s: %v", cfg.patterns, err)
	}
	// Leftmin and Rightmin stay 0: Points applies the minima itself,
	// because the library's Leftmin allows one letter fewer than TeX's
	// \lefthyphenmin of the same value.
	pl, err := hyphenation.New(strings.NewReader(prepared))
	if err != nil {
		return nil, fmt.Errorf("hyphen: %s: %v", cfg.patterns, err)
	}
	h := &Hyphenator{patterns: pl, alphabet: alphabet, cfg: cfg}
	if cfg.exceptions != "" {
		text, err := patternFS.ReadFile(cfg.exceptions)
		if err != nil {
			return nil, fmt.Errorf("hyphen: %v", err)
		}
		h.exceptions = parseExceptions(string(text))
	}
	return h, nil
}

// loaded holds, for each language, a function that makes its Hyphenator
// on first use and returns the same one afterwards.
var loaded = func() map[string]func() (*Hyphenator, error) {
	m := make(map[string]func() (*Hyphenator, error), len(languages))
	for lang := range languages {
		m[lang] = sync.OnceValues(func() (*Hyphenator, error) { return New(lang) })
	}
	return m
}()

// For returns the shared Hyphenator of lang, loading it on the first call.
// It is safe for concurrent use.
func For(lang string) (*Hyphenator, error) {
	load, ok := loaded[lang]
	if !ok {
		return New(lang) // for its error
	}
	return load()
}

// Points returns the byte offsets in word where a hyphen may be inserted,
// in increasing order, or nil where the word may not be broken. It accepts
// any string.
//
// Punctuation and spaces at either end ("«", "(", "’", ",", ".") are left
// out and the offsets still count from the start of word. What remains
// must be letters, with these exceptions:
//   - a word that contains '-', '‐' or '–' breaks only just after them,
//     where the caller adds no hyphen of its own;
//   - in French, an elided article or pronoun ("l’", "d'", "qu’") is left
//     out and the rest is hyphenated;
//   - in English, a possessive "’s" or "'s" is left out.
//
// Any other character (a digit, '@', '/', ':', '.', '_', '=', an emoji)
// means no break, as do an upper-case letter after the first (acronyms),
// fewer than five letters, and more than 128 bytes. Otherwise the breaks
// are those of the patterns, at least two letters from the start and,
// in English three, in French two letters from the end.
func (h *Hyphenator) Points(word string) []int {
	if len(word) > maxWordBytes || !utf8.ValidString(word) {
		return nil
	}
	start, end := trimEdges(word)
	letters, hyphens, apostrophes := 0, 0, 0
	prevSep := false
	for _, r := range word[start:end] {
		sep := false
		switch {
		case unicode.IsLetter(r):
			letters++
		case isHyphen(r):
			hyphens++
			sep = true
		case isApostrophe(r):
			apostrophes++
			sep = true
		default:
			return nil
		}
		if sep && prevSep {
			return nil // "--", "’-": not a word
		}
		prevSep = sep
	}
	// The core starts and ends with a letter (hyphens and apostrophes are
	// punctuation, trimmed at the edges), so every separator has a letter
	// on each side.
	if letters < minLetters {
		return nil
	}
	if hyphens > 0 {
		var at []int
		for i, r := range word[start:end] {
			if isHyphen(r) {
				at = append(at, start+i+utf8.RuneLen(r))
			}
		}
		return at
	}
	if apostrophes > 0 {
		start, end = h.lexicalCore(word, start, end)
		if start == end {
			return nil
		}
	}
	return h.patternPoints(word, start, end)
}

// lexicalCore narrows word[start:end], a run of letters and apostrophes,
// to the part that is hyphenated, or returns an empty range when the word
// has no such part.
func (h *Hyphenator) lexicalCore(word string, start, end int) (int, int) {
	core := word[start:end]
	if h.cfg.elision {
		// "l’indépendance", "jusqu’au": the word is after the last one.
		i := strings.LastIndexFunc(core, isApostrophe)
		_, size := utf8.DecodeRuneInString(core[i:])
		return start + i + size, end
	}
	// "Mali’s": a possessive is the only apostrophe English may have.
	i := strings.IndexFunc(core, isApostrophe)
	_, size := utf8.DecodeRuneInString(core[i:])
	if rest := core[i+size:]; rest != "s" && rest != "S" {
		return start, start
	}
	return start, start + i
}

// patternPoints applies the exceptions or the patterns to word[start:end],
// which is all letters.
func (h *Hyphenator) patternPoints(word string, start, end int) []int {
	seg := word[start:end]
	n := utf8.RuneCountInString(seg)
	if n < minLetters {
		return nil
	}
	// The patterns are lower case. Lower-casing may change a letter's
	// length in bytes ("İ" is two, "i" one) but never the number of
	// letters, so breaks are counted in letters and mapped back through
	// offs.
	offs := make([]int, 0, n+1)
	var lower, lookup strings.Builder
	lower.Grow(len(seg))
	lookup.Grow(len(seg))
	for i, r := range seg {
		if i > 0 && (unicode.IsUpper(r) || unicode.IsTitle(r)) {
			return nil // ACLED, JNIM, McCarthy
		}
		offs = append(offs, i)
		l := unicode.ToLower(r)
		lower.WriteRune(l)
		if !h.alphabet[l] {
			l = other
		}
		lookup.WriteRune(l)
	}
	offs = append(offs, len(seg))

	at, ok := h.exceptions[lower.String()]
	if !ok {
		at = h.patterns.Hyphenate(lookup.String())
	}
	var points []int
	for _, p := range at {
		if p >= h.cfg.leftMin && p <= n-h.cfg.rightMin {
			points = append(points, start+offs[p])
		}
	}
	return points
}

// trimEdges returns the bounds of word without the punctuation and spaces
// at either end.
func trimEdges(word string) (start, end int) {
	start, end = 0, len(word)
	for start < end {
		r, size := utf8.DecodeRuneInString(word[start:end])
		if !isEdge(r) {
			break
		}
		start += size
	}
	for end > start {
		r, size := utf8.DecodeLastRuneInString(word[start:end])
		if !isEdge(r) {
			break
		}
		end -= size
	}
	return start, end
}

func isEdge(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) }

// isHyphen reports the hyphens and dashes a compound word may break
// after. U+2011, the non-breaking hyphen, is not one: it asks for no
// break.
func isHyphen(r rune) bool { return r == '-' || r == '\u2010' || r == '\u2013' }

func isApostrophe(r rune) bool { return r == '\'' || r == '\u2019' }
