package basemap

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"testing"

	"briefing/assets"
)

func embeddedMap(t testing.TB) *Map {
	t.Helper()
	m, err := Embedded()
	if err != nil {
		t.Fatal(err)
	}
	return m
}

func TestEmbeddedCountries(t *testing.T) {
	m := embeddedMap(t)
	for _, tc := range []struct{ code, en, fr string }{
		{"ML", "Mali", "Mali"},
		{"SN", "Senegal", "Sénégal"},
		{"MR", "Mauritania", "Mauritanie"},
		{"BF", "Burkina Faso", "Burkina Faso"},
		{"NE", "Niger", "Niger"},
		{"GM", "The Gambia", "Gambie"},
		{"DZ", "Algeria", "Algérie"},
		{"CI", "Ivory Coast", "Côte d'Ivoire"},
		{"GN", "Guinea", "Guinée"},
		{"FR", "France", "France"},
		{"NO", "Norway", "Norvège"},
		{"TV", "Tuvalu", "Tuvalu"},
	} {
		t.Run(tc.code, func(t *testing.T) {
			c, ok := m.Country(tc.code)
			if !ok {
				t.Fatalf("no country %s", tc.code)
			}
			if c.Name.In("en") != tc.en || c.Name.In("fr") != tc.fr {
				t.Errorf("names %q, %q; want %q, %q", c.Name.EN, c.Name.FR, tc.en, tc.fr)
			}
			if c.Country != tc.code || len(c.Polygons) == 0 {
				t.Errorf("country %q, %d polygons", c.Country, len(c.Polygons))
			}
			if !c.Bounds.Contains(c.Label) {
				t.Errorf("label %v outside bounds %v", c.Label, c.Bounds)
			}
		})
	}
	if _, ok := m.Country("ZZ"); ok {
		t.Error("found a country ZZ")
	}
}

func TestEmbeddedRegions(t *testing.T) {
	m := embeddedMap(t)
	kayesTown := Point{-11.44, 14.45}
	r, ok := m.RegionAt("ML", kayesTown)
	if !ok {
		t.Fatal("no Malian region at Kayes")
	}
	if r.Name.EN != "Kayes" || r.Code != "ML-1" || r.Country != "ML" {
		t.Errorf("region at Kayes is %s %q of %s", r.Code, r.Name.EN, r.Country)
	}
	if _, ok := m.RegionAt("SN", kayesTown); ok {
		t.Error("a Senegalese region contains Kayes")
	}
	for _, c := range []string{"ML", "BF", "NE", "SN", "MR"} {
		if n := len(m.RegionsOf(c)); n == 0 {
			t.Errorf("%s has no regions", c)
		}
	}
	if n := len(m.RegionsOf("BF")); n != 45 {
		t.Errorf("Burkina Faso has %d regions, want its 45 provinces", n)
	}
	for _, r := range m.RegionsOf("ML") {
		if r.Country != "ML" || len(r.Polygons) == 0 || r.Name.EN == "" {
			t.Errorf("region %+v", r.Code)
		}
	}
}

func TestEmbeddedCapitals(t *testing.T) {
	m := embeddedMap(t)
	for _, tc := range []struct {
		country, name string
		at            Point
	}{
		{"ML", "Bamako", Point{-8.0, 12.65}},
		{"SN", "Dakar", Point{-17.47, 14.72}},
		{"MR", "Nouakchott", Point{-15.98, 18.09}},
		{"BF", "Ouagadougou", Point{-1.52, 12.37}},
		{"NE", "Niamey", Point{2.12, 13.52}},
	} {
		c, ok := m.Capital(tc.country)
		if !ok {
			t.Errorf("no capital for %s", tc.country)
			continue
		}
		if c.Name.EN != tc.name || math.Abs(c.At[0]-tc.at[0]) > 0.05 || math.Abs(c.At[1]-tc.at[1]) > 0.05 {
			t.Errorf("capital of %s is %q at %v, want %q at %v", tc.country, c.Name.EN, c.At, tc.name, tc.at)
		}
		if country, _ := m.Country(tc.country); !country.Contains(c.At) {
			t.Errorf("%s is outside %s", c.Name.EN, tc.country)
		}
	}
	for _, c := range m.Capitals {
		if _, ok := m.Country(c.Country); !ok {
			t.Errorf("capital %s of unknown country %s", c.Name.EN, c.Country)
		}
	}
}

