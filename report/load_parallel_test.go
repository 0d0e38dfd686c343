package report_test

import (
	"fmt"
	"os"
	"path/filepath"
	"reflect"
	"runtime"
	"strings"
	"testing"

	"briefing/internal/fixture"
	"briefing/internal/synth"
	"briefing/report"
)

// TestLoadParallel: decoding the files of events/ at the same time gives
// exactly what decoding them one after the other gives — the dataset and
// every diagnostic, in order — over the sample, the hostile-input
// corpora of report and of the command, the ACLED fixtures and synthetic
// folders whose files define the same ids, and past the limit on events.
func TestLoadParallel(t *testing.T) {
	wd, err := os.Getwd()
	if err != nil {
		t.Fatal(err)
	}
	type folder struct {
		name  string
		setup func(t *testing.T) // lays out data/ in the current folder
		max   int                // the limit on events; 0: MaxEvents
	}
	overlay := func(base, over string) func(t *testing.T) {
		return func(t *testing.T) { t.Chdir(fixture.Assemble(t, filepath.Join(wd, base), over)) }
	}
	var folders []folder
	folders = append(folders, folder{name: "sample", setup: overlay("../data", "")})
	for _, pattern := range []string{"testdata/bad/*", "testdata/broken/*", "testdata/warnings/*"} {
		dirs, _ := filepath.Glob(pattern)
		for _, dir := range dirs {
			folders = append(folders, folder{name: dir, setup: overlay("testdata/base", filepath.Join(wd, dir))})
		}
	}
	for _, c := range append(generated(), basemapGenerated()...) {
		if c.load != nil || (c.unix && runtime.GOOS == "windows") {
			continue // a load of its own, or needs what the system lacks
		}
		folders = append(folders, folder{name: "generated/" + c.name, setup: func(t *testing.T) {
			overlay("testdata/base", "")(t)
			c.setup(t, "data")
		}})
	}
	cmdCases, _ := filepath.Glob("../cmd/briefing/testdata/corpus/*/data")
	for _, dir := range cmdCases {
		folders = append(folders, folder{name: "cmd/" + filepath.Base(filepath.Dir(dir)), setup: overlay("../data", filepath.Join(wd, dir))})
	}
	exports, _ := filepath.Glob("acled/testdata/*.*")
	for _, export := range exports {
		folders = append(folders, folder{name: "acled/" + filepath.Base(export), setup: func(t *testing.T) {
			sampleWithACLED(t, "")
			src := readFile(t, filepath.Join(wd, export))
			write(t, "data/events/acled.csv", []byte(src))
			write(t, "data/events/again.csv", []byte(src)) // every id defined twice
		}})
	}
	folders = append(folders,
		folder{name: "synthetic-yaml", setup: synthetic(false)},
		folder{name: "synthetic-csv", setup: synthetic(true)},
		folder{name: "synthetic-mixed", setup: syntheticMixed},
		folder{name: "synthetic-broken", setup: syntheticBroken},
		// The limit reached in the third monthly file, then in the export.
		folder{name: "synthetic-limit-yaml", setup: syntheticMixed, max: 700},
		folder{name: "synthetic-limit-csv", setup: syntheticMixed, max: 3500},
	)

	for _, f := range folders {
		t.Run(f.name, func(t *testing.T) {
			f.setup(t)
			load := func(workers int) (*report.Dataset, report.Diagnostics) {
				if f.max > 0 {
					return report.LoadWithMaxEventsWorkers("data", f.max, workers)
				}
				return report.LoadWithWorkers("data", workers)
			}
			wantDS, wantDiags := load(0)
			for _, workers := range []int{1, 2, 4} {
				ds, diags := load(workers)
				if !reflect.DeepEqual(diags, wantDiags) {
					t.Fatalf("%d workers: diagnostics differ:\n%s", workers, firstDifference(diags, wantDiags))
				}
				if !reflect.DeepEqual(ds, wantDS) {
					t.Fatalf("%d workers: the dataset differs", workers)
				}
			}
			if f.name == "synthetic-mixed" {
				// And by default, as many at once as GOMAXPROCS says.
				for _, procs := range []int{1, 4} {
					old := runtime.GOMAXPROCS(procs)
					ds, diags := report.Load("data")
					runtime.GOMAXPROCS(old)
					if !reflect.DeepEqual(diags, wantDiags) || !reflect.DeepEqual(ds, wantDS) {
						t.Fatalf("GOMAXPROCS %d: the load differs:\n%s", procs, firstDifference(diags, wantDiags))
					}
				}
			}
		})
	}
}

