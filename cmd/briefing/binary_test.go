package main

import (
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"sync"
	"testing"
)

// The tests that need briefing as a process (to kill it, to run several at
// once, to give each its own environment and working folder, to stop one
// that hangs) share one binary, built on first use into a folder TestMain
// removes.
var (
	binaryOnce sync.Once
	binaryDir  string
	binaryPath string
	binaryErr  error
)

func TestMain(m *testing.M) {
	code := m.Run()
	if binaryDir != "" {
		os.RemoveAll(binaryDir)
	}
	os.Exit(code)
}

// briefingBinary returns the path of the briefing command built from this
// package's source.
func briefingBinary(t *testing.T) string {
	t.Helper()
	binaryOnce.Do(func() {
		binaryDir, binaryErr = os.MkdirTemp("", "briefing-test-")
		if binaryErr != nil {
			return
		}
		binaryPath = filepath.Join(binaryDir, "briefing")
		if runtime.GOOS == "windows" {
			binaryPath += ".exe"
		}
		if out, err := exec.Command("go", "build", "-o", binaryPath, ".").CombinedOutput(); err != nil {
			binaryErr = &buildError{err: err, out: string(out)}
		}
	})
	if binaryErr != nil {
		t.Fatalf("building briefing: %v", binaryErr)
	}
	return binaryPath
}

type buildError struct {
	err error
	out string
}

func (e *buildError) Error() string { return e.err.Error() + "\n" + e.out }
