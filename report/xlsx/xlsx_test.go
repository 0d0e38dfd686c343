package xlsx_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/json"
	"errors"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"
	"unicode/utf16"

	"github.com/xuri/excelize/v2"

	"briefing/internal/fixture"
	"briefing/internal/synth"
	"briefing/report"
	"briefing/report/acled"
	"briefing/report/locale"
	"briefing/report/xlsx"
)

var (
	update = flag.Bool("update", false, "rewrite the golden files in testdata/")
	outDir = flag.String("out", "", "write the annexes TestWriteOut builds into this folder, to open or render them")
)

// A reader's view of the annex: every test writes a workbook and reads it
// back with excelize, as a partner's tools would.

// sample returns the selection of the sample letter.
func sample(t testing.TB) report.Selection {
	t.Helper()
	return load(t, "../../data", "2025-09-kayes")
}

// tricky returns the selection of the test letter over the base fixture
// with testdata/tricky's events: formula-like text, zeros and unreported
// figures.
func tricky(t testing.TB) report.Selection {
	t.Helper()
	root := fixture.Assemble(t, "../testdata/base", "testdata/tricky")
	return load(t, filepath.Join(root, "data"), "2025-07-test")
}

func load(t testing.TB, dir, letter string) report.Selection {
	t.Helper()
	ds, diags := report.Load(dir)
	if diags.HasErrors() {
		t.Fatalf("loading %s:\n%s", dir, diags.Error())
	}
	l, ok := ds.Letter(letter)
	if !ok {
		t.Fatalf("%s: no letter %q", dir, letter)
	}
	return ds.Select(l)
}

func options(t testing.TB, sel report.Selection, lang string) xlsx.Options {
	t.Helper()
	cat, err := locale.For(lang)
	if err != nil {
		t.Fatal(err)
	}
	return xlsx.Options{Catalog: cat, Brand: sel.Dataset.Brand, Generator: "briefing test"}
}

// write builds an annex and fails the test on an error.
func write(t testing.TB, sel report.Selection, opt xlsx.Options) ([]byte, report.Diagnostics) {
	t.Helper()
	var buf bytes.Buffer
	diags, err := xlsx.Write(context.Background(), &buf, sel, opt)
	if err != nil {
		t.Fatal(err)
	}
	return buf.Bytes(), diags
}

func open(t testing.TB, b []byte) *excelize.File {
	t.Helper()
	f, err := excelize.OpenReader(bytes.NewReader(b))
	if err != nil {
		t.Fatalf("excelize cannot read the annex: %v", err)
	}
	t.Cleanup(func() { f.Close() })
	return f
}

// annex writes and reopens the annex of sel in a language.
func annex(t testing.TB, sel report.Selection, lang string) *excelize.File {
	t.Helper()
	b, diags := write(t, sel, options(t, sel, lang))
	if len(diags) > 0 {
		t.Errorf("warnings:\n%s", diags.Error())
	}
	return open(t, b)
}

var sheetNames = map[string][]string{
	"en": {"About", "Events", "Event sources", "Event corridors", "Event targets", "Sources", "Corridors", "Frequency"},
	"fr": {"À propos", "Événements", "Sources par événement", "Corridors par événement", "Cibles par événement", "Sources", "Corridors", "Fréquence"},
}

// acledColumns are the 31 columns of an ACLED export, as ACLED names and
// orders them: written out here rather than taken from package acled, so
// that the test says what a partner's script expects.
var acledColumns = []string{
	"event_id_cnty", "event_date", "year", "time_precision", "disorder_type",
	"event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1",
	"actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
	"iso", "region", "country", "admin1", "admin2", "admin3", "location",
	"latitude", "longitude", "geo_precision", "source", "source_scale",
	"notes", "fatalities", "tags", "timestamp",
}

// eventColumns is the Events header in every language: ACLED's columns,
// then ours, as ID-events.csv writes them.
var eventColumns = slices.Concat(acledColumns, []string{
	"date_end", "corridors", "targets", "kidnapped", "vehicles_destroyed", "claimed_by", "source_ids",
})

// The link sheets' headers, the same in every language.
var (
	eventSourcesColumns   = []string{"event_id_cnty", "source_id", "publisher", "title", "date", "date_precision", "url"}
	eventCorridorsColumns = []string{"event_id_cnty", "corridor_id", "corridor_name", "corridor_short", "disorder_type"}
	eventTargetsColumns   = []string{"event_id_cnty", "target"}
)

// column returns the letters of an Events column.
func column(key string) string {
	name, _ := excelize.ColumnNumberToName(slices.Index(eventColumns, key) + 1)
	return name
}

// aboutHeader finds the row of the About sheet's table header.
func aboutHeader(t *testing.T, f *excelize.File, sheet string) int {
	t.Helper()
	tables, err := f.GetTables(sheet)
	if err != nil || len(tables) != 1 {
		t.Fatalf("%s: tables %v, %v", sheet, tables, err)
	}
	_, row, err := excelize.CellNameToCoordinates(strings.Split(tables[0].Range, ":")[0])
	if err != nil {
		t.Fatal(err)
	}
	return row
}

func TestSheetsAndHeaders(t *testing.T) {
	sel := sample(t)
	types := map[string][]string{}
	for _, lang := range []string{"en", "fr"} {
		cat, _ := locale.For(lang)
		for i := range report.NumEventTypes {
			types[lang] = append(types[lang], cat.EventType(i))
		}
	}
	headers := map[string][][]string{
		"en": {
			{"Sheet", "Column", "Definition"},
			eventColumns, eventSourcesColumns, eventCorridorsColumns, eventTargetsColumns,
			{"ID", "Publisher", "Date", "Date precision", "Title", "Title in English", "URL", "Language", "Kind", "Events citing it", "Letter no."},
			slices.Concat([]string{"ID", "Corridor", "Short name", "Hits (political violence)", "Other events (demonstrations, strategic developments)"},
				types["en"], []string{"All events naming it", "Share of the period’s events"}),
			slices.Concat([]string{"Week", "From", "To", "Covered days"}, types["en"], []string{
				"Political violence and demonstrations", "All events", "Previous period: from", "Previous period: to",
				"Previous period: political violence and demonstrations", "Previous period: all events"}),
		},
		"fr": {
			{"Feuille", "Colonne", "Définition"},
			eventColumns, eventSourcesColumns, eventCorridorsColumns, eventTargetsColumns,
			{"Identifiant", "Éditeur", "Date", "Précision de la date", "Titre", "Titre en français", "URL", "Langue", "Type", "Événements la citant", "N° dans la lettre"},
			slices.Concat([]string{"Identifiant", "Corridor", "Nom court", "Atteintes (violence politique)", "Autres événements (manifestations, développements stratégiques)"},
				types["fr"], []string{"Tous les événements le mentionnant", "Part des événements de la période"}),
			slices.Concat([]string{"Semaine", "Du", "Au", "Jours couverts"}, types["fr"], []string{
				"Violence politique et manifestations", "Tous les événements", "Période précédente\u00a0: du", "Période précédente\u00a0: au",
				"Période précédente\u00a0: violence politique et manifestations", "Période précédente\u00a0: tous les événements"}),
		},
	}
	for _, lang := range []string{"en", "fr"} {
		t.Run(lang, func(t *testing.T) {
			f := annex(t, sel, lang)
			if got := f.GetSheetList(); !slices.Equal(got, sheetNames[lang]) {
				t.Fatalf("sheets %q, want %q", got, sheetNames[lang])
			}
			for i, sheet := range sheetNames[lang] {
				row := 1
				if i == 0 {
					row = aboutHeader(t, f, sheet)
				}
				rows, err := f.GetRows(sheet)
				if err != nil {
					t.Fatal(err)
				}
				if got := rows[row-1]; !slices.Equal(got, headers[lang][i]) {
					t.Errorf("%s header row %d:\n got %q\nwant %q", sheet, row, got, headers[lang][i])
				}
			}
		})
	}
}

