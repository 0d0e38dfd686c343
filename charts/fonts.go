package charts

import (
	"fmt"
	"math"
	"strings"

	"codeberg.org/go-pdf/fpdf"
	"github.com/go-fonts/liberation/liberationsansbold"
	"github.com/go-fonts/liberation/liberationsansbolditalic"
	"github.com/go-fonts/liberation/liberationsansitalic"
	"github.com/go-fonts/liberation/liberationsansregular"
	"github.com/go-fonts/liberation/liberationserifbold"
	"github.com/go-fonts/liberation/liberationserifbolditalic"
	"github.com/go-fonts/liberation/liberationserifitalic"
	"github.com/go-fonts/liberation/liberationserifregular"
	"github.com/golang/freetype/truetype"
	"golang.org/x/image/math/fixed"
)

// Font families of a FontSet, as registered into fpdf documents.
const (
	FamilySans  = "LiberationSans"
	FamilySerif = "LiberationSerif"
)

// FontFace is one font of a FontSet: the same TrueType bytes serve fpdf, which
// embeds a subset of them, and go-chart, which measures and draws with the
// parsed Font.
type FontFace struct {
	Family string         // fpdf family name: FamilySans or FamilySerif
	Style  string         // fpdf style: "", "B", "I" or "BI"
	TTF    []byte         // the TrueType file; shared, never modify it
	Font   *truetype.Font // TTF parsed once, for go-chart styles
}

// liberationFaces lists the faces of every FontSet, in a fixed order so that
// registering them is deterministic.
var liberationFaces = []struct {
	family, style string
	ttf           []byte
}{
	{FamilySans, "", liberationsansregular.TTF},
	{FamilySans, "B", liberationsansbold.TTF},
	{FamilySans, "I", liberationsansitalic.TTF},
	{FamilySans, "BI", liberationsansbolditalic.TTF},
	{FamilySerif, "", liberationserifregular.TTF},
	{FamilySerif, "B", liberationserifbold.TTF},
	{FamilySerif, "I", liberationserifitalic.TTF},
	{FamilySerif, "BI", liberationserifbolditalic.TTF},
}

// FontSet holds the Liberation Sans and Serif faces, parsed for go-chart and
// ready to be registered into fpdf documents. A FontSet is immutable once
// built, so one set may serve any number of documents and charts, also
// concurrently.
//
// Give a chart the set's fonts (chart.Chart.Font, chart.Style.Font):
// the PDF renderer maps them back to the fpdf family and style with Lookup.
type FontSet struct {
	faces  []FontFace
	byFont map[*truetype.Font]int
}

// NewFontSet parses the Liberation faces.
func NewFontSet() (*FontSet, error) {
	s := &FontSet{
		faces:  make([]FontFace, 0, len(liberationFaces)),
		byFont: make(map[*truetype.Font]int, len(liberationFaces)),
	}
	for _, src := range liberationFaces {
		f, err := truetype.Parse(src.ttf)
		if err != nil {
			return nil, fmt.Errorf("charts: parsing font %s %q: %w", src.family, src.style, err)
		}
		s.byFont[f] = len(s.faces)
		s.faces = append(s.faces, FontFace{Family: src.family, Style: src.style, TTF: src.ttf, Font: f})
	}
	return s, nil
}

// Faces returns the faces of the set, regular Liberation Sans first.
func (s *FontSet) Faces() []FontFace {
	return append([]FontFace(nil), s.faces...)
}

// Font returns the parsed font of family (FamilySans or FamilySerif) in
// style ("", "B", "I" or "BI", in any case and order), or nil if the set has
// no such face.
func (s *FontSet) Font(family, style string) *truetype.Font {
	if f := s.face(family, style); f != nil {
		return f.Font
	}
	return nil
}

// Lookup returns the fpdf family and style of a font of the set; ok is false
// for any other font, go-chart's default Roboto included.
func (s *FontSet) Lookup(f *truetype.Font) (family, style string, ok bool) {
	i, ok := s.byFont[f]
	if !ok {
		return "", "", false
	}
	return s.faces[i].Family, s.faces[i].Style, true
}

// Register adds every face of the set to pdf with AddUTF8FontFromBytes, so
// that the document's own text can use them. Faces already registered are
// left alone. Charts do not need it: the PDF renderer registers the faces
// it uses.
func (s *FontSet) Register(pdf *fpdf.Fpdf) error {
	for i := range s.faces {
		if err := registerFontFace(pdf, &s.faces[i]); err != nil {
			return err
		}
	}
	return nil
}

// RegisterFace adds the face of family and style to pdf, as Register adds
// them all: a document that registers only the faces it sets skips the
// others' parsing and does not embed them.
func (s *FontSet) RegisterFace(pdf *fpdf.Fpdf, family, style string) error {
	face := s.face(family, style)
	if face == nil {
		return fmt.Errorf("charts: no font %s %q in the set", family, style)
	}
	return registerFontFace(pdf, face)
}

// face returns the face of family and style, or nil.
func (s *FontSet) face(family, style string) *FontFace {
	style = normFontStyle(style)
	for i := range s.faces {
		if strings.EqualFold(s.faces[i].Family, family) && s.faces[i].Style == style {
			return &s.faces[i]
		}
	}
	return nil
}

// lookupFace returns the face of f, or nil.
func (s *FontSet) lookupFace(f *truetype.Font) *FontFace {
	if i, ok := s.byFont[f]; ok {
		return &s.faces[i]
	}
	return nil
}

// registerFontFace adds face to pdf; fpdf ignores a family and style it already
// has, so calling it again is cheap.
func registerFontFace(pdf *fpdf.Fpdf, face *FontFace) error {
	if err := pdf.Error(); err != nil {
		return err
	}
	pdf.AddUTF8FontFromBytes(face.Family, face.Style, face.TTF)
	if err := pdf.Error(); err != nil {
		return fmt.Errorf("charts: registering font %s %q: %w", face.Family, face.Style, err)
	}
	return nil
}

// normFontStyle spells a style as fpdf does: upper case, bold before italic.
func normFontStyle(style string) string {
	style = strings.ToUpper(style)
	b, i := strings.Contains(style, "B"), strings.Contains(style, "I")
	switch {
	case b && i:
		return "BI"
	case b:
		return "B"
	case i:
		return "I"
	}
	return ""
}

// PDFAdvances returns the advance of a rune in face family/style as fpdf
// counts it when it measures a string (GetStringSymbolWidth): the glyph's
// advance in thousandths of an em, rounded; 0 for a glyph without
// advance; the advance of the font's missing glyph for a rune the font
// does not map; 500 for every rune of a face the set lacks. Measuring
// through it gives fpdf's widths without registering the font in a
// document, which costs fpdf tens of milliseconds. The face is found
// once, not per rune; the function is safe for concurrent use.
func (s *FontSet) PDFAdvances(family, style string) func(r rune) int {
	f := s.face(family, style)
	if f == nil {
		return func(rune) int { return 500 }
	}
	upem := fixed.Int26_6(f.Font.FUnitsPerEm())
	scale := 1000 / float64(upem)
	advance := func(i truetype.Index) int {
		a := int(f.Font.HMetric(upem, i).AdvanceWidth)
		if a >= 1<<15 {
			a = 0
		}
		return int(math.Round(scale * float64(a)))
	}
	return func(r rune) int {
		i := f.Font.Index(r)
		if i == 0 || r == 0 || r > 0xFFFF {
			return advance(0)
		}
		return advance(i)
	}
}
