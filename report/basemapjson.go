package report

import (
	"bytes"
	"fmt"
	"slices"
	"strconv"
	"unicode/utf16"
	"unicode/utf8"
)

// A small JSON reader for basemap.geojson. encoding/json gives the offset
// of a syntax error but not of each value, and decoding a 32 MiB file of
// coordinates into interfaces would take ten times its size in memory. So
// the file is read in two passes over its bytes: the first checks the
// whole syntax and builds a tree of only the values the loader reads (the
// members GeoJSON defines and the properties level, country and name),
// recording the "coordinates" of a geometry by their span; the second
// reads each geometry's coordinates, once its type says how deeply they
// nest, straight into float64 pairs. Every value keeps the offset it
// starts at, so that each problem points at the value itself. What the
// tree holds is bounded whatever the file: a few members an object, the
// features up to the limit past which they are not read.

// maxJSONDepth bounds the nesting of arrays and objects: a MultiPolygon's
// numbers lie 7 levels deep in a FeatureCollection, and a file of a
// million "[" must not exhaust the stack.
const maxJSONDepth = 64

type jsonKind uint8

const (
	jsonNull jsonKind = iota
	jsonBool
	jsonNumber
	jsonString
	jsonArray
	jsonObject
	// jsonSkipped is a "coordinates" value: its syntax is checked, its
	// content read later from src[off:end].
	jsonSkipped
)

// jsonValue is one value of the tree.
type jsonValue struct {
	kind    jsonKind
	off     int    // offset of its first byte
	end     int    // jsonSkipped: offset just after it
	text    string // a string's text; a number's or a literal's source
	items   []jsonValue
	members []jsonMember
	count   int // an object's members, recorded or not
}

type jsonMember struct {
	name    string
	nameOff int
	value   jsonValue
}

// describe names what a value holds, for "must be X, not Y" messages.
func (v *jsonValue) describe() string {
	switch v.kind {
	case jsonNull:
		return "null"
	case jsonBool:
		return v.text
	case jsonNumber:
		return "the number " + v.text
	case jsonString:
		return "the text " + quoteShort(v.text)
	case jsonArray:
		return "a list"
	case jsonObject:
		return "an object"
	}
	return "a list"
}

// jsonRole is what a value is in a GeoJSON file, which decides what of
// it the first pass builds.
type jsonRole uint8

const (
	roleSkip     jsonRole = iota // checked, not built
	roleLeaf                     // a scalar is built; of an object or list, only its kind
	roleRoot                     // the FeatureCollection
	roleFeatures                 // its list of features
	roleFeature
	roleGeometry
	roleCoords // a geometry's coordinates: recorded by their span
	roleProperties
	roleNames // a property "name": text, or an object of texts by language
	roleCRS
	roleCRSProperties
)

// childRole is the role of the member name of an object of role parent.
func childRole(parent jsonRole, name string) jsonRole {
	switch parent {
	case roleRoot:
		switch name {
		case "type":
			return roleLeaf
		case "features":
			return roleFeatures
		case "crs":
			return roleCRS
		}
	case roleFeature:
		switch name {
		case "type":
			return roleLeaf
		case "geometry":
			return roleGeometry
		case "properties":
			return roleProperties
		}
	case roleGeometry:
		switch name {
		case "type":
			return roleLeaf
		case "coordinates":
			return roleCoords
		}
	case roleProperties:
		switch name {
		case "level", "country":
			return roleLeaf
		case "name":
			return roleNames
		}
		if slices.Contains(propertyHints, name) {
			return roleCoords // recorded, by its name only, for the hints
		}
	case roleCRS:
		if name == "properties" {
			return roleCRSProperties
		}
	case roleCRSProperties:
		if name == "name" {
			return roleLeaf
		}
	case roleNames:
		return roleLeaf
	}
	return roleSkip
}

// maxRecorded bounds the languages recorded of one name.
const maxRecorded = 64

// maxRepeats bounds how many times one member of an object is recorded:
// a member written twice is an error, and a file that writes it a
// million times gets a few.
const maxRepeats = 4

// jsonError is the first syntax error of a file.
type jsonError struct {
	off int
	msg string
}

