package report_test

import (
	"fmt"
	"math"
	"os"
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"briefing/report"
)

func TestBasemapGood(t *testing.T) {
	ds, diags := loadCase(t, "testdata/basemap/good")
	if len(diags) != 0 {
		t.Fatalf("diagnostics:\n%v", diags)
	}
	want := []report.BasemapFeature{
		{
			Level: "region", Country: "ML", Name: "Kayes",
			// Wound clockwise in the file: reversed.
			Polygons: [][][][2]float64{{{{-9, 13}, {-9, 15.5}, {-12, 15.5}, {-12, 13}}}},
			Pos:      report.Position{File: "data/basemap.geojson", Line: 6, Col: 1},
		},
		{
			Level: "region", Country: "ML", Name: "Segou", Names: map[string]string{"en": "Segou", "fr": "Ségou"},
			Polygons: [][][][2]float64{
				{
					{{-7, 12}, {-3, 12}, {-3, 16}, {-7, 16}},
					// The hole, counter-clockwise in the file: reversed.
					{{-6, 14}, {-5, 14}, {-5, 13}, {-6, 13}},
				},
				{{{-2.5, 14}, {-2, 14}, {-2, 14.5}}}, // the altitude dropped
			},
			Pos: report.Position{File: "data/basemap.geojson", Line: 7, Col: 1},
		},
		{
			Level: "country", Country: "SN",
			Polygons: [][][][2]float64{{{{-17.5, 12.3}, {-11.4, 12.4}, {-12, 16.7}, {-16.5, 16.1}}}},
			Pos:      report.Position{File: "data/basemap.geojson", Line: 14, Col: 1},
		},
	}
	if !reflect.DeepEqual(ds.Basemap, want) {
		t.Errorf("basemap:\n%+v\nwant:\n%+v", ds.Basemap, want)
	}
	found := false
	for _, f := range ds.Files {
		found = found || f.Path == report.BasemapFile && !f.Letter
	}
	if !found {
		t.Errorf("basemap.geojson is not among the files of the fingerprint: %v", ds.Files)
	}
}

func TestBasemapAbsent(t *testing.T) {
	ds, diags := loadCase(t, "")
	if len(diags) != 0 || ds.Basemap != nil {
		t.Errorf("without basemap.geojson: basemap %v, diagnostics %v", ds.Basemap, diags)
	}
}

// TestBasemapFingerprint: the map draws the basemap, so editing it
// changes the fingerprint of the data every letter draws on.
func TestBasemapFingerprint(t *testing.T) {
	ds, _ := loadCase(t, "testdata/basemap/good")
	before := ds.Fingerprint()
	replaceIn(t, "data/basemap.geojson", `"pop": 2400000`, `"pop": 2400001`)
	after, diags := report.Load("data")
	if len(diags) != 0 {
		t.Fatal(diags)
	}
	if after.Fingerprint() == before {
		t.Error("editing basemap.geojson left the fingerprint unchanged")
	}
}

// feature is a GeoJSON feature of a square region, for the cases below.
func feature(props string) string {
	return `{"type": "Feature", "properties": {` + props + `}, "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 1], [0, 0]]]}}`
}

func collection(features ...string) string {
	return "{\"type\": \"FeatureCollection\", \"features\": [\n" + strings.Join(features, ",\n") + "\n]}\n"
}

