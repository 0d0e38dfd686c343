package report

import (
	"cmp"
	"fmt"
	"regexp"
	"strconv"
	"time"
)

// Date is a calendar day without a time of day or a zone, so that a build
// gives the same answer in every time zone. The zero Date means "absent".
type Date struct {
	Year  int
	Month time.Month
	Day   int
}

// ParseDate reads a date written YYYY-MM-DD and rejects days that do not
// exist, such as 2025-02-30.
func ParseDate(s string) (Date, error) {
	if !fullDate.MatchString(s) {
		return Date{}, fmt.Errorf("%q is not a date written YYYY-MM-DD", s)
	}
	t, err := time.Parse(time.DateOnly, s)
	if err != nil {
		return Date{}, fmt.Errorf("%s is not a real calendar date", s)
	}
	return DateOf(t), nil
}

var fullDate = regexp.MustCompile(`^\d{4}-\d{2}-\d{2}$`)

// DateOf returns the calendar day of t in t's own location.
func DateOf(t time.Time) Date {
	y, m, d := t.Date()
	return Date{y, m, d}
}

// Time returns the date at midnight UTC.
func (d Date) Time() time.Time {
	return time.Date(d.Year, d.Month, d.Day, 0, 0, 0, 0, time.UTC)
}

// IsZero reports whether the date is absent.
func (d Date) IsZero() bool { return d == Date{} }

// AddDays returns the date n days later (earlier when n is negative).
func (d Date) AddDays(n int) Date { return DateOf(d.Time().AddDate(0, 0, n)) }

// firstOfMonth returns the first day of the month n months after d's month.
func (d Date) firstOfMonth(n int) Date {
	return DateOf(time.Date(d.Year, d.Month+time.Month(n), 1, 0, 0, 0, 0, time.UTC))
}

// Before reports whether d is an earlier day than e.
func (d Date) Before(e Date) bool { return d.Compare(e) < 0 }

// After reports whether d is a later day than e.
func (d Date) After(e Date) bool { return d.Compare(e) > 0 }

// Compare returns -1, 0 or +1 as d is before, equal to or after e. It
// compares the fields, which for real dates (every Date the loader makes)
// orders them as the calendar does, without building a time.Time: sorting
// and selecting a million events compares dates tens of millions of times.
func (d Date) Compare(e Date) int {
	return cmp.Or(cmp.Compare(d.Year, e.Year), cmp.Compare(d.Month, e.Month), cmp.Compare(d.Day, e.Day))
}

// DaysUntil returns the number of days from d to e (negative when e is
// earlier).
func (d Date) DaysUntil(e Date) int {
	return int(e.Time().Sub(d.Time()).Hours() / 24)
}

// String formats the date as YYYY-MM-DD.
func (d Date) String() string {
	if d.IsZero() {
		return ""
	}
	return fmt.Sprintf("%04d-%02d-%02d", d.Year, d.Month, d.Day)
}

// PartialDate is a publication date known to the day, the month or only the
// year, as sources are cited.
type PartialDate struct {
	Year  int
	Month time.Month // 0 when only the year is known
	Day   int        // 0 when only the year or month is known
}

// ParsePartialDate reads YYYY-MM-DD, YYYY-MM or YYYY.
func ParsePartialDate(s string) (PartialDate, error) {
	switch len(s) {
	case 10:
		d, err := ParseDate(s)
		return PartialDate{d.Year, d.Month, d.Day}, err
	case 7:
		if t, err := time.Parse("2006-01", s); err == nil {
			return PartialDate{Year: t.Year(), Month: t.Month()}, nil
		}
	case 4:
		if y, err := strconv.Atoi(s); err == nil && y > 0 {
			return PartialDate{Year: y}, nil
		}
	}
	return PartialDate{}, fmt.Errorf("%q is not a date written YYYY-MM-DD, YYYY-MM or YYYY", s)
}

// IsZero reports whether the date is absent.
func (p PartialDate) IsZero() bool { return p.Year == 0 }

// String formats the date as it was written: YYYY-MM-DD, YYYY-MM or YYYY.
func (p PartialDate) String() string {
	switch {
	case p.Year == 0:
		return ""
	case p.Month == 0:
		return fmt.Sprintf("%04d", p.Year)
	case p.Day == 0:
		return fmt.Sprintf("%04d-%02d", p.Year, p.Month)
	}
	return fmt.Sprintf("%04d-%02d-%02d", p.Year, p.Month, p.Day)
}

// Period is a closed range of days: both From and To belong to it.
type Period struct {
	From Date
	To   Date
}

// Days returns the number of days in the period, both ends included.
func (p Period) Days() int { return p.From.DaysUntil(p.To) + 1 }

// Contains reports whether d falls within the period.
func (p Period) Contains(d Date) bool { return !d.Before(p.From) && !d.After(p.To) }

// Overlaps reports whether the period shares at least one day with q.
func (p Period) Overlaps(q Period) bool { return !q.To.Before(p.From) && !q.From.After(p.To) }

// Previous returns the period of equal length that ends the day before p
// starts: the baseline a letter compares its figures against. A period of
// whole calendar months is compared with as many whole months (July with
// June, June–September with February–May), as readers count; any other
// period with as many days.
func (p Period) Previous() Period {
	if months, ok := p.wholeMonths(); ok {
		return Period{From: p.From.firstOfMonth(-months), To: p.From.AddDays(-1)}
	}
	n := p.Days()
	return Period{From: p.From.AddDays(-n), To: p.From.AddDays(-1)}
}

// wholeMonths returns how many calendar months p spans when it starts on
// the first of a month and ends on the last day of one.
func (p Period) wholeMonths() (int, bool) {
	if p.From.Day != 1 || p.To.AddDays(1).Day != 1 {
		return 0, false
	}
	return (p.To.Year-p.From.Year)*12 + int(p.To.Month-p.From.Month) + 1, true
}

// String formats the period as FROM/TO, ISO 8601's interval form.
func (p Period) String() string { return p.From.String() + "/" + p.To.String() }
