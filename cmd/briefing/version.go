package main

import (
	"context"
	"fmt"
	"io"
	"runtime"
	"runtime/debug"
)

// version is briefing's release. It is written into every PDF and workbook
// and into the manifest, so it changes only with a release: a commit that
// changes nothing in the output must not change the output's bytes.
const version = "0.2.0"

func runVersion(_ context.Context, args []string, stdout, stderr io.Writer) int {
	fs := newFlags("version", "", "Version prints the version of briefing and of the Go toolchain that built it.", stderr)
	if _, code, ok := parse(fs, args, stdout); !ok {
		return code
	}
	line := fmt.Sprintf("briefing %s (%s, %s/%s", version, runtime.Version(), runtime.GOOS, runtime.GOARCH)
	if info, ok := debug.ReadBuildInfo(); ok {
		for _, s := range info.Settings {
			if s.Key == "vcs.revision" && len(s.Value) >= 12 {
				line += ", commit " + s.Value[:12]
			}
		}
	}
	fmt.Fprintln(stdout, line+")")
	return exitOK
}
