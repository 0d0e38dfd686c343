package report_test

import (
	"bytes"
	"fmt"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"testing"

	"briefing/internal/fixture"
	"briefing/report"
)

// TestCorpus loads every hostile or broken dataset of the corpus and
// compares its diagnostics, exact positions included, with what a user
// must read. The corpus is testdata/bad (cases stored as files over
// testdata/base, each with its want.txt; go test -update rewrites them)
// and generated (the cases git cannot store: FIFOs, symbolic links, huge
// or binary files, built here in a copy of the base).
func TestCorpus(t *testing.T) {
	n := 0
	dirs, _ := filepath.Glob("testdata/bad/*")
	if len(dirs) < 45 {
		t.Fatalf("found %d cases in testdata/bad, want at least 45", len(dirs))
	}
	wd, _ := os.Getwd()
	for _, dir := range dirs {
		n++
		t.Run("bad/"+filepath.Base(dir), func(t *testing.T) {
			golden := filepath.Join(wd, dir, fixture.Golden)
			_, diags := loadCase(t, filepath.Join(wd, dir))
			got := diagLines(diags)
			if *update {
				if err := os.WriteFile(golden, []byte(got), 0o644); err != nil {
					t.Fatal(err)
				}
			}
			if want := readFile(t, golden); got != want {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
			}
			if !diags.HasErrors() {
				t.Error("the case has no error")
			}
		})
	}
	for _, c := range append(generated(), basemapGenerated()...) {
		n++
		t.Run(c.name, func(t *testing.T) {
			if c.unix && runtime.GOOS == "windows" {
				t.Skip("needs FIFOs or symbolic links")
			}
			root := fixture.Assemble(t, "testdata/base", "")
			t.Chdir(root)
			c.setup(t, "data")
			load := report.Load
			if c.load != nil {
				load = c.load
			}
			_, diags := load("data")
			got := diagLines(diags)
			if want := strings.TrimLeft(c.want, "\n"); got != want {
				t.Errorf("diagnostics:\n%s\nwant:\n%s", got, want)
			}
			if secret := "s3cr3t"; strings.Contains(got, secret) {
				t.Errorf("a message quotes a file outside the data folder:\n%s", got)
			}
		})
	}
	t.Logf("corpus: %d cases", n)
}

func diagLines(diags report.Diagnostics) string {
	var b strings.Builder
	for _, d := range diags {
		b.WriteString(d.String() + "\n")
	}
	return b.String()
}

// generatedCase is a case built in a copy of testdata/base.
type generatedCase struct {
	name  string
	unix  bool // needs FIFOs or symbolic links
	setup func(t *testing.T, data string)
	want  string
	// load replaces report.Load, for limits too large to reach in a test.
	load func(dir string) (*report.Dataset, report.Diagnostics)
}

func write(t testing.TB, path string, b []byte) {
	t.Helper()
	if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(path, b, 0o644); err != nil {
		t.Fatal(err)
	}
}

func symlink(t *testing.T, target, link string) {
	t.Helper()
	os.Remove(link)
	if err := os.Symlink(target, link); err != nil {
		t.Skipf("cannot make a symbolic link: %v", err)
	}
}

// sparse makes a file of the given size that takes no room on disk.
func sparse(t *testing.T, path string, size int64) {
	t.Helper()
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	if err := f.Truncate(size); err != nil {
		t.Fatal(err)
	}
}

// outside writes a file outside the data folder holding YAML with a
// secret, which no message may quote.
func outside(t *testing.T, name string) string {
	t.Helper()
	p := filepath.Join(t.TempDir(), name)
	write(t, p, []byte("places: s3cr3t: [\n"))
	return p
}

// replaceIn edits a file of the data folder.
func replaceIn(t *testing.T, path, old, new string) {
	t.Helper()
	s := readFile(t, path)
	if !strings.Contains(s, old) {
		t.Fatalf("%s does not hold %q", path, old)
	}
	write(t, path, []byte(strings.Replace(s, old, new, 1)))
}

func pngImage(t *testing.T, img image.Image) []byte {
	t.Helper()
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

func smallPNG(t *testing.T) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, 3, 2))
	img.Set(1, 1, color.NRGBA{200, 10, 10, 255})
	return pngImage(t, img)
}

