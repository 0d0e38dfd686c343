package locale_test

import (
	"flag"
	"strings"
	"testing"
	"time"

	"briefing/report"
	"briefing/report/locale"
)

var _ = flag.Bool("update", false, "rewrite golden files (none in this package)")

// TestCatalogsComplete: every language defines every message, with the same
// verbs, so no label is ever missing from a French letter.
func TestCatalogsComplete(t *testing.T) {
	en, _ := locale.For("en")
	for _, lang := range locale.Languages() {
		c, err := locale.For(lang)
		if err != nil {
			t.Fatal(err)
		}
		for _, key := range en.Keys() {
			if !c.Has(key) {
				t.Errorf("%s: missing message %q", lang, key)
				continue
			}
			if verbs(c.T(key)) != verbs(en.T(key)) {
				t.Errorf("%s: message %q has verbs %q, English has %q", lang, key, verbs(c.T(key)), verbs(en.T(key)))
			}
		}
		for _, key := range c.Keys() {
			if !en.Has(key) {
				t.Errorf("%s: message %q is not in the English catalogue", lang, key)
			}
		}
		for i := range report.NumEventTypes {
			if strings.HasPrefix(c.EventType(i), "[") {
				t.Errorf("%s: no name for event type %d", lang, i)
			}
		}
		for _, et := range report.EventTypes() {
			for _, sub := range report.SubEventTypes(et) {
				if !c.Has("sub_event_type." + report.SubEventTypeKey(sub)) {
					t.Errorf("%s: no name for sub-event type %q", lang, sub)
				}
			}
		}
		for _, tag := range report.TargetTags() {
			if strings.HasPrefix(c.Target(tag), "[") {
				t.Errorf("%s: no label for target %q", lang, tag)
			}
		}
	}
	if _, err := locale.For("de"); err == nil {
		t.Error("For(de) succeeded; want an error")
	}
}

// verbs lists a message's formatting verbs, sorted by argument.
func verbs(msg string) string {
	n := strings.Count(msg, "%s") + strings.Count(msg, "%d")
	for i := 1; i <= 9; i++ {
		n += strings.Count(msg, "%["+string(rune('0'+i))+"]")
	}
	return strings.Repeat("v", n)
}

