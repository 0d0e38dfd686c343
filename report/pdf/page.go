package pdf

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"strings"
	"time"

	"codeberg.org/go-pdf/fpdf"

	"briefing/charts"
	"briefing/report"
	"briefing/report/locale"
	"briefing/report/pdf/hyphen"
)

// Options are what a letter needs besides its selection.
type Options struct {
	Catalog   *locale.Catalog
	Fonts     *charts.FontSet
	Generator string    // "briefing VERSION", the document's creator
	Date      time.Time // creation date in the metadata: SOURCE_DATE_EPOCH or the letter's issued date
	// Charts, when set, gives the letter's charts, built once for the
	// PDF and the chart files; without it the PDF builds its own.
	Charts *charts.Set
}

// Page geometry, in millimetres: A4 with the text block as wide as a chart.
const (
	pageW, pageH = 210.0, 297.0
	marginL      = 20.0
	textW        = charts.Width
	marginR      = pageW - marginL - textW
	bodyTop      = 26.0  // below the running header
	bodyBottom   = 274.0 // above the running footer
)

// Fonts: Liberation Serif for reading, Liberation Sans for everything the
// eye scans (headings, labels, tables, notes).
const (
	serif = charts.FamilySerif
	sans  = charts.FamilySans
)

// Write renders the letter of sel. Warnings (a character the fonts lack,
// named by its place in the data) come back as diagnostics; an error means
// no usable PDF was written to w. A character beyond U+FFFF, on which the
// PDF library panics, is such an error.
func Write(ctx context.Context, w io.Writer, sel report.Selection, opt Options) (report.Diagnostics, error) {
	if opt.Catalog == nil || opt.Fonts == nil {
		return nil, errors.New("pdf: the options need a catalogue and fonts")
	}
	warnings, unprintable := checkGlyphs(sel, opt.Fonts)
	if len(unprintable) > 0 {
		return warnings, fmt.Errorf("the data holds what the letter cannot print; run briefing validate to see where:\n%w", unprintable)
	}
	// The first pass only counts the pages: it lays everything out but
	// draws no text and no chart and never closes its document, which
	// would compress and subset it. The second writes the pages, knowing
	// M in "page N of M". Charts are laid out once for both.
	built := shared{charts: map[string]*charts.Chart{}, widths: map[widthKey]float64{}}
	first, err := layout(ctx, sel, opt, 0, built)
	if err != nil {
		return warnings, err
	}
	second, err := layout(ctx, sel, opt, first.PageNo(), built)
	if err != nil {
		return warnings, err
	}
	if second.PageNo() != first.PageNo() {
		return warnings, fmt.Errorf("pdf: the two layout passes disagree on the page count (%d, %d)", first.PageNo(), second.PageNo())
	}
	var doc bytes.Buffer
	if err := second.Output(&doc); err != nil {
		return warnings, fmt.Errorf("pdf: writing: %w", err)
	}
	packed, err := deflateStreams(doc.Bytes())
	if err != nil {
		return warnings, err
	}
	if _, err := w.Write(tagSubsets(packed)); err != nil {
		return warnings, fmt.Errorf("pdf: writing: %w", err)
	}
	return warnings, nil
}

// doc is one layout pass of a letter.
type doc struct {
	ctx   context.Context
	pdf   *fpdf.Fpdf
	sel   report.Selection
	l     *report.Letter
	ds    *report.Dataset
	cat   *locale.Catalog
	opt   Options
	brand report.Brand
	pal   palette
	theme charts.Theme

	pages int // total pages, known in the second pass; 0 in the first
	// counting is set in the first pass, which only counts pages: it draws
	// no text and no chart.
	counting bool
	// charts holds the charts laid out, by name, shared by both passes.
	charts map[string]*charts.Chart
	// font and fill are the font and the fill colour the page's content
	// stream has now, so that operators are written only when they change.
	font       fontKey
	registered map[fontFace]bool // the faces added to the document
	fill       report.Color
	fillKnown  bool
	carried    carried // across a page break
	y          float64 // where the flow continues on the current page
	chrome     bool    // whether the current page carries the running header and footer
	// nextChrome is chrome for the page being added: fpdf calls the footer
	// of the page it closes before the header of the page it opens.
	nextChrome bool
	figures    int // figures placed so far
	// figureNumber and figureLink give each chart the number of its first
	// placement and the internal link "@fig:NAME" references point to,
	// known before the text that refers to it is set.
	figureNumber map[string]int
	figureLink   map[string]int
	// chron is what the chronology prints; cited is the sources list,
	// numbered from 1 in its order, sourceNum each source's number by id
	// and sourceLink the link to entry n at index n-1.
	chron      report.Chronology
	cited      []*report.Source
	sourceNum  map[string]int
	sourceLink []int
	widths     map[widthKey]float64
	// hyph hyphenates the letter's own text, in its language.
	hyph *hyphen.Hyphenator
	// floats are figures waiting for the top of the next page.
	floats []float
	err    error
}

