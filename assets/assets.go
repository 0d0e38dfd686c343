// Package assets holds the defaults compiled into briefing: the
// institute's brand file. It imports nothing of the project, so every
// package may use it.
package assets

import _ "embed"

// BrandYAML is the default brand; a data folder's brand.yaml overrides it
// key by key.
//
//go:embed brand.yaml
var BrandYAML []byte

// BrandPath is how diagnostics name the built-in brand file.
const BrandPath = "assets/brand.yaml"
