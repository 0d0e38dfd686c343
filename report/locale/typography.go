package locale

import (
	"strings"
	"unicode"
	"unicode/utf8"
)

// The spaces French typography puts around punctuation and in numbers.
// Both are no-break spaces: a line is never broken at them.
const (
	// noBreakSpace (U+00A0) goes before a colon.
	noBreakSpace = "\u00a0"
	// narrowNoBreakSpace (U+202F) goes before ; ! ? and », after «,
	// between the groups of a number's digits, and between a number and
	// "%" or its unit.
	narrowNoBreakSpace = "\u202f"
)

// Typeset returns s with the typographic spacing of the catalogue's
// language. French puts a narrow no-break space (U+202F) before ; ! ? and
// », after «, between a number's groups of digits ("1 234,5") and
// between a number and "%" or a unit ("30 %", "12 km"), and a no-break
// space (U+00A0) before a colon: an ordinary space there (or several, or
// the wrong no-break space) is replaced, and a missing one inserted
// ("Attention!" becomes "Attention\u202f!"; a unit glued to its number,
// "10km", is left as written). English, which puts no space before
// punctuation, is returned unchanged.
//
// Typeset is meant for any text, the data's free text included, so it
// leaves alone what is not prose: URLs and e-mail addresses, times and
// ratios ("10:30", "3:1"), code-like text ("a;b", "key:value"), HTML
// entities ("&amp;"), emoticons (":)", ";-)"), punctuation opening a
// text, and sequences such as "?!", whose second mark takes no space. It
// changes nothing but spaces U+0020, U+00A0 and U+202F, returns text
// already spaced unchanged (Typeset(Typeset(s)) == Typeset(s)), allocates
// nothing when nothing changes, and accepts invalid UTF-8, whose bytes it
// keeps.
func (c *Catalog) Typeset(s string) string {
	if !c.spacesPunctuation() || !mayNeedSpacing(s) {
		return s
	}
	sp := spacer{s: s}
	sp.run()
	if sp.n == 0 {
		return s
	}
	sp.b.WriteString(s[sp.last:])
	return sp.b.String()
}

// TypesetRuns applies [Catalog.Typeset] to texts that follow one another
// with nothing between them, as the runs of a paragraph set in several
// styles do: a space is judged with what surrounds it in the whole text
// ("Attention" in bold followed by "!" gets its space before "!"). It
// replaces texts' elements in place and reports whether any changed. A
// space replaced stays in the text that held it; one inserted at the
// junction of two texts, or replacing spaces on both sides of it, goes to
// the text holding the mark it belongs to: the one after it for a space
// before ";" or "»", the one before it for the space after "«".
func (c *Catalog) TypesetRuns(texts []string) bool {
	if !c.spacesPunctuation() || len(texts) == 0 {
		return false
	}
	if len(texts) == 1 {
		t := c.Typeset(texts[0])
		changed := t != texts[0]
		texts[0] = t
		return changed
	}
	joined := strings.Join(texts, "")
	if !mayNeedSpacing(joined) {
		return false
	}
	sp := spacer{s: joined, collect: true}
	sp.run()
	edits := sp.edits
	if len(edits) == 0 {
		return false
	}
	out := apply(joined, edits)
	// Cut the new text where each old text ended, moved by the edits
	// before that point.
	shift, k, old, from := 0, 0, 0, 0
	for i, t := range texts {
		old += len(t)
		for k < len(edits) && edits[k].before(old) {
			shift += edits[k].delta()
			k++
		}
		to := old + shift
		if k < len(edits) && edits[k].start < old && old < edits[k].end {
			// The run of spaces straddles the junction: it goes whole to
			// the side of its mark.
			to = edits[k].start + shift
			if edits[k].after {
				to += len(edits[k].space)
			}
		}
		texts[i] = out[from:to]
		from = to
	}
	return true
}

// spacesPunctuation reports whether the language spaces its punctuation
// as French does.
func (c *Catalog) spacesPunctuation() bool { return c != nil && c.lang == "fr" }

// IsUnit reports whether word is a unit of measure or a currency that a
// number before it must keep on its line ("km", "%", "°C", "FCFA"),
// ignoring punctuation after it ("km," "km/h").
func IsUnit(word string) bool {
	n := unitLen(word)
	return n > 0 && (n == len(word) || !continuesWord(word[n:]))
}

// units are the symbols Typeset separates from their number with a narrow
// no-break space, and the typesetter keeps on the line of their number. A
// unit too common as a word ("l", "s", "g") is left out: a letter alone
// after a number is more often something else.
var units = []string{
	"km²", "km/h", "km", "m²", "m³", "m", "cm", "mm", "ha", "kg", "t", "h", "min",
	"°C", "°", "%", "‰", "€", "$", "£", "FCFA", "CFA", "XOF", "USD", "EUR",
}

