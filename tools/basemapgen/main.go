// Command basemapgen writes assets/basemap/world.bin, the map data that
// briefing embeds (package briefing/charts/basemap), from Natural Earth's
// 10m admin-0 and admin-1 polygons as embedded in github.com/sams96/rgeo
// and from capitals.csv. See README.md.
//
// It is a module of its own so that briefing never links rgeo's 29 MB of
// GeoJSON. Run it with `make basemap`; it writes the same bytes every
// time.
package main

import (
	"flag"
	"fmt"
	"log"
	"os"
	"path/filepath"
)

func main() {
	log.SetFlags(0)
	log.SetPrefix("basemapgen: ")
	out := flag.String("out", "../../assets/basemap", "folder to write world.bin to")
	flag.Parse()
	data, stats, err := generate("capitals.csv")
	if err != nil {
		log.Fatal(err)
	}
	path := filepath.Join(*out, "world.bin")
	tmp := path + ".tmp"
	if err := os.WriteFile(tmp, data, 0o644); err != nil {
		log.Fatal(err)
	}
	if err := os.Rename(tmp, path); err != nil {
		log.Fatal(err)
	}
	fmt.Fprintf(os.Stderr, "%s: %d bytes\n%s", path, len(data), stats)
}
