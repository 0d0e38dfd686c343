package pdftest

import (
	"bytes"
	"compress/zlib"
	"flag"
	"fmt"
	"image"
	"image/color"
	pngenc "image/png"
	"math"
	"math/rand/v2"
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"

	"codeberg.org/go-pdf/fpdf"
	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifregular"
)

// go test ./... -update passes the flag to every package.
var _ = flag.Bool("update", false, "update golden files (none in this package)")

const (
	nnbsp     = "\u202f" // narrow no-break space
	accented  = "Ségou, Diéma, Bafoulabé – «" + nnbsp + "Côte d’Ivoire" + nnbsp + "» … 1" + nnbsp + "000" + nnbsp + "%"
	paragraph = "Les incidents signalés sur les corridors de Kayes et de Nioro du Sahel ont augmenté au cours du mois ; " +
		"les convois doivent partir à l’aube, escortés, et signaler chaque arrêt à la cellule de veille."
	uri     = "https://codeberg.org/go-pdf/fpdf?q=(a)&b=é"
	mapsURI = "https://www.openstreetmap.org/#map=7/13.5/-7.9"
)

// letter builds a three-page document with fpdf: Liberation Serif pages
// around a Helvetica one, links, bookmarks, metadata and page numbers.
func letter(t testing.TB, compress bool) []byte {
	t.Helper()
	fpdf.SetDefaultCatalogSort(true)
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCompression(compress)
	when := time.Date(2025, 9, 30, 12, 0, 0, 0, time.UTC)
	pdf.SetCreationDate(when)
	pdf.SetModificationDate(when)
	pdf.AddUTF8FontFromBytes("serif", "", liberationserifregular.TTF)
	pdf.AddUTF8FontFromBytes("serif", "B", liberationserifbold.TTF)
	pdf.SetTitle("Note de synthèse — Mali", true)
	pdf.SetAuthor("Équipe « Sahel »", true)
	pdf.SetSubject("Incidents sur les corridors", true)
	pdf.SetKeywords("sécurité, routes, Kayes", true)
	pdf.SetCreator("briefing", true)
	pdf.SetLang("fr-FR")
	pdf.AliasNbPages("")
	pdf.SetFooterFunc(func() {
		pdf.SetFont("serif", "", 9)
		pdf.SetY(-15)
		pdf.CellFormat(0, 10, fmt.Sprintf("page %d of {nb}", pdf.PageNo()), "", 0, "C", false, 0, "")
	})
	annex := pdf.AddLink()

	// Page 1.
	pdf.AddPage()
	pdf.SetFont("serif", "B", 16)
	pdf.Bookmark("Synthèse", 0, -1)
	pdf.Cell(0, 10, "Synthèse")
	pdf.SetFont("serif", "", 12)
	pdf.SetXY(20, 30)
	pdf.Cell(0, 8, accented)
	pdf.SetXY(20, 40)
	pdf.CellFormat(50, 8, "Voir l’annexe", "", 0, "L", false, annex, "")
	pdf.CellFormat(80, 8, "codeberg.org/go-pdf/fpdf", "", 1, "L", false, 0, uri)
	pdf.SetXY(20, 55)
	pdf.Bookmark("Contexte", 1, -1)
	pdf.MultiCell(170, 6, paragraph, "", "J", false)
	pdf.TransformBegin()
	pdf.TransformRotate(90, 15, 200)
	pdf.Text(15, 200, "Confidentiel")
	pdf.TransformEnd()

	// Page 2, in a core font.
	pdf.AddPage()
	pdf.SetFont("serif", "B", 16)
	pdf.Bookmark("Données", 0, -1) // while a UTF-8 font is current
	tr := pdf.UnicodeTranslatorFromDescriptor("")
	pdf.SetFont("Helvetica", "", 11)
	pdf.Cell(0, 10, tr("Ségou – « Côte d’Ivoire » … 100 € (estimé)"))
	pdf.Ln(10)
	pdf.SetFont("Helvetica", "B", 11)
	pdf.Cell(30, 8, "Corridor")
	pdf.Cell(30, 8, "Incidents")
	pdf.Ln(8)
	pdf.SetFont("Helvetica", "", 11)
	pdf.Cell(30, 8, "Kayes")
	pdf.Cell(30, 8, "19")
	pdf.LinkString(10, 100, 50, 30, mapsURI)

	// Page 3.
	pdf.AddPage()
	pdf.SetLink(annex, -1, -1)
	pdf.SetFont("serif", "B", 16)
	pdf.Bookmark("Annexe", 0, -1)
	pdf.Cell(0, 10, "Annexe")
	pdf.Ln(12)
	pdf.SetFont("serif", "", 12)
	pdf.Bookmark("Sources", 1, -1)
	pdf.Write(6, "Sources : ")
	pdf.WriteLinkString(6, "OpenStreetMap", mapsURI)

	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatalf("fpdf: %v", err)
	}
	return buf.Bytes()
}

