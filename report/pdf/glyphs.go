package pdf

import (
	"fmt"

	"briefing/charts"
	"briefing/report"
)

// Glyph is a character of the data that a letter cannot print: the
// Liberation fonts have no glyph for it, or it lies beyond the Basic
// Multilingual Plane (U+10000 and above: emoji, historic scripts), which
// fpdf's font subsetting indexes out of range and panics on. Either way
// it must be caught before a build starts: a missing glyph prints as a
// blank nobody notices, and a character beyond U+FFFF stops the build.
type Glyph struct {
	// Pos is the object of the data whose text holds the character (the
	// event, the place, the letter, the section, the brand): the loader
	// keeps no position per field, so a caller that can read the files
	// narrows it down (see internal/build).
	Pos report.Position
	// What names the text, as a message starts: `the summary of event "x"`.
	What string
	// Text is the whole text the character is in, as written in the data.
	Text string
	// Rune is the character.
	Rune rune
}

// Message says what is wrong and what to do, for a diagnostic at the
// character's position.
func (g Glyph) Message() string {
	if g.Rune > 0xFFFF {
		return fmt.Sprintf("%s holds %q (%U), a character beyond U+FFFF (an emoji or a rare script) that the PDF library cannot print; remove it or replace it with words", g.What, string(g.Rune), g.Rune)
	}
	return fmt.Sprintf("%s holds %q (%U), which the letter's fonts (Liberation Serif and Sans) cannot draw: it would print as a blank or a box; remove it or replace it with a character they have", g.What, string(g.Rune), g.Rune)
}

// Diagnostic is the glyph as an error at its object's position.
func (g Glyph) Diagnostic() report.Diagnostic {
	return report.Diagnostic{Pos: g.Pos, Severity: report.Error, Message: g.Message()}
}

// Glyphs returns every character that some letter of ds would print and
// cannot: in each letter's own texts, in the events its chronology prints
// (the annex's cells are set in the reader's fonts), and in every place,
// corridor and source, the dataset's name and the brand, which any letter
// may print. sels are the selections of ds's letters, made once by the
// caller, which checks them for more. Each text is reported once per
// character, in data order.
func Glyphs(ds *report.Dataset, sels []report.Selection, fonts *charts.FontSet) []Glyph {
	gc := newGlyphChecker(fonts)
	seen := map[string]bool{}
	for _, sel := range sels {
		gc.letter(sel.Letter)
		for _, e := range sel.Chronology().Events {
			// An event of several letters is checked once.
			if !seen[e.ID] {
				seen[e.ID] = true
				gc.event(e)
			}
		}
	}
	gc.shared(ds)
	return gc.found
}

// LetterGlyphs returns the characters the letter of sel would print and
// cannot: in its own texts, the events its chronology prints and what
// every letter may print (see [Glyphs]).
func LetterGlyphs(sel report.Selection, fonts *charts.FontSet) []Glyph {
	gc := newGlyphChecker(fonts)
	gc.letter(sel.Letter)
	for _, e := range sel.Chronology().Events {
		gc.event(e)
	}
	gc.shared(sel.Dataset)
	return gc.found
}

// checkGlyphs splits the characters the letter of sel would print and
// cannot, at their objects' positions: those the fonts lack, which print
// as blanks (warnings), and those beyond U+FFFF, which the PDF library
// cannot hold at all (errors). Write runs it so that a caller who skipped
// validation still learns why; the command finds them all, at the
// characters' own positions, before it builds anything
// (internal/build.Check).
func checkGlyphs(sel report.Selection, fonts *charts.FontSet) (warnings, unprintable report.Diagnostics) {
	for _, g := range LetterGlyphs(sel, fonts) {
		d := g.Diagnostic()
		if g.Rune > 0xFFFF {
			unprintable = append(unprintable, d)
			continue
		}
		d.Severity = report.Warning
		warnings = append(warnings, d)
	}
	return warnings.Sort(), unprintable.Sort()
}

// glyphChecker collects the characters the fonts cannot print.
type glyphChecker struct {
	faces []charts.FontFace
	found []Glyph
	seen  map[glyphKey]bool
	known map[rune]bool // drawable, for the runes beyond ASCII met so far
}

type glyphKey struct {
	pos        report.Position
	what, text string
	r          rune
}

func newGlyphChecker(fonts *charts.FontSet) *glyphChecker {
	return &glyphChecker{faces: fonts.Faces(), seen: map[glyphKey]bool{}, known: map[rune]bool{}}
}

// drawable reports whether every face of the set has a glyph for r: a
// text may be set in any of them (a title in bold sans, a note in italic
// serif), and a face that lacks the glyph prints a blank.
func (gc *glyphChecker) drawable(r rune) bool {
	switch {
	case r >= 0x20 && r < 0x7f:
		return true // every face has ASCII: the common case, at no cost
	case r > 0xFFFF:
		return false
	}
	if ok, seen := gc.known[r]; seen {
		return ok
	}
	ok := true
	for _, f := range gc.faces {
		if f.Font.Index(r) == 0 {
			ok = false
		}
	}
	gc.known[r] = ok
	return ok
}

