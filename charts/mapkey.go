package charts

import (
	"math"
	"slices"

	"briefing/charts/basemap"
	"briefing/report"
	"briefing/report/locale"
)

// mapLegend lists the marks the map draws, and no other.
func mapLegend(cat *locale.Catalog, p palette, mk markers, corridors []*report.Corridor, hit map[string]bool, capitals []capitalMark, places bool, lines map[basemap.LineKind]bool) []legendEntry {
	st := strategicType()
	var legend []legendEntry
	if mk.kinds.violence > 0 {
		legend = append(legend, legendEntry{color: p.accent, label: cat.T("chart.map_violence"), kind: swatchCircle})
	}
	if mk.kinds.approximate > 0 {
		legend = append(legend, legendEntry{color: ringColor(p), label: cat.T("chart.map_approximate"), kind: swatchRing})
	}
	if mk.kinds.strategic > 0 {
		legend = append(legend, legendEntry{color: p.types[st], label: cat.T("chart.map_strategic"), kind: swatchDiamond})
	}
	if mk.kinds.demonstrations > 0 {
		legend = append(legend, legendEntry{color: mk.demo, label: cat.T("chart.map_demonstrations"), kind: swatchTriangle})
	}
	if slices.ContainsFunc(corridors, func(c *report.Corridor) bool { return hit[c.ID] }) {
		legend = append(legend, legendEntry{color: p.primary, label: cat.T("chart.map_corridor_hit"), kind: swatchLine})
	}
	if slices.ContainsFunc(corridors, func(c *report.Corridor) bool { return !hit[c.ID] }) {
		legend = append(legend, legendEntry{color: quiet(p), label: cat.T("chart.map_corridor"), kind: swatchLine})
	}
	if places {
		legend = append(legend, legendEntry{color: p.ink, label: cat.T("chart.map_place"), kind: swatchDot})
	}
	if len(capitals) > 0 {
		legend = append(legend, legendEntry{color: p.ink, label: cat.T("chart.map_capital"), kind: swatchCapital})
	}
	_, border, _ := lineStyle(basemap.CountryBorder, p)
	_, region, _ := lineStyle(basemap.RegionBorder, p)
	if lines[basemap.CountryBorder] {
		legend = append(legend, legendEntry{color: border, label: cat.T("chart.map_border"), kind: swatchBorder})
	}
	if lines[basemap.RegionBorder] {
		legend = append(legend, legendEntry{color: region, label: cat.T("chart.map_region_border"), kind: swatchRegionBorder})
	}
	return legend
}

// mapKey is the key under the map: a row of reference discs, the legend,
// and a row with the scale bar and the credit of the map data; and the
// locator inset at its right when no corner of the map is free for it.
type mapKey struct {
	sizes       []int // the reference counts, smallest first
	sizesLabel  string
	sizesHeight float64
	legend      []legendEntry
	width       float64 // of the legend and the rows above and below it
	legendTop   float64
	scaleTop    float64
	height      float64
	inset       mapInset
	unit        float64
	noEvents    string
	credit      string
	km          func(int) string
	count       func(int) string
}

func layoutKey(m measurer, cat *locale.Catalog, mk markers, legend []legendEntry, events bool, inset mapInset) mapKey {
	k := mapKey{legend: legend, width: Width, inset: inset, unit: mk.unit,
		credit: cat.T("chart.map_credit"), km: func(km int) string { return cat.T("chart.km", cat.Int(km)) }, count: cat.Int}
	if !inset.inFrame {
		k.width = Width - inset.box.x1 + inset.box.x0 - 4
	}
	if events {
		k.sizes = referenceCounts(mk.busiest)
		k.sizesLabel = cat.T("chart.map_sizes")
		k.sizesHeight = math.Max(legendRowHeight, 2*mk.unit*math.Sqrt(float64(k.sizes[len(k.sizes)-1]))+1.5)
	} else {
		k.noEvents = cat.T("chart.no_events")
		k.sizesHeight = legendRowHeight
	}
	k.legendTop = k.sizesHeight + 1
	k.scaleTop = k.legendTop + legendHeight(m, legend, k.width) + 1
	k.height = k.scaleTop + legendRowHeight
	if !inset.inFrame {
		k.height = math.Max(k.height, inset.box.y1-inset.box.y0)
	}
	return k
}

