// Package synth writes synthetic data folders: as many events as asked,
// with places, corridors, sources and a letter, valid for report.Load, for
// the benchmarks and scale tests of the PDF letter and the Excel annex.
//
// The data look like the sample's (West African places with their accents,
// ACLED types and sub-types, corridors, unreported figures) and include the
// cases renderers must survive: long summaries, text that begins with "=",
// "-", "+" or "@", sources without a web address or dated only to the month
// or year. The same seed gives the same files.
package synth

import (
	"bufio"
	"errors"
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"time"
	"unicode"
	"unicode/utf8"

	"briefing/report"
	"briefing/report/acled"
)

// LetterID is the id of the letter Write adds, letters/LetterID.yaml.
const LetterID = "synthetic"

// Period returns the period of the letter Write adds, the year 2025:
// every event falls within it.
func Period() report.Period {
	return report.Period{
		From: report.Date{Year: 2025, Month: time.January, Day: 1},
		To:   report.Date{Year: 2025, Month: time.December, Day: 31},
	}
}

// Write writes a data folder of the given number of events (at least one)
// into dir, creating it if needed: dataset.yaml, places.yaml,
// corridors.yaml, sources.yaml, one events/YYYY-MM.yaml per month and
// letters/synthetic.yaml. The dataset covers the letter's year for every
// country; its comparison year is not covered. It refuses a folder that already holds a data
// file, so that it never mixes with, or overwrites, real data.
func Write(dir string, events int, seed int64) error { return write(dir, events, seed, false) }

// CSVFile is the events file WriteCSV writes, relative to the data folder.
const CSVFile = "events/" + LetterID + "-events.csv"

// WriteCSV writes the data folder Write writes, with the same seed the same
// data, but its events as one ACLED export with briefing's own columns
// (CSVFile, what a build writes as ID-events.csv) instead of events/*.yaml:
// the two forms of one dataset, for the benchmarks of both ways of loading
// it.
func WriteCSV(dir string, events int, seed int64) error { return write(dir, events, seed, true) }

func write(dir string, events int, seed int64, csv bool) error {
	if events < 1 {
		return errors.New("synth: a data folder needs at least one event")
	}
	for _, pattern := range []string{"*.yaml", "events/*.yaml", "events/*.csv", "letters/*.yaml"} {
		if found, _ := filepath.Glob(filepath.Join(dir, pattern)); len(found) > 0 {
			return fmt.Errorf("synth: %s already holds data (%s); give an empty folder", dir, found[0])
		}
	}
	g := &gen{rnd: rand.New(rand.NewPCG(uint64(seed), 0x5eed_b21e_f1e6)), events: events}
	g.sources = max(min(events, 20), events/5)
	for _, sub := range []string{"events", "letters"} {
		if err := os.MkdirAll(filepath.Join(dir, sub), 0o755); err != nil {
			return err
		}
	}
	files := []struct {
		name  string
		write func(*bufio.Writer)
	}{
		{"dataset.yaml", g.dataset},
		{"places.yaml", g.places},
		{"corridors.yaml", g.corridors},
		{"sources.yaml", g.sourcesFile},
		{"letters/" + LetterID + ".yaml", g.letter},
	}
	for _, f := range files {
		if err := writeFile(filepath.Join(dir, f.name), f.write); err != nil {
			return err
		}
	}
	// Drawn after the files above, whichever form the events take, so
	// that both forms hold the same data.
	evs := g.drawEvents()
	if csv {
		return writeFile(filepath.Join(dir, filepath.FromSlash(CSVFile)), func(w *bufio.Writer) { g.eventsCSV(w, evs) })
	}
	// Events are drawn in date order, one file per month.
	for month := time.January; month <= time.December; month++ {
		var these []event
		for _, e := range evs {
			if e.date.Month == month {
				these = append(these, e)
			}
		}
		if len(these) == 0 {
			continue
		}
		name := fmt.Sprintf("events/%04d-%02d.yaml", Period().From.Year, month)
		if err := writeFile(filepath.Join(dir, name), func(w *bufio.Writer) { g.eventsFile(w, these) }); err != nil {
			return err
		}
	}
	return nil
}

