package report

import (
	"strings"
	"unicode"
)

// PrintedText is a text of the data that a letter prints: where it is
// (the object's position and the key that holds the text) and the text.
type PrintedText struct {
	Pos  Position // the object: event, place, corridor or brand
	Key  string   // "summary", "name", "short", "note", "tagline", "address"
	What string   // the object, for a message: `event "mli-1"`, "the brand"
	Text Text
	// Name is set for a proper name (a place's, a corridor's short name)
	// or an address line: given as a plain string, it is the same in
	// every language.
	Name bool
}

// PrintedTexts returns the texts of the data the selection's letter
// prints, each once, in this order: the summaries of its chronology's
// events, the names of the places of its events (which its chronology
// and map print), the names, short names and notes of the corridors it
// counts, the dataset's name, the brand's tagline and address.
func (s Selection) PrintedTexts() []PrintedText {
	var out []PrintedText
	for _, e := range s.Chronology().Events {
		out = append(out, PrintedText{e.Pos, "summary", "event " + quoteShort(e.ID), e.Summary, false})
	}
	seen := map[string]bool{}
	for i := range s.Events {
		id := s.Events[i].Place
		if seen[id] {
			continue
		}
		seen[id] = true
		if p, ok := s.Dataset.Place(id); ok {
			out = append(out, PrintedText{p.Pos, "name", "place " + quoteShort(p.ID), p.Name, true})
		}
	}
	for _, cc := range s.Corridors() {
		c := cc.Corridor
		what := "corridor " + quoteShort(c.ID)
		out = append(out, PrintedText{c.Pos, "name", what, c.Name, false}, PrintedText{c.Pos, "short", what, c.Short, true})
		if !c.Note.IsZero() {
			out = append(out, PrintedText{c.Pos, "note", what, c.Note, false})
		}
	}
	if info := s.Dataset.Info; !info.Name.IsZero() {
		out = append(out, PrintedText{info.Pos, "name", "the dataset", info.Name, false})
	}
	b := s.Dataset.Brand
	out = append(out, PrintedText{b.Pos, "tagline", "the brand", b.Tagline, false})
	for _, a := range b.Address {
		out = append(out, PrintedText{b.Pos, "address", "the brand", a, true})
	}
	return out
}

// GuessLanguage tells English from French by their commonest short words,
// the ones a sentence cannot do without. It answers only when a text has
// enough of them and one language has at least three times the other's;
// ok is false otherwise (a name, a short label, a mixed text).
func GuessLanguage(s string) (lang string, ok bool) {
	var en, fr int
	word := func(w string) {
		switch w {
		case "the", "and", "of", "to", "in", "was", "were", "with", "by", "from", "on", "at", "its", "their", "which", "after", "near", "is", "are", "has", "had", "that", "for":
			en++
		case "le", "la", "les", "des", "du", "de", "et", "à", "au", "aux", "une", "un", "dans", "par", "pour", "sur", "est", "été", "qui", "près", "après", "ses", "leur", "leurs", "sont", "ont", "avait":
			fr++
		}
	}
	start := -1
	for i, r := range s {
		letter := unicode.IsLetter(r)
		switch {
		case letter && start < 0:
			start = i
		case !letter && start >= 0:
			word(strings.ToLower(s[start:i]))
			start = -1
		}
	}
	if start >= 0 {
		word(strings.ToLower(s[start:]))
	}
	switch {
	case en+fr < 3:
		return "", false
	case en >= 3*fr:
		return "en", true
	case fr >= 3*en:
		return "fr", true
	}
	return "", false
}

// TextProblem is what a letter in one language would print wrong from one
// text: nothing in its language (the dataset's text instead), or a text
// given as in one language that reads as another.
type TextProblem struct {
	Text PrintedText
	// Missing is set when the data gives no text in the letter's
	// language; otherwise the text given in Given reads as Reads.
	Missing      bool
	Given, Reads string
}

// TextProblems returns the problems of the texts the selection's letter
// prints, in the order of [Selection.PrintedTexts].
func (s Selection) TextProblems() []TextProblem {
	lang := s.Letter.Language
	var out []TextProblem
	for _, t := range s.PrintedTexts() {
		if t.Text.IsZero() {
			continue
		}
		if !t.Text.Has(lang) {
			if !t.Name || t.Text.Multilingual() {
				out = append(out, TextProblem{Text: t, Missing: true, Given: t.Text.Lang()})
			}
			continue
		}
		if t.Name {
			continue
		}
		if reads, ok := GuessLanguage(t.Text.In(lang)); ok && reads != lang {
			out = append(out, TextProblem{Text: t, Given: lang, Reads: reads})
		}
	}
	return out
}
