package report

import (
	"cmp"
	"math/rand/v2"
	"slices"
	"testing"

	"briefing/report/acled"
)

// TestNearestPlace: the tree finds the place a search through every
// place of the name finds — the nearest, and of several as near the one
// defined first — whatever their layout: scattered, on a grid with many
// at the same distance, all at one point, all on one parallel.
func TestNearestPlace(t *testing.T) {
	rnd := rand.New(rand.NewPCG(1, 2))
	layouts := map[string]func(i int) (float64, float64){
		"scattered": func(int) (float64, float64) { return rnd.Float64()*20 - 10, rnd.Float64()*20 - 10 },
		"grid":      func(i int) (float64, float64) { return float64(i % 7), float64(i / 7 % 5) },
		"one point": func(int) (float64, float64) { return 14.5, -11.4 },
		"parallel":  func(i int) (float64, float64) { return 12, float64(i % 13) },
		"far":       func(i int) (float64, float64) { return 1e300 * float64(i%3), -1e300 },
	}
	for name, at := range layouts {
		t.Run(name, func(t *testing.T) {
			for _, n := range []int{1, manyPlaces, manyPlaces + 1, 100, 1000} {
				places := make([]Place, n+5)
				found := make([]int, 0, n)
				for i := range places {
					places[i].Lat, places[i].Lon = at(i)
					if i >= 5 { // the first places are of other names
						found = append(found, i)
					}
				}
				trees := map[placeKey]*placeTree{}
				for q := range 200 {
					row := &acled.Row{Latitude: float64(q%9) - 1, Longitude: float64(q/9%7) - 2}
					if q%3 == 0 {
						row.Latitude, row.Longitude = at(q)
					}
					want := slices.MinFunc(found, func(a, b int) int {
						return cmp.Compare(distance2(&places[a], row), distance2(&places[b], row))
					})
					if got, _ := nearestPlace(places, found, row, placeKey{}, trees); got != want {
						t.Fatalf("%d places, query %d (%v, %v): place %d, want %d", n, q, row.Latitude, row.Longitude, got, want)
					}
				}
			}
		})
	}
}
