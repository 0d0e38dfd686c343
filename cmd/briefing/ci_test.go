package main

import (
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"os"
	"os/exec"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"briefing/internal/build"
	"briefing/report"
)

// copyData copies the sample data folder into dir/data, creating its
// files in the order given, so that two copies differ in their order on
// disk.
func copyData(t *testing.T, dir string, reverse bool) string {
	t.Helper()
	var files []string
	filepath.WalkDir("../../data", func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			files = append(files, p)
		}
		return err
	})
	if reverse {
		slices.Reverse(files)
	}
	for _, f := range files {
		rel, _ := filepath.Rel("../../data", f)
		dst := filepath.Join(dir, "data", rel)
		os.MkdirAll(filepath.Dir(dst), 0o755)
		b, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(dst, b, 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return filepath.Join(dir, "data")
}

// outputs reads every file under dir, by path relative to it.
func outputs(t *testing.T, dir string) map[string][]byte {
	t.Helper()
	out := map[string][]byte{}
	filepath.WalkDir(dir, func(p string, d os.DirEntry, err error) error {
		if err == nil && !d.IsDir() {
			rel, _ := filepath.Rel(dir, p)
			out[rel], _ = os.ReadFile(p)
		}
		return err
	})
	return out
}

// TestReproducible builds the sample twice with the briefing binary, in
// separate folders whose data files were written in opposite orders, in two
// time zones, with one and with two CPUs: every output must be the same
// bytes.
func TestReproducible(t *testing.T) {
	if testing.Short() {
		t.Skip("builds the binary")
	}
	bin := briefingBinary(t)
	runs := []struct {
		tz, procs string
		reverse   bool
	}{
		{"UTC", "2", false},
		{"Pacific/Kiritimati", "1", true}, // UTC+14: another calendar day than UTC for half the day
	}
	var results []map[string][]byte
	for _, r := range runs {
		dir := t.TempDir()
		data := copyData(t, dir, r.reverse)
		cmd := exec.Command(bin, "build", "--data", data, "--out", filepath.Join(dir, "out"))
		cmd.Env = append(os.Environ(), "TZ="+r.tz, "GOMAXPROCS="+r.procs, "LC_ALL=fr_FR.UTF-8", "SOURCE_DATE_EPOCH=")
		if out, err := cmd.CombinedOutput(); err != nil {
			t.Fatalf("build (TZ=%s): %v\n%s", r.tz, err, out)
		}
		results = append(results, outputs(t, filepath.Join(dir, "out")))
	}
	a, b := results[0], results[1]
	if len(a) < 10 || len(a) != len(b) {
		t.Fatalf("the builds wrote %d and %d files", len(a), len(b))
	}
	for path, data := range a {
		if string(b[path]) != string(data) {
			t.Errorf("%s differs between the two builds", path)
		}
	}
}

// TestManifest: the manifest lists every output with its hash and size,
// and every input, and the hashes verify.
func TestManifest(t *testing.T) {
	out := t.TempDir()
	if code, _, stderr := briefing(t, "build", "--data", "../../data", "--out", out); code != exitOK {
		t.Fatalf("build: %d\n%s", code, stderr)
	}
	dir := filepath.Join(out, "2025-09-kayes")
	raw, err := os.ReadFile(filepath.Join(dir, build.ManifestName))
	if err != nil {
		t.Fatal(err)
	}
	var m build.Manifest
	if err := json.Unmarshal(raw, &m); err != nil {
		t.Fatal(err)
	}
	ds, _ := report.Load("../../data")
	if m.Letter != "2025-09-kayes" || m.Generator != "briefing "+version || m.Fingerprint != ds.Fingerprint() {
		t.Errorf("manifest header: %+v", m)
	}
	files := outputs(t, dir)
	delete(files, build.ManifestName)
	if len(m.Outputs) != len(files) {
		t.Errorf("manifest lists %d outputs, the folder holds %d", len(m.Outputs), len(files))
	}
	for _, o := range m.Outputs {
		data, ok := files[filepath.FromSlash(o.Path)]
		sum := sha256.Sum256(data)
		if !ok || hex.EncodeToString(sum[:]) != o.SHA256 || len(data) != o.Size {
			t.Errorf("output %s does not verify", o.Path)
		}
	}
	var inputs []string
	for _, in := range m.Inputs {
		inputs = append(inputs, in.Path)
	}
	for _, want := range []string{"places.yaml", "sources.yaml", "corridors.yaml", "events/2025-07.yaml", "letters/2025-09-kayes.yaml", build.BuiltinBrand} {
		if !slices.Contains(inputs, want) {
			t.Errorf("inputs %v lack %s", inputs, want)
		}
	}
	// Keys sorted, two-space indents, a final newline: stable to diff.
	if !strings.HasPrefix(string(raw), "{\n  \"fingerprint\": ") || !strings.HasSuffix(string(raw), "}\n") {
		t.Errorf("manifest format:\n%.80s", raw)
	}
}

// TestCheckAndIncremental: --check passes on fresh outputs and writes
// nothing; an edited event makes it fail with 3, naming the files; a second
// build with nothing changed rebuilds nothing.
func TestCheckAndIncremental(t *testing.T) {
	dir := t.TempDir()
	data := copyData(t, dir, false)
	out := filepath.Join(dir, "out")
	if code, _, stderr := briefing(t, "build", "--data", data, "--out", out); code != exitOK {
		t.Fatalf("build: %d\n%s", code, stderr)
	}
	before := outputs(t, out)

	code, stdout, _ := briefing(t, "build", "--data", data, "--out", out)
	if code != exitOK || stdout != "2025-09-kayes: up to date\n2025-09-kayes-fr: up to date\n" {
		t.Errorf("second build: exit %d, %q; want nothing rebuilt", code, stdout)
	}
	if code, stdout, stderr := briefing(t, "build", "--check", "--data", data, "--out", out); code != exitOK || stderr != "" {
		t.Errorf("--check on fresh outputs: exit %d, %q %q", code, stdout, stderr)
	}

	events := filepath.Join(data, "events", "2025-09.yaml")
	b, _ := os.ReadFile(events)
	edited := strings.Replace(string(b), "kidnapped: 6", "kidnapped: 7", 1)
	if edited == string(b) {
		t.Fatal("the fixture edit did not apply")
	}
	os.WriteFile(events, []byte(edited), 0o644)
	code, _, stderr := briefing(t, "build", "--check", "--data", data, "--out", out)
	if code != exitStale {
		t.Errorf("--check after an edit: exit %d, want %d", code, exitStale)
	}
	for _, want := range []string{"2025-09-kayes: out of date", "differs " + filepath.Join(out, "2025-09-kayes", "2025-09-kayes.pdf"), "differs " + filepath.Join(out, "2025-09-kayes", build.ManifestName)} {
		if !strings.Contains(stderr, want) {
			t.Errorf("--check stderr lacks %q:\n%s", want, stderr)
		}
	}
	if after := outputs(t, out); !equalFiles(before, after) {
		t.Error("--check wrote files")
	}

	code, stdout, _ = briefing(t, "build", "--data", data, "--out", out)
	if code != exitOK || !strings.Contains(stdout, "2025-09-kayes: built in") {
		t.Errorf("build after an edit: exit %d, %q; want the letter rebuilt", code, stdout)
	}
	os.Remove(filepath.Join(out, "2025-09-kayes", "charts", "map.png"))
	if code, _, stderr := briefing(t, "build", "--check", "--data", data, "--out", out); code != exitStale || !strings.Contains(stderr, "missing "+filepath.Join(out, "2025-09-kayes", "charts", "map.png")) {
		t.Errorf("--check with a missing file: exit %d\n%s", code, stderr)
	}
	if code, stdout, _ := briefing(t, "build", "--data", data, "--out", out); code != exitOK || !strings.Contains(stdout, "built in") {
		t.Errorf("a missing output must rebuild the letter: %q", stdout)
	}
}

func equalFiles(a, b map[string][]byte) bool {
	if len(a) != len(b) {
		return false
	}
	for k, v := range a {
		if string(b[k]) != string(v) {
			return false
		}
	}
	return true
}

// TestNew: the scaffold of next month's letter validates with warnings only
// and builds.
func TestNew(t *testing.T) {
	dir := t.TempDir()
	data := copyData(t, dir, false)
	code, stdout, stderr := briefing(t, "new", "--data", data, "--period", "2025-10", "--from", "2025-09-kayes", "2025-10-kayes")
	if code != exitOK || !strings.Contains(stdout, "written") {
		t.Fatalf("new: exit %d\n%s%s", code, stdout, stderr)
	}
	ds, diags := report.Load(data)
	if diags.HasErrors() {
		t.Fatalf("the scaffold does not validate:\n%v", diags)
	}
	var placeholders int
	for _, d := range diags {
		if strings.Contains(d.Message, report.Placeholder) {
			placeholders++
		}
	}
	if placeholders < 10 {
		t.Errorf("%d placeholder warnings, want one per title, key points and section:\n%v", placeholders, diags)
	}
	l, _ := ds.Letter("2025-10-kayes")
	prev, _ := ds.Letter("2025-09-kayes")
	if l.Period.String() != "2025-07-01/2025-10-31" || l.Issued.String() != "2025-10-31" {
		t.Errorf("period %s issued %s; want July–October 2025, issued 31 October", l.Period, l.Issued)
	}
	if l.Series != prev.Series || l.Language != prev.Language || !slices.Equal(l.Scope.Countries, prev.Scope.Countries) || len(l.Sections) != len(prev.Sections) {
		t.Errorf("scaffold does not follow its letter: %+v", l)
	}
	for i := range l.Sections {
		if l.Sections[i].Title != prev.Sections[i].Title || !slices.Equal(l.Sections[i].Figures, prev.Sections[i].Figures) {
			t.Errorf("section %d: %q %v", i, l.Sections[i].Title, l.Sections[i].Figures)
		}
	}
	if code, _, stderr := briefing(t, "new", "--data", data, "--period", "2025-10", "2025-10-kayes"); code != exitUsage || !strings.Contains(stderr, "already exists") {
		t.Errorf("new over an existing letter: exit %d, %q", code, stderr)
	}
	if code, _, _ := briefing(t, "new", "--data", data, "--period", "October", "2025-11-kayes"); code != exitUsage {
		t.Errorf("new with a bad period: exit %d", code)
	}
	if code, _, stderr := briefing(t, "build", "--data", data, "--out", filepath.Join(dir, "out"), "2025-10-kayes"); code != exitOK {
		t.Errorf("building the scaffold: %d\n%s", code, stderr)
	}
}
