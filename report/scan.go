package report

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
)

// forbidden names a character that may not appear in the data, with why,
// or returns "" when it may. Control characters are invisible and corrupt
// the PDF and the annex; bidirectional formatting characters make text
// display in an order other than the one it is stored in (the "Trojan
// Source" trick), so that a reader of the YAML and a reader of the letter
// see different text.
func forbidden(r rune) (what, why string) {
	const invisible = "it is invisible, and would corrupt the letter and the annex"
	switch {
	case r == '\t' || r == '\n' || r == '\r', r < 0 || r > utf8.MaxRune:
		// Not a character at all (an escape such as \UFFFFFFFF): the YAML
		// parser reports it.
		return "", ""
	case r < 0x20:
		return fmt.Sprintf("control character %U (%s)", r, c0Name(r)), invisible
	case r == 0x7f:
		return fmt.Sprintf("control character %U (DEL)", r), invisible
	case r >= 0x80 && r <= 0x9f:
		return fmt.Sprintf("control character %U (C1)", r), invisible + "; it is often a Windows-1252 quote or dash read as Latin-1"
	case r >= 0x202a && r <= 0x202e, r >= 0x2066 && r <= 0x2069:
		return fmt.Sprintf("bidirectional formatting character %U (%s)", r, bidiName(r)),
			"it makes text display in another order than it is written, so the file and the letter would read differently"
	}
	return "", ""
}

// c0Names are the abbreviations of the C0 control characters, by code.
const c0Names = "NUL SOH STX ETX EOT ENQ ACK BEL BS TAB LF VT FF CR SO SI DLE DC1 DC2 DC3 DC4 NAK SYN ETB CAN EM SUB ESC FS GS RS US"

func c0Name(r rune) string { return strings.Fields(c0Names)[r] }

func bidiName(r rune) string {
	switch r {
	case 0x202a:
		return "LEFT-TO-RIGHT EMBEDDING"
	case 0x202b:
		return "RIGHT-TO-LEFT EMBEDDING"
	case 0x202c:
		return "POP DIRECTIONAL FORMATTING"
	case 0x202d:
		return "LEFT-TO-RIGHT OVERRIDE"
	case 0x202e:
		return "RIGHT-TO-LEFT OVERRIDE"
	case 0x2066:
		return "LEFT-TO-RIGHT ISOLATE"
	case 0x2067:
		return "RIGHT-TO-LEFT ISOLATE"
	case 0x2068:
		return "FIRST STRONG ISOLATE"
	}
	return "POP DIRECTIONAL ISOLATE"
}

