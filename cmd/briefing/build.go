package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"runtime/debug"
	"runtime/metrics"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"briefing/charts"
	"briefing/internal/build"
	"briefing/report"
)

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("build", "[--data DIR] [--out DIR] [--check] [--force] [LETTER...]",
		"Build renders each letter (by default every file of DIR/letters) into OUT/ID/:\n"+
			"the letter ID.pdf, the annex ID-annex.xlsx, its events in ACLED's layout\n"+
			"ID-events.csv, the charts as PNG and SVG under charts/, and manifest.json,\n"+
			"the SHA-256 of every input and output. A letter whose inputs have not changed\n"+
			"since its manifest was written, and whose files are intact, is left alone.\n"+
			"Invalid data stops the build before anything is written.\n\n"+
			"Two builds of one letter wait for each other; a build killed while writing\n"+
			"leaves no truncated file, and the next build removes its temporary files.\n\n"+
			"SOURCE_DATE_EPOCH, when set, is the date written into the files' metadata\n"+
			"(seconds since 1970, from 1980-01-01 to 2100-12-31); otherwise each letter's\n"+
			"issued date is.\n\n"+
			"Exit status: 0 built or up to date, 1 invalid data (nothing written), 2 wrong\n"+
			"usage, 3 --check found outputs out of date, 4 a letter could not be built.", stderr)
	dataDir := fs.String("data", "data", "read the dataset from `DIR`")
	outDir := fs.String("out", "out", "write the letters under `DIR`")
	check := fs.Bool("check", false, "build in memory and compare with OUT; write nothing; exit 3 if a file is stale or missing")
	force := fs.Bool("force", false, "rebuild letters even when their manifest says they are up to date (after changing briefing itself)")
	letters, code, ok := parse(fs, args, stdout)
	if !ok {
		return code
	}
	date, err := sourceDateEpoch()
	if err != nil {
		fmt.Fprintf(stderr, "briefing build: %v\n", err)
		return exitUsage
	}
	env, err := build.NewEnv("briefing "+version, date)
	if err != nil {
		fmt.Fprintf(stderr, "briefing build: %v\n", err)
		return exitInternal
	}
	ds, _, ok := loadChecked(*dataDir, env, stderr)
	if !ok {
		fmt.Fprintln(stderr, "briefing build: nothing was written")
		return exitInvalid
	}
	if len(ds.Letters) == 0 {
		fmt.Fprintf(stderr, "briefing build: no letter to build: %s holds no letter file (ID.yaml); start one with briefing new (see the README, \"The monthly routine\")\n", filepath.Join(*dataDir, "letters"))
		return exitUsage
	}
	selected, ok := selectLetters(ds, letters, stderr)
	if !ok {
		return exitUsage
	}
	// Letters are independent: build them concurrently, one per CPU and
	// one more, whose work fills the moments a letter leaves a CPU idle
	// (waiting on its lock, hashing its manifest, syncing its files), and
	// report them in the order asked. Only the notice that a letter waits
	// for another build is printed at once, from any of them: stderr is
	// shared.
	inFlight := runtime.GOMAXPROCS(0) + 1
	if len(selected) > 1 {
		// Rasters lent from letter to letter: the memory limit allows
		// 96 MiB for each letter beyond the first, which holds its two.
		env.Rasters = charts.NewRasterPool(build.ChartWorkers * min(len(selected), inFlight))
	}
	limitMemory(min(len(selected), inFlight))
	errw := &syncWriter{w: stderr}
	results := make([]letterResult, len(selected))
	sem := make(chan struct{}, inFlight)
	var wg sync.WaitGroup
	for i, l := range selected {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			results[i] = buildLetter(ctx, ds, l, env, filepath.Join(*outDir, l.ID), *check, *force, errw)
		})
	}
	wg.Wait()
	code = exitOK
	for _, r := range results {
		for _, w := range r.warnings {
			fmt.Fprintln(errw, w)
		}
		switch {
		case errors.Is(r.err, context.Canceled):
			// Write does not stop half-way: an interrupt reaches a letter
			// before its files or not at all.
			fmt.Fprintf(errw, "%s: interrupted before anything was written\n", r.id)
			code = exitFailed
		case r.err != nil:
			fmt.Fprintf(errw, "%s: failed: %v\n", r.id, r.err)
			code = exitFailed
		case len(r.stale) > 0:
			fmt.Fprintf(errw, "%s: out of date:\n", r.id)
			for _, s := range r.stale {
				fmt.Fprintf(errw, "  %s\n", s)
			}
			if code == exitOK {
				code = exitStale
			}
		default:
			fmt.Fprintln(stdout, r.line)
		}
	}
	if code == exitStale {
		fmt.Fprintf(errw, "briefing build --check: outputs differ from what the data builds; run briefing build\n")
	}
	return code
}

