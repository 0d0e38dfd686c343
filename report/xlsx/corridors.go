package xlsx

import "briefing/report"

// corridorsSheet counts the letter's events per corridor they name, in the
// order and with the numbers of the letter's corridors chart
// ([report.Selection.Corridors]): the hits, events of political violence,
// apart from the other events naming the corridor (a blockade declared, a
// protest), which the letter never counts as hits.
func (a *annex) corridorsSheet(name string) *sheet {
	st, cat := a.st, a.cat
	col := func(key string, style int) column {
		return column{title: cat.T("annex.corridors." + key), style: style, def: cat.T("annex.def.corridors." + key)}
	}
	cols := []column{col("id", st.text), col("name", st.text), col("short", st.text), col("hits", st.integer), col("other", st.integer)}
	for i, t := range report.EventTypes() {
		cols = append(cols, column{title: cat.EventType(i), style: st.integer, def: cat.T("annex.def.corridors.type", t)})
	}
	cols = append(cols, col("total", st.integer), col("share", st.percent))

	counts := a.sel.Corridors()
	all := len(a.sel.Events)
	return &sheet{
		name: name, table: tableCorridors, cols: cols, n: len(counts),
		landscape: true, freeze: true,
		row: func(i int, r []cell) []cell {
			c := counts[i]
			txt := func(v, field string) cell { return a.textOf(v, c.Corridor.Pos, "corridor", c.Corridor.ID, field) }
			r = append(r, txt(c.Corridor.ID, "id"), txt(c.Corridor.Name.In(a.cat.Lang()), "name"), txt(c.Corridor.Short.In(a.cat.Lang()), "short"),
				intCell(c.Hits()), intCell(c.Counts.Total()-c.Hits()))
			for _, n := range c.Counts {
				r = append(r, intCell(n))
			}
			r = append(r, intCell(c.Counts.Total()))
			if all > 0 {
				r = append(r, cell{kind: percent, n: float64(c.Counts.Total()) / float64(all)})
			}
			return r
		},
	}
}
