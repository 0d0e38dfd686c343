package pdftest

import (
	"bytes"
	"fmt"
	"math"
	"reflect"
	"testing"

	"codeberg.org/go-pdf/fpdf"
)

// seg builds a segment from coordinates in points on onePage's 600×800
// page, y upwards as PDF writes them.
func seg(op string, xy ...float64) Segment {
	p := func(i int) Point { return Point{xy[i], 800 - xy[i+1]} }
	switch op {
	case "m":
		return Segment{Op: op, From: p(0), To: p(0)}
	case "c":
		return Segment{Op: op, From: p(0), C1: p(2), C2: p(4), To: p(6)}
	}
	return Segment{Op: op, From: p(0), To: p(2)}
}

func nearPoint(a, b Point) bool { return near(a.X, b.X) && near(a.Y, b.Y) }

func samePaths(got, want []Path) bool {
	if len(got) != len(want) {
		return false
	}
	for i, g := range got {
		w := want[i]
		if g.Op != w.Op || len(g.Segments) != len(w.Segments) {
			return false
		}
		for j, s := range g.Segments {
			v := w.Segments[j]
			if s.Op != v.Op || !nearPoint(s.From, v.From) || !nearPoint(s.To, v.To) ||
				!nearPoint(s.C1, v.C1) || !nearPoint(s.C2, v.C2) {
				return false
			}
		}
	}
	return true
}

// TestPaths checks path construction and painting operators.
func TestPaths(t *testing.T) {
	tests := []struct {
		name    string
		content string
		want    []Path
	}{
		{
			name:    "lines, close, stroke",
			content: "10 20 m 30 20 l 30 40 l h S",
			want: []Path{{Op: "S", Segments: []Segment{
				seg("m", 10, 20), seg("l", 10, 20, 30, 20), seg("l", 30, 20, 30, 40), seg("h", 30, 40, 10, 20),
			}}},
		},
		{
			name:    "re is m, three l and h",
			content: "10 20 30 -5 re f",
			want: []Path{{Op: "f", Segments: []Segment{
				seg("m", 10, 20), seg("l", 10, 20, 40, 20), seg("l", 40, 20, 40, 15), seg("l", 40, 15, 10, 15), seg("h", 10, 15, 10, 20),
			}}},
		},
		{
			name:    "c, v and y; b* closes",
			content: "0 0 m 1 2 3 4 5 6 c 7 8 9 10 v 11 12 13 14 y b*",
			want: []Path{{Op: "b*", Segments: []Segment{
				seg("m", 0, 0), seg("c", 0, 0, 1, 2, 3, 4, 5, 6), seg("c", 5, 6, 5, 6, 7, 8, 9, 10),
				seg("c", 9, 10, 11, 12, 13, 14, 13, 14), seg("h", 13, 14, 0, 0),
			}}},
		},
		{
			name:    "every path ends with its operator, in order",
			content: "0 0 m 1 1 l W n 0 0 m f* 1 1 m B 2 2 m F B* b s",
			want: []Path{
				{Op: "n", Segments: []Segment{seg("m", 0, 0), seg("l", 0, 0, 1, 1)}},
				{Op: "f*", Segments: []Segment{seg("m", 0, 0)}},
				{Op: "B", Segments: []Segment{seg("m", 1, 1)}},
				{Op: "F", Segments: []Segment{seg("m", 2, 2)}},
				{Op: "B*"}, {Op: "b"}, {Op: "s"},
			},
		},
		{
			name:    "cm, q and Q",
			content: "q 0 1 -1 0 100 200 cm 10 0 m 10 20 l S Q 10 0 m 10 20 l S",
			want: []Path{
				{Op: "S", Segments: []Segment{seg("m", 100, 210), seg("l", 100, 210, 80, 210)}},
				{Op: "S", Segments: []Segment{seg("m", 10, 0), seg("l", 10, 0, 10, 20)}},
			},
		},
		{
			name:    "a path outlives text and graphics state operators",
			content: "5 5 m q BT ET Q 6 6 l S",
			want:    []Path{{Op: "S", Segments: []Segment{seg("m", 5, 5), seg("l", 5, 5, 6, 6)}}},
		},
		{
			name:    "unpainted path dropped",
			content: "0 0 m 1 1 l",
		},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			doc, err := Parse(onePage(tt.content))
			if err != nil {
				t.Fatal(err)
			}
			if got := doc.Pages[0].Paths; !samePaths(got, tt.want) {
				t.Errorf("paths\n%+v\nwant\n%+v", got, tt.want)
			}
		})
	}
}

