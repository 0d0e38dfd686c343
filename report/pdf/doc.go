// Package pdf renders a letter as the institute's branded PDF: cover, key
// figures, the sections with their source notes and figures, the
// chronology of events, the sources cited, the methodology note and the
// back page, in that order.
//
// [Write] lays the document out twice with codeberg.org/go-pdf/fpdf: the
// first pass counts the pages, the second writes "page N of M" with the
// real M (fpdf's page-count alias does not survive font subsetting). Every
// word the letter adds to the data comes from the letter's message
// catalogue; text is set in the Liberation fonts, embedded as subsets.
//
// The files of the package follow the document: cover.go, keyfigures.go,
// sections.go (with notes and figures), chronology.go, sources.go,
// methodology.go and backpage.go, over one page model (page.go) and one
// typesetter (typeset.go).
package pdf
