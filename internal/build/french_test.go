package build_test

import (
	"archive/zip"
	"bytes"
	"context"
	"encoding/csv"
	"html"
	"io"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"time"
	"unicode"
	"unicode/utf8"

	"github.com/xuri/excelize/v2"
	"go.yaml.in/yaml/v3"

	"briefing/internal/build"
	"briefing/internal/pdftest"
	"briefing/internal/synth"
	"briefing/report"
	"briefing/report/locale"
)

// TestFrenchEditionHasNoEnglish builds letters in French and looks, in
// everything a reader sees — the PDF's text and properties, the charts,
// the annex's cells, sheet names, chart, print footers and properties —
// for a word that only the English catalogue uses: a word a renderer
// hard-coded instead of asking the catalogue.
//
// The data's own texts are English in the sample; so that any English
// word left is the tool's, the test first copies the data folder and
// replaces, in every text a reader sees (summaries, names, titles, notes,
// bodies, the brand's texts), each English-only word by a mangled one.
// Ids, codes, dates and references are left alone.
//
// What stays English by design is exempt: the Events sheet and the events
// CSV (ACLED's column names and code values, the same in every edition,
// which the test checks against the English build), the link sheets'
// snake_case columns, and the Sources sheet's code columns.
func TestFrenchEditionHasNoEnglish(t *testing.T) {
	en, _ := locale.For("en")
	fr, _ := locale.For("fr")
	english := englishOnlyWords(en, fr)
	for _, w := range []string{"events", "week", "of", "and", "the", "september", "continued"} {
		if !english[w] {
			t.Fatalf("the English-only word list lacks %q: the test would see nothing", w)
		}
	}

	synthetic := t.TempDir()
	if err := synth.Write(synthetic, 300, 11); err != nil {
		t.Fatal(err)
	}
	for _, tt := range []struct{ name, dir string }{
		{"sample", "../../data"},
		{"synthetic", synthetic},
	} {
		dir := scrambledCopy(t, tt.dir, english)
		ds, diags := report.Load(dir)
		if diags.HasErrors() {
			t.Fatalf("the scrambled copy of %s does not load:\n%v", tt.dir, diags)
		}
		for i := range ds.Letters {
			checkFrenchEdition(t, english, en, fr, ds, tt.name+"/"+ds.Letters[i].ID, &ds.Letters[i])
		}
	}
}

// checkFrenchEdition builds a letter in English and in French and looks
// for English in the French edition.
func checkFrenchEdition(t *testing.T, english map[string]bool, en, fr *locale.Catalog, ds *report.Dataset, name string, l *report.Letter) {
	t.Run(name, func(t *testing.T) {
		enL, frL := *l, *l
		enL.Language, frL.Language = "en", "fr"
		enOut, frOut := buildFiles(t, ds, &enL), buildFiles(t, ds, &frL)

		found := map[string][]string{} // word → where, with context
		look := func(where, text string) {
			for _, hit := range englishIn(text, english) {
				found[hit.word] = append(found[hit.word], where+": …"+hit.context+"…")
			}
		}
		// Numbers too, in the letter and the charts; the annex's
		// numbers are cells, which Excel writes as the reader's
		// locale does.
		numbers := func(where, text string) {
			look(where, text)
			for _, m := range englishNumbers.FindAllStringIndex(text, -1) {
				from, to := max(0, m[0]-30), min(len(text), m[1]+30)
				found[text[m[0]:m[1]]] = append(found[text[m[0]:m[1]]], where+": …"+strings.ToValidUTF8(strings.Join(strings.Fields(text[from:to]), " "), "")+"…")
			}
		}
		lookPDF(t, frOut[build.PDFPath(l)], numbers)
		for path, data := range frOut {
			if strings.HasSuffix(path, ".svg") {
				numbers(path, svgText(data))
			}
		}
		lookAnnex(t, fr, frOut[build.AnnexPath(l)], look)
		lines := []string{}
		for w, where := range found {
			lines = append(lines, w+" in "+strings.Join(where[:min(3, len(where))], " | "))
		}
		slices.Sort(lines)
		for _, r := range lines {
			t.Errorf("the French edition shows the English %s", r)
		}

		// The machine-readable parts are the same in both editions.
		if a, b := firstLine(enOut[build.EventsPath(l)]), firstLine(frOut[build.EventsPath(l)]); a != b {
			t.Errorf("the events CSV's columns differ by language:\n en %s\n fr %s", a, b)
		}
		sameMachineColumns(t, en, fr, enOut[build.AnnexPath(l)], frOut[build.AnnexPath(l)])
	})
}

