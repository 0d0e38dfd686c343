package charts

import (
	"cmp"
	"fmt"
	"math"
	"slices"
	"strings"

	"briefing/charts/basemap"
	"briefing/report"
)

// markerAlpha is the opacity of event markers, so that overlapping
// markers and the corridors under them stay visible.
const markerAlpha = 175

// Sizes of the map's type, in points.
const (
	mapLabelSize    = 6.5 // places
	regionLabelSize = 6.0
	countryLabel    = 8.0
	shieldSize      = 5.8 // corridors' short names
)

// mapChart draws the letter's places on real geography: Natural Earth's
// land, sea, country borders and first-level regions (or the data
// folder's own, from data/basemap.geojson), in an equal-area projection
// centred on the places and fitted to them. The corridors run through
// their places, in the brand's colour where political violence hit them,
// each named by a road sign on its line. The period's events stand at
// their places, one symbol per kind, each with an area that is its number
// of events: discs for political violence (a dashed ring around the disc
// when some of it is located only near the place or in its region),
// diamonds for strategic developments and triangles for demonstrations
// without violence. Places, capitals, the regions that hold events and
// the countries are named where there is room, never over one another
// or over a symbol. Under the map, a key gives three reference sizes of
// disc, every mark drawn and a scale bar; a locator inset shows where the
// map lies on the continent.
func mapChart(sel report.Selection, t Theme) (*Chart, error) {
	world, err := basemap.Embedded()
	if err != nil {
		return nil, fmt.Errorf("charts: map data: %w", err)
	}
	geo := newGeography(world, sel.Dataset)
	m, p, cat := measurer{t.Fonts}, paletteOf(t.Brand), t.Catalog
	ds := sel.Dataset
	lang := cat.Lang()

	// The map shows the corridors that pass through the letter's countries
	// (those of its events when it has no country scope) or that an event
	// names, the places those corridors pass and every place with an
	// event.
	named, hit := map[string]bool{}, map[string]bool{}
	for _, cc := range sel.Corridors() {
		named[cc.Corridor.ID] = true
		hit[cc.Corridor.ID] = cc.Hit()
	}
	scope := sel.Letter.Scope.Countries
	events := sel.Places()
	if len(events) == 0 && len(scope) == 0 {
		return emptyChart(t), nil
	}
	// The countries drawn in detail (tinted, their regions outlined): the
	// letter's scope, or the countries of its events.
	detail := map[string]bool{}
	for _, c := range scope {
		detail[c] = true
	}
	if len(detail) == 0 {
		for _, pc := range events {
			detail[pc.Place.Country] = true
		}
	}
	var corridors []*report.Corridor
	shown := map[string]*report.Place{}
	if len(events) > 0 {
		for i := range ds.Corridors {
			cor := &ds.Corridors[i]
			if !named[cor.ID] && !passesThrough(ds, cor, detail) {
				continue
			}
			corridors = append(corridors, cor)
			for _, id := range cor.Via {
				if pl, ok := ds.Place(id); ok {
					shown[id] = pl
				}
			}
		}
	}
	for _, pc := range events {
		shown[pc.Place.ID] = pc.Place
	}
	places := make([]*report.Place, 0, len(shown))
	for _, pl := range shown {
		places = append(places, pl)
	}
	slices.SortFunc(places, func(a, b *report.Place) int { return cmp.Compare(a.ID, b.ID) })

	mk := newMarkers(events, p)
	// The frame keeps room at its edges for the largest cluster of
	// symbols, and a label beside it.
	margin := min(max(9, mk.reach+2), maxSymbol*2.2)
	// The frame fits the places with events and the corridors they name;
	// other corridors run on beyond it.
	var anchors []basemap.Point
	for _, pc := range events {
		anchors = append(anchors, basemap.Point{pc.Place.Lon, pc.Place.Lat})
	}
	for _, cor := range corridors {
		if !named[cor.ID] {
			continue
		}
		for _, id := range cor.Via {
			if pl, ok := ds.Place(id); ok {
				anchors = append(anchors, basemap.Point{pl.Lon, pl.Lat})
			}
		}
	}
	if len(anchors) == 0 {
		// A scope with no events: the map shows its countries.
		anchors = geo.countryPoints(scope)
		margin = 4
	}
	proj := fitAzimuthal(anchors, margin)
	frame := box{0, 0, Width, proj.height}
	win := proj.window()
	pt := func(pl *report.Place) [2]float64 { q, _ := proj.point(pl.Lon, pl.Lat); return q }
	// Places of corridors outside the frame are neither marked nor named.
	places = slices.DeleteFunc(places, func(pl *report.Place) bool {
		q := pt(pl)
		return !square(q, 0).within(frame.grow(-1))
	})

	// Geography, projected and clipped to the frame.
	type area struct {
		feature *geoFeature
		rings   [][][2]float64
	}
	var countries []area
	for i := range geo.countries {
		f := &geo.countries[i]
		if !win.meets(f.bounds) {
			continue
		}
		if rings := projectFeature(proj, f, frame); len(rings) > 0 {
			countries = append(countries, area{f, rings})
		}
	}
	type stroke struct {
		kind  basemap.LineKind
		lines [][][2]float64
	}
	var strokes []stroke
	for _, l := range geo.lines {
		if !win.meets(l.Bounds) || (l.Kind == basemap.RegionBorder && !detail[l.Countries[0]]) {
			continue
		}
		if pieces := proj.projectLine(l.Points, frame, 0.2); len(pieces) > 0 {
			strokes = append(strokes, stroke{l.Kind, pieces})
		}
	}
	// Lines are drawn regions first, then coasts, then country borders.
	slices.SortStableFunc(strokes, func(a, b stroke) int { return cmp.Compare(lineOrder(a.kind), lineOrder(b.kind)) })

	// Symbols of events, dots of places, capitals.
	symbols := make([][]symbol, len(events))
	bounds, weight := map[string]box{}, map[string]int{}
	for i, pc := range events {
		symbols[i] = mk.at[i].symbols(pt(pc.Place))
		bounds[pc.Place.ID] = symbolBounds(symbols[i])
		weight[pc.Place.ID] = pc.Counts.Total()
	}
	// A corridor's line, clipped to the frame, may fall in pieces.
	var lines [][][2]float64
	var lineCorridor []int
	for i, cor := range corridors {
		var line [][2]float64
		for _, id := range cor.Via {
			if pl, ok := shown[id]; ok {
				line = append(line, pt(pl))
			}
		}
		for _, piece := range clipLine(line, frame) {
			lines = append(lines, piece)
			lineCorridor = append(lineCorridor, i)
		}
	}
	var capitals []capitalMark
	for _, c := range geo.capitals {
		q, ok := proj.point(c.At[0], c.At[1])
		if !ok || !square(q, 0).within(frame.grow(-2)) {
			continue
		}
		cm := capitalMark{name: c.Name.In(lang), at: q}
		// A capital that is one of the places is marked at the place,
		// named by the place's label.
		for _, pl := range places {
			if pq := pt(pl); math.Hypot(pq[0]-q[0], pq[1]-q[1]) < 1.5 || strings.EqualFold(pl.Name.In(lang), cm.name) {
				cm.place, cm.at = pl.ID, pq
				break
			}
		}
		capitals = append(capitals, cm)
	}

	// The labels, most important first.
	lb := newLabeler(m, frame.grow(-1))
	var dataBoxes []box // what the inset must not hide
	for _, pl := range places {
		if b, ok := bounds[pl.ID]; ok {
			lb.taken = append(lb.taken, b)
			dataBoxes = append(dataBoxes, b)
		} else {
			d := square(pt(pl), 0.7)
			lb.dots = append(lb.dots, d)
			dataBoxes = append(dataBoxes, d)
		}
	}
	for _, c := range capitals {
		if c.place == "" {
			lb.taken = append(lb.taken, square(c.at, capitalRadius))
		}
	}
	lb.lines = lines
	inset := placeInset(proj, geo, dataBoxes, lines)
	if inset.inFrame {
		lb.taken = append(lb.taken, inset.box.grow(1))
	}
	order := slices.Clone(places)
	slices.SortStableFunc(order, func(a, b *report.Place) int {
		return cmp.Or(cmp.Compare(weight[b.ID], weight[a.ID]), cmp.Compare(a.Name.In(lang), b.Name.In(lang)))
	})
	markOf := func(pl *report.Place) box {
		if b, ok := bounds[pl.ID]; ok {
			return b
		}
		return square(pt(pl), 0.5)
	}
	for _, pl := range order {
		if weight[pl.ID] > 0 {
			lb.around(pl.Name.In(lang), pt(pl), markOf(pl), textStyle{size: mapLabelSize, color: p.ink})
		}
	}
	// Corridors hit first, then by name.
	corOrder := make([]int, len(corridors))
	for i := range corOrder {
		corOrder[i] = i
	}
	slices.SortStableFunc(corOrder, func(a, b int) int {
		ha, hb := hit[corridors[a].ID], hit[corridors[b].ID]
		if ha != hb {
			if ha {
				return -1
			}
			return 1
		}
		return cmp.Compare(corridors[a].Short.In(lang), corridors[b].Short.In(lang))
	})
	shield := func(i int) {
		col := quiet(p).Mix(p.ink, 0.3)
		if hit[corridors[i].ID] {
			col = p.primary
		}
		// On its longest piece in the frame.
		longest, best := -1, 0.0
		for k, line := range lines {
			if lineCorridor[k] == i {
				if l := lineLength(line); l > best {
					longest, best = k, l
				}
			}
		}
		if longest >= 0 {
			lb.alongLine(corridors[i].Short.In(lang), lines[longest], textStyle{size: shieldSize, color: col})
		}
	}
	// The corridors hit, then capitals, the corridors not hit and the
	// other places.
	for _, i := range corOrder {
		if hit[corridors[i].ID] {
			shield(i)
		}
	}
	for _, c := range capitals {
		if c.place == "" {
			lb.around(c.name, c.at, square(c.at, capitalRadius), textStyle{size: mapLabelSize, color: p.ink.Mix(p.muted, 0.5)})
		}
	}
	for _, i := range corOrder {
		if !hit[corridors[i].ID] {
			shield(i)
		}
	}
	for _, pl := range order {
		if weight[pl.ID] == 0 {
			lb.around(pl.Name.In(lang), pt(pl), markOf(pl), textStyle{size: mapLabelSize, color: p.muted})
		}
	}
	// The regions that hold events, then the countries.
	regionStyle := textStyle{size: regionLabelSize, color: p.muted.Mix(p.light, 0.15)}
	for _, f := range geo.regionsWithEvents(events) {
		rings := projectFeature(proj, f, frame)
		if len(rings) == 0 {
			continue
		}
		msk := newMask(frame, rings)
		name := f.name.In(lang)
		if anchor := labelAnchor(proj, f, msk); !lb.inside([]string{name}, msk, anchor, regionStyle) {
			lb.inside(splitName(name), msk, anchor, regionStyle)
		}
	}
	// The letter's countries are named first; the countries are drawn in
	// the order of their codes.
	byDetail := slices.Clone(countries)
	slices.SortStableFunc(byDetail, func(a, b area) int {
		return cmp.Compare(boolRank(!detail[a.feature.country]), boolRank(!detail[b.feature.country]))
	})
	for _, c := range byDetail {
		msk := newMask(frame, c.rings)
		name := strings.ToUpper(c.feature.name.In(lang))
		st := textStyle{size: countryLabel, color: p.muted.Mix(white, 0.1)}
		if !detail[c.feature.country] {
			st.color = p.muted.Mix(white, 0.35)
		}
		// On one line, else on two, else smaller.
		anchor := labelAnchor(proj, c.feature, msk)
		if !lb.inside([]string{name}, msk, anchor, st) && !lb.inside(splitName(name), msk, anchor, st) {
			st.size = 6.5
			if !lb.inside([]string{name}, msk, anchor, st) {
				lb.inside(splitName(name), msk, anchor, st)
			}
		}
	}

	var drawn []*report.Corridor
	for _, i := range slices.Compact(slices.Clone(lineCorridor)) {
		drawn = append(drawn, corridors[i])
	}
	kinds := map[basemap.LineKind]bool{}
	for _, st := range strokes {
		kinds[st.kind] = true
	}
	legend := mapLegend(cat, p, mk, drawn, hit, capitals, len(places) > 0, kinds)
	key := layoutKey(m, cat, mk, legend, len(events) > 0, inset)
	keyTop := proj.height + 3
	height := keyTop + key.height + 1
	landScope, landOther, sea := mapColors(p)

	return &Chart{Width: Width, Height: height, draw: func(c *canvas) {
		c.fillRect(0, 0, Width, proj.height, sea)
		for _, a := range countries {
			col := landOther
			if detail[a.feature.country] {
				col = landScope
			}
			c.rings(a.rings, col)
		}
		for _, s := range strokes {
			width, col, dash := lineStyle(s.kind, p)
			for _, l := range s.lines {
				c.line(l, width, col, dash)
			}
		}
		// Corridors not hit first: where two share a road, the hit one
		// shows.
		for k, line := range lines {
			if !hit[corridors[lineCorridor[k]].ID] {
				c.line(line, 0.5, quiet(p), nil)
			}
		}
		for k, line := range lines {
			if hit[corridors[lineCorridor[k]].ID] {
				c.line(line, 0.7, p.primary, nil)
			}
		}
		drawSymbols(c, p, mk, symbols, events, bounds)
		for _, pl := range places {
			q := pt(pl)
			c.circle(q[0], q[1], 0.55, p.ink, 255, 0, p.ink)
		}
		for _, cm := range capitals {
			drawCapital(c, p, cm.at)
		}
		for _, l := range lb.out {
			switch {
			case l.shield != nil:
				c.polygon(l.shield.corners(), white, 255, 0.25, l.style.color)
			case l.halo:
				c.fillRectAlpha(l.box.x0, l.box.y0, l.box.x1-l.box.x0, l.box.y1-l.box.y0, landScope, 210)
			}
			c.text(l.text, l.x, l.y, l.style)
		}
		if inset.inFrame {
			drawInset(c, p, inset)
		}
		c.line(frame.outline(), 0.2, p.grid, nil)
		drawKey(c, p, key, keyTop, proj)
	}}, nil
}

