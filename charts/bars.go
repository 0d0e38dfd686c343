package charts

import (
	"briefing/report"
)

// corridorsChart draws, per corridor, its hits — the events of political
// violence on it — as a bar stacked by event type, most hit first,
// labelled with the corridors' short names. The other events that name the
// corridor (strategic developments such as a blockade declared or a convoy
// looted, and demonstrations without violence) are not hits: they get a
// thin, paler bar of their own under the hits, with its own count, never
// added to them. Past fifteen corridors the rest are summed on one row, so
// the figure keeps to a page.
func corridorsChart(sel report.Selection, t Theme) *Chart {
	counts := sel.Corridors()
	if len(counts) == 0 {
		return emptyChart(t)
	}
	const maxRows = 15
	p, cat := paletteOf(t.Brand), t.Catalog
	var rows []barRow
	var hits, others, otherHits, otherRest report.TypeCounts
	for i, cc := range counts {
		rest := notHits(cc)
		for j := range report.NumEventTypes {
			hits[j] += cc.Violence[j]
			others[j] += rest[j]
		}
		if len(counts) > maxRows && i >= maxRows-1 {
			for j := range report.NumEventTypes {
				otherHits[j] += cc.Violence[j]
				otherRest[j] += rest[j]
			}
			continue
		}
		rows = append(rows, corridorRow(p, cc.Corridor.Short.In(cat.Lang()), cc.Violence, rest))
	}
	if len(counts) > maxRows {
		rows = append(rows, corridorRow(p, cat.T("chart.other_corridors", len(counts)-maxRows+1), otherHits, otherRest))
	}
	legend := typeLegend(t, p, hits)
	st := strategicType()
	if others[st] > 0 {
		legend = append(legend, legendEntry{color: p.types[st], kind: swatchThin, label: cat.T("chart.corridor_strategic")})
	}
	if stackedOnly(others).Total() > 0 {
		// Peaceful protests and violent demonstrations: the one
		// demonstration type present gives the colour.
		col := p.types[firstPresent(stackedOnly(others))]
		legend = append(legend, legendEntry{color: col, kind: swatchThin, label: cat.T("chart.corridor_demonstrations")})
	}
	return barChart(t, cat.T("chart.corridor_axis"), rows, legend)
}

// notHits returns the events that name the corridor but are not political
// violence, by type.
func notHits(cc report.CorridorCount) report.TypeCounts {
	var rest report.TypeCounts
	for j := range report.NumEventTypes {
		rest[j] = cc.Counts[j] - cc.Violence[j]
	}
	return rest
}

func corridorRow(p palette, label string, hits, rest report.TypeCounts) barRow {
	r := barRow{label: label, segments: typeSegments(p, hits), showZero: true}
	// The thin bar keeps the types' colours: its thinness, its own count
	// and the legend set it apart, and strategic developments' blue is
	// never in a bar of hits.
	r.secondary = typeSegments(p, rest)
	return r
}

func firstPresent(c report.TypeCounts) int {
	for i, n := range c {
		if n > 0 {
			return i
		}
	}
	return 0
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
	return barChart(t, t.Catalog.T("chart.events"), rows, nil)
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
// end, and optionally a thin secondary bar under it for events counted
// apart from the main bar.
type barRow struct {
	label     string
	segments  []segment
	secondary []segment
	// showZero prints the main bar's count even when it is zero: a
	// corridor named only by events that are not hits was hit 0 times.
	showZero bool
}

type segment struct {
	n     int
	color report.Color
}

func sum(segments []segment) int {
	n := 0
	for _, s := range segments {
		n += s.n
	}
	return n
}

// barChart lays out horizontal bars with their labels on the left, totals
// at their ends, a count axis below, titled title, and an optional legend.
// Rows with a secondary bar are taller, so that the thin bar and its count
// sit under the main bar without touching the next row.
func barChart(t Theme, title string, rows []barRow, legend []legendEntry) *Chart {
	m, p, cat := measurer{t.Fonts}, paletteOf(t.Brand), t.Catalog
	labelStyle := textStyle{size: labelSize, color: p.ink, align: alignRight}
	labelWidth := 0.0
	for _, r := range rows {
		labelWidth = max(labelWidth, m.width(r.label, labelStyle))
	}
	labelWidth = min(labelWidth, 55)
	top := 0
	secondary := false
	for _, r := range rows {
		top = max(top, sum(r.segments), sum(r.secondary))
		secondary = secondary || len(r.secondary) > 0
	}
	xs := niceScale(top)

	const plotTop, barHeight = 7.0, 4.2
	rowHeight := 6.5
	if secondary {
		rowHeight = 8.6
	}
	plotLeft, plotRight := labelWidth+3, Width-8
	plotBottom := plotTop + float64(len(rows))*rowHeight
	legendTop := plotBottom + 8
	height := legendTop + 1
	if len(legend) > 0 {
		height += legendHeight(m, legend, Width)
	}
	x := func(v int) float64 { return plotLeft + float64(v)/float64(xs.max)*(plotRight-plotLeft) }
	tickStyle := textStyle{size: labelSize, color: p.muted, align: alignCenter}
	valueStyle := textStyle{size: valueSize, color: p.ink}
	secondaryStyle := textStyle{size: noteSize, color: p.muted}

	return &Chart{Width: Width, Height: height, draw: func(c *canvas) {
		// The title stands over the axis, or from the left edge when it is
		// too long for that.
		titleStyle := textStyle{size: titleSize, color: p.muted}
		tx := plotLeft
		if c.width(title, titleStyle) > Width-plotLeft {
			tx = 0
		}
		c.text(c.fit(title, Width-tx, titleStyle), tx, 3.5, titleStyle)
		for v := 0; v <= xs.max; v += xs.step {
			c.line([][2]float64{{x(v), plotTop}, {x(v), plotBottom}}, 0.15, p.grid, nil)
			c.text(cat.Int(v), x(v), plotBottom+4, tickStyle)
		}
		for i, r := range rows {
			rowTop := plotTop + float64(i)*rowHeight
			mid := rowTop + rowHeight/2
			if secondary {
				// The main bar above the middle, the thin one below it.
				mid = rowTop + 0.9 + barHeight/2
			}
			c.text(c.fit(r.label, labelWidth, labelStyle), labelWidth, mid+1, labelStyle)
			end := 0
			for _, s := range r.segments {
				c.fillRect(x(end), mid-barHeight/2, x(end+s.n)-x(end), barHeight, s.color)
				end += s.n
			}
			if end > 0 || r.showZero {
				c.text(cat.Int(end), x(end)+1.2, mid+1, valueStyle)
			}
			if len(r.secondary) > 0 {
				thinMid := mid + barHeight/2 + 0.5 + thinBar/2
				end := 0
				for _, s := range r.secondary {
					c.fillRect(x(end), thinMid-thinBar/2, x(end+s.n)-x(end), thinBar, s.color)
					end += s.n
				}
				c.text(cat.Int(end), x(end)+1.2, thinMid+0.8, secondaryStyle)
			}
		}
		c.line([][2]float64{{plotLeft, plotTop}, {plotLeft, plotBottom}}, 0.3, p.ink, nil)
		if len(legend) > 0 {
			drawLegend(c, p, legend, 0, legendTop, Width)
		}
	}}
}
