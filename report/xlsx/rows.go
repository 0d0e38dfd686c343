package xlsx

import (
	"cmp"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"unicode/utf8"
)

// sheetRows writes a sheet's data rows as worksheet XML, straight into the
// workbook as the zip writer saves the sheet (see sortedZip): the cells
// excelize's stream writer would write, without its costs per cell (a
// reference parsed and formatted, a style looked up among the columns,
// each string escaped through a builder and boxed in an interface), which
// were most of the annex's time, and without the temporary file it
// streams rows through. The cell hyperlinks the rows hold are collected
// for the zip writer to add after them.
type sheetRows struct {
	a      *annex
	s      *sheet
	widths []float64
	first  int // the row number of the first data row
	// formulas writes the sheet's links as HYPERLINK() formulas, past
	// Excel's limit of cell hyperlinks.
	formulas bool
	links    []hyperlink
	styles   []string // the s="…" attribute of each style id, made once
	columns  []string // column letters
}

func (a *annex) newSheetRows(s *sheet, widths []float64, first int, formulas bool) *sheetRows {
	rx := &sheetRows{a: a, s: s, widths: widths, first: first, formulas: formulas}
	for j := range s.cols {
		rx.columns = append(rx.columns, colName(j+1))
	}
	return rx
}

// styleAttr returns ` s="ID"`, or nothing for the default style 0.
func (rx *sheetRows) styleAttr(id int) string {
	if id <= 0 {
		return ""
	}
	for len(rx.styles) <= id {
		rx.styles = append(rx.styles, "")
	}
	if rx.styles[id] == "" {
		rx.styles[id] = ` s="` + strconv.Itoa(id) + `"`
	}
	return rx.styles[id]
}

// writeTo writes the rows, in pieces of about 64 kB. The rows' warnings
// (a cut cell, a link written as text) are reported now, once each. A
// long sheet's rows are made on another goroutine while w (the deflater)
// compresses the pieces made before, so that both cores work on the
// annex's largest part.
func (rx *sheetRows) writeTo(w io.Writer) error {
	a := rx.a
	a.warn, a.formulas = true, rx.formulas
	defer func() { a.warn, a.formulas = false, false }()
	if rx.s.n < pipelinedRows {
		return rx.make(func(b []byte) ([]byte, error) {
			_, err := w.Write(b)
			return b[:0], err
		})
	}
	// Pieces go to w through full; emptied pieces come back through free.
	full, free := make(chan []byte, 4), make(chan []byte, 4)
	for range cap(free) {
		free <- make([]byte, 0, 80<<10)
	}
	stop := make(chan struct{})
	var made error
	go func() {
		defer close(full)
		defer func() {
			if p := recover(); p != nil {
				made = fmt.Errorf("xlsx: making the rows of %s: %v", rx.s.name, p)
			}
		}()
		made = rx.make(func(b []byte) ([]byte, error) {
			select {
			case full <- b:
			case <-stop:
				return nil, errStopped
			}
			return <-free, nil
		})
	}()
	var written error
	for b := range full {
		if written == nil {
			if _, written = w.Write(b); written != nil {
				close(stop)
			}
		}
		free <- b[:0]
	}
	if written != nil {
		return written
	}
	return made
}

// pipelinedRows is the length from which a sheet's rows are made on a
// goroutine of their own.
const pipelinedRows = 2000

var errStopped = errors.New("xlsx: stopped")

// make makes the rows into pieces of about 64 kB, handing each to put,
// which returns the buffer for the next.
func (rx *sheetRows) make(put func([]byte) ([]byte, error)) error {
	a, s := rx.a, rx.s
	buf := make([]byte, 0, 80<<10)
	var r []cell
	var err error
	for i := range s.n {
		if i%1024 == 0 {
			if err := a.ctx.Err(); err != nil {
				return err
			}
		}
		r = s.row(i, r[:0])
		buf = rx.appendRow(buf, rx.first+i, r)
		if len(buf) >= 64<<10 {
			if buf, err = put(buf); err != nil {
				return err
			}
		}
	}
	_, err = put(buf)
	return err
}