// palette is the brand's colours as the letter uses them.
type palette struct {
	primary, accent, ink, muted, light, white, rule report.Color
}

// shared is what the two passes share: the charts laid out and the widths
// measured.
type shared struct {
	charts map[string]*charts.Chart
	widths map[widthKey]float64
}

func layout(ctx context.Context, sel report.Selection, opt Options, pages int, built shared) (*fpdf.Fpdf, error) {
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCatalogSort(true)
	// The pages are compressed after, by deflateStreams.
	pdf.SetCompression(false)
	pdf.SetAutoPageBreak(false, 0)
	pdf.SetCellMargin(0) // drawRun places justified cells by their text
	pdf.SetMargins(marginL, bodyTop, marginR)
	b := sel.Dataset.Brand
	d := &doc{
		ctx: ctx, pdf: pdf, sel: sel, l: sel.Letter, ds: sel.Dataset, cat: opt.Catalog, opt: opt,
		brand: b, pages: pages, counting: pages == 0, charts: built.charts, widths: built.widths,
		pal: palette{
			primary: b.Colors.Primary, accent: b.Colors.Accent, ink: b.Colors.Ink,
			muted: b.Colors.Muted, light: b.Colors.Light, white: report.Color{R: 255, G: 255, B: 255},
			rule: b.Colors.Muted.Mix(report.Color{R: 255, G: 255, B: 255}, 0.7),
		},
		theme: charts.Theme{Catalog: opt.Catalog, Brand: b, Fonts: opt.Fonts},
	}
	var err error
	if d.hyph, err = hyphen.For(sel.Letter.Language); err != nil {
		return nil, fmt.Errorf("pdf: hyphenation: %w", err)
	}
	d.numberFigures()
	d.numberSources()
	d.metadata()
	pdf.SetFooterFunc(d.footer)
	pdf.SetHeaderFunc(d.header)

	steps := []func(){d.cover, d.keyFigures, d.sections, d.chronology, d.sources, d.methodology, d.backPage}
	for _, step := range steps {
		if err := ctx.Err(); err != nil {
			return nil, err
		}
		step()
		if d.err != nil {
			return nil, d.err
		}
		if err := pdf.Error(); err != nil {
			return nil, fmt.Errorf("pdf: %w", err)
		}
	}
	if !d.counting {
		pdf.Close()
	}
	if err := pdf.Error(); err != nil {
		return nil, fmt.Errorf("pdf: %w", err)
	}
	return pdf, nil
}

// metadata fills the document information: what a viewer shows as the
// document's properties and what search engines index.
func (d *doc) metadata() {
	p, l := d.pdf, d.l
	title := l.Title
	if l.Subtitle != "" {
		title = d.cat.T("title_subtitle", title, l.Subtitle)
	}
	p.SetTitle(title, true)
	p.SetAuthor(d.brand.Name, true)
	p.SetSubject(l.Series+" – "+d.cat.MonthYearInText(l.Issued.Year, l.Issued.Month), true)
	p.SetKeywords(d.keywords(), true)
	p.SetCreator(d.opt.Generator, true)
	p.SetProducer(d.opt.Generator+" (fpdf)", true)
	p.SetLang(l.Language)
	date := d.opt.Date
	if date.IsZero() {
		date = l.Issued.Time()
	}
	p.SetCreationDate(date)
	p.SetModificationDate(date)
}

// keywords lists the series, the countries and corridors of the letter's
// events and their event types, for document search.
func (d *doc) keywords() string {
	seen := map[string]bool{}
	var words []string
	add := func(w string) {
		if w != "" && !seen[w] {
			seen[w] = true
			words = append(words, w)
		}
	}
	add(d.l.Series)
	for i := range d.sel.Events {
		if p, ok := d.ds.Place(d.sel.Events[i].Place); ok {
			add(p.Admin1)
		}
	}
	for _, c := range d.sel.Corridors() {
		add(d.local(c.Corridor.Short))
	}
	current, _ := d.sel.Frequency().Totals()
	for i, n := range current {
		if n > 0 {
			add(d.cat.EventType(i))
		}
	}
	return strings.Join(words, ", ")
}

