package xlsx

import (
	"archive/zip"
	"bytes"
	"cmp"
	"errors"
	"fmt"
	"hash"
	"hash/crc32"
	"io"
	"io/fs"
	"maps"
	"os"
	"regexp"
	"slices"
	"strings"
	"time"

	"github.com/klauspost/compress/flate"
)

// sortedZip is the zip writer excelize saves the workbook through, which
// makes two saves of the same workbook byte-identical. excelize writes
// streamed sheets in the order of a map, and lists some content types
// (image extensions, added with a chart) in the order of another: sortedZip
// sorts the content types, compresses each part as it comes, and writes
// them all at Close sorted by name ("[Content_Types].xml" first, as Office
// does), every one dated with the document's date.
//
// Compressed parts wait in memory, or, past spillAt bytes, in a temporary
// file, so that memory does not grow with the size of the workbook.
type sortedZip struct {
	w        io.Writer
	modified time.Time
	parts    []*zipPart
	flate    *flate.Writer // reused from part to part
	open     *zipPart
	tmpDir   string
	spill    *os.File // created when the first part outgrows spillAt
	spilled  int64    // bytes written to spill
	err      error
	// sheets writes the data rows of each worksheet, by part name
	// (xl/worksheets/sheetN.xml), where excelize's rows end, and gives the
	// links they hold, which are added to the sheet and to its
	// relationships (see hyperlinks.go).
	sheets  map[string]*sheetRows
	related map[string]bool // worksheets whose relationships part was seen
}

// hyperlink is a cell's link to a web address.
type hyperlink struct{ ref, address string }

// spillAt is the most compressed bytes of one part held in memory.
const spillAt = 1 << 20

type zipPart struct {
	name string
	data bytes.Buffer // deflated, not yet spilled
	// off and n locate the part's spilled bytes in the temporary file;
	// they come before data.
	off, n int64
	crc    hash.Hash32
	size   uint64
	z      *sortedZip
	// raw collects a part that is rewritten before it is compressed.
	raw *bytes.Buffer
	// rows is set on a worksheet whose data rows the zip writer writes:
	// excelize's rows pass through, the data rows follow them, and what
	// comes after waits in tail (carry holds bytes that may begin
	// "</sheetData>"), so that the rows' links can go in their place.
	rows        *sheetRows
	carry, tail []byte
	afterRows   bool
	// relsOfSheet is set on the relationships part of such a worksheet:
	// it is held, and completed with the sheet's links at Close.
	relsOfSheet string
}

// contentTypes is the package part that lists content types.
const contentTypes = "[Content_Types].xml"

func newSortedZip(w io.Writer, modified time.Time, tmpDir string) *sortedZip {
	return &sortedZip{w: w, modified: modified.UTC(), tmpDir: tmpDir, related: map[string]bool{}}
}

// Create starts a part; excelize writes it whole before creating the next.
func (z *sortedZip) Create(name string) (io.Writer, error) {
	if err := z.finish(); err != nil {
		return nil, err
	}
	p := &zipPart{name: name, crc: crc32.NewIEEE(), z: z, off: z.spilled}
	if name == contentTypes {
		p.raw = new(bytes.Buffer)
	}
	p.rows = z.sheets[name]
	if sheet := sheetOfRels(name); z.sheets[sheet] != nil {
		p.raw, p.relsOfSheet = new(bytes.Buffer), sheet
		z.related[sheet] = true
	}
	if z.flate == nil {
		// klauspost's level 5 compresses about as well as the standard
		// library's default level, three times as fast.
		fw, err := flate.NewWriter(&p.data, 5)
		if err != nil {
			return nil, err
		}
		z.flate = fw
	} else {
		z.flate.Reset(&p.data)
	}
	z.parts = append(z.parts, p)
	z.open = p
	return p, nil
}

func (p *zipPart) Write(b []byte) (int, error) {
	if p.z.open != p {
		return 0, errors.New("xlsx: write to a closed zip part")
	}
	if p.raw != nil {
		return p.raw.Write(b)
	}
	if p.rows != nil {
		return p.writeSheet(b)
	}
	return p.deflate(b)
}

// deflater writes to a part's compressed data.
type deflater struct{ p *zipPart }

func (d deflater) Write(b []byte) (int, error) { return d.p.deflate(b) }

// endRows is where a worksheet's rows end.
var endRows = []byte("</sheetData>")

