package report

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// fileDecoder walks the node tree of one YAML file. It decodes by hand rather
// than through yaml.Unmarshal so that every problem (an unknown key, a wrong
// type, a bad date) is reported with its line and column, all in one pass.
type fileDecoder struct {
	path  string // as shown to the user
	src   []byte
	diags *Diagnostics
	// interned holds the short texts read so far (see intern).
	interned map[string]string
	// split says whether and how a long list may be parsed in chunks;
	// lazy is the list so parsed. unsure is set when a chunk does not
	// parse as planned: the file must then be decoded again, whole.
	split  chunking
	lazy   *lazyList
	unsure bool
	// starts holds the byte offset of each line, found the first time a
	// position inside a value is needed (see lineStarts): most files
	// never need one.
	starts []int
	// incomplete marks the mappings that held a merge key or an alias,
	// and the lists that held an alias: their missing keys or items are
	// not reported, since the user wrote them through the construct
	// already reported.
	incomplete map[*yaml.Node]bool
	// lang is the dataset's language: that of a plain string where a
	// text may be given in several languages (see Text).
	lang string
}

func newFileDecoder(path string, src []byte, diags *Diagnostics) *fileDecoder {
	return &fileDecoder{path: path, src: src, diags: diags, incomplete: map[*yaml.Node]bool{}}
}

// lineStarts returns the byte offset of each line of the file.
func (d *fileDecoder) lineStarts() []int {
	if d.starts == nil {
		d.starts = make([]int, 1, 1+bytes.Count(d.src, []byte{'\n'}))
		for i := 0; ; {
			j := bytes.IndexByte(d.src[i:], '\n')
			if j < 0 {
				break
			}
			i += j + 1
			d.starts = append(d.starts, i)
		}
	}
	return d.starts
}

func (d *fileDecoder) pos(n *yaml.Node) Position {
	return Position{File: d.path, Line: n.Line, Col: n.Column}
}

func (d *fileDecoder) errorf(n *yaml.Node, format string, args ...any) {
	d.diags.Errorf(d.pos(n), format, args...)
}

// syntaxError matches the messages of yaml.v3's parser and scanner, which
// give a line but no column.
var syntaxError = regexp.MustCompile(`^yaml: line (\d+): (.*)$`)

// unknownAnchor matches yaml.v3's message for an alias of no anchor, which
// gives no line at all.
var unknownAnchor = regexp.MustCompile(`^yaml: unknown anchor '(.*)' referenced$`)

// root parses the file and returns the value under its single top-level
// key, or nil when the file cannot be used.
func (d *fileDecoder) root(key string) *yaml.Node { return d.roots(key)[key] }

// roots parses the file and returns the values under its top-level keys:
// key, which it must hold, and the optional ones it may hold beside it.
// The map is nil when the file cannot be used; a key the file does not
// hold (or holds through an alias) has no value.
func (d *fileDecoder) roots(key string, optional ...string) map[string]*yaml.Node {
	holds := fmt.Sprintf("the single top-level key %q", key)
	unknown := fmt.Sprintf("this file holds only %q", key)
	if len(optional) > 0 {
		quoted := make([]string, len(optional))
		for i, k := range optional {
			quoted[i] = strconv.Quote(k)
		}
		also := strings.Join(quoted, " and ")
		holds = fmt.Sprintf("the top-level key %q (and, optionally, %s)", key, also)
		unknown = fmt.Sprintf("this file holds %q and, optionally, %s", key, also)
	}
	if !d.scanText() {
		return nil
	}
	doc, extra, err := d.parse()
	if errors.Is(err, io.EOF) || (err == nil && len(doc.Content) == 0) {
		d.diags.Errorf(Position{d.path, 1, 1}, "the file is empty; it must hold a mapping with %s", holds)
		return nil
	}
	if err != nil {
		if m := unknownAnchor.FindStringSubmatch(err.Error()); m != nil {
			d.diags.Errorf(d.positionOf("*"+m[1]), "YAML anchors and aliases are not supported; write the value out instead of *%s", m[1])
			return nil
		}
		line, msg := 1, strings.TrimPrefix(err.Error(), "yaml: ")
		if m := syntaxError.FindStringSubmatch(err.Error()); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = m[2]
		}
		hint := "check the indentation, and quote text that contains \": \" or starts with a special character"
		if strings.Contains(msg, "escape") {
			// An escape in a double-quoted text: \x, \u and \U must name a
			// Unicode character.
			hint = "in double quotes, a backslash starts an escape: write \\\\ for a backslash, and \\u or \\U only with the code of a Unicode character (at most 10FFFF)"
		}
		pos := Position{d.path, line, d.syntaxColumn(line, msg)}
		if at := badEscape(d.src, d.offset(line, 1)); strings.Contains(msg, "escape") && at >= 0 {
			pos = d.positionAt(at)
		}
		d.diags.Errorf(pos, "YAML syntax error: %s (%s)", msg, hint)
		return nil
	}
	if extra != nil {
		d.errorf(extra, "a second YAML document starts here; a data file holds exactly one")
	}
	d.checkTree(doc, false)
	top := doc.Content[0]
	if top.Kind != yaml.MappingNode {
		if top.Kind != yaml.AliasNode {
			d.errorf(top, "the file must be a mapping with %s, not %s", holds, describe(top))
		}
		return nil
	}
	values := map[string]*yaml.Node{}
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i], top.Content[i+1]
		switch {
		case isMergeKey(k):
			d.incomplete[top] = true
		case k.Value == key || slices.Contains(optional, k.Value):
			values[k.Value] = v
		default:
			d.errorf(k, "unknown top-level key %s; %s", quoteShort(k.Value), unknown)
		}
	}
	if values[key] == nil && !d.incomplete[top] {
		d.errorf(top, "missing the top-level key %q", key)
	}
	for k, v := range values {
		if v.Kind == yaml.AliasNode {
			delete(values, k)
		}
	}
	return values
}

