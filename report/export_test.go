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
