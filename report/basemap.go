package report

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// BasemapFile is the optional file, in the data folder, of region and
// country outlines that the map draws instead of Natural Earth's for the
// same country and level: a GeoJSON FeatureCollection.
const BasemapFile = "basemap.geojson"

// The levels of a basemap feature.
const (
	// BasemapRegion is a first-level administrative unit (admin1).
	BasemapRegion = "region"
	// BasemapCountry is a country's outline (admin0).
	BasemapCountry = "country"
)

// BasemapFeature is a region or country outline a data folder brings in
// data/basemap.geojson.
//
// Polygons holds each polygon as its rings, each ring as its [lon, lat]
// positions in WGS84 degrees without the closing position (the first is
// not repeated at the end), with at least 3 positions. The first ring of
// a polygon is its outer ring, turning counter-clockwise in (lon, lat)
// (x east, y north); the others are its holes, turning clockwise. The
// loader reverses rings as needed, so a file may wind them either way.
type BasemapFeature struct {
	Level   string // BasemapRegion or BasemapCountry
	Country string // ISO 3166-1 alpha-2
	// Name is the name in the dataset's language: "" for a country without
	// a name. When the file gives names by language and none in the
	// dataset's language, it is the first by language code.
	Name string
	// Names holds the names by language code when the file gives an
	// object of them; nil when it gives a plain string.
	Names    map[string]string
	Polygons [][][][2]float64
	Pos      Position
}

// basemapLimits are MaxBasemapFeatures and MaxBasemapPositions, lower in
// tests.
type basemapLimits struct{ features, positions int }

// loadBasemap reads basemap.geojson when the data folder has one.
func (ld *loader) loadBasemap() {
	src, exists, ok := ld.read(BasemapFile, false, false)
	if !exists {
		// The usual slip: the file saved as .json.
		for _, name := range []string{"basemap.json", "basemap.GeoJSON"} {
			if _, p := ld.root.inside(name, "file"); p == nil || !p.notExist {
				ld.diags.Warnf(Position{File: ld.display(name)}, "ignored: the map's own outlines are read from %s; rename it", BasemapFile)
			}
		}
	}
	if !ok {
		return
	}
	ld.ds.Basemap = parseBasemap(ld.display(BasemapFile), src, ld.ds.Info.Language,
		basemapLimits{features: MaxBasemapFeatures, positions: MaxBasemapPositions}, &ld.diags)
}

// basemapReader interprets the JSON tree of a basemap file.
type basemapReader struct {
	src      []byte
	lang     string // the dataset's language
	lim      basemapLimits
	pos      *posMapper
	problems problemList
	limits   []problem // see limitf
	// positions counts the positions read so far, against lim.positions.
	positions int
	// stopped is set once a limit is reached: no more features are read.
	stopped  bool
	features []BasemapFeature
	// regions holds where each region's name is, by country and name, to
	// report a duplicate with the first's line.
	regions map[[2]string]Position
}

// parseBasemap reads the GeoJSON of a basemap file and adds its problems
// to diags. lang is the dataset's language ("" when it declares none).
func parseBasemap(path string, src []byte, lang string, lim basemapLimits, diags *Diagnostics) []BasemapFeature {
	r := &basemapReader{src: src, lang: lang, lim: lim, pos: newPosMapper(path, src), regions: map[[2]string]Position{}}
	root, err := parseJSON(src, lim.features)
	if err != nil {
		if len(strings.TrimSpace(strings.TrimPrefix(string(src), "\uFEFF"))) == 0 {
			diags.Errorf(Position{File: path, Line: 1, Col: 1}, "the file is empty; it must hold a GeoJSON FeatureCollection, or be removed")
			return nil
		}
		diags.Errorf(r.pos.at(err.off), "invalid JSON: %s", err.msg)
		return nil
	}
	r.collection(&root)
	r.problems.flush(r.pos, diags)
	for _, p := range r.limits {
		diags.add(p.sev, r.pos.at(p.off), "%s", p.msg)
	}
	return r.features
}

func (r *basemapReader) errorf(off int, format string, args ...any) {
	r.problems.add(off, Error, format, args...)
}

// limitf reports a limit reached, which is listed whatever the number of
// other problems.
func (r *basemapReader) limitf(off int, format string, args ...any) {
	r.limits = append(r.limits, problem{off, Error, fmt.Sprintf(format, args...)})
}