func TestEventRows(t *testing.T) {
	for name, sel := range map[string]report.Selection{"sample": sample(t), "tricky": tricky(t)} {
		t.Run(name, func(t *testing.T) {
			f := annex(t, sel, "en")
			rows, err := f.GetRows("Events")
			if err != nil {
				t.Fatal(err)
			}
			if len(rows)-1 != len(sel.Events) {
				t.Fatalf("%d event rows, want %d", len(rows)-1, len(sel.Events))
			}
			for i, e := range sel.Events {
				if rows[i+1][0] != e.ID {
					t.Errorf("row %d is event %q, want %q (the selection's order)", i+2, rows[i+1][0], e.ID)
				}
			}
		})
	}
}

// TestDates: event_date is a number formatted as a date, the day of the
// event, not text.
func TestDates(t *testing.T) {
	sel := sample(t)
	f := annex(t, sel, "en")
	e := sel.Events[0]
	cell := column("event_date") + "2"
	typ, err := f.GetCellType("Events", cell)
	if err != nil || typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
		t.Errorf("%s: cell type %v (%v), want a number", cell, typ, err)
	}
	raw, _ := f.GetCellValue("Events", cell, excelize.Options{RawCellValue: true})
	serial := int(e.Date.Time().Sub(time.Date(1899, 12, 30, 0, 0, 0, 0, time.UTC)).Hours() / 24)
	if raw != strconv.Itoa(serial) {
		t.Errorf("%s raw value %q, want the serial day %d", cell, raw, serial)
	}
	id, _ := f.GetCellStyle("Events", cell)
	st, err := f.GetStyle(id)
	if err != nil || st.CustomNumFmt == nil || *st.CustomNumFmt != "yyyy-mm-dd" {
		t.Errorf("%s: style %+v, want number format yyyy-mm-dd", cell, st)
	}
	if got, _ := f.GetCellValue("Events", cell); got != e.Date.String() {
		t.Errorf("%s reads %q, want %q", cell, got, e.Date)
	}
}

// TestLinks: source links are cell hyperlinks, on the Event sources sheet
// (one per source of every event) and the Sources sheet, and HYPERLINK()
// formulas on a sheet of more than 10,000.
func TestLinks(t *testing.T) {
	sel := sample(t)
	b, _ := write(t, sel, options(t, sel, "en"))
	f := open(t, b)
	url := mustColumn(slices.Index(eventSourcesColumns, "url") + 1)
	for i, p := range eventSourcePairs(sel) {
		s, _ := sel.Dataset.Source(p[1])
		cell := url + strconv.Itoa(i+2)
		ok, link, err := f.GetCellHyperLink("Event sources", cell)
		if err != nil || ok != (s.URL != "") || link != s.URL {
			t.Errorf("Event sources!%s: link %v %q (%v), want %q", cell, ok, link, err, s.URL)
		}
		if text, _ := f.GetCellValue("Event sources", cell); text != s.URL {
			t.Errorf("Event sources!%s shows %q, want %q", cell, text, s.URL)
		}
	}
	rows, _ := f.GetRows("Sources")
	for i, row := range rows[1:] {
		s, _ := sel.Dataset.Source(row[0])
		ok, link, _ := f.GetCellHyperLink("Sources", "G"+strconv.Itoa(i+2))
		if ok != (s.URL != "") || link != s.URL {
			t.Errorf("Sources!G%d: link %v %q, want %q", i+2, ok, link, s.URL)
		}
	}
	// The Events sheet, ACLED's columns, has no link: the sources' links
	// are on the link sheet, every one of them.
	for _, sheet := range []string{"Events", "Event corridors", "Event targets"} {
		if strings.Contains(sheetPart(t, b, sheet), "<hyperlink") {
			t.Errorf("%s holds a link", sheet)
		}
	}

	t.Run("many", func(t *testing.T) {
		if testing.Short() {
			t.Skip("writes 12,000 events")
		}
		sel := synthetic(t, manyLinks)
		pairs := eventSourcePairs(sel)
		links := 0
		for _, p := range pairs {
			if s, _ := sel.Dataset.Source(p[1]); s.URL != "" {
				links++
			}
		}
		if links <= 20000 {
			t.Fatalf("%d sources of events have a link; the test needs over 20,000", links)
		}
		f := annex(t, sel, "en")
		// Every link, read back: a cell hyperlink, not a formula, up to
		// Excel's limit of 65,530 per sheet.
		for i, p := range pairs {
			s, _ := sel.Dataset.Source(p[1])
			cell := url + strconv.Itoa(i+2)
			ok, link, err := f.GetCellHyperLink("Event sources", cell)
			if err != nil || ok != (s.URL != "") || link != s.URL {
				t.Fatalf("Event sources!%s: link %v %q (%v), want %q", cell, ok, link, err, s.URL)
			}
			if i%1000 == 0 {
				if formula, _ := f.GetCellFormula("Event sources", cell); formula != "" {
					t.Errorf("Event sources!%s: formula %q; want a cell hyperlink", cell, formula)
				}
			}
		}
	})
}

// eventSourcePairs lists every event and source it cites, each pair once,
// in the order of the selection's events and of their sources: the rows
// of the Event sources sheet.
func eventSourcePairs(sel report.Selection) [][2]string {
	var out [][2]string
	for _, e := range sel.Events {
		for j, id := range e.Sources {
			if !slices.Contains(e.Sources[:j], id) {
				out = append(out, [2]string{e.ID, id})
			}
		}
	}
	return out
}

// sheetPart returns the XML of an English annex's sheet: the workbook's
// sheets are numbered in their order.
func sheetPart(t *testing.T, b []byte, sheet string) string {
	t.Helper()
	i := slices.Index(sheetNames["en"], sheet)
	if i < 0 {
		t.Fatalf("no sheet %s", sheet)
	}
	return part(t, b, fmt.Sprintf("xl/worksheets/sheet%d.xml", i+1))
}

// TestUnsafeLink: an address that is not http or https never becomes a
// link, even if it got past validation.
func TestUnsafeLink(t *testing.T) {
	sel := tricky(t)
	s, _ := sel.Dataset.Source("soleil-2025-07-02")
	s.URL = "javascript:alert(1)"
	b, diags := write(t, sel, options(t, sel, "en"))
	if len(diags) == 0 || !strings.Contains(diags.Error(), "not an http or https address") {
		t.Errorf("warnings:\n%s\nwant one about the javascript: address", diags.Error())
	}
	for _, d := range diags {
		if d.Severity != report.Warning || d.Pos.Line == 0 {
			t.Errorf("%s: want a warning with a position", d)
		}
	}
	f := open(t, b)
	for _, sheet := range []string{"Event sources", "Sources"} {
		rows, _ := f.GetRows(sheet)
		for r, row := range rows {
			for c := range row {
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if ok, link, _ := f.GetCellHyperLink(sheet, cell); ok && !strings.HasPrefix(link, "https://") {
					t.Errorf("%s!%s links to %q", sheet, cell, link)
				}
			}
		}
	}
}

func TestTablesPanesAndPrint(t *testing.T) {
	sel := sample(t)
	f := annex(t, sel, "en")
	names := sheetNames["en"]
	wantTables := []string{"Definitions", "Events", "EventSources", "EventCorridors", "EventTargets", "Sources", "Corridors", "Frequency"}
	// The narrow link sheets print upright; the others are too wide.
	portrait := map[string]bool{"Event corridors": true, "Event targets": true}
	titles := map[string]string{}
	for _, d := range f.GetDefinedName() {
		if d.Name == "_xlnm.Print_Titles" {
			titles[d.Scope] = d.RefersTo
		}
	}
	for i, sheet := range names {
		tables, err := f.GetTables(sheet)
		if err != nil || len(tables) != 1 || tables[0].Name != wantTables[i] {
			t.Errorf("%s: tables %+v (%v), want one named %s", sheet, tables, err, wantTables[i])
			continue
		}
		dim, _ := f.GetSheetDimension(sheet)
		if end := strings.Split(dim, ":")[1]; !strings.HasSuffix(tables[0].Range, ":"+end) {
			t.Errorf("%s: dimension %s does not end where the table %s does", sheet, dim, tables[0].Range)
		}
		header := aboutHeader(t, f, sheet)
		if want := fmt.Sprintf("'%s'!$%d:$%d", sheet, header, header); titles[sheet] != want {
			t.Errorf("%s: print titles %q, want %q", sheet, titles[sheet], want)
		}
		layout, _ := f.GetPageLayout(sheet)
		if *layout.FitToWidth != 1 || *layout.FitToHeight != 0 || *layout.Size != 9 {
			t.Errorf("%s: page layout %+v, want A4 fitted to one page wide", sheet, layout)
		}
		if i == 0 {
			continue
		}
		if want := map[bool]string{false: "landscape", true: "portrait"}[portrait[sheet]]; *layout.Orientation != want {
			t.Errorf("%s: orientation %s, want %s", sheet, *layout.Orientation, want)
		}
		panes, err := f.GetPanes(sheet)
		if err != nil || !panes.Freeze || panes.YSplit != 1 || panes.TopLeftCell != "A2" {
			t.Errorf("%s: panes %+v (%v), want the header row frozen", sheet, panes, err)
		}
	}
}