// unitLen returns the length of the unit s starts with, or 0; the longest
// of units that prefix s, so that "km²" is not read as "km".
func unitLen(s string) int {
	if s == "" {
		return 0
	}
	best := 0
	for _, u := range unitsBy[s[0]] {
		if len(u) > best && strings.HasPrefix(s, u) {
			best = len(u)
		}
	}
	return best
}

// unitsBy lists the units by their first byte.
var unitsBy = func() (by [256][]string) {
	for _, u := range units {
		by[u[0]] = append(by[u[0]], u)
	}
	return by
}()

// continuesWord reports whether rest, what follows a unit, makes it part
// of a longer word: a letter, a digit, an apostrophe ("m’a") or an
// underscore.
func continuesWord(rest string) bool {
	r, _ := utf8.DecodeRuneInString(rest)
	return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '\'' || r == '’' || r == '_'
}

// edit replaces the run of spaces s[start:end], possibly empty, with space.
type edit struct {
	start, end int
	space      string
	// after is set when the space belongs to the character before the
	// run (the space after «) rather than to the one after it.
	after bool
}

func (e edit) delta() int { return len(e.space) - (e.end - e.start) }

// before reports whether the edit lies wholly before position p, so that
// the text that ends at p gets its space.
func (e edit) before(p int) bool {
	if e.start == e.end {
		return e.end < p || (e.end == p && e.after)
	}
	return e.end <= p
}

// apply makes the edits, sorted and disjoint, to s.
func apply(s string, edits []edit) string {
	var b strings.Builder
	b.Grow(len(s) + 3*len(edits))
	last := 0
	for _, e := range edits {
		b.WriteString(s[last:e.start])
		b.WriteString(e.space)
		last = e.end
	}
	b.WriteString(s[last:])
	return b.String()
}

// spacer finds the changes French spacing makes to a text. Typeset has
// it write the text changed as it goes, so that a text needing no change
// costs no allocation; TypesetRuns has it collect the edits.
type spacer struct {
	s       string
	collect bool
	edits   []edit          // the edits, when collecting
	b       strings.Builder // the text changed up to last, when not
	n       int             // edits made
	// last is where the last edit ends and lastStart where it starts.
	last, lastStart int
}

// run finds the changes to sp.s.
func (sp *spacer) run() {
	s := sp.s
	prev := rune(-1) // the rune before i, -1 at the start
	skipFrom := -1   // where a URL or an e-mail address starts…
	skipTo := -1     // …and ends, in the token being read
	for i := 0; i < len(s); {
		if i == skipFrom {
			i = skipTo
			prev, _ = utf8.DecodeLastRuneInString(s[:i])
			continue
		}
		r, size := rune(s[i]), 1
		if r >= utf8.RuneSelf {
			r, size = utf8.DecodeRuneInString(s[i:])
		}
		if (prev < 0 || isSpace(prev)) && !isSpace(r) {
			skipFrom, skipTo = protected(s, i)
			if i == skipFrom {
				continue
			}
		}
		switch {
		case '0' <= r && r <= '9' && numberStarts(prev):
			i = sp.number(i)
			prev, _ = utf8.DecodeLastRuneInString(s[:i])
			continue
		case r == ';' || r == ':' || r == '!' || r == '?':
			sp.beforeMark(i, r)
		case r == '»':
			sp.beforeClosing(i)
		case r == '«':
			sp.afterOpening(i + size)
		}
		prev = r
		i += size
	}
}

// mayNeedSpacing reports whether s holds anything French spacing may
// change: a digit, one of ; : ! ? or a guillemet.
func mayNeedSpacing(s string) bool {
	for i := 0; i < len(s); i++ {
		switch b := s[i]; {
		case '0' <= b && b <= '9', b == ';', b == ':', b == '!', b == '?':
			return true
		case b == 0xc2 && i+1 < len(s) && (s[i+1] == 0xab || s[i+1] == 0xbb): // « »
			return true
		}
	}
	return false
}

// add replaces the run of spaces s[start:end] with space, unless it
// already is that space or overlaps the edit before.
func (sp *spacer) add(start, end int, space string, after bool) {
	if sp.s[start:end] == space {
		return
	}
	if sp.n > 0 && (start < sp.last || start == sp.lastStart) {
		return
	}
	if sp.collect {
		sp.edits = append(sp.edits, edit{start: start, end: end, space: space, after: after})
	} else {
		if sp.n == 0 {
			// Most changes add a byte or two; a few, three.
			sp.b.Grow(len(sp.s) + len(sp.s)/8 + 16)
		}
		sp.b.WriteString(sp.s[sp.last:start])
		sp.b.WriteString(space)
	}
	sp.n++
	sp.last, sp.lastStart = end, start
}