// synthetic lays out a synthetic data folder of 3,000 events, as YAML
// or as CSV.
func synthetic(csv bool) func(t *testing.T) {
	return func(t *testing.T) {
		root := t.TempDir()
		write := synth.Write
		if csv {
			write = synth.WriteCSV
		}
		if err := write(filepath.Join(root, "data"), 3000, 1); err != nil {
			t.Fatal(err)
		}
		t.Chdir(root)
	}
}

// syntheticMixed lays out a synthetic folder of 3,000 events in monthly
// YAML files, with what crosses files: an export of 4,000 events whose
// first 3,000 ids are those of the YAML files (another seed, so other
// events), a file that defines places again beside an event of its own,
// and a month twice.
func syntheticMixed(t *testing.T) {
	synthetic(false)(t)
	other := t.TempDir()
	if err := synth.WriteCSV(other, 4000, 2); err != nil {
		t.Fatal(err)
	}
	write(t, "data/events/more.csv", []byte(readFile(t, filepath.Join(other, filepath.FromSlash(synth.CSVFile)))))
	write(t, "data/events/2025-13.yaml", []byte(readFile(t, "data/events/2025-02.yaml")))
	places := strings.TrimPrefix(readFile(t, "data/places.yaml"), "# Synthetic places (approximate positions).\nplaces:\n")
	extra := "places:\n" + places + "events:\n  - {id: extra-1, date: 2025-03-01, event_type: Riots, sub_event_type: Mob violence, actor1: A, place: nowhere, summary: S, sources: [src-000001, missing]}\n"
	write(t, "data/events/2025-00.yaml", []byte(extra))
}

// syntheticBroken lays out a synthetic folder whose long lists go wrong
// after a good start, where a list cut into chunks gets a chunk that does
// not parse: a quote left open, an anchor and its alias, an item
// indented apart, a second document.
func syntheticBroken(t *testing.T) {
	synthetic(false)(t)
	breakAt := func(name, old, new string, nth int) {
		src := readFile(t, name)
		at := 0
		for range nth {
			i := strings.Index(src[at:], old)
			if i < 0 {
				t.Fatalf("%s: no %d-th %q", name, nth, old)
			}
			at += i + len(old)
		}
		write(t, name, []byte(src[:at-len(old)]+new+src[at:]))
	}
	breakAt("data/events/2025-01.yaml", "summary: \"", "summary: \"open", 200)
	breakAt("data/events/2025-02.yaml", "  - id: ", "  - id: &e ", 50)
	breakAt("data/events/2025-02.yaml", "    place: ", "    place: *e\n    more: ", 150)
	breakAt("data/events/2025-03.yaml", "  - id: ", "   - id: ", 180)
	breakAt("data/events/2025-04.yaml", "  - id: ", "---\n  - id: ", 180)
	breakAt("data/sources.yaml", "  - id: ", "  - id: [", 400)
	// Long lists under keys the files should not hold, wrong deep down.
	for _, month := range []string{"05", "06"} {
		other := strings.Replace(readFile(t, "data/events/2025-"+month+".yaml"), "events:", "evnts:", 1)
		write(t, "data/events/2025-"+month+"-typo.yaml", []byte("events: []\n"+other))
	}
	breakAt("data/events/2025-05-typo.yaml", "  - id: ", "  - id: [", 150)
	breakAt("data/events/2025-06-typo.yaml", "summary: \"", "summary: \"\\u202E", 150)
}

// firstDifference describes where two lists of diagnostics first differ.
func firstDifference(got, want report.Diagnostics) string {
	for i := range min(len(got), len(want)) {
		if got[i] != want[i] {
			return fmt.Sprintf("at %d:\n  got  %s\n  want %s", i, got[i], want[i])
		}
	}
	return fmt.Sprintf("%d diagnostics, want %d", len(got), len(want))
}
