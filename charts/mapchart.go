package charts

import (
	"cmp"
	"math"
	"slices"

	"briefing/report"
)

// markerAlpha is the opacity of event markers, so that overlapping
// markers and the corridors under them stay visible.
const markerAlpha = 175

// mapChart draws a schematic map: an equirectangular projection fitted to
// the places the letter concerns, corridors as lines through their places
// (dark where political violence hit them), places as labelled dots, and
// the period's events at their places, one symbol per kind, each with an
// area that is its number of events: discs for political violence (a
// dashed ring around the disc when some of it is located only near the
// place or in its region), diamonds for strategic developments and
// triangles for demonstrations without violence. Country codes stand
// faintly behind. It needs no map data beyond the dataset's coordinates.
func mapChart(sel report.Selection, t Theme) *Chart {
	if len(sel.Events) == 0 {
		return emptyChart(t)
	}
	m, p, cat := measurer{t.Fonts}, paletteOf(t.Brand), t.Catalog
	ds := sel.Dataset

	// The map shows the corridors that pass through the letter's countries
	// (all of them when the letter has no country scope) or that an event
	// names, the places those corridors pass and every place with an
	// event.
	named, hit := map[string]bool{}, map[string]bool{}
	for _, cc := range sel.Corridors() {
		named[cc.Corridor.ID] = true
		hit[cc.Corridor.ID] = cc.Hit()
	}
	countries := sel.Letter.Scope.Countries
	var corridors []*report.Corridor
	shown := map[string]*report.Place{}
	for i := range ds.Corridors {
		cor := &ds.Corridors[i]
		if !named[cor.ID] && !passesThrough(ds, cor, countries) {
			continue
		}
		corridors = append(corridors, cor)
		for _, id := range cor.Via {
			if pl, ok := ds.Place(id); ok {
				shown[id] = pl
			}
		}
	}
	events := sel.Places()
	for _, pc := range events {
		shown[pc.Place.ID] = pc.Place
	}
	places := make([]*report.Place, 0, len(shown))
	for _, pl := range shown {
		places = append(places, pl)
	}
	slices.SortFunc(places, func(a, b *report.Place) int { return cmp.Compare(a.ID, b.ID) })

	st := strategicType()
	demoColor := p.types[slices.Index(report.EventTypes(), report.Protests)]
	markers := make([]placeMarkers, len(events))
	var kinds placeMarkers // how many places show each symbol
	busiest := 0
	for _, pc := range events {
		busiest = max(busiest, pc.Violence, pc.Counts[st], pc.Counts.Sum(report.NotStrategic)-pc.Violence)
	}
	for i, pc := range events {
		mk := placeMarkers{
			unit:        markerUnit(busiest),
			violence:    pc.Violence,
			approximate: pc.Approximate,
			strategic:   pc.Counts[st],
			// Types other than strategic developments are political
			// violence or demonstrations; those not counted as violence
			// are demonstrations without it.
			demonstrations: pc.Counts.Sum(report.NotStrategic) - pc.Violence,
		}
		markers[i] = mk
		kinds.violence += min(1, mk.violence-mk.approximate)
		kinds.approximate += min(1, mk.approximate)
		kinds.strategic += min(1, mk.strategic)
		kinds.demonstrations += min(1, mk.demonstrations)
	}

	// The frame keeps room at its edges for the largest cluster of
	// symbols, and a label beside it.
	reach := 0.0
	for _, mk := range markers {
		b := symbolBounds(mk.symbols([2]float64{}))
		reach = max(reach, -b.x0, b.x1, -b.y0, b.y1)
	}
	proj := fitProjection(places, min(max(9, reach+2), maxSymbol*2.2))
	var legend []legendEntry
	if kinds.violence > 0 {
		legend = append(legend, legendEntry{color: p.accent, label: cat.T("chart.map_violence"), kind: swatchCircle})
	}
	if kinds.approximate > 0 {
		legend = append(legend, legendEntry{color: ringColor(p), label: cat.T("chart.map_approximate"), kind: swatchRing})
	}
	if kinds.strategic > 0 {
		legend = append(legend, legendEntry{color: p.types[st], label: cat.T("chart.map_strategic"), kind: swatchDiamond})
	}
	if kinds.demonstrations > 0 {
		legend = append(legend, legendEntry{color: demoColor, label: cat.T("chart.map_demonstrations"), kind: swatchTriangle})
	}
	if slices.ContainsFunc(corridors, func(c *report.Corridor) bool { return hit[c.ID] }) {
		legend = append(legend, legendEntry{color: p.primary, label: cat.T("chart.map_corridor_hit"), kind: swatchLine})
	}
	if slices.ContainsFunc(corridors, func(c *report.Corridor) bool { return !hit[c.ID] }) {
		legend = append(legend, legendEntry{color: quiet(p), label: cat.T("chart.map_corridor"), kind: swatchLine})
	}
	legend = append(legend, legendEntry{color: p.ink, label: cat.T("chart.map_place"), kind: swatchDot})
	legendTop := proj.height + 3
	height := legendTop + legendHeight(m, legend, Width) + 1

	// Every place with events keeps clear, for labels, the box around its
	// symbols; places are labelled most events first.
	symbols := make([][]symbol, len(events))
	bounds, weight := map[string]box{}, map[string]int{}
	for i, pc := range events {
		symbols[i] = markers[i].symbols(proj.point(pc.Place))
		bounds[pc.Place.ID] = symbolBounds(symbols[i])
		weight[pc.Place.ID] = pc.Counts.Total()
	}
	lines := make([][][2]float64, len(corridors))
	for i, cor := range corridors {
		for _, id := range cor.Via {
			if pl, ok := shown[id]; ok {
				lines[i] = append(lines[i], proj.point(pl))
			}
		}
	}
	labels := placeLabels(m, proj, places, weight, bounds, lines)

	return &Chart{Width: Width, Height: height, draw: func(c *canvas) {
		c.fillRect(0, 0, Width, proj.height, p.light.Mix(white, 0.35))
		codeStyle := textStyle{size: 30, color: p.muted.Mix(p.light, 0.78), align: alignCenter}
		for _, cc := range countryCentres(proj, places) {
			c.text(cc.code, cc.x, cc.y+4, codeStyle)
		}
		// Corridors not hit first: where two share a road, the hit one
		// shows.
		for i, cor := range corridors {
			if !hit[cor.ID] {
				c.line(lines[i], 0.5, quiet(p), nil)
			}
		}
		for i, cor := range corridors {
			if hit[cor.ID] {
				c.line(lines[i], 0.7, p.primary, nil)
			}
		}
		// The places with the larger symbols first, so that a small one is
		// never hidden under a large one; at a place, diamonds and
		// triangles under the disc of violence, which they flank.
		order := make([]int, len(events))
		for i := range order {
			order[i] = i
		}
		size := func(i int) float64 { b := bounds[events[i].Place.ID]; return (b.x1 - b.x0) * (b.y1 - b.y0) }
		slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(size(b), size(a)) })
		for _, i := range order {
			for _, sy := range symbols[i] {
				switch sy.kind {
				case symbolStrategic:
					c.polygon(diamond(sy.x, sy.y, sy.half), p.types[st], markerAlpha, 0.25, white)
				case symbolDemonstrations:
					c.polygon(triangle(sy.x, sy.y, sy.r), demoColor, markerAlpha, 0.25, white)
				case symbolViolence:
					c.circle(sy.x, sy.y, sy.r, p.accent, markerAlpha, 0.2, white)
				case symbolApproximate:
					// On a white ground of its own, so that the dashes read
					// over the disc and over a corridor.
					c.ring(sy.x, sy.y, sy.r, ringWidth+0.3, white, nil)
					c.ring(sy.x, sy.y, sy.r, ringWidth, ringColor(p), ringDash)
				}
			}
		}
		for _, pl := range places {
			pt := proj.point(pl)
			c.circle(pt[0], pt[1], 0.55, p.ink, 255, 0, p.ink)
		}
		for _, l := range labels {
			if l.halo {
				c.fillRectAlpha(l.box.x0, l.box.y0, l.box.x1-l.box.x0, l.box.y1-l.box.y0, p.light, 210)
			}
			// Places with events in ink, the others in grey: weight would
			// be lost in the SVG, whose renderer writes no font weight.
			col := p.muted
			if l.events {
				col = p.ink
			}
			c.text(l.text, l.x, l.y, textStyle{size: mapLabelSize, color: col})
		}
		drawScaleBar(c, p, proj, func(km int) string { return cat.T("chart.km", cat.Int(km)) })
		c.line([][2]float64{{0, 0}, {Width, 0}, {Width, proj.height}, {0, proj.height}, {0, 0}}, 0.2, p.grid, nil)
		drawLegend(c, p, legend, 0, legendTop, Width)
	}}
}

