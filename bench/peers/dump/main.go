// Command dump writes the cells of the annex's Events sheet for a
// synthetic letter to a tab-separated file, which bench/peers/events.c
// reads to write the same cells with libxlsxwriter.
//
// The cells come from the annex itself, read back with excelize, not from
// the dataset: whatever the annex writes (a cut text, an empty cell for a
// figure not reported, a date as a serial day) is what the peer writes.
//
//	go run ./bench/peers/dump -n 100000 -o cells.tsv
//
// It prints the sheet's size: "cols 38 rows 100001 cells 3800038".
//
// The file is UTF-8, one record a line, fields separated by tabs; in a
// field a backslash, tab, line feed or carriage return is written \\, \t,
// \n or \r. The first line is "briefing-cells" and the format's version,
// then, in this order:
//
//	sheet  NAME COLS ROWS
//	table  NAME STYLE           the Excel table over the whole sheet, if any
//	freeze ROWS                 rows frozen at the top, if any
//	style  ID NUMFMT CODE BOLD COLOR UNDERLINE FILL HALIGN VALIGN WRAP
//	width  COL WIDTH            1-based column, in widths of the digit 0
//	height ROW POINTS           1-based row, only rows given a height
//	c      ROW COL TYPE STYLE VALUE [URL]
//
// A style's NUMFMT is a built-in format's number (0 for General) and CODE
// a custom format's code (empty for a built-in one); BOLD, UNDERLINE and
// WRAP are 0 or 1; COLOR and FILL are RRGGBB or empty. Cells come in row
// order, every cell of every row, empty ones included: TYPE is s (text),
// n (number), d (a number with a date format), l (text linking to URL) or
// e (empty, VALUE empty).
package main

import (
	"bufio"
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"briefing/internal/synth"
	"briefing/report"
	"briefing/report/locale"
	"briefing/report/xlsx"
)

// version is the dump format's version, which events.c checks.
const version = 1

func main() {
	n := flag.Int("n", 100000, "number of synthetic `events`")
	seed := flag.Int64("seed", 1, "seed of the synthetic data, as the benchmark's")
	out := flag.String("o", "cells.tsv", "the cell dump to write")
	keep := flag.String("annex", "", "also keep the annex written, at this `path`")
	// Another sheet than Events can be dumped, to try the peer on links
	// (the Sources sheet has them) or on another shape.
	key := flag.String("sheet", "annex.sheet.events", "the catalogue `key` of the sheet to dump")
	flag.Parse()
	if err := run(*n, *seed, *out, *keep, *key); err != nil {
		fmt.Fprintln(os.Stderr, "dump:", err)
		os.Exit(1)
	}
}

func run(n int, seed int64, out, keep, key string) error {
	tmp, err := os.MkdirTemp("", "briefing-peer-")
	if err != nil {
		return err
	}
	defer os.RemoveAll(tmp)
	sel, err := synthetic(filepath.Join(tmp, "data"), n, seed)
	if err != nil {
		return err
	}
	cat, err := locale.For("en")
	if err != nil {
		return err
	}
	annex := keep
	if annex == "" {
		annex = filepath.Join(tmp, "annex.xlsx")
	}
	// The options build.Letter passes, but for the generator's name and
	// the date, which change no cell.
	opt := xlsx.Options{Catalog: cat, Brand: sel.Dataset.Brand, Generator: "briefing peer dump"}
	if err := writeAnnex(annex, sel, opt); err != nil {
		return err
	}
	f, err := excelize.OpenFile(annex)
	if err != nil {
		return err
	}
	defer f.Close()
	sh, err := readSheet(f, cat.T(key))
	if err != nil {
		return err
	}
	if err := writeFile(out, sh.write); err != nil {
		return err
	}
	fmt.Printf("cols %d rows %d cells %d\n", sh.cols, sh.rows, sh.cols*sh.rows)
	return nil
}

// synthetic writes a data folder of n events into dir and returns the
// selection of its letter, as the benchmarks make theirs.
func synthetic(dir string, n int, seed int64) (report.Selection, error) {
	if err := synth.Write(dir, n, seed); err != nil {
		return report.Selection{}, err
	}
	ds, diags := report.Load(dir)
	if diags.HasErrors() {
		return report.Selection{}, fmt.Errorf("loading the synthetic data:\n%s", diags.Error())
	}
	l, ok := ds.Letter(synth.LetterID)
	if !ok {
		return report.Selection{}, fmt.Errorf("the synthetic data have no letter %q", synth.LetterID)
	}
	return ds.Select(l), nil
}

