package report

import "strings"

// Disorder is ACLED's disorder class of an event, derived from its event
// type and sub-type. Conflict monitors keep the classes apart: a declared
// blockade or an arrest (a strategic development) is not an act of
// violence, and counting it as one inflates every figure of violence.
//
// A few sub-types belong to two classes: "Excessive force against
// protesters" is both political violence and a demonstration, so Disorder
// is a set.
type Disorder uint8

// The disorder classes.
const (
	PoliticalViolence Disorder = 1 << iota
	Demonstrations
	StrategicDisorder // ACLED's "Strategic developments"
)

// DisorderOf classifies an ACLED event type and sub-type as ACLED's
// codebook does: Battles, Explosions/Remote violence and Violence against
// civilians are political violence; Protests are demonstrations, except
// excessive force against protesters, which is both; Riots are
// demonstrations, except mob violence, which is political violence;
// Strategic developments are their own class. An unknown type has no
// class.
func DisorderOf(eventType, subType string) Disorder {
	switch eventType {
	case Battles, ExplosionsRemoteViolence, ViolenceAgainstCivilians:
		return PoliticalViolence
	case Protests:
		if subType == "Excessive force against protesters" {
			return PoliticalViolence | Demonstrations
		}
		return Demonstrations
	case Riots:
		if subType == "Mob violence" {
			return PoliticalViolence
		}
		return Demonstrations
	case StrategicDevelopments:
		return StrategicDisorder
	}
	return 0
}

// Has reports whether d includes every class of c.
func (d Disorder) Has(c Disorder) bool { return c != 0 && d&c == c }

// String writes the class in ACLED's wording, as its disorder_type column
// does: "Political violence", "Demonstrations", "Strategic developments"
// or "Political violence; Demonstrations".
func (d Disorder) String() string {
	var parts []string
	if d.Has(PoliticalViolence) {
		parts = append(parts, "Political violence")
	}
	if d.Has(Demonstrations) {
		parts = append(parts, "Demonstrations")
	}
	if d.Has(StrategicDisorder) {
		parts = append(parts, "Strategic developments")
	}
	return strings.Join(parts, "; ")
}
