package xlsx

import (
	"bytes"
	"errors"
	"path"
	"strconv"
	"strings"
)

// The annex writes its cell hyperlinks itself, into the worksheet's XML
// and its relationships, as the zip writer saves them: excelize's
// SetCellHyperLink searches the sheet's links for each new one, which
// grows with the square of their number (10,000 links took 2.3 s). Here a
// link costs the same whatever their number, up to Excel's own limit of
// 65,530 per worksheet (maxCellLinks), past which a sheet's links are
// HYPERLINK() formulas.

const (
	relationshipsNS = "http://schemas.openxmlformats.org/package/2006/relationships"
	hyperlinkType   = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/hyperlink"
	// emptyRelationships is a relationships part with none.
	emptyRelationships = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>` + "\n" +
		`<Relationships xmlns="` + relationshipsNS + `"></Relationships>`
)

// linkID is the relationship id of a sheet's i-th link: a prefix excelize
// never uses, so that its own ids (rId1, rId2…) cannot clash.
func linkID(i int) string { return "rIdLink" + strconv.Itoa(i+1) }

// afterHyperlinks are the elements a worksheet's <hyperlinks> precedes
// (ECMA-376 CT_Worksheet), the first of which found in what follows the
// rows is where the links go.
var afterHyperlinks = []string{
	"<printOptions", "<pageMargins", "<pageSetup", "<headerFooter", "<rowBreaks", "<colBreaks",
	"<customProperties", "<cellWatches", "<ignoredErrors", "<smartTags", "<drawing", "<legacyDrawing",
	"<legacyDrawingHF", "<drawingHF", "<picture", "<oleObjects", "<controls", "<webPublishItems",
	"<tableParts", "<extLst", "</worksheet>",
}

// addHyperlinks inserts a <hyperlinks> element for links into what
// follows a worksheet's rows.
func addHyperlinks(tail []byte, links []hyperlink) ([]byte, error) {
	if bytes.Contains(tail, []byte("<hyperlinks")) {
		return nil, errors.New("the sheet has links of its own already")
	}
	at := -1
	for _, tag := range afterHyperlinks {
		if i := bytes.Index(tail, []byte(tag)); i >= 0 && (at < 0 || i < at) {
			at = i
		}
	}
	if at < 0 {
		return nil, errors.New("the sheet does not end")
	}
	var b bytes.Buffer
	b.Grow(len(tail) + 48*len(links))
	b.Write(tail[:at])
	b.WriteString("<hyperlinks>")
	for i, l := range links {
		b.WriteString(`<hyperlink ref="`)
		b.WriteString(l.ref)
		b.WriteString(`" r:id="`)
		b.WriteString(linkID(i))
		b.WriteString(`"/>`)
	}
	b.WriteString("</hyperlinks>")
	b.Write(tail[at:])
	return b.Bytes(), nil
}

// addLinkRelationships adds an external relationship per link to a
// worksheet's relationships part.
func addLinkRelationships(rels []byte, links []hyperlink) ([]byte, error) {
	end := bytes.LastIndex(rels, []byte("</Relationships>"))
	if end < 0 {
		// excelize writes an empty part as <Relationships …/>.
		if end = bytes.LastIndex(rels, []byte("/>")); end < 0 || !bytes.Contains(rels, []byte("<Relationships")) {
			return nil, errors.New("no <Relationships> element")
		}
		rels = append(append(bytes.Clone(rels[:end]), '>'), []byte("</Relationships>")...)
		end = bytes.LastIndex(rels, []byte("</Relationships>"))
	}
	var b bytes.Buffer
	b.Grow(len(rels) + 160*len(links))
	b.Write(rels[:end])
	for i, l := range links {
		b.WriteString(`<Relationship Id="`)
		b.WriteString(linkID(i))
		b.WriteString(`" Type="` + hyperlinkType + `" Target="`)
		b.WriteString(escapeAttr(l.address))
		b.WriteString(`" TargetMode="External"/>`)
	}
	b.Write(rels[end:])
	return b.Bytes(), nil
}

// attrEscaper escapes text for an XML attribute value in double quotes.
var attrEscaper = strings.NewReplacer(`&`, "&amp;", `<`, "&lt;", `>`, "&gt;", `"`, "&quot;", "'", "&apos;", "\t", "&#x9;", "\n", "&#xA;", "\r", "&#xD;")

func escapeAttr(s string) string { return attrEscaper.Replace(s) }

// sheetOfRels returns the worksheet part whose relationships part is name
// (xl/worksheets/_rels/sheet3.xml.rels → xl/worksheets/sheet3.xml), or "".
func sheetOfRels(name string) string {
	dir, file := path.Split(name)
	if !strings.HasSuffix(dir, "worksheets/_rels/") || !strings.HasSuffix(file, ".rels") {
		return ""
	}
	return strings.TrimSuffix(dir, "_rels/") + strings.TrimSuffix(file, ".rels")
}

// relsOfSheet is the relationships part of a worksheet part.
func relsOfSheet(sheet string) string {
	dir, file := path.Split(sheet)
	return dir + "_rels/" + file + ".rels"
}
