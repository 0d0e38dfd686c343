package pdftest

import (
	"errors"
	"math"
)

// Path is a path as its painting operator found it.
type Path struct {
	// Op is the operator that ended the path: S or s (stroke), f, F or f*
	// (fill), B, B*, b or b* (fill and stroke; * for the even-odd rule), or
	// n (no painting: a clipping path, or nothing).
	Op string
	// Segments are the pieces of the path in the order they were built. re
	// reads as m, three l and h; v and y as c; s, b and b* close the last
	// subpath with an h before painting.
	Segments []Segment
}

// Segment is one piece of a path, in points from the top left corner of
// the MediaBox, Y downwards: the transformation matrix (cm, q/Q, forms'
// /Matrix) applied, as for TextRun.X and Y.
type Segment struct {
	// Op is m (a subpath begins at To), l (a line from From to To), c (a
	// cubic Bézier curve from From to To, with the control points C1 and
	// C2) or h (the line that closes the subpath, back to its start To).
	Op string
	// From is the current point before the segment; for m it is To.
	From, C1, C2, To Point
}

// Point is a position on the page, in points from the top left corner of
// the MediaBox, Y downwards.
type Point struct{ X, Y float64 }

// At returns the point at u, from 0 to 1, along a line or curve; To for m.
func (s Segment) At(u float64) Point {
	switch s.Op {
	case "m":
		return s.To
	case "c":
		v := 1 - u
		a, b, c, d := v*v*v, 3*v*v*u, 3*v*u*u, u*u*u
		return Point{
			a*s.From.X + b*s.C1.X + c*s.C2.X + d*s.To.X,
			a*s.From.Y + b*s.C1.Y + c*s.C2.Y + d*s.To.Y,
		}
	}
	return Point{s.From.X + u*(s.To.X-s.From.X), s.From.Y + u*(s.To.Y-s.From.Y)}
}

// Bounds returns the smallest rectangle, left, top, right and bottom, that
// holds every point of the path's segments, control points included (and
// so every curve); all zero for a path without segments.
func (p Path) Bounds() (x0, y0, x1, y1 float64) {
	if len(p.Segments) == 0 {
		return 0, 0, 0, 0
	}
	x0, y0, x1, y1 = math.Inf(1), math.Inf(1), math.Inf(-1), math.Inf(-1)
	add := func(q Point) {
		x0, y0 = math.Min(x0, q.X), math.Min(y0, q.Y)
		x1, y1 = math.Max(x1, q.X), math.Max(y1, q.Y)
	}
	for _, s := range p.Segments {
		add(s.From)
		add(s.To)
		if s.Op == "c" {
			add(s.C1)
			add(s.C2)
		}
	}
	return x0, y0, x1, y1
}

// maxPathItems bounds the paths and segments read from a page and its
// forms, as maxOps bounds the operators: a few kilobytes of compressed
// content (re makes five segments) could otherwise ask for gigabytes.
const maxPathItems = 1_000_000

// pathBuilder is the path under construction in one content stream.
type pathBuilder struct {
	segs       []Segment
	cur, start Point // current point, start of the current subpath
}

// pathOperands holds the number of operands of each path construction
// operator.
var pathOperands = map[keyword]int{"m": 2, "l": 2, "c": 6, "v": 4, "y": 4, "re": 4, "h": 0}

// construct adds to b what path construction operator op, with the
// operands v in user space, builds.
func (in *interp) construct(b *pathBuilder, op keyword, v []float64, ctm matrix) error {
	pt := func(x, y float64) Point {
		x, y = ctm.apply(x, y)
		return Point{x - in.box.x0, in.box.y1 - y}
	}
	switch op {
	case "m":
		p := pt(v[0], v[1])
		b.start = p
		return in.addSegment(b, Segment{Op: "m", From: p, To: p})
	case "l":
		return in.addSegment(b, Segment{Op: "l", From: b.cur, To: pt(v[0], v[1])})
	case "c":
		return in.addSegment(b, Segment{Op: "c", From: b.cur, C1: pt(v[0], v[1]), C2: pt(v[2], v[3]), To: pt(v[4], v[5])})
	case "v":
		return in.addSegment(b, Segment{Op: "c", From: b.cur, C1: b.cur, C2: pt(v[0], v[1]), To: pt(v[2], v[3])})
	case "y":
		to := pt(v[2], v[3])
		return in.addSegment(b, Segment{Op: "c", From: b.cur, C1: pt(v[0], v[1]), C2: to, To: to})
	case "h":
		return in.closePath(b)
	case "re":
		x, y, w, h := v[0], v[1], v[2], v[3]
		p := pt(x, y)
		b.start = p
		if err := in.addSegment(b, Segment{Op: "m", From: p, To: p}); err != nil {
			return err
		}
		for _, q := range [][2]float64{{x + w, y}, {x + w, y + h}, {x, y + h}} {
			if err := in.addSegment(b, Segment{Op: "l", From: b.cur, To: pt(q[0], q[1])}); err != nil {
				return err
			}
		}
		return in.closePath(b)
	}
	return nil
}

// closePath closes the current subpath, if there is one.
func (in *interp) closePath(b *pathBuilder) error {
	if len(b.segs) == 0 {
		return nil
	}
	return in.addSegment(b, Segment{Op: "h", From: b.cur, To: b.start})
}

func (in *interp) addSegment(b *pathBuilder, s Segment) error {
	if in.pathItems++; in.pathItems > maxPathItems {
		return errors.New("too many path segments")
	}
	b.segs = append(b.segs, s)
	b.cur = s.To
	return nil
}

// paint ends the path of b with painting operator op.
func (in *interp) paint(b *pathBuilder, op keyword) error {
	if op == "s" || op == "b" || op == "b*" {
		if err := in.closePath(b); err != nil {
			return err
		}
	}
	if in.pathItems++; in.pathItems > maxPathItems {
		return errors.New("too many paths")
	}
	in.paths = append(in.paths, Path{Op: string(op), Segments: b.segs})
	*b = pathBuilder{}
	return nil
}
