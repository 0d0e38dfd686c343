package report

import (
	"cmp"
	"fmt"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode/utf8"

	"briefing/report/acled"
)

// An ACLED export becomes events by the same code whether it lies in
// events/ as a CSV file or is converted by `briefing import acled`:
//
//   - the event's id is event_id_cnty in lower case (MLI34567 → mli34567);
//     its summary is notes; event_date, time_precision, event_type,
//     sub_event_type, actor1, actor2 and geo_precision are kept, and the
//     items of assoc_actor_1 are joined with "; ";
//   - fatalities keeps ACLED's meaning: ACLED gives a number for every
//     event and writes 0 when no source reports a death, so a 0 is "not
//     reported" and any other number is a reported figure — except in
//     briefing's own ID-events.csv (it has a date_end column), which leaves
//     a figure not reported empty and writes a reported 0 as 0;
//   - its place is the place with the same name and admin1 in the same
//     country (names compared without regard to case, accents, hyphens or
//     apostrophes; the nearest one if several), or else a place made from
//     location, admin1, admin2, the country of iso and the coordinates,
//     shared by every row of that name, admin1 and country;
//   - its sources are the names of ACLED's source column: each name and
//     month is one source, shared by every row citing that name in that
//     month (see acledSource);
//   - its corridors and targets come from the rules file (ACLEDRules);
//   - a file with briefing's own columns (its ID-events.csv) gives each
//     event's date_end, corridors, targets, kidnapped, vehicles_destroyed,
//     claimed_by and source ids itself, and the rules are not applied to
//     what it gives.
//
// ACLED's other columns (inter1, inter2, interaction, civilian_targeting,
// assoc_actor_2, region, admin3, tags, timestamp, population_*) are read
// and checked but have no place in an event.

// acledState is what the conversion of every export of one load shares:
// the places by name, so that a place is matched or created once.
type acledState struct {
	places  map[placeKey][]int // indexes into ds.Places
	indexed int                // how many of ds.Places are in places
	// guessed holds the sources made from a row whose source_scale mixes
	// several scales, by index into ds.Sources: a later row that gives
	// the source a scale of its own decides its kind.
	guessed map[string]int
	// folded and sourceIDs remember what names give: an export names the
	// same few hundred places and outlets in 100,000 rows.
	folded    map[string]string
	sourceIDs map[sourceKey]string
	// trees holds the places of the names many places have (see
	// nearestPlace); numbered, the next number to try for a new place's
	// id, by base (see newPlaceID).
	trees    map[placeKey]*placeTree
	numbered map[string]int
}

type sourceKey struct {
	name  string
	year  int
	month time.Month
}

// fold is fold, remembered.
func (st *acledState) fold(s string) string {
	f, ok := st.folded[s]
	if !ok {
		f = fold(s)
		st.folded[s] = f
	}
	return f
}

type placeKey struct{ name, admin1, country string }

// maxListedProblems bounds the problems listed for one export: a file of
// 100,000 rows whose dates Excel mangled would otherwise print 100,000
// lines that all say the same thing.
const maxListedProblems = 100

// exportDiags collects the diagnostics of one export, listing the first
// maxListedProblems errors and counting the others.
type exportDiags struct {
	ld        *loader
	path      string
	listed    int
	more      int
	firstMore int // the line of the first problem not listed
}

func (x *exportDiags) errorf(line int, format string, args ...any) {
	if x.listed >= maxListedProblems {
		if x.more == 0 {
			x.firstMore = line
		}
		x.more++
		return
	}
	x.listed++
	x.ld.diags.Errorf(Position{File: x.path, Line: line}, format, args...)
}

// flush says how many problems were not listed, at the line of the first
// of them, so that the message comes after those listed.
func (x *exportDiags) flush() {
	if x.more > 0 {
		x.ld.diags.Errorf(Position{File: x.path, Line: x.firstMore}, "%s more problems from this line on are not listed: fix the %d above, then run again", thousands(x.more), x.listed)
	}
}

