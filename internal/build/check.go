package build

import (
	"fmt"
	"path/filepath"
	"strings"
	"unicode/utf16"

	"briefing/report"
	"briefing/report/locale"
	"briefing/report/pdf"
	"briefing/report/xlsx"
)

// Check finds, before anything is written, every problem of a loaded
// dataset that only the renderers can see, as errors at their place in
// the data: a character the letter's fonts cannot draw (or that the PDF
// library cannot hold at all, such as an emoji), a text longer than a PDF
// or spreadsheet field takes, a letter with more rows for one sheet of its
// annex than Excel holds, a logo the PDF library cannot embed. The
// loader cannot know these (report imports no renderer), and a build must
// never fail half-way through on data: "briefing validate" and "briefing
// build" both run Check after report.Load, and build nothing when it
// finds an error. ds must have loaded without errors.
func Check(ds *report.Dataset, env *Env) report.Diagnostics {
	lc := newLocator(ds)
	var diags report.Diagnostics
	// Each letter is selected once: its chronology, ranked over the
	// period's events, serves the glyph and the text checks.
	sels := make([]report.Selection, len(ds.Letters))
	for i := range ds.Letters {
		sels[i] = ds.Select(&ds.Letters[i])
	}
	for _, g := range pdf.Glyphs(ds, sels, env.Fonts) {
		d := g.Diagnostic()
		d.Pos = lc.character(g.Pos, g.Text, g.Rune)
		diags = append(diags, d)
	}
	texts := textWarnings{}
	for i := range ds.Letters {
		l := &ds.Letters[i]
		if msg := footerProblem(l); msg != "" {
			diags.Errorf(lc.key(l.Pos, "title"), "%s", msg)
		}
		sel := sels[i]
		if msg := xlsx.RowsProblem(sel); msg != "" {
			diags.Errorf(lc.key(l.Pos, "period"), "%s", msg)
		}
		texts.add(l, sel.TextProblems())
	}
	diags = append(diags, texts.diagnostics(lc)...)
	if ds.Brand.Logo != "" {
		if err := checkLogo(ds.Brand.Logo, logoName(ds)); err != nil {
			diags.Errorf(logoPosition(ds, lc), "%v", err)
		}
	}
	return diags.Sort()
}

// checkLetter is the part of Check, for one letter and at the objects'
// positions, that would fail its build: what Letter verifies before
// rendering, so that a caller who skipped Check gets an error rather than
// a failure half-way or a panic inside a library. Characters the PDF
// library cannot hold, pdf.Write itself refuses.
func checkLetter(sel report.Selection) report.Diagnostics {
	var diags report.Diagnostics
	ds, l := sel.Dataset, sel.Letter
	if msg := footerProblem(l); msg != "" {
		diags.Errorf(l.Pos, "%s", msg)
	}
	if msg := xlsx.RowsProblem(sel); msg != "" {
		diags.Errorf(l.Pos, "%s", msg)
	}
	if ds.Brand.Logo != "" {
		if err := checkLogo(ds.Brand.Logo, logoName(ds)); err != nil {
			diags.Errorf(ds.Brand.Pos, "%v", err)
		}
	}
	return diags.Sort()
}

// maxFooterUnits is the longest header or footer a worksheet takes, in
// UTF-16 code units: Excel's limit, which excelize enforces by failing the
// whole workbook.
const maxFooterUnits = 255

// footerProblem says why a letter's series and title do not fit the page
// footer every sheet of its annex prints, or returns "". The footer is
// made as report/xlsx makes it (pageSetup in sheet.go): "&L&8", the
// series, " – ", the title (each "&" doubled, Excel's escape), "&R&8" and
// the catalogue's page number; TestFooterLimit in this package pins the
// two together at the limit.
func footerProblem(l *report.Letter) string {
	cat, err := locale.For(l.Language)
	if err != nil {
		return "" // the loader has reported the language
	}
	text := strings.ReplaceAll(l.Series+" – "+l.Title, "&", "&&")
	fixed := "&L&8" + "&R&8" + cat.T("annex.print.page", "&P", "&N")
	room := maxFooterUnits - utf16Len(fixed)
	if n := utf16Len(text); n > room {
		return fmt.Sprintf("the series and title of letter %q are too long for the page footer of its Excel annex, which prints them on every sheet: Excel allows %d characters there, which leaves %d for them, and they take %d; shorten the title (or the series) by %d characters",
			l.ID, maxFooterUnits, room, n, n-room)
	}
	return ""
}

// utf16Len counts the UTF-16 code units of s, as Excel counts characters:
// a character beyond U+FFFF counts twice.
func utf16Len(s string) int {
	n := 0
	for _, r := range s {
		n += utf16.RuneLen(r)
	}
	return n
}

