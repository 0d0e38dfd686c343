package pdf

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"io"
	"regexp"
	"strconv"
	"testing"

	"codeberg.org/go-pdf/fpdf"
)

// TestDeflateStreams: the pages fpdf leaves uncompressed come out deflated,
// with the same content, and every cross-reference entry points at its
// object.
func TestDeflateStreams(t *testing.T) {
	doc := fpdf.New("P", "mm", "A4", "")
	doc.SetCompression(false)
	doc.SetFont("Helvetica", "", 12)
	var want []string
	for i := range 3 {
		doc.AddPage()
		text := fmt.Sprintf("page %d (with brackets) and a backslash \\", i+1)
		doc.Text(20, 20, text)
		want = append(want, text)
	}
	var raw bytes.Buffer
	if err := doc.Output(&raw); err != nil {
		t.Fatal(err)
	}
	packed, err := deflateStreams(raw.Bytes())
	if err != nil {
		t.Fatal(err)
	}
	if len(packed) >= raw.Len() {
		t.Errorf("deflated document is %d bytes, the raw one %d", len(packed), raw.Len())
	}
	if regexp.MustCompile(`<</Length \d+>>\nstream`).Match(packed) {
		t.Error("a stream is left uncompressed")
	}
	at, offsets, err := readXref(packed)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.HasPrefix(packed[at:], []byte("xref")) {
		t.Error("startxref does not point at the table")
	}
	for n := 1; n < len(offsets); n++ {
		if !bytes.HasPrefix(packed[offsets[n]:], []byte(strconv.Itoa(n)+" 0 obj")) {
			t.Errorf("entry %d points at %q", n, packed[offsets[n]:offsets[n]+10])
		}
	}
	// Each page's content inflates back to what fpdf wrote.
	streams := regexp.MustCompile(`(?s)<</Filter /FlateDecode /Length (\d+)>>\nstream\n`).FindAllSubmatchIndex(packed, -1)
	found := 0
	for _, m := range streams {
		n, _ := strconv.Atoi(string(packed[m[2]:m[3]]))
		r, err := zlib.NewReader(bytes.NewReader(packed[m[1] : m[1]+n]))
		if err != nil {
			t.Fatal(err)
		}
		content, err := io.ReadAll(r)
		if err != nil {
			t.Fatal(err)
		}
		for _, w := range want {
			if bytes.Contains(content, []byte(w[:6])) && bytes.Contains(content, []byte("brackets\\)")) {
				found++
				break
			}
		}
	}
	if found != len(want) {
		t.Errorf("%d page streams inflate to their text; want %d", found, len(want))
	}
	// Deterministic.
	again, _ := deflateStreams(raw.Bytes())
	if !bytes.Equal(again, packed) {
		t.Error("two runs differ")
	}
	// Not a PDF, or a truncated one: an error, not a panic.
	for _, bad := range [][]byte{nil, []byte("%PDF-1.3\n"), raw.Bytes()[:raw.Len()/2], bytes.ReplaceAll(raw.Bytes(), []byte("xref\n0 "), []byte("xref\n0 9999999"))} {
		if _, err := deflateStreams(bad); err == nil {
			t.Errorf("deflateStreams accepted %d bytes of a broken document", len(bad))
		}
	}
}