// TestFormPaths reads a path in a form XObject, under the form's /Matrix
// and the page's transformation, on a MediaBox not at the origin.
func TestFormPaths(t *testing.T) {
	data := rawPDF(
		"<< /Type /Catalog /Pages 2 0 R >>",
		"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
		"<< /Type /Page /Parent 2 0 R /MediaBox [10 20 310 420] /Resources << /XObject << /X 5 0 R >> >> /Contents 4 0 R >>",
		streamObj("", "q 2 0 0 2 0 0 cm /X Do Q"),
		streamObj("/Type /XObject /Subtype /Form /BBox [0 0 100 100] /Matrix [1 0 0 1 50 0]", "0 0 m 10 10 l S"),
	)
	doc, err := Parse(data)
	if err != nil {
		t.Fatal(err)
	}
	p := doc.Pages[0]
	// (0, 0) → (50, 0) → (100, 0): 90 right of the MediaBox, 420 below its top.
	want := []Path{{Op: "S", Segments: []Segment{
		{Op: "m", From: Point{90, 420}, To: Point{90, 420}},
		{Op: "l", From: Point{90, 420}, To: Point{110, 400}},
	}}}
	if !samePaths(p.Paths, want) {
		t.Errorf("paths %+v, want %+v", p.Paths, want)
	}
	if want := map[string]int{"q": 1, "cm": 1, "Do": 1, "Q": 1, "m": 1, "l": 1, "S": 1}; !reflect.DeepEqual(p.Operators, want) {
		t.Errorf("operators %v, want %v", p.Operators, want)
	}
}

// TestOperators counts operators, a form's each time it is painted.
func TestOperators(t *testing.T) {
	doc, err := Parse(onePage("q 1 0 0 1 0 50 cm /X1 Do Q /X1 Do /GS1 gs 0 0 m 1 1 l S"))
	if err != nil {
		t.Fatal(err)
	}
	want := map[string]int{
		"q": 1, "cm": 1, "Do": 2, "Q": 1, "gs": 1, "m": 1, "l": 1, "S": 1,
		"BT": 2, "Tf": 2, "Td": 2, "Tj": 2, "ET": 2, // the form's, twice
	}
	if got := doc.Pages[0].Operators; !reflect.DeepEqual(got, want) {
		t.Errorf("operators %v, want %v", got, want)
	}
}

// TestMatrix checks the text matrix times the transformation matrix of
// runs.
func TestMatrix(t *testing.T) {
	doc, err := Parse(onePage("BT /F1 10 Tf 0 1 -1 0 300 400 Tm (up) Tj ET " +
		"q 0 -1 1 0 50 60 cm BT /F1 10 Tf 10 20 Td (down) Tj ET Q " +
		"BT /F1 10 Tf 2 0 0 2 5 6 Tm 3 Ts (big) Tj ET"))
	if err != nil {
		t.Fatal(err)
	}
	want := []struct {
		m    [6]float64
		x, y float64
	}{
		{[6]float64{0, 1, -1, 0, 300, 400}, 300, 400},
		// Td (10, 20) then cm: (10, 20) → (20 + 50, -10 + 60).
		{[6]float64{0, -1, 1, 0, 70, 50}, 70, 750},
		// The rise moves X and Y, not the matrix.
		{[6]float64{2, 0, 0, 2, 5, 6}, 5, 788},
	}
	runs := doc.Pages[0].Text
	if len(runs) != len(want) {
		t.Fatalf("runs %+v", runs)
	}
	for i, w := range want {
		r := runs[i]
		for j := range w.m {
			if !near(r.Matrix[j], w.m[j]) {
				t.Errorf("run %q: matrix %v, want %v", r.Text, r.Matrix, w.m)
				break
			}
		}
		if !near(r.X, w.x) || !near(r.Y, w.y) {
			t.Errorf("run %q at (%g, %g), want (%g, %g)", r.Text, r.X, r.Y, w.x, w.y)
		}
	}
}

// TestSegmentAt checks points along segments and the bounds of a path.
func TestSegmentAt(t *testing.T) {
	c := Segment{Op: "c", From: Point{0, 0}, C1: Point{0, 10}, C2: Point{10, 10}, To: Point{10, 0}}
	if got := c.At(0.5); !nearPoint(got, Point{5, 7.5}) {
		t.Errorf("curve at 0.5: %v, want (5, 7.5)", got)
	}
	l := Segment{Op: "l", From: Point{1, 2}, To: Point{3, 6}}
	if got := l.At(0.25); !nearPoint(got, Point{1.5, 3}) {
		t.Errorf("line at 0.25: %v", got)
	}
	m := Segment{Op: "m", From: Point{4, 4}, To: Point{4, 4}}
	if got := m.At(0.7); got != m.To {
		t.Errorf("move at 0.7: %v", got)
	}
	x0, y0, x1, y1 := Path{Segments: []Segment{{Op: "m", To: Point{0, 0}}, c}}.Bounds()
	if x0 != 0 || y0 != 0 || x1 != 10 || y1 != 10 {
		t.Errorf("bounds %g %g %g %g, want the control points' 0 0 10 10", x0, y0, x1, y1)
	}
	if x0, y0, x1, y1 := (Path{}).Bounds(); x0 != 0 || y0 != 0 || x1 != 0 || y1 != 0 {
		t.Errorf("empty path bounds %g %g %g %g", x0, y0, x1, y1)
	}
}

