// Package build turns a loaded dataset into the files of each letter: it
// renders a letter's outputs in memory, then replaces the files in the
// output folder atomically, so that a failed or interrupted build never
// leaves a truncated file in place of a good one. The command calls it;
// renderers know nothing of files.
package build

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"briefing/charts"
	"briefing/report"
	"briefing/report/acled"
	"briefing/report/locale"
	"briefing/report/pdf"
	"briefing/report/xlsx"
)

// Env is what every letter of a build shares. It is read-only once made, so
// letters may be built concurrently.
type Env struct {
	Fonts     *charts.FontSet
	Generator string // "briefing VERSION", written into the files' metadata
	// Date, when not zero, is the date written into the files' metadata
	// (SOURCE_DATE_EPOCH); otherwise each letter's issued date is. Never
	// the clock, so that a rebuild gives the same bytes.
	Date time.Time
	// Rasters, when set, lends the PNG charts' rasters from one chart to
	// the next. The command sets it for a build of several letters; what
	// it keeps is live heap, which one letter's memory limit does not
	// allow for.
	Rasters *charts.RasterPool
}

// NewEnv prepares what a build shares.
func NewEnv(generator string, date time.Time) (*Env, error) {
	fonts, err := charts.NewFontSet()
	if err != nil {
		return nil, err
	}
	return &Env{Fonts: fonts, Generator: generator, Date: date}, nil
}

// File is one output of a letter.
type File struct {
	Path string // relative to the letter's output folder, slash-separated
	Data []byte
}

// ChartWorkers is how many charts of a letter are drawn at once.
const ChartWorkers = 2

// PDFPath is the letter's file in its output folder.
func PDFPath(l *report.Letter) string { return l.ID + ".pdf" }

// AnnexPath is the annex's file in the letter's output folder.
func AnnexPath(l *report.Letter) string { return l.ID + "-annex.xlsx" }

// EventsPath is the letter's events in ACLED's column layout, the rows of
// the annex's Events sheet, in the letter's output folder.
func EventsPath(l *report.Letter) string { return l.ID + "-events.csv" }

func chartPath(name, ext string) string { return "charts/" + name + ext }

// outputPaths lists the files a build of the letter writes, manifest
// excepted, sorted.
func outputPaths(l *report.Letter) []string {
	paths := []string{PDFPath(l), AnnexPath(l), EventsPath(l)}
	for _, name := range charts.Names() {
		paths = append(paths, chartPath(name, ".png"), chartPath(name, ".svg"))
	}
	slices.Sort(paths)
	return paths
}

// Plan returns the manifest a build of the letter will write, its outputs
// named but not hashed: what the letter is built from and what it makes, to
// tell whether a build is needed.
func Plan(ds *report.Dataset, l *report.Letter, env *Env) (Manifest, error) {
	inputs, err := Inputs(ds, l)
	if err != nil {
		return Manifest{}, err
	}
	m := Manifest{Fingerprint: ds.Fingerprint(), Generator: env.Generator, Inputs: inputs, Letter: l.ID}
	if !env.Date.IsZero() {
		m.SourceDateEpoch = strconv.FormatInt(env.Date.Unix(), 10)
	}
	for _, p := range outputPaths(l) {
		m.Outputs = append(m.Outputs, Output{Path: p})
	}
	return m, nil
}

