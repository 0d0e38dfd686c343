package pdf

import (
	"strings"
)

// backPage draws the institute's block, its contacts and the copyright on
// a band of the brand's colour.
func (d *doc) backPage() {
	d.newPage(false)
	p, pal, b, cat := d.pdf, d.pal, d.brand, d.cat
	const band = 178.0
	d.fillColor(pal.primary)
	p.Rect(0, band, pageW, pageH-band, "F")
	d.fillColor(pal.accent)
	p.Rect(0, band-2.4, pageW, 2.4, "F")

	// How to cite the letter, above the band.
	l := d.l
	title := l.Title
	if l.Subtitle != "" {
		title = cat.T("title_subtitle", title, l.Subtitle)
	}
	cite := cat.T("back.cite", b.Name, l.Issued.Year, title, l.Series, cat.MonthYearInText(l.Issued.Year, l.Issued.Month))
	top := 120.0
	top += d.setAt(d.typeset([]span{plain(cat.T("back.cite_title"), sans, "B", 9, pal.primary)}, marginL, textW, 4.6, alignLeft), top) + 1
	d.setAt(d.typeset([]span{plain(cite, serif, "", 10, pal.ink)}, marginL, textW*0.8, 5, alignLeft), top)

	soft := pal.white.Mix(pal.primary, 0.2)
	y := band + 22
	y += d.setAt(d.typeset([]span{plain(strings.ToUpper(b.Name), sans, "B", 18, pal.white)}, marginL, textW, 8, alignLeft), y)
	y += d.setAt(d.typeset([]span{plain(d.local(b.Tagline), sans, "", 11, soft)}, marginL, textW, 5.5, alignLeft), y)
	d.rule(marginL, y+4, 16, 0.9, pal.accent)
	y += 10
	for _, l := range b.Address {
		y += d.setAt(d.typeset([]span{plain(d.local(l), sans, "", 9.5, pal.white)}, marginL, textW, 4.9, alignLeft), y)
	}
	y += 3
	contact := func(label, value, url string) {
		if value == "" {
			return
		}
		y += d.setAt(d.typeset([]span{
			plain(label+" ", sans, "B", 9.5, soft),
			{text: value, family: sans, size: 9.5, color: pal.white, url: url},
		}, marginL, textW, 4.9, alignLeft), y)
	}
	contact(cat.T("back.tel"), b.Phone, "")
	contact(cat.T("back.mobile"), b.Mobile, "")
	contact(cat.T("back.email"), b.Email, "mailto:"+b.Email)
	y += 4
	d.setAt(d.typeset([]span{{text: displayURL(b.Website), family: sans, style: "B", size: 11, color: pal.white, url: b.Website}}, marginL, textW, 5.5, alignLeft), y)

	copyright := cat.T("back.copyright", b.Copyright, cat.MonthYearInText(d.l.Issued.Year, d.l.Issued.Month))
	d.setAt(d.typeset([]span{plain(copyright, sans, "", 8, soft)}, marginL, textW, 4, alignLeft), 283)
}