func writeAnnex(path string, sel report.Selection, opt xlsx.Options) error {
	return writeFile(path, func(w io.Writer) error {
		_, err := xlsx.Write(context.Background(), w, sel, opt)
		return err
	})
}

// writeFile writes a file through a buffer and reports the first error of
// writing, flushing or closing it.
func writeFile(path string, write func(io.Writer) error) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriterSize(f, 1<<20)
	err = write(w)
	if err == nil {
		err = w.Flush()
	}
	return errors.Join(err, f.Close())
}

// sheet is what the dump holds of a worksheet.
type sheet struct {
	name       string
	cols, rows int
	table      *excelize.Table
	freeze     int
	styles     map[int]*excelize.Style
	widths     []float64
	heights    map[int]float64 // by 1-based row
	cells      [][]dumpCell    // rows of cols cells
}

type dumpCell struct {
	typ   byte // s, n, d, l or e
	style int
	value string
	url   string
}

// readSheet reads every cell of a sheet with its type, style and link, and
// what the sheet sets besides cells.
func readSheet(f *excelize.File, name string) (*sheet, error) {
	dim, err := f.GetSheetDimension(name)
	if err != nil {
		return nil, err
	}
	_, last, ok := strings.Cut(dim, ":")
	if !ok {
		return nil, fmt.Errorf("sheet %s: dimension %q is not a range", name, dim)
	}
	cols, rows, err := excelize.CellNameToCoordinates(last)
	if err != nil {
		return nil, err
	}
	sh := &sheet{name: name, cols: cols, rows: rows, styles: map[int]*excelize.Style{}, heights: map[int]float64{}}

	// Values and row heights in one pass of the row iterator, which
	// reads the sheet's XML as it goes (GetRowHeight scans every row for
	// each row it is asked about).
	it, err := f.Rows(name)
	if err != nil {
		return nil, err
	}
	for r := 1; it.Next(); r++ {
		vals, err := it.Columns(excelize.Options{RawCellValue: true})
		if err != nil {
			return nil, err
		}
		if len(vals) > cols {
			return nil, fmt.Errorf("sheet %s: row %d has %d cells, beyond the dimension's %d columns", name, r, len(vals), cols)
		}
		if h := it.GetRowOpts().Height; h > 0 {
			sh.heights[r] = h
		}
		row := make([]dumpCell, cols)
		for j, v := range vals {
			row[j].value = v
		}
		sh.cells = append(sh.cells, row)
	}
	if err := errors.Join(it.Error(), it.Close()); err != nil {
		return nil, err
	}
	if len(sh.cells) != rows {
		return nil, fmt.Errorf("sheet %s: %d rows, its dimension says %d", name, len(sh.cells), rows)
	}

	// Types, styles, formulas and links, cell by cell, from the
	// worksheet excelize now holds in memory.
	for i, row := range sh.cells {
		for j := range row {
			if err := sh.classify(f, &row[j], j+1, i+1); err != nil {
				return nil, err
			}
		}
	}
	for j := range cols {
		w, err := f.GetColWidth(name, colName(j+1))
		if err != nil {
			return nil, err
		}
		sh.widths = append(sh.widths, w)
	}
	tables, err := f.GetTables(name)
	if err != nil {
		return nil, err
	}
	if len(tables) > 0 {
		sh.table = &tables[0]
	}
	panes, err := f.GetPanes(name)
	if err != nil {
		return nil, err
	}
	if panes.Freeze {
		sh.freeze = panes.YSplit
	}
	return sh, nil
}