func boolRank(b bool) int {
	if b {
		return 1
	}
	return 0
}

// mapColors are the map's ground: the letter's countries in a light tint
// of the brand, other land lighter, the sea a pale blue grey.
func mapColors(p palette) (scope, other, sea report.Color) {
	return p.light.Mix(p.accent, 0.06), p.light.Mix(white, 0.6), report.Color{R: 0xDD, G: 0xE7, B: 0xEE}
}

// lineStyle is how a line of the map data is stroked: width in mm,
// colour, dash.
func lineStyle(k basemap.LineKind, p palette) (float64, report.Color, []float64) {
	switch k {
	case basemap.Coast:
		return 0.25, report.Color{R: 0x8F, G: 0xA9, B: 0xBB}, nil
	case basemap.CountryBorder:
		return 0.4, p.muted.Mix(white, 0.15), []float64{1.6, 0.5, 0.3, 0.5}
	default:
		return 0.15, p.muted.Mix(white, 0.45), nil
	}
}

func lineOrder(k basemap.LineKind) int {
	switch k {
	case basemap.RegionBorder:
		return 0
	case basemap.Coast:
		return 1
	}
	return 2
}

// projectFeature projects a feature's polygons and clips them to the box:
// its visible rings.
func projectFeature(a azimuthal, f *geoFeature, clip box) [][][2]float64 {
	var out [][][2]float64
	for _, poly := range f.polygons {
		for _, ring := range poly {
			if r := a.projectRing(ring, clip, 0.2, 1); len(r) >= 3 {
				out = append(out, r)
			}
		}
	}
	return out
}

