package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"briefing/internal/fixture"
)

// TestCorpus runs the cases of testdata/corpus, the problems only the
// whole command shows: its arguments, its environment, the files around
// the data (a named pipe, a logo), the out folder. Each case is a folder:
//
//	case.txt   what the case does, one directive a line (see parseCase)
//	data/      files laid over a copy of the sample data folder (optional)
//	want.txt   the golden record: each command line, its exit status, its
//	           exact stderr and the files under out/ afterwards
//
// Each command runs as a process in a folder holding data/ (and out/), as
// a user runs briefing from a project's root, so that messages name
// "data/…". want.txt is rewritten with -update; the exit status is asserted
// from case.txt regardless, and so is the rule that invalid data and wrong
// usage (exit 1 and 2) write nothing.
func TestCorpus(t *testing.T) {
	t.Parallel()
	dirs, err := filepath.Glob(filepath.Join("testdata", "corpus", "*"))
	if err != nil {
		t.Fatal(err)
	}
	if len(dirs) < 15 {
		t.Fatalf("found %d corpus cases, want at least 15", len(dirs))
	}
	bin := briefingBinary(t)
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	t.Run("cases", func(t *testing.T) {
		for _, dir := range dirs {
			t.Run(filepath.Base(dir), func(t *testing.T) {
				t.Parallel()
				runCase(t, bin, filepath.Join(wd, dir), filepath.Join(wd, "../../data"))
			})
		}
	})
	t.Logf("corpus: %d cases", len(dirs))
}

// corpusCase is a parsed case.txt.
type corpusCase struct {
	env     []string   // NAME=VALUE, added to a clean environment
	setup   [][]string // KIND PATH: special files made after the data is laid out
	timeout time.Duration
	runs    []corpusRun
	needs   string // "fifo": skip where the system has none
}

type corpusRun struct {
	exit int
	args []string
}

