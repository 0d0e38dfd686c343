package acled_test

import (
	"bytes"
	"fmt"
	"io"
	"reflect"
	"testing"
	"testing/iotest"
	"unicode/utf8"

	"briefing/report/acled"
)

// streamInputs are files a loader may stream: the fixtures, and what
// tests the cuts between chunks — characters of two to four bytes,
// byte-order marks, bytes that are not UTF-8, at the start, the middle
// and the end.
func streamInputs(t *testing.T) map[string][]byte {
	inputs := map[string][]byte{"empty": nil}
	for _, name := range []string{"sahel-2025.csv", "excel-fr.csv", "excel-sep.csv", "shuffled.csv", "api.json"} {
		inputs[name] = readFixture(t, name)
	}
	good := []byte(header + good)
	inputs["bom"] = append([]byte("\xef\xbb\xbf"), good...)
	inputs["bom-json"] = []byte("\xef\xbb\xbf \r\n [{}]")
	inputs["half-bom"] = []byte("\xef\xbb{}")
	inputs["spaces-json"] = []byte("  \n\t{\"data\": []}")
	inputs["utf16-le"] = []byte("\xff\xfee\x00v\x00")
	inputs["utf16-be"] = []byte("\xfe\xff\x00e\x00v")
	inputs["accents"] = []byte(header + row("notes", "Diéma – 😀 ‘quoted’ ✓"))
	for at, bad := range map[string]string{"start": "\xff", "cut-end": "\xe2\x82", "lone-continuation": "\x82", "surrogate": "\xed\xa0\x80", "overlong": "\xc0\xaf"} {
		src := append([]byte(nil), good...)
		inputs["bad-"+at+"-end"] = append(append([]byte(nil), src...), bad...)
		inputs["bad-"+at+"-middle"] = append(append(append([]byte(nil), src[:len(src)/2]...), bad...), src[len(src)/2:]...)
		inputs["bad-"+at+"-start"] = append([]byte(bad), src...)
	}
	return inputs
}

// checkWhole is what a Check of a whole file must find: the first byte
// that is not UTF-8, by the line it is on, as the reader did before it
// read in chunks.
func checkWhole(src []byte) *acled.Problem {
	if bytes.HasPrefix(src, []byte{0xff, 0xfe}) || bytes.HasPrefix(src, []byte{0xfe, 0xff}) {
		return &acled.Problem{Line: 1, Message: "the file is saved as UTF-16; save it as UTF-8 (in Excel: \"CSV UTF-8\")"}
	}
	for i := 0; i < len(src); {
		r, size := utf8.DecodeRune(src[i:])
		if r == utf8.RuneError && size <= 1 {
			return &acled.Problem{Line: 1 + bytes.Count(src[:i], []byte{'\n'}),
				Message: fmt.Sprintf("invalid UTF-8 (byte 0x%02X): the file is not saved as UTF-8; save it again as UTF-8 (in Excel: \"CSV UTF-8\")", src[i])}
		}
		i += size
	}
	return nil
}

// TestCheckChunks: a Check fed a file in chunks of any size finds what it
// finds in the whole file: its encoding problem, whether it is JSON, its
// lines.
func TestCheckChunks(t *testing.T) {
	for name, src := range streamInputs(t) {
		t.Run(name, func(t *testing.T) {
			want := checkWhole(src)
			trimmed := bytes.TrimLeft(bytes.TrimPrefix(src, []byte("\xef\xbb\xbf")), " \t\r\n")
			wantJSON := len(trimmed) > 0 && (trimmed[0] == '{' || trimmed[0] == '[')
			for _, size := range []int{1, 2, 3, 5, 64, len(src) + 1} {
				var c acled.Check
				for rest := src; len(rest) > 0; {
					n := min(size, len(rest))
					c.Write(rest[:n])
					rest = rest[n:]
				}
				if got := c.Problem(); !reflect.DeepEqual(got, want) {
					t.Errorf("chunks of %d: problem %+v, want %+v", size, got, want)
				}
				if c.JSON() != wantJSON {
					t.Errorf("chunks of %d: JSON() = %v, want %v", size, c.JSON(), wantJSON)
				}
				if c.Lines() != bytes.Count(src, []byte{'\n'}) {
					t.Errorf("chunks of %d: %d lines, want %d", size, c.Lines(), bytes.Count(src, []byte{'\n'}))
				}
			}
		})
	}
}

// TestCSVReaderStreams: a CSVReader reading a file a byte at a time gives
// the rows, problems and columns ReadExport gives for the whole file.
func TestCSVReaderStreams(t *testing.T) {
	cases := streamInputs(t)
	cases["sep-only"] = []byte("sep=;")
	cases["sep-then-header"] = []byte("sep=;\r\nevent_id_cnty;event_date\r\n")
	cases["malformed"] = []byte(header + row("notes", "a \"b\" c") + "MLI1,\"2025-07-01\n")
	cases["wrong-count"] = []byte(header + "a,b\n,,,\n" + good)
	for name, src := range cases {
		var c acled.Check
		c.Write(src)
		if c.Problem() != nil || c.JSON() {
			continue // not for a CSVReader
		}
		t.Run(name, func(t *testing.T) {
			want, wantProblems := acled.ReadExport(src)
			r := acled.NewCSVReader(iotest.OneByteReader(bytes.NewReader(src)))
			var rows []acled.Row
			var problems []acled.Problem
			for {
				row, ok := r.Next()
				problems = append(problems, r.Problems()...)
				if !ok {
					break
				}
				rows = append(rows, row)
			}
			if len(rows) != len(want.Rows) || (len(rows) > 0 && !reflect.DeepEqual(rows, want.Rows)) {
				t.Errorf("%d rows, want %d", len(rows), len(want.Rows))
			}
			if !reflect.DeepEqual(problems, wantProblems) {
				t.Errorf("problems %+v, want %+v", problems, wantProblems)
			}
			if !reflect.DeepEqual(r.Columns(), want.Columns) {
				t.Errorf("columns %v, want %v", r.Columns(), want.Columns)
			}
		})
	}
}

// TestCSVReaderReadError: a file that fails to read is a problem, not
// the end of the rows.
func TestCSVReaderReadError(t *testing.T) {
	src := header + good
	in := io.MultiReader(bytes.NewReader([]byte(src)), iotest.ErrReader(fmt.Errorf("disk gone")))
	r := acled.NewCSVReader(in)
	n := 0
	for _, ok := r.Next(); ok; _, ok = r.Next() {
		n++
	}
	if problems := r.Problems(); n != 1 || len(problems) != 1 || problems[0].Text() != "cannot be read as CSV: disk gone" {
		t.Errorf("%d rows, problems %+v", n, problems)
	}
}
