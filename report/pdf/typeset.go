package pdf

import (
	"fmt"
	"slices"
	"strings"
	"unicode"
	"unicode/utf16"
	"unicode/utf8"

	"briefing/report"
	"briefing/report/locale"
	"briefing/report/pdf/hyphen"
)

// span is a piece of inline text in one style.
type span struct {
	text          string
	family, style string
	size          float64 // points
	color         report.Color
	rise          float64 // baseline shift upwards, mm: superscript note numbers
	link          int     // internal link target (fpdf link id), or 0
	url           string  // external link, or ""
	// actual, when set, is what copy and search read instead of text.
	actual string
	// hyph hyphenates the span's words, in its language; nil for text
	// never hyphenated: names, ids, URLs, numbers.
	hyph *hyphen.Hyphenator
}

// word is the unit lines are made of: spans with no breaking space between
// them, such as "claim", a superscript "3" and a full stop.
type word struct {
	parts []span
	width float64
	space float64 // width of the space after it, in the style of its last part
}

// line is a laid-out line of words.
type line struct {
	words []word
	width float64 // natural width, spaces included
	// hyphen is set when the line ends in a hyphen the typesetter added.
	hyphen bool
}

// alignment of the lines of a block.
type alignment int

const (
	justify alignment = iota // both edges, but the last line left
	alignLeft
	alignCenter
	alignRight
)

// split cuts spans into words at ordinary spaces (U+0020) and line feeds,
// after giving them the typographic spacing of the letter's language (see
// typography). No-break spaces (U+00A0, and the narrow U+202F French puts
// before ; ! ? and », after « and inside numbers) stay inside words, so
// they never break a line: « stays with the word after it, » and the
// marks with the word before, a number with its "%" or unit.
func (d *doc) split(spans []span) []word {
	spans = d.typography(spans)
	var words []word
	var cur word
	flush := func(sp span) {
		if len(cur.parts) > 0 {
			cur.space = d.width(" ", sp.family, sp.style, sp.size)
			words = append(words, cur)
		}
		cur = word{}
	}
	for _, sp := range spans {
		text := strings.ReplaceAll(sp.text, "\n", " ")
		for i, piece := range strings.Split(text, " ") {
			if i > 0 && gluesToNext(cur, piece) {
				// "3 September", "1.52 million", "12,500 km": a number
				// stays with the word after it.
				last := &cur.parts[len(cur.parts)-1]
				last.text += " "
				cur.width += d.width(" ", sp.family, sp.style, sp.size)
			} else if i > 0 {
				flush(sp)
			}
			if piece == "" {
				continue
			}
			part := sp
			part.text = piece
			cur.parts = append(cur.parts, part)
			cur.width += d.width(piece, sp.family, sp.style, sp.size)
		}
	}
	if n := len(cur.parts); n > 0 {
		flush(cur.parts[n-1])
	}
	return words
}

// typography gives spans the typographic spacing of the letter's
// language, as its catalogue's TypesetRuns does: every text a letter
// prints, its own and the data's, is cut into words here, so it is spaced
// here, once, with the spans read as one text so that a mark in one style
// is spaced from the word before it in another. It returns spans
// themselves when nothing changes, a copy otherwise.
func (d *doc) typography(spans []span) []span {
	if d.cat == nil || len(spans) == 0 {
		return spans
	}
	var buf [8]string
	texts := buf[:0]
	for _, sp := range spans {
		texts = append(texts, sp.text)
	}
	if !d.cat.TypesetRuns(texts) {
		return spans
	}
	out := slices.Clone(spans)
	for i := range out {
		out[i].text = texts[i]
	}
	return out
}

// gluesToNext reports whether a line should not separate the word w from
// the word next after it: w is a short number ("3 September", "1.52
// million", "1er février") or a number and next its unit ("12,500 km").
func gluesToNext(w word, next string) bool {
	if len(w.parts) != 1 {
		return false
	}
	text := w.parts[0].text
	return shortNumber(text) || number(text) && locale.IsUnit(next)
}

// shortNumber reports whether s is a number of at most five characters,
// its digits grouped by a no-break space or not ("3", "1.52", "1,234",
// "1 234"), or an ordinal ("1er", "2e", "21st").
func shortNumber(s string) bool {
	i := 0
	for i < len(s) && '0' <= s[i] && s[i] <= '9' {
		i++
	}
	if i == 0 {
		return false
	}
	switch s[i:] {
	case "er", "re", "e", "es", "ème", "st", "nd", "rd", "th":
		return i <= 2
	}
	return number(s) && utf8.RuneCountInString(s) <= 5
}