// withIHDR rewrites a PNG's header chunk and its checksum.
func withIHDR(src []byte, edit func(ihdr []byte)) []byte {
	b := bytes.Clone(src)
	edit(b[16:29])
	crc := crc32.ChecksumIEEE(b[12:29])
	b[29], b[30], b[31], b[32] = byte(crc>>24), byte(crc>>16), byte(crc>>8), byte(crc)
	return b
}

func brandLogo(t *testing.T, data, logo string, content []byte) {
	t.Helper()
	write(t, filepath.Join(data, "brand.yaml"), []byte("brand:\n  logo: "+logo+"\n"))
	if content != nil {
		write(t, filepath.Join(data, filepath.FromSlash(logo)), content)
	}
}

func generated() []generatedCase {
	const outsideMsg = "is a symbolic link to a file outside the data folder, which briefing does not read: copy the file into the data folder instead of linking to it"
	return []generatedCase{
		{name: "fifo-events-file", unix: true, setup: func(t *testing.T, data string) {
			mkfifo(t, filepath.Join(data, "events", "2025-08.yaml"))
		}, want: `
data/events/2025-08.yaml: the file is a named pipe (FIFO), not a regular file: a data file must be a plain file; remove or rename it
`},
		{name: "fifo-acled-csv", unix: true, setup: func(t *testing.T, data string) {
			mkfifo(t, filepath.Join(data, "events", "x.csv"))
		}, want: `
data/events/x.csv: the file is a named pipe (FIFO), not a regular file: a data file must be a plain file; remove or rename it
`},
		{name: "acled-csv-too-large", setup: func(t *testing.T, data string) {
			sparse(t, filepath.Join(data, "events", "acled.csv"), report.MaxEventsFileBytes+1<<20)
		}, want: `
data/events/acled.csv: the file is 257 MiB, over the limit of 256 MiB for an events file: split it into several files in events/, one per month or year
`},
		{name: "acled-rules-fifo", unix: true, setup: func(t *testing.T, data string) {
			mkfifo(t, filepath.Join(data, report.RulesFile))
		}, want: `
data/acled-rules.yaml: the file is a named pipe (FIFO), not a regular file: a data file must be a plain file; remove or rename it
`},
		{name: "fifo-brand", unix: true, setup: func(t *testing.T, data string) {
			mkfifo(t, filepath.Join(data, "brand.yaml"))
		}, want: `
data/brand.yaml: the file is a named pipe (FIFO), not a regular file: a data file must be a plain file; remove or rename it
`},
		{name: "folder-named-like-data", setup: func(t *testing.T, data string) {
			os.MkdirAll(filepath.Join(data, "letters", "2025-08-test.yaml"), 0o755)
			os.Remove(filepath.Join(data, "places.yaml"))
			os.MkdirAll(filepath.Join(data, "places.yaml"), 0o755)
		}, want: `
data/letters/2025-08-test.yaml: the file is a folder, not a regular file: a data file must be a plain file; remove or rename it
data/places.yaml: the file is a folder, not a regular file: a data file must be a plain file; remove or rename it
`},
		{name: "symlink-to-dev-zero", unix: true, setup: func(t *testing.T, data string) {
			symlink(t, "/dev/zero", filepath.Join(data, "places.yaml"))
		}, want: `
data/places.yaml: the file ` + outsideMsg + `
`},
		{name: "symlink-to-etc-passwd", unix: true, setup: func(t *testing.T, data string) {
			symlink(t, "/etc/passwd", filepath.Join(data, "sources.yaml"))
		}, want: `
data/sources.yaml: the file ` + outsideMsg + `
`},
		{name: "symlink-to-outside-yaml", unix: true, setup: func(t *testing.T, data string) {
			symlink(t, outside(t, "events.yaml"), filepath.Join(data, "events", "2025-08.yaml"))
			symlink(t, outside(t, "dataset.yaml"), filepath.Join(data, "dataset.yaml"))
		}, want: `
data/dataset.yaml: the file ` + outsideMsg + `
data/events/2025-08.yaml: the file ` + outsideMsg + `
`},
		{name: "events-folder-outside", unix: true, setup: func(t *testing.T, data string) {
			dir := filepath.Dir(outside(t, "2025-07.yaml"))
			os.RemoveAll(filepath.Join(data, "events"))
			symlink(t, dir, filepath.Join(data, "events"))
		}, want: `
data/events: the events folder is a symbolic link to a folder outside the data folder, which briefing does not read: copy the folder into the data folder instead of linking to it
`},
		{name: "symlink-inside-is-followed", unix: true, setup: func(t *testing.T, data string) {
			os.MkdirAll(filepath.Join(data, "shared"), 0o755)
			os.Rename(filepath.Join(data, "places.yaml"), filepath.Join(data, "shared", "places.yaml"))
			symlink(t, filepath.Join("shared", "places.yaml"), filepath.Join(data, "places.yaml"))
		}, want: ``},
		{name: "symlink-broken-and-looping", unix: true, setup: func(t *testing.T, data string) {
			symlink(t, "nowhere.yaml", filepath.Join(data, "corridors.yaml"))
			symlink(t, "2025-09.yaml", filepath.Join(data, "events", "2025-08.yaml"))
			symlink(t, "2025-08.yaml", filepath.Join(data, "events", "2025-09.yaml"))
		}, want: `
data/corridors.yaml: the file is a symbolic link that leads nowhere (its target is missing, or links loop): replace the link with the file itself
data/events/2025-08.yaml: the file is a symbolic link that leads nowhere (its target is missing, or links loop): replace the link with the file itself
data/events/2025-09.yaml: the file is a symbolic link that leads nowhere (its target is missing, or links loop): replace the link with the file itself
`},
		{name: "socket-named-like-data", unix: true, setup: func(t *testing.T, data string) {
			mksocket(t, filepath.Join(data, "letters", "s.yaml"))
		}, want: `
data/letters/s.yaml: the file is a socket, not a regular file: a data file must be a plain file; remove or rename it
`},
		{name: "events-file-too-large", setup: func(t *testing.T, data string) {
			sparse(t, filepath.Join(data, "events", "2025-08.yaml"), report.MaxEventsFileBytes+1<<20)
		}, want: `
data/events/2025-08.yaml: the file is 257 MiB, over the limit of 256 MiB for an events file: split it into several files in events/, one per month or year
`},
		{name: "data-file-too-large", setup: func(t *testing.T, data string) {
			sparse(t, filepath.Join(data, "places.yaml"), report.MaxDataFileBytes+1)
		}, want: `
data/places.yaml: the file is 16,777,217 bytes, over the limit of 16 MiB for a data file: split its content, or check that it is the file you meant
`},
		{name: "missing-files", setup: func(t *testing.T, data string) {
			os.Remove(filepath.Join(data, "places.yaml"))
			os.RemoveAll(filepath.Join(data, "letters"))
		}, want: `
data/letters: cannot read the letters folder: it does not exist; create it, even if empty
data/places.yaml: file not found; every data folder needs places.yaml (see the README, "The dataset")
`},
		{name: "no-data-folder", setup: func(t *testing.T, data string) {
			os.RemoveAll(data)
		}, want: `
data: no data folder here; run from the project root or pass --data DIR
`},
		{name: "letter-file-name-too-long", setup: func(t *testing.T, data string) {
			name := strings.Repeat("kayes-", 40) + ".yaml"
			os.Rename(filepath.Join(data, "letters", "2025-07-test.yaml"), filepath.Join(data, "letters", name))
		}, want: `
data/letters/kayes-kayes-kayes-kayes-kayes-kayes-kayes-kayes-kayes-kayes-kayes-kayes-kayes-kayes-kayes-kayes-kayes-kayes-kayes-kayes-kayes-kayes-kayes-kayes-kayes-kayes-kayes-kayes-kayes-kayes-kayes-kayes-kayes-kayes-kayes-kayes-kayes-kayes-kayes-kayes-.yaml: the letter id (the file name without .yaml) has 240 characters, over the limit of 64: it names the letter's output folder and files; rename the file
`},
		{name: "million-item-list", setup: func(t *testing.T, data string) {
			ids := make([]string, 1_000_000)
			for i := range ids {
				ids[i] = fmt.Sprintf("s%d", i%1000) // repeats too: a set, not a scan, finds them
			}
			replaceIn(t, filepath.Join(data, "events", "2025-07.yaml"), "sources: [soleil-2025-07-02]",
				"sources: [soleil-2025-07-02, "+strings.Join(ids, ", ")+"]")
		}, want: `
data/events/2025-07.yaml:24:14: sources lists 1,000,001 items, over the limit of 50: shorten the list
` + func() string {
			var b strings.Builder
			col := 34
			for i := range 49 {
				fmt.Fprintf(&b, "data/events/2025-07.yaml:24:%d: event \"drivers-kidnapped\" refers to unknown source \"s%d\"; define it in sources.yaml\n", col, i)
				col += len(fmt.Sprintf("s%d, ", i))
			}
			return b.String()
		}()},
		{name: "url-too-long", setup: func(t *testing.T, data string) {
			replaceIn(t, filepath.Join(data, "sources.yaml"), "https://lesoleil.sn/gora-khouma/",
				"https://lesoleil.sn/gora-khouma/?utm="+strings.Repeat("x", 2100))
		}, want: `
data/sources.yaml:13:10: url has 2,137 characters, over the limit of 2,048: link to a shorter address for the same page
`},
		{name: "binary-file-as-data", setup: func(t *testing.T, data string) {
			write(t, filepath.Join(data, "corridors.yaml"), append([]byte("corridors:\n"), make([]byte, 5000)...))
		}, want: `
data/corridors.yaml: 4,990 more control or bidirectional formatting characters in this file; is it a text file? remove them
` + strings.Repeat("", 0) + func() string {
			var b strings.Builder
			for col := 1; col <= 10; col++ {
				fmt.Fprintf(&b, "data/corridors.yaml:2:%d: control character U+0000 (NUL) is not allowed: it is invisible, and would corrupt the letter and the annex; remove it\n", col)
			}
			return b.String()
		}()},
		{name: "folders-that-are-not", unix: true, setup: func(t *testing.T, data string) {
			os.RemoveAll(filepath.Join(data, "events"))
			write(t, filepath.Join(data, "events"), []byte("events: []\n"))
			os.RemoveAll(filepath.Join(data, "letters"))
			mkfifo(t, filepath.Join(data, "letters"))
		}, want: `
data/events: the events folder is a file, not a folder: move it away and create the folder
data/letters: the letters folder is a named pipe (FIFO), not a folder: move it away and create the folder
`},
		{name: "unreadable-file", unix: true, setup: func(t *testing.T, data string) {
			if os.Geteuid() == 0 {
				t.Skip("root reads every file")
			}
			os.Chmod(filepath.Join(data, "corridors.yaml"), 0)
		}, want: `
data/corridors.yaml: the file cannot be read: permission denied
`},
		{name: "coverage-too-long", setup: func(t *testing.T, data string) {
			entries := strings.Repeat("    - {from: 2025-06-01, to: 2025-07-31}\n", report.MaxCoverage+1)
			write(t, filepath.Join(data, "dataset.yaml"), []byte("dataset:\n  name: Test\n  language: en\n  coverage:\n"+entries))
		}, want: `
data/dataset.yaml:5:5: coverage lists 1,001 entries, over the limit of 1,000: split the data or shorten the list
`},
		{name: "too-many-events", load: func(dir string) (*report.Dataset, report.Diagnostics) {
			return report.LoadWithMaxEvents(dir, 1)
		}, setup: func(t *testing.T, data string) {}, want: `
data/events/2025-07.yaml:13:5: the data folder holds more than 1 events, the limit; the events from here on are not read: split the dataset into several data folders
`},
		{name: "logo-damaged-jpeg", setup: func(t *testing.T, data string) {
			var b bytes.Buffer
			jpeg.Encode(&b, image.NewGray(image.Rect(0, 0, 64, 64)), nil)
			brandLogo(t, data, "logo.jpg", b.Bytes()[:b.Len()/2])
		}, want: `
data/brand.yaml:2:9: logo "logo.jpg" is a damaged JPEG image (unexpected EOF): export it again
`},
		{name: "logo-png-without-header", setup: func(t *testing.T, data string) {
			brandLogo(t, data, "logo.png", []byte("\x89PNG\r\n\x1a\nnot a header"))
		}, want: `
data/brand.yaml:2:9: logo "logo.png" is a damaged PNG image (no image header): export it again
`},
		{name: "logo-valid-png-and-jpeg", setup: func(t *testing.T, data string) {
			brandLogo(t, data, "img/logo.png", smallPNG(t))
			var b bytes.Buffer
			jpeg.Encode(&b, image.NewGray(image.Rect(0, 0, 4, 4)), nil)
			write(t, filepath.Join(data, "img", "logo.jpeg"), b.Bytes())
		}, want: ``},
		{name: "logo-png-named-jpg", setup: func(t *testing.T, data string) {
			brandLogo(t, data, "logo.jpg", smallPNG(t))
		}, want: `
data/brand.yaml:2:9: logo "logo.jpg" holds a PNG image but is named .jpg: rename it to logo.png
`},
		{name: "logo-jpeg-named-png", setup: func(t *testing.T, data string) {
			var b bytes.Buffer
			jpeg.Encode(&b, image.NewGray(image.Rect(0, 0, 4, 4)), nil)
			brandLogo(t, data, "Logo.PNG", b.Bytes())
		}, want: `
data/brand.yaml:2:9: logo "Logo.PNG" holds a JPEG image but is named .png: rename it to Logo.jpg
`},
		{name: "logo-huge-header", setup: func(t *testing.T, data string) {
			brandLogo(t, data, "logo.png", withIHDR(smallPNG(t), func(h []byte) {
				copy(h[0:8], []byte{0x7f, 0xff, 0xff, 0xff, 0x7f, 0xff, 0xff, 0xff})
			}))
		}, want: `
data/brand.yaml:2:9: logo "logo.png" is 2147483647 × 2147483647 pixels, over the limit of 4000 × 4000: scale it down (the cover prints it 28 mm wide)
`},
		{name: "logo-too-wide", setup: func(t *testing.T, data string) {
			brandLogo(t, data, "logo.png", pngImage(t, image.NewGray(image.Rect(0, 0, 5000, 1))))
		}, want: `
data/brand.yaml:2:9: logo "logo.png" is 5000 × 1 pixels, over the limit of 4000 × 4000: scale it down (the cover prints it 28 mm wide)
`},
		{name: "logo-truncated", setup: func(t *testing.T, data string) {
			img := pngImage(t, image.NewNRGBA(image.Rect(0, 0, 64, 64)))
			brandLogo(t, data, "logo.png", img[:len(img)-30])
		}, want: `
data/brand.yaml:2:9: logo "logo.png" is a damaged PNG image (png: invalid format: not enough pixel data): export it again
`},
		{name: "logo-corrupt-header", setup: func(t *testing.T, data string) {
			img := smallPNG(t)
			img[29] ^= 0xff // the header's checksum no longer matches
			brandLogo(t, data, "logo.png", img)
		}, want: `
data/brand.yaml:2:9: logo "logo.png" is a damaged PNG image (png: invalid format: invalid checksum): export it again
`},
		{name: "logo-interlaced", setup: func(t *testing.T, data string) {
			brandLogo(t, data, "logo.png", withIHDR(smallPNG(t), func(h []byte) { h[12] = 1 }))
		}, want: `
data/brand.yaml:2:9: logo "logo.png" is a PNG image that is interlaced, which the PDF library cannot embed: save it again as a non-interlaced PNG with 8 bits per channel
`},
		{name: "logo-16-bit", setup: func(t *testing.T, data string) {
			brandLogo(t, data, "logo.png", pngImage(t, image.NewGray16(image.Rect(0, 0, 2, 2))))
		}, want: `
data/brand.yaml:2:9: logo "logo.png" is a PNG image with 16 bits per channel, which the PDF library cannot embed: save it again as a non-interlaced PNG with 8 bits per channel
`},
		{name: "logo-too-large", setup: func(t *testing.T, data string) {
			brandLogo(t, data, "logo.png", nil)
			sparse(t, filepath.Join(data, "logo.png"), report.MaxLogoBytes+1<<20)
		}, want: `
data/brand.yaml:2:9: logo "logo.png" is 11 MiB, over the limit of 10 MiB for a logo: save it smaller, or as a JPEG
`},
		{name: "logo-special-files", unix: true, setup: func(t *testing.T, data string) {
			write(t, filepath.Join(data, "brand.yaml"), []byte("brand:\n  logo: logo.png\n"))
			symlink(t, "/dev/zero", filepath.Join(data, "logo.png"))
		}, want: `
data/brand.yaml:2:9: logo "logo.png" ` + outsideMsg + `
`},
		{name: "logo-fifo", unix: true, setup: func(t *testing.T, data string) {
			brandLogo(t, data, "logo.png", nil)
			mkfifo(t, filepath.Join(data, "logo.png"))
		}, want: `
data/brand.yaml:2:9: logo "logo.png" is a named pipe (FIFO), not a regular file: a data file must be a plain file; remove or rename it
`},
		{name: "logo-folder", setup: func(t *testing.T, data string) {
			brandLogo(t, data, "logo.png", nil)
			os.MkdirAll(filepath.Join(data, "logo.png"), 0o755)
		}, want: `
data/brand.yaml:2:9: logo "logo.png" is a folder, not a regular file: a data file must be a plain file; remove or rename it
`},
		{name: "logo-link-out-of-folder", unix: true, setup: func(t *testing.T, data string) {
			brandLogo(t, data, "img/logo.png", nil)
			dir := filepath.Dir(outside(t, "logo.png"))
			write(t, filepath.Join(dir, "logo.png"), smallPNG(t))
			symlink(t, dir, filepath.Join(data, "img"))
		}, want: `
data/brand.yaml:2:9: logo "img/logo.png" lies in a folder that is a symbolic link to outside the data folder, which briefing does not read: copy the files into the data folder instead of linking to them
`},
	}
}