// coverage returns the selection of a letter of report/testdata/coverage,
// whose dataset leaves some of its weeks uncovered (see
// report/coverage_test.go for its buckets, worked out by hand).
func coverage(t testing.TB, letter string) report.Selection {
	t.Helper()
	return load(t, "../testdata/coverage", letter)
}

// sheetCells reads a sheet as a reader does: by column title, the raw value
// of each data row's cell, "" for an empty cell, and whether the cell is
// empty (no value at all, not a 0 or an empty string).
type sheetCells struct {
	t     *testing.T
	f     *excelize.File
	sheet string
	cols  map[string]int // title: 1-based column
	first int            // row of the first data row
}

func readSheet(t *testing.T, f *excelize.File, sheet string, header int) sheetCells {
	t.Helper()
	rows, err := f.GetRows(sheet)
	if err != nil || len(rows) < header {
		t.Fatalf("%s: %d rows (%v)", sheet, len(rows), err)
	}
	cols := map[string]int{}
	for j, title := range rows[header-1] {
		cols[title] = j + 1
	}
	return sheetCells{t, f, sheet, cols, header + 1}
}

// get returns the raw value of data row i (0-based) in the column of that
// title, and whether the cell is empty.
func (s sheetCells) get(i int, title string) (string, bool) {
	s.t.Helper()
	j, ok := s.cols[title]
	if !ok {
		s.t.Fatalf("%s: no column %q", s.sheet, title)
	}
	ref, _ := excelize.CoordinatesToCellName(j, s.first+i)
	v, _ := s.f.GetCellValue(s.sheet, ref, excelize.Options{RawCellValue: true})
	typ, _ := s.f.GetCellType(s.sheet, ref)
	return v, v == "" && typ == excelize.CellTypeUnset
}

// TestFrequency: the Frequency sheet holds the numbers of the letter's
// frequency chart: counts by type, the column height (every type but
// strategic developments) and the total of every type. A bucket the
// dataset does not cover has empty count cells, never 0; the comparison
// period's counts are empty unless the dataset covers all of it.
func TestFrequency(t *testing.T) {
	cases := map[string]report.Selection{
		"sample": sample(t), "synthetic": synthetic(t, 500), "quarter": quarter(t),
		"ml-sn-july": coverage(t, "ml-sn-july"), "all-july": coverage(t, "all-july"), "ml-july": coverage(t, "ml-july"),
	}
	types := report.EventTypes()
	for name, sel := range cases {
		t.Run(name, func(t *testing.T) {
			f := annex(t, sel, "en")
			freq := sel.Frequency()
			sh := readSheet(t, f, "Frequency", 1)
			rows, _ := f.GetRows("Frequency")
			if len(rows)-1 != len(freq.Buckets) {
				t.Fatalf("%d rows, want %d buckets", len(rows)-1, len(freq.Buckets))
			}
			for i, b := range freq.Buckets {
				check := func(title string, want int, known bool) {
					t.Helper()
					got, empty := sh.get(i, title)
					switch {
					case !known && !empty:
						t.Errorf("bucket %s, %s: %q, want an empty cell", b.Period, title, got)
					case known && got != strconv.Itoa(want):
						t.Errorf("bucket %s, %s: %q, want %d", b.Period, title, got, want)
					}
				}
				check("Covered days", b.CoveredDays, true)
				for j, typ := range types {
					check(typ, b.Counts[j], b.Covered())
				}
				check("Political violence and demonstrations", b.Counts.Sum(report.NotStrategic), b.Covered())
				check("All events", b.Counts.Total(), b.Covered())
				hasPrevious := !b.PreviousPeriod.From.IsZero()
				if got, empty := sh.get(i, "Previous period: from"); empty == hasPrevious {
					t.Errorf("bucket %s, previous from: %q, want a date: %v", b.Period, got, hasPrevious)
				}
				known := hasPrevious && freq.PreviousCovered
				check("Previous period: political violence and demonstrations", b.Previous.Sum(report.NotStrategic), known)
				check("Previous period: all events", b.Previous.Total(), known)
			}
		})
	}
	// The hand-computed buckets of report/coverage_test.go: for ML and SN
	// in July, the weeks of 22 and 29 July are not covered (c3, an event
	// recorded on 25 July, is on the Events sheet but in no count); the
	// week of 15 July has 6 covered days and keeps its count.
	f := annex(t, coverage(t, "ml-sn-july"), "en")
	rows, _ := f.GetRows("Frequency", excelize.Options{RawCellValue: true})
	var got []string
	for _, row := range rows[1:] {
		got = append(got, strings.Join(row[3:12], " "))
	}
	want := []string{
		"7 1 0 0 0 0 0 1 1",
		"7 0 0 0 0 0 0 0 0",
		"6 0 0 0 0 0 1 0 1",
		"0        ",
		"0        ",
	}
	if !slices.Equal(got, want) {
		t.Errorf("ml-sn-july, covered days to all events:\n got %q\nwant %q", got, want)
	}
}

// TestFrequencyChart: the native chart is drawn as the letter's: stacked
// columns of the types of political violence and demonstrations only,
// strategic developments as markers of their own, never stacked, the
// comparison period a dashed line of column heights only when the dataset
// covers it, and blank cells (weeks not covered) as gaps, not zeros.
func TestFrequencyChart(t *testing.T) {
	cases := map[string]report.Selection{
		"sample": sample(t), "synthetic": synthetic(t, 500), "quarter": quarter(t),
		"ml-sn-july": coverage(t, "ml-sn-july"), "ml-july": coverage(t, "ml-july"), "all-july": coverage(t, "all-july"),
	}
	for name, sel := range cases {
		t.Run(name, func(t *testing.T) {
			b, _ := write(t, sel, options(t, sel, "en"))
			freq := sel.Frequency()
			drawn, _ := freq.Drawn()
			if drawn.Total() == 0 {
				if strings.Contains(partNames(t, b), "chart") {
					t.Error("a chart of weeks none of which is covered")
				}
				return
			}
			chart := part(t, b, "xl/charts/chart1.xml")
			bars, lines, _ := strings.Cut(chart, "<lineChart>")
			if !strings.Contains(bars, `<barDir val="col"></barDir><grouping val="stacked">`) {
				t.Error("the chart is not a stacked column chart")
			}
			if !strings.Contains(chart, `<dispBlanksAs val="gap">`) {
				t.Error("blank cells are not gaps")
			}
			// Series by the column of their values: types in E to J, the
			// comparison period's column heights in O.
			values := func(xml, col string) bool {
				return strings.Contains(xml, "!$"+col+"$2:$"+col+"$")
			}
			for i, c := range sel.Dataset.Brand.EventColors {
				col := string(rune('E' + i))
				strategic := !report.NotStrategic(i)
				if got := values(bars, col); got != (drawn[i] > 0 && !strategic) {
					t.Errorf("a stacked series of %s: %v, want %v", report.EventTypes()[i], got, drawn[i] > 0 && !strategic)
				}
				if strategic {
					if got := values(lines, col); got != (drawn[i] > 0) {
						t.Errorf("markers of strategic developments: %v, want %v", got, drawn[i] > 0)
					}
					continue
				}
				hex := strings.TrimPrefix(c.Hex(), "#")
				if got := strings.Contains(bars, hex); got != (drawn[i] > 0) {
					t.Errorf("colour %s of %s in the columns: %v, want %v", hex, report.EventTypes()[i], got, drawn[i] > 0)
				}
			}
			if got := values(lines, "O"); got != freq.PreviousCovered {
				t.Errorf("a line of the comparison period: %v, want %v (covered)", got, freq.PreviousCovered)
			}
			if values(chart, "L") || values(chart, "K") || values(chart, "P") {
				t.Error("the chart draws a total column, which would count strategic developments in the columns or twice")
			}
			if !strings.Contains(part(t, b, "xl/worksheets/_rels/sheet8.xml.rels"), "drawing") {
				t.Error("the Frequency sheet does not hold the chart's drawing")
			}
			// The horizontal axis says which weeks are empty for want of
			// data, and which count fewer days.
			axis := map[string][]string{
				"sample": {"Fewer days than a whole week or month: 7 Sep (3 of 7 days covered).",
					"Not covered by the dataset, so neither column nor diamond: 14 Sep – 28 Sep."},
				"ml-sn-july": {"Fewer days than a whole week or month: 15 Jul (6 of 7 days covered).",
					"Not covered by the dataset, so neither column nor diamond: 22 Jul – 29 Jul."},
			}[name]
			for _, want := range axis {
				if !strings.Contains(chart, want) {
					t.Errorf("the horizontal axis does not say %q", want)
				}
			}
		})
	}
}

