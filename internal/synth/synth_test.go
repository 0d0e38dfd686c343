package synth_test

import (
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"
	"unicode/utf8"

	"briefing/internal/synth"
	"briefing/report"
)

var _ = flag.Bool("update", false, "rewrite golden files (none in this package)")

// TestLoads: a synthetic folder loads with no error and no warning, holds
// what was asked for, and covers every event type and sub-type.
func TestLoads(t *testing.T) {
	for _, n := range []int{1, 7, 2000} {
		dir := t.TempDir()
		if err := synth.Write(dir, n, 1); err != nil {
			t.Fatal(err)
		}
		ds, diags := report.Load(dir)
		if len(diags) > 0 {
			t.Fatalf("%d events: Load reported:\n%s", n, diags.Error())
		}
		if len(ds.Events) != n {
			t.Errorf("%d events: loaded %d", n, len(ds.Events))
		}
		l, ok := ds.Letter(synth.LetterID)
		if !ok {
			t.Fatalf("%d events: no letter %q", n, synth.LetterID)
		}
		sel := ds.Select(l)
		if len(sel.Events) != n {
			t.Errorf("%d events: the letter selects %d", n, len(sel.Events))
		}
		if n < 2000 {
			continue
		}
		subTypes := map[string]bool{}
		var unreported, long, formulaLike, partialDates, unlinked int
		for _, e := range ds.Events {
			subTypes[e.EventType+"/"+e.SubEventType] = true
			if !e.Fatalities.Reported {
				unreported++
			}
			if len(e.Summary.String()) > 500 {
				long++
			}
			switch e.Summary.String()[0] {
			case '=', '-', '+', '@':
				formulaLike++
			}
		}
		for _, s := range ds.Sources {
			if s.Date.Day == 0 {
				partialDates++
			}
			if s.URL == "" {
				unlinked++
			}
		}
		want := 0
		for _, typ := range report.EventTypes() {
			want += len(report.SubEventTypes(typ))
		}
		if len(subTypes) != want {
			t.Errorf("%d sub-types drawn, want all %d", len(subTypes), want)
		}
		for name, got := range map[string]int{"unreported fatalities": unreported, "long summaries": long,
			"summaries like formulas": formulaLike, "partial source dates": partialDates, "sources without url": unlinked} {
			if got == 0 {
				t.Errorf("no %s in 2,000 events", name)
			}
		}
	}
}

// TestDeterministic: the same seed writes the same files; another seed
// other files.
func TestDeterministic(t *testing.T) {
	a, b, c := t.TempDir(), t.TempDir(), t.TempDir()
	for dir, seed := range map[string]int64{a: 7, b: 7, c: 8} {
		if err := synth.Write(dir, 300, seed); err != nil {
			t.Fatal(err)
		}
	}
	if read(t, a) != read(t, b) {
		t.Error("two folders of the same seed differ")
	}
	if read(t, a) == read(t, c) {
		t.Error("two folders of different seeds are the same")
	}
}

func read(t *testing.T, dir string) string {
	t.Helper()
	var all string
	err := filepath.WalkDir(dir, func(path string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		b, err := os.ReadFile(path)
		all += path[len(dir):] + "\n" + string(b)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return all
}

func TestRefuses(t *testing.T) {
	if err := synth.Write(t.TempDir(), 0, 1); err == nil {
		t.Error("Write of 0 events succeeded; want an error")
	}
	dir := t.TempDir()
	if err := synth.Write(dir, 10, 1); err != nil {
		t.Fatal(err)
	}
	if err := synth.Write(dir, 10, 2); err == nil {
		t.Error("Write into a data folder succeeded; want an error")
	}
}

// TestNoBrokenCharacters: no text holds U+FFFD, over enough sources that
// some titles begin with an accented letter (a first letter upper-cased
// byte by byte once cut "é" in two, which YAML then read as U+FFFD).
func TestNoBrokenCharacters(t *testing.T) {
	dir := t.TempDir()
	if err := synth.Write(dir, 5000, 7); err != nil {
		t.Fatal(err)
	}
	ds, diags := report.Load(dir)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	for _, s := range ds.Sources {
		if strings.ContainsRune(s.Title, utf8.RuneError) {
			t.Errorf("source %s: title %q holds U+FFFD", s.ID, s.Title)
		}
	}
}

// TestCSVSameAsYAML: the CSV form of a dataset loads to the same events
// as its YAML form, and to the same places and sources: no row makes a
// place or a source of its own.
func TestCSVSameAsYAML(t *testing.T) {
	for _, n := range []int{1, 500} {
		yamlDir, csvDir := t.TempDir(), t.TempDir()
		if err := synth.Write(yamlDir, n, 3); err != nil {
			t.Fatal(err)
		}
		if err := synth.WriteCSV(csvDir, n, 3); err != nil {
			t.Fatal(err)
		}
		if _, err := os.Stat(filepath.Join(csvDir, filepath.FromSlash(synth.CSVFile))); err != nil {
			t.Fatal(err)
		}
		if found, _ := filepath.Glob(filepath.Join(csvDir, "events", "*.yaml")); len(found) > 0 {
			t.Errorf("WriteCSV wrote %v", found)
		}
		fromYAML, diags := report.Load(yamlDir)
		if len(diags) > 0 {
			t.Fatalf("%d events, YAML: Load reported:\n%s", n, diags.Error())
		}
		fromCSV, diags := report.Load(csvDir)
		if len(diags) > 0 {
			t.Fatalf("%d events, CSV: Load reported:\n%s", n, diags.Error())
		}
		if len(fromCSV.Events) != n || len(fromYAML.Events) != n {
			t.Fatalf("%d events: loaded %d from CSV, %d from YAML", n, len(fromCSV.Events), len(fromYAML.Events))
		}
		for i := range fromYAML.Events {
			y, c := fromYAML.Events[i], fromCSV.Events[i]
			y.Pos, c.Pos = report.Position{}, report.Position{}
			if !reflect.DeepEqual(y, c) {
				t.Errorf("%d events: event %d differs:\nYAML %+v\nCSV  %+v", n, i, y, c)
			}
		}
		if len(fromCSV.Places) != len(fromYAML.Places) || len(fromCSV.Sources) != len(fromYAML.Sources) {
			t.Errorf("%d events: CSV gives %d places and %d sources, YAML %d and %d", n,
				len(fromCSV.Places), len(fromCSV.Sources), len(fromYAML.Places), len(fromYAML.Sources))
		}
	}
}

func TestWriteCSVRefuses(t *testing.T) {
	dir := t.TempDir()
	if err := synth.WriteCSV(dir, 10, 1); err != nil {
		t.Fatal(err)
	}
	for name, write := range map[string]func(string, int, int64) error{"Write": synth.Write, "WriteCSV": synth.WriteCSV} {
		if err := write(dir, 10, 2); err == nil {
			t.Errorf("%s into a data folder succeeded; want an error", name)
		}
	}
}
