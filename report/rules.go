package report

import (
	"slices"
	"strings"
	"unicode"
	"unicode/utf8"

	"go.yaml.in/yaml/v3"
	"golang.org/x/text/unicode/norm"
)

// RulesFile is the optional file, in the data folder, that says which
// corridors and targets the events of ACLED exports get: ACLED codes
// neither.
const RulesFile = "acled-rules.yaml"

// ACLEDRules say which corridors and target tags an event read from an
// ACLED export gets. A rules file reads:
//
//	acled_rules:
//	  corridors:                  # the most precise rules that match win: place, then admin2, then admin1
//	    - {place: diboli, corridors: [rn1-bamako-dakar]}
//	    - {admin2: Kita, corridors: [rn22-bafoulabe]}
//	    - {admin1: Kayes, corridors: [rn1-bamako-dakar, kayes-nioro]}
//	  targets:                    # every rule whose words the notes or sub_event_type hold
//	    - {words: [convoy, lorry, lorries, truck*, tanker*], targets: [transport]}
//	    - {words: [gold mine, gold mining site], targets: [mining]}
//
// Words match whole words, without regard to case or accents; several
// words in one entry match in that order ("gold mine"); a final * matches
// any ending ("truck*": truck, trucks, trucking).
type ACLEDRules struct {
	corridors []corridorRule
	targets   []targetRule
}

type corridorRule struct {
	// by is "place", "admin2" or "admin1"; value the place id, or the
	// unit's name folded (see fold).
	by, value string
	corridors []string
}

type targetRule struct {
	phrases [][]string // folded words; a word ending in * matches a prefix
	targets []string
}

// loadRules reads the data folder's rules file, when it has one.
func (ld *loader) loadRules() {
	src, exists, ok := ld.read(RulesFile, false, false)
	if !exists || !ok {
		return
	}
	ld.ds.acledRules = ld.decodeRules(newFileDecoder(ld.display(RulesFile), src, &ld.diags))
}

// LoadACLEDRules reads a rules file given on the command line, outside or
// inside the data folder, against the dataset's corridors, places and
// target tags.
func LoadACLEDRules(ds *Dataset, path string) (*ACLEDRules, Diagnostics) {
	ld := importLoader(ds)
	src, p := readOutside(path, MaxDataFileBytes, "a data file", "split its content, or check that it is the file you meant")
	if p != nil {
		ld.diags.Errorf(Position{File: path}, "the file %s", p.msg)
		return nil, ld.diags
	}
	rules := ld.decodeRules(newFileDecoder(path, src, &ld.diags))
	ld.index()
	ld.checkDangling()
	return rules, ld.diags.Sort()
}

func (ld *loader) decodeRules(d *fileDecoder) *ACLEDRules {
	n := d.root("acled_rules")
	if n == nil {
		return nil
	}
	rules := &ACLEDRules{}
	const from = "corridor rule"
	d.fields(n, "acled_rules",
		opt("corridors", func(_ string, v *yaml.Node) {
			d.items(v, "corridors", MaxRules, func(item *yaml.Node) {
				r := corridorRule{}
				var where []string
				by := func(key string, max int) func(string, *yaml.Node) {
					return func(k string, v *yaml.Node) {
						var s string
						d.str(&s, max)(k, v)
						if s == "" {
							return
						}
						r.by, r.value = key, fold(s)
						where = append(where, key)
						if key == "place" {
							r.value = s
							ld.refs = append(ld.refs, reference{kind: "place", id: s, at: d.pos(v), from: from})
						}
					}
				}
				got := d.fields(item, "corridor rule",
					opt("place", by("place", MaxIDLen)),
					opt("admin2", by("admin2", MaxNameLen)),
					opt("admin1", by("admin1", MaxNameLen)),
					req("corridors", d.list(&r.corridors, MaxEventCorridors, MaxIDLen, ld.refer("corridor", from))),
				)
				if got == nil {
					return
				}
				switch {
				case len(where) > 1:
					d.errorf(item, "a corridor rule names one of place, admin2 or admin1, not %s: write one rule for each", strings.Join(where, " and "))
				case len(where) == 0 && !d.incomplete[item] && got["place"] == nil && got["admin2"] == nil && got["admin1"] == nil:
					d.errorf(item, "a corridor rule names the place, admin2 or admin1 whose events its corridors get")
				case r.by != "":
					rules.corridors = append(rules.corridors, r)
				}
			})
		}),
		opt("targets", func(_ string, v *yaml.Node) {
			d.items(v, "targets", MaxRules, func(item *yaml.Node) {
				r := targetRule{}
				var words []string
				var tagAt []Position
				got := d.fields(item, "target rule",
					req("words", d.list(&words, MaxRuleWords, MaxNameLen, func(w string, at Position) {
						if phrase := ruleWords(w); phrase != nil {
							r.phrases = append(r.phrases, phrase)
						} else {
							d.diags.Errorf(at, "word %s holds no letter or digit to match", quoteShort(w))
						}
					})),
					req("targets", d.list(&r.targets, MaxEventTargets, MaxNameLen, func(_ string, at Position) { tagAt = append(tagAt, at) })),
				)
				if got == nil {
					return
				}
				for i, tag := range r.targets {
					if !slices.Contains(targetTags, tag) {
						d.diags.Errorf(tagAt[i], "target %s is not one of: %s", quoteShort(tag), strings.Join(targetTags, ", "))
					}
				}
				rules.targets = append(rules.targets, r)
			})
		}),
	)
	return rules
}