// hasForbidden reports whether s holds a character [forbidden] refuses.
// Every text of the data passes through it, mostly printable ASCII,
// which needs no decoding.
func hasForbidden(s string) bool {
	for i := 0; i < len(s); {
		if c := s[i]; plainByte(c) {
			i++
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if what, _ := forbidden(r); what != "" {
			return true
		}
		i += size
	}
	return false
}

// plainByte reports whether c is printable ASCII or a tab or line break:
// a whole character that forbidden allows.
func plainByte(c byte) bool { return c >= 0x20 && c < 0x7f || c == '\n' || c == '\t' || c == '\r' }

// scanText checks the raw bytes of a file before YAML reads them, because
// only here are exact positions known: the YAML library reports invalid
// UTF-8 and control characters without a line, and lets bidirectional
// characters through. It reports the first invalid UTF-8 sequence and
// every forbidden character, and whether the file can still be parsed
// (YAML refuses both invalid UTF-8 and control characters).
func (d *fileDecoder) scanText() bool {
	// A binary file saved under a data file's name would hold millions
	// of control characters: name the first few and count the rest.
	const show = 10
	ok, found := true, 0
	for i := 0; i < len(d.src); {
		if plainByte(d.src[i]) {
			i++
			continue
		}
		r, size := utf8.DecodeRune(d.src[i:])
		if r == utf8.RuneError && size <= 1 {
			d.diags.Errorf(d.positionAt(i), "invalid UTF-8 (byte 0x%02X): the file is not saved as UTF-8; save it again as UTF-8 in your editor", d.src[i])
			return false
		}
		if what, why := forbidden(r); what != "" {
			if found++; found <= show {
				d.diags.Errorf(d.positionAt(i), "%s is not allowed: %s; remove it", what, why)
			}
			if r < 0x2000 {
				ok = false // YAML stops at a control character, not at a bidirectional one
			}
		}
		i += size
	}
	if found > show {
		d.diags.Errorf(Position{File: d.path}, "%s more control or bidirectional formatting characters in this file; is it a text file? remove them", thousands(found-show))
	}
	return ok
}

// checkTree reports what the loader does not support, across the whole
// document and before any value is decoded: anchors and aliases (which
// would let a few lines expand into millions of values, and make one
// item's value depend on another's), merge keys, and forbidden characters
// written as escapes ("\u202E") in double-quoted text, which the scan of
// the raw bytes cannot see. Aliases are never followed, here or later.
func (d *fileDecoder) checkTree(n *yaml.Node, mergeValue bool) {
	if n.Anchor != "" {
		d.errorf(n, "YAML anchors and aliases are not supported; write the value out (remove &%s)", n.Anchor)
	}
	switch n.Kind {
	case yaml.AliasNode:
		if !mergeValue {
			d.errorf(n, "YAML anchors and aliases are not supported; write the value out instead of *%s", n.Value)
		}
		return
	case yaml.ScalarNode:
		if n.Style&yaml.DoubleQuotedStyle != 0 && hasForbidden(n.Value) {
			d.checkEscapes(n)
		}
		return
	case yaml.MappingNode:
		for i := 0; i+1 < len(n.Content); i += 2 {
			k, v := n.Content[i], n.Content[i+1]
			if isMergeKey(k) {
				d.errorf(k, "YAML merge keys are not supported; repeat the keys")
				d.checkTree(v, true)
				continue
			}
			d.checkTree(k, false)
			d.checkTree(v, false)
		}
		return
	}
	for _, c := range n.Content {
		d.checkTree(c, mergeValue && n.Kind == yaml.SequenceNode)
	}
}

func isMergeKey(k *yaml.Node) bool { return k.Kind == yaml.ScalarNode && k.Tag == "!!merge" }

// checkEscapes finds, in a double-quoted scalar's source, the escapes that
// write a forbidden character, and reports each where it is written.
func (d *fileDecoder) checkEscapes(n *yaml.Node) {
	i := d.offset(n.Line, n.Column)
	if i >= len(d.src) || d.src[i] != '"' {
		d.errorf(n, "the text holds a control or bidirectional formatting character written as an escape: remove it")
		return
	}
	for i++; i < len(d.src) && d.src[i] != '"'; {
		if d.src[i] != '\\' || i+1 >= len(d.src) {
			i++
			continue
		}
		at, esc := i, d.src[i+1]
		i += 2
		var r rune = -1
		switch esc {
		case '0':
			r = 0
		case 'a':
			r = 7
		case 'b':
			r = 8
		case 'v':
			r = 0xb
		case 'f':
			r = 0xc
		case 'e':
			r = 0x1b
		case 'N':
			r = 0x85
		case 'x', 'u', 'U':
			digits := map[byte]int{'x': 2, 'u': 4, 'U': 8}[esc]
			if i+digits <= len(d.src) {
				if v, err := strconv.ParseUint(string(d.src[i:i+digits]), 16, 32); err == nil {
					r = rune(v)
				}
				i += digits
			}
		}
		if what, why := forbidden(r); what != "" {
			d.diags.Errorf(d.positionAt(at), "%s, written as the escape %s, is not allowed: %s; remove it", what, d.src[at:i], why)
		}
	}
}