// TestCorridors: the Corridors sheet lists report.Selection.Corridors in
// its order: hits (political violence) apart from the other events naming
// the corridor, counts by type, and the share, a percentage cell.
func TestCorridors(t *testing.T) {
	sel := sample(t)
	f := annex(t, sel, "en")
	sh := readSheet(t, f, "Corridors", 1)
	rows, _ := f.GetRows("Corridors")
	counts := sel.Corridors()
	if len(rows)-1 != len(counts) {
		t.Fatalf("%d rows, want %d corridors", len(rows)-1, len(counts))
	}
	nonViolent := 0
	for i, c := range counts {
		want := map[string]string{
			"ID":                        c.Corridor.ID,
			"Hits (political violence)": strconv.Itoa(c.Hits()),
			"Other events (demonstrations, strategic developments)": strconv.Itoa(c.Counts.Total() - c.Hits()),
			"All events naming it": strconv.Itoa(c.Counts.Total()),
		}
		for j, typ := range report.EventTypes() {
			want[typ] = strconv.Itoa(c.Counts[j])
		}
		for title, w := range want {
			if got, _ := sh.get(i, title); got != w {
				t.Errorf("row %d (%s), %s: %q, want %q", i+2, c.Corridor.ID, title, got, w)
			}
		}
		got, _ := sh.get(i, "Share of the period’s events")
		share, _ := strconv.ParseFloat(got, 64)
		if want := float64(c.Counts.Total()) / float64(len(sel.Events)); share != want {
			t.Errorf("row %d: share %v, want %v", i+2, share, want)
		}
		if !c.Hit() {
			nonViolent++
		}
	}
	if nonViolent == 0 {
		t.Error("the sample names no corridor in non-violent events alone; the test checks nothing of them")
	}
	cell := fmt.Sprintf("%s2", mustColumn(7+report.NumEventTypes))
	id, _ := f.GetCellStyle("Corridors", cell)
	if st, _ := f.GetStyle(id); st.CustomNumFmt == nil || !strings.HasSuffix(*st.CustomNumFmt, "%") {
		t.Errorf("Corridors!%s: style %+v, want a percentage", cell, st)
	}
}

func mustColumn(n int) string {
	name, err := excelize.ColumnNumberToName(n)
	if err != nil {
		panic(err)
	}
	return name
}

// TestFormulaLikeText: text that begins with =, +, - or @ reads back as
// that text, stored as a string, never as a formula.
func TestFormulaLikeText(t *testing.T) {
	sel := tricky(t)
	b, _ := write(t, sel, options(t, sel, "en"))
	f := open(t, b)
	want := map[string][2]string{ // id: summary, actor1
		"formula-equals": {"=1+1", "=cmd|' /C calc'!A0"},
		"formula-plus":   {`+33 people marched in Kayes; "no casualties" were reported.`, "Protesters (Mali)"},
		"formula-minus":  {"-2 lorries burned at Diboli, près de la frontière sénégalaise.", "-Rioters (Mali)"},
		"formula-at":     {"@SUM(A1:A9)", "@SUM(1+1)*cmd|' /C calc'!A0"},
	}
	for i, e := range sel.Events {
		w, ok := want[e.ID]
		if !ok {
			continue
		}
		for k, key := range []string{"notes", "actor1"} {
			cell := column(key) + strconv.Itoa(i+2)
			if got, _ := f.GetCellValue("Events", cell); got != w[k] {
				t.Errorf("Events!%s: %q, want %q", cell, got, w[k])
			}
			if formula, _ := f.GetCellFormula("Events", cell); formula != "" {
				t.Errorf("Events!%s is the formula %q", cell, formula)
			}
		}
	}
	// In the XML itself: string cells, and no formula but the HYPERLINK()
	// ones there are none of here.
	sheet := part(t, b, "xl/worksheets/sheet2.xml")
	if strings.Contains(sheet, "<f>") {
		t.Error("the Events sheet holds a formula")
	}
	for _, text := range []string{"=1+1", "@SUM(A1:A9)"} {
		re := regexp.MustCompile(`<c r="[A-Z]+\d+"[^>]* t="(inlineStr|s)"><is><t>` + regexp.QuoteMeta(text) + `</t></is></c>`)
		if !re.MatchString(sheet) {
			t.Errorf("%q is not stored as a string cell", text)
		}
	}
}

// TestUnreported: a figure an event does not report is an empty cell, a
// reported zero is 0.
func TestUnreported(t *testing.T) {
	sel := tricky(t)
	f := annex(t, sel, "en")
	for i, e := range sel.Events {
		for key, c := range map[string]report.Count{"fatalities": e.Fatalities, "kidnapped": e.Kidnapped, "vehicles_destroyed": e.VehiclesDestroyed} {
			cell := column(key) + strconv.Itoa(i+2)
			got, _ := f.GetCellValue("Events", cell)
			typ, _ := f.GetCellType("Events", cell)
			if got != c.String() || !c.Reported && typ != excelize.CellTypeUnset {
				t.Errorf("%s %s (Events!%s): %q of type %v, want %q", e.ID, key, cell, got, typ, c.String())
			}
		}
	}
}

// TestLongText: text over Excel's 32,767 characters is cut there, with a
// warning at the event.
func TestLongText(t *testing.T) {
	sel := tricky(t)
	e := &sel.Events[0]
	e.Summary = report.PlainText("en", strings.Repeat("é😀", 20000)) // 60,000 UTF-16 units
	b, diags := write(t, sel, options(t, sel, "en"))
	if len(diags) != 1 || diags[0].Severity != report.Warning || diags[0].Pos != e.Pos ||
		!strings.Contains(diags[0].Message, "32767") {
		t.Errorf("warnings:\n%s\nwant one, at %s, about the 32767-character limit", diags.Error(), e.Pos)
	}
	f := open(t, b)
	got, _ := f.GetCellValue("Events", column("notes")+"2")
	if n := len(utf16.Encode([]rune(got))); n > 32767 || n < 32765 || !strings.HasPrefix(e.Summary.String(), got) {
		t.Errorf("the summary reads back as %d UTF-16 units, want it cut at 32,767", n)
	}
}

// TestDeterministic: the same selection and options give the same bytes,
// chart, links and formulas included.
func TestDeterministic(t *testing.T) {
	cases := map[string]report.Selection{"sample": sample(t), "tricky": tricky(t), "quarter": quarter(t)}
	if !testing.Short() {
		cases["synthetic"] = synthetic(t, manyLinks)
	}
	for name, sel := range cases {
		t.Run(name, func(t *testing.T) {
			opt := options(t, sel, "en")
			a, _ := write(t, sel, opt)
			for range 3 {
				if b, _ := write(t, sel, opt); !bytes.Equal(a, b) {
					t.Fatal("two builds differ")
				}
			}
			opt.Date = time.Date(2030, 1, 2, 3, 4, 5, 0, time.UTC)
			if b, _ := write(t, sel, opt); bytes.Equal(a, b) {
				t.Error("a build dated otherwise is the same")
			}
		})
	}
}

