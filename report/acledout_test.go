package report_test

import (
	"reflect"
	"testing"

	"briefing/report"
	"briefing/report/acled"
)

// TestACLEDRows: each event of the sample letter becomes a row with
// ACLED's value conventions, in the selection's order, and what the
// dataset does not record stays the zero value.
func TestACLEDRows(t *testing.T) {
	ds, diags := report.Load("../data")
	if diags.HasErrors() {
		t.Fatal(diags)
	}
	sel := selectLetter(t, ds, "2025-09-kayes")
	rows := sel.ACLEDRows()
	if len(rows) != len(sel.Events) {
		t.Fatalf("%d rows for %d events", len(rows), len(sel.Events))
	}
	for i, r := range rows {
		if r.EventIDCnty != sel.Events[i].ID {
			t.Errorf("row %d is event %q, want %q (the selection's order)", i, r.EventIDCnty, sel.Events[i].ID)
		}
	}

	want := acled.Row{
		EventIDCnty:   "farabougou-takeover-2025-08-19",
		EventDate:     "2025-08-19",
		Year:          2025,
		TimePrecision: 1,
		DisorderType:  "Political violence",
		EventType:     "Battles",
		SubEventType:  "Non-state actor overtakes territory",
		Actor1:        "JNIM: Group for Support of Islam and Muslims",
		Actor2:        "Military Forces of Mali (2021-)",
		ISO:           466,
		Region:        "Western Africa",
		Country:       "Mali",
		GeoPrecision:  1,
		Sources:       []string{"Reuters", "Africa Eye", "DW"},
		Fatalities:    new(21),
		Targets:       []string{"military"},
		ClaimedBy:     "JNIM",
		SourceIDs:     []string{"reuters-2025-08-20", "africaeye-2025-08-23", "dw-2025-08-29"},
	}
	var got acled.Row
	for i, e := range sel.Events {
		if e.ID == want.EventIDCnty {
			got = rows[i]
			want.Notes = e.Summary.String()
			p, _ := ds.Place(e.Place)
			want.Admin1, want.Admin2, want.Location, want.Latitude, want.Longitude = p.Admin1, p.Admin2, p.Name.String(), p.Lat, p.Lon
		}
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("row\n%+v\nwant\n%+v", got, want)
	}

	// Associated actors are split as ACLED joins them; a publisher is
	// named once however many of its articles the event cites; a count
	// not reported is nil, a reported 0 is 0; the row's lists are its own.
	e := sel.Events[0]
	e.AssocActor1 = "Katiba Macina; ; Katiba Serma"
	e.Sources = []string{"sahelleaks-1964398854599475508", "sahelleaks-1964039497730949185"}
	e.Corridors = []string{"rn1-bamako-dakar"}
	e.Kidnapped, e.VehiclesDestroyed = report.Count{}, report.Reported(0)
	r := ds.ACLEDRow(&e)
	if !reflect.DeepEqual(r.AssocActor1, []string{"Katiba Macina", "Katiba Serma"}) {
		t.Errorf("assoc_actor_1 %q", r.AssocActor1)
	}
	if !reflect.DeepEqual(r.Sources, []string{"Sahel Leaks"}) || len(r.SourceIDs) != 2 {
		t.Errorf("source %q, source_ids %q: want the publisher once and both ids", r.Sources, r.SourceIDs)
	}
	if r.Kidnapped != nil || r.VehiclesDestroyed == nil || *r.VehiclesDestroyed != 0 {
		t.Errorf("kidnapped %v, vehicles_destroyed %v: want nil (not reported) and 0", r.Kidnapped, r.VehiclesDestroyed)
	}
	r.Corridors[0] = "changed"
	if e.Corridors[0] != "rn1-bamako-dakar" {
		t.Error("changing the row's corridors changed the event's")
	}
	if r.Inter1 != 0 || r.Interaction != 0 || r.CivilianTargeting || r.Admin3 != "" || r.SourceScale != "" || r.Tags != nil || r.Timestamp != 0 {
		t.Errorf("values the dataset does not record were filled in: %+v", r)
	}
}
