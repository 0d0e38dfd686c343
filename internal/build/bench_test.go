package build_test

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"strconv"
	"strings"
	"sync"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"briefing/charts"
	"briefing/internal/build"
	"briefing/internal/synth"
	"briefing/report"
	"briefing/report/locale"
	"briefing/report/pdf"
	"briefing/report/xlsx"
)

// The benchmarks of a build, step by step, at every size a letter meets:
// the sample (25 events), and synthetic years of 1,000, 10,000 and 100,000
// events. `make bench` runs them with the load benchmarks of package
// report and prints one table; bench/README.md says how to compare runs.
//
// BRIEFING_BENCH_SIZES narrows the sizes, e.g. "sample,1k".

// benchSizes are the datasets, by name.
var benchSizes = []struct {
	name   string
	events int // 0: the sample data folder
}{
	{"sample", 0}, {"1k", 1000}, {"10k", 10000}, {"100k", 100000},
}

// benchData caches each dataset for the run: generating and loading
// 100,000 events takes seconds and is not what these benchmarks time.
var benchData = struct {
	sync.Mutex
	dir  string
	sets map[string]*report.Dataset
}{sets: map[string]*report.Dataset{}}

// benchLetter returns the letter of a benchmark dataset, loaded once.
func benchLetter(b *testing.B, size string, events int) (*report.Dataset, *report.Letter) {
	b.Helper()
	benchData.Lock()
	defer benchData.Unlock()
	ds, ok := benchData.sets[size]
	if !ok {
		dir := "../../data"
		if events > 0 {
			if benchData.dir == "" {
				d, err := os.MkdirTemp("", "briefing-bench-")
				if err != nil {
					b.Fatal(err)
				}
				benchData.dir = d
			}
			dir = filepath.Join(benchData.dir, size)
			if err := synth.Write(dir, events, 1); err != nil {
				b.Fatal(err)
			}
		}
		var diags report.Diagnostics
		ds, diags = report.Load(dir)
		if diags.HasErrors() {
			b.Fatalf("%s does not load:\n%v", dir, diags)
		}
		benchData.sets[size] = ds
	}
	id := synth.LetterID
	if events == 0 {
		id = "2025-09-kayes"
	}
	l, ok := ds.Letter(id)
	if !ok {
		b.Fatalf("no letter %s", id)
	}
	return ds, l
}

// eachSize runs f as a sub-benchmark per size.
func eachSize(b *testing.B, f func(b *testing.B, ds *report.Dataset, l *report.Letter)) {
	for _, s := range benchSizes {
		if !sizeWanted(s.name) {
			continue
		}
		b.Run(s.name, func(b *testing.B) {
			ds, l := benchLetter(b, s.name, s.events)
			b.ReportAllocs()
			b.ResetTimer()
			f(b, ds, l)
		})
	}
}

// sizeWanted reports whether BRIEFING_BENCH_SIZES (all when unset) names
// the size.
func sizeWanted(size string) bool {
	only := os.Getenv("BRIEFING_BENCH_SIZES")
	return only == "" || strings.Contains(","+only+",", ","+size+",")
}

func benchEnv(b *testing.B) *build.Env {
	b.Helper()
	env, err := build.NewEnv("briefing bench", time.Date(2025, 9, 30, 0, 0, 0, 0, time.UTC))
	if err != nil {
		b.Fatal(err)
	}
	return env
}