func parseLetter(t *testing.T, compress bool) *Doc {
	t.Helper()
	data := letter(t, compress)
	// fpdf always compresses font programs; page content only on demand.
	if got := !bytes.Contains(data, []byte(" Td (")); got != compress {
		t.Fatalf("compress %v, but page content compressed: %v", compress, got)
	}
	doc, err := Parse(data)
	if err != nil {
		t.Fatalf("Parse: %v", err)
	}
	return doc
}

func TestLetter(t *testing.T) {
	for _, compress := range []bool{false, true} {
		t.Run(fmt.Sprintf("compress=%v", compress), func(t *testing.T) {
			doc := parseLetter(t, compress)
			if len(doc.Pages) != 3 {
				t.Fatalf("%d pages, want 3", len(doc.Pages))
			}
			for i, p := range doc.Pages {
				if p.Number != i+1 || !near(p.Width, 595.28) || !near(p.Height, 841.89) {
					t.Errorf("page %d: number %d, %g×%g pt, want A4", i+1, p.Number, p.Width, p.Height)
				}
			}
			wantLines := [][]string{
				{
					"Synthèse",
					accented,
					"Voir l’annexe codeberg.org/go-pdf/fpdf",
					// the justified paragraph, checked below
					"Confidentiel",
					"page 1 of 3",
				},
				{
					"Ségou – « Côte d’Ivoire » … 100 € (estimé)",
					"Corridor Incidents",
					"Kayes 19",
					"page 2 of 3",
				},
				{
					"Annexe",
					"Sources : OpenStreetMap",
					"page 3 of 3",
				},
			}
			for i, want := range wantLines {
				got := doc.Pages[i].Lines()
				if i == 0 {
					got = checkParagraph(t, got, 3)
				}
				if !slices.Equal(got, want) {
					t.Errorf("page %d lines:\n got %q\nwant %q", i+1, got, want)
				}
			}
			if got, want := doc.Text(), doc.PageText(0)+"\f"+doc.PageText(1)+"\f"+doc.PageText(2); got != want {
				t.Errorf("Text() %q, want the pages joined by form feeds", got)
			}
			if doc.PageText(3) != "" || doc.PageText(-1) != "" {
				t.Error("PageText out of range is not empty")
			}
			checkRuns(t, doc)
			checkLinks(t, doc)

			wantOutline := []OutlineItem{
				{"Synthèse", 0, 1}, {"Contexte", 1, 1}, {"Données", 0, 2}, {"Annexe", 0, 3}, {"Sources", 1, 3},
			}
			if !slices.Equal(doc.Outline, wantOutline) {
				t.Errorf("outline %+v, want %+v", doc.Outline, wantOutline)
			}
			wantInfo := map[string]string{
				"Title":        "Note de synthèse — Mali",
				"Author":       "Équipe « Sahel »",
				"Subject":      "Incidents sur les corridors",
				"Keywords":     "sécurité, routes, Kayes",
				"Creator":      "briefing",
				"Producer":     "FPDF 1.7",
				"CreationDate": "D:20250930120000",
				"ModDate":      "D:20250930120000",
			}
			if !reflect.DeepEqual(doc.Info, wantInfo) {
				t.Errorf("info %q, want %q", doc.Info, wantInfo)
			}
			if doc.Lang != "fr-FR" {
				t.Errorf("lang %q, want fr-FR", doc.Lang)
			}
			checkFonts(t, doc)
			if doc.Images != 0 {
				t.Errorf("%d images, want none", doc.Images)
			}
		})
	}
}

// checkParagraph takes the justified paragraph's lines out of page 1's lines
// (they follow the first three) and checks that they read as the paragraph.
func checkParagraph(t *testing.T, lines []string, at int) []string {
	t.Helper()
	var para []string
	rest := slices.Clone(lines[:min(at, len(lines))])
	for _, l := range lines[min(at, len(lines)):] {
		if strings.HasPrefix(paragraph, strings.Join(append(para, l), " ")) {
			para = append(para, l)
		} else {
			rest = append(rest, l)
		}
	}
	if len(para) < 2 || strings.Join(para, " ") != paragraph {
		t.Errorf("justified paragraph reads %q, want %q over several lines", para, paragraph)
	}
	return rest
}

