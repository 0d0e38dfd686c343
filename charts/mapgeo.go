package charts

import (
	"math"

	"briefing/charts/basemap"
)

// The map is drawn in a Lambert azimuthal equal-area projection centred on
// the letter's places. An equal-area projection keeps the discs of events
// comparable with the land under them; centred on the places, its shapes
// are true near the centre at any latitude, a pole included, and the
// antimeridian is no edge: longitudes enter only through their sines and
// cosines. The whole sphere but the centre's antipode has an image, so no
// place can fall outside the projection.

const (
	earthRadius = 6371.0 // km, the sphere of the same area as the Earth
	radPerDeg   = math.Pi / 180
)

// azimuthal projects longitude and latitude onto the map frame, in
// millimetres from its top-left corner, y downwards.
type azimuthal struct {
	lon0             float64 // centre, radians
	sinLat0, cosLat0 float64
	scale            float64 // mm per km
	left, top        float64 // the frame's left and top edges, km from the centre
	width, height    float64 // the frame, mm
}

func newAzimuthal(lon0, lat0 float64) azimuthal {
	s, c := math.Sincos(lat0 * radPerDeg)
	return azimuthal{lon0: lon0 * radPerDeg, sinLat0: s, cosLat0: c, scale: 1}
}

// km projects a point to kilometres east and north of the centre; ok is
// false only at the centre's antipode.
func (a azimuthal) km(lon, lat float64) (x, y float64, ok bool) {
	sinPhi, cosPhi := math.Sincos(lat * radPerDeg)
	sinLam, cosLam := math.Sincos(lon*radPerDeg - a.lon0)
	d := 1 + a.sinLat0*sinPhi + a.cosLat0*cosPhi*cosLam
	if d < 1e-12 {
		return 0, 0, false
	}
	k := earthRadius * math.Sqrt(2/d)
	return k * cosPhi * sinLam, k * (a.cosLat0*sinPhi - a.sinLat0*cosPhi*cosLam), true
}

// point projects a point onto the frame.
func (a azimuthal) point(lon, lat float64) ([2]float64, bool) {
	x, y, ok := a.km(lon, lat)
	return [2]float64{(x - a.left) * a.scale, (a.top - y) * a.scale}, ok
}

// lonLat is the inverse: the longitude and latitude of a point of the
// frame.
func (a azimuthal) lonLat(p [2]float64) (lon, lat float64) {
	x, y := p[0]/a.scale+a.left, a.top-p[1]/a.scale
	rho := math.Hypot(x, y)
	if rho < 1e-9 {
		return a.lon0 / radPerDeg, math.Asin(a.sinLat0) / radPerDeg
	}
	c := 2 * math.Asin(math.Min(1, rho/(2*earthRadius)))
	sinC, cosC := math.Sincos(c)
	phi := math.Asin(math.Max(-1, math.Min(1, cosC*a.sinLat0+y*sinC*a.cosLat0/rho)))
	lam := a.lon0 + math.Atan2(x*sinC, rho*a.cosLat0*cosC-y*a.sinLat0*sinC)
	return normLon(lam / radPerDeg), phi / radPerDeg
}

// normLon brings a longitude into [-180, 180).
func normLon(lon float64) float64 {
	lon = math.Mod(lon+180, 360)
	if lon < 0 {
		lon += 360
	}
	return lon - 180
}

// centreOf returns the point on the sphere nearest the mean of the
// points, as longitude and latitude: the mean of their unit vectors, so
// that places on both sides of the antimeridian are centred between them,
// not on the far side of the Earth.
func centreOf(points []basemap.Point) (lon, lat float64) {
	var x, y, z float64
	for _, p := range points {
		sinPhi, cosPhi := math.Sincos(p[1] * radPerDeg)
		sinLam, cosLam := math.Sincos(p[0] * radPerDeg)
		x, y, z = x+cosPhi*cosLam, y+cosPhi*sinLam, z+sinPhi
	}
	if math.Hypot(math.Hypot(x, y), z) < 1e-9*float64(len(points)) {
		// Points that cancel out (as many at a place as at its antipode):
		// any centre is as good; the first point's is stable.
		return points[0][0], points[0][1]
	}
	return math.Atan2(y, x) / radPerDeg, math.Atan2(z, math.Hypot(x, y)) / radPerDeg
}