// labelAnchor is where an area's name is sought first: the map data's
// label point when it lies in the visible part of the area, else the
// middle of that part.
func labelAnchor(a azimuthal, f *geoFeature, msk *mask) [2]float64 {
	if f.hasLabel {
		if q, ok := a.point(f.label[0], f.label[1]); ok && msk.at(q[0], q[1]) {
			return q
		}
	}
	return msk.centroid()
}

// fitAzimuthal centres the projection on the points and fits them into
// the chart's width and a height of between 55 and 125 mm that follows
// their extent, margin mm from the frame's edges. The frame spans at
// least minSpan kilometres each way, so that a single place still shows
// its surroundings.
func fitAzimuthal(points []basemap.Point, margin float64) azimuthal {
	const minSpan = 500.0 // km
	lon0, lat0 := centreOf(points)
	a := newAzimuthal(lon0, lat0)
	west, east, south, north := math.Inf(1), math.Inf(-1), math.Inf(1), math.Inf(-1)
	for _, p := range points {
		x, y, ok := a.km(p[0], p[1])
		if !ok {
			continue
		}
		west, east = min(west, x), max(east, x)
		south, north = min(south, y), max(north, y)
	}
	if east-west < minSpan {
		mid := (east + west) / 2
		west, east = mid-minSpan/2, mid+minSpan/2
	}
	if north-south < minSpan*0.6 {
		mid := (north + south) / 2
		south, north = mid-minSpan*0.3, mid+minSpan*0.3
	}
	innerW := Width - 2*margin
	a.height = math.Max(55, math.Min(125, innerW*(north-south)/(east-west)+2*margin))
	innerH := a.height - 2*margin
	a.scale = math.Min(innerW/(east-west), innerH/(north-south))
	a.width = Width
	// The points' box, centred in the frame.
	a.left = (west+east)/2 - Width/2/a.scale
	a.top = (south+north)/2 + a.height/2/a.scale
	return a
}

