package locale_test

import (
	"slices"
	"strings"
	"testing"
	"time"
	"unicode/utf8"

	"briefing/report"
	"briefing/report/locale"
)

// Spaces as the cases write them: "_" for U+202F, "~" for U+00A0.
func spaced(s string) string {
	return strings.NewReplacer("_", "\u202f", "~", "\u00a0").Replace(s)
}

func TestTypesetFrench(t *testing.T) {
	fr, _ := locale.For("fr")
	tests := []struct{ name, in, want string }{
		{"exclamation inserted", "Attention!", "Attention_!"},
		{"question replaced", "Pourquoi ?", "Pourquoi_?"},
		{"several spaces", "Pourquoi   ?", "Pourquoi_?"},
		{"wrong no-break space", "Pourquoi~?", "Pourquoi_?"},
		{"semicolon", "des morts ; des blessés", "des morts_; des blessés"},
		{"colon", "Note : voir plus bas", "Note~: voir plus bas"},
		{"colon inserted", "Note: voir", "Note~: voir"},
		{"colon after narrow space", "Note_: voir", "Note~: voir"},
		{"guillemets spaced", "« citation »", "«_citation_»"},
		{"guillemets bare", "«citation»", "«_citation_»"},
		{"guillemets already", "«_citation_»", "«_citation_»"},
		{"guillemets and no-break", "«~citation~»", "«_citation_»"},
		{"empty guillemets", "« »", "« »"},
		{"guillemet at the end", "il dit «", "il dit «"},
		{"guillemet at the start", "» suite", "» suite"},
		{"percent", "30 %", "30_%"},
		{"percent glued", "30%", "30_%"},
		{"percent decimal", "12,5 % des cas", "12,5_% des cas"},
		{"percent already", "30_%", "30_%"},
		{"grouped number", "1 234,5", "1_234,5"},
		{"grouped millions", "2 700 000 personnes", "2_700_000 personnes"},
		{"not a group", "en 2024 150 personnes", "en 2024 150 personnes"},
		{"four digits after", "12 3456", "12 3456"},
		{"unit", "à 12 km de Kayes", "à 12_km de Kayes"},
		{"unit large", "1 200 km", "1_200_km"},
		{"speed", "90 km/h", "90_km/h"},
		{"currency", "5 000 FCFA", "5_000_FCFA"},
		{"not a unit", "5 mai 2025", "5 mai 2025"},
		{"unit-like word", "3 habitants, 2 minutes", "3 habitants, 2 minutes"},
		{"glued unit kept", "un rayon de 10km", "un rayon de 10km"},
		{"name with number", "la RN1 ; la RN3", "la RN1_; la RN3"},
		{"time", "à 10:30 ce matin", "à 10:30 ce matin"},
		{"ratio", "un rapport de 3:1", "un rapport de 3:1"},
		{"french time", "à 10 h 30", "à 10_h 30"},
		{"url", "voir https://example.org/page?id=3&x=1 !", "voir https://example.org/page?id=3&x=1_!"},
		{"url with trailing mark", "lire https://example.org/faq? ou pas", "lire https://example.org/faq? ou pas"},
		{"url in parentheses", "(https://example.org/a:b)", "(https://example.org/a:b)"},
		{"url in guillemets", "«https://example.org»", "«_https://example.org_»"},
		{"www", "www.example.org/a?b", "www.example.org/a?b"},
		{"email", "écrire à contact@example.org; merci", "écrire à contact@example.org; merci"},
		{"mark at the start", "? ou !", "? ou_!"},
		{"only a mark", "!", "!"},
		{"two marks", "Quoi?!", "Quoi_?!"},
		{"two marks spaced", "Quoi ?!", "Quoi_?!"},
		{"code", "a;b x?y key:value", "a;b x?y key:value"},
		{"entity", "AT&amp; T", "AT&amp; T"},
		{"emoticon", "super :) et ;-) ou :D", "super :) et ;-) ou :D"},
		{"not an emoticon", "à Kayes :Dakar", "à Kayes~:Dakar"},
		{"closing quote after mark", "“Attention!”", "“Attention_!”"},
		{"after a closing parenthesis", "(voir plus bas): rien", "(voir plus bas)~: rien"},
		{"after a line break", "fin\n: suite", "fin\n: suite"},
		{"emoji", "Attention 🔥 ! Danger⚠️!", "Attention 🔥_! Danger⚠️_!"},
		{"bidi mark", "\u200fمرحبا ?", "\u200fمرحبا_?"},
		{"invalid UTF-8", "a\xff ! b\xfe! c !", "a\xff ! b\xfe! c_!"},
		{"no change", "Le corridor Dakar-Bamako", "Le corridor Dakar-Bamako"},
		{"empty", "", ""},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			in, want := spaced(tt.in), spaced(tt.want)
			got := fr.Typeset(in)
			if got != want {
				t.Errorf("Typeset(%q) = %q, want %q", in, got, want)
			}
			if again := fr.Typeset(got); again != got {
				t.Errorf("Typeset is not idempotent: %q gives %q", got, again)
			}
		})
	}
}

