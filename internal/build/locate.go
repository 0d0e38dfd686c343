package build

import (
	"bytes"
	"io"
	"os"
	"path/filepath"
	"slices"
	"sort"
	"strings"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"

	"briefing/assets"
	"briefing/report"
)

// locator finds where in the data files a problem was written. The loader
// keeps one position per object (an event, a letter, a section); a user
// fixing "a character the fonts cannot draw" in a letter of a hundred lines
// needs the line and column of the character itself. The locator reads the
// files again, only when there is a problem to place, and falls back to the
// object's position whenever it cannot do better.
type locator struct {
	dir   string // the data folder, as the dataset names it
	files map[string]*yamlFile
}

// yamlFile is a data file parsed into nodes, with what it takes to turn a
// byte offset into a line and column.
type yamlFile struct {
	src        []byte
	root       *yaml.Node // the document node; nil when the file cannot be read or parsed
	lineStarts []int      // byte offset of each line
	starts     []int      // byte offset of every node, sorted: where a scalar's text ends at the latest
}

func newLocator(ds *report.Dataset) *locator {
	return &locator{dir: ds.Dir, files: map[string]*yamlFile{}}
}

// maxLocateBytes bounds what the locator reads of a file: the loader
// refuses larger data files, and a file that grew since is not worth
// placing a message in.
const maxLocateBytes = 256 << 20

// file returns the parsed file a position names; the built-in brand is
// read from the binary, since "assets/brand.yaml" is not a path the user
// has.
func (lc *locator) file(path string) *yamlFile {
	if f, ok := lc.files[path]; ok {
		return f
	}
	f := &yamlFile{}
	lc.files[path] = f
	src := assets.BrandYAML
	switch {
	case path == assets.BrandPath:
	case strings.HasSuffix(path, ".yaml"):
		src = readRegular(path)
	default:
		return f // an ACLED export (CSV): the object's position is the row's
	}
	if src == nil {
		return f
	}
	var doc yaml.Node
	if yaml.Unmarshal(src, &doc) != nil {
		return f
	}
	f.src, f.root = src, &doc
	f.lineStarts = []int{0}
	for i, c := range src {
		if c == '\n' {
			f.lineStarts = append(f.lineStarts, i+1)
		}
	}
	walk(&doc, func(n *yaml.Node) bool {
		if n.Kind != yaml.DocumentNode {
			f.starts = append(f.starts, f.offset(n.Line, n.Column))
		}
		return true
	})
	slices.Sort(f.starts)
	return f
}

// readRegular reads a regular file (a link to one included), or returns
// nil: the data folder was checked when it was loaded, but a file swapped
// since for a named pipe must not hang the command.
func readRegular(path string) []byte {
	info, err := os.Stat(path)
	if err != nil || !info.Mode().IsRegular() {
		return nil
	}
	f, err := os.Open(path)
	if err != nil {
		return nil
	}
	defer f.Close()
	src, err := io.ReadAll(io.LimitReader(f, maxLocateBytes))
	if err != nil {
		return nil
	}
	return src
}

// walk visits n and the nodes under it, parents first, in document order,
// until visit returns false.
func walk(n *yaml.Node, visit func(*yaml.Node) bool) bool {
	if !visit(n) {
		return false
	}
	for _, c := range n.Content {
		if !walk(c, visit) {
			return false
		}
	}
	return true
}

// offset turns a 1-based line and column (in characters, as yaml.v3
// counts them) into a byte offset.
func (f *yamlFile) offset(line, col int) int {
	if line < 1 || line > len(f.lineStarts) {
		return len(f.src)
	}
	off := f.lineStarts[line-1]
	for i := 1; i < col && off < len(f.src) && f.src[off] != '\n'; i++ {
		_, size := utf8.DecodeRune(f.src[off:])
		off += size
	}
	return off
}

// position turns a byte offset back into a position in the file.
func (f *yamlFile) position(file string, off int) report.Position {
	line := sort.Search(len(f.lineStarts), func(i int) bool { return f.lineStarts[i] > off })
	col := utf8.RuneCount(f.src[f.lineStarts[line-1]:off]) + 1
	return report.Position{File: file, Line: line, Col: col}
}

