package pdftest

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"io"
	"strconv"
)

// PDF objects as the parser returns them: nil (null), bool, float64 (every
// number), name, pdfString, array, dict, *stream and ref; content streams
// also yield keyword (operators).
type (
	name      string
	pdfString string // the raw bytes of a literal or hex string
	array     []any
	dict      map[name]any
	keyword   string
	ref       struct{ num, gen int }
	stream    struct {
		dict dict
		raw  []byte // still encoded
		num  int    // object number, for messages
	}
)

const (
	maxDepth   = 64       // nesting of arrays and dictionaries
	maxDecoded = 64 << 20 // bytes of one decoded stream
)

// lexer reads PDF tokens and objects from data.
type lexer struct {
	data []byte
	pos  int
	refs bool // recognise "n g R" references (files, not content streams)
}

func isSpace(b byte) bool {
	switch b {
	case ' ', '\t', '\r', '\n', '\f', 0:
		return true
	}
	return false
}

func isDelim(b byte) bool {
	switch b {
	case '(', ')', '<', '>', '[', ']', '{', '}', '/', '%':
		return true
	}
	return false
}

func isRegular(b byte) bool { return !isSpace(b) && !isDelim(b) }

// skipSpace skips white space and comments.
func (l *lexer) skipSpace() {
	for l.pos < len(l.data) {
		switch b := l.data[l.pos]; {
		case isSpace(b):
			l.pos++
		case b == '%':
			for l.pos < len(l.data) && l.data[l.pos] != '\n' && l.data[l.pos] != '\r' {
				l.pos++
			}
		default:
			return
		}
	}
}

func (l *lexer) errorf(format string, args ...any) error {
	return fmt.Errorf("offset %d: %s", l.pos, fmt.Sprintf(format, args...))
}

// object reads the next object; at the end of the data it returns io.EOF.
// A keyword other than true, false and null comes back as a keyword.
func (l *lexer) object(depth int) (any, error) {
	if depth > maxDepth {
		return nil, l.errorf("objects nested too deep")
	}
	l.skipSpace()
	if l.pos >= len(l.data) {
		return nil, io.EOF
	}
	switch b := l.data[l.pos]; b {
	case '(':
		return l.literal()
	case '<':
		if l.pos+1 < len(l.data) && l.data[l.pos+1] == '<' {
			l.pos += 2
			return l.dict(depth)
		}
		return l.hex()
	case '[':
		l.pos++
		arr := array{}
		for {
			l.skipSpace()
			if l.pos >= len(l.data) {
				return nil, l.errorf("unterminated array")
			}
			if l.data[l.pos] == ']' {
				l.pos++
				return arr, nil
			}
			o, err := l.object(depth + 1)
			if err != nil {
				return nil, unexpectedEOF(err)
			}
			if k, ok := o.(keyword); ok {
				return nil, l.errorf("keyword %q in an array", k)
			}
			arr = append(arr, o)
		}
	case '/':
		return l.name()
	case '>':
		if l.pos+1 < len(l.data) && l.data[l.pos+1] == '>' {
			l.pos += 2
			return keyword(">>"), nil
		}
		return nil, l.errorf("unexpected '>'")
	case ')', ']', '{', '}':
		l.pos++
		return keyword(string(b)), nil
	}
	start := l.pos
	for l.pos < len(l.data) && isRegular(l.data[l.pos]) {
		l.pos++
	}
	word := string(l.data[start:l.pos])
	switch c := word[0]; {
	case c >= '0' && c <= '9' || c == '+' || c == '-' || c == '.':
		f, err := parseNumber(word)
		if err != nil {
			l.pos = start
			return nil, l.errorf("bad number %q", word)
		}
		if l.refs && isUint(word) {
			if r, ok := l.reference(f); ok {
				return r, nil
			}
		}
		return f, nil
	}
	switch word {
	case "true":
		return true, nil
	case "false":
		return false, nil
	case "null":
		return nil, nil
	}
	return keyword(word), nil
}

func unexpectedEOF(err error) error {
	if err == io.EOF {
		return io.ErrUnexpectedEOF
	}
	return err
}

func isUint(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return len(s) > 0 && len(s) < 10
}

