package main

import (
	"encoding/binary"
	"fmt"
	"math"
	"strings"

	"briefing/charts/basemap"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/simplify"
)

// Simplification tolerances, in degrees. The letter's map is 170 mm
// across 100 to 3,000 km, so ~0.3 mm, 200 m to 5 km, is the finest
// detail that shows: 0.005° (~550 m) keeps Africa's borders crisp on
// the closest map, and the rest of the world is only ever context.
const (
	fineTolerance   = 0.005
	coarseTolerance = 0.025
)

// fineWindow is where the fine tolerance applies: an arc whose box
// touches it (Africa, Arabia, southern Europe, the Atlantic islands).
var fineWindow = basemap.Bounds{MinLon: -30, MinLat: -40, MaxLon: 60, MaxLat: 40}

// use is one ring's use of an arc.
type use struct {
	region bool
	feat   int
}

// ring is a ring of a source feature as arc references.
type ring struct {
	region     bool
	feat, poly int
	hole       bool
	refs       []int
	area       float64 // of the quantized ring, before simplification
}

type builder struct {
	features [2][]*source // countries, regions
	rings    []*ring
	arcs     [][]basemap.GridPoint // as cut, full detail
	uses     [][]use
	index    map[string]int
	simple   [][]basemap.GridPoint // simplified
	tol      []float64             // in grid steps
}

// buildTopology cuts the rings of countries and regions into shared
// arcs, simplifies the arcs and returns the topology to encode.
func buildTopology(countries, regions []*source, capitals []basemap.City) (*basemap.Topology, string) {
	b := &builder{features: [2][]*source{countries, regions}, index: map[string]int{}}
	junctions := b.junctions()
	for layer, fs := range b.features {
		for fi, f := range fs {
			for pi, poly := range f.polys {
				for ri, pts := range poly {
					r := &ring{region: layer == 1, feat: fi, poly: pi, hole: ri > 0, area: ringArea(pts)}
					for _, piece := range cut(pts, junctions) {
						ref := b.intern(piece)
						r.refs = append(r.refs, ref)
						b.uses[arcOf(ref)] = append(b.uses[arcOf(ref)], use{layer == 1, fi})
					}
					b.rings = append(b.rings, r)
				}
			}
		}
	}
	b.index = nil

	b.simple = make([][]basemap.GridPoint, len(b.arcs))
	b.tol = make([]float64, len(b.arcs))
	for i, a := range b.arcs {
		b.tol[i] = coarseTolerance * basemap.Scale
		if arcBounds(a).Intersects(fineWindow) {
			b.tol[i] = fineTolerance * basemap.Scale
		}
		b.simple[i] = simplifyArc(a, b.tol[i])
	}

	// A feature whose every ring collapsed keeps its largest one, its
	// arcs simplified less until it has an area again: Tuvalu and The
	// Gambia must be on the map.
	for layer, fs := range b.features {
		for fi := range fs {
			var largest *ring
			alive := false
			for _, r := range b.rings {
				if r.region != (layer == 1) || r.feat != fi || r.hole {
					continue
				}
				if b.survives(r) {
					alive = true
					break
				}
				if largest == nil || math.Abs(r.area) > math.Abs(largest.area) {
					largest = r
				}
			}
			for div := 4.0; !alive; div *= 4 {
				for _, ref := range largest.refs {
					a := arcOf(ref)
					b.tol[a] = b.tol[a] / div
					if div > 1000 {
						b.tol[a] = 0
					}
					b.simple[a] = simplifyArc(b.arcs[a], b.tol[a])
				}
				alive = b.survives(largest)
				if div > 1000 && !alive {
					panic(fmt.Sprintf("%s keeps no ring", fs[fi].code))
				}
			}
		}
	}

	// Which arcs the surviving rings use, renumbered in order.
	keep := map[*ring]bool{}
	outerAlive := map[[3]int]bool{}
	for _, r := range b.rings {
		if !r.hole && b.survives(r) {
			outerAlive[r.key()] = true
		}
	}
	newIndex := make([]int, len(b.arcs))
	for i := range newIndex {
		newIndex[i] = -1
	}
	for _, r := range b.rings {
		if outerAlive[r.key()] && b.survives(r) {
			keep[r] = true
			for _, ref := range r.refs {
				newIndex[arcOf(ref)] = 0
			}
		}
	}
	t := &basemap.Topology{Capitals: capitals}
	var kinds [3]int
	points := 0
	for i, a := range b.simple {
		if newIndex[i] < 0 {
			continue
		}
		newIndex[i] = len(t.Arcs)
		kind, sides, hidden := b.kind(i)
		if !hidden {
			kinds[kind]++
		}
		points += len(a)
		t.Arcs = append(t.Arcs, basemap.Arc{Points: a, Kind: kind, Countries: sides, Hidden: hidden})
	}

	// Features, with rings oriented: outer counter-clockwise, holes
	// clockwise.
	var tf [2][]basemap.TopoFeature
	for layer, fs := range b.features {
		tf[layer] = make([]basemap.TopoFeature, len(fs))
		for fi, f := range fs {
			tf[layer][fi] = basemap.TopoFeature{Code: f.code, Country: f.country, Name: f.name, Label: f.label}
		}
	}
	polyIndex := map[[3]int]int{}
	ringCount := 0
	for _, r := range b.rings {
		if !keep[r] {
			continue
		}
		ringCount++
		refs := make([]int, len(r.refs))
		for i, ref := range r.refs {
			n := newIndex[arcOf(ref)]
			if ref < 0 {
				n = ^n
			}
			refs[i] = n
		}
		if a := ringArea(b.ringPoints(r)); (a < 0) != r.hole {
			for i, j := 0, len(refs)-1; i <= j; i, j = i+1, j-1 {
				refs[i], refs[j] = ^refs[j], ^refs[i]
			}
		}
		f := &tf[btoi(r.region)][r.feat]
		pi, ok := polyIndex[r.key()]
		if !ok {
			pi = len(f.Polygons)
			polyIndex[r.key()] = pi
			f.Polygons = append(f.Polygons, nil)
		}
		f.Polygons[pi] = append(f.Polygons[pi], refs)
	}
	t.Countries, t.Regions = tf[0], tf[1]

	var stats strings.Builder
	fmt.Fprintf(&stats, "countries %d, regions %d, capitals %d\n", len(t.Countries), len(t.Regions), len(t.Capitals))
	fmt.Fprintf(&stats, "arcs %d of %d cut (%d points), rings %d of %d\n", len(t.Arcs), len(b.arcs), points, ringCount, len(b.rings))
	fmt.Fprintf(&stats, "lines: %d coast, %d country border, %d region border\n", kinds[basemap.Coast], kinds[basemap.CountryBorder], kinds[basemap.RegionBorder])
	return t, stats.String()
}

