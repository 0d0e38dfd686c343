package xlsx

import (
	"context"
	"errors"
	"fmt"
	"io"
	"strconv"
	"strings"
	"time"

	"github.com/xuri/excelize/v2"

	"briefing/report"
	"briefing/report/locale"
)

// Options are what the annex needs besides the letter's selection.
type Options struct {
	Catalog   *locale.Catalog // the letter's language
	Brand     report.Brand    // colours of headers and of event types
	Generator string          // e.g. "briefing 0.2.0", written in About and in the document properties
	// Date is the date written into the document properties:
	// SOURCE_DATE_EPOCH or the letter's issued date (the caller decides;
	// never the clock). When zero, the letter's issued date is used.
	Date time.Time
	// linkLimit, when set, replaces maxCellLinks: tests reach it with a
	// few links.
	linkLimit int
}

// Write writes the annex of one letter to w.
//
// Warnings (a cell cut at Excel's limit of 32,767 characters, a link Excel
// could not hold) come back as diagnostics of Warning severity, positioned
// at the event or source concerned. An error means nothing usable was
// written: w may hold part of a workbook, so callers write to a temporary
// file and rename it only on success. Write stops with ctx's error when ctx
// is cancelled.
//
// A large annex passes through temporary files in os.TempDir (excelize's
// for the sheets, ours for the compressed parts), removed before Write
// returns; memory stays bounded whatever the number of events.
func Write(ctx context.Context, w io.Writer, sel report.Selection, opt Options) (report.Diagnostics, error) {
	switch {
	case opt.Catalog == nil:
		return nil, errors.New("xlsx: Options.Catalog is nil")
	case sel.Dataset == nil || sel.Letter == nil:
		return nil, errors.New("xlsx: the selection has no dataset or letter")
	}
	if opt.Date.IsZero() {
		opt.Date = sel.Letter.Issued.Time()
	}
	a := newAnnex(ctx, sel, opt)
	defer a.f.Close()
	if err := a.build(); err != nil {
		return a.diags.Sort(), err
	}
	if err := a.save(w); err != nil {
		return a.diags.Sort(), err
	}
	return a.diags.Sort(), nil
}

func newAnnex(ctx context.Context, sel report.Selection, opt Options) *annex {
	return &annex{ctx: ctx, sel: sel, opt: opt, cat: opt.Catalog, f: excelize.NewFile(), rows: map[string]*sheetRows{}}
}

// save writes the workbook to w, each sheet's data rows written into it
// on the way (see sheetRows).
func (a *annex) save(w io.Writer) error {
	zw := newSortedZip(w, a.opt.Date, "")
	defer zw.removeSpill()
	zw.sheets = map[string]*sheetRows{}
	for id, name := range a.f.GetSheetMap() {
		if rows := a.rows[name]; rows != nil {
			zw.sheets["xl/worksheets/sheet"+strconv.Itoa(id)+".xml"] = rows
		}
	}
	a.f.SetZipWriter(func(io.Writer) excelize.ZipWriter { return zw })
	// excelize hands the zip writer a buffer of its own, which sortedZip
	// ignores: it writes the archive to w when excelize closes it.
	if err := a.f.Write(io.Discard); err != nil {
		return fmt.Errorf("xlsx: writing the workbook: %w", err)
	}
	if zw.err != nil {
		return fmt.Errorf("xlsx: writing the workbook: %w", zw.err)
	}
	return nil
}

// annex is the state of one workbook being written.
type annex struct {
	ctx   context.Context
	sel   report.Selection
	opt   Options
	cat   *locale.Catalog
	f     *excelize.File
	st    styles
	diags report.Diagnostics
	// warn is off while a sheet's rows are measured and on while they are
	// written, so that each warning is reported once.
	warn bool
	// formulas is on while the rows of a sheet with more than
	// maxCellLinks links are written: its links are HYPERLINK() formulas.
	formulas bool
	// rows writes each sheet's data rows, by sheet name, as the zip
	// writer saves the workbook.
	rows map[string]*sheetRows
}