// exportCols says which of briefing's own columns an export has: its
// ID-events.csv gives each event's last day, figures, corridors, targets
// and sources itself.
type exportCols struct{ dateEnd, corridors, targets, sourceIDs bool }

func exportColsOf(columns []string) exportCols {
	return exportCols{
		dateEnd:   slices.Contains(columns, "date_end"),
		corridors: slices.Contains(columns, "corridors"),
		targets:   slices.Contains(columns, "targets"),
		sourceIDs: slices.Contains(columns, "source_ids"),
	}
}

// exportConverter turns the items of one export into events, and the
// places and sources they need into new ones.
type exportConverter struct {
	ld     *loader
	x      *exportDiags
	cols   exportCols
	broken bool // the rows read cannot be used: see exportBroken
}

func (ld *loader) exportConverter(path string) *exportConverter {
	return &exportConverter{ld: ld, x: &exportDiags{ld: ld, path: path}}
}

// take takes the next item of the export; it returns false once the data
// folder holds more events than it may.
func (c *exportConverter) take(it *exportItem) bool {
	switch it.kind {
	case exportColumns:
		c.cols = exportColsOf(it.columns)
	case exportProblem:
		c.x.errorf(it.problem.Line, "%s", it.problem.Text())
	case exportRow:
		return c.ld.acledEvent(c.x, c.cols, &it.row)
	case exportBroken:
		c.ld.diags.Errorf(Position{File: c.x.path}, "the file %s", it.text)
		c.broken = true
	}
	return true
}

// mergeExport converts an events/*.csv file, read as its rows are taken;
// it reports whether the file could be read.
func (ld *loader) mergeExport(r *decodedFile) bool {
	ld.diags = append(ld.diags, r.diags...)
	if !r.read {
		return false
	}
	ld.ds.Files = append(ld.ds.Files, r.file)
	c := ld.exportConverter(ld.display(r.rel))
	// A row is at least a line.
	ld.growEvents(min(r.export.check.Lines(), ld.maxEvents-len(ld.ds.Events)), 0)
	ld.reserve("event", r.export.check.Lines())
	r.export.each(c.take)
	c.x.flush()
	return !c.broken
}

// convertACLED turns the rows of an export read whole into events, and
// the places and sources they need into new ones. path is the file as
// shown.
func (ld *loader) convertACLED(path string, src []byte) {
	ext, problems := acled.ReadExport(src)
	c := ld.exportConverter(path)
	ld.growEvents(min(len(ext.Rows), ld.maxEvents-len(ld.ds.Events)), 0)
	exportItems(ext, problems, c.take)
	c.x.flush()
}

