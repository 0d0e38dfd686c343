package build

import (
	"context"
	"errors"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"briefing/report"
)

// TestLockDir: a second holder waits, saying so once, until the first
// lets go; the lock file and an empty folder are gone afterwards.
func TestLockDir(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "out", "letter")
	first, err := LockDir(context.Background(), dir, func() { t.Error("the first holder waited") })
	if err != nil {
		t.Fatal(err)
	}
	waited := make(chan struct{}, 10)
	got := make(chan *Lock)
	go func() {
		second, err := LockDir(context.Background(), dir, func() { waited <- struct{}{} })
		if err != nil {
			t.Error(err)
		}
		got <- second
	}()
	select {
	case <-waited:
	case <-time.After(10 * time.Second):
		t.Fatal("the second holder did not say it waits")
	}
	select {
	case <-got:
		t.Fatal("the second holder took the lock while the first held it")
	case <-time.After(100 * time.Millisecond):
	}
	if err := first.Unlock(); err != nil {
		t.Fatal(err)
	}
	second := <-got
	if len(waited) != 0 {
		t.Errorf("the second holder said it waits %d more times", len(waited))
	}
	if _, err := os.Stat(filepath.Join(dir, LockName)); err != nil {
		t.Errorf("the second holder holds no lock file: %v", err)
	}
	if err := second.Unlock(); err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(dir); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("the empty folder is left: %v", err)
	}
}

// TestLockDirKeepsOutputs: releasing the lock of a folder with outputs
// removes the lock file only.
func TestLockDirKeepsOutputs(t *testing.T) {
	dir := t.TempDir()
	l, err := LockDir(context.Background(), dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "x.pdf"), []byte("%PDF"), 0o644)
	if err := l.Unlock(); err != nil {
		t.Fatal(err)
	}
	entries, _ := os.ReadDir(dir)
	if len(entries) != 1 || entries[0].Name() != "x.pdf" {
		t.Errorf("the folder holds %v", entries)
	}
}

// TestLockDirCancel: an interrupt ends the wait.
func TestLockDirCancel(t *testing.T) {
	dir := t.TempDir()
	first, err := LockDir(context.Background(), dir, nil)
	if err != nil {
		t.Fatal(err)
	}
	defer first.Unlock()
	ctx, cancel := context.WithTimeout(context.Background(), 50*time.Millisecond)
	defer cancel()
	if _, err := LockDir(ctx, dir, nil); !errors.Is(err, context.DeadlineExceeded) {
		t.Errorf("err = %v, want the context's", err)
	}
}

// TestRemoveTemporary removes the temporary files of the letter's own
// outputs, and nothing else.
func TestRemoveTemporary(t *testing.T) {
	dir := t.TempDir()
	l := &report.Letter{ID: "2025-09-kayes"}
	files := map[string]bool{ // name: removed
		".2025-09-kayes.pdf.123456.tmp":       true,
		".2025-09-kayes-annex.xlsx.1.tmp":     true,
		".manifest.json.4294967295.tmp":       true,
		"charts/.map.svg.77.tmp":              true,
		".2025-09-kayes.pdf.tmp":              false, // no random part
		".2025-09-kayes.pdf.12ab.tmp":         false, // not os.CreateTemp's
		".2025-09-other.pdf.123.tmp":          false, // another letter's name
		".notes.txt.123.tmp":                  false,
		"charts/.2025-09-kayes.pdf.5.tmp":     false, // not in its folder
		"2025-09-kayes.pdf":                   false,
		"keep/.map.svg.77.tmp":                false,
		".lock":                               false,
		".2025-09-kayes.pdf.123456.tmp.saved": false,
	}
	for name := range files {
		p := filepath.Join(dir, filepath.FromSlash(name))
		os.MkdirAll(filepath.Dir(p), 0o755)
		if err := os.WriteFile(p, nil, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	os.Mkdir(filepath.Join(dir, ".manifest.json.5.tmp"), 0o755) // a folder: not a file Write made
	if err := RemoveTemporary(dir, l); err != nil {
		t.Fatal(err)
	}
	for name, removed := range files {
		_, err := os.Stat(filepath.Join(dir, filepath.FromSlash(name)))
		if gone := errors.Is(err, os.ErrNotExist); gone != removed {
			t.Errorf("%s: removed %v, want %v", name, gone, removed)
		}
	}
	if _, err := os.Stat(filepath.Join(dir, ".manifest.json.5.tmp")); err != nil {
		t.Error("a folder was removed")
	}
	if err := RemoveTemporary(filepath.Join(dir, "nowhere"), l); err != nil {
		t.Errorf("a folder not built yet: %v", err)
	}
}

// TestWriteTemporaryNames: what Write leaves when killed is what
// RemoveTemporary recognises.
func TestWriteTemporaryNames(t *testing.T) {
	dir := t.TempDir()
	f, err := os.CreateTemp(dir, ".2025-09-kayes.pdf.*.tmp") // Write's pattern
	if err != nil {
		t.Fatal(err)
	}
	f.Close()
	if !isTemporary(filepath.Base(f.Name()), []string{"2025-09-kayes.pdf"}) {
		t.Errorf("%s is not recognised", filepath.Base(f.Name()))
	}
	paths := append(outputPaths(&report.Letter{ID: "x"}), ManifestName)
	if !slices.Contains(paths, "charts/map.png") {
		t.Errorf("outputs %v", paths)
	}
}
