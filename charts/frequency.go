package charts

import (
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"briefing/report"
	"briefing/report/locale"
)

// frequencyChart draws events per week or month on a time axis: columns
// of political violence and demonstrations stacked by event type, the
// strategic developments apart in a row of diamonds under the axis (they
// are not violence, and stacking them would inflate every bar), the
// previous period's columns as a dashed step line, and the weeks or months
// the dataset does not cover as a hatched band marked "not covered", so
// that no reader takes an uncollected week for a quiet one.
func frequencyChart(sel report.Selection, t Theme) *Chart {
	f := sel.Frequency()
	drawn, uncovered := f.Drawn()
	_, previous := f.Totals()
	anyUncovered := slices.ContainsFunc(f.Buckets, func(b report.Bucket) bool { return !b.Covered() })
	// The panel that says "no events" only where that is a fact: every
	// week covered, and nothing in the period or the covered comparison.
	if len(f.Buckets) == 0 || (!anyUncovered && drawn.Total() == 0 && previous.Total() == 0) {
		return emptyChart(t)
	}
	m, p, cat := measurer{t.Fonts}, paletteOf(t.Brand), t.Catalog
	st := strategicType()
	stacked := func(c report.TypeCounts) int { return c.Sum(report.NotStrategic) }

	top := 0
	anyCovered := false
	for _, b := range f.Buckets {
		if b.Covered() {
			anyCovered = true
			top = max(top, stacked(b.Counts))
		}
		if f.PreviousCovered && !b.PreviousPeriod.From.IsZero() {
			top = max(top, stacked(b.Previous))
		}
	}
	ys := niceScale(top)
	previousLine := f.PreviousCovered && stacked(previous) > 0
	showScale := anyCovered || previousLine

	title := cat.T("chart.events_per_week")
	if f.Granularity == report.Monthly {
		title = cat.T("chart.events_per_month")
	}

	// Vertical layout, top down: the axis title, the cutoff's label, the
	// plot (with headroom above the highest gridline for the labels of the
	// tallest bar), the month row, the week row, the strip of strategic
	// developments and the legend.
	const (
		plotTop    = 10.5
		headroom   = 6.5 // above the top gridline: bar totals, "3 days"
		plotHeight = 56.0
		cutoffBase = plotTop - 2.2
	)
	plotBottom := plotTop + plotHeight
	tickStyle := textStyle{size: labelSize, color: p.muted, align: alignRight}
	axisWidth := 0.0
	if showScale {
		axisWidth = m.width(cat.Int(ys.max), tickStyle)
	}
	plotLeft, plotRight := axisWidth+2.5, Width-1.0
	y := func(v int) float64 {
		return plotBottom - float64(v)/float64(ys.max)*(plotHeight-headroom)
	}

	// The x axis is time: a day has the same width everywhere, so a week
	// cut by the period's end is narrower, and a month tick falls on its
	// very day.
	period := sel.Period
	dayW := (plotRight - plotLeft) / float64(period.Days())
	dayX := func(d report.Date) float64 { return plotLeft + float64(period.From.DaysUntil(d))*dayW }
	span := func(b report.Bucket) (float64, float64) { return dayX(b.Period.From), dayX(b.Period.To) + dayW }
	fullSlot := 7 * dayW
	if f.Granularity == report.Monthly {
		fullSlot = 30.44 * dayW
	}
	barWidth := math.Min(fullSlot*0.68, 14)

	ax := frequencyAxis(f, period, cat, m, dayX, plotLeft, plotRight)
	axisBottom := plotBottom + ax.height

	// The strip of strategic developments, when the covered weeks have any.
	strip := drawn[st] > 0
	stripTop := axisBottom + 1.5
	const stripCaption, stripRow, stripHeight = 3.0, 6.6, 9.0
	bottom := axisBottom
	if strip {
		bottom = stripTop + stripHeight
	}

	bands := uncoveredBands(f, span)
	bandText := make([][]string, len(bands))
	bandNote := "" // said in the legend when the band has no room for it
	valueStyle := textStyle{size: valueSize, color: p.ink, align: alignCenter}
	noteStyle := textStyle{size: noteSize, color: p.ink, align: alignCenter}
	for i, bd := range bands {
		lines := []string{cat.T("chart.not_covered")}
		if bd.events > 0 {
			lines = append(lines, wrap(m, cat.N("chart.outside_coverage", bd.events), bd.x1-bd.x0-1.5, noteStyle)...)
		}
		// Words piled up one per line in a narrow band would not read:
		// past three lines, the legend says it.
		if len(lines) <= 3 && !slices.ContainsFunc(lines, func(l string) bool { return m.width(l, noteStyle) > bd.x1-bd.x0-1.5 }) {
			bandText[i] = lines
		} else if bd.events > 0 {
			bandNote = cat.N("chart.outside_coverage", uncovered.Total())
		}
	}

	legend := typeLegend(t, p, stackedOnly(drawn))
	if strip {
		legend = append(legend, legendEntry{color: p.types[st], kind: swatchDiamond, label: cat.T("chart.strategic_apart")})
	}
	if anyUncovered {
		label := cat.T("chart.legend_not_covered")
		if bandNote != "" {
			label = cat.T("chart.legend_not_covered_note", bandNote)
		}
		legend = append(legend, legendEntry{color: p.muted, kind: swatchHatched, label: label})
	}
	prevDates := cat.Period(sel.Previous)
	switch {
	case !f.PreviousCovered:
		legend = append(legend, legendEntry{kind: swatchNone, label: cat.T("chart.previous_not_covered", prevDates)})
	case previousLine:
		legend = append(legend, legendEntry{color: p.muted, kind: swatchDashed, label: cat.T("chart.previous_period", prevDates)})
	case previous.Total() == 0:
		legend = append(legend, legendEntry{color: p.muted, kind: swatchDashed, label: cat.T("chart.previous_none", prevDates)})
	default:
		legend = append(legend, legendEntry{color: p.muted, kind: swatchDashed, label: cat.T("chart.previous_none_stacked", prevDates)})
	}
	legendTop := bottom + 5
	height := legendTop + legendHeight(m, legend, Width) + 1

	cutoff := !f.Cutoff.IsZero() && f.Cutoff.Before(period.To)
	cutoffLabel := ""
	if cutoff {
		cutoffLabel = cat.T("chart.data_to", cat.ShortDate(f.Cutoff))
	}

	return &Chart{Width: Width, Height: height, draw: func(c *canvas) {
		c.text(title, 0, 3.5, textStyle{size: titleSize, color: p.muted})
		for _, bd := range bands {
			drawUncovered(c, p, bd.x0, plotTop, bd.x1-bd.x0, plotHeight)
			if strip {
				drawUncovered(c, p, bd.x0, stripTop+stripCaption+0.6, bd.x1-bd.x0, stripHeight-stripCaption-0.6)
			}
		}
		if showScale {
			for v := 0; v <= ys.max; v += ys.step {
				c.line([][2]float64{{plotLeft, y(v)}, {plotRight, y(v)}}, 0.15, p.grid, nil)
				c.text(cat.Int(v), plotLeft-1.5, y(v)+1, tickStyle)
			}
		}
		// Month starts as faint lines through the plot, behind the bars,
		// so that the 1st of a month is visible inside its week's column.
		for _, tk := range ax.months {
			if tk.tick && tk.x > plotLeft+0.1 {
				c.line([][2]float64{{tk.x, plotTop}, {tk.x, plotBottom}}, 0.15, p.grid, nil)
			}
		}
		if cutoff {
			x := dayX(f.Cutoff) + dayW
			c.line([][2]float64{{x, cutoffBase - 2.6}, {x, plotBottom}}, 0.25, p.ink, []float64{0.8, 0.6})
			ls := textStyle{size: noteSize, color: p.ink, align: alignRight}
			lx := x - 0.8
			if lx-m.width(cutoffLabel, ls) < plotLeft {
				ls.align, lx = alignLeft, x+0.8
			}
			c.text(cutoffLabel, lx, cutoffBase, ls)
		}
		for _, b := range f.Buckets {
			if !b.Covered() {
				continue
			}
			x0, x1 := span(b)
			w := math.Min(barWidth, (x1-x0)*0.8)
			x := (x0+x1)/2 - w/2
			base := 0
			for j, n := range b.Counts {
				if n > 0 && report.NotStrategic(j) {
					c.fillRect(x, y(base+n), w, y(base)-y(base+n), p.types[j])
					base += n
				}
			}
			labelY := y(base) - 1.2
			if base > 0 {
				c.text(cat.Int(base), x+w/2, labelY, valueStyle)
				labelY -= ptToMM(valueSize) + 0.4
			}
			if b.Partial() {
				// On a white ground: the cutoff line often runs through it.
				ds := textStyle{size: noteSize, color: p.muted, align: alignCenter}
				label := cat.N("chart.days", b.CoveredDays)
				lw := m.width(label, ds)
				c.fillRect(x+w/2-lw/2-0.4, labelY-ptToMM(noteSize)*0.75, lw+0.8, ptToMM(noteSize)*0.95, white)
				c.text(label, x+w/2, labelY, ds)
			}
		}
		c.line([][2]float64{{plotLeft, plotBottom}, {plotRight, plotBottom}}, 0.3, p.ink, nil)
		ax.draw(c, p, plotBottom)
		if previousLine {
			var step [][2]float64
			for _, b := range f.Buckets {
				if b.PreviousPeriod.From.IsZero() {
					break
				}
				x0, x1 := span(b)
				v := y(stacked(b.Previous))
				step = append(step, [2]float64{x0, v}, [2]float64{x1, v})
			}
			c.line(step, 0.4, p.muted, []float64{1.2, 0.8})
		}
		for i, bd := range bands {
			ty := plotTop + 3.6
			for _, l := range bandText[i] {
				w := m.width(l, noteStyle)
				mid := (bd.x0 + bd.x1) / 2
				c.fillRect(mid-w/2-0.6, ty-ptToMM(noteSize)*0.8, w+1.2, ptToMM(noteSize)+0.4, p.light.Mix(white, 0.4))
				c.text(l, mid, ty, noteStyle)
				ty += ptToMM(noteSize) + 0.5
			}
		}
		if strip {
			c.text(cat.EventType(st), plotLeft, stripTop+stripCaption, textStyle{size: labelSize, color: p.muted})
			rowY := stripTop + stripRow
			c.line([][2]float64{{plotLeft, rowY}, {plotRight, rowY}}, 0.15, p.grid, nil)
			countStyle := textStyle{size: valueSize, color: p.ink}
			for _, b := range f.Buckets {
				n := b.Counts[st]
				if !b.Covered() || n == 0 {
					continue
				}
				x0, x1 := span(b)
				label := cat.Int(n)
				const d = 1.25 // half-diagonal of the diamond
				w := 2*d + 0.6 + m.width(label, countStyle)
				x := (x0+x1)/2 - w/2
				c.polygon(diamond(x+d, rowY, d), p.types[st], markerAlpha, 0.2, p.types[st])
				c.text(label, x+2*d+0.6, rowY+1.05, countStyle)
			}
		}
		drawLegend(c, p, legend, 0, legendTop, Width)
	}}
}

