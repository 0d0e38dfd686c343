// Package pdftest reads back the PDF files that codeberg.org/go-pdf/fpdf
// writes, so that tests can check a document as a reader would see it: its
// pages and their text, decoded to Unicode and placed on the page, the
// paths they paint, links, bookmarks, metadata, fonts and images.
//
// It is a test helper, not a general PDF reader: it handles what fpdf
// writes, compressed or not — a classic cross-reference table, FlateDecode
// streams, Type0/Identity-H fonts with a ToUnicode CMap, simple TrueType and
// Type 1 fonts (the standard ones included) with WinAnsiEncoding or
// /Differences, form XObjects (templates) — and returns an error, never
// panics, on anything else or on a malformed file.
package pdftest

import (
	"errors"
	"fmt"
	"math"
	"slices"
	"sort"
	"strings"
)

// Doc is a parsed PDF document.
type Doc struct {
	// Pages are the pages in page tree order.
	Pages []Page
	// Info holds the string entries of the document information dictionary
	// (Title, Author, Subject, Keywords, Creator, Producer, CreationDate,
	// ModDate, …), decoded from UTF-16BE with a byte order mark or from
	// PDFDocEncoding.
	Info map[string]string
	// Lang is the catalog's /Lang, the document's natural language.
	Lang string
	// Outline is the bookmark tree, flattened in document order.
	Outline []OutlineItem
	// Fonts lists every font resource once, in the order pages (then the
	// forms they hold) list them, by resource name.
	Fonts []Font
	// Images counts the distinct image XObjects of the resources of pages
	// and forms (soft masks, which fpdf writes for PNG alpha, not included).
	Images int
}

// Page is one page of a document.
type Page struct {
	// Number is the page number, from 1.
	Number int
	// Width and Height are the size of the MediaBox in points.
	Width, Height float64
	// Text holds the shown strings in content stream order, one run per
	// text-showing operator.
	Text []TextRun
	// Links holds the page's link annotations, in /Annots order.
	Links []Link
	// Paths holds the paths painted on the page, its forms' included, in
	// content stream order: one per path-painting operator (n included).
	Paths []Path
	// Operators counts the operators the page's content runs, by name
	// ("cm", "gs", "Tj", …; a form's each time it is painted): for what the
	// other fields do not tell.
	Operators map[string]int
}

// TextRun is a string shown by one text-showing operator (Tj, TJ, ', ").
type TextRun struct {
	// Text is the string decoded to Unicode, through the font's ToUnicode
	// CMap, or its encoding (WinAnsi, /Differences) for simple fonts
	// without one; U+FFFD stands for a code that maps to nothing. In a TJ
	// array, a shift right wider than 0.25 em between two strings, the word
	// gap of justified text, reads as a space.
	Text string
	// X and Y are the origin of the first glyph on the baseline, in points
	// from the top left corner of the MediaBox, Y downwards: the text
	// matrix and the transformation matrix (cm, q/Q) applied.
	X, Y float64
	// W is the advance of the whole run along its baseline, in points.
	W float64
	// Size is the effective font size in points: the Tf size scaled by the
	// text and transformation matrices.
	Size float64
	// Font is the BaseFont of the font the run is shown in.
	Font string
	// Rotated reports a baseline that does not run left to right
	// horizontally on the page.
	Rotated bool
	// Matrix is the text matrix times the transformation matrix at the
	// run's start, [a b c d e f] as PDF writes matrices: it maps text space
	// (the font size and Tz aside) to PDF's default user space, whose y runs
	// upwards. Its a, b, c and d turn and scale the baseline, so a run
	// turned a quarter turn clockwise on the page has [0 -1 1 0 e f]; e and
	// f are the origin before the rise, in PDF coordinates, which X and Y
	// give in the page's.
	Matrix [6]float64
}

// Link is a link annotation.
type Link struct {
	// X, Y, W and H are the annotation's rectangle, in points from the top
	// left corner of the MediaBox, Y downwards.
	X, Y, W, H float64
	// URI is the target of a URI action; empty for internal links.
	URI string
	// Page is the target page number of an internal (GoTo) link; 0 for URI
	// links.
	Page int
	// DestY is the top of the internal link's destination view, in points
	// from the top of the target page (0 when the destination leaves it
	// unspecified).
	DestY float64
}

// OutlineItem is a bookmark.
type OutlineItem struct {
	// Title is the bookmark text.
	Title string
	// Level is the depth in the outline tree, 0 for top-level bookmarks.
	Level int
	// Page is the page number the bookmark points to, 0 if none.
	Page int
}

