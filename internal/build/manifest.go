package build

import (
	"bytes"
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"errors"
	"io/fs"
	"os"
	"path/filepath"
	"slices"

	"briefing/assets"
	"briefing/report"
)

// ManifestName is the file, in each letter's output folder, that records
// what the letter was built from and what it produced.
const ManifestName = "manifest.json"

// Manifest records a letter's inputs and outputs with their SHA-256, so that
// a rebuild can tell whether anything changed and a partner can check a file
// received (sha256sum). Its fields are in alphabetical order: the JSON keys
// come out sorted, and the file is the same bytes for the same build.
type Manifest struct {
	// Fingerprint is the dataset fingerprint the letter and annex print.
	Fingerprint string   `json:"fingerprint"`
	Generator   string   `json:"generator"`
	Inputs      []Input  `json:"inputs"`
	Letter      string   `json:"letter"`
	Outputs     []Output `json:"outputs"`
	// SourceDateEpoch is the SOURCE_DATE_EPOCH the files' metadata carry,
	// in seconds, when one was set: building with another date gives other
	// bytes, so it is an input like the data.
	SourceDateEpoch string `json:"source_date_epoch,omitempty"`
}

// Input is a file a letter is built from.
type Input struct {
	Path   string `json:"path"` // relative to the data folder; the built-in brand is "builtin:assets/brand.yaml"
	SHA256 string `json:"sha256"`
}

// Output is a file a build wrote.
type Output struct {
	Path   string `json:"path"` // relative to the letter's output folder
	SHA256 string `json:"sha256"`
	Size   int    `json:"size"`
}

// BuiltinBrand names the built-in brand among a letter's inputs.
const BuiltinBrand = "builtin:" + assets.BrandPath

// Inputs lists what a letter is built from: the shared data files, the
// letter's own file, the built-in brand and the logo, if the brand has one.
// Other letters are not inputs: editing one never rebuilds another.
func Inputs(ds *report.Dataset, l *report.Letter) ([]Input, error) {
	var in []Input
	for _, f := range ds.Files {
		if !f.Letter || f.Path == "letters/"+l.ID+".yaml" {
			in = append(in, Input{Path: f.Path, SHA256: f.SHA256})
		}
	}
	in = append(in, Input{Path: BuiltinBrand, SHA256: hash(assets.BrandYAML)})
	if ds.Brand.Logo != "" {
		logo, err := os.ReadFile(ds.Brand.Logo)
		if err != nil {
			return nil, err
		}
		rel, err := filepath.Rel(ds.Dir, ds.Brand.Logo)
		if err != nil {
			rel = ds.Brand.Logo
		}
		in = append(in, Input{Path: filepath.ToSlash(rel), SHA256: hash(logo)})
	}
	slices.SortFunc(in, func(a, b Input) int { return cmp.Compare(a.Path, b.Path) })
	return in, nil
}

func hash(b []byte) string {
	sum := sha256.Sum256(b)
	return hex.EncodeToString(sum[:])
}

// manifestFile makes the manifest of a letter's outputs, as the last of its
// files.
func manifestFile(m Manifest, files []File) (File, error) {
	m.Outputs = nil
	for _, f := range files {
		m.Outputs = append(m.Outputs, Output{Path: f.Path, SHA256: hash(f.Data), Size: len(f.Data)})
	}
	slices.SortFunc(m.Outputs, func(a, b Output) int { return cmp.Compare(a.Path, b.Path) })
	data, err := json.MarshalIndent(m, "", "  ")
	if err != nil {
		return File{}, err
	}
	return File{Path: ManifestName, Data: append(data, '\n')}, nil
}

// UpToDate reports whether dir holds the outputs of a build from exactly
// these inputs by this generator: its manifest says so, it lists the files
// this generator writes, and every one is on disk with the hash it records.
func UpToDate(dir string, want Manifest) bool {
	data, err := os.ReadFile(filepath.Join(dir, ManifestName))
	if err != nil {
		return false
	}
	var have Manifest
	if err := json.Unmarshal(data, &have); err != nil {
		return false
	}
	if have.Letter != want.Letter || have.Generator != want.Generator || have.Fingerprint != want.Fingerprint ||
		have.SourceDateEpoch != want.SourceDateEpoch ||
		!slices.Equal(have.Inputs, want.Inputs) || len(have.Outputs) != len(want.Outputs) {
		return false
	}
	for i, o := range have.Outputs {
		if o.Path != want.Outputs[i].Path {
			return false
		}
	}
	for _, o := range have.Outputs {
		b, err := os.ReadFile(filepath.Join(dir, filepath.FromSlash(o.Path)))
		if err != nil || len(b) != o.Size || hash(b) != o.SHA256 {
			return false
		}
	}
	return true
}

// Stale lists the files that differ from what is in dir: "missing PATH" or
// "differs PATH", paths as the user sees them. It writes nothing.
func Stale(dir string, files []File) ([]string, error) {
	var out []string
	for _, f := range files {
		p := filepath.Join(dir, filepath.FromSlash(f.Path))
		have, err := os.ReadFile(p)
		switch {
		case errors.Is(err, fs.ErrNotExist):
			out = append(out, "missing "+p)
		case err != nil:
			return nil, err
		case !bytes.Equal(have, f.Data):
			out = append(out, "differs "+p)
		}
	}
	return out, nil
}
