package acled

import (
	"bufio"
	"bytes"
	"encoding/csv"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"maps"
	"math"
	"slices"
	"strconv"
	"strings"
	"unicode/utf8"
)

// Required are the columns an export must have: those briefing makes an
// event, its place and its sources from. The others are optional: a file
// cut down to fewer columns (an API call with fields=…) still reads.
var Required = []string{
	"event_id_cnty", "event_date", "event_type", "sub_event_type", "actor1",
	"iso", "admin1", "location", "latitude", "longitude", "source", "notes",
	"fatalities",
}

// The columns a reader knows, by their index in [known]: ACLED's then
// briefing's, in the order of Columns and Extension (TestColumnIndex
// keeps the two lists in step).
const (
	cEventIDCnty = iota
	cEventDate
	cYear
	cTimePrecision
	cDisorderType
	cEventType
	cSubEventType
	cActor1
	cAssocActor1
	cInter1
	cActor2
	cAssocActor2
	cInter2
	cInteraction
	cCivilianTargeting
	cISO
	cRegion
	cCountry
	cAdmin1
	cAdmin2
	cAdmin3
	cLocation
	cLatitude
	cLongitude
	cGeoPrecision
	cSource
	cSourceScale
	cNotes
	cFatalities
	cTags
	cTimestamp
	cDateEnd
	cCorridors
	cTargets
	cKidnapped
	cVehiclesDestroyed
	cClaimedBy
	cSourceIDs
	numKnown
)

// known are the names of the columns a reader knows, indexed as above.
var known = slices.Concat(Columns, Extension)

// populationPrefix starts the names of ACLED's optional population
// columns (population_1km, population_best, …), kept as written.
const populationPrefix = "population_"

// values holds one row's values by column index.
type values struct {
	v [numKnown]string
	// population holds the population_* values, by column name.
	population map[string]string
}

// Read reads an ACLED export: a CSV file as ACLED's website or Excel saves
// it, or the JSON an ACLED API call returns, told apart by their first
// character. It returns the rows that hold no problem, in the order of the
// file, and the problems of the others; a problem with the file as a
// whole (at the header's line) leaves no row.
func Read(src []byte) ([]Row, []Problem) {
	e, problems := ReadExport(src)
	return e.Rows, problems
}

// Export is an export read: its rows, and the columns it has.
type Export struct {
	Rows []Row
	// Columns are the columns of Columns and Extension the file has, in
	// that order: a file with briefing's own columns (its ID-events.csv)
	// says which corridors and targets each event has, even none.
	Columns []string
}

// Has reports whether the export has the column.
func (e Export) Has(column string) bool { return slices.Contains(e.Columns, column) }

// ReadExport is Read, with the columns the file has.
func ReadExport(src []byte) (Export, []Problem) {
	var rows []Row
	var has [numKnown]bool
	var problems []Problem
	var c Check
	if c.sniff(src); c.JSON() {
		rows, has, problems = readJSON(src)
	} else {
		rows, has, problems = readCSV(src)
	}
	return Export{Rows: rows, Columns: columnIndex{has: has}.columns()}, problems
}

var bom = []byte("\xef\xbb\xbf")

const utf16Message = "the file is saved as UTF-16; save it as UTF-8 (in Excel: \"CSV UTF-8\")"

// checkEncoding refuses a file that is not UTF-8, naming the line of the
// first byte that is not, since every later message would quote
// garbled text. Excel's plain "CSV" saves in the Windows code page;
// its "CSV UTF-8" saves what briefing reads.
func checkEncoding(src []byte) *Problem {
	var c Check
	c.Write(src)
	return c.Problem()
}

// Check looks at an export as it is read, a chunk at a time, for what
// must be known of the whole file before any row of it is used: whether
// it is UTF-8, as ReadExport requires, and whether it is the JSON of an
// API call rather than CSV. A reader that streams a large file reads it
// once through a Check, then again through a CSVReader. The zero value
// is ready to use.
type Check struct {
	n     int64 // bytes seen
	lines int   // line feeds seen
	head  [2]byte
	// pending holds the start of a character cut by the end of the last
	// chunk, which began on line pendingLine.
	pending     [utf8.UTFMax]byte
	pendingN    int
	pendingLine int
	// bad is the first byte that is not UTF-8.
	bad *Problem
	// The first character after a byte-order mark and white space tells
	// JSON from CSV (see ReadExport): bomN counts the bytes of a mark
	// matched, decided is set once the character is seen.
	bomN    int
	decided bool
	json    bool
}

// Write examines the next chunk of the file. It never fails.
func (c *Check) Write(p []byte) (int, error) {
	for i := 0; i < len(p) && c.n+int64(i) < int64(len(c.head)); i++ {
		c.head[c.n+int64(i)] = p[i]
	}
	c.sniff(p)
	if c.bad == nil {
		c.validate(p)
	}
	c.lines += bytes.Count(p, []byte{'\n'})
	c.n += int64(len(p))
	return len(p), nil
}

