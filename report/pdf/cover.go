package pdf

import (
	"strings"

	"codeberg.org/go-pdf/fpdf"
)

// cover draws the first page: the brand's band with the wordmark, the
// series, the title and subtitle, then the issue month and the period, and
// the website at the foot.
func (d *doc) cover() {
	d.newPage(false)
	p, pal, b := d.pdf, d.pal, d.brand
	const band = 158.0
	d.fillColor(pal.primary)
	p.Rect(0, 0, pageW, band, "F")
	d.fillColor(pal.accent)
	p.Rect(0, band, pageW, 2.4, "F")

	// The wordmark, drawn from the brand's name and tagline.
	soft := pal.white.Mix(pal.primary, 0.25)
	d.setAt(d.typeset([]span{plain(strings.ToUpper(b.Name), sans, "B", 12.5, pal.white)}, marginL, textW-40, 5.5, alignLeft), 20)
	d.setAt(d.typeset([]span{plain(d.local(b.Tagline), sans, "", 9, soft)}, marginL, textW-40, 4.2, alignLeft), 26.5)
	d.rule(marginL, 34, 16, 0.9, pal.accent)
	if b.Logo != "" {
		// A logo, when the brand has one, sits at the band's top right.
		p.ImageOptions(b.Logo, pageW-marginR-28, 14, 28, 0, false, fpdf.ImageOptions{ReadDpi: false}, 0, "")
	}

	y := 84.0
	y += d.setAt(d.typeset([]span{plain(strings.ToUpper(d.l.Series), sans, "B", 10, pal.accent)}, marginL, textW, 5, alignLeft), y)
	y += 4
	y += d.setAt(d.typeset([]span{plain(d.l.Title, sans, "B", 34, pal.white)}, marginL, textW, 13.5, alignLeft), y)
	if d.l.Subtitle != "" {
		y += 3
		d.setAt(d.typeset([]span{plain(d.l.Subtitle, sans, "", 17, soft)}, marginL, textW, 7.6, alignLeft), y)
	}

	y = band + 20
	y += d.setAt(d.typeset([]span{plain(d.cat.MonthYear(d.l.Issued.Year, d.l.Issued.Month), sans, "B", 16, pal.primary)}, marginL, textW, 7, alignLeft), y)
	y += 1
	y += d.setAt(d.typeset([]span{plain(d.cat.T("cover.period", d.cat.PeriodInText(d.l.Period)), sans, "", 10, pal.muted)}, marginL, textW, 5, alignLeft), y)
	if len(d.l.Authors) > 0 {
		y += 6
		d.setAt(d.typeset([]span{plain(d.cat.List(d.l.Authors), sans, "", 9.5, pal.ink)}, marginL, textW, 4.8, alignLeft), y)
	}

	d.rule(marginL, 276, 16, 0.9, pal.accent)
	site := displayURL(b.Website)
	d.setAt(d.typeset([]span{{text: site, family: sans, style: "B", size: 10, color: pal.primary, url: b.Website}}, marginL, textW, 5, alignLeft), 279)
}

// displayURL shows a web address as people say it: without its scheme or
// a trailing slash.
func displayURL(u string) string {
	u = strings.TrimPrefix(strings.TrimPrefix(u, "https://"), "http://")
	return strings.TrimSuffix(u, "/")
}