// limitMemory sets a soft memory limit for a build of letters at most
// concurrent at a time, unless GOMEMLIMIT does: three and a half times
// the heap the loaded dataset keeps, 32 MiB for one letter and 96 MiB more for each
// other letter built at the same time (measured: letters in flight keep
// about 30 MiB each alive, and the collector needs as much again of
// room not to run without pause). A letter
// allocates many times what it keeps (fpdf's fonts and writers, the
// charts' rasters), and with Go's default pacing the heap grows to twice
// its peak between collections; the limit makes the collector run sooner
// instead, which costs little CPU because little is alive, and it grows
// with the data and the letters built at once, so that a large build is
// not starved (below what a build keeps alive, the collector would run
// without end).
func limitMemory(concurrent int) {
	if os.Getenv("GOMEMLIMIT") != "" {
		return
	}
	runtime.GC()
	s := []metrics.Sample{{Name: "/gc/heap/live:bytes"}}
	metrics.Read(s)
	live := int64(s[0].Value.Uint64())
	// Measured at 100,000 events (92 MB kept): 4× peaked at 400–430 MB,
	// 3.5× at 330–350 MB in the same time; 3× made the collector run
	// often enough to cost a tenth more time.
	debug.SetMemoryLimit(32<<20 + int64(concurrent-1)*96<<20 + 7*live/2)
}

// letterResult is what became of one letter.
type letterResult struct {
	id       string
	line     string   // the summary printed on success
	stale    []string // --check: the files that differ
	warnings report.Diagnostics
	err      error
}

// buildLetter builds one letter into dir, or with check compares it with
// dir. It holds the folder's lock from before it decides whether the
// letter is up to date until its manifest is written, so that two builds
// of one letter run one after the other and the second finds the first's
// outputs. A panic becomes the letter's error: the other letters are still
// built, and the user sees one line, not a stack trace.
func buildLetter(ctx context.Context, ds *report.Dataset, l *report.Letter, env *build.Env, dir string, check, force bool, stderr io.Writer) (r letterResult) {
	r.id = l.ID
	defer func() {
		if p := recover(); p != nil {
			r.err = build.InternalError(p, build.PanicSite())
		}
	}()
	start := time.Now()
	if check {
		// --check writes nothing, so it needs no lock: it compares what
		// is on disk now.
		files, warnings, err := build.Letter(ctx, ds, l, env)
		r.warnings = warnings
		if err != nil {
			r.err = err
			return r
		}
		r.stale, r.err = build.Stale(dir, files)
		r.line = l.ID + ": up to date"
		return r
	}
	plan, err := build.Plan(ds, l, env)
	if err != nil {
		r.err = err
		return r
	}
	lock, err := build.LockDir(ctx, dir, func() {
		fmt.Fprintf(stderr, "%s: waiting for another build…\n", l.ID)
	})
	if err != nil {
		r.err = fmt.Errorf("cannot take the lock of %s: %w; --out must name a folder briefing can write to", dir, err)
		return r
	}
	defer func() {
		if err := lock.Unlock(); err != nil && r.err == nil {
			r.err = err
		}
	}()
	// Under the lock no other build writes here: the temporary files
	// left are those of a build that was killed.
	if err := build.RemoveTemporary(dir, l); err != nil {
		r.err = fmt.Errorf("removing the temporary files of an interrupted build: %w", err)
		return r
	}
	if !force && build.UpToDate(dir, plan) {
		r.line = l.ID + ": up to date"
		return r
	}
	files, warnings, err := build.Letter(ctx, ds, l, env)
	r.warnings = warnings
	if err != nil {
		r.err = err
		return r
	}
	if r.err = build.Write(dir, files); r.err != nil {
		return r
	}
	r.line = fmt.Sprintf("%s: built in %.2fs: %s", l.ID, time.Since(start).Seconds(), sizes(files))
	return r
}