// parseCase reads case.txt. Directives:
//
//	# comment                 what the case shows
//	env NAME=VALUE            set in the environment of every run
//	setup KIND PATH           make a special file (see setupFile)
//	timeout DURATION          a run not finished by then fails (default 60s)
//	run EXIT ARG...           run "briefing ARG..." and expect exit status EXIT
func parseCase(path string) (corpusCase, error) {
	c := corpusCase{timeout: time.Minute}
	f, err := os.Open(path)
	if err != nil {
		return c, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for n := 1; sc.Scan(); n++ {
		line := strings.TrimSpace(sc.Text())
		if line == "" || strings.HasPrefix(line, "#") {
			continue
		}
		fields := strings.Fields(line)
		bad := fmt.Errorf("%s:%d: cannot read %q", path, n, line)
		switch fields[0] {
		case "env":
			if len(fields) != 2 || !strings.Contains(fields[1], "=") {
				return c, bad
			}
			c.env = append(c.env, fields[1])
		case "setup":
			if len(fields) != 3 {
				return c, bad
			}
			c.setup = append(c.setup, fields[1:])
			if fields[1] == "fifo" {
				c.needs = "fifo"
			}
		case "timeout":
			d, err := time.ParseDuration(strings.Join(fields[1:], ""))
			if err != nil {
				return c, bad
			}
			c.timeout = d
		case "run":
			if len(fields) < 2 {
				return c, bad
			}
			exit, err := strconv.Atoi(fields[1])
			if err != nil {
				return c, bad
			}
			c.runs = append(c.runs, corpusRun{exit: exit, args: fields[2:]})
		default:
			return c, bad
		}
	}
	if len(c.runs) == 0 {
		return c, fmt.Errorf("%s: no run directive", path)
	}
	return c, sc.Err()
}

func runCase(t *testing.T, bin, dir, sample string) {
	c, err := parseCase(filepath.Join(dir, "case.txt"))
	if err != nil {
		t.Fatal(err)
	}
	if c.needs == "fifo" && runtime.GOOS == "windows" {
		t.Skip("no named pipes in the file system on Windows")
	}
	overlay := filepath.Join(dir, "data")
	if _, err := os.Stat(overlay); err != nil {
		overlay = ""
	}
	root := fixture.Assemble(t, sample, overlay)
	for _, s := range c.setup {
		if err := setupFile(root, s[0], s[1]); err != nil {
			t.Fatalf("setup %s %s: %v", s[0], s[1], err)
		}
	}
	env := cleanEnv(c.env)
	var record strings.Builder
	for _, r := range c.runs {
		ctx, cancel := context.WithTimeout(context.Background(), c.timeout)
		cmd := exec.CommandContext(ctx, bin, r.args...)
		cmd.Dir, cmd.Env = root, env
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		start := time.Now()
		err := cmd.Run()
		timedOut := ctx.Err() == context.DeadlineExceeded
		cancel()
		if timedOut {
			t.Fatalf("briefing %s did not finish within %v\nstderr:\n%s", strings.Join(r.args, " "), c.timeout, stderr.String())
		}
		code := 0
		var exitErr *exec.ExitError
		switch {
		case errors.As(err, &exitErr):
			code = exitErr.ExitCode()
		case err != nil:
			t.Fatal(err)
		}
		if code != r.exit {
			t.Errorf("briefing %s: exit %d, want %d\nstderr:\n%s", strings.Join(r.args, " "), code, r.exit, stderr.String())
		}
		out := listFiles(t, filepath.Join(root, "out"))
		if (code == exitInvalid || code == exitUsage) && len(out) > 0 {
			t.Errorf("briefing %s: exit %d, yet out/ holds %v", strings.Join(r.args, " "), code, out)
		}
		if strings.Contains(stderr.String(), "goroutine ") || strings.Contains(stderr.String(), "panic:") {
			t.Errorf("briefing %s printed a stack trace:\n%s", strings.Join(r.args, " "), stderr.String())
		}
		fmt.Fprintf(&record, "$ briefing %s\nexit %d\n", strings.Join(r.args, " "), code)
		if s := stderr.String(); s != "" {
			fmt.Fprintf(&record, "stderr:\n%s", strings.ReplaceAll(s, `\`, "/"))
		}
		if len(out) > 0 {
			fmt.Fprintf(&record, "out:\n  %s\n", strings.Join(out, "\n  "))
		}
		t.Logf("briefing %s: exit %d in %.2fs", strings.Join(r.args, " "), code, time.Since(start).Seconds())
	}
	golden := filepath.Join(dir, fixture.Golden)
	if *update {
		if err := os.WriteFile(golden, []byte(record.String()), 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if got := record.String(); got != strings.ReplaceAll(string(want), "\r\n", "\n") {
		t.Errorf("got:\n%s\nwant (%s):\n%s", got, golden, want)
	}
}

// cleanEnv is the test's environment without what changes briefing's
// output, plus the case's own variables.
func cleanEnv(extra []string) []string {
	var env []string
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "SOURCE_DATE_EPOCH=") {
			env = append(env, kv)
		}
	}
	return append(env, extra...)
}

// listFiles lists every file under dir, slash-separated and sorted; none
// when dir does not exist.
func listFiles(t *testing.T, dir string) []string {
	t.Helper()
	if info, err := os.Stat(dir); err == nil && !info.IsDir() {
		return []string{"(" + filepath.Base(dir) + " is a file, not a folder)"}
	}
	var out []string
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if errors.Is(err, fs.ErrNotExist) && p == dir {
			return fs.SkipAll
		}
		if err != nil {
			return err
		}
		if !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			out = append(out, filepath.ToSlash(rel))
		}
		return nil
	})
	if err != nil {
		t.Fatal(err)
	}
	slices.Sort(out)
	return out
}

// setupFile makes the special file kind at path, relative to the case's
// root folder (the one holding data/), creating its folder.
func setupFile(root, kind, path string) error {
	p := filepath.Join(root, filepath.FromSlash(path))
	if kind == "remove" {
		return os.RemoveAll(p)
	}
	if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
		return err
	}
	var data []byte
	switch kind {
	case "fifo":
		return mkfifo(p)
	case "mkdir":
		return os.Mkdir(p, 0o755)
	case "empty":
	case "text":
		data = []byte("This is not an image: a logo saved as text by mistake.\n")
	case "png":
		data = encodePNG(logoImage())
	case "png-truncated":
		b := encodePNG(logoImage())
		data = b[:len(b)*2/3]
	case "png-interlaced":
		data = interlacedPNG(logoImage())
	case "png16-alpha":
		data = pngWithAlpha16()
	case "jpeg":
		data = encodeJPEG(logoImage())
	case "jpeg-truncated":
		b := encodeJPEG(logoImage())
		data = b[:len(b)/2]
	default:
		return fmt.Errorf("unknown kind %q", kind)
	}
	return os.WriteFile(p, data, 0o644)
}
