package report

import (
	"cmp"
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"maps"
	"math"
	"os"
	"path"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"unicode/utf8"

	"briefing/assets"

	"go.yaml.in/yaml/v3"
)

// Dataset is a loaded data folder: every place, corridor, source, event and
// letter, and the brand.
type Dataset struct {
	Dir       string
	Places    []Place
	Corridors []Corridor
	Sources   []Source
	Events    []Event  // sorted by date, then id
	Letters   []Letter // sorted by id
	Brand     Brand
	Info      Info // dataset.yaml: name, language, coverage
	// Basemap holds the outlines of basemap.geojson, which the map draws
	// instead of Natural Earth's of the same country and level; nil
	// without the file.
	Basemap []BasemapFeature
	Files   []File // every data file read, sorted by path

	placeIndex    map[string]int
	corridorIndex map[string]int
	sourceIndex   map[string]int
	// acledRules are the rules of acled-rules.yaml, nil without one.
	acledRules *ACLEDRules
}

// File is one input file of a dataset.
type File struct {
	Path   string // relative to the data folder, slash-separated
	SHA256 string // hex
	Letter bool   // a letter file, rather than shared data
}

// Place returns the place with the given id.
func (ds *Dataset) Place(id string) (*Place, bool) { return lookup(ds.Places, ds.placeIndex, id) }

// Corridor returns the corridor with the given id.
func (ds *Dataset) Corridor(id string) (*Corridor, bool) {
	return lookup(ds.Corridors, ds.corridorIndex, id)
}

// Source returns the source with the given id.
func (ds *Dataset) Source(id string) (*Source, bool) { return lookup(ds.Sources, ds.sourceIndex, id) }

// Letter returns the letter with the given id.
func (ds *Dataset) Letter(id string) (*Letter, bool) {
	i := slices.IndexFunc(ds.Letters, func(l Letter) bool { return l.ID == id })
	if i < 0 {
		return nil, false
	}
	return &ds.Letters[i], true
}

func lookup[T any](items []T, index map[string]int, id string) (*T, bool) {
	i, ok := index[id]
	if !ok {
		return nil, false
	}
	return &items[i], true
}

// Fingerprint identifies the shared data every letter draws on (places,
// corridors, sources, events in YAML and ACLED's CSV, dataset.yaml, the
// ACLED rules, the basemap and the brand override, not the letters): the
// SHA-256 of the lines "HASH  PATH" of those files, sorted by path, which
// is what `sha256sum` prints. A partner can recompute it from the data folder:
//
//	sha256sum $(ls -d acled-rules.yaml basemap.geojson brand.yaml corridors.yaml dataset.yaml events/*.yaml events/*.csv places.yaml sources.yaml 2>/dev/null | LC_ALL=C sort) | sha256sum
func (ds *Dataset) Fingerprint() string {
	h := sha256.New()
	for _, f := range ds.Files {
		if !f.Letter {
			fmt.Fprintf(h, "%s  %s\n", f.SHA256, f.Path)
		}
	}
	return hex.EncodeToString(h.Sum(nil))
}

// reference is a use of an id that must exist, checked once every file is
// read.
type reference struct {
	kind string // "place", "corridor" or "source"
	id   string
	at   Position
	from string // what refers, e.g. `event "kayes-attack"`
}

type loader struct {
	dir   string
	root  *dataRoot // every file is read through it
	ds    *Dataset
	diags Diagnostics
	refs  []reference
	// firstAt remembers where each id was first defined, per kind, to report
	// a duplicate with both positions.
	firstAt map[string]map[string]Position
	// unreadable names the kinds whose file could not be read, so that
	// references to them are not reported once more each.
	unreadable map[string]bool
	// periodAt is where each letter's period is written, for the warning
	// about a period with no events.
	periodAt map[string]Position
	// figureRefs collects the @fig:NAME references of the letter being
	// read, checked once all its sections are.
	figureRefs []figureRef
	// maxEvents is MaxEvents, but for tests, which cannot afford a
	// million events to check what happens past it.
	maxEvents int
	// workers is the most files of events/ decoded at once, chunkBytes
	// the least a chunk of a long list holds; sequential, for tests,
	// decodes one file at a time and whole (see decodeFiles).
	workers, chunkBytes int
	sequential          bool
	// tooManyEvents is set once maxEvents is reached: the events after it
	// are not read.
	tooManyEvents bool
	// suggestBudget bounds the work spent suggesting an id for a dangling
	// reference ("did you mean"): each suggestion compares the id with
	// every defined one, which over a million dangling references to a
	// million sources would never end. It counts character comparisons.
	suggestBudget int
	// infoBroken is set when dataset.yaml exists but cannot be used.
	infoBroken bool
	// byLength holds, per kind, the defined ids by their length, for the
	// suggestions.
	byLength map[string]map[int][]string
	// acled is what the ACLED exports read so far share.
	acled *acledState
	// skip names the events files not to read (see LoadExcept).
	skip []string
	// work counts the lookups and comparisons of the checks that cross
	// files (ids defined twice, references, the places and sources an
	// export matches), for the test that keeps them linear in the data.
	work int
	// eventBytes is the size of the YAML files of events/, mergedBytes
	// that of those merged so far: how many events are still to come.
	eventBytes, mergedBytes int
	// cited holds the sources the rows of ACLED exports cite by the names
	// they give, which are defined when cited and need no reference
	// check: a set rather than a reference per row.
	cited map[string]bool
}

// suggestionWork is the number of character comparisons all "did you
// mean" suggestions of one load may make: under a second. With 5,000
// sources, it suggests an id for the first few hundred dangling
// references, which is more than anyone reads.
const suggestionWork = 200_000_000

type figureRef struct {
	name string
	at   Position
}

// Load reads and validates the data folder dir. It returns the dataset and
// every problem found, sorted; the dataset is usable only when the
// diagnostics hold no error (see [Diagnostics.HasErrors]). File paths in
// diagnostics start with dir as given.
func Load(dir string) (*Dataset, Diagnostics) { return load(dir, MaxEvents, nil) }