// acledEvent converts one row. It returns false once the data folder
// holds more events than it may.
func (ld *loader) acledEvent(x *exportDiags, cols exportCols, row *acled.Row) bool {
	pos := Position{File: x.path, Line: row.Line}
	if ld.tooManyEvents {
		return false // said already
	}
	if len(ld.ds.Events) >= ld.maxEvents {
		ld.tooManyEvents = true
		ld.diags.Errorf(pos, "the data folder holds more than %s events, the limit; the events from here on are not read: split the dataset into several data folders", thousands(ld.maxEvents))
		return false
	}
	bad := false
	fail := func(column, value, format string, args ...any) {
		bad = true
		x.errorf(row.Line, "%s", acled.Problem{Column: column, Value: value, Message: fmt.Sprintf(format, args...)}.Text())
	}
	// text checks a value the letter prints: no invisible or
	// bidirectional character, and within its limit.
	text := func(column, value string, max int, todo string) {
		for i := 0; i < len(value); {
			if c := value[i]; c >= 0x20 && c < 0x7f {
				i++ // printable ASCII, most of every text: no need to decode
				continue
			}
			r, size := utf8.DecodeRuneInString(value[i:])
			if what, why := forbidden(r); what != "" {
				fail(column, value, "holds %s, which is not allowed: %s; remove it", what, why)
				return
			}
			i += size
		}
		// A text has no more characters than bytes.
		if len(value) <= max {
			return
		}
		if n := utf8.RuneCountInString(value); n > max {
			fail(column, value, "has %s characters, over the limit of %s: %s", thousands(n), thousands(max), todo)
		}
	}

	e := Event{
		Pos:           pos,
		TimePrecision: cmp.Or(row.TimePrecision, PrecisionDay),
		GeoPrecision:  cmp.Or(row.GeoPrecision, GeoExact),
		EventType:     row.EventType,
		SubEventType:  row.SubEventType,
		Actor1:        row.Actor1,
		AssocActor1:   strings.Join(row.AssocActor1, "; "),
		Actor2:        row.Actor2,
		ClaimedBy:     row.ClaimedBy,
		Summary:       PlainText(ld.ds.Info.Language, row.Notes),
	}

	e.ID = strings.ToLower(row.EventIDCnty)
	events := ld.defined("event")
	ld.work++
	switch first, dup := events[e.ID]; {
	case utf8.RuneCountInString(e.ID) > MaxIDLen:
		fail("event_id_cnty", row.EventIDCnty, "has %s characters, over the limit of %s for an id", thousands(utf8.RuneCountInString(e.ID)), thousands(MaxIDLen))
	case !validID(e.ID):
		fail("event_id_cnty", row.EventIDCnty, "cannot be an event id: briefing lower-cases it, and an id is letters, digits, '.', '_' or '-', starting with a letter or digit")
	case dup:
		fail("event_id_cnty", row.EventIDCnty, "gives the event id %q, which is already defined at %s: give each event its own id", e.ID, first)
	default:
		events[e.ID] = pos // not defined: checked above
	}

	if d, err := parseDate(row.EventDate); err == nil {
		if d.Year < MinYear || d.Year > MaxYear {
			fail("event_date", row.EventDate, "is in %04d, outside %d–%d, the years briefing accepts: check the date", d.Year, MinYear, MaxYear)
		}
		e.Date = d
	}
	if row.DateEnd != "" {
		if d, err := parseDate(row.DateEnd); err == nil && d.Year >= MinYear && d.Year <= MaxYear {
			e.DateEnd = d
		} else {
			fail("date_end", row.DateEnd, "is not a date from %d to %d: check it", MinYear, MaxYear)
		}
	}

	switch {
	case EventTypeIndex(e.EventType) < 0:
		fail("event_type", e.EventType, "is not an ACLED event type: %s", strings.Join(EventTypes(), ", "))
	case isSubTypeOf(e.EventType, e.SubEventType):
	case eventTypeOfSubType(e.SubEventType) != "":
		fail("sub_event_type", e.SubEventType, "belongs to event_type %q, not %q", eventTypeOfSubType(e.SubEventType), e.EventType)
	default:
		fail("sub_event_type", e.SubEventType, "is not an ACLED sub-type of %q: %s", e.EventType, strings.Join(SubEventTypes(e.EventType), ", "))
	}

	const shorten = "shorten it"
	text("actor1", e.Actor1, MaxNameLen, shorten)
	text("assoc_actor_1", e.AssocActor1, MaxNameLen, shorten)
	text("actor2", e.Actor2, MaxNameLen, shorten)
	text("claimed_by", e.ClaimedBy, MaxNameLen, shorten)
	text("notes", row.Notes, MaxSummaryLen, "a summary is printed whole in the chronology and the annex; shorten it, and leave the detail to the sources")
	text("location", row.Location, MaxNameLen, shorten)
	text("admin1", row.Admin1, MaxNameLen, shorten)
	text("admin2", row.Admin2, MaxNameLen, shorten)

	count := func(column string, n int) Count {
		if n > MaxCount {
			fail(column, strconv.Itoa(n), "is over the limit of %s for one event: check the figure, or split the event", thousands(MaxCount))
			return Count{}
		}
		return Reported(n)
	}
	// In ACLED's exports 0 means that no source reports a death; in
	// briefing's own files (with its date_end column) a figure not
	// reported is left empty, so a 0 there is a reported 0.
	if n := row.Fatalities; n != nil && (*n > 0 || cols.dateEnd) {
		e.Fatalities = count("fatalities", *n)
	}
	if row.Kidnapped != nil {
		e.Kidnapped = count("kidnapped", *row.Kidnapped)
	}
	if row.VehiclesDestroyed != nil {
		e.VehiclesDestroyed = count("vehicles_destroyed", *row.VehiclesDestroyed)
	}

	country, _ := acled.CountryByISO(row.ISO)
	if !isCountryCode(country) {
		fail("iso", strconv.Itoa(row.ISO), "names no country of ISO 3166-1 that briefing knows: check the code")
	}

	// briefing's own columns, when the file has them, say what the rules
	// would otherwise guess.
	var refsBuf [8]reference // room for most rows' references
	refs := refsBuf[:0]
	ids := func(column, kind string, items []string, max int) []string {
		if len(items) > max {
			fail(column, strings.Join(items, "; "), "lists %s items, over the limit of %s: shorten the list", thousands(len(items)), thousands(max))
			return nil
		}
		// A set, not a scan of the list so far, once a list is long.
		var seen map[string]bool
		if len(items) > shortList {
			seen = make(map[string]bool, len(items))
		}
		for i, id := range items {
			switch {
			case !validID(id) || utf8.RuneCountInString(id) > MaxIDLen:
				fail(column, id, "is not an id: lower-case letters, digits, '.', '_' or '-', starting with a letter or digit, at most %d characters", MaxIDLen)
			case seen[id] || (seen == nil && acceptedBefore(items, i, kind)):
				fail(column, id, "is listed twice")
			case kind == "target" && !slices.Contains(targetTags, id):
				fail(column, id, "is not a target tag: %s", strings.Join(targetTags, ", "))
			default:
				if seen != nil {
					seen[id] = true
				}
				if kind != "target" {
					refs = append(refs, reference{kind: kind, id: id, at: pos})
				}
			}
		}
		return items
	}
	ownCorridors, ownTargets := cols.corridors, cols.targets
	if ownCorridors {
		e.Corridors = ids("corridors", "corridor", row.Corridors, MaxEventCorridors)
	}
	if ownTargets {
		e.Targets = ids("targets", "target", row.Targets, MaxEventTargets)
	}
	ownSources := cols.sourceIDs && len(row.SourceIDs) > 0
	if ownSources {
		e.Sources = ids("source_ids", "source", row.SourceIDs, MaxEventSources)
	} else {
		for _, name := range row.Sources {
			text("source", name, MaxNameLen, shorten)
		}
		switch {
		case len(row.Sources) == 0:
			// The reader refuses an empty value, not one of separators.
			fail("source", "", "names no source: every event cites at least one")
		case len(row.Sources) > MaxEventSources:
			fail("source", strings.Join(row.Sources, "; "), "names %d sources, over the limit of %d for one event", len(row.Sources), MaxEventSources)
		}
	}
	for _, r := range refs {
		ld.referTo(r, e.ID)
	}
	if bad {
		return true
	}

	// The row is sound: now, and only now, it may add a place and sources.
	var place *Place
	e.Place, place = ld.acledPlace(row, country, pos)
	if !ownSources {
		for _, publisher := range row.Sources {
			if id := ld.acledSource(publisher, row.SourceScale, e.Date, pos); !slices.Contains(e.Sources, id) {
				e.Sources = append(e.Sources, id)
				// Defined, but cited: no warning that nothing cites it.
				ld.cited[id] = true
			}
		}
	}
	rules := ld.ds.acledRules
	if !ownCorridors {
		e.Corridors = rules.corridorsFor(e.Place, cmp.Or(row.Admin2, place.Admin2), cmp.Or(row.Admin1, place.Admin1))
	}
	if !ownTargets {
		e.Targets = rules.targetsFor(row.Notes, row.SubEventType)
	}
	if e.ClaimedBy != "" && !e.Fatalities.Reported && !e.Kidnapped.Reported && !e.VehiclesDestroyed.Reported {
		ld.diags.Warnf(pos, "claimed_by %s says whose claim the figures come from, but the event reports no fatalities, kidnapped or vehicles_destroyed", quoteShort(e.ClaimedBy))
	}
	ld.ds.Events = append(ld.ds.Events, e)
	return true
}

