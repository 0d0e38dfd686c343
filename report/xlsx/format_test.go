package xlsx_test

import (
	"slices"
	"strings"
	"testing"

	"github.com/xuri/excelize/v2"

	"briefing/report/locale"
)

// TestFormatsFollowLanguage: the annex writes a percentage and its
// document title as the letter's language does — "36.0 %" with French's
// narrow no-break space, "Titre : sous-titre" — from the catalogue, not
// from a format hard-coded for English.
func TestFormatsFollowLanguage(t *testing.T) {
	sel := sample(t)
	for _, lang := range locale.Languages() {
		t.Run(lang, func(t *testing.T) {
			cat, _ := locale.For(lang)
			b, _ := write(t, sel, options(t, sel, lang))
			f := open(t, b)

			sheet := cat.T("annex.sheet.corridors")
			rows, err := f.GetRows(sheet)
			if err != nil || len(rows) < 2 {
				t.Fatalf("sheet %s: %d rows, %v", sheet, len(rows), err)
			}
			col := slices.Index(rows[0], cat.T("annex.corridors.share"))
			if col < 0 {
				t.Fatalf("sheet %s has no column %q: %q", sheet, cat.T("annex.corridors.share"), rows[0])
			}
			ref, _ := excelize.CoordinatesToCellName(col+1, 2)
			id, err := f.GetCellStyle(sheet, ref)
			if err != nil {
				t.Fatal(err)
			}
			style, err := f.GetStyle(id)
			if err != nil || style.CustomNumFmt == nil {
				t.Fatalf("%s!%s has no number format: %v", sheet, ref, err)
			}
			want := cat.T("annex.format.percent")
			if *style.CustomNumFmt != want {
				t.Errorf("%s!%s: number format %q, want %q", sheet, ref, *style.CustomNumFmt, want)
			}
			if french := strings.Contains(want, "\u202f"); french != (lang == "fr") {
				t.Errorf("the %s percent format %q: narrow no-break space before %% is %v, want %v", lang, want, french, lang == "fr")
			}

			props, err := f.GetDocProps()
			if err != nil {
				t.Fatal(err)
			}
			if want := cat.T("title_subtitle", sel.Letter.Title, sel.Letter.Subtitle); props.Title != want {
				t.Errorf("document title %q, want %q", props.Title, want)
			}
		})
	}
}
