package report_test

import (
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"briefing/internal/heapwatch"
	"briefing/internal/synth"
	"briefing/report"
	"briefing/report/acled"
)

// BenchmarkLoad loads and validates a data folder: the sample (../data)
// and synthetic folders of 1,000, 10,000 and 100,000 events, each with its
// events as YAML (synth.Write: one file per month) and as one ACLED CSV
// file with briefing's own columns (synth.WriteCSV; for the sample, its
// events written as a build writes ID-events.csv). Making the folders is
// not timed. Besides time and allocations it reports the time per event
// and what loading keeps alive at its peak (peak-live-MB: the largest live
// heap a garbage collection found, sampled every millisecond, less the
// live heap before loading), which should grow with the events and no
// faster. GOMAXPROCS bounds the files decoded at once: -cpu 1,2 compares
// a sequential load with a parallel one. BRIEFING_BENCH_SIZES narrows the
// sizes, as for the benchmarks of internal/build (e.g. "sample,1k").
//
//	go test ./report -run XXX -bench '^BenchmarkLoad$' -benchtime 3x
func BenchmarkLoad(b *testing.B) {
	for _, size := range []struct {
		name   string
		events int // 0: the sample
	}{{"sample", 0}, {"1k", 1000}, {"10k", 10000}, {"100k", 100000}} {
		b.Run(size.name, func(b *testing.B) {
			if only := os.Getenv("BRIEFING_BENCH_SIZES"); only != "" && !strings.Contains(","+only+",", ","+size.name+",") {
				b.Skip("BRIEFING_BENCH_SIZES leaves it out")
			}
			for _, form := range []string{"yaml", "csv"} {
				b.Run(form, func(b *testing.B) {
					dir := benchFolder(b, size.events, form == "csv")
					runtime.GC()
					base := heapwatch.Live()
					peak := heapwatch.Watch()
					events := 0
					b.ReportAllocs()
					for b.Loop() {
						ds, diags := report.Load(dir)
						if diags.HasErrors() {
							b.Fatal(diags)
						}
						events = len(ds.Events)
					}
					b.StopTimer()
					b.ReportMetric(float64(peak()-min(base, peak()))/(1<<20), "peak-live-MB")
					b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(events), "ns/event")
				})
			}
		})
	}
}

// benchFolder makes the data folder of a benchmark: a synthetic one of n
// events, or the sample when n is 0, with its events as YAML or as CSV.
func benchFolder(b *testing.B, n int, csv bool) string {
	b.Helper()
	dir := b.TempDir()
	switch {
	case n > 0 && csv:
		if err := synth.WriteCSV(dir, n, 1); err != nil {
			b.Fatal(err)
		}
	case n > 0:
		if err := synth.Write(dir, n, 1); err != nil {
			b.Fatal(err)
		}
	case !csv:
		return "../data"
	default:
		sampleCSV(b, dir)
	}
	return dir
}

// sampleCSV copies the sample into dir with its events in one CSV file
// instead of events/*.yaml.
func sampleCSV(b *testing.B, dir string) {
	ds, diags := report.Load("../data")
	if diags.HasErrors() {
		b.Fatal(diags)
	}
	if err := os.CopyFS(dir, os.DirFS("../data")); err != nil {
		b.Fatal(err)
	}
	old, _ := filepath.Glob(filepath.Join(dir, "events", "*.yaml"))
	for _, name := range old {
		if err := os.Remove(name); err != nil {
			b.Fatal(err)
		}
	}
	rows := make([]acled.Row, len(ds.Events))
	for i := range ds.Events {
		rows[i] = ds.ACLEDRow(&ds.Events[i])
	}
	f, err := os.Create(filepath.Join(dir, "events", "sample-events.csv"))
	if err != nil {
		b.Fatal(err)
	}
	if err := acled.WriteCSV(f, rows); err != nil {
		b.Fatal(err)
	}
	if err := f.Close(); err != nil {
		b.Fatal(err)
	}
}
