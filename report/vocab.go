package report

import (
	"fmt"
	"slices"
	"strings"
)

// The six ACLED event types, in ACLED's order. Charts stack them in this
// order and give each its own colour.
const (
	Battles                  = "Battles"
	ExplosionsRemoteViolence = "Explosions/Remote violence"
	ViolenceAgainstCivilians = "Violence against civilians"
	Protests                 = "Protests"
	Riots                    = "Riots"
	StrategicDevelopments    = "Strategic developments"
)

// NumEventTypes is the number of ACLED event types.
const NumEventTypes = 6

// eventTypes pairs each ACLED event type with its sub-types, in ACLED's
// codebook order.
var eventTypes = [NumEventTypes]struct {
	name     string
	key      string
	subTypes []string
}{
	{Battles, "battles", []string{"Armed clash", "Government regains territory", "Non-state actor overtakes territory"}},
	{ExplosionsRemoteViolence, "explosions_remote_violence", []string{"Chemical weapon", "Air/drone strike", "Suicide bomb", "Shelling/artillery/missile attack", "Remote explosive/landmine/IED", "Grenade"}},
	{ViolenceAgainstCivilians, "violence_against_civilians", []string{"Sexual violence", "Attack", "Abduction/forced disappearance"}},
	{Protests, "protests", []string{"Peaceful protest", "Protest with intervention", "Excessive force against protesters"}},
	{Riots, "riots", []string{"Violent demonstration", "Mob violence"}},
	{StrategicDevelopments, "strategic_developments", []string{"Agreement", "Arrests", "Change to group/activity", "Disrupted weapons use", "Headquarters or base established", "Looting/property destruction", "Non-violent transfer of territory", "Other"}},
}

// EventTypes returns the ACLED event types in ACLED's order; a
// [TypeCounts] is indexed the same way.
func EventTypes() []string {
	names := make([]string, NumEventTypes)
	for i, t := range eventTypes {
		names[i] = t.name
	}
	return names
}

// EventTypeKey returns the snake_case key of event type i, as brand colours
// and message catalogues name it (for example "explosions_remote_violence").
func EventTypeKey(i int) string { return eventTypes[i].key }

// SubEventTypeKey returns the snake_case key message catalogues name an
// ACLED sub-type by ("Air/drone strike" is "air_drone_strike").
func SubEventTypeKey(name string) string {
	key := strings.Map(func(r rune) rune {
		switch {
		case r >= 'a' && r <= 'z', r >= '0' && r <= '9':
			return r
		case r >= 'A' && r <= 'Z':
			return r - 'A' + 'a'
		}
		return '_'
	}, name)
	return strings.ReplaceAll(strings.ReplaceAll(key, " ", "_"), "__", "_")
}

// EventTypeIndex returns the position of an ACLED event type in
// [EventTypes], or -1 for a name that is not one.
func EventTypeIndex(name string) int {
	for i, t := range eventTypes {
		if t.name == name {
			return i
		}
	}
	return -1
}

// SubEventTypes returns the ACLED sub-types of an event type.
func SubEventTypes(eventType string) []string {
	if i := EventTypeIndex(eventType); i >= 0 {
		return slices.Clone(eventTypes[i].subTypes)
	}
	return nil
}

// eventTypeOfSubType returns the event type a sub-type belongs to, or "".
func eventTypeOfSubType(sub string) string {
	for _, t := range eventTypes {
		if slices.Contains(t.subTypes, sub) {
			return t.name
		}
	}
	return ""
}

// TargetTags returns the tags an event's targets may carry, in the order
// tables list them.
func TargetTags() []string { return slices.Clone(targetTags) }

var targetTags = []string{"military", "state", "transport", "fuel", "infrastructure", "mining", "foreign-company", "civilians", "religious", "trade"}

var sourceKinds = []string{"news", "report", "official", "social-media"}

// FigureNames returns the charts a letter section may place.
func FigureNames() []string { return slices.Clone(figureNames) }

var figureNames = []string{"frequency", "corridors", "targets", "map"}

// Languages returns the languages a letter may be written in.
func Languages() []string { return slices.Clone(letterLanguages) }

var letterLanguages = []string{"en", "fr"}

// Geographic precisions, as ACLED codes them.
const (
	GeoExact  = 1 // the place itself
	GeoNear   = 2 // near the place, or part of its area
	GeoRegion = 3 // only the region is known; the place stands for it
)

// Time precisions, as ACLED codes them.
const (
	PrecisionDay   = 1
	PrecisionWeek  = 2
	PrecisionMonth = 3
)

// countryProblem says why code is not an ISO 3166-1 alpha-2 code, as the
// places' country and the basemap's features are checked, or returns "".
func countryProblem(code string) string {
	if isCountryCode(code) {
		return ""
	}
	hint := ""
	if isCountryCode(strings.ToUpper(code)) {
		hint = fmt.Sprintf("; write it in capitals: %q", strings.ToUpper(code))
	}
	return fmt.Sprintf("country %s is not an ISO 3166-1 alpha-2 code%s", quoteShort(code), hint)
}

// isCountryCode reports whether s is an officially assigned ISO 3166-1
// alpha-2 code.
func isCountryCode(s string) bool {
	return len(s) == 2 && s == strings.ToUpper(s) && strings.Contains(iso3166, " "+s+" ")
}

// iso3166 lists the 249 officially assigned ISO 3166-1 alpha-2 codes.
const iso3166 = " AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ" +
	" CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR" +
	" GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP" +
	" KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT" +
	" MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW" +
	" SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG" +
	" UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW "
