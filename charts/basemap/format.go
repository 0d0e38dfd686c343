package basemap

import (
	"bufio"
	"bytes"
	"encoding/binary"
	"errors"
	"fmt"
	"io"
	"math"
	"sort"
	"unicode/utf8"
)

// The file format, version 1. Every integer is a varint
// (encoding/binary's Uvarint, or its zigzag Varint where it may be
// negative), every string a length and UTF-8 bytes:
//
//	magic     "BMAP"
//	version   uvarint, [Version]
//	scale     uvarint, grid steps per degree
//	arcs      uvarint count, uvarint count of all their points, then
//	          per arc:
//	            kind    uvarint: 0 hidden, 1 + LineKind
//	            sides   unless hidden, two uvarints: 0 none, i+1 the
//	                    country at index i (Line.Countries)
//	            n       uvarint, ≥ 2 points
//	            points  n × (dx, dy) varints; the first is relative to the
//	                    previous arc's last point (0,0 for the first arc),
//	                    the others to the point before
//	countries uvarint count, then features
//	regions   uvarint count, then features
//	feature   code, country, English and French names (strings), label
//	          (x, y varints, absolute), polygons: uvarint count, per
//	          polygon a uvarint count of rings, per ring a uvarint count
//	          of arc references and the references as varint deltas from
//	          the previous one in the ring (starting at 0). A reference is
//	          i for arc i as stored and ^i (-i-1) for arc i reversed, as
//	          in TopoJSON.
//	capitals  uvarint count, then per city: country, English and French
//	          names, x, y varints
//
// Deltas of quantized coordinates are mostly one or two bytes, so the
// file stays small without deflate, whose decompression would cost more
// than the rest of decoding.
const (
	magic = "BMAP"
	// Version is the format version Decode reads; a file of another
	// version is refused rather than misread.
	Version = 1
	// Scale is the grid of the quantized coordinates, in steps per
	// degree: 1e-4° is about 11 m, far below the ~0.3 mm that the
	// finest map (~100 km across 170 mm) can show.
	Scale = 10000
)

// GridPoint is a quantized longitude and latitude, in 1/[Scale] degrees.
type GridPoint [2]int32

// Quantize rounds p to the grid.
func Quantize(p Point) GridPoint {
	return GridPoint{int32(math.Round(p[0] * Scale)), int32(math.Round(p[1] * Scale))}
}

// Point returns the grid point in degrees.
func (g GridPoint) Point() Point {
	return Point{float64(g[0]) / Scale, float64(g[1]) / Scale}
}

// Topology is the map as the generator builds it: arcs of quantized
// points, each stored once, and features whose rings are sequences of
// arc references.
type Topology struct {
	Arcs      []Arc
	Countries []TopoFeature // sorted by Code
	Regions   []TopoFeature // sorted by Country, then Code
	Capitals  []City        // sorted by Country
}

// Arc is a piece of ring boundary between two junctions (or a whole ring
// that touches no other).
type Arc struct {
	Points []GridPoint
	// Kind is the line the arc draws, unless Hidden: a region's edge on
	// its country's outline, or the edge between two pieces of one
	// country, is part of rings but not a line of its own.
	Kind      LineKind
	Countries [2]string // see Line.Countries; must be codes of Topology.Countries
	Hidden    bool
}

// TopoFeature is a [Feature] whose rings are arc references: i is arc i
// as stored, ^i is arc i reversed. Each arc of a ring starts where the
// previous one ends, and the last ends where the first starts.
type TopoFeature struct {
	Code, Country string
	Name          Names
	Label         Point
	Polygons      [][][]int // polygon, ring, reference
}

// Limits on what Decode accepts, so that a damaged file fails with an
// error instead of asking for gigabytes.
const (
	// maxRingPoints bounds the points of all rings together: the world
	// at full 10m detail is about 10 million.
	maxRingPoints = 1 << 24
	maxString     = 1 << 10
)