// geoWindow is the part of the globe a frame shows, as ranges of latitude
// and of longitude relative to the centre, with a margin: what a feature's
// bounds must meet to be drawn.
type geoWindow struct {
	lon0           float64 // the centre's longitude, degrees
	minLat, maxLat float64
	minDLon        float64 // longitudes lon0+minDLon … lon0+maxDLon
	maxDLon        float64
	all            bool // every longitude: the frame holds a pole
}

// window finds the frame's extent on the globe from points along its
// edges.
func (a azimuthal) window() geoWindow {
	lon0 := a.lon0 / radPerDeg
	w := geoWindow{lon0: lon0, minLat: 90, maxLat: -90, minDLon: 180, maxDLon: -180}
	const n = 24
	for i := 0; i <= n; i++ {
		t := float64(i) / n
		for _, p := range [][2]float64{{t * a.width, 0}, {t * a.width, a.height}, {0, t * a.height}, {a.width, t * a.height}, {t * a.width, t * a.height}} {
			lon, lat := a.lonLat(p)
			d := normLon(lon - lon0)
			w.minLat, w.maxLat = min(w.minLat, lat), max(w.maxLat, lat)
			w.minDLon, w.maxDLon = min(w.minDLon, d), max(w.maxDLon, d)
		}
	}
	for _, pole := range []float64{90, -90} {
		if p, ok := a.point(0, pole); ok && p[0] >= 0 && p[0] <= a.width && p[1] >= 0 && p[1] <= a.height {
			w.all = true
			w.minLat, w.maxLat = min(w.minLat, pole), max(w.maxLat, pole)
		}
	}
	// A margin for the straight edges between the points sampled, and
	// for the simplification of the map data.
	w.minLat, w.maxLat = w.minLat-1, w.maxLat+1
	w.minDLon, w.maxDLon = w.minDLon-2, w.maxDLon+2
	if w.maxDLon-w.minDLon >= 300 {
		w.all = true
	}
	return w
}

// meets reports whether bounds may show in the window.
func (w geoWindow) meets(b basemap.Bounds) bool {
	if b.MaxLat < w.minLat || b.MinLat > w.maxLat {
		return false
	}
	if w.all || b.MaxLon-b.MinLon >= 300 {
		return true
	}
	lo, hi := b.MinLon-w.lon0, b.MaxLon-w.lon0
	for _, shift := range []float64{-360, 0, 360} {
		if lo+shift <= w.maxDLon && hi+shift >= w.minDLon {
			return true
		}
	}
	return false
}

// projectRing projects a ring onto the frame and clips it to the box,
// dropping points closer than minStep to the previous one. Only every
// stride-th point is projected: a small map needs only some. Points that
// have no image (the antipode) are skipped.
func (a azimuthal) projectRing(ring basemap.Ring, clip box, minStep float64, stride int) [][2]float64 {
	if len(ring) < 4*stride {
		stride = 1
	}
	pts := make([][2]float64, 0, len(ring)/stride+1)
	for i := 0; i < len(ring); i += stride {
		if q, ok := a.point(ring[i][0], ring[i][1]); ok {
			pts = append(pts, q)
		}
	}
	return thinPoints(clipPolygon(pts, clip), minStep, true)
}

// projectLine projects a line and clips it to the box: the pieces that
// lie inside.
func (a azimuthal) projectLine(line []basemap.Point, clip box, minStep float64) [][][2]float64 {
	var out [][][2]float64
	pts := make([][2]float64, 0, len(line))
	flush := func() {
		for _, piece := range clipLine(pts, clip) {
			if piece = thinPoints(piece, minStep, false); len(piece) >= 2 {
				out = append(out, piece)
			}
		}
		pts = pts[:0]
	}
	for i, p := range line {
		// Natural Earth cuts the land that crosses the antimeridian, and
		// Antarctica at the pole, along straight edges that are no coast:
		// the line breaks there.
		if i > 0 && seam(line[i-1], p) {
			flush()
		}
		if q, ok := a.point(p[0], p[1]); ok {
			pts = append(pts, q)
		}
	}
	flush()
	return out
}

// seam reports whether the edge from p to q runs along the antimeridian or
// the south pole's parallel, where the map data cuts polygons.
func seam(p, q basemap.Point) bool {
	const edge = 179.999
	return (math.Abs(p[0]) >= edge && math.Abs(q[0]) >= edge) || (p[1] <= -89.999 && q[1] <= -89.999)
}