// nearLine reports whether a line of kind passes within d degrees of p.
func nearLine(m *Map, kind LineKind, p Point, d float64) bool {
	for _, l := range m.Lines {
		if l.Kind != kind {
			continue
		}
		for i := 1; i < len(l.Points); i++ {
			if segmentDistance(l.Points[i-1], l.Points[i], p) <= d {
				return true
			}
		}
	}
	return false
}

func segmentDistance(a, b, p Point) float64 {
	dx, dy := b[0]-a[0], b[1]-a[1]
	t := 0.0
	if l := dx*dx + dy*dy; l > 0 {
		t = max(0, min(1, ((p[0]-a[0])*dx+(p[1]-a[1])*dy)/l))
	}
	return math.Hypot(a[0]+t*dx-p[0], a[1]+t*dy-p[1])
}

func TestEmbeddedLines(t *testing.T) {
	m := embeddedMap(t)
	for _, tc := range []struct {
		name string
		kind LineKind
		at   Point
	}{
		{"Mali–Senegal (Falémé)", CountryBorder, Point{-12.2, 14.5}},
		{"Mali–Mauritania", CountryBorder, Point{-9.0, 15.5}},
		{"Mali–Burkina Faso", CountryBorder, Point{-3.0, 13.6}},
		{"Mali–Niger", CountryBorder, Point{3.5, 15.4}},
		{"Senegal–Mauritania (Senegal river)", CountryBorder, Point{-14.0, 16.6}},
		{"Burkina Faso–Niger", CountryBorder, Point{1.0, 13.5}},
		{"coast at Dakar", Coast, Point{-17.47, 14.72}},
	} {
		if !nearLine(m, tc.kind, tc.at, 0.2) {
			t.Errorf("%s: no %v line within 0.2° of %v", tc.name, tc.kind, tc.at)
		}
	}
	if nearLine(m, Coast, Point{-12.2, 14.5}, 0.5) {
		t.Error("a coast line on the Mali–Senegal border: the two countries' arcs are not shared")
	}
	// Kayes's border with Koulikoro: a region border inside Mali,
	// touching Kayes's box, not on the country's outline.
	kayes, _ := m.RegionAt("ML", Point{-11.44, 14.45})
	mali, _ := m.Country("ML")
	found := false
	for _, l := range m.Lines {
		if l.Kind == RegionBorder && l.Bounds.Intersects(kayes.Bounds) && mali.Contains(l.Points[len(l.Points)/2]) {
			found = true
		}
	}
	if !found {
		t.Error("no region border of Kayes")
	}
	for i, l := range m.Lines {
		if len(l.Points) < 2 {
			t.Errorf("line %d has %d points", i, len(l.Points))
		}
	}
}

// In Natural Earth 5 Senegal has no hole: The Gambia opens to the sea,
// so Senegal's ring runs round it. Either way the Gambia must not be
// Senegal's.
func TestGambiaIsNotSenegal(t *testing.T) {
	m := embeddedMap(t)
	// Banjul itself (-16.58, 13.45) is in the estuary at this scale;
	// Serekunda is the same town.
	serekunda := Point{-16.68, 13.44}
	sn, _ := m.Country("SN")
	gm, _ := m.Country("GM")
	if sn.Contains(serekunda) {
		t.Error("Senegal contains Serekunda")
	}
	if !gm.Contains(serekunda) || !gm.Contains(Point{-15.5, 13.45}) {
		t.Error("The Gambia does not contain Serekunda or its upper river")
	}
	if !sn.Contains(Point{-16.0, 14.5}) || !sn.Contains(Point{-15.5, 12.9}) {
		t.Error("Senegal does not contain Kaolack's area or Casamance")
	}
	if !nearLine(m, CountryBorder, Point{-15.5, 13.6}, 0.2) {
		t.Error("no Senegal–Gambia border north of the river")
	}
}

