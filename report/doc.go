// Package report is the domain of briefing: the types of the incident
// dataset, loading and validating a data folder, the periods a letter covers
// and the statistics its charts, PDF and annex are drawn from.
//
// The pipeline runs one way: [Load] reads and validates a data folder into a
// [Dataset] and a list of [Diagnostics]; [Dataset.Select] picks a letter's
// events; the statistics functions ([Selection.Frequency],
// [Selection.Corridors], [Selection.Targets], [Selection.KeyFigures]) compute
// the numbers that renderers draw. Renderers import this package; it imports
// none of them.
//
// ACLED exports in events/*.csv are read by package acled and become
// events, places and sources as acledin.go explains, with the corridors
// and targets of acled-rules.yaml ([ACLEDRules]); [ImportACLED] converts
// an export the same way for `briefing import acled`, which writes it as
// an events file ([ACLEDImport.YAML]).
//
// Load treats a data folder as untrusted input: it reads only regular files
// inside the folder (a FIFO, a device or a link to outside it is an error,
// found without opening it), refuses files, texts, lists, numbers and
// dates beyond the limits in limits.go, never follows a YAML alias, and
// never quotes in a message the content of a file outside the folder.
// Checking a folder takes time about linear in its size (n log n at
// worst), however it is written.
package report
