package xlsx

import (
	"strconv"

	"github.com/xuri/excelize/v2"

	"briefing/report"
)

// frequencySheet counts the letter's events per week or month by type, and
// the comparison period's events in buckets cut the same way: the numbers
// of the letter's frequency chart ([report.Selection.Frequency]), with a
// native Excel chart of them.
func (a *annex) frequencySheet(name string) *sheet {
	st, cat := a.st, a.cat
	freq := a.sel.Frequency()
	bucket := "week"
	if freq.Granularity == report.Monthly {
		bucket = "month"
	}
	col := func(key string, style int) column {
		return column{title: cat.T("annex.frequency." + key), style: style, def: cat.T("annex.def.frequency." + key)}
	}
	cols := []column{col(bucket, st.text), col("from", st.date), col("to", st.date)}
	for i, t := range report.EventTypes() {
		cols = append(cols, column{title: cat.EventType(i), style: st.integer, def: cat.T("annex.def.frequency.type", t)})
	}
	cols = append(cols, col("total", st.integer), col("previous_from", st.date), col("previous_to", st.date), col("previous_total", st.integer))
	const firstType = 4 // column D
	totalCol := firstType + report.NumEventTypes
	previousTotalCol := totalCol + 3

	label := func(b report.Bucket) string {
		if freq.Granularity == report.Monthly {
			return cat.MonthShort(b.Period.From.Month) + " " + strconv.Itoa(b.Period.From.Year)
		}
		return cat.ShortDate(b.Period.From)
	}
	current, previous := freq.Totals()

	s := &sheet{
		name: name, table: tableFrequency, cols: cols, n: len(freq.Buckets),
		landscape: true, freeze: true,
		row: func(i int, r []cell) []cell {
			b := freq.Buckets[i]
			r = append(r, textCell(label(b)), dateCell(b.Period.From), dateCell(b.Period.To))
			for _, n := range b.Counts {
				r = append(r, intCell(n))
			}
			r = append(r, intCell(b.Counts.Total()))
			if b.PreviousPeriod.From.IsZero() {
				return r // the comparison period has fewer buckets
			}
			return append(r, dateCell(b.PreviousPeriod.From), dateCell(b.PreviousPeriod.To), intCell(b.Previous.Total()))
		},
	}
	if current.Total() == 0 {
		return s // no chart of nothing
	}
	s.chart = func(header, last int) []*excelize.Chart {
		cats := sheetRef(name, 1, header+1, 1, last)
		title := cat.T("chart.events_per_week")
		if freq.Granularity == report.Monthly {
			title = cat.T("chart.events_per_month")
		}
		ink, muted := hex(a.opt.Brand.Colors.Ink), hex(a.opt.Brand.Colors.Muted)
		axisFont := excelize.Font{Family: fontFamily, Size: 9, Color: ink}
		ch := &excelize.Chart{
			Type:      excelize.ColStacked,
			Dimension: excelize.ChartDimension{Width: 960, Height: 400},
			Format:    excelize.GraphicOptions{PrintObject: new(true), Positioning: "oneCell"},
			Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: title, Font: font(12, true, ink)}}},
			Legend:    excelize.ChartLegend{Position: "bottom", Font: &excelize.Font{Family: fontFamily, Size: 9, Color: ink}},
			XAxis:     excelize.ChartAxis{Font: axisFont},
			YAxis: excelize.ChartAxis{
				MajorGridLines: true,
				Font:           axisFont,
				NumFmt:         excelize.ChartNumFmt{CustomNumFmt: "0"},
			},
			GapWidth:   new(uint(60)),
			VaryColors: new(false),
		}
		// One series per event type that occurs, stacked in ACLED's order
		// and coloured as in every chart of the letter.
		for i := range report.NumEventTypes {
			if current[i] == 0 {
				continue
			}
			col := firstType + i
			ch.Series = append(ch.Series, excelize.ChartSeries{
				Name:       sheetRef(name, col, header, col, header),
				Categories: cats,
				Values:     sheetRef(name, col, header+1, col, last),
				Fill:       excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{hex(a.opt.Brand.EventColors[i])}},
			})
		}
		if previous.Total() == 0 {
			return []*excelize.Chart{ch}
		}
		// The comparison period's totals, a dashed line as in the letter.
		// excelize draws the axes of a combination from its last chart.
		line := &excelize.Chart{
			Type:  excelize.Line,
			XAxis: ch.XAxis,
			YAxis: ch.YAxis,
			Series: []excelize.ChartSeries{{
				Name:       sheetRef(name, previousTotalCol, header, previousTotalCol, header),
				Categories: cats,
				Values:     sheetRef(name, previousTotalCol, header+1, previousTotalCol, last),
				// A line series takes its colour from its fill.
				Fill:   excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{muted}},
				Line:   excelize.LineOptions{Width: 1.5, Dash: excelize.LineDashDash},
				Marker: excelize.ChartMarker{Symbol: "none"},
			}},
		}
		return []*excelize.Chart{ch, line}
	}
	return s
}
