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
// the places the letter concerns, corridors as lines through their places,
// places as labelled dots, events as discs whose area is the number of
// events at the place, and country codes faintly behind. It needs no map
// data beyond the dataset's coordinates.
func mapChart(sel report.Selection, t Theme) *Chart {
	if len(sel.Events) == 0 {
		return emptyChart(t)
	}
	m, p, cat := measurer{t.Fonts}, paletteOf(t.Brand), t.Catalog
	ds := sel.Dataset

	// The map shows the corridors that pass through the letter's countries
	// (all of them when the letter has no country scope), the places those
	// corridors pass and every place with an event.
	hit := map[string]bool{}
	for _, cc := range sel.Corridors() {
		hit[cc.Corridor.ID] = true
	}
	countries := sel.Letter.Scope.Countries
	var corridors []*report.Corridor
	shown := map[string]*report.Place{}
	for i := range ds.Corridors {
		cor := &ds.Corridors[i]
		if !hit[cor.ID] && !passesThrough(ds, cor, countries) {
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

	proj := fitProjection(places)
	legend := []legendEntry{{color: p.accent, label: cat.T("chart.map_events"), kind: swatchCircle}}
	if len(hit) > 0 {
		legend = append(legend, legendEntry{color: p.primary, label: cat.T("chart.map_corridor_hit"), kind: swatchLine})
	}
	if slices.ContainsFunc(corridors, func(c *report.Corridor) bool { return !hit[c.ID] }) {
		legend = append(legend, legendEntry{color: quiet(p), label: cat.T("chart.map_corridor"), kind: swatchLine})
	}
	legend = append(legend, legendEntry{color: p.ink, label: cat.T("chart.map_place"), kind: swatchDot})
	legendTop := proj.height + 3
	height := legendTop + legendHeight(m, legend, Width) + 1

	eventsAt := map[string]int{}
	for _, pc := range events {
		eventsAt[pc.Place.ID] = pc.Counts.Total()
	}
	radius := func(n int) float64 { return 1.25 * math.Sqrt(float64(n)) }
	lines := make([][][2]float64, len(corridors))
	for i, cor := range corridors {
		for _, id := range cor.Via {
			if pl, ok := shown[id]; ok {
				lines[i] = append(lines[i], proj.point(pl))
			}
		}
	}
	labels := placeLabels(m, proj, places, eventsAt, radius, lines)

	return &Chart{Width: Width, Height: height, draw: func(c *canvas) {
		c.fillRect(0, 0, Width, proj.height, p.light.Mix(report.Color{R: 255, G: 255, B: 255}, 0.35))
		codeStyle := textStyle{size: 30, color: p.muted.Mix(p.light, 0.78), align: alignCenter}
		for _, cc := range countryCentres(proj, places) {
			c.text(cc.code, cc.x, cc.y+4, codeStyle)
		}
		for i, cor := range corridors {
			if hit[cor.ID] {
				c.line(lines[i], 0.7, p.primary, nil)
			} else {
				c.line(lines[i], 0.5, quiet(p), nil)
			}
		}
		byCount := slices.Clone(events)
		slices.SortStableFunc(byCount, func(a, b report.PlaceCount) int { return cmp.Compare(b.Counts.Total(), a.Counts.Total()) })
		for _, pc := range byCount {
			pt := proj.point(pc.Place)
			c.circle(pt[0], pt[1], radius(pc.Counts.Total()), p.accent, markerAlpha, 0.2, report.Color{R: 255, G: 255, B: 255})
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

const mapLabelSize = 6.5

// quiet is the colour of corridors not hit in the period.
func quiet(p palette) report.Color { return p.muted.Mix(report.Color{R: 255, G: 255, B: 255}, 0.35) }

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
// between 55 and 125 mm that follows their extent.
func fitProjection(places []*report.Place) projection {
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
	const margin = 9.0 // room for markers and labels at the edges
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
// dot and takes the first that stays inside the frame and clear of other
// labels, event markers, dots and corridor lines. A label that finds no
// such room may then cross a line or a dot, and gets a halo; a place whose
// label would cover another label or a marker wherever it goes stays
// unnamed.
func placeLabels(m measurer, pr projection, places []*report.Place, eventsAt map[string]int, radius func(int) float64, lines [][][2]float64) []mapLabel {
	order := slices.Clone(places)
	slices.SortStableFunc(order, func(a, b *report.Place) int {
		return cmp.Or(cmp.Compare(eventsAt[b.ID], eventsAt[a.ID]), cmp.Compare(a.Name, b.Name))
	})
	// Labels and event markers must never be covered; the dots of other
	// places and corridor lines only in the first pass.
	var taken, dots []box
	for _, pl := range places {
		pt := pr.point(pl)
		if n := eventsAt[pl.ID]; n > 0 {
			r := radius(n)
			taken = append(taken, box{pt[0] - r, pt[1] - r, pt[0] + r, pt[1] + r})
		} else {
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
			n := eventsAt[pl.ID]
			st := textStyle{size: mapLabelSize}
			w := m.width(pl.Name, st)
			gap := 1.0
			if n > 0 {
				gap = radius(n) + 0.5
			}
			d := gap * 0.72 // diagonal offset
			far := gap + 2.5
			candidates := [][2]float64{
				{pt[0] + gap, pt[1] + h*0.35},
				{pt[0] - gap - w, pt[1] + h*0.35},
				{pt[0] - w/2, pt[1] - gap - 0.3},
				{pt[0] - w/2, pt[1] + gap + h*0.75},
				{pt[0] + d, pt[1] - d},
				{pt[0] + d, pt[1] + d + h*0.7},
				{pt[0] - d - w, pt[1] - d},
				{pt[0] - d - w, pt[1] + d + h*0.7},
				{pt[0] + far, pt[1] + h*0.35},
				{pt[0] - far - w, pt[1] + h*0.35},
				{pt[0] - w/2, pt[1] - far},
				{pt[0] - w/2, pt[1] + far + h*0.75},
			}
			for _, cand := range candidates {
				b := box{cand[0] - 0.3, cand[1] - h*0.75, cand[0] + w + 0.3, cand[1] + h*0.25}
				inside := b.x0 >= frame.x0 && b.x1 <= frame.x1 && b.y0 >= frame.y0 && b.y1 <= frame.y1
				if !inside || slices.ContainsFunc(taken, b.overlaps) ||
					(pass < 1 && crossesLine(b)) || (pass < 2 && slices.ContainsFunc(dots, b.overlaps)) {
					continue
				}
				taken = append(taken, b)
				placed[pl.ID] = true
				out = append(out, mapLabel{text: pl.Name, x: cand[0], y: cand[1], events: n > 0, halo: pass > 0, box: b})
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