// parse parses the file: its first document, and the second if there is
// one (an error, reported by roots). When the decoder may, a long list
// is parsed in chunks as items takes them (see loadchunks.go): it then
// has no items in the document.
func (d *fileDecoder) parse() (doc, extra *yaml.Node, err error) {
	if plan, ok := planChunks(d.src, d.split); ok {
		if doc, extra, lazy, ok := parseSkeleton(d.src, plan, d.split.ahead); ok {
			d.lazy = lazy
			return doc, extra, nil
		}
	}
	dec := yaml.NewDecoder(bytes.NewReader(d.src))
	doc = &yaml.Node{}
	if err := dec.Decode(doc); err != nil {
		return doc, nil, err
	}
	var second yaml.Node
	if dec.Decode(&second) == nil {
		extra = &second
	}
	return doc, extra, nil
}

// positionOf finds the first occurrence of needle in the file, for the
// rare message the YAML library gives without a position.
func (d *fileDecoder) positionOf(needle string) Position {
	if i := bytes.Index(d.src, []byte(needle)); i >= 0 {
		return d.positionAt(i)
	}
	return Position{d.path, 1, 1}
}

// syntaxColumn guesses the column of a syntax error, which yaml.v3 does not
// report: the colon of a second "key: value" on one line, else the line's
// first character.
func (d *fileDecoder) syntaxColumn(line int, msg string) int {
	if line < 1 || line > len(d.lineStarts()) {
		return 1
	}
	text := string(d.src[d.lineStarts()[line-1]:])
	text, _, _ = strings.Cut(text, "\n")
	if strings.HasPrefix(msg, "mapping values are not allowed") {
		if first := strings.Index(text, ": "); first >= 0 {
			if second := strings.Index(text[first+2:], ": "); second >= 0 {
				return utf8.RuneCountInString(text[:first+2+second]) + 1
			}
		}
	}
	return len(text) - len(strings.TrimLeft(text, " \t")) + 1
}

// field is one key a mapping may hold and how to decode its value.
type field struct {
	name     string
	required bool
	decode   func(key string, v *yaml.Node)
}

func req(name string, decode func(string, *yaml.Node)) field {
	return field{name: name, required: true, decode: decode}
}

func opt(name string, decode func(string, *yaml.Node)) field {
	return field{name: name, decode: decode}
}

// fields decodes a mapping through its field table. It returns the value
// node of every key present, for checks that need a field's position, or
// nil when n is not a mapping. A key whose value is an alias (reported
// already) is present but not decoded, and absent from the result.
func (d *fileDecoder) fields(n *yaml.Node, what string, table ...field) map[string]*yaml.Node {
	vals := make([]*yaml.Node, len(table))
	if !d.mapping(n, what, table, vals, func(i int, key string, v *yaml.Node) { table[i].decode(key, v) }) {
		return nil
	}
	got := make(map[string]*yaml.Node, len(table))
	for i, v := range vals {
		if v != nil {
			got[table[i].name] = v
		}
	}
	return got
}

// maxFields is the most keys a table of fields holds without mapping
// allocating for them.
const maxFields = 32

