package build_test

import (
	"bytes"
	"context"
	"encoding/csv"
	"encoding/json"
	"reflect"
	"slices"
	"strconv"
	"testing"
	"time"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"

	"briefing/internal/build"
	"briefing/report"
	"briefing/report/acled"
)

// TestEventsCSV: every build writes ID-events.csv, lists it in the
// manifest, writes the same bytes every time, and gives it the columns and
// values of the annex's Events sheet; package acled reads it back into the
// rows it was written from.
func TestEventsCSV(t *testing.T) {
	ds, diags := report.Load("../../data")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	l, _ := ds.Letter("2025-09-kayes")
	env, err := build.NewEnv("briefing test", time.Date(2025, 9, 30, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	file := func(files []build.File, path string) []byte {
		t.Helper()
		for _, f := range files {
			if f.Path == path {
				return f.Data
			}
		}
		t.Fatalf("the build wrote no %s", path)
		return nil
	}
	var first []build.File
	for i := range 3 {
		files, _, err := build.Letter(context.Background(), ds, l, env)
		if err != nil {
			t.Fatal(err)
		}
		if i == 0 {
			first = files
			continue
		}
		for _, path := range []string{build.EventsPath(l), build.ManifestName} {
			if !bytes.Equal(file(files, path), file(first, path)) {
				t.Errorf("build %d: %s differs from the first build's", i+1, path)
			}
		}
	}
	data := file(first, build.EventsPath(l))
	if build.EventsPath(l) != "2025-09-kayes-events.csv" {
		t.Errorf("EventsPath = %q", build.EventsPath(l))
	}

	// Listed in the plan and in the manifest, with its hash.
	plan, err := build.Plan(ds, l, env)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.ContainsFunc(plan.Outputs, func(o build.Output) bool { return o.Path == build.EventsPath(l) }) {
		t.Errorf("the plan's outputs %v do not name %s", plan.Outputs, build.EventsPath(l))
	}
	var m build.Manifest
	if err := json.Unmarshal(file(first, build.ManifestName), &m); err != nil {
		t.Fatal(err)
	}
	i := slices.IndexFunc(m.Outputs, func(o build.Output) bool { return o.Path == build.EventsPath(l) })
	if i < 0 || m.Outputs[i].Size != len(data) {
		t.Errorf("the manifest's outputs %v do not list %s of %d bytes", m.Outputs, build.EventsPath(l), len(data))
	}

	// UTF-8, comma-separated, the columns and values of the Events sheet.
	if !utf8.Valid(data) {
		t.Error("the CSV is not UTF-8")
	}
	records, err := csv.NewReader(bytes.NewReader(bytes.TrimPrefix(data, []byte("\uFEFF")))).ReadAll()
	if err != nil {
		t.Fatalf("reading the CSV: %v", err)
	}
	book, err := excelize.OpenReader(bytes.NewReader(file(first, build.AnnexPath(l))))
	if err != nil {
		t.Fatal(err)
	}
	defer book.Close()
	sheet, err := book.GetRows("Events")
	if err != nil {
		t.Fatal(err)
	}
	if want := slices.Concat(acled.Columns, acled.Extension); !slices.Equal(records[0], want) || !slices.Equal(sheet[0], want) {
		t.Fatalf("header:\n CSV    %q\n annex  %q\nwant %q", records[0], sheet[0], want)
	}
	if len(records) != len(sheet) {
		t.Fatalf("%d rows in the CSV, %d on the Events sheet", len(records), len(sheet))
	}
	// One error per column, with its first differing row: a column that
	// differs usually differs everywhere.
	differs := map[string]bool{}
	for r := 1; r < len(records); r++ {
		for c, name := range records[0] {
			if differs[name] {
				continue
			}
			got, want := records[r][c], ""
			if c < len(sheet[r]) {
				want = sheet[r][c]
			}
			if got == want {
				continue
			}
			// The sheet shows coordinates to ACLED's four decimals.
			g, err1 := strconv.ParseFloat(got, 64)
			w, err2 := strconv.ParseFloat(want, 64)
			if (name == "latitude" || name == "longitude") && err1 == nil && err2 == nil && strconv.FormatFloat(g, 'f', 4, 64) == strconv.FormatFloat(w, 'f', 4, 64) {
				continue
			}
			differs[name] = true
			t.Errorf("%s: %q in the CSV, %q on the Events sheet (row %d, %s, and maybe others)", name, got, want, r+1, records[r][0])
		}
	}

	// Read back: the rows it was written from.
	rows, problems := acled.ReadCSV(data)
	for _, p := range problems {
		t.Errorf("reading ID-events.csv back: line %d, %s %q: %s", p.Line, p.Column, p.Value, p.Message)
	}
	want := ds.Select(l).ACLEDRows()
	if len(rows) != len(want) {
		t.Fatalf("read back %d rows, want %d", len(rows), len(want))
	}
	for i := range rows {
		got := rows[i]
		got.Line, got.Population = 0, nil
		if !reflect.DeepEqual(got, want[i]) {
			t.Errorf("row %d read back as\n%+v\nwant\n%+v", i+1, got, want[i])
		}
	}
}