// TestConcurrent: letters are built concurrently; each annex is its own.
func TestConcurrent(t *testing.T) {
	sel := sample(t)
	opt := options(t, sel, "en")
	want, _ := write(t, sel, opt)
	var wg sync.WaitGroup
	results := make([][]byte, 4)
	for i := range results {
		wg.Go(func() {
			var buf bytes.Buffer
			if _, err := xlsx.Write(context.Background(), &buf, sel, opt); err != nil {
				t.Error(err)
			}
			results[i] = buf.Bytes()
		})
	}
	wg.Wait()
	for i, got := range results {
		if !bytes.Equal(got, want) {
			t.Errorf("concurrent build %d differs", i)
		}
	}
}

// TestDocProps: the document properties name the letter and carry the
// given date, not the clock's.
func TestDocProps(t *testing.T) {
	sel := sample(t)
	opt := options(t, sel, "en")
	opt.Date = time.Unix(1700000000, 0)
	b, _ := write(t, sel, opt)
	f := open(t, b)
	p, err := f.GetDocProps()
	if err != nil {
		t.Fatal(err)
	}
	want := excelize.DocProperties{
		Title:    "JNIM in Kayes: Economic Fragility and Cross-Border Threats",
		Creator:  "Timbuktu Institute",
		Created:  "2023-11-14T22:13:20Z",
		Modified: "2023-11-14T22:13:20Z",
		Language: "en",
	}
	if p.Title != want.Title || p.Creator != want.Creator || p.Created != want.Created ||
		p.Modified != want.Modified || p.Language != want.Language || p.Subject == "" || p.Keywords == "" {
		t.Errorf("properties %+v, want %+v", p, want)
	}
	app, _ := f.GetAppProps()
	if app.Application != "briefing test" {
		t.Errorf("application %q, want the generator", app.Application)
	}
	zr, _ := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	for _, zf := range zr.File {
		if !zf.Modified.Equal(time.Date(2023, 11, 14, 22, 13, 20, 0, time.UTC)) {
			t.Errorf("%s dated %s in the zip", zf.Name, zf.Modified)
		}
	}
	// Without a date, the letter's issued date.
	b, _ = write(t, sel, options(t, sel, "en"))
	if p, _ := open(t, b).GetDocProps(); p.Created != "2025-09-30T00:00:00Z" {
		t.Errorf("created %s, want the issued date", p.Created)
	}
}

// aboutRow is one labelled row above the About sheet's table: its value
// (raw, as stored), whether the value cell is empty, and its note.
type aboutRow struct {
	value string
	empty bool
	note  string
}

// aboutRows reads the About sheet's labelled rows, by label.
func aboutRows(t *testing.T, f *excelize.File) map[string]aboutRow {
	t.Helper()
	rows, err := f.GetRows("About", excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	out := map[string]aboutRow{}
	for i, row := range rows[:aboutHeader(t, f, "About")-1] {
		if len(row) < 2 || row[0] == "" {
			continue
		}
		r := aboutRow{value: row[1]}
		if len(row) > 2 {
			r.note = row[2]
		}
		typ, _ := f.GetCellType("About", "B"+strconv.Itoa(i+1))
		r.empty = r.value == "" && typ == excelize.CellTypeUnset
		out[row[0]] = r
	}
	return out
}

// TestAbout: the About sheet names the letter, its data and what the
// dataset covers, and defines every column.
func TestAbout(t *testing.T) {
	sel := sample(t)
	f := annex(t, sel, "en")
	info := aboutRows(t, f)
	want := map[string]string{
		"Title":                                 "JNIM in Kayes",
		"Period":                                "1 June – 30 September 2025",
		"Comparison period":                     "1 February – 31 May 2025 (not covered by the dataset)",
		"Issued":                                "30 September 2025",
		"Language":                              "English",
		"Dataset":                               "Western Sahel incident dataset",
		"Coverage within the period":            "1 June – 9 September 2025, for ML, MR and SN",
		"Coverage within the comparison period": "not covered by the dataset",
		"Data cutoff (last covered day)":        "9 September 2025",
		"Dataset fingerprint":                   sel.Dataset.Fingerprint(),
		"Generated by":                          "briefing test",
	}
	for k, v := range want {
		if info[k].value != v {
			t.Errorf("About %s: %q, want %q", k, info[k].value, v)
		}
	}
	// Every column of every other sheet is defined.
	rows, _ := f.GetRows("About")
	defined := map[string]bool{}
	for _, row := range rows[aboutHeader(t, f, "About"):] {
		if len(row) < 3 || row[2] == "" {
			t.Errorf("definition row %q is incomplete", row)
			continue
		}
		defined[row[0]+"/"+row[1]] = true
	}
	for _, sheet := range sheetNames["en"][1:] {
		r, _ := f.GetRows(sheet)
		for _, col := range r[0] {
			if !defined[sheet+"/"+col] {
				t.Errorf("no definition of %s column %q", sheet, col)
			}
		}
	}
}

// TestAboutCoverage: a letter whose comparison period or days are not all
// covered says so, and one with no covered day has no cutoff.
func TestAboutCoverage(t *testing.T) {
	tests := []struct {
		letter                           string
		previous, coverage, prev, cutoff string
	}{
		{"ml-july", "1 June – 30 June 2025", "1 July – 31 July 2025, for ML", "1 June – 30 June 2025, for ML", "31 July 2025"},
		{"ml-sn-july", "1 June – 30 June 2025", "1 July – 20 July 2025, for ML and SN", "1 June – 30 June 2025, for ML and SN", "20 July 2025"},
		{"all-july", "1 June – 30 June 2025 (not covered by the dataset)", "not covered by the dataset", "not covered by the dataset",
			"no day of the period is covered by the dataset"},
	}
	for _, tt := range tests {
		t.Run(tt.letter, func(t *testing.T) {
			info := aboutRows(t, annex(t, coverage(t, tt.letter), "en"))
			for label, want := range map[string]string{
				"Comparison period":                     tt.previous,
				"Coverage within the period":            tt.coverage,
				"Coverage within the comparison period": tt.prev,
				"Data cutoff (last covered day)":        tt.cutoff,
			} {
				if got := info[label].value; got != want {
					t.Errorf("%s: %q, want %q", label, got, want)
				}
			}
		})
	}
}

// TestAboutKeyFigures: the About sheet's key figures are number cells
// holding report.Selection.KeyFigures, the numbers of the letter's
// key-figures page; a number there is none to give is an empty cell.
func TestAboutKeyFigures(t *testing.T) {
	cases := map[string]report.Selection{
		"sample": sample(t), "tricky": tricky(t),
		"ml-july": coverage(t, "ml-july"), "ml-sn-july": coverage(t, "ml-sn-july"), "all-july": coverage(t, "all-july"),
	}
	for name, sel := range cases {
		t.Run(name, func(t *testing.T) {
			f := annex(t, sel, "en")
			info := aboutRows(t, f)
			k := sel.KeyFigures()
			figure := func(c report.Figure) string { return c.Count.String() }
			previous := ""
			if k.PreviousCovered {
				previous = strconv.Itoa(k.PreviousViolence)
			}
			want := map[string]string{
				"Events in the period":                               strconv.Itoa(k.Events),
				"Political violence events":                          strconv.Itoa(k.Violence),
				"Political violence events in the comparison period": previous,
				"Strategic developments":                             strconv.Itoa(k.Strategic),
				"Demonstrations":                                     strconv.Itoa(k.Demonstrations),
				"Trade corridors hit by political violence":          strconv.Itoa(k.CorridorsHit),
				"People kidnapped":                                   figure(k.Kidnapped),
				"Vehicles destroyed":                                 figure(k.VehiclesDestroyed),
				"Reported fatalities":                                figure(k.Fatalities),
				"Sources in the letter’s sources list":               strconv.Itoa(k.Sources),
				"Sources backing the period’s events":                strconv.Itoa(len(sel.EventSources())),
				"Events recorded outside the coverage":               strconv.Itoa(len(sel.OutsideCoverage())),
			}
			for label, w := range want {
				got, ok := info[label]
				switch {
				case !ok:
					t.Errorf("no row %q", label)
				case got.value != w:
					t.Errorf("%s: %q, want %q", label, got.value, w)
				case w == "" && !got.empty:
					t.Errorf("%s: not an empty cell", label)
				case w != "" && got.note == "":
					t.Errorf("%s: no note saying what it counts", label)
				}
			}
			change := info["Change in political violence events"]
			if pct, ok := k.Change(); ok {
				got, err := strconv.ParseFloat(change.value, 64)
				if err != nil || math.Abs(got-pct/100) > 1e-9 {
					t.Errorf("change %q, want %v", change.value, pct/100)
				}
			} else if !change.empty {
				t.Errorf("change %q, want an empty cell", change.value)
			}
			// The key figures are numbers, not text.
			rows, _ := f.GetRows("About")
			for i, row := range rows {
				if len(row) < 2 || want[row[0]] == "" {
					continue
				}
				if typ, _ := f.GetCellType("About", "B"+strconv.Itoa(i+1)); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
					t.Errorf("About!B%d (%s): cell type %v, want a number", i+1, row[0], typ)
				}
			}
			// The Sources sheet is the letter's sources list.
			sources, _ := f.GetRows("Sources")
			var ids, wantIDs []string
			for _, row := range sources[1:] {
				ids = append(ids, row[0])
			}
			for _, s := range sel.CitedSources() {
				wantIDs = append(wantIDs, s.ID)
			}
			if !slices.Equal(ids, wantIDs) {
				t.Errorf("Sources sheet lists %q, want the letter's sources list %q", ids, wantIDs)
			}
		})
	}
	// The sample's fatalities come from JNIM's own claim, and the note
	// says so.
	info := aboutRows(t, annex(t, sample(t), "en"))
	if note := info["Reported fatalities"].note; !strings.HasPrefix(note, "All claimed by JNIM.") {
		t.Errorf("fatalities note %q, want it to say they are all claimed by JNIM", note)
	}
}

