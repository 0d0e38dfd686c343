package xlsx

import (
	"strconv"
	"strings"

	"github.com/xuri/excelize/v2"

	"briefing/report"
)

// frequencySheet counts the letter's events per week or month by type, and
// the comparison period's events in buckets cut the same way: the numbers
// of the letter's frequency chart ([report.Selection.Frequency]), with a
// native Excel chart drawn as the letter draws it.
//
// A week or month the dataset does not cover has empty count cells, never
// 0: nothing was collected there, and a 0 would read, and chart, as a
// quiet week. The comparison period's counts are empty likewise unless the
// dataset covers all of it.
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
	cols := []column{col(bucket, st.text), col("from", st.date), col("to", st.date), col("covered_days", st.integer)}
	for i, t := range report.EventTypes() {
		def := cat.T("annex.def.frequency.type", t)
		if !report.NotStrategic(i) {
			def = cat.T("annex.def.frequency.type_strategic", t)
		}
		cols = append(cols, column{title: cat.EventType(i), style: st.integer, def: def})
	}
	cols = append(cols, col("stacked", st.integer), col("total", st.integer),
		col("previous_from", st.date), col("previous_to", st.date),
		col("previous_stacked", st.integer), col("previous_total", st.integer))
	// Column numbers of the chart's data.
	const firstType = 5 // column E
	stackedCol := firstType + report.NumEventTypes
	previousStackedCol := stackedCol + 4

	label := func(b report.Bucket) string {
		if freq.Granularity == report.Monthly {
			return cat.MonthShort(b.Period.From.Month) + " " + strconv.Itoa(b.Period.From.Year)
		}
		return cat.ShortDate(b.Period.From)
	}
	// counts appends a bucket's counts by type, the height of its column
	// in the chart and its total, or as many empty cells when they mean
	// nothing.
	counts := func(r []cell, c report.TypeCounts, known bool, perType bool) []cell {
		if !known {
			n := 2
			if perType {
				n += report.NumEventTypes
			}
			for range n {
				r = append(r, cell{})
			}
			return r
		}
		if perType {
			for _, n := range c {
				r = append(r, intCell(n))
			}
		}
		return append(r, intCell(c.Sum(report.NotStrategic)), intCell(c.Total()))
	}

	s := &sheet{
		name: name, table: tableFrequency, cols: cols, n: len(freq.Buckets),
		landscape: true, freeze: true,
		row: func(i int, r []cell) []cell {
			b := freq.Buckets[i]
			r = append(r, textCell(label(b)), dateCell(b.Period.From), dateCell(b.Period.To), intCell(b.CoveredDays))
			// A bucket that is not covered holds only events recorded
			// outside the coverage, which no bar of the letter draws.
			r = counts(r, b.Counts, b.Covered(), true)
			if b.PreviousPeriod.From.IsZero() {
				return r // the comparison period has fewer buckets
			}
			r = append(r, dateCell(b.PreviousPeriod.From), dateCell(b.PreviousPeriod.To))
			return counts(r, b.Previous, freq.PreviousCovered, false)
		},
	}
	drawn, _ := freq.Drawn()
	if drawn.Total() == 0 {
		return s // no chart of nothing, or of days not collected
	}
	s.chart = func(header, last int) []*excelize.Chart {
		cats := sheetRef(name, 1, header+1, 1, last)
		series := func(col int) excelize.ChartSeries {
			return excelize.ChartSeries{
				Name:       sheetRef(name, col, header, col, header),
				Categories: cats,
				Values:     sheetRef(name, col, header+1, col, last),
			}
		}
		title := cat.T("annex.frequency.chart_week")
		if freq.Granularity == report.Monthly {
			title = cat.T("annex.frequency.chart_month")
		}
		ink, muted := hex(a.opt.Brand.Colors.Ink), hex(a.opt.Brand.Colors.Muted)
		axisFont := excelize.Font{Family: fontFamily, Size: 9, Color: ink}
		axisTitle := func(text string) excelize.ChartTitle {
			return excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: text, Font: font(9, false, muted)}}}
		}
		axes := func(ch *excelize.Chart) {
			ch.XAxis = excelize.ChartAxis{Font: axisFont, Title: axisTitle(a.frequencyAxis(freq, label))}
			ch.YAxis = excelize.ChartAxis{
				MajorGridLines: true,
				Font:           axisFont,
				NumFmt:         excelize.ChartNumFmt{CustomNumFmt: "0"},
				Title:          axisTitle(cat.T("annex.frequency.axis_events")),
			}
		}
		bars := &excelize.Chart{
			Type:      excelize.ColStacked,
			Dimension: excelize.ChartDimension{Width: 960, Height: 420},
			Format:    excelize.GraphicOptions{PrintObject: new(true), Positioning: "oneCell"},
			Title:     excelize.ChartTitle{Paragraph: []excelize.RichTextRun{{Text: title, Font: font(12, true, ink)}}},
			Legend:    excelize.ChartLegend{Position: "bottom", Font: &excelize.Font{Family: fontFamily, Size: 9, Color: ink}},
			// An empty cell, a week not covered, is a gap: no bar, no
			// marker, a break in the line.
			ShowBlanksAs: "gap",
			GapWidth:     new(uint(60)),
			VaryColors:   new(false),
		}
		axes(bars)
		// One stacked series per type of political violence or
		// demonstrations that a covered bucket holds, in ACLED's order and
		// coloured as in every chart of the letter. Strategic developments
		// are not stacked into them: they are markers of their own.
		for i := range report.NumEventTypes {
			if drawn[i] == 0 || !report.NotStrategic(i) {
				continue
			}
			sr := series(firstType + i)
			sr.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{hex(a.opt.Brand.EventColors[i])}}
			bars.Series = append(bars.Series, sr)
		}
		lines := &excelize.Chart{Type: excelize.Line}
		axes(lines)
		if drawn.Strategic() > 0 {
			i := report.NumEventTypes - 1
			colour := hex(a.opt.Brand.EventColors[i])
			sr := series(firstType + i)
			sr.Line = excelize.LineOptions{Type: excelize.LineNone}
			sr.Marker = excelize.ChartMarker{
				Symbol: "diamond", Size: 8,
				Fill:   excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colour}},
				Border: excelize.LineOptions{Type: excelize.LineSolid, Width: 0.75, Fill: excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{"FFFFFF"}}},
			}
			// A line series takes its colour from its fill.
			sr.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{colour}}
			lines.Series = append(lines.Series, sr)
		}
		if freq.PreviousCovered {
			// The comparison period's column heights, a dashed line as in
			// the letter, drawn only when the dataset covers that period:
			// otherwise its counts are empty, and a line of them a lie.
			sr := series(previousStackedCol)
			sr.Fill = excelize.Fill{Type: "pattern", Pattern: 1, Color: []string{muted}}
			sr.Line = excelize.LineOptions{Width: 1.5, Dash: excelize.LineDashDash}
			sr.Marker = excelize.ChartMarker{Symbol: "none"}
			lines.Series = append(lines.Series, sr)
		}
		var charts []*excelize.Chart
		for _, ch := range []*excelize.Chart{bars, lines} {
			if len(ch.Series) > 0 {
				charts = append(charts, ch)
			}
		}
		// The first chart carries the title, size and legend of the whole.
		if charts[0] != bars {
			lines.Dimension, lines.Format, lines.Title, lines.Legend, lines.ShowBlanksAs =
				bars.Dimension, bars.Format, bars.Title, bars.Legend, bars.ShowBlanksAs
		}
		return charts
	}
	return s
}

