package pdf

import (
	"fmt"

	"briefing/charts"
	"briefing/report"
)

// checkGlyphs warns about every character of the letter's data that the
// Liberation fonts cannot draw, naming where it is written: such a
// character would print as a blank, and nobody would notice.
func checkGlyphs(sel report.Selection, fonts *charts.FontSet) report.Diagnostics {
	face := fonts.Font(charts.FamilySerif, "")
	sansFace := fonts.Font(charts.FamilySans, "")
	var diags report.Diagnostics
	seen := map[string]bool{}
	check := func(pos report.Position, text string) {
		for _, r := range text {
			if r < 0x20 || r == 0x7f {
				continue
			}
			if face.Index(r) != 0 && sansFace.Index(r) != 0 {
				continue
			}
			key := fmt.Sprintf("%s|%U", pos, r)
			if seen[key] {
				continue
			}
			seen[key] = true
			diags.Warnf(pos, "the letter's fonts have no glyph for %q (%U); it would print as a blank: replace it or choose another character", string(r), r)
		}
	}
	l, ds := sel.Letter, sel.Dataset
	for _, s := range []string{l.Series, l.Title, l.Subtitle} {
		check(l.Pos, s)
	}
	for _, s := range append(append([]string{}, l.Authors...), l.KeyPoints...) {
		check(l.Pos, s)
	}
	for _, s := range l.Sections {
		check(s.Pos, s.Title)
		check(s.Pos, s.Body.Text)
	}
	cited := map[string]bool{}
	for _, s := range l.Sections {
		for _, id := range s.Body.Notes() {
			cited[id] = true
		}
	}
	for _, e := range sel.Events {
		check(e.Pos, e.Summary)
		for _, id := range e.Sources {
			cited[id] = true
		}
		if p, ok := ds.Place(e.Place); ok {
			check(p.Pos, p.Name+p.Admin1)
		}
		for _, id := range e.Corridors {
			if c, ok := ds.Corridor(id); ok {
				check(c.Pos, c.Short+c.Name)
			}
		}
	}
	for _, s := range ds.Sources {
		if cited[s.ID] {
			check(s.Pos, s.Publisher+s.Title+s.URL)
		}
	}
	b := ds.Brand
	for _, s := range append([]string{b.Name, b.Tagline, b.Phone, b.Mobile, b.Email, b.Website, b.Copyright}, b.Address...) {
		check(b.Pos, s)
	}
	return diags.Sort()
}