// signedArea is positive for a counter-clockwise ring.
func signedArea(r Ring) float64 {
	var a float64
	j := len(r) - 1
	for i := range r {
		a += r[j][0]*r[i][1] - r[i][0]*r[j][1]
		j = i
	}
	return a / 2
}

func TestRingOrientation(t *testing.T) {
	m := embeddedMap(t)
	for _, fs := range [][]Feature{m.Countries, m.Regions} {
		for _, f := range fs {
			for _, p := range f.Polygons {
				for i, r := range p {
					if a := signedArea(r); (i == 0) != (a > 0) {
						t.Errorf("%s: ring %d has signed area %g", f.Code, i, a)
					}
				}
			}
		}
	}
}

func TestNamesIn(t *testing.T) {
	n := Names{EN: "Senegal", FR: "Sénégal"}
	if n.In("fr") != "Sénégal" || n.In("en") != "Senegal" || n.In("de") != "Senegal" {
		t.Error(n)
	}
	if (Names{EN: "Kidal"}).In("fr") != "Kidal" {
		t.Error("no fallback to English")
	}
}

// tinyTopology is two squares side by side, the left one with a hole,
// and one capital.
func tinyTopology() *Topology {
	g := func(x, y int32) GridPoint { return GridPoint{x * Scale, y * Scale} }
	return &Topology{
		Arcs: []Arc{
			{Points: []GridPoint{g(1, 0), g(1, 1)}, Kind: CountryBorder, Countries: [2]string{"AA", "BB"}},     // 0: shared edge, going up
			{Points: []GridPoint{g(1, 1), g(0, 1), g(0, 0), g(1, 0)}, Kind: Coast, Countries: [2]string{"AA"}}, // 1: left square's other edges
			{Points: []GridPoint{g(1, 0), g(2, 0), g(2, 1), g(1, 1)}, Kind: Coast},                             // 2: right square's other edges
			{Points: []GridPoint{g(0, 0), g(0, 0)}, Hidden: true},                                              // 3: unused, hidden
			{Points: []GridPoint{{2000, 2000}, {2000, 8000}, {8000, 8000}, {2000, 2000}}},                      // 4: a hole, clockwise
		},
		Countries: []TopoFeature{
			{Code: "AA", Country: "AA", Name: Names{EN: "Left", FR: "Gauche"}, Label: Point{0.5, 0.5},
				Polygons: [][][]int{{{0, 1}, {4}}}},
			{Code: "BB", Country: "BB", Name: Names{EN: "Right"}, Label: Point{1.5, 0.5},
				Polygons: [][][]int{{{2, ^0}}}},
		},
		Regions: []TopoFeature{
			{Code: "BB-1", Country: "BB", Name: Names{EN: "All of Right"}, Label: Point{1.5, 0.5},
				Polygons: [][][]int{{{2, ^0}}}},
		},
		Capitals: []City{{Name: Names{EN: "Leftville"}, Country: "AA", At: Point{0.25, 0.75}}},
	}
}

