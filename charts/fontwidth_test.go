package charts_test

import (
	"testing"

	"codeberg.org/go-pdf/fpdf"

	"briefing/charts"
)

// TestPDFAdvances: the widths the set computes are fpdf's, for every rune of
// the Basic Multilingual Plane in every face.
func TestPDFAdvances(t *testing.T) {
	fonts, err := charts.NewFontSet()
	if err != nil {
		t.Fatal(err)
	}
	doc := fpdf.New("P", "mm", "A4", "")
	if err := fonts.Register(doc); err != nil {
		t.Fatal(err)
	}
	for _, face := range fonts.Faces() {
		doc.SetFont(face.Family, face.Style, 10)
		advance := fonts.PDFAdvances(face.Family, face.Style)
		bad := 0
		for r := rune(1); r <= 0xFFFF; r++ {
			if r >= 0xD800 && r <= 0xDFFF {
				continue
			}
			want := doc.GetStringSymbolWidth(string(r))
			if got := advance(r); got != want {
				if bad < 5 {
					t.Errorf("%s %q: U+%04X is %d wide, fpdf says %d", face.Family, face.Style, r, got, want)
				}
				bad++
			}
		}
		if bad > 0 {
			t.Errorf("%s %q: %d runes differ", face.Family, face.Style, bad)
		}
	}
}