// placeMarkers is what the map shows at one place: counts of events by
// the symbol that draws them.
type placeMarkers struct {
	unit                      float64 // mm, the radius of a disc of one event
	violence, approximate     int
	strategic, demonstrations int
}

// radius is the radius of a disc of n events; every symbol has the area
// of the disc of its count. A disc of one event is 1.25 mm across its
// radius, unless a place has so many events that its symbol would pass
// maxSymbol: then every symbol shrinks alike, and areas still compare.
func (mk placeMarkers) radius(n int) float64 { return mk.unit * math.Sqrt(float64(n)) }

const maxSymbol = 9.0 // mm, the largest radius of a symbol

// markerUnit returns the radius of a disc of one event on a map whose
// busiest place has the largest count n of any kind.
func markerUnit(n int) float64 { return math.Min(1.25, maxSymbol/math.Sqrt(float64(max(n, 1)))) }

// symbolKind is a symbol of the map.
type symbolKind int

const (
	symbolStrategic      symbolKind = iota // a diamond
	symbolDemonstrations                   // a triangle
	symbolViolence                         // a disc: violence located at the place
	symbolApproximate                      // a dashed ring: all violence there, some located approximately
)

// symbol is one symbol drawn at a place: r is the radius of the disc of
// its area, half the half-width of the square that holds it.
type symbol struct {
	kind    symbolKind
	x, y, r float64
	half    float64
}

