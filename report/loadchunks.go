package report

import (
	"bytes"
	"errors"
	"io"

	"go.yaml.in/yaml/v3"
)

// The YAML library parses a file on one CPU, and parsing is most of what
// loading YAML costs: a file of 100,000 events (one import of a year of
// ACLED's Africa) takes seconds, and its tree of nodes a gigabyte. A long
// list at the top level of a file — events, sources, places — is made of
// items that YAML parses each on its own, each starting on a line of its
// own ("  - id: …") at the list's indentation. So a long list is cut at
// such lines into chunks, each parsed as a document of its own, its lines
// shifted to where they are in the file; the rest of the file (the
// skeleton: the file without the list's items, their lines left empty so
// that what follows keeps its line numbers) is parsed apart. The chunks
// are parsed a few at a time, ahead of the decoder, which decodes the
// items of each in turn and lets it go: the file's tree is never whole in
// memory, and several CPUs parse it.
//
// The nodes are those parsing the whole file gives, but for YAML's
// comments, which the loader does not read. Whenever that could be in
// doubt — a chunk or the skeleton that does not parse as expected, an
// anchor or an alias, line breaks other than LF and CRLF, several
// documents, directives — the whole file is parsed and decoded instead,
// as it always was, so that every message is the same.

// chunking says whether and how a decoder may cut a long list: into
// parts of at least minBytes and at most maxBytes (when the list is long
// enough for more than one), parsed ahead of the decoding by up to ahead
// goroutines.
type chunking struct {
	on                 bool
	ahead              int
	minBytes, maxBytes int
}

// minChunkBytes is the least a chunk holds: below, the goroutines cost
// more than they save. maxChunkBytes is the most, for memory: the nodes
// of 2 MiB of events take about 30 MB.
const (
	minChunkBytes = 256 << 10
	maxChunkBytes = 2 << 20
)

// chunkPlan says where a long list is cut.
type chunkPlan struct {
	// starts holds the offset of the first line of each chunk, the first
	// being the list's first item; end is where the list ends.
	starts []int
	end    int
	// second is the offset of the list's second item: the skeleton keeps
	// the first.
	second int
	// items counts the items of each chunk.
	items []int
}

// planChunks finds the longest list at the top level of src and where to
// cut it, or reports that src cannot be cut safely.
func planChunks(src []byte, c chunking) (chunkPlan, bool) {
	if !c.on || len(src) < 2*c.minBytes {
		return chunkPlan{}, false
	}
	// YAML also breaks lines at a lone CR and at U+2028 and U+2029: the
	// lines of chunks are counted as LF only.
	if bytes.Contains(src, []byte("\u2028")) || bytes.Contains(src, []byte("\u2029")) ||
		bytes.Count(src, []byte{'\r'}) != bytes.Count(src, []byte("\r\n")) {
		return chunkPlan{}, false
	}
	type list struct {
		indent int
		first  int   // offset of the first item
		starts []int // offsets of every item
		end    int
	}
	var best, cur list
	inList, afterKey := false, false
	closeList := func(end int) {
		if inList {
			cur.end = end
			if cur.end-cur.first > best.end-best.first {
				best = cur
			}
		}
		inList = false
	}
	for off := 0; off < len(src); {
		lineEnd := len(src)
		if i := bytes.IndexByte(src[off:], '\n'); i >= 0 {
			lineEnd = off + i + 1
		}
		line := bytes.TrimRight(src[off:lineEnd], "\r\n")
		indent := 0
		for indent < len(line) && line[indent] == ' ' {
			indent++
		}
		text := line[indent:]
		blank := len(text) == 0 || text[0] == '#'
		item := len(text) > 0 && text[0] == '-' && (len(text) == 1 || text[1] == ' ')
		switch {
		case indent == 0 && len(text) > 0 && (text[0] == '%' || bytes.HasPrefix(text, []byte("---")) || bytes.HasPrefix(text, []byte("..."))):
			return chunkPlan{}, false // directives, or several documents
		case blank:
		case inList && item && indent == cur.indent:
			cur.starts = append(cur.starts, off)
		case inList && indent > cur.indent:
		case afterKey && item:
			cur = list{indent: indent, first: off, starts: []int{off}}
			inList, afterKey = true, false
		default:
			closeList(off)
			afterKey = false
			// A key at the top level with nothing after it may hold a list
			// on the lines that follow.
			if indent == 0 {
				if colon := bytes.IndexByte(text, ':'); colon > 0 && isPlainKey(text[:colon]) {
					rest := bytes.TrimLeft(text[colon+1:], " ")
					afterKey = len(rest) == 0 || rest[0] == '#'
				}
			}
		}
		off = lineEnd
	}
	closeList(len(src))
	if len(best.starts) < 2 {
		return chunkPlan{}, false
	}
	size := best.end - best.first
	n := min(max((size+c.maxBytes-1)/c.maxBytes, min(c.ahead+1, size/c.minBytes)), len(best.starts))
	if n < 2 {
		return chunkPlan{}, false
	}
	plan := chunkPlan{end: best.end, second: best.starts[1]}
	// Cut at the item starts nearest to equal shares of the bytes.
	share := (best.end - best.first) / n
	last := 0
	for i, start := range best.starts {
		if i == 0 || (len(plan.starts) < n && start-best.first >= len(plan.starts)*share) {
			if len(plan.starts) > 0 {
				plan.items = append(plan.items, i-last)
			}
			plan.starts = append(plan.starts, start)
			last = i
		}
	}
	plan.items = append(plan.items, len(best.starts)-last)
	return plan, len(plan.starts) >= 2
}