// acceptedBefore reports whether the list of ids of a kind accepted the
// id at i before: it has it before, and accepts it, since the checks
// above give an id the same answer wherever it is.
func acceptedBefore(items []string, i int, kind string) bool {
	return slices.Contains(items[:i], items[i]) && (kind != "target" || slices.Contains(targetTags, items[i]))
}

// acledPlace returns the place of a row: the place of the data folder with
// the same name and admin1 in the same country (the nearest, if several),
// or else a new one made from the row.
func (ld *loader) acledPlace(row *acled.Row, country string, pos Position) (string, *Place) {
	st := ld.acledIndex()
	key := placeKey{st.fold(row.Location), st.fold(row.Admin1), country}
	if found := st.places[key]; len(found) > 0 {
		best, compared := nearestPlace(ld.ds.Places, found, row, key, st.trees)
		ld.work += compared
		return ld.ds.Places[best].ID, &ld.ds.Places[best]
	}
	p := Place{
		ID:      ld.newPlaceID(row.Location, row.Admin1, country),
		Name:    PlainText(ld.ds.Info.Language, row.Location),
		Admin1:  row.Admin1,
		Admin2:  row.Admin2,
		Country: country,
		Lat:     row.Latitude,
		Lon:     row.Longitude,
		Pos:     pos,
	}
	ld.define("place", p.ID, pos)
	ld.ds.Places = append(ld.ds.Places, p)
	ld.acledIndex()
	return p.ID, &ld.ds.Places[len(ld.ds.Places)-1]
}