type jsonParser struct {
	src []byte
	i   int
	err *jsonError
	// maxFeatures is the number of features built: the one after the
	// limit is built too, for the error that names it.
	maxFeatures int
}

func (p *jsonParser) fail(off int, format string, args ...any) bool {
	if p.err == nil {
		p.err = &jsonError{off: off, msg: fmt.Sprintf(format, args...)}
	}
	return false
}

func (p *jsonParser) ws() {
	for p.i < len(p.src) {
		switch p.src[p.i] {
		case ' ', '\t', '\n', '\r':
			p.i++
		default:
			return
		}
	}
}

// unexpected describes the character at p.i for a syntax error.
func (p *jsonParser) unexpected() string {
	if p.i >= len(p.src) {
		return "the end of the file"
	}
	r, size := utf8.DecodeRune(p.src[p.i:])
	switch {
	case r == utf8.RuneError && size <= 1:
		return fmt.Sprintf("the byte 0x%02X (the file is not UTF-8: save it again as UTF-8)", p.src[p.i])
	case r < 0x20 || r == 0x7f:
		return fmt.Sprintf("the control character %U", r)
	}
	return strconv.QuoteRune(r)
}

// value reads the value at p.i into v, building what its role needs.
func (p *jsonParser) value(v *jsonValue, depth int, role jsonRole) bool {
	p.ws()
	v.off = p.i
	if p.i >= len(p.src) {
		return p.fail(p.i, "the file ends where a value is expected")
	}
	switch c := p.src[p.i]; {
	case c == '{':
		return p.object(v, depth, role)
	case c == '[':
		return p.array(v, depth, role)
	case c == '"':
		v.kind = jsonString
		s, ok := p.str(role != roleSkip)
		v.text = s
		return ok
	case c == '-' || c >= '0' && c <= '9':
		v.kind = jsonNumber
		return p.number(v, role == roleSkip)
	case c == 't' || c == 'f' || c == 'n':
		for _, lit := range []string{"true", "false", "null"} {
			if bytes.HasPrefix(p.src[p.i:], []byte(lit)) {
				v.kind = jsonBool
				if lit == "null" {
					v.kind = jsonNull
				}
				v.text = lit
				p.i += len(lit)
				return true
			}
		}
	case c == 'N' || c == 'I':
		for _, lit := range []string{"NaN", "Infinity"} {
			if bytes.HasPrefix(p.src[p.i:], []byte(lit)) {
				return p.fail(p.i, "%s is not a JSON number: write every coordinate as a decimal number, and remove the features whose coordinates are not numbers", lit)
			}
		}
	case c == '\'':
		return p.fail(p.i, "text must be in double quotes (\"…\"), not single quotes")
	}
	return p.fail(p.i, "expected a value (an object, a list, a number, text in double quotes, true, false or null), found %s", p.unexpected())
}

func (p *jsonParser) object(v *jsonValue, depth int, role jsonRole) bool {
	if depth >= maxJSONDepth {
		return p.fail(p.i, "objects and lists nested more than %d deep: a GeoJSON file never needs that many", maxJSONDepth)
	}
	v.kind = jsonObject
	p.i++
	p.ws()
	if p.i < len(p.src) && p.src[p.i] == '}' {
		p.i++
		return true
	}
	for n := 0; ; n++ {
		p.ws()
		if p.i >= len(p.src) {
			return p.fail(v.off, "this object is never closed with }")
		}
		if p.src[p.i] != '"' {
			if p.src[p.i] == '}' && n > 0 {
				return p.fail(p.i, "a comma before } : JSON allows no comma after the last member of an object; remove it")
			}
			return p.fail(p.i, "expected a member name in double quotes, found %s", p.unexpected())
		}
		m := jsonMember{nameOff: p.i}
		build := role != roleSkip && role != roleLeaf
		name, ok := p.str(build)
		if !ok {
			return false
		}
		m.name = name
		p.ws()
		if p.i >= len(p.src) || p.src[p.i] != ':' {
			return p.fail(p.i, "expected a colon after the member name %s, found %s", quoteShort(name), p.unexpected())
		}
		p.i++
		v.count++
		child := roleSkip
		if build {
			child = childRole(role, name)
		}
		if child != roleSkip {
			same := 0
			for i := range v.members {
				if v.members[i].name == name {
					same++
				}
			}
			switch {
			case role == roleNames && len(v.members) >= maxRecorded,
				role == roleProperties && child == roleCoords && same > 0, // a hint, recorded once
				same >= maxRepeats:
				child = roleSkip
			}
		}
		inner := child
		if child == roleCoords {
			inner = roleSkip
		}
		if !p.value(&m.value, depth+1, inner) {
			return false
		}
		switch child {
		case roleSkip:
		case roleCoords:
			m.value = jsonValue{kind: jsonSkipped, off: m.value.off, end: p.i}
			fallthrough
		default:
			v.members = append(v.members, m)
		}
		if done, ok := p.next(v.off, '}', "object", "a member of an object"); done || !ok {
			return ok
		}
	}
}