// parseNumber reads an integer or real in PDF syntax only (no exponent, no
// hexadecimal, no infinities).
func parseNumber(s string) (float64, error) {
	digits, dots := 0, 0
	for i := 0; i < len(s); i++ {
		switch c := s[i]; {
		case c >= '0' && c <= '9':
			digits++
		case c == '.':
			dots++
		case (c == '+' || c == '-') && i == 0:
		default:
			return 0, errors.New("not a number")
		}
	}
	if digits == 0 || dots > 1 {
		return 0, errors.New("not a number")
	}
	return strconv.ParseFloat(s, 64)
}

// reference completes "num gen R" after num, or leaves the lexer alone.
func (l *lexer) reference(num float64) (ref, bool) {
	save := l.pos
	l.skipSpace()
	start := l.pos
	for l.pos < len(l.data) && l.data[l.pos] >= '0' && l.data[l.pos] <= '9' {
		l.pos++
	}
	gen := string(l.data[start:l.pos])
	if isUint(gen) && (l.pos == len(l.data) || !isRegular(l.data[l.pos])) {
		l.skipSpace()
		if l.pos < len(l.data) && l.data[l.pos] == 'R' && (l.pos+1 == len(l.data) || !isRegular(l.data[l.pos+1])) {
			l.pos++
			g, _ := strconv.Atoi(gen)
			return ref{int(num), g}, true
		}
	}
	l.pos = save
	return ref{}, false
}

func (l *lexer) dict(depth int) (dict, error) {
	d := dict{}
	for {
		k, err := l.object(depth + 1)
		if err != nil {
			return nil, unexpectedEOF(err)
		}
		if k == keyword(">>") {
			return d, nil
		}
		key, ok := k.(name)
		if !ok {
			return nil, l.errorf("dictionary key %v is not a name", k)
		}
		v, err := l.object(depth + 1)
		if err != nil {
			return nil, unexpectedEOF(err)
		}
		if kw, ok := v.(keyword); ok {
			return nil, l.errorf("dictionary /%s: keyword %q for a value", key, kw)
		}
		d[key] = v
	}
}

func (l *lexer) name() (name, error) {
	l.pos++ // '/'
	var b []byte
	for l.pos < len(l.data) && isRegular(l.data[l.pos]) {
		c := l.data[l.pos]
		l.pos++
		if c == '#' && l.pos+2 <= len(l.data) {
			if v, err := strconv.ParseUint(string(l.data[l.pos:l.pos+2]), 16, 8); err == nil {
				c = byte(v)
				l.pos += 2
			}
		}
		b = append(b, c)
	}
	return name(b), nil
}

func (l *lexer) hex() (pdfString, error) {
	l.pos++ // '<'
	var b []byte
	var half byte
	odd := false
	for {
		if l.pos >= len(l.data) {
			return "", l.errorf("unterminated hex string")
		}
		c := l.data[l.pos]
		l.pos++
		var v byte
		switch {
		case c == '>':
			if odd {
				b = append(b, half<<4)
			}
			return pdfString(b), nil
		case isSpace(c):
			continue
		case c >= '0' && c <= '9':
			v = c - '0'
		case c >= 'a' && c <= 'f':
			v = c - 'a' + 10
		case c >= 'A' && c <= 'F':
			v = c - 'A' + 10
		default:
			l.pos--
			return "", l.errorf("bad character %q in a hex string", c)
		}
		if odd {
			b = append(b, half<<4|v)
		} else {
			half = v
		}
		odd = !odd
	}
}