// LoadExcept is Load without the files of events/ that skip names
// (relative to dir, slash-separated, e.g. "events/acled.yaml"): briefing
// import reads the data folder as it will be once its output replaces
// them.
func LoadExcept(dir string, skip ...string) (*Dataset, Diagnostics) {
	return load(dir, MaxEvents, skip)
}

func load(dir string, maxEvents int, skip []string) (*Dataset, Diagnostics) {
	return loadWorkers(dir, maxEvents, skip, 0)
}

// loadWorkers is load with at most workers files of events/ decoded at
// once, GOMAXPROCS when 0 (see decodeFiles).
func loadWorkers(dir string, maxEvents int, skip []string, workers int) (*Dataset, Diagnostics) {
	return newLoader(dir, maxEvents, skip, workers).run()
}

func newLoader(dir string, maxEvents int, skip []string, workers int) *loader {
	return &loader{
		skip:          skip,
		maxEvents:     maxEvents,
		workers:       workers,
		chunkBytes:    minChunkBytes,
		dir:           dir,
		ds:            &Dataset{Dir: dir},
		firstAt:       map[string]map[string]Position{},
		periodAt:      map[string]Position{},
		unreadable:    map[string]bool{},
		suggestBudget: suggestionWork,
		cited:         map[string]bool{},
	}
}

// run loads the data folder.
func (ld *loader) run() (*Dataset, Diagnostics) {
	dir := ld.dir
	if info, err := os.Stat(dir); err != nil || !info.IsDir() {
		ld.diags.Errorf(Position{File: dir}, "no data folder here; run from the project root or pass --data DIR")
		return ld.ds, ld.diags
	}
	root, err := openDataRoot(dir)
	if err != nil {
		ld.diags.Errorf(Position{File: dir}, "cannot open the data folder: %v", unwrapPathError(err))
		return ld.ds, ld.diags
	}
	defer root.close()
	ld.root = root
	ld.loadInfo() // first: a plain text is in the dataset's language
	ld.loadBrand()
	events, eventsOK := ld.glob("events", ".yaml", ".csv")
	events = slices.DeleteFunc(events, func(name string) bool { return slices.Contains(ld.skip, name) })
	// sources.yaml and the files of events/ are decoded meanwhile, in
	// the order they are taken below.
	jobs := append([]fileJob{{rel: "sources.yaml", kind: sourcesJob}}, eventJobs(events)...)
	for i := range jobs {
		jobs[i].lang = ld.ds.Info.Language
	}
	for _, job := range jobs[1:] {
		if fi, err := root.root.Stat(job.rel); err == nil && job.kind == eventsJob {
			ld.eventBytes += int(fi.Size())
		}
	}
	next := decodeFiles(root, dir, jobs, ld.workers, ld.chunkBytes, ld.sequential)
	ld.unreadable["place"] = !ld.loadFile("places.yaml", "places", ld.place)
	ld.unreadable["corridor"] = !ld.loadFile("corridors.yaml", "corridors", ld.corridor)
	ld.unreadable["source"] = !ld.mergeSources(next())
	ld.loadRules()
	ld.loadBasemap() // after loadInfo: names by language need the dataset's
	ld.unreadable["event"] = !eventsOK
	for range jobs[1:] {
		if !ld.mergeEvents(next()) {
			ld.unreadable["event"] = true
		}
	}
	letters, ok := ld.glob("letters", ".yaml")
	ld.unreadable["letter"] = !ok
	for _, name := range letters {
		if !ld.loadLetter(name) {
			ld.unreadable["letter"] = true
		}
	}
	ld.index()
	ld.settleCoverage()
	ld.checkReferences()
	ld.checkLetterPeriods()
	slices.SortFunc(ld.ds.Events, func(a, b Event) int {
		return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.ID, b.ID))
	})
	slices.SortFunc(ld.ds.Files, func(a, b File) int { return cmp.Compare(a.Path, b.Path) })
	return ld.ds, ld.diags.Sort()
}

// display is the path of a data file as the user should see it.
func (ld *loader) display(rel string) string { return displayPath(ld.dir, rel) }

func displayPath(dir, rel string) string { return filepath.Join(dir, filepath.FromSlash(rel)) }

// read reads a data file and records its hash. A file that is not there
// is reported only when required; exists says whether it was.
func (ld *loader) read(rel string, letter, required bool) (src []byte, exists, ok bool) {
	src, file, exists, ok := readData(ld.root, ld.dir, rel, letter, required, &ld.diags)
	if ok {
		ld.ds.Files = append(ld.ds.Files, file)
	}
	return src, exists, ok
}

// readData is read for a file decoded apart from the loader (see
// decodeFiles): it reports problems to diags and returns the file's
// record, for the loader to keep.
func readData(root *dataRoot, dir, rel string, letter, required bool, diags *Diagnostics) (src []byte, file File, exists, ok bool) {
	limit, what, split := fileLimit(rel)
	src, p := root.readFile(rel, limit, what, split)
	if p != nil {
		return nil, File{}, reportRead(dir, rel, required, p, diags), false
	}
	sum := sha256.Sum256(src)
	return src, File{Path: rel, SHA256: hex.EncodeToString(sum[:]), Letter: letter}, true, true
}

// fileLimit returns the most bytes a data file may hold, what to call it
// in the message that says it holds more, and how to make it smaller.
func fileLimit(rel string) (limit int64, what, split string) {
	switch {
	case strings.HasPrefix(rel, "events/"):
		return MaxEventsFileBytes, "an events file", "split it into several files in events/, one per month or year"
	case rel == BasemapFile:
		return MaxBasemapBytes, "the basemap", "simplify it, e.g. mapshaper " + BasemapFile + " -simplify 10% keep-shapes -o " + BasemapFile + ", or keep only the countries your letters map"
	}
	return MaxDataFileBytes, "a data file", "split its content, or check that it is the file you meant"
}

// reportRead reports why a data file could not be read (nothing when it
// is not there and not required) and returns whether it exists.
func reportRead(dir, rel string, required bool, p *fileProblem, diags *Diagnostics) (exists bool) {
	if p.notExist {
		if required {
			diags.Errorf(Position{File: displayPath(dir, rel)}, "file not found; every data folder needs %s (see the README, \"The dataset\")", rel)
		}
		return false
	}
	diags.Errorf(Position{File: displayPath(dir, rel)}, "the file %s", p.msg)
	return true
}