func (p *jsonParser) array(v *jsonValue, depth int, role jsonRole) bool {
	if depth >= maxJSONDepth {
		return p.fail(p.i, "objects and lists nested more than %d deep: a GeoJSON file never needs that many", maxJSONDepth)
	}
	v.kind = jsonArray
	p.i++
	p.ws()
	if p.i < len(p.src) && p.src[p.i] == ']' {
		p.i++
		return true
	}
	var item jsonValue
	for n := 0; ; n++ {
		p.ws()
		if p.i >= len(p.src) {
			return p.fail(v.off, "this list is never closed with ]")
		}
		if p.src[p.i] == ']' && n > 0 {
			return p.fail(p.i, "a comma before ] : JSON allows no comma after the last item of a list; remove it")
		}
		child := roleSkip
		if role == roleFeatures && n <= p.maxFeatures {
			child = roleFeature
		}
		item = jsonValue{}
		if !p.value(&item, depth+1, child) {
			return false
		}
		if child != roleSkip {
			v.items = append(v.items, item)
		}
		if done, ok := p.next(v.off, ']', "list", "an item of a list"); done || !ok {
			return ok
		}
	}
}

// next reads what follows a member or an item: a comma, or the bracket
// that closes the object or list opened at off (done).
func (p *jsonParser) next(off int, closer byte, what, after string) (done, ok bool) {
	p.ws()
	if p.i >= len(p.src) {
		return false, p.fail(off, "this %s is never closed with %c", what, closer)
	}
	switch p.src[p.i] {
	case ',':
		p.i++
		return false, true
	case closer:
		p.i++
		return true, true
	}
	return false, p.fail(p.i, "expected a comma or %c after %s, found %s", closer, after, p.unexpected())
}

// number reads a number as JSON writes it: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)?
func (p *jsonParser) number(v *jsonValue, skip bool) bool {
	start := p.i
	digits := func() int {
		n := 0
		for p.i < len(p.src) && p.src[p.i] >= '0' && p.src[p.i] <= '9' {
			p.i++
			n++
		}
		return n
	}
	if p.src[p.i] == '-' {
		p.i++
		if bytes.HasPrefix(p.src[p.i:], []byte("Infinity")) {
			return p.fail(start, "-Infinity is not a JSON number: write every coordinate as a decimal number")
		}
	}
	intStart := p.i
	switch n := digits(); {
	case n == 0:
		return p.fail(start, "a number needs digits after its minus sign")
	case n > 1 && p.src[intStart] == '0':
		return p.fail(start, "a number must not start with 0 (write %s)", bytes.TrimLeft(p.src[intStart:p.i], "0"))
	}
	if p.i < len(p.src) && p.src[p.i] == '.' {
		p.i++
		if digits() == 0 {
			return p.fail(start, "a number needs digits after its decimal point")
		}
	}
	if p.i < len(p.src) && (p.src[p.i] == 'e' || p.src[p.i] == 'E') {
		p.i++
		if p.i < len(p.src) && (p.src[p.i] == '+' || p.src[p.i] == '-') {
			p.i++
		}
		if digits() == 0 {
			return p.fail(start, "a number needs digits in its exponent")
		}
	}
	if !skip {
		v.text = string(p.src[start:p.i])
	}
	return true
}