// thinPoints drops the points closer than step to the last one kept: detail
// finer than a pen's width, which only weighs on the files. The last
// point of an open line is always kept.
func thinPoints(pts [][2]float64, step float64, closed bool) [][2]float64 {
	if len(pts) < 3 {
		return pts
	}
	out := [][2]float64{pts[0]}
	for i, p := range pts[1:] {
		last := out[len(out)-1]
		if math.Hypot(p[0]-last[0], p[1]-last[1]) >= step || (!closed && i == len(pts)-2) {
			out = append(out, p)
		}
	}
	if closed && len(out) < 3 {
		return nil
	}
	return out
}

// clipPolygon clips a closed ring to a box (Sutherland–Hodgman). The
// result may run along the box's edges, which only matters for strokes:
// the map strokes its borders from lines, never from polygon outlines.
func clipPolygon(pts [][2]float64, b box) [][2]float64 {
	type edge struct {
		inside func(p [2]float64) bool
		cross  func(p, q [2]float64) [2]float64
	}
	atX := func(x float64) func(p, q [2]float64) [2]float64 {
		return func(p, q [2]float64) [2]float64 {
			t := (x - p[0]) / (q[0] - p[0])
			return [2]float64{x, p[1] + t*(q[1]-p[1])}
		}
	}
	atY := func(y float64) func(p, q [2]float64) [2]float64 {
		return func(p, q [2]float64) [2]float64 {
			t := (y - p[1]) / (q[1] - p[1])
			return [2]float64{p[0] + t*(q[0]-p[0]), y}
		}
	}
	edges := []edge{
		{func(p [2]float64) bool { return p[0] >= b.x0 }, atX(b.x0)},
		{func(p [2]float64) bool { return p[0] <= b.x1 }, atX(b.x1)},
		{func(p [2]float64) bool { return p[1] >= b.y0 }, atY(b.y0)},
		{func(p [2]float64) bool { return p[1] <= b.y1 }, atY(b.y1)},
	}
	out := pts
	for _, e := range edges {
		if len(out) == 0 {
			return nil
		}
		in := out
		out = make([][2]float64, 0, len(in)+4)
		prev := in[len(in)-1]
		for _, p := range in {
			switch pin, prevIn := e.inside(p), e.inside(prev); {
			case pin && prevIn:
				out = append(out, p)
			case pin:
				out = append(out, e.cross(prev, p), p)
			case prevIn:
				out = append(out, e.cross(prev, p))
			}
			prev = p
		}
	}
	if len(out) < 3 {
		return nil
	}
	return out
}

// clipLine clips an open polyline to a box: the runs of it inside, each
// segment cut where it crosses the box (Liang–Barsky).
func clipLine(pts [][2]float64, b box) [][][2]float64 {
	var out [][][2]float64
	var run [][2]float64
	for i := 1; i < len(pts); i++ {
		p, q, ok := clipSegment(pts[i-1], pts[i], b)
		if !ok {
			if len(run) >= 2 {
				out = append(out, run)
			}
			run = nil
			continue
		}
		if len(run) == 0 || run[len(run)-1] != p {
			if len(run) >= 2 {
				out = append(out, run)
			}
			run = [][2]float64{p}
		}
		run = append(run, q)
		if q != pts[i] { // left the box
			out = append(out, run)
			run = nil
		}
	}
	if len(run) >= 2 {
		out = append(out, run)
	}
	return out
}

func clipSegment(p, q [2]float64, b box) ([2]float64, [2]float64, bool) {
	t0, t1 := 0.0, 1.0
	dx, dy := q[0]-p[0], q[1]-p[1]
	for _, c := range [][2]float64{{-dx, p[0] - b.x0}, {dx, b.x1 - p[0]}, {-dy, p[1] - b.y0}, {dy, b.y1 - p[1]}} {
		pp, qq := c[0], c[1]
		if pp == 0 {
			if qq < 0 {
				return p, q, false
			}
			continue
		}
		r := qq / pp
		if pp < 0 {
			t0 = max(t0, r)
		} else {
			t1 = min(t1, r)
		}
		if t0 > t1 {
			return p, q, false
		}
	}
	a, z := p, q
	if t0 > 0 {
		a = [2]float64{p[0] + t0*dx, p[1] + t0*dy}
	}
	if t1 < 1 {
		z = [2]float64{p[0] + t1*dx, p[1] + t1*dy}
	}
	return a, z, true
}
