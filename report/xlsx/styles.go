package xlsx

import (
	"strings"

	"github.com/xuri/excelize/v2"

	"briefing/report"
	"briefing/report/locale"
)

// styles are the cell styles of the workbook, by role.
type styles struct {
	header      int // a table's header row: white on the brand's primary colour
	headerRight int // the same over a column of numbers
	headerDate  int // the same over a column of dates
	text        int
	wrap        int // long text: summaries, titles, definitions
	integer     int
	code        int // a one-digit code (time_precision, geo_precision), centred clear of its neighbours
	coord       int // latitude and longitude, four decimals as ACLED gives them
	date        int // a real date, shown as ISO 8601 in every language
	percent     int
	link        int
	heading     int // the About sheet's first line
	label       int // the About sheet's labels
	value       int // the About sheet's values
	change      int // the About sheet's change in per cent, signed
	subtitle    int // the About sheet's "Column definitions"
}

// isoDate shows dates as 2025-07-01 whatever the reader's locale, as ACLED
// exports do, so that a date never reads as a different day.
const isoDate = "yyyy-mm-dd"

// fontFamily is excelize's default font; a style that sets a font names it
// again, or LibreOffice falls back to a serif.
const fontFamily = "Calibri"

func font(size float64, bold bool, color string) *excelize.Font {
	return &excelize.Font{Family: fontFamily, Size: size, Bold: bold, Color: color}
}

func newStyles(f *excelize.File, b report.Brand, cat *locale.Catalog) (styles, error) {
	primary, ink := hex(b.Colors.Primary), hex(b.Colors.Ink)
	top := &excelize.Alignment{Vertical: "top"}
	fill := excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{primary}}
	var s styles
	iso, coord := isoDate, "0.0000"
	// A share and a change are written as the letter writes them, with
	// the language's space before "%": 30.5%, +67%, -100%.
	pct, signed := cat.T("annex.format.percent"), cat.T("annex.format.change")
	defs := []struct {
		id    *int
		style excelize.Style
	}{
		{&s.header, excelize.Style{Font: font(11, true, "FFFFFF"), Fill: fill,
			Alignment: &excelize.Alignment{Vertical: "center", WrapText: true}}},
		{&s.headerRight, excelize.Style{Font: font(11, true, "FFFFFF"), Fill: fill,
			Alignment: &excelize.Alignment{Horizontal: "right", Vertical: "center", WrapText: true}}},
		{&s.headerDate, excelize.Style{Font: font(11, true, "FFFFFF"), Fill: fill,
			Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "center", WrapText: true}}},
		{&s.text, excelize.Style{Alignment: top}},
		{&s.wrap, excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&s.integer, excelize.Style{Alignment: top, NumFmt: 1}},
		{&s.code, excelize.Style{Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}, NumFmt: 1}},
		{&s.coord, excelize.Style{Alignment: top, CustomNumFmt: &coord}},
		// Centred: a date column reads as one, clear of its neighbours.
		{&s.date, excelize.Style{Alignment: &excelize.Alignment{Horizontal: "center", Vertical: "top"}, CustomNumFmt: &iso}},
		{&s.percent, excelize.Style{Alignment: top, CustomNumFmt: &pct}},
		// Links wrap: a long address running over the next cells would
		// widen the printed page.
		{&s.link, excelize.Style{Alignment: &excelize.Alignment{Vertical: "top", WrapText: true},
			Font: &excelize.Font{Family: fontFamily, Size: 11, Color: "0563C1", Underline: "single"}}},
		{&s.heading, excelize.Style{Font: font(14, true, primary)}},
		{&s.label, excelize.Style{Font: font(11, true, ink), Alignment: &excelize.Alignment{Vertical: "top", WrapText: true}}},
		{&s.value, excelize.Style{Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top", WrapText: true}}},
		{&s.change, excelize.Style{Alignment: &excelize.Alignment{Horizontal: "left", Vertical: "top"}, CustomNumFmt: &signed}},
		{&s.subtitle, excelize.Style{Font: font(12, true, primary)}},
	}
	for _, d := range defs {
		id, err := f.NewStyle(&d.style)
		if err != nil {
			return s, err
		}
		*d.id = id
	}
	return s, nil
}

// wraps reports whether a style wraps its text, so that the row must be
// tall enough for it.
func (s styles) wraps(style int) bool {
	// Not links: an address has no space to wrap at, and LibreOffice cuts
	// it rather than break it.
	return style == s.wrap || style == s.value || style == s.label || s.isHeader(style)
}

func (s styles) isHeader(style int) bool {
	return style == s.header || style == s.headerRight || style == s.headerDate
}

// headerFor returns the header style of a column of cells of the given
// style: aligned like them.
func (s styles) headerFor(style int) int {
	switch style {
	case s.integer, s.coord, s.percent:
		return s.headerRight
	case s.date, s.code:
		return s.headerDate
	}
	return s.header
}

// hex returns a colour as excelize writes it: RRGGBB.
func hex(c report.Color) string { return strings.TrimPrefix(c.Hex(), "#") }
