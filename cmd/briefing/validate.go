package main

import (
	"context"
	"fmt"
	"io"
	"time"

	"briefing/internal/build"
	"briefing/report"
)

func runValidate(_ context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("validate", "[--data DIR]",
		"Validate checks every file of the dataset and reports every problem at once,\n"+
			"one per line as PATH:LINE:COL: message: what the loader finds, and what only\n"+
			"the renderers can see (a character the fonts cannot draw, a text too long for\n"+
			"a field of the PDF or the annex, a logo the PDF cannot embed). Warnings do not\n"+
			"fail. It writes nothing.", stderr)
	dataDir := fs.String("data", "data", "read the dataset from `DIR`")
	rest, code, ok := parse(fs, args, stdout)
	if !ok {
		return code
	}
	if len(rest) > 0 {
		fmt.Fprintf(stderr, "briefing validate: unexpected argument %q; validate checks the whole data folder\n", rest[0])
		return exitUsage
	}
	env, err := build.NewEnv("briefing "+version, time.Time{})
	if err != nil {
		fmt.Fprintf(stderr, "briefing validate: %v\n", err)
		return exitInternal
	}
	ds, diags, ok := loadChecked(*dataDir, env, stderr)
	if !ok {
		return exitInvalid
	}
	fmt.Fprintf(stdout, "%s: valid: %s%s\n", *dataDir, summary(ds), warningCount(diags))
	return exitOK
}

// loadChecked loads the data folder and, when it loads, runs the checks
// only the renderers can make (build.Check): validate and build refuse
// exactly the same data, and a build never fails half-way on data. It
// prints every diagnostic of both to stderr, sorted together, and reports
// whether the dataset can be built.
func loadChecked(dir string, env *build.Env, stderr io.Writer) (*report.Dataset, report.Diagnostics, bool) {
	ds, diags := report.Load(dir)
	if !diags.HasErrors() {
		diags = append(diags, build.Check(ds, env)...)
	}
	return ds, diags, printDiagnostics(diags.Sort(), dir, stderr)
}

// load loads and validates the data folder, prints every diagnostic to
// stderr, and reports whether the dataset is usable. It does not run the
// renderers' checks: for commands that render nothing (new).
func load(dir string, stderr io.Writer) (*report.Dataset, report.Diagnostics, bool) {
	ds, diags := report.Load(dir)
	return ds, diags, printDiagnostics(diags, dir, stderr)
}

// printDiagnostics prints diagnostics and, when some are errors, how
// many; it reports whether none was an error.
func printDiagnostics(diags report.Diagnostics, dir string, stderr io.Writer) bool {
	for _, d := range diags {
		fmt.Fprintln(stderr, d)
	}
	if !diags.HasErrors() {
		return true
	}
	errs := 0
	for _, d := range diags {
		if d.Severity == report.Error {
			errs++
		}
	}
	fmt.Fprintf(stderr, "briefing: %s in %s; fix them and run again\n", plural(errs, "error"), dir)
	return false
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
