package charts

import (
	"strconv"

	"briefing/report"
)

// corridorsChart draws the events per corridor hit as horizontal bars
// stacked by event type, most hit first, labelled with the corridors'
// short names. Past fifteen corridors the rest are summed on one bar, so
// the figure keeps to a page.
func corridorsChart(sel report.Selection, t Theme) *Chart {
	counts := sel.Corridors()
	if len(counts) == 0 {
		return emptyChart(t)
	}
	const maxRows = 15
	p := paletteOf(t.Brand)
	var rows []barRow
	var present, others report.TypeCounts
	for i, cc := range counts {
		for j, n := range cc.Counts {
			present[j] += n
		}
		if len(counts) > maxRows && i >= maxRows-1 {
			for j, n := range cc.Counts {
				others[j] += n
			}
			continue
		}
		rows = append(rows, barRow{label: cc.Corridor.Short, segments: typeSegments(p, cc.Counts)})
	}
	if others.Total() > 0 {
		rows = append(rows, barRow{label: t.Catalog.T("chart.other_corridors", len(counts)-maxRows+1), segments: typeSegments(p, others)})
	}
	return barChart(t, rows, typeLegend(t, p, present))
}

// targetsChart draws the events per target tag as horizontal bars.
func targetsChart(sel report.Selection, t Theme) *Chart {
	counts := sel.Targets()
	if len(counts) == 0 {
		return emptyChart(t)
	}
	p := paletteOf(t.Brand)
	rows := make([]barRow, len(counts))
	for i, tc := range counts {
		rows[i] = barRow{label: t.Catalog.Target(tc.Tag), segments: []segment{{tc.N, p.primary}}}
	}
	return barChart(t, rows, nil)
}

func typeSegments(p palette, counts report.TypeCounts) []segment {
	var s []segment
	for i, n := range counts {
		if n > 0 {
			s = append(s, segment{n, p.types[i]})
		}
	}
	return s
}

// barRow is one horizontal bar: a label and coloured segments laid end to
// end.
type barRow struct {
	label    string
	segments []segment
}

type segment struct {
	n     int
	color report.Color
}

func (r barRow) total() int {
	n := 0
	for _, s := range r.segments {
		n += s.n
	}
	return n
}

// barChart lays out horizontal bars with their labels on the left, totals
// at their ends, a count axis below and an optional legend.
func barChart(t Theme, rows []barRow, legend []legendEntry) *Chart {
	m, p, cat := measurer{t.Fonts}, paletteOf(t.Brand), t.Catalog
	labelStyle := textStyle{size: labelSize, color: p.ink, align: alignRight}
	labelWidth := 0.0
	for _, r := range rows {
		labelWidth = max(labelWidth, m.width(r.label, labelStyle))
	}
	labelWidth = min(labelWidth, 55)
	top := 0
	for _, r := range rows {
		top = max(top, r.total())
	}
	xs := niceScale(top)

	const plotTop, rowHeight, barHeight = 7.0, 6.5, 4.2
	plotLeft, plotRight := labelWidth+3, Width-8
	plotBottom := plotTop + float64(len(rows))*rowHeight
	legendTop := plotBottom + 8
	height := legendTop + 1
	if len(legend) > 0 {
		height += legendHeight(m, legend, Width)
	}
	x := func(v int) float64 { return plotLeft + float64(v)/float64(xs.max)*(plotRight-plotLeft) }
	tickStyle := textStyle{size: labelSize, color: p.muted, align: alignCenter}

	return &Chart{Width: Width, Height: height, draw: func(c *canvas) {
		c.text(cat.T("chart.events"), plotLeft, 3.5, textStyle{size: titleSize, color: p.muted})
		for v := 0; v <= xs.max; v += xs.step {
			c.line([][2]float64{{x(v), plotTop}, {x(v), plotBottom}}, 0.15, p.grid, nil)
			c.text(strconv.Itoa(v), x(v), plotBottom+4, tickStyle)
		}
		for i, r := range rows {
			mid := plotTop + (float64(i)+0.5)*rowHeight
			c.text(c.fit(r.label, labelWidth, labelStyle), labelWidth, mid+1, labelStyle)
			end := 0
			for _, s := range r.segments {
				c.fillRect(x(end), mid-barHeight/2, x(end+s.n)-x(end), barHeight, s.color)
				end += s.n
			}
			c.text(cat.Int(end), x(end)+1.2, mid+1, textStyle{size: valueSize, color: p.ink})
		}
		c.line([][2]float64{{plotLeft, plotTop}, {plotLeft, plotBottom}}, 0.3, p.ink, nil)
		if len(legend) > 0 {
			drawLegend(c, p, legend, 0, legendTop, Width)
		}
	}}
}
