package xlsx

import (
	"cmp"
	"fmt"
	"math"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"briefing/report"
)

// sheet is one worksheet: an Excel table, below optional free rows (the
// About sheet's).
type sheet struct {
	name  string // as the reader sees it, in the letter's language
	table string // the Excel table's name, the same in every language
	cols  []column
	n     int // data rows
	// row appends the cells of data row i (0-based) to r. It is called
	// twice per row: once to fit the columns, once to write.
	row       func(i int, r []cell) []cell
	preamble  []preRow
	landscape bool
	freeze    bool // freeze the rows down to the table's header
	// chart, when set, returns a chart to place below the table, and the
	// charts combined with it, given the rows of the table's header and
	// last data row.
	chart func(header, last int) []*excelize.Chart
}

// column is one column of a sheet's table.
type column struct {
	title string
	style int     // style of the column's cells
	max   float64 // widest the column gets (0: maxWidth); text wraps beyond
	def   string  // what the column holds, listed on the About sheet
}

// preRow is a row above a sheet's table.
type preRow struct {
	cells  []cell
	span   bool    // the second cell spans to the last column
	height float64 // points; 0 fits the row to its text
}

// Column widths, in widths of the digit 0 as Excel counts.
const (
	maxWidth = 60
	minWidth = 6
	// headerRoom leaves space for the filter button beside a header's text.
	headerRoom = 3
	padding    = 1.5
	// headerWrap is the width beyond which a header of several words wraps
	// rather than widen a column of small numbers.
	headerWrap = 14
)

// measuredRows is about how many rows of a long sheet fit its columns.
const measuredRows = 5000

// lineHeight is the height of one line of 11-point text, in points.
const lineHeight = 15

// measure fits the columns to the header and every row, and counts the
// links.
func (a *annex) measure(s *sheet) (widths []float64, links int, err error) {
	widths = make([]float64, len(s.cols))
	for j, c := range s.cols {
		widths[j] = max(longestWord(c.title), min(textWidth(c.title), headerWrap)) + headerRoom
	}
	fit := func(r []cell) {
		for j, c := range r {
			if j < len(widths) && !c.spill {
				widths[j] = max(widths[j], c.width()+padding)
			}
		}
	}
	for _, p := range s.preamble {
		fit(p.cells)
	}
	// A long sheet is fitted to an even sample of its rows, the first ones
	// included: the rows are made again to be written, and a column's
	// widest value among 5,000 is as good a width as among all. Its links
	// are counted on all rows only when the sample leaves it in doubt
	// whether they pass maxCellLinks.
	step := max(1, s.n/measuredRows)
	var r []cell
	sampled, sampledLinks := 0, 0
	for i := 0; i < s.n; i += step {
		if err := a.ctx.Err(); err != nil {
			return nil, 0, err
		}
		r = s.row(i, r[:0])
		fit(r)
		sampled++
		sampledLinks += linksIn(r)
	}
	links = sampledLinks
	if step > 1 {
		estimate, limit := sampledLinks*s.n/sampled, a.cellLinkLimit()
		links = estimate
		if estimate > limit*4/5 && estimate < limit*6/5 {
			links = 0
			for i := range s.n {
				links += linksIn(s.row(i, r[:0]))
			}
		}
	}
	for j := range widths {
		limit := s.cols[j].max
		if limit == 0 {
			limit = maxWidth
		}
		widths[j] = math.Round(min(max(widths[j], minWidth), limit)*4) / 4
	}
	return widths, links, nil
}

// linksIn counts the links of a row.
func linksIn(r []cell) int {
	n := 0
	for _, c := range r {
		if c.link != "" {
			n++
		}
	}
	return n
}

// cellLinkLimit is the most cell hyperlinks a sheet gets before its links
// are HYPERLINK() formulas.
func (a *annex) cellLinkLimit() int { return cmp.Or(a.opt.linkLimit, maxCellLinks) }

// linesHeight is the height of a row whose tallest cell wraps to n lines,
// in points.
func linesHeight(n float64) float64 { return min(n*lineHeight+2, excelize.MaxRowHeight) }

