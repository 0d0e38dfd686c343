package pdf

import (
	"slices"
	"strings"

	"briefing/report"
)

// methodology explains how events are coded, classed and counted, and
// states the facts a reader needs to cite or check the letter: period,
// coverage, counts, data cutoff, the dataset's fingerprint and the tool
// that made it. Its numbers are those of the key figures and the charts,
// from the same functions.
func (d *doc) methodology() {
	cat, pal, sel := d.cat, d.pal, d.sel
	k := sel.KeyFigures()
	d.breakUnlessRoom(partHeading + 3*4.6)
	d.heading(cat.T("method.title"), 0)
	paragraphs := []string{
		cat.T("method.coding"),
		cat.T("method.disorder"),
		cat.T("method.period", cat.PeriodInText(sel.Period), cat.PeriodInText(sel.Previous)),
		d.coverageParagraph(),
		cat.T("method.claims"),
		cat.T("method.sources"),
	}
	if outside := len(sel.OutsideCoverage()); outside > 0 {
		paragraphs = append(paragraphs[:4], append([]string{cat.T("method.outside", cat.N("events", outside))}, paragraphs[4:]...)...)
	}
	if d.placesMap() {
		// Natural Earth asks for no credit, but a reader who sees borders
		// should know whose they are.
		if len(sel.Dataset.Basemap) > 0 {
			paragraphs = append(paragraphs, cat.T("method.basemap_own"))
		} else {
			paragraphs = append(paragraphs, cat.T("method.basemap"))
		}
	}
	// A note on method, set a size below the body text.
	for _, text := range paragraphs {
		d.flow(d.typeset([]span{d.prose(text, serif, "", 9.5, pal.ink)}, marginL, textW, 4.6, justify))
		d.y += 1.8
	}

	// Events by type, this period and the previous one: the totals of
	// the frequency chart's buckets.
	current, previous := sel.Frequency().Totals()
	previousCell := func(n int) string {
		if !k.PreviousCovered {
			return cat.T("method.not_covered")
		}
		return cat.Int(n)
	}
	rows := [][]string{}
	for i := range current {
		if current[i] == 0 && previous[i] == 0 {
			continue
		}
		rows = append(rows, []string{cat.EventType(i), cat.Int(current[i]), previousCell(previous[i])})
	}
	rows = append(rows,
		[]string{cat.T("method.total"), cat.Int(current.Total()), previousCell(previous.Total())},
		[]string{cat.T("method.of_which_violence"), cat.Int(k.Violence), previousCell(k.PreviousViolence)},
	)
	cells := make([][]cell, len(rows))
	for i, r := range rows {
		cells[i] = d.textCells(r, "", pal.ink)
	}
	byType := d.layTable([]column{
		{width: 90},
		{title: cat.T("method.this_period"), width: 40, align: alignRight},
		{title: cat.T("method.previous_period"), width: 40, align: alignRight},
	}, cells)
	d.headingKeep(cat.T("method.by_type"), 1, byType.firstBlock())
	d.drawTable(byType)

	// The facts: short, so they stay together with their heading.
	cutoff := cat.T("method.no_cutoff")
	if c := sel.Cutoff(); !c.IsZero() {
		cutoff = cat.Date(c)
	}
	comparison := cat.Period(sel.Previous)
	if !k.PreviousCovered {
		comparison = cat.T("method.comparison_not_covered", comparison)
	}
	fingerprint := d.ds.Fingerprint()
	facts := [][]string{
		{cat.T("method.fact.period"), cat.Period(sel.Period)},
		{cat.T("method.fact.previous"), comparison},
		{cat.T("method.fact.coverage"), d.coverageList()},
		{cat.T("method.fact.cutoff"), cutoff},
		{cat.T("method.fact.events"), cat.T("method.fact.events_value", cat.Int(k.Events), cat.Int(k.Violence), cat.Int(k.Strategic))},
		{cat.T("method.fact.sources"), cat.T("method.fact.sources_value", cat.Int(k.Sources), cat.Int(len(sel.EventSources())))},
		// Grouped by eight, the fingerprint can be read aloud and compared.
		{cat.T("method.fact.fingerprint"), groups(fingerprint, 8)},
		{cat.T("method.fact.generator"), d.opt.Generator},
		{cat.T("method.fact.annex"), d.l.ID + "-annex.xlsx, " + d.l.ID + "-events.csv"},
	}
	if name := d.local(d.ds.Info.Name); name != "" {
		facts = append([][]string{{cat.T("method.fact.dataset"), name}}, facts...)
	}
	// The facts, a row each: kept whole when they take less than a third
	// of a page (a dozen rows), otherwise the heading keeps the first
	// three with it and the last row is never left alone on a page.
	type fact struct{ label, value block }
	var factRows []fact
	heights := []float64{}
	for _, f := range facts {
		r := fact{
			d.typeset([]span{plain(f[0], sans, "B", 8.5, pal.ink)}, marginL, 48, 4.2, alignLeft),
			d.typeset([]span{plain(f[1], sans, "", 8.5, pal.ink)}, marginL+50, textW-50, 4.2, alignLeft),
		}
		factRows = append(factRows, r)
		heights = append(heights, max(r.label.height(), r.value.height())+0.9)
	}
	keep, all := 0.0, 0.0
	for i, h := range heights {
		if i < 3 {
			keep += h
		}
		all += h
	}
	if all < (bodyBottom-bodyTop)/3 {
		keep = all
	}
	d.headingKeep(cat.T("method.facts"), 1, keep)
	for i, r := range factRows {
		h := heights[i]
		if i == len(factRows)-2 {
			h += heights[i+1] // the last two rows go together
		}
		d.need(h)
		d.setAt(r.label, d.y)
		d.setAt(r.value, d.y)
		d.y += heights[i]
	}
}

// coverageParagraph says what the dataset covers for the letter and what
// follows for its figures.
func (d *doc) coverageParagraph() string {
	cat := d.cat
	if !d.ds.Info.Declared {
		return cat.T("method.coverage_undeclared", d.coverageList())
	}
	sel := d.sel
	if len(sel.Coverage.Within(report.Period{From: sel.Previous.From, To: sel.Period.To})) == 0 {
		// "collected over none within these dates" reads wrong in
		// either language: a sentence of its own.
		return cat.T("method.coverage_outside")
	}
	return cat.T("method.coverage", d.coverageList())
}

// coverageList writes the covered days of the letter's period and of its
// comparison period, with the countries they hold for: "1 June –
// 9 September 2025 (ML, MR, SN)".
func (d *doc) coverageList() string {
	cat, sel := d.cat, d.sel
	span := report.Period{From: sel.Previous.From, To: sel.Period.To}
	parts := sel.Coverage.Within(span)
	if len(parts) == 0 {
		return cat.T("method.coverage_none")
	}
	return cat.T("method.coverage_list", cat.Periods(parts), strings.Join(d.ds.Countries(d.l.Scope), ", "))
}

// groups splits s into groups of n characters separated by spaces.
func groups(s string, n int) string {
	var parts []string
	for len(s) > n {
		parts = append(parts, s[:n])
		s = s[n:]
	}
	return strings.Join(append(parts, s), " ")
}

// placesMap reports whether a section of the letter places the map.
func (d *doc) placesMap() bool {
	for _, s := range d.sel.Letter.Sections {
		if slices.Contains(s.Figures, "map") {
			return true
		}
	}
	return false
}