// symbols lays out the symbols of a place at pt. Political violence is
// centred on the place; a diamond of strategic developments flanks it on
// the upper right and a triangle of demonstrations on the upper left,
// tucked a little under it: drawn on the same centre, a diamond of one
// event would hide a disc of one. Without violence, the first of them
// takes the centre.
func (mk placeMarkers) symbols(pt [2]float64) []symbol {
	var out []symbol
	anchor := 0.0 // the half-width of what stands on the place
	if mk.violence > 0 {
		r := mk.radius(mk.violence)
		if n := mk.violence - mk.approximate; n > 0 {
			out = append(out, symbol{kind: symbolViolence, x: pt[0], y: pt[1], r: mk.radius(n), half: mk.radius(n)})
		}
		if mk.approximate > 0 {
			out = append(out, symbol{kind: symbolApproximate, x: pt[0], y: pt[1], r: r, half: r + (ringWidth+0.3)/2})
		}
		anchor = r
	}
	flank := func(kind symbolKind, r, half, dir float64) {
		x, y := pt[0], pt[1]
		if anchor > 0 {
			// At 45°, its centre as far out as the anchor's edge plus
			// half its own half-width.
			d := (anchor + half*0.55) / math.Sqrt2
			x, y = x+dir*d, y-d
		} else {
			anchor = half
		}
		out = append(out, symbol{kind: kind, x: x, y: y, r: r, half: half})
	}
	if mk.strategic > 0 {
		r := mk.radius(mk.strategic)
		flank(symbolStrategic, r, r*math.Sqrt(math.Pi/2), 1)
	}
	if mk.demonstrations > 0 {
		r := mk.radius(mk.demonstrations)
		// The triangle's farthest corner from its centroid.
		half := 2 * r * math.Sqrt(math.Pi/math.Sqrt(3)) / math.Sqrt(3)
		flank(symbolDemonstrations, r, half, -1)
	}
	// Drawn in this order: flanking symbols under the disc and its ring.
	slices.SortStableFunc(out, func(a, b symbol) int { return cmp.Compare(a.kind, b.kind) })
	return out
}

// symbolBounds returns the box that holds the symbols.
func symbolBounds(symbols []symbol) box {
	b := box{math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)}
	for _, s := range symbols {
		b.x0, b.y0 = min(b.x0, s.x-s.half), min(b.y0, s.y-s.half)
		b.x1, b.y1 = max(b.x1, s.x+s.half), max(b.y1, s.y+s.half)
	}
	return b
}

// ringColor is the colour of the dashed ring of violence located only
// approximately: the markers' colour, darkened to read as a line.
func ringColor(p palette) report.Color { return p.accent.Mix(p.ink, 0.35) }

const mapLabelSize = 6.5

// quiet is the colour of corridors not hit in the period.
func quiet(p palette) report.Color { return p.muted.Mix(white, 0.35) }

