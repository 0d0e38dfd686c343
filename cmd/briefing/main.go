// Command briefing turns a dataset of security incidents into the monthly
// "Letter from the Observatory": a branded PDF letter and its Excel annex.
//
// Usage:
//
//	briefing build    [--data DIR] [--out DIR] [--check] [--force] [LETTER...]
//	briefing validate [--data DIR]
//	briefing new      [--data DIR] --period YYYY-MM [--from LETTER] ID
//	briefing import acled [--data DIR] [--rules FILE] [-o FILE] EXPORT
//	briefing version
//
// Exit status: 0 success, 1 invalid data (nothing written), 2 wrong usage,
// 3 outputs out of date (build --check), 4 a letter could not be built or
// written (the others still are). Run "briefing COMMAND --help" for each
// command.
package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"os"
	"os/signal"
	"strings"

	"briefing/internal/build"
)

// Exit statuses, the contract scripts and CI rely on.
const (
	exitOK       = 0
	exitInvalid  = 1          // the data is invalid; nothing was written
	exitUsage    = 2          // wrong usage
	exitStale    = 3          // build --check found outputs that differ
	exitFailed   = 4          // a letter could not be built or written (disk full, a bug)
	exitInternal = exitFailed // a bug in briefing itself
)

func main() {
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	code := run(ctx, os.Args[1:], os.Stdout, os.Stderr)
	stop()
	os.Exit(code)
}

type command struct {
	name    string
	summary string
	run     func(ctx context.Context, args []string, stdout, stderr io.Writer) int
}

func commands() []command {
	return []command{
		{"build", "build the PDF letter, the Excel annex, the events file and the charts of each letter", runBuild},
		{"validate", "check the dataset and report every problem; write nothing", runValidate},
		{"new", "scaffold next month's letter from the last one", runNew},
		{"import", "convert an ACLED export (CSV or API JSON) into an events file", runImport},
		{"version", "print the version of briefing", runVersion},
	}
}

// run executes one command line and returns the exit status. A panic is a
// bug in briefing: the user gets one line and a request to report it, never
// a stack trace.
func run(ctx context.Context, args []string, stdout, stderr io.Writer) (code int) {
	defer func() {
		if r := recover(); r != nil {
			fmt.Fprintf(stderr, "briefing: %v\n", build.InternalError(r, build.PanicSite()))
			code = exitInternal
		}
	}()
	if len(args) == 0 {
		usage(stderr)
		return exitUsage
	}
	switch args[0] {
	case "-h", "-help", "--help", "help":
		usage(stdout)
		return exitOK
	case "-version", "--version":
		return runVersion(ctx, nil, stdout, stderr)
	}
	for _, c := range commands() {
		if c.name == args[0] {
			return c.run(ctx, args[1:], stdout, stderr)
		}
	}
	fmt.Fprintf(stderr, "briefing: unknown command %q\n\n", args[0])
	usage(stderr)
	return exitUsage
}

func usage(w io.Writer) {
	fmt.Fprint(w, "briefing turns a dataset of security incidents into the monthly Letter from the Observatory.\n\nUsage:\n  briefing COMMAND [flags]\n\nCommands:\n")
	for _, c := range commands() {
		fmt.Fprintf(w, "  %-9s %s\n", c.name, c.summary)
	}
	fmt.Fprint(w, "\nRun \"briefing COMMAND --help\" for a command's flags.\nExit status: 0 success, 1 invalid data, 2 wrong usage, 3 outputs out of date (build --check),\n4 a letter could not be built.\n")
}

// newFlags returns a flag set whose usage message starts with the
// command's synopsis and description.
func newFlags(name, synopsis, description string, stderr io.Writer) *flag.FlagSet {
	fs := flag.NewFlagSet(name, flag.ContinueOnError)
	fs.SetOutput(stderr)
	fs.Usage = func() {
		out := fs.Output()
		fmt.Fprintf(out, "Usage: briefing %s %s\n\n%s\n", name, synopsis, description)
		hasFlags := false
		fs.VisitAll(func(*flag.Flag) { hasFlags = true })
		if hasFlags {
			fmt.Fprint(out, "\nFlags:\n")
			fs.PrintDefaults()
		}
	}
	return fs
}

// parse parses flags that may come before, between or after positional
// arguments, as users type them ("build 2025-09-kayes --out /tmp/x").
// It returns the positional arguments, or an exit status when parsing
// ended the command (help asked, or a usage error already reported).
func parse(fs *flag.FlagSet, args []string, stdout io.Writer) ([]string, int, bool) {
	var positional []string
	for {
		if err := fs.Parse(args); err != nil {
			if errors.Is(err, flag.ErrHelp) {
				fs.SetOutput(stdout)
				fs.Usage()
				return nil, exitOK, false
			}
			return nil, exitUsage, false
		}
		args = fs.Args()
		for len(args) > 0 && !strings.HasPrefix(args[0], "-") {
			positional = append(positional, args[0])
			args = args[1:]
		}
		if len(args) == 0 {
			return positional, 0, true
		}
		if args[0] == "--" {
			return append(positional, args[1:]...), 0, true
		}
	}
}