// sniff finds the first character after a byte-order mark and white
// space: "{" or "[" starts the JSON of an API call.
func (c *Check) sniff(p []byte) {
	for i := 0; i < len(p) && !c.decided; i++ {
		at, b := c.n+int64(i), p[i]
		switch {
		case c.bomN < len(bom) && at == int64(c.bomN) && b == bom[c.bomN]:
			c.bomN++
		case c.bomN > 0 && c.bomN < len(bom):
			c.decided = true // part of a mark: its first byte is the first character
		case b == ' ' || b == '\t' || b == '\r' || b == '\n':
		default:
			c.decided, c.json = true, b == '{' || b == '['
		}
	}
}

// validate finds the first byte that is not UTF-8, as checkEncoding does
// over the whole file, carrying a character cut by the end of a chunk to
// the next.
func (c *Check) validate(p []byte) {
	off := 0
	if c.pendingN > 0 {
		k := copy(c.pending[c.pendingN:], p)
		buf := c.pending[:c.pendingN+k]
		if !utf8.FullRune(buf) {
			c.pendingN += k
			return
		}
		r, size := utf8.DecodeRune(buf)
		if r == utf8.RuneError && size <= 1 {
			c.fail(c.pendingLine, c.pending[0])
			return
		}
		off, c.pendingN = size-c.pendingN, 0
	}
	rest := p[off:]
	cut := len(rest)
	for i := len(rest) - 1; i >= 0 && i >= len(rest)-utf8.UTFMax+1; i-- {
		if utf8.RuneStart(rest[i]) {
			if !utf8.FullRune(rest[i:]) {
				cut = i
			}
			break
		}
	}
	if !utf8.Valid(rest[:cut]) {
		for i := 0; i < cut; {
			r, size := utf8.DecodeRune(rest[i:cut])
			if r == utf8.RuneError && size <= 1 {
				c.fail(c.lines+1+bytes.Count(p[:off+i], []byte{'\n'}), rest[i])
				return
			}
			i += size
		}
	}
	if cut < len(rest) {
		c.pendingN = copy(c.pending[:], rest[cut:])
		c.pendingLine = c.lines + 1 + bytes.Count(p[:off+cut], []byte{'\n'})
	}
}

func (c *Check) fail(line int, b byte) {
	c.bad = &Problem{Line: line, Message: fmt.Sprintf("invalid UTF-8 (byte 0x%02X): the file is not saved as UTF-8; save it again as UTF-8 (in Excel: \"CSV UTF-8\")", b)}
}

// Problem returns what checkEncoding finds in the whole file, once every
// chunk is written: a file saved as UTF-16, or the first byte that is not
// UTF-8; nil for a file in UTF-8.
func (c *Check) Problem() *Problem {
	if c.n >= 2 && (c.head == [2]byte{0xff, 0xfe} || c.head == [2]byte{0xfe, 0xff}) {
		return &Problem{Line: 1, Message: utf16Message}
	}
	if c.bad == nil && c.pendingN > 0 {
		c.fail(c.pendingLine, c.pending[0]) // cut by the end of the file
	}
	return c.bad
}

// JSON reports whether the file is the JSON of an API call, which
// ReadExport reads whole, rather than CSV.
func (c *Check) JSON() bool { return c.json }

// Lines returns the number of line feeds in the file: no CSV file has
// more rows.
func (c *Check) Lines() int { return c.lines }

// ReadCSV reads an export in CSV: columns found by name in the header
// line, in any order, others ignored; comma- or semicolon-separated (as
// Excel saves CSV where the decimal separator is a comma, in which case a
// decimal comma in the coordinates is read too), with or without Excel's
// "sep=;" first line; a UTF-8 byte-order mark and CRLF line ends allowed;
// quoted values holding separators, quotes and line breaks. Lines that
// hold only separators, which Excel leaves below a table, are skipped.
func ReadCSV(src []byte) ([]Row, []Problem) {
	rows, _, problems := readCSV(src)
	return rows, problems
}

func readCSV(src []byte) ([]Row, [numKnown]bool, []Problem) {
	var none [numKnown]bool
	if p := checkEncoding(src); p != nil {
		return nil, none, []Problem{*p}
	}
	r := NewCSVReader(bytes.NewReader(src))
	// A row is at least a line: room for them all at once spares copying
	// 100,000 rows over and over as the slice grows.
	rows := make([]Row, 0, bytes.Count(src, []byte{'\n'}))
	for {
		row, ok := r.Next()
		if !ok {
			break
		}
		rows = append(rows, row)
	}
	return rows, r.index.has, r.Problems()
}