// Encode writes t in the format Decode reads. It checks t by decoding
// what it wrote, so that the generator can never write a file the
// program would refuse.
func Encode(w io.Writer, t *Topology) error {
	var e encoder
	e.buf.WriteString(magic)
	e.uvarint(Version)
	e.uvarint(Scale)
	e.uvarint(uint64(len(t.Arcs)))
	n := 0
	for _, a := range t.Arcs {
		n += len(a.Points)
	}
	e.uvarint(uint64(n))
	var last GridPoint
	for _, a := range t.Arcs {
		kind := uint64(0)
		if !a.Hidden {
			kind = 1 + uint64(a.Kind)
		}
		e.uvarint(kind)
		if !a.Hidden {
			for _, c := range a.Countries {
				i := 0
				if c != "" {
					i = sort.Search(len(t.Countries), func(i int) bool { return t.Countries[i].Code >= c })
					if i == len(t.Countries) || t.Countries[i].Code != c {
						return fmt.Errorf("basemap: line beside unknown country %q", c)
					}
					i++
				}
				e.uvarint(uint64(i))
			}
		}
		e.uvarint(uint64(len(a.Points)))
		for _, p := range a.Points {
			e.varint(int64(p[0]) - int64(last[0]))
			e.varint(int64(p[1]) - int64(last[1]))
			last = p
		}
	}
	for _, fs := range [][]TopoFeature{t.Countries, t.Regions} {
		e.uvarint(uint64(len(fs)))
		for _, f := range fs {
			e.str(f.Code)
			e.str(f.Country)
			e.str(f.Name.EN)
			e.str(f.Name.FR)
			e.point(Quantize(f.Label))
			e.uvarint(uint64(len(f.Polygons)))
			for _, poly := range f.Polygons {
				e.uvarint(uint64(len(poly)))
				for _, ring := range poly {
					e.uvarint(uint64(len(ring)))
					prev := 0
					for _, ref := range ring {
						e.varint(int64(ref - prev))
						prev = ref
					}
				}
			}
		}
	}
	e.uvarint(uint64(len(t.Capitals)))
	for _, c := range t.Capitals {
		e.str(c.Country)
		e.str(c.Name.EN)
		e.str(c.Name.FR)
		e.point(Quantize(c.At))
	}
	if _, err := Decode(e.buf.Bytes()); err != nil {
		return fmt.Errorf("basemap: encoded topology does not decode: %w", err)
	}
	bw := bufio.NewWriter(w)
	bw.Write(e.buf.Bytes())
	return bw.Flush()
}

type encoder struct {
	buf bytes.Buffer
	tmp [binary.MaxVarintLen64]byte
}

func (e *encoder) uvarint(v uint64) { e.buf.Write(binary.AppendUvarint(e.tmp[:0], v)) }
func (e *encoder) varint(v int64)   { e.buf.Write(binary.AppendVarint(e.tmp[:0], v)) }
func (e *encoder) point(p GridPoint) {
	e.varint(int64(p[0]))
	e.varint(int64(p[1]))
}
func (e *encoder) str(s string) {
	e.uvarint(uint64(len(s)))
	e.buf.WriteString(s)
}

// ErrFormat is wrapped by every error of Decode about the data itself.
var ErrFormat = errors.New("basemap: not a valid basemap file")

// Decode reads a basemap file written by [Encode].
func Decode(data []byte) (*Map, error) {
	d := decoder{data: data}
	m, err := d.decode()
	if err != nil {
		return nil, fmt.Errorf("%w: %v (at byte %d of %d)", ErrFormat, err, d.pos, len(data))
	}
	return m, nil
}

type decoder struct {
	data []byte
	pos  int
	err  error
	arcs int // how many arcs were read
}

func (d *decoder) fail(format string, args ...any) {
	if d.err == nil {
		d.err = fmt.Errorf(format, args...)
	}
}

func (d *decoder) uvarint() uint64 {
	if d.err != nil {
		return 0
	}
	v, n := binary.Uvarint(d.data[d.pos:])
	if n <= 0 {
		d.fail("truncated or overlong number")
		return 0
	}
	d.pos += n
	return v
}

// varint reads a signed number, zig-zag encoded as binary.AppendVarint
// writes it.
func (d *decoder) varint() int64 {
	u := d.uvarint()
	return int64(u>>1) ^ -int64(u&1)
}

// count reads a count of items each taking at least minBytes bytes, and
// refuses one the rest of the file cannot hold.
func (d *decoder) count(what string, minBytes int) int {
	v := d.uvarint()
	if d.err == nil && v > uint64((len(d.data)-d.pos)/minBytes) {
		d.fail("%d %s cannot fit in the rest of the file", v, what)
		return 0
	}
	return int(v)
}

func (d *decoder) str() string {
	n := d.uvarint()
	if d.err != nil {
		return ""
	}
	if n > maxString || n > uint64(len(d.data)-d.pos) {
		d.fail("string of %d bytes", n)
		return ""
	}
	s := string(d.data[d.pos : d.pos+int(n)])
	d.pos += int(n)
	if !utf8.ValidString(s) {
		d.fail("string %q is not UTF-8", s)
	}
	return s
}

