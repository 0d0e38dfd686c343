package report

import (
	"fmt"
	"maps"
	"regexp"
	"slices"
	"strings"
)

// Body is a section's text, parsed from its light markup: paragraphs
// separated by blank lines, lines beginning "- " as bullets, **bold**,
// *italic*, [^source-id] source notes and @fig:NAME figure references. A
// backslash before *, [, ], @ or \ prints that character as itself.
type Body struct {
	Text    string  // the markup as written
	Blocks  []Block // paragraphs and bullet items, in order
	figures []FigureRef
	notes   []FigureRef // the [^id] references: Name is the source id
}

// BlockKind tells a paragraph from a bullet item.
type BlockKind int

const (
	// Paragraph is a block of running text.
	Paragraph BlockKind = iota
	// Bullet is one item of a bullet list; consecutive bullets form a list.
	Bullet
)

// Block is a paragraph or a bullet item.
type Block struct {
	Kind    BlockKind
	Inlines []Inline
}

// Inline is a run of text in one style, a source note reference or a
// figure reference.
type Inline struct {
	Text   string
	Bold   bool
	Italic bool
	Note   string // the cited source id; Text is empty for a note
	Figure string // the chart name of "@fig:NAME"; Text is empty for it
}

// FigureRef is one @fig:NAME in a body, at a byte offset of its text.
type FigureRef struct {
	Name   string
	Offset int
}

// Notes returns the source ids the body cites, in order of appearance,
// repeats included.
func (b Body) Notes() []string {
	var ids []string
	for _, bl := range b.Blocks {
		for _, in := range bl.Inlines {
			if in.Note != "" {
				ids = append(ids, in.Note)
			}
		}
	}
	return ids
}

// FigureRefs returns the figures the body refers to, in order of
// appearance, repeats included.
func (b Body) FigureRefs() []FigureRef { return b.figures }

// markupProblem is a fault in a body, at a byte offset of its text. needle
// is the text at that offset, so the loader can find it in the YAML file.
type markupProblem struct {
	offset   int
	needle   string
	severity Severity
	message  string
}

// ParseBody parses section markup. Problems (an unclosed ** or *, a note
// whose id is malformed) come back with the byte offset they occur at.
func ParseBody(text string) (Body, []markupProblem) {
	p := bodyParser{text: text}
	p.parse()
	return Body{Text: text, Blocks: p.blocks, figures: p.figures, notes: p.notes}, p.problems
}

type bodyParser struct {
	text     string
	blocks   []Block
	problems []markupProblem
	figures  []FigureRef
	notes    []FigureRef
}

// pending is a block being assembled from lines: its text and, for each
// byte, the offset in the body it came from.
type pending struct {
	kind   BlockKind
	text   []byte
	origin []int
}

func (p *bodyParser) parse() {
	var cur *pending
	flush := func() {
		if cur != nil && len(cur.text) > 0 {
			p.blocks = append(p.blocks, Block{Kind: cur.kind, Inlines: p.inlines(cur)})
		}
		cur = nil
	}
	offset := 0
	for line := range strings.SplitAfterSeq(p.text, "\n") {
		start := offset
		offset += len(line)
		content := strings.TrimRight(line, " \t\r\n")
		trimmed := strings.TrimLeft(content, " \t")
		lead := len(content) - len(trimmed)
		switch {
		case trimmed == "":
			flush()
			continue
		case strings.HasPrefix(trimmed, "- "):
			flush()
			cur = &pending{kind: Bullet}
			item := strings.TrimLeft(trimmed[2:], " \t")
			cur.append(item, start+len(content)-len(item))
			continue
		case cur == nil:
			cur = &pending{kind: Paragraph}
		default:
			cur.text = append(cur.text, ' ')
			cur.origin = append(cur.origin, start)
		}
		cur.append(trimmed, start+lead)
	}
	flush()
}

func (c *pending) append(s string, at int) {
	c.text = append(c.text, s...)
	for i := range len(s) {
		c.origin = append(c.origin, at+i)
	}
}

// notePattern matches a note reference; its id is checked separately so a
// malformed one is reported rather than printed.
var notePattern = regexp.MustCompile(`^\[\^([^\]\s]*)\]`)

// figurePattern matches a figure reference: "@fig:" and a chart name, which
// ends before any punctuation that follows it ("see @fig:map.").
var figurePattern = regexp.MustCompile(`^@fig:([a-z0-9]+(?:[_-][a-z0-9]+)*)?`)

type token struct {
	text   string // literal text, or the marker "**" / "*"
	marker bool
	note   string
	figure string
	at     int // offset in the body
	pos    int // offset in the block's text
}

