package pdftest

import (
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"unicode/utf16"
	"unicode/utf8"
)

// winAnsiHigh maps WinAnsiEncoding codes 0x80 to 0x9F; the other codes are
// Latin-1. Codes left undefined show as bullets in readers.
var winAnsiHigh = [32]rune{
	0x20AC, 0x2022, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021,
	0x02C6, 0x2030, 0x0160, 0x2039, 0x0152, 0x2022, 0x017D, 0x2022,
	0x2022, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014,
	0x02DC, 0x2122, 0x0161, 0x203A, 0x0153, 0x2022, 0x017E, 0x0178,
}

func winAnsi(b byte) rune {
	switch {
	case b >= 0x80 && b <= 0x9F:
		return winAnsiHigh[b-0x80]
	case b == 0x7F:
		return 0x2022
	}
	return rune(b)
}

// pdfDocHigh maps PDFDocEncoding codes 0x80 to 0xA0; 0x18 to 0x1F are in
// pdfDocLow, and the rest is Latin-1.
var (
	pdfDocLow  = [8]rune{0x02D8, 0x02C7, 0x02C6, 0x02D9, 0x02DD, 0x02DB, 0x02DA, 0x02DC}
	pdfDocHigh = [33]rune{
		0x2022, 0x2020, 0x2021, 0x2026, 0x2014, 0x2013, 0x0192, 0x2044,
		0x2039, 0x203A, 0x2212, 0x2030, 0x201E, 0x201C, 0x201D, 0x2018,
		0x2019, 0x201A, 0x2122, 0xFB01, 0xFB02, 0x0141, 0x0152, 0x0160,
		0x0178, 0x017D, 0x0131, 0x0142, 0x0153, 0x0161, 0x017E, 0xFFFD,
		0x20AC,
	}
)

// textString decodes a PDF text string: UTF-16BE or UTF-8 after their byte
// order marks, PDFDocEncoding otherwise.
func textString(s pdfString) string {
	switch {
	case strings.HasPrefix(string(s), "\xFE\xFF"):
		b := s[2:]
		u := make([]uint16, len(b)/2)
		for i := range u {
			u[i] = uint16(b[2*i])<<8 | uint16(b[2*i+1])
		}
		return string(utf16.Decode(u))
	case strings.HasPrefix(string(s), "\xEF\xBB\xBF"):
		return strings.ToValidUTF8(string(s[3:]), "\uFFFD")
	}
	var sb strings.Builder
	for i := 0; i < len(s); i++ {
		switch b := s[i]; {
		case b >= 0x18 && b <= 0x1F:
			sb.WriteRune(pdfDocLow[b-0x18])
		case b >= 0x80 && b <= 0xA0:
			sb.WriteRune(pdfDocHigh[b-0x80])
		case b == 0xAD:
			sb.WriteRune(0xFFFD)
		default:
			sb.WriteRune(rune(b))
		}
	}
	return sb.String()
}

var (
	glyphNamesOnce sync.Once
	glyphNames     map[string]rune
)

// glyphRune maps a glyph name of a /Differences array to text: a name of
// fpdf's code pages, uniXXXX or uXXXX[XX]; 0 when unknown.
func glyphRune(n string) rune {
	glyphNamesOnce.Do(func() {
		f := strings.Fields(glyphNameList)
		glyphNames = make(map[string]rune, len(f)/2)
		for i := 0; i+1 < len(f); i += 2 {
			v, _ := strconv.ParseUint(f[i+1], 16, 32)
			glyphNames[f[i]] = rune(v)
		}
	})
	if r, ok := glyphNames[n]; ok {
		return r
	}
	hexRune := func(h string) rune {
		v, err := strconv.ParseUint(h, 16, 32)
		if err != nil || !utf8.ValidRune(rune(v)) {
			return 0
		}
		return rune(v)
	}
	switch {
	case len(n) == 7 && strings.HasPrefix(n, "uni"):
		return hexRune(n[3:])
	case len(n) >= 5 && len(n) <= 7 && n[0] == 'u':
		return hexRune(n[1:])
	}
	return 0
}

// cmap is a ToUnicode CMap: code → UTF-16 text.
type cmap struct {
	chars  map[uint32]string
	ranges []cmapRange
}

type cmapRange struct {
	lo, hi uint32
	dst    []uint16   // the text of lo; the last unit counts up
	dsts   [][]uint16 // or one text per code
}

