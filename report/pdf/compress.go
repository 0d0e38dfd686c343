package pdf

import (
	"bytes"
	"compress/zlib"
	"errors"
	"fmt"
	"slices"
	"strconv"
)

// deflateStreams compresses the streams fpdf wrote uncompressed (the
// pages' content: the document is written with fpdf's compression off)
// and rewrites the cross-reference table for the new offsets. fpdf would
// compress each page with a zlib writer of its own, allocating about a
// megabyte per page; here one writer serves every stream. Only a stream
// whose dictionary is exactly <</Length N>> is touched; the output is the
// same for the same input.
func deflateStreams(doc []byte) ([]byte, error) {
	xrefAt, offsets, err := readXref(doc)
	if err != nil {
		return nil, err
	}
	// The objects in file order (fpdf writes some before lower numbers).
	order := make([]int, 0, len(offsets))
	for n, off := range offsets {
		if off > 0 {
			order = append(order, n)
		}
	}
	slices.SortFunc(order, func(a, b int) int { return offsets[a] - offsets[b] })
	if len(order) == 0 {
		return nil, errors.New("pdf: no object in the document")
	}

	out := bytes.NewBuffer(make([]byte, 0, len(doc)/3))
	out.Write(doc[:offsets[order[0]]])
	var packed bytes.Buffer
	zw, err := zlib.NewWriterLevel(&packed, zlib.BestSpeed)
	if err != nil {
		return nil, err
	}
	moved := make([]int, len(offsets))
	for i, n := range order {
		end := xrefAt
		if i+1 < len(order) {
			end = offsets[order[i+1]]
		}
		obj := doc[offsets[n]:end]
		moved[n] = out.Len()
		head, data, tail, ok := plainStream(obj)
		if !ok {
			out.Write(obj)
			continue
		}
		packed.Reset()
		zw.Reset(&packed)
		if _, err := zw.Write(data); err != nil {
			return nil, err
		}
		if err := zw.Close(); err != nil {
			return nil, err
		}
		out.Write(head)
		fmt.Fprintf(out, "<</Filter /FlateDecode /Length %d>>\nstream\n", packed.Len())
		out.Write(packed.Bytes())
		out.Write(tail)
	}

	// The cross-reference table, with the new offsets; the trailer as it
	// was.
	newXref := out.Len()
	fmt.Fprintf(out, "xref\n0 %d\n0000000000 65535 f \n", len(offsets))
	for n := 1; n < len(offsets); n++ {
		fmt.Fprintf(out, "%010d 00000 n \n", moved[n])
	}
	trailer := doc[xrefAt:]
	t := bytes.Index(trailer, []byte("trailer"))
	s := bytes.LastIndex(trailer, []byte("startxref"))
	if t < 0 || s < t {
		return nil, errors.New("pdf: the document has no trailer")
	}
	out.Write(trailer[t:s])
	fmt.Fprintf(out, "startxref\n%d\n%%%%EOF\n", newXref)
	return out.Bytes(), nil
}

// readXref reads the position of fpdf's cross-reference table and the
// offset of every object, indexed by object number (0 for the free entry).
func readXref(doc []byte) (at int, offsets []int, err error) {
	s := bytes.LastIndex(doc, []byte("startxref\n"))
	if s < 0 {
		return 0, nil, errors.New("pdf: no startxref")
	}
	line, _, _ := bytes.Cut(doc[s+len("startxref\n"):], []byte("\n"))
	at, err = strconv.Atoi(string(line))
	if err != nil || at <= 0 || at >= s {
		return 0, nil, fmt.Errorf("pdf: bad startxref %q", line)
	}
	rest, ok := bytes.CutPrefix(doc[at:], []byte("xref\n0 "))
	if !ok {
		return 0, nil, errors.New("pdf: no cross-reference table at startxref")
	}
	line, rest, _ = bytes.Cut(rest, []byte("\n"))
	count, err := strconv.Atoi(string(line))
	if err != nil || count < 1 || len(rest) < 20*count {
		return 0, nil, fmt.Errorf("pdf: bad cross-reference table size %q", line)
	}
	offsets = make([]int, count)
	for n := 1; n < count; n++ {
		entry := rest[20*n : 20*n+20]
		if offsets[n], err = strconv.Atoi(string(entry[:10])); err != nil || offsets[n] >= at {
			return 0, nil, fmt.Errorf("pdf: bad cross-reference entry %q", entry)
		}
	}
	return at, offsets, nil
}

// plainStream splits an object holding an unfiltered stream whose
// dictionary is <</Length N>> into what comes before the dictionary, the
// stream's data and what follows it ("\nendstream…").
func plainStream(obj []byte) (head, data, tail []byte, ok bool) {
	i := bytes.IndexByte(obj, '\n')
	if i < 0 {
		return nil, nil, nil, false
	}
	dict, rest, found := bytes.Cut(obj[i+1:], []byte("\nstream\n"))
	if !found {
		return nil, nil, nil, false
	}
	n, found := bytes.CutPrefix(dict, []byte("<</Length "))
	if !found {
		return nil, nil, nil, false
	}
	n, found = bytes.CutSuffix(n, []byte(">>"))
	if !found {
		return nil, nil, nil, false
	}
	length, err := strconv.Atoi(string(n))
	if err != nil || length < 0 || length > len(rest) || !bytes.HasPrefix(rest[length:], []byte("\nendstream")) {
		return nil, nil, nil, false
	}
	return obj[:i+1], rest[:length], rest[length:], true
}