// Font is a font resource.
type Font struct {
	// Name is the BaseFont, e.g. Helvetica or ABCDEF+LiberationSerif. fpdf
	// names its UTF-8 fonts utf8<family><style>, e.g. utf8serifB.
	Name string
	// Subtype is the font type: Type0, TrueType, Type1, ….
	Subtype string
	// Embedded reports a font program (FontFile, FontFile2 or FontFile3).
	Embedded bool
	// Subset reports a subset tag, six capitals and a plus sign, before the
	// name. fpdf v0.12.0 writes no tag, though it does subset its UTF-8
	// fonts: compare Glyphs with the full font's glyph count.
	Subset bool
	// Glyphs is the number of glyphs of an embedded TrueType or OpenType
	// program (its maxp table); 0 for other programs and fonts not embedded.
	Glyphs int
}

// Parse reads a PDF document.
func Parse(data []byte) (doc *Doc, err error) {
	defer func() {
		if p := recover(); p != nil {
			doc, err = nil, fmt.Errorf("pdftest: internal error: %v", p)
		}
	}()
	return parse(data)
}

// reader holds what parsing a document needs.
type reader struct {
	f      *file
	doc    *Doc
	pageOf map[int]int       // page object number → page number
	boxes  []mediaBox        // by page index
	fonts  map[uintptr]*font // by dictionary
	seen   map[int]bool      // resource and XObject objects already listed
	images map[int]bool      // image XObjects
}

type mediaBox struct{ x0, y0, x1, y1 float64 }

// pageNode is a leaf of the page tree with its inherited attributes.
type pageNode struct {
	num       int // object number
	d         dict
	resources any
	mediaBox  any
}

func parse(data []byte) (*Doc, error) {
	f, err := openFile(data)
	if err != nil {
		return nil, fmt.Errorf("pdftest: %w", err)
	}
	r := &reader{
		f:      f,
		doc:    &Doc{Info: map[string]string{}},
		pageOf: map[int]int{},
		fonts:  map[uintptr]*font{},
		seen:   map[int]bool{},
		images: map[int]bool{},
	}
	if err := r.read(); err != nil {
		return nil, fmt.Errorf("pdftest: %w", err)
	}
	return r.doc, nil
}

func (r *reader) read() error {
	cat, err := r.f.dictOf(r.f.trailer["Root"])
	if err != nil || cat == nil {
		return fmt.Errorf("catalog: %v", orMissing(err))
	}
	var nodes []pageNode
	if err := r.pageTree(cat["Pages"], pageNode{}, 0, map[int]bool{}, &nodes); err != nil {
		return fmt.Errorf("page tree: %w", err)
	}
	if len(nodes) == 0 {
		return errors.New("page tree: no page")
	}
	for i, n := range nodes {
		r.pageOf[n.num] = i + 1
		b, err := r.f.numbers(n.mediaBox, 4)
		if err != nil {
			return fmt.Errorf("page %d: /MediaBox: %w", i+1, err)
		}
		r.boxes = append(r.boxes, mediaBox{
			math.Min(b[0], b[2]), math.Min(b[1], b[3]), math.Max(b[0], b[2]), math.Max(b[1], b[3]),
		})
	}
	for i, n := range nodes {
		p, err := r.page(i, n)
		if err != nil {
			return fmt.Errorf("page %d: %w", i+1, err)
		}
		r.doc.Pages = append(r.doc.Pages, p)
	}
	r.doc.Images = len(r.images)
	if err := r.info(); err != nil {
		return fmt.Errorf("info: %w", err)
	}
	if l, err := r.f.resolve(cat["Lang"]); err != nil {
		return fmt.Errorf("catalog /Lang: %w", err)
	} else if s, ok := l.(pdfString); ok {
		r.doc.Lang = textString(s)
	}
	if err := r.outline(cat["Outlines"]); err != nil {
		return fmt.Errorf("outline: %w", err)
	}
	return nil
}

func orMissing(err error) error {
	if err == nil {
		return errors.New("missing")
	}
	return err
}