// TestEventCodes: disorder_type (ACLED's wording), geo_precision (a
// number, 1 by default) and claimed_by for every event of the sample.
func TestEventCodes(t *testing.T) {
	sel := sample(t)
	f := annex(t, sel, "en")
	sh := readSheet(t, f, "Events", 1)
	seen := map[string]bool{}
	for i, e := range sel.Events {
		disorder, _ := sh.get(i, "disorder_type")
		geo, _ := sh.get(i, "geo_precision")
		claimed, empty := sh.get(i, "claimed_by")
		if disorder != e.Disorder().String() || disorder == "" {
			t.Errorf("%s: disorder_type %q, want %q", e.ID, disorder, e.Disorder())
		}
		if e.EventType == report.StrategicDevelopments && disorder != "Strategic developments" {
			t.Errorf("%s, a strategic development: disorder_type %q", e.ID, disorder)
		}
		if geo != strconv.Itoa(max(e.GeoPrecision, 1)) {
			t.Errorf("%s: geo_precision %q, want %d", e.ID, geo, e.GeoPrecision)
		}
		if claimed != e.ClaimedBy || e.ClaimedBy == "" && !empty {
			t.Errorf("%s: claimed_by %q, want %q", e.ID, claimed, e.ClaimedBy)
		}
		ref, _ := excelize.CoordinatesToCellName(sh.cols["geo_precision"], i+2)
		if typ, _ := f.GetCellType("Events", ref); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
			t.Errorf("%s: geo_precision is a %v cell, want a number", e.ID, typ)
		}
		seen[e.ID+" "+disorder+" "+geo+" "+claimed] = true
	}
	for _, want := range []string{
		"farabougou-takeover-2025-08-19 Political violence 1 JNIM",
		"kayes-region-positions-attack-2025-07-01 Political violence 3 ",
		"diarra-transport-suspension-2025-09-08 Strategic developments 1 ",
		"nara-region-strikes-2025-07-13 Political violence 2 ",
	} {
		if !seen[want] {
			t.Errorf("no event row %q", want)
		}
	}
}

// TestACLEDColumns: the Events sheet starts with ACLED's 31 columns,
// named and ordered as an ACLED export, then ours, in every language, as
// package acled lists them for ID-events.csv.
func TestACLEDColumns(t *testing.T) {
	if !slices.Equal(acled.Columns, acledColumns) {
		t.Errorf("acled.Columns is %q, want ACLED's %q", acled.Columns, acledColumns)
	}
	sel := sample(t)
	for _, lang := range []string{"en", "fr"} {
		f := annex(t, sel, lang)
		rows, err := f.GetRows(sheetNames[lang][1])
		if err != nil || len(rows) == 0 {
			t.Fatalf("%s: %v", lang, err)
		}
		header := rows[0]
		if len(header) < 31 || !slices.Equal(header[:31], acledColumns) {
			t.Errorf("%s: the first 31 columns are\n%q\nwant ACLED's\n%q", lang, header[:min(31, len(header))], acledColumns)
		}
		if want := slices.Concat(acled.Columns, acled.Extension); !slices.Equal(header, want) {
			t.Errorf("%s: header %q, want %q", lang, header, want)
		}
	}
}

// TestEventValues: the Events sheet writes ACLED's value conventions: the
// country by ACLED's English name with its ISO numeric code and region,
// the publishers of the sources once each, the summary as notes, the year
// as a number; what the dataset does not record is an empty cell.
func TestEventValues(t *testing.T) {
	countries := map[string]struct {
		name string
		iso  int
	}{"ML": {"Mali", 466}, "SN": {"Senegal", 686}, "MR": {"Mauritania", 478}}
	for _, lang := range []string{"en", "fr"} {
		t.Run(lang, func(t *testing.T) {
			sel := sample(t)
			f := annex(t, sel, lang)
			sheet := sheetNames[lang][1]
			sh := readSheet(t, f, sheet, 1)
			for i, e := range sel.Events {
				p, _ := sel.Dataset.Place(e.Place)
				c, ok := countries[p.Country]
				if !ok {
					t.Fatalf("%s: a place in %s, which the test does not know", e.ID, p.Country)
				}
				var publishers []string
				for _, id := range e.Sources {
					s, _ := sel.Dataset.Source(id)
					if !slices.Contains(publishers, s.Publisher) {
						publishers = append(publishers, s.Publisher)
					}
				}
				want := map[string]string{
					"event_id_cnty": e.ID,
					"year":          strconv.Itoa(e.Date.Year),
					"country":       c.name,
					"iso":           strconv.Itoa(c.iso),
					"region":        "Western Africa",
					"admin1":        p.Admin1,
					"location":      p.Name.String(),
					"source":        strings.Join(publishers, "; "),
					"notes":         e.Summary.String(),
					"source_ids":    strings.Join(e.Sources, "; "),
					"corridors":     strings.Join(e.Corridors, "; "),
					"event_type":    e.EventType,
				}
				for col, w := range want {
					if got, _ := sh.get(i, col); got != w {
						t.Errorf("%s %s: %q, want %q", e.ID, col, got, w)
					}
				}
				// The dataset codes none of these: empty, never guessed.
				for _, col := range []string{"inter1", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
					"admin3", "source_scale", "tags", "timestamp"} {
					if got, empty := sh.get(i, col); !empty {
						t.Errorf("%s %s: %q, want an empty cell", e.ID, col, got)
					}
				}
				for _, col := range []string{"year", "iso", "latitude", "time_precision"} {
					ref, _ := excelize.CoordinatesToCellName(sh.cols[col], i+2)
					if typ, _ := f.GetCellType(sheet, ref); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
						t.Errorf("%s %s: a %v cell, want a number", e.ID, col, typ)
					}
				}
			}
		})
	}
}

