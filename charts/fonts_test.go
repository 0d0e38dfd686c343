package charts

import (
	"testing"

	"github.com/wcharczuk/go-chart/v2"
)

func TestFontSetLookup(t *testing.T) {
	fonts := pdfTestFonts(t)
	tests := []struct {
		family, style         string
		wantFamily, wantStyle string
	}{
		{FamilySans, "", FamilySans, ""},
		{FamilySans, "B", FamilySans, "B"},
		{FamilySans, "i", FamilySans, "I"},
		{FamilySans, "IB", FamilySans, "BI"},
		{"liberationserif", "", FamilySerif, ""},
		{FamilySerif, "b", FamilySerif, "B"},
		{FamilySerif, "I", FamilySerif, "I"},
		{FamilySerif, "bi", FamilySerif, "BI"},
	}
	seen := map[any]bool{}
	for _, tt := range tests {
		t.Run(tt.family+" "+tt.style, func(t *testing.T) {
			f := fonts.Font(tt.family, tt.style)
			if f == nil {
				t.Fatal("no font")
			}
			if seen[f] {
				t.Error("the same font as another style")
			}
			seen[f] = true
			family, style, ok := fonts.Lookup(f)
			if !ok || family != tt.wantFamily || style != tt.wantStyle {
				t.Errorf("Lookup = %q, %q, %v; want %q, %q", family, style, ok, tt.wantFamily, tt.wantStyle)
			}
		})
	}
	if f := fonts.Font("LiberationMono", ""); f != nil {
		t.Error("a font for a family not in the set")
	}
	roboto, err := chart.GetDefaultFont()
	if err != nil {
		t.Fatal(err)
	}
	if _, _, ok := fonts.Lookup(roboto); ok {
		t.Error("Lookup knows go-chart's Roboto")
	}
	if _, _, ok := fonts.Lookup(nil); ok {
		t.Error("Lookup knows a nil font")
	}
}

// TestFontSetRegister registers every face into a document and writes with
// each: the accented and typographic characters a French letter needs must
// come out of the document's ToUnicode maps as they went in.
func TestFontSetRegister(t *testing.T) {
	fonts := pdfTestFonts(t)
	pdf := pdfTestDoc(t)
	if err := fonts.Register(pdf); err != nil {
		t.Fatal(err)
	}
	if err := fonts.Register(pdf); err != nil { // again: a no-op
		t.Fatalf("second Register: %v", err)
	}
	const text = "Ségou – « Bamako » : l’été… ça"
	faces := fonts.Faces()
	if len(faces) != 8 {
		t.Fatalf("%d faces, want 8", len(faces))
	}
	for i, face := range faces {
		pdf.SetFont(face.Family, face.Style, 10)
		if err := pdf.Error(); err != nil {
			t.Fatalf("SetFont(%q, %q): %v", face.Family, face.Style, err)
		}
		if w := pdf.GetStringWidth(text); w <= 0 {
			t.Errorf("%s %q: string width %g", face.Family, face.Style, w)
		}
		pdf.Text(20, 20+float64(i)*10, text)
	}
	doc := parsePDF(t, pdfTestOutput(t, pdf, "fonts"))
	runs := doc.page(t, 0).textRuns()
	if len(runs) != len(faces) {
		t.Fatalf("%d text runs, want %d: %q", len(runs), len(faces), runs)
	}
	for i, r := range runs {
		if r != text {
			t.Errorf("%s %q: text %q, want %q", faces[i].Family, faces[i].Style, r, text)
		}
	}
	for _, name := range []string{"LiberationSans", "LiberationSerif"} {
		if !doc.hasFont(name) {
			t.Errorf("%s not embedded", name)
		}
	}
}

func TestFontSetRegisterFailedDocument(t *testing.T) {
	fonts := pdfTestFonts(t)
	pdf := pdfTestDoc(t)
	pdf.SetErrorf("earlier failure")
	if err := fonts.Register(pdf); err == nil {
		t.Error("Register into a failed document: no error")
	}
}