// glob lists the files of a sub-folder with one of the extensions,
// sorted, and warns about files that look like data but will be ignored.
// It reports whether the folder could be read. An entry named like a data
// file is listed whatever it is (a folder, a pipe, a link), so that read
// says what is wrong with it rather than passing over it in silence.
func (ld *loader) glob(sub string, exts ...string) ([]string, bool) {
	entries, p := ld.root.readDir(sub)
	if p != nil {
		if p.notExist {
			ld.diags.Errorf(Position{File: ld.display(sub)}, "cannot read the %s folder: it does not exist; create it, even if empty", sub)
		} else {
			ld.diags.Errorf(Position{File: ld.display(sub)}, "the %s folder %s", sub, p.msg)
		}
		return nil, false
	}
	var names []string
	for _, e := range entries {
		at := Position{File: ld.display(sub + "/" + e.Name())}
		switch ext := path.Ext(e.Name()); {
		case strings.HasPrefix(e.Name(), "."):
		case slices.Contains(exts, ext):
			names = append(names, sub+"/"+e.Name())
		case e.IsDir():
		case ext == ".yml":
			ld.diags.Warnf(at, "ignored: data files must end in .yaml, not .yml")
		case slices.Contains(exts, strings.ToLower(ext)):
			ld.diags.Warnf(at, "ignored: rename it to end in %s, in lower case", strings.ToLower(ext))
		case ext == ".json" && slices.Contains(exts, ".csv"):
			ld.diags.Warnf(at, "ignored: events/ reads ACLED exports as CSV; convert the JSON of an API call with briefing import acled -o %s.yaml", strings.TrimSuffix(at.File, ext))
		}
	}
	slices.Sort(names) // the order files are read in decides which of two duplicates is reported
	return names, true
}

// loadFile reads a file whose single top-level key holds a list, and decodes
// each item. It reports whether the file could be read and parsed.
func (ld *loader) loadFile(rel, key string, decode func(*fileDecoder, *yaml.Node)) bool {
	src, _, ok := ld.read(rel, false, true)
	if !ok {
		return false
	}
	d := newFileDecoder(ld.display(rel), src, &ld.diags)
	d.lang = ld.ds.Info.Language
	root := d.root(key)
	// The number of events is bounded across files (see event), not here.
	return d.items(root, key, math.MaxInt, func(n *yaml.Node) { decode(d, n) })
}

// define records an id and reports it if already defined.
func (ld *loader) define(kind, id string, at Position) {
	if id == "" {
		return
	}
	seen := ld.defined(kind)
	ld.work++
	if first, ok := seen[id]; ok {
		ld.diags.Errorf(at, "duplicate %s id %s: already defined at %s", kind, quoteShort(id), first)
		return
	}
	seen[id] = at
}

// reserve makes room for n more ids of a kind, which are on their way:
// a map of 100,000 event ids is otherwise rebuilt a dozen times as it
// grows.
func (ld *loader) reserve(kind string, n int) {
	seen := ld.firstAt[kind]
	if len(seen) >= n {
		return
	}
	grown := make(map[string]Position, len(seen)+n)
	maps.Copy(grown, seen)
	ld.firstAt[kind] = grown
}

// defined returns where each id of a kind is defined.
func (ld *loader) defined(kind string) map[string]Position {
	seen := ld.firstAt[kind]
	if seen == nil {
		seen = map[string]Position{}
		ld.firstAt[kind] = seen
	}
	return seen
}

func (ld *loader) refer(kind, from string) func(string, Position) {
	return func(id string, at Position) {
		ld.refs = append(ld.refs, reference{kind: kind, id: id, at: at, from: from})
	}
}

func (ld *loader) place(d *fileDecoder, n *yaml.Node) {
	if p, ok := decodePlace(d, n); ok {
		ld.addPlace(p)
	}
}

// addPlace defines a place decoded.
func (ld *loader) addPlace(p Place) {
	ld.define("place", p.ID, p.Pos)
	ld.ds.Places = append(ld.ds.Places, p)
}

// decodePlace decodes a place; ok is false when n is not a mapping.
func decodePlace(d *fileDecoder, n *yaml.Node) (p Place, ok bool) {
	p = Place{Pos: d.pos(n)}
	got := d.fields(n, "place",
		req("id", d.id(&p.ID)),
		req("name", d.multiText(&p.Name, MaxNameLen, "shorten it")),
		req("admin1", d.str(&p.Admin1, MaxNameLen)),
		opt("admin2", d.str(&p.Admin2, MaxNameLen)),
		req("country", d.str(&p.Country, MaxNameLen)),
		req("lat", d.float(&p.Lat)),
		req("lon", d.float(&p.Lon)),
	)
	if got == nil {
		return p, false
	}
	if v := got["country"]; p.Country != "" {
		if problem := countryProblem(p.Country); problem != "" {
			d.errorf(v, "%s", problem)
		}
	}
	if v := got["lat"]; v != nil && (p.Lat < -90 || p.Lat > 90) {
		d.errorf(v, "lat %v is out of range: latitude is between -90 and 90 degrees", p.Lat)
	}
	if v := got["lon"]; v != nil && (p.Lon < -180 || p.Lon > 180) {
		d.errorf(v, "lon %v is out of range: longitude is between -180 and 180 degrees", p.Lon)
	}
	return p, true
}