// TestLinkSheets: the link sheets hold one row per pair of an event and
// one of its sources, corridors or targets, every one of them, so that a
// pivot over them gives the letter's numbers: events by corridor (all,
// and the hits), events by target, sources by event.
func TestLinkSheets(t *testing.T) {
	cases := map[string]report.Selection{"sample": sample(t), "tricky": tricky(t), "synthetic": synthetic(t, 500)}
	for name, sel := range cases {
		t.Run(name, func(t *testing.T) {
			f := annex(t, sel, "en")

			// Event sources: every source of every event, in order, with
			// the source's fields.
			rows, _ := f.GetRows("Event sources")
			pairs := eventSourcePairs(sel)
			if len(rows)-1 != len(pairs) {
				t.Fatalf("Event sources: %d rows, want %d pairs", len(rows)-1, len(pairs))
			}
			sh := readSheet(t, f, "Event sources", 1)
			for i, p := range pairs {
				s, _ := sel.Dataset.Source(p[1])
				for col, want := range map[string]string{
					"event_id_cnty": p[0], "source_id": p[1], "publisher": s.Publisher, "title": s.Title,
					"date_precision": precisionOf(s.Date),
				} {
					if got, _ := sh.get(i, col); got != want {
						t.Errorf("Event sources row %d %s: %q, want %q", i+2, col, got, want)
					}
				}
			}

			// Event corridors, pivoted: events by corridor, and hits.
			all, hits := map[string]int{}, map[string]int{}
			rows, _ = f.GetRows("Event corridors")
			for _, r := range rows[1:] {
				all[r[1]]++
				if strings.Contains(r[4], "Political violence") {
					hits[r[1]]++
				}
			}
			pairsN := 0
			for _, e := range sel.Events {
				pairsN += len(slices.Compact(slices.Sorted(slices.Values(e.Corridors))))
			}
			if len(rows)-1 != pairsN {
				t.Errorf("Event corridors: %d rows, want %d pairs", len(rows)-1, pairsN)
			}
			counts := sel.Corridors()
			if len(all) != len(counts) {
				t.Errorf("Event corridors names %d corridors, the Corridors sheet %d", len(all), len(counts))
			}
			for _, c := range counts {
				if all[c.Corridor.ID] != c.Counts.Total() || hits[c.Corridor.ID] != c.Hits() {
					t.Errorf("corridor %s: %d events and %d hits on Event corridors, want %d and %d",
						c.Corridor.ID, all[c.Corridor.ID], hits[c.Corridor.ID], c.Counts.Total(), c.Hits())
				}
			}

			// Event targets, pivoted: events by target, as the letter's
			// targets chart counts them.
			byTarget := map[string]int{}
			rows, _ = f.GetRows("Event targets")
			for _, r := range rows[1:] {
				byTarget[r[1]]++
			}
			targets := sel.Targets()
			if len(byTarget) != len(targets) {
				t.Errorf("Event targets has %d tags, the letter %d", len(byTarget), len(targets))
			}
			for _, tc := range targets {
				if byTarget[tc.Tag] != tc.N {
					t.Errorf("target %s: %d rows, want %d events", tc.Tag, byTarget[tc.Tag], tc.N)
				}
			}
		})
	}
}

// TestSourceDates: a source's date is a date cell whatever its precision
// (the first day of its month or year when only that is known), and the
// precision is a column of codes, the same in every language.
func TestSourceDates(t *testing.T) {
	sel := sample(t)
	seen := map[string]bool{}
	for _, lang := range []string{"en", "fr"} {
		f := annex(t, sel, lang)
		// Columns, from 1, of the source's id, date and precision.
		for _, s := range []struct {
			sheet          string
			id, date, prec int
		}{
			{sheetNames[lang][5], 1, 3, 4}, // Sources
			{sheetNames[lang][2], 2, 5, 6}, // Event sources
		} {
			rows, _ := f.GetRows(s.sheet)
			for i, row := range rows[1:] {
				src, ok := sel.Dataset.Source(row[s.id-1])
				if !ok {
					t.Fatalf("%s row %d: no source %q", s.sheet, i+2, row[s.id-1])
				}
				ref, _ := excelize.CoordinatesToCellName(s.date, i+2)
				if typ, _ := f.GetCellType(s.sheet, ref); typ != excelize.CellTypeUnset && typ != excelize.CellTypeNumber {
					t.Errorf("%s!%s (%s, %s): a %v cell, want a date", s.sheet, ref, src.ID, src.Date, typ)
				}
				if got := row[s.date-1]; got != publishedDay(src.Date) {
					t.Errorf("%s!%s (%s): %q, want %q", s.sheet, ref, src.ID, got, publishedDay(src.Date))
				}
				if got := row[s.prec-1]; got != precisionOf(src.Date) {
					t.Errorf("%s row %d (%s): precision %q, want %q", s.sheet, i+2, src.ID, got, precisionOf(src.Date))
				}
				seen[row[s.prec-1]] = true
			}
		}
	}
	for _, p := range []string{"day", "month", "year"} {
		if !seen[p] {
			t.Errorf("no source of the sample is dated to the %s; the test checks nothing of it", p)
		}
	}
}

// publishedDay is how a source's date reads in the annex: the day, or the
// first of its month or year.
func publishedDay(d report.PartialDate) string {
	return report.Date{Year: d.Year, Month: max(d.Month, 1), Day: max(d.Day, 1)}.String()
}

func precisionOf(d report.PartialDate) string {
	switch {
	case d.Month == 0:
		return "year"
	case d.Day == 0:
		return "month"
	}
	return "day"
}

func TestCancel(t *testing.T) {
	sel := sample(t)
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	if _, err := xlsx.Write(ctx, io.Discard, sel, options(t, sel, "en")); !errors.Is(err, context.Canceled) {
		t.Errorf("Write with a cancelled context: %v, want context.Canceled", err)
	}
}

// TestEmpty: a letter whose period has no event still gives a valid
// annex, with empty tables and no chart.
func TestEmpty(t *testing.T) {
	sel := sample(t)
	sel.Events, sel.PreviousEvents = nil, nil
	b, _ := write(t, sel, options(t, sel, "en"))
	f := open(t, b)
	rows, _ := f.GetRows("Events")
	if len(rows) != 1 {
		t.Errorf("%d rows in Events, want the header alone", len(rows))
	}
	if tables, _ := f.GetTables("Corridors"); len(tables) != 1 {
		t.Error("no table on an empty Corridors sheet")
	}
	if strings.Contains(partNames(t, b), "chart") {
		t.Error("a chart of no events")
	}
}

