package report

import (
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"hash/maphash"
	"io"
	"os"

	"briefing/report/acled"
)

// An ACLED export in events/ may hold 100,000 rows and up to 256 MiB: it
// is read as a stream rather than whole, so that its bytes and all its
// rows are never in memory at once. It is read twice. The first reading,
// by a worker, hashes the file (for the manifest and the fingerprint) and
// checks its encoding, which must be known before any row is used: a
// file with a byte that is not UTF-8 holds no row at all. The second
// reading parses it a row at a time while the loader converts the rows
// (a worker parses the next rows meanwhile); it also checks that the file
// is still what the first reading hashed.

// exportItem is what an export gives, in the order of the file.
type exportItem struct {
	kind    exportItemKind
	row     acled.Row     // exportRow
	problem acled.Problem // exportProblem
	columns []string      // exportColumns: before any row
	text    string        // exportBroken: why the rows read cannot be used
	panic   any           // exportPanic: a bug while reading, raised in the loader
}

type exportItemKind int

const (
	exportColumns exportItemKind = iota
	exportRow
	exportProblem
	exportBroken
	exportPanic
)

// exportStream is an export whose encoding and hash are known, read
// again as the loader takes its items.
type exportStream struct {
	f    *os.File
	size int64
	// seed and sum are the maphash of the first reading, to find the
	// file changed since.
	seed  maphash.Seed
	sum   uint64
	check acled.Check
	// produce reads the file and calls emit with each item until emit
	// returns false (the item is valid during the call only); it closes
	// the file.
	produce func(emit func(*exportItem) bool)
	// batches, when a worker reads ahead of the loader, carries the
	// items to it; free returns the batches taken, and stop is closed
	// once the loader takes no more.
	batches chan []exportItem
	free    chan []exportItem
	stop    chan struct{}
}

// exportBatch is the number of items a worker hands over at once.
const exportBatch = 256

// openExport reads an export a first time (see above).
func (r *decodedFile) openExport(root *dataRoot, dir string) {
	limit, what, split := fileLimit(r.rel)
	f, size, p := root.openFile(r.rel, limit, what, split)
	if p != nil {
		reportRead(dir, r.rel, true, p, &r.diags)
		return
	}
	s := &exportStream{f: f, size: size, seed: maphash.MakeSeed()}
	h := sha256.New()
	var m maphash.Hash
	m.SetSeed(s.seed)
	n, err := io.CopyBuffer(io.MultiWriter(h, &m, &s.check), io.LimitReader(f, limit+1), make([]byte, min(size+1, 256<<10)))
	switch {
	case err != nil:
		p = &fileProblem{msg: fmt.Sprintf("cannot be read: %v", unwrapPathError(err))}
	case n > limit:
		p = tooLarge(n, limit, what, split)
	}
	if p != nil {
		f.Close()
		reportRead(dir, r.rel, true, p, &r.diags)
		return
	}
	s.size, s.sum = n, m.Sum64()
	s.produce = func(emit func(*exportItem) bool) { s.read(emit) }
	r.file = File{Path: r.rel, SHA256: hex.EncodeToString(h.Sum(nil))}
	r.read, r.ok, r.export = true, true, s
}

// read is the second reading (see produce).
func (s *exportStream) read(emit func(*exportItem) bool) {
	defer s.f.Close()
	var it exportItem
	if p := s.check.Problem(); p != nil {
		it.kind, it.problem = exportProblem, *p
		emit(&it) // as ReadExport: the file holds no row
		return
	}
	if _, err := s.f.Seek(0, io.SeekStart); err != nil {
		it.kind, it.text = exportBroken, fmt.Sprintf("cannot be read: %v", unwrapPathError(err))
		emit(&it)
		return
	}
	in := &hashReader{r: io.LimitReader(s.f, s.size+1)}
	in.h.SetSeed(s.seed)
	if s.check.JSON() {
		// The JSON of an API call, saved as .csv: rare and read whole,
		// as an import reads it.
		src, err := io.ReadAll(in)
		if !s.same(in, err, emit) {
			return
		}
		ext, problems := acled.ReadExport(src)
		exportItems(ext, problems, emit)
		return
	}
	cr := acled.NewCSVReader(in)
	for first := true; ; first = false {
		row, ok := cr.Next()
		if first {
			it = exportItem{kind: exportColumns, columns: cr.Columns()}
			if !emit(&it) {
				return
			}
		}
		for _, p := range cr.Problems() {
			it = exportItem{kind: exportProblem, problem: p}
			if !emit(&it) {
				return
			}
		}
		if !ok {
			break
		}
		it = exportItem{kind: exportRow, row: row}
		if !emit(&it) {
			return
		}
	}
	// The reader stops at the end of the file, or at an error it cannot
	// read past.
	s.same(in, in.err, emit)
}

