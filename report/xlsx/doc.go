// Package xlsx writes a letter's Excel annex: the events and sources behind
// every figure of the letter, for partners to filter, pivot, chart and cite.
//
// [Write] takes a letter's [report.Selection] and writes one workbook of
// eight sheets, in this order: About (the letter, its period, what the
// dataset covers and its fingerprint, the letter's key figures and the
// definition of every column), Events (one row per event: ACLED's 31
// columns in ACLED's order and with ACLED's value conventions, then
// briefing's, the rows of the letter's ID-events.csv), three link sheets
// of one row per pair of an event and one of its sources, corridors or
// targets (for pivots and joins without splitting text), Sources (the
// letter's sources list), Corridors and Frequency (the numbers of the
// letter's frequency chart, with a native Excel chart of them). Every
// data sheet is an Excel table with a frozen, filterable header row.
//
// The annex counts with the same statistics as the PDF ([report.Selection]'s
// KeyFigures, CitedSources, Frequency and Corridors), so the two agree
// figure for figure. Days the dataset does not cover are never counted as
// quiet: their counts are empty cells, never 0. Sheet names and column
// titles come from the letter's [locale.Catalog], except the columns of
// the Events and link sheets, which keep snake_case keys (ACLED's, then
// ours) in every language so that analysts' scripts and joins find them;
// the About sheet defines them in the letter's language. Code values
// (event types, disorder classes, country names, target tags, date
// precisions) are the same in every language too.
//
// Every sheet is written with excelize's stream writer, and the compressed
// workbook waits in a temporary file past a few megabytes, so memory does
// not grow with the number of rows. The workbook's parts are written in
// name order with fixed times, so the same selection and options give the
// same bytes; the document properties are dated with [Options.Date].
package xlsx