// frenchSpaces are the spaces French spacing replaces.
var frenchSpaces = [...]string{" ", noBreakSpace, narrowNoBreakSpace}

// spaceAt returns the length of the space that s starts with, or 0.
func spaceAt(s string) int { return spaceWhere(s, strings.HasPrefix) }

// spaceBefore returns the length of the space that s ends with, or 0.
func spaceBefore(s string) int { return spaceWhere(s, strings.HasSuffix) }

func spaceWhere(s string, has func(s, space string) bool) int {
	for _, sp := range frenchSpaces {
		if has(s, sp) {
			return len(sp)
		}
	}
	return 0
}

// runStart returns where the run of spaces that ends at i starts.
func (sp *spacer) runStart(i int) int {
	for {
		n := spaceBefore(sp.s[:i])
		if n == 0 {
			return i
		}
		i -= n
	}
}

// runEnd returns where the run of spaces that starts at i ends.
func (sp *spacer) runEnd(i int) int {
	for {
		n := spaceAt(sp.s[i:])
		if n == 0 {
			return i
		}
		i += n
	}
}

// beforeMark spaces the mark r at i: ; ! ? or :.
func (sp *spacer) beforeMark(i int, r rune) {
	s := sp.s
	space := narrowNoBreakSpace
	if r == ':' {
		space = noBreakSpace
	}
	start := sp.runStart(i)
	if start == 0 {
		return // punctuation opening the text
	}
	prev, _ := utf8.DecodeLastRuneInString(s[:start])
	if !endsWord(prev) {
		return // "?!": the second mark takes no space; nor one after a line break
	}
	if (r == ':' || r == ';') && emoticon(s[i+1:]) {
		return
	}
	if start == i {
		// No space yet: insert one only where the mark ends a phrase,
		// not inside a time, a ratio or code ("10:30", "a;b", "x?y").
		next, _ := utf8.DecodeRuneInString(s[i+1:])
		if i+1 < len(s) && !unicode.IsSpace(next) && !strings.ContainsRune(closers, next) {
			return
		}
		if r == ';' && entity(s[:i]) {
			return
		}
	}
	sp.add(start, i, space, false)
}

// closers may follow a mark directly: the mark still ends a phrase.
const closers = ")]}»”’\"'!?…"

// endsWord reports whether a mark after r (and any spaces) closes a
// phrase, and so takes a space before it: a letter, a digit, a symbol
// (an emoji) or closing punctuation; not another mark, a line break nor
// an invalid byte.
func endsWord(r rune) bool {
	if r == utf8.RuneError {
		return false
	}
	return unicode.IsLetter(r) || unicode.IsDigit(r) || unicode.IsMark(r) || unicode.Is(unicode.So, r) ||
		strings.ContainsRune(")]}»”’\"'….%€$£", r)
}

// emoticon reports whether rest, what follows a colon or a semicolon,
// makes it an emoticon: ":)", ";-)", ":D", ":'(".
func emoticon(rest string) bool {
	if rest == "" {
		return false
	}
	if rest[0] == '-' || rest[0] == '\'' || rest[0] == '^' {
		rest = rest[1:]
		if rest == "" {
			return false
		}
	}
	switch rest[0] {
	case ')', '(', '[', ']', '|', '/', '\\', '*', '<', '>', '{', '}', '@', '$':
		return true
	case 'D', 'P', 'p', 'O', 'o', 'S', 's', 'X', 'x', '3':
		// A letter makes one only alone: ":D", not ":Dakar".
		return len(rest) == 1 || !continuesWord(rest[1:])
	}
	return false
}

// entity reports whether s ends in the name of an HTML entity, "&amp"
// before ";".
func entity(s string) bool {
	for i := len(s) - 1; i >= 0 && len(s)-i <= 32; i-- {
		switch b := s[i]; {
		case b == '&':
			return i < len(s)-1
		case 'a' <= b && b <= 'z', 'A' <= b && b <= 'Z', '0' <= b && b <= '9', b == '#':
		default:
			return false
		}
	}
	return false
}

// beforeClosing spaces the closing guillemet at i.
func (sp *spacer) beforeClosing(i int) {
	start := sp.runStart(i)
	if start == 0 {
		return
	}
	prev, _ := utf8.DecodeLastRuneInString(sp.s[:start])
	if prev == '«' || prev == utf8.RuneError || unicode.IsSpace(prev) || unicode.IsControl(prev) {
		return
	}
	sp.add(start, i, narrowNoBreakSpace, false)
}