func (p *bodyParser) inlines(c *pending) []Inline {
	s := string(c.text)
	var toks []token
	var lit strings.Builder
	litAt := 0
	flushLit := func() {
		if lit.Len() > 0 {
			toks = append(toks, token{text: lit.String(), at: litAt})
			lit.Reset()
		}
	}
	emit := func(t token) {
		flushLit()
		toks = append(toks, t)
	}
	addLit := func(str string, i int) {
		if lit.Len() == 0 {
			litAt = c.origin[i]
		}
		lit.WriteString(str)
	}
	for i := 0; i < len(s); {
		switch {
		case s[i] == '\\' && i+1 < len(s) && strings.IndexByte(`*[]@\`, s[i+1]) >= 0:
			addLit(s[i+1:i+2], i)
			i += 2
		case strings.HasPrefix(s[i:], "**"):
			emit(token{text: "**", marker: true, at: c.origin[i], pos: i})
			i += 2
		case s[i] == '*':
			emit(token{text: "*", marker: true, at: c.origin[i], pos: i})
			i++
		case strings.HasPrefix(s[i:], "@fig:"):
			m := figurePattern.FindStringSubmatch(s[i:])
			if m[1] == "" {
				p.problem(c.origin[i], m[0], Error, "figure reference @fig: names no figure: write @fig:NAME with one of %s", strings.Join(figureNames, ", "))
				addLit(m[0], i)
				i += len(m[0])
				continue
			}
			p.figures = append(p.figures, FigureRef{Name: m[1], Offset: c.origin[i]})
			emit(token{figure: m[1], at: c.origin[i]})
			i += len(m[0])
		case strings.HasPrefix(s[i:], "[^"):
			m := notePattern.FindStringSubmatch(s[i:])
			if m == nil {
				p.problem(c.origin[i], "[^", Error, "note reference is not closed: write [^source-id]")
				addLit("[^", i)
				i += 2
				continue
			}
			if m[1] == "" {
				p.problem(c.origin[i], m[0], Error, "empty note reference %s: write [^source-id]", m[0])
				addLit(m[0], i)
				i += len(m[0])
				continue
			}
			if !validID(m[1]) {
				p.problem(c.origin[i], m[0], Error, "note reference %s: %q is not a source id (lower-case letters, digits, '.', '_' and '-')", m[0], m[1])
			}
			p.notes = append(p.notes, FigureRef{Name: m[1], Offset: c.origin[i]})
			emit(token{note: m[1], at: c.origin[i]})
			i += len(m[0])
		default:
			addLit(s[i:i+1], i)
			i++
		}
	}
	flushLit()
	p.pairMarkers(s, toks)

	var out []Inline
	// Adjacent text of one style joins into one inline, through a builder:
	// a body of thousands of stray asterisks must not copy its text over
	// and over.
	var run strings.Builder
	open := false // the last inline of out is text still being built in run
	flushRun := func() {
		if open {
			out[len(out)-1].Text = run.String()
			run.Reset()
			open = false
		}
	}
	bold, italic := false, false
	for _, t := range toks {
		switch {
		case t.marker && t.text == "**":
			bold = !bold
		case t.marker:
			italic = !italic
		case t.note != "":
			flushRun()
			out = append(out, Inline{Note: t.note})
		case t.figure != "":
			flushRun()
			out = append(out, Inline{Figure: t.figure, Bold: bold, Italic: italic})
		default:
			if n := len(out); open && out[n-1].Bold == bold && out[n-1].Italic == italic {
				run.WriteString(t.text)
				continue
			}
			flushRun()
			out = append(out, Inline{Bold: bold, Italic: italic})
			run.WriteString(t.text)
			open = true
		}
	}
	flushRun()
	return out
}

// pairMarkers decides which asterisks style text, following CommonMark's
// rule of thumb: a marker opens when text follows it and closes when text
// precedes it. A marker that can do neither ("5 * 3") is plain text; an
// opener never closed is plain text too, and worth a warning, since the
// author probably meant it to style something.
func (p *bodyParser) pairMarkers(s string, toks []token) {
	open := map[string]int{"**": -1, "*": -1}
	for i := range toks {
		t := &toks[i]
		if !t.marker {
			continue
		}
		before, after := t.pos-1, t.pos+len(t.text)
		canClose := before >= 0 && !isSpaceByte(s[before])
		canOpen := after < len(s) && !isSpaceByte(s[after])
		switch {
		case canClose && open[t.text] >= 0:
			open[t.text] = -1
		case canOpen:
			if j := open[t.text]; j >= 0 {
				toks[j].marker = false // an earlier opener that never closed
				p.unclosed(toks[j])
			}
			open[t.text] = i
		default:
			t.marker = false
		}
	}
	for _, j := range slices.Sorted(maps.Values(open)) {
		if j >= 0 {
			toks[j].marker = false
			p.unclosed(toks[j])
		}
	}
}

func isSpaceByte(b byte) bool { return b == ' ' || b == '\t' || b == '\n' }

func (p *bodyParser) unclosed(t token) {
	style := map[string]string{"**": "bold", "*": "italic"}[t.text]
	p.problem(t.at, t.text, Warning, "%s opens %s text that is never closed; it is printed as is (write \\%s for a literal asterisk)", t.text, style, t.text)
}

func (p *bodyParser) problem(at int, needle string, sev Severity, format string, args ...any) {
	p.problems = append(p.problems, markupProblem{offset: at, needle: needle, severity: sev, message: fmt.Sprintf(format, args...)})
}
