package build

import (
	"bytes"
	"context"
	"encoding/binary"
	"hash/crc32"
	"image"
	"image/color"
	"image/jpeg"
	"image/png"
	"io"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"briefing/internal/fixture"
	"briefing/report"
	"briefing/report/locale"
	"briefing/report/xlsx"
)

func testEnv(t *testing.T) *Env {
	t.Helper()
	env, err := NewEnv("briefing test", time.Date(2025, 9, 30, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	return env
}

// loadFixture lays files over a copy of the sample data folder, chdirs to
// it so that positions read "data/…", and loads it.
func loadFixture(t *testing.T, files map[string]string) *report.Dataset {
	t.Helper()
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	root := fixture.Assemble(t, filepath.Join(wd, "../../data"), "")
	for name, content := range files {
		p := filepath.Join(root, "data", filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(p, []byte(content), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	t.Chdir(root)
	ds, diags := report.Load("data")
	if diags.HasErrors() {
		t.Fatalf("the fixture does not load:\n%v", diags)
	}
	return ds
}

// TestCheckSample: the sample data holds nothing the renderers refuse.
func TestCheckSample(t *testing.T) {
	ds, diags := report.Load("../../data")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	if diags := Check(ds, testEnv(t)); len(diags) > 0 {
		t.Errorf("Check(sample):\n%v", diags)
	}
}

const extraLetter = `letter:
  series: Letter from the Observatory
  title: "Kayes ☕ and the “RN1”"
  issued: 2025-09-30
  language: en
  period: {from: 2025-06-01, to: 2025-09-30}
  key_points:
    - One.
    - "Two \U0001F600 escaped."
    - Three é😀.
  sections:
    - title: Introduction
      body: |
        First line.

        Ségou 😀 and 🚚.
`

// TestCheckPositions: every character the letter cannot print is an error
// at the line and column it is written at, or at the start of its text
// when it is escaped.
func TestCheckPositions(t *testing.T) {
	ds := loadFixture(t, map[string]string{
		"letters/2025-09-extra.yaml": extraLetter,
		"brand.yaml":                 "brand:\n  tagline: \"Peace 🕊 studies\"\n",
	})
	var got []string
	for _, d := range Check(ds, testEnv(t)) {
		if d.Severity == report.Warning {
			continue // the French sample's tagline, now English (see TestTextProblems)
		}
		got = append(got, d.Pos.String()+" "+d.Message[:strings.Index(d.Message, "),")+1])
	}
	want := []string{
		`data/brand.yaml:2:19 the brand's tagline holds "🕊" (U+1F54A)`,
		`data/letters/2025-09-extra.yaml:3:17 the title of letter "2025-09-extra" holds "☕" (U+2615)`,
		`data/letters/2025-09-extra.yaml:9:7 a key point of letter "2025-09-extra" holds "😀" (U+1F600)`,
		`data/letters/2025-09-extra.yaml:10:14 a key point of letter "2025-09-extra" holds "😀" (U+1F600)`,
		`data/letters/2025-09-extra.yaml:16:15 the body of section 1 of letter "2025-09-extra" holds "😀" (U+1F600)`,
		`data/letters/2025-09-extra.yaml:16:21 the body of section 1 of letter "2025-09-extra" holds "🚚" (U+1F69A)`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestFooterLimit pins footerProblem to the annex: a series and title that
// fill the footer to Excel's limit build, one character more fails, in
// both languages, and Check says so before the annex would.
func TestFooterLimit(t *testing.T) {
	ds, diags := report.Load("../../data")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	for _, lang := range []string{"en", "fr"} {
		cat, err := locale.For(lang)
		if err != nil {
			t.Fatal(err)
		}
		l := ds.Letters[0]
		l.Language = lang
		l.Series = "Letter from the Observatory & friends"
		fixed := utf16Len("&L&8&R&8"+cat.T("annex.print.page", "&P", "&N")) + utf16Len(strings.ReplaceAll(l.Series+" – ", "&", "&&"))
		for _, extra := range []int{0, 1} {
			l.Title = strings.Repeat("é", maxFooterUnits-fixed+extra)
			problem := footerProblem(&l)
			if (problem != "") != (extra > 0) {
				t.Errorf("%s, %d characters over: footerProblem = %q", lang, extra, problem)
			}
			_, err := xlsx.Write(context.Background(), io.Discard, ds.Select(&l), xlsx.Options{Catalog: cat, Brand: ds.Brand, Generator: "test"})
			if (err != nil) != (extra > 0) {
				t.Errorf("%s, %d characters over: the annex fails with %v", lang, extra, err)
			}
		}
	}
}

// TestLetterRecovers: a panic while building (here, forced by a nil
// letter, a bug no data can cause) is an error that asks for a report, not
// a crash.
func TestLetterRecovers(t *testing.T) {
	ds, diags := report.Load("../../data")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	_, _, err := Letter(context.Background(), ds, nil, testEnv(t))
	if err == nil || !strings.HasPrefix(err.Error(), "internal error: ") || !strings.Contains(err.Error(), "please report it") || !strings.Contains(err.Error(), " at briefing/") {
		t.Errorf("err = %v", err)
	}
}

// TestLetterRefusesEmoji: a caller of Letter who skipped Check gets an
// error naming the character, not fpdf's panic.
func TestLetterRefusesEmoji(t *testing.T) {
	ds, diags := report.Load("../../data")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	l := ds.Letters[0]
	l.Title = "Kayes 🔥"
	_, _, err := Letter(context.Background(), ds, &l, testEnv(t))
	if err == nil || !strings.Contains(err.Error(), `"🔥" (U+1F525)`) || strings.Contains(err.Error(), "internal error") {
		t.Errorf("err = %v", err)
	}
}

func testLogo() *image.NRGBA {
	img := image.NewNRGBA(image.Rect(0, 0, 60, 30))
	for i := range img.Pix {
		img.Pix[i] = byte(i*31) | 0x80
	}
	return img
}

func pngBytes(t *testing.T, img image.Image) []byte {
	var b bytes.Buffer
	if err := png.Encode(&b, img); err != nil {
		t.Fatal(err)
	}
	return b.Bytes()
}

// interlaced1x1 is a one-pixel PNG marked Adam7-interlaced: with one pixel
// the interlaced data is the plain data, so only the header changes.
func interlaced1x1(t *testing.T) []byte {
	img := image.NewNRGBA(image.Rect(0, 0, 1, 1))
	img.SetNRGBA(0, 0, color.NRGBA{R: 200, A: 255})
	b := pngBytes(t, img)
	b[28] = 1 // IHDR's interlace method
	binary.BigEndian.PutUint32(b[29:], crc32.ChecksumIEEE(b[12:29]))
	return b
}

func TestCheckLogo(t *testing.T) {
	good := pngBytes(t, testLogo())
	var jpg bytes.Buffer
	if err := jpeg.Encode(&jpg, testLogo(), nil); err != nil {
		t.Fatal(err)
	}
	gray16 := image.NewGray16(image.Rect(0, 0, 40, 20))
	alpha16 := image.NewNRGBA64(image.Rect(0, 0, 40, 20))
	for i := range alpha16.Pix {
		alpha16.Pix[i] = byte(i)
	}
	paletted := image.NewPaletted(image.Rect(0, 0, 40, 20), color.Palette{color.NRGBA{}, color.NRGBA{R: 255, A: 255}})
	huge := []byte("\x89PNG\r\n\x1a\n\x00\x00\x00\x0dIHDR\x00\x01\x00\x00\x00\x01\x00\x00\x08\x02\x00\x00\x00")
	huge = binary.BigEndian.AppendUint32(huge, crc32.ChecksumIEEE(huge[12:29]))

	tests := []struct {
		name string
		data []byte
		want string // a part of the error; "" for none
	}{
		{"rgba.png", good, ""},
		{"photo.jpg", jpg.Bytes(), ""},
		{"photo.jpeg", jpg.Bytes(), ""},
		{"gray16.png", pngBytes(t, gray16), ""},
		{"paletted.png", pngBytes(t, paletted), ""},
		{"empty.png", nil, "is an empty file"},
		{"text.png", []byte("<svg>not a PNG</svg>\n"), "is not a PNG or JPEG image (it holds text)"},
		{"binary.png", []byte{0, 1, 2, 3, 4, 5, 6, 7, 8, 9}, "first bytes are those of neither"},
		{"truncated.png", good[:len(good)/2], "is damaged or cut short"},
		{"header-only.png", good[:40], "is damaged"},
		{"truncated.jpg", jpg.Bytes()[:jpg.Len()/2], "is damaged"},
		{"png.jpg", good, "is a PNG image named .jpg"},
		{"jpeg.png", jpg.Bytes(), "is a JPEG image named .png"},
		{"interlaced.png", interlaced1x1(t), "is an interlaced PNG"},
		{"alpha16.png", pngBytes(t, alpha16), "is a 16-bit PNG with transparency"},
		{"huge.png", huge, "is 65536×65536 pixels"},
	}
	dir := t.TempDir()
	for _, tt := range tests {
		path := filepath.Join(dir, tt.name)
		if err := os.WriteFile(path, tt.data, 0o644); err != nil {
			t.Fatal(err)
		}
		err := checkLogo(path, tt.name)
		switch {
		case tt.want == "" && err != nil:
			t.Errorf("%s: %v", tt.name, err)
		case tt.want != "" && (err == nil || !strings.Contains(err.Error(), tt.want)):
			t.Errorf("%s: %v; want an error with %q", tt.name, err, tt.want)
		}
	}
	if err := checkLogo(dir, "folder.png"); err == nil || !strings.Contains(err.Error(), "not a regular file") {
		t.Errorf("a folder: %v", err)
	}
}

// TestCheckTextLanguages: Check warns, once per text and naming the
// letters, about a summary the French sample would print in English and
// about one given as English that reads as French, at the event.
func TestCheckTextLanguages(t *testing.T) {
	ds := loadFixture(t, map[string]string{
		"events/2025-08-extra.yaml": `events:
  - id: checkpoint-attack-2025-08-10
    date: 2025-08-10
    event_type: Battles
    sub_event_type: Armed clash
    actor1: JNIM
    place: kayes
    summary: Des combattants du JNIM ont attaqué le poste de contrôle de l’armée à l’entrée de la ville et ont incendié deux de ses véhicules.
    sources: [journaldumali-2025-07-11]
`,
	})
	var got []string
	for _, d := range Check(ds, testEnv(t)) {
		if strings.Contains(d.Message, "checkpoint-attack") {
			got = append(got, d.Pos.String()+": "+d.Message)
		}
	}
	want := []string{
		`data/events/2025-08-extra.yaml:2:5: the summary of event "checkpoint-attack-2025-08-10" has no French (fr) text: letter 2025-09-kayes-fr prints its English (en) text; add fr: "…"`,
		`data/events/2025-08-extra.yaml:2:5: the summary of event "checkpoint-attack-2025-08-10", given as its English (en) text, reads as French (fr): letter 2025-09-kayes prints it as it is; write it in English (en), or give it by language with the French (fr) under fr:`,
	}
	if strings.Join(got, "\n") != strings.Join(want, "\n") {
		t.Errorf("got:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}