// TestEnglishOnlyWordsCatch checks the checker: a hard-coded English
// phrase in French text is found, French text and ACLED's names quoted in
// French messages are not.
func TestEnglishOnlyWordsCatch(t *testing.T) {
	en, _ := locale.For("en")
	fr, _ := locale.For("fr")
	english := englishOnlyWords(en, fr)
	if hits := englishIn("Événements par semaine, page 3 sur 12 ; « Political violence » ; vehicles_destroyed", english); len(hits) != 0 {
		t.Errorf("French text flagged: %v", hits)
	}
	hits := englishIn("Figure 1 (continued), page 3 of 12, 5 events", english)
	var words []string
	for _, h := range hits {
		words = append(words, h.word)
	}
	for _, w := range []string{"continued", "of", "events"} {
		if !slices.Contains(words, w) {
			t.Errorf("%q not caught in English text; caught %v", w, words)
		}
	}
}

// verbRE matches the format verbs of a catalogue message, and codeRE its
// file names and shell commands ("ID-events.csv", "events/*.yaml"): no
// words.
var (
	verbRE = regexp.MustCompile(`%(\[\d+\])?[-+# 0]*\d*(\.\d+)?[a-zA-Z%]`)
	codeRE = regexp.MustCompile(`\S*[/*$|]\S*|\S+\.(csv|xlsx|yaml|geojson)\b`)
)

// englishOnlyWords lists, lower-cased, the words of the English catalogue
// (its messages and month names) that no French message or month name
// uses: proper nouns and ACLED's English names, which the French messages
// quote, drop out.
func englishOnlyWords(en, fr *locale.Catalog) map[string]bool {
	vocabulary := func(c *locale.Catalog) map[string]bool {
		words := map[string]bool{}
		add := func(s string) {
			for _, w := range tokens(codeRE.ReplaceAllString(verbRE.ReplaceAllString(s, " "), " ")) {
				words[w.word] = true
			}
		}
		for _, k := range c.Keys() {
			add(c.T(k))
		}
		for m := time.January; m <= time.December; m++ {
			add(c.Month(m))
			add(c.MonthShort(m))
		}
		return words
	}
	english, french := vocabulary(en), vocabulary(fr)
	for w := range french {
		delete(english, w)
	}
	return english
}

type token struct {
	word       string // lower case
	start, end int    // byte offsets in the text
}

// tokens splits text into words: runs of letters two or more long.
// A run joined to digits or underscores (snake_case column names, ids,
// "RN1") is a code, not a word, and is skipped.
func tokens(text string) []token {
	var out []token
	isPart := func(r rune) bool { return unicode.IsLetter(r) || unicode.IsDigit(r) || r == '_' }
	for i := 0; i < len(text); {
		r, size := utf8.DecodeRuneInString(text[i:])
		if !isPart(r) {
			i += size
			continue
		}
		j, code := i, false
		for j < len(text) {
			r, size := utf8.DecodeRuneInString(text[j:])
			if !isPart(r) {
				break
			}
			if !unicode.IsLetter(r) {
				code = true
			}
			j += size
		}
		if w := text[i:j]; !code && utf8.RuneCountInString(w) > 1 {
			out = append(out, token{strings.ToLower(w), i, j})
		}
		i = j
	}
	return out
}

type hit struct{ word, context string }

// englishIn returns the English-only words of text, each with some text
// around it.
func englishIn(text string, english map[string]bool) []hit {
	text = codeRE.ReplaceAllStringFunc(text, func(s string) string { return strings.Repeat(" ", len(s)) })
	var hits []hit
	for _, tk := range tokens(text) {
		// The start of a word hyphenated at the end of a line, where the
		// page's text runs on in another column, is no word.
		rest := text[tk.end:]
		if strings.HasPrefix(rest, "-") && (len(rest) == 1 || strings.TrimLeft(rest[1:2], " \n\t") == "") {
			continue
		}
		if english[tk.word] {
			from, to := max(0, tk.start-40), min(len(text), tk.end+40)
			for from > 0 && !utf8.RuneStart(text[from]) {
				from--
			}
			for to < len(text) && !utf8.RuneStart(text[to]) {
				to++
			}
			hits = append(hits, hit{tk.word, strings.Join(strings.Fields(text[from:to]), " ")})
		}
	}
	return hits
}

