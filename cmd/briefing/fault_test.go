package main

import (
	"archive/zip"
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"encoding/xml"
	"errors"
	"fmt"
	"image/png"
	"io"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"briefing/internal/build"
	"briefing/internal/pdftest"
	"briefing/report"
)

// interruptRuns numbers the runs of TestInterrupt in this process, so that
// "go test -run Interrupt -count=50" kills at fifty different series of
// moments, each reproducible from its seed.
var interruptRuns atomic.Uint64

// TestInterrupt kills builds of the sample (SIGKILL: no chance to clean
// up) at random moments of the window in which they write their files, and
// checks what a user would find: every output present is a whole, valid
// file (never a truncated PDF); a manifest that claims the current data
// matches its files; and the next normal build leaves no temporary file
// behind and passes build --check. Each build changes the letter's title,
// so that a killed build leaves a mix of old and new files.
//
// By default it kills three builds (one with -short); for more:
//
//	go test -run Interrupt -count=50 ./cmd/briefing/
func TestInterrupt(t *testing.T) {
	if runtime.GOOS == "windows" {
		t.Skip("Windows has no SIGKILL; a killed process is TerminateProcess there, which the test does not model")
	}
	t.Parallel()
	kills := 3
	if testing.Short() {
		kills = 1
	}
	run := interruptRuns.Add(1)
	rng := rand.New(rand.NewPCG(20250930, run))
	t.Logf("seed 20250930/%d", run)

	bin := briefingBinary(t)
	dir := t.TempDir()
	data := copyData(t, dir, false)
	out := filepath.Join(dir, "out")
	letterDir := filepath.Join(out, "2025-09-kayes")
	letterFile := filepath.Join(data, "letters", "2025-09-kayes.yaml")
	original, err := os.ReadFile(letterFile)
	if err != nil {
		t.Fatal(err)
	}
	setTitle := func(i int) {
		edited := strings.Replace(string(original), "title: JNIM in Kayes", fmt.Sprintf("title: JNIM in Kayes (draft %d)", i), 1)
		if err := os.WriteFile(letterFile, []byte(edited), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	env := append(cleanEnv(nil), "SOURCE_DATE_EPOCH=1759190400")
	command := func(args ...string) *exec.Cmd {
		cmd := exec.Command(bin, append(args, "--data", data, "--out", out)...)
		cmd.Env = env
		return cmd
	}

	// A whole build first: how long its writing takes once it starts.
	setTitle(0)
	cmd := command("build")
	if err := cmd.Start(); err != nil {
		t.Fatal(err)
	}
	started := waitForWrites(letterDir, snapshot(letterDir))
	if err := cmd.Wait(); err != nil {
		t.Fatalf("first build: %v", err)
	}
	window := time.Since(started)
	t.Logf("writing takes %v", window)

	for i := 1; i <= kills; i++ {
		setTitle(i)
		before := snapshot(letterDir)
		cmd := command("build")
		var stderr bytes.Buffer
		cmd.Stderr = &stderr
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		waitForWrites(letterDir, before)
		delay := time.Duration(rng.Float64() * float64(window))
		time.Sleep(delay)
		cmd.Process.Kill()
		err := cmd.Wait()
		t.Logf("kill %d after %v of writing: %v", i, delay, err)
		checkOutputs(t, data, letterDir)
	}

	if code, stderr := runBinary(command("build")); code != exitOK {
		t.Fatalf("the build after the kills: exit %d\n%s", code, stderr)
	}
	for _, f := range listFiles(t, out) {
		if strings.HasSuffix(f, ".tmp") || filepath.Base(f) == build.LockName {
			t.Errorf("left after a normal build: %s", f)
		}
	}
	if code, stderr := runBinary(command("build", "--check")); code != exitOK {
		t.Errorf("build --check after the kills: exit %d\n%s", code, stderr)
	}
}

// folderState is what waitForWrites compares with: the temporary files
// already in a letter's folder (an earlier killed build's) and its PDF.
type folderState struct {
	temporary map[string]bool
	pdf       os.FileInfo
}

func snapshot(dir string) folderState {
	s := folderState{temporary: map[string]bool{}}
	entries, _ := os.ReadDir(dir)
	for _, e := range entries {
		if strings.HasSuffix(e.Name(), ".tmp") {
			s.temporary[e.Name()] = true
		}
	}
	s.pdf, _ = os.Stat(filepath.Join(dir, "2025-09-kayes.pdf"))
	return s
}

// waitForWrites waits until a build starts writing the letter's files into
// dir: a new temporary file appears, or the PDF is replaced. It returns
// when it saw it, or after a minute.
func waitForWrites(dir string, before folderState) time.Time {
	deadline := time.Now().Add(time.Minute)
	for time.Now().Before(deadline) {
		entries, _ := os.ReadDir(dir)
		for _, e := range entries {
			if strings.HasSuffix(e.Name(), ".tmp") && !before.temporary[e.Name()] {
				return time.Now()
			}
		}
		if now, err := os.Stat(filepath.Join(dir, "2025-09-kayes.pdf")); err == nil && (before.pdf == nil || !os.SameFile(before.pdf, now)) {
			return time.Now()
		}
		time.Sleep(200 * time.Microsecond)
	}
	return time.Now()
}

// checkOutputs checks that every output in dir is a whole, valid file, and
// that a manifest that says it was built from the data folder's current
// files describes the files in dir.
func checkOutputs(t *testing.T, data, dir string) {
	t.Helper()
	for _, f := range listFiles(t, dir) {
		if strings.HasSuffix(f, ".tmp") || f == build.LockName {
			continue // a killed build's; the next one removes them
		}
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(f)))
		if err != nil {
			t.Fatal(err)
		}
		if err := validOutput(f, b); err != nil {
			t.Errorf("%s after a kill: %v", f, err)
		}
	}
	raw, err := os.ReadFile(filepath.Join(dir, build.ManifestName))
	if errors.Is(err, os.ErrNotExist) {
		return
	}
	var m build.Manifest
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatalf("manifest: %v", err)
	}
	ds, diags := report.Load(data)
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	l, _ := ds.Letter("2025-09-kayes")
	inputs, err := build.Inputs(ds, l)
	if err != nil {
		t.Fatal(err)
	}
	if !slices.Equal(m.Inputs, inputs) {
		return // an older build's manifest: the next build redoes the letter
	}
	checkManifest(t, dir)
}