func TestTypesetEnglish(t *testing.T) {
	en, _ := locale.For("en")
	for _, s := range []string{"Attention!", "Why ?", "« quote »", "30 %", "1 234,5", "Note: see below", "at 10:30", "https://example.org/?a=b", "🔥 ! \xff"} {
		if got := en.Typeset(s); got != s {
			t.Errorf("English Typeset(%q) = %q, want it unchanged", s, got)
		}
	}
	texts := []string{"Attention", "!"}
	if en.TypesetRuns(texts) || !slices.Equal(texts, []string{"Attention", "!"}) {
		t.Errorf("English TypesetRuns changed its texts: %q", texts)
	}
}

// TestTypesetRuns: texts in a row are spaced as one, each space going to
// the text of the mark it belongs to.
func TestTypesetRuns(t *testing.T) {
	fr, _ := locale.For("fr")
	tests := []struct {
		name     string
		in, want []string
	}{
		{"mark in the next run", []string{"Attention", "!"}, []string{"Attention", "_!"}},
		{"space in the first run", []string{"Attention ", "!"}, []string{"Attention_", "!"}},
		{"space in the second run", []string{"Attention", " !"}, []string{"Attention", "_!"}},
		{"space across three runs", []string{"Note ", " ", " : la suite"}, []string{"Note", "", "~: la suite"}},
		{"opening guillemet keeps its space", []string{"il écrit «", "Titre", "»."}, []string{"il écrit «_", "Titre", "_»."}},
		{"opening guillemet, space after", []string{"«", " Titre »"}, []string{"«", "_Titre_»"}},
		{"space across the junction", []string{"Note  ", "  : suite"}, []string{"Note", "~: suite"}},
		{"space after « across the junction", []string{"« ", " Titre"}, []string{"«_", "Titre"}},
		{"url across runs", []string{"voir ", "https://example.org/a?b", " !"}, []string{"voir ", "https://example.org/a?b", "_!"}},
		{"empty runs", []string{"", "30", "", "%", ""}, []string{"", "30", "", "_%", ""}},
		{"nothing to do", []string{"un ", "deux"}, []string{"un ", "deux"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			texts := make([]string, len(tt.in))
			for i, s := range tt.in {
				texts[i] = spaced(s)
			}
			want := make([]string, len(tt.want))
			for i, s := range tt.want {
				want[i] = spaced(s)
			}
			changed := fr.TypesetRuns(texts)
			if !slices.Equal(texts, want) {
				t.Errorf("TypesetRuns(%q) = %q, want %q", tt.in, texts, want)
			}
			if changed != !slices.Equal(tt.in, tt.want) {
				t.Errorf("TypesetRuns reported changed = %v", changed)
			}
			if joined := fr.Typeset(spaced(strings.Join(tt.in, ""))); joined != strings.Join(texts, "") {
				t.Errorf("the runs give %q, Typeset of their text %q", strings.Join(texts, ""), joined)
			}
		})
	}
}

// TestFrenchMessagesTypeset: the French catalogue is spaced at the
// source, for the annex and the charts, which do not call Typeset.
func TestFrenchMessagesTypeset(t *testing.T) {
	// Messages that quote code: the separators of a keywords property and
	// an ACLED value ("Political violence; Demonstrations") are written as
	// a program reads them.
	code := map[string]bool{"annex.doc.keywords": true, "annex.def.events.disorder_type": true}
	fr, _ := locale.For("fr")
	for _, key := range fr.Keys() {
		msg := fr.T(key)
		if code[key] {
			continue
		}
		if got := fr.Typeset(msg); got != msg {
			t.Errorf("message %q is %q; French spacing makes it %q", key, msg, got)
		}
	}
	en, _ := locale.For("en")
	for _, key := range en.Keys() {
		if msg := en.T(key); strings.ContainsAny(msg, "\u202f") {
			t.Errorf("English message %q holds a narrow no-break space: %q", key, msg)
		}
	}
}

