package acled

import (
	"strings"

	"golang.org/x/text/language"
	"golang.org/x/text/language/display"
)

// actorTypes are ACLED's actor-type codes (inter1, inter2), from 1.
var actorTypes = []string{
	"State forces", "Rebel group", "Political militia", "Identity militia",
	"Rioters", "Protesters", "Civilians", "External/Other forces",
}

// ActorType returns the name of an actor-type code ("State forces" for 1),
// or "" for 0 or an unknown code.
func ActorType(code int) string {
	if code < 1 || code > len(actorTypes) {
		return ""
	}
	return actorTypes[code-1]
}

// ActorTypeCode returns the code of an actor-type name, matched without
// regard to case, or 0.
func ActorTypeCode(name string) int {
	for i, t := range actorTypes {
		if strings.EqualFold(strings.TrimSpace(name), t) {
			return i + 1
		}
	}
	return 0
}

// InteractionCode combines two actor-type codes as ACLED does: the smaller
// code first (State forces and Civilians, 1 and 7, give 17), or 10 times
// the only type when there is no second actor. It is 0 when a is 0.
func InteractionCode(a, b int) int {
	switch {
	case a == 0:
		return 0
	case b == 0:
		return 10 * a
	case b < a:
		a, b = b, a
	}
	return 10*a + b
}

// Interaction writes an interaction code as ACLED's text exports do:
// "State forces-Civilians", or "Civilians only" for a single actor type;
// "" for 0 or an unknown code.
func Interaction(code int) string {
	a, b := code/10, code%10
	switch {
	case ActorType(a) == "":
		return ""
	case b == 0:
		return ActorType(a) + " only"
	case ActorType(b) == "":
		return ""
	}
	return ActorType(a) + "-" + ActorType(b)
}

// InteractionFromText reads an interaction written as text ("State
// forces-Civilians", "Protesters only"), or returns 0.
func InteractionFromText(s string) int {
	s = strings.TrimSpace(s)
	if single, ok := strings.CutSuffix(s, " only"); ok {
		return 10 * ActorTypeCode(single)
	}
	// Split on the hyphen that separates two known names: a name itself
	// may hold a slash ("External/Other forces") but no hyphen.
	for i := range s {
		if s[i] == '-' {
			a, b := ActorTypeCode(s[:i]), ActorTypeCode(s[i+1:])
			if a != 0 && b != 0 {
				return InteractionCode(a, b)
			}
		}
	}
	return 0
}

// country is a country as ACLED names it.
type country struct {
	alpha2 string
	iso    int
	name   string
	region string
}