// checkManifest checks that the manifest in dir lists every output with
// the hash and size of the file there.
func checkManifest(t *testing.T, dir string) {
	t.Helper()
	raw, err := os.ReadFile(filepath.Join(dir, build.ManifestName))
	if err != nil {
		t.Fatal(err)
	}
	var m build.Manifest
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatalf("manifest: %v", err)
	}
	if len(m.Outputs) < 10 {
		t.Errorf("the manifest lists %d outputs", len(m.Outputs))
	}
	for _, o := range m.Outputs {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(o.Path)))
		sum := sha256.Sum256(b)
		if err != nil || len(b) != o.Size || hex.EncodeToString(sum[:]) != o.SHA256 {
			t.Errorf("%s: the manifest does not match the file (%v)", filepath.Join(dir, o.Path), err)
		}
	}
}

// validOutput reads an output as its reader would, and says what is wrong
// with it.
func validOutput(name string, b []byte) error {
	switch filepath.Ext(name) {
	case ".pdf":
		if !bytes.HasSuffix(bytes.TrimRight(b, "\r\n"), []byte("%%EOF")) {
			return errors.New("does not end with %%EOF")
		}
		_, err := pdftest.Parse(b)
		return err
	case ".xlsx":
		z, err := zip.NewReader(bytes.NewReader(b), int64(len(b)))
		if err != nil {
			return err
		}
		for _, f := range z.File {
			r, err := f.Open()
			if err != nil {
				return err
			}
			_, err = io.Copy(io.Discard, r) // checks each entry's CRC
			r.Close()
			if err != nil {
				return fmt.Errorf("%s: %w", f.Name, err)
			}
		}
	case ".png":
		_, err := png.Decode(bytes.NewReader(b))
		return err
	case ".svg":
		dec := xml.NewDecoder(bytes.NewReader(b))
		for {
			if _, err := dec.Token(); err == io.EOF {
				return nil
			} else if err != nil {
				return err
			}
		}
	case ".json":
		var m build.Manifest
		return json.Unmarshal(b, &m)
	}
	return nil
}

// runBinary runs a command to its end and returns its exit status and
// stderr; -1 and the error when it could not run. It may be called from
// any goroutine.
func runBinary(cmd *exec.Cmd) (int, string) {
	var stderr bytes.Buffer
	cmd.Stderr = &stderr
	err := cmd.Run()
	var exitErr *exec.ExitError
	switch {
	case errors.As(err, &exitErr):
		return exitErr.ExitCode(), stderr.String()
	case err != nil:
		return -1, err.Error()
	}
	return 0, stderr.String()
}

