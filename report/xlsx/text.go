package xlsx

import (
	"net/url"
	"strconv"
	"strings"
	"time"
	"unicode/utf16"
	"unicode/utf8"

	"briefing/report"
)

// Excel's limits.
const (
	// maxCellChars is the most a cell holds, counted in UTF-16 units as
	// Excel counts; longer text is cut, with a warning.
	maxCellChars = 32767
	// maxLinkChars is the longest address a cell hyperlink may have;
	// Excel reports a damaged file beyond it.
	maxLinkChars = 2079
	// maxFormulaString is the longest text literal a formula may hold, so
	// the longest address a HYPERLINK() formula can link to.
	maxFormulaString = 255
	// maxCellLinks is how many cell hyperlinks a sheet gets before links
	// become HYPERLINK() formulas: Excel holds at most 65,530 per
	// worksheet.
	maxCellLinks = 65530
)

// kind is the type of a cell's value.
type kind uint8

const (
	empty   kind = iota
	text         // s
	integer      // n, a whole number
	number       // n
	date         // n, an Excel serial day
	percent      // n, a fraction: 0.25 shows as 25.0%
)

// cell is one value of a row before it is written.
type cell struct {
	kind  kind
	s     string
	n     float64
	style int    // 0: the column's style
	link  string // a web address the cell links to; s is its text
	// spill marks a value that may run over the next columns, and so does
	// not widen its own (the About sheet's values).
	spill bool
}

func textCell(s string) cell {
	if s == "" {
		return cell{}
	}
	return cell{kind: text, s: s}
}

func intCell(n int) cell { return cell{kind: integer, n: float64(n)} }

func countCell(c report.Count) cell {
	if !c.Reported {
		return cell{} // not reported is an empty cell, never 0
	}
	return intCell(c.N)
}

func dateCell(d report.Date) cell {
	if d.IsZero() {
		return cell{}
	}
	return cell{kind: date, n: float64(dateSerial(d))}
}

// excelEpoch is day 0 of Excel's 1900 date system, as Excel counts days
// after 1 March 1900.
var excelEpoch = time.Date(1899, time.December, 30, 0, 0, 0, 0, time.UTC)

// dateSerial returns the Excel serial number of a day.
func dateSerial(d report.Date) int {
	return int(d.Time().Sub(excelEpoch).Hours() / 24)
}

// cut shortens s to Excel's cell limit without splitting a character, and
// reports whether it had to.
func cut(s string) (string, bool) {
	if len(s) <= maxCellChars/2 { // fast path: cannot be over the limit
		return s, false
	}
	units := 0
	for i, r := range s {
		n := utf16.RuneLen(r)
		if n < 0 { // not a character: excelize writes U+FFFD, one unit
			n = 1
		}
		if units += n; units > maxCellChars {
			return s[:i], true
		}
	}
	return s, false
}

// isWebURL accepts only absolute http and https addresses: nothing else
// (javascript:, file:, a bare path) may become a live link.
func isWebURL(s string) bool {
	u, err := url.Parse(s)
	return err == nil && (u.Scheme == "http" || u.Scheme == "https") && u.Host != "" &&
		!strings.ContainsAny(s, " \t\r\n")
}

// hyperlinkFormula returns a HYPERLINK() formula linking to address, whose
// text is the address itself. A double quote inside a formula's text is
// written twice; nothing else is special there.
func hyperlinkFormula(address string) string {
	return `HYPERLINK("` + strings.ReplaceAll(address, `"`, `""`) + `")`
}

// textWidth estimates how many character widths text needs: its longest
// line.
func textWidth(s string) float64 {
	w := 0
	for line := range strings.SplitSeq(s, "\n") {
		w = max(w, utf8.RuneCountInString(line))
	}
	return float64(w)
}

// longestWord returns the width of the longest word of s.
func longestWord(s string) float64 {
	w := 0.0
	for word := range strings.FieldsSeq(s) {
		w = max(w, textWidth(word))
	}
	return w
}

// width estimates how many character widths a cell's value needs as
// displayed.
func (c cell) width() float64 {
	switch c.kind {
	case text:
		return textWidth(c.s)
	case integer:
		return float64(len(strconv.Itoa(int(c.n))))
	case number:
		return float64(len(strconv.FormatFloat(c.n, 'f', 4, 64)))
	case date:
		return float64(len(isoDate))
	case percent:
		return float64(len(strconv.FormatFloat(c.n*100, 'f', 1, 64))) + 1
	}
	return 0
}
