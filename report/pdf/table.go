package pdf

import (
	"math"
	"slices"
	"strings"

	"briefing/report"
)

// column is one column of a table. Either width is set, or fitColumns
// sets it from the content within max; rest takes what the other columns
// leave.
type column struct {
	title string
	width float64
	align alignment // alignLeft, or alignRight for numbers
	max   float64   // widest the content may make it, padding included
	flex  bool      // may narrow to its longest word when the rest column needs room
	rest  bool      // takes the width the others leave
}

// Tables of up to keepRows rows are never split across pages.
const keepRows = 8

// cellLine is one line of a laid-out cell: line j of block b.
type cellLine struct {
	b *block
	j int
}

// tableRow is a row laid out once: the lines of each of its cells.
type tableRow struct {
	cells [][]cellLine
	lines int // the most lines of any cell
}

func (r tableRow) height() float64 { return float64(r.lines)*cellLeading + 2*cellPad }

// laidTable is a table typeset once, ready to draw.
type laidTable struct {
	cols   []column
	header tableRow
	rows   []tableRow
}

// height is the height of the whole table on one page.
func (t laidTable) height() float64 {
	h := t.header.height()
	for _, r := range t.rows {
		h += r.height()
	}
	return h
}

// firstBlock is the height the table needs where it starts: its header and
// its first row, or two lines of it when the row may split.
func (t laidTable) firstBlock() float64 {
	h := t.header.height()
	if len(t.rows) > 0 {
		h += min(t.rows[0].height(), 2*cellLeading+2*cellPad)
	}
	if len(t.rows) <= keepRows {
		h = t.height()
	}
	return h
}

// textCells turns a row of strings into cells of one paragraph each.
func (d *doc) textCells(row []string, style string, color report.Color) []cell {
	cells := make([]cell, len(row))
	for i, s := range row {
		cells[i] = cell{{plain(s, sans, style, cellSize, color)}}
	}
	return cells
}

// layTable typesets a table's header and rows, each cell once.
func (d *doc) layTable(cols []column, rows [][]cell) laidTable {
	titles := make([]string, len(cols))
	for i, c := range cols {
		titles[i] = c.title
	}
	t := laidTable{cols: cols, header: d.layRow(cols, d.textCells(titles, "B", d.pal.white))}
	t.rows = make([]tableRow, len(rows))
	for i, r := range rows {
		t.rows[i] = d.layRow(cols, r)
	}
	return t
}

// layRow typesets a row's cells, ragged right (numbers right-aligned).
func (d *doc) layRow(cols []column, cells []cell) tableRow {
	r := tableRow{cells: make([][]cellLine, len(cols)), lines: 1}
	x := marginL
	for i, c := range cols {
		align := c.align
		if align == justify {
			align = alignLeft
		}
		for _, para := range cells[i] {
			b := d.typeset(para, x+cellPad, c.width-2*cellPad, cellLeading, align)
			for j := range b.lines {
				r.cells[i] = append(r.cells[i], cellLine{&b, j})
			}
		}
		r.lines = max(r.lines, len(r.cells[i]))
		x += c.width
	}
	return r
}

// fitColumns sets the width of every column from its content. Each column
// starts as narrow as its widest word and its title allow (within its
// max), the rest column taking what is left; then, a few millimetres at a
// time, width moves from one column to another wherever that makes the
// table shortest, as long as no column passes its max, none narrows below
// its widest word and the rest column keeps minRest. A column with nothing
// long in it so stays narrow, and long names do not make every row taller
// than its summary.
func (d *doc) fitColumns(cols []column, rows [][]cell, minRest float64) {
	rest := slices.IndexFunc(cols, func(c column) bool { return c.rest })
	content := make([][][]paragraphWords, len(rows)) // row, column, paragraph
	for r, row := range rows {
		content[r] = make([][]paragraphWords, len(cols))
		for i := range cols {
			for _, para := range row[i] {
				content[r][i] = append(content[r][i], d.paragraphWords(para))
			}
		}
	}
	widths := make([]float64, len(cols))
	least := make([]float64, len(cols))
	most := make([]float64, len(cols))
	used := 0.0
	for i, c := range cols {
		w := d.paragraphWords([]span{plain(c.title, sans, "B", cellSize, d.pal.ink)}).widest
		for r := range rows {
			for _, p := range content[r][i] {
				w = max(w, p.widest)
			}
		}
		most[i] = c.max
		if i == rest {
			most[i] = textW
			w = max(w, minRest-2*cellPad)
		}
		least[i] = min(w+2*cellPad, most[i])
		widths[i] = least[i]
		used += widths[i]
	}
	if rest < 0 || len(rows) == 0 {
		for i := range cols {
			cols[i].width = widths[i]
		}
		return
	}
	widths[rest] += textW - used
	// lines[r][i] is how many lines cell i of row r takes at widths[i].
	count := func(r, i int, w float64) int {
		n := 0
		for _, p := range content[r][i] {
			n += p.lines(w - 2*cellPad)
		}
		return n
	}
	lines := make([][]int, len(rows))
	for r := range rows {
		lines[r] = make([]int, len(cols))
		for i := range cols {
			lines[r][i] = count(r, i, widths[i])
		}
	}
	// height is the table's height in lines with columns a and b at
	// widths wa and wb.
	height := func(a, b int, wa, wb float64) int {
		total := 0
		for r := range rows {
			tallest := 1
			for i, n := range lines[r] {
				switch i {
				case a:
					n = count(r, a, wa)
				case b:
					n = count(r, b, wb)
				}
				tallest = max(tallest, n)
			}
			total += tallest
		}
		return total
	}
	current := height(-1, -1, 0, 0)
	for range 200 {
		bestFrom, bestTo, bestStep, bestGain := -1, -1, 0.0, 0.0
		for from := range cols {
			for to := range cols {
				if from == to {
					continue
				}
				for _, step := range []float64{1, 2, 4, 8} {
					if widths[to]+step > most[to] || widths[from]-step < least[from] {
						break
					}
					gain := float64(current-height(from, to, widths[from]-step, widths[to]+step)) / step
					if gain > bestGain {
						bestFrom, bestTo, bestStep, bestGain = from, to, step, gain
					}
				}
			}
		}
		if bestFrom < 0 {
			break
		}
		widths[bestFrom] -= bestStep
		widths[bestTo] += bestStep
		for r := range rows {
			lines[r][bestFrom] = count(r, bestFrom, widths[bestFrom])
			lines[r][bestTo] = count(r, bestTo, widths[bestTo])
		}
		current = height(-1, -1, 0, 0)
	}
	for i := range cols {
		cols[i].width = widths[i]
	}
}

