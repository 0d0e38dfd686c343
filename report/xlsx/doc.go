// Package xlsx writes a letter's Excel annex: the events and sources behind
// every figure of the letter, for partners to filter, pivot, chart and cite.
//
// [Write] takes a letter's [report.Selection] and writes one workbook of
// five sheets, in this order: About (the letter, its period, what the
// dataset covers and its fingerprint, the letter's key figures and the
// definition of every column), Events (one row per event, ACLED's
// columns), Sources (the letter's sources list), Corridors and Frequency
// (the numbers of the letter's frequency chart, with a native Excel chart
// of them). Every data sheet is an Excel table with a frozen, filterable
// header row.
//
// The annex counts with the same statistics as the PDF ([report.Selection]'s
// KeyFigures, CitedSources, Frequency and Corridors), so the two agree
// figure for figure. Days the dataset does not cover are never counted as
// quiet: their counts are empty cells, never 0. Sheet names
// and column titles come from the letter's [locale.Catalog], except the
// Events columns, which keep ACLED's snake_case keys in every language so
// that analysts' scripts find them; the About sheet defines them in the
// letter's language.
//
// Every sheet is written with excelize's stream writer, and the compressed
// workbook waits in a temporary file past a few megabytes, so memory does
// not grow with the number of rows. The workbook's parts are written in
// name order with fixed times, so the same selection and options give the
// same bytes; the document properties are dated with [Options.Date].
package xlsx
