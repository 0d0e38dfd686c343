package pdf_test

import (
	"bytes"
	"context"
	"flag"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"

	"briefing/charts"
	"briefing/internal/pdftest"
	"briefing/report"
	"briefing/report/locale"
	"briefing/report/pdf"
)

var (
	update = flag.Bool("update", false, "rewrite golden files")
	pdfOut = flag.String("pdfout", "", "also write the test letters into this `DIR`, to look at them")
)

var issued = time.Date(2025, 9, 30, 0, 0, 0, 0, time.UTC)

func loadSample(t testing.TB) (*report.Dataset, *report.Letter) {
	t.Helper()
	ds, diags := report.Load("../../data")
	if diags.HasErrors() {
		t.Fatalf("sample data: %v", diags)
	}
	l, ok := ds.Letter("2025-09-kayes")
	if !ok {
		t.Fatal("no sample letter")
	}
	return ds, l
}

// build renders a letter and reads it back.
func build(t testing.TB, ds *report.Dataset, l *report.Letter) ([]byte, *pdftest.Doc, report.Diagnostics) {
	t.Helper()
	cat, err := locale.For(l.Language)
	if err != nil {
		t.Fatal(err)
	}
	fonts, err := charts.NewFontSet()
	if err != nil {
		t.Fatal(err)
	}
	var buf bytes.Buffer
	warnings, err := pdf.Write(context.Background(), &buf, ds.Select(l), pdf.Options{Catalog: cat, Fonts: fonts, Generator: "briefing test", Date: issued})
	if err != nil {
		t.Fatalf("Write: %v", err)
	}
	if *pdfOut != "" {
		os.WriteFile(filepath.Join(*pdfOut, strings.ReplaceAll(t.Name(), "/", "-")+".pdf"), buf.Bytes(), 0o644)
	}
	doc, err := pdftest.Parse(buf.Bytes())
	if err != nil {
		t.Fatalf("reading the PDF back: %v", err)
	}
	return buf.Bytes(), doc, warnings
}

// flat joins a document's text into one line of single spaces, so that a
// phrase is found wherever the typesetter broke its lines.
// Only ASCII white space is collapsed: no-break spaces are text to check.
func flat(s string) string {
	return strings.Join(strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '\n' || r == '\t' || r == '\f' }), " ")
}