// lookup returns the text of code.
func (m *cmap) lookup(code uint32) (string, bool) {
	if s, ok := m.chars[code]; ok {
		return s, true
	}
	for i := len(m.ranges) - 1; i >= 0; i-- {
		r := m.ranges[i]
		if code < r.lo || code > r.hi {
			continue
		}
		off := code - r.lo
		if r.dsts != nil {
			if int(off) < len(r.dsts) {
				return string(utf16.Decode(r.dsts[off])), true
			}
			return "", false
		}
		d := append([]uint16(nil), r.dst...)
		d[len(d)-1] += uint16(off)
		return string(utf16.Decode(d)), true
	}
	return "", false
}

func utf16Units(s pdfString) []uint16 {
	u := make([]uint16, (len(s)+1)/2)
	for i := range u {
		u[i] = uint16(s[2*i]) << 8
		if 2*i+1 < len(s) {
			u[i] |= uint16(s[2*i+1])
		}
	}
	return u
}

func codeOf(s pdfString) (uint32, bool) {
	if len(s) == 0 || len(s) > 4 {
		return 0, false
	}
	var c uint32
	for i := 0; i < len(s); i++ {
		c = c<<8 | uint32(s[i])
	}
	return c, true
}

// parseCMap reads the bfchar and bfrange sections of a ToUnicode CMap.
func parseCMap(data []byte) (*cmap, error) {
	m := &cmap{chars: map[uint32]string{}}
	l := &lexer{data: data}
	var operands []any
	for {
		o, err := l.object(0)
		if err != nil {
			if errors.Is(err, io.EOF) {
				return m, nil
			}
			return nil, err
		}
		kw, ok := o.(keyword)
		if !ok {
			operands = append(operands, o)
			continue
		}
		switch kw {
		case "endbfchar":
			for i := 0; i+1 < len(operands); i += 2 {
				src, _ := operands[i].(pdfString)
				dst, ok := operands[i+1].(pdfString)
				if c, okc := codeOf(src); okc && ok && len(dst) > 0 {
					m.chars[c] = string(utf16.Decode(utf16Units(dst)))
				}
			}
		case "endbfrange":
			for i := 0; i+2 < len(operands); i += 3 {
				lo, ok1 := codeOf(asString(operands[i]))
				hi, ok2 := codeOf(asString(operands[i+1]))
				if !ok1 || !ok2 || hi < lo {
					continue
				}
				r := cmapRange{lo: lo, hi: hi}
				switch d := operands[i+2].(type) {
				case pdfString:
					if len(d) == 0 {
						continue
					}
					r.dst = utf16Units(d)
				case array:
					for _, e := range d {
						r.dsts = append(r.dsts, utf16Units(asString(e)))
					}
				default:
					continue
				}
				m.ranges = append(m.ranges, r)
			}
		}
		operands = operands[:0]
	}
}

func asString(o any) pdfString { s, _ := o.(pdfString); return s }

// font is a font resource, ready to decode strings.
type font struct {
	info      Font
	composite bool // Type0: two-byte codes
	toUnicode *cmap
	encoding  *[256]rune // simple fonts without ToUnicode (or codes it lacks)
	// widths in 1/1000 text space units
	firstChar int
	widths    []float64
	missing   float64
	core      *[256]uint16
	cidWidths map[uint32]float64
	cidRanges []cidRange
	dw        float64
}

type cidRange struct {
	lo, hi uint32
	w      float64
}

// glyph is one character code of a string shown in a font.
type glyph struct {
	text  string
	width float64 // 1/1000 em
	space bool    // the single-byte code 32, which word spacing widens
}

// decode splits a string into the font's codes.
func (f *font) decode(s pdfString) []glyph {
	var gs []glyph
	if f.composite {
		for i := 0; i+1 < len(s); i += 2 {
			code := uint32(s[i])<<8 | uint32(s[i+1])
			g := glyph{text: "\uFFFD", width: f.cidWidth(code)}
			if f.toUnicode != nil {
				if t, ok := f.toUnicode.lookup(code); ok {
					g.text = t
				}
			}
			gs = append(gs, g)
		}
		return gs
	}
	for i := 0; i < len(s); i++ {
		code := s[i]
		g := glyph{width: f.simpleWidth(code), space: code == 32}
		t, ok := "", false
		if f.toUnicode != nil {
			t, ok = f.toUnicode.lookup(uint32(code))
		}
		if !ok {
			t = "\uFFFD"
			if r := f.encoding[code]; r != 0 {
				t = string(r)
			}
		}
		g.text = t
		gs = append(gs, g)
	}
	return gs
}

