//go:build unix

// Unix only: the benchmark measures processor time with getrusage, which
// Windows lacks.

package xlsx

import (
	"context"
	"errors"
	"io"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"syscall"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"briefing/internal/synth"
	"briefing/report"
	"briefing/report/locale"
)

// The Events sheet beside its C peer: bench/peers/run.sh (make bench-peers)
// runs BenchmarkEventsSheet and bench/peers/events.c, which writes the
// same cells with libxlsxwriter, and prints the ratio of their times per
// cell. See bench/peers/README.md.

// peerEventsEnv names the environment variable that sets how many
// synthetic events BenchmarkEventsSheet writes, so that run.sh gives it
// and the dump of the C peer's cells the same number.
const peerEventsEnv = "BRIEFING_PEER_EVENTS"

// peerEventsDefault is the number of events when peerEventsEnv is unset:
// the size of issue 14's budget.
const peerEventsDefault = 100000

// peerSeed is the seed of the synthetic data, the dump's default.
const peerSeed = 1

// BenchmarkEventsSheet writes a workbook holding the Events sheet alone,
// as the annex writes each of its sheets and saves the workbook (through
// sortedZip, to a file), for BRIEFING_PEER_EVENTS synthetic events.
// Generating and loading the data is not timed.
//
// It reports ns/cell, the median over the iterations of the time of one
// workbook divided by its cells (rows × columns, the header row and empty
// cells included), as run.sh takes the median of the C peer's runs; and
// values-ns/cell, the part of that the sheet's row function takes to make
// the cells from the dataset (twice, as writeSheet calls it to measure
// the columns and to write), which the C peer, reading its cells from a
// file before its clock starts, does not pay. cpu-ns/cell is the median
// processor time per cell, user and system, of every thread (the garbage
// collector's included): on a machine busy with other work it grows less
// than the time on the clock. xlsx-MB is the workbook's size, to compare
// the two sides' compression.
//
//	BRIEFING_PEER_EVENTS=10000 go test ./report/xlsx -run XXX -bench EventsSheet -benchtime 3x
func BenchmarkEventsSheet(b *testing.B) {
	n := peerEvents(b)
	sel := peerSelection(b, n)
	opt := peerOptions(b, sel)
	out := filepath.Join(b.TempDir(), "events.xlsx")
	var took, cpu []time.Duration
	cells := 0
	b.ReportAllocs()
	for b.Loop() {
		start, cpuStart := time.Now(), peerCPUTime(b)
		var err error
		if cells, err = writeEventsFile(out, sel, opt); err != nil {
			b.Fatal(err)
		}
		took = append(took, time.Since(start))
		cpu = append(cpu, peerCPUTime(b)-cpuStart)
	}
	b.StopTimer()
	values, err := eventValuesTime(sel, opt)
	if err != nil {
		b.Fatal(err)
	}
	info, err := os.Stat(out)
	if err != nil {
		b.Fatal(err)
	}
	b.ReportMetric(float64(peerMedian(took).Nanoseconds())/float64(cells), "ns/cell")
	b.ReportMetric(float64(peerMedian(cpu).Nanoseconds())/float64(cells), "cpu-ns/cell")
	b.ReportMetric(float64(values.Nanoseconds())/float64(cells), "values-ns/cell")
	b.ReportMetric(float64(cells), "cells")
	b.ReportMetric(float64(info.Size())/(1<<20), "xlsx-MB")
}

// TestEventsSheetAlone: the workbook BenchmarkEventsSheet writes holds
// the same Events sheet as the annex, so that what it times is what the
// annex writes.
func TestEventsSheetAlone(t *testing.T) {
	sel := peerSelection(t, 300)
	opt := peerOptions(t, sel)
	dir := t.TempDir()
	alone, whole := filepath.Join(dir, "alone.xlsx"), filepath.Join(dir, "whole.xlsx")
	if _, err := writeEventsFile(alone, sel, opt); err != nil {
		t.Fatal(err)
	}
	f, err := os.Create(whole)
	if err != nil {
		t.Fatal(err)
	}
	_, err = Write(context.Background(), f, sel, opt)
	if err = errors.Join(err, f.Close()); err != nil {
		t.Fatal(err)
	}
	name := opt.Catalog.T("annex.sheet.events")
	a, b := peerSheetRows(t, alone, name), peerSheetRows(t, whole, name)
	if len(a) != len(sel.Events)+1 {
		t.Fatalf("the sheet alone has %d rows, want %d events and the header", len(a), len(sel.Events))
	}
	if !slices.EqualFunc(a, b, slices.Equal) {
		t.Error("the Events sheet alone differs from the annex's")
	}
}

