package acled_test

import (
	"bytes"
	"fmt"
	"os"
	"reflect"
	"slices"
	"strings"
	"testing"

	"briefing/report/acled"
)

func readFixture(t testing.TB, name string) []byte {
	t.Helper()
	b, err := os.ReadFile("testdata/" + name)
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func mustRead(t testing.TB, name string) []acled.Row {
	t.Helper()
	rows, problems := acled.Read(readFixture(t, name))
	for _, p := range problems {
		t.Errorf("%s:%d: %s", name, p.Line, p.Text())
	}
	return rows
}

func byID(rows []acled.Row) map[string]acled.Row {
	m := map[string]acled.Row{}
	for _, r := range rows {
		m[r.EventIDCnty] = r
	}
	return m
}

// TestReadFixture reads the website export, with its quirks: a
// byte-order mark, CRLF, three forms of dates, codes as text and as
// numbers, lists, quoted notes over several lines, population columns.
func TestReadFixture(t *testing.T) {
	src := readFixture(t, "sahel-2025.csv")
	if !bytes.HasPrefix(src, []byte("\xef\xbb\xbfevent_id_cnty,")) || !bytes.Contains(src, []byte("\r\n")) {
		t.Fatal("the fixture lost its byte-order mark or its CRLF")
	}
	rows := mustRead(t, "sahel-2025.csv")
	if len(rows) != FixtureRows {
		t.Fatalf("%d rows, want %d", len(rows), FixtureRows)
	}
	rows2 := byID(rows)
	tests := []struct {
		id   string
		line int
		raw  string // how the file writes what is checked
		ok   func(acled.Row) bool
	}{
		{"MLI41134", 2, "2025-09-29", func(r acled.Row) bool { return r.EventDate == "2025-09-29" && r.Year == 2025 }},
		{"SEN9120", 3, "29 September 2025", func(r acled.Row) bool { return r.EventDate == "2025-09-29" }},
		{"SEN9120", 3, "a note over two lines, with doubled quotes", func(r acled.Row) bool {
			return strings.Contains(r.Notes, "Mali.\nThe prefect said \"calm has returned\", but")
		}},
		{"SEN9120", 3, "population_best 51744", func(r acled.Row) bool { return r.Population["population_best"] == "51744" && len(r.Population) == 4 }},
		{"MLI41715", 5, "Rebel group, Civilians, Rebel group-Civilians", func(r acled.Row) bool {
			return r.Inter1 == 2 && r.Inter2 == 7 && r.Interaction == 27 && r.CivilianTargeting
		}},
		{"MLI41134", 2, "2, 7, 27 as codes", func(r acled.Row) bool {
			return r.Inter1 == 2 && r.Inter2 == 7 && r.Interaction == 27 && !r.CivilianTargeting
		}},
		{"SEN9120", 3, "6, 0, 60: protesters alone", func(r acled.Row) bool { return r.Inter1 == 6 && r.Inter2 == 0 && r.Interaction == 60 }},
		{"MLI41715", 5, "coordinates, country", func(r acled.Row) bool {
			return r.Latitude == 12.9488 && r.Longitude == -5.7598 && r.ISO == 466 && r.Country == "Mali" && r.Admin1 == "Segou" && r.Admin3 == "Bla"
		}},
	}
	for _, tt := range tests {
		r, ok := rows2[tt.id]
		if !ok || r.Line != tt.line || !tt.ok(r) {
			t.Errorf("%s (%s): read as %+v", tt.id, tt.raw, r)
		}
	}
	// Every quirk is somewhere in the file.
	var forms [3]int
	var lists, codes, texts, multiline, pop, civ int
	for _, r := range rows {
		if len(r.Sources) > 1 || len(r.AssocActor1) > 1 || len(r.Tags) > 1 {
			lists++
		}
		if r.Population != nil {
			pop++
		}
		if r.CivilianTargeting {
			civ++
		}
		if strings.Contains(r.Notes, "\n") {
			multiline++
		}
	}
	for _, line := range strings.Split(string(src), "\r\n")[1:] {
		f := strings.SplitN(line, ",", 3)
		if len(f) < 3 {
			continue
		}
		switch {
		case len(f[1]) == 10 && f[1][4] == '-':
			forms[0]++
		case strings.Contains(f[1], " "):
			forms[1]++
		case strings.Count(f[1], "-") == 2:
			forms[2]++
		}
		switch {
		case strings.Contains(line, ",Rebel group,"):
			texts++
		case strings.Contains(line, ",2,"):
			codes++
		}
	}
	if slices.Contains(forms[:], 0) || lists == 0 || codes == 0 || texts == 0 || multiline == 0 || pop == 0 || civ == 0 {
		t.Errorf("a quirk is missing: dates %v, lists %d, codes %d, texts %d, multi-line notes %d, population %d, civilian targeting %d",
			forms, lists, codes, texts, multiline, pop, civ)
	}
}

// TestReadForms reads the same first rows in every other form a file
// comes in, and finds the same values.
func TestReadForms(t *testing.T) {
	want := mustRead(t, "sahel-2025.csv")[:SmallRows]
	for _, name := range []string{"excel-fr.csv", "excel-sep.csv", "shuffled.csv", "api.json"} {
		t.Run(name, func(t *testing.T) {
			got := mustRead(t, name)
			if len(got) != len(want) {
				t.Fatalf("%d rows, want %d", len(got), len(want))
			}
			for i := range got {
				g, w := got[i], want[i]
				if name == "shuffled.csv" {
					// The columns it leaves out.
					w = acled.Row{
						EventIDCnty: w.EventIDCnty, EventDate: w.EventDate, Year: w.Year, EventType: w.EventType, SubEventType: w.SubEventType,
						Actor1: w.Actor1, Actor2: w.Actor2, ISO: w.ISO, Country: w.Country, Admin1: w.Admin1, Admin2: w.Admin2,
						Location: w.Location, Latitude: w.Latitude, Longitude: w.Longitude, GeoPrecision: w.GeoPrecision,
						Sources: w.Sources, SourceScale: w.SourceScale, Notes: w.Notes, Fatalities: w.Fatalities,
					}
				}
				if name != "api.json" {
					w.Population = nil
				}
				g.Line, w.Line = 0, 0
				if !reflect.DeepEqual(g, w) {
					t.Errorf("row %d:\n got %+v\nwant %+v", i+1, g, w)
				}
			}
			if name == "api.json" && got[3].Line != 5 {
				t.Errorf("the fourth event of data is at line %d, want 5", got[3].Line)
			}
		})
	}
}

const header = "event_id_cnty,event_date,year,event_type,sub_event_type,actor1,inter1,actor2,inter2,interaction,civilian_targeting,iso,country,admin1,location,latitude,longitude,geo_precision,time_precision,source,notes,fatalities,timestamp\n"

const good = "MLI1,2025-07-01,2025,Battles,Armed clash,JNIM,Rebel group,Military Forces of Mali (2021-),State forces,State forces-Rebel group,,466,Mali,Kayes,Kayes,14.4469,-11.4456,1,1,Kayes Matin,Clash.,0,1751328000\n"

// row returns the good row with one value replaced.
func row(column, value string) string {
	cols := strings.Split(strings.TrimSuffix(header, "\n"), ",")
	vals := strings.Split(strings.TrimSuffix(good, "\n"), ",")
	vals[slices.Index(cols, column)] = value
	return strings.Join(vals, ",") + "\n"
}

// TestReadProblems: each fault gives its message at its line, with the
// column and the value, and the other rows still read.
func TestReadProblems(t *testing.T) {
	tests := []struct {
		name, src string
		want      []string // LINE: message
		rows      int
	}{
		{"good", header + good, nil, 1},
		{"date not ACLED's", header + row("event_date", "01/07/2025"), []string{`2: event_date "01/07/2025" is not a date in one of ACLED's forms: 2025-07-01, 01 July 2025 or 1-Jul-25`}, 0},
		{"date that does not exist", header + row("event_date", "31-Jun-25") + row("event_date", "2025-02-29") + strings.Replace(row("event_date", "29 February 2024"), ",2025,", ",2024,", 1),
			[]string{`2: event_date "31-Jun-25" is not a real calendar date`, `3: event_date "2025-02-29" is not a real calendar date`}, 1},
		{"two-digit years as Excel reads them", header + row("event_date", "1-Jul-25") + strings.Replace(row("event_date", "1-JUL-97"), ",2025,", ",1997,", 1), nil, 2},
		{"year not the date's", header + row("year", "2024"), []string{`2: year "2024" is not the year of event_date 2025-07-01: correct one of the two`}, 0},
		{"iso", header + row("iso", "999") + row("iso", "Mali"), []string{
			`2: iso "999" is not an ISO 3166-1 numeric country code, such as 466 (Mali), 686 (Senegal) or 478 (Mauritania)`,
			`3: iso "Mali" is not an ISO 3166-1 numeric country code, such as 466 (Mali), 686 (Senegal) or 478 (Mauritania)`}, 0},
		{"country not the iso's", header + row("country", "Senegal"), []string{`2: country "Senegal" is not the country of iso 466 (Mali): correct one of the two`}, 0},
		{"actor type", header + row("inter1", "Rebels") + row("inter2", "9"), []string{
			`2: inter1 "Rebels" is not an ACLED actor type: write a code from 1 to 8 or one of State forces, Rebel group, Political militia, Identity militia, Rioters, Protesters, Civilians, External/Other forces`,
			`3: inter2 "9" is not an ACLED actor type: write a code from 1 to 8 or one of State forces, Rebel group, Political militia, Identity militia, Rioters, Protesters, Civilians, External/Other forces`}, 0},
		{"interaction", header + row("interaction", "Rebels-Civilians") + row("interaction", "19") + row("interaction", "12"), []string{
			`2: interaction "Rebels-Civilians" is not an ACLED interaction: write a code such as 27, or two actor types joined by a hyphen such as Rebel group-Civilians ("State forces only" for one)`,
			`3: interaction "19" is not an ACLED interaction: write a code such as 27, or two actor types joined by a hyphen such as Rebel group-Civilians ("State forces only" for one)`}, 1},
		{"civilian targeting", header + row("civilian_targeting", "yes"), []string{`2: civilian_targeting "yes" must be "Civilian targeting" or empty`}, 0},
		{"coordinates", header + row("latitude", "95.2") + row("longitude", "-11,4456") + row("latitude", "NaN"), []string{
			`2: latitude "95.2" is out of range: latitude is between -90 and 90 degrees`,
			`3: the row has 24 values, but the header names 23 columns: a value holding a comma, a quote or a line break must be in double quotes, with each quote inside doubled`,
			`4: latitude "NaN" is not a number of degrees, such as 14.4469`}, 0},
		{"numbers", header + row("fatalities", "-1") + row("fatalities", "3.0") + row("fatalities", "99999999999999999999") + row("geo_precision", "4") + row("time_precision", "0") + row("timestamp", "2025-07-01"), []string{
			`2: fatalities "-1" must be 0 or more`,
			`3: fatalities "3.0" is not a whole number written in digits`,
			`4: fatalities "99999999999999999999" is far too large: check the number`,
			`5: geo_precision "4" must be 1 (the place itself), 2 (near it or part of its area) or 3 (only the region is known)`,
			`6: time_precision "0" must be 1 (day), 2 (week) or 3 (month)`,
			`7: timestamp "2025-07-01" must be a whole number of seconds since 1970 (ACLED's time of its last change to the event), or empty`}, 0},
		// An empty fatalities is briefing's own "not reported", not a
		// problem; the row reads.
		{"empty required values", header + row("notes", "") + row("fatalities", " "), []string{
			`2: notes is empty: every event of an ACLED export has one`}, 1},
		{"missing columns", strings.Replace(strings.Replace(header, "notes,", "", 1), ",event_date", "", 1) + "x\n", []string{
			`1: the export lacks the required columns event_date, notes: export it again from ACLED with every column (or at least event_id_cnty, event_date, event_type, sub_event_type, actor1, iso, admin1, location, latitude, longitude, source, notes, fatalities)`}, 0},
		{"column twice", strings.Replace(header, "year", "notes", 1) + good, []string{`1: notes appears twice in the header line: remove one of the two columns`}, 0},
		{"not an export", "name,age\nx,1\n", []string{`1: the first line names none of ACLED's columns (event_id_cnty, event_date, year, time_precision, …): an ACLED export starts with the line naming its columns`}, 0},
		{"empty file", "", []string{`1: the file is empty: an ACLED export starts with a line naming its columns`}, 0},
		{"bare quote", header + row("notes", `He said "no"`) + good, []string{`2: a value holds a double quote but does not start with one: put the whole value in double quotes, and double each quote inside it ("")`}, 1},
		{"quote never closed", header + good + row("notes", `"Clash.`) + good, []string{`3: a value opens a double quote here that is never closed: close it, and double each quote inside it ("")`}, 1},
		{"not UTF-8", header + row("location", "S\xe9gou"), []string{`2: invalid UTF-8 (byte 0xE9): the file is not saved as UTF-8; save it again as UTF-8 (in Excel: "CSV UTF-8")`}, 0},
		{"UTF-16", "\xff\xfee\x00v\x00", []string{`1: the file is saved as UTF-16; save it as UTF-8 (in Excel: "CSV UTF-8")`}, 0},
		{"sep= naming no separator", "sep=\"\n" + header + good, []string{`1: a value holds a double quote but does not start with one: put the whole value in double quotes, and double each quote inside it ("")`}, 0},
		{"rows of separators only", header + good + ",,,,,,,,,,,,,,,,,,,,,,\n" + ",,,\n", nil, 1},
		{"long value cut in the message", header + row("inter1", strings.Repeat("x", 100)), []string{
			`2: inter1 "` + strings.Repeat("x", 60) + `"… is not an ACLED actor type: write a code from 1 to 8 or one of State forces, Rebel group, Political militia, Identity militia, Rioters, Protesters, Civilians, External/Other forces`}, 0},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			rows, problems := acled.Read([]byte(tt.src))
			var got []string
			for _, p := range problems {
				got = append(got, fmt.Sprintf("%d: %s", p.Line, p.Text()))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(tt.want, "\n"))
			}
			if len(rows) != tt.rows {
				t.Errorf("%d rows read, want %d", len(rows), tt.rows)
			}
		})
	}
}