// member returns the value of an object's member, or nil. A member
// written twice is reported; the first counts.
func (r *basemapReader) member(obj *jsonValue, name, what string) *jsonValue {
	var found *jsonValue
	firstOff, firstLine := 0, 0
	for i := range obj.members {
		m := &obj.members[i]
		if m.name != name {
			continue
		}
		if found == nil {
			found, firstOff = &m.value, m.nameOff
			continue
		}
		if firstLine == 0 {
			firstLine = r.pos.at(firstOff).Line
		}
		r.errorf(m.nameOff, "%q appears twice in %s (first at line %d); remove one", name, what, firstLine)
	}
	return found
}

var geometryTypes = []string{"Point", "MultiPoint", "LineString", "MultiLineString", "Polygon", "MultiPolygon", "GeometryCollection"}

const collectionForm = `{"type": "FeatureCollection", "features": [ … ]}`

func (r *basemapReader) collection(root *jsonValue) {
	if root.kind != jsonObject {
		r.errorf(root.off, "the file must be a GeoJSON FeatureCollection, %s, not %s", collectionForm, root.describe())
		return
	}
	typ := r.member(root, "type", "the FeatureCollection")
	switch {
	case typ == nil:
		r.errorf(root.off, `the file must be a GeoJSON FeatureCollection, %s: "type" is missing`, collectionForm)
		return
	case typ.kind != jsonString:
		r.errorf(typ.off, `type must be "FeatureCollection", not %s`, typ.describe())
		return
	case typ.text == "Feature":
		r.errorf(typ.off, "the file holds a single Feature, not a FeatureCollection: wrap it as %s", collectionForm)
		return
	case slices.Contains(geometryTypes, typ.text):
		r.errorf(typ.off, "the file holds a bare %s geometry, not a FeatureCollection: wrap it in a Feature with its properties, in %s", typ.text, collectionForm)
		return
	case typ.text != "FeatureCollection":
		r.errorf(typ.off, "type %s: the file must be a GeoJSON FeatureCollection, %s", quoteShort(typ.text), collectionForm)
		return
	}
	if r.crs(root); r.stopped {
		return
	}
	features := r.member(root, "features", "the FeatureCollection")
	switch {
	case features == nil:
		r.errorf(root.off, `the FeatureCollection has no "features": list them, %s`, collectionForm)
		return
	case features.kind != jsonArray:
		r.errorf(features.off, "features must be a list of features, not %s", features.describe())
		return
	case len(features.items) == 0:
		r.problems.add(features.off, Warning, "the file holds no features, so the map draws Natural Earth's outlines everywhere: add features, or remove the file")
		return
	}
	for i := range features.items {
		if i == r.lim.features {
			r.limitf(features.items[i].off, "the file holds more than %s features, the limit; the features from here on are not read: keep only the countries your letters map, or merge small units (e.g. mapshaper %s -dissolve)",
				thousands(r.lim.features), BasemapFile)
			return
		}
		r.feature(&features.items[i])
		if r.stopped {
			return
		}
	}
}

// crs checks the coordinate reference system a file may still declare
// (GeoJSON's 2008 draft had it; QGIS writes it): briefing reads longitude
// and latitude in WGS84, and a file exported in a projection would
// otherwise show as a flood of coordinates out of range.
func (r *basemapReader) crs(root *jsonValue) {
	crs := r.member(root, "crs", "the FeatureCollection")
	if crs == nil || crs.kind != jsonObject {
		return
	}
	props := r.member(crs, "properties", "the crs")
	if props == nil || props.kind != jsonObject {
		return
	}
	name := r.member(props, "name", "the crs")
	if name == nil || name.kind != jsonString {
		return
	}
	if s := name.text; !strings.Contains(s, "CRS84") && !strings.HasSuffix(s, ":4326") {
		r.errorf(name.off, "the file's coordinates are in the reference system %s; briefing reads WGS84 longitude and latitude: export the layer again in EPSG:4326 (in QGIS: Export, Save Features As, CRS EPSG:4326; with mapshaper: -proj wgs84)", quoteShort(s))
		r.stopped = true
	}
}