// TestBasemapProblems checks, beside the corpus, the problems whose
// position or wording depends on details: syntax errors, columns counted
// in characters, a byte order mark, names by language.
func TestBasemapProblems(t *testing.T) {
	for _, c := range []struct {
		name, src, lang, want string
	}{
		{"empty file", " \n", "en", `
basemap.geojson:1:1: the file is empty; it must hold a GeoJSON FeatureCollection, or be removed
`},
		{"no features", `{"type": "FeatureCollection", "features": []}`, "en", `
basemap.geojson:1:43: warning: the file holds no features, so the map draws Natural Earth's outlines everywhere: add features, or remove the file
`},
		{"not an object", `[1, 2]`, "en", `
basemap.geojson:1:1: the file must be a GeoJSON FeatureCollection, {"type": "FeatureCollection", "features": [ … ]}, not a list
`},
		{"no type", `{"features": []}`, "en", `
basemap.geojson:1:1: the file must be a GeoJSON FeatureCollection, {"type": "FeatureCollection", "features": [ … ]}: "type" is missing
`},
		{"no features member", `{"type": "FeatureCollection"}`, "en", `
basemap.geojson:1:1: the FeatureCollection has no "features": list them, {"type": "FeatureCollection", "features": [ … ]}
`},
		{"features not a list", `{"type": "FeatureCollection", "features": {}}`, "en", `
basemap.geojson:1:43: features must be a list of features, not an object
`},
		{"unclosed text", "{\"type\": \"FeatureCollection,\n \"features\": []}", "en", `
basemap.geojson:1:10: invalid JSON: this text is never closed with a double quote on its line
`},
		{"unclosed object", "{\"type\": \"FeatureCollection\",\n \"features\": [\n", "en", `
basemap.geojson:2:14: invalid JSON: this list is never closed with ]
`},
		{"single quotes", "{'type': 'FeatureCollection'}", "en", `
basemap.geojson:1:2: invalid JSON: expected a member name in double quotes, found '\''
`},
		{"trailing comma in object", `{"type": "FeatureCollection", "features": [],}`, "en", `
basemap.geojson:1:46: invalid JSON: a comma before } : JSON allows no comma after the last member of an object; remove it
`},
		{"leading zero", `{"type": "FeatureCollection", "features": [], "x": 012}`, "en", `
basemap.geojson:1:52: invalid JSON: a number must not start with 0 (write 12)
`},
		{"bad escape", `{"type": "Feature\Collection"}`, "en", `
basemap.geojson:1:18: invalid JSON: invalid escape \C: in JSON text a backslash starts \", \\, \/, \b, \f, \n, \r, \t or \uXXXX; write \\ for a backslash
`},
		{"raw control character", "{\"type\": \"Feature\x01Collection\"}", "en", `
basemap.geojson:1:18: invalid JSON: control character U+0001 (SOH) inside a text: JSON writes it as an escape; remove it
`},
		{"two values", "{\"type\": \"FeatureCollection\", \"features\": []}\n{}\n", "en", `
basemap.geojson:2:1: invalid JSON: more after the end of the JSON value: a file holds a single FeatureCollection (is it newline-delimited GeoJSON? convert it to a FeatureCollection)
`},
		{"infinity", `{"type": "FeatureCollection", "features": [], "x": -Infinity}`, "en", `
basemap.geojson:1:52: invalid JSON: -Infinity is not a JSON number: write every coordinate as a decimal number
`},
		// Columns count characters, not bytes, and not the byte order mark.
		{"columns in characters", "\uFEFF" + collection(feature(`"country": "ML", "name": "Ségou", "x": "é", "level": "régional"`)), "en", `
basemap.geojson:2:89: level "régional" is not "region" (the default) or "country"
`},
		{"bom on the first line", "\uFEFF[]", "en", `
basemap.geojson:1:1: the file must be a GeoJSON FeatureCollection, {"type": "FeatureCollection", "features": [ … ]}, not a list
`},
		{"unknown members ignored", collection(
			`{"type": "Feature", "id": "x", "bbox": [0, 0, 1, 1], "style": {"fill": "red"}, "properties": {"country": "ML", "name": "A", "NAME_1": null, "pop": [1, {"a": "\u0007"}]}, "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]], "bbox": []}}`,
		), "en", ``},
		{"names without the dataset's language", collection(feature(`"country": "ML", "name": {"fr": "Ségou", "bm": "Segu"}`)), "en", `
basemap.geojson:2:61: warning: name has no text in the dataset's language (en): the map prints "Segu", the bm name, where a letter's language has none either
`},
		{"names without a dataset language", collection(feature(`"country": "ML", "name": {"fr": "Ségou", "bm": "Segu"}`)), "", ``},
		{"escaped bidi character in a name", collection(feature(`"country": "ML", "name": "a\u202eb"`)), "en", `
basemap.geojson:2:61: name holds bidirectional formatting character U+202E (RIGHT-TO-LEFT OVERRIDE), which is not allowed: it makes text display in another order than it is written, so the file and the letter would read differently; remove it
`},
		{"duplicate region by its names", collection(
			feature(`"country": "ML", "name": "Ségou"`),
			feature(`"country": "ML", "name": {"en": "Ségou"}`),
		), "en", `
basemap.geojson:3:61: duplicate region "Ségou" of country ML: already at line 2; merge the two into one feature (a MultiPolygon)
`},
		{"duplicate member", `{"type": "FeatureCollection", "type": "Feature", "features": [` + "\n" + feature(`"country": "ML", "name": "A"`) + "]}", "en", `
basemap.geojson:1:31: "type" appears twice in the FeatureCollection (first at line 1); remove one
`},
		{"crs in WGS84", `{"type": "FeatureCollection", "crs": {"type": "name", "properties": {"name": "EPSG:4326"}}, "features": [` + feature(`"country": "ML", "name": "A"`) + "]}", "en", ``},
		{"lone surrogate", collection(feature(`"country": "ML", "name": "a\ud800b"`)), "en", ``},
		{"too many languages", collection(feature(`"country": "ML", "name": {` + strings.Repeat(`"en": "A", `, 70) + `"fr": "B"}`)), "en", `
basemap.geojson:2:61: name gives 71 languages, over the limit of 64: keep the languages of the letters
`},
		{"swapped", collection(`{"type": "Feature", "properties": {"country": "ML", "name": "A"}, "geometry": {"type": "Polygon", "coordinates": [[[14, -11], [14, -100], [15, -100], [14, -11]]]}}`), "en", `
basemap.geojson:2:132: latitude -100 is out of range: it is between -90 and 90 degrees (are longitude and latitude swapped? GeoJSON writes [lon, lat]); 1 more position of this ring is out of range
`},
	} {
		t.Run(c.name, func(t *testing.T) {
			_, diags := report.ParseBasemapForTest([]byte(c.src), c.lang, 0, 0)
			if got, want := diagLines(diags), strings.TrimLeft(c.want, "\n"); got != want {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
			}
		})
	}
}

