package report

// ParseBasemapForTest reads the content of a basemap.geojson (diagnostics
// name it "basemap.geojson") for a dataset in language lang, with limits
// on features and positions (0 for MaxBasemapFeatures and
// MaxBasemapPositions), without a data folder: limits too large to reach
// in a test, and the fuzz target, which must be fast.
func ParseBasemapForTest(src []byte, lang string, maxFeatures, maxPositions int) ([]BasemapFeature, Diagnostics) {
	lim := basemapLimits{features: MaxBasemapFeatures, positions: MaxBasemapPositions}
	if maxFeatures > 0 {
		lim.features = maxFeatures
	}
	if maxPositions > 0 {
		lim.positions = maxPositions
	}
	var diags Diagnostics
	features := parseBasemap(BasemapFile, src, lang, lim, &diags)
	return features, diags.Sort()
}