// referenceCounts picks up to three round counts for the key's discs: the
// largest round number no greater than the busiest place's count, and
// two smaller ones, so that a reader can size any disc between them.
func referenceCounts(busiest int) []int {
	top := niceFloor(max(busiest, 1))
	out := []int{niceFloor(max(1, top/16)), niceFloor(max(1, top/4)), top}
	out = slices.Compact(out)
	if len(out) == 2 && top >= 5 {
		out = []int{out[0], niceFloor(max(2, top/2)), top}
		out = slices.Compact(out)
	}
	return out
}

// niceFloor returns the largest of 1, 2, 5, 10, 20, 50… not above n.
func niceFloor(n int) int {
	best := 1
	for mag := 1; mag <= n; mag *= 10 {
		for _, f := range []int{1, 2, 5} {
			if f*mag <= n {
				best = f * mag
			}
		}
	}
	return best
}

func drawKey(c *canvas, p palette, k mapKey, top float64, proj azimuthal) {
	st := textStyle{size: legendSize, color: p.ink}
	if k.noEvents != "" {
		c.text(k.noEvents, 0, top+3.2, textStyle{size: legendSize, color: p.muted})
	} else {
		x := 0.0
		mid := top + k.sizesHeight/2
		c.text(k.sizesLabel, x, mid+1.2, st)
		x += c.width(k.sizesLabel, st) + 3
		for _, n := range k.sizes {
			r := k.unit * math.Sqrt(float64(n))
			c.circle(x+r, mid, r, p.accent, markerAlpha, 0.2, white)
			x += 2*r + 1.2
			label := k.count(n)
			c.text(label, x, mid+1.2, st)
			x += c.width(label, st) + 4
		}
	}
	drawLegend(c, p, k.legend, 0, top+k.legendTop, k.width)
	drawScaleBar(c, p, proj, 0, top+k.scaleTop+3.5, k.km)
	c.text(k.credit, k.width, top+k.scaleTop+3.2, textStyle{size: 6, color: p.muted, align: alignRight})
	if !k.inset.inFrame {
		in := k.inset
		dy := top - in.box.y0
		in.box = box{in.box.x0, in.box.y0 + dy, in.box.x1, in.box.y1 + dy}
		drawInset(c, p, in)
	}
}

// drawScaleBar draws a bar of a round number of kilometres, about a sixth
// of the map's width, its left end at x and its baseline at y. The
// projection keeps distances true at the map's centre.
func drawScaleBar(c *canvas, p palette, pr azimuthal, x, y float64, label func(km int) string) {
	km := niceFloor(int(Width / 6 / pr.scale))
	length := float64(km) * pr.scale
	c.line([][2]float64{{x, y - 1}, {x, y}, {x + length, y}, {x + length, y - 1}}, 0.3, p.ink, nil)
	c.text(label(km), x+length+1.5, y+0.2, textStyle{size: mapLabelSize, color: p.ink})
}

// mapInset is the locator: the continent around the map, the map's
// frame drawn on it. It sits in a corner of the map that holds no
// symbol, place or corridor, else beside the key.
type mapInset struct {
	box     box
	inFrame bool
	// land is each country's rings and footprint the map's frame, in
	// millimetres from the inset's top-left corner: laid out once, drawn
	// in every form.
	land      [][][][2]float64
	footprint [][2]float64
}

const (
	insetWidth  = 32.0
	insetHeight = 26.0
)

