package pdf

import (
	"strings"
)

// methodology explains how events are coded and counted, and states the
// facts a reader needs to cite or check the letter: period, counts, data
// cutoff, the dataset's fingerprint and the tool that made it.
func (d *doc) methodology() {
	cat, pal, sel := d.cat, d.pal, d.sel
	d.y += 4
	d.heading(cat.T("method.title"), 0)
	for _, text := range []string{
		cat.T("method.coding"),
		cat.T("method.period", cat.Period(sel.Period), cat.Period(sel.Previous)),
		cat.T("method.sources"),
	} {
		d.flow(d.typeset([]span{plain(text, serif, "", 10, pal.ink)}, marginL, textW, 5, justify))
		d.y += paraGap
	}

	// Events by type, this period and the previous one.
	current, previous := sel.Frequency().Totals()
	d.heading(cat.T("method.by_type"), 1)
	rows := [][]string{}
	for i := range current {
		if current[i] == 0 && previous[i] == 0 {
			continue
		}
		rows = append(rows, []string{cat.EventType(i), cat.Int(current[i]), cat.Int(previous[i])})
	}
	rows = append(rows, []string{cat.T("method.total"), cat.Int(current.Total()), cat.Int(previous.Total())})
	d.table([]column{
		{width: 90},
		{title: cat.T("method.this_period"), width: 40, align: alignRight},
		{title: cat.T("method.previous_period"), width: 40, align: alignRight},
	}, rows)

	// The facts: short, so they stay together with their heading.
	cutoff := cat.T("method.no_cutoff")
	if c := sel.Cutoff(); !c.IsZero() {
		cutoff = cat.Date(c)
	}
	fingerprint := d.ds.Fingerprint()
	facts := [][]string{
		{cat.T("method.fact.period"), cat.Period(sel.Period)},
		{cat.T("method.fact.previous"), cat.Period(sel.Previous)},
		{cat.T("method.fact.events"), cat.Int(len(sel.Events))},
		{cat.T("method.fact.sources"), cat.Int(len(d.citedSources()))},
		{cat.T("method.fact.cutoff"), cutoff},
		// Grouped by eight, the fingerprint can be read aloud and compared.
		{cat.T("method.fact.fingerprint"), groups(fingerprint, 8)},
		{cat.T("method.fact.generator"), d.opt.Generator},
		{cat.T("method.fact.annex"), d.l.ID + "-annex.xlsx"},
	}
	type fact struct{ label, value block }
	var lines []fact
	total := 0.0
	for _, f := range facts {
		r := fact{
			d.typeset([]span{plain(f[0], sans, "B", 8.5, pal.ink)}, marginL, 58, 4.2, alignLeft),
			d.typeset([]span{plain(f[1], sans, "", 8.5, pal.ink)}, marginL+60, textW-60, 4.2, alignLeft),
		}
		lines = append(lines, r)
		total += max(r.label.height(), r.value.height()) + 1.4
	}
	d.headingKeep(cat.T("method.facts"), 1, total)
	for _, r := range lines {
		d.setAt(r.label, d.y)
		d.setAt(r.value, d.y)
		d.y += max(r.label.height(), r.value.height()) + 1.4
	}
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
