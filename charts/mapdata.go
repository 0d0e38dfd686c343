package charts

import (
	"cmp"
	"slices"

	"briefing/charts/basemap"
	"briefing/report"
)

// geography is the map data one letter draws: Natural Earth's, with the
// data folder's own outlines (data/basemap.geojson) in place of Natural
// Earth's for the countries and levels they cover.
type geography struct {
	countries []geoFeature
	regions   []geoFeature // sorted by country
	lines     []basemap.Line
	capitals  []basemap.City
}

// geoFeature is a country or a region to draw.
type geoFeature struct {
	code, country string
	name          basemap.Names
	label         basemap.Point // where the map data would name it
	hasLabel      bool
	bounds        basemap.Bounds
	polygons      []basemap.Polygon
}

func fromBasemap(f *basemap.Feature) geoFeature {
	return geoFeature{code: f.Code, country: f.Country, name: f.Name, label: f.Label, hasLabel: true, bounds: f.Bounds, polygons: f.Polygons}
}

// newGeography merges the data folder's outlines into Natural Earth's.
// A data folder's regions of a country replace all of Natural Earth's
// regions of that country and their borders; its outline of a country
// replaces Natural Earth's polygon of the country, and its coast and
// borders are then the outline's edges.
func newGeography(world *basemap.Map, ds *report.Dataset) *geography {
	ownRegions, ownCountries := map[string]bool{}, map[string]bool{}
	g := &geography{capitals: world.Capitals}
	for _, bf := range ds.Basemap {
		f := geoFeature{code: bf.Country, country: bf.Country, name: customNames(bf, ds.Info.Language), bounds: emptyBoundsOf()}
		for _, poly := range bf.Polygons {
			var p basemap.Polygon
			for _, ring := range poly {
				r := make(basemap.Ring, len(ring))
				for i, pt := range ring {
					r[i] = basemap.Point(pt)
					f.bounds = extendBounds(f.bounds, r[i])
				}
				p = append(p, r)
			}
			f.polygons = append(f.polygons, p)
		}
		kind := basemap.RegionBorder
		if bf.Level == "country" {
			kind = basemap.CountryBorder
		}
		for _, p := range f.polygons {
			for _, r := range p {
				closed := append(slices.Clone(r), r[0])
				g.lines = append(g.lines, basemap.Line{Kind: kind, Points: closed, Bounds: f.bounds, Countries: [2]string{bf.Country, bf.Country}})
			}
		}
		if bf.Level == "country" {
			ownCountries[bf.Country] = true
			g.countries = append(g.countries, f)
		} else {
			f.code = bf.Country + "-" + bf.Name
			ownRegions[bf.Country] = true
			g.regions = append(g.regions, f)
		}
	}
	for i := range world.Countries {
		if f := &world.Countries[i]; !ownCountries[f.Code] {
			g.countries = append(g.countries, fromBasemap(f))
		}
	}
	for i := range world.Regions {
		if f := &world.Regions[i]; !ownRegions[f.Country] {
			g.regions = append(g.regions, fromBasemap(f))
		}
	}
	for _, l := range world.Lines {
		a, b := l.Countries[0], l.Countries[1]
		if ownCountries[a] || ownCountries[b] || (l.Kind == basemap.RegionBorder && ownRegions[a]) {
			continue
		}
		g.lines = append(g.lines, l)
	}
	slices.SortStableFunc(g.countries, func(a, b geoFeature) int { return cmp.Compare(a.code, b.code) })
	slices.SortStableFunc(g.regions, func(a, b geoFeature) int { return cmp.Compare(a.country, b.country) })
	return g
}

// customNames gives a data folder's feature its name in each language,
// the dataset's language standing in for a missing one.
func customNames(bf report.BasemapFeature, lang string) basemap.Names {
	name := func(l string) string {
		if s := bf.Names[l]; s != "" {
			return s
		}
		if s := bf.Names[lang]; s != "" {
			return s
		}
		return bf.Name
	}
	return basemap.Names{EN: name("en"), FR: name("fr")}
}

func emptyBoundsOf() basemap.Bounds {
	return basemap.Bounds{MinLon: 180, MinLat: 90, MaxLon: -180, MaxLat: -90}
}

func extendBounds(b basemap.Bounds, p basemap.Point) basemap.Bounds {
	return basemap.Bounds{MinLon: min(b.MinLon, p[0]), MinLat: min(b.MinLat, p[1]), MaxLon: max(b.MaxLon, p[0]), MaxLat: max(b.MaxLat, p[1])}
}

// country returns a country's feature.
func (g *geography) country(code string) (*geoFeature, bool) {
	i, ok := slices.BinarySearchFunc(g.countries, code, func(f geoFeature, c string) int { return cmp.Compare(f.code, c) })
	if !ok {
		return nil, false
	}
	return &g.countries[i], true
}

// regionAt returns the region of a country that holds a point.
func (g *geography) regionAt(country string, p basemap.Point) (*geoFeature, bool) {
	i, _ := slices.BinarySearchFunc(g.regions, country, func(f geoFeature, c string) int { return cmp.Compare(f.country, c) })
	for ; i < len(g.regions) && g.regions[i].country == country; i++ {
		if f := &g.regions[i]; f.contains(p) {
			return f, true
		}
	}
	return nil, false
}

func (f *geoFeature) contains(p basemap.Point) bool {
	bf := basemap.Feature{Bounds: f.bounds, Polygons: f.polygons}
	return bf.Contains(p)
}

// regionsWithEvents returns the regions that hold the places with events,
// most events first.
func (g *geography) regionsWithEvents(events []report.PlaceCount) []*geoFeature {
	count := map[*geoFeature]int{}
	var out []*geoFeature
	for _, pc := range events {
		f, ok := g.regionAt(pc.Place.Country, basemap.Point{pc.Place.Lon, pc.Place.Lat})
		if !ok {
			continue
		}
		if count[f] == 0 {
			out = append(out, f)
		}
		count[f] += pc.Counts.Total()
	}
	slices.SortStableFunc(out, func(a, b *geoFeature) int { return cmp.Compare(count[b], count[a]) })
	return out
}

// countryPoints returns points that span the countries: the corners of
// their bounds and their label points, for a map of a scope with no
// events.
func (g *geography) countryPoints(codes []string) []basemap.Point {
	var out []basemap.Point
	for _, c := range codes {
		f, ok := g.country(c)
		if !ok {
			continue
		}
		b := f.bounds
		if b.MaxLon-b.MinLon < 180 {
			out = append(out, basemap.Point{b.MinLon, b.MinLat}, basemap.Point{b.MaxLon, b.MaxLat})
		}
		out = append(out, f.label)
	}
	if len(out) == 0 {
		out = append(out, basemap.Point{0, 0})
	}
	return out
}