func writeFile(path string, write func(*bufio.Writer)) error {
	f, err := os.Create(path)
	if err != nil {
		return err
	}
	w := bufio.NewWriter(f)
	write(w)
	if err := w.Flush(); err != nil {
		f.Close()
		return err
	}
	return f.Close()
}

type gen struct {
	rnd     *rand.Rand
	events  int
	sources int
	// publishers holds each source's publisher, by source number, for
	// the source column of an export.
	publishers []string
}

// q quotes a YAML scalar: a Go quoted string is a valid YAML
// double-quoted one (\x, \u and \U escapes included).
func q(s string) string { return strconv.Quote(s) }

type place struct {
	id, name, admin1, admin2, country string
	lat, lon                          float64
}

// places are real localities at approximate positions.
var places = []place{
	{"bamako", "Bamako", "Bamako", "", "ML", 12.6392, -8.0029},
	{"kati", "Kati", "Koulikoro", "Kati", "ML", 12.7441, -8.0726},
	{"kayes", "Kayes", "Kayes", "Kayes", "ML", 14.4469, -11.4445},
	{"diboli", "Diboli", "Kayes", "Kayes", "ML", 14.4667, -11.8667},
	{"diema", "Diéma", "Kayes", "Diéma", "ML", 14.5439, -9.1833},
	{"nioro-du-sahel", "Nioro du Sahel", "Kayes", "Nioro du Sahel", "ML", 15.2306, -9.5903},
	{"bafoulabe", "Bafoulabé", "Kayes", "Bafoulabé", "ML", 13.8128, -10.8317},
	{"kita", "Kita", "Kayes", "Kita", "ML", 13.0347, -9.4895},
	{"segou", "Ségou", "Ségou", "Ségou", "ML", 13.4317, -6.2157},
	{"niono", "Niono", "Ségou", "Niono", "ML", 14.2526, -5.9930},
	{"san", "San", "Ségou", "San", "ML", 13.3034, -4.8955},
	{"mopti", "Mopti", "Mopti", "Mopti", "ML", 14.4843, -4.1830},
	{"sevare", "Sévaré", "Mopti", "Mopti", "ML", 14.5333, -4.1000},
	{"djenne", "Djenné", "Mopti", "Djenné", "ML", 13.9061, -4.5533},
	{"tombouctou", "Tombouctou", "Tombouctou", "Tombouctou", "ML", 16.7666, -3.0026},
	{"gao", "Gao", "Gao", "Gao", "ML", 16.2717, -0.0447},
	{"menaka", "Ménaka", "Ménaka", "", "ML", 15.9182, 2.4022},
	{"sikasso", "Sikasso", "Sikasso", "Sikasso", "ML", 11.3176, -5.6665},
	{"koutiala", "Koutiala", "Sikasso", "Koutiala", "ML", 12.3917, -5.4642},
	{"bougouni", "Bougouni", "Sikasso", "Bougouni", "ML", 11.4177, -7.4832},
	{"dakar", "Dakar", "Dakar", "Dakar", "SN", 14.7167, -17.4677},
	{"thies", "Thiès", "Thiès", "Thiès", "SN", 14.7910, -16.9359},
	{"tambacounda", "Tambacounda", "Tambacounda", "Tambacounda", "SN", 13.7707, -13.6673},
	{"kidira", "Kidira", "Tambacounda", "Bakel", "SN", 14.4588, -12.2135},
	{"kedougou", "Kédougou", "Kédougou", "Kédougou", "SN", 12.5579, -12.1743},
	{"nouakchott", "Nouakchott", "Nouakchott-Ouest", "", "MR", 18.0735, -15.9582},
	{"kiffa", "Kiffa", "Assaba", "Kiffa", "MR", 16.6200, -11.4044},
	{"nema", "Néma", "Hodh Ech Chargui", "Néma", "MR", 16.6170, -7.2500},
	{"selibaby", "Sélibaby", "Guidimakha", "Sélibaby", "MR", 15.1590, -12.1843},
	{"kaedi", "Kaédi", "Gorgol", "Kaédi", "MR", 16.1500, -13.5000},
	{"ouagadougou", "Ouagadougou", "Centre", "Kadiogo", "BF", 12.3714, -1.5197},
	{"fada-ngourma", "Fada N’Gourma", "Est", "Gourma", "BF", 12.0616, 0.3585},
	{"djibo", "Djibo", "Sahel", "Soum", "BF", 14.1022, -1.6306},
	{"dori", "Dori", "Sahel", "Séno", "BF", 14.0354, -0.0345},
	{"niamey", "Niamey", "Niamey", "", "NE", 13.5116, 2.1254},
	{"tillaberi", "Tillabéri", "Tillabéri", "Tillabéri", "NE", 14.2117, 1.4531},
}