// CSVReader reads an export in CSV one row at a time, as ReadCSV reads a
// whole file, so that a file of any size is read in memory for one row:
// the data folder's events/*.csv may be exports of 100,000 rows. Its
// input must be UTF-8 (see [Check]): it does not look at the encoding.
type CSVReader struct {
	in    *bufio.Reader
	cr    *csv.Reader
	first int // the line the header is on
	comma rune
	// columns is the number of columns of the header line.
	columns int
	index   columnIndex
	rr      rowReader
	vals    values
	started bool
	done    bool
}

// NewCSVReader returns a reader of the export r.
func NewCSVReader(r io.Reader) *CSVReader {
	return &CSVReader{in: bufio.NewReaderSize(r, 16<<10)}
}

// Next returns the next row that holds no problem, and false once the
// file has no more, or has a problem as a whole (in its header line).
// The problems of the lines it reads on the way are kept for Problems.
func (r *CSVReader) Next() (Row, bool) {
	if !r.started {
		r.started = true
		r.done = !r.header()
	}
	for !r.done {
		rec, err := r.cr.Read()
		if errors.Is(err, io.EOF) {
			r.done = true
			break
		}
		if err != nil {
			r.rr.problems = append(r.rr.problems, csvProblem(err, r.first-1))
			if _, ok := errors.AsType[*csv.ParseError](err); ok {
				continue // the reader goes on after a malformed line
			}
			r.done = true // it would return the same error for ever
			break
		}
		line, _ := r.cr.FieldPos(0)
		line += r.first - 1
		if len(rec) != r.columns {
			if !allEmpty(rec) {
				r.rr.problems = append(r.rr.problems, Problem{Line: line, Message: fmt.Sprintf(
					"the row has %d values, but the header names %d columns: a value holding a %s, a quote or a line break must be in double quotes, with each quote inside doubled",
					len(rec), r.columns, separatorName(r.comma))})
			}
			continue
		}
		if allEmpty(rec) {
			continue
		}
		r.vals.population = nil
		for i, name := range r.index.names {
			switch c := r.index.cols[i]; {
			case c >= 0:
				r.vals.v[c] = strings.TrimSpace(rec[i])
			case strings.HasPrefix(name, populationPrefix):
				if s := strings.TrimSpace(rec[i]); s != "" {
					if r.vals.population == nil {
						r.vals.population = map[string]string{}
					}
					r.vals.population[name] = s
				}
			}
		}
		if row, ok := r.rr.row(line, &r.vals); ok {
			return row, true
		}
	}
	return Row{}, false
}

// header reads what comes before the rows: a byte-order mark, Excel's
// "sep=;" line, the header line. It reports whether rows may follow.
func (r *CSVReader) header() bool {
	if b, err := r.in.Peek(len(bom)); err == nil && bytes.Equal(b, bom) {
		r.in.Discard(len(bom))
	}
	r.first = 1
	// The first line tells the separator; the CSV reader then reads it
	// again, unless it is Excel's "sep=;" line, which names it.
	line, err := r.in.ReadBytes('\n')
	var in io.Reader = io.MultiReader(bytes.NewReader(line), r.in)
	if err != nil && !errors.Is(err, io.EOF) {
		in = errReader{err} // reported as the reading of the header
	}
	text := bytes.TrimSuffix(line, []byte{'\n'})
	r.comma = sniffComma(text)
	if len(bytes.TrimRight(text, "\r")) == 5 && bytes.HasPrefix(bytes.ToLower(text), []byte("sep=")) &&
		strings.IndexByte(",;\t|", text[4]) >= 0 {
		r.comma = rune(text[4])
		in, r.first = r.in, 2
	}
	r.cr = csv.NewReader(in)
	r.cr.Comma = r.comma
	r.cr.FieldsPerRecord = -1
	r.cr.ReuseRecord = true
	header, err := r.cr.Read()
	if errors.Is(err, io.EOF) {
		r.rr.problems = append(r.rr.problems, Problem{Line: 1, Message: "the file is empty: an ACLED export starts with a line naming its columns"})
		return false
	}
	if err != nil {
		r.rr.problems = append(r.rr.problems, csvProblem(err, r.first-1))
		return false
	}
	index, problems := headerIndex(header, r.first)
	if problems != nil {
		r.rr.problems = append(r.rr.problems, problems...)
		return false
	}
	r.index, r.columns = index, len(header)
	r.rr.decimalComma = r.comma == ';'
	return true
}

// errReader fails every read with err.
type errReader struct{ err error }

func (e errReader) Read([]byte) (int, error) { return 0, e.err }

// Problems returns the problems Next found since the last call, in the
// order of the file.
func (r *CSVReader) Problems() []Problem {
	p := r.rr.problems
	r.rr.problems = nil
	return p
}