// logoName is the logo's path as the user wrote it, relative to the data
// folder.
func logoName(ds *report.Dataset) string {
	rel, err := filepath.Rel(ds.Dir, ds.Brand.Logo)
	if err != nil {
		return ds.Brand.Logo
	}
	return filepath.ToSlash(rel)
}

// logoPosition is the position of the logo key of the data folder's
// brand.yaml, where a logo is named; the brand's position otherwise.
func logoPosition(ds *report.Dataset, lc *locator) report.Position {
	file := filepath.Join(ds.Dir, "brand.yaml")
	if pos := lc.key(report.Position{File: file}, "brand", "logo"); pos.Line > 0 {
		return pos
	}
	return ds.Brand.Pos
}

// maxTextWarnings is the most texts of one kind (summaries, place names…)
// Check names as missing in one language: a French letter over an
// English-only ACLED export would otherwise get one line per printed
// event. The rest are counted in one line.
const maxTextWarnings = 20

// textWarnings gathers the text problems of every letter, so that a text
// two letters print wrong is reported once, naming both.
type textWarnings struct {
	order   []textProblemKey
	entries map[textProblemKey]*textEntry
}

type textProblemKey struct {
	pos         report.Position
	key         string
	missing     bool
	lang, reads string // the letter's language; what the text reads as
}

// textEntry is one text's problem and the letters that print it, the
// first of which a summary line is reported at.
type textEntry struct {
	problem report.TextProblem
	letters []string
	first   report.Position
}

func (w *textWarnings) add(l *report.Letter, problems []report.TextProblem) {
	if w.entries == nil {
		w.entries = map[textProblemKey]*textEntry{}
	}
	for _, p := range problems {
		k := textProblemKey{p.Text.Pos, p.Text.Key, p.Missing, l.Language, p.Reads}
		e := w.entries[k]
		if e == nil {
			e = &textEntry{problem: p, first: l.Pos}
			w.entries[k] = e
			w.order = append(w.order, k)
		}
		e.letters = append(e.letters, l.ID)
	}
}

// diagnostics writes the warnings, at most maxTextWarnings of one kind of
// text and language, then one line for the rest at the first letter that
// needs them.
func (w *textWarnings) diagnostics(lc *locator) report.Diagnostics {
	var diags report.Diagnostics
	type group struct {
		key, lang string
		missing   bool
	}
	shown, more := map[group]int{}, map[group]int{}
	moreAt := map[group]report.Position{}
	var groups []group
	for _, k := range w.order {
		e := w.entries[k]
		g := group{k.key, k.lang, k.missing}
		if shown[g] >= maxTextWarnings {
			if more[g] == 0 {
				groups = append(groups, g)
				moreAt[g] = e.first
			}
			more[g]++
			continue
		}
		shown[g]++
		// "letter X prints", "letters X, Y print"
		n := len(e.letters)
		who := plural(n, "letter", "letters") + " " + strings.Join(e.letters, ", ") + " " + plural(n, "prints", "print")
		what := e.problem.Text.What
		// An event is reported at its own position: finding the key
		// would parse its file whole, and a file of events may hold
		// 100,000 of them (2 s and 300 MB to warn about one summary).
		at := k.pos
		if k.key != "summary" {
			at = lc.key(k.pos, k.key)
		}
		if k.missing {
			diags.Warnf(at, "the %s of %s has no %s text: %s its %s text; add %s: \"…\"",
				k.key, what, languageName(k.lang), who, languageName(e.problem.Given), k.lang)
			continue
		}
		diags.Warnf(at, "the %s of %s, given as its %s text, reads as %s: %s it as it is; write it in %s, or give it by language with the %s under %s:",
			k.key, what, languageName(k.lang), languageName(k.reads), who, languageName(k.lang), languageName(k.reads), k.reads)
	}
	for _, g := range groups {
		if g.missing {
			diags.Warnf(moreAt[g], "%d more texts (%s) have no %s text, like those above; the letters print them in the dataset's language", more[g], g.key, languageName(g.lang))
		} else {
			diags.Warnf(moreAt[g], "%d more texts (%s) given as %s read as another language, like those above", more[g], g.key, languageName(g.lang))
		}
	}
	return diags
}

// languageName names a language code in English, the language of
// diagnostics.
func languageName(code string) string {
	switch code {
	case "en":
		return "English (en)"
	case "fr":
		return "French (fr)"
	}
	return code
}

func plural(n int, one, many string) string {
	if n == 1 {
		return one
	}
	return many
}