func (ld *loader) corridor(d *fileDecoder, n *yaml.Node) {
	c := Corridor{Pos: d.pos(n)}
	from := func() string { return fmt.Sprintf("corridor %q", c.ID) }
	var via, sources []reference
	collect := func(dst *[]reference, kind string) func(string, Position) {
		return func(id string, at Position) { *dst = append(*dst, reference{kind: kind, id: id, at: at}) }
	}
	got := d.fields(n, "corridor",
		req("id", d.id(&c.ID)),
		req("name", d.multiText(&c.Name, MaxNameLen, "shorten it")),
		req("short", d.multiText(&c.Short, MaxShortLen, "it labels the corridor's bar in the charts; shorten it")),
		req("via", d.list(&c.Via, MaxVia, MaxIDLen, collect(&via, "place"))),
		opt("note", d.multiText(&c.Note, MaxNoteLen, "shorten it")),
		opt("sources", d.list(&c.Sources, MaxCorridorSources, MaxIDLen, collect(&sources, "source"))),
	)
	if got == nil {
		return
	}
	if v := got["via"]; v != nil && v.Kind == yaml.SequenceNode && len(c.Via) < 2 {
		d.errorf(v, "via must list at least two places, in the order the corridor passes them")
	}
	for _, r := range append(via, sources...) {
		r.from = from()
		ld.refs = append(ld.refs, r)
	}
	ld.define("corridor", c.ID, c.Pos)
	ld.ds.Corridors = append(ld.ds.Corridors, c)
}

// addSource defines a source decoded.
func (ld *loader) addSource(s Source) {
	ld.define("source", s.ID, s.Pos)
	ld.ds.Sources = append(ld.ds.Sources, s)
}

// The keys of a source, in the order of sourceFields.
const (
	srcID = iota
	srcPublisher
	srcTitle
	srcDate
	srcURL
	srcLanguage
	srcKind
	srcAccessed
	srcTitleTranslation
)

var sourceFields = [...]field{
	{name: "id", required: true},
	{name: "publisher", required: true},
	{name: "title", required: true},
	{name: "date", required: true},
	{name: "url"},
	{name: "language", required: true},
	{name: "kind", required: true},
	{name: "accessed"},
	{name: "title_translation"},
}

// decodeSource decodes a source; ok is false when n is not a mapping.
func decodeSource(d *fileDecoder, n *yaml.Node) (s Source, ok bool) {
	s = Source{Pos: d.pos(n)}
	var got [len(sourceFields)]*yaml.Node
	ok = d.mapping(n, "source", sourceFields[:], got[:], func(i int, key string, v *yaml.Node) {
		switch i {
		case srcID:
			d.idValue(&s.ID, key, v)
		case srcPublisher:
			d.sharedText(&s.Publisher, MaxNameLen, "shorten it", key, v)
		case srcTitle:
			d.textValue(&s.Title, MaxSourceTitleLen, "shorten it", key, v)
		case srcDate:
			d.partialDateValue(&s.Date, key, v)
		case srcURL:
			// The URL's own limit is checked with its other rules.
			d.textValue(&s.URL, math.MaxInt, "shorten it", key, v)
		case srcLanguage:
			d.sharedText(&s.Language, MaxNameLen, "shorten it", key, v)
		case srcKind:
			d.sharedText(&s.Kind, MaxNameLen, "shorten it", key, v)
		case srcAccessed:
			d.dateValue(&s.Accessed, key, v)
		case srcTitleTranslation:
			if v.Kind != yaml.MappingNode {
				d.errorf(v, "%s gives the title in other languages than the source's, by language: write {en: \"…\"}, not %s", key, describe(v))
				return
			}
			if texts := d.translations(key, v, MaxSourceTitleLen, "shorten it"); len(texts) > 0 {
				s.TitleTranslation = NewText(texts[0].Lang, texts[0].Text, texts...)
			}
		}
	})
	if !ok {
		return s, false
	}
	if v := got[srcURL]; s.URL != "" {
		if problem := checkWebURL("url", s.URL); problem != "" {
			d.errorf(v, "%s", problem)
			s.URL = ""
		}
	}
	if v := got[srcLanguage]; s.Language != "" && !isLanguageCode(s.Language) {
		d.errorf(v, "language %s must be an ISO 639-1 code in lower case, such as en or fr", quoteShort(s.Language))
	}
	if v := got[srcTitleTranslation]; s.Language != "" && s.TitleTranslation.Has(s.Language) {
		d.errorf(v, "title_translation gives a title in %s, the source's own language: the original title is title; remove %s: …", s.Language, s.Language)
	}
	if v := got[srcKind]; s.Kind != "" && !slices.Contains(sourceKinds, s.Kind) {
		d.errorf(v, "kind %s is not one of: %s", quoteShort(s.Kind), strings.Join(sourceKinds, ", "))
	}
	return s, true
}

var languageCode = regexp.MustCompile(`^[a-z]{2,3}$`)

// isLanguageCode is languageCode.MatchString, without the regular
// expression, for every source.
func isLanguageCode(s string) bool {
	if len(s) < 2 || len(s) > 3 {
		return false
	}
	for i := 0; i < len(s); i++ {
		if s[i] < 'a' || s[i] > 'z' {
			return false
		}
	}
	return true
}

// The keys of an event, in the order of eventFields.
const (
	evID = iota
	evDate
	evDateEnd
	evTimePrecision
	evEventType
	evSubEventType
	evActor1
	evAssocActor1
	evActor2
	evPlace
	evCorridors
	evTargets
	evFatalities
	evKidnapped
	evVehiclesDestroyed
	evGeoPrecision
	evClaimedBy
	evSummary
	evSources
)

var eventFields = [...]field{
	{name: "id", required: true},
	{name: "date", required: true},
	{name: "date_end"},
	{name: "time_precision"},
	{name: "event_type", required: true},
	{name: "sub_event_type", required: true},
	{name: "actor1", required: true},
	{name: "assoc_actor_1"},
	{name: "actor2"},
	{name: "place", required: true},
	{name: "corridors"},
	{name: "targets"},
	{name: "fatalities"},
	{name: "kidnapped"},
	{name: "vehicles_destroyed"},
	{name: "geo_precision"},
	{name: "claimed_by"},
	{name: "summary", required: true},
	{name: "sources"},
}