func TestFormats(t *testing.T) {
	d := report.Date{Year: 2025, Month: time.July, Day: 11}
	p := report.Period{From: report.Date{Year: 2025, Month: time.June, Day: 1}, To: report.Date{Year: 2025, Month: time.September, Day: 30}}
	tests := []struct {
		lang string
		got  func(*locale.Catalog) string
		want string
	}{
		{"en", func(c *locale.Catalog) string { return c.Date(d) }, "11 July 2025"},
		{"fr", func(c *locale.Catalog) string { return c.Date(d) }, "11 juillet 2025"},
		{"en", func(c *locale.Catalog) string { return c.ShortDate(d) }, "11 Jul"},
		{"fr", func(c *locale.Catalog) string { return c.ShortDate(d) }, "11 juil."},
		{"en", func(c *locale.Catalog) string { return c.MonthYear(2025, time.September) }, "September 2025"},
		{"fr", func(c *locale.Catalog) string { return c.MonthYear(2025, time.August) }, "Août 2025"},
		{"en", func(c *locale.Catalog) string { return c.Period(p) }, "1 June – 30 September 2025"},
		{"fr", func(c *locale.Catalog) string { return c.Period(p) }, "1er juin – 30 septembre 2025"},
		{"fr", func(c *locale.Catalog) string { return c.PartialDate(report.PartialDate{Year: 2025, Month: 8, Day: 1}) }, "2025, 1er août"},
		{"en", func(c *locale.Catalog) string {
			return c.PartialDate(report.PartialDate{Year: 2025, Month: 7, Day: 11})
		}, "2025, July 11"},
		{"fr", func(c *locale.Catalog) string {
			return c.PartialDate(report.PartialDate{Year: 2025, Month: 7, Day: 11})
		}, "2025, 11 juillet"},
		{"en", func(c *locale.Catalog) string { return c.PartialDate(report.PartialDate{Year: 2025, Month: 9}) }, "2025, September"},
		{"en", func(c *locale.Catalog) string { return c.PartialDate(report.PartialDate{Year: 2025}) }, "2025"},
		{"en", func(c *locale.Catalog) string { return c.Int(2700000) }, "2,700,000"},
		{"fr", func(c *locale.Catalog) string { return c.Int(2700000) }, "2\u202f700\u202f000"},
		{"en", func(c *locale.Catalog) string { return c.Int(-1234) }, "−1,234"},
		{"en", func(c *locale.Catalog) string { return c.Decimal(1.52, 2) }, "1.52"},
		{"fr", func(c *locale.Catalog) string { return c.Decimal(1.52, 2) }, "1,52"},
		{"en", func(c *locale.Catalog) string { return c.Change(66.666) }, "+67%"},
		{"fr", func(c *locale.Catalog) string { return c.Change(-100) }, "−100\u202f%"},
		{"en", func(c *locale.Catalog) string { return c.Change(0.2) }, "±0%"},
		{"en", func(c *locale.Catalog) string { return c.Percent(30.45) }, "30.4%"},
		{"en", func(c *locale.Catalog) string { return c.Count(report.Count{}) }, "not reported"},
		{"fr", func(c *locale.Catalog) string { return c.Count(report.Reported(1200)) }, "1\u202f200"},
		{"en", func(c *locale.Catalog) string { return c.T("no such key") }, "[no such key]"},
	}
	for _, tt := range tests {
		c, _ := locale.For(tt.lang)
		if got := tt.got(c); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.lang, got, tt.want)
		}
	}
}

func TestClaims(t *testing.T) {
	en, _ := locale.For("en")
	figure := func(n int, claims ...report.Claim) report.Figure {
		return report.Figure{Count: report.Reported(n), ReportedIn: 1, Claims: claims}
	}
	tests := []struct {
		f      report.Figure
		prefix string
		named  int
		want   string
	}{
		{figure(5), "keyfig", 2, ""},
		{figure(21, report.Claim{Actor: "JNIM", N: 21}), "keyfig", 2, "all claimed by JNIM"},
		{figure(21, report.Claim{Actor: "JNIM", N: 21}), "annex.kf", 0, "All claimed by JNIM."},
		{figure(20, report.Claim{Actor: "JNIM", N: 12}, report.Claim{Actor: "ISSP", N: 3}), "keyfig", 2, "12 claimed by JNIM and 3 by ISSP"},
		{figure(20, report.Claim{Actor: "JNIM", N: 12}, report.Claim{Actor: "ISSP", N: 3}), "annex.kf", 0, "12 claimed by JNIM and 3 by ISSP."},
		// Past two claimants the letter counts them; the annex names all.
		{figure(1500, report.Claim{Actor: "A", N: 700}, report.Claim{Actor: "B", N: 300}, report.Claim{Actor: "C", N: 200}), "keyfig", 2, "1,200 claimed, by 3 parties (see the annex)"},
		{figure(1200, report.Claim{Actor: "A", N: 700}, report.Claim{Actor: "B", N: 300}, report.Claim{Actor: "C", N: 200}), "keyfig", 2, "all claimed, by 3 parties (see the annex)"},
		{figure(1500, report.Claim{Actor: "A", N: 700}, report.Claim{Actor: "B", N: 300}, report.Claim{Actor: "C", N: 200}), "annex.kf", 0, "700 claimed by A, 300 by B and 200 by C."},
	}
	for _, tt := range tests {
		if got := en.Claims(tt.f, tt.prefix, tt.named); got != tt.want {
			t.Errorf("Claims(%v, %s, %d) = %q, want %q", tt.f.Claims, tt.prefix, tt.named, got, tt.want)
		}
	}
}