// TestWriteOut writes the sample's annex in each language, and that of a
// letter with weeks the dataset does not cover, into the -out folder, to
// look at them as a reader would (in Excel, or rendered with LibreOffice:
// soffice --headless --convert-to pdf). Without -out it does nothing.
func TestWriteOut(t *testing.T) {
	if *outDir == "" {
		t.Skip("no -out folder")
	}
	cases := []struct {
		name string
		sel  report.Selection
		lang string
	}{
		{"kayes.en", sample(t), "en"},
		{"kayes.fr", sample(t), "fr"},
		{"ml-sn-july.en", coverage(t, "ml-sn-july"), "en"},
		{"ml-july.en", coverage(t, "ml-july"), "en"},
	}
	for _, c := range cases {
		b, _ := write(t, c.sel, options(t, c.sel, c.lang))
		if err := os.WriteFile(filepath.Join(*outDir, c.name+".xlsx"), b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
}

// TestGolden compares every sheet's cells, as a reader sees them, with
// testdata/*.tsv.golden (go test -update rewrites them).
func TestGolden(t *testing.T) {
	cases := []struct {
		name string
		sel  report.Selection
		lang string
	}{
		{"kayes.en", sample(t), "en"},
		{"kayes.fr", sample(t), "fr"},
		{"tricky.en", tricky(t), "en"},
		// Weeks not covered, an event recorded outside the coverage, a
		// covered comparison period.
		{"ml-sn-july.en", coverage(t, "ml-sn-july"), "en"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			f := annex(t, c.sel, c.lang)
			got := dump(t, f)
			// The fingerprint of a fixture assembled in a temporary folder
			// depends on nothing but its files; keep it in the golden file.
			path := filepath.Join("testdata", c.name+".tsv.golden")
			if *update {
				if err := os.WriteFile(path, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("%v (run go test -update to create it)", err)
			}
			if got != string(want) {
				t.Errorf("the annex differs from %s (go test -update rewrites it); got:\n%s", path, got)
			}
		})
	}
}

// dump writes every sheet's cells as TSV, each followed by <link> when it
// links to the address it shows, or by <ADDRESS> when it links elsewhere.
func dump(t *testing.T, f *excelize.File) string {
	t.Helper()
	esc := strings.NewReplacer("\\", `\\`, "\t", `\t`, "\n", `\n`)
	var b strings.Builder
	for _, sheet := range f.GetSheetList() {
		dim, _ := f.GetSheetDimension(sheet)
		fmt.Fprintf(&b, "== %s %s\n", sheet, dim)
		rows, err := f.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		for r, row := range rows {
			for c, v := range row {
				if c > 0 {
					b.WriteByte('\t')
				}
				b.WriteString(esc.Replace(v))
				cell, _ := excelize.CoordinatesToCellName(c+1, r+1)
				if ok, link, _ := f.GetCellHyperLink(sheet, cell); ok {
					if link == v {
						link = "link"
					}
					fmt.Fprintf(&b, " <%s>", link)
				}
			}
			b.WriteByte('\n')
		}
	}
	return b.String()
}

// TestOpenpyxl reads the annex as pandas does, with openpyxl in read-only
// mode, which trusts each sheet's dimension, and cached values.
func TestOpenpyxl(t *testing.T) {
	python := pythonWithOpenpyxl()
	if python == "" {
		t.Skip("no python3 with openpyxl: install Debian's python3-openpyxl to read the annex as pandas does")
	}
	cases := map[string]report.Selection{"sample": sample(t), "tricky": tricky(t), "ml-sn-july": coverage(t, "ml-sn-july")}
	for name, sel := range cases {
		t.Run(name, func(t *testing.T) {
			b, _ := write(t, sel, options(t, sel, "en"))
			openpyxl(t, python, b, expectations(t, sel, open(t, b)))
		})
	}
	t.Run("many links", func(t *testing.T) {
		if testing.Short() {
			t.Skip("writes 12,000 events")
		}
		sel := synthetic(t, manyLinks)
		b, _ := write(t, sel, options(t, sel, "en"))
		openpyxl(t, python, b, expectations(t, sel, open(t, b)))
	})
}

// expectations lists, sheet by sheet, the extent excelize reads and the
// values a pandas user must find: the Events sheet's dates, summaries,
// links and figures, as values, not text.
func expectations(t *testing.T, sel report.Selection, f *excelize.File) []any {
	t.Helper()
	var sheets []any
	for _, sheet := range f.GetSheetList() {
		rows, _ := f.GetRows(sheet)
		cols := 0
		for _, row := range rows {
			cols = max(cols, len(row))
		}
		// An Excel table has at least one data row, empty when the sheet
		// has none (a letter naming no corridor): the dimension counts it.
		maxRow := len(rows)
		if tables, _ := f.GetTables(sheet); len(tables) == 1 {
			_, end, _ := excelize.CellNameToCoordinates(strings.Split(tables[0].Range, ":")[1])
			maxRow = max(maxRow, end)
		}
		cells := map[string]any{}
		for _, ref := range []string{"A2", "B2"} {
			v, _ := f.GetCellValue(sheet, ref)
			cells[ref] = v
			if v == "" {
				cells[ref] = nil
			}
		}
		if sheet == "About" {
			cells = map[string]any{"A1": "Annex: the events and sources behind the letter", "B2": nil}
		}
		if sheet == "Events" {
			for i, e := range sel.Events {
				if i > 50 && i%997 != 0 {
					continue
				}
				row := strconv.Itoa(i + 2)
				cells[column("event_id_cnty")+row] = e.ID
				cells[column("event_date")+row] = e.Date.String()
				cells[column("year")+row] = e.Date.Year
				cells[column("notes")+row] = e.Summary.String()
				cells[column("inter1")+row] = nil
				cells[column("fatalities")+row] = nil
				if e.Fatalities.Reported {
					cells[column("fatalities")+row] = e.Fatalities.N
				}
			}
		}
		if sheet == "Event sources" {
			// Dates are dates, whatever the precision, and links show
			// their address.
			for i, p := range eventSourcePairs(sel) {
				if i > 50 && i%997 != 0 {
					continue
				}
				row := strconv.Itoa(i + 2)
				s, _ := sel.Dataset.Source(p[1])
				cells["A"+row], cells["B"+row] = p[0], p[1]
				cells["E"+row] = publishedDay(s.Date)
				cells["F"+row] = precisionOf(s.Date)
				cells["G"+row] = nil
				if s.URL != "" {
					cells["G"+row] = s.URL
				}
			}
		}
		if sheet == "Frequency" {
			// A week the dataset does not cover reads as None (NaN in
			// pandas), never 0; columns D, E and K are its covered days,
			// Battles and column height.
			for i, b := range sel.Frequency().Buckets {
				row := strconv.Itoa(i + 2)
				cells["D"+row] = b.CoveredDays
				cells["E"+row], cells["K"+row] = nil, nil
				if b.Covered() {
					cells["E"+row], cells["K"+row] = b.Counts[0], b.Counts.Sum(report.NotStrategic)
				}
			}
		}
		sheets = append(sheets, []any{sheet, map[string]any{"max_row": maxRow, "max_column": cols, "rows": len(rows), "cells": cells}})
	}
	return sheets
}

// openpyxl runs testdata/openpyxl_check.py on an annex.
func openpyxl(t *testing.T, python string, annex []byte, expected []any) {
	t.Helper()
	dir := t.TempDir()
	annexPath, expectedPath := filepath.Join(dir, "annex.xlsx"), filepath.Join(dir, "expected.json")
	js, _ := json.MarshalIndent(expected, "", "  ")
	if err := os.WriteFile(annexPath, annex, 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(expectedPath, js, 0o644); err != nil {
		t.Fatal(err)
	}
	out, err := exec.Command(python, "testdata/openpyxl_check.py", annexPath, expectedPath).CombinedOutput()
	if err != nil {
		t.Errorf("openpyxl: %v\n%s", err, out)
	}
}

// pythonWithOpenpyxl returns a python3 that imports openpyxl: the one on
// PATH, or Debian's.
func pythonWithOpenpyxl() string {
	for _, name := range []string{"python3", "/usr/bin/python3"} {
		path, err := exec.LookPath(name)
		if err == nil && exec.Command(path, "-c", "import openpyxl").Run() == nil {
			return path
		}
	}
	return ""
}

// synthetic returns the selection of a synthetic data folder of n events,
// made once per test binary.
func synthetic(t testing.TB, n int) report.Selection {
	t.Helper()
	synthMu.Lock()
	defer synthMu.Unlock()
	if sel, ok := synthCache[n]; ok {
		return sel
	}
	dir, err := os.MkdirTemp("", "briefing-synth-")
	if err != nil {
		t.Fatal(err)
	}
	synthDirs = append(synthDirs, dir)
	if err := synth.Write(dir, n, 1); err != nil {
		t.Fatal(err)
	}
	synthCache[n] = load(t, dir, synth.LetterID)
	return synthCache[n]
}

// quarter returns the selection of a synthetic letter of one quarter, July
// to September 2025, whose comparison period has events: its frequency
// chart has a line of the previous period.
func quarter(t testing.TB) report.Selection {
	t.Helper()
	sel := synthetic(t, 3000)
	l := *sel.Letter
	l.Period = report.Period{From: report.Date{Year: 2025, Month: time.July, Day: 1}, To: report.Date{Year: 2025, Month: time.September, Day: 30}}
	return sel.Dataset.Select(&l)
}

var (
	synthMu    sync.Mutex
	synthCache = map[int]report.Selection{}
	synthDirs  []string
)

func TestMain(m *testing.M) {
	flag.Parse()
	code := m.Run()
	for _, dir := range synthDirs {
		os.RemoveAll(dir)
	}
	os.Exit(code)
}

// manyLinks is enough events for more than 10,000 of them to link to a
// source, so that links become HYPERLINK() formulas.
const manyLinks = 12000

// part returns one part of the workbook package.
func part(t *testing.T, b []byte, name string) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	rc, err := zr.Open(name)
	if err != nil {
		t.Fatalf("no %s in the package: %v", name, err)
	}
	defer rc.Close()
	data, err := io.ReadAll(rc)
	if err != nil {
		t.Fatal(err)
	}
	return string(data)
}

func partNames(t *testing.T, b []byte) string {
	t.Helper()
	zr, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
	if err != nil {
		t.Fatal(err)
	}
	var names []string
	for _, f := range zr.File {
		names = append(names, f.Name)
	}
	return strings.Join(names, "\n")
}
