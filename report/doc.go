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
package report