// acledIndex brings the index of places by name up to date with
// ds.Places, which grows as places are made.
func (ld *loader) acledIndex() *acledState {
	if ld.acled == nil {
		if ld.cited == nil {
			ld.cited = map[string]bool{}
		}
		ld.acled = &acledState{places: map[placeKey][]int{}, guessed: map[string]int{}, folded: map[string]string{}, sourceIDs: map[sourceKey]string{},
			trees: map[placeKey]*placeTree{}, numbered: map[string]int{}}
	}
	st := ld.acled
	for ; st.indexed < len(ld.ds.Places); st.indexed++ {
		p := &ld.ds.Places[st.indexed]
		k := placeKey{st.fold(p.Name.String()), st.fold(p.Admin1), p.Country}
		st.places[k] = append(st.places[k], st.indexed)
	}
	return st
}

// newPlaceID makes the id of a new place from its name, adding its admin1
// and country, then a number, while the id is taken.
func (ld *loader) newPlaceID(name, admin1, country string) string {
	taken := func(id string) bool {
		ld.work++
		_, ok := ld.firstAt["place"][id]
		return ok
	}
	for _, parts := range [][]string{{name}, {name, admin1}, {name, admin1, country}} {
		if id := slug(MaxIDLen, parts...); !taken(id) {
			return id
		}
	}
	// Names that differ only in what a slug drops ("Kayes", "Kayes.")
	// share a base: each starts from the number the last one took, since
	// an id once taken stays so, rather than try every number again.
	st := ld.acledIndex()
	base := slug(MaxIDLen-8, name, admin1, country)
	for n := max(2, st.numbered[base]); ; n++ {
		if id := fmt.Sprintf("%s-%d", base, n); !taken(id) {
			st.numbered[base] = n + 1
			return id
		}
	}
}

