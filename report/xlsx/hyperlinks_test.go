package xlsx

import (
	"archive/zip"
	"bytes"
	"context"
	"fmt"
	"io"
	"runtime"
	"strings"
	"testing"
	"time"

	"github.com/xuri/excelize/v2"

	"briefing/report"
	"briefing/report/locale"
)

// sampleSelection loads the sample letter.
func sampleSelection(t *testing.T) report.Selection {
	t.Helper()
	ds, diags := report.Load("../../data")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	l, _ := ds.Letter("2025-09-kayes")
	return ds.Select(l)
}

// TestLinksBeyondLimit: past the limit of cell hyperlinks a sheet holds
// (Excel's 65,530, lowered here), its links are HYPERLINK() formulas, whose
// cached value is the address, and the other sheets keep cell hyperlinks.
func TestLinksBeyondLimit(t *testing.T) {
	sel := sampleSelection(t)
	// The limit between the Sources sheet's links (one per source with an
	// address) and the Event sources sheet's (one per citation).
	sources := 0
	for _, s := range sel.AnnexSources() {
		if s.URL != "" {
			sources++
		}
	}
	cat, _ := locale.For("en")
	var buf bytes.Buffer
	if _, err := Write(context.Background(), &buf, sel, Options{Catalog: cat, Brand: sel.Dataset.Brand, linkLimit: sources}); err != nil {
		t.Fatal(err)
	}
	f, err := excelize.OpenReader(bytes.NewReader(buf.Bytes()))
	if err != nil {
		t.Fatal(err)
	}
	defer f.Close()
	formula, _ := f.GetCellFormula("Event sources", "G2")
	if !strings.HasPrefix(formula, `HYPERLINK("https://`) {
		t.Errorf("Event sources!G2: formula %q, want HYPERLINK()", formula)
	}
	if ok, _, _ := f.GetCellHyperLink("Event sources", "G2"); ok {
		t.Error("Event sources!G2 is a cell hyperlink on a sheet of formulas")
	}
	if ok, link, _ := f.GetCellHyperLink("Sources", "G2"); !ok || !strings.HasPrefix(link, "https://") {
		t.Errorf("Sources!G2: link %v %q, want a cell hyperlink", ok, link)
	}
}

// TestHyperlinksLinear: writing ten times the links allocates about ten
// times as much, never a hundred (excelize's own SetCellHyperLink searched
// the sheet's links for each new one). Not timed: it compares allocations.
func TestHyperlinksLinear(t *testing.T) {
	allocated := func(n int) uint64 {
		links := make([]hyperlink, n)
		for i := range links {
			links[i] = hyperlink{ref: fmt.Sprintf("G%d", i+2), address: fmt.Sprintf("https://example.org/%d?a=1&b=2", i)}
		}
		sheetXML := []byte(`<sheetData><row r="1"/></sheetData><pageMargins left="0.7"/><tableParts count="1"><tablePart r:id="rId1"/></tableParts></worksheet>`)
		rels := []byte(emptyRelationships)
		var before, after runtime.MemStats
		runtime.ReadMemStats(&before)
		var out bytes.Buffer
		z := newSortedZip(&out, time.Date(2025, 9, 30, 0, 0, 0, 0, time.UTC), "")
		z.sheets = map[string]*sheetRows{"xl/worksheets/sheet2.xml": {a: &annex{ctx: context.Background()}, s: &sheet{}, links: links}}
		for name, data := range map[string][]byte{"xl/worksheets/sheet2.xml": sheetXML, "xl/worksheets/_rels/sheet2.xml.rels": rels} {
			w, err := z.Create(name)
			if err != nil {
				t.Fatal(err)
			}
			// In pieces, as excelize writes: the end of the rows may
			// straddle two writes.
			for len(data) > 0 {
				k := min(7, len(data))
				if _, err := w.Write(data[:k]); err != nil {
					t.Fatal(err)
				}
				data = data[k:]
			}
		}
		if err := z.Close(); err != nil {
			t.Fatal(err)
		}
		runtime.ReadMemStats(&after)
		zr, err := zip.NewReader(bytes.NewReader(out.Bytes()), int64(out.Len()))
		if err != nil {
			t.Fatal(err)
		}
		parts := map[string]string{}
		for _, zf := range zr.File {
			r, _ := zf.Open()
			b, _ := io.ReadAll(r)
			parts[zf.Name] = string(b)
		}
		got := parts["xl/worksheets/sheet2.xml"]
		if want := `</sheetData><hyperlinks><hyperlink ref="G2" r:id="rIdLink1"/>`; !strings.Contains(got, want) {
			t.Fatalf("the sheet lacks %q:\n%.300s", want, got)
		}
		if strings.Index(got, "</hyperlinks>") > strings.Index(got, "<pageMargins") {
			t.Error("<hyperlinks> comes after <pageMargins>: Excel would call the file damaged")
		}
		if want := fmt.Sprintf(`Id="rIdLink%d" Type="`+hyperlinkType+`" Target="https://example.org/%d?a=1&amp;b=2" TargetMode="External"/>`, n, n-1); !strings.Contains(parts["xl/worksheets/_rels/sheet2.xml.rels"], want) {
			t.Errorf("the relationships lack %q", want)
		}
		return after.TotalAlloc - before.TotalAlloc
	}
	small, large := allocated(5000), allocated(50000)
	if growth := float64(large) / float64(small); growth > 13 {
		t.Errorf("50,000 links allocate %.1f times what 5,000 do; want about 10", growth)
	}
}

func TestSheetOfRels(t *testing.T) {
	for _, tt := range []struct{ rels, sheet string }{
		{"xl/worksheets/_rels/sheet3.xml.rels", "xl/worksheets/sheet3.xml"},
		{"xl/_rels/workbook.xml.rels", ""},
		{"xl/worksheets/sheet3.xml", ""},
		{"_rels/.rels", ""},
	} {
		if got := sheetOfRels(tt.rels); got != tt.sheet {
			t.Errorf("sheetOfRels(%q) = %q, want %q", tt.rels, got, tt.sheet)
		}
		if tt.sheet != "" && relsOfSheet(tt.sheet) != tt.rels {
			t.Errorf("relsOfSheet(%q) = %q, want %q", tt.sheet, relsOfSheet(tt.sheet), tt.rels)
		}
	}
	if _, err := addHyperlinks([]byte("<pageMargins/>"), nil); err != nil {
		t.Errorf("addHyperlinks: %v", err)
	}
	if _, err := addHyperlinks([]byte("no end"), nil); err == nil {
		t.Error("addHyperlinks accepted a sheet without an end")
	}
	if got, err := addLinkRelationships([]byte(`<Relationships xmlns="x"/>`), []hyperlink{{"A1", "https://a.b/"}}); err != nil || !strings.Contains(string(got), `Target="https://a.b/"`) || !strings.HasSuffix(string(got), "</Relationships>") {
		t.Errorf("addLinkRelationships on an empty part: %q, %v", got, err)
	}
}
