package report_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"briefing/internal/synth"
	"briefing/report"
)

// TestLoadLinear: the checks that cross files — ids defined twice,
// references, the places and sources an export matches or makes — do
// work in proportion to the data, not to its square: ten times the
// events cost under 13 times the lookups and comparisons (counted by the
// loader) and the allocations of a load. No clock: the counts are the
// same on any machine. The folders are made to corner each check: every
// id defined twice; an export whose rows fall on one name that hundreds
// of places share, on new places whose names differ only in what an id
// drops ("Diboli.", "Diboli,"), and on ids the YAML files define.
//
// A quadratic version of any of these checks fails it: one that searches
// every place of a name, one that tries every number for a new place's
// id, one that scans the events so far for a duplicate id.
func TestLoadLinear(t *testing.T) {
	const n = 500
	var work, allocs [2]float64
	for i, size := range []int{n, 10 * n} {
		dir := crossFileFolder(t, size)
		var diags report.Diagnostics
		var w int
		allocs[i] = testing.AllocsPerRun(1, func() {
			_, diags, w = report.LoadCountingWork(dir)
		})
		work[i] = float64(w)
		if !strings.Contains(diags.Error(), "duplicate event id") || !strings.Contains(diags.Error(), "already defined") {
			t.Fatalf("%d events: the folder does not define ids twice:\n%.2000s", size, diags.Error())
		}
	}
	for name, counts := range map[string][2]float64{"lookups and comparisons": work, "allocations": allocs} {
		if growth := counts[1] / counts[0]; growth >= 13 {
			t.Errorf("%s grow %.1f times for 10 times the events (%.0f, then %.0f): something is quadratic", name, growth, counts[0], counts[1])
		} else {
			t.Logf("%s: %.0f, then %.0f: %.1f times", name, counts[0], counts[1], growth)
		}
	}
}

// crossFileFolder writes a synthetic folder of n events with every id
// defined twice, and an export of n rows: a third on a name that n/5
// places share, a third on new places named apart only by punctuation, a
// third with the ids of the YAML files.
func crossFileFolder(t *testing.T, n int) string {
	dir := t.TempDir()
	if err := synth.Write(dir, n, 1); err != nil {
		t.Fatal(err)
	}
	months, _ := filepath.Glob(filepath.Join(dir, "events", "*.yaml"))
	for _, month := range months {
		write(t, strings.TrimSuffix(month, ".yaml")+"-again.yaml", []byte(readFile(t, month)))
	}
	var places strings.Builder
	places.WriteString(readFile(t, filepath.Join(dir, "places.yaml")))
	for i := range n / 5 {
		fmt.Fprintf(&places, "  - {id: kayes-%d, name: Kayes, admin1: Kayes, country: ML, lat: %.4f, lon: %.4f}\n", i, 14+float64(i%37)/10, -11-float64(i%41)/10)
	}
	write(t, filepath.Join(dir, "places.yaml"), []byte(places.String()))
	var export strings.Builder
	export.WriteString("event_id_cnty,event_date,event_type,sub_event_type,actor1,iso,admin1,location,latitude,longitude,source,notes,fatalities\n")
	const marks = ".,;:!?()[]" // what an id drops: one per digit
	for i := range n {
		id, location, lat, lon := fmt.Sprintf("XYZ%d", i), "Kayes", 14+float64(i%23)/10, -11-float64(i%29)/10
		switch i % 3 {
		case 1:
			location = "Diboli" + strings.Map(func(r rune) rune { return rune(marks[r-'0']) }, fmt.Sprint(i))
		case 2:
			id = fmt.Sprintf("EV-%07d", i+1) // defined in the YAML files
		}
		fmt.Fprintf(&export, "%s,2025-07-%02d,Battles,Armed clash,JNIM,466,Kayes,%q,%v,%v,Outlet %d,Clash.,0\n", id, 1+i%28, location, lat, lon, i%(n/10))
	}
	write(t, filepath.Join(dir, "events", "acled.csv"), []byte(export.String()))
	if _, err := os.Stat(filepath.Join(dir, "events", "acled.csv")); err != nil {
		t.Fatal(err)
	}
	return dir
}
