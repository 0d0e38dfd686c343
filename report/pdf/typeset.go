package pdf

import (
	"fmt"
	"regexp"
	"strings"
	"unicode/utf16"
	"unicode/utf8"

	"briefing/report"
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
}

// alignment of the lines of a block.
type alignment int

const (
	justify alignment = iota // both edges, but the last line left
	alignLeft
	alignCenter
	alignRight
)

// split cuts spans into words at ordinary spaces (U+0020) and line feeds.
// No-break spaces (U+00A0, and the narrow U+202F French puts before ; : ! ?
// and inside numbers) stay inside words, so they never break a line.
func (d *doc) split(spans []span) []word {
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
			if i > 0 && gluesToNext(cur) {
				// "3 September", "1.52 million": a short number stays
				// with the word after it.
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

// gluesToNext reports whether a word is a short number, which a line
// should not separate from the word that follows it.
func gluesToNext(w word) bool {
	if len(w.parts) != 1 {
		return false
	}
	return shortNumber.MatchString(w.parts[0].text)
}

var shortNumber = regexp.MustCompile(`^\d[\d.,]{0,4}$`)

// breakLines fills lines greedily, the first at most width wide and the
// others width-hang. A word wider than a line (a long URL) is cut into
// pieces that fit, preferably after a slash or another separator.
func (d *doc) breakLines(words []word, width, hang float64) []line {
	var lines []line
	var cur line
	measure := func() float64 {
		if len(lines) == 0 {
			return width
		}
		return width - hang
	}
	for _, w := range words {
		for _, piece := range d.cutWord(w, width-hang) {
			add := piece.width
			if len(cur.words) > 0 {
				add += cur.words[len(cur.words)-1].space
			}
			if len(cur.words) > 0 && cur.width+add > measure()+0.01 {
				lines = append(lines, cur)
				cur = line{}
				add = piece.width
			}
			cur.words = append(cur.words, piece)
			cur.width += add
		}
	}
	if len(cur.words) > 0 {
		lines = append(lines, cur)
	}
	return lines
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
	fit := 0
	for i, r := range s {
		end := i + utf8.RuneLen(r)
		if d.width(s[:end], sp.family, sp.style, sp.size) > room {
			break
		}
		fit = end
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
	for i, w := range ln.words {
		for j, part := range w.parts {
			// The space after a word is shown with it, though its place is
			// set by the justification: text copied from the PDF, or read
			// aloud, keeps its word breaks.
			space := j == len(w.parts)-1 && i < len(ln.words)-1
			x += d.drawSpan(part, x, y, space)
		}
		x += w.space + gap
	}
}

// drawSpan sets one span with its baseline at y, followed by a space if
// asked, and returns the span's width without the space.
func (d *doc) drawSpan(sp span, x, y float64, space bool) float64 {
	w := d.width(sp.text, sp.family, sp.style, sp.size)
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
	return block{lines: d.breakLines(d.split(spans), width, 0), x: x, width: width, leading: leading, align: align}
}

// typesetHanging breaks spans into a block whose lines after the first are
// indented by hang, as bibliographies set their entries.
func (d *doc) typesetHanging(spans []span, x, width, hang, leading float64) block {
	return block{lines: d.breakLines(d.split(spans), width, hang), x: x, width: width, hang: hang, leading: leading, align: alignLeft}
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

// plain makes the span of a run of text in one style.
func plain(text, family, style string, size float64, color report.Color) span {
	return span{text: text, family: family, style: style, size: size, color: color}
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
