package report

import "strconv"

// Place is a location events happen at and corridors pass through.
type Place struct {
	ID      string
	Name    Text   // e.g. "Timbuktu", {en: Timbuktu, fr: Tombouctou}
	Admin1  string // first-level region, e.g. "Kayes"
	Admin2  string // optional second-level unit (cercle, department)
	Country string // ISO 3166-1 alpha-2
	Lat     float64
	Lon     float64
	Pos     Position
}

// Corridor is a trade route, drawn through the places it passes.
type Corridor struct {
	ID      string
	Name    Text     // e.g. "Bamako–Dakar corridor (RN1)"
	Short   Text     // e.g. "RN1", for chart labels
	Via     []string // ordered place ids
	Note    Text     // optional, e.g. its share of imports
	Sources []string // source ids backing the note
	Pos     Position
}

// Source is a publication events and letters cite.
type Source struct {
	ID        string
	Publisher string
	Title     string // the original title, in Language
	// TitleTranslation is the title in other languages (optional): a
	// letter in one of them prints it in brackets after the original.
	TitleTranslation Text
	Date             PartialDate
	URL              string // optional; absolute http or https
	Language         string
	Kind             string // news, report, official, social-media
	Accessed         Date   // optional
	Pos              Position
}

// TranslatedTitle returns the title in lang, which a letter in lang
// prints in brackets after the original, or "" when the source is in lang
// or the data gives no translation into it.
func (s *Source) TranslatedTitle(lang string) string {
	if s.Language == lang || !s.TitleTranslation.Has(lang) {
		return ""
	}
	return s.TitleTranslation.In(lang)
}

// Count is a figure an event may or may not report. ACLED's practice, and
// ours: an absent figure is "not reported", which is not the same as zero.
type Count struct {
	N        int
	Reported bool
}

// Reported returns a reported count of n.
func Reported(n int) Count { return Count{N: n, Reported: true} }

// Add sums two counts; the sum is reported when either is.
func (c Count) Add(d Count) Count {
	return Count{N: c.N + d.N, Reported: c.Reported || d.Reported}
}

// String formats the count, or "" when it is not reported.
func (c Count) String() string {
	if !c.Reported {
		return ""
	}
	return strconv.Itoa(c.N)
}

// Event is one incident, coded as ACLED codes its events.
type Event struct {
	ID                string
	Date              Date
	DateEnd           Date // optional; zero when the event lasted one day
	TimePrecision     int  // PrecisionDay, PrecisionWeek or PrecisionMonth
	EventType         string
	SubEventType      string
	Actor1            string
	AssocActor1       string
	Actor2            string
	Place             string
	Corridors         []string
	Targets           []string
	Fatalities        Count
	Kidnapped         Count
	VehiclesDestroyed Count
	// GeoPrecision is ACLED's code for how well the place locates the
	// event: GeoExact, GeoNear or GeoRegion.
	GeoPrecision int
	// ClaimedBy names the actor whose own claim the event's figures
	// (fatalities, kidnapped, vehicles destroyed) come from; empty when
	// they come from independent reporting.
	ClaimedBy string
	Summary   Text
	Sources   []string
	Pos       Position
}

// Disorder returns the ACLED disorder class of the event.
func (e *Event) Disorder() Disorder { return DisorderOf(e.EventType, e.SubEventType) }

// Span returns the days the event covers.
func (e *Event) Span() Period {
	if e.DateEnd.IsZero() {
		return Period{e.Date, e.Date}
	}
	return Period{e.Date, e.DateEnd}
}

// Scope narrows a letter to some countries, regions or corridors. An empty
// list does not narrow.
type Scope struct {
	Countries []string
	Admin1    []string
	Corridors []string
}

// Letter is one monthly letter: its text and the period and scope of the
// events it draws on.
type Letter struct {
	ID        string // the file stem in letters/
	Series    string
	Title     string
	Subtitle  string
	Issued    Date
	Language  string
	Period    Period
	Scope     Scope
	Authors   []string
	KeyPoints []string
	Sections  []Section
	// ChronologyLimit is the most events the chronology prints (the
	// letter's chronology.limit), or 0 for the default rule.
	ChronologyLimit int
	Pos             Position
}

// Section is a titled part of a letter's narrative.
type Section struct {
	Title   string
	Body    Body
	Figures []string // chart names placed after the text
	Pos     Position
}

// Brand is the institute's identity: what the cover and back page print and
// the colours every chart and table uses.
type Brand struct {
	Name      string
	Tagline   Text
	Address   []Text
	Phone     string
	Mobile    string
	Email     string
	Website   string
	Copyright string // the holder, e.g. "Timbuktu Institute"
	Logo      string // optional path to a PNG or JPEG, relative to the data folder
	Colors    BrandColors
	// EventColors gives each ACLED event type its colour, indexed like
	// [EventTypes].
	EventColors [NumEventTypes]Color
	Pos         Position
}

// BrandColors are the institute's named colours.
type BrandColors struct {
	Primary Color // bands, headings
	Accent  Color // rules, highlights
	Ink     Color // body text
	Muted   Color // captions, secondary text
	Light   Color // tints behind tables and panels
}

// Color is an opaque sRGB colour.
type Color struct{ R, G, B uint8 }

// Mix blends c towards o by t: 0 gives c, 1 gives o. Charts and the letter
// derive their tints (grid lines, soft text on a band) this way, so they
// follow the brand.
func (c Color) Mix(o Color, t float64) Color {
	m := func(x, y uint8) uint8 { return uint8(float64(x) + (float64(y)-float64(x))*t + 0.5) }
	return Color{m(c.R, o.R), m(c.G, o.G), m(c.B, o.B)}
}

// Hex formats the colour as #RRGGBB.
func (c Color) Hex() string {
	const digits = "0123456789ABCDEF"
	b := []byte{'#', 0, 0, 0, 0, 0, 0}
	for i, v := range []uint8{c.R, c.G, c.B} {
		b[1+2*i], b[2+2*i] = digits[v>>4], digits[v&15]
	}
	return string(b)
}