// Columns returns the columns of Columns and Extension the file has, in
// that order (see Export), once Next has read the header line; none when
// the header line has a problem.
func (r *CSVReader) Columns() []string { return r.index.columns() }

// sniffComma tells a semicolon-separated file from a comma-separated one
// by which of the two its header line holds more of, outside quotes.
func sniffComma(src []byte) rune {
	line, _, _ := bytes.Cut(src, []byte{'\n'})
	commas, semicolons, quoted := 0, 0, false
	for _, c := range line {
		switch {
		case c == '"':
			quoted = !quoted
		case quoted:
		case c == ',':
			commas++
		case c == ';':
			semicolons++
		}
	}
	if semicolons > commas {
		return ';'
	}
	return ','
}

func separatorName(comma rune) string {
	if comma == ';' {
		return "semicolon"
	}
	return "comma"
}

func allEmpty(rec []string) bool {
	for _, s := range rec {
		if strings.TrimSpace(s) != "" {
			return false
		}
	}
	return true
}

// csvProblem turns an error of encoding/csv into a problem at its line.
func csvProblem(err error, offset int) Problem {
	var pe *csv.ParseError
	if !errors.As(err, &pe) {
		return Problem{Line: offset + 1, Message: fmt.Sprintf("cannot be read as CSV: %v", err)}
	}
	switch {
	case errors.Is(pe.Err, csv.ErrBareQuote):
		return Problem{Line: offset + pe.Line, Message: "a value holds a double quote but does not start with one: put the whole value in double quotes, and double each quote inside it (\"\")"}
	case errors.Is(pe.Err, csv.ErrQuote):
		return Problem{Line: offset + pe.StartLine, Message: "a value opens a double quote here that is never closed: close it, and double each quote inside it (\"\")"}
	}
	return Problem{Line: offset + pe.Line, Message: fmt.Sprintf("cannot be read as CSV: %v", pe.Err)}
}

// columnIndex maps the columns of a file to the known ones.
type columnIndex struct {
	names []string // the file's column names, lower-cased
	cols  []int    // for each, the known column, or -1
	has   [numKnown]bool
}

// columns lists the known columns the file has, in their order.
func (idx columnIndex) columns() []string {
	var cols []string
	for c, ok := range idx.has {
		if ok {
			cols = append(cols, known[c])
		}
	}
	return cols
}

// headerIndex reads the header line: names matched without regard to
// case or surrounding spaces, each at most once; every required one
// present.
func headerIndex(header []string, line int) (columnIndex, []Problem) {
	var idx columnIndex
	var problems []Problem
	for _, h := range header {
		name := strings.ToLower(strings.TrimSpace(h))
		c := slices.Index(known, name)
		if c >= 0 && idx.has[c] {
			problems = append(problems, Problem{Line: line, Column: name, Message: "appears twice in the header line: remove one of the two columns"})
			c = -1
		}
		if c >= 0 {
			idx.has[c] = true
		}
		idx.names = append(idx.names, name)
		idx.cols = append(idx.cols, c)
	}
	problems = append(problems, checkColumns(idx.has, line)...)
	return idx, problems
}

// checkColumns reports the required columns a file lacks, naming them.
func checkColumns(has [numKnown]bool, line int) []Problem {
	if !slices.Contains(has[:], true) {
		return []Problem{{Line: line, Message: fmt.Sprintf("the first line names none of ACLED's columns (%s, …): an ACLED export starts with the line naming its columns", strings.Join(Columns[:4], ", "))}}
	}
	var missing []string
	for _, name := range Required {
		if !has[slices.Index(known, name)] {
			missing = append(missing, name)
		}
	}
	if len(missing) == 0 {
		return nil
	}
	noun := "column"
	if len(missing) > 1 {
		noun = "columns"
	}
	return []Problem{{Line: line, Message: fmt.Sprintf("the export lacks the required %s %s: export it again from ACLED with every column (or at least %s)",
		noun, strings.Join(missing, ", "), strings.Join(Required, ", "))}}
}

// ReadJSON reads what an ACLED API call returns: {"status": 200,
// "success": true, "count": N, "data": [{…}, …]}, values as strings (or
// numbers), or the data array alone. Line is the line of the file where a
// row's object opens.
func ReadJSON(src []byte) ([]Row, []Problem) {
	rows, _, problems := readJSON(src)
	return rows, problems
}

