package pdf

import (
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

// citedSources returns the letter's sources list (see
// [report.Selection.CitedSources]).
func (d *doc) citedSources() []*report.Source { return d.sel.CitedSources() }