// passesThrough reports whether a corridor has a place in one of the
// countries; every corridor passes when countries is empty.
func passesThrough(ds *report.Dataset, cor *report.Corridor, countries []string) bool {
	if len(countries) == 0 {
		return true
	}
	for _, id := range cor.Via {
		if pl, ok := ds.Place(id); ok && slices.Contains(countries, pl.Country) {
			return true
		}
	}
	return false
}

// projection maps longitude and latitude to millimetres on the map frame,
// equirectangular with the scale of the middle latitude, so that distances
// read true near the centre.
type projection struct {
	lon0, lat0 float64 // west and north edges, degrees
	k          float64 // mm per degree of latitude
	kx         float64 // mm per degree of longitude
	ox, oy     float64 // frame offset, mm
	height     float64 // frame height, mm
}

func (pr projection) point(pl *report.Place) [2]float64 {
	return [2]float64{pr.ox + (pl.Lon-pr.lon0)*pr.kx, pr.oy + (pr.lat0-pl.Lat)*pr.k}
}

// fitProjection fits the places into the chart's width, and a height of
// between 55 and 125 mm that follows their extent, margin mm from the
// frame's edges.
func fitProjection(places []*report.Place, margin float64) projection {
	west, east, south, north := 180.0, -180.0, 90.0, -90.0
	for _, pl := range places {
		west, east = min(west, pl.Lon), max(east, pl.Lon)
		south, north = min(south, pl.Lat), max(north, pl.Lat)
	}
	// A lone place, or places on one line, still get a square degree.
	if east-west < 1 {
		mid := (east + west) / 2
		west, east = mid-0.5, mid+0.5
	}
	if north-south < 1 {
		mid := (north + south) / 2
		south, north = mid-0.5, mid+0.5
	}
	cos := math.Cos((north + south) / 2 * math.Pi / 180)
	innerW := Width - 2*margin
	height := math.Max(55, math.Min(125, innerW*(north-south)/((east-west)*cos)+2*margin))
	innerH := height - 2*margin
	k := math.Min(innerW/((east-west)*cos), innerH/(north-south))
	pr := projection{lon0: west, lat0: north, k: k, kx: k * cos, height: height}
	pr.ox = margin + (innerW-(east-west)*pr.kx)/2
	pr.oy = margin + (innerH-(north-south)*k)/2
	return pr
}

type countryCentre struct {
	code string
	x, y float64
}

// countryCentres places each country's code at the mean of its places.
func countryCentres(pr projection, places []*report.Place) []countryCentre {
	sums := map[string]*[3]float64{}
	for _, pl := range places {
		if sums[pl.Country] == nil {
			sums[pl.Country] = new([3]float64)
		}
		pt := pr.point(pl)
		s := sums[pl.Country]
		s[0], s[1], s[2] = s[0]+pt[0], s[1]+pt[1], s[2]+1
	}
	var out []countryCentre
	for code, s := range sums {
		out = append(out, countryCentre{code, s[0] / s[2], s[1] / s[2]})
	}
	slices.SortFunc(out, func(a, b countryCentre) int { return cmp.Compare(a.code, b.code) })
	return out
}

type mapLabel struct {
	text   string
	x, y   float64 // baseline start
	events bool    // the place has events
	halo   bool    // a corridor line crosses it
	box    box
}

type box struct{ x0, y0, x1, y1 float64 }

func (a box) overlaps(b box) bool { return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1 }

