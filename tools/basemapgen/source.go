package main

import (
	"bytes"
	"compress/gzip"
	"encoding/csv"
	"fmt"
	"io"
	"math"
	"os"
	"sort"
	"strconv"
	"strings"

	"briefing/charts/basemap"

	"github.com/paulmach/orb"
	"github.com/paulmach/orb/geojson"
	"github.com/sams96/rgeo"
)

// regionContinents are the continents (Natural Earth's CONTINENT of the
// country) whose admin-1 regions are included. Africa is what the
// letters are about; the rest of the world's ~4,000 regions would not fit
// the 3 MB budget at a useful detail.
var regionContinents = map[string]bool{"Africa": true}

// regionNameFixes corrects Natural Earth region names that are wrong,
// keyed by the region's code.
var regionNameFixes = map[string]basemap.Names{
	// name_en and name_fr are "Wassoulou", a cultural area, not the
	// region.
	"ML-3": {EN: "Sikasso", FR: "Sikasso"},
}

// source is a country or region as read, with quantized rings.
type source struct {
	code, country string
	name          basemap.Names
	label         basemap.Point
	continent     string
	polys         [][][]basemap.GridPoint // polygon, ring (open, ≥ 3 points)
	area          float64                 // of the outer rings, in square degrees
	adm1          string                  // a region's adm1_code
}

func gunzip(b []byte) ([]byte, error) {
	r, err := gzip.NewReader(bytes.NewReader(b))
	if err != nil {
		return nil, err
	}
	return io.ReadAll(r)
}

func readCollection(gz []byte) (*geojson.FeatureCollection, error) {
	b, err := gunzip(gz)
	if err != nil {
		return nil, err
	}
	return geojson.UnmarshalFeatureCollection(b)
}

func prop(f *geojson.Feature, key string) string {
	s, _ := f.Properties[key].(string)
	return strings.TrimSpace(s)
}

func propFloat(f *geojson.Feature, key string) float64 {
	v, _ := f.Properties[key].(float64)
	return v
}

// isoCode says whether Natural Earth's value is a code (it writes "-99"
// for none).
func isoCode(s string) bool { return s != "" && s != "-99" }

// quantize turns a GeoJSON geometry into quantized open rings, dropping
// repeated points and rings of fewer than three.
func quantize(g orb.Geometry) [][][]basemap.GridPoint {
	var mp orb.MultiPolygon
	switch g := g.(type) {
	case orb.Polygon:
		mp = orb.MultiPolygon{g}
	case orb.MultiPolygon:
		mp = g
	}
	var out [][][]basemap.GridPoint
	for _, poly := range mp {
		var rings [][]basemap.GridPoint
		for i, r := range poly {
			var q []basemap.GridPoint
			for _, p := range r {
				gp := basemap.Quantize(basemap.Point(p))
				if len(q) == 0 || q[len(q)-1] != gp {
					q = append(q, gp)
				}
			}
			for len(q) > 1 && q[0] == q[len(q)-1] {
				q = q[:len(q)-1]
			}
			if len(q) < 3 || ringArea(q) == 0 {
				if i == 0 {
					break // no outer ring, no polygon
				}
				continue
			}
			rings = append(rings, q)
		}
		if len(rings) > 0 {
			out = append(out, rings)
		}
	}
	return out
}

// ringArea is the signed area (shoelace) in grid units: positive for a
// counter-clockwise ring.
func ringArea(r []basemap.GridPoint) float64 {
	var a float64
	j := len(r) - 1
	for i := range r {
		a += float64(r[j][0])*float64(r[i][1]) - float64(r[i][0])*float64(r[j][1])
		j = i
	}
	return a / 2
}

// readCountries reads Natural Earth's admin-0 countries and merges the
// pieces that share a code. It also returns the code of every ADM0_A3,
// which joins the regions and capitals.
func readCountries() ([]*source, map[string]string, error) {
	fc, err := readCollection(rgeo.Countries10())
	if err != nil {
		return nil, nil, fmt.Errorf("admin-0: %v", err)
	}
	type piece struct {
		f   *geojson.Feature
		src *source
		iso bool // the code is the piece's own ISO_A2
	}
	byCode := map[string][]piece{}
	var codes []string
	byA3 := map[string]string{}
	for _, f := range fc.Features {
		code, iso := prop(f, "ISO_A2"), true
		if !isoCode(code) {
			code, iso = prop(f, "ISO_A2_EH"), false
		}
		if !isoCode(code) {
			code = prop(f, "ADM0_A3")
		}
		if code == "" {
			return nil, nil, fmt.Errorf("admin-0 %q has no code", prop(f, "ADMIN"))
		}
		s := &source{
			code:      code,
			country:   code,
			name:      basemap.Names{EN: prop(f, "NAME_EN"), FR: prop(f, "NAME_FR")},
			label:     basemap.Point{propFloat(f, "LABEL_X"), propFloat(f, "LABEL_Y")},
			continent: prop(f, "CONTINENT"),
			polys:     quantize(f.Geometry),
		}
		if s.name.EN == "" {
			s.name.EN = prop(f, "NAME")
		}
		for _, p := range s.polys {
			s.area += math.Abs(ringArea(p[0]))
		}
		if _, ok := byCode[code]; !ok {
			codes = append(codes, code)
		}
		byCode[code] = append(byCode[code], piece{f, s, iso})
		byA3[prop(f, "ADM0_A3")] = code
	}
	sort.Strings(codes)
	var out []*source
	for _, code := range codes {
		ps := byCode[code]
		// The piece that carries the code as its own ISO_A2 names the
		// country, else the largest (France over Clipperton).
		sort.SliceStable(ps, func(i, j int) bool {
			if ps[i].iso != ps[j].iso {
				return ps[i].iso
			}
			return ps[i].src.area > ps[j].src.area
		})
		c := ps[0].src
		for _, p := range ps[1:] {
			c.polys = append(c.polys, p.src.polys...)
			c.area += p.src.area
		}
		if len(c.polys) == 0 {
			return nil, nil, fmt.Errorf("country %s has no polygon", code)
		}
		out = append(out, c)
	}
	return out, byA3, nil
}