// paragraphWords is a paragraph measured for counting its lines at any
// width: its words' widths and the space after each.
type paragraphWords struct {
	widths, spaces []float64
	widest         float64
}

func (d *doc) paragraphWords(spans []span) paragraphWords {
	var p paragraphWords
	for _, w := range d.split(spans) {
		p.widths = append(p.widths, w.width)
		p.spaces = append(p.spaces, w.space)
		// A word joined by slashes ("explosive/landmine/IED") may break
		// after one, as cutWord breaks it: its widest piece counts.
		for _, part := range w.parts {
			for piece := range strings.SplitAfterSeq(part.text, "/") {
				p.widest = max(p.widest, d.width(piece, part.family, part.style, part.size))
			}
		}
	}
	return p
}

// lines counts the lines the paragraph takes at width, filled greedily as
// breakLines fills them; a word wider than the line takes as many lines
// as its pieces.
func (p paragraphWords) lines(width float64) int {
	if len(p.widths) == 0 {
		return 0
	}
	n, line := 1, 0.0
	for k, w := range p.widths {
		if w > width {
			n += int(w / width)
			w = math.Mod(w, width)
		}
		switch {
		case k == 0 || line == 0:
			line = w
		case line+p.spaces[k-1]+w > width+0.01:
			n++
			line = w
		default:
			line += p.spaces[k-1] + w
		}
	}
	return n
}

// table sets rows under a header row. The header repeats at the top of
// every page the table reaches. A row that does not fit the space left
// moves to the next page when it would fit there and is short; a taller
// one is split, at least two lines on each side, and its part on the next
// page is marked "(continued)". A table of up to keepRows rows is never
// split.
func (d *doc) table(cols []column, rows [][]cell) {
	d.drawTable(d.layTable(cols, rows))
}

func (d *doc) drawTable(t laidTable) {
	pal := d.pal
	header := func() {
		d.fillColor(pal.primary)
		d.pdf.Rect(marginL, d.y, textW, t.header.height(), "F")
		d.drawRowLines(t.header, 0, t.header.lines)
		d.y += t.header.height()
	}
	d.need(t.firstBlock())
	header()
	pageBody := bodyBottom - bodyTop - t.header.height()
	for i, r := range t.rows {
		for {
			h := r.height()
			if d.y+h <= bodyBottom+0.01 {
				d.rowBackground(i, h)
				d.drawRowLines(r, 0, r.lines)
				d.y += h
				break
			}
			fit := int((bodyBottom - d.y - 2*cellPad + 0.01) / cellLeading)
			if r.lines-fit < 2 {
				fit = r.lines - 2 // no line alone at the head of the next page
			}
			// A short row moves whole to the next page, as does one that
			// would leave a line alone at the foot of this one.
			if h <= pageBody/2 || fit < 2 {
				d.newPage(true)
				header()
				continue
			}
			h = float64(fit)*cellLeading + 2*cellPad
			d.rowBackground(i, h)
			d.drawRowLines(r, 0, fit)
			d.y += h
			d.newPage(true)
			header()
			r = d.continued(t.cols, r, fit)
		}
		d.rule(marginL, d.y, textW, 0.15, pal.rule)
	}
}

// continued returns what is left of row r after its first from lines,
// marked "(continued)" at the top of its first column.
func (d *doc) continued(cols []column, r tableRow, from int) tableRow {
	out := tableRow{cells: make([][]cellLine, len(r.cells))}
	for i, c := range r.cells {
		if from < len(c) {
			out.cells[i] = c[from:]
		}
	}
	mark := d.typeset([]span{plain(d.cat.T("chronology.continued"), sans, "I", cellSize, d.pal.muted)},
		marginL+cellPad, cols[0].width-2*cellPad, cellLeading, alignLeft)
	var lines []cellLine
	for j := range mark.lines {
		lines = append(lines, cellLine{&mark, j})
	}
	out.cells[0] = append(lines, out.cells[0]...)
	for _, c := range out.cells {
		out.lines = max(out.lines, len(c))
	}
	return out
}

// rowBackground shades every other row, so that the eye can follow one
// across.
func (d *doc) rowBackground(i int, h float64) {
	if i%2 == 1 {
		d.fillColor(d.pal.light.Mix(d.pal.white, 0.35))
		d.pdf.Rect(marginL, d.y, textW, h, "F")
	}
}

// drawRowLines draws lines from to to of every cell of a row, from the
// current position.
func (d *doc) drawRowLines(r tableRow, from, to int) {
	for _, c := range r.cells {
		for j := from; j < min(to, len(c)); j++ {
			ln := c[j]
			ascent := ln.b.leading * 0.72
			d.drawBlockLine(*ln.b, ln.j, d.y+cellPad+ascent+float64(j-from)*cellLeading)
		}
	}
}