// checkRuns checks the positions, sizes and fonts of some runs of the
// letter.
func checkRuns(t *testing.T, doc *Doc) {
	t.Helper()
	const k = 72 / 25.4 // points per mm
	run := func(page int, text string) TextRun {
		t.Helper()
		for _, r := range doc.Pages[page-1].Text {
			if r.Text == text {
				return r
			}
		}
		t.Fatalf("page %d: no run %q in %+v", page, text, doc.Pages[page-1].Text)
		return TextRun{}
	}
	// Cell(0, 8, …) at SetXY(20, 30): 1 mm cell margin, baseline at
	// y + h/2 + 0.3 font size.
	r := run(1, accented)
	if !near(r.X, 21*k) || !near(r.Y, (30+4)*k+0.3*12) || r.Size != 12 || r.Font != "utf8serif" || r.Rotated {
		t.Errorf("accented run %+v, want at (%.2f, %.2f) pt in utf8serif 12 pt", r, 21*k, 34*k+3.6)
	}
	if r := run(1, "Synthèse"); r.Font != "utf8serifB" || r.Size != 16 {
		t.Errorf("title run %+v, want utf8serifB 16 pt", r)
	}
	// Rotated a quarter turn anticlockwise about its origin.
	if r := run(1, "Confidentiel"); !r.Rotated || !near(r.X, 15*k) || !near(r.Y, 200*k) || r.Size != 12 ||
		!near(r.Matrix[0], 0) || !near(r.Matrix[1], 1) || !near(r.Matrix[2], -1) || !near(r.Matrix[3], 0) {
		t.Errorf("rotated run %+v, want rotated at (%.2f, %.2f), matrix [0 1 -1 0 …]", r, 15*k, 200*k)
	}
	// The width is the advance: "Kayes" in Helvetica 11 pt.
	if r := run(2, "Kayes"); r.Font != "Helvetica" || !near(r.W, (667+556+500+556+500)*11/1000.0) {
		t.Errorf("Kayes run %+v, want Helvetica %.3f pt wide", r, (667+556+500+556+500)*11/1000.0)
	}
}

func checkLinks(t *testing.T, doc *Doc) {
	t.Helper()
	const k = 72 / 25.4
	p1 := doc.Pages[0]
	if len(p1.Links) != 2 {
		t.Fatalf("page 1: links %+v, want 2", p1.Links)
	}
	in, ext := p1.Links[0], p1.Links[1]
	if in.Page != 3 || in.URI != "" || !near(in.DestY, 10*k) {
		t.Errorf("internal link %+v, want page 3 at the top margin, y %.2f", in, 10*k)
	}
	if ext.URI != uri || ext.Page != 0 {
		t.Errorf("URI link %+v, want %q", ext, uri)
	}
	// Each link covers its text.
	for _, l := range p1.Links {
		var covered []string
		for _, r := range p1.Text {
			if r.X >= l.X-0.01 && r.X+r.W <= l.X+l.W+0.01 && r.Y >= l.Y && r.Y <= l.Y+l.H {
				covered = append(covered, r.Text)
			}
		}
		want := "Voir l’annexe"
		if l.URI != "" {
			want = "codeberg.org/go-pdf/fpdf"
		}
		if !slices.Equal(covered, []string{want}) {
			t.Errorf("link %+v covers %q, want %q", l, covered, want)
		}
	}
	if got := doc.Pages[1].Links; len(got) != 1 || got[0].URI != mapsURI ||
		!near(got[0].X, 10*k) || !near(got[0].Y, 100*k) || !near(got[0].W, 50*k) || !near(got[0].H, 30*k) {
		t.Errorf("page 2 links %+v, want the LinkString area", got)
	}
	if got := doc.Pages[2].Links; len(got) != 1 || got[0].URI != mapsURI {
		t.Errorf("page 3 links %+v, want the WriteLinkString link", got)
	}
}