// capitalMark is a national capital inside the frame; place is the id of
// the letter's place it coincides with, if any.
type capitalMark struct {
	name  string
	at    [2]float64
	place string
}

const capitalRadius = 1.0 // mm

// drawCapital marks a capital as maps do: a dot in a ring.
func drawCapital(c *canvas, p palette, at [2]float64) {
	c.circle(at[0], at[1], capitalRadius, white, 255, 0.3, p.ink)
	c.circle(at[0], at[1], 0.4, p.ink, 255, 0, p.ink)
}

// placeMarkers is what the map shows at one place: counts of events by
// the symbol that draws them.
type placeMarkers struct {
	unit                      float64 // mm, the radius of a disc of one event
	violence, approximate     int
	strategic, demonstrations int
}

// markers is the symbols of every place with events, and which kinds of
// symbol the map shows.
type markers struct {
	at      []placeMarkers
	kinds   placeMarkers // how many places show each symbol
	busiest int          // the largest count of one symbol at one place
	unit    float64
	reach   float64 // the largest half-size of a place's cluster of symbols
	demo    report.Color
}

func newMarkers(events []report.PlaceCount, p palette) markers {
	st := strategicType()
	mk := markers{demo: p.types[slices.Index(report.EventTypes(), report.Protests)]}
	total := 0
	for _, pc := range events {
		mk.busiest = max(mk.busiest, pc.Violence, pc.Counts[st], pc.Counts.Sum(report.NotStrategic)-pc.Violence)
		total += pc.Counts.Total()
	}
	mk.unit = markerUnit(mk.busiest, total)
	for _, pc := range events {
		m := placeMarkers{
			unit:        mk.unit,
			violence:    pc.Violence,
			approximate: pc.Approximate,
			strategic:   pc.Counts[st],
			// Types other than strategic developments are political
			// violence or demonstrations; those not counted as violence
			// are demonstrations without it.
			demonstrations: pc.Counts.Sum(report.NotStrategic) - pc.Violence,
		}
		mk.at = append(mk.at, m)
		mk.kinds.violence += min(1, m.violence-m.approximate)
		mk.kinds.approximate += min(1, m.approximate)
		mk.kinds.strategic += min(1, m.strategic)
		mk.kinds.demonstrations += min(1, m.demonstrations)
		b := symbolBounds(m.symbols([2]float64{}))
		mk.reach = max(mk.reach, -b.x0, b.x1, -b.y0, b.y1)
	}
	return mk
}