func (d *decoder) coord(v int64) float64 {
	if v < -181*Scale || v > 181*Scale {
		d.fail("coordinate %d out of range", v)
	}
	return float64(v) / Scale
}

func (d *decoder) point() Point {
	x := d.varint()
	y := d.varint()
	return Point{d.coord(x), d.coord(y)}
}

// features reads a list of features without their rings: it appends
// their structure to refs (per feature a polygon count, per polygon a
// ring count, per ring a reference count and the references), returns
// where each feature's part starts, and adds the points their rings will
// hold to total.
func (d *decoder) features(what string, arcLen func(int) int, refs *[]int32, total *int) ([]Feature, []int) {
	n := d.count(what, 8)
	fs := make([]Feature, n)
	starts := make([]int, n)
	for i := range fs {
		f := &fs[i]
		f.Code = d.str()
		f.Country = d.str()
		f.Name.EN = d.str()
		f.Name.FR = d.str()
		f.Label = d.point()
		starts[i] = len(*refs)
		np := d.count("polygons", 2)
		*refs = append(*refs, int32(np))
		for range np {
			nr := d.count("rings", 1)
			if d.err == nil && nr == 0 {
				d.fail("%s: polygon of no rings", f.Code)
			}
			*refs = append(*refs, int32(nr))
			for range nr {
				nref := d.count("arc references", 1)
				if d.err == nil && nref == 0 {
					d.fail("%s: ring of no arcs", f.Code)
				}
				*refs = append(*refs, int32(nref))
				var ref int64
				for range nref {
					ref += d.varint()
					if d.err != nil {
						return nil, nil
					}
					a := ref
					if a < 0 {
						a = ^a
					}
					if a >= math.MaxInt32 || int(a) >= d.arcs {
						d.fail("%s: reference to arc %d of %d", f.Code, a, d.arcs)
						return nil, nil
					}
					*total += arcLen(int(a)) - 1
					*refs = append(*refs, int32(ref))
				}
			}
			if *total > maxRingPoints {
				d.fail("more than %d ring points", maxRingPoints)
				return nil, nil
			}
		}
		if d.err != nil {
			return nil, nil
		}
	}
	return fs, starts
}