// number reports whether s is a number: digits first, then digits,
// separators and the no-break spaces that group digits.
func number(s string) bool {
	if s == "" || s[0] < '0' || s[0] > '9' {
		return false
	}
	for _, r := range s {
		if !('0' <= r && r <= '9' || r == '.' || r == ',' || r == '\u202f' || r == '\u00a0') {
			return false
		}
	}
	return true
}

// breakLines fills lines greedily, the first at most width wide and the
// others width-hang. A word wider than a line (a long URL) is cut into
// pieces that fit, preferably after a slash or another separator. A word
// that does not fit the end of a line is hyphenated when the line would
// otherwise stretch (justified) or end short (ragged), but never on more
// than two lines in a row, nor the paragraph's last word.
func (d *doc) breakLines(words []word, width, hang float64, align alignment) []line {
	var lines []line
	var cur line
	measure := func() float64 {
		if len(lines) == 0 {
			return width
		}
		return width - hang
	}
	inRow := 0 // lines just set that end in a hyphen
	for k, w := range words {
		last := k == len(words)-1
		for _, piece := range d.cutWord(w, width-hang) {
			space := 0.0
			if len(cur.words) > 0 {
				space = cur.words[len(cur.words)-1].space
			}
			if len(cur.words) > 0 && cur.width+space+piece.width > measure()+0.01 {
				slack := measure() - cur.width
				// The last word is not hyphenated: half a word alone on
				// the paragraph's last line looks worse than a loose line.
				if inRow < 2 && !last && d.wouldStretch(cur, slack, align) {
					if head, tail, ok := d.hyphenate(piece, slack-space); ok {
						cur.words = append(cur.words, head)
						cur.width += space + head.width
						cur.hyphen = true
						piece = tail
					}
				}
				if cur.hyphen {
					inRow++
				} else {
					inRow = 0
				}
				lines = append(lines, cur)
				cur = line{}
				space = 0
			}
			cur.words = append(cur.words, piece)
			cur.width += space + piece.width
		}
	}
	if len(cur.words) > 0 {
		lines = append(lines, cur)
	}
	return lines
}

// wouldStretch reports whether a line ended with slack millimetres to
// spare looks wrong enough to hyphenate the next word: justified, when its
// spaces would grow by more than half; ragged, when it would end more than
// a fifth of the measure short.
func (d *doc) wouldStretch(ln line, slack float64, align alignment) bool {
	if align == justify {
		gaps := len(ln.words) - 1
		if gaps == 0 {
			return true
		}
		return slack/float64(gaps) > 0.5*ln.words[0].space
	}
	return slack > (ln.width+slack)/5
}

// hyphenate splits w at the last break point of its first part whose head,
// with a hyphen, fits room; a break after a hyphen already in the word
// ("Kati-Kayes") adds none.
func (d *doc) hyphenate(w word, room float64) (head, tail word, ok bool) {
	first := w.parts[0]
	// Names are not hyphenated: a capitalised word in running text is
	// most often one ("Oussoubidiagna", "Senegalese").
	// Guillemets and the narrow space after one are skipped: "« Kayes".
	lead := func(r rune) bool { return unicode.IsPunct(r) || unicode.IsSpace(r) }
	if r, _ := utf8.DecodeRuneInString(strings.TrimLeftFunc(first.text, lead)); first.hyph == nil || unicode.IsUpper(r) {
		return word{}, word{}, false
	}
	points := first.hyph.Points(first.text)
	for i := len(points) - 1; i >= 0; i-- {
		at := points[i]
		text := first.text[:at]
		if r, _ := utf8.DecodeLastRuneInString(text); r != '-' && r != '–' && r != '‐' {
			text += "-"
		}
		hw := d.width(text, first.family, first.style, first.size)
		if hw > room {
			continue
		}
		h := first
		h.text = text
		h.actual = ""
		t := first
		t.text = first.text[at:]
		head = word{parts: []span{h}, width: hw}
		tail = word{parts: append([]span{t}, w.parts[1:]...), space: w.space}
		for _, p := range tail.parts {
			tail.width += d.width(p.text, p.family, p.style, p.size)
		}
		return head, tail, true
	}
	return word{}, word{}, false
}

// cutWord returns w whole when it fits width, or cut into pieces that do.
func (d *doc) cutWord(w word, width float64) []word {
	if w.width <= width {
		return []word{w}
	}
	var out []word
	var cur word
	for _, part := range w.parts {
		rest := part.text
		for rest != "" {
			room := width - cur.width
			n := d.fitPrefix(rest, part, room)
			if n == 0 {
				if len(cur.parts) > 0 {
					out = append(out, cur)
					cur = word{}
					continue
				}
				_, n = utf8.DecodeRuneInString(rest) // not even one character fits: take it anyway
			}
			piece := part
			piece.text = rest[:n]
			cur.parts = append(cur.parts, piece)
			cur.width += d.width(piece.text, part.family, part.style, part.size)
			rest = rest[n:]
			if rest != "" {
				out = append(out, cur)
				cur = word{}
			}
		}
	}
	if len(cur.parts) > 0 {
		cur.space = w.space
		out = append(out, cur)
	}
	return out
}