// drawSymbols draws the places' symbols, the larger clusters first, so
// that a small one is never hidden under a large one; at a place,
// diamonds and triangles under the disc of violence, which they flank.
func drawSymbols(c *canvas, p palette, mk markers, symbols [][]symbol, events []report.PlaceCount, bounds map[string]box) {
	st := strategicType()
	order := make([]int, len(events))
	for i := range order {
		order[i] = i
	}
	size := func(i int) float64 { b := bounds[events[i].Place.ID]; return (b.x1 - b.x0) * (b.y1 - b.y0) }
	slices.SortStableFunc(order, func(a, b int) int { return cmp.Compare(size(b), size(a)) })
	for _, i := range order {
		for _, sy := range symbols[i] {
			drawSymbol(c, p, mk.demo, st, sy)
		}
	}
}

func drawSymbol(c *canvas, p palette, demo report.Color, st int, sy symbol) {
	switch sy.kind {
	case symbolStrategic:
		c.polygon(diamond(sy.x, sy.y, sy.half), p.types[st], markerAlpha, 0.25, white)
	case symbolDemonstrations:
		c.polygon(triangle(sy.x, sy.y, sy.r), demo, markerAlpha, 0.25, white)
	case symbolViolence:
		c.circle(sy.x, sy.y, sy.r, p.accent, markerAlpha, 0.2, white)
	case symbolApproximate:
		// On a white ground of its own, so that the dashes read over the
		// disc and over a corridor.
		c.ring(sy.x, sy.y, sy.r, ringWidth+0.3, white, nil)
		c.ring(sy.x, sy.y, sy.r, ringWidth, ringColor(p), ringDash)
	}
}

