package pdftest

import (
	"bytes"
	"errors"
	"fmt"
	"io"
	"math"
	"strings"
)

// matrix is a PDF transformation matrix [a b c d e f].
type matrix [6]float64

var identity = matrix{1, 0, 0, 1, 0, 0}

// mul returns m × n: m applied first.
func (m matrix) mul(n matrix) matrix {
	return matrix{
		m[0]*n[0] + m[1]*n[2], m[0]*n[1] + m[1]*n[3],
		m[2]*n[0] + m[3]*n[2], m[2]*n[1] + m[3]*n[3],
		m[4]*n[0] + m[5]*n[2] + n[4], m[4]*n[1] + m[5]*n[3] + n[5],
	}
}

func (m matrix) apply(x, y float64) (float64, float64) {
	return x*m[0] + y*m[2] + m[4], x*m[1] + y*m[3] + m[5]
}

func translate(x, y float64) matrix { return matrix{1, 0, 0, 1, x, y} }

// gstate is the part of the graphics state that text and paths need.
type gstate struct {
	ctm                       matrix
	font                      *font
	size                      float64
	charSp, wordSp, scale, tl float64
	rise                      float64
}

// interp runs content streams and collects their text, paths and
// operators.
type interp struct {
	r         *reader
	box       mediaBox
	runs      []TextRun
	paths     []Path
	ops       map[string]int
	steps     int
	pathItems int // paths and segments, against maxPathItems
}

const maxOps = 10_000_000 // operators over a page and its forms

// run interprets a content stream with its resources, under ctm.
func (in *interp) run(data []byte, res dict, ctm matrix, depth int) error {
	gs := gstate{ctm: ctm, scale: 1}
	var stack []gstate
	var tm, tlm matrix
	var ops []any
	var path pathBuilder
	l := &lexer{data: data}
	fonts, err := in.r.f.dictOf(res["Font"])
	if err != nil {
		return fmt.Errorf("/Font: %w", err)
	}
	for {
		o, err := l.object(0)
		if err == io.EOF {
			return nil
		}
		if err != nil {
			return err
		}
		op, ok := o.(keyword)
		if !ok {
			if len(ops) > 1000 {
				return l.errorf("too many operands")
			}
			ops = append(ops, o)
			continue
		}
		if in.steps++; in.steps > maxOps {
			return errors.New("too many operators")
		}
		in.ops[string(op)]++
		nums := func(n int) ([]float64, error) {
			if len(ops) != n {
				return nil, l.errorf("%s: %d operands, want %d", op, len(ops), n)
			}
			f := make([]float64, n)
			for i, o := range ops {
				v, ok := o.(float64)
				if !ok {
					return nil, l.errorf("%s: operand %s is not a number", op, describe(o))
				}
				f[i] = v
			}
			return f, nil
		}
		// str returns the last operand, a string.
		str := func() (pdfString, error) {
			if len(ops) == 0 {
				return "", l.errorf("%s: missing string", op)
			}
			s, ok := ops[len(ops)-1].(pdfString)
			if !ok {
				return "", l.errorf("%s: operand %s is not a string", op, describe(ops[len(ops)-1]))
			}
			return s, nil
		}
		var e error
		switch op {
		case "q":
			if len(stack) > 1000 {
				return l.errorf("q nested too deep")
			}
			stack = append(stack, gs)
		case "Q":
			if len(stack) > 0 {
				gs, stack = stack[len(stack)-1], stack[:len(stack)-1]
			}
		case "cm":
			var m []float64
			if m, e = nums(6); e == nil {
				gs.ctm = matrix(m).mul(gs.ctm)
			}
		case "BT":
			tm, tlm = identity, identity
		case "Tf":
			if len(ops) != 2 {
				e = l.errorf("Tf: %d operands, want 2", len(ops))
				break
			}
			n, ok1 := ops[0].(name)
			size, ok2 := ops[1].(float64)
			if !ok1 || !ok2 {
				e = l.errorf("Tf: want a name and a size")
				break
			}
			gs.size = size
			gs.font, e = in.r.fontRes(fonts, n)
		case "Tc", "Tw", "Tz", "TL", "Ts":
			var v []float64
			if v, e = nums(1); e != nil {
				break
			}
			switch op {
			case "Tc":
				gs.charSp = v[0]
			case "Tw":
				gs.wordSp = v[0]
			case "Tz":
				gs.scale = v[0] / 100
			case "TL":
				gs.tl = v[0]
			case "Ts":
				gs.rise = v[0]
			}
		case "Td", "TD":
			var v []float64
			if v, e = nums(2); e == nil {
				if op == "TD" {
					gs.tl = -v[1]
				}
				tlm = translate(v[0], v[1]).mul(tlm)
				tm = tlm
			}
		case "Tm":
			var v []float64
			if v, e = nums(6); e == nil {
				tlm = matrix(v)
				tm = tlm
			}
		case "T*":
			tlm = translate(0, -gs.tl).mul(tlm)
			tm = tlm
		case "Tj", "'", "\"":
			var s pdfString
			if s, e = str(); e != nil {
				break
			}
			if op == "\"" {
				if len(ops) != 3 {
					e = l.errorf("\": %d operands, want 3", len(ops))
					break
				}
				aw, ok1 := ops[0].(float64)
				ac, ok2 := ops[1].(float64)
				if !ok1 || !ok2 {
					e = l.errorf("\": want two numbers and a string")
					break
				}
				gs.wordSp, gs.charSp = aw, ac
			}
			if op != "Tj" {
				tlm = translate(0, -gs.tl).mul(tlm)
				tm = tlm
			}
			e = in.show(&gs, &tm, array{s})
		case "TJ":
			var a array
			ok := len(ops) == 1
			if ok {
				a, ok = ops[0].(array)
			}
			if !ok {
				e = l.errorf("TJ: want an array")
				break
			}
			e = in.show(&gs, &tm, a)
		case "Do":
			if len(ops) != 1 {
				e = l.errorf("Do: want a name")
				break
			}
			n, _ := ops[0].(name)
			e = in.do(res, n, gs.ctm, depth)
		case "BI":
			e = l.skipInlineImage()
		case "m", "l", "c", "v", "y", "re", "h":
			var v []float64
			if v, e = nums(pathOperands[op]); e == nil {
				e = in.construct(&path, op, v, gs.ctm)
			}
		case "S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "n":
			e = in.paint(&path, op)
		}
		if e != nil {
			return e
		}
		ops = ops[:0]
	}
}