// mapping is fields without maps or closures for the many mappings of
// one kind (events, sources): table gives the keys, the decode of its
// fields unused; decode is called with the index in table of each key
// present whose value is neither empty nor an alias; vals, as long as
// table, receives the value node of each key present. It reports whether
// n is a mapping. The messages are those of fields, which calls it.
func (d *fileDecoder) mapping(n *yaml.Node, what string, table []field, vals []*yaml.Node, decode func(i int, key string, v *yaml.Node)) bool {
	if n.Kind == yaml.AliasNode {
		return false
	}
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "%s must be a mapping of keys to values, not %s", what, describe(n))
		return false
	}
	var keys [maxFields]*yaml.Node
	keyAt := keys[:0]
	if len(table) <= maxFields {
		keyAt = keys[:len(table)]
	} else {
		keyAt = make([]*yaml.Node, len(table))
	}
	next := 0 // keys mostly come in the table's order: look there first
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], n.Content[i+1]
		if isMergeKey(k) {
			d.incomplete[n] = true
			continue
		}
		j := fieldIndex(table, k.Value, next)
		switch {
		case j < 0:
			d.errorf(k, "unknown key %s in %s%s", quoteShort(k.Value), what, suggest(k.Value, table))
		case keyAt[j] != nil:
			d.errorf(k, "key %q appears twice in this %s (first at line %d)", k.Value, what, keyAt[j].Line)
		case v.Kind == yaml.AliasNode:
			keyAt[j] = k
			d.incomplete[n] = true
		default:
			keyAt[j] = k
			vals[j] = v
			next = j + 1
			if v.Tag == "!!null" {
				if color, at := d.colorComment(v); color != "" {
					d.diags.Errorf(at, "%s is empty because YAML reads %s as a comment: quote the colour, %s: \"%s\"", k.Value, color, k.Value, color)
				} else if table[j].required {
					d.errorf(v, "%s must not be empty", k.Value)
				}
				continue
			}
			decode(j, k.Value, v)
		}
	}
	for j, f := range table {
		if f.required && keyAt[j] == nil && !d.incomplete[n] {
			d.errorf(n, "%s is missing the required key %q", what, f.name)
		}
	}
	return true
}

// fieldIndex returns the index of the field named key, looking from
// index from on and then from the start, or -1.
func fieldIndex(table []field, key string, from int) int {
	for i := from; i < len(table); i++ {
		if table[i].name == key {
			return i
		}
	}
	for i := range min(from, len(table)) {
		if table[i].name == key {
			return i
		}
	}
	return -1
}

// hashColor matches a colour left unquoted after a key, which YAML reads
// as a comment.
var hashColor = regexp.MustCompile(`^[ \t]*(#[0-9A-Fa-f]{6})(?:[ \t\r\n]|$)`)

// colorComment returns the #RRGGBB colour that follows an empty value on
// its line, if any, and where: "primary: #1F3A5F" leaves primary empty.
func (d *fileDecoder) colorComment(v *yaml.Node) (string, Position) {
	if v.Value != "" {
		return "", Position{}
	}
	off := d.offset(v.Line, v.Column)
	rest := d.src[off:min(len(d.src), off+64)]
	if m := hashColor.FindSubmatchIndex(rest); m != nil {
		return string(rest[m[2]:m[3]]), d.positionAt(off + m[2])
	}
	return "", Position{}
}

// suggest names the closest known key, since most unknown keys are typos.
func suggest(key string, table []field) string {
	best, bestDist := "", 3
	for _, f := range table {
		if abs(len(key)-len(f.name)) >= bestDist {
			continue // too different in length to be a typo, and not worth the comparison
		}
		if dist := editDistance(key, f.name, bestDist-1); dist < bestDist {
			best, bestDist = f.name, dist
		}
	}
	if best != "" {
		return fmt.Sprintf("; did you mean %q?", best)
	}
	names := make([]string, len(table))
	for i, f := range table {
		names[i] = f.name
	}
	return "; known keys: " + strings.Join(names, ", ")
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// editDistance returns the Levenshtein distance between a and b when it
// is at most k, and k+1 otherwise. It fills only the band of the table
// within k of the diagonal, so a comparison costs (2k+1)·len(a) steps
// rather than len(a)·len(b): suggestions compare an id with thousands.
func editDistance(a, b string, k int) int {
	if abs(len(a)-len(b)) > k {
		return k + 1
	}
	const far = math.MaxInt / 2 // a cell outside the band
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = far
		if j <= k {
			prev[j] = j
		}
	}
	for i := 1; i <= len(a); i++ {
		lo, hi := max(1, i-k), min(len(b), i+k)
		cur[lo-1] = far
		if lo == 1 && i <= k {
			cur[0] = i
		}
		best := cur[lo-1]
		for j := lo; j <= hi; j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
			best = min(best, cur[j])
		}
		if hi < len(b) {
			cur[hi+1] = far
		}
		if best > k {
			return k + 1
		}
		prev, cur = cur, prev
	}
	return min(prev[len(b)], k+1)
}

// describe names what a node holds, for "must be X, not Y" messages.
func describe(n *yaml.Node) string {
	switch n.Kind {
	case yaml.SequenceNode:
		return "a list"
	case yaml.MappingNode:
		return "a mapping"
	}
	switch n.Tag {
	case "!!null":
		return "nothing"
	case "!!bool":
		return "true/false (" + n.Value + ")"
	case "!!int", "!!float":
		return "the number " + n.Value
	}
	return strconv.Quote(n.Value)
}