// radius is the radius of a disc of n events; every symbol has the area
// of the disc of its count. A disc of one event is 1.25 mm across its
// radius, unless the map holds so many events that its symbols would pass
// maxSymbol or bury the map (see markerUnit): then every symbol shrinks
// alike, and areas still compare.
func (mk placeMarkers) radius(n int) float64 { return mk.unit * math.Sqrt(float64(n)) }

const maxSymbol = 9.0 // mm, the largest radius of a symbol

// markerUnit returns the radius of a disc of one event on a map whose
// busiest place has the largest count n of any kind, and whose places hold
// total events in all. Beyond the limit on the largest symbol, all the
// symbols together cover at most a tenth of a typical frame (170 × 100
// mm): thousands of events at a hundred places would otherwise bury the
// map under discs.
func markerUnit(n, total int) float64 {
	const covered = 0.10 * Width * 100
	return math.Min(1.25, math.Min(maxSymbol/math.Sqrt(float64(max(n, 1))), math.Sqrt(covered/(math.Pi*float64(max(total, 1))))))
}

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

// quiet is the colour of corridors not hit in the period.
func quiet(p palette) report.Color { return p.muted.Mix(white, 0.35) }

// passesThrough reports whether a corridor has a place in one of the
// countries.
func passesThrough(ds *report.Dataset, cor *report.Corridor, countries map[string]bool) bool {
	for _, id := range cor.Via {
		if pl, ok := ds.Place(id); ok && countries[pl.Country] {
			return true
		}
	}
	return false
}

func lineLength(line [][2]float64) float64 {
	l := 0.0
	for i := 1; i < len(line); i++ {
		l += math.Hypot(line[i][0]-line[i-1][0], line[i][1]-line[i-1][1])
	}
	return l
}