// same reports whether the second reading, ended with err, read the file
// the first one hashed; if not, it emits why not.
func (s *exportStream) same(in *hashReader, err error, emit func(*exportItem) bool) bool {
	it := exportItem{kind: exportBroken}
	switch {
	case err != nil:
		it.text = fmt.Sprintf("cannot be read: %v", unwrapPathError(err))
	case in.n != s.size || in.h.Sum64() != s.sum:
		it.text = "changed while it was being read: run again"
	default:
		return true
	}
	emit(&it)
	return false
}

// hashReader hashes what is read through it.
type hashReader struct {
	r   io.Reader
	h   maphash.Hash
	n   int64
	err error // the first error other than io.EOF
}

func (h *hashReader) Read(p []byte) (int, error) {
	n, err := h.r.Read(p)
	h.h.Write(p[:n])
	h.n += int64(n)
	if err != nil && !errors.Is(err, io.EOF) && h.err == nil {
		h.err = err
	}
	return n, err
}

// exportItems emits what ReadExport read of a whole file: its columns,
// then its rows and problems, which both come in the order of the file,
// merged so that the problems listed are the first ones.
func exportItems(ext acled.Export, problems []acled.Problem, emit func(*exportItem) bool) {
	it := exportItem{kind: exportColumns, columns: ext.Columns}
	if !emit(&it) {
		return
	}
	rows := ext.Rows
	for len(problems) > 0 || len(rows) > 0 {
		if len(rows) == 0 || (len(problems) > 0 && problems[0].Line <= rows[0].Line) {
			it = exportItem{kind: exportProblem, problem: problems[0]}
			problems = problems[1:]
		} else {
			it = exportItem{kind: exportRow, row: rows[0]}
			rows = rows[1:]
		}
		if !emit(&it) {
			return
		}
	}
}

// readAhead makes the stream's items come through batches, read by pump
// in a worker while the loader takes those before.
func (s *exportStream) readAhead() {
	s.batches = make(chan []exportItem, 2)
	s.free = make(chan []exportItem, 4)
	s.stop = make(chan struct{})
}

// pump reads the export into batches, until the loader stops taking them.
func (s *exportStream) pump() {
	defer close(s.batches)
	batch := s.batch()
	send := func() bool {
		select {
		case s.batches <- batch:
			batch = s.batch()
			return true
		case <-s.stop:
			return false
		}
	}
	defer func() {
		if p := recover(); p != nil {
			batch = append(batch[:0], exportItem{kind: exportPanic, panic: fmt.Errorf("%v (reading an ACLED export)", p)})
			send()
		}
	}()
	s.produce(func(it *exportItem) bool {
		batch = append(batch, *it)
		return len(batch) < exportBatch || send()
	})
	if len(batch) > 0 {
		send()
	}
}

// batch returns an empty batch, one the loader is done with if any.
func (s *exportStream) batch() []exportItem {
	select {
	case b := <-s.free:
		return b[:0]
	default:
		// A row is at least a line: a small file needs a small batch.
		return make([]exportItem, 0, min(exportBatch, s.check.Lines()+2))
	}
}

// each calls take with each item of the export, in the order of the file,
// until take returns false.
func (s *exportStream) each(take func(*exportItem) bool) {
	if s.batches == nil {
		s.produce(take)
		return
	}
	defer close(s.stop)
	for batch := range s.batches {
		for i := range batch {
			if batch[i].kind == exportPanic {
				panic(batch[i].panic)
			}
			if !take(&batch[i]) {
				return
			}
		}
		select {
		case s.free <- batch:
		default:
		}
	}
}
