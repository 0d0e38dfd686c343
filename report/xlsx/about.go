package xlsx

// aboutSheet says what the annex is: which letter, period and data it
// comes from, and what every column of the other sheets holds. Its table
// is the column definitions.
func (a *annex) aboutSheet(name string, sources int, sheets ...*sheet) *sheet {
	st, cat, l := a.st, a.cat, a.sel.Letter
	type definition struct{ sheet, column, def string }
	var defs []definition
	for _, s := range sheets {
		for _, c := range s.cols {
			defs = append(defs, definition{s.name, c.title, c.def})
		}
	}

	info := func(key string, value cell) preRow {
		value.spill = true
		if value.style == 0 {
			value.style = st.value
		}
		return preRow{cells: []cell{{kind: text, s: cat.T(key), style: st.label}, value}, span: true}
	}
	str := func(s string) cell { return textCell(s) }
	cutoff := cat.T("annex.about.no_events")
	if d := a.sel.Cutoff(); !d.IsZero() {
		cutoff = cat.Date(d)
	}
	language := l.Language
	if key := "annex.language." + l.Language; cat.Has(key) {
		language = cat.T(key)
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
		info("annex.about.period", str(cat.Period(a.sel.Period))),
		info("annex.about.previous", str(cat.Period(a.sel.Previous))),
		info("annex.about.issued", str(cat.Date(l.Issued))),
		info("annex.about.language", str(language)),
		info("annex.about.cutoff", str(cutoff)),
		info("annex.about.events", intCell(len(a.sel.Events))),
		info("annex.about.sources", intCell(sources)),
		info("annex.about.fingerprint", str(a.sel.Dataset.Fingerprint())),
		preRow{cells: []cell{{}, {kind: text, s: cat.T("annex.about.fingerprint_note"), style: st.value, spill: true}}, span: true},
		info("annex.about.publisher", str(a.opt.Brand.Name)),
		info("annex.about.generator", str(a.opt.Generator)),
		preRow{},
		preRow{cells: []cell{{kind: text, s: cat.T("annex.about.definitions"), style: st.subtitle, spill: true}}, height: 20},
	)

	return &sheet{
		name:  name,
		table: tableDefinitions,
		cols: []column{
			{title: cat.T("annex.about.col.sheet"), style: st.text},
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