// frequencyAxis writes the title of the chart's horizontal axis: what a
// bar stands for, and which weeks or months the dataset covers only in
// part or not at all. A bucket not covered has empty cells, so no column
// and no marker, where a covered week without events has a marker at 0:
// the title says which is which, as the letter's chart does.
func (a *annex) frequencyAxis(freq report.Frequency, label func(report.Bucket) string) string {
	cat := a.cat
	s := cat.T("annex.frequency.axis_week")
	if freq.Granularity == report.Monthly {
		s = cat.T("annex.frequency.axis_month")
	}
	var partial, uncovered []string
	for i := 0; i < len(freq.Buckets); i++ {
		b := freq.Buckets[i]
		if b.Partial() {
			partial = append(partial, cat.T("annex.frequency.axis_partial_item", label(b), cat.Int(b.CoveredDays), cat.Int(b.Width)))
		}
		if b.Covered() {
			continue
		}
		// A run of buckets not covered is written first – last.
		j := i
		for j+1 < len(freq.Buckets) && !freq.Buckets[j+1].Covered() {
			j++
		}
		run := label(b)
		if j > i {
			run += " – " + label(freq.Buckets[j])
		}
		uncovered = append(uncovered, run)
		i = j
	}
	if len(partial) > 0 {
		s += " " + cat.T("annex.frequency.axis_partial", strings.Join(partial, ", "))
	}
	if len(uncovered) > 0 {
		s += " " + cat.T("annex.frequency.axis_uncovered", strings.Join(uncovered, ", "))
	}
	// A French label ending a sentence ends in its abbreviation's full
	// stop ("28 sept."), which then takes the sentence's.
	return strings.ReplaceAll(s, "..", ".")
}
