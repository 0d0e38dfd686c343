package report

import (
	"fmt"
	"strconv"
	"strings"
	"unicode/utf8"
)

// The limits below bound what a data folder may hold. Each protects either
// the build (memory, time, integer sums) or the letter (a text the PDF
// cannot lay out). A value beyond a limit is an error at its position,
// naming the limit; none of them is near what a real letter needs.

// File sizes, checked before a file is read.
const (
	// MaxEventsFileBytes is the largest events/*.yaml or events/*.csv
	// file read, and the largest export briefing import reads: 256 MiB,
	// about a million events in YAML and more in CSV. A larger export is
	// split into several files.
	MaxEventsFileBytes = 256 << 20
	// MaxDataFileBytes is the largest of every other YAML file
	// (places.yaml, corridors.yaml, sources.yaml, dataset.yaml, brand.yaml,
	// letters/*.yaml): 16 MiB.
	MaxDataFileBytes = 16 << 20
	// MaxLogoBytes is the largest brand logo: 10 MiB, far above what a
	// logo printed 28 mm wide needs.
	MaxLogoBytes = 10 << 20
	// MaxBasemapBytes is the largest basemap.geojson: 32 MiB, the regions
	// of a dozen countries at a detail far beyond what a map a page wide
	// shows. A larger file is simplified (mapshaper -simplify).
	MaxBasemapBytes = 32 << 20
)

// The basemap's size in features and positions, which bound the memory it
// takes and the time the map takes to draw it.
const (
	// MaxBasemapFeatures is the most features basemap.geojson holds: far
	// more than the first-level regions of every country (about 4,000).
	MaxBasemapFeatures = 10_000
	// MaxBasemapPositions is the most positions ([lon, lat]) of all the
	// features of basemap.geojson together: 2,000,000, about 32 MiB of
	// memory. A map printed a page wide needs a few thousand per country.
	MaxBasemapPositions = 2_000_000
)

// The logo's pixel dimensions, checked from the image header before the
// image is decoded: a header may claim any size, and decoding allocates
// width × height pixels. The cover prints the logo 28 mm wide, for which
// a few hundred pixels are plenty.
const (
	// MaxLogoWidth is the widest logo, in pixels.
	MaxLogoWidth = 4000
	// MaxLogoHeight is the tallest logo, in pixels.
	MaxLogoHeight = 4000
)

// Years and counts.
const (
	// MinYear and MaxYear bound the year of every date (an event's date
	// and date_end, a source's date and accessed, a letter's issued and
	// period, the coverage): a year outside them is a typo, and the
	// frequency chart would span centuries to draw it.
	MinYear = 1900
	MaxYear = 2100
	// MaxCount bounds fatalities, kidnapped and vehicles_destroyed of one
	// event, so that a sum over any dataset (MaxCount × MaxEvents) fits in
	// an int64.
	MaxCount = 1_000_000
	// MaxEvents is the largest number of events in a data folder.
	MaxEvents = 1_000_000
)

// Lengths of texts, in characters (not bytes).
const (
	// MaxIDLen bounds the id of a place, corridor, source or event.
	MaxIDLen = 128
	// MaxLetterIDLen bounds a letter's id, the stem of its file name: it
	// also names the output folder and files, whose names must stay short.
	MaxLetterIDLen = 64
	// MaxTitleLen bounds a letter's title, which the running header prints
	// on every page and the annex's page footer repeats; the footer's own
	// limit (255 UTF-16 units with the series) is checked by build.Check.
	MaxTitleLen = 150
	// MaxSeriesLen bounds a letter's series, which shares the running
	// header's line with the title.
	MaxSeriesLen = 100
	// MaxSubtitleLen bounds a letter's subtitle, printed on the cover.
	MaxSubtitleLen = 300
	// MaxSectionTitleLen bounds a section's title, a heading and a PDF
	// bookmark.
	MaxSectionTitleLen = 200
	// MaxNameLen bounds names and other short texts: a place's name,
	// admin1 and admin2, a corridor's name, actors and claimed_by, a
	// source's publisher, an author, the dataset's name, and the brand's
	// name, tagline, address lines, phone numbers, copyright and logo path.
	MaxNameLen = 200
	// MaxShortLen bounds a corridor's short name, a chart label.
	MaxShortLen = 60
	// MaxNoteLen bounds a corridor's note.
	MaxNoteLen = 1_000
	// MaxSourceTitleLen bounds a source's title, printed in full in every
	// note that cites it.
	MaxSourceTitleLen = 500
	// MaxSummaryLen bounds an event's summary, about 3,500 words: the
	// chronology prints it whole, across pages if need be, and an Excel
	// cell holds at most 32,767 characters.
	MaxSummaryLen = 25_000
	// MaxKeyPointLen bounds one key point of a letter.
	MaxKeyPointLen = 600
	// MaxBodyLen bounds a section's body.
	MaxBodyLen = 100_000
	// MaxURLLen bounds a source's url and the brand's website: longer
	// addresses break in browsers and link annotations.
	MaxURLLen = 2_048
	// MaxEmailLen bounds the brand's e-mail address (RFC 5321's limit).
	MaxEmailLen = 254
)