// newPage starts a page; chrome says whether it carries the running header
// and footer (every page but the cover and the back page).
func (d *doc) newPage(chrome bool) {
	d.nextChrome = chrome
	// fpdf starts the page with the font and fill colour the page before
	// had before its footer, and restores them after the header: so does
	// the cache, in header and here.
	d.carried = carried{d.font, d.fill, d.fillKnown}
	d.pdf.AddPage()
	d.font, d.fill, d.fillKnown = d.carried.font, d.carried.fill, d.carried.fillKnown
	d.y = bodyTop
	if chrome && len(d.floats) > 0 {
		d.placeFigures()
	}
}

// room is the height left on the current page.
func (d *doc) room() float64 { return bodyBottom - d.y }

// need starts a new page unless h millimetres fit on this one. It reports
// whether it broke the page.
func (d *doc) need(h float64) bool {
	if h <= d.room() || d.y <= bodyTop {
		return false
	}
	d.newPage(true)
	return true
}

// local returns a text of the data in the letter's language, or in the
// dataset's where the data gives none in it (validate warns).
func (d *doc) local(t report.Text) string { return t.In(d.l.Language) }

// localLang returns the language of what local returns.
func (d *doc) localLang(t report.Text) string {
	if t.Has(d.l.Language) {
		return d.l.Language
	}
	return t.Lang()
}

// proseIn is prose for a text in lang, which a text of the data where it
// lacks the letter's language is: hyphenated by its own language's
// patterns.
func (d *doc) proseIn(lang, text, family, style string, size float64, color report.Color) span {
	sp := d.prose(text, family, style, size, color)
	sp.hyph = d.hyphenator(lang)
	return sp
}

// hyphenator returns the hyphenator of a text in lang, or nil when the
// letter cannot hyphenate that language.
func (d *doc) hyphenator(lang string) *hyphen.Hyphenator {
	if lang == d.l.Language {
		return d.hyph
	}
	h, err := hyphen.For(lang)
	if err != nil {
		return nil
	}
	return h
}

// breakUnlessRoom starts a new page unless at least a third of the
// current one is free and the first first millimetres of what follows fit
// in it: a part of the letter may begin below the end of the previous one.
func (d *doc) breakUnlessRoom(first float64) {
	if d.y <= bodyTop {
		return
	}
	if room := d.room(); room >= (bodyBottom-bodyTop)/3 && room >= first {
		return
	}
	d.newPage(true)
}

func (d *doc) header() {
	d.font, d.fill, d.fillKnown = d.carried.font, d.carried.fill, d.carried.fillKnown
	d.chrome = d.nextChrome
	if !d.chrome || d.counting {
		return
	}
	p := d.pdf
	d.setFont(sans, "", 7.5)
	d.textColor(d.pal.muted)
	// Drawn without the typesetter: its typography is applied here.
	p.Text(marginL, 14, d.cat.Typeset(d.l.Series))
	title := d.cat.Typeset(d.l.Title)
	d.setFont(sans, "B", 7.5)
	d.textColor(d.pal.primary)
	p.Text(pageW-marginR-d.width(title, sans, "B", 7.5), 14, title)
	d.rule(marginL, 16.5, textW, 0.2, d.pal.rule)
}

func (d *doc) footer() {
	if !d.chrome || d.counting {
		return
	}
	p := d.pdf
	d.rule(marginL, 280, textW, 0.6, d.pal.primary)
	d.rule(marginL, 280, 18, 0.6, d.pal.accent)
	d.setFont(sans, "", 7.5)
	d.textColor(d.pal.muted)
	p.Text(marginL, 285, d.cat.Typeset(d.brand.Name+" · "+d.cat.MonthYearInText(d.l.Issued.Year, d.l.Issued.Month)))
	// In the first pass the total is unknown; the footer's width does not
	// move anything else on the page.
	page := d.cat.T("page_n_of_m", p.PageNo(), max(d.pages, p.PageNo()))
	p.Text(pageW-marginR-d.width(page, sans, "", 7.5), 285, page)
}

// rule draws a horizontal bar of thickness h from (x, y).
func (d *doc) rule(x, y, w, h float64, c report.Color) {
	d.fillColor(c)
	d.pdf.Rect(x, y-h/2, w, h, "F")
}

// fillColor sets the colour shapes are filled with, writing the operator
// only when it changes.
func (d *doc) fillColor(c report.Color) {
	if d.fillKnown && c == d.fill {
		return
	}
	d.fill, d.fillKnown = c, true
	d.pdf.SetFillColor(int(c.R), int(c.G), int(c.B))
}

// textColor sets the colour of text. Text is painted with the fill
// colour: when fpdf's text colour differs from it, fpdf wraps every
// string in "q … rg … Q"; kept equal, one operator serves a run of text.
func (d *doc) textColor(c report.Color) {
	d.fillColor(c)
	d.pdf.SetTextColor(int(c.R), int(c.G), int(c.B))
}

