package report

import (
	"iter"
	"slices"
	"strings"
)

// Text is a text a reader sees that the data may give in several
// languages: an event's summary, a place's name, a corridor's name, short
// name and note, the brand's tagline and address lines, a source's title
// translation. In YAML it is a plain string, in the dataset's language,
// or a mapping by language code: summary: {en: "…", fr: "…"}. The zero
// Text is empty.
type Text struct {
	lang string // the language of def: the dataset's, as a rule
	def  string
	// other holds the texts in other languages, sorted by language. A
	// plain string has none: most texts of a big dataset cost one string.
	other []Translation
}

// Translation is a text in one language.
type Translation struct {
	Lang string // ISO 639-1 code, as "fr"
	Text string
}

// PlainText returns a text given in one language.
func PlainText(lang, s string) Text { return Text{lang: lang, def: s} }

// NewText returns a text in the language lang, s, and in the languages of
// others. A translation in lang itself, or an empty one, is left out.
func NewText(lang, s string, others ...Translation) Text {
	t := Text{lang: lang, def: s}
	for _, tr := range others {
		if tr.Lang != lang && tr.Text != "" {
			t.other = append(t.other, tr)
		}
	}
	slices.SortStableFunc(t.other, func(a, b Translation) int { return strings.Compare(a.Lang, b.Lang) })
	t.other = slices.CompactFunc(t.other, func(a, b Translation) bool { return a.Lang == b.Lang })
	return t
}

// String returns the text in its first language, the dataset's.
func (t Text) String() string { return t.def }

// Lang returns the language of [Text.String].
func (t Text) Lang() string { return t.lang }

// IsZero reports whether the text is empty in every language.
func (t Text) IsZero() bool { return t.def == "" && len(t.other) == 0 }

// In returns the text in lang, or, when the data gives none in lang, in
// the dataset's language: what a letter in lang prints.
func (t Text) In(lang string) string {
	if lang != t.lang {
		for _, tr := range t.other {
			if tr.Lang == lang {
				return tr.Text
			}
		}
	}
	return t.def
}

// Has reports whether the data gives the text in lang. An empty text has
// no language.
func (t Text) Has(lang string) bool {
	if t.def != "" && lang == t.lang {
		return true
	}
	for _, tr := range t.other {
		if tr.Lang == lang {
			return true
		}
	}
	return false
}

// All yields every language of the text and its text in it, the
// dataset's first: what a check of every printable character reads.
func (t Text) All() iter.Seq2[string, string] {
	return func(yield func(string, string) bool) {
		if t.def != "" && !yield(t.lang, t.def) {
			return
		}
		for _, tr := range t.other {
			if !yield(tr.Lang, tr.Text) {
				return
			}
		}
	}
}

// Multilingual reports whether the data gives the text in more than one
// language.
func (t Text) Multilingual() bool { return len(t.other) > 0 }