func readJSON(src []byte) ([]Row, [numKnown]bool, []Problem) {
	var has [numKnown]bool
	if p := checkEncoding(src); p != nil {
		return nil, has, []Problem{*p}
	}
	src = bytes.TrimPrefix(src, bom)
	lines := newLineCounter(src)
	dec := json.NewDecoder(bytes.NewReader(src))
	dec.UseNumber()
	fail := func(err error) ([]Row, [numKnown]bool, []Problem) {
		line := 1
		if se, ok := errors.AsType[*json.SyntaxError](err); ok {
			line = lines.at(int(se.Offset))
		} else if errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
			line = lines.at(len(src))
		}
		return nil, has, []Problem{{Line: line, Message: fmt.Sprintf("the file is not valid JSON (%v): save the API's answer as it came", err)}}
	}
	tok, err := dec.Token()
	if err != nil {
		return fail(err)
	}
	type object struct {
		line int
		m    map[string]any
	}
	var objects []object
	readData := func() error {
		t, err := dec.Token()
		if err != nil {
			return err
		}
		if t != json.Delim('[') {
			return fmt.Errorf("data is not a list of events")
		}
		for dec.More() {
			line := lines.at(skipSpace(src, int(dec.InputOffset())))
			var m map[string]any
			if err := dec.Decode(&m); err != nil {
				if _, ok := errors.AsType[*json.UnmarshalTypeError](err); ok {
					return fmt.Errorf("line %d: an event of data is not an object of column names and values", line)
				}
				return err
			}
			objects = append(objects, object{line, m})
		}
		_, err = dec.Token()
		return err
	}
	switch tok {
	case json.Delim('['):
		// The data array alone: put the token back by reading it as data.
		dec = json.NewDecoder(bytes.NewReader(src))
		dec.UseNumber()
		if err := readData(); err != nil {
			return failData(err, fail)
		}
	case json.Delim('{'):
		status, success, apiError, sawData := "", true, "", false
		for dec.More() {
			k, err := dec.Token()
			if err != nil {
				return fail(err)
			}
			switch key, _ := k.(string); key {
			case "data":
				sawData = true
				if err := readData(); err != nil {
					return failData(err, fail)
				}
			case "status":
				var v any
				if err := dec.Decode(&v); err != nil {
					return fail(err)
				}
				status = fmt.Sprint(v)
			case "success":
				var v any
				if err := dec.Decode(&v); err != nil {
					return fail(err)
				}
				success = v != false
			case "error", "messages":
				var v any
				if err := dec.Decode(&v); err != nil {
					return fail(err)
				}
				if key == "error" && v != nil {
					b, _ := json.Marshal(v)
					apiError = string(b)
				}
			default:
				var skip json.RawMessage
				if err := dec.Decode(&skip); err != nil {
					return fail(err)
				}
			}
		}
		if (status != "" && status != "200") || !success || apiError != "" {
			msg := "the API call failed"
			if status != "" {
				msg += " (status " + status + ")"
			}
			if apiError != "" {
				if c := cut(apiError, 200); c != apiError {
					apiError = c + "…"
				}
				msg += ": " + apiError
			}
			return nil, has, []Problem{{Line: 1, Message: msg + "; this file holds no events: call the API again"}}
		}
		if !sawData {
			return nil, has, []Problem{{Line: 1, Message: "the JSON has no \"data\" list: it is not what an ACLED API call returns"}}
		}
	default:
		return nil, has, []Problem{{Line: 1, Message: "the file is neither a CSV export nor the JSON of an ACLED API call"}}
	}
	// The columns a JSON file has are those any of its events has.
	for _, o := range objects {
		for k := range o.m {
			if c := slices.Index(known, strings.ToLower(k)); c >= 0 {
				has[c] = true
			}
		}
	}
	if len(objects) > 0 {
		if p := checkColumns(has, 1); p != nil {
			return nil, has, p
		}
	}
	rr := rowReader{}
	var rows []Row
	for _, o := range objects {
		var vals values
		// In the order of the names, so that problems come in a fixed order.
		for _, k := range slices.Sorted(maps.Keys(o.m)) {
			v := o.m[k]
			name := strings.ToLower(k)
			c := slices.Index(known, name)
			if c < 0 && !strings.HasPrefix(name, populationPrefix) {
				continue
			}
			var s string
			switch v := v.(type) {
			case nil:
			case string:
				s = v
			case json.Number:
				s = v.String()
			default:
				rr.problems = append(rr.problems, Problem{Line: o.line, Column: name, Message: "is not a text or a number: an API call returns every value as text"})
				continue
			}
			s = strings.TrimSpace(s)
			switch {
			case c >= 0:
				vals.v[c] = s
			case s != "":
				if vals.population == nil {
					vals.population = map[string]string{}
				}
				vals.population[name] = s
			}
		}
		if row, ok := rr.row(o.line, &vals); ok {
			rows = append(rows, row)
		}
	}
	return rows, has, rr.problems
}

func failData(err error, fail func(error) ([]Row, [numKnown]bool, []Problem)) ([]Row, [numKnown]bool, []Problem) {
	var se *json.SyntaxError
	if errors.As(err, &se) || errors.Is(err, io.ErrUnexpectedEOF) || errors.Is(err, io.EOF) {
		return fail(err)
	}
	return nil, [numKnown]bool{}, []Problem{{Line: 1, Message: fmt.Sprintf("the file's %v: it is not what an ACLED API call returns", err)}}
}

