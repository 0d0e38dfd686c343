package pdf

import (
	"cmp"
	"slices"
	"strings"

	"briefing/report"
)

// sources lists every source the letter cites, in its sections' notes or
// through its events, by publisher and date.
func (d *doc) sources() {
	cat := d.cat
	cited := d.citedSources()
	if len(cited) == 0 {
		return
	}
	d.y += 4
	d.heading(cat.T("sources.title"), 0)
	d.flow(d.typeset([]span{plain(cat.T("sources.intro"), sans, "", 8.5, d.pal.muted)}, marginL, textW, 4.2, alignLeft))
	d.y += 3
	for _, src := range cited {
		d.flow(d.typesetHanging(d.citation(src, 8.2), marginL, textW, 5, 3.9))
		d.y += 1.6
	}
}

// citedSources returns the sources the letter's notes and events cite,
// each once, sorted by publisher, date and title.
func (d *doc) citedSources() []*report.Source {
	ids := map[string]bool{}
	for _, s := range d.l.Sections {
		for _, id := range s.Body.Notes() {
			ids[id] = true
		}
	}
	for _, id := range d.sel.Sources() {
		ids[id] = true
	}
	var out []*report.Source
	for id := range ids {
		if s, ok := d.ds.Source(id); ok {
			out = append(out, s)
		}
	}
	slices.SortFunc(out, func(a, b *report.Source) int {
		return cmp.Or(
			cmp.Compare(strings.ToLower(a.Publisher), strings.ToLower(b.Publisher)),
			cmp.Compare(a.Date.String(), b.Date.String()),
			cmp.Compare(a.Title, b.Title),
			cmp.Compare(a.ID, b.ID))
	})
	return out
}