// str decodes text of at most max characters. Numbers are accepted as
// their text, since a title may well be "1960".
func (d *fileDecoder) str(dst *string, max int) func(string, *yaml.Node) {
	return d.text(dst, max, "shorten it")
}

// text decodes text of at most max characters; todo says, after the limit,
// why it exists and what to do.
func (d *fileDecoder) text(dst *string, max int, todo string) func(string, *yaml.Node) {
	return func(key string, v *yaml.Node) { d.textValue(dst, max, todo, key, v) }
}

// textValue is what text returns, called directly by the decoders of the
// many events, which need no closure per field.
func (d *fileDecoder) textValue(dst *string, max int, todo, key string, v *yaml.Node) {
	if v.Kind != yaml.ScalarNode || v.Tag == "!!bool" {
		d.errorf(v, "%s must be text, not %s", key, describe(v))
		return
	}
	if isBlank(v.Value) {
		d.errorf(v, "%s must not be empty", key)
		return
	}
	if !utf8.ValidString(v.Value) {
		d.errorf(v, "%s is not valid UTF-8; save the file as UTF-8", key)
		return
	}
	if hasForbidden(v.Value) {
		return // reported where the character is written
	}
	// A text has no more characters than bytes: count them only when it
	// might be over.
	if len(v.Value) > max {
		if n := utf8.RuneCountInString(v.Value); n > max {
			d.errorf(v, "%s has %s characters, over the limit of %s: %s", key, thousands(n), thousands(max), todo)
			return
		}
	}
	*dst = v.Value
}

// multiText decodes a text a reader sees, which may be given in several
// languages (see Text).
func (d *fileDecoder) multiText(dst *Text, max int, todo string) func(string, *yaml.Node) {
	return func(key string, v *yaml.Node) { d.multiTextValue(dst, max, todo, key, v) }
}

// multiTextValue is what multiText returns: a plain string, in the
// dataset's language, or a mapping of texts by language code. A mapping
// without the dataset's language is taken, with a warning, in its first
// language: letters in the dataset's language print that.
func (d *fileDecoder) multiTextValue(dst *Text, max int, todo, key string, v *yaml.Node) {
	if v.Kind != yaml.MappingNode {
		if v.Kind != yaml.ScalarNode {
			d.errorf(v, "%s must be text, or texts by language such as {en: \"…\", fr: \"…\"}, not %s", key, describe(v))
			return
		}
		var s string
		d.textValue(&s, max, todo, key, v)
		if s != "" {
			*dst = PlainText(d.lang, s)
		}
		return
	}
	texts := d.translations(key, v, max, todo)
	if len(texts) == 0 {
		return
	}
	first := slices.IndexFunc(texts, func(t Translation) bool { return t.Lang == d.lang })
	if first < 0 {
		first = 0
		if d.lang != "" {
			d.diags.Warnf(d.pos(v), "%s has no text in the dataset's language (%s): letters in %s print its %s text; add %s: …",
				key, d.lang, d.lang, texts[0].Lang, d.lang)
		}
	}
	*dst = NewText(texts[first].Lang, texts[first].Text, texts...)
}

// translations decodes a mapping of texts by language code, sorted by
// language.
func (d *fileDecoder) translations(key string, v *yaml.Node, max int, todo string) []Translation {
	if len(v.Content) == 0 {
		d.errorf(v, "%s must not be empty: give its text, or texts by language such as {en: \"…\", fr: \"…\"}", key)
		return nil
	}
	var texts []Translation
	seen := map[string]bool{}
	for i := 0; i+1 < len(v.Content); i += 2 {
		k, val := v.Content[i], v.Content[i+1]
		lang := k.Value
		if k.Kind != yaml.ScalarNode || !languageCode.MatchString(lang) {
			d.errorf(k, "%s: %s is not a language code; the keys of a text by language are ISO 639-1 codes in lower case, such as en or fr", key, quoteShort(lang))
			continue
		}
		if seen[lang] {
			d.errorf(k, "%s gives its %s text twice; keep one", key, lang)
			continue
		}
		seen[lang] = true
		var s string
		d.textValue(&s, max, todo, key+"."+lang, val)
		if s != "" {
			texts = append(texts, Translation{Lang: lang, Text: s})
		}
	}
	slices.SortFunc(texts, func(a, b Translation) int { return strings.Compare(a.Lang, b.Lang) })
	return texts
}

// sharedText is textValue for a value that repeats across the file, which
// it interns.
func (d *fileDecoder) sharedText(dst *string, max int, todo, key string, v *yaml.Node) {
	var s string
	d.textValue(&s, max, todo, key, v)
	if s != "" {
		*dst = d.intern(s)
	}
}