func (d *doc) drawColor(c report.Color) { d.pdf.SetDrawColor(int(c.R), int(c.G), int(c.B)) }

// carried is the font and fill colour fpdf carries into a new page.
type carried struct {
	font      fontKey
	fill      report.Color
	fillKnown bool
}

// fontFace is a family and style, as the letter names them.
type fontFace struct{ family, style string }

// fontKey is a font at a size.
type fontKey struct {
	family, style string
	size          float64
}

// setFont selects a font, writing its operator only when it changes (fpdf
// writes one at every call), and records fpdf's error, which SetFont
// reports only through the document's sticky error.
func (d *doc) setFont(family, style string, size float64) {
	k := fontKey{family, style, size}
	if k == d.font || d.counting {
		return
	}
	d.font = k
	// A face is registered when first set: the counting pass measures
	// text without fpdf (see width) and needs none, and a letter that
	// sets no bold italic does not parse or embed it. Registration is
	// fpdf's dearest step.
	face := fontFace{family, style}
	if !d.registered[face] {
		if err := d.opt.Fonts.RegisterFace(d.pdf, family, style); err != nil && d.err == nil {
			d.err = fmt.Errorf("pdf: %w", err)
		}
		if d.registered == nil {
			d.registered = map[fontFace]bool{}
		}
		d.registered[face] = true
	}
	d.pdf.SetFont(family, style, size)
	if err := d.pdf.Error(); err != nil && d.err == nil {
		d.err = fmt.Errorf("pdf: font %s %q: %w", family, style, err)
	}
}

// forgetState makes the next font and colour be written again: after
// something drew on the page through fpdf directly (a chart).
func (d *doc) forgetState() {
	d.font = fontKey{}
	d.fillKnown = false
}

type widthKey struct {
	text, family, style string
	size                float64
}

// maxWidths bounds the width cache: past it, the cache starts again.
const maxWidths = 100_000

// width measures text in a font as fpdf does, without selecting the font
// (see charts.FontSet.PDFAdvances), with a cache that both passes share:
// the typesetter measures every word of the letter several times.
func (d *doc) width(text, family, style string, size float64) float64 {
	k := widthKey{text, family, style, size}
	if w, ok := d.widths[k]; ok {
		return w
	}
	w := d.measure(text, family, style, size)
	if len(d.widths) >= maxWidths {
		clear(d.widths)
	}
	d.widths[k] = w
	return w
}

// measure is width without the cache.
func (d *doc) measure(text, family, style string, size float64) float64 {
	advance, units := d.opt.Fonts.PDFAdvances(family, style), 0
	for _, r := range text {
		units += advance(r)
	}
	return pdfWidth(units, size)
}

// pdfWidth turns thousandths of an em at size points into millimetres, in
// the order of fpdf's own arithmetic, so that widths come out the same.
func pdfWidth(units int, size float64) float64 {
	const k = 72.0 / 25.4 // fpdf's scale factor for millimetres
	return float64(units) * (size / k) / 1000
}

// heading sets a heading in the flow and bookmarks it: level 0 for the
// letter's parts, 1 for a part's subheadings. It keeps room for at least
// three lines after it, so it never ends a page.
func (d *doc) heading(text string, level int) { d.headingKeep(text, level, 3*bodyLeading) }

// headingKeep sets a heading that must share its page with the keep
// millimetres that follow it.
func (d *doc) headingKeep(text string, level int, keep float64) {
	pal := d.pal
	size, leading, before := 15.0, partLeading, partBefore
	if level > 0 {
		size, leading, before = 11.5, 5.6, 5.0
	}
	b := d.typeset([]span{plain(text, sans, "B", size, pal.primary)}, marginL, textW, leading, alignLeft)
	if d.y > bodyTop {
		d.y += before
	}
	d.need(b.height() + 4 + keep)
	if level == 0 {
		d.rule(marginL, d.y, 12, 0.9, pal.accent)
		d.y += headingRule
	}
	d.pdf.Bookmark(text, level, d.y)
	d.y += d.setAt(b, d.y)
	d.y += headingAfter
}

// The spacing of a part's heading (level 0), in millimetres.
const (
	partBefore   = 9.0 // above it, below what precedes it on the page
	partLeading  = 7.0 // one line of its text
	headingRule  = 2.5 // the accent rule above it, with its gap
	headingAfter = 2.5 // below it
	// partHeading is the height of a part's heading on one line, with
	// the space above it: what a part needs on a page before its first
	// block.
	partHeading = partBefore + headingRule + partLeading + headingAfter
)