// scrambledCopy copies a data folder, with each English-only word of the
// texts a reader sees replaced by a mangled word of the same length, and
// every web address by a neutral one. The default brand's texts are
// overridden by a scrambled copy of assets/brand.yaml.
func scrambledCopy(t *testing.T, src string, english map[string]bool) string {
	t.Helper()
	dst := t.TempDir()
	urls := 0
	err := filepath.WalkDir(src, func(path string, d os.DirEntry, err error) error {
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(src, path)
		target := filepath.Join(dst, rel)
		if d.IsDir() {
			return os.MkdirAll(target, 0o755)
		}
		data, err := os.ReadFile(path)
		if err != nil {
			return err
		}
		switch filepath.Ext(path) {
		case ".yaml":
			data = scrambleYAML(t, path, data, english, &urls)
		case ".csv":
			data = scrambleCSV(t, path, data, english)
		}
		return os.WriteFile(target, data, 0o644)
	})
	if err != nil {
		t.Fatal(err)
	}
	if _, err := os.Stat(filepath.Join(dst, "brand.yaml")); os.IsNotExist(err) {
		path := filepath.Join("..", "..", "assets", "brand.yaml")
		data, err := os.ReadFile(path)
		if err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(filepath.Join(dst, "brand.yaml"), scrambleYAML(t, path, data, english, &urls), 0o644); err != nil {
			t.Fatal(err)
		}
	}
	return dst
}

// readerTexts are the keys whose values (strings, lists, or mappings by
// language) a reader sees printed.
var readerTexts = map[string]bool{
	"summary": true, "name": true, "short": true, "note": true, "title": true, "subtitle": true,
	"series": true, "tagline": true, "body": true, "key_points": true, "authors": true,
	"actor1": true, "actor2": true, "assoc_actor_1": true, "claimed_by": true, "publisher": true,
	"address": true, "copyright": true, "title_translation": true, "admin1": true, "admin2": true,
}

func scrambleYAML(t *testing.T, path string, data []byte, english map[string]bool, urls *int) []byte {
	t.Helper()
	var root yaml.Node
	if err := yaml.Unmarshal(data, &root); err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	var walk func(n *yaml.Node, text bool)
	walk = func(n *yaml.Node, text bool) {
		switch n.Kind {
		case yaml.DocumentNode, yaml.SequenceNode:
			for _, c := range n.Content {
				walk(c, text)
			}
		case yaml.MappingNode:
			for i := 0; i+1 < len(n.Content); i += 2 {
				key, value := n.Content[i], n.Content[i+1]
				if key.Value == "url" && value.Kind == yaml.ScalarNode && value.Value != "" {
					*urls++
					value.Value = "https://example.org/" + strings.Repeat("x", *urls%7+1) + "/" + string(rune('a'+*urls%26))
					value.Value += "-" + strings.Repeat("y", *urls/26)
					continue
				}
				walk(value, text || readerTexts[key.Value])
			}
		case yaml.ScalarNode:
			if text && n.Tag == "!!str" {
				n.Value = scrambleText(n.Value, english)
				n.Style = yaml.DoubleQuotedStyle
				if strings.Contains(n.Value, "\n") {
					n.Style = yaml.LiteralStyle
				}
			}
		}
	}
	walk(&root, false)
	out, err := yaml.Marshal(&root)
	if err != nil {
		t.Fatalf("%s: %v", path, err)
	}
	return out
}

// scrambleCSV scrambles the text columns of an ACLED export.
func scrambleCSV(t *testing.T, path string, data []byte, english map[string]bool) []byte {
	t.Helper()
	rows, err := csv.NewReader(bytes.NewReader(data)).ReadAll()
	if err != nil || len(rows) == 0 {
		t.Fatalf("%s: %v", path, err)
	}
	texts := map[string]bool{"notes": true, "actor1": true, "actor2": true, "assoc_actor_1": true, "assoc_actor_2": true,
		"location": true, "admin1": true, "admin2": true, "admin3": true, "source": true, "claimed_by": true}
	for _, r := range rows[1:] {
		for i, name := range rows[0] {
			if texts[name] && i < len(r) {
				r[i] = scrambleText(r[i], english)
			}
		}
	}
	var b bytes.Buffer
	w := csv.NewWriter(&b)
	w.WriteAll(rows)
	return b.Bytes()
}

// protected are the parts of a text that are references, not words: a note
// [^source-id], a figure @fig:name, a web address.
var protected = regexp.MustCompile(`\[\^[^\]]*\]|@fig:[A-Za-z0-9_-]+|https?://\S+`)