// noteSize is the type of the chart's annotations: the covered days of a
// partial week, the data cutoff, the "not covered" bands.
const noteSize = 6.5

// stackedOnly keeps the counts of the types the columns stack.
func stackedOnly(c report.TypeCounts) report.TypeCounts {
	for i := range c {
		if !report.NotStrategic(i) {
			c[i] = 0
		}
	}
	return c
}

// band is a run of adjacent buckets the dataset does not cover, and the
// events recorded in them all the same (outside the coverage).
type band struct {
	x0, x1 float64
	events int
}

func uncoveredBands(f report.Frequency, span func(report.Bucket) (float64, float64)) []band {
	var out []band
	prev := false
	for _, b := range f.Buckets {
		if b.Covered() {
			prev = false
			continue
		}
		x0, x1 := span(b)
		if prev {
			out[len(out)-1].x1 = x1
			out[len(out)-1].events += b.Counts.Total()
		} else {
			out = append(out, band{x0, x1, b.Counts.Total()})
		}
		prev = true
	}
	return out
}

// wrap breaks s into lines no wider than width, at spaces; a word wider
// than width stays whole on its own line.
func wrap(m measurer, s string, width float64, st textStyle) []string {
	var lines []string
	line := ""
	for _, w := range strings.Fields(s) {
		if line != "" && m.width(line+" "+w, st) > width {
			lines = append(lines, line)
			line = ""
		}
		if line != "" {
			line += " "
		}
		line += w
	}
	if line != "" {
		lines = append(lines, line)
	}
	return lines
}