// decodeEvent decodes an event, adding the references it makes to refs,
// their from left for the loader to fill in (see referTo); ok is false
// when n is not a mapping.
func decodeEvent(d *fileDecoder, n *yaml.Node, refs *[]reference) (e Event, ok bool) {
	e = Event{Pos: d.pos(n), TimePrecision: PrecisionDay, GeoPrecision: GeoExact}
	mark := len(*refs)
	collect := func(kind string) func(string, Position) {
		return func(id string, at Position) { *refs = append(*refs, reference{kind: kind, id: id, at: at}) }
	}
	const shorten = "shorten it"
	var got [len(eventFields)]*yaml.Node
	ok = d.mapping(n, "event", eventFields[:], got[:], func(i int, key string, v *yaml.Node) {
		switch i {
		case evID:
			d.idValue(&e.ID, key, v)
		case evDate:
			d.dateValue(&e.Date, key, v)
		case evDateEnd:
			d.dateValue(&e.DateEnd, key, v)
		case evTimePrecision:
			d.integerValue(&e.TimePrecision, key, v)
		case evEventType:
			d.sharedText(&e.EventType, MaxNameLen, shorten, key, v)
		case evSubEventType:
			d.sharedText(&e.SubEventType, MaxNameLen, shorten, key, v)
		case evActor1:
			d.sharedText(&e.Actor1, MaxNameLen, shorten, key, v)
		case evAssocActor1:
			d.sharedText(&e.AssocActor1, MaxNameLen, shorten, key, v)
		case evActor2:
			d.sharedText(&e.Actor2, MaxNameLen, shorten, key, v)
		case evPlace:
			d.sharedText(&e.Place, MaxIDLen, shorten, key, v)
		case evCorridors:
			d.listValue(&e.Corridors, MaxEventCorridors, MaxIDLen, collect("corridor"), key, v)
		case evTargets:
			d.listValue(&e.Targets, MaxEventTargets, MaxNameLen, func(tag string, at Position) {
				if !slices.Contains(targetTags, tag) {
					d.diags.Errorf(at, "target %s is not one of: %s", quoteShort(tag), strings.Join(targetTags, ", "))
				}
			}, key, v)
		case evFatalities:
			d.countValue(&e.Fatalities, key, v)
		case evKidnapped:
			d.countValue(&e.Kidnapped, key, v)
		case evVehiclesDestroyed:
			d.countValue(&e.VehiclesDestroyed, key, v)
		case evGeoPrecision:
			d.integerValue(&e.GeoPrecision, key, v)
		case evClaimedBy:
			d.sharedText(&e.ClaimedBy, MaxNameLen, shorten, key, v)
		case evSummary:
			d.multiTextValue(&e.Summary, MaxSummaryLen, "a summary is printed whole in the chronology and the annex; shorten it, and leave the detail to the sources", key, v)
		case evSources:
			d.listValue(&e.Sources, MaxEventSources, MaxIDLen, collect("source"), key, v)
		}
	})
	if !ok {
		*refs = (*refs)[:mark]
		return e, false
	}
	name := func() string { return fmt.Sprintf("event %q", e.ID) }
	if v := got[evPlace]; e.Place != "" {
		*refs = append(*refs, reference{kind: "place", id: e.Place, at: d.pos(v)})
	}
	if v := got[evDateEnd]; !e.DateEnd.IsZero() && !e.Date.IsZero() && e.DateEnd.Before(e.Date) {
		d.errorf(v, "date_end %s is before date %s", e.DateEnd, e.Date)
	}
	if v := got[evTimePrecision]; v != nil && (e.TimePrecision < PrecisionDay || e.TimePrecision > PrecisionMonth) {
		d.errorf(v, "time_precision must be 1 (day), 2 (week) or 3 (month), not %d", e.TimePrecision)
	}
	if v := got[evGeoPrecision]; v != nil && (e.GeoPrecision < GeoExact || e.GeoPrecision > GeoRegion) {
		d.errorf(v, "geo_precision must be 1 (the place itself), 2 (near it or part of its area) or 3 (only the region is known), not %d", e.GeoPrecision)
	}
	// A figure written but refused (over the limit, not a number) has its
	// own error: the claim is not also said to lack one.
	if v := got[evClaimedBy]; v != nil && e.ClaimedBy != "" &&
		got[evFatalities] == nil && got[evKidnapped] == nil && got[evVehiclesDestroyed] == nil {
		d.diags.Warnf(d.pos(v), "%s: claimed_by says whose claim the figures come from, but the event reports no fatalities, kidnapped or vehicles_destroyed", name())
	}
	checkEventType(d, got[evEventType], got[evSubEventType], &e)
	if len(e.Sources) == 0 && !d.incomplete[n] {
		at := n
		if v := got[evSources]; v != nil {
			at = v
		}
		d.errorf(at, "%s has no sources: list at least one source id under sources", name())
	}
	return e, true
}

// isSubTypeOf reports whether sub is an ACLED sub-type of eventType,
// without the copy SubEventTypes makes.
func isSubTypeOf(eventType, sub string) bool {
	i := EventTypeIndex(eventType)
	return i >= 0 && slices.Contains(eventTypes[i].subTypes, sub)
}

func checkEventType(d *fileDecoder, typeAt, subAt *yaml.Node, e *Event) {
	if e.EventType == "" {
		return
	}
	if EventTypeIndex(e.EventType) < 0 {
		d.errorf(typeAt, "event_type %s is not an ACLED event type: %s", quoteShort(e.EventType), strings.Join(EventTypes(), ", "))
		return
	}
	if e.SubEventType == "" || isSubTypeOf(e.EventType, e.SubEventType) {
		return
	}
	if owner := eventTypeOfSubType(e.SubEventType); owner != "" {
		d.errorf(subAt, "sub_event_type %q belongs to event_type %q, not %q", e.SubEventType, owner, e.EventType)
		return
	}
	d.errorf(subAt, "sub_event_type %s is not an ACLED sub-type of %q: %s", quoteShort(e.SubEventType), e.EventType, strings.Join(SubEventTypes(e.EventType), ", "))
}

