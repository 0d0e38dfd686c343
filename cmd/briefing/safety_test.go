package main

import (
	"bytes"
	"compress/zlib"
	"context"
	"io"
	"net/url"
	"regexp"
	"strings"
	"testing"
	"time"

	"briefing/internal/build"
	"briefing/internal/pdftest"
	"briefing/report"
)

// TestPDFSafety scans the sample letter, its compressed streams included,
// for what makes a PDF act rather than show: scripts, launching programs,
// embedded files, forms that send or import data, and links to anything
// but web pages and mail. Partners open the letter from an e-mail; a data
// file that slipped any of these in (a "javascript:" URL, say) must not
// reach them.
func TestPDFSafety(t *testing.T) {
	ds, diags := report.Load("../../data")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	l, _ := ds.Letter("2025-09-kayes")
	env, err := build.NewEnv("briefing "+version, time.Date(2025, 9, 30, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	files, _, err := build.Letter(context.Background(), ds, l, env)
	if err != nil {
		t.Fatal(err)
	}
	var data []byte
	for _, f := range files {
		if f.Path == build.PDFPath(l) {
			data = f.Data
		}
	}
	texts := [][]byte{data}
	streams := 0
	for _, s := range pdfStreams(data) {
		if s.binary {
			continue // a font or an image: bytes, not PDF syntax
		}
		texts = append(texts, s.data)
		streams++
	}
	if streams < 10 {
		t.Fatalf("found %d streams to scan; the scanner no longer reads fpdf's output", streams)
	}

	forbidden := regexp.MustCompile(`/(JavaScript|JS|Launch|EmbeddedFiles?|FileAttachment|SubmitForm|ImportData|GoToR|RichMedia)[\s/<>\[\]()%]`)
	// fpdf writes an empty name tree of embedded files into every
	// catalog: an empty list embeds nothing.
	emptyFiles := regexp.MustCompile(`/EmbeddedFiles\s*<<\s*/Names\s*\[\s*\]\s*>>`)
	uri := regexp.MustCompile(`/URI\s*\(((?:\\.|[^\\)])*)\)`)
	var uris []string
	for _, b := range texts {
		if m := forbidden.Find(emptyFiles.ReplaceAll(b, nil)); m != nil {
			t.Errorf("the letter holds %q", bytes.TrimSpace(m))
		}
		for _, m := range uri.FindAllSubmatch(b, -1) {
			uris = append(uris, string(m[1]))
		}
	}
	doc, err := pdftest.Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	for _, p := range doc.Pages {
		for _, link := range p.Links {
			if link.URI != "" {
				uris = append(uris, link.URI)
			}
		}
	}
	if len(uris) < 20 {
		t.Errorf("found %d links; the sample's notes and sources have more", len(uris))
	}
	for _, u := range uris {
		parsed, err := url.Parse(u)
		if err != nil {
			t.Errorf("link %q: %v", u, err)
			continue
		}
		switch strings.ToLower(parsed.Scheme) {
		case "http", "https", "mailto":
		default:
			t.Errorf("link %q: scheme %q; only http, https and mailto may be linked", u, parsed.Scheme)
		}
	}
}

// pdfStream is one stream of a PDF file, decompressed when it was
// FlateDecode.
type pdfStream struct {
	data   []byte
	binary bool // a font program or an image
}

// pdfStreams returns the streams of a PDF as fpdf writes them: a
// dictionary, "stream", the bytes, "endstream".
func pdfStreams(pdf []byte) []pdfStream {
	var out []pdfStream
	for at := 0; ; {
		i := bytes.Index(pdf[at:], []byte("stream"))
		if i < 0 {
			return out
		}
		start := at + i + len("stream")
		if bytes.HasSuffix(pdf[:at+i], []byte("end")) {
			at = start
			continue
		}
		end := bytes.Index(pdf[start:], []byte("endstream"))
		if end < 0 {
			return out
		}
		// The stream's dictionary, nested ones (DecodeParms) included:
		// from the object's start.
		dictStart := bytes.LastIndex(pdf[:at+i], []byte(" obj"))
		dict := pdf[max(dictStart, 0) : at+i]
		body := bytes.TrimLeft(pdf[start:start+end], "\r\n")
		s := pdfStream{data: body}
		s.binary = bytes.Contains(dict, []byte("/Length1")) || bytes.Contains(dict, []byte("/Subtype /Image")) ||
			bytes.Contains(dict, []byte("/DCTDecode")) || bytes.Contains(dict, []byte("/FontFile"))
		if bytes.Contains(dict, []byte("/FlateDecode")) {
			if r, err := zlib.NewReader(bytes.NewReader(body)); err == nil {
				if b, err := io.ReadAll(r); err == nil {
					s.data = b
				}
			}
		}
		out = append(out, s)
		at = start + end + len("endstream")
	}
}