func placeInset(pr azimuthal, geo *geography, data []box, lines [][][2]float64) mapInset {
	in := layoutInset(pr, geo)
	const pad = 1.0
	corners := []box{
		{Width - pad - insetWidth, pad, Width - pad, pad + insetHeight},
		{pad, pad, pad + insetWidth, pad + insetHeight},
		{Width - pad - insetWidth, pr.height - pad - insetHeight, Width - pad, pr.height - pad},
		{pad, pr.height - pad - insetHeight, pad + insetWidth, pr.height - pad},
	}
	for _, b := range corners {
		if b.y1 > pr.height-pad {
			continue
		}
		g := b.grow(1.5)
		if slices.ContainsFunc(data, g.overlaps) || crossesAny(lines, g) {
			continue
		}
		in.box, in.inFrame = b, true
		return in
	}
	in.box = box{Width - insetWidth, 0, Width, insetHeight}
	return in
}

// layoutInset projects the land and the map's frame for the inset: the
// same projection zoomed out to at least 7,000 km across, most of a
// continent, and at least two and a half times the map's own reach.
func layoutInset(pr azimuthal, geo *geography) mapInset {
	halfW := Width / 2 / pr.scale
	halfH := pr.height / 2 / pr.scale
	span := math.Max(7000, 2.6*math.Hypot(halfW, halfH))
	ip := pr
	ip.scale = insetWidth / span
	ip.width, ip.height = insetWidth, insetHeight
	cx, cy := pr.left+halfW, pr.top-halfH
	ip.left = cx - insetWidth/2/ip.scale
	ip.top = cy + insetHeight/2/ip.scale

	var in mapInset
	win := ip.window()
	clip := box{0, 0, insetWidth, insetHeight}
	for i := range geo.countries {
		f := &geo.countries[i]
		if !win.meets(f.bounds) {
			continue
		}
		var rings [][][2]float64
		for _, poly := range f.polygons {
			for _, ring := range poly {
				if r := ip.projectRing(ring, clip, 0.35, 4); len(r) >= 3 {
					rings = append(rings, r)
				}
			}
		}
		if len(rings) > 0 {
			in.land = append(in.land, rings)
		}
	}
	// The map's frame, mapped through both projections.
	const n = 8
	for _, e := range [][4]float64{{0, 0, Width, 0}, {Width, 0, Width, pr.height}, {Width, pr.height, 0, pr.height}, {0, pr.height, 0, 0}} {
		for i := range n {
			t := float64(i) / n
			lon, lat := pr.lonLat([2]float64{e[0] + t*(e[2]-e[0]), e[1] + t*(e[3]-e[1])})
			if q, ok := ip.point(lon, lat); ok {
				in.footprint = append(in.footprint, q)
			}
		}
	}
	in.footprint = append(in.footprint, in.footprint[0])
	return in
}

// drawInset draws the locator at its box: land on sea, and the map's
// frame in the accent colour.
func drawInset(c *canvas, p palette, in mapInset) {
	_, landOther, sea := mapColors(p)
	at := func(pts [][2]float64) [][2]float64 {
		out := make([][2]float64, len(pts))
		for i, q := range pts {
			out[i] = [2]float64{q[0] + in.box.x0, q[1] + in.box.y0}
		}
		return out
	}
	c.fillRect(in.box.x0, in.box.y0, insetWidth, insetHeight, sea)
	for _, country := range in.land {
		rings := make([][][2]float64, len(country))
		for i, r := range country {
			rings[i] = at(r)
		}
		c.rings(rings, landOther.Mix(p.muted, 0.25))
	}
	c.line(at(in.footprint), 0.35, p.accent, nil)
	c.line(in.box.outline(), 0.25, p.muted, nil)
}

// rings fills closed rings as one shape, even-odd, so that holes stay
// open.
func (c *canvas) rings(rings [][][2]float64, fill report.Color) {
	if len(rings) == 0 {
		return
	}
	c.paint(fill, 255, 0, fill, func() {
		for _, r := range rings {
			c.r.MoveTo(c.px(r[0][0]), c.px(r[0][1]))
			for _, q := range r[1:] {
				c.r.LineTo(c.px(q[0]), c.px(q[1]))
			}
			c.r.Close()
		}
	})
}