func TestReadJSONProblems(t *testing.T) {
	tests := []struct{ name, src, want string }{
		{"failed call", `{"status":403,"success":false,"error":{"status":403,"message":"Access denied"}}`,
			`1: the API call failed (status 403): {"message":"Access denied","status":403}; this file holds no events: call the API again`},
		{"not JSON", "{\"status\":200,\n\"data\":[{\"event_id_cnty\":}]}", `2: the file is not valid JSON (invalid character '}' looking for beginning of value): save the API's answer as it came`},
		{"no data", `{"status":200,"success":true,"count":0}`, `1: the JSON has no "data" list: it is not what an ACLED API call returns`},
		{"data not events", `{"status":200,"data":[1,2]}`, `1: the file's line 1: an event of data is not an object of column names and values: it is not what an ACLED API call returns`},
		{"missing column", `{"status":200,"data":[{"event_id_cnty":"MLI1"}]}`, `1: the export lacks the required columns event_date, event_type, sub_event_type, actor1, iso, admin1, location, latitude, longitude, source, notes, fatalities: export it again from ACLED with every column (or at least event_id_cnty, event_date, event_type, sub_event_type, actor1, iso, admin1, location, latitude, longitude, source, notes, fatalities)`},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			_, problems := acled.Read([]byte(tt.src))
			var got []string
			for _, p := range problems {
				got = append(got, fmt.Sprintf("%d: %s", p.Line, p.Text()))
			}
			if strings.Join(got, "\n") != tt.want {
				t.Errorf("problems:\n%s\nwant:\n%s", strings.Join(got, "\n"), tt.want)
			}
		})
	}
	// An empty list is no event, and no problem.
	rows, problems := acled.Read([]byte(`{"status":200,"success":true,"count":0,"data":[]}`))
	if len(rows) != 0 || len(problems) != 0 {
		t.Errorf("empty data: %v %v", rows, problems)
	}
}

