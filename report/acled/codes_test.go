package acled_test

import (
	"testing"

	"briefing/report/acled"
)

func TestColumns(t *testing.T) {
	if len(acled.Columns) != 31 || acled.Columns[0] != "event_id_cnty" || acled.Columns[30] != "timestamp" {
		t.Errorf("ACLED's columns: %d, %q … %q", len(acled.Columns), acled.Columns[0], acled.Columns[len(acled.Columns)-1])
	}
}

func TestCountry(t *testing.T) {
	tests := []struct {
		alpha2       string
		iso          int
		name, region string
	}{
		{"ML", 466, "Mali", "Western Africa"},
		{"CI", 384, "Ivory Coast", "Western Africa"},
		{"CD", 180, "Democratic Republic of Congo", "Middle Africa"},
		{"FR", 250, "France", ""}, // outside Africa: no region is guessed
	}
	for _, tt := range tests {
		iso, name, region, ok := acled.Country(tt.alpha2)
		if !ok || iso != tt.iso || name != tt.name || region != tt.region {
			t.Errorf("Country(%s) = %d %q %q %v", tt.alpha2, iso, name, region, ok)
		}
		if back, ok := acled.CountryByISO(tt.iso); !ok || back != tt.alpha2 {
			t.Errorf("CountryByISO(%d) = %q %v, want %s", tt.iso, back, ok, tt.alpha2)
		}
	}
	if _, _, _, ok := acled.Country("XX"); ok {
		t.Error("XX is a country")
	}
}

func TestInteraction(t *testing.T) {
	tests := []struct {
		a, b, code int
		text       string
	}{
		{1, 7, 17, "State forces-Civilians"},
		{7, 2, 27, "Rebel group-Civilians"},
		{6, 0, 60, "Protesters only"},
		{8, 8, 88, "External/Other forces-External/Other forces"},
		{0, 0, 0, ""},
	}
	for _, tt := range tests {
		code := acled.InteractionCode(tt.a, tt.b)
		if code != tt.code || acled.Interaction(code) != tt.text || acled.InteractionFromText(tt.text) != tt.code {
			t.Errorf("%d, %d: code %d %q (back %d); want %d %q", tt.a, tt.b, code, acled.Interaction(code), acled.InteractionFromText(tt.text), tt.code, tt.text)
		}
	}
}