func checkFonts(t *testing.T, doc *Doc) {
	t.Helper()
	full := map[string][]byte{"utf8serif": liberationserifregular.TTF, "utf8serifB": liberationserifbold.TTF}
	var names []string
	for _, f := range doc.Fonts {
		names = append(names, f.Name)
		switch ttf, utf8 := full[f.Name]; {
		case utf8:
			n, err := sfntGlyphs(ttf)
			if err != nil {
				t.Fatal(err)
			}
			// fpdf subsets without a subset tag: fewer glyphs than the font.
			if f.Subtype != "Type0" || !f.Embedded || f.Subset || f.Glyphs == 0 || f.Glyphs > n/10 {
				t.Errorf("font %+v, want an embedded Type0 subset of the %d glyphs", f, n)
			}
		case f.Name == "Helvetica":
			if f.Subtype != "Type1" || f.Embedded || f.Subset || f.Glyphs != 0 {
				t.Errorf("font %+v, want a core Type1 font", f)
			}
		}
	}
	slices.Sort(names)
	if want := []string{"Helvetica", "Helvetica-Bold", "utf8serif", "utf8serifB"}; !slices.Equal(names, want) {
		t.Errorf("fonts %q, want %q", names, want)
	}
}

// TestCompressedSame checks that compression changes nothing of what is
// read.
func TestCompressedSame(t *testing.T) {
	a, b := parseLetter(t, false), parseLetter(t, true)
	if !reflect.DeepEqual(a, b) {
		t.Errorf("compressed and uncompressed documents read differently:\n%+v\n%+v", a, b)
	}
}

func near(a, b float64) bool { return math.Abs(a-b) < 0.01 }

// TestWinAnsi checks the WinAnsi table against fpdf's cp1252 translator.
func TestWinAnsi(t *testing.T) {
	tr := fpdf.New("P", "mm", "A4", "").UnicodeTranslatorFromDescriptor("cp1252")
	for c := 0x20; c < 0x100; c++ {
		r := winAnsi(byte(c))
		if r == 0x2022 && c != 0x95 {
			continue // undefined codes read as bullets
		}
		if got := tr(string(r)); got != string([]byte{byte(c)}) {
			t.Errorf("code %#x: %U, which fpdf encodes as %q", c, r, got)
		}
	}
}

// TestLines checks how runs group into lines.
func TestLines(t *testing.T) {
	run := func(text string, x, y, w float64) TextRun {
		return TextRun{Text: text, X: x, Y: y, W: w, Size: 10}
	}
	tests := []struct {
		name string
		runs []TextRun
		want []string
	}{
		{"touching runs join", []TextRun{run("Bon", 10, 100, 15), run("jour", 25, 100, 20)}, []string{"Bonjour"}},
		{"a narrow gap joins", []TextRun{run("Bon", 10, 100, 15), run("jour", 27, 100, 20)}, []string{"Bonjour"}},
		{"a wide gap is a space", []TextRun{run("Bon", 10, 100, 15), run("jour", 28, 100, 20)}, []string{"Bon jour"}},
		{"no double space", []TextRun{run("Bon ", 10, 100, 15), run("jour", 40, 100, 20)}, []string{"Bon jour"}},
		{"left to right", []TextRun{run("b", 50, 100, 5), run("a", 10, 100, 5)}, []string{"a b"}},
		{"baselines within tolerance", []TextRun{run("a", 10, 100, 5), run("b", 20, 102.9, 5)}, []string{"a b"}},
		{"top down", []TextRun{run("bas", 10, 200, 15), run("haut", 10, 100, 20), run("milieu", 10, 104, 20)}, []string{"haut", "milieu", "bas"}},
		{"rotated alone", []TextRun{run("a", 10, 100, 5), {Text: "r", X: 12, Y: 100, W: 5, Size: 10, Rotated: true}, run("b", 20, 100, 5)}, []string{"a b", "r"}},
		{"blank dropped", []TextRun{run("  ", 10, 100, 5), run("x ", 10, 120, 5)}, []string{"x"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			if got := (Page{Text: tt.runs}).Lines(); !slices.Equal(got, tt.want) {
				t.Errorf("lines %q, want %q", got, tt.want)
			}
		})
	}
}

// rawPDF assembles a PDF from object bodies (object i+1 is objs[i]), the
// catalog being object 1, with a correct cross-reference table.
func rawPDF(objs ...string) []byte {
	var b bytes.Buffer
	b.WriteString("%PDF-1.4\n")
	offsets := make([]int, len(objs))
	for i, o := range objs {
		offsets[i] = b.Len()
		fmt.Fprintf(&b, "%d 0 obj\n%s\nendobj\n", i+1, o)
	}
	xref := b.Len()
	fmt.Fprintf(&b, "xref\n0 %d\n0000000000 65535 f \n", len(objs)+1)
	for _, off := range offsets {
		fmt.Fprintf(&b, "%010d 00000 n \n", off)
	}
	fmt.Fprintf(&b, "trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n", len(objs)+1, xref)
	return b.Bytes()
}