// literal reads a (string), with its escapes, balanced parentheses and end
// of lines read as \n.
func (l *lexer) literal() (pdfString, error) {
	l.pos++ // '('
	var s []byte
	depth := 0
	for l.pos < len(l.data) {
		b := l.data[l.pos]
		l.pos++
		switch b {
		case '(':
			depth++
		case ')':
			if depth == 0 {
				return pdfString(s), nil
			}
			depth--
		case '\r':
			if l.pos < len(l.data) && l.data[l.pos] == '\n' {
				l.pos++
			}
			b = '\n'
		case '\\':
			if l.pos >= len(l.data) {
				return "", l.errorf("unterminated string")
			}
			e := l.data[l.pos]
			l.pos++
			switch e {
			case 'n':
				b = '\n'
			case 'r':
				b = '\r'
			case 't':
				b = '\t'
			case 'b':
				b = '\b'
			case 'f':
				b = '\f'
			case '\r': // line continuation
				if l.pos < len(l.data) && l.data[l.pos] == '\n' {
					l.pos++
				}
				continue
			case '\n':
				continue
			case '0', '1', '2', '3', '4', '5', '6', '7':
				v := int(e - '0')
				for i := 0; i < 2 && l.pos < len(l.data) && l.data[l.pos] >= '0' && l.data[l.pos] <= '7'; i++ {
					v = v*8 + int(l.data[l.pos]-'0')
					l.pos++
				}
				b = byte(v)
			default:
				b = e // \( \) \\ and unknown escapes: the character itself
			}
		}
		s = append(s, b)
	}
	return "", l.errorf("unterminated string")
}

// file is a PDF file read through its cross-reference table.
type file struct {
	data    []byte
	offsets map[int]int // object number → byte offset of "n g obj"
	trailer dict
	cache   map[int]any
	loading map[int]bool
}

// openFile reads the cross-reference table(s) and the trailer.
func openFile(data []byte) (*file, error) {
	head := data[:min(len(data), 1024)]
	if !bytes.Contains(head, []byte("%PDF-")) {
		return nil, errors.New("no %PDF- header")
	}
	f := &file{data: data, offsets: map[int]int{}, cache: map[int]any{}, loading: map[int]bool{}}
	i := bytes.LastIndex(data, []byte("startxref"))
	if i < 0 {
		return nil, errors.New("no startxref")
	}
	l := &lexer{data: data, pos: i + len("startxref")}
	o, err := l.object(0)
	off, ok := o.(float64)
	if err != nil || !ok || off != float64(int(off)) || off < 0 || int(off) >= len(data) {
		return nil, errors.New("startxref: no valid offset")
	}
	seen := map[int]bool{}
	for pos := int(off); ; {
		if seen[pos] {
			return nil, errors.New("xref: /Prev loop")
		}
		seen[pos] = true
		t, err := f.readXref(pos)
		if err != nil {
			return nil, err
		}
		if f.trailer == nil {
			f.trailer = t
		}
		prev, ok := t["Prev"].(float64)
		if !ok {
			break
		}
		if prev != float64(int(prev)) || prev < 0 || int(prev) >= len(data) {
			return nil, errors.New("xref: bad /Prev")
		}
		pos = int(prev)
	}
	if _, ok := f.trailer["Encrypt"]; ok {
		return nil, errors.New("encrypted documents are not supported")
	}
	return f, nil
}

// readXref reads one classic cross-reference section at pos and returns its
// trailer. Entries already known (from a later section) are kept.
func (f *file) readXref(pos int) (dict, error) {
	l := &lexer{data: f.data, pos: pos}
	if o, err := l.object(0); err != nil || o != keyword("xref") {
		_, isNum := o.(float64)
		_, err2 := l.object(0)
		if kw, err3 := l.object(0); isNum && err2 == nil && err3 == nil && kw == keyword("obj") {
			return nil, errors.New("xref: cross-reference streams are not supported")
		}
		return nil, fmt.Errorf("xref: no xref table at offset %d", pos)
	}
	for {
		o, err := l.object(0)
		if err != nil {
			return nil, fmt.Errorf("xref: %w", unexpectedEOF(err))
		}
		if o == keyword("trailer") {
			break
		}
		first, ok1 := o.(float64)
		c, err := l.object(0)
		count, ok2 := c.(float64)
		if err != nil || !ok1 || !ok2 || first < 0 || count < 0 || first != float64(int(first)) || count != float64(int(count)) {
			return nil, errors.New("xref: bad subsection header")
		}
		if count*18 > float64(len(f.data)) || first > 1e8 {
			return nil, errors.New("xref: subsection larger than the file")
		}
		for i := range int(count) {
			off, err1 := l.object(0)
			gen, err2 := l.object(0)
			kind, err3 := l.object(0)
			o, ok1 := off.(float64)
			_, ok2 := gen.(float64)
			if err1 != nil || err2 != nil || err3 != nil || !ok1 || !ok2 || (kind != keyword("n") && kind != keyword("f")) {
				return nil, fmt.Errorf("xref: bad entry for object %d", int(first)+i)
			}
			num := int(first) + i
			if _, known := f.offsets[num]; known || kind != keyword("n") {
				continue
			}
			if o < 0 || o != float64(int(o)) || int(o) >= len(f.data) {
				return nil, fmt.Errorf("xref: object %d at offset %v, outside the file", num, o)
			}
			f.offsets[num] = int(o)
		}
	}
	l.refs = true
	t, err := l.object(0)
	if err != nil {
		return nil, fmt.Errorf("trailer: %w", unexpectedEOF(err))
	}
	d, ok := t.(dict)
	if !ok {
		return nil, errors.New("trailer: not a dictionary")
	}
	return d, nil
}