func (d *decoder) decode() (*Map, error) {
	if !bytes.HasPrefix(d.data, []byte(magic)) {
		return nil, errors.New("no basemap header (regenerate with `make basemap`)")
	}
	d.pos = len(magic)
	if v := d.uvarint(); d.err == nil && v != Version {
		return nil, fmt.Errorf("format version %d, this program reads version %d (regenerate with `make basemap`)", v, Version)
	}
	if s := d.uvarint(); d.err == nil && s != Scale {
		return nil, fmt.Errorf("grid of %d steps per degree, want %d", s, Scale)
	}

	// Arcs: all points in one slab, each arc a capped sub-slice of it.
	nArcs := d.count("arcs", 3)
	type arc struct {
		start, end int // in pts
		kind       uint64
		sides      [2]uint64
	}
	arcs := make([]arc, 0, nArcs)
	// Each point takes at least two bytes.
	pts := make([]Point, 0, d.count("arc points", 2))
	var x, y int64
	for range nArcs {
		kind := d.uvarint()
		if kind > 1+uint64(RegionBorder) {
			d.fail("arc kind %d", kind)
		}
		var sides [2]uint64
		if kind != 0 {
			sides[0], sides[1] = d.uvarint(), d.uvarint()
		}
		n := d.count("arc points", 2)
		if d.err == nil && (n < 2 || n > cap(pts)-len(pts)) {
			d.fail("arc of %d points, %d left of the count", n, cap(pts)-len(pts))
		}
		if d.err != nil {
			return nil, d.err
		}
		start := len(pts)
		for range n {
			x += d.varint()
			y += d.varint()
			pts = append(pts, Point{d.coord(x), d.coord(y)})
		}
		if d.err != nil {
			return nil, d.err
		}
		arcs = append(arcs, arc{start, len(pts), kind, sides})
	}
	d.arcs = len(arcs)
	if d.err == nil && len(pts) != cap(pts) {
		return nil, fmt.Errorf("%d arc points, the header says %d", len(pts), cap(pts))
	}

	// Features: read the references first, to size one slab for every
	// ring's points.
	var refs []int32
	total := 0
	arcLen := func(i int) int { return arcs[i].end - arcs[i].start }
	countries, cStarts := d.features("countries", arcLen, &refs, &total)
	regions, rStarts := d.features("regions", arcLen, &refs, &total)
	if d.err != nil {
		return nil, d.err
	}

	m := &Map{}
	m.Capitals = make([]City, d.count("capitals", 5))
	for i := range m.Capitals {
		c := &m.Capitals[i]
		c.Country = d.str()
		c.Name.EN = d.str()
		c.Name.FR = d.str()
		c.At = d.point()
	}
	if d.err != nil {
		return nil, d.err
	}
	if d.pos != len(d.data) {
		return nil, fmt.Errorf("%d bytes after the end", len(d.data)-d.pos)
	}

	// Assemble the rings.
	slab := make([]Point, 0, total)
	arcPts := func(i int) []Point { a := arcs[i]; return pts[a.start:a.end] }
	build := func(fs []Feature, starts []int) error {
		for fi := range fs {
			f := &fs[fi]
			r := refs[starts[fi]:]
			next := func() int32 { v := r[0]; r = r[1:]; return v }
			f.Polygons = make([]Polygon, next())
			f.Bounds = emptyBounds()
			for pi := range f.Polygons {
				f.Polygons[pi] = make(Polygon, next())
				for ri := range f.Polygons[pi] {
					start := len(slab)
					nref := int(next())
					var first, end Point
					for k := range nref {
						ref := next()
						a := arcPts(int(max(ref, ^ref)))
						from, to := a[0], a[len(a)-1]
						if ref < 0 {
							from, to = to, from
						}
						if k == 0 {
							first = from
						} else if from != end {
							return fmt.Errorf("%s: ring's arcs do not join at %v", f.Code, end)
						}
						end = to
						if ref >= 0 {
							slab = append(slab, a[1:]...)
						} else {
							for j := len(a) - 2; j >= 0; j-- {
								slab = append(slab, a[j])
							}
						}
					}
					if first != end {
						return fmt.Errorf("%s: ring does not close", f.Code)
					}
					ring := Ring(slab[start:len(slab):len(slab)])
					if len(ring) < 3 {
						return fmt.Errorf("%s: ring of %d points", f.Code, len(ring))
					}
					if ri == 0 {
						for _, p := range ring {
							f.Bounds.extend(p)
						}
					}
					f.Polygons[pi][ri] = ring
				}
			}
			if len(f.Polygons) == 0 {
				return fmt.Errorf("%s: no polygons", f.Code)
			}
		}
		return nil
	}
	m.Countries = countries
	m.Regions = regions
	if err := build(m.Countries, cStarts); err != nil {
		return nil, err
	}
	if err := build(m.Regions, rStarts); err != nil {
		return nil, err
	}

	// Lines share the arcs' points.
	for _, a := range arcs {
		if a.kind == 0 {
			continue
		}
		l := Line{Kind: LineKind(a.kind - 1), Points: pts[a.start:a.end:a.end], Bounds: emptyBounds()}
		for k, i := range a.sides {
			if i > uint64(len(m.Countries)) {
				return nil, fmt.Errorf("line beside country %d of %d", i, len(m.Countries))
			}
			if i > 0 {
				l.Countries[k] = m.Countries[i-1].Code
			}
		}
		for _, p := range l.Points {
			l.Bounds.extend(p)
		}
		m.Lines = append(m.Lines, l)
	}

	for i := 1; i < len(m.Countries); i++ {
		if m.Countries[i-1].Code >= m.Countries[i].Code {
			return nil, fmt.Errorf("countries not sorted by code at %q", m.Countries[i].Code)
		}
	}
	for _, c := range m.Countries {
		if c.Country != c.Code {
			return nil, fmt.Errorf("country %q of country %q", c.Country, c.Code)
		}
	}
	for i := 1; i < len(m.Regions); i++ {
		a, b := &m.Regions[i-1], &m.Regions[i]
		if a.Country > b.Country || a.Country == b.Country && a.Code >= b.Code {
			return nil, fmt.Errorf("regions not sorted by country and code at %q", b.Code)
		}
	}
	for i := 1; i < len(m.Capitals); i++ {
		if m.Capitals[i-1].Country >= m.Capitals[i].Country {
			return nil, fmt.Errorf("capitals not sorted by country at %q", m.Capitals[i].Country)
		}
	}
	return m, nil
}