// writeSheet passes a worksheet's rows to the compressor and keeps what
// follows them.
func (p *zipPart) writeSheet(b []byte) (int, error) {
	if p.afterRows {
		p.tail = append(p.tail, b...)
		return len(b), nil
	}
	data := append(p.carry, b...)
	if i := bytes.Index(data, endRows); i >= 0 {
		p.afterRows = true
		p.tail = append([]byte(nil), data[i:]...)
		p.carry = nil
		if _, err := p.deflate(data[:i]); err != nil {
			return 0, err
		}
		if err := p.rows.writeTo(deflater{p}); err != nil {
			return 0, err
		}
		return len(b), nil
	}
	keep := min(len(data), len(endRows)-1)
	if _, err := p.deflate(data[:len(data)-keep]); err != nil {
		return 0, err
	}
	p.carry = append(p.carry[:0], data[len(data)-keep:]...)
	return len(b), nil
}

func (p *zipPart) deflate(b []byte) (int, error) {
	p.crc.Write(b)
	p.size += uint64(len(b))
	n, err := p.z.flate.Write(b)
	if err == nil && p.data.Len() > spillAt {
		err = p.z.spillPart(p)
	}
	return n, err
}

// spillPart moves the compressed bytes of the open part to the temporary
// file. Parts are written one after the other, so each part's spilled
// bytes are contiguous there.
func (z *sortedZip) spillPart(p *zipPart) error {
	if z.spill == nil {
		f, err := os.CreateTemp(z.tmpDir, "briefing-xlsx-")
		if err != nil {
			return err
		}
		z.spill = f
	}
	n, err := p.data.WriteTo(z.spill)
	p.n += n
	z.spilled += n
	return err
}

// finish ends the part being written.
func (z *sortedZip) finish() error {
	p := z.open
	if p == nil {
		return nil
	}
	switch {
	case p.relsOfSheet != "":
		// Held until Close: excelize may write it before its sheet, whose
		// links are known once its rows are written.
		z.open = nil
		return nil
	case p.raw != nil:
		if _, err := p.deflate(sortContentTypes(p.raw.Bytes())); err != nil {
			return err
		}
	case p.rows != nil:
		if !p.afterRows {
			return fmt.Errorf("xlsx: %s has no end of rows to write its data rows at", p.name)
		}
		tail := p.tail
		if len(p.rows.links) > 0 {
			var err error
			if tail, err = addHyperlinks(tail, p.rows.links); err != nil {
				return fmt.Errorf("xlsx: %s: %w", p.name, err)
			}
		}
		if _, err := p.deflate(tail); err != nil {
			return err
		}
	}
	z.open = nil
	if err := z.flate.Close(); err != nil {
		return err
	}
	if p.n > 0 { // the rest follows what was spilled
		return z.spillPart(p)
	}
	return nil
}

// complete compresses a held relationships part, with links added.
func (z *sortedZip) complete(p *zipPart, rels []byte, links []hyperlink) error {
	if len(links) > 0 {
		var err error
		if rels, err = addLinkRelationships(rels, links); err != nil {
			return fmt.Errorf("xlsx: %s: %w", p.name, err)
		}
	}
	// Now an ordinary part, written and finished as Create's are.
	p.raw, p.relsOfSheet, p.off = nil, "", z.spilled
	z.open = p
	z.flate.Reset(&p.data)
	if _, err := p.deflate(rels); err != nil {
		return err
	}
	return z.finish()
}

// AddFS is not used by excelize's save and is not supported.
func (z *sortedZip) AddFS(fs.FS) error { return errors.New("xlsx: AddFS is not supported") }

// Close writes the archive, the parts in name order, and removes the
// temporary file.
func (z *sortedZip) Close() error {
	defer z.removeSpill()
	z.err = z.write()
	return z.err
}