// isBlank reports whether s is empty or only white space, as
// strings.TrimSpace sees it, without trimming a long text to find out.
func isBlank(s string) bool {
	for i := 0; i < len(s); i++ {
		switch s[i] {
		case ' ', '\t', '\n', '\v', '\f', '\r':
		default:
			if s[i] < utf8.RuneSelf {
				return false
			}
			return strings.TrimSpace(s[i:]) == ""
		}
	}
	return true
}

// intern returns s, or an equal string seen before in this file: the
// values that repeat over thousands of events (types, actors, places,
// sources) then share one copy, and the copies YAML made of them are
// freed with the file's nodes. Long texts are not worth a lookup.
func (d *fileDecoder) intern(s string) string {
	const maxInterned = 64
	if len(s) > maxInterned {
		return s
	}
	if d.interned == nil {
		d.interned = map[string]string{}
	}
	if t, ok := d.interned[s]; ok {
		return t
	}
	d.interned[s] = s
	return s
}

// id decodes an identifier and checks its shape.
func (d *fileDecoder) id(dst *string) func(string, *yaml.Node) {
	return func(key string, v *yaml.Node) { d.idValue(dst, key, v) }
}

func (d *fileDecoder) idValue(dst *string, key string, v *yaml.Node) {
	d.textValue(dst, MaxIDLen, "an id names a thing, it does not describe it; shorten it", key, v)
	if *dst != "" && !validID(*dst) {
		d.errorf(v, "%s %s must be lower-case letters, digits, '.', '_' or '-', starting with a letter or digit", key, quoteShort(*dst))
	}
}

// validID reports whether s has the shape of an id:
// [a-z0-9][a-z0-9._-]*, checked byte by byte rather than by a regular
// expression, since every event, source and reference has ids.
func validID(s string) bool {
	if s == "" || !lowerOrDigit(s[0]) {
		return false
	}
	for i := 1; i < len(s); i++ {
		if c := s[i]; !lowerOrDigit(c) && c != '.' && c != '_' && c != '-' {
			return false
		}
	}
	return true
}

func lowerOrDigit(c byte) bool { return 'a' <= c && c <= 'z' || '0' <= c && c <= '9' }

// count decodes a reported figure: a whole number from 0 to MaxCount.
func (d *fileDecoder) count(dst *Count) func(string, *yaml.Node) {
	return func(key string, v *yaml.Node) { d.countValue(dst, key, v) }
}

func (d *fileDecoder) countValue(dst *Count, key string, v *yaml.Node) {
	if v.Kind == yaml.ScalarNode && (v.Tag == "!!int" || v.Tag == "!!float") && isDecimal(v.Value) && !strings.HasPrefix(v.Value, "-") {
		if n, err := strconv.ParseInt(v.Value, 10, 64); err != nil || n > MaxCount {
			d.errorf(v, "%s %s is over the limit of %s for one event: check the figure, or split the event", key, groupDigits(v.Value), thousands(MaxCount))
			return
		}
	}
	n := -1
	d.integerValue(&n, key, v)
	if n >= 0 {
		*dst = Reported(n)
	}
}

