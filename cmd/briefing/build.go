package main

import (
	"context"
	"fmt"
	"io"
)

func runBuild(_ context.Context, args []string, stdout, stderr io.Writer) int {
	fmt.Fprintln(stderr, "briefing build: not available yet; the letter and annex renderers come with the next release. Use \"briefing validate\" to check the data.")
	return exitUsage
}
