package charts

import (
	"math"

	"briefing/charts/basemap"
	"briefing/report"
)

// Sizes shared by every chart, in points for type and millimetres for the
// rest: read at A4 width, the smallest label is as large as a footnote.
const (
	labelSize  = 7.5 // tick and bar labels
	legendSize = 7.5
	titleSize  = 7.5 // axis titles
	valueSize  = 7.0 // numbers printed on or beside bars
	swatch     = 3.0 // legend colour square, mm
)

// palette gives the colours of a chart from the brand.
type palette struct {
	ink, muted, light, primary, accent report.Color
	grid                               report.Color
	types                              [report.NumEventTypes]report.Color
}

func paletteOf(b report.Brand) palette {
	return palette{
		ink: b.Colors.Ink, muted: b.Colors.Muted, light: b.Colors.Light,
		primary: b.Colors.Primary, accent: b.Colors.Accent,
		grid:  b.Colors.Muted.Mix(report.Color{R: 255, G: 255, B: 255}, 0.78),
		types: b.EventColors,
	}
}

// scale is a count axis: ticks from 0 to max by step.
type scale struct {
	max, step int
}

// niceScale picks an axis for counts up to v: a step of 1, 2 or 5 times a
// power of ten giving at most six intervals, and a top that is a whole
// number of steps. An axis for no data still runs from 0 to 1, so that
// nothing divides by zero and an empty chart still has a scale.
func niceScale(v int) scale {
	if v < 1 {
		return scale{max: 1, step: 1}
	}
	for mag := 1; ; mag *= 10 {
		for _, f := range []int{1, 2, 5} {
			step := f * mag
			if top := (v + step - 1) / step * step; top/step <= 6 {
				return scale{max: top, step: step}
			}
		}
	}
}

// legendEntry is one swatch and its label.
type legendEntry struct {
	color report.Color
	label string
	kind  swatchKind
}

// swatchKind is the mark a legend entry shows.
type swatchKind int

const (
	swatchSquare       swatchKind = iota
	swatchDashed                  // a dashed line: the previous period
	swatchLine                    // a solid line: a corridor
	swatchDot                     // a small dot: a place
	swatchCircle                  // a translucent disc: events at a place
	swatchRing                    // a dashed ring: events located approximately
	swatchDiamond                 // a diamond: strategic developments
	swatchTriangle                // a triangle: demonstrations without violence
	swatchHatched                 // a hatched square: days the dataset does not cover
	swatchThin                    // a thin bar: events that are not hits
	swatchNone                    // no mark: a note, such as a comparison not drawn
	swatchCapital                 // a dot in a ring: a national capital
	swatchBorder                  // a dash-dotted line: a country border
	swatchRegionBorder            // a thin line: a region border
)

// legendHeight returns the height the legend takes when wrapped at width.
func legendHeight(m measurer, entries []legendEntry, width float64) float64 {
	rows := len(legendRows(m, entries, width))
	return float64(rows) * legendRowHeight
}

const legendRowHeight = 5.0

func legendRows(m measurer, entries []legendEntry, width float64) [][]legendEntry {
	var rows [][]legendEntry
	x := 0.0
	for _, e := range entries {
		w := legendEntryWidth(m, e)
		if len(rows) == 0 || (x > 0 && x+w > width) {
			rows = append(rows, nil)
			x = 0
		}
		rows[len(rows)-1] = append(rows[len(rows)-1], e)
		x += w
	}
	return rows
}

func legendEntryWidth(m measurer, e legendEntry) float64 {
	return swatch + 1.5 + m.width(e.label, textStyle{size: legendSize}) + 5
}