func (g *gen) places(w *bufio.Writer) {
	fmt.Fprintln(w, "# Synthetic places (approximate positions).\nplaces:")
	for _, p := range places {
		fmt.Fprintf(w, "  - id: %s\n    name: %s\n    admin1: %s\n", p.id, q(p.name), q(p.admin1))
		if p.admin2 != "" {
			fmt.Fprintf(w, "    admin2: %s\n", q(p.admin2))
		}
		fmt.Fprintf(w, "    country: %s\n    lat: %.4f\n    lon: %.4f\n", p.country, p.lat, p.lon)
	}
}

type corridor struct {
	id, name, short string
	via             []string
}

var corridors = []corridor{
	{"dakar-bamako", "Dakar–Bamako corridor (RN1)", "RN1", []string{"dakar", "thies", "tambacounda", "kidira", "diboli", "kayes", "diema", "kati", "bamako"}},
	{"kayes-nioro", "Kayes–Nioro du Sahel road", "Kayes–Nioro", []string{"kayes", "nioro-du-sahel"}},
	{"kita-kayes", "Kita–Bafoulabé–Kayes road (RN22)", "RN22", []string{"kita", "bafoulabe", "kayes"}},
	{"bamako-mopti", "Bamako–Ségou–Mopti road (RN6)", "RN6", []string{"bamako", "segou", "san", "sevare", "mopti"}},
	{"bamako-sikasso", "Bamako–Sikasso road (RN7)", "RN7", []string{"bamako", "bougouni", "sikasso"}},
	{"sikasso-ouagadougou", "Sikasso–Koutiala–Ouagadougou road", "Sikasso–Ouaga", []string{"sikasso", "koutiala", "ouagadougou"}},
	{"ouagadougou-niamey", "Ouagadougou–Fada N’Gourma–Niamey road (RN4)", "RN4", []string{"ouagadougou", "fada-ngourma", "niamey"}},
	{"nouakchott-nema", "Route de l’Espoir (Nouakchott–Néma)", "Espoir", []string{"nouakchott", "kiffa", "nema"}},
	{"kaedi-selibaby", "Kaédi–Sélibaby–Kayes road", "Kaédi–Kayes", []string{"kaedi", "selibaby", "kayes"}},
	{"gao-niamey", "Gao–Ménaka–Niamey road", "Gao–Niamey", []string{"gao", "menaka", "tillaberi", "niamey"}},
}

func (g *gen) corridors(w *bufio.Writer) {
	fmt.Fprintln(w, "# Synthetic corridors.\ncorridors:")
	for _, c := range corridors {
		fmt.Fprintf(w, "  - id: %s\n    name: %s\n    short: %s\n    via: [%s]\n", c.id, q(c.name), q(c.short), strings.Join(c.via, ", "))
	}
}

var publishers = []struct{ name, lang string }{
	{"Journal du Mali", "fr"}, {"Le Républicain", "fr"}, {"L’Essor", "fr"}, {"Studio Tamani", "fr"},
	{"Agence d’Information du Burkina", "fr"}, {"Sahara Médias", "fr"}, {"Le Soleil", "fr"},
	{"ActuNiger", "fr"}, {"RFI", "fr"}, {"Jeune Afrique", "fr"}, {"Reuters", "en"}, {"AFP", "en"},
	{"The Conversation", "en"}, {"Africa Defense Forum", "en"}, {"Sahel Leaks", "en"},
}

var sourceKinds = []string{"news", "news", "news", "report", "official", "social-media"}