func btoi(b bool) int {
	if b {
		return 1
	}
	return 0
}

func (r *ring) key() [3]int { return [3]int{btoi(r.region), r.feat, r.poly} }

// kind is the line an arc draws, from the rings that use it: one
// country's only is a coast, two countries' a border; a region arc that
// no country uses and two regions of one country do is a region border.
// Anything else (a region's edge on its country's outline, the seam of
// two pieces of one country) is hidden.
func (b *builder) kind(arc int) (basemap.LineKind, [2]string, bool) {
	var countries, regions []use
	for _, u := range b.uses[arc] {
		if u.region {
			regions = append(regions, u)
		} else {
			countries = append(countries, u)
		}
	}
	code := func(u use) string { return b.features[0][u.feat].code }
	switch {
	case len(countries) == 1:
		return basemap.Coast, [2]string{code(countries[0])}, false
	case len(countries) >= 2:
		a, c := code(countries[0]), code(countries[1])
		if a == c {
			return 0, [2]string{}, true
		}
		return basemap.CountryBorder, [2]string{min(a, c), max(a, c)}, false
	case len(regions) == 2:
		r0, r1 := b.features[1][regions[0].feat], b.features[1][regions[1].feat]
		if r0 != r1 && r0.country == r1.country {
			return basemap.RegionBorder, [2]string{r0.country, r0.country}, false
		}
	}
	return 0, [2]string{}, true
}

// ringPoints is a ring's simplified points, open.
func (b *builder) ringPoints(r *ring) []basemap.GridPoint {
	var pts []basemap.GridPoint
	for _, ref := range r.refs {
		a := b.simple[arcOf(ref)]
		if ref >= 0 {
			pts = append(pts, a[1:]...)
		} else {
			for j := len(a) - 2; j >= 0; j-- {
				pts = append(pts, a[j])
			}
		}
	}
	return pts
}

// survives says whether the simplified ring still encloses an area.
func (b *builder) survives(r *ring) bool {
	pts := b.ringPoints(r)
	distinct := map[basemap.GridPoint]bool{}
	for _, p := range pts {
		distinct[p] = true
		if len(distinct) >= 3 {
			break
		}
	}
	return len(distinct) >= 3 && ringArea(pts) != 0
}

func arcOf(ref int) int {
	if ref < 0 {
		return ^ref
	}
	return ref
}