// resolve follows a reference; other objects come back as they are.
func (f *file) resolve(o any) (any, error) {
	r, ok := o.(ref)
	if !ok {
		return o, nil
	}
	if v, ok := f.cache[r.num]; ok {
		return v, nil
	}
	if f.loading[r.num] {
		return nil, fmt.Errorf("object %d refers to itself", r.num)
	}
	f.loading[r.num] = true
	defer delete(f.loading, r.num)
	v, err := f.load(r.num)
	if err != nil {
		return nil, fmt.Errorf("object %d: %w", r.num, err)
	}
	f.cache[r.num] = v
	return v, nil
}

// load reads object num at its cross-reference offset.
func (f *file) load(num int) (any, error) {
	off, ok := f.offsets[num]
	if !ok {
		return nil, errors.New("not in the cross-reference table")
	}
	l := &lexer{data: f.data, pos: off, refs: true}
	n, err1 := l.object(0)
	g, err2 := l.object(0)
	kw, err3 := l.object(0)
	if err1 != nil || err2 != nil || err3 != nil || kw != keyword("obj") {
		return nil, fmt.Errorf("no \"%d 0 obj\" at offset %d", num, off)
	}
	if nn, ok := n.(float64); !ok || nn != float64(num) {
		return nil, fmt.Errorf("offset %d holds object %v", off, n)
	}
	if _, ok := g.(float64); !ok {
		return nil, fmt.Errorf("bad generation at offset %d", off)
	}
	v, err := l.object(0)
	if err != nil {
		return nil, unexpectedEOF(err)
	}
	if _, ok := v.(keyword); ok {
		return nil, l.errorf("keyword %q for an object", v)
	}
	end, err := l.object(0)
	if err != nil {
		return nil, fmt.Errorf("no endobj: %w", unexpectedEOF(err))
	}
	if end == keyword("stream") {
		d, ok := v.(dict)
		if !ok {
			return nil, errors.New("stream without a dictionary")
		}
		s, err := f.streamData(l, d)
		if err != nil {
			return nil, err
		}
		s.num = num
		v = s
		if end, err = l.object(0); err != nil {
			return nil, fmt.Errorf("no endobj: %w", unexpectedEOF(err))
		}
	}
	if end != keyword("endobj") {
		return nil, l.errorf("%v where endobj was expected", end)
	}
	return v, nil
}

// streamData reads the bytes of a stream whose keyword the lexer just read.
func (f *file) streamData(l *lexer, d dict) (*stream, error) {
	switch {
	case bytes.HasPrefix(l.data[l.pos:], []byte("\r\n")):
		l.pos += 2
	case l.pos < len(l.data) && (l.data[l.pos] == '\n' || l.data[l.pos] == '\r'):
		l.pos++
	default:
		return nil, l.errorf("no end of line after stream")
	}
	lo, err := f.resolve(d["Length"])
	if err != nil {
		return nil, fmt.Errorf("stream /Length: %w", err)
	}
	n, ok := lo.(float64)
	if !ok || n < 0 || n != float64(int(n)) || int(n) > len(l.data)-l.pos {
		return nil, fmt.Errorf("stream /Length %v: not a length within the file", lo)
	}
	s := &stream{dict: d, raw: l.data[l.pos : l.pos+int(n)]}
	l.pos += int(n)
	if e, err := l.object(0); err != nil || e != keyword("endstream") {
		return nil, l.errorf("no endstream after /Length %d bytes", int(n))
	}
	return s, nil
}