// loadLetter reads a letter file; it reports whether the file could be
// read and parsed.
func (ld *loader) loadLetter(rel string) bool {
	id := strings.TrimSuffix(path.Base(rel), ".yaml")
	if n := utf8.RuneCountInString(id); n > MaxLetterIDLen {
		// Checked before reading: the id names the output folder and files.
		ld.diags.Errorf(Position{File: ld.display(rel)}, "the letter id (the file name without .yaml) has %d characters, over the limit of %d: it names the letter's output folder and files; rename the file", n, MaxLetterIDLen)
		return false
	}
	src, _, ok := ld.read(rel, true, true)
	if !ok {
		return false
	}
	d := newFileDecoder(ld.display(rel), src, &ld.diags)
	n := d.root("letter")
	if n == nil {
		return false
	}
	l := Letter{ID: id, Pos: d.pos(n)}
	name := fmt.Sprintf("letter %q", l.ID)
	if !validID(l.ID) {
		d.diags.Errorf(Position{File: d.path}, "the letter id %q (the file name) must be lower-case letters, digits, '.', '_' or '-': rename the file", l.ID)
	}
	got := d.fields(n, "letter",
		req("series", d.text(&l.Series, MaxSeriesLen, "the running header prints it on every page, beside the title; shorten it")),
		req("title", d.text(&l.Title, MaxTitleLen, "the running header prints it on every page; shorten it, and put the rest in the subtitle")),
		opt("subtitle", d.str(&l.Subtitle, MaxSubtitleLen)),
		req("issued", d.date(&l.Issued)),
		req("language", d.str(&l.Language, MaxNameLen)),
		req("period", func(_ string, v *yaml.Node) { ld.period(d, v, &l.Period) }),
		opt("scope", func(_ string, v *yaml.Node) { ld.scope(d, v, &l.Scope, name) }),
		opt("authors", d.list(&l.Authors, MaxAuthors, MaxNameLen, nil)),
		opt("key_points", d.list(&l.KeyPoints, MaxKeyPoints, MaxKeyPointLen, nil)),
		req("sections", func(_ string, v *yaml.Node) {
			d.items(v, "sections", MaxSections, func(s *yaml.Node) { ld.section(d, s, &l, name) })
		}),
		opt("chronology", func(_ string, v *yaml.Node) { d.chronology(v, &l) }),
	)
	refs := ld.figureRefs
	ld.figureRefs = nil
	if got == nil {
		return false
	}
	ld.checkFigureRefs(&l, refs)
	for _, key := range []string{"title", "subtitle", "key_points"} {
		if v := got[key]; v != nil && containsPlaceholder(v) {
			d.diags.Warnf(d.pos(v), "%s still holds %q: write it before sending the letter", key, Placeholder)
		}
	}
	if v := got["language"]; l.Language != "" && !slices.Contains(letterLanguages, l.Language) {
		d.errorf(v, "language %s is not one briefing writes letters in: %s", quoteShort(l.Language), strings.Join(letterLanguages, ", "))
	}
	// Counted as written, so that a point with an error is not also
	// missing from the count.
	if v := got["key_points"]; v != nil && v.Kind == yaml.SequenceNode && (len(v.Content) < 3 || len(v.Content) > 5) && !listTooLong(v, MaxKeyPoints) && !d.incomplete[v] {
		d.diags.Warnf(d.pos(v), "key_points has %d; the key figures page reads best with 3 to 5 points", len(v.Content))
	}
	if v := got["sections"]; v != nil && len(l.Sections) == 0 && v.Kind == yaml.SequenceNode && len(v.Content) == 0 {
		d.errorf(v, "sections is empty: a letter needs at least one section")
	}
	if v := got["period"]; v != nil {
		ld.periodAt[l.ID] = d.pos(v)
	}
	ld.ds.Letters = append(ld.ds.Letters, l)
	return true
}

// chronology decodes a letter's chronology settings: for now, the most
// events its table prints.
func (d *fileDecoder) chronology(n *yaml.Node, l *Letter) {
	limit := -1 // stays so when the value is not a whole number, reported already
	got := d.fields(n, "chronology", req("limit", d.integer(&limit)))
	switch v := got["limit"]; {
	case v == nil || limit < 0:
	case limit < 1 || limit > MaxChronologyLimit:
		d.errorf(v, "chronology limit %d must be from 1 to %d: the letter prints at most that many events, the most significant ones, and the annex lists them all", limit, MaxChronologyLimit)
	default:
		l.ChronologyLimit = limit
	}
}

// checkFigureRefs reports every @fig:NAME that names no chart, or a chart
// that no section of the letter places: it would print a number that leads
// nowhere.
func (ld *loader) checkFigureRefs(l *Letter, refs []figureRef) {
	placed := map[string]bool{}
	for _, s := range l.Sections {
		for _, f := range s.Figures {
			placed[f] = true
		}
	}
	for _, r := range refs {
		switch {
		case !slices.Contains(figureNames, r.name):
			ld.diags.Errorf(r.at, "@fig:%s: %q is not a chart briefing draws: %s", r.name, r.name, strings.Join(figureNames, ", "))
		case !placed[r.name]:
			ld.diags.Errorf(r.at, "@fig:%s refers to a figure no section of letter %q places: add %s to the figures of the section it belongs to", r.name, l.ID, r.name)
		}
	}
}

// containsPlaceholder reports whether a value, or any item of a list,
// holds the scaffold's placeholder.
func containsPlaceholder(n *yaml.Node) bool {
	if strings.Contains(n.Value, Placeholder) {
		return true
	}
	return slices.ContainsFunc(n.Content, containsPlaceholder)
}

func (ld *loader) period(d *fileDecoder, n *yaml.Node, p *Period) {
	got := d.fields(n, "period",
		req("from", d.date(&p.From)),
		req("to", d.date(&p.To)),
	)
	if got != nil && !p.From.IsZero() && !p.To.IsZero() && p.From.After(p.To) {
		d.errorf(got["from"], "period from %s is after to %s", p.From, p.To)
	}
}

func (ld *loader) scope(d *fileDecoder, n *yaml.Node, s *Scope, from string) {
	d.fields(n, "scope",
		opt("countries", d.list(&s.Countries, MaxCountries, MaxNameLen, func(c string, at Position) {
			if !isCountryCode(c) {
				d.diags.Errorf(at, "country %s is not an ISO 3166-1 alpha-2 code (capitals, e.g. ML)", quoteShort(c))
			}
		})),
		opt("admin1", d.list(&s.Admin1, MaxScopeItems, MaxNameLen, ld.refer("admin1", from))),
		opt("corridors", d.list(&s.Corridors, MaxScopeItems, MaxIDLen, ld.refer("corridor", from))),
	)
}

