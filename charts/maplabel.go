package charts

import (
	"cmp"
	"math"
	"slices"
	"strings"
)

// The map's labels are placed one at a time, most important first:
// places with events, corridors hit, capitals, other corridors, other
// places, regions, countries. A label takes the first of its candidate positions that
// stays inside the frame and covers no label placed before it, no symbol
// of events, no dot of a place and no box reserved (the locator inset).
// Corridor lines and borders may run under a label; a place's label
// avoids corridor lines where it can, and gets a halo where it cannot.
// A label with no room is left out: a map with a name missing is
// readable, one with two names on top of each other is not.

type box struct{ x0, y0, x1, y1 float64 }

func (a box) overlaps(b box) bool { return a.x0 < b.x1 && b.x0 < a.x1 && a.y0 < b.y1 && b.y0 < a.y1 }

func (a box) within(b box) bool {
	return a.x0 >= b.x0 && a.x1 <= b.x1 && a.y0 >= b.y0 && a.y1 <= b.y1
}

func (a box) grow(d float64) box { return box{a.x0 - d, a.y0 - d, a.x1 + d, a.y1 + d} }

// square is the box r mm around a point on every side.
func square(p [2]float64, r float64) box { return box{p[0] - r, p[1] - r, p[0] + r, p[1] + r} }

// corners are the box's corners, clockwise from the top left.
func (a box) corners() [][2]float64 {
	return [][2]float64{{a.x0, a.y0}, {a.x1, a.y0}, {a.x1, a.y1}, {a.x0, a.y1}}
}

// outline is the closed line around the box.
func (a box) outline() [][2]float64 { return append(a.corners(), [2]float64{a.x0, a.y0}) }

// textBox is the box a label set with its baseline at (x, y) covers:
// from the cap height to the descenders, and a little air either side.
func textBox(x, y, w, size float64) box {
	h := ptToMM(size)
	return box{x - 0.3, y - 0.75*h, x + w + 0.3, y + 0.25*h}
}

// mapLabel is a label placed on the map.
type mapLabel struct {
	text  string
	x, y  float64 // baseline start
	style textStyle
	halo  bool // a corridor line crosses it
	// shield is the box of a corridor's label, drawn as a road sign.
	shield *box
	box    box
}

type labeler struct {
	measurer
	frame box
	taken []box          // labels, symbols, reserved boxes: never covered
	dots  []box          // places' dots: covered only when nothing else is free
	lines [][][2]float64 // corridor lines: avoided first
	out   []mapLabel     // the labels placed, in order
}

func newLabeler(m measurer, frame box) *labeler {
	return &labeler{measurer: m, frame: frame}
}

// free reports whether a label's box may go there: inside the frame, on
// nothing taken, and in strict mode off dots and corridor lines.
func (lb *labeler) free(b box, strict bool) bool {
	if !b.within(lb.frame) || slices.ContainsFunc(lb.taken, b.overlaps) {
		return false
	}
	if strict && (slices.ContainsFunc(lb.dots, b.overlaps) || crossesAny(lb.lines, b)) {
		return false
	}
	return true
}

// crossesAny reports whether any of the lines passes through the box.
func crossesAny(lines [][][2]float64, b box) bool {
	for _, line := range lines {
		for i := 1; i < len(line); i++ {
			if _, _, ok := clipSegment(line[i-1], line[i], b); ok {
				return true
			}
		}
	}
	return false
}

func (lb *labeler) place(l mapLabel) {
	lb.taken = append(lb.taken, l.box)
	lb.out = append(lb.out, l)
}