// acledSource returns the id of the source a name of ACLED's source
// column stands for, in the month of the event, making it when the data
// folder has no source of that id:
//
//	id:        acled-NAME-YYYY-MM, NAME in lower case with hyphens (acled-studio-tamani-2025-07)
//	publisher: the name as ACLED writes it
//	title:     the name and "(as cited by ACLED)": ACLED names the outlet, never the article
//	date:      the month of the event (YYYY-MM)
//	url:       none: ACLED gives none
//	language:  und, BCP 47's "undetermined": ACLED does not say
//	kind:      from source_scale (see sourceKind)
//
// A source of that id in sources.yaml (or in an events file) is used as it
// is: give it there a real title, address and language.
func (ld *loader) acledSource(name, scale string, date Date, pos Position) string {
	st := ld.acledIndex()
	key := sourceKey{name, date.Year, date.Month}
	ld.work++
	id, ok := st.sourceIDs[key]
	if !ok {
		id = fmt.Sprintf("acled-%s-%04d-%02d", slug(MaxIDLen-len("acled-")-len("-2025-07"), name), date.Year, date.Month)
		st.sourceIDs[key] = id
	}
	mixed := strings.Contains(scale, "-")
	if _, ok := ld.firstAt["source"][id]; ok {
		if i, ok := st.guessed[id]; ok && !mixed {
			ld.ds.Sources[i].Kind = sourceKind(scale)
			delete(st.guessed, id)
		}
		return id
	}
	if mixed {
		st.guessed[id] = len(ld.ds.Sources)
	}
	ld.define("source", id, pos)
	ld.ds.Sources = append(ld.ds.Sources, Source{
		ID:        id,
		Publisher: name,
		Title:     name + " (as cited by ACLED)",
		Date:      PartialDate{Year: date.Year, Month: date.Month},
		Language:  UndeterminedLanguage,
		Kind:      sourceKind(scale),
		Pos:       pos,
	})
	return id
}

// UndeterminedLanguage is the language of the sources made from the
// names ACLED cites: BCP 47's "undetermined", since ACLED does not say.
const UndeterminedLanguage = "und"

// sourceKind reads ACLED's source_scale, the reach of a row's sources:
// "New media" is social media; "Other" or "Local partner", a report (NGOs,
// partner organisations); every other scale (National, Subnational,
// Regional, International) is news. A mixed scale ("New media-National")
// does not say which source is which: it gives news, until a row with a
// scale of its own cites the source.
func sourceKind(scale string) string {
	switch strings.ToLower(strings.TrimSpace(scale)) {
	case "new media":
		return "social-media"
	case "other", "local partner":
		return "report"
	}
	return "news"
}

// slug makes an id of names: folded, letters and digits kept, every other
// run of characters a hyphen, at most max characters.
func slug(max int, parts ...string) string {
	var b strings.Builder
	dash := false
	for _, part := range parts {
		for _, r := range fold(part) {
			if ('a' <= r && r <= 'z') || ('0' <= r && r <= '9') {
				if dash && b.Len() > 0 {
					b.WriteByte('-')
				}
				dash = false
				b.WriteRune(r)
				continue
			}
			dash = true
		}
		dash = true
	}
	s := b.String()
	if len(s) > max {
		s = strings.TrimRight(s[:max], "-")
	}
	if s == "" {
		s = "x"
	}
	return s
}

// ACLEDImport is what an ACLED export brings to a dataset: its events,
// and the places and sources they introduce.
type ACLEDImport struct {
	Events  []Event  // sorted by date, then id
	Places  []Place  // the places made, sorted by id
	Sources []Source // the sources made, sorted by id
}

