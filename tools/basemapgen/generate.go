package main

import (
	"bytes"

	"briefing/charts/basemap"
)

// generate builds world.bin from the Natural Earth data in rgeo and the
// capitals file, and says what it holds.
func generate(capitalsPath string) ([]byte, string, error) {
	countries, byA3, err := readCountries()
	if err != nil {
		return nil, "", err
	}
	regions, err := readRegions(countries, byA3)
	if err != nil {
		return nil, "", err
	}
	capitals, err := readCapitals(capitalsPath, byA3)
	if err != nil {
		return nil, "", err
	}
	t, stats := buildTopology(countries, regions, capitals)
	var buf bytes.Buffer
	if err := basemap.Encode(&buf, t); err != nil {
		return nil, "", err
	}
	return buf.Bytes(), stats, nil
}
