package report

import (
	"fmt"
	"math"
	"path"
	"runtime"
	"slices"

	"go.yaml.in/yaml/v3"
)

// The files of events/ (and sources.yaml, which grows with them) are
// decoded at the same time, one per CPU, because YAML decoding is most of
// what loading a large dataset costs. Decoding a file touches nothing the
// loader shares: it reads the file, parses it and turns its items into
// places, sources and events, with the diagnostics of each, into a
// decodedFile. What crosses files — ids defined twice, the references
// between kinds, the limit on the number of events, the places and
// sources an ACLED export matches or makes — is settled by the loader
// alone, taking the decoded files in the order a sequential load reads
// them (merge): the dataset and every diagnostic are the same whatever
// the number of CPUs.

// fileJob is a file to decode apart from the loader.
type fileJob struct {
	rel  string
	kind jobKind
	lang string // the dataset's language (see fileDecoder.lang)
}

type jobKind int

const (
	sourcesJob jobKind = iota // sources.yaml
	eventsJob                 // events/*.yaml
	exportJob                 // events/*.csv
)

// decodedFile is what decoding one file gives, for the loader to merge.
type decodedFile struct {
	rel  string
	file File // the file's record, when read
	read bool
	size int // its bytes
	// ok reports whether the file could be read and parsed.
	ok    bool
	diags Diagnostics
	// places and sources are those the file defines, in its order.
	places  []Place
	sources []Source
	// nodes are the items of an events file's list, in its order; events
	// are those that decoded into an event.
	nodes  []eventNode
	events []Event
	// refs are the references the events make, in order; their from is
	// filled in by the loader, and only for those it cannot resolve.
	refs []reference
	// export reads the rows of an ACLED export as the loader takes them.
	export *exportStream
}

// eventNode is one item of an events list: what the loader needs to
// keep it, or to drop it past the limit on events as a sequential load,
// which would not have decoded it, does.
type eventNode struct {
	at Position // where the item starts
	// diags[diagsFrom:diagsTo] are the item's diagnostics, and refs up to
	// refsTo (from the previous item's) its references.
	diagsFrom, diagsTo int
	refsTo             int
	decoded            bool // events holds it
}

// decodeFile decodes one file, its long list in chunks as split says:
// safe to call for several files at once.
func decodeFile(root *dataRoot, dir string, job fileJob, split chunking) *decodedFile {
	r := &decodedFile{rel: job.rel}
	if job.kind == exportJob {
		r.openExport(root, dir)
		return r
	}
	src, file, _, ok := readData(root, dir, job.rel, false, true, &r.diags)
	if !ok {
		return r
	}
	r.file, r.read, r.size = file, true, len(src)
	if !r.decode(dir, job, src, split) {
		// A chunk of a long list did not parse as planned: decoded again,
		// whole, for the messages parsing the whole file gives.
		r = &decodedFile{rel: job.rel, file: file, read: true, size: len(src)}
		r.decode(dir, job, src, chunking{})
	}
	return r
}

// decode decodes a YAML file read; it returns false, unsure, when a chunk
// of a long list did not parse as planned.
func (r *decodedFile) decode(dir string, job fileJob, src []byte, split chunking) bool {
	d := newFileDecoder(displayPath(dir, job.rel), src, &r.diags)
	d.split = split
	d.lang = job.lang
	if job.kind == sourcesJob {
		r.ok = d.items(d.root("sources"), "sources", math.MaxInt, func(n *yaml.Node) { r.source(d, n) })
		return d.finish()
	}
	// Beside its events, a file of events/ may hold the places and
	// sources they introduce (what briefing import acled writes, so that
	// one import is one file).
	roots := d.roots("events", "places", "sources")
	if v := roots["places"]; v != nil {
		d.items(v, "places", math.MaxInt, func(n *yaml.Node) {
			if p, ok := decodePlace(d, n); ok {
				r.places = append(r.places, p)
			}
		})
	}
	if v := roots["sources"]; v != nil {
		d.items(v, "sources", math.MaxInt, func(n *yaml.Node) { r.source(d, n) })
	}
	// The number of events is bounded across files (see mergeEvents), not
	// here.
	if v := roots["events"]; v != nil && v.Kind == yaml.SequenceNode {
		n := len(v.Content)
		if d.lazy != nil && d.lazy.list == v {
			n = d.lazy.count()
		}
		r.nodes = make([]eventNode, 0, n)
		r.events = make([]Event, 0, n)
	}
	r.ok = d.items(roots["events"], "events", math.MaxInt, func(n *yaml.Node) {
		node := eventNode{at: d.pos(n), diagsFrom: len(r.diags)}
		e, ok := decodeEvent(d, n, &r.refs)
		if ok {
			r.events = append(r.events, e)
		}
		node.diagsTo, node.refsTo, node.decoded = len(r.diags), len(r.refs), ok
		r.nodes = append(r.nodes, node)
	})
	return d.finish()
}