// lines estimates how many lines text takes when wrapped in a column of
// the given width: a line holds about as many characters as the column's
// width counts zeros, less the cell's margins.
func lines(s string, width float64) float64 {
	per := max(width-padding, 1)
	n := 0.0
	for line := range strings.SplitSeq(s, "\n") {
		n += max(1, math.Ceil(textWidth(line)/per))
	}
	return n
}

// writeSheet streams a sheet. Everything that lands in the worksheet's XML
// before its rows (dimension, page-fit flag, column widths, frozen panes)
// is set before the first row; everything after them (table, links, page
// setup, chart) before Flush, after which excelize silently drops it.
//
// Rows holding wrapped text get an explicit height, estimated from the
// text: LibreOffice does not fit rows to their text when it opens a
// workbook, and Excel never fits merged cells.
func (a *annex) writeSheet(s *sheet) error {
	if s.n > MaxRows { // RowsProblem, which build.Check runs, says so first
		return fmt.Errorf("xlsx: sheet %s would have %d rows, more than the %d Excel allows", s.name, s.n, MaxRows)
	}
	widths, links, err := a.measure(s)
	if err != nil {
		return err
	}
	f, name, ncol := a.f, s.name, len(s.cols)
	header := len(s.preamble) + 1
	last := header + max(s.n, 1) // a table has at least one data row
	// The dimension tells a reader such as openpyxl's read-only mode how
	// far the sheet goes; the stream writer writes it before any row.
	if err := f.SetSheetDimension(name, "A1:"+cellName(ncol, last)); err != nil {
		return err
	}
	if err := f.SetSheetProps(name, &excelize.SheetPropsOptions{FitToPage: new(true)}); err != nil {
		return err
	}
	sw, err := f.NewStreamWriter(name)
	if err != nil {
		return err
	}
	// excelize puts each column it is given before the others, and the
	// stream writer writes them in that order; Excel wants them ascending.
	for j := len(widths) - 1; j >= 0; j-- {
		if err := sw.SetColWidth(j+1, j+1, widths[j]); err != nil {
			return err
		}
	}
	if s.freeze {
		first := cellName(1, header+1)
		if err := sw.SetPanes(&excelize.Panes{
			Freeze: true, YSplit: header, TopLeftCell: first, ActivePane: "bottomLeft",
			Selection: []excelize.Selection{{SQRef: first, ActiveCell: first, Pane: "bottomLeft"}},
		}); err != nil {
			return err
		}
	}

	// The data rows are written into the workbook as it is saved (see
	// sheetRows), after the rows written here: the preamble and header.
	rows := a.newSheetRows(s, widths, header+1, links > a.cellLinkLimit())
	a.rows[name] = rows

	vals := make([]any, ncol)
	cells := make([]excelize.Cell, ncol)
	// put writes a row; a span cell (the About sheet's values) runs from
	// column span to the last.
	put := func(row int, r []cell, span int, height float64) error {
		tall := 1.0
		for j := range vals {
			vals[j] = nil
			if j >= len(r) || r[j].kind == empty {
				continue
			}
			c := r[j]
			cells[j] = excelize.Cell{StyleID: cmp.Or(c.style, s.cols[j].style)}
			switch c.kind {
			case text:
				cells[j].Value = c.s
				if a.st.wraps(cells[j].StyleID) {
					w := widths[j]
					if j == span {
						w = 0
						for _, x := range widths[j:] {
							w += x
						}
					}
					if a.st.isHeader(c.style) {
						w -= headerRoom - padding // the filter button's room
					}
					tall = max(tall, lines(c.s, w))
				}
			case integer, date:
				cells[j].Value = int(c.n)
			default:
				cells[j].Value = c.n
			}
			if c.link != "" {
				cells[j].StyleID = a.st.link
				rows.links = append(rows.links, hyperlink{ref: cellName(j+1, row), address: c.link})
			}
			vals[j] = &cells[j]
		}
		if height == 0 && tall > 1 {
			height = linesHeight(tall)
		}
		var opts []excelize.RowOpts
		if height > 0 {
			opts = append(opts, excelize.RowOpts{Height: height})
		}
		return sw.SetRow(cellName(1, row), vals, opts...)
	}

	for i, p := range s.preamble {
		row, span := i+1, -1
		if p.span && ncol > 2 {
			span = 1
			if err := sw.MergeCell(cellName(2, row), cellName(ncol, row)); err != nil {
				return err
			}
		}
		if err := put(row, p.cells, span, p.height); err != nil {
			return err
		}
	}
	head := make([]cell, ncol)
	for j, c := range s.cols {
		head[j] = cell{kind: text, s: c.title, style: a.st.headerFor(c.style)}
	}
	if err := put(header, head, -1, 0); err != nil {
		return err
	}
	if err := sw.AddTable(&excelize.Table{
		Range:     cellName(1, header) + ":" + cellName(ncol, last),
		Name:      s.table,
		StyleName: "TableStyleLight1",
	}); err != nil {
		return err
	}
	if err := a.pageSetup(s, header); err != nil {
		return err
	}
	if s.chart != nil {
		if charts := s.chart(header, last); len(charts) > 0 {
			if err := f.AddChart(name, cellName(1, last+2), charts[0], charts[1:]...); err != nil {
				return err
			}
		}
	}
	return sw.Flush()
}

