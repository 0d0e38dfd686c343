package xlsx

import (
	"briefing/report"
)

// aboutSheet says what the annex is: which letter, period and data it
// comes from, what the dataset covers, the letter's key figures, and what
// every column of the other sheets holds. Its table is the column
// definitions.
func (a *annex) aboutSheet(name string, sheets ...*sheet) *sheet {
	st, cat, l, sel := a.st, a.cat, a.sel.Letter, a.sel
	type definition struct{ sheet, column, def string }
	var defs []definition
	for _, s := range sheets {
		for _, c := range s.cols {
			defs = append(defs, definition{s.name, c.title, c.def})
		}
	}

	// info is a label and a value running over the other columns.
	info := func(key string, value cell) preRow {
		value.spill = true
		if value.style == 0 {
			value.style = st.value
		}
		return preRow{cells: []cell{{kind: text, s: cat.T(key), style: st.label}, value}, span: true}
	}
	// figure is a label, a number (an empty cell when there is none to
	// give) and a note saying exactly what the number counts.
	figure := func(key string, value cell, note string) preRow {
		if value.style == 0 {
			value.style = st.value
		}
		return preRow{cells: []cell{
			{kind: text, s: cat.T(key), style: st.label},
			value,
			{kind: text, s: note, style: st.value},
		}}
	}
	str := func(s string) cell { return textCell(s) }
	heading := func(key string) preRow {
		return preRow{cells: []cell{{kind: text, s: cat.T(key), style: st.subtitle, spill: true}}, height: 20}
	}

	language := l.Language
	if key := "annex.language." + l.Language; cat.Has(key) {
		language = cat.T(key)
	}
	previous := cat.Period(sel.Previous)
	switch days := sel.Coverage.Days(sel.Previous); {
	case days == 0:
		previous = cat.T("annex.about.previous_not_covered", previous)
	case !sel.PreviousCovered():
		previous = cat.T("annex.about.previous_partly_covered", previous)
	}
	cutoff := cat.T("annex.about.no_cutoff")
	if d := sel.Cutoff(); !d.IsZero() {
		cutoff = cat.Date(d)
	}

	pre := []preRow{
		{cells: []cell{{kind: text, s: cat.T("annex.about.heading"), style: st.heading, spill: true}}, height: 24},
		{},
		info("annex.about.series", str(l.Series)),
		info("annex.about.title", str(l.Title)),
	}
	if l.Subtitle != "" {
		pre = append(pre, info("annex.about.subtitle", str(l.Subtitle)))
	}
	pre = append(pre,
		info("annex.about.period", str(cat.Period(sel.Period))),
		info("annex.about.previous", str(previous)),
		info("annex.about.issued", str(cat.Date(l.Issued))),
		info("annex.about.language", str(language)),
		preRow{},
		heading("annex.about.data"),
	)
	if n := sel.Dataset.Info.Name.In(cat.Lang()); n != "" {
		pre = append(pre, info("annex.about.dataset", str(n)))
	}
	pre = append(pre,
		info("annex.about.coverage", str(a.coverage(sel.Period))),
		info("annex.about.coverage_previous", str(a.coverage(sel.Previous))),
		info("annex.about.cutoff", str(cutoff)),
		info("annex.about.fingerprint", str(sel.Dataset.Fingerprint())),
		preRow{cells: []cell{{}, {kind: text, s: cat.T("annex.about.fingerprint_note"), style: st.value, spill: true}}, span: true},
		info("annex.about.publisher", str(a.opt.Brand.Name)),
		info("annex.about.generator", str(a.opt.Generator)),
		preRow{},
		heading("annex.about.key_figures"),
		preRow{cells: []cell{{}, {kind: text, s: cat.T("annex.about.key_figures_note"), style: st.value, spill: true}}, span: true},
	)
	pre = append(pre, a.keyFigures(figure)...)
	pre = append(pre, preRow{}, heading("annex.about.definitions"))

	return &sheet{
		name:  name,
		table: tableDefinitions,
		cols: []column{
			// The labels above the table wrap rather than widen the
			// sheet names' column.
			{title: cat.T("annex.about.col.sheet"), style: st.text, max: 34},
			{title: cat.T("annex.about.col.column"), style: st.text},
			{title: cat.T("annex.about.col.definition"), style: st.wrap, max: 90},
		},
		n: len(defs),
		row: func(i int, r []cell) []cell {
			d := defs[i]
			return append(r, textCell(d.sheet), textCell(d.column), textCell(d.def))
		},
		preamble: pre,
	}
}