func TestBasemapNames(t *testing.T) {
	src := collection(
		feature(`"country": "ML", "name": {"fr": "Ségou", "en": "Segou"}`),
		feature(`"country": "ML", "name": "Kayes"`),
		feature(`"country": "SN", "level": "country", "name": {"fr": "Sénégal"}`),
	)
	features, diags := report.ParseBasemapForTest([]byte(src), "fr", 0, 0)
	if len(diags) != 0 {
		t.Fatal(diags)
	}
	var got []string
	for _, f := range features {
		got = append(got, fmt.Sprintf("%s %s %q %v", f.Level, f.Country, f.Name, f.Names))
	}
	want := []string{
		`region ML "Ségou" map[en:Segou fr:Ségou]`,
		`region ML "Kayes" map[]`,
		`country SN "Sénégal" map[fr:Sénégal]`,
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("features:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
	if features[1].Names != nil {
		t.Error("a name given as text has Names")
	}
}

func TestBasemapLimits(t *testing.T) {
	square := feature(`"country": "ML", "name": "%d"`)
	var features []string
	for i := range 4 {
		features = append(features, fmt.Sprintf(square, i))
	}
	src := []byte(collection(features...))
	got, diags := report.ParseBasemapForTest(src, "en", 3, 0)
	if want := "basemap.geojson:5:1: the file holds more than 3 features, the limit; the features from here on are not read: keep only the countries your letters map, or merge small units (e.g. mapshaper basemap.geojson -dissolve)\n"; diagLines(diags) != want {
		t.Errorf("features over the limit:\n%swant:\n%s", diagLines(diags), want)
	}
	if len(got) != 3 {
		t.Errorf("%d features read, want the 3 before the limit", len(got))
	}
	// Each square has 5 positions: the 11th is the first of the third.
	_, diags = report.ParseBasemapForTest(src, "en", 0, 10)
	if want := "basemap.geojson:4:116: the file holds more than 10 positions, the limit; the features from here on are not read: simplify it, e.g. mapshaper basemap.geojson -simplify 10% keep-shapes -o basemap.geojson\n"; diagLines(diags) != want {
		t.Errorf("positions over the limit:\n%swant:\n%s", diagLines(diags), want)
	}
}

// TestBasemapHostileShapes: a file of millions of tiny values where the
// loader expects a few reads in linear time and keeps only what it reads.
func TestBasemapHostileShapes(t *testing.T) {
	items := strings.Repeat("0,", 1_000_000) + "0"
	src := `{"type": "FeatureCollection", "features": [` + items + `]}`
	_, diags := report.ParseBasemapForTest([]byte(src), "en", 0, 0)
	// 100 problems listed, the count of the others, and the limit.
	if len(diags) != 102 || !strings.HasPrefix(diags[101].String(), "basemap.geojson:1:20044: the file holds more than 10,000 features, the limit") {
		t.Errorf("a million features:\n%s", diagLines(diags))
	}
	props := strings.Repeat(`"country": "ML", "NAME": 1, "x": {}, `, 300_000)
	src = collection(feature(props + `"name": "A"`))
	_, diags = report.ParseBasemapForTest([]byte(src), "en", 0, 0)
	if len(diags) == 0 || !strings.Contains(diags[0].Message, `"country" appears twice in the properties (first at line 2)`) {
		t.Errorf("a million properties:\n%s", diagLines(diags[:min(3, len(diags))]))
	}
}

// TestBasemapProblemsListed: a file with thousands of problems lists the
// first hundred, in the order of the file, and counts the others.
func TestBasemapProblemsListed(t *testing.T) {
	var features []string
	for i := range 300 {
		// Three problems a feature, found in the reverse order of the
		// file: the hundred listed are still the first hundred in it.
		features = append(features, fmt.Sprintf(`{"type": "Feature", "geometry": {"type": "Polygon", "coordinates": [[[0, 0], [1, 0], [1, 1], [0, 0]]]}, "properties": {"country": "X%d", "level": "%d"}}`, i, i))
	}
	_, diags := report.ParseBasemapForTest([]byte(collection(features...)), "en", 0, 0)
	if len(diags) != 101 {
		t.Fatalf("%d diagnostics, want 101", len(diags))
	}
	if got, want := diags[0].String(), `basemap.geojson:2:119: the properties have no "name": a region needs its name, as text or by language ({"en": "Ségou", "fr": "Ségou"})`; got != want {
		t.Errorf("first diagnostic %q, want %q", got, want)
	}
	if got, want := diags[99].String(), `basemap.geojson:35:119: the properties have no "name": a region needs its name, as text or by language ({"en": "Ségou", "fr": "Ségou"})`; got != want {
		t.Errorf("100th diagnostic %q, want %q", got, want)
	}
	if got, want := diags[100].String(), "basemap.geojson:35:131: 800 more problems from here on are not listed: fix the 100 above, then run again"; got != want {
		t.Errorf("last diagnostic %q, want %q", got, want)
	}
}

// TestBasemapLargeFile: a file near the limits, on a single line as
// mapshaper writes it, loads in linear time (checked by the test's time
// budget, not measured) and with every position.
func TestBasemapLargeFile(t *testing.T) {
	if testing.Short() {
		t.Skip("a large file")
	}
	src := largeBasemap(2000, 200)
	features, diags := report.ParseBasemapForTest(src, "en", 0, 0)
	if len(diags) != 0 {
		t.Fatal(diags[:min(len(diags), 5)])
	}
	if len(features) != 2000 || len(features[1999].Polygons[0][0]) != 200 {
		t.Fatalf("%d features", len(features))
	}
	if got := features[1999].Pos; got.Line != 1 || got.Col < 1_000_000 {
		t.Errorf("last feature at %v", got)
	}
}

// largeBasemap makes n features of a circle of m positions, on one line.
func largeBasemap(n, m int) []byte {
	var b strings.Builder
	b.WriteString(`{"type":"FeatureCollection","features":[`)
	for i := range n {
		if i > 0 {
			b.WriteByte(',')
		}
		fmt.Fprintf(&b, `{"type":"Feature","properties":{"country":"ML","name":"Region %d"},"geometry":{"type":"Polygon","coordinates":[[`, i)
		for j := range m + 1 {
			if j > 0 {
				b.WriteByte(',')
			}
			a := float64(j%m) / float64(m) * 6.283185307179586
			fmt.Fprintf(&b, "[%.6f,%.6f]", -5+float64(i%100)/10+0.04*math.Cos(a), 14+float64(i/100)/10+0.04*math.Sin(a))
		}
		b.WriteString("]]}}")
	}
	b.WriteString("]}")
	return []byte(b.String())
}

func BenchmarkParseBasemap(b *testing.B) {
	src := largeBasemap(5000, 400) // the 2,000,000 positions of the limit, on one line of 42 MiB
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		report.ParseBasemapForTest(src, "en", 0, 0)
	}
}

// FuzzBasemap: whatever basemap.geojson holds, the loader never panics,
// every problem lies within the file, and what it returns without error is
// what the map expects.
func FuzzBasemap(f *testing.F) {
	good, err := os.ReadFile("testdata/basemap/good/basemap.geojson")
	if err != nil {
		f.Fatal(err)
	}
	f.Add(good)
	for _, dir := range []string{"basemap-rings", "basemap-properties", "basemap-geometry"} {
		b, err := os.ReadFile(filepath.Join("testdata/bad", dir, "basemap.geojson"))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(b)
	}
	f.Add([]byte(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"country":"ML","name":"\ud83d\ude00\u0000"},"geometry":{"type":"MultiPolygon","coordinates":[[[[1e999,-0],[1,"x"],[],{}]]]}}]}`))
	f.Add([]byte("\uFEFF{\"type\":\"FeatureCollection\",\"features\":[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[[]"))
	f.Add([]byte(`{"type":"FeatureCollection","features":[{"type":"Feature","properties":{"country":"ML","name":{"en":"a","en":"b"}},"geometry":{"type":"Polygon","coordinates":[[[0,0],[0,0],[0,0],[0,0]],[[1,1,1,1]]]}}]}`))
	f.Fuzz(func(t *testing.T, src []byte) {
		features, diags := report.ParseBasemapForTest(src, "en", 50, 1000)
		lines := strings.Count(string(src), "\n") + 1
		for _, d := range diags {
			if d.Pos.File != report.BasemapFile || d.Message == "" || d.Pos.Line < 1 || d.Pos.Line > lines || d.Pos.Col < 1 {
				t.Errorf("diagnostic without a message, or outside the file (%d lines): %v", lines, d)
			}
		}
		if diags.HasErrors() {
			return
		}
		for _, f := range features {
			if f.Country == "" || f.Level == report.BasemapRegion && f.Name == "" || len(f.Polygons) == 0 {
				t.Errorf("feature without country, name or polygons: %+v", f)
			}
			for _, poly := range f.Polygons {
				for _, ring := range poly {
					if len(ring) < 3 {
						t.Errorf("ring of %d positions", len(ring))
					}
					for _, p := range ring {
						if !(p[0] >= -180 && p[0] <= 180 && p[1] >= -90 && p[1] <= 90) {
							t.Errorf("position %v out of range", p)
						}
					}
				}
			}
		}
	})
}

// The corpus's cases that git cannot store, for basemap.geojson.
func basemapGenerated() []generatedCase {
	const outsideMsg = "is a symbolic link to a file outside the data folder, which briefing does not read: copy the file into the data folder instead of linking to it"
	return []generatedCase{
		{name: "basemap-fifo", unix: true, setup: func(t *testing.T, data string) {
			mkfifo(t, filepath.Join(data, report.BasemapFile))
		}, want: `