// listTooLong reports whether v is a list over max items, an error
// already: the checks that count its items then say nothing more.
func listTooLong(v *yaml.Node, max int) bool {
	return v != nil && v.Kind == yaml.SequenceNode && len(v.Content) > max
}

func (ld *loader) section(d *fileDecoder, n *yaml.Node, l *Letter, from string) {
	s := Section{Pos: d.pos(n)}
	var text string
	got := d.fields(n, "section",
		req("title", d.str(&s.Title, MaxSectionTitleLen)),
		req("body", d.text(&text, MaxBodyLen, "split the section in two")),
		opt("figures", d.list(&s.Figures, MaxSectionFigures, MaxNameLen, func(f string, at Position) {
			if !slices.Contains(figureNames, f) {
				d.diags.Errorf(at, "figure %s is not a chart briefing draws: %s", quoteShort(f), strings.Join(figureNames, ", "))
			}
		})),
	)
	if got == nil {
		return
	}
	if v := got["body"]; strings.Contains(text, Placeholder) {
		d.diags.Warnf(d.pos(v), "section %q is not written yet: its body still holds %q", s.Title, Placeholder)
	}
	if v := got["body"]; text != "" {
		var problems []markupProblem
		s.Body, problems = ParseBody(text)
		// Every mark of the body, located in the file in one pass in the
		// order of the text.
		type mark struct {
			offset int
			needle string
			found  func(Position)
		}
		var marks []mark
		for _, p := range problems {
			marks = append(marks, mark{p.offset, p.needle, func(at Position) { d.diags.add(p.severity, at, "%s", p.message) }})
		}
		for _, ref := range s.Body.FigureRefs() {
			marks = append(marks, mark{ref.Offset, "@fig:" + ref.Name, func(at Position) {
				ld.figureRefs = append(ld.figureRefs, figureRef{ref.Name, at})
			}})
		}
		for _, ref := range s.Body.notes {
			marks = append(marks, mark{ref.Offset, "[^" + ref.Name + "]", func(at Position) {
				ld.refs = append(ld.refs, reference{kind: "source", id: ref.Name, at: at, from: from})
			}})
		}
		slices.SortStableFunc(marks, func(a, b mark) int { return cmp.Compare(a.offset, b.offset) })
		loc := d.locator(v)
		for _, m := range marks {
			m.found(loc.find(m.offset, m.needle))
		}
	}
	l.Sections = append(l.Sections, s)
}

func (ld *loader) loadBrand() {
	b := &ld.ds.Brand
	d := newFileDecoder(assets.BrandPath, assets.BrandYAML, &ld.diags)
	// The built-in brand is written in English, whatever the dataset's
	// language: its other languages are mappings.
	d.lang = "en"
	ld.brandFields(d, d.root("brand"), b, true)
	if src, _, ok := ld.read("brand.yaml", false, false); ok {
		d := newFileDecoder(ld.display("brand.yaml"), src, &ld.diags)
		d.lang = ld.ds.Info.Language
		ld.brandFields(d, d.root("brand"), b, false)
	}
}

// brandFields decodes a brand file over b: the built-in brand must be
// complete, a data folder's brand.yaml overrides only the keys it holds.
func (ld *loader) brandFields(d *fileDecoder, n *yaml.Node, b *Brand, complete bool) {
	if n == nil {
		return
	}
	f := func(name string, decode func(string, *yaml.Node)) field {
		return field{name: name, required: complete, decode: decode}
	}
	got := d.fields(n, "brand",
		f("name", d.str(&b.Name, MaxNameLen)),
		f("tagline", d.multiText(&b.Tagline, MaxNameLen, "shorten it")),
		f("address", func(key string, v *yaml.Node) {
			b.Address = d.textList(key, v, MaxAddressLines, MaxNameLen)
		}),
		opt("phone", d.str(&b.Phone, MaxNameLen)),
		opt("mobile", d.str(&b.Mobile, MaxNameLen)),
		// The limits of email and website are checked with their other
		// rules.
		f("email", d.str(&b.Email, math.MaxInt)),
		f("website", d.str(&b.Website, math.MaxInt)),
		f("copyright", d.str(&b.Copyright, MaxNameLen)),
		opt("logo", d.str(&b.Logo, MaxNameLen)),
		f("colors", func(_ string, v *yaml.Node) {
			c := &b.Colors
			d.fields(v, "colors",
				f("primary", d.color(&c.Primary)),
				f("accent", d.color(&c.Accent)),
				f("ink", d.color(&c.Ink)),
				f("muted", d.color(&c.Muted)),
				f("light", d.color(&c.Light)),
			)
		}),
		f("event_colors", func(_ string, v *yaml.Node) {
			table := make([]field, NumEventTypes)
			for i := range NumEventTypes {
				table[i] = f(EventTypeKey(i), d.color(&b.EventColors[i]))
			}
			d.fields(v, "event_colors", table...)
		}),
	)
	if got == nil {
		return
	}
	if complete {
		b.Pos = d.pos(n)
	}
	if v := got["website"]; v != nil && b.Website != "" {
		if problem := checkWebURL("website", b.Website); problem != "" {
			d.errorf(v, "%s", problem)
		}
	}
	if v := got["email"]; v != nil && b.Email != "" {
		if problem := checkEmail(b.Email); problem != "" {
			d.errorf(v, "%s", problem)
		}
	}
	if v := got["logo"]; v != nil && b.Logo != "" {
		if problem := checkLogo(ld.root, b.Logo); problem != "" {
			d.errorf(v, "%s", problem)
		}
		b.Logo = filepath.Join(ld.dir, filepath.FromSlash(b.Logo))
	}
}

var hexColor = regexp.MustCompile(`^#[0-9A-Fa-f]{6}$`)

