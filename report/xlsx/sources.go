package xlsx

import (
	"slices"

	"briefing/report"
)

// sourcesSheet lists every source behind the letter
// ([report.Selection.AnnexSources]): those its period's events cite and
// those its text cites as notes, in the letter's order (publisher, date,
// title), with how many of its events cite each and the number the
// letter's own sources list gives it, from the one function the letter
// numbers them with ([report.Selection.CitedSources]). A bounded
// chronology prints some events only: their sources have no number.
func (a *annex) sourcesSheet(name string) *sheet {
	st, cat := a.st, a.cat
	col := func(key string, style int) column {
		return column{title: cat.T("annex.sources." + key), style: style, def: cat.T("annex.def.sources." + key)}
	}
	cols := []column{
		col("id", st.text),
		col("publisher", st.text),
		col("date", st.date),
		col("date_precision", st.text),
		col("title", st.wrap),
		col("title_translation", st.wrap),
		col("url", st.link),
		col("language", st.text),
		col("kind", st.text),
		col("events", st.integer),
		col("letter_no", st.integer),
	}
	cols[4].max, cols[5].max, cols[6].max = 50, 50, 40
	lang := cat.Lang()

	citing := map[string]int{}
	for i := range a.sel.Events {
		e := &a.sel.Events[i]
		for j, id := range e.Sources {
			if !slices.Contains(e.Sources[:j], id) { // an event counts once
				citing[id]++
			}
		}
	}
	sources := a.sel.AnnexSources()
	number := map[string]int{}
	for i, s := range a.sel.CitedSources() {
		number[s.ID] = i + 1
	}

	return &sheet{
		name: name, table: tableSources, cols: cols, n: len(sources),
		landscape: true, freeze: true,
		row: func(i int, r []cell) []cell {
			s := sources[i]
			txt := func(v, field string) cell { return a.textOf(v, s.Pos, "source", s.ID, field) }
			return append(r,
				txt(s.ID, "id"),
				txt(s.Publisher, "publisher"),
				// Always a date cell, never text for a date known to the
				// month or year only: the precision is a column of its own.
				publishedCell(s.Date),
				textCell(datePrecision(s.Date)),
				txt(s.Title, "title"),
				a.titleTranslation(s, lang),
				a.linkCell(s.URL, s.Pos, "source", s.ID),
				txt(s.Language, "language"),
				txt(s.Kind, "kind"),
				intCell(citing[s.ID]),
				a.letterNumber(number[s.ID]),
			)
		},
	}
}

// titleTranslation is the title of a source in the letter's language, as
// the letter prints it in brackets ([report.Source.TranslatedTitle]), or
// an empty cell.
func (a *annex) titleTranslation(s *report.Source, lang string) cell {
	tr := s.TranslatedTitle(lang)
	if tr == "" {
		return cell{}
	}
	return a.textOf(tr, s.Pos, "source", s.ID, "title_translation")
}

// letterNumber is a source's number in the letter, or an empty cell for a
// source the letter does not list.
func (a *annex) letterNumber(n int) cell {
	if n == 0 {
		return cell{}
	}
	return intCell(n)
}