func peerSheetRows(t *testing.T, path, sheet string) [][]string {
	t.Helper()
	f, err := excelize.OpenFile(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	rows, err := f.GetRows(sheet, excelize.Options{RawCellValue: true})
	if err != nil {
		t.Fatal(err)
	}
	return rows
}

// writeEventsFile writes the Events sheet alone to a workbook at path and
// returns its number of cells.
func writeEventsFile(path string, sel report.Selection, opt Options) (int, error) {
	f, err := os.Create(path)
	if err != nil {
		return 0, err
	}
	cells, err := writeEventsSheet(f, sel, opt)
	return cells, errors.Join(err, f.Close())
}

// writeEventsSheet is Write with the Events sheet as the only sheet, and
// returns its number of cells. It repeats Write's few lines of saving
// rather than change Write for a benchmark; TestEventsSheetAlone checks
// that the sheet is the annex's.
func writeEventsSheet(w io.Writer, sel report.Selection, opt Options) (int, error) {
	if opt.Date.IsZero() {
		opt.Date = sel.Letter.Issued.Time()
	}
	a := newAnnex(context.Background(), sel, opt)
	defer a.f.Close()
	var err error
	if a.st, err = newStyles(a.f, opt.Brand, a.cat); err != nil {
		return 0, err
	}
	name := a.cat.T("annex.sheet.events")
	if err := a.f.SetSheetName("Sheet1", name); err != nil {
		return 0, err
	}
	s := a.eventsSheet(name)
	if err := a.writeSheet(s); err != nil {
		return 0, err
	}
	if err := a.setDocProps(); err != nil {
		return 0, err
	}
	if err := a.save(w); err != nil {
		return 0, err
	}
	return (s.n + 1) * len(s.cols), nil
}

// eventValuesTime times making the Events sheet's cells from the dataset
// twice, as writeSheet does, and writing none.
func eventValuesTime(sel report.Selection, opt Options) (time.Duration, error) {
	a := newAnnex(context.Background(), sel, opt)
	defer a.f.Close()
	var err error
	if a.st, err = newStyles(a.f, opt.Brand, a.cat); err != nil {
		return 0, err
	}
	s := a.eventsSheet(a.cat.T("annex.sheet.events"))
	start := time.Now()
	var r []cell
	for range 2 {
		for i := range s.n {
			r = s.row(i, r[:0])
		}
	}
	return time.Since(start), nil
}

// peerCPUTime returns the processor time the process has used, user and
// system, as events.c measures its own.
func peerCPUTime(tb testing.TB) time.Duration {
	var ru syscall.Rusage
	if err := syscall.Getrusage(syscall.RUSAGE_SELF, &ru); err != nil {
		tb.Fatal(err)
	}
	return time.Duration(ru.Utime.Nano() + ru.Stime.Nano())
}

func peerMedian(d []time.Duration) time.Duration {
	if len(d) == 0 {
		return 0
	}
	d = slices.Clone(d)
	slices.Sort(d)
	if len(d)%2 == 1 {
		return d[len(d)/2]
	}
	return (d[len(d)/2-1] + d[len(d)/2]) / 2
}

// peerEvents returns the number of events BRIEFING_PEER_EVENTS asks for.
func peerEvents(tb testing.TB) int {
	s := os.Getenv(peerEventsEnv)
	if s == "" {
		return peerEventsDefault
	}
	n, err := strconv.Atoi(s)
	if err != nil || n < 1 {
		tb.Fatalf("%s=%q: want a number of events, at least 1", peerEventsEnv, s)
	}
	return n
}

// peerSelection returns the selection of the letter of a synthetic data
// folder of n events, made as bench/peers/dump makes its own.
func peerSelection(tb testing.TB, n int) report.Selection {
	tb.Helper()
	dir := tb.TempDir()
	if err := synth.Write(dir, n, peerSeed); err != nil {
		tb.Fatal(err)
	}
	ds, diags := report.Load(dir)
	if diags.HasErrors() {
		tb.Fatalf("loading the synthetic data:\n%s", diags.Error())
	}
	l, ok := ds.Letter(synth.LetterID)
	if !ok {
		tb.Fatalf("the synthetic data have no letter %q", synth.LetterID)
	}
	return ds.Select(l)
}

// peerOptions are the options build.Letter passes for an English letter.
func peerOptions(tb testing.TB, sel report.Selection) Options {
	tb.Helper()
	cat, err := locale.For("en")
	if err != nil {
		tb.Fatal(err)
	}
	return Options{Catalog: cat, Brand: sel.Dataset.Brand, Generator: "briefing bench"}
}