func (r *basemapReader) feature(v *jsonValue) {
	if v.kind != jsonObject {
		r.errorf(v.off, `each item of features must be a Feature, {"type": "Feature", "geometry": …, "properties": …}, not %s`, v.describe())
		return
	}
	f := BasemapFeature{Pos: r.pos.at(v.off), Level: BasemapRegion}
	typ := r.member(v, "type", "this feature")
	switch {
	case typ == nil:
		r.errorf(v.off, `the feature has no "type": add "type": "Feature"`)
	case typ.kind != jsonString:
		r.errorf(typ.off, `type must be "Feature", not %s`, typ.describe())
		return
	case typ.text != "Feature":
		if slices.Contains(geometryTypes, typ.text) {
			r.errorf(typ.off, `this item of features is a bare %s geometry: wrap it in a Feature, {"type": "Feature", "geometry": …, "properties": …}`, typ.text)
		} else {
			r.errorf(typ.off, `type %s: each item of features must be a "Feature"`, quoteShort(typ.text))
		}
		return
	}
	geom := r.member(v, "geometry", "this feature")
	switch {
	case geom == nil:
		r.errorf(v.off, `the feature has no "geometry": a basemap feature is a Polygon or a MultiPolygon`)
	case geom.kind == jsonNull:
		r.errorf(geom.off, "geometry is null: a basemap feature is a Polygon or a MultiPolygon; remove the feature or draw its outline")
	default:
		f.Polygons = r.geometry(geom)
	}
	if r.stopped {
		return
	}
	// The properties are checked even when the geometry is wrong, to
	// report every problem at once.
	if r.properties(v, &f) && f.Polygons != nil {
		r.features = append(r.features, f)
	}
}

func (r *basemapReader) geometry(g *jsonValue) [][][][2]float64 {
	if g.kind != jsonObject {
		r.errorf(g.off, `geometry must be an object, {"type": "Polygon", "coordinates": […]}, not %s`, g.describe())
		return nil
	}
	typ := r.member(g, "type", "this geometry")
	coords := r.member(g, "coordinates", "this geometry")
	switch {
	case typ == nil:
		r.errorf(g.off, `the geometry has no "type": a basemap feature is a "Polygon" or a "MultiPolygon"`)
		return nil
	case typ.kind != jsonString:
		r.errorf(typ.off, `geometry type must be "Polygon" or "MultiPolygon", not %s`, typ.describe())
		return nil
	case typ.text == "Polygon" || typ.text == "MultiPolygon":
	case slices.Contains(geometryTypes, typ.text):
		r.errorf(typ.off, "geometry type %s is not accepted: a basemap feature is an area, a Polygon or a MultiPolygon", typ.text)
		return nil
	default:
		r.errorf(typ.off, "geometry type %s is not a GeoJSON geometry type: a basemap feature is a Polygon or a MultiPolygon", quoteShort(typ.text))
		return nil
	}
	if coords == nil {
		r.errorf(g.off, `the %s has no "coordinates"`, typ.text)
		return nil
	}
	if typ.text == "Polygon" {
		p, ok := r.polygon(coords.off, "the coordinates of a Polygon")
		if !ok {
			return nil
		}
		return [][][][2]float64{p}
	}
	var polys [][][][2]float64
	ok := true
	_, isList := jsonEach(r.src, coords.off, func(at int) int {
		if r.stopped {
			return jsonSkip(r.src, at)
		}
		p, good := r.polygon(at, "each polygon of a MultiPolygon")
		ok = ok && good
		polys = append(polys, p)
		return jsonSkip(r.src, at)
	})
	switch {
	case !isList:
		r.errorf(coords.off, "the coordinates of a MultiPolygon must be a list of polygons, each a list of rings, not %s", jsonKindAt(r.src, coords.off))
		return nil
	case len(polys) == 0 && !r.stopped:
		r.errorf(coords.off, "the MultiPolygon has no polygon: remove the feature, or draw its outline")
		return nil
	case !ok:
		return nil
	}
	return polys
}