func skipSpace(src []byte, i int) int {
	for i < len(src) && strings.IndexByte(" \t\r\n,", src[i]) >= 0 {
		i++
	}
	return i
}

// lineCounter turns byte offsets into line numbers, counting forward from
// the last query: the offsets a reader asks for mostly grow.
type lineCounter struct {
	src        []byte
	off, line0 int
}

func newLineCounter(src []byte) *lineCounter { return &lineCounter{src: src, line0: 1} }

func (l *lineCounter) at(off int) int {
	off = min(max(off, 0), len(l.src))
	if off < l.off {
		l.off, l.line0 = 0, 1
	}
	l.line0 += bytes.Count(l.src[l.off:off], []byte{'\n'})
	l.off = off
	return l.line0
}

// rowReader turns the values of one row into a Row, collecting the
// problems of all rows.
type rowReader struct {
	problems     []Problem
	decimalComma bool // the coordinates may be written 14,4469
	line         int
	current      *values // the row being read
	bad          bool    // the current row has a problem
	// byISO and byName remember the countries read so far.
	byISO  map[int]countryCode
	byName map[string]countryCode
}

func (r *rowReader) problem(c int, value, format string, args ...any) {
	r.bad = true
	r.problems = append(r.problems, Problem{Line: r.line, Column: known[c], Value: value, Message: fmt.Sprintf(format, args...)})
}

// row reads one row; ok is false when it has a problem.
func (r *rowReader) row(line int, vals *values) (Row, bool) {
	r.line, r.current, r.bad = line, vals, false
	v := &vals.v
	for _, c := range requiredColumns {
		// fatalities may be empty: briefing's own files leave it so for a
		// figure not reported, where ACLED would write 0.
		if v[c] == "" && c != cFatalities {
			r.problem(c, "", "is empty: every event of an ACLED export has one")
		}
	}
	row := Row{
		Line:         line,
		EventIDCnty:  v[cEventIDCnty],
		DisorderType: v[cDisorderType],
		EventType:    v[cEventType],
		SubEventType: v[cSubEventType],
		Actor1:       v[cActor1],
		AssocActor1:  splitList(v[cAssocActor1]),
		Actor2:       v[cActor2],
		AssocActor2:  splitList(v[cAssocActor2]),
		Region:       v[cRegion],
		Country:      v[cCountry],
		Admin1:       v[cAdmin1],
		Admin2:       v[cAdmin2],
		Admin3:       v[cAdmin3],
		Location:     v[cLocation],
		Sources:      splitList(v[cSource]),
		SourceScale:  v[cSourceScale],
		Notes:        v[cNotes],
		Tags:         splitList(v[cTags]),
		Population:   vals.population,
		Corridors:    splitList(v[cCorridors]),
		Targets:      splitList(v[cTargets]),
		ClaimedBy:    v[cClaimedBy],
		SourceIDs:    splitList(v[cSourceIDs]),
	}
	if s := v[cEventDate]; s != "" {
		date, msg := parseDate(s)
		if msg != "" {
			r.problem(cEventDate, s, "%s", msg)
		}
		row.EventDate = date
	}
	if s := v[cDateEnd]; s != "" {
		date, msg := parseDate(s)
		switch {
		case msg != "":
			r.problem(cDateEnd, s, "%s", msg)
		case row.EventDate != "" && date < row.EventDate:
			r.problem(cDateEnd, s, "is before event_date %s: correct one of the two", row.EventDate)
		}
		row.DateEnd = date
	}
	if s := v[cYear]; s != "" {
		row.Year = r.number(cYear, 0, math.MaxInt32, "")
		// Compared as numbers: year 1 is written "1", its date "0001-…".
		if dateYear, _ := strconv.Atoi(row.EventDate[:min(4, len(row.EventDate))]); row.EventDate != "" && row.Year != 0 && row.Year != dateYear {
			r.problem(cYear, s, "is not the year of event_date %s: correct one of the two", row.EventDate)
		}
	} else if row.EventDate != "" {
		row.Year, _ = strconv.Atoi(row.EventDate[:4])
	}
	row.TimePrecision = r.number(cTimePrecision, 1, 3, "must be 1 (day), 2 (week) or 3 (month)")
	row.GeoPrecision = r.number(cGeoPrecision, 1, 3, "must be 1 (the place itself), 2 (near it or part of its area) or 3 (only the region is known)")
	row.Fatalities = r.optionalCount(cFatalities)
	row.Inter1 = r.actorType(cInter1)
	row.Inter2 = r.actorType(cInter2)
	row.Interaction = r.interaction()
	switch s := v[cCivilianTargeting]; {
	case s == "":
	case strings.EqualFold(s, "Civilian targeting"):
		row.CivilianTargeting = true
	default:
		r.problem(cCivilianTargeting, s, "must be \"Civilian targeting\" or empty")
	}
	if s := v[cISO]; s != "" {
		iso, err := strconv.Atoi(s)
		alpha2, ok := "", false
		if err == nil && isDigits(s) {
			alpha2, ok = r.countryByISO(iso)
		}
		switch byName, named := r.countryByName(row.Country); {
		case !ok:
			r.problem(cISO, s, "is not an ISO 3166-1 numeric country code, such as 466 (Mali), 686 (Senegal) or 478 (Mauritania)")
		case row.Country != "" && named && byName != alpha2:
			_, name, _, _ := Country(alpha2)
			r.problem(cCountry, row.Country, "is not the country of iso %d (%s): correct one of the two", iso, name)
		default:
			row.ISO = iso
		}
	}
	row.Latitude = r.coordinate(cLatitude, 90, "latitude")
	row.Longitude = r.coordinate(cLongitude, 180, "longitude")
	if s := v[cTimestamp]; s != "" {
		t, err := strconv.ParseInt(s, 10, 64)
		if err != nil || t < 0 {
			r.problem(cTimestamp, s, "must be a whole number of seconds since 1970 (ACLED's time of its last change to the event), or empty")
		}
		row.Timestamp = t
	}
	row.Kidnapped = r.optionalCount(cKidnapped)
	row.VehiclesDestroyed = r.optionalCount(cVehiclesDestroyed)
	if r.bad {
		return Row{}, false
	}
	return row, true
}