// africa lists the countries ACLED covers in Africa, with ACLED's English
// names (which differ from ISO's for some: "Ivory Coast", "Democratic
// Republic of Congo") and ACLED's regions. Other countries take their
// common English name and ISO numeric code from the CLDR data of
// golang.org/x/text, and no region: briefing leaves empty what it does
// not know, never guesses it.
var africa = []country{
	{"BJ", 204, "Benin", "Western Africa"}, {"BF", 854, "Burkina Faso", "Western Africa"},
	{"CV", 132, "Cape Verde", "Western Africa"}, {"CI", 384, "Ivory Coast", "Western Africa"},
	{"GM", 270, "Gambia", "Western Africa"}, {"GH", 288, "Ghana", "Western Africa"},
	{"GN", 324, "Guinea", "Western Africa"}, {"GW", 624, "Guinea-Bissau", "Western Africa"},
	{"LR", 430, "Liberia", "Western Africa"}, {"ML", 466, "Mali", "Western Africa"},
	{"MR", 478, "Mauritania", "Western Africa"}, {"NE", 562, "Niger", "Western Africa"},
	{"NG", 566, "Nigeria", "Western Africa"}, {"SN", 686, "Senegal", "Western Africa"},
	{"SL", 694, "Sierra Leone", "Western Africa"}, {"TG", 768, "Togo", "Western Africa"},
	{"SH", 654, "Saint Helena, Ascension and Tristan da Cunha", "Western Africa"},
	{"AO", 24, "Angola", "Middle Africa"}, {"CM", 120, "Cameroon", "Middle Africa"},
	{"CF", 140, "Central African Republic", "Middle Africa"}, {"TD", 148, "Chad", "Middle Africa"},
	{"CG", 178, "Republic of Congo", "Middle Africa"}, {"CD", 180, "Democratic Republic of Congo", "Middle Africa"},
	{"GQ", 226, "Equatorial Guinea", "Middle Africa"}, {"GA", 266, "Gabon", "Middle Africa"},
	{"ST", 678, "Sao Tome and Principe", "Middle Africa"},
	{"BI", 108, "Burundi", "Eastern Africa"}, {"KM", 174, "Comoros", "Eastern Africa"},
	{"DJ", 262, "Djibouti", "Eastern Africa"}, {"ER", 232, "Eritrea", "Eastern Africa"},
	{"ET", 231, "Ethiopia", "Eastern Africa"}, {"KE", 404, "Kenya", "Eastern Africa"},
	{"MG", 450, "Madagascar", "Eastern Africa"}, {"MW", 454, "Malawi", "Eastern Africa"},
	{"MU", 480, "Mauritius", "Eastern Africa"}, {"YT", 175, "Mayotte", "Eastern Africa"},
	{"MZ", 508, "Mozambique", "Eastern Africa"}, {"RE", 638, "Reunion", "Eastern Africa"},
	{"RW", 646, "Rwanda", "Eastern Africa"}, {"SC", 690, "Seychelles", "Eastern Africa"},
	{"SO", 706, "Somalia", "Eastern Africa"}, {"SS", 728, "South Sudan", "Eastern Africa"},
	{"TZ", 834, "Tanzania", "Eastern Africa"}, {"UG", 800, "Uganda", "Eastern Africa"},
	{"ZM", 894, "Zambia", "Eastern Africa"}, {"ZW", 716, "Zimbabwe", "Eastern Africa"},
	{"DZ", 12, "Algeria", "Northern Africa"}, {"EG", 818, "Egypt", "Northern Africa"},
	{"LY", 434, "Libya", "Northern Africa"}, {"MA", 504, "Morocco", "Northern Africa"},
	{"SD", 729, "Sudan", "Northern Africa"}, {"TN", 788, "Tunisia", "Northern Africa"},
	{"EH", 732, "Western Sahara", "Northern Africa"},
	{"BW", 72, "Botswana", "Southern Africa"}, {"SZ", 748, "Eswatini", "Southern Africa"},
	{"LS", 426, "Lesotho", "Southern Africa"}, {"NA", 516, "Namibia", "Southern Africa"},
	{"ZA", 710, "South Africa", "Southern Africa"},
}

// Country returns, for an ISO 3166-1 alpha-2 code, ACLED's numeric code,
// English name and region (empty outside Africa); ok is false for a code
// that names no country.
func Country(alpha2 string) (iso int, name, region string, ok bool) {
	for _, c := range africa {
		if c.alpha2 == alpha2 {
			return c.iso, c.name, c.region, true
		}
	}
	r, err := language.ParseRegion(alpha2)
	if err != nil || !r.IsCountry() || r.M49() == 0 {
		return 0, "", "", false
	}
	return r.M49(), display.English.Regions().Name(r), "", true
}

// CountryByISO returns the alpha-2 code of an ISO 3166-1 numeric code, as
// ACLED's iso column gives it; ok is false for a code that names no
// country.
func CountryByISO(iso int) (alpha2 string, ok bool) {
	for _, c := range africa {
		if c.iso == iso {
			return c.alpha2, true
		}
	}
	r, err := language.EncodeM49(iso)
	if err != nil || !r.IsCountry() {
		return "", false
	}
	return r.String(), true
}

// CountryByName returns the alpha-2 code of a country named as ACLED names
// it ("Mali", "Ivory Coast"), matched without regard to case; ok is false
// for a name outside ACLED's African list.
func CountryByName(name string) (alpha2 string, ok bool) {
	for _, c := range africa {
		if strings.EqualFold(c.name, strings.TrimSpace(name)) {
			return c.alpha2, true
		}
	}
	return "", false
}