// TestWriteCSV: what WriteCSV writes, ReadCSV reads back to the same
// rows; its header is ACLED's columns then briefing's, and its codes are
// ACLED's text.
func TestWriteCSV(t *testing.T) {
	rows := mustRead(t, "sahel-2025.csv")
	three, two := 3, 0
	rows[0].Corridors, rows[0].Targets, rows[0].Kidnapped, rows[0].VehiclesDestroyed = []string{"rn1", "kati-kayes"}, []string{"military"}, &three, &two
	rows[0].ClaimedBy, rows[0].SourceIDs = "JNIM", []string{"a", "b"}
	var b bytes.Buffer
	if err := acled.WriteCSV(&b, rows); err != nil {
		t.Fatal(err)
	}
	out := b.String()
	wantHeader := strings.Join(slices.Concat(acled.Columns, acled.Extension), ",") + "\n"
	if !strings.HasPrefix(out, wantHeader) || strings.Contains(out, "\r") {
		t.Fatalf("header or line ends: %q", out[:min(len(out), 400)])
	}
	if !strings.Contains(out, ",Rebel group,Civilians (Mali),,Civilians,Rebel group-Civilians,Civilian targeting,466,") {
		t.Error("codes are not written as ACLED's text")
	}
	if !strings.Contains(out, ",rn1; kati-kayes,military,3,0,JNIM,a; b\n") {
		t.Error("briefing's columns are not written as expected")
	}
	back, problems := acled.ReadCSV(b.Bytes())
	if len(problems) > 0 {
		t.Fatalf("reading back: %v", problems)
	}
	for i := range rows {
		w, g := rows[i], back[i]
		w.Line, g.Line, w.Population = 0, 0, nil
		if !reflect.DeepEqual(g, w) {
			t.Fatalf("row %d read back as\n%+v\nwant\n%+v", i, g, w)
		}
	}
}

