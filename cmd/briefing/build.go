package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"sync"
	"time"

	"briefing/internal/build"
	"briefing/report"
)

func runBuild(ctx context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("build", "[--data DIR] [--out DIR] [--check] [--force] [LETTER...]",
		"Build renders each letter (by default every file of DIR/letters) into OUT/ID/:\n"+
			"the letter ID.pdf, the charts as PNG and SVG under charts/, and manifest.json,\n"+
			"the SHA-256 of every input and output. A letter whose inputs have not changed\n"+
			"since its manifest was written, and whose files are intact, is left alone.\n"+
			"Invalid data stops the build before anything is written.\n\n"+
			"SOURCE_DATE_EPOCH, when set, is the date written into the files' metadata;\n"+
			"otherwise each letter's issued date is.", stderr)
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
	ds, _, ok := load(*dataDir, stderr)
	if !ok {
		fmt.Fprintln(stderr, "briefing build: nothing was written")
		return exitInvalid
	}
	selected, ok := selectLetters(ds, letters, stderr)
	if !ok {
		return exitUsage
	}
	env, err := build.NewEnv("briefing "+version, date)
	if err != nil {
		fmt.Fprintf(stderr, "briefing build: %v\n", err)
		return exitInternal
	}

	// Letters are independent: build them concurrently, at most one per
	// CPU, and report them in the order asked.
	results := make([]letterResult, len(selected))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, l := range selected {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			results[i] = buildLetter(ctx, ds, l, env, filepath.Join(*outDir, l.ID), *check, *force)
		})
	}
	wg.Wait()
	code = exitOK
	for _, r := range results {
		for _, w := range r.warnings {
			fmt.Fprintln(stderr, w)
		}
		switch {
		case r.err != nil:
			fmt.Fprintf(stderr, "%s: failed: %v\n", r.id, r.err)
			code = exitFailed
		case len(r.stale) > 0:
			fmt.Fprintf(stderr, "%s: out of date:\n", r.id)
			for _, s := range r.stale {
				fmt.Fprintf(stderr, "  %s\n", s)
			}
			if code == exitOK {
				code = exitStale
			}
		default:
			fmt.Fprintln(stdout, r.line)
		}
	}
	if code == exitStale {
		fmt.Fprintf(stderr, "briefing build --check: outputs differ from what the data builds; run briefing build\n")
	}
	return code
}

// letterResult is what became of one letter.
type letterResult struct {
	id       string
	line     string   // the summary printed on success
	stale    []string // --check: the files that differ
	warnings report.Diagnostics
	err      error
}

func buildLetter(ctx context.Context, ds *report.Dataset, l *report.Letter, env *build.Env, dir string, check, force bool) letterResult {
	r := letterResult{id: l.ID}
	start := time.Now()
	plan, err := build.Plan(ds, l, env)
	if err != nil {
		r.err = err
		return r
	}
	if !check && !force && build.UpToDate(dir, plan) {
		r.line = l.ID + ": up to date"
		return r
	}
	files, warnings, err := build.Letter(ctx, ds, l, env)
	r.warnings = warnings
	if err != nil {
		r.err = err
		return r
	}
	if check {
		r.stale, r.err = build.Stale(dir, files)
		r.line = l.ID + ": up to date"
		return r
	}
	if r.err = build.Write(dir, files); r.err != nil {
		return r
	}
	r.line = fmt.Sprintf("%s: built in %.2fs: %s", l.ID, time.Since(start).Seconds(), sizes(files))
	return r
}

// sourceDateEpoch reads SOURCE_DATE_EPOCH, the reproducible-builds
// convention: seconds since 1970 UTC. Unset gives the zero time.
func sourceDateEpoch() (time.Time, error) {
	s, ok := os.LookupEnv("SOURCE_DATE_EPOCH")
	if !ok || s == "" {
		return time.Time{}, nil
	}
	secs, err := strconv.ParseInt(s, 10, 64)
	if err != nil || secs < 0 {
		return time.Time{}, fmt.Errorf("SOURCE_DATE_EPOCH=%q is not a number of seconds since 1970-01-01 UTC", s)
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
