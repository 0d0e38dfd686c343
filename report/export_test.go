package report

import "fmt"

// ParseBodyForTest exposes ParseBody's problems as "OFFSET SEVERITY: MESSAGE".
func ParseBodyForTest(text string) (Body, []string) {
	body, problems := ParseBody(text)
	var out []string
	for _, p := range problems {
		sev := "error"
		if p.severity == Warning {
			sev = "warning"
		}
		out = append(out, fmt.Sprintf("%d %s: %s", p.offset, sev, p.message))
	}
	return body, out
}

// LoadWithMaxEvents loads a data folder with a lower limit on the number of
// events than MaxEvents, to test what happens past it.
func LoadWithMaxEvents(dir string, max int) (*Dataset, Diagnostics) { return load(dir, max, nil) }
