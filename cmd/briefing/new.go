package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"

	"briefing/report"
)

func runNew(_ context.Context, args []string, stdout, stderr io.Writer) int {
	flags := newFlags("new", "[--data DIR] --period YYYY-MM [--from LETTER] ID",
		"New scaffolds the letter ID (DIR/letters/ID.yaml) from the last one: the same\n"+
			"series, language, scope, authors, section titles and figures; the period ending\n"+
			"with the month given (as many months as the letter it follows covers), issued on\n"+
			"its last day; and placeholders where the text must be written, which validate\n"+
			"reports as warnings until they are.", stderr)
	dataDir := flags.String("data", "data", "read the dataset from `DIR`")
	month := flags.String("period", "", "the `YYYY-MM` month the new letter ends with (required)")
	from := flags.String("from", "", "the `LETTER` to follow (default: the one issued last)")
	rest, code, ok := parse(flags, args, stdout)
	if !ok {
		return code
	}
	if len(rest) != 1 || *month == "" {
		fmt.Fprintln(stderr, "briefing new: give --period YYYY-MM and one letter ID, e.g. briefing new --period 2025-10 2025-10-kayes")
		return exitUsage
	}
	id := rest[0]
	path := filepath.Join(*dataDir, "letters", id+".yaml")
	if _, err := os.Stat(path); err == nil {
		fmt.Fprintf(stderr, "briefing new: %s already exists; choose another ID or edit it\n", path)
		return exitUsage
	}
	ds, _, ok := load(*dataDir, stderr)
	if !ok {
		return exitInvalid
	}
	prev, ok := previousLetter(ds, *from, stderr)
	if !ok {
		return exitUsage
	}
	period, err := report.MonthPeriod(*month, prev)
	if err != nil {
		fmt.Fprintf(stderr, "briefing new: %v\n", err)
		return exitUsage
	}
	if err := writeNew(path, report.Scaffold(prev, period)); err != nil {
		fmt.Fprintf(stderr, "briefing new: %v\n", err)
		if errors.Is(err, fs.ErrExist) {
			return exitUsage
		}
		return exitFailed
	}
	// The scaffold must load: its only problems are the placeholders.
	_, diags := report.Load(*dataDir)
	for _, d := range diags {
		if d.Pos.File == path {
			fmt.Fprintln(stderr, d)
		}
	}
	if diags.HasErrors() {
		os.Remove(path)
		fmt.Fprintf(stderr, "briefing new: the scaffold does not validate, so it was not kept; please report this\n")
		return exitFailed
	}
	fmt.Fprintf(stdout, "%s: written, following %s, for %s; write the placeholders, then run briefing validate\n", path, prev.ID, period)
	return exitOK
}

// previousLetter returns the letter named by --from, or the letter issued
// last.
func previousLetter(ds *report.Dataset, from string, stderr io.Writer) (*report.Letter, bool) {
	if from != "" {
		l, ok := ds.Letter(from)
		if !ok {
			fmt.Fprintf(stderr, "briefing new: no letter %q to follow in %s/letters\n", from, ds.Dir)
		}
		return l, ok
	}
	if len(ds.Letters) == 0 {
		fmt.Fprintf(stderr, "briefing new: %s/letters has no letter to follow; write the first one by hand (see the README)\n", ds.Dir)
		return nil, false
	}
	last := &ds.Letters[0]
	for i := range ds.Letters {
		if l := &ds.Letters[i]; l.Issued.After(last.Issued) {
			last = l
		}
	}
	return last, true
}

// writeNew creates path with data, and refuses to replace a letter.
func writeNew(path string, data []byte) error {
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		if errors.Is(err, fs.ErrExist) {
			return fmt.Errorf("%s already exists; choose another ID or edit it: %w", path, fs.ErrExist)
		}
		return err
	}
	if _, err := f.Write(data); err != nil {
		f.Close()
		os.Remove(path)
		return err
	}
	return f.Close()
}
