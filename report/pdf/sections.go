package pdf

import (
	"strconv"
	"strings"

	"briefing/charts"
	"briefing/report"
)

// Body text: Liberation Serif, sized and led for reading on paper.
const (
	bodySize    = 10.5
	bodyLeading = 5.3
	paraGap     = 2.4
	noteSize    = 6.3 // superscript note numbers
)

// notes numbers the sources a section cites, in order of first citation:
// citing a source again reuses its number, as the institute's letters do.
type notes struct {
	ids   []string
	num   map[string]int
	links map[string]int // fpdf link to each note, set when the note is drawn
}

func (n *notes) number(d *doc, id string) (int, int) {
	if n.num == nil {
		n.num, n.links = map[string]int{}, map[string]int{}
	}
	if k, ok := n.num[id]; ok {
		return k, n.links[id]
	}
	n.ids = append(n.ids, id)
	n.num[id] = len(n.ids)
	n.links[id] = d.pdf.AddLink()
	return len(n.ids), n.links[id]
}

// sections sets each section: heading, text, figures, then its notes.
func (d *doc) sections() {
	d.newPage(true)
	for i := range d.l.Sections {
		if err := d.ctx.Err(); err != nil {
			d.err = err
			return
		}
		d.section(&d.l.Sections[i])
	}
	// The sections' figures stay with them, before the chronology.
	d.placeFigures()
}

func (d *doc) section(s *report.Section) {
	d.heading(s.Title, 0)
	var n notes
	blocks := s.Body.Blocks
	bullet := func(i int) bool { return i < len(blocks) && blocks[i].Kind == report.Bullet }
	set := func(i int) block {
		spans := d.inlineSpans(blocks[i].Inlines, &n)
		if !bullet(i) {
			return d.typeset(spans, marginL, textW, bodyLeading, justify)
		}
		b := d.typeset(spans, marginL+6, textW-6, bodyLeading, justify)
		b.marker = func(baseline float64) {
			d.fillColor(d.pal.accent)
			d.pdf.Rect(marginL+1, baseline-2.3, 1.8, 1.8, "F")
		}
		return b
	}
	var ahead *block // the next block, when set ahead to place this one
	for i := range blocks {
		var b block
		if ahead != nil {
			b, ahead = *ahead, nil
		} else {
			b = set(i)
		}
		// A list's last item of one line is not left alone at the head
		// of a page: the item before it goes over with it.
		if bullet(i) && bullet(i+1) && !bullet(i+2) && len(b.lines) <= 3 && d.y > bodyTop {
			last := set(i + 1)
			ahead = &last
			room := d.room()
			if len(last.lines) == 1 && b.height() <= room && b.height()+paraGap+last.height() > room {
				d.newPage(true)
			}
		}
		d.flow(b)
		if i < len(blocks)-1 {
			d.y += paraGap
		}
	}
	for _, name := range s.Figures {
		d.figure(name)
	}
	d.notes(&n)
}

// inlineSpans turns parsed markup into spans; a note becomes a superscript
// number linked to its entry in the section's notes.
func (d *doc) inlineSpans(inlines []report.Inline, n *notes) []span {
	var spans []span
	for _, in := range inlines {
		if in.Figure != "" {
			style := "B"
			if in.Italic {
				style += "I"
			}
			ref := d.cat.T("figure.reference", d.figureNumber[in.Figure])
			if startsSentence(spans) {
				// French writes "la figure 2" but "Figure 2 montre…".
				ref = strings.ToUpper(ref[:1]) + ref[1:]
			}
			spans = append(spans, span{text: ref, family: serif, style: style,
				size: bodySize, color: d.pal.primary, link: d.figureLink[in.Figure]})
			continue
		}
		if in.Note != "" {
			num, link := n.number(d, in.Note)
			// A superscript number touches the word before it: a reader
			// copying "in 2025³" would get "20253", so it copies as
			// "2025 [3]".
			note := span{text: strconv.Itoa(num), family: sans, style: "B", size: noteSize, color: d.pal.accent, rise: 1.7, link: link,
				actual: " [" + strconv.Itoa(num) + "]"}
			if k := len(spans); k > 0 && spans[k-1].link != 0 {
				// Notes in a row read "7,8", not "78".
				sep := note
				sep.text, sep.link, sep.actual = ",", 0, ""
				spans = append(spans, sep)
			}
			spans = append(spans, note)
			continue
		}
		style := ""
		if in.Bold {
			style += "B"
		}
		if in.Italic {
			style += "I"
		}
		spans = append(spans, d.prose(in.Text, serif, style, bodySize, d.pal.ink))
	}
	return spans
}