// requiredColumns are the indexes of the Required columns.
var requiredColumns = func() []int {
	cols := make([]int, len(Required))
	for i, name := range Required {
		cols[i] = slices.Index(known, name)
	}
	return cols
}()

// country is what a country's code or name gives: an export names the
// same few countries in every row.
type countryCode struct {
	alpha2 string
	ok     bool
}

func (r *rowReader) countryByISO(iso int) (string, bool) {
	c, seen := r.byISO[iso]
	if !seen {
		if r.byISO == nil {
			r.byISO = map[int]countryCode{}
		}
		c.alpha2, c.ok = CountryByISO(iso)
		r.byISO[iso] = c
	}
	return c.alpha2, c.ok
}

func (r *rowReader) countryByName(name string) (string, bool) {
	c, seen := r.byName[name]
	if !seen {
		if r.byName == nil {
			r.byName = map[string]countryCode{}
		}
		c.alpha2, c.ok = CountryByName(name)
		r.byName[name] = c
	}
	return c.alpha2, c.ok
}

// number reads a whole number from lo to hi, or returns 0 for an empty
// value; outside names the range in the problem's message.
func (r *rowReader) number(c, lo, hi int, outside string) int {
	s := r.value(c)
	if s == "" {
		return 0
	}
	n, err := strconv.Atoi(s)
	switch {
	case !isDigits(strings.TrimPrefix(s, "-")):
		r.problem(c, s, "is not a whole number written in digits")
	case err != nil && !strings.HasPrefix(s, "-"):
		r.problem(c, s, "is far too large: check the number")
	case err != nil || n < lo || n > hi:
		if outside == "" {
			outside = fmt.Sprintf("must be %d or more", lo)
		}
		r.problem(c, s, "%s", outside)
	default:
		return n
	}
	return 0
}

// value returns the value of column c in the row being read.
func (r *rowReader) value(c int) string { return r.current.v[c] }

func isDigits(s string) bool {
	for i := 0; i < len(s); i++ {
		if s[i] < '0' || s[i] > '9' {
			return false
		}
	}
	return s != ""
}

func (r *rowReader) optionalCount(c int) *int {
	s := r.value(c)
	if s == "" {
		return nil
	}
	n := r.number(c, 0, math.MaxInt, "")
	if r.bad {
		return nil
	}
	return &n
}

// actorType reads inter1 or inter2: ACLED's code (1–8, 0 for no actor)
// or its name ("State forces").
func (r *rowReader) actorType(c int) int {
	s := r.value(c)
	if s == "" {
		return 0
	}
	if isDigits(s) {
		if n, err := strconv.Atoi(s); err == nil && n <= len(actorTypes) {
			return n
		}
	} else if code := ActorTypeCode(s); code != 0 {
		return code
	}
	r.problem(c, s, "is not an ACLED actor type: write a code from 1 to 8 or one of %s", strings.Join(actorTypes, ", "))
	return 0
}

