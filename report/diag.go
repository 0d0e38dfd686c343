package report

import (
	"cmp"
	"fmt"
	"slices"
	"strings"
)

// Position is a place in an input file. Line and Col are 1-based; a zero Line
// means the whole file.
type Position struct {
	File string
	Line int
	Col  int
}

// String formats the position as PATH:LINE:COL, the form editors and CI
// annotations jump to.
func (p Position) String() string {
	switch {
	case p.Line == 0:
		return p.File
	case p.Col == 0:
		return fmt.Sprintf("%s:%d", p.File, p.Line)
	}
	return fmt.Sprintf("%s:%d:%d", p.File, p.Line, p.Col)
}

// Severity says whether a diagnostic fails the build.
type Severity int

const (
	// Error marks data that cannot be built.
	Error Severity = iota
	// Warning marks data that builds but probably is not what the author meant.
	Warning
)

// Diagnostic is one problem found in the dataset.
type Diagnostic struct {
	Pos      Position
	Severity Severity
	Message  string
}

// String formats the diagnostic as PATH:LINE:COL: message, or
// PATH:LINE:COL: warning: message.
func (d Diagnostic) String() string {
	if d.Severity == Warning {
		return d.Pos.String() + ": warning: " + d.Message
	}
	return d.Pos.String() + ": " + d.Message
}

// Diagnostics collects every problem of a dataset, so that a user fixes them
// all in one pass instead of one per run. The zero value is ready to use.
type Diagnostics []Diagnostic

func (l *Diagnostics) add(sev Severity, pos Position, format string, args ...any) {
	*l = append(*l, Diagnostic{Pos: pos, Severity: sev, Message: fmt.Sprintf(format, args...)})
}

// Errorf records an error at pos.
func (l *Diagnostics) Errorf(pos Position, format string, args ...any) {
	l.add(Error, pos, format, args...)
}

// Warnf records a warning at pos.
func (l *Diagnostics) Warnf(pos Position, format string, args ...any) {
	l.add(Warning, pos, format, args...)
}

// Sort orders the diagnostics by file, line, column and message, and drops
// exact repeats.
func (l Diagnostics) Sort() Diagnostics {
	slices.SortStableFunc(l, func(a, b Diagnostic) int {
		return cmp.Or(
			cmp.Compare(a.Pos.File, b.Pos.File),
			cmp.Compare(a.Pos.Line, b.Pos.Line),
			cmp.Compare(a.Pos.Col, b.Pos.Col),
			cmp.Compare(a.Severity, b.Severity),
			cmp.Compare(a.Message, b.Message),
		)
	})
	return slices.Compact(l)
}

// HasErrors reports whether any diagnostic is an error.
func (l Diagnostics) HasErrors() bool {
	return slices.ContainsFunc(l, func(d Diagnostic) bool { return d.Severity == Error })
}

// Err returns the diagnostics as an error when at least one is an error, and
// nil when there are only warnings or none.
func (l Diagnostics) Err() error {
	if !l.HasErrors() {
		return nil
	}
	return l
}

// Error lists every diagnostic, one per line.
func (l Diagnostics) Error() string {
	var b strings.Builder
	for i, d := range l {
		if i > 0 {
			b.WriteByte('\n')
		}
		b.WriteString(d.String())
	}
	return b.String()
}