var titleWords = []string{
	"attaque", "convoi", "blocus", "corridor", "camions-citernes", "enlèvement", "Kayes", "Ségou",
	"frontière", "sécurité", "carburant", "transporteurs", "armée", "Sahel", "économie", "routes",
	"attack", "convoy", "blockade", "trade", "drivers", "border", "fuel", "army", "mining", "gold",
}

func (g *gen) sourceID(i int) string { return fmt.Sprintf("src-%06d", i+1) }

func (g *gen) sourcesFile(w *bufio.Writer) {
	fmt.Fprintln(w, "# Synthetic sources: example.org addresses, a few without one.\nsources:")
	period := Period()
	days := period.Days()
	for i := range g.sources {
		p := publishers[g.rnd.IntN(len(publishers))]
		d := period.From.AddDays(g.rnd.IntN(days))
		date := d.String()
		switch r := g.rnd.IntN(20); {
		case r == 0:
			date = date[:4] // known to the year
		case r < 3:
			date = date[:7] // to the month
		}
		n := 4 + g.rnd.IntN(9)
		words := make([]string, n)
		for k := range words {
			words[k] = titleWords[g.rnd.IntN(len(titleWords))]
		}
		// Upper-case the first letter, not the first byte: a word may
		// begin with "é".
		first, size := utf8.DecodeRuneInString(words[0])
		title := string(unicode.ToUpper(first)) + strings.Join(words, " ")[size:]
		kind := sourceKinds[g.rnd.IntN(len(sourceKinds))]
		g.publishers = append(g.publishers, p.name)
		fmt.Fprintf(w, "  - id: %s\n    publisher: %s\n    title: %s\n    date: %q\n", g.sourceID(i), q(p.name), q(title), date)
		if g.rnd.IntN(20) != 0 {
			slug := strings.ToLower(strings.Join(words, "-"))
			u := fmt.Sprintf("https://www.example.org/%s/%s/%s-%d", slugify(p.name), d.String()[:7], slugify(slug), i+1)
			if i%7 == 3 {
				u += "?lang=" + p.lang + "&ref=synthetic"
			}
			fmt.Fprintf(w, "    url: %s\n", q(u))
		}
		fmt.Fprintf(w, "    language: %s\n    kind: %s\n", p.lang, kind)
	}
}

// slugify keeps ASCII letters and digits, turning the rest into hyphens.
func slugify(s string) string {
	var b strings.Builder
	hyphen := false
	for _, r := range strings.ToLower(s) {
		if r >= 'a' && r <= 'z' || r >= '0' && r <= '9' {
			b.WriteRune(r)
			hyphen = false
		} else if !hyphen && b.Len() > 0 {
			b.WriteByte('-')
			hyphen = true
		}
	}
	return strings.TrimSuffix(b.String(), "-")
}

type event struct {
	id       string
	date     report.Date
	dateEnd  report.Date
	prec     int
	typ, sub string
	actor1   string
	assoc    string
	actor2   string
	place    string
	corr     []string
	targets  []string
	counts   [3]string // fatalities, kidnapped, vehicles_destroyed; "" not reported
	claimed  string    // the actor whose claim the figures are; "" for reporting
	geo      int       // geo_precision; 0 writes none (exact)
	summary  string
	sources  []string
}

