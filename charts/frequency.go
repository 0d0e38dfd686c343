package charts

import (
	"math"
	"strconv"
	"time"

	"briefing/report"
	"briefing/report/locale"
)

// frequencyChart draws events per week or month as columns stacked by
// event type, with the previous period's totals as a dashed step line.
func frequencyChart(sel report.Selection, t Theme) *Chart {
	f := sel.Frequency()
	current, previous := f.Totals()
	if current.Total() == 0 && previous.Total() == 0 {
		return emptyChart(t)
	}
	m, p, cat := measurer{t.Fonts}, paletteOf(t.Brand), t.Catalog

	top := 0
	for _, b := range f.Buckets {
		top = max(top, b.Counts.Total(), b.Previous.Total())
	}
	ys := niceScale(top)

	title := cat.T("chart.events_per_week")
	if f.Granularity == report.Monthly {
		title = cat.T("chart.events_per_month")
	}
	legend := typeLegend(t, p, current)
	if previous.Total() > 0 {
		legend = append(legend, legendEntry{color: p.muted, kind: swatchDashed, label: cat.T("chart.previous_period", cat.Period(sel.Previous))})
	} else {
		legend = append(legend, legendEntry{color: p.muted, kind: swatchDashed, label: cat.T("chart.previous_none", cat.Period(sel.Previous))})
	}

	tickStyle := textStyle{size: labelSize, color: p.muted, align: alignRight}
	axisWidth := m.width(strconv.Itoa(ys.max), tickStyle)
	const plotTop, plotHeight = 9.0, 55.0
	plotLeft, plotRight := axisWidth+2.5, Width-1.0
	plotBottom := plotTop + plotHeight
	legendTop := plotBottom + 8
	height := legendTop + legendHeight(m, legend, Width) + 1

	labels := frequencyLabels(f, cat)
	slot := (plotRight - plotLeft) / float64(len(f.Buckets))
	barWidth := math.Min(slot*0.68, 14)
	labelStyle := textStyle{size: labelSize, color: p.ink, align: alignCenter}
	every := 1
	for _, l := range labels {
		every = max(every, int(math.Ceil((m.width(l, labelStyle)+2)/slot)))
	}
	y := func(v int) float64 { return plotBottom - float64(v)/float64(ys.max)*plotHeight }

	return &Chart{Width: Width, Height: height, draw: func(c *canvas) {
		c.text(title, 0, 3.5, textStyle{size: titleSize, color: p.muted})
		for v := 0; v <= ys.max; v += ys.step {
			c.line([][2]float64{{plotLeft, y(v)}, {plotRight, y(v)}}, 0.15, p.grid, nil)
			c.text(strconv.Itoa(v), plotLeft-1.5, y(v)+1, tickStyle)
		}
		for i, b := range f.Buckets {
			x := plotLeft + slot*float64(i) + (slot-barWidth)/2
			base := 0
			for j, n := range b.Counts {
				if n > 0 {
					c.fillRect(x, y(base+n), barWidth, y(base)-y(base+n), p.types[j])
					base += n
				}
			}
			if base > 0 {
				c.text(cat.Int(base), x+barWidth/2, y(base)-1.2, textStyle{size: valueSize, color: p.ink, align: alignCenter})
			}
			if i%every == 0 {
				c.text(labels[i], x+barWidth/2, plotBottom+4, labelStyle)
			}
		}
		c.line([][2]float64{{plotLeft, plotBottom}, {plotRight, plotBottom}}, 0.3, p.ink, nil)
		if previous.Total() > 0 {
			var step [][2]float64
			for i, b := range f.Buckets {
				if b.PreviousPeriod.From.IsZero() {
					break
				}
				v := y(b.Previous.Total())
				step = append(step, [2]float64{plotLeft + slot*float64(i), v}, [2]float64{plotLeft + slot*float64(i+1), v})
			}
			c.line(step, 0.4, p.muted, []float64{1.2, 0.8})
		}
		drawLegend(c, p, legend, 0, legendTop, Width)
	}}
}

// frequencyLabels names each bucket on the x axis: the first day of a week
// ("2 Jun"), or a month ("Jun"), with the year on the first bucket and on
// January when the period spans years.
func frequencyLabels(f report.Frequency, cat *locale.Catalog) []string {
	labels := make([]string, len(f.Buckets))
	if len(f.Buckets) == 0 {
		return labels
	}
	first, last := f.Buckets[0].Period.From, f.Buckets[len(f.Buckets)-1].Period.To
	years := first.Year != last.Year
	for i, b := range f.Buckets {
		from := b.Period.From
		switch {
		case f.Granularity == report.Weekly:
			labels[i] = cat.ShortDate(from)
		case years && (i == 0 || from.Month == time.January):
			labels[i] = cat.MonthShort(from.Month) + " " + strconv.Itoa(from.Year)
		default:
			labels[i] = cat.MonthShort(from.Month)
		}
	}
	return labels
}