// polygon reads the rings of a polygon at off; what names it for messages.
func (r *basemapReader) polygon(off int, what string) ([][][2]float64, bool) {
	if r.numberBelow(off, 2) {
		r.errorf(off, "these coordinates hold positions where rings are expected: a level of brackets is missing (%s)", nestingHint)
		return nil, false
	}
	var rings [][][2]float64
	ok := true
	_, isList := jsonEach(r.src, off, func(at int) int {
		if r.stopped {
			return jsonSkip(r.src, at)
		}
		ring, good := r.ring(at, len(rings) == 0)
		ok = ok && good
		rings = append(rings, ring)
		return jsonSkip(r.src, at)
	})
	switch {
	case r.stopped:
		return nil, false
	case !isList:
		r.errorf(off, "%s must be a list of rings, each a list of [lon, lat] positions, not %s", what, jsonKindAt(r.src, off))
		return nil, false
	case len(rings) == 0:
		r.errorf(off, "the polygon has no ring: it needs at least its outer ring")
		return nil, false
	}
	return rings, ok
}

// nestingHint says how GeoJSON nests the coordinates, for the messages
// about a level of brackets missing.
const nestingHint = "a Polygon's coordinates are [[[lon, lat], …]], a MultiPolygon's [[[[lon, lat], …]]]"

// numberBelow reports whether the value at off is a list whose first item,
// depth levels of first items down, is a number: coordinates nested a
// level short, which would otherwise give an error per number.
func (r *basemapReader) numberBelow(off, depth int) bool {
	i := jsonWS(r.src, off)
	for range depth {
		if r.src[i] != '[' {
			return false
		}
		i = jsonWS(r.src, i+1)
	}
	return r.src[i] == '-' || r.src[i] >= '0' && r.src[i] <= '9'
}

// ring reads the ring at off, checks it, drops its closing position and
// winds it counter-clockwise if outer, clockwise otherwise.
func (r *basemapReader) ring(off int, outer bool) ([][2]float64, bool) {
	if r.numberBelow(off, 1) {
		r.errorf(off, "this ring holds numbers where [lon, lat] positions are expected: a level of brackets is missing (%s)", nestingHint)
		return nil, false
	}
	var ring [][2]float64
	ok := true
	last := off
	// Positions out of range come in crowds (a file in a projection): the
	// first of a ring is reported, with how many more the ring has.
	var rangeAt, rangeMore int
	var rangeMsg string
	_, isList := jsonEach(r.src, off, func(at int) int {
		if r.stopped {
			return jsonSkip(r.src, at)
		}
		if r.positions++; r.positions > r.lim.positions {
			r.limitf(at, "the file holds more than %s positions, the limit; the features from here on are not read: simplify it, e.g. mapshaper %s -simplify 10%% keep-shapes -o %s",
				thousands(r.lim.positions), BasemapFile, BasemapFile)
			r.stopped = true
			return jsonSkip(r.src, at)
		}
		p, end, good := r.position(at)
		if good {
			if msg, where := outOfRange(p); msg != "" {
				if rangeMsg == "" {
					rangeMsg, rangeAt = msg, where(r.src, at)
				} else {
					rangeMore++
				}
				good = false
			}
		}
		ok = ok && good
		ring = append(ring, p)
		last = at
		return end
	})
	if rangeMsg != "" {
		if rangeMore > 0 {
			rangeMsg += fmt.Sprintf("; %s more %s of this ring %s out of range", thousands(rangeMore), plural(rangeMore, "position", "positions"), plural(rangeMore, "is", "are"))
		}
		r.errorf(rangeAt, "%s", rangeMsg)
	}
	switch {
	case r.stopped:
		return nil, false
	case !isList:
		r.errorf(off, "a ring must be a list of [lon, lat] positions, not %s", jsonKindAt(r.src, off))
		return nil, false
	case !ok:
		return nil, false
	case len(ring) < 4:
		r.errorf(off, "a ring needs at least 4 positions (a triangle, and its first position again to close it), not %d", len(ring))
		return nil, false
	case ring[0] != ring[len(ring)-1]:
		r.errorf(last, "the ring is not closed: its last position %s must repeat its first %s", formatPosition(ring[len(ring)-1]), formatPosition(ring[0]))
		return nil, false
	}
	ring = ring[:len(ring)-1]
	if a := signedArea(ring); outer && a < 0 || !outer && a > 0 {
		slices.Reverse(ring)
	}
	return ring, true
}

func plural(n int, one, more string) string {
	if n == 1 {
		return one
	}
	return more
}

func formatPosition(p [2]float64) string {
	return "[" + formatDegrees(p[0]) + ", " + formatDegrees(p[1]) + "]"
}

func formatDegrees(v float64) string { return strconv.FormatFloat(v, 'g', -1, 64) }