// show shows the strings of a TJ array (a Tj string is a one-element
// array) as one run, moving the text matrix.
func (in *interp) show(gs *gstate, tm *matrix, a array) error {
	f := gs.font
	if f == nil {
		return errors.New("text shown before any Tf")
	}
	start := tm.mul(gs.ctm)
	var sb strings.Builder
	gap := false
	n := 0
	for _, e := range a {
		switch e := e.(type) {
		case float64:
			if dx := -e / 1000; dx != 0 {
				*tm = translate(dx*gs.size*gs.scale, 0).mul(*tm)
				gap = gap || dx > spaceGap
			}
		case pdfString:
			for _, g := range f.decode(e) {
				if gap && n > 0 && !strings.HasSuffix(sb.String(), " ") && !strings.HasPrefix(g.text, " ") {
					sb.WriteByte(' ')
				}
				gap = false
				sb.WriteString(g.text)
				n++
				adv := g.width/1000*gs.size + gs.charSp
				if g.space {
					adv += gs.wordSp
				}
				*tm = translate(adv*gs.scale, 0).mul(*tm)
			}
		default:
			return fmt.Errorf("TJ: %s in the array", describe(e))
		}
	}
	if n == 0 {
		return nil
	}
	end := tm.mul(gs.ctm)
	x0, y0 := start.apply(0, gs.rise)
	x1, y1 := end.apply(0, gs.rise)
	in.runs = append(in.runs, TextRun{
		Text:    sb.String(),
		X:       x0 - in.box.x0,
		Y:       in.box.y1 - y0,
		W:       math.Hypot(x1-x0, y1-y0),
		Size:    math.Abs(gs.size) * math.Hypot(start[2], start[3]),
		Font:    f.info.Name,
		Rotated: math.Abs(math.Atan2(start[1], start[0])) > 0.01,
		Matrix:  start,
	})
	return nil
}

// do paints XObject n: a form's content runs, an image shows no text.
func (in *interp) do(res dict, n name, ctm matrix, depth int) error {
	xo, err := in.r.f.dictOf(res["XObject"])
	if err != nil {
		return fmt.Errorf("/XObject: %w", err)
	}
	o, err := in.r.f.resolve(xo[n])
	if err != nil {
		return fmt.Errorf("XObject /%s: %w", n, err)
	}
	s, ok := o.(*stream)
	if !ok {
		return fmt.Errorf("Do: no XObject /%s in the resources", n)
	}
	if st, _ := in.r.f.nameOf(s.dict["Subtype"]); st != "Form" {
		return nil
	}
	if depth >= 8 {
		return fmt.Errorf("XObject /%s: forms nested too deep", n)
	}
	m := identity
	if s.dict["Matrix"] != nil {
		v, err := in.r.f.numbers(s.dict["Matrix"], 6)
		if err != nil {
			return fmt.Errorf("XObject /%s: /Matrix: %w", n, err)
		}
		m = matrix(v)
	}
	fres := res
	if s.dict["Resources"] != nil {
		if fres, err = in.r.f.dictOf(s.dict["Resources"]); err != nil {
			return fmt.Errorf("XObject /%s: /Resources: %w", n, err)
		}
	}
	data, err := in.r.f.decode(s)
	if err != nil {
		return fmt.Errorf("XObject /%s: %w", n, err)
	}
	if err := in.run(data, fres, m.mul(ctm), depth+1); err != nil {
		return fmt.Errorf("XObject /%s: %w", n, err)
	}
	return nil
}

// skipInlineImage skips an inline image after BI: its dictionary, ID, the
// data and EI.
func (l *lexer) skipInlineImage() error {
	i := bytes.Index(l.data[l.pos:], []byte("ID"))
	if i < 0 {
		return l.errorf("BI without ID")
	}
	l.pos += i + 2
	for {
		j := bytes.Index(l.data[l.pos:], []byte("EI"))
		if j < 0 {
			return l.errorf("inline image without EI")
		}
		l.pos += j + 2
		if isSpace(l.data[l.pos-3]) && (l.pos == len(l.data) || isSpace(l.data[l.pos])) {
			return nil
		}
	}
}