// TestConcurrentBuilds runs eight briefing build --force at once, four of
// each of two datasets (the sample, and a copy whose letter has another id
// and title), into one out folder, for two rounds (one with -short). Within a letter the
// builds differ (half with another SOURCE_DATE_EPOCH), so that two builds
// interleaving their files would leave a manifest that does not match
// them. Afterwards every manifest matches its files, and build --check
// passes for both datasets.
func TestConcurrentBuilds(t *testing.T) {
	t.Parallel()
	rounds, processes := 2, 8
	if testing.Short() {
		rounds = 1
	}
	bin := briefingBinary(t)
	dir := t.TempDir()
	a := copyData(t, filepath.Join(dir, "a"), false)
	b := copyData(t, filepath.Join(dir, "b"), false)
	letter, err := os.ReadFile(filepath.Join(b, "letters", "2025-09-kayes.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	os.Remove(filepath.Join(b, "letters", "2025-09-kayes.yaml"))
	edited := strings.Replace(string(letter), "title: JNIM in Kayes", "title: JNIM in Kayes and Nioro", 1)
	if err := os.WriteFile(filepath.Join(b, "letters", "2025-09-kayes-nioro.yaml"), []byte(edited), 0o644); err != nil {
		t.Fatal(err)
	}
	out := filepath.Join(dir, "out")
	datasets := []string{a, b}
	dates := []string{"1759190400", "1759276800"} // 30 September and 1 October 2025

	waits := 0
	for round := range rounds {
		last := round == rounds-1
		var wg sync.WaitGroup
		codes := make([]int, processes)
		stderrs := make([]string, processes)
		for i := range processes {
			date := dates[i/2%2]
			if last {
				date = dates[0] // the last round builds as --check will
			}
			cmd := exec.Command(bin, "build", "--force", "--data", datasets[i%2], "--out", out)
			cmd.Env = append(cleanEnv(nil), "SOURCE_DATE_EPOCH="+date)
			wg.Go(func() { codes[i], stderrs[i] = runBinary(cmd) })
		}
		wg.Wait()
		for i := range processes {
			if codes[i] != exitOK {
				t.Fatalf("round %d, build %d: exit %d\n%s", round, i, codes[i], stderrs[i])
			}
			// Once per letter at most: each dataset holds two.
			n := 0
			said := map[string]bool{}
			for line := range strings.Lines(stderrs[i]) {
				id, waiting := strings.CutSuffix(strings.TrimSpace(line), ": waiting for another build…")
				if !waiting {
					continue
				}
				if said[id] {
					t.Errorf("round %d, build %d: says %s waits twice:\n%s", round, i, id, stderrs[i])
				}
				said[id] = true
				n++
			}
			waits += n
		}
		checkManifest(t, filepath.Join(out, "2025-09-kayes"))
		checkManifest(t, filepath.Join(out, "2025-09-kayes-nioro"))
	}
	if waits == 0 {
		t.Error("no build waited for another: the builds did not overlap, or the lock does not hold")
	}
	for _, data := range datasets {
		cmd := exec.Command(bin, "build", "--check", "--data", data, "--out", out)
		cmd.Env = append(cleanEnv(nil), "SOURCE_DATE_EPOCH="+dates[0])
		if code, stderr := runBinary(cmd); code != exitOK {
			t.Errorf("build --check --data %s: exit %d\n%s", data, code, stderr)
		}
	}
	for _, f := range listFiles(t, out) {
		if strings.HasSuffix(f, ".tmp") || filepath.Base(f) == build.LockName {
			t.Errorf("left after the builds: %s", f)
		}
	}
}

// TestFailedLetterLeavesNoFolder: a letter that fails before it writes
// anything (here, interrupted) leaves no empty folder in out/.
func TestFailedLetterLeavesNoFolder(t *testing.T) {
	out := t.TempDir()
	ctx, cancel := context.WithCancel(context.Background())
	cancel()
	var stdout, stderr bytes.Buffer
	code := run(ctx, []string{"build", "--data", "../../data", "--out", out}, &stdout, &stderr)
	if code != exitFailed || !strings.Contains(stderr.String(), "2025-09-kayes: interrupted") {
		t.Errorf("exit %d, stderr %q; want %d and the letter interrupted", code, stderr.String(), exitFailed)
	}
	if files := listFiles(t, out); len(files) > 0 {
		t.Errorf("out/ holds %v", files)
	}
	if _, err := os.Stat(filepath.Join(out, "2025-09-kayes")); !errors.Is(err, os.ErrNotExist) {
		t.Errorf("out/2025-09-kayes is left: %v", err)
	}
}
