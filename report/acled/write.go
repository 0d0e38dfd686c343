package acled

import (
	"encoding/csv"
	"io"
	"iter"
	"slices"
	"strconv"
	"strings"
)

// WriteCSV writes rows as an ACLED export followed by briefing's own
// columns: the header is Columns then Extension; UTF-8 without a
// byte-order mark, comma-separated, LF line ends, dates as YYYY-MM-DD,
// lists joined with "; ", inter1, inter2 and interaction as ACLED's text
// ("State forces", "State forces-Civilians"), iso as its number,
// civilian_targeting "Civilian targeting" or empty, kidnapped and
// vehicles_destroyed empty when not reported. A code of 0 (no actor type,
// no precision, no country) is written empty. ReadCSV reads the file back
// to the same rows, but for Line and Population, which it does not write.
func WriteCSV(w io.Writer, rows []Row) error {
	return WriteCSVSeq(w, slices.Values(rows))
}

// WriteCSVSeq is WriteCSV for rows made one at a time, so that a file of
// 100,000 events never holds them all in memory.
func WriteCSVSeq(w io.Writer, rows iter.Seq[Row]) error {
	cw := csv.NewWriter(w)
	if err := cw.Write(slices.Concat(Columns, Extension)); err != nil {
		return err
	}
	rec := make([]string, numKnown)
	for row := range rows {
		r := &row
		year := r.Year
		if year == 0 && len(r.EventDate) >= 4 {
			year, _ = strconv.Atoi(r.EventDate[:4])
		}
		rec[cEventIDCnty] = r.EventIDCnty
		rec[cEventDate] = r.EventDate
		rec[cYear] = code(year)
		rec[cTimePrecision] = code(r.TimePrecision)
		rec[cDisorderType] = r.DisorderType
		rec[cEventType] = r.EventType
		rec[cSubEventType] = r.SubEventType
		rec[cActor1] = r.Actor1
		rec[cAssocActor1] = joinList(r.AssocActor1)
		rec[cInter1] = ActorType(r.Inter1)
		rec[cActor2] = r.Actor2
		rec[cAssocActor2] = joinList(r.AssocActor2)
		rec[cInter2] = ActorType(r.Inter2)
		rec[cInteraction] = Interaction(r.Interaction)
		rec[cCivilianTargeting] = ""
		if r.CivilianTargeting {
			rec[cCivilianTargeting] = "Civilian targeting"
		}
		rec[cISO] = code(r.ISO)
		rec[cRegion] = r.Region
		rec[cCountry] = r.Country
		rec[cAdmin1] = r.Admin1
		rec[cAdmin2] = r.Admin2
		rec[cAdmin3] = r.Admin3
		rec[cLocation] = r.Location
		rec[cLatitude] = strconv.FormatFloat(r.Latitude, 'f', -1, 64)
		rec[cLongitude] = strconv.FormatFloat(r.Longitude, 'f', -1, 64)
		rec[cGeoPrecision] = code(r.GeoPrecision)
		rec[cSource] = joinList(r.Sources)
		rec[cSourceScale] = r.SourceScale
		rec[cNotes] = r.Notes
		rec[cFatalities] = optional(r.Fatalities)
		rec[cTags] = joinList(r.Tags)
		rec[cTimestamp] = ""
		if r.Timestamp != 0 {
			rec[cTimestamp] = strconv.FormatInt(r.Timestamp, 10)
		}
		rec[cDateEnd] = r.DateEnd
		rec[cCorridors] = joinList(r.Corridors)
		rec[cTargets] = joinList(r.Targets)
		rec[cKidnapped] = optional(r.Kidnapped)
		rec[cVehiclesDestroyed] = optional(r.VehiclesDestroyed)
		rec[cClaimedBy] = r.ClaimedBy
		rec[cSourceIDs] = joinList(r.SourceIDs)
		if err := cw.Write(rec); err != nil {
			return err
		}
	}
	cw.Flush()
	return cw.Error()
}

// code writes a number, or nothing for 0, which ACLED's codes never are.
func code(n int) string {
	if n == 0 {
		return ""
	}
	return strconv.Itoa(n)
}

func optional(n *int) string {
	if n == nil {
		return ""
	}
	return strconv.Itoa(*n)
}

func joinList(items []string) string { return strings.Join(items, "; ") }