// signedArea returns twice the area a ring (without its closing position)
// encloses in (lon, lat): positive when it turns counter-clockwise.
func signedArea(ring [][2]float64) float64 {
	var s float64
	o := ring[0]
	for i := 1; i+1 < len(ring); i++ {
		a, b := ring[i], ring[i+1]
		s += (a[0]-o[0])*(b[1]-o[1]) - (b[0]-o[0])*(a[1]-o[1])
	}
	return s
}

// outOfRange says what is wrong with a position whose longitude or
// latitude is out of range, or returns "". where finds, from the
// position's offset, the offset of the value at fault: the longitude, the
// latitude, or the whole position when both are.
func outOfRange(p [2]float64) (msg string, where func(src []byte, at int) int) {
	lonOK := p[0] >= -180 && p[0] <= 180
	latOK := p[1] >= -90 && p[1] <= 90
	if lonOK && latOK {
		return "", nil
	}
	hint := ""
	switch {
	case !lonOK && math.Abs(p[0]) > 360 || !latOK && math.Abs(p[1]) > 360:
		hint = " (are the coordinates projected? export the file in WGS84 longitude and latitude, EPSG:4326)"
	case lonOK && p[0] >= -90 && p[0] <= 90 && p[1] >= -180 && p[1] <= 180:
		hint = " (are longitude and latitude swapped? GeoJSON writes [lon, lat])"
	}
	item := func(n int) func([]byte, int) int {
		return func(src []byte, at int) int {
			i := jsonWS(src, jsonWS(src, at)+1)
			for range n {
				i = jsonWS(src, jsonSkip(src, i)) // at the comma
				i = jsonWS(src, i+1)
			}
			return i
		}
	}
	switch {
	case !lonOK && !latOK:
		return fmt.Sprintf("position %s is out of range: longitude is between -180 and 180 degrees, latitude between -90 and 90%s", formatPosition(p), hint),
			func(_ []byte, at int) int { return at }
	case !lonOK:
		return fmt.Sprintf("longitude %s is out of range: it is between -180 and 180 degrees%s", formatDegrees(p[0]), hint), item(0)
	}
	return fmt.Sprintf("latitude %s is out of range: it is between -90 and 90 degrees%s", formatDegrees(p[1]), hint), item(1)
}

// position reads the [lon, lat] or [lon, lat, altitude] at off; it
// reports problems of form, not of range.
func (r *basemapReader) position(off int) (p [2]float64, end int, ok bool) {
	names := [...]string{"longitude", "latitude", "altitude"}
	n := 0
	ok = true
	end, isList := jsonEach(r.src, off, func(i int) int {
		end := jsonSkip(r.src, i)
		defer func() { n++ }()
		if n >= len(names) {
			return end
		}
		if c := r.src[i]; c != '-' && (c < '0' || c > '9') {
			r.errorf(i, "%s must be a number, not %s", names[n], jsonKindAt(r.src, i))
			ok = false
			return end
		}
		lit := string(r.src[i:end])
		v, err := strconv.ParseFloat(lit, 64)
		if err != nil && (math.IsInf(v, 0) || math.IsNaN(v)) {
			r.errorf(i, "%s %s is out of range for a number", names[n], quoteShort(lit))
			ok = false
		}
		if n < 2 {
			p[n] = v
		}
		return end
	})
	switch {
	case !isList:
		r.errorf(off, "a position must be a list [lon, lat], not %s", jsonKindAt(r.src, off))
		return p, end, false
	case n < 2 || n > 3:
		r.errorf(off, "a position must be [lon, lat] (or [lon, lat, altitude]), not a list of %d %s", n, plural(n, "item", "items"))
		return p, end, false
	}
	return p, end, ok
}