// Table names are the same in every language, so that a formula such as
// =SUM(Events[fatalities]) works in any letter's annex.
const (
	tableDefinitions    = "Definitions"
	tableEvents         = "Events"
	tableEventSources   = "EventSources"
	tableEventCorridors = "EventCorridors"
	tableEventTargets   = "EventTargets"
	tableSources        = "Sources"
	tableCorridors      = "Corridors"
	tableFrequency      = "Frequency"
)

func (a *annex) build() error {
	var err error
	if a.st, err = newStyles(a.f, a.opt.Brand, a.cat); err != nil {
		return err
	}
	// The sheets in the order a reader meets them: what the annex is,
	// the events, the link sheets that pair each event with its sources,
	// corridors and targets, then the letter's own lists and counts.
	makers := []struct {
		key      string
		newSheet func(name string) *sheet
	}{
		{"annex.sheet.events", a.eventsSheet},
		{"annex.sheet.event_sources", a.eventSourcesSheet},
		{"annex.sheet.event_corridors", a.eventCorridorsSheet},
		{"annex.sheet.event_targets", a.eventTargetsSheet},
		{"annex.sheet.sources", a.sourcesSheet},
		{"annex.sheet.corridors", a.corridorsSheet},
		{"annex.sheet.frequency", a.frequencySheet},
	}
	about := a.cat.T("annex.sheet.about")
	if err := a.f.SetSheetName("Sheet1", about); err != nil {
		return err
	}
	var sheets []*sheet
	for _, m := range makers {
		name := a.cat.T(m.key)
		if _, err := a.f.NewSheet(name); err != nil {
			return err
		}
		sheets = append(sheets, m.newSheet(name))
	}
	sheets = append([]*sheet{a.aboutSheet(about, sheets...)}, sheets...)
	for _, s := range sheets {
		if err := a.writeSheet(s); err != nil {
			return err
		}
	}
	return a.setDocProps()
}

// setDocProps fills the document properties a file manager or a search
// index shows, dated opt.Date so that a rebuild gives the same bytes.
func (a *annex) setDocProps() error {
	l := a.sel.Letter
	title := l.Title
	if l.Subtitle != "" {
		title = a.cat.T("title_subtitle", title, l.Subtitle)
	}
	keywords := a.cat.T("annex.doc.keywords")
	for _, c := range l.Scope.Countries {
		keywords += "; " + c
	}
	for _, r := range l.Scope.Admin1 {
		keywords += "; " + r
	}
	date := a.opt.Date.UTC().Format(time.RFC3339)
	if err := a.f.SetDocProps(&excelize.DocProperties{
		Title:          title,
		Subject:        a.cat.T("annex.doc.subject", a.cat.Period(a.sel.Period)),
		Creator:        a.opt.Brand.Name,
		LastModifiedBy: a.opt.Brand.Name,
		Keywords:       keywords,
		Description:    a.cat.T("annex.about.heading"),
		Category:       l.Series,
		Identifier:     l.ID,
		Language:       l.Language,
		Created:        date,
		Modified:       date,
	}); err != nil {
		return err
	}
	return a.f.SetAppProps(&excelize.AppProperties{
		Application: a.opt.Generator,
		Company:     a.opt.Brand.Name,
	})
}

// sheetRef returns a reference to a range of a sheet for formulas and
// charts, with the name quoted as Excel requires for names with spaces or
// accents ("'À propos'!$A$1").
func sheetRef(sheet string, col1, row1, col2, row2 int) string {
	q := "'" + strings.ReplaceAll(sheet, "'", "''") + "'!"
	ref := q + "$" + colName(col1) + "$" + fmt.Sprint(row1)
	if col2 != col1 || row2 != row1 {
		ref += ":$" + colName(col2) + "$" + fmt.Sprint(row2)
	}
	return ref
}

// colName returns the letters of a 1-based column number: 1 A, 27 AA.
func colName(n int) string {
	var b []byte
	for ; n > 0; n = (n - 1) / 26 {
		b = append([]byte{byte('A' + (n-1)%26)}, b...)
	}
	return string(b)
}

// cellName returns a cell reference such as "B7".
func cellName(col, row int) string { return colName(col) + fmt.Sprint(row) }