// isDecimal reports whether s is written as a whole number must be: plain
// decimal digits, without a plus sign, leading zeros or separators (a
// minus sign is allowed, so that the message can say the number must be 0
// or more): -?(0|[1-9][0-9]*).
func isDecimal(s string) bool {
	s = strings.TrimPrefix(s, "-")
	if s == "" || (s[0] == '0' && len(s) > 1) {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return true
}

// integer decodes a whole number ≥ 0 written in decimal digits. YAML also
// reads 0x10, 0o17, 1_000, +5, 010 and 1e3 as numbers; a reader of the
// file may not, so each gets a message saying how to write it.
func (d *fileDecoder) integer(dst *int) func(string, *yaml.Node) {
	return func(key string, v *yaml.Node) { d.integerValue(dst, key, v) }
}

func (d *fileDecoder) integerValue(dst *int, key string, v *yaml.Node) {
	if v.Kind != yaml.ScalarNode {
		d.errorf(v, "%s must be a whole number, not %s", key, describe(v))
		return
	}
	s := v.Value
	if v.Tag == "!!str" && v.Style&(yaml.DoubleQuotedStyle|yaml.SingleQuotedStyle) != 0 && isDecimal(s) {
		d.errorf(v, "%s must be a number, not text: write %s without quotes", key, s)
		return
	}
	if v.Tag != "!!int" && v.Tag != "!!float" {
		d.errorf(v, "%s must be a whole number, not %s", key, describe(v))
		return
	}
	if !isDecimal(s) {
		if n, ok := yamlWhole(s); ok && strings.HasPrefix(n, "-") {
			d.errorf(v, "%s must be 0 or more, not %s", key, s)
		} else if ok {
			d.errorf(v, "%s must be a whole number written in decimal digits: write %s", key, n)
		} else {
			d.errorf(v, "%s must be a whole number, not %s", key, describe(v))
		}
		return
	}
	n, err := strconv.ParseInt(s, 10, strconv.IntSize)
	switch {
	case err != nil:
		d.errorf(v, "%s %s is far too large: check it", key, groupDigits(s))
	case n < 0:
		d.errorf(v, "%s must be 0 or more, not %d", key, n)
	default:
		*dst = int(n)
	}
}

// yamlWhole reads a number the way YAML does (hexadecimal, octal, binary,
// underscores, a sign, an exponent) and returns it in decimal when it is a
// whole number.
func yamlWhole(s string) (string, bool) {
	plain := strings.ReplaceAll(s, "_", "")
	neg := strings.HasPrefix(plain, "-")
	digits := strings.TrimLeft(plain, "+-")
	var n uint64
	var err error
	switch {
	case strings.HasPrefix(digits, "0x"), strings.HasPrefix(digits, "0o"), strings.HasPrefix(digits, "0b"):
		n, err = strconv.ParseUint(digits, 0, 64)
	case strings.Trim(digits, "0123456789") == "":
		n, err = strconv.ParseUint(digits, 10, 64) // leading zeros: read as the decimal number the writer meant
	default:
		f, ferr := strconv.ParseFloat(digits, 64)
		if ferr != nil || f != math.Trunc(f) || f >= 1<<63 {
			return "", false
		}
		n = uint64(f)
	}
	if err != nil {
		return "", false
	}
	if neg && n != 0 {
		return "-" + strconv.FormatUint(n, 10), true
	}
	return strconv.FormatUint(n, 10), true
}

func (d *fileDecoder) float(dst *float64) func(string, *yaml.Node) {
	return func(key string, v *yaml.Node) { d.floatValue(dst, key, v) }
}

func (d *fileDecoder) floatValue(dst *float64, key string, v *yaml.Node) {
	if v.Kind == yaml.ScalarNode && v.Tag == "!!float" && strings.HasPrefix(strings.TrimLeft(v.Value, "+-"), ".") &&
		strings.ContainsAny(v.Value, "nNiI") {
		d.errorf(v, "%s must be a number of degrees, not %s (YAML's not-a-number or infinity): write the coordinate, e.g. 14.4469", key, v.Value)
		return
	}
	f, err := strconv.ParseFloat(v.Value, 64)
	if v.Kind != yaml.ScalarNode || (v.Tag != "!!int" && v.Tag != "!!float") || err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
		d.errorf(v, "%s must be a number, not %s", key, describe(v))
		return
	}
	*dst = f
}

func (d *fileDecoder) date(dst *Date) func(string, *yaml.Node) {
	return func(key string, v *yaml.Node) { d.dateValue(dst, key, v) }
}

func (d *fileDecoder) dateValue(dst *Date, key string, v *yaml.Node) {
	if v.Kind != yaml.ScalarNode || (v.Tag != "!!str" && v.Tag != "!!timestamp") {
		d.errorf(v, "%s must be a date written YYYY-MM-DD, not %s", key, describe(v))
		return
	}
	t, err := parseDate(v.Value)
	if err != nil {
		d.errorf(v, "%s: %v", key, err)
		return
	}
	if !d.checkYear(key, v, t.Year) {
		return
	}
	*dst = t
}

// parseDate is ParseDate, reading a well-formed date without a regular
// expression or the time package: every event has one or two. Anything
// else goes to ParseDate, for its message.
func parseDate(s string) (Date, error) {
	if len(s) == 10 && s[4] == '-' && s[7] == '-' {
		y, yok := digits(s[:4])
		m, mok := digits(s[5:7])
		d, dok := digits(s[8:])
		if yok && mok && dok && m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, time.Month(m)) {
			return Date{Year: y, Month: time.Month(m), Day: d}, nil
		}
	}
	return ParseDate(s)
}

// digits reads a number written in ASCII digits only.
func digits(s string) (int, bool) {
	n := 0
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return 0, false
		}
		n = n*10 + int(s[i]-'0')
	}
	return n, s != ""
}

// daysInMonth returns the number of days of a month of the proleptic
// Gregorian calendar, as the time package counts them.
func daysInMonth(year int, m time.Month) int {
	switch m {
	case time.February:
		if year%4 == 0 && (year%100 != 0 || year%400 == 0) {
			return 29
		}
		return 28
	case time.April, time.June, time.September, time.November:
		return 30
	}
	return 31
}

func (d *fileDecoder) partialDate(dst *PartialDate) func(string, *yaml.Node) {
	return func(key string, v *yaml.Node) { d.partialDateValue(dst, key, v) }
}

func (d *fileDecoder) partialDateValue(dst *PartialDate, key string, v *yaml.Node) {
	if v.Kind != yaml.ScalarNode || (v.Tag != "!!str" && v.Tag != "!!timestamp" && v.Tag != "!!int") {
		d.errorf(v, "%s must be a date written YYYY-MM-DD, YYYY-MM or YYYY, not %s", key, describe(v))
		return
	}
	t, err := ParsePartialDate(v.Value)
	if err != nil {
		d.errorf(v, "%s: %v", key, err)
		return
	}
	if !d.checkYear(key, v, t.Year) {
		return
	}
	*dst = t
}

