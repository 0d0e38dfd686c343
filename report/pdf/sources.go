package pdf

// sources lists the sources the letter cites, in its sections' notes or
// through the events its chronology prints, by publisher and date, each
// numbered as the chronology refers to it. When the chronology is bounded
// the introduction says how many sources back the period's events in all.
func (d *doc) sources() {
	cat, pal := d.cat, d.pal
	if len(d.cited) == 0 {
		return
	}
	intro := cat.T("sources.intro")
	if d.chron.Limit > 0 {
		intro = cat.T("sources.intro_limited", cat.Int(len(d.sel.EventSources())))
	}
	introBlock := d.typeset([]span{d.prose(intro, sans, "", 8.5, pal.muted)}, marginL, textW, 4.2, alignLeft)
	entries := make([]block, len(d.cited))
	for i, src := range d.cited {
		entries[i] = d.typeset(d.citation(src, 8.2), marginL+sourceIndent, textW-sourceIndent, 3.9, alignLeft)
	}
	d.breakUnlessRoom(partHeading + introBlock.height() + 3 + min(entries[0].height(), 2*3.9))
	d.heading(cat.T("sources.title"), 0)
	d.flow(introBlock)
	d.y += 3
	for i, b := range entries {
		d.numbered(b, i+1, 8.2, d.sourceLink[i])
		d.y += 1.6
	}
}

// sourceIndent is the room for an entry's number in the sources list.
const sourceIndent = 8.0

// numberSources numbers the letter's sources list and makes the links the
// chronology's source numbers point to.
func (d *doc) numberSources() {
	d.chron = d.sel.Chronology()
	d.cited = d.sel.CitedSources()
	d.sourceNum = make(map[string]int, len(d.cited))
	d.sourceLink = make([]int, len(d.cited))
	for i, src := range d.cited {
		d.sourceNum[src.ID] = i + 1
		d.sourceLink[i] = d.pdf.AddLink()
	}
}