func (r *decodedFile) source(d *fileDecoder, n *yaml.Node) {
	if s, ok := decodeSource(d, n); ok {
		r.sources = append(r.sources, s)
	}
}

// mergeSources takes sources.yaml, decoded; it reports whether the file
// could be read and parsed.
func (ld *loader) mergeSources(r *decodedFile) bool {
	if r.read {
		ld.ds.Files = append(ld.ds.Files, r.file)
	}
	ld.diags = append(ld.diags, r.diags...)
	ld.ds.Sources = slices.Grow(ld.ds.Sources, len(r.sources))
	for _, s := range r.sources {
		ld.addSource(s)
	}
	return r.ok
}

// mergeEvents takes a file of events/, decoded, as a sequential load
// would have read it: its places and sources, then its events while the
// data folder holds no more than maxEvents. It reports whether the file
// could be read and parsed.
func (ld *loader) mergeEvents(r *decodedFile) bool {
	if r.export != nil {
		return ld.mergeExport(r)
	}
	if r.read {
		ld.ds.Files = append(ld.ds.Files, r.file)
	}
	for _, p := range r.places {
		ld.addPlace(p)
	}
	for _, s := range r.sources {
		ld.addSource(s)
	}
	if r.size > 0 {
		// As many events in this file and those to come as their bytes
		// say, and a tenth more, but no more than their bytes can hold (an
		// event takes more than minEventBytes): ds.Events is made once, at
		// its size, and the unused room of a fresh allocation costs no
		// memory.
		left := ld.eventBytes - ld.mergedBytes
		ld.growEvents(len(r.events), min(int(1.1*float64(len(r.events))*float64(left)/float64(r.size)), left/minEventBytes))
		ld.mergedBytes += r.size
	}
	kept, events, refsFrom := 0, r.events, 0
	for _, node := range r.nodes {
		// The diagnostics before the item's, of the file or of its places
		// and sources, are kept whatever happens to the item.
		ld.diags = append(ld.diags, r.diags[kept:node.diagsFrom]...)
		kept = node.diagsTo
		refs := r.refs[refsFrom:node.refsTo]
		refsFrom = node.refsTo
		var e *Event
		if node.decoded {
			e, events = &events[0], events[1:]
		}
		switch {
		case ld.tooManyEvents:
			continue // a sequential load does not read it
		case len(ld.ds.Events) == ld.maxEvents:
			ld.tooManyEvents = true
			ld.diags.Errorf(node.at, "the data folder holds more than %s events, the limit; the events from here on are not read: split the dataset into several data folders", thousands(ld.maxEvents))
			continue
		}
		ld.diags = append(ld.diags, r.diags[node.diagsFrom:node.diagsTo]...)
		if e == nil {
			continue
		}
		for _, ref := range refs {
			ld.referTo(ref, e.ID)
		}
		ld.define("event", e.ID, e.Pos)
		ld.ds.Events = append(ld.ds.Events, *e)
	}
	ld.diags = append(ld.diags, r.diags[kept:]...)
	return r.ok
}

// minEventBytes is less than the YAML of any event takes: its id, date,
// types, actor, place, summary and sources.
const minEventBytes = 64

// growEvents makes room in ds.Events for n more events at least, and for
// about expected more when it must grow: 100,000 events are 37 MB, and
// each copy of them into fresh memory costs a fifth of a second here (the
// system maps the pages one by one), so ds.Events is best made once.
func (ld *loader) growEvents(n, expected int) {
	if n <= cap(ld.ds.Events)-len(ld.ds.Events) {
		return
	}
	room := max(n, min(expected, ld.maxEvents-len(ld.ds.Events)), len(ld.ds.Events)/4)
	grown := make([]Event, len(ld.ds.Events), len(ld.ds.Events)+room)
	copy(grown, ld.ds.Events)
	ld.ds.Events = grown
}