var (
	// typeWeights draws event types roughly as ACLED records them in the
	// Sahel.
	typeWeights = [report.NumEventTypes]int{25, 15, 25, 10, 5, 20}
	actors      = []string{
		"JNIM: Group for Support of Islam and Muslims", "Islamic State Sahel Province",
		"Military Forces of Mali (2021-)", "Wagner Group", "Dozo Militia", "Unidentified Armed Group (Mali)",
		"Military Forces of Burkina Faso (2022-)", "VDP: Volunteers for the Defense of the Homeland",
		"Police Forces of Senegal (2024-)", "Military Forces of Niger (2023-)", "Gendarmerie nationale (Mauritanie)",
		"Protesters (Mali)", "Rioters (Senegal)", "Communauté peule (Mali)", "Coordination des mouvements de l’Azawad",
	}
	victims = []string{
		"Civilians (Mali)", "Civilians (Senegal)", "Civilians (Burkina Faso)", "Civilians (Niger)",
		"Diarra Transport", "Transporteurs routiers", "Civilians (India)", "Military Forces of Mali (2021-)",
	}
	assocs = []string{"Katiba Macina", "Katiba Serma", "Ansaroul Islam", "Katiba Hanifa", "Wagner Group"}
	// phrases builds summaries in English and in French: an opening, a
	// target, the place, a closing sentence.
	phrases = [2]struct {
		openings, targets, closings []string
		near                        string
	}{
		{
			openings: []string{"Armed men attacked", "Militants ambushed", "Fighters burned", "Unidentified gunmen fired on"},
			targets:  []string{"a fuel convoy", "a customs post", "a checkpoint", "the weekly market", "two lorries", "a gold-mining site"},
			closings: []string{"No casualty figure was reported.", "Traffic was suspended for several hours.",
				"The army said it had repelled the attack.", "Local sources spoke of several wounded; the figure could not be confirmed."},
			near: " near ",
		},
		{
			openings: []string{"Des hommes armés ont attaqué", "Des combattants ont incendié", "Une patrouille a pris pour cible", "Des individus non identifiés ont visé"},
			targets:  []string{"un convoi de camions-citernes", "un poste de douane", "un poste de contrôle", "le marché hebdomadaire", "deux véhicules de transport", "un site d’orpaillage"},
			closings: []string{"Le bilan n’a pas été communiqué.", "Les transporteurs ont suspendu leurs rotations.",
				"L’armée affirme avoir repoussé l’attaque.", "Des sources locales évoquent plusieurs blessés, sans bilan confirmé."},
			near: " près de ",
		},
	}
	// formulaLike are summaries a spreadsheet could mistake for formulas.
	formulaLike = []string{
		"=SUM(A1:A9) was painted on the wall of the customs post, a tag the attackers left behind.",
		"-5 °C at night did not stop the convoy; two lorries were burned at dawn.",
		"+20 % on the price of fuel in Kayes after the attack, traders said.",
		"@Sahel_Info reported the attack first; local officials confirmed it the next day.",
	}
)

func (g *gen) pick(list []string) string { return list[g.rnd.IntN(len(list))] }

func (g *gen) drawEvents() []event {
	period := Period()
	days := period.Days()
	types := report.EventTypes()
	weightSum := 0
	for _, w := range typeWeights {
		weightSum += w
	}
	evs := make([]event, g.events)
	for i := range evs {
		e := &evs[i]
		e.date = period.From.AddDays(g.rnd.IntN(days))
		e.prec = report.PrecisionDay
		switch r := g.rnd.IntN(20); {
		case r == 0:
			e.prec = report.PrecisionMonth
		case r < 3:
			e.prec = report.PrecisionWeek
		}
		if g.rnd.IntN(12) == 0 {
			e.dateEnd = e.date.AddDays(1 + g.rnd.IntN(5))
			if e.dateEnd.After(period.To) {
				e.dateEnd = report.Date{} // a one-day event on the last day
			}
		}
		// Every type and sub-type appears in the first few events, however
		// few are asked for.
		t := i % report.NumEventTypes
		if i >= 3*report.NumEventTypes {
			r := g.rnd.IntN(weightSum)
			for t = 0; r >= typeWeights[t]; t++ {
				r -= typeWeights[t]
			}
		}
		e.typ = types[t]
		subs := report.SubEventTypes(e.typ)
		e.sub = subs[(i/report.NumEventTypes)%len(subs)]
		if i >= 3*report.NumEventTypes {
			e.sub = g.pick(subs)
		}
		e.actor1 = g.pick(actors)
		if g.rnd.IntN(10) < 3 {
			e.assoc = g.pick(assocs)
		}
		if g.rnd.IntN(10) < 6 {
			e.actor2 = g.pick(victims)
		}
		p := places[g.rnd.IntN(len(places))]
		e.place = p.id
		for _, c := range corridors {
			if slices.Contains(c.via, p.id) && g.rnd.IntN(2) == 0 {
				e.corr = append(e.corr, c.id)
			}
		}
		if len(e.corr) == 0 && g.rnd.IntN(4) == 0 {
			e.corr = append(e.corr, corridors[g.rnd.IntN(len(corridors))].id)
		}
		for _, tag := range report.TargetTags() {
			if g.rnd.IntN(5) == 0 {
				e.targets = append(e.targets, tag)
			}
		}
		// Some figures not reported, some reported as zero.
		for k, chance := range []int{6, 2, 3} {
			if g.rnd.IntN(10) < chance {
				e.counts[k] = strconv.Itoa(int(g.rnd.ExpFloat64() * []float64{6, 3, 2}[k]))
			}
		}
		// One event in five with figures has them from a claim; one in
		// six is located only near its place or to its region.
		if e.counts != [3]string{} && g.rnd.IntN(5) == 0 {
			e.claimed = e.actor1
		}
		if r := g.rnd.IntN(12); r < 2 {
			e.geo = report.GeoNear + r
		}
		e.summary = g.summary(i, p)
		e.sources = []string{g.sourceID(i % g.sources)}
		for range g.rnd.IntN(3) {
			if id := g.sourceID(g.rnd.IntN(g.sources)); !slices.Contains(e.sources, id) {
				e.sources = append(e.sources, id)
			}
		}
	}
	slices.SortStableFunc(evs, func(a, b event) int { return a.date.Compare(b.date) })
	for i := range evs {
		evs[i].id = fmt.Sprintf("ev-%07d", i+1)
	}
	return evs
}