// tick is a labelled position on the time axis.
type tick struct {
	x     float64
	label string
	align align
	tick  bool // whether it has a tick mark (a month that starts in the period)
}

// timeAxis is the x axis of the frequency chart: small ticks at the
// buckets' boundaries, month ticks and names on the day each month starts,
// and, counted by week, the weeks' first days in a second row where they
// fit.
type timeAxis struct {
	bounds []float64
	months []tick
	weeks  []tick
	height float64
}

const (
	monthRow = 4.9 // baselines below the axis
	weekRow  = 8.6
)

func frequencyAxis(f report.Frequency, period report.Period, cat *locale.Catalog, m measurer,
	dayX func(report.Date) float64, plotLeft, plotRight float64) timeAxis {
	var ax timeAxis
	for _, b := range f.Buckets {
		ax.bounds = append(ax.bounds, dayX(b.Period.From))
	}
	ax.bounds = append(ax.bounds, plotRight)
	years := period.From.Year != period.To.Year
	monthLabel := func(d report.Date, first bool) string {
		if years && (first || d.Month == time.January) {
			return cat.MonthShort(d.Month) + " " + strconv.Itoa(d.Year)
		}
		return cat.MonthShort(d.Month)
	}
	monthStyle := textStyle{size: labelSize}
	if f.Granularity == report.Monthly {
		// One name per month, under its column; the small ticks at the
		// columns' boundaries are the months' first days.
		for i, b := range f.Buckets {
			ax.months = append(ax.months, tick{x: (ax.bounds[i] + ax.bounds[i+1]) / 2, label: monthLabel(b.Period.From, i == 0), align: alignCenter})
		}
		ax.months = thin(m, ax.months, monthStyle)
		ax.height = monthRow + 1.5
		return ax
	}
	// Counted by week: a tick and a name on the 1st of every month.
	first := true
	for d := (report.Date{Year: period.From.Year, Month: period.From.Month, Day: 1}); !d.After(period.To); d = report.DateOf(d.Time().AddDate(0, 1, 0)) {
		label := monthLabel(d, first)
		if d.Before(period.From) {
			// The month the period starts in, without its 1st: named at
			// the left edge, if there is room before the next month.
			next := dayX(report.DateOf(d.Time().AddDate(0, 1, 0)))
			if w := m.width(label, monthStyle); plotLeft+w+1 < next-m.width(label, monthStyle)/2 {
				ax.months = append(ax.months, tick{x: plotLeft, label: label, align: alignLeft})
			}
		} else {
			ax.months = append(ax.months, tick{x: dayX(d), label: label, align: alignCenter, tick: true})
		}
		first = false
	}
	var weeks []tick
	for i, b := range f.Buckets {
		weeks = append(weeks, tick{x: (ax.bounds[i] + ax.bounds[i+1]) / 2, label: cat.ShortDate(b.Period.From), align: alignCenter})
	}
	ax.weeks = thin(m, weeks, textStyle{size: noteSize})
	ax.height = weekRow + 1.5
	return ax
}