// BenchmarkLoadLongList loads events whose lists of sources and targets
// hold a million items each: the loader must stay linear (a duplicate
// check that scanned the list so far would take hours).
func BenchmarkLoadLongList(b *testing.B) {
	root := fixture.Assemble(b, "testdata/base", "")
	ids := make([]string, 1_000_000)
	for i := range ids {
		ids[i] = fmt.Sprintf("s%d", i)
	}
	list := "[" + strings.Join(ids, ", ") + "]"
	events := "events:\n  - id: long\n    date: 2025-07-01\n    event_type: Battles\n    sub_event_type: Armed clash\n" +
		"    actor1: JNIM\n    place: kayes\n    summary: Long lists.\n    sources: " + list + "\n    targets: " + list + "\n"
	if err := os.WriteFile(filepath.Join(root, "data", "events", "2025-08.yaml"), []byte(events), 0o644); err != nil {
		b.Fatal(err)
	}
	for b.Loop() {
		report.Load(filepath.Join(root, "data"))
	}
}

// BenchmarkLoadDanglingReferences loads 20,000 events each citing a source
// that does not exist, among 20,000 that do: suggesting the nearest id for
// each ("did you mean") must not compare every id with every other.
func BenchmarkLoadDanglingReferences(b *testing.B) {
	root := fixture.Assemble(b, "testdata/base", "")
	const n = 20_000
	var sources, events strings.Builder
	sources.WriteString("sources:\n")
	events.WriteString("events:\n")
	for i := range n {
		fmt.Fprintf(&sources, "  - {id: source-%05d, publisher: P, title: T, date: \"2025\", language: en, kind: news}\n", i)
		fmt.Fprintf(&events, "  - {id: e%d, date: 2025-07-01, event_type: Battles, sub_event_type: Armed clash, actor1: A, place: kayes, summary: S, sources: [source-%05dx]}\n", i, i)
	}
	sources.WriteString(strings.TrimPrefix(readFile(b, "testdata/base/sources.yaml"), "sources:\n"))
	write(b, filepath.Join(root, "data", "sources.yaml"), []byte(sources.String()))
	write(b, filepath.Join(root, "data", "events", "2025-08.yaml"), []byte(events.String()))
	for b.Loop() {
		report.Load(filepath.Join(root, "data"))
	}
}

// TestAliasBomb: a few lines of anchors and aliases that would expand to
// ten billion items give one error per anchor and alias, because the
// loader never follows an alias.
func TestAliasBomb(t *testing.T) {
	var b strings.Builder
	b.WriteString("letter:\n  series: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol, lol]\n")
	for i := 1; i <= 9; i++ {
		fmt.Fprintf(&b, "  x%d: &a%d [%s]\n", i, i, strings.TrimSuffix(strings.Repeat(fmt.Sprintf("*a%d, ", i-1), 10), ", "))
	}
	b.WriteString("  title: *a9\n")
	root := fixture.Assemble(t, "testdata/base", "")
	write(t, filepath.Join(root, "data", "letters", "2025-07-test.yaml"), []byte(b.String()))
	_, diags := report.Load(filepath.Join(root, "data"))
	aliases := 0
	for _, d := range diags {
		if strings.Contains(d.Message, "anchors and aliases are not supported") {
			aliases++
		}
	}
	if want := 10 + 9*10 + 1; aliases != want {
		t.Errorf("%d errors about anchors and aliases, want %d (one per anchor and alias):\n%v", aliases, want, diags)
	}
}
