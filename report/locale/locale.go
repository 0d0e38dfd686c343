// Package locale is briefing's message catalogue: every word the tool
// generates (headings, labels, captions, month names, "page N of M") and
// the way dates and numbers are written, for each language a letter may be
// written in. Renderers never hard-code a word; they ask a [Catalog].
//
// To add a language, add a file like english.go with its messages, month
// names and number format, list it in [For], and run the tests: they check
// that every language defines every message the English catalogue does.
package locale

import (
	"fmt"
	"math"
	"slices"
	"strconv"
	"strings"
	"time"

	"briefing/report"
)

// Catalog holds one language's messages and formats.
type Catalog struct {
	lang        string
	messages    map[string]string
	months      [12]string // full names, lower-case where the language writes them so
	monthsShort [12]string
	// number formatting
	decimal   string // decimal separator
	thousands string // grouping separator
	percent   string // between a number and "%"
	// dateFormat orders day, month name and year: "2 January 2006" style
	// with %d, %m and %y.
	dateFormat      string
	monthYearFormat string
	shortFormat     string
	capitalMonths   bool // whether a month name opening a phrase is capitalised
}

// For returns the catalogue of a language (an ISO 639-1 code).
func For(lang string) (*Catalog, error) {
	switch lang {
	case "en":
		return english(), nil
	case "fr":
		return french(), nil
	}
	return nil, fmt.Errorf("no message catalogue for language %q; briefing writes %s", lang, strings.Join(Languages(), ", "))
}

// Languages lists the languages with a catalogue.
func Languages() []string { return []string{"en", "fr"} }

// merge joins message tables; a key defined twice is a bug the tests catch
// by comparing each language's keys with English.
func merge(tables ...map[string]string) map[string]string {
	all := map[string]string{}
	for _, t := range tables {
		for k, v := range t {
			all[k] = v
		}
	}
	return all
}

// Lang returns the catalogue's language code.
func (c *Catalog) Lang() string { return c.lang }

// T returns the message for key, formatted with args as fmt.Sprintf does.
// A missing key is a bug caught by the tests; it prints as the key in
// brackets rather than as nothing.
func (c *Catalog) T(key string, args ...any) string {
	msg, ok := c.messages[key]
	if !ok {
		return "[" + key + "]"
	}
	if len(args) == 0 {
		return msg
	}
	return fmt.Sprintf(msg, args...)
}

// Has reports whether the catalogue defines key.
func (c *Catalog) Has(key string) bool { _, ok := c.messages[key]; return ok }

// Keys returns every message key, sorted.
func (c *Catalog) Keys() []string {
	keys := make([]string, 0, len(c.messages))
	for k := range c.messages {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// Month returns the full name of a month ("September", "septembre").
func (c *Catalog) Month(m time.Month) string { return c.months[m-1] }

// MonthShort returns the abbreviated name of a month ("Sep", "sept.").
func (c *Catalog) MonthShort(m time.Month) string { return c.monthsShort[m-1] }

// Date writes a day in full: "11 July 2025", "11 juillet 2025".
func (c *Catalog) Date(d report.Date) string {
	return c.format(c.dateFormat, d.Day, c.Month(d.Month), d.Year)
}

// ShortDate writes a day without its year, as axis labels do: "1 Jul",
// "1 juil.".
func (c *Catalog) ShortDate(d report.Date) string {
	return c.format(c.shortFormat, d.Day, c.MonthShort(d.Month), d.Year)
}

// MonthYear writes a month as a cover does: "September 2025",
// "Septembre 2025".
func (c *Catalog) MonthYear(year int, m time.Month) string {
	return c.format(c.monthYearFormat, 0, capitalise(c.Month(m)), year)
}

// PartialDate writes a publication date known to the day, month or year,
// in the order of a source citation: "2025, July 11" in English,
// "2025, 11 juillet" in French.
func (c *Catalog) PartialDate(p report.PartialDate) string {
	switch {
	case p.Year == 0:
		return c.T("no_date")
	case p.Month == 0:
		return strconv.Itoa(p.Year)
	case p.Day == 0:
		return fmt.Sprintf("%d, %s", p.Year, c.Month(p.Month))
	}
	return c.T("citation_date", p.Year, c.Month(p.Month), c.day(p.Day))
}

// Period writes a period: "1 June – 30 September 2025".
func (c *Catalog) Period(p report.Period) string {
	from := c.Date(p.From)
	if p.From.Year == p.To.Year {
		from = strings.TrimSpace(strings.TrimSuffix(from, strconv.Itoa(p.From.Year)))
	}
	return from + " – " + c.Date(p.To)
}

// Periods writes several periods, as a coverage made of pieces: "1 June
// – 9 September 2025; 1 – 31 December 2025".
func (c *Catalog) Periods(ps []report.Period) string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = c.Period(p)
	}
	return strings.Join(out, "; ")
}