// checkYear refuses a year outside MinYear–MaxYear: it is a typo, and a
// chart or a period spanning centuries would follow from it.
func (d *fileDecoder) checkYear(key string, v *yaml.Node, year int) bool {
	if year < MinYear || year > MaxYear {
		d.errorf(v, "%s %s: the year %04d is outside %d–%d, the years briefing accepts; check the date", key, v.Value, year, MinYear, MaxYear)
		return false
	}
	return true
}

// list decodes a list of at most maxItems text items of at most maxChars
// characters each; each item's position is passed to each, for reference
// checks. An item listed twice is an error.
func (d *fileDecoder) list(dst *[]string, maxItems, maxChars int, each func(item string, at Position)) func(string, *yaml.Node) {
	return func(key string, v *yaml.Node) { d.listValue(dst, maxItems, maxChars, each, key, v) }
}

// shortList is the longest list whose duplicates are found by comparing
// each item with those before it: quicker than a set for the few items
// of an event's lists, and still linear in all.
const shortList = 8

func (d *fileDecoder) listValue(dst *[]string, maxItems, maxChars int, each func(item string, at Position), key string, v *yaml.Node) {
	items, ok := d.listItems(key, v, maxItems)
	if !ok {
		return
	}
	// A set, not a scan of the list so far, once a list is long.
	var seen map[string]bool
	if len(items) > shortList {
		seen = make(map[string]bool, len(items))
	}
	start, wasNil := len(*dst), *dst == nil
	if wasNil {
		*dst = make([]string, 0, len(items))
	}
	itemKey := key + " item"
	for _, item := range items {
		if item.Kind == yaml.AliasNode {
			d.incomplete[v] = true
			continue // reported already
		}
		var s string
		d.sharedText(&s, maxChars, "shorten it", itemKey, item)
		if s == "" {
			continue
		}
		if (seen != nil && seen[s]) || (seen == nil && slices.Contains((*dst)[start:], s)) {
			d.errorf(item, "%s lists %s twice", key, quoteShort(s))
			continue
		}
		if seen != nil {
			seen[s] = true
		}
		*dst = append(*dst, s)
		if each != nil {
			each(s, d.pos(item))
		}
	}
	if wasNil && len(*dst) == 0 {
		*dst = nil // a list of nothing decodes to none, not to an empty list
	}
}

// listItems returns the items of a list, the first maxItems of them, and
// whether v is a list at all; it reports a value that is not a list, or
// one that is too long.
func (d *fileDecoder) listItems(key string, v *yaml.Node, maxItems int) ([]*yaml.Node, bool) {
	if v.Kind != yaml.SequenceNode {
		d.errorf(v, "%s must be a list (write [a, b] or one \"- item\" per line), not %s", key, describe(v))
		return nil, false
	}
	items := v.Content
	if len(items) > maxItems {
		d.errorf(v, "%s lists %s items, over the limit of %s: shorten the list", key, thousands(len(items)), thousands(maxItems))
		items = items[:maxItems]
	}
	return items, true
}

// textList decodes a list of at most maxItems texts a reader sees, each a
// plain string or texts by language (see multiTextValue).
func (d *fileDecoder) textList(key string, v *yaml.Node, maxItems, maxChars int) []Text {
	items, _ := d.listItems(key, v, maxItems)
	var out []Text
	for _, item := range items {
		if item.Kind == yaml.AliasNode {
			d.incomplete[v] = true
			continue // reported already
		}
		var t Text
		d.multiTextValue(&t, maxChars, "shorten it", key+" item", item)
		if !t.IsZero() {
			out = append(out, t)
		}
	}
	return out
}

// items calls decode for each of at most max elements of a list of
// mappings. It reports whether n is a list, or empty.
func (d *fileDecoder) items(n *yaml.Node, what string, max int, decode func(*yaml.Node)) bool {
	if n == nil || n.Kind == yaml.AliasNode {
		return false
	}
	if n.Tag == "!!null" {
		return true
	}
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, "%s must be a list, one \"- \" item per entry, not %s", what, describe(n))
		return false
	}
	if d.lazy != nil && d.lazy.list == n {
		return d.lazyItems(what, max, decode)
	}
	items := n.Content
	if len(items) > max {
		d.errorf(n, "%s lists %s entries, over the limit of %s: split the data or shorten the list", what, thousands(len(items)), thousands(max))
		items = items[:max]
	}
	for _, item := range items {
		if item.Kind != yaml.AliasNode {
			decode(item)
		}
	}
	return true
}