func (gc *glyphChecker) check(pos report.Position, what, text string) {
	for _, r := range text {
		// Line breaks and tabs are layout, never drawn; other control
		// characters are the loader's to refuse.
		if r < 0x20 || r == 0x7f || gc.drawable(r) {
			continue
		}
		k := glyphKey{pos, what, text, r}
		if gc.seen[k] {
			continue
		}
		gc.seen[k] = true
		gc.found = append(gc.found, Glyph{Pos: pos, What: what, Text: text, Rune: r})
	}
}

func (gc *glyphChecker) letter(l *report.Letter) {
	name := fmt.Sprintf("letter %q", l.ID)
	gc.check(l.Pos, "the series of "+name, l.Series)
	gc.check(l.Pos, "the title of "+name, l.Title)
	gc.check(l.Pos, "the subtitle of "+name, l.Subtitle)
	for _, a := range l.Authors {
		gc.check(l.Pos, "an author of "+name, a)
	}
	for _, k := range l.KeyPoints {
		gc.check(l.Pos, "a key point of "+name, k)
	}
	for i, s := range l.Sections {
		gc.check(s.Pos, fmt.Sprintf("the title of section %d of %s", i+1, name), s.Title)
		gc.check(s.Pos, fmt.Sprintf("the body of section %d of %s", i+1, name), s.Body.Text)
	}
}

// event checks what the chronology prints of an event: its summary, its
// actors and the actor its figures are claimed by.
func (gc *glyphChecker) event(e *report.Event) {
	name := fmt.Sprintf("event %q", e.ID)
	gc.checkText(e.Pos, "the summary of "+name, e.Summary)
	gc.check(e.Pos, "the actor1 of "+name, e.Actor1)
	gc.check(e.Pos, "the assoc_actor_1 of "+name, e.AssocActor1)
	gc.check(e.Pos, "the actor2 of "+name, e.Actor2)
	gc.check(e.Pos, "the claimed_by of "+name, e.ClaimedBy)
}

// shared checks what every letter may print: places (chronology, map),
// corridors (chronology, charts, notes), sources (notes, sources list),
// the dataset's name (figure source lines, methodology), the names of the
// data folder's map outlines (map) and the brand (cover, running footer,
// back page).
func (gc *glyphChecker) shared(ds *report.Dataset) {
	for _, p := range ds.Places {
		name := fmt.Sprintf("place %q", p.ID)
		gc.checkText(p.Pos, "the name of "+name, p.Name)
		gc.check(p.Pos, "the admin1 of "+name, p.Admin1)
		gc.check(p.Pos, "the admin2 of "+name, p.Admin2)
	}
	for _, c := range ds.Corridors {
		name := fmt.Sprintf("corridor %q", c.ID)
		gc.checkText(c.Pos, "the name of "+name, c.Name)
		gc.checkText(c.Pos, "the short name of "+name, c.Short)
		gc.checkText(c.Pos, "the note of "+name, c.Note)
	}
	for _, s := range ds.Sources {
		name := fmt.Sprintf("source %q", s.ID)
		gc.check(s.Pos, "the publisher of "+name, s.Publisher)
		gc.check(s.Pos, "the title of "+name, s.Title)
		gc.checkText(s.Pos, "the title_translation of "+name, s.TitleTranslation)
		gc.check(s.Pos, "the url of "+name, s.URL)
	}
	gc.checkText(ds.Info.Pos, "the name of the dataset", ds.Info.Name)
	// The map labels the regions and countries of basemap.geojson, in any
	// language a letter may be written in.
	for _, f := range ds.Basemap {
		what := fmt.Sprintf("the name of %s %s %q", f.Level, f.Country, f.Name)
		gc.check(f.Pos, what, f.Name)
		for _, lang := range report.Languages() {
			gc.check(f.Pos, what, f.Names[lang])
		}
	}
	b := ds.Brand
	for _, f := range []struct{ what, text string }{
		{"name", b.Name}, {"phone", b.Phone}, {"mobile", b.Mobile},
		{"email", b.Email}, {"website", b.Website}, {"copyright", b.Copyright},
	} {
		gc.check(b.Pos, "the brand's "+f.what, f.text)
	}
	gc.checkText(b.Pos, "the brand's tagline", b.Tagline)
	for _, a := range b.Address {
		gc.checkText(b.Pos, "the brand's address", a)
	}
}

// checkText checks a text in every language the data gives it in: any
// may be printed, by a letter in that language.
func (gc *glyphChecker) checkText(pos report.Position, what string, t report.Text) {
	for _, s := range t.All() {
		gc.check(pos, what, s)
	}
}
