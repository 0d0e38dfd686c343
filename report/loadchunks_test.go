package report

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"go.yaml.in/yaml/v3"
)

// chunkSeeds are files to cut: the sample's and the test corpus's, and
// lists written to trip a cut — a quoted text, a flow list or a block
// text running over item lines, anchors, CRLF, a lone CR, U+2028,
// several documents, items at the key's indentation, an item with its
// dash alone on a line, tabs, a key of the list in flow style.
func chunkSeeds(t testing.TB) [][]byte {
	var seeds [][]byte
	for _, pattern := range []string{"../data/*.yaml", "../data/events/*.yaml", "testdata/*/*.yaml", "testdata/*/*/*.yaml", "testdata/*/*/*/*.yaml"} {
		names, _ := filepath.Glob(pattern)
		for _, name := range names {
			b, err := os.ReadFile(name)
			if err != nil {
				t.Fatal(err)
			}
			seeds = append(seeds, b)
		}
	}
	item := func(i int) string {
		return fmt.Sprintf("  - id: e%d\n    date: 2025-07-%02d\n    summary: \"Text %d.\"\n    sources: [a, b]\n", i, 1+i%28, i)
	}
	var list strings.Builder
	list.WriteString("# a comment\nevents:\n")
	for i := range 12 {
		list.WriteString(item(i))
	}
	base := list.String()
	for _, s := range []string{
		base,
		base + "places:\n  - {id: p}\n  - {id: q}\n",
		"places: []\n" + base + "# the end\n",
		strings.Replace(base, "Text 5.\"", "Text 5.\n  - id: x\n    more\"", 1),
		strings.Replace(base, "[a, b]", "[a,\n  - b]", 3),
		strings.Replace(base, "summary: \"Text 4.\"", "summary: |\n      block\n    after: 1", 1),
		strings.Replace(base, "id: e3", "id: &x e3", 1),
		strings.Replace(base, "id: e7", "id: *x", 1),
		strings.ReplaceAll(base, "\n", "\r\n"),
		strings.Replace(base, "\n", "\r", 5),
		strings.Replace(base, "Text 2.", "Text\u2028 2.", 1),
		base + "---\nevents: []\n",
		"%YAML 1.1\n---\n" + base,
		strings.ReplaceAll(base, "\n  - ", "\n- "),
		strings.Replace(base, "  - id: e6", "  -\n    id: e6", 1),
		strings.Replace(base, "    date: 2025-07-09", "\tdate: 2025-07-09", 1),
		strings.Replace(base, "  - id: e8", " - id: e8", 1),
		strings.Replace(base, "  - id: e9", "   - id: e9", 1),
		strings.Replace(base, "events:\n", "events: # the year\n\n  # first\n", 1),
		"events:\n  - a\n  - b\n  -\n  - - c\n    - d\n  - \"e\"\n",
		"\ufeff" + base,
		base + "events:\n  - dup\n",
	} {
		seeds = append(seeds, []byte(s))
	}
	return seeds
}

// describeTree writes a tree as the loader sees it: every node's kind,
// style, tag, value, anchor and position, without YAML's comments.
func describeTree(b *strings.Builder, n *yaml.Node, depth int) {
	if n == nil {
		b.WriteString("nil\n")
		return
	}
	fmt.Fprintf(b, "%*s%d %d %q %q %q %d:%d\n", depth, "", n.Kind, n.Style, n.Tag, n.Value, n.Anchor, n.Line, n.Column)
	for _, c := range n.Content {
		describeTree(b, c, depth+1)
	}
}

// parsed describes what the decoder parses of src: the tree and the
// error, the list cut into chunks put back together, or, as decodeFile
// does when a chunk does not parse as planned, the whole file parsed.
func parsed(src []byte, split chunking) string {
	var diags Diagnostics
	d := newFileDecoder("f.yaml", src, &diags)
	d.split = split
	doc, extra, err := d.parse()
	if d.lazy != nil {
		if items, ok := d.lazy.all(); ok {
			d.lazy.list.Content = items
		} else {
			return parsed(src, chunking{})
		}
	}
	var b strings.Builder
	fmt.Fprintf(&b, "error: %v\n", err)
	describeTree(&b, doc, 0)
	describeTree(&b, extra, 0)
	return b.String()
}