// fitPrefix returns the length in bytes of the longest prefix of s, in the
// style of sp, that fits room, cut after a separator (a slash, a dash…)
// when one is in its second half.
func (d *doc) fitPrefix(s string, sp span, room float64) int {
	advance, fit, units := d.opt.Fonts.PDFAdvances(sp.family, sp.style), 0, 0
	for i, r := range s {
		units += advance(r)
		if pdfWidth(units, sp.size) > room {
			break
		}
		fit = i + utf8.RuneLen(r)
	}
	if fit == 0 || fit == len(s) {
		return fit
	}
	if cut := strings.LastIndexAny(s[:fit], "/-_.?&=#–"); cut >= fit/2 {
		_, size := utf8.DecodeRuneInString(s[cut:])
		return cut + size
	}
	return fit
}

// drawLine sets a line with its baseline at y, from x within width.
func (d *doc) drawLine(ln line, x, y, width float64, align alignment) {
	gap := 0.0
	switch align {
	case justify:
		if n := len(ln.words); n > 1 {
			gap = (width - ln.width) / float64(n-1)
		}
	case alignCenter:
		x += (width - ln.width) / 2
	case alignRight:
		x += width - ln.width
	}
	if d.counting {
		return
	}
	for i := 0; i < len(ln.words); {
		w := ln.words[i]
		if !plainWord(w) {
			for j, part := range w.parts {
				// The space after a word is shown with it, though its
				// place is set by the justification: text copied from the
				// PDF, or read aloud, keeps its word breaks.
				space := j == len(w.parts)-1 && i < len(ln.words)-1
				x += d.drawSpan(part, x, y, space)
			}
			x += w.space + gap
			i++
			continue
		}
		// A run of words in one style is one string: one text object,
		// whose spaces the justification widens.
		j := i + 1
		for j < len(ln.words) && plainWord(ln.words[j]) && sameStyle(ln.words[j].parts[0], w.parts[0]) {
			j++
		}
		x = d.drawRun(ln.words[i:j], j < len(ln.words), x, y, gap)
		i = j
	}
}

// plainWord reports whether a word can be set in a run with others: one
// style throughout, no link, no rise, no actual text.
func plainWord(w word) bool {
	for _, p := range w.parts {
		if p.link != 0 || p.url != "" || p.rise != 0 || p.actual != "" || !sameStyle(p, w.parts[0]) {
			return false
		}
	}
	return true
}

func sameStyle(a, b span) bool {
	return a.family == b.family && a.style == b.style && a.size == b.size && a.color == b.color
}

// drawRun sets words of one style from x, each followed by its space and
// gap, the last too when more follows on the line, and returns where the
// next word starts. With no gap the run is one string at its natural
// spacing; with one, fpdf's justified cell writes it as one TJ array whose
// spaces are widened to fill the run's width exactly.
func (d *doc) drawRun(words []word, more bool, x, y, gap float64) float64 {
	first := words[0].parts[0]
	var text strings.Builder
	width, spaces := 0.0, 0
	for k, w := range words {
		for _, p := range w.parts {
			text.WriteString(p.text)
		}
		width += w.width
		if k < len(words)-1 || more {
			text.WriteByte(' ')
			width += w.space + gap
			spaces++
		}
	}
	d.setFont(first.family, first.style, first.size)
	d.textColor(first.color)
	if gap == 0 || spaces == 0 {
		d.pdf.Text(x, y, text.String())
	} else {
		// fpdf sets a cell's baseline 0.3 of the font size below its top
		// when the cell has no height.
		d.pdf.SetXY(x, y-0.3*ptToMM(first.size))
		d.pdf.CellFormat(width, 0, text.String(), "", 0, "J", false, 0, "")
	}
	return x + width
}

