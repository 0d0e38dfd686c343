package main

import (
	"bytes"
	"context"
	"flag"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"briefing/internal/fixture"
	"briefing/report"
)

var update = flag.Bool("update", false, "rewrite golden files")

// briefing runs the command line in-process and returns its exit status,
// stdout and stderr.
func briefing(t *testing.T, args ...string) (int, string, string) {
	t.Helper()
	var stdout, stderr bytes.Buffer
	code := run(context.Background(), args, &stdout, &stderr)
	return code, stdout.String(), stderr.String()
}

func TestUsage(t *testing.T) {
	tests := []struct {
		args   []string
		code   int
		stdout string // a substring
		stderr string // a substring
	}{
		{nil, exitUsage, "", "Usage:"},
		{[]string{"help"}, exitOK, "Commands:", ""},
		{[]string{"frobnicate"}, exitUsage, "", `unknown command "frobnicate"`},
		{[]string{"validate", "--help"}, exitOK, "Usage: briefing validate [--data DIR]", ""},
		{[]string{"validate", "--nope"}, exitUsage, "", "flag provided but not defined: -nope"},
		{[]string{"validate", "extra"}, exitUsage, "", `unexpected argument "extra"`},
		{[]string{"help"}, exitOK, "import    convert an ACLED export", ""},
		{[]string{"import", "--help"}, exitOK, "Usage: briefing import acled [--data DIR] [--rules FILE] [-o FILE] EXPORT", ""},
		{[]string{"import", "acled", "--help"}, exitOK, "Usage: briefing import acled", ""},
		{[]string{"import", "xlsx", "x.xlsx"}, exitUsage, "", `unknown format "xlsx"`},
		{[]string{"version"}, exitOK, "briefing " + version, ""},
		{[]string{"version", "--help"}, exitOK, "Usage: briefing version", ""},
	}
	for _, tt := range tests {
		t.Run(strings.Join(tt.args, " "), func(t *testing.T) {
			code, stdout, stderr := briefing(t, tt.args...)
			if code != tt.code || !strings.Contains(stdout, tt.stdout) || !strings.Contains(stderr, tt.stderr) {
				t.Errorf("exit %d, stdout %q, stderr %q; want exit %d, stdout with %q, stderr with %q", code, stdout, stderr, tt.code, tt.stdout, tt.stderr)
			}
		})
	}
}

// TestValidateCases runs "briefing validate" on every broken dataset of
// report/testdata: exit status 1, and on stderr exactly the diagnostics the
// case's want.txt lists, then one summary line. Warning-only cases exit 0.
func TestValidateCases(t *testing.T) {
	wd, _ := os.Getwd()
	testdata := filepath.Join(wd, "../../report/testdata")
	broken, _ := filepath.Glob(filepath.Join(testdata, "broken/*"))
	warnings, _ := filepath.Glob(filepath.Join(testdata, "warnings/*"))
	if len(broken) < 14 || len(warnings) < 1 {
		t.Fatalf("found %d broken and %d warning cases", len(broken), len(warnings))
	}
	for _, dir := range append(broken, warnings...) {
		t.Run(filepath.Base(dir), func(t *testing.T) {
			want, err := os.ReadFile(filepath.Join(dir, fixture.Golden))
			if err != nil {
				t.Fatal(err)
			}
			t.Chdir(fixture.Assemble(t, filepath.Join(testdata, "base"), dir))
			code, stdout, stderr := briefing(t, "validate")
			lines := strings.SplitAfter(stderr, "\n")
			isBroken := strings.Contains(dir, "broken")
			if isBroken {
				if code != exitInvalid {
					t.Errorf("exit status %d, want %d", code, exitInvalid)
				}
				if last := lines[len(lines)-2]; !strings.HasPrefix(last, "briefing: ") || !strings.Contains(last, "error") {
					t.Errorf("last line %q, want the error count", last)
				}
				lines = lines[:len(lines)-2]
			} else if code != exitOK || !strings.Contains(stdout, "valid") {
				t.Errorf("exit status %d, stdout %q; want 0 and a summary", code, stdout)
			}
			if got := strings.Join(lines, ""); got != string(want) {
				t.Errorf("stderr:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

// TestSampleData: the sample dataset validates with no warning, and is as
// large as the letter it feeds needs.
func TestSampleData(t *testing.T) {
	code, stdout, stderr := briefing(t, "validate", "--data", "../../data")
	if code != exitOK || stderr != "" {
		t.Fatalf("validate data/: exit %d\n%s", code, stderr)
	}
	ds, _ := report.Load("../../data")
	for _, c := range []struct {
		what     string
		got, min int
	}{
		{"events", len(ds.Events), 22},
		{"sources", len(ds.Sources), 25},
		{"places", len(ds.Places), 20},
		{"corridors", len(ds.Corridors), 7},
	} {
		if c.got < c.min {
			t.Errorf("sample holds %d %s, want at least %d", c.got, c.what, c.min)
		}
	}
	if _, ok := ds.Letter("2025-09-kayes"); !ok {
		t.Error("no letter 2025-09-kayes")
	}
	t.Log(stdout)
}
