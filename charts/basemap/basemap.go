// Package basemap is the map data compiled into briefing: Natural Earth's
// countries (admin-0) for the whole world, the first-level regions
// (admin-1) of the countries listed in tools/basemapgen/README.md (all of
// Africa at least), their coasts and borders as lines drawn once each, and
// the national capitals.
//
// The data is generated, not written: tools/basemapgen (its own module,
// so that briefing never links the 29 MB of GeoJSON it reads) quantizes
// the polygons to a grid of 1e-4°, builds a topology in which every border
// is one arc shared by its two sides, simplifies each arc once and writes
// assets/basemap/world.bin in the format of [Encode]. Because neighbours
// share their arcs, filled neighbours never show slivers or gaps, and
// [Map.Lines] draws each border exactly once with its kind.
//
// Use [Embedded]: it decodes the embedded file once per process and
// returns the same immutable [Map] to every caller.
//
//	m, err := basemap.Embedded()
//	mali, _ := m.Country("ML")
//	kayes, _ := m.RegionAt("ML", basemap.Point{-11.44, 14.45})
//
// Natural Earth is in the public domain ("Made with Natural Earth").
package basemap

import (
	"sort"
	"sync"

	"briefing/assets"
)

// Point is a longitude and latitude in degrees.
type Point [2]float64

// Ring is a closed ring of points; its first point is not repeated at the
// end.
type Ring []Point

// Polygon is an outer ring (index 0) and its holes. Outer rings run
// counter-clockwise in (lon, lat) and holes clockwise, so that non-zero
// and even-odd fills paint the same area: renderers differ in which rule
// they use, and Senegal's hole for The Gambia must stay a hole in both.
type Polygon []Ring

// Bounds is a box in degrees.
type Bounds struct{ MinLon, MinLat, MaxLon, MaxLat float64 }

// Contains reports whether p lies in the box, edges included.
func (b Bounds) Contains(p Point) bool {
	return p[0] >= b.MinLon && p[0] <= b.MaxLon && p[1] >= b.MinLat && p[1] <= b.MaxLat
}

// Intersects reports whether the two boxes overlap, edges included.
func (b Bounds) Intersects(o Bounds) bool {
	return b.MinLon <= o.MaxLon && o.MinLon <= b.MaxLon && b.MinLat <= o.MaxLat && o.MinLat <= b.MaxLat
}

// emptyBounds is the start of a union: any point extends it.
func emptyBounds() Bounds {
	return Bounds{MinLon: 1e9, MinLat: 1e9, MaxLon: -1e9, MaxLat: -1e9}
}

// extend grows b to hold p. Plain comparisons: the built-in min and max
// order NaNs, which costs a sixth of decoding.
func (b *Bounds) extend(p Point) {
	if p[0] < b.MinLon {
		b.MinLon = p[0]
	}
	if p[0] > b.MaxLon {
		b.MaxLon = p[0]
	}
	if p[1] < b.MinLat {
		b.MinLat = p[1]
	}
	if p[1] > b.MaxLat {
		b.MaxLat = p[1]
	}
}

// Names is a place's name in the letter's languages.
type Names struct{ EN, FR string }

// In returns the name in lang ("en" or "fr"); Natural Earth has no French
// name for some places, and then the English one stands in.
func (n Names) In(lang string) string {
	if lang == "fr" && n.FR != "" {
		return n.FR
	}
	return n.EN
}

// Feature is a country or a region.
type Feature struct {
	// Code is, for a country, its ISO 3166-1 alpha-2 code: Natural
	// Earth's ISO_A2, or ISO_A2_EH where ISO_A2 is "-99" (France "FR",
	// Norway "NO", Kosovo "XK"). Areas with neither keep Natural Earth's
	// three-letter ADM0_A3 ("SOL" Somaliland, "CYN" Northern Cyprus), so
	// a two-letter code is always ISO's. Natural Earth pieces that share
	// a code are one country (Clipperton is part of "FR", Baikonur of
	// "KZ"). For a region, Code is its ISO 3166-2 code ("ML-1"), or
	// Natural Earth's adm1_code where it has none.
	Code string
	// Country is the ISO alpha-2 code of the country (Code itself for a
	// country).
	Country string
	Name    Names
	// Label is Natural Earth's label point, inside the feature and
	// chosen for legibility, unlike a centroid.
	Label    Point
	Bounds   Bounds
	Polygons []Polygon
}