// lazyItems is items for the list parsed in chunks: each chunk is checked
// as checkTree checks the whole tree, then its items decoded, then let
// go. A chunk that does not parse as planned stops it, unsure.
func (d *fileDecoder) lazyItems(what string, max int, decode func(*yaml.Node)) bool {
	l := d.lazy
	if n := l.count(); n > max {
		d.errorf(l.list, "%s lists %s entries, over the limit of %s: split the data or shorten the list", what, thousands(n), thousands(max))
	}
	left := max
	for ; l.taken < len(l.parts); l.taken++ {
		part := l.chunk(l.taken)
		if part == nil {
			d.unsure = true
			return false
		}
		d.checkTree(part, false)
		for _, item := range part.Content[:min(len(part.Content), left)] {
			decode(item) // a chunk has no alias: see plain
		}
		left -= min(len(part.Content), left)
	}
	return true
}

// finish parses the chunks of the list that items did not take (the list
// of a key the file should not hold, say), for the problems parsing the
// whole file finds in them; it reports whether the file was decoded as
// parsing it whole would have it (see unsure).
func (d *fileDecoder) finish() bool {
	if l := d.lazy; l != nil && !d.unsure {
		for ; l.taken < len(l.parts); l.taken++ {
			part := l.chunk(l.taken)
			if part == nil {
				d.unsure = true
				break
			}
			d.checkTree(part, false)
		}
	}
	return !d.unsure
}

// locator finds, in the file, the characters of a block of text at given
// offsets of its decoded value: bodies use it to point at a note
// reference or a stray asterisk, since the YAML library gives positions
// of nodes, not of the characters inside them. Queries come in increasing
// order of offset and each search starts where the last one ended, so
// locating every mark of a body reads the file once. The search relies on
// the decoded text being no longer than its source between two marks,
// which holds for YAML's scalars (indentation and escapes only shrink).
type locator struct {
	d              *fileDecoder
	fallback       Position
	lastAt         int // file offset of the last mark found
	lastOffset     int // its offset in the text
	line, lineFrom int // the line of lastAt and its first byte
	col, colAt     int // a column on that line and the byte it is at
}

func (d *fileDecoder) locator(n *yaml.Node) *locator {
	start := d.offset(n.Line, n.Column)
	return &locator{d: d, fallback: d.pos(n), lastAt: start, line: -1}
}

// find returns the position of needle, which the text holds at offset.
func (l *locator) find(offset int, needle string) Position {
	from := min(len(l.d.src), l.lastAt+max(0, offset-l.lastOffset))
	i := bytes.Index(l.d.src[from:], []byte(needle))
	if i < 0 {
		return l.fallback
	}
	at := from + i
	l.lastAt, l.lastOffset = at, offset
	// The column counts characters from the line's start: continue from
	// the last mark when it is on the same line, so a body written on one
	// long line is not counted over and over.
	line, _ := slices.BinarySearch(l.d.lineStarts(), at+1)
	if line != l.line {
		l.line, l.lineFrom = line, l.d.lineStarts()[line-1]
		l.col, l.colAt = 1, l.lineFrom
	}
	l.col += utf8.RuneCount(l.d.src[l.colAt:at])
	l.colAt = at
	return Position{File: l.d.path, Line: line, Col: l.col}
}

func (d *fileDecoder) offset(line, col int) int {
	starts := d.lineStarts()
	if line < 1 || line > len(starts) {
		return 0
	}
	off := starts[line-1]
	for range col - 1 {
		if off >= len(d.src) || d.src[off] == '\n' {
			break
		}
		_, size := utf8.DecodeRune(d.src[off:])
		off += size
	}
	return off
}

func (d *fileDecoder) positionAt(off int) Position {
	starts := d.lineStarts()
	line, _ := slices.BinarySearch(starts, off+1)
	start := starts[line-1]
	return Position{File: d.path, Line: line, Col: utf8.RuneCount(d.src[start:off]) + 1}
}

// badEscape returns the offset of the first backslash escape at or after
// from that YAML rejects in a double-quoted text — an unknown escape
// character, or \x, \u, \U whose code is not a Unicode character — or -1.
// YAML reports such an error at the line where the text starts; this finds
// the escape itself.
func badEscape(src []byte, from int) int {
	for i := max(from, 0); i+1 < len(src); i++ {
		if src[i] != '\\' {
			continue
		}
		esc := src[i+1]
		digits := map[byte]int{'x': 2, 'u': 4, 'U': 8}[esc]
		if digits == 0 {
			if !strings.ContainsRune("0abt\tnvfre \"/\\N_LP", rune(esc)) {
				return i
			}
			i++
			continue
		}
		if i+2+digits > len(src) {
			return i
		}
		v, err := strconv.ParseUint(string(src[i+2:i+2+digits]), 16, 32)
		if err != nil || v > utf8.MaxRune || (v >= 0xd800 && v <= 0xdfff) {
			return i
		}
		i += 1 + digits
	}
	return -1
}