// around places a label beside a point whose mark spans the box mark:
// right, left, above, below, then the diagonals, then farther out. It
// tries every position keeping off dots and corridor lines first, then
// allows them and gives the label a halo.
func (lb *labeler) around(text string, pt [2]float64, mark box, st textStyle) bool {
	w := lb.width(text, st)
	h := ptToMM(st.size)
	const gap = 0.5
	left, right := pt[0]-mark.x0+gap, mark.x1-pt[0]+gap
	up, down := pt[1]-mark.y0+gap, mark.y1-pt[1]+gap
	const diag, far = 0.72, 2.5
	candidates := [][2]float64{
		{pt[0] + right, pt[1] + h*0.35},
		{pt[0] - left - w, pt[1] + h*0.35},
		{pt[0] - w/2, pt[1] - up - 0.3},
		{pt[0] - w/2, pt[1] + down + h*0.75},
		{pt[0] + right*diag, pt[1] - up*diag},
		{pt[0] + right*diag, pt[1] + down*diag + h*0.7},
		{pt[0] - left*diag - w, pt[1] - up*diag},
		{pt[0] - left*diag - w, pt[1] + down*diag + h*0.7},
		{pt[0] + right + far, pt[1] + h*0.35},
		{pt[0] - left - far - w, pt[1] + h*0.35},
		{pt[0] - w/2, pt[1] - up - far},
		{pt[0] - w/2, pt[1] + down + far + h*0.75},
	}
	for _, strict := range []bool{true, false} {
		for _, c := range candidates {
			b := textBox(c[0], c[1], w, st.size)
			if lb.free(b, strict) {
				lb.place(mapLabel{text: text, x: c[0], y: c[1], style: st, halo: !strict && crossesAny(lb.lines, b), box: b})
				return true
			}
		}
	}
	return false
}

// alongLine places a corridor's short name as a road sign on its line:
// at the middle of the line first, then farther towards its ends, then
// beside it.
func (lb *labeler) alongLine(text string, line [][2]float64, st textStyle) bool {
	if len(line) < 2 {
		return false
	}
	w := lb.width(text, st)
	h := ptToMM(st.size)
	length := lineLength(line)
	at := func(f float64) [2]float64 {
		d := f * length
		for i := 1; i < len(line); i++ {
			s := math.Hypot(line[i][0]-line[i-1][0], line[i][1]-line[i-1][1])
			if d <= s && s > 0 {
				t := d / s
				return [2]float64{line[i-1][0] + t*(line[i][0]-line[i-1][0]), line[i-1][1] + t*(line[i][1]-line[i-1][1])}
			}
			d -= s
		}
		return line[len(line)-1]
	}
	fractions := []float64{0.5}
	for k := 1; k < 20; k++ {
		d := float64(k) * 0.0225
		fractions = append(fractions, 0.5+d, 0.5-d)
	}
	side := w/2 + 2
	for _, offset := range [][2]float64{{0, 0}, {0, -h - 1}, {0, h + 1}, {side, 0}, {-side, 0}} {
		for _, f := range fractions {
			p := at(f)
			cx, cy := p[0]+offset[0], p[1]+offset[1]
			sign := box{cx - w/2 - 0.8, cy - h*0.55 - 0.35, cx + w/2 + 0.8, cy + h*0.45 + 0.35}
			if !lb.free(sign.grow(0.2), false) || slices.ContainsFunc(lb.dots, sign.overlaps) {
				continue
			}
			x, y := cx-w/2, cy+h*0.3
			lb.place(mapLabel{text: text, x: x, y: y, style: st, shield: &sign, box: sign.grow(0.2)})
			return true
		}
	}
	return false
}

// inside places a label inside an area, given as a mask of the frame: the
// position nearest the anchor where the label and a margin around it lie
// in the area, else where the label alone does. A label of several lines
// is set as a block, each line centred.
func (lb *labeler) inside(lines []string, area *mask, anchor [2]float64, st textStyle) bool {
	if area == nil || area.count == 0 || len(lines) == 0 {
		return false
	}
	h := ptToMM(st.size)
	lead := h * 1.15
	widths := make([]float64, len(lines))
	w := 0.0
	for i, l := range lines {
		widths[i] = lb.width(l, st)
		w = max(w, widths[i])
	}
	blockH := h + lead*float64(len(lines)-1)
	type cand struct {
		x, y float64 // the block's top-left corner
		d    float64
	}
	var cands []cand
	const step = 1.5
	for y := lb.frame.y0; y+blockH <= lb.frame.y1; y += step {
		for x := lb.frame.x0; x+w <= lb.frame.x1; x += step {
			cx, cy := x+w/2, y+blockH/2
			if !area.at(cx, cy) {
				continue
			}
			cands = append(cands, cand{x, y, math.Hypot(cx-anchor[0], cy-anchor[1])})
		}
	}
	slices.SortStableFunc(cands, func(a, b cand) int { return cmp.Compare(a.d, b.d) })
	for _, margin := range []float64{1.5, 0} {
		for _, c := range cands {
			var boxes []box
			fits := true
			for i := range lines {
				x, y := c.x+(w-widths[i])/2, c.y+0.75*h+float64(i)*lead
				b := textBox(x, y, widths[i], st.size)
				if !area.covers(b.grow(margin)) || !lb.free(b, false) || slices.ContainsFunc(lb.dots, b.overlaps) {
					fits = false
					break
				}
				boxes = append(boxes, b)
			}
			if !fits {
				continue
			}
			for i, b := range boxes {
				lb.place(mapLabel{text: lines[i], x: b.x0 + 0.3, y: c.y + 0.75*h + float64(i)*lead, style: st, box: b})
			}
			return true
		}
	}
	return false
}