func TestIsUnit(t *testing.T) {
	for _, tt := range []struct {
		word string
		want bool
	}{
		{"km", true}, {"km,", true}, {"km/h", true}, {"%", true}, {"%)", true}, {"FCFA.", true}, {"°C", true},
		{"kilomètres", false}, {"mai", false}, {"m’a", false}, {"", false}, {"h2", false},
	} {
		if got := locale.IsUnit(tt.word); got != tt.want {
			t.Errorf("IsUnit(%q) = %v, want %v", tt.word, got, tt.want)
		}
	}
}

func TestDatesInText(t *testing.T) {
	d := func(y int, m time.Month, day int) report.Date { return report.Date{Year: y, Month: m, Day: day} }
	period := func(a, b report.Date) report.Period { return report.Period{From: a, To: b} }
	tests := []struct {
		lang string
		got  func(*locale.Catalog) string
		want string
	}{
		{"fr", func(c *locale.Catalog) string { return c.MonthYearInText(2025, time.September) }, "septembre 2025"},
		{"fr", func(c *locale.Catalog) string { return c.MonthYear(2025, time.September) }, "Septembre 2025"},
		{"en", func(c *locale.Catalog) string { return c.MonthYearInText(2025, time.September) }, "September 2025"},
		{"fr", func(c *locale.Catalog) string { return c.Day(1) }, "1er"},
		{"fr", func(c *locale.Catalog) string { return c.Day(2) }, "2"},
		{"en", func(c *locale.Catalog) string { return c.Day(1) }, "1"},
		{"fr", func(c *locale.Catalog) string { return c.PeriodInText(period(d(2025, 2, 1), d(2025, 5, 31))) }, "1er février au 31 mai 2025"},
		{"fr", func(c *locale.Catalog) string { return c.PeriodInText(period(d(2025, 5, 1), d(2025, 5, 31))) }, "1er au 31 mai 2025"},
		{"fr", func(c *locale.Catalog) string { return c.PeriodInText(period(d(2024, 12, 1), d(2025, 1, 31))) }, "1er décembre 2024 au 31 janvier 2025"},
		{"fr", func(c *locale.Catalog) string { return c.PeriodInText(period(d(2025, 5, 5), d(2025, 5, 5))) }, "5 mai 2025"},
		{"en", func(c *locale.Catalog) string { return c.PeriodInText(period(d(2025, 2, 1), d(2025, 5, 31))) }, "1 February – 31 May 2025"},
		{"fr", func(c *locale.Catalog) string {
			return c.PeriodsInText([]report.Period{period(d(2025, 6, 1), d(2025, 9, 9)), period(d(2025, 12, 1), d(2025, 12, 31))})
		}, "1er juin au 9 septembre 2025 et du 1er au 31 décembre 2025"},
		{"fr", func(c *locale.Catalog) string {
			return c.PeriodsInText([]report.Period{period(d(2025, 1, 1), d(2025, 1, 2)), period(d(2025, 2, 1), d(2025, 2, 2)), period(d(2025, 3, 1), d(2025, 3, 2))})
		}, "1er au 2 janvier 2025, du 1er au 2 février 2025 et du 1er au 2 mars 2025"},
		{"en", func(c *locale.Catalog) string {
			return c.PeriodsInText([]report.Period{period(d(2025, 6, 1), d(2025, 9, 9)), period(d(2025, 12, 1), d(2025, 12, 31))})
		}, "1 June – 9 September 2025 and 1 December – 31 December 2025"},
		// The catalogue's messages put the preposition: "du %s".
		{"fr", func(c *locale.Catalog) string {
			return c.T("cover.period", c.PeriodInText(period(d(2025, 6, 1), d(2025, 9, 30))))
		}, "Événements du 1er juin au 30 septembre 2025"},
		{"fr", func(c *locale.Catalog) string {
			return c.T("keyfig.subtitle_compared", c.Period(period(d(2025, 6, 1), d(2025, 9, 30))), c.PeriodInText(period(d(2025, 2, 1), d(2025, 5, 31))))
		}, "1er juin – 30 septembre 2025, comparé à la période du 1er février au 31 mai 2025"},
		// Ordinals wherever a day is written.
		{"fr", func(c *locale.Catalog) string { return c.Date(d(2025, 8, 1)) }, "1er août 2025"},
		{"fr", func(c *locale.Catalog) string { return c.ShortDate(d(2025, 8, 1)) }, "1er août"},
		{"fr", func(c *locale.Catalog) string { return c.Period(period(d(2025, 6, 1), d(2025, 7, 1))) }, "1er juin – 1er juillet 2025"},
		{"en", func(c *locale.Catalog) string { return c.ShortDate(d(2025, 8, 1)) }, "1 Aug"},
	}
	for _, tt := range tests {
		c, _ := locale.For(tt.lang)
		if got := tt.got(c); got != tt.want {
			t.Errorf("%s: got %q, want %q", tt.lang, got, tt.want)
		}
	}
}