func (f *font) cidWidth(cid uint32) float64 {
	if w, ok := f.cidWidths[cid]; ok {
		return w
	}
	for _, r := range f.cidRanges {
		if cid >= r.lo && cid <= r.hi {
			return r.w
		}
	}
	return f.dw
}

func (f *font) simpleWidth(code byte) float64 {
	if i := int(code) - f.firstChar; f.widths != nil && i >= 0 && i < len(f.widths) {
		return f.widths[i]
	}
	if f.widths == nil && f.core != nil {
		return float64(f.core[code])
	}
	if f.widths == nil && f.missing == 0 {
		return 500 // no metrics at all: a plausible average
	}
	return f.missing
}

// loadFont reads a font dictionary, once.
func (r *reader) loadFont(o any) (*font, error) {
	d, err := r.f.dictOf(o)
	if err != nil {
		return nil, err
	}
	if d == nil {
		return nil, errors.New("missing font dictionary")
	}
	// The resolved dictionary is cached with its object, or is part of a
	// cached resource dictionary: the map itself identifies the font.
	key := reflect.ValueOf(d).Pointer()
	if f, ok := r.fonts[key]; ok {
		return f, nil
	}
	f, err := r.readFont(d)
	if err != nil {
		return nil, fmt.Errorf("font %s: %w", f.info.Name, err)
	}
	r.fonts[key] = f
	r.doc.Fonts = append(r.doc.Fonts, f.info)
	return f, nil
}

func (r *reader) readFont(d dict) (*font, error) {
	f := &font{}
	base, _ := r.f.nameOf(d["BaseFont"])
	sub, _ := r.f.nameOf(d["Subtype"])
	f.info = Font{Name: string(base), Subtype: string(sub), Subset: hasSubsetTag(string(base))}
	tu, err := r.f.resolve(d["ToUnicode"])
	if err != nil {
		return f, fmt.Errorf("/ToUnicode: %w", err)
	}
	if s, ok := tu.(*stream); ok {
		data, err := r.f.decode(s)
		if err != nil {
			return f, fmt.Errorf("/ToUnicode: %w", err)
		}
		if f.toUnicode, err = parseCMap(data); err != nil {
			return f, fmt.Errorf("/ToUnicode: %w", err)
		}
	}
	var desc dict
	switch sub {
	case "Type0":
		f.composite = true
		enc, _ := r.f.nameOf(d["Encoding"])
		if enc != "Identity-H" && enc != "Identity-V" {
			return f, fmt.Errorf("encoding %v not supported (Identity-H only)", describe(d["Encoding"]))
		}
		kids, err := r.f.arrayOf(d["DescendantFonts"])
		if err != nil || len(kids) != 1 {
			return f, errors.New("want one descendant font")
		}
		cid, err := r.f.dictOf(kids[0])
		if err != nil || cid == nil {
			return f, errors.New("bad descendant font")
		}
		if err := r.cidMetrics(f, cid); err != nil {
			return f, err
		}
		if desc, err = r.f.dictOf(cid["FontDescriptor"]); err != nil {
			return f, fmt.Errorf("/FontDescriptor: %w", err)
		}
	case "Type1", "TrueType", "MMType1", "Type3":
		if err := r.simpleEncoding(f, d); err != nil {
			return f, err
		}
		if desc, err = r.f.dictOf(d["FontDescriptor"]); err != nil {
			return f, fmt.Errorf("/FontDescriptor: %w", err)
		}
		if err := r.simpleMetrics(f, d, desc); err != nil {
			return f, err
		}
	default:
		return f, fmt.Errorf("font subtype %v not supported", describe(d["Subtype"]))
	}
	for _, k := range []name{"FontFile", "FontFile2", "FontFile3"} {
		if desc[k] == nil {
			continue
		}
		f.info.Embedded = true
		if k == "FontFile" {
			continue
		}
		s, err := r.f.resolve(desc[k])
		if err != nil {
			return f, fmt.Errorf("/%s: %w", k, err)
		}
		st, ok := s.(*stream)
		if !ok {
			return f, fmt.Errorf("/%s is not a stream", k)
		}
		if sub, _ := r.f.nameOf(st.dict["Subtype"]); k == "FontFile3" && sub != "OpenType" {
			continue // CFF
		}
		data, err := r.f.decode(st)
		if err != nil {
			return f, fmt.Errorf("/%s: %w", k, err)
		}
		if f.info.Glyphs, err = sfntGlyphs(data); err != nil {
			return f, fmt.Errorf("/%s: %w", k, err)
		}
	}
	return f, nil
}