// interaction reads ACLED's interaction, as a code (17) or as text
// ("State forces-Civilians"), or 0 when the row gives none.
func (r *rowReader) interaction() int {
	s := r.value(cInteraction)
	if s == "" {
		return 0
	}
	if isDigits(s) {
		if n, err := strconv.Atoi(s); err == nil && Interaction(n) != "" {
			return n
		}
	} else if code := InteractionFromText(s); code != 0 {
		return code
	}
	r.problem(cInteraction, s, "is not an ACLED interaction: write a code such as 27, or two actor types joined by a hyphen such as Rebel group-Civilians (\"State forces only\" for one)")
	return 0
}

// coordinate reads a latitude or longitude in degrees.
func (r *rowReader) coordinate(c int, limit float64, name string) float64 {
	s := r.value(c)
	if s == "" {
		return 0
	}
	t := s
	if r.decimalComma && strings.Count(t, ",") == 1 && !strings.Contains(t, ".") {
		t = strings.Replace(t, ",", ".", 1)
	}
	f, err := strconv.ParseFloat(t, 64)
	switch {
	case err != nil || math.IsNaN(f) || math.IsInf(f, 0) || strings.ContainsAny(t, "xXpP_"):
		r.problem(c, s, "is not a number of degrees, such as 14.4469")
	case f < -limit || f > limit:
		r.problem(c, s, "is out of range: %s is between %v and %v degrees", name, -limit, limit)
	default:
		return f
	}
	return 0
}

// splitList splits a value that ACLED joins with "; " (actors, sources,
// tags), dropping empty items.
func splitList(s string) []string {
	if s == "" {
		return nil
	}
	out := make([]string, 0, strings.Count(s, ";")+1)
	for item := range strings.SplitSeq(s, ";") {
		if item = strings.TrimSpace(item); item != "" {
			out = append(out, item)
		}
	}
	if len(out) == 0 {
		return nil // only separators
	}
	return out
}

var months = []string{"january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"}

// parseDate reads a date as ACLED's exports write it: 2025-07-01 (the
// API and recent files), 01 July 2025 (the website's CSV) or 1-Jul-25 (a
// file that went through Excel). A two-digit year is read as Excel reads
// it: 00–29 are 2000–2029, 30–99 are 1930–1999. It returns the date as
// YYYY-MM-DD, or why it cannot.
func parseDate(s string) (string, string) {
	const notDate = "is not a date in one of ACLED's forms: 2025-07-01, 01 July 2025 or 1-Jul-25"
	var y, m, d int
	iso := len(s) == 10 && s[4] == '-' && s[7] == '-' && isDigits(s[:4]) && isDigits(s[5:7]) && isDigits(s[8:])
	switch {
	case iso:
		y, _ = strconv.Atoi(s[:4])
		m, _ = strconv.Atoi(s[5:7])
		d, _ = strconv.Atoi(s[8:])
	default:
		parts := strings.Fields(s)
		if len(parts) != 3 {
			parts = strings.Split(s, "-")
		}
		if len(parts) != 3 || len(parts[0]) > 2 || !isDigits(parts[0]) || !isDigits(parts[2]) {
			return "", notDate
		}
		d, _ = strconv.Atoi(parts[0])
		month := strings.ToLower(parts[1])
		m = slices.IndexFunc(months, func(name string) bool {
			return month == name || (len(month) == 3 && strings.HasPrefix(name, month))
		}) + 1
		switch len(parts[2]) {
		case 4:
			y, _ = strconv.Atoi(parts[2])
		case 2:
			y, _ = strconv.Atoi(parts[2])
			if y < 30 {
				y += 2000
			} else {
				y += 1900
			}
		default:
			return "", notDate
		}
		if m == 0 {
			return "", notDate
		}
	}
	if m < 1 || m > 12 || d < 1 || d > daysIn(y, m) {
		return "", "is not a real calendar date"
	}
	if iso {
		return s, ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", y, m, d), ""
}

func daysIn(y, m int) int {
	switch m {
	case 2:
		if y%4 == 0 && (y%100 != 0 || y%400 == 0) {
			return 29
		}
		return 28
	case 4, 6, 9, 11:
		return 30
	}
	return 31
}

// Text formats the problem as a message: the column, its value and what
// is wrong, e.g. `event_date "2025-02-30" is not a real calendar date`.
func (p Problem) Text() string {
	switch {
	case p.Column == "":
		return p.Message
	case p.Value == "":
		return p.Column + " " + p.Message
	}
	return p.Column + " " + quoteShort(p.Value) + " " + p.Message
}

// quoteShort quotes a value for a message, cut short: a message names the
// value so that the user can find it, and must not echo a page of it.
func quoteShort(s string) string {
	if c := cut(s, 60); c != s {
		return strconv.Quote(c) + "…"
	}
	return strconv.Quote(s)
}

// cut returns the first keep characters of s, or s when it is not much
// longer.
func cut(s string, keep int) string {
	if utf8.RuneCountInString(s) <= keep+10 {
		return s
	}
	i := 0
	for range keep {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return s[:i]
}