func TestSampleLetter(t *testing.T) {
	ds, l := loadSample(t)
	_, doc, warnings := build(t, ds, l)
	if len(warnings) != 0 {
		t.Errorf("warnings: %v", warnings)
	}
	n := len(doc.Pages)
	if n < 12 || n > 24 {
		t.Errorf("%d pages, want 12 to 24", n)
	}
	text := flat(doc.Text())

	t.Run("cover", func(t *testing.T) {
		cover := flat(doc.PageText(0))
		for _, want := range []string{"TIMBUKTU INSTITUTE", "LETTER FROM THE OBSERVATORY", "JNIM in Kayes", "Economic Fragility and Cross-Border Threats", "September 2025", "timbuktu-institute.org"} {
			if !strings.Contains(cover, want) {
				t.Errorf("cover lacks %q: %s", want, cover)
			}
		}
		if strings.Contains(cover, "page 1 of") {
			t.Error("the cover carries a page number")
		}
	})

	t.Run("headings in order", func(t *testing.T) {
		headings := []string{"Key figures", "Key points"}
		for _, s := range l.Sections {
			headings = append(headings, s.Title)
		}
		headings = append(headings, "Chronology of events", "Sources cited", "Methodology and data", "How to cite this letter")
		at := 0
		for _, h := range headings {
			i := strings.Index(text[at:], h)
			if i < 0 {
				t.Fatalf("heading %q missing, or out of order", h)
			}
			at += i + len(h)
		}
	})

	t.Run("page N of M", func(t *testing.T) {
		for i := range doc.Pages {
			page := doc.PageText(i)
			want := fmt.Sprintf("page %d of %d", i+1, n)
			has := strings.Contains(page, want)
			if chrome := i > 0 && i < n-1; has != chrome {
				t.Errorf("page %d: shows %q = %v, want %v", i+1, want, has, chrome)
			}
			if i > 0 && i < n-1 && !strings.Contains(page, "Letter from the Observatory") {
				t.Errorf("page %d lacks the running header", i+1)
			}
		}
	})

	t.Run("notes", func(t *testing.T) {
		cat, _ := locale.For("en")
		for _, s := range l.Sections {
			for _, id := range s.Body.Notes() {
				src, _ := ds.Source(id)
				// The original title, and its English in brackets.
				note := src.Publisher + " (" + cat.PartialDate(src.Date) + "). " + strings.TrimRight(src.Title, ".")
				if src.Language != "en" && src.TitleTranslation.Has("en") {
					note += " [" + strings.TrimRight(src.TitleTranslation.In("en"), ".") + "]"
				}
				note += "."
				if !strings.Contains(text, flat(note)) {
					t.Errorf("section %q: note %q missing", s.Title, note)
				}
			}
		}
	})

	t.Run("links", func(t *testing.T) {
		uris := map[string]bool{}
		internal := 0
		for _, p := range doc.Pages {
			for _, link := range p.Links {
				if link.URI != "" {
					uris[link.URI] = true
				} else if link.Page > 0 {
					internal++
				}
			}
		}
		for _, s := range ds.Sources {
			if s.URL != "" && !uris[s.URL] && strings.Contains(text, s.Publisher) {
				t.Errorf("no live link to %s", s.URL)
			}
		}
		notes := 0
		for _, s := range l.Sections {
			notes += len(s.Body.Notes())
		}
		if internal < notes {
			t.Errorf("%d internal links, want at least one per note reference (%d)", internal, notes)
		}
		if !uris["https://timbuktu-institute.org"] {
			t.Error("no link to the institute's website")
		}
	})

	// Each "Figure N" that @fig:NAME prints in the text links to the page
	// where Figure N's caption stands, at its height.
	t.Run("figure references", func(t *testing.T) {
		caption := map[int][2]float64{} // figure number: page, caption top
		number := regexp.MustCompile(`^(\d+)\.$`)
		for i, p := range doc.Pages {
			// A caption is set word by word: "Figure ", "1. ", ….
			for j, r := range p.Text[:max(0, len(p.Text)-1)] {
				m := number.FindStringSubmatch(strings.TrimSpace(p.Text[j+1].Text))
				if strings.TrimSpace(r.Text) == "Figure" && m != nil && p.Text[j+1].Y == r.Y {
					n, _ := strconv.Atoi(m[1])
					caption[n] = [2]float64{float64(i + 1), r.Y}
				}
			}
		}
		refs := 0
		for _, p := range doc.Pages {
			for _, r := range p.Text {
				if !strings.HasPrefix(r.Text, "Figure\u00a0") {
					continue
				}
				refs++
				n, _ := strconv.Atoi(strings.TrimSpace(strings.TrimPrefix(r.Text, "Figure\u00a0")))
				at, ok := caption[n]
				if !ok {
					t.Errorf("page %d: %q refers to no figure", p.Number, r.Text)
					continue
				}
				found := false
				for _, link := range p.Links {
					over := r.X >= link.X-1 && r.X <= link.X+link.W && r.Y >= link.Y && r.Y <= link.Y+link.H+2
					if over && link.Page == int(at[0]) && link.DestY <= at[1] && link.DestY > at[1]-30 {
						found = true
					}
				}
				if !found {
					t.Errorf("page %d: %q has no link to its caption on page %d", p.Number, r.Text, int(at[0]))
				}
			}
		}
		if refs != 3 {
			t.Errorf("%d figure references in the text, want the sample's 3", refs)
		}
	})

	t.Run("outline", func(t *testing.T) {
		var titles []string
		for _, o := range doc.Outline {
			titles = append(titles, o.Title)
			if o.Page < 1 || !strings.Contains(flat(doc.PageText(o.Page-1)), flat(o.Title)) {
				t.Errorf("bookmark %q points to page %d, which does not show it", o.Title, o.Page)
			}
		}
		for _, s := range l.Sections {
			if !slices.Contains(titles, s.Title) {
				t.Errorf("no bookmark for section %q; bookmarks: %q", s.Title, titles)
			}
		}
		for _, want := range []string{"Key figures", "Chronology of events", "Sources cited", "Methodology and data"} {
			if !slices.Contains(titles, want) {
				t.Errorf("no bookmark %q", want)
			}
		}
	})

	t.Run("metadata", func(t *testing.T) {
		want := map[string]string{
			"Title":   "JNIM in Kayes: Economic Fragility and Cross-Border Threats",
			"Author":  "Timbuktu Institute",
			"Subject": "Letter from the Observatory – September 2025",
			"Creator": "briefing test",
		}
		for k, v := range want {
			if doc.Info[k] != v {
				t.Errorf("Info %s = %q, want %q", k, doc.Info[k], v)
			}
		}
		for _, kw := range []string{"Kayes", "RN1", "Battles"} {
			if !strings.Contains(doc.Info["Keywords"], kw) {
				t.Errorf("Keywords %q lack %q", doc.Info["Keywords"], kw)
			}
		}
		if !strings.HasPrefix(doc.Info["CreationDate"], "D:20250930") {
			t.Errorf("CreationDate = %q, want the issued date", doc.Info["CreationDate"])
		}
		if doc.Lang != "en" {
			t.Errorf("Lang = %q", doc.Lang)
		}
	})

	t.Run("fonts embedded as subsets", func(t *testing.T) {
		if len(doc.Fonts) == 0 {
			t.Fatal("no fonts")
		}
		full := map[string]int{}
		fonts, _ := charts.NewFontSet()
		names := map[string]string{"LiberationSans": "LibSans", "LiberationSerif": "LibSerif"}
		styles := map[string]string{"": "Reg", "B": "Bold", "I": "Ital", "BI": "BldIt"}
		for _, f := range fonts.Faces() {
			full[names[f.Family]+"-"+styles[f.Style]] = numGlyphs(t, f.TTF)
		}
		for _, f := range doc.Fonts {
			if !f.Embedded {
				t.Errorf("font %s is not embedded", f.Name)
			}
			if !f.Subset {
				t.Errorf("font %s is not tagged as a subset (ABCDEF+Name)", f.Name)
			}
			if n := full[f.Name[strings.Index(f.Name, "+")+1:]]; f.Glyphs == 0 || f.Glyphs >= n {
				t.Errorf("font %s embeds %d glyphs of %d: not a subset", f.Name, f.Glyphs, n)
			}
		}
		if doc.Images != 0 {
			t.Errorf("%d images: the letter and its charts must be vector", doc.Images)
		}
	})

	t.Run("accents and punctuation", func(t *testing.T) {
		for _, want := range []string{"Ségou", "Diéma", "Bafoulabé", "Côte d’Ivoire", "Chérif Bouyé Haïdara", "“lambé”", "Bamako–Dakar", "Mali’s"} {
			if !strings.Contains(text, want) {
				t.Errorf("text lacks %q", want)
			}
		}
		if strings.ContainsRune(text, '\uFFFD') {
			t.Error("text holds U+FFFD: a character lost its glyph")
		}
	})

	t.Run("methodology", func(t *testing.T) {
		for _, want := range []string{"ACLED", "9 September 2025", groupsOf(ds.Fingerprint(), 8), "briefing test", "2025-09-kayes-annex.xlsx"} {
			if !strings.Contains(text, want) {
				t.Errorf("methodology lacks %q", want)
			}
		}
	})

	t.Run("headings never end a page", func(t *testing.T) {
		for _, o := range doc.Outline {
			for _, run := range doc.Pages[o.Page-1].Text {
				if run.Text == o.Title && run.Y > (274-15)*72/25.4 {
					t.Errorf("heading %q sits %.0f mm from the top of page %d, too close to the foot", o.Title, run.Y*25.4/72, o.Page)
				}
			}
		}
	})
}

