// Package acled reads and writes the export format of ACLED (the Armed
// Conflict Location & Event Data project), the field's reference dataset:
// its CSV exports, as they come from the website or from Excel, and the
// JSON its API returns. It knows ACLED's columns, their order and their
// value conventions (dates, actor-type codes, ISO numeric country codes,
// joined lists), and nothing of briefing's dataset: package report turns
// rows into events, places and sources, and the annex turns events back
// into rows. It imports no other package of briefing.
package acled

// Columns are ACLED's 31 export columns, named and ordered as ACLED's
// exports name and order them. A file may hold them in any order, and more.
var Columns = []string{
	"event_id_cnty", "event_date", "year", "time_precision", "disorder_type",
	"event_type", "sub_event_type", "actor1", "assoc_actor_1", "inter1",
	"actor2", "assoc_actor_2", "inter2", "interaction", "civilian_targeting",
	"iso", "region", "country", "admin1", "admin2", "admin3", "location",
	"latitude", "longitude", "geo_precision", "source", "source_scale",
	"notes", "fatalities", "tags", "timestamp",
}

// Extension are the columns briefing writes after ACLED's, in this order,
// and reads back when a file has them (its own ID-events.csv).
var Extension = []string{
	"date_end", "corridors", "targets", "kidnapped", "vehicles_destroyed", "claimed_by", "source_ids",
}

// Row is one event of an export, its values normalised: dates as
// YYYY-MM-DD, codes as numbers, joined lists split. A value the file does
// not give is the zero value (and, for numbers that may be absent, nil).
type Row struct {
	// Line is the line of the file where the row starts (1 for the header
	// of a CSV file); in the JSON of an API call, the line where the row's
	// object opens (an API's answer on one line puts every row on line 1).
	Line int

	EventIDCnty   string
	EventDate     string // YYYY-MM-DD, whatever the file's date format
	Year          int
	TimePrecision int // 1 day, 2 week, 3 month
	DisorderType  string
	EventType     string
	SubEventType  string
	Actor1        string
	AssocActor1   []string // ACLED joins several with "; "
	Inter1        int      // ACLED's actor-type code, 1–8; 0 when none
	Actor2        string
	AssocActor2   []string
	Inter2        int
	// Interaction is ACLED's code of the pair of actor types: 10×Inter1 +
	// Inter2 with the smaller first (17: State forces–Civilians), or the
	// single type (10×type) when there is no second actor; 0 when unknown.
	Interaction       int
	CivilianTargeting bool // "Civilian targeting"
	ISO               int  // ISO 3166-1 numeric code of the country (466 Mali)
	Region            string
	Country           string // the country's English name, as ACLED writes it
	Admin1            string
	Admin2            string
	Admin3            string
	Location          string
	Latitude          float64
	Longitude         float64
	GeoPrecision      int      // 1, 2 or 3
	Sources           []string // the names in ACLED's "source", split on "; "
	SourceScale       string
	Notes             string
	// Fatalities is nil when the file leaves the column empty, as
	// briefing's own files do for a figure no source reports. ACLED writes
	// a number for every event, 0 when none is reported.
	Fatalities *int
	Tags       []string // split on "; "
	Timestamp  int64    // Unix seconds of ACLED's last change to the row
	// Population holds the optional population_* columns as written,
	// by column name.
	Population map[string]string

	// briefing's own columns (Extension), present in its ID-events.csv.
	DateEnd           string // YYYY-MM-DD, the last day of a multi-day event
	Corridors         []string
	Targets           []string
	Kidnapped         *int
	VehiclesDestroyed *int
	ClaimedBy         string
	SourceIDs         []string
}

// Problem is a fault in one row, or in the file as a whole (Line 0): which
// column, what it holds, and what is wrong, phrased to tell the user what
// to write instead.
type Problem struct {
	Line    int
	Column  string // "" for a problem with the whole row or file
	Value   string
	Message string
}