func (d *fileDecoder) color(dst *Color) func(string, *yaml.Node) {
	return func(key string, v *yaml.Node) {
		var s string
		d.str(&s, MaxNameLen)(key, v)
		if s == "" {
			return
		}
		if !hexColor.MatchString(s) {
			hint := ""
			if hexColor.MatchString("#" + s) {
				hint = fmt.Sprintf(": write %s: \"#%s\", with the # and in quotes", key, s)
			}
			d.errorf(v, "%s %s must be a colour written #RRGGBB%s", key, quoteShort(s), hint)
			return
		}
		var rgb [3]uint8
		for i := range rgb {
			fmt.Sscanf(s[1+2*i:3+2*i], "%02x", &rgb[i])
		}
		*dst = Color{rgb[0], rgb[1], rgb[2]}
	}
}

func (ld *loader) index() {
	ds := ld.ds
	ds.placeIndex = indexByID(ds.Places, func(p Place) string { return p.ID })
	ds.corridorIndex = indexByID(ds.Corridors, func(c Corridor) string { return c.ID })
	ds.sourceIndex = indexByID(ds.Sources, func(s Source) string { return s.ID })
	slices.SortFunc(ds.Letters, func(a, b Letter) int { return cmp.Compare(a.ID, b.ID) })
}

// indexByID maps each id to its first position; duplicates were reported
// when defined.
func indexByID[T any](items []T, id func(T) string) map[string]int {
	m := make(map[string]int, len(items))
	for i, it := range items {
		if _, dup := m[id(it)]; !dup {
			m[id(it)] = i
		}
	}
	return m
}

// checkReferences reports every id used but not defined, and every source
// nothing cites.
func (ld *loader) checkReferences() {
	cited := ld.checkDangling()
	if ld.unreadable["event"] || ld.unreadable["letter"] || ld.unreadable["corridor"] {
		return // the sources may be cited where the loader could not read
	}
	for _, s := range ld.ds.Sources {
		if !cited[s.ID] {
			ld.diags.Warnf(s.Pos, "source %q is not cited by any event, corridor or letter", s.ID)
		}
	}
}

// checkDangling reports every id used but not defined, and returns the
// sources cited.
func (ld *loader) checkDangling() map[string]bool {
	ds := ld.ds
	cited := maps.Clone(ld.cited)
	if cited == nil {
		cited = map[string]bool{}
	}
	admin1 := map[string]bool{}
	for _, p := range ds.Places {
		admin1[p.Admin1] = true
	}
	known := map[string]func(string) bool{
		"place":    func(id string) bool { _, ok := ds.placeIndex[id]; return ok },
		"corridor": func(id string) bool { _, ok := ds.corridorIndex[id]; return ok },
		"source":   func(id string) bool { _, ok := ds.sourceIndex[id]; return ok },
		"admin1":   func(name string) bool { return admin1[name] },
	}
	for _, r := range ld.refs {
		if r.kind == "source" {
			cited[r.id] = true
		}
		if known[r.kind](r.id) || ld.unreadable[r.kind] || (r.kind == "admin1" && ld.unreadable["place"]) {
			continue
		}
		if r.kind == "admin1" {
			ld.diags.Errorf(r.at, "%s: no place has admin1 %s", r.from, quoteShort(r.id))
			continue
		}
		ld.diags.Errorf(r.at, "%s refers to unknown %s %s%s", r.from, r.kind, quoteShort(r.id), ld.closest(r.kind, r.id))
	}
	return cited
}

// closest suggests the defined id nearest to a dangling one, while the
// load's budget for suggestions lasts.
func (ld *loader) closest(kind, id string) string {
	const maxDist = 3
	if ld.byLength == nil {
		ld.byLength = map[string]map[int][]string{}
	}
	lengths := ld.byLength[kind]
	if lengths == nil {
		// The ids by length, each list sorted: only ids within maxDist of
		// the dangling one's length can be within maxDist of it.
		lengths = map[int][]string{}
		for other := range ld.firstAt[kind] {
			lengths[len(other)] = append(lengths[len(other)], other)
		}
		for _, ids := range lengths {
			slices.Sort(ids)
		}
		ld.byLength[kind] = lengths
	}
	cost := 0
	for n := len(id) - maxDist; n <= len(id)+maxDist; n++ {
		cost += len(lengths[n]) * (2*maxDist + 1) * len(id)
	}
	best, bestDist := "", maxDist+1
	if cost <= ld.suggestBudget {
		ld.suggestBudget -= cost
		for n := len(id) - maxDist; n <= len(id)+maxDist; n++ {
			for _, other := range lengths[n] {
				if dist := editDistance(id, other, maxDist); dist < bestDist || (dist == bestDist && other < best) {
					best, bestDist = other, dist
				}
			}
		}
	}
	if best == "" {
		return fmt.Sprintf("; define it in %s", map[string]string{"place": "places.yaml", "corridor": "corridors.yaml", "source": "sources.yaml"}[kind])
	}
	return fmt.Sprintf("; did you mean %q?", best)
}

// checkLetterPeriods warns about a letter whose period and scope hold no
// event: it would print empty charts.
func (ld *loader) checkLetterPeriods() {
	if ld.diags.HasErrors() {
		return
	}
	for i := range ld.ds.Letters {
		l := &ld.ds.Letters[i]
		countries := ld.ds.Countries(l.Scope)
		switch {
		case coverageFor(ld.ds.Info.Coverage, countries).LastDay(l.Period).IsZero():
			ld.diags.Warnf(ld.periodAt[l.ID], "letter %q: the dataset covers no day of its period %s for its countries (%s); its charts will say \"not covered\" (declare the coverage in %s)",
				l.ID, l.Period, strings.Join(countries, ", "), InfoFile)
		case !ld.ds.anyEvent(l):
			ld.diags.Warnf(ld.periodAt[l.ID], "letter %q: no event falls within its period %s and scope; its charts will be empty", l.ID, l.Period)
		}
	}
}

// anyEvent reports whether some event falls within the letter's period
// and scope: what Select would find, without copying and sorting the
// events of a letter over a large dataset.
func (ds *Dataset) anyEvent(l *Letter) bool {
	for i := range ds.Events {
		if e := &ds.Events[i]; e.Span().Overlaps(l.Period) && ds.inScope(e, l.Scope) {
			return true
		}
	}
	return false
}