func (g *gen) summary(i int, p place) string {
	if k := i % 50; k%12 == 7 && k/12 < len(formulaLike) {
		return formulaLike[k/12]
	}
	ph := phrases[g.rnd.IntN(len(phrases))]
	sentence := func() string {
		return g.pick(ph.openings) + " " + g.pick(ph.targets) + ph.near + p.name + ". " + g.pick(ph.closings)
	}
	if g.rnd.IntN(40) != 0 {
		return sentence()
	}
	var b strings.Builder // a long account, as long as a summary may be
	for k := range 10 + g.rnd.IntN(20) {
		// Drawn even when not used, so that the rest of the dataset stays
		// the same.
		s := sentence()
		if k > 0 && utf8.RuneCountInString(b.String())+1+utf8.RuneCountInString(s) > report.MaxSummaryLen {
			continue
		}
		if k > 0 {
			b.WriteByte(' ')
		}
		b.WriteString(s)
	}
	return b.String()
}

func (g *gen) eventsFile(w *bufio.Writer, evs []event) {
	fmt.Fprintln(w, "events:")
	for _, e := range evs {
		fmt.Fprintf(w, "  - id: %s\n    date: %s\n", e.id, e.date)
		if !e.dateEnd.IsZero() {
			fmt.Fprintf(w, "    date_end: %s\n", e.dateEnd)
		}
		if e.prec != report.PrecisionDay {
			fmt.Fprintf(w, "    time_precision: %d\n", e.prec)
		}
		fmt.Fprintf(w, "    event_type: %s\n    sub_event_type: %s\n    actor1: %s\n", q(e.typ), q(e.sub), q(e.actor1))
		if e.assoc != "" {
			fmt.Fprintf(w, "    assoc_actor_1: %s\n", q(e.assoc))
		}
		if e.actor2 != "" {
			fmt.Fprintf(w, "    actor2: %s\n", q(e.actor2))
		}
		fmt.Fprintf(w, "    place: %s\n", e.place)
		if len(e.corr) > 0 {
			fmt.Fprintf(w, "    corridors: [%s]\n", strings.Join(e.corr, ", "))
		}
		if len(e.targets) > 0 {
			fmt.Fprintf(w, "    targets: [%s]\n", strings.Join(e.targets, ", "))
		}
		for k, key := range []string{"fatalities", "kidnapped", "vehicles_destroyed"} {
			if e.counts[k] != "" {
				fmt.Fprintf(w, "    %s: %s\n", key, e.counts[k])
			}
		}
		if e.claimed != "" {
			fmt.Fprintf(w, "    claimed_by: %s\n", q(e.claimed))
		}
		if e.geo != 0 {
			fmt.Fprintf(w, "    geo_precision: %d\n", e.geo)
		}
		fmt.Fprintf(w, "    summary: %s\n    sources: [%s]\n", q(e.summary), strings.Join(e.sources, ", "))
	}
}