func TestRoundTrip(t *testing.T) {
	var buf bytes.Buffer
	if err := Encode(&buf, tinyTopology()); err != nil {
		t.Fatal(err)
	}
	m, err := Decode(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(m.Countries) != 2 || len(m.Regions) != 1 || len(m.Capitals) != 1 {
		t.Fatalf("%d countries, %d regions, %d capitals", len(m.Countries), len(m.Regions), len(m.Capitals))
	}
	left, _ := m.Country("AA")
	want := Ring{{1, 1}, {0, 1}, {0, 0}, {1, 0}}
	if got := left.Polygons[0][0]; !equalRings(got, want) {
		t.Errorf("left outer ring %v, want %v", got, want)
	}
	right, _ := m.Country("BB")
	want = Ring{{2, 0}, {2, 1}, {1, 1}, {1, 0}}
	if got := right.Polygons[0][0]; !equalRings(got, want) {
		t.Errorf("right ring %v, want %v", got, want)
	}
	if left.Bounds != (Bounds{0, 0, 1, 1}) || left.Name.In("fr") != "Gauche" || left.Label != (Point{0.5, 0.5}) {
		t.Errorf("left: %+v %+v %v", left.Bounds, left.Name, left.Label)
	}
	if !left.Contains(Point{0.1, 0.5}) || left.Contains(Point{0.3, 0.7}) || left.Contains(Point{1.5, 0.5}) {
		t.Error("left square's Contains is wrong about its hole or its neighbour")
	}
	if r, ok := m.RegionAt("BB", Point{1.5, 0.5}); !ok || r.Code != "BB-1" {
		t.Error("RegionAt misses BB-1")
	}
	if len(m.Lines) != 4 || m.Lines[0].Kind != CountryBorder || m.Lines[1].Kind != Coast || m.Lines[3].Kind != Coast {
		t.Errorf("lines %+v", m.Lines)
	}
	if m.Lines[0].Countries != [2]string{"AA", "BB"} || m.Lines[1].Countries != [2]string{"AA", ""} {
		t.Errorf("line sides %v, %v", m.Lines[0].Countries, m.Lines[1].Countries)
	}
	if m.Capitals[0].Name.In("fr") != "Leftville" || m.Capitals[0].At != (Point{0.25, 0.75}) {
		t.Errorf("capital %+v", m.Capitals[0])
	}
}

func equalRings(a, b Ring) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func TestEncodeRefusesBrokenTopology(t *testing.T) {
	for name, breakIt := range map[string]func(*Topology){
		"ring does not close":  func(t *Topology) { t.Countries[0].Polygons[0][0] = []int{1} },
		"arcs do not join":     func(t *Topology) { t.Countries[0].Polygons[0][0] = []int{0, 2} },
		"reference past arcs":  func(t *Topology) { t.Countries[1].Polygons[0][0] = []int{2, ^9} },
		"countries not sorted": func(t *Topology) { t.Countries[0], t.Countries[1] = t.Countries[1], t.Countries[0] },
	} {
		top := tinyTopology()
		breakIt(top)
		if err := Encode(&bytes.Buffer{}, top); err == nil {
			t.Errorf("%s: no error", name)
		}
	}
}

func TestDecodeRefusesDamage(t *testing.T) {
	var buf bytes.Buffer
	if err := Encode(&buf, tinyTopology()); err != nil {
		t.Fatal(err)
	}
	good := buf.Bytes()
	cases := map[string][]byte{
		"empty":         nil,
		"not a basemap": []byte("PK\x03\x04 a zip file"),
		"version 2":     append([]byte("BMAP\x02"), good[5:]...),
		"extra byte":    append(append([]byte(nil), good...), 0),
	}
	for n := 1; n < len(good); n += 7 {
		cases[fmt.Sprintf("truncated to %d bytes", n)] = good[:n]
	}
	for name, data := range cases {
		if _, err := Decode(data); !errors.Is(err, ErrFormat) {
			t.Errorf("%s: error %v", name, err)
		}
	}
	if _, err := Decode(assets.BasemapWorld[:len(assets.BasemapWorld)/2]); err == nil {
		t.Error("half the embedded file decodes")
	}
}

func FuzzDecode(f *testing.F) {
	var buf bytes.Buffer
	if err := Encode(&buf, tinyTopology()); err != nil {
		f.Fatal(err)
	}
	f.Add(buf.Bytes())
	f.Add([]byte("BMAP\x01\x90\x4e\x01\x01\x02\x00\x00\x02\x02"))
	f.Add(assets.BasemapWorld[:200])
	f.Fuzz(func(t *testing.T, data []byte) {
		m, err := Decode(data)
		if err == nil && m == nil {
			t.Fatal("no map and no error")
		}
	})
}

func BenchmarkEmbedded(b *testing.B) {
	b.ReportAllocs()
	b.SetBytes(int64(len(assets.BasemapWorld)))
	for b.Loop() {
		if _, err := Decode(assets.BasemapWorld); err != nil {
			b.Fatal(err)
		}
	}
}