// str reads the text in double quotes at p.i; build says whether to
// return it.
func (p *jsonParser) str(build bool) (string, bool) {
	start := p.i
	p.i++
	var b []byte // the text so far, once an escape is met
	seg := p.i   // start of the bytes not yet copied into b
	for p.i < len(p.src) {
		c := p.src[p.i]
		switch {
		case c == '"':
			end := p.i
			p.i++
			if !build {
				return "", true
			}
			if b == nil {
				return string(p.src[seg:end]), true
			}
			return string(append(b, p.src[seg:end]...)), true
		case c == '\\':
			if build {
				b = append(b, p.src[seg:p.i]...)
			}
			r, ok := p.escape()
			if !ok {
				return "", false
			}
			if build {
				b = utf8.AppendRune(b, r)
			}
			seg = p.i
		case c < 0x20:
			if c == '\n' || c == '\r' {
				return "", p.fail(start, "this text is never closed with a double quote on its line")
			}
			return "", p.fail(p.i, "control character %U (%s) inside a text: JSON writes it as an escape; remove it", rune(c), c0Name(rune(c)))
		case c < 0x80:
			p.i++
		default:
			r, size := utf8.DecodeRune(p.src[p.i:])
			if r == utf8.RuneError && size <= 1 {
				return "", p.fail(p.i, "invalid UTF-8 (byte 0x%02X): the file is not saved as UTF-8; save it again as UTF-8", c)
			}
			p.i += size
		}
	}
	return "", p.fail(start, "this text is never closed with a double quote")
}

// escape reads the escape at p.i (a backslash) and returns the character
// it writes. A lone UTF-16 surrogate becomes U+FFFD, as encoding/json
// does.
func (p *jsonParser) escape() (rune, bool) {
	at := p.i
	if p.i+1 >= len(p.src) {
		return 0, p.fail(at, "the file ends inside an escape")
	}
	c := p.src[p.i+1]
	p.i += 2
	switch c {
	case '"', '\\', '/':
		return rune(c), true
	case 'b':
		return '\b', true
	case 'f':
		return '\f', true
	case 'n':
		return '\n', true
	case 'r':
		return '\r', true
	case 't':
		return '\t', true
	case 'u':
		r, ok := p.hex4(at)
		if !ok {
			return 0, false
		}
		if utf16.IsSurrogate(r) {
			if bytes.HasPrefix(p.src[p.i:], []byte(`\u`)) {
				save := p.i
				p.i += 2
				r2, ok := p.hex4(save)
				if !ok {
					return 0, false
				}
				if dec := utf16.DecodeRune(r, r2); dec != utf8.RuneError {
					return dec, true
				}
				p.i = save // not a pair: the second escape stands alone
			}
			return utf8.RuneError, true
		}
		return r, true
	}
	return 0, p.fail(at, `invalid escape \%s: in JSON text a backslash starts \", \\, \/, \b, \f, \n, \r, \t or \uXXXX; write \\ for a backslash`, p.unexpectedAt(at+1))
}

func (p *jsonParser) unexpectedAt(i int) string {
	save := p.i
	p.i = i
	s := p.unexpected()
	p.i = save
	if len(s) > 2 && s[0] == '\'' {
		return s[1 : len(s)-1]
	}
	return s
}

// hex4 reads the four hex digits after \u; at is the backslash.
func (p *jsonParser) hex4(at int) (rune, bool) {
	if p.i+4 > len(p.src) {
		return 0, p.fail(at, `\u must be followed by four hex digits`)
	}
	v, err := strconv.ParseUint(string(p.src[p.i:p.i+4]), 16, 32)
	if err != nil {
		return 0, p.fail(at, `\u must be followed by four hex digits, not %q`, p.src[p.i:p.i+4])
	}
	p.i += 4
	return rune(v), true
}

// parseJSON reads a whole file: one value, then nothing but white space.
// A UTF-8 byte order mark is allowed before it.
func parseJSON(src []byte, maxFeatures int) (jsonValue, *jsonError) {
	p := &jsonParser{src: src, i: bomLen(src), maxFeatures: maxFeatures}
	var v jsonValue
	if p.value(&v, 0, roleRoot) {
		p.ws()
		if p.i < len(p.src) {
			p.fail(p.i, "more after the end of the JSON value: a file holds a single FeatureCollection (is it newline-delimited GeoJSON? convert it to a FeatureCollection)")
		}
	}
	return v, p.err
}