func (z *sortedZip) write() error {
	if err := z.finish(); err != nil {
		return err
	}
	// The held relationships parts, with their sheets' links; a sheet with
	// links whose relationships excelize did not write gets a part of its
	// own.
	for _, p := range slices.Clone(z.parts) {
		if p.relsOfSheet == "" {
			continue
		}
		if err := z.complete(p, p.raw.Bytes(), z.sheets[p.relsOfSheet].links); err != nil {
			return err
		}
	}
	for _, sheet := range slices.Sorted(maps.Keys(z.sheets)) {
		if z.related[sheet] || len(z.sheets[sheet].links) == 0 {
			continue
		}
		p := &zipPart{name: relsOfSheet(sheet), crc: crc32.NewIEEE(), z: z, off: z.spilled}
		z.parts = append(z.parts, p)
		if err := z.complete(p, []byte(emptyRelationships), z.sheets[sheet].links); err != nil {
			return err
		}
	}
	rank := func(name string) int {
		if name == contentTypes {
			return 0
		}
		return 1
	}
	slices.SortFunc(z.parts, func(a, b *zipPart) int {
		return cmp.Or(cmp.Compare(rank(a.name), rank(b.name)), cmp.Compare(a.name, b.name))
	})
	date, clock := msDosTime(z.modified)
	// A buffer that grows by doubling to a 40 MB annex holds 60 MB or
	// more at its peak; the parts' sizes are known, so it grows once.
	if g, ok := z.w.(interface{ Grow(int) }); ok {
		total := 22 // the end of the central directory
		for _, p := range z.parts {
			// A local header and a central directory entry each.
			total += 30 + 46 + 2*len(p.name) + int(p.n) + p.data.Len()
		}
		g.Grow(total)
	}
	zw := zip.NewWriter(z.w)
	for _, p := range z.parts {
		w, err := zw.CreateRaw(&zip.FileHeader{
			Name:               p.name,
			CreatorVersion:     20, // as zip.Writer.CreateHeader writes
			ReaderVersion:      20,
			Method:             zip.Deflate,
			ModifiedDate:       date,
			ModifiedTime:       clock,
			CRC32:              p.crc.Sum32(),
			CompressedSize64:   uint64(p.n) + uint64(p.data.Len()),
			UncompressedSize64: p.size,
		})
		if err != nil {
			return err
		}
		if p.n > 0 {
			if _, err := io.Copy(w, io.NewSectionReader(z.spill, p.off, p.n)); err != nil {
				return err
			}
		}
		if _, err := p.data.WriteTo(w); err != nil {
			return err
		}
	}
	return zw.Close()
}

// removeSpill removes the temporary file, if any. Write calls it also when
// excelize fails before closing the archive.
func (z *sortedZip) removeSpill() {
	if z.spill != nil {
		z.spill.Close()
		os.Remove(z.spill.Name())
		z.spill = nil
	}
}

// msDosTime returns t as the MS-DOS date and time a zip entry records,
// within the years that format can hold (1980 to 2107).
func msDosTime(t time.Time) (date, clock uint16) {
	t = t.UTC()
	switch {
	case t.Year() < 1980:
		t = time.Date(1980, 1, 1, 0, 0, 0, 0, time.UTC)
	case t.Year() > 2107:
		t = time.Date(2107, 12, 31, 23, 59, 58, 0, time.UTC)
	}
	date = uint16(t.Day() + int(t.Month())<<5 + (t.Year()-1980)<<9)
	clock = uint16(t.Second()/2 + t.Minute()<<5 + t.Hour()<<11)
	return date, clock
}

// typeEntry matches one entry of the content types part, a Default or an
// Override element, as excelize writes them.
var typeEntry = regexp.MustCompile(`<(Default|Override) [^>]*?(/>|></(Default|Override)>)`)

// sortContentTypes lists the content types' Default entries, then their
// Override entries, each sorted: their order means nothing to a reader.
func sortContentTypes(b []byte) []byte {
	spans := typeEntry.FindAllIndex(b, -1)
	if len(spans) == 0 {
		return b
	}
	var defaults, overrides []string
	for _, s := range spans {
		if e := string(b[s[0]:s[1]]); strings.HasPrefix(e, "<Default") {
			defaults = append(defaults, e)
		} else {
			overrides = append(overrides, e)
		}
	}
	slices.Sort(defaults)
	slices.Sort(overrides)
	// Entries follow one another from the first to the last; anything
	// between them is kept at the end of the list.
	var out bytes.Buffer
	out.Write(b[:spans[0][0]])
	for _, e := range slices.Concat(defaults, overrides) {
		out.WriteString(e)
	}
	for i := 1; i < len(spans); i++ {
		out.Write(b[spans[i-1][1]:spans[i][0]])
	}
	out.Write(b[spans[len(spans)-1][1]:])
	return out.Bytes()
}