func streamObj(dict, data string) string {
	return fmt.Sprintf("<< %s /Length %d >>\nstream\n%s\nendstream", dict, len(data), data)
}

func flate(s string) string {
	var b bytes.Buffer
	w := zlib.NewWriter(&b)
	w.Write([]byte(s))
	w.Close()
	return b.String()
}

// onePage returns a document of one 600×800 page with content and fonts
// F1 (Helvetica) and F2 (a Type0 font with a hand-made ToUnicode map).
func onePage(content string) []byte { return onePageWith(content, "") }

// onePageWith is onePage with more entries in the page dictionary.
func onePageWith(content, pageEntries string) []byte {
	cmap := `/CIDInit /ProcSet findresource begin 12 dict begin begincmap
1 begincodespacerange <0000> <FFFF> endcodespacerange
2 beginbfchar <0020> <0020> <0005> <00660066> endbfchar
2 beginbfrange <0001> <0003> [<0041> <0042> <00660069>] <0010> <0012> <0061> endbfrange
endcmap end end`
	objs := []string{
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 /MediaBox [0 0 600 800] >>",
		"<< /Type /Page /Parent 2 0 R /Resources << /Font << /F1 5 0 R /F2 6 0 R >> /XObject << /X1 9 0 R >> >> /Contents 4 0 R " + pageEntries + " >>",
		streamObj("", content),
		"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
		"<< /Type /Font /Subtype /Type0 /BaseFont /ABCDEF+Test /Encoding /Identity-H /DescendantFonts [7 0 R] /ToUnicode 8 0 R >>",
		"<< /Type /Font /Subtype /CIDFontType2 /BaseFont /ABCDEF+Test /DW 500 /W [1 [600 700 800] 16 18 400] >>",
		streamObj("/Filter /FlateDecode", flate(cmap)),
		streamObj("/Type /XObject /Subtype /Form /BBox [0 0 100 100] /Matrix [1 0 0 1 100 0]", "BT /F1 10 Tf 0 0 Td (form) Tj ET"),
	}
	return rawPDF(objs...)
}

// TestContent checks text operators fpdf does not all write.
func TestContent(t *testing.T) {
	tests := []struct {
		name    string
		content string
		want    []TextRun
	}{
		{
			name:    "TJ kerning and word gaps",
			content: "BT /F1 10 Tf 1 0 0 1 50 700 Tm [(Hel) 20 (lo) -300 (world) -100 (!)] TJ ET",
			want:    []TextRun{{Text: "Hello world!", X: 50, Y: 100, Size: 10, Font: "Helvetica"}},
		},
		{
			name:    "leading, quote operators, TD and T*",
			content: "BT /F1 10 Tf 50 700 Td 12 TL (a) Tj (b) ' 2 1 (c) \" 0 -14 TD (d) Tj T* (e) Tj ET",
			want: []TextRun{
				{Text: "a", X: 50, Y: 100}, {Text: "b", X: 50, Y: 112}, {Text: "c", X: 50, Y: 124},
				{Text: "d", X: 50, Y: 138}, {Text: "e", X: 50, Y: 152},
			},
		},
		{
			name:    "Type0 font, bfchar and bfrange with arrays",
			content: "BT /F2 20 Tf 10 10 Td <00010002000300050020001000110012> Tj ET",
			want:    []TextRun{{Text: "ABfiff abc", X: 10, Y: 790, Size: 20, Font: "ABCDEF+Test"}},
		},
		{
			name:    "cm, q and Q, scaled size",
			content: "q 2 0 0 2 100 100 cm BT /F1 10 Tf 5 5 Td (big) Tj ET Q BT /F1 10 Tf 5 5 Td (small) Tj ET",
			want: []TextRun{
				{Text: "big", X: 110, Y: 690, Size: 20}, {Text: "small", X: 5, Y: 795, Size: 10},
			},
		},
		{
			name:    "Tm rotation, rise",
			content: "BT /F1 10 Tf 0 1 -1 0 300 400 Tm (up) Tj 1 0 0 1 20 30 Tm 5 Ts (sup) Tj ET",
			want: []TextRun{
				{Text: "up", X: 300, Y: 400, Rotated: true}, {Text: "sup", X: 20, Y: 765},
			},
		},
		{
			name:    "form XObject",
			content: "q 1 0 0 1 0 50 cm /X1 Do Q",
			want:    []TextRun{{Text: "form", X: 100, Y: 750, Size: 10}},
		},
		{
			name:    "font kept across BT, escapes",
			content: "BT /F1 10 Tf ET BT 1 2 Td (\\(x\\)\\\\\\101\\\n) Tj ET",
			want:    []TextRun{{Text: "(x)\\A", X: 1, Y: 798}},
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse(onePage(tt.content))
			if err != nil {
				t.Fatal(err)
			}
			got := doc.Pages[0].Text
			if len(got) != len(tt.want) {
				t.Fatalf("runs %+v, want %+v", got, tt.want)
			}
			for i, w := range tt.want {
				g := got[i]
				if g.Text != w.Text || !near(g.X, w.X) || !near(g.Y, w.Y) || g.Rotated != w.Rotated ||
					(w.Size != 0 && !near(g.Size, w.Size)) || (w.Font != "" && g.Font != w.Font) {
					t.Errorf("run %d: %+v, want %+v", i, g, w)
				}
			}
		})
	}
}

