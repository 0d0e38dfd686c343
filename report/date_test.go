package report_test

import (
	"testing"

	"briefing/report"
)

func TestParseDate(t *testing.T) {
	tests := []struct {
		in, want, err string
	}{
		{"2025-07-01", "2025-07-01", ""},
		{"2024-02-29", "2024-02-29", ""},
		{"2025-02-29", "", "2025-02-29 is not a real calendar date"},
		{"2025-06-31", "", "2025-06-31 is not a real calendar date"},
		{"2025-7-1", "", `"2025-7-1" is not a date written YYYY-MM-DD`},
		{"1 July 2025", "", `"1 July 2025" is not a date written YYYY-MM-DD`},
	}
	for _, tt := range tests {
		d, err := report.ParseDate(tt.in)
		if got := errString(err); got != tt.err || d.String() != tt.want {
			t.Errorf("ParseDate(%q) = %q, %q; want %q, %q", tt.in, d, got, tt.want, tt.err)
		}
	}
}

func TestParsePartialDate(t *testing.T) {
	tests := []struct {
		in, want string
		ok       bool
	}{
		{"2025-07-11", "2025-07-11", true},
		{"2025-07", "2025-07", true},
		{"2025", "2025", true},
		{"2025-13", "", false},
		{"July 2025", "", false},
	}
	for _, tt := range tests {
		d, err := report.ParsePartialDate(tt.in)
		if (err == nil) != tt.ok || d.String() != tt.want {
			t.Errorf("ParsePartialDate(%q) = %q, %v; want %q, ok=%v", tt.in, d, err, tt.want, tt.ok)
		}
	}
}

func TestPeriodPrevious(t *testing.T) {
	tests := []struct {
		from, to, want string
		buckets        int // weekly buckets of the previous period
	}{
		{"2025-03-01", "2025-03-31", "2025-02-01/2025-02-28", 4},
		{"2025-06-01", "2025-09-30", "2025-02-01/2025-05-31", 18},
		{"2025-01-01", "2025-12-31", "2024-01-01/2024-12-31", 53},
		{"2025-07-10", "2025-07-16", "2025-07-03/2025-07-09", 1},
		{"2025-03-01", "2025-03-30", "2025-01-30/2025-02-28", 5},
	}
	for _, tt := range tests {
		p := period(t, tt.from, tt.to)
		prev := p.Previous()
		if prev.String() != tt.want {
			t.Errorf("%s: previous = %s, want %s", p, prev, tt.want)
		}
		if n := len(prev.Buckets(report.Weekly)); n != tt.buckets {
			t.Errorf("%s: %d weekly buckets, want %d", prev, n, tt.buckets)
		}
	}
}

func period(t *testing.T, from, to string) report.Period {
	t.Helper()
	f, err := report.ParseDate(from)
	if err != nil {
		t.Fatal(err)
	}
	e, err := report.ParseDate(to)
	if err != nil {
		t.Fatal(err)
	}
	return report.Period{From: f, To: e}
}

func errString(err error) string {
	if err == nil {
		return ""
	}
	return err.Error()
}
