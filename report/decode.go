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
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// fileDecoder walks the node tree of one YAML file. It decodes by hand rather
// than through yaml.Unmarshal so that every problem (an unknown key, a wrong
// type, a bad date) is reported with its line and column, all in one pass.
type fileDecoder struct {
	path       string // as shown to the user
	src        []byte
	lineStarts []int // byte offset of each line
	diags      *Diagnostics
}

func newFileDecoder(path string, src []byte, diags *Diagnostics) *fileDecoder {
	starts := []int{0}
	for i, c := range src {
		if c == '\n' {
			starts = append(starts, i+1)
		}
	}
	return &fileDecoder{path: path, src: src, lineStarts: starts, diags: diags}
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

// root parses the file and returns the value under its single top-level
// key, or nil when the file cannot be used.
func (d *fileDecoder) root(key string) *yaml.Node {
	dec := yaml.NewDecoder(bytes.NewReader(d.src))
	var doc yaml.Node
	err := dec.Decode(&doc)
	if errors.Is(err, io.EOF) || (err == nil && len(doc.Content) == 0) {
		d.diags.Errorf(Position{d.path, 1, 1}, "the file is empty; it must hold a mapping with the single top-level key %q", key)
		return nil
	}
	if err != nil {
		line, msg := 1, strings.TrimPrefix(err.Error(), "yaml: ")
		if m := syntaxError.FindStringSubmatch(err.Error()); m != nil {
			line, _ = strconv.Atoi(m[1])
			msg = m[2]
		}
		d.diags.Errorf(Position{d.path, line, d.syntaxColumn(line, msg)}, "YAML syntax error: %s (check the indentation, and quote text that contains \": \" or starts with a special character)", msg)
		return nil
	}
	var extra yaml.Node
	if dec.Decode(&extra) == nil {
		d.errorf(&extra, "a second YAML document starts here; a data file holds exactly one")
	}
	top := doc.Content[0]
	if top.Kind != yaml.MappingNode {
		d.errorf(top, "the file must be a mapping with the single top-level key %q, not %s", key, describe(top))
		return nil
	}
	var value *yaml.Node
	for i := 0; i+1 < len(top.Content); i += 2 {
		k, v := top.Content[i], top.Content[i+1]
		if k.Value == key {
			value = v
			continue
		}
		d.errorf(k, "unknown top-level key %q; this file holds only %q", k.Value, key)
	}
	if value == nil {
		d.errorf(top, "missing the top-level key %q", key)
	}
	return value
}

// syntaxColumn guesses the column of a syntax error, which yaml.v3 does not
// report: the colon of a second "key: value" on one line, else the line's
// first character.
func (d *fileDecoder) syntaxColumn(line int, msg string) int {
	if line < 1 || line > len(d.lineStarts) {
		return 1
	}
	text := string(d.src[d.lineStarts[line-1]:])
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
// nil when n is not a mapping.
func (d *fileDecoder) fields(n *yaml.Node, what string, table ...field) map[string]*yaml.Node {
	n = resolve(n)
	if n.Kind != yaml.MappingNode {
		d.errorf(n, "%s must be a mapping of keys to values, not %s", what, describe(n))
		return nil
	}
	got := make(map[string]*yaml.Node, len(table))
	keyAt := make(map[string]*yaml.Node, len(table))
	for i := 0; i+1 < len(n.Content); i += 2 {
		k, v := n.Content[i], resolve(n.Content[i+1])
		j := slices.IndexFunc(table, func(f field) bool { return f.name == k.Value })
		switch {
		case j < 0:
			d.errorf(k, "unknown key %q in %s%s", k.Value, what, suggest(k.Value, table))
		case keyAt[k.Value] != nil:
			d.errorf(k, "key %q appears twice in this %s (first at line %d)", k.Value, what, keyAt[k.Value].Line)
		default:
			keyAt[k.Value] = k
			got[k.Value] = v
			if v.Tag == "!!null" {
				if table[j].required {
					d.errorf(v, "%s must not be empty", k.Value)
				}
				continue
			}
			table[j].decode(k.Value, v)
		}
	}
	for _, f := range table {
		if f.required && keyAt[f.name] == nil {
			d.errorf(n, "%s is missing the required key %q", what, f.name)
		}
	}
	return got
}

// suggest names the closest known key, since most unknown keys are typos.
func suggest(key string, table []field) string {
	best, bestDist := "", 3
	for _, f := range table {
		if dist := editDistance(key, f.name); dist < bestDist {
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

func editDistance(a, b string) int {
	prev := make([]int, len(b)+1)
	cur := make([]int, len(b)+1)
	for j := range prev {
		prev[j] = j
	}
	for i := 1; i <= len(a); i++ {
		cur[0] = i
		for j := 1; j <= len(b); j++ {
			cost := 1
			if a[i-1] == b[j-1] {
				cost = 0
			}
			cur[j] = min(prev[j]+1, cur[j-1]+1, prev[j-1]+cost)
		}
		prev, cur = cur, prev
	}
	return prev[len(b)]
}

func resolve(n *yaml.Node) *yaml.Node {
	for n.Kind == yaml.AliasNode && n.Alias != nil {
		n = n.Alias
	}
	return n
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

// str decodes text. Numbers are accepted as their text, since a title may
// well be "1960".
func (d *fileDecoder) str(dst *string) func(string, *yaml.Node) {
	return func(key string, v *yaml.Node) {
		if v.Kind != yaml.ScalarNode || v.Tag == "!!bool" {
			d.errorf(v, "%s must be text, not %s", key, describe(v))
			return
		}
		if strings.TrimSpace(v.Value) == "" {
			d.errorf(v, "%s must not be empty", key)
			return
		}
		if !utf8.ValidString(v.Value) {
			d.errorf(v, "%s is not valid UTF-8; save the file as UTF-8", key)
			return
		}
		*dst = v.Value
	}
}

// id decodes an identifier and checks its shape.
func (d *fileDecoder) id(dst *string) func(string, *yaml.Node) {
	return func(key string, v *yaml.Node) {
		d.str(dst)(key, v)
		if *dst != "" && !validID(*dst) {
			d.errorf(v, "%s %q must be lower-case letters, digits, '.', '_' or '-', starting with a letter or digit", key, *dst)
		}
	}
}

var idPattern = regexp.MustCompile(`^[a-z0-9][a-z0-9._-]*$`)

func validID(s string) bool { return idPattern.MatchString(s) }

// count decodes a whole number ≥ 0 into a reported count.
func (d *fileDecoder) count(dst *Count) func(string, *yaml.Node) {
	return func(key string, v *yaml.Node) {
		var n int
		d.integer(&n)(key, v)
		if v.Tag == "!!int" && n >= 0 {
			*dst = Reported(n)
		}
	}
}

func (d *fileDecoder) integer(dst *int) func(string, *yaml.Node) {
	return func(key string, v *yaml.Node) {
		n, err := strconv.Atoi(v.Value)
		if v.Kind != yaml.ScalarNode || v.Tag != "!!int" || err != nil {
			d.errorf(v, "%s must be a whole number, not %s", key, describe(v))
			return
		}
		if n < 0 {
			d.errorf(v, "%s must be 0 or more, not %d", key, n)
			return
		}
		*dst = n
	}
}

func (d *fileDecoder) float(dst *float64) func(string, *yaml.Node) {
	return func(key string, v *yaml.Node) {
		f, err := strconv.ParseFloat(v.Value, 64)
		if v.Kind != yaml.ScalarNode || (v.Tag != "!!int" && v.Tag != "!!float") || err != nil || math.IsNaN(f) || math.IsInf(f, 0) {
			d.errorf(v, "%s must be a number, not %s", key, describe(v))
			return
		}
		*dst = f
	}
}

func (d *fileDecoder) date(dst *Date) func(string, *yaml.Node) {
	return func(key string, v *yaml.Node) {
		if v.Kind != yaml.ScalarNode || (v.Tag != "!!str" && v.Tag != "!!timestamp") {
			d.errorf(v, "%s must be a date written YYYY-MM-DD, not %s", key, describe(v))
			return
		}
		t, err := ParseDate(v.Value)
		if err != nil {
			d.errorf(v, "%s: %v", key, err)
			return
		}
		*dst = t
	}
}

func (d *fileDecoder) partialDate(dst *PartialDate) func(string, *yaml.Node) {
	return func(key string, v *yaml.Node) {
		if v.Kind != yaml.ScalarNode || (v.Tag != "!!str" && v.Tag != "!!timestamp" && v.Tag != "!!int") {
			d.errorf(v, "%s must be a date written YYYY-MM-DD, YYYY-MM or YYYY, not %s", key, describe(v))
			return
		}
		t, err := ParsePartialDate(v.Value)
		if err != nil {
			d.errorf(v, "%s: %v", key, err)
			return
		}
		*dst = t
	}
}

// list decodes a list of text items; each item's position is passed to
// each, for reference checks. An item listed twice is an error.
func (d *fileDecoder) list(dst *[]string, each func(item string, at Position)) func(string, *yaml.Node) {
	return func(key string, v *yaml.Node) {
		if v.Kind != yaml.SequenceNode {
			d.errorf(v, "%s must be a list (write [a, b] or one \"- item\" per line), not %s", key, describe(v))
			return
		}
		for _, item := range v.Content {
			item = resolve(item)
			var s string
			d.str(&s)(key+" item", item)
			if s == "" {
				continue
			}
			if slices.Contains(*dst, s) {
				d.errorf(item, "%s lists %q twice", key, s)
				continue
			}
			*dst = append(*dst, s)
			if each != nil {
				each(s, d.pos(item))
			}
		}
	}
}

// items calls decode for every element of a list of mappings.
func (d *fileDecoder) items(n *yaml.Node, what string, decode func(*yaml.Node)) {
	if n == nil {
		return
	}
	n = resolve(n)
	if n.Tag == "!!null" {
		return
	}
	if n.Kind != yaml.SequenceNode {
		d.errorf(n, "%s must be a list, one \"- \" item per entry, not %s", what, describe(n))
		return
	}
	for _, item := range n.Content {
		decode(resolve(item))
	}
}

// positionOf finds, in the file, the occurrence of needle that is the k-th
// (0-based) at or after the start of node n. Bodies use it to point at a
// note reference or a stray asterisk inside a block of text: the YAML
// library gives positions of nodes, not of the characters inside them.
func (d *fileDecoder) positionOf(n *yaml.Node, needle string, k int) Position {
	start := d.offset(n.Line, n.Column)
	rest := d.src[start:]
	at := 0
	for ; k >= 0; k-- {
		i := bytes.Index(rest[at:], []byte(needle))
		if i < 0 {
			return d.pos(n)
		}
		at += i
		if k > 0 {
			at += len(needle)
		}
	}
	return d.positionAt(start + at)
}

func (d *fileDecoder) offset(line, col int) int {
	if line < 1 || line > len(d.lineStarts) {
		return 0
	}
	off := d.lineStarts[line-1]
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
	line, _ := slices.BinarySearch(d.lineStarts, off+1)
	start := d.lineStarts[line-1]
	return Position{File: d.path, Line: line, Col: utf8.RuneCount(d.src[start:off]) + 1}
}