// scrambleText replaces each English-only word by a mangled word of the
// same length: "q" and the rest of the word reversed, which is no word of
// either catalogue.
func scrambleText(s string, english map[string]bool) string {
	keep := protected.FindAllStringIndex(s, -1)
	var b strings.Builder
	last := 0
	for _, tk := range tokens(s) {
		if !english[tk.word] || slices.ContainsFunc(keep, func(k []int) bool { return tk.start < k[1] && tk.end > k[0] }) {
			continue
		}
		r := []rune(s[tk.start:tk.end])
		m := []rune{'q'}
		for i := len(r) - 1; i > 0; i-- {
			m = append(m, unicode.ToLower(r[i]))
		}
		b.WriteString(s[last:tk.start])
		b.WriteString(string(m))
		last = tk.end
	}
	b.WriteString(s[last:])
	// A number's punctuation ("1.3 km", "30%", "2,700") is the data's:
	// spaced out, any left in the output is the tool's.
	s, b = b.String(), strings.Builder{}
	last = 0
	for _, k := range append(protected.FindAllStringIndex(s, -1), []int{len(s), len(s)}) {
		b.WriteString(numberMark.ReplaceAllString(s[last:k[0]], "$1 $2"))
		b.WriteString(s[k[0]:k[1]])
		last = k[1]
	}
	return b.String()
}

// numberMark is a digit followed by a decimal point, a comma or a
// percent sign.
var numberMark = regexp.MustCompile(`(\d)([.,%])`)

// englishNumbers finds numbers written the English way in French text: a
// decimal point, a comma grouping thousands, a percent sign without its
// space.
var englishNumbers = regexp.MustCompile(`\d\.\d|\d,\d{3}(\D|$)|\d%`)