func bomLen(src []byte) int {
	if bytes.HasPrefix(src, []byte("\uFEFF")) {
		return 3
	}
	return 0
}

// The second pass reads coordinates, whose syntax the first pass checked:
// these functions trust it.

// jsonWS skips white space from i.
func jsonWS(src []byte, i int) int {
	for i < len(src) && (src[i] == ' ' || src[i] == '\t' || src[i] == '\n' || src[i] == '\r') {
		i++
	}
	return i
}

// jsonSkip returns the offset just after the valid value at i.
func jsonSkip(src []byte, i int) int {
	i = jsonWS(src, i)
	switch src[i] {
	case '{', '[':
		depth := 0
		for ; i < len(src); i++ {
			switch src[i] {
			case '{', '[':
				depth++
			case '}', ']':
				depth--
				if depth == 0 {
					return i + 1
				}
			case '"':
				i = jsonSkip(src, i) - 1
			}
		}
		return i
	case '"':
		for i++; i < len(src); i++ {
			switch src[i] {
			case '\\':
				i++
			case '"':
				return i + 1
			}
		}
		return i
	}
	for ; i < len(src); i++ {
		switch src[i] {
		case ' ', '\t', '\r', '\n', ',', ']', '}':
			return i
		}
	}
	return i
}

// jsonKindAt tells what the valid value at i is, for messages.
func jsonKindAt(src []byte, i int) string {
	switch c := src[jsonWS(src, i)]; {
	case c == '[':
		return "a list"
	case c == '{':
		return "an object"
	case c == '"':
		return "text"
	case c == 't' || c == 'f':
		return "true/false"
	case c == 'n':
		return "null"
	}
	return "a number"
}

// jsonEach calls item with the offset of each item of the list at i and
// returns the offset after the list, or reports that the value at i is
// not a list. item returns the offset after the item.
func jsonEach(src []byte, i int, item func(at int) int) (end int, isList bool) {
	i = jsonWS(src, i)
	if src[i] != '[' {
		return jsonSkip(src, i), false
	}
	i = jsonWS(src, i+1)
	for src[i] != ']' {
		i = jsonWS(src, item(jsonWS(src, i)))
		if src[i] == ',' {
			i = jsonWS(src, i+1)
		}
	}
	return i + 1, true
}

// posMapper turns byte offsets into positions (line and column, the
// column counted in characters as the YAML files' are). Offsets asked in
// increasing order cost in all one pass over the file, which matters for
// a file of 32 MiB on a single line.
type posMapper struct {
	path      string
	src       []byte
	bom       int
	off       int // the last offset mapped
	line, col int // its position
	lineStart int
}

func newPosMapper(path string, src []byte) *posMapper {
	b := bomLen(src)
	return &posMapper{path: path, src: src, bom: b, off: b, line: 1, col: 1, lineStart: b}
}

func (m *posMapper) at(off int) Position {
	off = min(max(off, m.bom), len(m.src))
	if off >= m.off {
		seg := m.src[m.off:off]
		if nl := bytes.Count(seg, []byte{'\n'}); nl > 0 {
			m.line += nl
			m.lineStart = m.off + bytes.LastIndexByte(seg, '\n') + 1
			m.col = utf8.RuneCount(m.src[m.lineStart:off]) + 1
		} else {
			m.col += utf8.RuneCount(seg)
		}
	} else if seg := m.src[off:m.off]; bytes.IndexByte(seg, '\n') < 0 {
		m.col -= utf8.RuneCount(seg) // on the same line: no need to find its start
	} else {
		m.line -= bytes.Count(seg, []byte{'\n'})
		m.lineStart = max(bytes.LastIndexByte(m.src[:off], '\n')+1, m.bom)
		m.col = utf8.RuneCount(m.src[m.lineStart:off]) + 1
	}
	m.off = off
	return Position{File: m.path, Line: m.line, Col: m.col}
}