func groupsOf(s string, n int) string {
	var parts []string
	for len(s) > n {
		parts, s = append(parts, s[:n]), s[n:]
	}
	return strings.Join(append(parts, s), " ")
}

// numGlyphs reads the glyph count of a TrueType font from its maxp table.
func numGlyphs(t *testing.T, ttf []byte) int {
	t.Helper()
	be16 := func(b []byte) int { return int(b[0])<<8 | int(b[1]) }
	tables := be16(ttf[4:])
	for i := range tables {
		rec := ttf[12+16*i:]
		if string(rec[:4]) == "maxp" {
			off := int(rec[8])<<24 | int(rec[9])<<16 | int(rec[10])<<8 | int(rec[11])
			return be16(ttf[off+4:])
		}
	}
	t.Fatal("no maxp table")
	return 0
}

// TestDeterministic: the same data gives the same bytes.
func TestDeterministic(t *testing.T) {
	ds, l := loadSample(t)
	a, _, _ := build(t, ds, l)
	b, _, _ := build(t, ds, l)
	if !bytes.Equal(a, b) {
		t.Error("two builds of the sample letter differ")
	}
	if bytes.Contains(a, []byte(time.Now().Format("20060102"))) && time.Now().Format("20060102") != "20250930" {
		t.Error("the PDF holds today's date")
	}
}