// isPlainKey reports whether a key is written in plain letters, digits
// and underscores, as every key of briefing's files is.
func isPlainKey(k []byte) bool {
	for _, c := range k {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || c == '_') {
			return false
		}
	}
	return true
}

// lazyList is a long list cut into chunks, parsed as the decoder takes
// them.
type lazyList struct {
	list  *yaml.Node // the list's node, without items
	src   []byte
	plan  chunkPlan
	ahead int
	// parts[i] receives the items of chunk i, nil when it does not parse
	// as planned; started counts the chunks whose parsing has begun.
	parts   []chan *yaml.Node
	started int
	lineOf  *lineCounter
	// taken counts the chunks the decoder took.
	taken int
}

// parseSkeleton parses the file without the list's items: the document,
// the second one if any (extra), and the list, whose items are then read
// through it; ok is false when the whole file must be parsed instead.
func parseSkeleton(src []byte, plan chunkPlan, ahead int) (doc, extra *yaml.Node, lazy *lazyList, ok bool) {
	lines := &lineCounter{src: src, line: 1}
	// The skeleton keeps the list's first item, by which the list is found
	// in it.
	rest := src[plan.second:plan.end]
	breaks := bytes.Count(rest, []byte{'\n'})
	skeleton := make([]byte, 0, len(src)-len(rest)+breaks)
	skeleton = append(skeleton, src[:plan.second]...)
	skeleton = append(skeleton, bytes.Repeat([]byte{'\n'}, breaks)...)
	skeleton = append(skeleton, src[plan.end:]...)
	dec := yaml.NewDecoder(bytes.NewReader(skeleton))
	var skel yaml.Node
	if dec.Decode(&skel) != nil || len(skel.Content) != 1 || skel.Content[0].Kind != yaml.MappingNode || !plain(&skel) {
		return nil, nil, nil, false
	}
	var second yaml.Node
	if dec.Decode(&second) == nil {
		extra = &second
	}
	top := skel.Content[0]
	firstLine := lines.at(plan.starts[0])
	var list *yaml.Node
	for i := 1; i < len(top.Content); i += 2 {
		if v := top.Content[i]; v.Kind == yaml.SequenceNode && len(v.Content) == 1 && v.Content[0].Line == firstLine {
			list = v
		}
	}
	if list == nil {
		return nil, nil, nil, false
	}
	list.Content = nil // the items come from the chunks
	lazy = &lazyList{list: list, src: src, plan: plan, ahead: ahead, parts: make([]chan *yaml.Node, len(plan.starts)), lineOf: lines}
	for i := range lazy.parts {
		lazy.parts[i] = make(chan *yaml.Node, 1)
	}
	return &skel, extra, lazy, true
}

// count returns the number of items of the list.
func (l *lazyList) count() int {
	n := 0
	for _, c := range l.plan.items {
		n += c
	}
	return n
}

// chunk returns the items of chunk i, nil when they do not parse as
// planned. Chunks must be asked for in order: each starts the parsing of
// the chunks ahead of it.
func (l *lazyList) chunk(i int) *yaml.Node {
	for ; l.started < len(l.parts) && l.started <= i+l.ahead; l.started++ {
		k := l.started
		end := l.plan.end
		if k+1 < len(l.plan.starts) {
			end = l.plan.starts[k+1]
		}
		// Lines counted here, in order, rather than in each goroutine.
		src, line, count := l.src[l.plan.starts[k]:end], l.lineOf.at(l.plan.starts[k])-1, l.plan.items[k]
		if k == i {
			l.parts[k] <- parseChunk(src, line, count)
			continue
		}
		go func() { l.parts[k] <- parseChunk(src, line, count) }()
	}
	return <-l.parts[i]
}

// all returns every item of the list, or false when a chunk does not
// parse as planned.
func (l *lazyList) all() ([]*yaml.Node, bool) {
	var items []*yaml.Node
	for i := range l.parts {
		part := l.chunk(i)
		if part == nil {
			return nil, false
		}
		items = append(items, part.Content...)
	}
	return items, true
}

// lineCounter returns the line of offsets asked for in increasing order,
// counting the line feeds between each and the last.
type lineCounter struct {
	src       []byte
	off, line int
}

func (c *lineCounter) at(off int) int {
	c.line += bytes.Count(c.src[c.off:off], []byte{'\n'})
	c.off = off
	return c.line
}

// parseChunk parses the items of a chunk, whose first line is line+1 of
// the file, into a list of count items with the lines of the file; nil
// when it does not parse as that alone.
func parseChunk(src []byte, line, count int) *yaml.Node {
	dec := yaml.NewDecoder(bytes.NewReader(src))
	var doc yaml.Node
	if err := dec.Decode(&doc); err != nil {
		return nil
	}
	var more yaml.Node
	if err := dec.Decode(&more); !errors.Is(err, io.EOF) {
		return nil
	}
	if len(doc.Content) != 1 || doc.Content[0].Kind != yaml.SequenceNode || len(doc.Content[0].Content) != count || !plain(&doc) {
		return nil
	}
	shiftLines(doc.Content[0], line)
	return doc.Content[0]
}

// plain reports whether a tree holds no anchor and no alias: the loader
// reports them, from the tree of the whole file.
func plain(n *yaml.Node) bool {
	if n.Anchor != "" || n.Kind == yaml.AliasNode {
		return false
	}
	for _, c := range n.Content {
		if !plain(c) {
			return false
		}
	}
	return true
}

func shiftLines(n *yaml.Node, by int) {
	n.Line += by
	for _, c := range n.Content {
		shiftLines(c, by)
	}
}