// BenchmarkReadCSV reads an export of 100,000 rows, all of Africa for a
// year, made of the fixture's rows with ids of their own. It must take
// under a second.
func BenchmarkReadCSV(b *testing.B) {
	src := bigExport(b, 100_000)
	b.SetBytes(int64(len(src)))
	for b.Loop() {
		rows, problems := acled.ReadCSV(src)
		if len(rows) != 100_000 || len(problems) > 0 {
			b.Fatalf("%d rows, problems %v", len(rows), problems)
		}
	}
}

func bigExport(t testing.TB, n int) []byte {
	rows := mustRead(t, "sahel-2025.csv")
	big := make([]acled.Row, n)
	for i := range big {
		big[i] = rows[i%len(rows)]
		big[i].EventIDCnty = fmt.Sprintf("XYZ%d", i)
	}
	var b bytes.Buffer
	if err := acled.WriteCSV(&b, big); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// FuzzRead: whatever a file holds, Read returns rows without problems and
// problems without rows for the same line, never panics, and what it
// reads WriteCSV writes and ReadCSV reads back the same.
func FuzzRead(f *testing.F) {
	for _, name := range []string{"excel-fr.csv", "excel-sep.csv", "shuffled.csv", "api.json"} {
		f.Add(readFixture(f, name))
	}
	f.Add([]byte(header + good))
	f.Add([]byte(header + row("notes", `"a ""b"", c`+"\r\nd\"")))
	f.Fuzz(func(t *testing.T, src []byte) {
		rows, problems := acled.Read(src)
		lines := bytes.Count(src, []byte("\n")) + 1
		for _, p := range problems {
			if p.Line < 0 || p.Line > lines || p.Text() == "" {
				t.Errorf("problem outside the file (%d lines): %+v", lines, p)
			}
		}
		var b bytes.Buffer
		if err := acled.WriteCSV(&b, rows); err != nil {
			t.Fatal(err)
		}
		back, problems := acled.ReadCSV(b.Bytes())
		if len(rows) > 0 && (len(problems) > 0 || len(back) != len(rows)) {
			t.Fatalf("rows written do not read back: %d of %d, %v", len(back), len(rows), problems)
		}
	})
}
