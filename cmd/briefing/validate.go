package main

import (
	"context"
	"fmt"
	"io"

	"briefing/report"
)

func runValidate(_ context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("validate", "[--data DIR]",
		"Validate checks every file of the dataset and reports every problem at once,\n"+
			"one per line as PATH:LINE:COL: message. Warnings do not fail. It writes nothing.", stderr)
	dataDir := fs.String("data", "data", "read the dataset from `DIR`")
	rest, code, ok := parse(fs, args, stdout)
	if !ok {
		return code
	}
	if len(rest) > 0 {
		fmt.Fprintf(stderr, "briefing validate: unexpected argument %q; validate checks the whole data folder\n", rest[0])
		return exitUsage
	}
	ds, diags, ok := load(*dataDir, stderr)
	if !ok {
		return exitInvalid
	}
	fmt.Fprintf(stdout, "%s: valid: %s%s\n", *dataDir, summary(ds), warningCount(diags))
	return exitOK
}

// load loads and validates the data folder, prints every diagnostic to
// stderr, and reports whether the dataset is usable.
func load(dir string, stderr io.Writer) (*report.Dataset, report.Diagnostics, bool) {
	ds, diags := report.Load(dir)
	for _, d := range diags {
		fmt.Fprintln(stderr, d)
	}
	if diags.HasErrors() {
		errs := 0
		for _, d := range diags {
			if d.Severity == report.Error {
				errs++
			}
		}
		fmt.Fprintf(stderr, "briefing: %s in %s; fix them and run again\n", plural(errs, "error"), dir)
		return nil, diags, false
	}
	return ds, diags, true
}

func summary(ds *report.Dataset) string {
	return fmt.Sprintf("%s, %s, %s, %s, %s",
		plural(len(ds.Events), "event"), plural(len(ds.Sources), "source"),
		plural(len(ds.Places), "place"), plural(len(ds.Corridors), "corridor"),
		plural(len(ds.Letters), "letter"))
}

func warningCount(diags report.Diagnostics) string {
	if len(diags) == 0 {
		return ""
	}
	return fmt.Sprintf(" (%s)", plural(len(diags), "warning"))
}

func plural(n int, noun string) string {
	if n == 1 {
		return fmt.Sprintf("1 %s", noun)
	}
	return fmt.Sprintf("%d %ss", n, noun)
}