// junctions finds the points where the set of rings along the boundary
// changes: a point whose neighbours differ between two visits, as
// TopoJSON's join does.
func (b *builder) junctions() map[basemap.GridPoint]bool {
	type pair [2]basemap.GridPoint
	seen := map[basemap.GridPoint]pair{}
	junctions := map[basemap.GridPoint]bool{}
	for _, fs := range b.features {
		for _, f := range fs {
			for _, poly := range f.polys {
				for _, pts := range poly {
					n := len(pts)
					for i, p := range pts {
						prev, next := pts[(i+n-1)%n], pts[(i+1)%n]
						if lessPoint(next, prev) {
							prev, next = next, prev
						}
						if q, ok := seen[p]; !ok {
							seen[p] = pair{prev, next}
						} else if q != (pair{prev, next}) {
							junctions[p] = true
						}
					}
				}
			}
		}
	}
	return junctions
}

func lessPoint(a, b basemap.GridPoint) bool {
	return a[0] < b[0] || a[0] == b[0] && a[1] < b[1]
}

// cut splits an open ring at its junctions into arcs that include both
// ends; a ring without junctions is one closed arc starting at its least
// point, so that identical rings give identical arcs.
func cut(pts []basemap.GridPoint, junctions map[basemap.GridPoint]bool) [][]basemap.GridPoint {
	n := len(pts)
	first := -1
	for i, p := range pts {
		if junctions[p] {
			first = i
			break
		}
	}
	if first < 0 {
		least := 0
		for i, p := range pts {
			if lessPoint(p, pts[least]) {
				least = i
			}
		}
		arc := make([]basemap.GridPoint, 0, n+1)
		arc = append(arc, pts[least:]...)
		arc = append(arc, pts[:least+1]...)
		return [][]basemap.GridPoint{arc}
	}
	rot := make([]basemap.GridPoint, 0, n+1)
	rot = append(rot, pts[first:]...)
	rot = append(rot, pts[:first+1]...)
	var arcs [][]basemap.GridPoint
	start := 0
	for i := 1; i < len(rot); i++ {
		if junctions[rot[i]] {
			arcs = append(arcs, rot[start:i+1])
			start = i
		}
	}
	return arcs
}

// intern returns the reference of an arc, adding it when it is new: i
// when stored as given, ^i when stored reversed.
func (b *builder) intern(arc []basemap.GridPoint) int {
	fwd := key(arc, false)
	rev := key(arc, true)
	canon, forward := fwd, true
	if rev < fwd {
		canon, forward = rev, false
	}
	i, ok := b.index[canon]
	if !ok {
		i = len(b.arcs)
		b.index[canon] = i
		stored := append([]basemap.GridPoint(nil), arc...)
		if !forward {
			for l, r := 0, len(stored)-1; l < r; l, r = l+1, r-1 {
				stored[l], stored[r] = stored[r], stored[l]
			}
		}
		b.arcs = append(b.arcs, stored)
		b.uses = append(b.uses, nil)
	}
	if forward {
		return i
	}
	return ^i
}

func key(arc []basemap.GridPoint, reverse bool) string {
	buf := make([]byte, 0, 8*len(arc))
	for k := range arc {
		p := arc[k]
		if reverse {
			p = arc[len(arc)-1-k]
		}
		buf = binary.BigEndian.AppendUint32(buf, uint32(p[0])^1<<31)
		buf = binary.BigEndian.AppendUint32(buf, uint32(p[1])^1<<31)
	}
	return string(buf)
}

func arcBounds(a []basemap.GridPoint) basemap.Bounds {
	b := basemap.Bounds{MinLon: math.Inf(1), MinLat: math.Inf(1), MaxLon: math.Inf(-1), MaxLat: math.Inf(-1)}
	for _, g := range a {
		p := g.Point()
		b.MinLon, b.MinLat = min(b.MinLon, p[0]), min(b.MinLat, p[1])
		b.MaxLon, b.MaxLat = max(b.MaxLon, p[0]), max(b.MaxLat, p[1])
	}
	return b
}

// simplifyArc runs Douglas–Peucker on an arc (tolerance in grid steps),
// which keeps its two ends, so arcs still meet at their junctions.
func simplifyArc(a []basemap.GridPoint, tol float64) []basemap.GridPoint {
	if tol <= 0 || len(a) <= 2 {
		return append([]basemap.GridPoint(nil), a...)
	}
	ls := make(orb.LineString, len(a))
	for i, p := range a {
		ls[i] = orb.Point{float64(p[0]), float64(p[1])}
	}
	ls = simplify.DouglasPeucker(tol).LineString(ls)
	out := make([]basemap.GridPoint, len(ls))
	for i, p := range ls {
		out[i] = basemap.GridPoint{int32(p[0]), int32(p[1])}
	}
	return out
}
