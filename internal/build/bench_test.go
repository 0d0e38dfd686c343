package build_test

import (
	"context"
	"testing"
	"time"

	"briefing/internal/build"
	"briefing/report"
)

// BenchmarkBuildSample builds every output of the sample letter (PDF,
// annex, events file, charts as PNG and SVG) from a loaded dataset: the
// work of `make report` after loading.
func BenchmarkBuildSample(b *testing.B) {
	ds, diags := report.Load("../../data")
	if diags.HasErrors() {
		b.Fatalf("the sample does not load:\n%v", diags)
	}
	l, ok := ds.Letter("2025-09-kayes")
	if !ok {
		b.Fatal("no sample letter 2025-09-kayes")
	}
	env, err := build.NewEnv("briefing bench", time.Date(2025, 9, 30, 0, 0, 0, 0, time.UTC))
	if err != nil {
		b.Fatal(err)
	}
	b.ReportAllocs()
	for b.Loop() {
		if _, _, err := build.Letter(context.Background(), ds, l, env); err != nil {
			b.Fatal(err)
		}
	}
}