// notes lists a section's sources under a short rule, each with its number,
// as "Publisher (2025, July 11). Title. URL", the URL a live link.
func (d *doc) notes(n *notes) {
	if len(n.ids) == 0 {
		return
	}
	pal := d.pal
	d.y += 5
	d.need(4 + 2*3.8)
	d.rule(marginL, d.y, 30, 0.25, pal.muted)
	d.y += 2
	for _, id := range n.ids {
		src, ok := d.ds.Source(id)
		if !ok {
			continue
		}
		d.numbered(d.typeset(d.citation(src, 7.8), marginL+6, textW-6, 3.7, alignLeft), n.num[id], 7.8, n.links[id])
		d.y += 1.2
	}
}

// numbered sets an entry of a numbered list (notes, sources): its number
// in the margin, the target of link at its top, at least two of its lines
// on the page it starts on.
func (d *doc) numbered(b block, num int, size float64, link int) {
	b.marker = func(baseline float64) {
		if d.counting {
			return
		}
		d.setFont(sans, "B", size)
		d.textColor(d.pal.accent)
		d.pdf.Text(marginL, baseline, strconv.Itoa(num)+".")
	}
	d.need(min(b.height(), 2*b.leading))
	d.pdf.SetLink(link, d.y, d.pdf.PageNo())
	d.flow(b)
}

// citation writes a source as "Publisher (date). Title. URL", the title
// being the original, followed by its translation in brackets where the
// source is in another language than the letter and the data gives one:
// "Le Mali sous blocus [Mali under blockade]."
func (d *doc) citation(src *report.Source, size float64) []span {
	pal := d.pal
	title := strings.TrimRight(src.Title, ".")
	spans := []span{
		plain(src.Publisher+" ("+d.cat.PartialDate(src.Date)+"). ", sans, "", size, pal.ink),
		{text: title, family: sans, style: "I", size: size, color: pal.ink, hyph: d.hyphenator(src.Language)},
	}
	if tr := src.TranslatedTitle(d.l.Language); tr != "" {
		spans = append(spans, d.prose(" ["+strings.TrimRight(tr, ".")+"]", sans, "", size, pal.ink))
	}
	spans = append(spans, plain(".", sans, "", size, pal.ink))
	if src.URL != "" {
		spans = append(spans, plain(" ", sans, "", size, pal.ink),
			span{text: src.URL, family: sans, size: size, color: pal.primary, url: src.URL})
	}
	return spans
}

// numberFigures numbers the letter's figures in the order the sections
// place them, so that a reference to a figure placed further on prints its
// number, and makes the links references point to.
func (d *doc) numberFigures() {
	d.figureNumber, d.figureLink = map[string]int{}, map[string]int{}
	n := 0
	for _, s := range d.l.Sections {
		for _, name := range s.Figures {
			n++
			if _, ok := d.figureNumber[name]; !ok {
				d.figureNumber[name] = n
				d.figureLink[name] = d.pdf.AddLink()
			}
		}
	}
}

// figureTitle says what a figure counts, in the letter's language.
func (d *doc) figureTitle(name string) string {
	cat := d.cat
	if name == "frequency" {
		if d.sel.Period.Granularity() == report.Monthly {
			return cat.T("figure.frequency.month")
		}
		return cat.T("figure.frequency.week")
	}
	return cat.T("figure." + name)
}

// figureSource is the line under every figure: the dataset, the events
// drawn on and how far the data go.
func (d *doc) figureSource() string {
	cat := d.cat
	name := d.local(d.ds.Info.Name)
	if name == "" {
		name = cat.T("figure.dataset")
	}
	events := cat.N("events", len(d.sel.Events))
	if cutoff := d.sel.Cutoff(); !cutoff.IsZero() {
		return cat.T("figure.source", name, events, cat.PeriodInText(d.sel.Period), cat.Date(cutoff))
	}
	return cat.T("figure.source_uncovered", name, events, cat.PeriodInText(d.sel.Period))
}