// object returns the node an object's position names: the mapping the
// loader took the object from, or the whole document for a position
// without a line.
func (f *yamlFile) object(pos report.Position) *yaml.Node {
	if f.root == nil {
		return nil
	}
	if pos.Line == 0 {
		return f.root
	}
	var found *yaml.Node
	walk(f.root, func(n *yaml.Node) bool {
		if n.Kind != yaml.DocumentNode && n.Line == pos.Line && n.Column == pos.Col {
			found = n // parents come first: the mapping, not its first key
			return false
		}
		return true
	})
	return found
}

// values returns the scalar values under n, keys left out, in document
// order.
func values(n *yaml.Node) []*yaml.Node {
	var out []*yaml.Node
	var visit func(n *yaml.Node)
	visit = func(n *yaml.Node) {
		switch n.Kind {
		case yaml.ScalarNode:
			out = append(out, n)
		case yaml.MappingNode:
			for i := 1; i < len(n.Content); i += 2 {
				visit(n.Content[i])
			}
		case yaml.SequenceNode, yaml.DocumentNode:
			for _, c := range n.Content {
				visit(c)
			}
		}
	}
	visit(n)
	return out
}

// character returns where the character r of text is written, text being
// a value of the object at obj: the character itself when it is written
// as is, the start of the value when it is escaped ("\U0001F600"), and
// obj when the file does not hold the text any more.
func (lc *locator) character(obj report.Position, text string, r rune) report.Position {
	files := []string{obj.File}
	if obj.File == assets.BrandPath {
		// The brand is the built-in one overridden key by key by the data
		// folder's brand.yaml, which the user edits: look there first.
		files = []string{filepath.Join(lc.dir, "brand.yaml"), obj.File}
	}
	for _, file := range files {
		f := lc.file(file)
		start := obj
		if file != obj.File {
			start = report.Position{File: file}
		}
		n := f.object(start)
		if n == nil {
			continue
		}
		scalars := values(n)
		// The value that is the whole text is the one; failing that (a
		// text the loader joined or trimmed), the first that holds r.
		i := slices.IndexFunc(scalars, func(s *yaml.Node) bool { return s.Value == text && strings.ContainsRune(s.Value, r) })
		if i < 0 {
			i = slices.IndexFunc(scalars, func(s *yaml.Node) bool { return strings.ContainsRune(s.Value, r) })
		}
		if i < 0 {
			continue
		}
		return f.within(file, scalars[i], r)
	}
	return obj
}

// within returns the position of the first r written in the source of the
// scalar s, or the position of s when r is not written as is.
func (f *yamlFile) within(file string, s *yaml.Node, r rune) report.Position {
	from := f.offset(s.Line, s.Column)
	// The scalar's source ends where the next node starts, or at the end
	// of the file.
	to := len(f.src)
	if i := sort.SearchInts(f.starts, from+1); i < len(f.starts) {
		to = f.starts[i]
	}
	if i := bytes.IndexRune(f.src[from:to], r); i >= 0 {
		return f.position(file, from+i)
	}
	return report.Position{File: file, Line: s.Line, Col: s.Column}
}

// key returns the position of the value of key in the mapping the
// position obj names, following keys down from there; obj itself when
// there is no such value. A key of the built-in brand is looked for first
// in the data folder's brand.yaml, which overrides it and which the user
// edits.
func (lc *locator) key(obj report.Position, keys ...string) report.Position {
	if obj.File == assets.BrandPath {
		own := report.Position{File: filepath.Join(lc.dir, "brand.yaml")}
		if at := lc.keyIn(own, append([]string{"brand"}, keys...)...); at != own {
			return at
		}
	}
	return lc.keyIn(obj, keys...)
}

func (lc *locator) keyIn(obj report.Position, keys ...string) report.Position {
	f := lc.file(obj.File)
	n := f.object(obj)
	if n == nil {
		return obj
	}
	if n.Kind == yaml.DocumentNode && len(n.Content) > 0 {
		n = n.Content[0]
	}
	for _, k := range keys {
		var next *yaml.Node
		for i := 0; n.Kind == yaml.MappingNode && i+1 < len(n.Content); i += 2 {
			if n.Content[i].Value == k {
				next = n.Content[i+1]
			}
		}
		if next == nil {
			return obj
		}
		n = next
	}
	return report.Position{File: obj.File, Line: n.Line, Col: n.Column}
}