// fpdfDrawing draws with fpdf's path and transformation functions, in mm.
func fpdfDrawing(t *testing.T, compress bool) []byte {
	t.Helper()
	pdf := fpdf.New("P", "mm", "A4", "")
	pdf.SetCompression(compress)
	pdf.AddPage()
	pdf.SetFont("Helvetica", "", 12)
	pdf.Line(10, 20, 110, 20)
	pdf.Rect(10, 30, 50, 20, "F")
	pdf.Ellipse(100, 100, 30, 10, 90, "D") // turned a quarter: 10 wide, 30 high
	pdf.SetAlpha(0.5, "Normal")
	pdf.MoveTo(10, 200)
	pdf.CurveBezierCubicTo(20, 180, 40, 180, 50, 200)
	pdf.ClosePath()
	pdf.DrawPath("FD*")
	pdf.TransformBegin()
	pdf.TransformRotate(-90, 50, 150) // clockwise
	pdf.Text(50, 150, "bas")
	pdf.TransformEnd()
	var buf bytes.Buffer
	if err := pdf.Output(&buf); err != nil {
		t.Fatal(err)
	}
	return buf.Bytes()
}

// TestFpdfPaths reads back what fpdf draws.
func TestFpdfPaths(t *testing.T) {
	var pages []Page
	for _, compress := range []bool{false, true} {
		t.Run(fmt.Sprintf("compress=%v", compress), func(t *testing.T) {
			doc, err := Parse(fpdfDrawing(t, compress))
			if err != nil {
				t.Fatal(err)
			}
			p := doc.Pages[0]
			pages = append(pages, p)
			const k = 72 / 25.4
			mm := func(x, y float64) Point { return Point{x * k, y * k} }
			if len(p.Paths) != 4 {
				t.Fatalf("%d paths, want 4: %+v", len(p.Paths), p.Paths)
			}
			line := Path{Op: "S", Segments: []Segment{
				{Op: "m", From: mm(10, 20), To: mm(10, 20)}, {Op: "l", From: mm(10, 20), To: mm(110, 20)},
			}}
			if !samePaths(p.Paths[:1], []Path{line}) {
				t.Errorf("line %+v, want %+v", p.Paths[0], line)
			}
			rect := p.Paths[1]
			if x0, y0, x1, y1 := rect.Bounds(); rect.Op != "f" || len(rect.Segments) != 5 ||
				!nearPoint(Point{x0, y0}, mm(10, 30)) || !nearPoint(Point{x1, y1}, mm(60, 50)) {
				t.Errorf("rectangle %+v, want a fill from (10, 30) to (60, 50) mm", rect)
			}
			// The ellipse, drawn under fpdf's rotation: the ends of its curves
			// on the turned ellipse, within 0.1 %, and the points between
			// within the 0.3 % by which fpdf's curves stray from it.
			ell := p.Paths[2]
			curves := 0
			for _, s := range ell.Segments {
				if s.Op != "c" {
					continue
				}
				curves++
				for _, u := range []float64{0, 0.3, 0.5, 1} {
					q := s.At(u)
					dx, dy := q.X/k-100, q.Y/k-100
					tol := 0.001
					if u != 0 && u != 1 {
						tol = 0.004
					}
					if e := math.Hypot(dx/10, dy/30); math.Abs(e-1) > tol {
						t.Errorf("ellipse point (%.2f, %.2f) mm off the ellipse: %.4f", q.X/k, q.Y/k, e)
					}
				}
			}
			if ell.Op != "S" || curves < 4 {
				t.Errorf("ellipse %+v, want curves stroked", ell)
			}
			fd := p.Paths[3]
			if fd.Op != "B*" || len(fd.Segments) != 3 || fd.Segments[1].Op != "c" || fd.Segments[2].Op != "h" ||
				!nearPoint(fd.Segments[1].C1, mm(20, 180)) || !nearPoint(fd.Segments[2].To, mm(10, 200)) {
				t.Errorf("filled and stroked path %+v", fd)
			}
			if p.Operators["gs"] != 1 || p.Operators["cm"] != 2 {
				t.Errorf("operators %v, want one gs and two cm", p.Operators)
			}
			if len(p.Text) != 1 {
				t.Fatalf("runs %+v", p.Text)
			}
			r := p.Text[0]
			want := [6]float64{0, -1, 1, 0, 50 * k, (297 - 150) * k}
			for i := range want {
				if !near(r.Matrix[i], want[i]) {
					t.Errorf("turned run: matrix %v, want %v", r.Matrix, want)
					break
				}
			}
			if r.Text != "bas" || !r.Rotated || !nearPoint(Point{r.X, r.Y}, mm(50, 150)) {
				t.Errorf("turned run %+v", r)
			}
		})
	}
	if len(pages) == 2 && !reflect.DeepEqual(pages[0], pages[1]) {
		t.Error("compressed and uncompressed drawings read differently")
	}
}