// properties reads a feature's level, country and name into f, and
// reports whether they are usable.
func (r *basemapReader) properties(feature *jsonValue, f *BasemapFeature) bool {
	props := r.member(feature, "properties", "this feature")
	const needs = `it needs "country" (an ISO 3166-1 alpha-2 code, e.g. "ML") and, for a region, "name"`
	switch {
	case props == nil:
		r.errorf(feature.off, "the feature has no properties: %s", needs)
		return false
	case props.kind == jsonNull:
		r.errorf(props.off, "properties is null: %s", needs)
		return false
	case props.kind != jsonObject:
		r.errorf(props.off, "properties must be an object, not %s: %s", props.describe(), needs)
		return false
	}
	ok := true
	if v := r.member(props, "level", "the properties"); v != nil && v.kind != jsonNull {
		switch {
		case v.kind != jsonString:
			r.errorf(v.off, `level must be "region" or "country", not %s`, v.describe())
			ok = false
		case v.text == BasemapRegion || v.text == BasemapCountry:
			f.Level = v.text
		default:
			r.errorf(v.off, `level %s is not "region" (the default) or "country"`, quoteShort(v.text))
			ok = false
		}
	}
	switch v := r.member(props, "country", "the properties"); {
	case v == nil || v.kind == jsonNull:
		r.errorf(props.off, `the properties have no "country": add the ISO 3166-1 alpha-2 code of the feature's country, e.g. "country": "ML"%s`,
			similarProperty(props, "ISO_A2", "iso_a2", "ISO2", "iso2", "shapeGroup", "adm0_a3", "ADM0_A3", "COUNTRY", "Country", "ISO"))
		ok = false
	case v.kind != jsonString:
		r.errorf(v.off, `country must be an ISO 3166-1 alpha-2 code in quotes, e.g. "ML", not %s`, v.describe())
		ok = false
	case countryProblem(v.text) != "":
		hint := ""
		if len(v.text) == 3 && strings.ToUpper(v.text) == v.text && isCountryCode(v.text[:2]) {
			hint = " (it looks like an alpha-3 code: write the 2-letter code, e.g. ML for MLI)"
		}
		r.errorf(v.off, "%s%s", countryProblem(v.text), hint)
		ok = false
	default:
		f.Country = v.text
	}
	name := r.member(props, "name", "the properties")
	switch {
	case name == nil || name.kind == jsonNull:
		if f.Level == BasemapRegion {
			r.errorf(props.off, `the properties have no "name": a region needs its name, as text or by language ({"en": "Ségou", "fr": "Ségou"})%s`,
				similarProperty(props, "NAME_1", "shapeName", "NAME", "Name", "name_en", "NAME_EN", "ADM1_EN", "admin1Name", "nom", "NOM"))
			ok = false
		}
	case name.kind == jsonObject:
		ok = r.names(name, f) && ok
	default:
		s, good := r.nameText(name, "name")
		f.Name = s
		ok = good && ok
	}
	if ok && f.Level == BasemapRegion {
		key := [2]string{f.Country, f.Name}
		at := r.pos.at(name.off)
		if first, dup := r.regions[key]; dup {
			r.errorf(name.off, "duplicate region %s of country %s: already at line %d; merge the two into one feature (a MultiPolygon)", quoteShort(f.Name), f.Country, first.Line)
			ok = false
		} else {
			r.regions[key] = at
		}
	}
	return ok
}

// propertyHints are the properties GIS exports (Natural Earth,
// geoBoundaries, GADM, OCHA) give the country or the name under, which a
// message suggests renaming: the reader records them.
var propertyHints = []string{
	"ISO_A2", "iso_a2", "ISO2", "iso2", "shapeGroup", "adm0_a3", "ADM0_A3", "COUNTRY", "Country", "ISO",
	"NAME_1", "shapeName", "NAME", "Name", "name_en", "NAME_EN", "ADM1_EN", "admin1Name", "nom", "NOM",
}

// similarProperty suggests renaming a property the file has under
// another name, as GIS exports name them.
func similarProperty(props *jsonValue, names ...string) string {
	for _, m := range props.members {
		if slices.Contains(names, m.name) {
			return fmt.Sprintf("; the feature has %q: rename it (e.g. mapshaper -rename-fields)", m.name)
		}
	}
	return ""
}