// Letter renders every output of one letter in memory: the PDF letter
// ID.pdf, the Excel annex ID-annex.xlsx, its events as an ACLED export
// ID-events.csv (UTF-8, comma-separated, ISO dates: ACLED's columns, then
// briefing's, the columns and rows of the annex's Events sheet, which
// `briefing import acled` reads back), the charts as PNG and SVG under
// charts/, and last the manifest of them all. Warnings (a cell cut at
// Excel's limit, a character the fonts lack) come back as diagnostics.
// What Check refuses because it would stop the build is an error here too,
// never a panic; and a panic (a bug in briefing or in a library) comes
// back as an error, so that the other letters of a build are still built.
func Letter(ctx context.Context, ds *report.Dataset, l *report.Letter, env *Env) (files []File, warnings report.Diagnostics, err error) {
	defer func() {
		if p := recover(); p != nil {
			files, err = nil, InternalError(p, PanicSite())
		}
	}()
	sel := ds.Select(l)
	if diags := checkLetter(sel); diags.HasErrors() {
		return nil, nil, fmt.Errorf("the data holds what the letter cannot print; run briefing validate to see where:\n%w", diags)
	}
	plan, err := Plan(ds, l, env)
	if err != nil {
		return nil, nil, err
	}
	cat, err := locale.For(l.Language)
	if err != nil {
		return nil, nil, err
	}
	// The PDF, the annex, the events file and each chart are independent:
	// they are made concurrently, each into its own slot, and gathered in
	// a fixed order, so that the files and warnings are the same whatever
	// the number of CPUs.
	names := charts.Names()
	type output struct {
		files    []File
		warnings report.Diagnostics
		err      error
	}
	outs := make([]output, 3+len(names))
	var wg sync.WaitGroup
	// A panic in one of them becomes its error, as in Letter itself: a
	// goroutine's panic would not reach Letter's recover.
	protect := func(slot *output, f func()) {
		defer func() {
			if p := recover(); p != nil {
				*slot = output{err: InternalError(p, PanicSite())}
			}
		}()
		f()
	}
	guard := func(slot *output, f func()) { wg.Go(func() { protect(slot, f) }) }
	// Each chart is laid out once, by whichever of the PDF and the chart
	// workers asks first.
	set := charts.NewSet(sel, charts.Theme{Catalog: cat, Brand: ds.Brand, Fonts: env.Fonts, Rasters: env.Rasters})
	guard(&outs[0], func() {
		var letter bytes.Buffer
		// What pdf.Write warns about (a character the fonts lack) Check
		// refuses before a build; a caller who did not run it gets a
		// letter with a blank there, and the warning.
		w, err := pdf.Write(ctx, &letter, sel, pdf.Options{Catalog: cat, Fonts: env.Fonts, Generator: env.Generator, Date: env.Date, Charts: set})
		outs[0] = output{[]File{{Path: PDFPath(l), Data: letter.Bytes()}}, w, err}
	})
	guard(&outs[1], func() {
		var annex bytes.Buffer
		w, err := xlsx.Write(ctx, &annex, sel, xlsx.Options{Catalog: cat, Brand: ds.Brand, Generator: env.Generator, Date: env.Date})
		outs[1] = output{[]File{{Path: AnnexPath(l), Data: annex.Bytes()}}, w, err}
	})
	guard(&outs[2], func() {
		var events bytes.Buffer
		events.Grow(eventsSizeHint(sel))
		if err := acled.WriteCSVSeq(&events, sel.EachACLEDRow()); err != nil {
			outs[2].err = fmt.Errorf("writing %s: %w", EventsPath(l), err)
			return
		}
		outs[2].files = []File{{Path: EventsPath(l), Data: events.Bytes()}}
	})
	// ChartWorkers draw the charts: each PNG is a raster of about 10 MB
	// while it is drawn, and the PDF and the annex share the CPUs.
	next := make(chan int, len(names))
	for i := range names {
		next <- i
	}
	close(next)
	for range min(ChartWorkers, len(names)) {
		wg.Go(func() {
			for i := range next {
				protect(&outs[3+i], func() {
					outs[3+i].files, outs[3+i].err = chartFiles(ctx, names[i], set)
				})
			}
		})
	}
	wg.Wait()
	for _, o := range outs {
		warnings = append(warnings, o.warnings...)
		if o.err != nil {
			return nil, warnings, o.err
		}
		files = append(files, o.files...)
	}
	manifest, err := manifestFile(plan, files)
	if err != nil {
		return nil, warnings, err
	}
	return append(files, manifest), warnings, nil
}

// chartFiles draws a chart as PNG and as SVG.
func chartFiles(ctx context.Context, name string, set *charts.Set) ([]File, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	ch, err := set.Chart(name)
	if err != nil {
		return nil, err
	}
	var png, svg bytes.Buffer
	if err := ch.WritePNG(&png, charts.PNGDPI); err != nil {
		return nil, err
	}
	if err := ch.WriteSVG(&svg); err != nil {
		return nil, err
	}
	return []File{{Path: chartPath(name, ".png"), Data: png.Bytes()}, {Path: chartPath(name, ".svg"), Data: svg.Bytes()}}, nil
}

