package pdf_test

import (
	"bytes"
	"os/exec"
	"regexp"
	"strings"
	"testing"
)

// TestNotesCopyApart: a reader copying the sample's text with poppler's
// pdftotext gets each note number apart from the word before it, as
// "2025 [3]", never "20253".
func TestNotesCopyApart(t *testing.T) {
	text := copiedText(t)
	if n := strings.Count(text, " ["); n < 20 {
		t.Errorf("the text holds %d note numbers set apart, want the sample's 20 or more", n)
	}
	// Years and figures the sample cites, each followed by a note: glued,
	// they would read as 20253 or 20241.
	for _, glued := range regexp.MustCompile(`\b(19|20)\d\d\d{1,2}\b`).FindAllString(text, -1) {
		t.Errorf("a note number is glued to a year: %q", glued)
	}
	for _, want := range []string{"1 July 2025 [3]", "2.7 million tonnes of fuel, cereals and other basic goods a year [1]"} {
		if !strings.Contains(strings.Join(strings.Fields(text), " "), want) {
			t.Errorf("the copied text lacks %q", want)
		}
	}
}

// TestKeyFiguresCopyWhole: copied, each key-figure card reads as one
// sentence, its number before its label, not a row of numbers followed by
// a row of labels.
func TestKeyFiguresCopyWhole(t *testing.T) {
	text := strings.Join(strings.Fields(copiedText(t, "-f", "2", "-l", "2")), " ")
	for _, want := range []string{
		"12 Political violence events.",
		"13 Strategic developments. Announcements",
		"2 Trade corridors hit by violence. Of 8 in the dataset.",
		"21 Reported fatalities. All claimed by JNIM",
		"29 Sources.",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the key figures do not copy as %q; page 2 reads:\n%s", want, text)
		}
	}
}

// copiedText is the sample letter's text as poppler's pdftotext copies it,
// with its extra arguments (pages); the test skips without poppler.
func copiedText(t *testing.T, args ...string) string {
	t.Helper()
	pdftotext, err := exec.LookPath("pdftotext")
	if err != nil {
		t.Skip("pdftotext not found: install poppler-utils (Debian) to check the text a reader copies")
	}
	ds, l := loadSample(t)
	raw, _, _ := build(t, ds, l)
	cmd := exec.Command(pdftotext, append(args, "-", "-")...)
	cmd.Stdin = bytes.NewReader(raw)
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("pdftotext: %v", err)
	}
	return string(out)
}
