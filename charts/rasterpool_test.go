package charts_test

import (
	"bytes"
	"testing"

	"briefing/charts"
)

// TestRasterPool draws every chart with rasters lent from one chart to
// the next, the largest first so that each smaller one reuses its pixels,
// and finds each PNG byte for byte as drawn on a fresh raster: nothing of
// an earlier chart shows through.
func TestRasterPool(t *testing.T) {
	sel, th := load(t, "../data", "2025-09-kayes")
	png := func(th charts.Theme, name string) []byte {
		ch, err := charts.Build(name, sel, th)
		if err != nil {
			t.Fatal(err)
		}
		var b bytes.Buffer
		if err := ch.WritePNG(&b, charts.PNGDPI); err != nil {
			t.Fatal(err)
		}
		return b.Bytes()
	}
	pooled := th
	pooled.Rasters = charts.NewRasterPool(2)
	names := []string{"frequency", "map", "corridors", "targets", "frequency"}
	for _, name := range names {
		if !bytes.Equal(png(pooled, name), png(th, name)) {
			t.Errorf("%s drawn on a lent raster differs from %s drawn on a fresh one", name, name)
		}
	}
}