// ruleWords splits a rule's words into folded words, keeping a final *.
func ruleWords(s string) []string {
	prefix := strings.HasSuffix(s, "*")
	words := splitWords(fold(strings.TrimSuffix(s, "*")), nil)
	if len(words) > 0 && prefix {
		words[len(words)-1] += "*"
	}
	return words
}

// corridorsFor returns the corridors of the most precise rules that match
// a place: those naming the place, else its admin2, else its admin1.
func (r *ACLEDRules) corridorsFor(placeID, admin2, admin1 string) []string {
	if r == nil {
		return nil
	}
	keys := map[string]string{"place": placeID, "admin2": fold(admin2), "admin1": fold(admin1)}
	for _, by := range []string{"place", "admin2", "admin1"} {
		if keys[by] == "" {
			continue
		}
		var out []string
		for _, rule := range r.corridors {
			if rule.by == by && rule.value == keys[by] {
				for _, c := range rule.corridors {
					if !slices.Contains(out, c) {
						out = append(out, c)
					}
				}
			}
		}
		if out != nil {
			return out
		}
	}
	return nil
}

// targetsFor returns the tags of every rule whose words the texts hold,
// in the order of the rules.
func (r *ACLEDRules) targetsFor(texts ...string) []string {
	if r == nil || len(r.targets) == 0 {
		return nil
	}
	var words []string
	for _, t := range texts {
		words = splitWords(fold(t), words)
		words = append(words, "") // no phrase runs across two texts
	}
	var out []string
	for _, rule := range r.targets {
		if !slices.ContainsFunc(rule.phrases, func(p []string) bool { return holdsPhrase(words, p) }) {
			continue
		}
		for _, tag := range rule.targets {
			if !slices.Contains(out, tag) {
				out = append(out, tag)
			}
		}
	}
	return out
}

func holdsPhrase(words, phrase []string) bool {
	for i := 0; i+len(phrase) <= len(words); i++ {
		match := true
		for j, w := range phrase {
			if stem, ok := strings.CutSuffix(w, "*"); ok {
				match = strings.HasPrefix(words[i+j], stem)
			} else {
				match = words[i+j] == w
			}
			if !match {
				break
			}
		}
		if match {
			return true
		}
	}
	return false
}

// splitWords appends the words of a folded text to dst: runs of letters
// and digits.
func splitWords(s string, dst []string) []string {
	return append(dst, strings.FieldsFunc(s, func(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) })...)
}

// fold prepares a name or a text for comparison without regard to case,
// accents, or the spaces, hyphens and apostrophes between words: ACLED
// writes "Segou" where places.yaml has "Ségou", and "Nioro Du Sahel" for
// "Nioro du Sahel".
func fold(s string) string {
	ascii := true
	for i := 0; i < len(s); i++ {
		if s[i] >= utf8.RuneSelf {
			ascii = false
			break
		}
	}
	if !ascii {
		s = norm.NFD.String(s)
	}
	var b strings.Builder
	b.Grow(len(s))
	space := false
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r):
			continue
		case r == '-' || r == '\'' || r == '’' || unicode.IsSpace(r):
			space = true
			continue
		}
		if space && b.Len() > 0 {
			b.WriteByte(' ')
		}
		space = false
		b.WriteRune(unicode.ToLower(r))
	}
	return b.String()
}
