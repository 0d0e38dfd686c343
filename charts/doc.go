// Package charts draws the figures of a letter from its statistics:
// incident frequency, the corridors hit, the targets and a map of the
// places on Natural Earth's borders and regions (package basemap).
//
// Each chart is laid out once, in millimetres at the letter's text width
// ([Width]), by a builder that reads a [report.Selection] and a [Theme] (the
// letter's message catalogue, the brand's colours, the Liberation fonts).
// The same layout is then drawn through go-chart's Renderer interface onto
// three backends: go-chart's raster renderer for PNG ([Chart.WritePNG], at
// [PNGDPI] for print), its SVG renderer ([Chart.WriteSVG]) and this
// package's renderer over an fpdf page ([Chart.DrawPDF]), so that inside
// the letter a chart is vector paths with real, searchable text in the
// document's own embedded font.
//
// go-chart's own chart types are not used: its stacked bars are shares of
// 100 %, and it fails on all-zero or all-equal series. The charts here draw
// counts as counts, from an axis that always starts at zero, and show a
// "no events in this period" panel when there is nothing to draw.
//
// Two rules of the dataset shape every chart. Strategic developments are
// not violence: they are never stacked with political violence or
// demonstrations, nor counted as a corridor's hits, but shown apart (a
// row of diamonds under the frequency chart, thin bars under the
// corridors' hits, diamonds on the map). And a week or month the dataset
// does not cover is not a quiet one: the frequency chart draws no column
// there but a hatched band marked "not covered", marks the data cutoff,
// says how many days a partly covered week holds, and draws the previous
// period only when that period is covered; its "no events" panel is kept
// for a period that is covered and quiet.
//
// # Adding a chart
//
//  1. Add its name to report's figure names (report/vocab.go), so letters
//     may place it and validation accepts it.
//  2. Write a builder in a file of its own, func(report.Selection, Theme)
//     *Chart, that computes what it shows from the selection's statistics,
//     returns emptyChart(theme) when there is nothing to show, and returns a
//     Chart with its natural Width and Height and a draw function. The draw
//     function uses only the canvas (fillRect, line, circle, text) and
//     measures text with the measurer, never with a backend, so the chart
//     looks the same in every form.
//  3. Add the name to the switch in [Build].
//  4. Put every word it prints in the message catalogues
//     (report/locale/*_charts.go), in every language.
//  5. Add its expected labels to TestSampleCharts, a case to TestRobust,
//     and run go test -update to write its golden SVG; then look at it:
//     go test ./charts -run TestSampleCharts -chartout /tmp/charts.
package charts