// drawLegend draws the entries in rows from (x, y), the top-left corner.
func drawLegend(c *canvas, p palette, entries []legendEntry, x, y, width float64) {
	for i, row := range legendRows(c.measurer, entries, width) {
		cx := x
		base := y + float64(i)*legendRowHeight
		for _, e := range row {
			mid := base + 2
			switch e.kind {
			case swatchSquare:
				c.fillRect(cx, base+0.5, swatch, swatch, e.color)
			case swatchDashed:
				c.line([][2]float64{{cx, mid}, {cx + swatch, mid}}, 0.4, e.color, []float64{1.2, 0.8})
			case swatchLine:
				c.line([][2]float64{{cx, mid}, {cx + swatch, mid}}, 0.6, e.color, nil)
			case swatchDot:
				c.circle(cx+swatch/2, mid, 0.6, e.color, 255, 0, e.color)
			case swatchCircle:
				c.circle(cx+swatch/2, mid, swatch/2, e.color, markerAlpha, 0, e.color)
			case swatchRing:
				c.ring(cx+swatch/2, mid, swatch/2-0.2, ringWidth, e.color, ringDash)
			case swatchDiamond:
				c.polygon(diamond(cx+swatch/2, mid, swatch/2), e.color, markerAlpha, 0.2, e.color)
			case swatchTriangle:
				c.polygon(triangle(cx+swatch/2, mid+0.2, swatch*0.4), e.color, markerAlpha, 0.2, e.color)
			case swatchHatched:
				drawUncovered(c, p, cx, base+0.5, swatch, swatch)
			case swatchThin:
				c.fillRect(cx, mid-thinBar/2, swatch, thinBar, e.color)
			case swatchCapital:
				drawCapital(c, p, [2]float64{cx + swatch/2, mid})
			case swatchBorder, swatchRegionBorder:
				k := basemap.CountryBorder
				if e.kind == swatchRegionBorder {
					k = basemap.RegionBorder
				}
				w, col, dash := lineStyle(k, p)
				c.line([][2]float64{{cx - 0.5, mid}, {cx + swatch + 0.5, mid}}, w, col, dash)
			}
			col := p.ink
			if e.kind == swatchNone {
				col = p.muted
			}
			c.text(e.label, cx+swatch+1.5, base+3.2, textStyle{size: legendSize, color: col})
			cx += legendEntryWidth(c.measurer, e)
		}
	}
}

// drawUncovered paints the mark of days the dataset does not cover: a pale
// band under thin diagonal lines, light enough for text to read over it.
func drawUncovered(c *canvas, p palette, x, y, w, h float64) {
	c.fillRect(x, y, w, h, p.light.Mix(white, 0.4))
	c.hatch(x, y, w, h, 1.4, 0.18, p.muted.Mix(white, 0.45))
}

var white = report.Color{R: 255, G: 255, B: 255}

// Marker styles shared by charts and their legends.
const (
	ringWidth = 0.3 // mm, the dashed ring of approximately located events
	thinBar   = 1.6 // mm, the height of a bar of events that are not hits
)

var ringDash = []float64{0.7, 0.45}

// triangle returns the corners of an upward equilateral triangle with the
// area of a disc of radius r, so that its area reads as a count as a
// disc's does, centred on its centroid (x, y).
func triangle(x, y, r float64) [][2]float64 {
	// (sqrt(3)/4)·side² = π·r²
	side := 2 * r * math.Sqrt(math.Pi/math.Sqrt(3))
	h := side * math.Sqrt(3) / 2
	return [][2]float64{{x, y - h*2/3}, {x + side/2, y + h/3}, {x - side/2, y + h/3}}
}

// strategicType is the index of strategic developments in
// report.EventTypes: the one type that is not stacked with the others.
func strategicType() int {
	for i := range report.NumEventTypes {
		if !report.NotStrategic(i) {
			return i
		}
	}
	return report.NumEventTypes - 1
}

// typeLegend lists the event types that occur in counts, in ACLED order.
func typeLegend(t Theme, p palette, present report.TypeCounts) []legendEntry {
	var entries []legendEntry
	for i, n := range present {
		if n > 0 {
			entries = append(entries, legendEntry{color: p.types[i], label: t.Catalog.EventType(i)})
		}
	}
	return entries
}

// emptyChart is the panel a chart shows when its period has no events.
func emptyChart(t Theme) *Chart {
	p := paletteOf(t.Brand)
	const height = 32.0
	msg := t.Catalog.T("chart.no_events")
	return &Chart{Width: Width, Height: height, Empty: true, draw: func(c *canvas) {
		c.fillRect(0, 0, Width, height, p.light)
		c.text(msg, Width/2, height/2+1.2, textStyle{size: 9, color: p.muted, align: alignCenter})
	}}
}
