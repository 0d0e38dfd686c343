package build_test

import (
	"context"
	"io"
	"os"
	"path/filepath"
	"testing"
	"time"

	"go.yaml.in/yaml/v3"

	"briefing/charts"
	"briefing/internal/build"
	"briefing/report"
	"briefing/report/locale"
	"briefing/report/pdf"
	"briefing/report/xlsx"
)

// FuzzLetter renders a whole letter — PDF, annex, charts — from a dataset
// whose texts and figures are fuzzed: whatever the data hold, either
// validation (report.Load, then build.Check, which knows the fonts and the
// PDF library) rejects them with a position, or the build succeeds. A
// panic, or a build that fails on data validation let through, is a bug.
// The panics that reached users were inside fpdf, which only a target that
// renders can find.
//
//	go test ./internal/build -run '^$' -fuzz FuzzLetter -fuzztime 10m
func FuzzLetter(f *testing.F) {
	f.Add("JNIM in Kayes", "Economic fragility", "Militants struck the camp.", "Kayes attacked[^src] (@fig:frequency).", "Kayes", "JNIM", "", uint32(21), uint8(1), uint8(0))
	f.Add("fire 🔥", "", "Summary with an emoji 🔥.", "Body 🔥[^src].", "Kayes", "JNIM", "JNIM", uint32(0), uint8(3), uint8(4))
	f.Add("Bidi \u202e test", "sub", "=cmd|' /C calc'!A0", "**bold *italic [^src] @fig:map", "Ségou", "@actor", "+x", uint32(9), uint8(2), uint8(30))
	f.Add("T", "S", "a\x00b", "- bullet\n\n- two[^src]", "Nioro du Sahel", "-minus", "", uint32(1_000_000), uint8(0), uint8(255))
	f.Add("«\u202fFrench\u202f»", "l’été", "Summary’s “quotes” – dash … ellipsis", "Text\\*[^src].", "Kédougou", "Katiba Macina", "", uint32(3), uint8(1), uint8(29))
	// Found by this target: a fuzzed text YAML wrote with an escape the
	// loader decoded as rune -1 (now report/testdata/bad/escape-beyond-unicode).
	f.Add("fire 🔥", "", "\"00000\x15000", "Body 🔥[^src].", "Kayes", "JNIM", "JNIM", uint32(0), uint8(3), uint8(4))
	env, err := build.NewEnv("briefing fuzz", time.Date(2025, 9, 30, 0, 0, 0, 0, time.UTC))
	if err != nil {
		f.Fatal(err)
	}
	// The date and the precision are drawn from bytes, always valid, so
	// that most runs get past validation into the renderers: a fuzzed date
	// string is almost never a date, and validation already has targets of
	// its own.
	f.Fuzz(func(t *testing.T, title, subtitle, summary, body, placeName, actor, claimedBy string, fatalities uint32, geo, day uint8) {
		dir := t.TempDir()
		date := report.Date{Year: 2025, Month: time.July, Day: 1}.AddDays(int(day) % 31).String()
		event := map[string]any{
			"id": "e1", "date": date, "event_type": report.Battles, "sub_event_type": "Armed clash",
			"actor1": actor, "place": "p1", "corridors": []string{"c1"}, "targets": []string{"military"},
			"fatalities": fatalities, "summary": summary, "sources": []string{"src"},
		}
		if claimedBy != "" {
			event["claimed_by"] = claimedBy
		}
		if geo%4 > 0 {
			event["geo_precision"] = int(geo % 4)
		}
		sections := []map[string]any{{"title": "Only", "body": body, "figures": []string{"frequency", "corridors", "targets", "map"}}}
		files := map[string]any{
			"dataset.yaml": map[string]any{"dataset": map[string]any{"name": "Fuzz dataset", "language": "en",
				"coverage": []map[string]any{{"from": "2025-06-01", "to": "2025-07-31"}}}},
			"places.yaml": map[string]any{"places": []map[string]any{
				{"id": "p1", "name": placeName, "admin1": "Kayes", "country": "ML", "lat": 14.4469, "lon": -11.4456},
				{"id": "p2", "name": "Dakar", "admin1": "Dakar", "country": "SN", "lat": 14.6928, "lon": -17.4467},
			}},
			"corridors.yaml": map[string]any{"corridors": []map[string]any{
				{"id": "c1", "name": "Bamako–Dakar corridor (RN1)", "short": "RN1", "via": []string{"p1", "p2"}},
			}},
			"sources.yaml": map[string]any{"sources": []map[string]any{
				{"id": "src", "publisher": "Wire", "title": "Report", "date": "2025-07-01", "url": "https://example.org/a", "language": "en", "kind": "news"},
			}},
			"events/2025.yaml": map[string]any{"events": []map[string]any{event}},
			"letters/fuzz.yaml": map[string]any{"letter": map[string]any{
				"series": "Letter from the Observatory", "title": title, "subtitle": subtitle, "issued": "2025-07-31",
				"language": "en", "period": map[string]any{"from": "2025-07-01", "to": "2025-07-31"},
				"key_points": []string{summary, title, "Third point."}, "sections": sections,
			}},
		}
		for name, content := range files {
			b, err := yaml.Marshal(content)
			if err != nil {
				return // not representable as YAML: nothing to load
			}
			path := filepath.Join(dir, filepath.FromSlash(name))
			if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
				t.Fatal(err)
			}
			if err := os.WriteFile(path, b, 0o644); err != nil {
				t.Fatal(err)
			}
		}
		ds, diags := report.Load(dir)
		if diags.HasErrors() {
			return
		}
		if diags := build.Check(ds, env); diags.HasErrors() {
			return
		}
		l, ok := ds.Letter("fuzz")
		if !ok {
			t.Fatal("the letter loaded without errors but is missing")
		}
		renderAll(t, ds, l, env)
	})
}

// renderAll renders what build.Letter renders, with the same renderers, but
// calls them directly, so that a panic reaches the fuzzing engine as a
// crasher instead of build.Letter's recovered error, and draws the PNG
// charts at a low resolution: rasterising them at print resolution would
// take most of each run and leave few runs for the fuzzer.
func renderAll(t *testing.T, ds *report.Dataset, l *report.Letter, env *build.Env) {
	t.Helper()
	cat, err := locale.For(l.Language)
	if err != nil {
		t.Fatal(err)
	}
	sel := ds.Select(l)
	ctx := context.Background()
	if _, err := pdf.Write(ctx, io.Discard, sel, pdf.Options{Catalog: cat, Fonts: env.Fonts, Generator: env.Generator, Date: env.Date}); err != nil {
		t.Fatalf("validation let through data the PDF fails on: %v", err)
	}
	if _, err := xlsx.Write(ctx, io.Discard, sel, xlsx.Options{Catalog: cat, Brand: ds.Brand, Generator: env.Generator, Date: env.Date}); err != nil {
		t.Fatalf("validation let through data the annex fails on: %v", err)
	}
	theme := charts.Theme{Catalog: cat, Brand: ds.Brand, Fonts: env.Fonts}
	for _, name := range charts.Names() {
		ch, err := charts.Build(name, sel, theme)
		if err != nil {
			t.Fatalf("chart %s: %v", name, err)
		}
		if err := ch.WritePNG(io.Discard, 20); err != nil {
			t.Fatalf("chart %s as PNG: %v", name, err)
		}
		if err := ch.WriteSVG(io.Discard); err != nil {
			t.Fatalf("chart %s as SVG: %v", name, err)
		}
	}
}
