package main

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"briefing/internal/fixture"
	"briefing/internal/pdftest"
	"briefing/report"
)

func TestBuildSample(t *testing.T) {
	out := t.TempDir()
	t.Setenv("SOURCE_DATE_EPOCH", "1759190400") // 2025-09-30T00:00:00Z
	code, stdout, stderr := briefing(t, "build", "--data", "../../data", "--out", out)
	if code != exitOK {
		t.Fatalf("exit %d\n%s", code, stderr)
	}
	if !strings.HasPrefix(stdout, "2025-09-kayes: built in ") {
		t.Errorf("stdout = %q, want one line per letter", stdout)
	}
	dir := filepath.Join(out, "2025-09-kayes")
	want := []string{"2025-09-kayes.pdf", "2025-09-kayes-annex.xlsx", "2025-09-kayes-events.csv", "manifest.json"}
	for _, name := range report.FigureNames() {
		want = append(want, "charts/"+name+".png", "charts/"+name+".svg")
	}
	for _, f := range want {
		info, err := os.Stat(filepath.Join(dir, f))
		if err != nil || info.Size() == 0 {
			t.Errorf("%s: %v", f, err)
		}
	}
	leftovers, _ := filepath.Glob(filepath.Join(dir, ".*"))
	if len(leftovers) > 0 {
		t.Errorf("temporary or lock files left: %v", leftovers)
	}
	data, err := os.ReadFile(filepath.Join(dir, "2025-09-kayes.pdf"))
	if err != nil {
		t.Fatal(err)
	}
	doc, err := pdftest.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if got := doc.Info["CreationDate"]; !strings.HasPrefix(got, "D:20250930000000") {
		t.Errorf("CreationDate = %q, want SOURCE_DATE_EPOCH's 2025-09-30", got)
	}
	if got := doc.Info["Creator"]; got != "briefing "+version {
		t.Errorf("Creator = %q", got)
	}
}

// TestBuildInvalidWritesNothing: bad data stops the build before any file
// is written, with exit status 1.
func TestBuildInvalidWritesNothing(t *testing.T) {
	wd, _ := os.Getwd()
	testdata := filepath.Join(wd, "../../report/testdata")
	t.Chdir(fixture.Assemble(t, filepath.Join(testdata, "base"), filepath.Join(testdata, "broken/dangling-place")))
	code, _, stderr := briefing(t, "build")
	if code != exitInvalid {
		t.Errorf("exit %d, want %d", code, exitInvalid)
	}
	if !strings.Contains(stderr, `data/events/2025-07.yaml:19:12: event "drivers-kidnapped" refers to unknown place "dibolli"`) || !strings.Contains(stderr, "nothing was written") {
		t.Errorf("stderr = %q", stderr)
	}
	if _, err := os.Stat("out"); !os.IsNotExist(err) {
		t.Errorf("out/ exists after a failed build: %v", err)
	}
}

func TestBuildUsage(t *testing.T) {
	tests := []struct {
		args   []string
		env    string
		stderr string
	}{
		{[]string{"build", "--data", "../../data", "--out", "", "2025-10-nowhere"}, "", `no letter "2025-10-nowhere"`},
		{[]string{"build", "--data", "../../data"}, "yesterday", `SOURCE_DATE_EPOCH="yesterday" is not a whole number`},
	}
	for _, tt := range tests {
		t.Setenv("SOURCE_DATE_EPOCH", tt.env)
		code, _, stderr := briefing(t, tt.args...)
		if code != exitUsage || !strings.Contains(stderr, tt.stderr) {
			t.Errorf("%v: exit %d, stderr %q; want %d and %q", tt.args, code, stderr, exitUsage, tt.stderr)
		}
	}
}