// BenchmarkBuild builds every output of a letter from its loaded dataset:
// PDF, annex, events file, charts as PNG and SVG, manifest.
func BenchmarkBuild(b *testing.B) {
	env := benchEnv(b)
	eachSize(b, func(b *testing.B, ds *report.Dataset, l *report.Letter) {
		for b.Loop() {
			if _, _, err := build.Letter(context.Background(), ds, l, env); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkStats computes what the letter counts: the selection, its key
// figures, its frequency, corridors, targets and places, its chronology
// and its sources list.
func BenchmarkStats(b *testing.B) {
	eachSize(b, func(b *testing.B, ds *report.Dataset, l *report.Letter) {
		for b.Loop() {
			sel := ds.Select(l)
			sel.KeyFigures()
			sel.Frequency()
			sel.Corridors()
			sel.Targets()
			sel.Places()
			sel.Chronology()
			sel.CitedSources()
		}
	})
}

// BenchmarkPDF writes the letter.
func BenchmarkPDF(b *testing.B) {
	env := benchEnv(b)
	eachSize(b, func(b *testing.B, ds *report.Dataset, l *report.Letter) {
		sel := ds.Select(l)
		cat, _ := locale.For(l.Language)
		for b.Loop() {
			if _, err := pdf.Write(context.Background(), io.Discard, sel, pdf.Options{Catalog: cat, Fonts: env.Fonts, Generator: env.Generator, Date: env.Date}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkAnnex writes the Excel annex.
func BenchmarkAnnex(b *testing.B) {
	env := benchEnv(b)
	eachSize(b, func(b *testing.B, ds *report.Dataset, l *report.Letter) {
		sel := ds.Select(l)
		cat, _ := locale.For(l.Language)
		for b.Loop() {
			if _, err := xlsx.Write(context.Background(), io.Discard, sel, xlsx.Options{Catalog: cat, Brand: ds.Brand, Generator: env.Generator, Date: env.Date}); err != nil {
				b.Fatal(err)
			}
		}
	})
}

// BenchmarkChart lays out each chart and draws it in each form: PNG at
// print resolution, SVG, and on a PDF page.
func BenchmarkChart(b *testing.B) {
	env := benchEnv(b)
	for _, name := range charts.Names() {
		for _, form := range []string{"png", "svg", "pdf"} {
			b.Run(name+"/"+form, func(b *testing.B) {
				eachSize(b, func(b *testing.B, ds *report.Dataset, l *report.Letter) {
					sel := ds.Select(l)
					cat, _ := locale.For(l.Language)
					theme := charts.Theme{Catalog: cat, Brand: ds.Brand, Fonts: env.Fonts}
					for b.Loop() {
						ch, err := charts.Build(name, sel, theme)
						if err != nil {
							b.Fatal(err)
						}
						switch form {
						case "png":
							err = ch.WritePNG(io.Discard, charts.PNGDPI)
						case "svg":
							err = ch.WriteSVG(io.Discard)
						case "pdf":
							err = drawOnPage(ch, env.Fonts)
						}
						if err != nil {
							b.Fatal(err)
						}
					}
				})
			})
		}
	}
}

// drawOnPage draws a chart on a fresh PDF page, as the letter does.
func drawOnPage(ch *charts.Chart, fonts *charts.FontSet) error {
	doc := newPDFPage()
	if err := fonts.Register(doc); err != nil {
		return err
	}
	_, err := ch.DrawPDF(doc, 20, 20, charts.Width)
	return err
}

// BenchmarkMonthly builds the twelve monthly letters of a synthetic year of
// 10,000 events, at most one per CPU at a time, as `briefing build` does.
func BenchmarkMonthly(b *testing.B) {
	if !sizeWanted("10k") {
		b.Skip("BRIEFING_BENCH_SIZES leaves out 10k")
	}
	ds, year := benchLetter(b, "10k", 10000)
	env := benchEnv(b)
	// As the command builds several letters: one per CPU and one more,
	// their rasters lent from chart to chart.
	inFlight := runtime.GOMAXPROCS(0) + 1
	env.Rasters = charts.NewRasterPool(build.ChartWorkers * inFlight)
	var letters []*report.Letter
	for m := 1; m <= 12; m++ {
		l := *year
		l.ID = "synthetic-2025-" + strconv.Itoa(100 + m)[1:]
		l.Period = report.Period{From: report.Date{Year: 2025, Month: time.Month(m), Day: 1}, To: report.Date{Year: 2025, Month: time.Month(m), Day: daysIn(2025, m)}}
		letters = append(letters, &l)
	}
	b.ReportAllocs()
	b.ResetTimer()
	for b.Loop() {
		sem := make(chan struct{}, inFlight)
		var wg sync.WaitGroup
		errs := make([]error, len(letters))
		for i, l := range letters {
			wg.Go(func() {
				sem <- struct{}{}
				defer func() { <-sem }()
				_, _, errs[i] = build.Letter(context.Background(), ds, l, env)
			})
		}
		wg.Wait()
		if err := errors.Join(errs...); err != nil {
			b.Fatal(err)
		}
	}
}

// newPDFPage returns a PDF document with one page open.
func newPDFPage() *fpdf.Fpdf {
	doc := fpdf.New("P", "mm", "A4", "")
	doc.AddPage()
	return doc
}

func daysIn(year, month int) int {
	return time.Date(year, time.Month(month)+1, 0, 0, 0, 0, 0, time.UTC).Day()
}
