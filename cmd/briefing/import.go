package main

import (
	"context"
	"errors"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"strings"

	"briefing/internal/build"
	"briefing/report"
)

const importSynopsis = "acled [--data DIR] [--rules FILE] [-o FILE] EXPORT"

func runImport(_ context.Context, args []string, stdout, stderr io.Writer) int {
	flags := newFlags("import", importSynopsis,
		"Import converts an ACLED export, a CSV file from ACLED's website (or saved by\n"+
			"Excel) or the JSON of an ACLED API call, into an events file: its events, with\n"+
			"the places and sources the data folder does not have yet, as YAML that\n"+
			"validate accepts in DIR/events/. Rows are matched with the data folder's places\n"+
			"by name, admin1 and country; corridors and targets come from the rules file\n"+
			"(DIR/acled-rules.yaml unless --rules says otherwise). Every bad row is\n"+
			"reported as EXPORT:LINE, and then nothing is written.", stderr)
	if len(args) > 0 && !strings.HasPrefix(args[0], "-") && args[0] != "acled" {
		fmt.Fprintf(stderr, "briefing import: unknown format %q; briefing imports ACLED exports: briefing import %s\n", args[0], importSynopsis)
		return exitUsage
	}
	if len(args) > 0 && args[0] == "acled" {
		args = args[1:]
	} else if len(args) > 0 && !isHelp(args[0]) {
		fmt.Fprintf(stderr, "briefing import: name the format first: briefing import %s\n", importSynopsis)
		return exitUsage
	}
	dataDir := flags.String("data", "data", "match places and sources with those of the dataset in `DIR`")
	rulesPath := flags.String("rules", "", "take corridors and targets from the rules `FILE` (default DIR/"+report.RulesFile+")")
	outPath := flags.String("o", "", "write the YAML to `FILE`, replacing it (default: standard output)")
	rest, code, ok := parse(flags, args, stdout)
	if !ok {
		return code
	}
	if len(rest) != 1 {
		fmt.Fprintf(stderr, "briefing import: give one export to import: briefing import %s\n", importSynopsis)
		return exitUsage
	}
	export := rest[0]
	if _, err := os.Stat(export); errors.Is(err, fs.ErrNotExist) {
		fmt.Fprintf(stderr, "briefing import: %s: no such file\n", export)
		return exitUsage
	}
	if *outPath != "" {
		if fi, err := os.Stat(*outPath); err == nil && !fi.Mode().IsRegular() {
			fmt.Fprintf(stderr, "briefing import: -o %s is not a regular file; name the YAML file to write\n", *outPath)
			return exitUsage
		}
		if fi, err := os.Stat(filepath.Dir(*outPath)); err != nil || !fi.IsDir() {
			fmt.Fprintf(stderr, "briefing import: -o %s: the folder %s does not exist\n", *outPath, filepath.Dir(*outPath))
			return exitUsage
		}
	}
	// The data folder as it will be once the output is in place: without
	// the file the output replaces (an earlier import of the same export),
	// nor the export itself if it lies in events/.
	exportInEvents := eventsFile(*dataDir, export)
	skip := []string{exportInEvents}
	if *outPath != "" {
		skip = append(skip, eventsFile(*dataDir, *outPath))
	}
	ds, diags := report.LoadExcept(*dataDir, skip...)
	if diags.HasErrors() {
		printDiagnostics(diags, *dataDir, stderr)
		return exitInvalid
	}
	var rules *report.ACLEDRules
	if *rulesPath != "" {
		var rd report.Diagnostics
		rules, rd = report.LoadACLEDRules(ds, *rulesPath)
		if !printDiagnostics(rd, *rulesPath, stderr) {
			return exitInvalid
		}
	}
	im, diags := report.ImportACLED(ds, export, rules)
	if !printDiagnostics(diags, export, stderr) {
		return exitInvalid
	}
	if len(im.Events) == 0 {
		fmt.Fprintf(stderr, "briefing import: %s holds no event; nothing was written\n", export)
		return exitInvalid
	}
	comment := fmt.Sprintf("Imported from %s by briefing import acled: %s, with the %s and %s\n"+
		"they introduce. Edit them here; to import the export again, replace this file.",
		filepath.Base(export), plural(len(im.Events), "event"), plural(len(im.Places), "new place"), plural(len(im.Sources), "new source"))
	out, err := im.YAML(comment)
	if err != nil {
		fmt.Fprintf(stderr, "briefing import: %v\n", err)
		return exitInternal
	}
	where := "standard output"
	if *outPath == "" {
		if _, err := stdout.Write(out); err != nil {
			fmt.Fprintf(stderr, "briefing import: %v\n", err)
			return exitFailed
		}
	} else {
		// Through a temporary file and a rename, as a build writes, so that
		// an interrupted import never leaves half a file in the data folder
		// (the loader ignores the dot-files a crash may leave).
		if err := build.WriteFile(*outPath, out); err != nil {
			fmt.Fprintf(stderr, "briefing import: %v\n", err)
			return exitFailed
		}
		where = *outPath
	}
	fmt.Fprintf(stderr, "%s: %s, %s, %s, written to %s\n", export,
		plural(len(im.Events), "event"), plural(len(im.Places), "new place"), plural(len(im.Sources), "new source"), where)
	if hint := ds.CoverageHint(im); hint != "" {
		fmt.Fprintf(stderr, "note: %s\n", hint)
	}
	if exportInEvents != "" {
		fmt.Fprintf(stderr, "note: %s lies in %s, where briefing reads it too: remove it when you add the YAML, or its events are defined twice\n",
			export, filepath.Join(*dataDir, "events"))
	}
	return exitOK
}

func isHelp(arg string) bool {
	switch arg {
	case "-h", "-help", "--help":
		return true
	}
	return false
}

// eventsFile returns the path of file relative to the data folder,
// slash-separated, when it lies in its events folder, or "".
func eventsFile(dataDir, file string) string {
	dir, err1 := filepath.Abs(filepath.Join(dataDir, "events"))
	abs, err2 := filepath.Abs(file)
	if err1 != nil || err2 != nil {
		return ""
	}
	// Resolve links on the folders' way, as the loader does, but not the
	// file itself, which may not exist yet.
	if real, err := filepath.EvalSymlinks(dir); err == nil {
		dir = real
	}
	if real, err := filepath.EvalSymlinks(filepath.Dir(abs)); err == nil {
		abs = filepath.Join(real, filepath.Base(abs))
	}
	if filepath.Dir(abs) != dir {
		return ""
	}
	return "events/" + filepath.Base(abs)
}
