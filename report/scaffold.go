package report

import (
	"bytes"
	"encoding/json"
	"fmt"
	"strings"
	"time"
)

// Placeholder marks text a scaffolded letter still needs written; the
// loader warns about every place it remains.
const Placeholder = "TO BE WRITTEN"

// MonthPeriod returns the period a letter of the month month (written
// YYYY-MM) covers when it follows prev: as many whole months as prev covers,
// ending with that month, when prev's period is whole months; otherwise the
// month alone.
func MonthPeriod(month string, prev *Letter) (Period, error) {
	t, err := time.Parse("2006-01", month)
	if err != nil {
		return Period{}, fmt.Errorf("period %q is not a month written YYYY-MM", month)
	}
	last := DateOf(t).firstOfMonth(1).AddDays(-1)
	months := 1
	if prev != nil {
		if n, ok := prev.Period.wholeMonths(); ok {
			months = n
		}
	}
	return Period{From: DateOf(t).firstOfMonth(1 - months), To: last}, nil
}

// Scaffold writes the YAML of a new letter that follows prev: the same
// series, language, scope, authors, section titles and figures, the given
// period, issued on its last day, and placeholders where the text must be
// written.
func Scaffold(prev *Letter, period Period) []byte {
	var b bytes.Buffer
	fmt.Fprintf(&b, "# Scaffolded from %s by briefing new. Replace every %q, then run briefing validate.\n", prev.ID, Placeholder)
	b.WriteString("letter:\n")
	field := func(indent, key string, value string) {
		fmt.Fprintf(&b, "%s%s: %s\n", indent, key, quote(value))
	}
	field("  ", "series", prev.Series)
	field("  ", "title", Placeholder+": the title")
	if prev.Subtitle != "" {
		field("  ", "subtitle", Placeholder+": the subtitle")
	}
	fmt.Fprintf(&b, "  issued: %s\n", period.To)
	fmt.Fprintf(&b, "  language: %s\n", prev.Language)
	fmt.Fprintf(&b, "  period: {from: %s, to: %s}\n", period.From, period.To)
	if s := prev.Scope; len(s.Countries)+len(s.Admin1)+len(s.Corridors) > 0 {
		b.WriteString("  scope:\n")
		list(&b, "    ", "countries", s.Countries)
		list(&b, "    ", "admin1", s.Admin1)
		list(&b, "    ", "corridors", s.Corridors)
	}
	list(&b, "  ", "authors", prev.Authors)
	b.WriteString("  key_points:\n")
	for i := range max(3, min(5, len(prev.KeyPoints))) {
		fmt.Fprintf(&b, "    - %s\n", quote(fmt.Sprintf("%s: key point %d.", Placeholder, i+1)))
	}
	b.WriteString("  sections:\n")
	for _, s := range prev.Sections {
		fmt.Fprintf(&b, "    - title: %s\n", quote(s.Title))
		// The note is escaped: a placeholder must not cite a source that
		// does not exist.
		fmt.Fprintf(&b, "      body: |\n        %s: paragraphs separated by blank lines; cite a source as \\[^source-id].\n", Placeholder)
		list(&b, "      ", "figures", s.Figures)
	}
	return b.Bytes()
}

func list(b *bytes.Buffer, indent, key string, items []string) {
	if len(items) == 0 {
		return
	}
	quoted := make([]string, len(items))
	for i, it := range items {
		quoted[i] = quote(it)
	}
	fmt.Fprintf(b, "%s%s: [%s]\n", indent, key, strings.Join(quoted, ", "))
}

// quote writes a YAML double-quoted string; JSON's string syntax is a
// subset of it.
func quote(s string) string {
	var b bytes.Buffer
	enc := json.NewEncoder(&b)
	enc.SetEscapeHTML(false)
	enc.Encode(s)
	return strings.TrimSuffix(b.String(), "\n")
}
