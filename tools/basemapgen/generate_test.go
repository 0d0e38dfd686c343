package main

import (
	"bytes"
	"os"
	"path/filepath"
	"testing"
)

// TestGenerateIsReproducible regenerates the data and compares it with
// the committed file: the generator must give the same bytes every time,
// and the committed file must be what it gives.
func TestGenerateIsReproducible(t *testing.T) {
	data, _, err := generate("capitals.csv")
	if err != nil {
		t.Fatal(err)
	}
	again, _, err := generate("capitals.csv")
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, again) {
		t.Fatal("two runs give different bytes")
	}
	committed, err := os.ReadFile(filepath.Join("..", "..", "assets", "basemap", "world.bin"))
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Equal(data, committed) {
		t.Errorf("assets/basemap/world.bin (%d bytes) is not what the generator writes (%d bytes): run make basemap", len(committed), len(data))
	}
}