// pageSetup prints a sheet on A4, fitted to the page's width, with the
// table's header row repeated on every page.
func (a *annex) pageSetup(s *sheet, header int) error {
	orientation := "portrait"
	if s.landscape {
		orientation = "landscape"
	}
	if err := a.f.SetPageLayout(s.name, &excelize.PageLayoutOptions{
		Size:        new(9), // A4
		Orientation: &orientation,
		FitToWidth:  new(1),
		FitToHeight: new(0), // as many pages down as needed
	}); err != nil {
		return err
	}
	title := strings.ReplaceAll(a.sel.Letter.Series+" – "+a.sel.Letter.Title, "&", "&&")
	page := a.cat.T("annex.print.page", "&P", "&N")
	if err := a.f.SetHeaderFooter(s.name, &excelize.HeaderFooterOptions{
		OddFooter: "&L&8" + title + "&R&8" + page,
	}); err != nil {
		return err
	}
	return a.f.SetDefinedName(&excelize.DefinedName{
		Name:     "_xlnm.Print_Titles",
		RefersTo: "'" + strings.ReplaceAll(s.name, "'", "''") + "'!$" + strconv.Itoa(header) + ":$" + strconv.Itoa(header),
		Scope:    s.name,
	})
}

// linkCell returns a cell linking to address, showing the address. An
// address that is not http or https, or too long for Excel's links (or,
// on a sheet of HYPERLINK() formulas, for a formula), is written as plain
// text, with a warning at pos.
func (a *annex) linkCell(address string, pos report.Position, kind, id string) cell {
	c := textCell(address)
	switch {
	case address == "":
	case !isWebURL(address):
		a.warnf(pos, "%s %q: %q is not an http or https address; the annex writes it as text, not as a link", kind, id, address)
	case len(address) > maxLinkChars:
		a.warnf(pos, "%s %q: the address is longer than the %d characters of an Excel link; the annex writes it as text", kind, id, maxLinkChars)
	case a.formulas && len(address) > maxFormulaString:
		a.warnf(pos, "%s %q: the address is longer than the %d characters of a HYPERLINK() formula, which this sheet uses for its many links; the annex writes it as text", kind, id, maxFormulaString)
	default:
		c.link = address
	}
	return c
}

// textOf returns a text cell, cut to Excel's limit with a warning at pos,
// the position of the kind of item (event, source…) id whose field it is.
func (a *annex) textOf(s string, pos report.Position, kind, id, field string) cell {
	s, cutOff := cut(s)
	if cutOff {
		a.warnf(pos, "%s %q: %s is longer than the %d characters an Excel cell holds; the annex cuts it", kind, id, field, maxCellChars)
	}
	return textCell(s)
}

// warnf records a warning while rows are written (not while they are
// measured, which would report it twice).
func (a *annex) warnf(pos report.Position, format string, args ...any) {
	if a.warn {
		a.diags.Warnf(pos, format, args...)
	}
}