// pageTree collects the pages under node o, depth first.
func (r *reader) pageTree(o any, inherit pageNode, depth int, seen map[int]bool, out *[]pageNode) error {
	rf, ok := o.(ref)
	if !ok {
		return fmt.Errorf("%s where a page reference was expected", describe(o))
	}
	if seen[rf.num] || depth > maxDepth {
		return fmt.Errorf("object %d: loop in the page tree", rf.num)
	}
	seen[rf.num] = true
	d, err := r.f.dictOf(rf)
	if err != nil {
		return err
	}
	if d == nil {
		return fmt.Errorf("object %d: null in the page tree", rf.num)
	}
	if d["Resources"] != nil {
		inherit.resources = d["Resources"]
	}
	if d["MediaBox"] != nil {
		inherit.mediaBox = d["MediaBox"]
	}
	switch t, _ := r.f.nameOf(d["Type"]); t {
	case "Page":
		inherit.num, inherit.d = rf.num, d
		*out = append(*out, inherit)
		return nil
	case "Pages":
		kids, err := r.f.arrayOf(d["Kids"])
		if err != nil {
			return fmt.Errorf("object %d: /Kids: %w", rf.num, err)
		}
		for _, k := range kids {
			if err := r.pageTree(k, inherit, depth+1, seen, out); err != nil {
				return err
			}
		}
		return nil
	default:
		return fmt.Errorf("object %d: /Type %s in the page tree", rf.num, describe(d["Type"]))
	}
}

func (r *reader) page(i int, n pageNode) (Page, error) {
	box := r.boxes[i]
	p := Page{Number: i + 1, Width: box.x1 - box.x0, Height: box.y1 - box.y0}
	res, err := r.f.dictOf(n.resources)
	if err != nil {
		return p, fmt.Errorf("/Resources: %w", err)
	}
	if err := r.listResources(res, 0); err != nil {
		return p, err
	}
	// Content: one stream or an array of them, read as one.
	c, err := r.f.resolve(n.d["Contents"])
	if err != nil {
		return p, fmt.Errorf("/Contents: %w", err)
	}
	var parts []any
	switch c := c.(type) {
	case nil:
	case *stream:
		parts = []any{c}
	case array:
		parts = c
	default:
		return p, fmt.Errorf("/Contents is %s", describe(c))
	}
	var content []byte
	for _, part := range parts {
		s, err := r.f.resolve(part)
		if err != nil {
			return p, fmt.Errorf("/Contents: %w", err)
		}
		st, ok := s.(*stream)
		if !ok {
			return p, fmt.Errorf("/Contents holds %s", describe(s))
		}
		data, err := r.f.decode(st)
		if err != nil {
			return p, fmt.Errorf("/Contents: %w", err)
		}
		content = append(append(content, data...), '\n')
	}
	in := &interp{r: r, box: box, ops: map[string]int{}}
	if err := in.run(content, res, identity, 0); err != nil {
		return p, fmt.Errorf("content: %w", err)
	}
	p.Text, p.Paths, p.Operators = in.runs, in.paths, in.ops
	if p.Links, err = r.links(n.d["Annots"], box); err != nil {
		return p, fmt.Errorf("/Annots: %w", err)
	}
	return p, nil
}

// listResources loads the fonts of a resource dictionary, and of the forms
// among its XObjects, and counts its images.
func (r *reader) listResources(res dict, depth int) error {
	if depth > 8 {
		return errors.New("forms nested too deep")
	}
	fonts, err := r.f.dictOf(res["Font"])
	if err != nil {
		return fmt.Errorf("/Font: %w", err)
	}
	for _, k := range sortedKeys(fonts) {
		if _, err := r.fontRes(fonts, k); err != nil {
			return err
		}
	}
	xo, err := r.f.dictOf(res["XObject"])
	if err != nil {
		return fmt.Errorf("/XObject: %w", err)
	}
	for _, k := range sortedKeys(xo) {
		rf, isRef := xo[k].(ref)
		if isRef && r.seen[rf.num] {
			continue
		}
		o, err := r.f.resolve(xo[k])
		if err != nil {
			return fmt.Errorf("XObject /%s: %w", k, err)
		}
		s, ok := o.(*stream)
		if !ok {
			return fmt.Errorf("XObject /%s is %s", k, describe(o))
		}
		if isRef {
			r.seen[rf.num] = true
		}
		switch st, _ := r.f.nameOf(s.dict["Subtype"]); st {
		case "Image":
			r.images[s.num] = true
		case "Form":
			fres, err := r.f.dictOf(s.dict["Resources"])
			if err != nil {
				return fmt.Errorf("XObject /%s: /Resources: %w", k, err)
			}
			if err := r.listResources(fres, depth+1); err != nil {
				return fmt.Errorf("XObject /%s: %w", k, err)
			}
		}
	}
	return nil
}