// Lengths of lists, in items.
const (
	// MaxAuthors bounds a letter's authors.
	MaxAuthors = 20
	// MaxKeyPoints bounds a letter's key points (3 to 5 read best).
	MaxKeyPoints = 10
	// MaxSections bounds a letter's sections.
	MaxSections = 50
	// MaxChronologyLimit bounds a letter's chronology.limit: 500 rows of the
	// chronology take about 40 pages, the most a letter should hold.
	MaxChronologyLimit = 500
	// MaxSectionFigures bounds the figures one section places.
	MaxSectionFigures = 10
	// MaxEventCorridors bounds the corridors one event hit.
	MaxEventCorridors = 20
	// MaxEventTargets bounds one event's target tags.
	MaxEventTargets = 20
	// MaxEventSources bounds the sources one event cites.
	MaxEventSources = 50
	// MaxVia bounds the places a corridor passes through.
	MaxVia = 200
	// MaxCorridorSources bounds the sources of a corridor's note.
	MaxCorridorSources = 50
	// MaxCoverage bounds the entries of the dataset's coverage.
	MaxCoverage = 1_000
	// MaxCountries bounds a list of country codes (a scope, a coverage
	// entry); there are 249 ISO 3166-1 codes.
	MaxCountries = 300
	// MaxScopeItems bounds a scope's admin1 and corridors lists.
	MaxScopeItems = 1_000
	// MaxAddressLines bounds the brand's address.
	MaxAddressLines = 10
	// MaxRules bounds each list of the ACLED rules file (corridors,
	// targets).
	MaxRules = 10_000
	// MaxRuleWords bounds the words of one target rule.
	MaxRuleWords = 1_000
)

// thousands formats n with a comma every three digits, as the limits'
// messages print them.
func thousands(n int) string { return groupDigits(strconv.Itoa(n)) }

// groupDigits puts a comma every three digits of a whole number written in
// decimal.
func groupDigits(s string) string { return GroupDigits(s, ",", "-") }

// GroupDigits writes a whole number given in decimal, perhaps with a
// leading "-", with sep between groups of three digits and minus for its
// sign: the one grouping of the diagnostics and of every language's
// catalogue.
func GroupDigits(s, sep, minus string) string {
	neg := strings.HasPrefix(s, "-")
	s = strings.TrimPrefix(s, "-")
	var b strings.Builder
	if neg {
		b.WriteString(minus)
	}
	for i, c := range s {
		if i > 0 && (len(s)-i)%3 == 0 {
			b.WriteString(sep)
		}
		b.WriteRune(c)
	}
	return b.String()
}

// mebibytes formats a size in bytes as the messages about file sizes print
// it.
func mebibytes(n int64) string {
	if n%(1<<20) == 0 {
		return fmt.Sprintf("%d MiB", n>>20)
	}
	return fmt.Sprintf("%.1f MiB", float64(n)/(1<<20))
}

// quoteShort quotes a value for a message, cut short: a message names the value
// so the user can find it, and must not echo a megabyte of it.
func quoteShort(s string) string {
	const keep = 60
	if utf8.RuneCountInString(s) <= keep+10 {
		return strconv.Quote(s)
	}
	i := 0
	for n := 0; n < keep; n++ {
		_, size := utf8.DecodeRuneInString(s[i:])
		i += size
	}
	return strconv.Quote(s[:i]) + "…"
}