// FuzzChunks: whatever a file holds, parsing it in chunks gives the tree
// (and the error, and the second document) that parsing it whole gives.
func FuzzChunks(f *testing.F) {
	for _, seed := range chunkSeeds(f) {
		f.Add(seed)
	}
	f.Fuzz(func(t *testing.T, src []byte) {
		want := parsed(src, chunking{})
		for _, split := range []chunking{{on: true, ahead: 1, minBytes: 1, maxBytes: 1 << 30}, {on: true, ahead: 4, minBytes: 1, maxBytes: 1 << 30}, {on: true, minBytes: 1, maxBytes: 1}} {
			if got := parsed(src, split); got != want {
				t.Fatalf("cut as %+v:\n%s\nwhole:\n%s", split, got, want)
			}
		}
	})
}

// TestChunksMutated: the seeds, each changed a few hundred ways (bytes
// replaced, removed, lines doubled), cut or whole give the same tree.
func TestChunksMutated(t *testing.T) {
	rnd := rand.New(rand.NewPCG(3, 4))
	alphabet := []byte("-: \n\"'[]{}#&*|>\t\r!%,")
	cut := 0
	for _, seed := range chunkSeeds(t) {
		for range 200 {
			src := append([]byte(nil), seed...)
			for range 1 + rnd.IntN(3) {
				if len(src) == 0 {
					break
				}
				at := rnd.IntN(len(src))
				switch rnd.IntN(3) {
				case 0:
					src[at] = alphabet[rnd.IntN(len(alphabet))]
				case 1:
					src = append(src[:at], src[at+1:]...)
				default:
					line := src[at:]
					if i := strings.IndexByte(string(line), '\n'); i >= 0 {
						line = line[:i+1]
					}
					src = append(src[:at], append(append([]byte(nil), line...), src[at:]...)...)
				}
			}
			want := parsed(src, chunking{})
			split := chunking{on: true, ahead: rnd.IntN(4), minBytes: 1, maxBytes: 1 + rnd.IntN(2)*rnd.IntN(len(src)+1)}
			if got := parsed(src, split); got != want {
				t.Fatalf("%q cut as %+v:\n%s\nwhole:\n%s", src, split, got, want)
			}
			if plan, ok := planChunks(src, split); ok {
				if _, _, lazy, ok := parseSkeleton(src, plan, split.ahead); ok {
					if _, ok := lazy.all(); ok {
						cut++
					}
				}
			}
		}
	}
	if cut < 1000 {
		t.Errorf("only %d files were cut: the test tests little", cut)
	}
	t.Logf("%d files cut", cut)
}

// TestFieldTables: the constants that index the tables of fields of
// events and sources name the fields they index.
func TestFieldTables(t *testing.T) {
	for _, tt := range []struct {
		table []field
		index map[string]int
	}{
		{eventFields[:], map[string]int{"id": evID, "date": evDate, "date_end": evDateEnd, "time_precision": evTimePrecision,
			"event_type": evEventType, "sub_event_type": evSubEventType, "actor1": evActor1, "assoc_actor_1": evAssocActor1,
			"actor2": evActor2, "place": evPlace, "corridors": evCorridors, "targets": evTargets, "fatalities": evFatalities,
			"kidnapped": evKidnapped, "vehicles_destroyed": evVehiclesDestroyed, "geo_precision": evGeoPrecision,
			"claimed_by": evClaimedBy, "summary": evSummary, "sources": evSources}},
		{sourceFields[:], map[string]int{"id": srcID, "publisher": srcPublisher, "title": srcTitle, "date": srcDate,
			"url": srcURL, "language": srcLanguage, "kind": srcKind, "accessed": srcAccessed, "title_translation": srcTitleTranslation}},
	} {
		if len(tt.table) != len(tt.index) || len(tt.table) > maxFields {
			t.Errorf("%d fields, %d constants (at most %d fields)", len(tt.table), len(tt.index), maxFields)
		}
		for name, i := range tt.index {
			if got := fieldIndex(tt.table, name, 0); got != i {
				t.Errorf("%s is field %d, its constant %d", name, got, i)
			}
		}
	}
}
