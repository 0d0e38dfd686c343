package main

import (
	"bytes"
	"context"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"briefing/internal/build"
	"briefing/internal/fixture"
	"briefing/report"
	"briefing/report/acled"
)

// acledFixture is the checked-in ACLED export of the sample's region and
// months (see report/acled/fixture_test.go).
const acledFixture = "../../report/acled/testdata/sahel-2025.csv"

// sampleRoot lays a copy of the sample data folder, with the example ACLED
// rules, in a temporary folder and changes to it.
func sampleRoot(t *testing.T) {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	root := fixture.Assemble(t, filepath.Join(wd, "../../data"), "")
	copyFile(t, filepath.Join(wd, "../../report/testdata/acled/acled-rules.yaml"), filepath.Join(root, "data", report.RulesFile))
	copyFile(t, filepath.Join(wd, acledFixture), filepath.Join(root, "sahel-2025.csv"))
	t.Chdir(root)
}

func copyFile(t *testing.T, from, to string) {
	t.Helper()
	b, err := os.ReadFile(from)
	if err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(to, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

// TestImport: import writes the YAML validate accepts, the same to a file
// and to standard output, the same again over its own earlier output, and
// from an export lying in events/ (with a note to remove it).
func TestImport(t *testing.T) {
	sampleRoot(t)
	const out = "data/events/acled-2025.yaml"
	code, stdout, stderr := briefing(t, "import", "acled", "-o", out, "sahel-2025.csv")
	if code != exitOK || stdout != "" {
		t.Fatalf("exit %d, stdout %q, stderr:\n%s", code, stdout, stderr)
	}
	wantErr := "sahel-2025.csv: 360 events, 21 new places, 52 new sources, written to data/events/acled-2025.yaml\n" +
		"note: the export runs from 2025-06-01 to 2025-09-29; if it holds every event of those days for ML, MR, SN, declare it in dataset.yaml under coverage: - {from: 2025-06-01, to: 2025-09-29, countries: [ML, MR, SN]}\n"
	if stderr != wantErr {
		t.Errorf("stderr:\n%s\nwant:\n%s", stderr, wantErr)
	}
	written, err := os.ReadFile(out)
	if err != nil {
		t.Fatal(err)
	}
	if info, _ := os.Stat(out); info.Mode().Perm() != 0o644 {
		t.Errorf("the file's mode is %v", info.Mode())
	}
	if code, _, stderr := briefing(t, "validate"); code != exitOK {
		t.Fatalf("validate refuses the import:\n%s", stderr)
	}
	// Again over its own output: that file is left out of the data
	// folder the import matches against, so the same bytes.
	code, _, stderr = briefing(t, "import", "acled", "-o", out, "sahel-2025.csv")
	again, _ := os.ReadFile(out)
	if code != exitOK || !bytes.Equal(again, written) {
		t.Errorf("importing again over the same file: exit %d, same bytes %v, stderr:\n%s", code, bytes.Equal(again, written), stderr)
	}
	// To standard output, the earlier import still in events/: its ids
	// are taken.
	code, stdout, stderr = briefing(t, "import", "acled", "sahel-2025.csv")
	if code != exitInvalid || stdout != "" || !strings.HasPrefix(stderr, `sahel-2025.csv:2: event_id_cnty "MLI41134" gives the event id "mli41134", which is already defined at data/events/acled-2025.yaml:`) {
		t.Errorf("importing twice: exit %d, stderr:\n%.300s", code, stderr)
	}
	os.Remove(out)
	code, stdout, stderr = briefing(t, "import", "acled", "sahel-2025.csv")
	if code != exitOK || stdout != string(written) || !strings.HasPrefix(stderr, "sahel-2025.csv: 360 events, 21 new places, 52 new sources, written to standard output\n") {
		t.Errorf("standard output differs from the file written with -o; stderr:\n%s", stderr)
	}
	// An export in events/, where briefing reads it too.
	if err := os.Rename("sahel-2025.csv", "data/events/sahel-2025.csv"); err != nil {
		t.Fatal(err)
	}
	code, _, stderr = briefing(t, "import", "acled", "-o", out, "data/events/sahel-2025.csv")
	if code != exitOK || !strings.Contains(stderr, "note: data/events/sahel-2025.csv lies in data/events, where briefing reads it too: remove it when you add the YAML, or its events are defined twice") {
		t.Errorf("from events/: exit %d, stderr:\n%s", code, stderr)
	}
	if b, _ := os.ReadFile(out); !bytes.Equal(b, written) {
		t.Error("importing from events/ wrote other YAML")
	}
}

// TestImportRules: --rules takes corridors and targets from a file
// outside the data folder, and a broken rules file is an error at its
// place, with nothing written.
func TestImportRules(t *testing.T) {
	sampleRoot(t)
	os.Remove(filepath.Join("data", report.RulesFile))
	os.WriteFile("rules.yaml", []byte("acled_rules:\n  corridors:\n    - {admin1: Kayes, corridors: [kayes-nioro]}\n"), 0o644)
	code, stdout, stderr := briefing(t, "import", "acled", "--rules", "rules.yaml", "sahel-2025.csv")
	if code != exitOK || !strings.Contains(stdout, "corridors: [kayes-nioro]") || strings.Contains(stdout, "targets:") {
		t.Fatalf("exit %d, stderr:\n%s", code, stderr)
	}
	os.WriteFile("rules.yaml", []byte("acled_rules:\n  corridors:\n    - {admin1: Kayes, corridors: [rn99]}\n"), 0o644)
	code, stdout, stderr = briefing(t, "import", "acled", "--rules", "rules.yaml", "-o", "data/events/x.yaml", "sahel-2025.csv")
	want := "rules.yaml:3:35: corridor rule refers to unknown corridor \"rn99\"; define it in corridors.yaml\nbriefing: 1 error in rules.yaml; fix them and run again\n"
	if code != exitInvalid || stdout != "" || stderr != want {
		t.Errorf("exit %d, stderr:\n%s\nwant:\n%s", code, stderr, want)
	}
	if _, err := os.Stat("data/events/x.yaml"); err == nil {
		t.Error("a failed import wrote its file")
	}
}

// TestBuildWithACLED builds the sample letter from a data folder holding
// the YAML events and the ACLED fixture together: the letter counts the
// export's events, its annex lists them, and its ID-events.csv reads back.
func TestBuildWithACLED(t *testing.T) {
	sampleRoot(t)
	copyFile(t, "sahel-2025.csv", "data/events/sahel-2025.csv")
	ds, diags := report.Load("data")
	if len(diags) > 0 {
		t.Fatalf("the data does not load cleanly:\n%v", diags)
	}
	env, err := build.NewEnv("briefing test", time.Date(2025, 9, 30, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	// Warnings are expected: the French sample prints the export's
	// summaries, which are in English only.
	if d := build.Check(ds, env); d.HasErrors() {
		t.Fatalf("the renderers refuse the data:\n%v", d)
	}
	l, ok := ds.Letter("2025-09-kayes")
	if !ok {
		t.Fatal("no sample letter")
	}
	sel := ds.Select(l)
	fromCSV := 0
	for _, e := range sel.Events {
		if e.Pos.File == "data/events/sahel-2025.csv" {
			fromCSV++
		}
	}
	if fromCSV != 360 {
		t.Fatalf("the letter selects %d of the export's 360 events", fromCSV)
	}
	files, _, err := build.Letter(context.Background(), ds, l, env)
	if err != nil {
		t.Fatal(err)
	}
	var pdfSize int
	for _, f := range files {
		switch {
		case f.Path == build.PDFPath(l):
			pdfSize = len(f.Data)
		case f.Path == build.AnnexPath(l):
			book, err := excelize.OpenReader(bytes.NewReader(f.Data))
			if err != nil {
				t.Fatal(err)
			}
			rows, err := book.GetRows("Events")
			book.Close()
			if err != nil {
				t.Fatal(err)
			}
			if len(rows) != len(sel.Events)+1 {
				t.Errorf("the annex lists %d events, want %d", len(rows)-1, len(sel.Events))
			}
			if !annexHas(rows, "mli41134") {
				t.Error("the annex does not list the export's events")
			}
		case strings.HasSuffix(f.Path, "-events.csv"):
			back, problems := acled.ReadCSV(f.Data)
			if len(problems) > 0 || len(back) != len(sel.Events) {
				t.Errorf("%s reads back as %d rows with problems %v", f.Path, len(back), problems)
			}
		}
	}
	if pdfSize == 0 {
		t.Error("no PDF")
	}
	// Adding the export changed the dataset's fingerprint, and the
	// manifest's inputs list it.
	m, err := build.Inputs(ds, l)
	if err != nil {
		t.Fatal(err)
	}
	listed := false
	for _, in := range m {
		listed = listed || in.Path == "events/sahel-2025.csv"
	}
	if !listed {
		t.Errorf("the manifest's inputs do not list the export: %v", m)
	}
}

func annexHas(rows [][]string, id string) bool {
	for _, r := range rows {
		for _, c := range r {
			if c == id {
				return true
			}
		}
	}
	return false
}