// readRegions reads Natural Earth's admin-1 regions of the countries of
// regionContinents.
func readRegions(countries []*source, byA3 map[string]string) ([]*source, error) {
	fc, err := readCollection(rgeo.Provinces10())
	if err != nil {
		return nil, fmt.Errorf("admin-1: %v", err)
	}
	continent := map[string]string{}
	for _, c := range countries {
		continent[c.code] = c.continent
	}
	var out []*source
	for _, f := range fc.Features {
		a3 := prop(f, "adm0_a3")
		if a3 == "" {
			continue // rgeo's file also holds the admin-0 features
		}
		country, ok := byA3[a3]
		if !ok {
			return nil, fmt.Errorf("admin-1 %q: no country %s", prop(f, "name"), a3)
		}
		if !regionContinents[continent[country]] {
			continue
		}
		code := prop(f, "iso_3166_2")
		if !isoCode(code) || !strings.HasPrefix(code, prop(f, "iso_a2")+"-") {
			code = prop(f, "adm1_code")
		}
		s := &source{
			code:    code,
			country: country,
			adm1:    prop(f, "adm1_code"),
			// Natural Earth's name is its main one and matches ACLED's
			// admin1 spelling ("Timbuktu", "Kebbi"); name_en is a
			// Wikidata label, sometimes another unit ("Kebbi State").
			name:  basemap.Names{EN: prop(f, "name"), FR: prop(f, "name_fr")},
			label: basemap.Point{propFloat(f, "longitude"), propFloat(f, "latitude")},
			polys: quantize(f.Geometry),
		}
		if s.name.EN == "" {
			s.name.EN = prop(f, "name_en")
		}
		if fix, ok := regionNameFixes[code]; ok {
			s.name = fix
		}
		for _, p := range s.polys {
			s.area += math.Abs(ringArea(p[0]))
		}
		if len(s.polys) == 0 {
			return nil, fmt.Errorf("region %s has no polygon", code)
		}
		out = append(out, s)
	}
	// A code Natural Earth gives twice in a country (Madagascar's old
	// provinces, Malawi's...) is replaced by its own adm1_code, unique.
	sort.SliceStable(out, func(i, j int) bool { return less(out[i], out[j]) })
	dup := map[*source]bool{}
	for i := 1; i < len(out); i++ {
		if out[i].country == out[i-1].country && out[i].code == out[i-1].code {
			dup[out[i]], dup[out[i-1]] = true, true
		}
	}
	if len(dup) > 0 {
		for s := range dup {
			s.code = s.adm1
		}
		sort.SliceStable(out, func(i, j int) bool { return less(out[i], out[j]) })
		for i := 1; i < len(out); i++ {
			if out[i].country == out[i-1].country && out[i].code == out[i-1].code {
				return nil, fmt.Errorf("two regions %s", out[i].code)
			}
		}
	}
	return out, nil
}

func less(a, b *source) bool {
	if a.country != b.country {
		return a.country < b.country
	}
	return a.code < b.code
}

// readCapitals reads capitals.csv.
func readCapitals(path string, byA3 map[string]string) ([]basemap.City, error) {
	f, err := os.Open(path)
	if err != nil {
		return nil, err
	}
	defer f.Close()
	r := csv.NewReader(f)
	r.Comment = '#'
	rows, err := r.ReadAll()
	if err != nil {
		return nil, fmt.Errorf("%s: %v", path, err)
	}
	if len(rows) == 0 || strings.Join(rows[0], ",") != "iso_a2,adm0_a3,name_en,name_fr,lon,lat" {
		return nil, fmt.Errorf("%s: unexpected header", path)
	}
	var out []basemap.City
	for i, row := range rows[1:] {
		country, ok := byA3[row[1]]
		if !ok && isoCode(row[0]) {
			// The populated places and the countries disagree on a few
			// ADM0_A3 codes (South Sudan is SSD in one, SDS in the other);
			// ISO_A2 then joins them.
			for _, c := range byA3 {
				ok = ok || c == row[0]
			}
			country = row[0]
		}
		if !ok {
			return nil, fmt.Errorf("%s: row %d: no country %s", path, i+2, row[1])
		}
		lon, err1 := strconv.ParseFloat(row[4], 64)
		lat, err2 := strconv.ParseFloat(row[5], 64)
		if err1 != nil || err2 != nil {
			return nil, fmt.Errorf("%s: row %d: bad coordinates", path, i+2)
		}
		out = append(out, basemap.City{Name: basemap.Names{EN: row[2], FR: row[3]}, Country: country, At: basemap.Point{lon, lat}})
	}
	sort.Slice(out, func(i, j int) bool { return out[i].Country < out[j].Country })
	for i := 1; i < len(out); i++ {
		if out[i].Country == out[i-1].Country {
			return nil, fmt.Errorf("%s: two capitals for %s", path, out[i].Country)
		}
	}
	return out, nil
}