// Contains reports whether p is inside the feature: inside an odd number
// of its rings, so holes and islands in lakes count right.
func (f *Feature) Contains(p Point) bool {
	if !f.Bounds.Contains(p) {
		return false
	}
	in := false
	for _, poly := range f.Polygons {
		for _, r := range poly {
			if ringContains(r, p) {
				in = !in
			}
		}
	}
	return in
}

// ringContains is the crossing-number test of one ring.
func ringContains(r Ring, p Point) bool {
	in := false
	x, y := p[0], p[1]
	j := len(r) - 1
	for i := range r {
		xi, yi := r[i][0], r[i][1]
		xj, yj := r[j][0], r[j][1]
		if (yi > y) != (yj > y) && x < (xj-xi)*(y-yi)/(yj-yi)+xi {
			in = !in
		}
		j = i
	}
	return in
}

// LineKind says what a line separates, which decides how it is drawn.
type LineKind uint8

const (
	// Coast is a land edge against the sea (or against no other
	// country): an arc of one country only.
	Coast LineKind = iota
	// CountryBorder separates two countries.
	CountryBorder
	// RegionBorder separates two regions of the same country. Region
	// edges on the country's outline are not region borders: the
	// country's coast or border is drawn there.
	RegionBorder
)

// String names the kind for messages and tests.
func (k LineKind) String() string {
	switch k {
	case Coast:
		return "coast"
	case CountryBorder:
		return "country border"
	case RegionBorder:
		return "region border"
	}
	return "unknown line kind"
}

// Line is one coast or border arc.
type Line struct {
	Kind LineKind
	// Countries are the codes of the countries on either side: a
	// coast's country and "", a country border's two in code order, a
	// region border's country twice. A map that draws a country from
	// other data leaves out its lines by these.
	Countries [2]string
	Points    []Point
	Bounds    Bounds
}

// City is a capital.
type City struct {
	Name    Names
	Country string // the country's Code
	At      Point
}

// Map is the decoded map data. It is shared by every caller of
// [Embedded] and must not be modified.
type Map struct {
	Countries []Feature // sorted by Code
	Regions   []Feature // sorted by Country, then Code
	Lines     []Line    // every coast, country border and region border, once
	Capitals  []City    // national capitals, sorted by Country
}

// Country returns the country with the given code.
func (m *Map) Country(code string) (*Feature, bool) {
	i := sort.Search(len(m.Countries), func(i int) bool { return m.Countries[i].Code >= code })
	if i < len(m.Countries) && m.Countries[i].Code == code {
		return &m.Countries[i], true
	}
	return nil, false
}

// RegionsOf returns the regions of a country, a sub-slice of m.Regions;
// it is empty for a country whose regions are not included.
func (m *Map) RegionsOf(country string) []Feature {
	lo := sort.Search(len(m.Regions), func(i int) bool { return m.Regions[i].Country >= country })
	hi := lo
	for hi < len(m.Regions) && m.Regions[hi].Country == country {
		hi++
	}
	return m.Regions[lo:hi:hi]
}

// RegionAt returns the region of country that contains p.
func (m *Map) RegionAt(country string, p Point) (*Feature, bool) {
	rs := m.RegionsOf(country)
	for i := range rs {
		if rs[i].Contains(p) {
			return &rs[i], true
		}
	}
	return nil, false
}

// Capital returns the national capital of a country.
func (m *Map) Capital(country string) (*City, bool) {
	i := sort.Search(len(m.Capitals), func(i int) bool { return m.Capitals[i].Country >= country })
	if i < len(m.Capitals) && m.Capitals[i].Country == country {
		return &m.Capitals[i], true
	}
	return nil, false
}

// embedded decodes the data once: every letter of a build shares it, and
// nobody modifies it, so there is no mutable global state.
var embedded = sync.OnceValues(func() (*Map, error) {
	return Decode(assets.BasemapWorld)
})

// Embedded returns the map data compiled into the program, decoded on the
// first call. The Map is shared: callers must not modify it.
func Embedded() (*Map, error) {
	return embedded()
}
