package pdf

import (
	"bytes"
	"crypto/sha256"
)

// subsetNames are the PostScript names the letter's font subsets are given
// in place of fpdf's own (utf8<family><style>). fpdf subsets its UTF-8
// fonts but does not tag them as the PDF standard asks (ABCDEF+Name, ISO
// 32000 9.6.4), so viewers and preflight tools report them as whole fonts.
// Each new name is exactly as long as the old one: renaming in place keeps
// every byte offset of the file, and its cross-reference table, valid.
var subsetNames = [...]struct{ fpdf, name string }{
	{"utf8liberationsans", "LibSans-Reg"},
	{"utf8liberationsansB", "LibSans-Bold"},
	{"utf8liberationsansI", "LibSans-Ital"},
	{"utf8liberationsansBI", "LibSans-BldIt"},
	{"utf8liberationserif", "LibSerif-Reg"},
	{"utf8liberationserifB", "LibSerif-Bold"},
	{"utf8liberationserifI", "LibSerif-Ital"},
	{"utf8liberationserifBI", "LibSerif-BldIt"},
}

// tagSubsets renames every font subset of an fpdf document to
// TAG+Name, with a six-letter tag derived from the name, so that the same
// document always gets the same tags.
func tagSubsets(doc []byte) []byte {
	doc = bytes.Clone(doc)
	for _, s := range subsetNames {
		sum := sha256.Sum256([]byte(s.fpdf))
		tag := make([]byte, 6)
		for i := range tag {
			tag[i] = 'A' + sum[i]%26
		}
		renamed := "/" + string(tag) + "+" + s.name
		if len(renamed) != len(s.fpdf)+1 {
			continue // would move the offsets: leave the name as fpdf wrote it
		}
		doc = replaceName(doc, "/"+s.fpdf, renamed)
	}
	return doc
}

// replaceName replaces, in place, the PDF name old, as a whole token
// (followed by a delimiter or white space, so /utf8liberationsans does not
// match the start of /utf8liberationsansB), with new of the same length.
func replaceName(out []byte, old, new string) []byte {
	for at := 0; ; {
		i := bytes.Index(out[at:], []byte(old))
		if i < 0 {
			return out
		}
		i += at
		end := i + len(old)
		if end == len(out) || bytes.IndexByte([]byte(" \t\r\n\f/[]<>()%"), out[end]) >= 0 {
			copy(out[i:end], new)
		}
		at = end
	}
}