// MonthYearInText writes a month as running text and a page footer do:
// "September 2025", "septembre 2025". [Catalog.MonthYear] capitalises the
// month for a line of its own, as a cover's title.
func (c *Catalog) MonthYearInText(year int, m time.Month) string {
	return c.format(c.monthYearFormat, 0, c.Month(m), year)
}

// Day writes a day of the month as the catalogue's dates do: "1", "2" in
// English, "1er", "2" in French.
func (c *Catalog) Day(n int) string { return c.day(n) }

// PeriodInText writes a period as a sentence continues it after the
// preposition its message puts before the placeholder. French messages
// say "du %s" and get "du 1er février au 31 mai 2025" ("du 1er au
// 31 mai 2025" within a month, "du 5 mai 2025" for a single day); English
// ones say "of %s" or "over %s" and get the period as [Catalog.Period]
// writes it, "1 February – 31 May 2025". [Catalog.Period] remains for a
// period standing alone: a table cell, a subtitle, a parenthesis.
func (c *Catalog) PeriodInText(p report.Period) string {
	if c.lang != "fr" {
		return c.Period(p)
	}
	if p.From == p.To {
		return c.Date(p.From)
	}
	var from string
	switch {
	case p.From.Year == p.To.Year && p.From.Month == p.To.Month:
		from = c.day(p.From.Day)
	case p.From.Year == p.To.Year:
		from = c.day(p.From.Day) + " " + c.Month(p.From.Month)
	default:
		from = c.Date(p.From)
	}
	return from + " au " + c.Date(p.To)
}

// PeriodsInText writes several periods as [Catalog.PeriodInText] writes
// one, joined as a sentence lists them: "du 1er juin au 9 septembre 2025
// et du 1er au 31 décembre 2025" after a French message's "du", "1 June
// – 9 September 2025 and 1 December – 31 December 2025" in English.
func (c *Catalog) PeriodsInText(ps []report.Period) string {
	out := make([]string, len(ps))
	for i, p := range ps {
		out[i] = c.PeriodInText(p)
		if i > 0 && c.lang == "fr" {
			out[i] = "du " + out[i]
		}
	}
	return c.List(out)
}

func (c *Catalog) format(layout string, day int, month string, year int) string {
	r := strings.NewReplacer("%d", c.day(day), "%m", month, "%y", strconv.Itoa(year))
	return r.Replace(layout)
}

// day writes a day of the month: French writes the first "1er".
func (c *Catalog) day(n int) string {
	if n == 1 && c.lang == "fr" {
		return "1er"
	}
	return strconv.Itoa(n)
}

func capitalise(s string) string {
	if s == "" {
		return s
	}
	r := []rune(s)
	return strings.ToUpper(string(r[0])) + string(r[1:])
}

// Int writes a whole number with the language's grouping: "12,345",
// "12 345" (with a narrow no-break space in French).
func (c *Catalog) Int(n int) string {
	return report.GroupDigits(strconv.Itoa(n), c.thousands, "−")
}