// ImportACLED converts the ACLED export at path (CSV, or the JSON of an
// API call) for the dataset ds, which must have loaded without error: rows
// become events of ds's places and sources where they match, and of new
// ones otherwise, with the corridors and targets of rules (nil: those of
// the data folder's acled-rules.yaml). Every problem is an error at the
// export's PATH:LINE; an event id the dataset already has is one.
func ImportACLED(ds *Dataset, path string, rules *ACLEDRules) (*ACLEDImport, Diagnostics) {
	ld := importLoader(ds)
	if rules != nil {
		ld.ds.acledRules = rules
	}
	src, p := readOutside(path, MaxEventsFileBytes, "an export", "export fewer months or countries at a time")
	if p != nil {
		ld.diags.Errorf(Position{File: path}, "the file %s", p.msg)
		return nil, ld.diags
	}
	ld.convertACLED(path, src)
	ld.index()
	ld.checkDangling()
	im := &ACLEDImport{
		Events:  ld.ds.Events,
		Places:  ld.ds.Places[len(ds.Places):],
		Sources: ld.ds.Sources[len(ds.Sources):],
	}
	slices.SortFunc(im.Events, func(a, b Event) int { return cmp.Or(a.Date.Compare(b.Date), cmp.Compare(a.ID, b.ID)) })
	slices.SortFunc(im.Places, func(a, b Place) int { return cmp.Compare(a.ID, b.ID) })
	slices.SortFunc(im.Sources, func(a, b Source) int { return cmp.Compare(a.ID, b.ID) })
	return im, ld.diags.Sort()
}

// importLoader is a loader that knows what ds defines, to convert an
// export against it.
func importLoader(ds *Dataset) *loader {
	ld := &loader{
		dir: ds.Dir,
		ds: &Dataset{
			Dir:        ds.Dir,
			Places:     slices.Clone(ds.Places),
			Sources:    slices.Clone(ds.Sources),
			Corridors:  ds.Corridors,
			Info:       ds.Info, // the language of the texts made
			acledRules: ds.acledRules,
		},
		firstAt:       map[string]map[string]Position{},
		unreadable:    map[string]bool{},
		maxEvents:     MaxEvents - len(ds.Events),
		suggestBudget: suggestionWork,
	}
	for _, p := range ds.Places {
		ld.define("place", p.ID, p.Pos)
	}
	for _, s := range ds.Sources {
		ld.define("source", s.ID, s.Pos)
	}
	for _, c := range ds.Corridors {
		ld.define("corridor", c.ID, c.Pos)
	}
	for _, e := range ds.Events {
		ld.define("event", e.ID, e.Pos)
	}
	return ld
}

// Span returns the days from the first event to the last.
func (im *ACLEDImport) Span() Period {
	if len(im.Events) == 0 {
		return Period{}
	}
	p := Period{im.Events[0].Date, im.Events[0].Date}
	for _, e := range im.Events {
		if to := e.Span().To; to.After(p.To) {
			p.To = to
		}
	}
	return p
}

// CoverageHint says what to add to dataset.yaml when the days of the
// imported events are not all covered for their countries, or returns "".
// An export is usually a systematic collection over its dates: declaring
// it makes its weeks count.
func (ds *Dataset) CoverageHint(im *ACLEDImport) string {
	if len(im.Events) == 0 {
		return ""
	}
	span := im.Span()
	countries := map[string]bool{}
	placeOf := map[string]*Place{}
	for i := range ds.Places {
		placeOf[ds.Places[i].ID] = &ds.Places[i]
	}
	for i := range im.Places {
		placeOf[im.Places[i].ID] = &im.Places[i]
	}
	for _, e := range im.Events {
		if p := placeOf[e.Place]; p != nil {
			countries[p.Country] = true
		}
	}
	list := slices.Sorted(func(yield func(string) bool) {
		for c := range countries {
			if !yield(c) {
				return
			}
		}
	})
	if ds.Info.Declared && coverageFor(ds.Info.Coverage, list).Covers(span) {
		return ""
	}
	return fmt.Sprintf("the export runs from %s to %s; if it holds every event of those days for %s, declare it in %s under coverage: - {from: %s, to: %s, countries: [%s]}",
		span.From, span.To, strings.Join(list, ", "), InfoFile, span.From, span.To, strings.Join(list, ", "))
}
