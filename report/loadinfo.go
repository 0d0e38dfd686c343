package report

import (
	"fmt"

	"go.yaml.in/yaml/v3"
)

// InfoFile is the file, in the data folder, that declares the dataset's
// name, language and coverage.
const InfoFile = "dataset.yaml"

// loadInfo reads dataset.yaml when the data folder has one. Its absence is
// not an error: settleCoverage then derives the coverage from the events
// and warns.
func (ld *loader) loadInfo() {
	info := &ld.ds.Info
	info.Pos = Position{File: ld.display(InfoFile)}
	src, exists, ok := ld.read(InfoFile, false, false)
	if !ok {
		// A dataset.yaml that cannot be read is an error already: no
		// warning about the coverage it may well declare.
		ld.infoBroken = exists
		return
	}
	d := newFileDecoder(ld.display(InfoFile), src, &ld.diags)
	n := d.root("dataset")
	if n == nil {
		ld.infoBroken = true
		return
	}
	info.Pos = d.pos(n)
	// The name may be given by language (see Text), whose plain form is in
	// the dataset's language: decoded once the language is known.
	var nameKey string
	var name *yaml.Node
	got := d.fields(n, "dataset",
		req("name", func(key string, v *yaml.Node) { nameKey, name = key, v }),
		req("language", d.str(&info.Language, MaxNameLen)),
		opt("coverage", func(_ string, v *yaml.Node) {
			d.items(v, "coverage", MaxCoverage, func(item *yaml.Node) { ld.coverageEntry(d, item) })
			info.Declared = true
		}),
	)
	if v := got["language"]; v != nil && info.Language != "" && !languageCode.MatchString(info.Language) {
		d.errorf(v, "language %s must be an ISO 639-1 code in lower case, such as en or fr", quoteShort(info.Language))
	}
	if name != nil {
		d.lang = info.Language
		d.multiTextValue(&info.Name, MaxNameLen, "shorten it", nameKey, name)
	}
	if v := got["coverage"]; v != nil && info.Declared && len(info.Coverage) == 0 && v.Kind == yaml.SequenceNode {
		d.errorf(v, "coverage is empty: list the periods collected, e.g. - {from: 2025-06-01, to: 2025-09-09}, or remove the key")
	}
}

func (ld *loader) coverageEntry(d *fileDecoder, n *yaml.Node) {
	c := CoverageEntry{Pos: d.pos(n)}
	got := d.fields(n, "coverage entry",
		req("from", d.date(&c.From)),
		req("to", d.date(&c.To)),
		opt("countries", d.list(&c.Countries, MaxCountries, MaxNameLen, func(code string, at Position) {
			if !isCountryCode(code) {
				d.diags.Errorf(at, "country %s is not an ISO 3166-1 alpha-2 code (capitals, e.g. ML)", quoteShort(code))
			}
		})),
	)
	if got == nil {
		return
	}
	if !c.From.IsZero() && !c.To.IsZero() && c.From.After(c.To) {
		d.errorf(got["from"], "coverage from %s is after to %s", c.From, c.To)
		return
	}
	ld.ds.Info.Coverage = append(ld.ds.Info.Coverage, c)
}

// settleCoverage gives a dataset that declares no coverage the span of its
// events, and says once how to declare it.
func (ld *loader) settleCoverage() {
	info := &ld.ds.Info
	if info.Declared {
		return
	}
	info.Coverage = implicitCoverage(ld.ds.Events)
	if ld.infoBroken {
		return
	}
	what := "the dataset holds no event, so no day counts as collected"
	if len(info.Coverage) > 0 {
		p := info.Coverage[0].Period
		what = fmt.Sprintf("the dataset counts as collected from its earliest event (%s) to its latest (%s), for every country", p.From, p.To)
	}
	ld.diags.Warnf(info.Pos, "no coverage declared: %s; declare the periods it was collected over in %s, "+
		"e.g. dataset: {name: …, language: en, coverage: [{from: 2025-06-01, to: 2025-09-09, countries: [ML]}]}",
		what, InfoFile)
}