// float is a figure ready to place: its chart, caption and source line.
type float struct {
	name            string
	number          int
	ch              *charts.Chart
	caption, source block
}

// frame is the height of a figure's caption and source line with their
// gaps; full is that plus the chart at the text's width.
func (f float) frame() float64 { return f.caption.height() + 2 + 2 + f.source.height() }
func (f float) full() float64  { return f.frame() + textW*f.ch.Height/f.ch.Width }

// fits reports whether the figure goes into room millimetres: whole, or
// drawn up to a fifth smaller.
func (f float) fits(room float64) bool { return room >= 0.8*f.full() }

// figureGap is the space above a figure.
const figureGap = 6.0

// figure places a chart with its caption above and its source below, all
// on one page. A figure that almost fits the rest of the page is drawn a
// little smaller; one that does not fit, where more than a third of the
// page is left, floats to the top of the next page, and the text that
// follows fills the gap, as LaTeX floats figures. Figures keep their order:
// behind a floating figure, the next one floats too.
func (d *doc) figure(name string) {
	ch := d.charts[name]
	if ch == nil {
		var err error
		if d.opt.Charts != nil {
			ch, err = d.opt.Charts.Chart(name)
		} else {
			ch, err = charts.Build(name, d.sel, d.theme)
		}
		if err != nil {
			d.err = err
			return
		}
		d.charts[name] = ch
	}
	pal, cat := d.pal, d.cat
	d.figures++
	f := float{name: name, number: d.figures, ch: ch,
		caption: d.typeset([]span{
			plain(cat.T("figure.caption", d.figures)+" ", sans, "B", 9, pal.primary),
			plain(d.figureTitle(name)+", "+cat.Period(d.sel.Period), sans, "", 9, pal.ink),
		}, marginL, textW, 4.4, alignLeft),
		source: d.typeset([]span{plain(d.figureSource(), sans, "", 7.5, pal.muted)}, marginL, textW, 3.6, alignLeft),
	}
	room := d.room() - figureGap
	switch {
	case len(d.floats) > 0:
		d.floats = append(d.floats, f)
	case f.fits(room):
		d.placeFigure(f)
	case room > (bodyBottom-bodyTop)/3:
		d.floats = append(d.floats, f)
	default:
		d.newPage(true)
		d.placeFigure(f)
	}
}

// placeFigures places the figures left floating, at the current position
// (the top of a page, or the end of the sections), breaking the page when
// one does not fit.
func (d *doc) placeFigures() {
	floats := d.floats
	d.floats = nil
	for _, f := range floats {
		if !f.fits(d.room() - figureGap) {
			d.newPage(true)
		}
		d.placeFigure(f)
	}
}

// placeFigure sets a figure at the current position, drawn smaller when it
// almost fits the rest of the page.
func (d *doc) placeFigure(f float) {
	if d.y > bodyTop {
		d.y += figureGap
	}
	width := textW
	if room := d.room(); f.full() > room {
		width = (room - f.frame()) * f.ch.Width / f.ch.Height
	}
	if d.figureNumber[f.name] == f.number {
		d.pdf.SetLink(d.figureLink[f.name], d.y, d.pdf.PageNo())
	}
	d.y += d.setAt(f.caption, d.y) + 2
	h := width * f.ch.Height / f.ch.Width
	if !d.counting {
		var err error
		if h, err = f.ch.DrawPDF(d.pdf, marginL+(textW-width)/2, d.y, width); err != nil {
			d.err = err
			return
		}
		// The chart set fonts and colours of its own.
		d.forgetState()
	}
	d.y += h + 2
	d.y += d.setAt(f.source, d.y)
}

// startsSentence reports whether text set after spans begins a sentence:
// at the start of a paragraph, or after a full stop, question or
// exclamation mark and a space.
func startsSentence(spans []span) bool {
	var before string
	for i := len(spans) - 1; i >= 0 && before == ""; i-- {
		before = spans[i].text
	}
	trimmed := strings.TrimRight(before, " \u00a0\u202f")
	if trimmed == "" {
		return true
	}
	if len(trimmed) == len(before) {
		return false // no space: "(" or a word glued to the reference
	}
	return strings.HasSuffix(trimmed, ".") || strings.HasSuffix(trimmed, "?") || strings.HasSuffix(trimmed, "!")
}
