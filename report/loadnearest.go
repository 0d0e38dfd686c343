package report

import (
	"cmp"
	"math"
	"slices"

	"briefing/report/acled"
)

// A row of an ACLED export takes the nearest of the data folder's places
// with its name, admin1 and country. A few places share a name; a data
// folder may have thousands that do, and an export a million rows: past
// manyPlaces, the places of a name are searched through a k-d tree rather
// than one by one, so that matching never costs rows × places.

// manyPlaces is the number of places of one name past which they are
// searched through a tree.
const manyPlaces = 16

// nearestPlace returns the index of the place, among those of found
// (indexes into places, in increasing order), nearest to the row: the
// first of them at the least distance, as a search through them all
// finds it, and the number of places it compared the row with. trees
// keeps the trees of names with many places.
func nearestPlace(places []Place, found []int, row *acled.Row, key placeKey, trees map[placeKey]*placeTree) (int, int) {
	if len(found) <= manyPlaces {
		return slices.MinFunc(found, func(a, b int) int {
			return cmp.Compare(distance2(&places[a], row), distance2(&places[b], row))
		}), len(found)
	}
	t := trees[key]
	if t == nil || len(t.idx) != len(found) {
		t = newPlaceTree(places, found)
		trees[key] = t
	}
	best := nearest{d: math.Inf(1), i: math.MaxInt}
	compared := t.search(places, row, 0, len(t.idx), 0, &best)
	return best.i, compared
}

func distance2(p *Place, row *acled.Row) float64 {
	return math.Pow(p.Lat-row.Latitude, 2) + math.Pow(p.Lon-row.Longitude, 2)
}

// placeTree is a k-d tree of places: idx holds their indexes so that the
// middle of each range splits it, by latitude at even depths and by
// longitude at odd ones.
type placeTree struct{ idx []int }

type nearest struct {
	d float64
	i int
}

func newPlaceTree(places []Place, found []int) *placeTree {
	t := &placeTree{idx: slices.Clone(found)}
	t.build(places, 0, len(t.idx), 0)
	return t
}

func axis(p *Place, depth int) float64 {
	if depth%2 == 0 {
		return p.Lat
	}
	return p.Lon
}

func (t *placeTree) build(places []Place, lo, hi, depth int) {
	if hi-lo < 2 {
		return
	}
	slices.SortFunc(t.idx[lo:hi], func(a, b int) int {
		return cmp.Or(cmp.Compare(axis(&places[a], depth), axis(&places[b], depth)), cmp.Compare(a, b))
	})
	mid := (lo + hi) / 2
	t.build(places, lo, mid, depth+1)
	t.build(places, mid+1, hi, depth+1)
}

// search finds in idx[lo:hi] a place nearer than best, or as near with a
// lower index, and returns the number of places it compared the row with.
func (t *placeTree) search(places []Place, row *acled.Row, lo, hi, depth int, best *nearest) int {
	if lo >= hi {
		return 0
	}
	mid := (lo + hi) / 2
	i := t.idx[mid]
	if d := distance2(&places[i], row); d < best.d || (d == best.d && i < best.i) {
		*best = nearest{d, i}
	}
	q := row.Latitude
	if depth%2 == 1 {
		q = row.Longitude
	}
	diff := q - axis(&places[i], depth)
	nearLo, nearHi, farLo, farHi := lo, mid, mid+1, hi
	if diff >= 0 {
		nearLo, nearHi, farLo, farHi = mid+1, hi, lo, mid
	}
	compared := 1 + t.search(places, row, nearLo, nearHi, depth+1, best)
	// Every place on the far side is at least |diff| away on this axis.
	// The bound is loosened a little, so that no rounding of the
	// distances can skip a place as near as the best.
	if math.Pow(diff, 2) <= best.d*(1+1e-9) {
		compared += t.search(places, row, farLo, farHi, depth+1, best)
	}
	return compared
}