// placeLabels names places without overlaps: places with the most events
// first, then the rest by name. Each label tries twelve positions around its
// place — around the box of its symbols (bounds) when it has events — and
// takes the first that stays inside the frame and clear of other labels,
// every place's symbols, dots and corridor lines. A label that finds no
// such room may then cross a line or a dot, and gets a halo; a place whose
// label would cover another label or a symbol wherever it goes stays
// unnamed.
func placeLabels(m measurer, pr projection, places []*report.Place, weight map[string]int, bounds map[string]box, lines [][][2]float64) []mapLabel {
	order := slices.Clone(places)
	slices.SortStableFunc(order, func(a, b *report.Place) int {
		return cmp.Or(cmp.Compare(weight[b.ID], weight[a.ID]), cmp.Compare(a.Name, b.Name))
	})
	// Labels and event symbols must never be covered; the dots of other
	// places and corridor lines only in the first pass.
	var taken, dots []box
	for _, pl := range places {
		if b, ok := bounds[pl.ID]; ok {
			taken = append(taken, b)
		} else {
			pt := pr.point(pl)
			dots = append(dots, box{pt[0] - 0.7, pt[1] - 0.7, pt[0] + 0.7, pt[1] + 0.7})
		}
	}
	crossesLine := func(b box) bool {
		for _, line := range lines {
			for i := 1; i < len(line); i++ {
				if segmentHits(line[i-1], line[i], b) {
					return true
				}
			}
		}
		return false
	}
	frame := box{1, 1, Width - 1, pr.height - 1}
	h := ptToMM(mapLabelSize)
	var out []mapLabel
	placed := map[string]bool{}
	// The first pass keeps labels off corridor lines and dots; the second
	// lets the labels left over cross a line, the third a dot too; such a
	// label gets a halo.
	for pass := range 3 {
		for _, pl := range order {
			if placed[pl.ID] {
				continue
			}
			pt := pr.point(pl)
			st := textStyle{size: mapLabelSize}
			w := m.width(pl.Name, st)
			// How far the label keeps from the place on each side: past
			// its symbols, or its dot.
			const gap = 0.5
			left, right, up, down := 0.5, 0.5, 0.5, 0.5
			b, events := bounds[pl.ID]
			if events {
				left, right, up, down = pt[0]-b.x0, b.x1-pt[0], pt[1]-b.y0, b.y1-pt[1]
			}
			left, right, up, down = left+gap, right+gap, up+gap, down+gap
			const diag, far = 0.72, 2.5
			candidates := [][2]float64{
				{pt[0] + right, pt[1] + h*0.35},
				{pt[0] - left - w, pt[1] + h*0.35},
				{pt[0] - w/2, pt[1] - up - 0.3},
				{pt[0] - w/2, pt[1] + down + h*0.75},
				{pt[0] + right*diag, pt[1] - up*diag},
				{pt[0] + right*diag, pt[1] + down*diag + h*0.7},
				{pt[0] - left*diag - w, pt[1] - up*diag},
				{pt[0] - left*diag - w, pt[1] + down*diag + h*0.7},
				{pt[0] + right + far, pt[1] + h*0.35},
				{pt[0] - left - far - w, pt[1] + h*0.35},
				{pt[0] - w/2, pt[1] - up - far},
				{pt[0] - w/2, pt[1] + down + far + h*0.75},
			}
			for _, cand := range candidates {
				lb := box{cand[0] - 0.3, cand[1] - h*0.75, cand[0] + w + 0.3, cand[1] + h*0.25}
				inside := lb.x0 >= frame.x0 && lb.x1 <= frame.x1 && lb.y0 >= frame.y0 && lb.y1 <= frame.y1
				if !inside || slices.ContainsFunc(taken, lb.overlaps) ||
					(pass < 1 && crossesLine(lb)) || (pass < 2 && slices.ContainsFunc(dots, lb.overlaps)) {
					continue
				}
				taken = append(taken, lb)
				placed[pl.ID] = true
				out = append(out, mapLabel{text: pl.Name, x: cand[0], y: cand[1], events: events, halo: pass > 0, box: lb})
				break
			}
		}
	}
	return out
}

// segmentHits reports whether the segment from a to b passes through the
// box, sampling it every quarter millimetre: plenty for labels.
func segmentHits(a, b [2]float64, bx box) bool {
	n := int(math.Hypot(b[0]-a[0], b[1]-a[1])/0.25) + 1
	for i := 0; i <= n; i++ {
		t := float64(i) / float64(n)
		x, y := a[0]+(b[0]-a[0])*t, a[1]+(b[1]-a[1])*t
		if x >= bx.x0 && x <= bx.x1 && y >= bx.y0 && y <= bx.y1 {
			return true
		}
	}
	return false
}

// drawScaleBar draws a bar of a round number of kilometres, about a sixth
// of the map's width, in its bottom-left corner.
func drawScaleBar(c *canvas, p palette, pr projection, label func(km int) string) {
	kmPerMM := 111.32 / pr.k
	km := 10
	for _, step := range []int{10, 20, 25, 50, 100, 200, 250, 500, 1000, 2000} {
		if float64(step)/kmPerMM <= Width/6 {
			km = step
		}
	}
	length := float64(km) / kmPerMM
	x, y := 4.0, pr.height-4
	c.line([][2]float64{{x, y - 1}, {x, y}, {x + length, y}, {x + length, y - 1}}, 0.3, p.ink, nil)
	c.text(label(km), x+length+1.5, y+0.2, textStyle{size: mapLabelSize, color: p.ink})
}
