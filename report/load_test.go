package report_test

import (
	"flag"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"

	"briefing/internal/fixture"
	"briefing/report"
)

var update = flag.Bool("update", false, "rewrite golden files")

// loadCase assembles testdata/base with a case's files over it and loads it
// as "data", the way a user in a project root runs briefing.
func loadCase(t *testing.T, overlay string) (*report.Dataset, report.Diagnostics) {
	t.Helper()
	root := fixture.Assemble(t, "testdata/base", overlay)
	t.Chdir(root)
	return report.Load("data")
}

func TestLoadBase(t *testing.T) {
	ds, diags := loadCase(t, "")
	if len(diags) != 0 {
		t.Fatalf("base dataset has diagnostics:\n%v", diags)
	}
	if got := []int{len(ds.Places), len(ds.Corridors), len(ds.Sources), len(ds.Events), len(ds.Letters)}; !slices.Equal(got, []int{3, 1, 2, 2, 1}) {
		t.Errorf("places, corridors, sources, events, letters = %v, want [3 1 2 2 1]", got)
	}
	e := ds.Events[1]
	if e.ID != "drivers-kidnapped" || e.Kidnapped != report.Reported(6) || e.Fatalities.Reported || e.DateEnd.String() != "2025-07-06" {
		t.Errorf("event decoded as %+v", e)
	}
	if e.Pos.String() != "data/events/2025-07.yaml:13:5" {
		t.Errorf("event position = %s, want data/events/2025-07.yaml:13:5", e.Pos)
	}
	s, _ := ds.Source("soleil-2025-07-02")
	if s.Date.String() != "2025-07" || s.Accessed.String() != "2025-09-20" {
		t.Errorf("source dates = %s, %s", s.Date, s.Accessed)
	}
	l := ds.Letters[0]
	if l.ID != "2025-07-test" || len(l.Sections) != 1 || len(l.Sections[0].Body.Blocks) != 2 {
		t.Fatalf("letter decoded as %+v", l)
	}
	if got := l.Sections[0].Body.Notes(); strings.Join(got, " ") != "journal-du-mali-2025-07-11 soleil-2025-07-02" {
		t.Errorf("notes = %v", got)
	}
	if ds.Brand.Name == "" || ds.Brand.Colors.Primary == (report.Color{}) {
		t.Errorf("built-in brand not loaded: %+v", ds.Brand)
	}
	if !regexp.MustCompile(`^[0-9a-f]{64}$`).MatchString(ds.Fingerprint()) {
		t.Errorf("fingerprint %q is not a SHA-256", ds.Fingerprint())
	}
}

// TestFingerprintIgnoresLetters: editing one letter must not change the
// fingerprint every other letter prints.
func TestFingerprintIgnoresLetters(t *testing.T) {
	ds, _ := loadCase(t, "")
	before := ds.Fingerprint()
	if err := os.WriteFile("data/letters/2025-07-test.yaml", []byte(strings.Replace(readFile(t, "data/letters/2025-07-test.yaml"), "Test letter", "Another title", 1)), 0o644); err != nil {
		t.Fatal(err)
	}
	after, _ := report.Load("data")
	if after.Fingerprint() != before {
		t.Error("editing a letter changed the dataset fingerprint")
	}
	if err := os.WriteFile("data/places.yaml", []byte(readFile(t, "data/places.yaml")+"\n"), 0o644); err != nil {
		t.Fatal(err)
	}
	changed, _ := report.Load("data")
	if changed.Fingerprint() == before {
		t.Error("editing places.yaml left the fingerprint unchanged")
	}
}

// TestCases loads every case of testdata/broken and testdata/warnings and
// compares its diagnostics, exact positions included, with the case's
// want.txt (go test -update rewrites them).
func TestCases(t *testing.T) {
	dirs, _ := filepath.Glob("testdata/broken/*")
	warns, _ := filepath.Glob("testdata/warnings/*")
	dirs = append(dirs, warns...)
	if len(dirs) < 15 {
		t.Fatalf("found %d cases, want at least 15", len(dirs))
	}
	wd, _ := os.Getwd()
	for _, dir := range dirs {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			golden := filepath.Join(wd, dir, fixture.Golden)
			_, diags := loadCase(t, filepath.Join(wd, dir))
			got := ""
			for _, d := range diags {
				got += d.String() + "\n"
			}
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			want := readFile(t, golden)
			if got != want {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
			}
			if broken := strings.Contains(dir, "broken"); diags.HasErrors() != broken {
				t.Errorf("HasErrors = %v, want %v", diags.HasErrors(), broken)
			}
		})
	}
}

func readFile(t testing.TB, path string) string {
	t.Helper()
	b, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return string(b)
}