// Decimal writes x with the given number of decimals.
func (c *Catalog) Decimal(x float64, decimals int) string {
	s := strconv.FormatFloat(math.Abs(x), 'f', decimals, 64)
	whole, frac, _ := strings.Cut(s, ".")
	n, _ := strconv.Atoi(whole)
	out := c.Int(n)
	if frac != "" {
		out += c.decimal + frac
	}
	if x < 0 && strings.Trim(s, "0.") != "" {
		out = "−" + out
	}
	return out
}

// Change writes a signed percentage change rounded to a whole number:
// "+67 %", "−100 %".
func (c *Catalog) Change(pct float64) string {
	r := math.Round(pct)
	sign := "+"
	switch {
	case r < 0:
		sign = "−"
	case r == 0:
		sign = "±"
	}
	return sign + c.Int(int(math.Abs(r))) + c.percent + "%"
}

// Percent writes a share as a percentage with one decimal: "30.5 %".
func (c *Catalog) Percent(pct float64) string {
	return c.Decimal(pct, 1) + c.percent + "%"
}

// EventType returns the name of ACLED event type i (indexed like
// report.EventTypes) in the catalogue's language.
func (c *Catalog) EventType(i int) string { return c.T("event_type." + report.EventTypeKey(i)) }

// SubEventType returns the name of an ACLED sub-type in the catalogue's
// language; one the catalogue does not know prints as ACLED names it.
func (c *Catalog) SubEventType(name string) string {
	if key := "sub_event_type." + report.SubEventTypeKey(name); c.Has(key) {
		return c.T(key)
	}
	return name
}

// Target returns the label of a target tag.
func (c *Catalog) Target(tag string) string { return c.T("target." + tag) }

// N writes a count with its noun in the right grammatical number: key names
// a pair of messages KEY.one and KEY.other ("events.one": "%s event").
// French, unlike English, uses the singular for zero.
func (c *Catalog) N(key string, n int) string {
	form := ".other"
	if n == 1 || (c.lang == "fr" && n == 0) {
		form = ".one"
	}
	return c.T(key+form, c.Int(n))
}

// List joins items as a sentence does: "a", "a and b", "a, b and c".
func (c *Catalog) List(items []string) string {
	switch n := len(items); n {
	case 0:
		return ""
	case 1:
		return items[0]
	default:
		return strings.Join(items[:n-1], ", ") + c.T("list.and") + items[n-1]
	}
}

// Claims says how much of a figure comes from actors' own claims, with the
// messages PREFIX.claimed_all ("all claimed by %s"), PREFIX.claimed_first
// ("%s claimed by %s"), PREFIX.claimed_more ("%s by %s") and, when the
// catalogue has it, PREFIX.claimed to wrap a partial claim. When more than
// named actors claim a part (named > 0), it gives the total and the number
// of parties instead of every name, with PREFIX.claimed_all_parties and
// PREFIX.claimed_parties. It returns "" when no part is claimed.
func (c *Catalog) Claims(f report.Figure, prefix string, named int) string {
	switch {
	case len(f.Claims) == 0:
		return ""
	case named > 0 && len(f.Claims) > named && f.Claimed() == f.N:
		return c.T(prefix+".claimed_all_parties", c.Int(len(f.Claims)))
	case named > 0 && len(f.Claims) > named:
		return c.T(prefix+".claimed_parties", c.Int(f.Claimed()), c.Int(len(f.Claims)))
	case f.Claimed() == f.N:
		actors := make([]string, len(f.Claims))
		for i, cl := range f.Claims {
			actors[i] = cl.Actor
		}
		return c.T(prefix+".claimed_all", c.List(actors))
	}
	parts := make([]string, len(f.Claims))
	for i, cl := range f.Claims {
		key := prefix + ".claimed_more"
		if i == 0 {
			key = prefix + ".claimed_first"
		}
		parts[i] = c.T(key, c.Int(cl.N), cl.Actor)
	}
	if c.Has(prefix + ".claimed") {
		return c.T(prefix+".claimed", c.List(parts))
	}
	return c.List(parts)
}

// Count writes an event figure, or the language's "not reported".
func (c *Catalog) Count(n report.Count) string {
	if !n.Reported {
		return c.T("not_reported")
	}
	return c.Int(n.N)
}