// drawSpan sets one span with its baseline at y, followed by a space if
// asked, and returns the span's width without the space.
func (d *doc) drawSpan(sp span, x, y float64, space bool) float64 {
	w := d.width(sp.text, sp.family, sp.style, sp.size)
	if d.counting {
		return w
	}
	d.setFont(sp.family, sp.style, sp.size)
	d.textColor(sp.color)
	text := sp.text
	if space {
		text += " "
	}
	if sp.actual != "" {
		d.actualText(sp.actual, func() { d.pdf.Text(x, y-sp.rise, text) })
	} else {
		d.pdf.Text(x, y-sp.rise, text)
	}
	if sp.link != 0 || sp.url != "" {
		h := ptToMM(sp.size)
		top := y - sp.rise - h*0.8
		if sp.link != 0 {
			d.pdf.Link(x, top, w, h, sp.link)
		} else {
			d.pdf.LinkString(x, top, w, h, sp.url)
		}
	}
	return w
}

func ptToMM(pt float64) float64 { return pt * 25.4 / 72 }

// block is a paragraph ready to set: its lines, where and how.
type block struct {
	lines   []line
	x       float64
	width   float64
	hang    float64 // indent of every line but the first
	leading float64 // distance between baselines, mm
	align   alignment
	// marker, when set, is drawn beside the first line (a bullet).
	marker func(baseline float64)
}

// typeset breaks spans into a block.
func (d *doc) typeset(spans []span, x, width, leading float64, align alignment) block {
	return block{lines: d.breakLines(d.split(spans), width, 0, align), x: x, width: width, leading: leading, align: align}
}

// typesetHanging breaks spans into a block whose lines after the first are
// indented by hang, as bibliographies set their entries.
func (d *doc) typesetHanging(spans []span, x, width, hang, leading float64) block {
	return block{lines: d.breakLines(d.split(spans), width, hang, alignLeft), x: x, width: width, hang: hang, leading: leading, align: alignLeft}
}

// drawBlockLine sets line j of a block with its baseline at y.
func (d *doc) drawBlockLine(b block, j int, y float64) {
	align := b.align
	if align == justify && j == len(b.lines)-1 {
		align = alignLeft
	}
	x, w := b.x, b.width
	if j > 0 {
		x, w = x+b.hang, w-b.hang
	}
	d.drawLine(b.lines[j], x, y, w, align)
}

// height is the height of a block set in full.
func (b block) height() float64 { return float64(len(b.lines)) * b.leading }

// flow sets a block at the current position, continuing on new pages as
// needed, and never leaves a single line of it alone at the foot or at the
// head of a page (no orphans, no widows).
func (d *doc) flow(b block) {
	ascent := b.leading * 0.72
	for i := 0; i < len(b.lines); {
		left := len(b.lines) - i
		fit := int((d.room() + 0.01) / b.leading)
		switch {
		case fit >= left:
			fit = left
		case fit < 2 && d.y > bodyTop:
			d.newPage(true)
			continue
		case left-fit < 2 && left > 2:
			fit = left - 2
			if fit < 2 && d.y > bodyTop {
				d.newPage(true)
				continue
			}
		}
		fit = max(fit, 1)
		for j := i; j < i+fit; j++ {
			baseline := d.y + ascent
			if j == 0 && b.marker != nil {
				b.marker(baseline)
			}
			d.drawBlockLine(b, j, baseline)
			d.y += b.leading
		}
		i += fit
		if i < len(b.lines) {
			d.newPage(true)
		}
	}
}

// setAt sets a block at a fixed position, on the current page, without
// page breaks: for the cover, tiles and table cells. It returns the height
// used.
func (d *doc) setAt(b block, top float64) float64 {
	ascent := b.leading * 0.72
	for j := range b.lines {
		d.drawBlockLine(b, j, top+ascent+float64(j)*b.leading)
	}
	return b.height()
}

// plain makes the span of a run of text in one style, never hyphenated:
// names, ids, numbers, headings.
func plain(text, family, style string, size float64, color report.Color) span {
	return span{text: text, family: family, style: style, size: size, color: color}
}

// prose makes the span of a run of running text in the letter's language,
// hyphenated where a line needs it.
func (d *doc) prose(text, family, style string, size float64, color report.Color) span {
	return span{text: text, family: family, style: style, size: size, color: color, hyph: d.hyph}
}

// actualText draws what draw draws as marked content whose actual text,
// which copy and search use instead of the glyphs, is s.
func (d *doc) actualText(s string, draw func()) {
	d.pdf.RawWriteStr("/Span <</ActualText " + pdfUTF16(s) + ">> BDC\n")
	draw()
	d.pdf.RawWriteStr("EMC\n")
}

// pdfUTF16 writes s as a PDF text string in UTF-16BE with its byte order
// mark, in hexadecimal: the form marked content's ActualText takes.
func pdfUTF16(s string) string {
	var b strings.Builder
	b.WriteString("<FEFF")
	for _, u := range utf16.Encode([]rune(s)) {
		fmt.Fprintf(&b, "%04X", u)
	}
	b.WriteString(">")
	return b.String()
}