// decode returns the stream's data with its filters undone.
func (f *file) decode(s *stream) ([]byte, error) {
	fo, err := f.resolve(s.dict["Filter"])
	if err != nil {
		return nil, err
	}
	var filters []any
	switch v := fo.(type) {
	case nil:
	case name:
		filters = []any{v}
	case array:
		filters = v
	default:
		return nil, fmt.Errorf("stream %d: bad /Filter", s.num)
	}
	data := s.raw
	for i, fl := range filters {
		fl, err := f.resolve(fl)
		if err != nil {
			return nil, err
		}
		if fl != name("FlateDecode") {
			return nil, fmt.Errorf("stream %d: filter %v not supported", s.num, fl)
		}
		if p, err := f.decodeParm(s.dict, i); err != nil || p > 1 {
			return nil, fmt.Errorf("stream %d: predictors not supported", s.num)
		}
		zr, err := zlib.NewReader(bytes.NewReader(data))
		if err != nil {
			return nil, fmt.Errorf("stream %d: %w", s.num, err)
		}
		out, err := io.ReadAll(io.LimitReader(zr, maxDecoded+1))
		if err != nil {
			return nil, fmt.Errorf("stream %d: %w", s.num, err)
		}
		if len(out) > maxDecoded {
			return nil, fmt.Errorf("stream %d: more than %d bytes decoded", s.num, maxDecoded)
		}
		data = out
	}
	return data, nil
}

// decodeParm returns the /Predictor of the i-th filter of a stream.
func (f *file) decodeParm(d dict, i int) (float64, error) {
	p, err := f.resolve(d["DecodeParms"])
	if err != nil {
		return 0, err
	}
	if a, ok := p.(array); ok {
		if i >= len(a) {
			return 0, nil
		}
		if p, err = f.resolve(a[i]); err != nil {
			return 0, err
		}
	}
	pd, _ := p.(dict)
	v, _ := f.resolve(pd["Predictor"])
	n, _ := v.(float64)
	return n, nil
}

// Typed getters: each resolves references and reports a wrong type.

func (f *file) dictOf(o any) (dict, error) {
	v, err := f.resolve(o)
	if err != nil {
		return nil, err
	}
	switch v := v.(type) {
	case nil:
		return nil, nil
	case dict:
		return v, nil
	case *stream:
		return v.dict, nil
	}
	return nil, fmt.Errorf("%v is not a dictionary", describe(v))
}

func (f *file) arrayOf(o any) (array, error) {
	v, err := f.resolve(o)
	if err != nil {
		return nil, err
	}
	switch v := v.(type) {
	case nil:
		return nil, nil
	case array:
		return v, nil
	}
	return nil, fmt.Errorf("%v is not an array", describe(v))
}

// numbers returns an array of n numbers.
func (f *file) numbers(o any, n int) ([]float64, error) {
	a, err := f.arrayOf(o)
	if err != nil {
		return nil, err
	}
	if len(a) != n {
		return nil, fmt.Errorf("%d numbers, want %d", len(a), n)
	}
	out := make([]float64, n)
	for i, e := range a {
		e, err := f.resolve(e)
		if err != nil {
			return nil, err
		}
		v, ok := e.(float64)
		if !ok {
			return nil, fmt.Errorf("%v is not a number", describe(e))
		}
		out[i] = v
	}
	return out, nil
}

func (f *file) nameOf(o any) (name, error) {
	v, err := f.resolve(o)
	if err != nil {
		return "", err
	}
	n, _ := v.(name)
	return n, nil
}

// describe names an object in error messages, briefly.
func describe(o any) string {
	switch v := o.(type) {
	case nil:
		return "null"
	case dict:
		return "a dictionary"
	case array:
		return "an array"
	case *stream:
		return fmt.Sprintf("stream %d", v.num)
	case pdfString:
		return "a string"
	case name:
		return "/" + string(v)
	case ref:
		return fmt.Sprintf("%d %d R", v.num, v.gen)
	}
	s := fmt.Sprint(o)
	if len(s) > 40 {
		s = s[:40] + "…"
	}
	return s
}