// names reads a name given by language.
func (r *basemapReader) names(v *jsonValue, f *BasemapFeature) bool {
	if len(v.members) == 0 {
		r.errorf(v.off, `name is an empty object: give the name as text, or by language ({"en": "Ségou", "fr": "Ségou"})`)
		return false
	}
	if v.count > maxRecorded {
		r.errorf(v.off, "name gives %s languages, over the limit of %d: keep the languages of the letters", thousands(v.count), maxRecorded)
		return false
	}
	ok := true
	f.Names = make(map[string]string, len(v.members))
	firstAt := make(map[string]int, len(v.members))
	for i := range v.members {
		m := &v.members[i]
		if first, dup := firstAt[m.name]; dup {
			r.errorf(m.nameOff, "%s appears twice in this name (first at line %d); remove one", quoteShort(m.name), r.pos.at(first).Line)
			ok = false
			continue
		}
		firstAt[m.name] = m.nameOff
		if !languageCode.MatchString(m.name) {
			r.errorf(m.nameOff, "language %s must be an ISO 639-1 code in lower case, such as en or fr", quoteShort(m.name))
			ok = false
			continue
		}
		s, good := r.nameText(&m.value, "name")
		if !good {
			ok = false
			continue
		}
		f.Names[m.name] = s
	}
	if !ok {
		return false
	}
	if s, has := f.Names[r.lang]; has {
		f.Name = s
		return true
	}
	langs := slices.Sorted(func(yield func(string) bool) {
		for l := range f.Names {
			if !yield(l) {
				return
			}
		}
	})
	f.Name = f.Names[langs[0]]
	if r.lang != "" {
		r.problems.add(v.off, Warning, "name has no text in the dataset's language (%s): the map prints %s, the %s name, where a letter's language has none either",
			r.lang, quoteShort(f.Name), langs[0])
	}
	return true
}

// nameText checks a name: text, not empty, on one line, without control
// or bidirectional formatting characters, at most MaxNameLen characters.
func (r *basemapReader) nameText(v *jsonValue, key string) (string, bool) {
	if v.kind != jsonString {
		r.errorf(v.off, `%s must be text in double quotes, or an object of texts by language, not %s`, key, v.describe())
		return "", false
	}
	s := v.text
	if strings.TrimSpace(s) == "" {
		r.errorf(v.off, "%s must not be empty", key)
		return "", false
	}
	for _, c := range s {
		if c == '\t' || c == '\n' || c == '\r' {
			r.errorf(v.off, "%s holds a tab or a line break: write it on one line", key)
			return "", false
		}
		if what, why := forbidden(c); what != "" {
			r.errorf(v.off, "%s holds %s, which is not allowed: %s; remove it", key, what, why)
			return "", false
		}
	}
	if n := utf8.RuneCountInString(s); n > MaxNameLen {
		r.errorf(v.off, "%s has %s characters, over the limit of %s: shorten it", key, thousands(n), thousands(MaxNameLen))
		return "", false
	}
	return s, true
}

// problemList keeps, of the problems of one file, the maxListedProblems
// first in the file and counts the others: a file exported in a
// projection has a million coordinates out of range, and the user needs
// the first few and the count. Problems are found mostly in file order, so
// keeping the first ones costs little.
type problemList struct {
	kept         []problem
	maxAt        int // index in kept of the problem furthest in the file
	more         int
	moreErrors   bool
	firstDropped int
}

type problem struct {
	off int
	sev Severity
	msg string
}

func (l *problemList) add(off int, sev Severity, format string, args ...any) {
	if len(l.kept) < maxListedProblems {
		l.kept = append(l.kept, problem{off, sev, fmt.Sprintf(format, args...)})
		if off >= l.kept[l.maxAt].off {
			l.maxAt = len(l.kept) - 1
		}
		return
	}
	drop := problem{off: off, sev: sev}
	if far := l.kept[l.maxAt]; off < far.off {
		drop = far
		l.kept[l.maxAt] = problem{off, sev, fmt.Sprintf(format, args...)}
		for i, p := range l.kept {
			if p.off > l.kept[l.maxAt].off {
				l.maxAt = i
			}
		}
	}
	if l.more == 0 || drop.off < l.firstDropped {
		l.firstDropped = drop.off
	}
	l.more++
	l.moreErrors = l.moreErrors || drop.sev == Error
}

// flush adds the problems kept to diags, in the order of the file, and
// says how many more there are.
func (l *problemList) flush(m *posMapper, diags *Diagnostics) {
	slices.SortStableFunc(l.kept, func(a, b problem) int { return a.off - b.off })
	for _, p := range l.kept {
		diags.add(p.sev, m.at(p.off), "%s", p.msg)
	}
	if l.more > 0 {
		sev := Warning
		if l.moreErrors {
			sev = Error
		}
		diags.add(sev, m.at(l.firstDropped), "%s more problems from here on are not listed: fix the %d above, then run again", thousands(l.more), len(l.kept))
	}
}