// thin keeps every n-th label, the smallest n at which no two kept labels
// come closer than 1.5 mm; a last label that would still touch the one
// before it (a short last week) is left out.
func thin(m measurer, ticks []tick, st textStyle) []tick {
	extent := func(t tick) (float64, float64) {
		w := m.width(t.label, st)
		switch t.align {
		case alignCenter:
			return t.x - w/2, t.x + w/2
		case alignRight:
			return t.x - w, t.x
		}
		return t.x, t.x + w
	}
	clear := func(out []tick, t tick) bool {
		if len(out) == 0 {
			return true
		}
		_, end := extent(out[len(out)-1])
		start, _ := extent(t)
		return start-end >= 1.5
	}
	for every := 1; every <= len(ticks); every++ {
		var out []tick
		ok := true
		for i, t := range ticks {
			if i%every != 0 {
				continue
			}
			if !clear(out, t) {
				if i < len(ticks)-every {
					ok = false
					break
				}
				continue
			}
			out = append(out, t)
		}
		if ok {
			return out
		}
	}
	return ticks[:min(1, len(ticks))]
}

func (ax timeAxis) draw(c *canvas, p palette, plotBottom float64) {
	for _, x := range ax.bounds {
		c.line([][2]float64{{x, plotBottom}, {x, plotBottom + 1}}, 0.2, p.muted, nil)
	}
	for _, t := range ax.months {
		if t.tick {
			c.line([][2]float64{{t.x, plotBottom}, {t.x, plotBottom + 2.2}}, 0.3, p.ink, nil)
		}
		x := t.x
		if t.align == alignCenter {
			// Keep the name inside the chart at its edges.
			w := c.width(t.label, textStyle{size: labelSize})
			x = min(max(x, w/2), Width-w/2)
		}
		c.text(t.label, x, plotBottom+monthRow, textStyle{size: labelSize, color: p.ink, align: t.align})
	}
	for _, t := range ax.weeks {
		c.text(t.label, t.x, plotBottom+weekRow, textStyle{size: noteSize, color: p.muted, align: t.align})
	}
}