// referTo records a reference an event makes. One to an id already
// defined is settled at once (noting the source cited), as checkDangling
// would settle it: most are, since places.yaml and sources.yaml are read
// first, and 100,000 events make hundreds of thousands of references.
func (ld *loader) referTo(r reference, event string) {
	ld.work++
	if _, ok := ld.firstAt[r.kind][r.id]; ok {
		if r.kind == "source" {
			if ld.cited == nil {
				ld.cited = map[string]bool{}
			}
			ld.cited[r.id] = true
		}
		return
	}
	r.from = fmt.Sprintf("event %q", event)
	ld.refs = append(ld.refs, r)
}

// decodeFiles starts decoding the jobs, with at most workers files at a
// time (GOMAXPROCS when workers is 0), and returns a function that
// returns each decoded file in the order of jobs, as the loader merges
// them. With one worker, each file is decoded when asked for. A long list
// of a file is cut into chunks of at least chunkBytes (see
// loadchunks.go), unless sequential: then every file is decoded when
// asked for and whole, as a load that decodes nothing at the same time.
// Every file must be asked for, the last included: the workers stop once
// the last is taken.
func decodeFiles(root *dataRoot, dir string, jobs []fileJob, workers, chunkBytes int, sequential bool) func() *decodedFile {
	if workers <= 0 {
		workers = runtime.GOMAXPROCS(0)
	}
	split := chunking{on: !sequential, ahead: workers - 1, minBytes: chunkBytes, maxBytes: maxChunkBytes}
	next := 0
	if workers == 1 || sequential || len(jobs) < 2 {
		return func() *decodedFile {
			r := decodeFile(root, dir, jobs[next], split)
			next++
			return r
		}
	}
	// At most window files decoded, or being decoded, ahead of the
	// loader: the parsed YAML of a file takes ten times its size.
	window := make(chan struct{}, 2*workers)
	queue := make(chan int)
	results := make([]chan decodeResult, len(jobs))
	for i := range results {
		results[i] = make(chan decodeResult, 1)
	}
	go func() {
		defer close(queue)
		for i := range jobs {
			window <- struct{}{}
			queue <- i
		}
	}()
	for range min(workers, len(jobs)) {
		go func() {
			for i := range queue {
				res := decodeSafely(root, dir, jobs[i], split)
				s := (*exportStream)(nil)
				if res.file != nil {
					s = res.file.export
				}
				if s != nil {
					s.readAhead()
				}
				results[i] <- res
				if s != nil {
					// Parsed here while the loader converts the rows
					// parsed before: the worker is busy until the loader
					// has taken them all.
					s.pump()
				}
			}
		}()
	}
	return func() *decodedFile {
		res := <-results[next]
		next++
		<-window
		if res.panic != nil {
			// A bug: raised again in the loader's goroutine, where the
			// command turns it into an internal error.
			panic(res.panic)
		}
		return res.file
	}
}

type decodeResult struct {
	file  *decodedFile
	panic any
}

// decodeSafely is decodeFile in a worker, where a panic (a bug) would
// end the program: it is handed to the loader instead.
func decodeSafely(root *dataRoot, dir string, job fileJob, split chunking) (res decodeResult) {
	defer func() {
		if p := recover(); p != nil {
			res.panic = fmt.Errorf("%v (decoding %s)", p, job.rel)
		}
	}()
	return decodeResult{file: decodeFile(root, dir, job, split)}
}

// eventJobs lists the jobs of the files of events/: the YAML files first,
// since an export's rows are matched with the places and sources they
// define.
func eventJobs(files []string) []fileJob {
	var jobs []fileJob
	for _, name := range files {
		if path.Ext(name) == ".yaml" {
			jobs = append(jobs, fileJob{rel: name, kind: eventsJob})
		}
	}
	for _, name := range files {
		if path.Ext(name) == ".csv" {
			jobs = append(jobs, fileJob{rel: name, kind: exportJob})
		}
	}
	return jobs
}