// appendRow appends row number n, holding cells r, as excelize writes a
// row: <row r="n" [ht="…" customHeight="1"]><c r="A2" s="3" t="inlineStr">…
func (rx *sheetRows) appendRow(b []byte, n int, r []cell) []byte {
	a, s := rx.a, rx.s
	row := strconv.AppendInt(nil, int64(n), 10)
	tall := 1.0
	for j, c := range r {
		if j >= len(s.cols) || c.kind != text || !a.st.wraps(cmp.Or(c.style, s.cols[j].style)) {
			continue
		}
		tall = max(tall, lines(c.s, rx.widths[j]))
	}
	b = append(b, `<row r="`...)
	b = append(b, row...)
	b = append(b, '"')
	if tall > 1 {
		b = append(b, ` ht="`...)
		b = strconv.AppendFloat(b, linesHeight(tall), 'f', -1, 64)
		b = append(b, `" customHeight="1"`...)
	}
	b = append(b, '>')
	for j, c := range r {
		if j >= len(s.cols) || c.kind == empty {
			continue
		}
		style := cmp.Or(c.style, s.cols[j].style)
		formula := ""
		if c.link != "" {
			style = a.st.link
			if rx.formulas {
				formula = hyperlinkFormula(c.link)
			} else {
				rx.links = append(rx.links, hyperlink{ref: rx.columns[j] + string(row), address: c.link})
			}
		}
		b = append(b, `<c r="`...)
		b = append(b, rx.columns[j]...)
		b = append(b, row...)
		b = append(b, '"')
		b = append(b, rx.styleAttr(style)...)
		switch {
		case formula != "":
			// A formula's cached value is its text, as excelize writes it.
			b = append(b, ` t="str"><f>`...)
			b = appendEscaped(b, formula)
			b = append(b, `</f><v>`...)
			b = appendEscaped(b, escapeBstr(c.s))
			b = append(b, `</v></c>`...)
		case c.kind == text:
			b = append(b, ` t="inlineStr"><is><t`...)
			if c.s != "" && (strings.IndexByte("\t\n\r ", c.s[0]) >= 0 || strings.IndexByte("\t\n\r ", c.s[len(c.s)-1]) >= 0) {
				b = append(b, ` xml:space="preserve"`...)
			}
			b = append(b, '>')
			b = appendEscaped(b, escapeBstr(c.s))
			b = append(b, `</t></is></c>`...)
		case c.kind == integer || c.kind == date:
			b = append(b, `><v>`...)
			b = strconv.AppendInt(b, int64(c.n), 10)
			b = append(b, `</v></c>`...)
		default:
			b = append(b, `><v>`...)
			b = strconv.AppendFloat(b, c.n, 'f', -1, 64)
			b = append(b, `</v></c>`...)
		}
	}
	return append(b, `</row>`...)
}

// appendEscaped appends s as XML character data: &, < and > escaped, a
// carriage return kept as a reference (it would otherwise read as a line
// break), and a byte that is not UTF-8, which XML cannot hold, as U+FFFD.
func appendEscaped(b []byte, s string) []byte {
	// The loader admits valid UTF-8 only: then only four bytes need a
	// look, found through a table rather than a switch on every byte
	// (the annex of 100,000 events escapes 200 MB).
	if !utf8.ValidString(s) {
		return appendEscapedChecked(b, s)
	}
	start := 0
	for i := 0; i < len(s); i++ {
		esc := xmlEscapes[s[i]]
		if esc == "" {
			continue
		}
		b = append(b, s[start:i]...)
		b = append(b, esc...)
		start = i + 1
	}
	return append(b, s[start:]...)
}

// xmlEscapes holds what each byte of valid UTF-8 is written as in a
// sheet's XML, where it is not itself; read only.
var xmlEscapes = [256]string{'&': "&amp;", '<': "&lt;", '>': "&gt;", '\r': "&#xD;"}

// appendEscapedChecked is appendEscaped for text that may hold invalid
// UTF-8, written as U+FFFD.
func appendEscapedChecked(b []byte, s string) []byte {
	start := 0
	for i := 0; i < len(s); {
		c := s[i]
		var esc string
		width := 1
		switch {
		case c == '&':
			esc = "&amp;"
		case c == '<':
			esc = "&lt;"
		case c == '>':
			esc = "&gt;"
		case c == '\r':
			esc = "&#xD;"
		case c >= utf8.RuneSelf:
			r, n := utf8.DecodeRuneInString(s[i:])
			width = n
			if r == utf8.RuneError && n == 1 {
				esc = "\uFFFD"
			}
		}
		if esc != "" {
			b = append(b, s[start:i]...)
			b = append(b, esc...)
			start = i + width
		}
		i += width
	}
	return append(b, s[start:]...)
}

// escapeBstr protects what spreadsheets read as an escaped character in a
// string (_xHHHH_, ECMA-376's ST_Xstring) by escaping its underscore, as
// excelize does, and writes the control characters XML cannot hold in
// that form; text that holds neither comes back as it is.
func escapeBstr(s string) string {
	needs := false
	for i := 0; i < len(s); i++ {
		if c := s[i]; (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || (c == '_' && isBstr(s[i:])) {
			needs = true
			break
		}
	}
	if !needs {
		return s
	}
	var b strings.Builder
	for i := 0; i < len(s); i++ {
		c := s[i]
		switch {
		case c < 0x20 && c != '\t' && c != '\n' && c != '\r':
			b.WriteString("_x00")
			b.WriteByte("0123456789ABCDEF"[c>>4])
			b.WriteByte("0123456789ABCDEF"[c&15])
			b.WriteByte('_')
		case c == '_' && isBstr(s[i:]):
			b.WriteString("_x005F_")
		default:
			b.WriteByte(c)
		}
	}
	return b.String()
}

// isBstr reports whether s begins with _xHHHH_.
func isBstr(s string) bool {
	if len(s) < 7 || s[0] != '_' || s[1] != 'x' || s[6] != '_' {
		return false
	}
	for _, c := range []byte(s[2:6]) {
		if !('0' <= c && c <= '9' || 'a' <= c && c <= 'f' || 'A' <= c && c <= 'F') {
			return false
		}
	}
	return true
}