// fontRes returns font resource k of a /Font dictionary.
func (r *reader) fontRes(fonts dict, k name) (*font, error) {
	o, ok := fonts[k]
	if !ok {
		return nil, fmt.Errorf("no font /%s in the resources", k)
	}
	f, err := r.loadFont(o)
	if err != nil {
		return nil, fmt.Errorf("font /%s: %w", k, err)
	}
	return f, nil
}

func sortedKeys(d dict) []name {
	keys := make([]name, 0, len(d))
	for k := range d {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// links reads the link annotations of a page.
func (r *reader) links(o any, box mediaBox) ([]Link, error) {
	annots, err := r.f.arrayOf(o)
	if err != nil {
		return nil, err
	}
	var links []Link
	for i, a := range annots {
		d, err := r.f.dictOf(a)
		if err != nil || d == nil {
			return nil, fmt.Errorf("annotation %d: %v", i+1, orMissing(err))
		}
		if st, _ := r.f.nameOf(d["Subtype"]); st != "Link" {
			continue
		}
		rect, err := r.f.numbers(d["Rect"], 4)
		if err != nil {
			return nil, fmt.Errorf("link %d: /Rect: %w", i+1, err)
		}
		l := Link{
			X: math.Min(rect[0], rect[2]) - box.x0,
			Y: box.y1 - math.Max(rect[1], rect[3]),
			W: math.Abs(rect[2] - rect[0]),
			H: math.Abs(rect[3] - rect[1]),
		}
		dest := d["Dest"]
		act, err := r.f.dictOf(d["A"])
		if err != nil {
			return nil, fmt.Errorf("link %d: /A: %w", i+1, err)
		}
		switch s, _ := r.f.nameOf(act["S"]); s {
		case "URI":
			u, err := r.f.resolve(act["URI"])
			if err != nil {
				return nil, fmt.Errorf("link %d: /URI: %w", i+1, err)
			}
			us, ok := u.(pdfString)
			if !ok {
				return nil, fmt.Errorf("link %d: /URI is %s", i+1, describe(u))
			}
			l.URI = string(us)
		case "GoTo":
			dest = act["D"]
		}
		if dest != nil {
			if l.Page, l.DestY, err = r.dest(dest); err != nil {
				return nil, fmt.Errorf("link %d: %w", i+1, err)
			}
		}
		links = append(links, l)
	}
	return links, nil
}

// dest resolves an explicit destination [page /XYZ left top zoom] (or /Fit,
// /FitH top, …) to a page number and a y from the page's top.
func (r *reader) dest(o any) (int, float64, error) {
	a, err := r.f.arrayOf(o)
	if err != nil || len(a) < 2 {
		return 0, 0, fmt.Errorf("destination %s: only explicit destinations are supported", describe(o))
	}
	pr, ok := a[0].(ref)
	page := r.pageOf[pr.num]
	if !ok || page == 0 {
		return 0, 0, fmt.Errorf("destination %s is not a page of the document", describe(a[0]))
	}
	var top any
	switch kind, _ := r.f.nameOf(a[1]); kind {
	case "XYZ":
		if len(a) > 3 {
			top = a[3]
		}
	case "FitH", "FitBH":
		if len(a) > 2 {
			top = a[2]
		}
	}
	y := 0.0
	if t, err := r.f.resolve(top); err == nil {
		if v, ok := t.(float64); ok {
			y = r.boxes[page-1].y1 - v
		}
	}
	return page, y, nil
}

// info decodes the string entries of the /Info dictionary.
func (r *reader) info() error {
	d, err := r.f.dictOf(r.f.trailer["Info"])
	if err != nil {
		return err
	}
	for k, v := range d {
		v, err := r.f.resolve(v)
		if err != nil {
			return fmt.Errorf("/%s: %w", k, err)
		}
		switch v := v.(type) {
		case pdfString:
			r.doc.Info[string(k)] = textString(v)
		case name:
			r.doc.Info[string(k)] = string(v)
		}
	}
	return nil
}

// outline flattens the bookmark tree from the /Outlines dictionary.
func (r *reader) outline(o any) error {
	root, err := r.f.dictOf(o)
	if err != nil || root == nil {
		return err
	}
	seen := map[int]bool{}
	var walk func(o any, level int) error
	walk = func(o any, level int) error {
		for o != nil {
			rf, ok := o.(ref)
			if !ok {
				return fmt.Errorf("%s where an outline item reference was expected", describe(o))
			}
			if seen[rf.num] || level > maxDepth {
				return fmt.Errorf("object %d: loop in the outline", rf.num)
			}
			seen[rf.num] = true
			d, err := r.f.dictOf(rf)
			if err != nil {
				return err
			}
			if d == nil {
				return fmt.Errorf("object %d: null in the outline", rf.num)
			}
			t, err := r.f.resolve(d["Title"])
			if err != nil {
				return fmt.Errorf("object %d: /Title: %w", rf.num, err)
			}
			ts, _ := t.(pdfString)
			item := OutlineItem{Title: textString(ts), Level: level}
			dest := d["Dest"]
			if act, err := r.f.dictOf(d["A"]); err == nil && act != nil {
				if s, _ := r.f.nameOf(act["S"]); s == "GoTo" {
					dest = act["D"]
				}
			}
			if dest != nil {
				if item.Page, _, err = r.dest(dest); err != nil {
					return fmt.Errorf("%q: %w", item.Title, err)
				}
			}
			r.doc.Outline = append(r.doc.Outline, item)
			if err := walk(d["First"], level+1); err != nil {
				return err
			}
			o = d["Next"]
		}
		return nil
	}
	return walk(root["First"], 0)
}

// lineTolerance is how far, in em, baselines may differ on one line.
const lineTolerance = 0.3

// spaceGap is the gap, in em, between two runs that reads as a space.
const spaceGap = 0.25

// Lines returns the page's text as a reader sees it: horizontal runs grouped
// into lines by baseline (within 0.3 em), lines sorted top-down, runs on a
// line left to right and joined, with a space where the gap between two runs
// is wider than 0.25 em and neither brings its own. A rotated run is a line
// of its own, sorted by its origin. Spaces at the ends of lines are dropped,
// and so are lines left empty.
func (p Page) Lines() []string {
	type line struct {
		y, x  float64
		runs  []TextRun
		maxSz float64
	}
	var lines []*line
	var flat []TextRun
	for _, t := range p.Text {
		if t.Rotated {
			lines = append(lines, &line{y: t.Y, x: t.X, runs: []TextRun{t}})
		} else {
			flat = append(flat, t)
		}
	}
	sort.SliceStable(flat, func(i, j int) bool { return flat[i].Y < flat[j].Y })
	var cur *line
	for _, t := range flat {
		if cur == nil || t.Y-cur.y > lineTolerance*math.Min(t.Size, cur.maxSz) {
			cur = &line{y: t.Y, x: t.X}
			lines = append(lines, cur)
		}
		cur.runs = append(cur.runs, t)
		cur.maxSz = math.Max(cur.maxSz, t.Size)
		cur.x = math.Min(cur.x, t.X)
	}
	sort.SliceStable(lines, func(i, j int) bool {
		a, b := lines[i], lines[j]
		if math.Abs(a.y-b.y) > 0.01 {
			return a.y < b.y
		}
		return a.x < b.x
	})
	var out []string
	for _, l := range lines {
		if s := strings.Trim(joinRuns(l.runs), " "); s != "" {
			out = append(out, s)
		}
	}
	return out
}

// joinRuns joins the runs of a line left to right.
func joinRuns(runs []TextRun) string {
	sort.SliceStable(runs, func(i, j int) bool { return runs[i].X < runs[j].X })
	var sb strings.Builder
	end := math.Inf(-1)
	for i, t := range runs {
		if i > 0 && t.X-end > spaceGap*math.Max(t.Size, runs[i-1].Size) &&
			!strings.HasSuffix(sb.String(), " ") && !strings.HasPrefix(t.Text, " ") {
			sb.WriteByte(' ')
		}
		sb.WriteString(t.Text)
		end = math.Max(end, t.X+t.W)
	}
	return sb.String()
}

// PageText returns the lines of page index i (Pages[i], from 0) joined by
// newlines; "" if there is no such page.
func (d *Doc) PageText(i int) string {
	if i < 0 || i >= len(d.Pages) {
		return ""
	}
	return strings.Join(d.Pages[i].Lines(), "\n")
}

// Text returns the text of every page, pages separated by form feeds.
func (d *Doc) Text() string {
	pages := make([]string, len(d.Pages))
	for i := range d.Pages {
		pages[i] = d.PageText(i)
	}
	return strings.Join(pages, "\f")
}