// TestStructure compares the pages of the sample letter, and the headings
// and figure captions on each, with testdata/structure.golden (go test
// -update rewrites it).
func TestStructure(t *testing.T) {
	ds, l := loadSample(t)
	_, doc, _ := build(t, ds, l)
	var b strings.Builder
	caption := regexp.MustCompile(`^Figure \d+\.`)
	for i, p := range doc.Pages {
		fmt.Fprintf(&b, "page %d\n", i+1)
		for _, o := range doc.Outline {
			if o.Page == i+1 {
				fmt.Fprintf(&b, "  %s%s\n", strings.Repeat("  ", o.Level), o.Title)
			}
		}
		for _, line := range p.Lines() {
			if caption.MatchString(line) {
				fmt.Fprintf(&b, "  [%s]\n", line)
			}
		}
	}
	golden := filepath.Join("testdata", "structure.golden")
	if *update {
		os.MkdirAll("testdata", 0o755)
		if err := os.WriteFile(golden, []byte(b.String()), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	want, err := os.ReadFile(golden)
	if err != nil {
		t.Fatalf("%v (go test -update creates it)", err)
	}
	if b.String() != string(want) {
		t.Errorf("structure changed; render the pages and look, then go test -update:\n%s\nwant:\n%s", b.String(), want)
	}
}

// TestFrench builds the sample letter in French: every generated word
// follows the language.
func TestFrench(t *testing.T) {
	ds, l := loadSample(t)
	fr := *l
	fr.Language = "fr"
	_, doc, _ := build(t, ds, &fr)
	text := flat(doc.Text())
	// French typography survives: guillemets with narrow no-break spaces,
	// and the narrow no-break space before a colon.
	for _, want := range []string{"«\u202fnon communiqué\u202f»", "Source\u00a0:", "Septembre 2025", "Chiffres clés", "dont violence politique", "non couverte par les données", "Revendiqué par JNIM\u00a0: 21 morts", "Chronologie des événements", "Sources citées", "Méthodologie et données", "page 2 sur", "Figure 1. Événements par semaine", "1er juin – 30 septembre 2025", "Combats"} {
		if !strings.Contains(text, want) {
			t.Errorf("French letter lacks %q", want)
		}
	}
	for _, unwanted := range []string{"Key figures", "page 2 of", "Events per week"} {
		if strings.Contains(text, unwanted) {
			t.Errorf("French letter shows English %q", unwanted)
		}
	}
}

// TestMissingGlyph: a character the fonts cannot draw is a warning that
// names where it is written.
func TestMissingGlyph(t *testing.T) {
	ds, l := loadSample(t)
	odd := *l
	odd.Sections = slices.Clone(l.Sections)
	odd.Sections[0].Title = "Introduction 漢"
	_, _, warnings := build(t, ds, &odd)
	if len(warnings) != 1 || !strings.Contains(warnings[0].String(), `"漢" (U+6F22)`) || warnings[0].Pos != l.Sections[0].Pos {
		t.Errorf("warnings = %v, want one for 漢 at %s", warnings, l.Sections[0].Pos)
	}
}

// TestBasemapGlyphs: the names of basemap.geojson, which the map may
// label, are checked like every text a letter prints.
func TestBasemapGlyphs(t *testing.T) {
	ds, _ := loadSample(t)
	ds.Basemap = []report.BasemapFeature{{
		Level: "region", Country: "ML", Name: "Ségou 🔥", Names: map[string]string{"en": "Ségou 🔥", "fr": "Ségou 漢"},
		Pos: report.Position{File: "data/basemap.geojson", Line: 3, Col: 5},
	}}
	fonts, err := charts.NewFontSet()
	if err != nil {
		t.Fatal(err)
	}
	var sels []report.Selection
	for i := range ds.Letters {
		sels = append(sels, ds.Select(&ds.Letters[i]))
	}
	var got []string
	for _, g := range pdf.Glyphs(ds, sels, fonts) {
		got = append(got, g.Diagnostic().String())
	}
	want := []string{
		`data/basemap.geojson:3:5: the name of region ML "Ségou 🔥" holds "🔥" (U+1F525), a character beyond U+FFFF (an emoji or a rare script) that the PDF library cannot print; remove it or replace it with words`,
		`data/basemap.geojson:3:5: the name of region ML "Ségou 🔥" holds "漢" (U+6F22), which the letter's fonts (Liberation Serif and Sans) cannot draw: it would print as a blank or a box; remove it or replace it with a character they have`,
	}
	if !slices.Equal(got, want) {
		t.Errorf("glyphs:\n%s\nwant:\n%s", strings.Join(got, "\n"), strings.Join(want, "\n"))
	}
}

// TestEmptyPeriod: a letter whose period holds no event still builds, and
// says so.
func TestEmptyPeriod(t *testing.T) {
	ds, l := loadSample(t)
	empty := *l
	empty.Period = report.Period{From: report.Date{Year: 2030, Month: 1, Day: 1}, To: report.Date{Year: 2030, Month: 1, Day: 31}}
	_, doc, _ := build(t, ds, &empty)
	text := flat(doc.Text())
	for _, want := range []string{"No events in this period", "No event of the letter’s scope falls within its period", "not reported"} {
		if !strings.Contains(text, want) {
			t.Errorf("empty letter lacks %q", want)
		}
	}
}

// TestLogo: a brand's logo is placed on the cover, the only image of the
// letter.
func TestLogo(t *testing.T) {
	ds, l := loadSample(t)
	img := image.NewRGBA(image.Rect(0, 0, 120, 60))
	for x := range 120 {
		for y := range 60 {
			img.Set(x, y, color.RGBA{R: 200, G: 112, B: 42, A: 255})
		}
	}
	path := filepath.Join(t.TempDir(), "logo.png")
	f, err := os.Create(path)
	if err != nil {
		t.Fatal(err)
	}
	if err := png.Encode(f, img); err != nil {
		t.Fatal(err)
	}
	f.Close()
	ds.Brand.Logo = path
	_, doc, _ := build(t, ds, l)
	if doc.Images != 1 {
		t.Errorf("%d images, want the logo alone", doc.Images)
	}
}
