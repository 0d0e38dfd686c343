package hyphen

import (
	"embed"
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"
)

// The pattern files are hyph-utf8's plain-text exports, unchanged; where
// they come from and their licences are in patterns/LICENSES.md.
//
//go:embed patterns/*.txt
var patternFS embed.FS

// language is what one supported language needs: its files and the
// hyphenation minima that hyph-utf8 recommends for typesetting.
type language struct {
	patterns   string // file in patternFS
	exceptions string // file in patternFS, "" when the language has none
	// leftMin and rightMin are TeX's \lefthyphenmin and \righthyphenmin:
	// the fewest letters left before the first break and after the last.
	leftMin, rightMin int
	// elision says that a word like "l’indépendance" is an article or
	// pronoun glued to a word by an apostrophe, and that only the part
	// after the apostrophe is hyphenated. Otherwise only a possessive
	// ending ("Mali’s") may follow an apostrophe.
	elision bool
}

// languages lists what New accepts. The minima are the "hyphenmins:
// typesetting" values in the header of each pattern set's .tex file in
// hyph-utf8 (the same values TeX Live's language.dat uses): 2 and 3 for
// en-us, 2 and 2 for fr.
var languages = map[string]language{
	"en": {
		patterns:   "patterns/hyph-en-us.pat.txt",
		exceptions: "patterns/hyph-en-us.hyp.txt",
		leftMin:    2,
		rightMin:   3,
	},
	"fr": {
		patterns: "patterns/hyph-fr.pat.txt",
		leftMin:  2,
		rightMin: 2,
		elision:  true,
	},
}

// other stands, in the word handed to the pattern library, for every
// letter that no pattern mentions (such as "ñ" in French). A private-use
// code point is in no pattern file, so matching is unchanged, and it lets
// the rewritten one-letter patterns below cover every possible neighbour.
const other = '\uE000'

// pattern is one Liang pattern: its letters ('.' marks a word edge) and
// the priority before each letter and after the last.
type pattern struct {
	letters []rune
	prio    []byte // len(letters)+1
}

// parsePattern splits a pattern such as ".ach4" or "2'2" into letters and
// priorities. Every digit is a priority; everything else is a letter.
func parsePattern(s string) (pattern, error) {
	var p pattern
	p.prio = append(p.prio, 0)
	for _, r := range s {
		if r >= '0' && r <= '9' {
			p.prio[len(p.prio)-1] = byte(r - '0')
			continue
		}
		if r == utf8.RuneError || unicode.IsDigit(r) {
			return pattern{}, fmt.Errorf("pattern %q: character %q", s, r)
		}
		p.letters = append(p.letters, r)
		p.prio = append(p.prio, 0)
	}
	if len(p.letters) == 0 {
		return pattern{}, fmt.Errorf("pattern %q has no letters", s)
	}
	return p, nil
}

// String writes p back in the pattern-file form the library reads.
func (p pattern) String() string {
	var b strings.Builder
	for i, r := range p.letters {
		if p.prio[i] > 0 {
			b.WriteByte('0' + p.prio[i])
		}
		b.WriteRune(r)
	}
	if last := p.prio[len(p.letters)]; last > 0 {
		b.WriteByte('0' + last)
	}
	return b.String()
}

// preparePatterns reads a .pat.txt file and returns it in the form
// github.com/speedata/hyphenation v1.0.2 can use, with the set of letters
// the patterns mention.
//
// The library only looks up substrings of two or more letters, so it
// silently ignores one-letter patterns: French has "1ç", "1j", "1q", "2'2"
// and "2’2", without which "com-mer-çants", "ob-jet" or "ban-quier" lose
// breaks. Each is
// rewritten as one two-letter pattern per possible preceding character
// (every letter of the patterns, the word edge '.', and [other]), merged
// by maximum with any pattern of the same letters, which is what Liang's
// algorithm would have computed with the original.
func preparePatterns(text string) (prepared string, alphabet map[rune]bool, err error) {
	alphabet = make(map[rune]bool)
	var order []string
	byKey := make(map[string]pattern)
	add := func(p pattern) {
		key := string(p.letters)
		q, ok := byKey[key]
		if !ok {
			order = append(order, key)
			byKey[key] = p
			return
		}
		for i := range q.prio {
			q.prio[i] = max(q.prio[i], p.prio[i])
		}
	}
	var single []pattern
	for field := range strings.FieldsSeq(text) {
		p, err := parsePattern(field)
		if err != nil {
			return "", nil, err
		}
		for _, r := range p.letters {
			if r != '.' {
				alphabet[r] = true
			}
		}
		if len(p.letters) == 1 {
			single = append(single, p)
			continue
		}
		add(p)
	}
	if len(byKey) == 0 {
		return "", nil, fmt.Errorf("no patterns")
	}
	before := []rune{'.', other}
	for r := range alphabet {
		before = append(before, r)
	}
	slices.Sort(before) // the same text on every load
	for _, s := range single {
		for _, r := range before {
			add(pattern{
				letters: []rune{r, s.letters[0]},
				prio:    []byte{0, s.prio[0], s.prio[1]},
			})
		}
	}
	var b strings.Builder
	for _, key := range order {
		b.WriteString(byKey[key].String())
		b.WriteByte('\n')
	}
	return b.String(), alphabet, nil
}

// parseExceptions reads a .hyp.txt file: one word a line, with its only
// allowed breaks marked by '-'. It returns the breaks of each lower-case
// word as rune counts from its start, nil for a word with none.
func parseExceptions(text string) map[string][]int {
	ex := make(map[string][]int)
	for field := range strings.FieldsSeq(text) {
		var word strings.Builder
		var at []int
		n := 0
		for _, r := range field {
			if r == '-' {
				at = append(at, n)
				continue
			}
			word.WriteRune(unicode.ToLower(r))
			n++
		}
		ex[word.String()] = at
	}
	return ex
}