// afterOpening spaces the opening guillemet that ends at i.
func (sp *spacer) afterOpening(i int) {
	end := sp.runEnd(i)
	if end == len(sp.s) {
		return
	}
	next, _ := utf8.DecodeRuneInString(sp.s[end:])
	if next == '»' || next == '«' || next == utf8.RuneError || unicode.IsSpace(next) || unicode.IsControl(next) {
		return
	}
	sp.add(i, end, narrowNoBreakSpace, true)
}

// isSpace is unicode.IsSpace, quicker for ASCII.
func isSpace(r rune) bool {
	if r < utf8.RuneSelf {
		return r == ' ' || '\t' <= r && r <= '\r'
	}
	return unicode.IsSpace(r)
}

// numberStarts reports whether a digit after r starts a number, rather
// than continuing a name or code ("RN1", "x2", "a=30").
func numberStarts(r rune) bool {
	return r < 0 || isSpace(r) || strings.ContainsRune("([«\"'“‘+-−±~≈<>≤≥–—", r)
}

// number spaces the number that starts at i: its groups of digits, and
// the space before its "%" or unit. It returns where reading goes on:
// after the number, or after the space before its unit.
func (sp *spacer) number(i int) int {
	s := sp.s
	j := digits(s, i)
	if j-i <= 3 {
		// "1 234 567": groups of three digits after a group of one to
		// three, each after a single space.
		for {
			n := spaceAt(s[j:])
			if n == 0 || n == len(s)-j || digits(s, j+n)-(j+n) != 3 {
				break
			}
			sp.add(j, j+n, narrowNoBreakSpace, false)
			j = digits(s, j+n)
		}
	}
	if j+1 < len(s) && (s[j] == ',' || s[j] == '.') && isDigit(s[j+1]) {
		j = digits(s, j+1)
	}
	end := sp.runEnd(j)
	if end == len(s) {
		return j
	}
	rest := s[end:]
	n := unitLen(rest)
	switch {
	case n == 0 || continuesWord(rest[n:]):
		return j
	case end == j && rest[0] != '%' && !strings.HasPrefix(rest, "‰"):
		// "10km", "5m": glued, as a code or a name may be; only "%"
		// gets its space inserted.
		return j
	}
	sp.add(j, end, narrowNoBreakSpace, false)
	return end
}

// digits returns where the run of ASCII digits starting at i ends.
func digits(s string, i int) int {
	for i < len(s) && isDigit(s[i]) {
		i++
	}
	return i
}

func isDigit(b byte) bool { return '0' <= b && b <= '9' }

// protected returns where a URL or an e-mail address in the token that
// starts at i begins and ends, leaving out an opening parenthesis, quote
// or guillemet before it and a closing guillemet after it; or -1, -1 when
// the token is neither.
func protected(s string, i int) (from, to int) {
	// Find the token's end, noting whether it holds a colon or an "@":
	// most words hold neither and are done with then.
	end, colon, at := i, false, false
	for end < len(s) {
		if b := s[end]; b < utf8.RuneSelf {
			if b == ' ' || '\t' <= b && b <= '\r' {
				break
			}
			colon = colon || b == ':'
			at = at || b == '@'
			end++
			continue
		}
		if b := s[end]; b != 0xc2 && b != 0xe1 && b != 0xe2 && b != 0xe3 {
			end++ // no space beyond ASCII starts with this byte
			continue
		}
		r, size := utf8.DecodeRuneInString(s[end:])
		if unicode.IsSpace(r) {
			break
		}
		end += size
	}
	if !colon && !at && !strings.Contains(s[i:end], "www.") {
		return -1, -1
	}
	start := i
	for {
		r, size := utf8.DecodeRuneInString(s[start:end])
		if size == 0 || !strings.ContainsRune("([{<«\"'“‘", r) {
			break
		}
		start += size
	}
	body := s[start:end]
	if !(colon && strings.Contains(body, "://")) && !strings.HasPrefix(body, "www.") && !(at && email(body)) {
		return -1, -1
	}
	if k := strings.Index(body, "»"); k >= 0 {
		end = start + k
	}
	if end <= start {
		return -1, -1
	}
	return start, end
}

// email reports whether tok holds an "@" between two letters or digits.
func email(tok string) bool {
	for k := 1; k < len(tok)-1; k++ {
		if tok[k] == '@' && isAlnum(tok[k-1]) && isAlnum(tok[k+1]) {
			return true
		}
	}
	return false
}

func isAlnum(b byte) bool {
	return isDigit(b) || 'a' <= b && b <= 'z' || 'A' <= b && b <= 'Z'
}