// splitName breaks a name of several words into two lines of about the
// same length, for an area too narrow for it on one.
func splitName(s string) []string {
	words := strings.Fields(s)
	if len(words) < 2 {
		return nil
	}
	best, bestDiff := 1, math.MaxInt
	for i := 1; i < len(words); i++ {
		a, b := len(strings.Join(words[:i], " ")), len(strings.Join(words[i:], " "))
		if d := max(a-b, b-a); d < bestDiff {
			best, bestDiff = i, d
		}
	}
	return []string{strings.Join(words[:best], " "), strings.Join(words[best:], " ")}
}

// mask is an area of the frame rasterised on a grid of cells: which cells'
// centres lie inside it. Asking whether a label lies in a country is then
// a look at the cells under it, not a walk around the country's outline.
type mask struct {
	x0, y0, cell float64
	cols, rows   int
	in           []bool
	count        int
}

const maskCell = 0.5 // mm

// newMask rasterises rings (even-odd) over the frame.
func newMask(frame box, rings [][][2]float64) *mask {
	m := &mask{x0: frame.x0, y0: frame.y0, cell: maskCell,
		cols: int(math.Ceil((frame.x1 - frame.x0) / maskCell)), rows: int(math.Ceil((frame.y1 - frame.y0) / maskCell))}
	m.in = make([]bool, m.cols*m.rows)
	var xs []float64
	for row := range m.rows {
		y := m.y0 + (float64(row)+0.5)*m.cell
		xs = xs[:0]
		for _, r := range rings {
			j := len(r) - 1
			for i := range r {
				a, b := r[i], r[j]
				if (a[1] > y) != (b[1] > y) {
					xs = append(xs, a[0]+(y-a[1])*(b[0]-a[0])/(b[1]-a[1]))
				}
				j = i
			}
		}
		slices.Sort(xs)
		for k := 0; k+1 < len(xs); k += 2 {
			c0 := max(0, int(math.Ceil((xs[k]-m.x0)/m.cell-0.5)))
			c1 := min(m.cols-1, int(math.Floor((xs[k+1]-m.x0)/m.cell-0.5)))
			for c := c0; c <= c1; c++ {
				m.in[row*m.cols+c] = true
				m.count++
			}
		}
	}
	return m
}

func (m *mask) at(x, y float64) bool {
	c, r := int((x-m.x0)/m.cell), int((y-m.y0)/m.cell)
	if c < 0 || r < 0 || c >= m.cols || r >= m.rows {
		return false
	}
	return m.in[r*m.cols+c]
}

// covers reports whether every cell under the box is inside the area.
func (m *mask) covers(b box) bool {
	c0, c1 := int(math.Floor((b.x0-m.x0)/m.cell)), int(math.Ceil((b.x1-m.x0)/m.cell))
	r0, r1 := int(math.Floor((b.y0-m.y0)/m.cell)), int(math.Ceil((b.y1-m.y0)/m.cell))
	if c0 < 0 || r0 < 0 || c1 > m.cols || r1 > m.rows {
		return false
	}
	for r := r0; r < r1; r++ {
		for c := c0; c < c1; c++ {
			if !m.in[r*m.cols+c] {
				return false
			}
		}
	}
	return true
}

// centroid is the mean of the area's cells: where a label of the area
// is sought first when the map data gives no label point inside the
// frame.
func (m *mask) centroid() [2]float64 {
	var sx, sy float64
	for r := range m.rows {
		for c := range m.cols {
			if m.in[r*m.cols+c] {
				sx += m.x0 + (float64(c)+0.5)*m.cell
				sy += m.y0 + (float64(r)+0.5)*m.cell
			}
		}
	}
	n := float64(max(m.count, 1))
	return [2]float64{sx / n, sy / n}
}