func (g *gen) dataset(w *bufio.Writer) {
	fmt.Fprintf(w, "dataset:\n  name: Synthetic incident dataset\n  language: en\n  coverage:\n    - {from: %s, to: %s}\n", Period().From, Period().To)
}

func (g *gen) letter(w *bufio.Writer) {
	note := func(i int) string { return "[^" + g.sourceID(i%g.sources) + "]" }
	fmt.Fprintf(w, `letter:
  series: Letter from the Observatory
  title: Synthetic letter
  subtitle: %s
  issued: 2026-01-15
  language: en
  period: {from: %s, to: %s}
  authors: [Synthetic Data Desk]
  key_points:
    - "The synthetic year counts %d events across %d places."
    - "Corridors through Kayes and Ségou carry most of the incidents."
    - "Figures are drawn at random: they describe nothing real."
  sections:
    - title: Introduction
      body: |
        This letter is generated for benchmarks%s. Its events are drawn at random over real places of the Sahel, Ségou and Kédougou among them%s.

        - A bullet with **bold** and *italic* text%s.
        - Another bullet%s.
      figures: [frequency]
    - title: Corridors
      body: |
        The corridors hit most are counted in @fig:corridors%s%s.
      figures: [corridors, targets]
    - title: Map
      body: |
        Places with events are drawn on the map%s.
      figures: [map]
`, q(fmt.Sprintf("%d events for scale tests", g.events)), Period().From, Period().To, g.events, len(places),
		note(0), note(1), note(2), note(3), note(4), note(5), note(6))
}

// eventsCSV writes the events as briefing's own export (see
// acled.WriteCSV): ACLED's columns, the place's name, regions, country
// and coordinates, the publishers of the sources, then briefing's columns,
// which keep every field of the event as the YAML form writes it.
func (g *gen) eventsCSV(w *bufio.Writer, evs []event) {
	placeOf := map[string]*place{}
	for i := range places {
		placeOf[places[i].id] = &places[i]
	}
	count := func(s string) *int {
		if s == "" {
			return nil // not reported
		}
		n, _ := strconv.Atoi(s)
		return &n
	}
	rows := make([]acled.Row, len(evs))
	for i := range evs {
		e, p := &evs[i], placeOf[evs[i].place]
		r := acled.Row{
			EventIDCnty:       e.id,
			EventDate:         e.date.String(),
			Year:              e.date.Year,
			TimePrecision:     e.prec,
			DisorderType:      report.DisorderOf(e.typ, e.sub).String(),
			EventType:         e.typ,
			SubEventType:      e.sub,
			Actor1:            e.actor1,
			Actor2:            e.actor2,
			Admin1:            p.admin1,
			Admin2:            p.admin2,
			Location:          p.name,
			Latitude:          p.lat,
			Longitude:         p.lon,
			GeoPrecision:      max(e.geo, report.GeoExact),
			Notes:             e.summary,
			Fatalities:        count(e.counts[0]),
			Corridors:         e.corr,
			Targets:           e.targets,
			Kidnapped:         count(e.counts[1]),
			VehiclesDestroyed: count(e.counts[2]),
			ClaimedBy:         e.claimed,
			SourceIDs:         e.sources,
		}
		if e.assoc != "" {
			r.AssocActor1 = []string{e.assoc}
		}
		if !e.dateEnd.IsZero() {
			r.DateEnd = e.dateEnd.String()
		}
		r.ISO, r.Country, r.Region, _ = acled.Country(p.country)
		for _, id := range e.sources {
			n, _ := strconv.Atoi(strings.TrimPrefix(id, "src-"))
			if pub := g.publishers[n-1]; !slices.Contains(r.Sources, pub) {
				r.Sources = append(r.Sources, pub)
			}
		}
		rows[i] = r
	}
	// A write error sticks to w, whose Flush in writeFile returns it.
	_ = acled.WriteCSV(w, rows)
}