// classify sets a cell's type and style. Formulas and booleans have no
// type in the dump: it refuses them rather than write them as something
// else (the Events sheet has neither).
func (sh *sheet) classify(f *excelize.File, c *dumpCell, col, row int) error {
	ref, err := excelize.CoordinatesToCellName(col, row)
	if err != nil {
		return err
	}
	if c.style, err = f.GetCellStyle(sh.name, ref); err != nil {
		return err
	}
	if _, ok := sh.styles[c.style]; !ok {
		st, err := f.GetStyle(c.style)
		if err != nil {
			return err
		}
		sh.styles[c.style] = st
	}
	if formula, err := f.GetCellFormula(sh.name, ref); err != nil || formula != "" {
		return cmpErr(err, fmt.Errorf("%s!%s: a formula, which the dump has no type for", sh.name, ref))
	}
	typ, err := f.GetCellType(sh.name, ref)
	if err != nil {
		return err
	}
	switch {
	case typ == excelize.CellTypeInlineString || typ == excelize.CellTypeSharedString:
		c.typ = 's'
	case typ == excelize.CellTypeUnset && c.value == "":
		c.typ = 'e'
	case typ == excelize.CellTypeUnset || typ == excelize.CellTypeNumber:
		c.typ = 'n'
		if isDateStyle(sh.styles[c.style]) {
			c.typ = 'd'
		}
	default:
		return fmt.Errorf("%s!%s: a cell of type %d, which the dump has no type for", sh.name, ref, typ)
	}
	link, target, err := f.GetCellHyperLink(sh.name, ref)
	if err != nil {
		return err
	}
	if link {
		if c.typ != 's' {
			return fmt.Errorf("%s!%s: a link on a cell that is not text", sh.name, ref)
		}
		c.typ, c.url = 'l', target
	}
	return nil
}

func cmpErr(err, otherwise error) error {
	if err != nil {
		return err
	}
	return otherwise
}

// isDateStyle reports whether a style shows a number as a date: one of
// Excel's built-in date formats (14 to 22), or a custom code with a year
// or a day in it (the annex's is yyyy-mm-dd).
func isDateStyle(st *excelize.Style) bool {
	if st == nil {
		return false
	}
	if st.CustomNumFmt != nil {
		code := strings.ToLower(*st.CustomNumFmt)
		return strings.Contains(code, "yy") || strings.Contains(code, "dd")
	}
	return st.NumFmt >= 14 && st.NumFmt <= 22
}

// write writes the dump.
func (sh *sheet) write(w io.Writer) error {
	bw := bufio.NewWriter(w)
	line := func(fields ...string) {
		for i, f := range fields {
			if i > 0 {
				bw.WriteByte('\t')
			}
			bw.WriteString(escape(f))
		}
		bw.WriteByte('\n')
	}
	itoa := strconv.Itoa
	ftoa := func(x float64) string { return strconv.FormatFloat(x, 'g', -1, 64) }
	b01 := func(b bool) string {
		if b {
			return "1"
		}
		return "0"
	}
	line("briefing-cells", itoa(version))
	line("sheet", sh.name, itoa(sh.cols), itoa(sh.rows))
	if sh.table != nil {
		line("table", sh.table.Name, sh.table.StyleName)
	}
	if sh.freeze > 0 {
		line("freeze", itoa(sh.freeze))
	}
	ids := make([]int, 0, len(sh.styles))
	for id := range sh.styles {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids {
		st := sh.styles[id]
		code := ""
		if st.CustomNumFmt != nil {
			code = *st.CustomNumFmt
		}
		var bold, underline bool
		var color, fill string
		if st.Font != nil {
			bold, underline, color = st.Font.Bold, st.Font.Underline != "", st.Font.Color
		}
		if st.Fill.Type == "pattern" && st.Fill.Pattern == 1 && len(st.Fill.Color) > 0 {
			fill = st.Fill.Color[0]
		}
		var halign, valign string
		var wrap bool
		if a := st.Alignment; a != nil {
			halign, valign, wrap = a.Horizontal, a.Vertical, a.WrapText
		}
		line("style", itoa(id), itoa(st.NumFmt), code, b01(bold), strings.TrimPrefix(color, "#"), b01(underline),
			strings.TrimPrefix(fill, "#"), halign, valign, b01(wrap))
	}
	for j, wd := range sh.widths {
		line("width", itoa(j+1), ftoa(wd))
	}
	for r := 1; r <= sh.rows; r++ {
		if h, ok := sh.heights[r]; ok {
			line("height", itoa(r), ftoa(h))
		}
	}
	for i, row := range sh.cells {
		for j, c := range row {
			fields := []string{"c", itoa(i + 1), itoa(j + 1), string(c.typ), itoa(c.style), c.value}
			if c.typ == 'l' {
				fields = append(fields, c.url)
			}
			line(fields...)
		}
	}
	return bw.Flush()
}

// escaper writes a field on one line, as a field of the dump, which
// splits lines at line feeds and fields at tabs.
var escaper = strings.NewReplacer(`\`, `\\`, "\t", `\t`, "\n", `\n`, "\r", `\r`)

func escape(s string) string { return escaper.Replace(s) }

// colName returns the letters of a 1-based column number.
func colName(n int) string {
	s, _ := excelize.ColumnNumberToName(n)
	return s
}