// withoutSpaces drops the spaces Typeset may change.
func withoutSpaces(s string) string {
	return strings.NewReplacer(" ", "", "\u00a0", "", "\u202f", "").Replace(s)
}

func FuzzTypeset(f *testing.F) {
	for _, s := range []string{
		"Attention!", "« citation »", "30 %", "1 234,5", "à 10:30", "https://example.org/a?b=c !",
		"contact@example.org;", "super :)", "Quoi ?!", "\xff!\xfe", "🔥 ! \u200f ?", "«", "»", ":", "1 ",
		"a\u00a0\u202f ;", "«\u202f»", "12 km/h", strings.Repeat("Le 1er août, 30 % des « routes » : fermées ! ", 20),
	} {
		f.Add(s)
	}
	fr, _ := locale.For("fr")
	en, _ := locale.For("en")
	f.Fuzz(func(t *testing.T, s string) {
		got := fr.Typeset(s)
		if again := fr.Typeset(got); again != got {
			t.Errorf("not idempotent: %q → %q → %q", s, got, again)
		}
		if withoutSpaces(got) != withoutSpaces(s) {
			t.Errorf("changed more than spaces: %q → %q", s, got)
		}
		if utf8.ValidString(s) && !utf8.ValidString(got) {
			t.Errorf("made valid UTF-8 invalid: %q → %q", s, got)
		}
		if en.Typeset(s) != s {
			t.Errorf("English changed %q", s)
		}
		// Cut anywhere, the runs give the same text.
		for _, at := range []int{1, len(s) / 2, len(s) - 1} {
			if at <= 0 || at >= len(s) {
				continue
			}
			texts := []string{s[:at], s[at:]}
			fr.TypesetRuns(texts)
			if joined := texts[0] + texts[1]; joined != got {
				t.Errorf("runs %q, %q give %q, want %q", s[:at], s[at:], joined, got)
			}
		}
	})
}

// longSummary is a 25,000-character text of the kind the data holds.
var longSummary = strings.Repeat("Le 1er août 2025, des hommes armés ont attaqué un convoi de 12 camions sur la RN1, à 30 km de Kayes : 3 morts ; 1 200 tonnes de « marchandises » perdues (30 % du trafic) ! Voir https://example.org/a?b=1. ", 125)

// plainSummary needs no change.
var plainSummary = strings.Repeat("Des hommes armés ont attaqué un convoi sur la route de Kayes, selon des sources locales. ", 280)

func TestTypesetAllocations(t *testing.T) {
	fr, _ := locale.For("fr")
	spacedSummary := fr.Typeset(longSummary)
	for name, s := range map[string]string{"plain": plainSummary, "spaced": spacedSummary} {
		if n := testing.AllocsPerRun(10, func() { fr.Typeset(s) }); n != 0 {
			t.Errorf("%s: Typeset of a text needing no change allocates %v times", name, n)
		}
	}
	if n := testing.AllocsPerRun(10, func() { fr.Typeset(longSummary) }); n > 8 {
		t.Errorf("Typeset of a long text allocates %v times", n)
	}
}

func BenchmarkTypeset(b *testing.B) {
	fr, _ := locale.For("fr")
	for name, s := range map[string]string{"long": longSummary, "plain": plainSummary, "spaced": fr.Typeset(longSummary), "short": "Attaque d’un convoi près de Kayes : 3 morts."} {
		b.Run(name, func(b *testing.B) {
			b.SetBytes(int64(len(s)))
			for b.Loop() {
				fr.Typeset(s)
			}
		})
	}
}