data/basemap.geojson: the file is a named pipe (FIFO), not a regular file: a data file must be a plain file; remove or rename it
`},
		{name: "basemap-folder", setup: func(t *testing.T, data string) {
			os.MkdirAll(filepath.Join(data, report.BasemapFile), 0o755)
		}, want: `
data/basemap.geojson: the file is a folder, not a regular file: a data file must be a plain file; remove or rename it
`},
		{name: "basemap-symlink-outside", unix: true, setup: func(t *testing.T, data string) {
			symlink(t, outside(t, "basemap.geojson"), filepath.Join(data, report.BasemapFile))
		}, want: `
data/basemap.geojson: the file ` + outsideMsg + `
`},
		{name: "basemap-too-large", setup: func(t *testing.T, data string) {
			sparse(t, filepath.Join(data, report.BasemapFile), report.MaxBasemapBytes+1<<20)
		}, want: `
data/basemap.geojson: the file is 33 MiB, over the limit of 32 MiB for the basemap: simplify it, e.g. mapshaper basemap.geojson -simplify 10% keep-shapes -o basemap.geojson, or keep only the countries your letters map
`},
		{name: "basemap-named-json", setup: func(t *testing.T, data string) {
			write(t, filepath.Join(data, "basemap.json"), []byte(collection()))
		}, want: `
data/basemap.json: warning: ignored: the map's own outlines are read from basemap.geojson; rename it
`},
	}
}
