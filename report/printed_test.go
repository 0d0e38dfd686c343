package report_test

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"briefing/internal/fixture"
	"briefing/report"
)

func TestTextIn(t *testing.T) {
	plain := report.PlainText("en", "Timbuktu")
	multi := report.NewText("en", "Timbuktu", report.Translation{Lang: "fr", Text: "Tombouctou"}, report.Translation{Lang: "en", Text: "ignored"})
	tests := []struct {
		text      report.Text
		lang, in  string
		has       bool
		languages int
	}{
		{plain, "en", "Timbuktu", true, 1},
		{plain, "fr", "Timbuktu", false, 1},
		{multi, "en", "Timbuktu", true, 2},
		{multi, "fr", "Tombouctou", true, 2},
		{multi, "ar", "Timbuktu", false, 2},
		{report.Text{}, "en", "", false, 0},
	}
	for _, tt := range tests {
		n := 0
		for range tt.text.All() {
			n++
		}
		if got := tt.text.In(tt.lang); got != tt.in || tt.text.Has(tt.lang) != tt.has || n != tt.languages {
			t.Errorf("%q in %s = %q, has %v, %d languages; want %q, %v, %d", tt.text, tt.lang, got, tt.text.Has(tt.lang), n, tt.in, tt.has, tt.languages)
		}
	}
}

func TestGuessLanguage(t *testing.T) {
	tests := []struct{ text, want string }{
		{"JNIM fighters attacked the army post at Diboli and burned two of its trucks.", "en"},
		{"Des combattants du JNIM ont attaqué le poste de l’armée à Diboli et incendié deux de ses camions.", "fr"},
		{"Diboli", ""},
		{"RN1", ""},
		{"Kayes–Diboli: JNIM vs FAMa", ""},
	}
	for _, tt := range tests {
		got, ok := report.GuessLanguage(tt.text)
		if !ok {
			got = ""
		}
		if got != tt.want {
			t.Errorf("GuessLanguage(%q) = %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestTextProblems loads a French letter over the test data: the summary
// given only in English is missing, the one whose "fr" text is English
// reads wrong, the translated one is fine, and names given as plain
// strings are the same in every language. (The built-in brand gives its
// tagline in French.)
func TestTextProblems(t *testing.T) {
	root := fixture.Assemble(t, "testdata/base", "")
	data := filepath.Join(root, "data")
	events := filepath.Join(data, "events", "2025-07.yaml")
	src, err := os.ReadFile(events)
	if err != nil {
		t.Fatal(err)
	}
	s := strings.Replace(string(src), "summary: Six drivers seized between Kayes and Diboli.",
		`summary: {en: "Six drivers seized between Kayes and Diboli.", fr: "Six drivers were seized by the group on the road between Kayes and Diboli."}`, 1)
	letter, err := os.ReadFile(filepath.Join(data, "letters", "2025-07-test.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	write := func(path, text string) {
		if err := os.WriteFile(path, []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	write(events, s)
	write(filepath.Join(data, "letters", "2025-07-fr.yaml"), strings.Replace(string(letter), "language: en", "language: fr", 1))
	ds, diags := report.Load(data)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	for i := range ds.Letters {
		l := &ds.Letters[i]
		var got []string
		for _, p := range ds.Select(l).TextProblems() {
			kind := "missing"
			if !p.Missing {
				kind = "reads " + p.Reads
			}
			got = append(got, p.Text.Key+" of "+p.Text.What+": "+kind)
		}
		want := map[string]string{
			"en": "",
			"fr": `summary of event "kayes-attack": missing; summary of event "drivers-kidnapped": reads en; name of corridor "rn1": missing; note of corridor "rn1": missing; name of the dataset: missing`,
		}[l.Language]
		if g := strings.Join(got, "; "); g != want {
			t.Errorf("%s: problems\n%s\nwant\n%s", l.ID, g, want)
		}
	}
}