// hasSubsetTag reports a six-capital prefix and a plus sign: ABCDEF+Name.
func hasSubsetTag(n string) bool {
	if len(n) < 8 || n[6] != '+' {
		return false
	}
	for i := range 6 {
		if n[i] < 'A' || n[i] > 'Z' {
			return false
		}
	}
	return true
}

// sfntGlyphs returns the number of glyphs of a TrueType or OpenType font
// program, from its maxp table.
func sfntGlyphs(b []byte) (int, error) {
	if len(b) < 12 {
		return 0, errors.New("font program too short")
	}
	n := int(binary.BigEndian.Uint16(b[4:]))
	for i := range n {
		rec := 12 + 16*i
		if rec+16 > len(b) {
			break
		}
		if string(b[rec:rec+4]) != "maxp" {
			continue
		}
		off := int(binary.BigEndian.Uint32(b[rec+8:]))
		if off < 0 || off+6 > len(b) {
			return 0, errors.New("maxp table outside the font program")
		}
		return int(binary.BigEndian.Uint16(b[off+4:])), nil
	}
	return 0, errors.New("font program without a maxp table")
}

// simpleEncoding sets the code → text table of a simple font: WinAnsi
// unless the font says otherwise, then /Differences.
func (r *reader) simpleEncoding(f *font, d dict) error {
	enc := new([256]rune)
	for i := range enc {
		enc[i] = winAnsi(byte(i))
	}
	f.encoding = enc
	e, err := r.f.resolve(d["Encoding"])
	if err != nil {
		return fmt.Errorf("/Encoding: %w", err)
	}
	ed, ok := e.(dict)
	if !ok {
		return nil // a name: WinAnsiEncoding is what fpdf writes
	}
	diffs, err := r.f.arrayOf(ed["Differences"])
	if err != nil {
		return fmt.Errorf("/Differences: %w", err)
	}
	code := -1
	for _, o := range diffs {
		switch v := o.(type) {
		case float64:
			code = int(v)
		case name:
			if code >= 0 && code < 256 {
				enc[code] = glyphRune(string(v))
			}
			code++
		default:
			return errors.New("/Differences: bad entry")
		}
	}
	return nil
}

func (r *reader) simpleMetrics(f *font, d, desc dict) error {
	f.core = coreWidths[f.info.Name]
	if f.core == nil && strings.HasPrefix(f.info.Name, "Courier") {
		var w [256]uint16
		for i := range w {
			w[i] = 600
		}
		f.core = &w
	}
	if mw, _ := r.f.resolve(desc["MissingWidth"]); mw != nil {
		f.missing, _ = mw.(float64)
	}
	if d["Widths"] == nil {
		return nil
	}
	fc, _ := r.f.resolve(d["FirstChar"])
	first, _ := fc.(float64)
	f.firstChar = int(first)
	ws, err := r.f.arrayOf(d["Widths"])
	if err != nil {
		return fmt.Errorf("/Widths: %w", err)
	}
	f.widths = make([]float64, 0, len(ws))
	for _, w := range ws {
		w, err := r.f.resolve(w)
		if err != nil {
			return fmt.Errorf("/Widths: %w", err)
		}
		v, _ := w.(float64)
		f.widths = append(f.widths, v)
	}
	return nil
}

// cidMetrics reads /W and /DW of a CIDFont.
func (r *reader) cidMetrics(f *font, cid dict) error {
	f.dw = 1000
	if dw, _ := r.f.resolve(cid["DW"]); dw != nil {
		v, ok := dw.(float64)
		if !ok {
			return errors.New("bad /DW")
		}
		f.dw = v
	}
	w, err := r.f.arrayOf(cid["W"])
	if err != nil {
		return fmt.Errorf("/W: %w", err)
	}
	f.cidWidths = map[uint32]float64{}
	bad := errors.New("bad /W array")
	for i := 0; i < len(w); {
		c, ok := w[i].(float64)
		if !ok || c < 0 || c > 0xFFFFFFFF || i+1 >= len(w) {
			return bad
		}
		switch next := w[i+1].(type) {
		case array:
			for j, v := range next {
				n, ok := v.(float64)
				if !ok {
					return bad
				}
				f.cidWidths[uint32(c)+uint32(j)] = n
			}
			i += 2
		case float64:
			if i+2 >= len(w) || next < c || next > 0xFFFFFFFF {
				return bad
			}
			n, ok := w[i+2].(float64)
			if !ok {
				return bad
			}
			f.cidRanges = append(f.cidRanges, cidRange{uint32(c), uint32(next), n})
			i += 3
		default:
			return bad
		}
	}
	return nil
}