func buildFiles(t *testing.T, ds *report.Dataset, l *report.Letter) map[string][]byte {
	t.Helper()
	env, err := build.NewEnv("briefing test", time.Date(2025, 9, 30, 0, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	files, _, err := build.Letter(context.Background(), ds, l, env)
	if err != nil {
		t.Fatalf("build %s: %v", l.Language, err)
	}
	out := map[string][]byte{}
	for _, f := range files {
		out[f.Path] = f.Data
	}
	return out
}

func lookPDF(t *testing.T, data []byte, look func(where, text string)) {
	t.Helper()
	doc, err := pdftest.Parse(data)
	if err != nil {
		t.Fatalf("reading the PDF: %v", err)
	}
	for i := range doc.Pages {
		// A word hyphenated at the end of a line is one word.
		look("PDF page "+strconv.Itoa(i+1), regexp.MustCompile(`-\s*\n\s*`).ReplaceAllString(doc.PageText(i), ""))
	}
	for _, k := range []string{"Title", "Subject", "Keywords", "Author"} {
		look("PDF "+k, doc.Info[k])
	}
}

// svgText is the text an SVG shows: its text nodes, tags and attributes
// left out.
func svgText(data []byte) string {
	return html.UnescapeString(regexp.MustCompile(`<[^>]*>`).ReplaceAllString(string(data), "\n"))
}

var snakeCase = regexp.MustCompile(`^[a-z][a-z0-9_]*$`)

// lookAnnex reads every cell of the annex a reader reads as words, its
// sheet names, the text of its chart, the print footers and the document
// properties.
func lookAnnex(t *testing.T, cat *locale.Catalog, data []byte, look func(where, text string)) {
	t.Helper()
	book, err := excelize.OpenReader(bytes.NewReader(data))
	if err != nil {
		t.Fatalf("reading the annex: %v", err)
	}
	defer book.Close()
	// Columns of codes written as the dataset holds them, in every
	// edition: ids, languages, kinds and date precisions.
	codes := map[string]bool{
		cat.T("annex.sources.id"): true, cat.T("annex.sources.url"): true, cat.T("annex.sources.language"): true,
		cat.T("annex.sources.kind"): true, cat.T("annex.sources.date_precision"): true, cat.T("annex.corridors.id"): true,
	}
	for _, sheet := range book.GetSheetList() {
		look("sheet name", sheet)
		if sheet == cat.T("annex.sheet.events") {
			continue // ACLED's columns and codes: compared with English below
		}
		rows, err := book.GetRows(sheet)
		if err != nil {
			t.Fatal(err)
		}
		header := headerRow(cat, sheet, rows)
		for i, r := range rows {
			for j, v := range r {
				name := ""
				if header >= 0 && j < len(rows[header]) {
					name = rows[header][j]
				}
				switch {
				case v == "":
				case snakeCase.MatchString(name), codes[name] && i > header:
					// A machine-readable column: its name and values are codes.
				case sheet == cat.T("annex.sheet.about") && name == cat.T("annex.about.col.column") && i > header && snakeCase.MatchString(v):
					// The definitions name the machine-readable columns.
				default:
					look(sheet+"!"+cellRef(j, i), v)
				}
			}
		}
	}
	zr, err := zip.NewReader(bytes.NewReader(data), int64(len(data)))
	if err != nil {
		t.Fatal(err)
	}
	footer := regexp.MustCompile(`<(oddHeader|oddFooter|evenHeader|evenFooter|firstHeader|firstFooter)>([^<]*)<`)
	for _, f := range zr.File {
		rc, err := f.Open()
		if err != nil {
			t.Fatal(err)
		}
		part, _ := io.ReadAll(rc)
		rc.Close()
		switch {
		case strings.HasPrefix(f.Name, "xl/charts/"), strings.HasPrefix(f.Name, "docProps/"):
			look(f.Name, svgText(part))
		case strings.HasPrefix(f.Name, "xl/worksheets/"):
			for _, m := range footer.FindAllSubmatch(part, -1) {
				// &P, &N, &L, &8 are Excel's codes.
				look(f.Name+" "+string(m[1]), regexp.MustCompile(`&[A-Z0-9]`).ReplaceAllString(html.UnescapeString(string(m[2])), " "))
			}
		}
	}
}

// headerRow finds the row of a sheet's column titles: the first row, or
// on the About sheet the row of the definitions' titles, below the
// preamble.
func headerRow(cat *locale.Catalog, sheet string, rows [][]string) int {
	if sheet != cat.T("annex.sheet.about") {
		return 0
	}
	titles := []string{cat.T("annex.about.col.sheet"), cat.T("annex.about.col.column"), cat.T("annex.about.col.definition")}
	for i, r := range rows {
		if slices.Equal(r, titles) {
			return i
		}
	}
	return -1
}

func cellRef(col, row int) string {
	name, _ := excelize.CoordinatesToCellName(col+1, row+1)
	return name
}

func firstLine(b []byte) string {
	line, _, _ := bytes.Cut(b, []byte("\n"))
	return string(bytes.TrimSpace(line))
}

// sameMachineColumns: the Events sheet's columns and code values, and the
// link sheets' columns, are the same in the English and French annexes.
func sameMachineColumns(t *testing.T, en, fr *locale.Catalog, enData, frData []byte) {
	t.Helper()
	open := func(data []byte) *excelize.File {
		b, err := excelize.OpenReader(bytes.NewReader(data))
		if err != nil {
			t.Fatal(err)
		}
		return b
	}
	enBook, frBook := open(enData), open(frData)
	defer enBook.Close()
	defer frBook.Close()
	rows := func(b *excelize.File, sheet string) [][]string {
		r, err := b.GetRows(sheet)
		if err != nil || len(r) == 0 {
			t.Fatalf("no sheet %q: %v", sheet, err)
		}
		return r
	}
	enEvents, frEvents := rows(enBook, en.T("annex.sheet.events")), rows(frBook, fr.T("annex.sheet.events"))
	if !slices.Equal(enEvents[0], frEvents[0]) {
		t.Errorf("the Events sheet's columns differ by language:\n en %v\n fr %v", enEvents[0], frEvents[0])
	}
	codes := []string{"event_id_cnty", "event_date", "time_precision", "disorder_type", "event_type", "sub_event_type",
		"inter1", "inter2", "interaction", "civilian_targeting", "iso", "region", "country", "geo_precision", "targets", "corridors"}
	for _, name := range codes {
		c := slices.Index(enEvents[0], name)
		if c < 0 {
			t.Errorf("the Events sheet has no column %s", name)
			continue
		}
		for i := 1; i < min(len(enEvents), len(frEvents)); i++ {
			get := func(r []string) string {
				if c < len(r) {
					return r[c]
				}
				return ""
			}
			if a, b := get(enEvents[i]), get(frEvents[i]); a != b {
				t.Errorf("Events row %d, %s: %q in English, %q in French", i+1, name, a, b)
				break
			}
		}
	}
	for _, key := range []string{"annex.sheet.event_sources", "annex.sheet.event_corridors", "annex.sheet.event_targets"} {
		if a, b := rows(enBook, en.T(key))[0], rows(frBook, fr.T(key))[0]; !slices.Equal(a, b) {
			t.Errorf("sheet %s: columns differ by language:\n en %v\n fr %v", key, a, b)
		}
	}
}