// syncWriter serialises the writes of concurrent letters to one writer.
type syncWriter struct {
	mu sync.Mutex
	w  io.Writer
}

func (s *syncWriter) Write(p []byte) (int, error) {
	s.mu.Lock()
	defer s.mu.Unlock()
	return s.w.Write(p)
}

// The dates SOURCE_DATE_EPOCH may give. The annex is a ZIP file, whose
// entries' times (DOS dates) start in 1980; and a date a century away is
// a typo, not a release.
var (
	minSourceDate = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	maxSourceDate = time.Date(2100, 12, 31, 23, 59, 59, 0, time.UTC)
)

// sourceDateEpoch reads SOURCE_DATE_EPOCH, the reproducible-builds
// convention: seconds since 1970 UTC. Unset or empty gives the zero time
// (each letter's issued date is used).
func sourceDateEpoch() (time.Time, error) {
	s, ok := os.LookupEnv("SOURCE_DATE_EPOCH")
	if !ok || s == "" {
		return time.Time{}, nil
	}
	secs, err := strconv.ParseInt(s, 10, 64)
	if err != nil || secs < minSourceDate.Unix() || secs > maxSourceDate.Unix() {
		what := "is not a whole number of seconds since 1970-01-01 UTC"
		if err == nil {
			what = "is out of range"
		}
		return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q %s: give the seconds of a date from %s to %s (%d to %d), or unset it to date each letter by its issued date",
			s, what, minSourceDate.Format(time.DateOnly), maxSourceDate.Format(time.DateOnly), minSourceDate.Unix(), maxSourceDate.Unix())
	}
	return time.Unix(secs, 0).UTC(), nil
}

// selectLetters returns the letters named on the command line, or every
// letter when none is named.
func selectLetters(ds *report.Dataset, ids []string, stderr io.Writer) ([]*report.Letter, bool) {
	if len(ids) == 0 {
		all := make([]*report.Letter, len(ds.Letters))
		for i := range ds.Letters {
			all[i] = &ds.Letters[i]
		}
		return all, true
	}
	var out []*report.Letter
	for _, id := range ids {
		id = strings.TrimSuffix(filepath.Base(id), ".yaml")
		l, ok := ds.Letter(id)
		if !ok {
			var known []string
			for _, l := range ds.Letters {
				known = append(known, l.ID)
			}
			fmt.Fprintf(stderr, "briefing build: no letter %q in %s/letters; the letters are: %s\n", id, ds.Dir, strings.Join(known, ", "))
			return nil, false
		}
		if !slices.Contains(out, l) {
			out = append(out, l)
		}
	}
	return out, true
}

// sizes summarises the files a letter produced: the letter, the annex,
// and all of them.
func sizes(files []build.File) string {
	total := 0
	var parts []string
	for _, f := range files {
		total += len(f.Data)
		switch {
		case strings.HasSuffix(f.Path, "-annex.xlsx"):
			parts = append(parts, "annex "+kilobytes(len(f.Data)))
		case strings.HasSuffix(f.Path, ".pdf"):
			parts = append(parts, "PDF "+kilobytes(len(f.Data)))
		}
	}
	parts = append(parts, fmt.Sprintf("%s, %s in all", plural(len(files), "file"), kilobytes(total)))
	return strings.Join(parts, ", ")
}

func kilobytes(n int) string {
	return fmt.Sprintf("%.0f kB", float64(n)/1000)
}
