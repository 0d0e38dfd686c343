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
	fs := newFlags("build", "[--data DIR] [--out DIR] [--check] [LETTER...]",
		"Build renders each letter (by default every file of DIR/letters) into OUT/ID/:\n"+
			"the charts as PNG and SVG under OUT/ID/charts/. Invalid data stops the build\n"+
			"before anything is written.\n\n"+
			"SOURCE_DATE_EPOCH, when set, is the date written into the files' metadata;\n"+
			"otherwise each letter's issued date is.", stderr)
	dataDir := fs.String("data", "data", "read the dataset from `DIR`")
	outDir := fs.String("out", "out", "write the letters under `DIR`")
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
	results := make([]string, len(selected))
	failed := make([]bool, len(selected))
	warned := make([]report.Diagnostics, len(selected))
	sem := make(chan struct{}, runtime.GOMAXPROCS(0))
	var wg sync.WaitGroup
	for i, l := range selected {
		wg.Go(func() {
			sem <- struct{}{}
			defer func() { <-sem }()
			start := time.Now()
			files, warnings, err := build.Letter(ctx, ds, l, env)
			warned[i] = warnings
			if err == nil {
				err = build.Write(filepath.Join(*outDir, l.ID), files)
			}
			if err != nil {
				results[i], failed[i] = fmt.Sprintf("%s: failed: %v", l.ID, err), true
				return
			}
			results[i] = fmt.Sprintf("%s: built in %s: %s", l.ID, time.Since(start).Round(time.Millisecond), sizes(files))
		})
	}
	wg.Wait()
	code = exitOK
	for i, line := range results {
		for _, w := range warned[i] {
			fmt.Fprintln(stderr, w)
		}
		if failed[i] {
			fmt.Fprintln(stderr, line)
			code = exitInternal
		} else {
			fmt.Fprintln(stdout, line)
		}
	}
	return code
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

// sizes summarises the files a letter produced.
func sizes(files []build.File) string {
	total := 0
	for _, f := range files {
		total += len(f.Data)
	}
	return fmt.Sprintf("%s, %s", plural(len(files), "file"), kilobytes(total))
}

func kilobytes(n int) string {
	return fmt.Sprintf("%.0f kB", float64(n)/1000)
}