// keyFigures writes the letter's key figures, every number from
// [report.Selection.KeyFigures] as the letter's key-figures page prints
// it, with notes saying exactly what each counts.
func (a *annex) keyFigures(figure func(key string, value cell, note string) preRow) []preRow {
	cat, sel := a.cat, a.sel
	k := sel.KeyFigures()
	events := cat.N("annex.events", k.Events)

	previous, change := cell{}, cell{}
	previousNote := cat.T("annex.kf.previous_violence_not_covered", cat.Period(sel.Previous))
	changeNote := cat.T("annex.kf.change_not_covered")
	if k.PreviousCovered {
		previous = intCell(k.PreviousViolence)
		previousNote = cat.T("annex.kf.previous_violence_note", cat.Period(sel.Previous))
		changeNote = cat.T("annex.kf.change_none")
		if !k.Covered {
			changeNote = cat.T("annex.kf.change_partial", cat.Date(sel.Cutoff()))
		}
	}
	if pct, ok := k.Change(); ok {
		change = cell{kind: number, n: pct / 100, style: a.st.change}
		changeNote = cat.T("annex.kf.change_note", cat.Change(pct))
	}

	// count is a sum of what events report, with how much of it comes
	// from claims and whose.
	count := func(key string, f report.Figure) preRow {
		if !f.Reported {
			return figure(key, cell{}, cat.T("annex.kf.not_reported"))
		}
		note := cat.T("annex.kf.reported_in", cat.Int(f.ReportedIn), events)
		if claims := cat.Claims(f, "annex.kf", 0); claims != "" {
			note = claims + " " + note
		}
		return figure(key, intCell(f.N), note)
	}

	return []preRow{
		figure("annex.kf.events", intCell(k.Events), cat.T("annex.kf.events_note")),
		figure("annex.kf.violence", intCell(k.Violence), cat.T("annex.kf.violence_note")),
		figure("annex.kf.previous_violence", previous, previousNote),
		figure("annex.kf.change", change, changeNote),
		figure("annex.kf.strategic", intCell(k.Strategic), cat.T("annex.kf.strategic_note")),
		figure("annex.kf.demonstrations", intCell(k.Demonstrations), cat.T("annex.kf.demonstrations_note")),
		figure("annex.kf.corridors", intCell(k.CorridorsHit), cat.T("annex.kf.corridors_note", cat.N("annex.corridors_n", len(sel.Dataset.Corridors)))),
		count("annex.kf.kidnapped", k.Kidnapped),
		count("annex.kf.vehicles", k.VehiclesDestroyed),
		count("annex.kf.fatalities", k.Fatalities),
		figure("annex.kf.sources", intCell(k.Sources), cat.T("annex.kf.sources_note")),
		figure("annex.kf.event_sources", intCell(len(sel.EventSources())), cat.T("annex.kf.event_sources_note")),
		figure("annex.kf.outside", intCell(len(sel.OutsideCoverage())), cat.T("annex.kf.outside_note")),
	}
}

// coverage writes the days of p the dataset covers for every country of
// the letter's scope: "1 June – 9 September 2025, for ML, MR and SN", or
// that it covers none.
func (a *annex) coverage(p report.Period) string {
	cat, sel := a.cat, a.sel
	parts := sel.Coverage.Within(p)
	if len(parts) == 0 {
		return cat.T("annex.about.not_covered")
	}
	s := cat.Periods(parts)
	if countries := sel.Dataset.Countries(sel.Letter.Scope); len(countries) > 0 {
		s = cat.T("annex.about.coverage_countries", s, cat.List(countries))
	}
	if !sel.Dataset.Info.Declared {
		s = cat.T("annex.about.coverage_implicit", s)
	}
	return s
}
