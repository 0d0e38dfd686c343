package report

import (
	"bytes"
	"strconv"
	"strings"

	"go.yaml.in/yaml/v3"
)

// YAML writes the import as an events file: the places and sources it
// introduces, then its events, each key as the dataset's tables name it
// and in their order, defaults left out (time_precision and geo_precision
// 1, figures not reported). comment, when not empty, heads the file as
// YAML comment lines. The same import gives the same bytes.
func (im *ACLEDImport) YAML(comment string) ([]byte, error) {
	doc := &yaml.Node{Kind: yaml.MappingNode}
	list := func(key string, items []*yaml.Node) {
		if len(items) > 0 {
			doc.Content = append(doc.Content, yamlPlain(key), &yaml.Node{Kind: yaml.SequenceNode, Content: items})
		}
	}
	var places, sources, events []*yaml.Node
	for i := range im.Places {
		places = append(places, yamlPlace(&im.Places[i]))
	}
	for i := range im.Sources {
		sources = append(sources, yamlSource(&im.Sources[i]))
	}
	for i := range im.Events {
		events = append(events, yamlEvent(&im.Events[i]))
	}
	list("places", places)
	list("sources", sources)
	doc.Content = append(doc.Content, yamlPlain("events"), &yaml.Node{Kind: yaml.SequenceNode, Content: events})

	var b bytes.Buffer
	for line := range strings.SplitSeq(strings.TrimRight(comment, "\n"), "\n") {
		if comment != "" {
			b.WriteString(strings.TrimRight("# "+line, " ") + "\n")
		}
	}
	enc := yaml.NewEncoder(&b)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return nil, err
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	return b.Bytes(), nil
}

// yamlMapping builds a YAML mapping from key–value pairs, leaving out the
// pairs whose value is nil.
type yamlMapping struct{ n *yaml.Node }

func newYAMLMapping() yamlMapping { return yamlMapping{&yaml.Node{Kind: yaml.MappingNode}} }

func (m yamlMapping) add(key string, v *yaml.Node) yamlMapping {
	if v != nil {
		m.n.Content = append(m.n.Content, yamlPlain(key), v)
	}
	return m
}

// yamlPlain is a scalar written as YAML sees fit: quoted when it would
// otherwise read as something other than text.
func yamlPlain(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s} }

func yamlText(s string) *yaml.Node {
	if s == "" {
		return nil
	}
	return yamlPlain(s)
}

// yamlMultiText writes a text given in several languages as a flow
// mapping by language, the dataset's first, and one in one language as a
// plain string.
func yamlMultiText(t Text) *yaml.Node {
	if !t.Multilingual() {
		return yamlText(t.String())
	}
	n := &yaml.Node{Kind: yaml.MappingNode, Tag: "!!map", Style: yaml.FlowStyle}
	for lang, s := range t.All() {
		n.Content = append(n.Content, yamlPlain(lang), yamlPlain(s))
	}
	return n
}

func yamlNumber(s string) *yaml.Node {
	tag := "!!int"
	if strings.ContainsAny(s, ".eE") {
		tag = "!!float"
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: tag, Value: s}
}

func yamlInt(n int) *yaml.Node { return yamlNumber(strconv.Itoa(n)) }

func yamlCount(c Count) *yaml.Node {
	if !c.Reported {
		return nil
	}
	return yamlInt(c.N)
}

func yamlUnlessDefault(n, def int) *yaml.Node {
	if n == def {
		return nil
	}
	return yamlInt(n)
}

func yamlDate(d Date) *yaml.Node {
	if d.IsZero() {
		return nil
	}
	return &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!timestamp", Value: d.String()}
}

func yamlFlow(items []string) *yaml.Node {
	if len(items) == 0 {
		return nil
	}
	n := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
	for _, s := range items {
		n.Content = append(n.Content, yamlPlain(s))
	}
	return n
}

func yamlPlace(p *Place) *yaml.Node {
	return newYAMLMapping().
		add("id", yamlPlain(p.ID)).
		add("name", yamlMultiText(p.Name)).
		add("admin1", yamlPlain(p.Admin1)).
		add("admin2", yamlText(p.Admin2)).
		add("country", yamlPlain(p.Country)).
		add("lat", yamlNumber(strconv.FormatFloat(p.Lat, 'f', -1, 64))).
		add("lon", yamlNumber(strconv.FormatFloat(p.Lon, 'f', -1, 64))).n
}

func yamlSource(s *Source) *yaml.Node {
	// Quoted, as the README asks: "2025-07" unquoted reads as text, but
	// "2025" would read as a number.
	date := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Style: yaml.DoubleQuotedStyle, Value: s.Date.String()}
	return newYAMLMapping().
		add("id", yamlPlain(s.ID)).
		add("publisher", yamlPlain(s.Publisher)).
		add("title", yamlPlain(s.Title)).
		add("date", date).
		add("url", yamlText(s.URL)).
		add("language", yamlPlain(s.Language)).
		add("kind", yamlPlain(s.Kind)).
		add("accessed", yamlDate(s.Accessed)).n
}

func yamlEvent(e *Event) *yaml.Node {
	return newYAMLMapping().
		add("id", yamlPlain(e.ID)).
		add("date", yamlDate(e.Date)).
		add("date_end", yamlDate(e.DateEnd)).
		add("time_precision", yamlUnlessDefault(e.TimePrecision, PrecisionDay)).
		add("event_type", yamlPlain(e.EventType)).
		add("sub_event_type", yamlPlain(e.SubEventType)).
		add("actor1", yamlPlain(e.Actor1)).
		add("assoc_actor_1", yamlText(e.AssocActor1)).
		add("actor2", yamlText(e.Actor2)).
		add("place", yamlPlain(e.Place)).
		add("corridors", yamlFlow(e.Corridors)).
		add("targets", yamlFlow(e.Targets)).
		add("fatalities", yamlCount(e.Fatalities)).
		add("kidnapped", yamlCount(e.Kidnapped)).
		add("vehicles_destroyed", yamlCount(e.VehiclesDestroyed)).
		add("geo_precision", yamlUnlessDefault(e.GeoPrecision, GeoExact)).
		add("claimed_by", yamlText(e.ClaimedBy)).
		add("summary", yamlMultiText(e.Summary)).
		add("sources", yamlFlow(e.Sources)).n
}