// TestWidths checks the advance of runs through /W, /DW, Tc, Tw and Tz.
func TestWidths(t *testing.T) {
	doc, err := Parse(onePage("BT /F2 10 Tf <0001000200040010> Tj ET BT /F1 10 Tf 2 Tc 3 Tw 50 Tz (a b) Tj ET"))
	if err != nil {
		t.Fatal(err)
	}
	runs := doc.Pages[0].Text
	if want := (600 + 700 + 500 + 400) / 100.0; !near(runs[0].W, want) {
		t.Errorf("Type0 run %.2f pt wide, want %.2f", runs[0].W, want)
	}
	// Helvetica a 556, space 278, b 556; 3 glyphs of Tc, one Tw; half scale.
	if want := ((556+278+556)/100.0 + 3*2 + 3) / 2; !near(runs[1].W, want) {
		t.Errorf("Helvetica run %.2f pt wide, want %.2f", runs[1].W, want)
	}
}

// TestStructure checks a page tree of several levels with inherited
// attributes, an indirect /Length, a /Contents array, /Differences, and
// outline and link destinations.
func TestStructure(t *testing.T) {
	data := rawPDF(
		"<< /Type /Catalog /Pages 2 0 R /Outlines 12 0 R /Lang <FEFF00660072> >>",
		"<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 3 /MediaBox [0 0 500 700] /Resources << /Font << /F1 9 0 R >> >> >>",
		"<< /Type /Pages /Parent 2 0 R /Kids [5 0 R 6 0 R] /Count 2 /MediaBox [10 20 310 420] >>",
		"<< /Type /Page /Parent 2 0 R /Contents [7 0 R 8 0 R] >>",
		"<< /Type /Page /Parent 3 0 R /Contents 7 0 R /Annots [<< /Subtype /Link /Rect [20 400 60 380] /A << /S /GoTo /D [4 0 R /XYZ 0 600 null] >> >> << /Subtype /Text >>] >>",
		"<< /Type /Page /Parent 3 0 R /MediaBox [0 0 200 100] /Contents 7 0 R >>",
		"<< /Length 11 0 R >>\nstream\nBT /F1 10 Tf 100 50 Td (ABC) Tj ET\nendstream",
		streamObj("/Filter [/FlateDecode]", flate("BT /F1 10 Tf 100 30 Td (ABC) Tj ET")),
		"<< /Type /Font /Subtype /TrueType /BaseFont /Other /FirstChar 65 /LastChar 67 /Widths 10 0 R /Encoding << /BaseEncoding /WinAnsiEncoding /Differences [65 /Eacute /uni0416 /afii10017] >> >>",
		"[500 600 700]",
		"35",
		"<< /Type /Outlines /First 13 0 R /Last 14 0 R >>",
		"<< /Title (Un) /Parent 12 0 R /Next 14 0 R /First 15 0 R /Dest [5 0 R /Fit] >>",
		"<< /Title <FEFF0044006500750078> /Parent 12 0 R /A << /S /GoTo /D [6 0 R /XYZ 0 80 0] >> >>",
		"<< /Title (Un\\204un) /Parent 13 0 R >>",
	)
	doc, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	if len(doc.Pages) != 3 {
		t.Fatalf("%d pages, want 3", len(doc.Pages))
	}
	// Depth first: objects 5 and 6 under 3, then 4.
	sizes := [][2]float64{{300, 400}, {200, 100}, {500, 700}}
	for i, p := range doc.Pages {
		if p.Width != sizes[i][0] || p.Height != sizes[i][1] {
			t.Errorf("page %d: %g×%g, want %v", i+1, p.Width, p.Height, sizes[i])
		}
	}
	if got, want := doc.Text(), "ÉЖА\fÉЖА\fÉЖА\nÉЖА"; got != want {
		t.Errorf("text %q, want %q", got, want)
	}
	if r := doc.Pages[0].Text[0]; !near(r.X, 90) || !near(r.Y, 370) || !near(r.W, 18) {
		t.Errorf("run on the offset MediaBox %+v, want at (90, 370), 18 wide", r)
	}
	if got, want := doc.Pages[0].Links, []Link{{X: 10, Y: 20, W: 40, H: 20, Page: 3, DestY: 100}}; !reflect.DeepEqual(got, want) {
		t.Errorf("links %+v, want %+v", got, want)
	}
	if want := []OutlineItem{{"Un", 0, 1}, {"Un—un", 1, 0}, {"Deux", 0, 2}}; !slices.Equal(doc.Outline, want) {
		t.Errorf("outline %+v, want %+v", doc.Outline, want)
	}
	if doc.Lang != "fr" {
		t.Errorf("lang %q", doc.Lang)
	}
	if len(doc.Fonts) != 1 || doc.Fonts[0] != (Font{Name: "Other", Subtype: "TrueType"}) {
		t.Errorf("fonts %+v", doc.Fonts)
	}
}