// Write puts a letter's files into dir, each through a temporary file in
// its own folder and a rename, which replaces the old file at once. The
// manifest comes last, so that a build interrupted midway leaves a manifest
// that no longer matches the files, and the next build redoes the letter.
// A build that may run beside another of the same letter holds the
// folder's lock (LockDir) around it.
//
// The temporary files are written and synced at once, so that the disk
// syncs of a letter's dozen files overlap rather than queue, then renamed
// in order.
func Write(dir string, files []File) error {
	paths := make([]string, len(files))
	temps := make([]string, len(files))
	errs := make([]error, len(files))
	var wg sync.WaitGroup
	for i, f := range files {
		paths[i] = filepath.Join(dir, filepath.FromSlash(f.Path))
		wg.Go(func() { temps[i], errs[i] = stageFile(paths[i], f.Data) })
	}
	wg.Wait()
	if err := errors.Join(errs...); err != nil {
		for _, tmp := range temps {
			if tmp != "" {
				os.Remove(tmp)
			}
		}
		return err
	}
	for i, tmp := range temps {
		if err := os.Rename(tmp, paths[i]); err != nil {
			for _, left := range temps[i:] {
				os.Remove(left)
			}
			return err
		}
	}
	return nil
}

// WriteFile replaces the file at path with data atomically: through a
// temporary file in the same folder, synced, then renamed over it, so that
// no reader ever sees half a file.
func WriteFile(path string, data []byte) error {
	tmp, err := stageFile(path, data)
	if err != nil {
		return err
	}
	if err := os.Rename(tmp, path); err != nil {
		os.Remove(tmp)
		return err
	}
	return nil
}

// stageFile writes data to a synced temporary file beside path, to be
// renamed over it, and returns its name.
func stageFile(path string, data []byte) (name string, err error) {
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		return "", err
	}
	tmp, err := os.CreateTemp(filepath.Dir(path), "."+filepath.Base(path)+".*.tmp")
	if err != nil {
		return "", err
	}
	defer func() {
		if err != nil {
			os.Remove(tmp.Name())
		}
	}()
	if _, err := tmp.Write(data); err != nil {
		tmp.Close()
		return "", fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Sync(); err != nil {
		tmp.Close()
		return "", fmt.Errorf("writing %s: %w", path, err)
	}
	if err := tmp.Close(); err != nil {
		return "", fmt.Errorf("writing %s: %w", path, err)
	}
	if err := os.Chmod(tmp.Name(), 0o644); err != nil {
		return "", err
	}
	return tmp.Name(), nil
}

// InternalError is the error a recovered panic becomes: a bug in briefing
// or a library, not in the user's data. It names where the panic happened
// (site, from PanicSite), so that a report of it can be acted on without
// a stack trace, which the user never sees.
func InternalError(p any, site string) error {
	if site != "" {
		site = " at " + site
	}
	return fmt.Errorf("internal error: %v%s; this is a bug in briefing, not in your data: please report it, with the command and the data that trigger it", p, site)
}

// PanicSite returns the function, file and line a panic was raised in.
// Call it from the deferred function that recovers, while the panicking
// frames are still on the stack.
func PanicSite() string {
	pcs := make([]uintptr, 64)
	frames := runtime.CallersFrames(pcs[:runtime.Callers(1, pcs)])
	panicking := false
	for {
		f, more := frames.Next()
		switch {
		case f.Function == "runtime.gopanic":
			panicking = true
		case panicking && !strings.HasPrefix(f.Function, "runtime."):
			return fmt.Sprintf("%s (%s:%d)", f.Function, filepath.Base(f.File), f.Line)
		}
		if !more {
			return ""
		}
	}
}

// eventsSizeHint guesses the size of the letter's events file from a
// thousand of its rows, so that the buffer of a 100,000-event file (45 MB) is
// allocated about once rather than doubled into a third more.
func eventsSizeHint(sel report.Selection) int {
	const sample = 1000
	n := len(sel.Events)
	if n <= sample {
		return 0
	}
	// Rows spread over the period, not its first days: a month of
	// terse reports would size the whole year's file short. The header
	// is counted with every row's share, a little over.
	var rows bytes.Buffer
	spread := func(yield func(acled.Row) bool) {
		for i := range sample {
			if !yield(sel.Dataset.ACLEDRow(&sel.Events[i*n/sample])) {
				return
			}
		}
	}
	if acled.WriteCSVSeq(&rows, spread) != nil {
		return 0
	}
	return int(int64(rows.Len()) * int64(n) / sample * 21 / 20)
}