// TestImages counts fpdf's image XObjects: one per image, its soft mask
// not counted, however often it is drawn.
func TestImages(t *testing.T) {
	// A translucent PNG: fpdf writes an image and its soft mask.
	img := image.NewNRGBA(image.Rect(0, 0, 2, 1))
	img.Set(0, 0, color.NRGBA{R: 200, A: 128})
	var png bytes.Buffer
	if err := pngenc.Encode(&png, img); err != nil {
		t.Fatal(err)
	}
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.AddPage()
	pdf.RegisterImageOptionsReader("dot", fpdf.ImageOptions{ImageType: "PNG"}, &png)
	pdf.ImageOptions("dot", 10, 10, 20, 10, false, fpdf.ImageOptions{}, 0, "")
	pdf.AddPage()
	pdf.ImageOptions("dot", 10, 10, 20, 10, false, fpdf.ImageOptions{}, 0, "")
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	if n := bytes.Count(buf.Bytes(), []byte("/Subtype /Image")); n != 2 {
		t.Fatalf("fpdf wrote %d image objects, want the image and its mask", n)
	}
	doc, err := Parse(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if doc.Images != 1 {
		t.Errorf("%d images, want 1", doc.Images)
	}
}

// TestTemplate reads text drawn through an fpdf template (a form XObject).
func TestTemplate(t *testing.T) {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetFont("Helvetica", "", 12)
	tpl := pdf.CreateTemplate(func(tp *fpdf.Tpl) {
		tp.SetFont("Helvetica", "", 12)
		tp.Text(10, 20, pdf.UnicodeTranslatorFromDescriptor("")("En-tête"))
	})
	pdf.AddPage()
	pdf.UseTemplate(tpl)
	pdf.Text(10, 40, "Corps")
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	doc, err := Parse(buf.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if got, want := doc.Pages[0].Lines(), []string{"En-tête", "Corps"}; !slices.Equal(got, want) {
		t.Errorf("lines %q, want %q", got, want)
	}
}

// TestMalformed breaks a good file in many ways: each must give an error,
// none a panic.
func TestMalformed(t *testing.T) {
	good := letter(t, true)
	plain := letter(t, false)
	xref := bytes.LastIndex(good, []byte("\nxref\n")) + 1
	tests := map[string][]byte{
		"empty":           nil,
		"no header":       []byte("hello"),
		"truncated":       good[:len(good)/2],
		"no startxref":    bytes.ReplaceAll(good, []byte("startxref"), []byte("startxrex")),
		"startxref wrong": append(slices.Clone(good[:bytes.LastIndex(good, []byte("startxref"))]), []byte("startxref\n12\n%%EOF\n")...),
		"xref shifted":    slices.Concat(good[:xref], []byte("junk\n"), good[xref:]),
		"offsets wrong":   bytes.Replace(plain, []byte("0000000015 00000 n"), []byte("0000000016 00000 n"), 1),
		"bad deflate":     bytes.Replace(good, []byte("stream\nx"), []byte("stream\ny"), 1),
		"length too long": bytes.Replace(plain, []byte("<</Length 1"), []byte("<</Length 9"), 1),
		"encrypted":       bytes.Replace(good, []byte("/Root"), []byte("/Encrypt 1 0 R /Root"), 1),
		"page tree loop":  rawPDF("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [2 0 R] >>"),
		"no pages":        rawPDF("<< /Type /Catalog /Pages 2 0 R >>", "<< /Type /Pages /Kids [] >>"),
		"dangling ref":    rawPDF("<< /Type /Catalog /Pages 7 0 R >>"),
		"length loop":     rawPDF("<< /Type /Catalog /Pages 2 0 R >>", "<< /Length 2 0 R >>\nstream\n\nendstream"),
		"deep nesting":    rawPDF("<< /Type /Catalog /Pages " + strings.Repeat("[", 10000) + " >>"),
		"unknown font":    onePage("BT /F9 10 Tf (x) Tj ET"),
		"text before Tf":  onePage("BT (x) Tj ET"),
		"bad operands":    onePage("BT /F1 10 Tf 1 Td ET"),
		"bad string":      onePage("BT /F1 10 Tf (x Tj ET"),
		"bad path":        onePage("0 0 m 1 l S"),
		"too many paths":  onePage(strings.Repeat("0 0 1 1 re ", maxPathItems/5) + "n"),
		"link to nowhere": onePageWith("", "/Annots [<< /Subtype /Link /Rect [0 0 1 1] /Dest [5 0 R /Fit] >>]"),
		"named dest":      onePageWith("", "/Annots [<< /Subtype /Link /Rect [0 0 1 1] /Dest (chap1) >>]"),
		"bad rect":        onePageWith("", "/Annots [<< /Subtype /Link /Rect [0 0 1] >>]"),
		"form loop":       bytes.Replace(onePage("/X1 Do"), []byte("(form) Tj ET"), []byte("/X1 Do    ET"), 1),
	}
	for name, data := range tests {
		t.Run(name, func(t *testing.T) {
			doc, err := Parse(data)
			if err == nil {
				t.Fatalf("no error; read %d pages", len(doc.Pages))
			}
			if !strings.HasPrefix(err.Error(), "pdftest: ") || strings.Contains(err.Error(), "internal error") {
				t.Errorf("error %q", err)
			}
			t.Logf("%s: %v", name, err)
		})
	}
}

// TestMutations damages good files at random, the same way each run: the
// reader may fail, but must not panic. FuzzParse searches further.
func TestMutations(t *testing.T) {
	seeds := [][]byte{letter(t, false), onePage("BT /F2 20 Tf 10 10 Td <00010002> Tj /F1 10 Tf [(a) -300 (b)] TJ ET q 1 0 0 1 0 50 cm /X1 Do Q"), onePage(pathSeed)}
	rng := rand.New(rand.NewPCG(1, 2))
	const junk = "()<>[]{}/%\\ \n0123456789.-+RTjobjstreamendxref"
	for i := range 400 {
		data := slices.Clone(seeds[i%len(seeds)])
		for range 1 + rng.IntN(4) {
			at := rng.IntN(len(data))
			switch rng.IntN(4) {
			case 0:
				data[at] = junk[rng.IntN(len(junk))]
			case 1:
				data = slices.Delete(data, at, min(len(data), at+1+rng.IntN(20)))
			case 2:
				data = slices.Insert(data, at, junk[rng.IntN(len(junk))])
			case 3:
				data[at] = byte(rng.IntN(256))
			}
		}
		if doc, err := parse(data); err == nil {
			_ = doc.Text()
		}
	}
}

// pathSeed exercises every path operator, for TestMutations and FuzzParse.
const pathSeed = "q 0 1 -1 0 100 200 cm 10 20 m 30 20 l 1 2 3 4 5 6 c 7 8 9 10 v 11 12 13 14 y h S Q " +
	"10 20 30 40 re W n 0 0 m s f F f* B B* b b*"

// FuzzParse checks that no input makes the reader panic. Large seeds make
// minimising slow: -fuzzminimizetime=5s helps.
func FuzzParse(f *testing.F) {
	f.Add(letter(f, true))
	f.Add(letter(f, false))
	f.Add(onePage("BT /F2 20 Tf 10 10 Td <00010002> Tj /F1 10 Tf [(a) -300 (b)] TJ ET q 1 0 0 1 0 50 cm /X1 Do Q"))
	f.Add(onePage(pathSeed))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := parse(data) // not Parse: let panics through
		if err != nil {
			return
		}
		_ = doc.Text()
	})
}
