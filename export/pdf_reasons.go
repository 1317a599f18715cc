package export

import (
	"fmt"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// The reasons section prints every rationale written in the session, by
// dimension, with who wrote it (or "Participant n" in an anonymous
// session), their marker, value and confidence: the record of why the
// team disagreed, not only that it did.

// reasonWhoW is the width of the column naming the person, their value
// and their confidence; the rationale takes the rest.
const reasonWhoW = 150.0

// reasonRow is one person's reason, wrapped for the page.
type reasonRow struct {
	r        canvas.Reason
	who, why []string
	height   float64
}

func (r *report) reasons() {
	if !r.showPlacements() {
		return
	}
	type dimReasons struct {
		dim  canvas.Dimension
		rows []reasonRow
	}
	var dims []dimReasons
	for _, d := range r.s.Dimensions {
		var rows []reasonRow
		for _, rs := range r.s.Reasons(d.Key) {
			if rs.Note != "" {
				rows = append(rows, r.reasonRow(rs))
			}
		}
		if len(rows) > 0 {
			dims = append(dims, dimReasons{d, rows})
		}
	}
	// Page 1 is the summary a reader reads alone; the reasons start after it.
	if r.pdf.PageNo() == 1 {
		r.newPage()
	}
	title := r.w.T("export.pdf.heading.reasons")
	if len(dims) == 0 {
		none := r.w.T("export.pdf.reasons.none")
		r.heading(title, h2Style, r.paraH(r.contentW(), none, textStyle))
		r.para(margin, r.contentW(), none, textStyle, muted)
		return
	}
	// The heading and its introduction never end a page without the first
	// dimension and its first reason.
	intro := r.w.T("export.pdf.reasons.intro", 1, canvas.MaxConfidence)
	r.heading(title, h2Style, r.paraH(r.contentW(), intro, textStyle)+4+lineH(h3Style)+2+min(dims[0].rows[0].height, lineH(textStyle)*3))
	r.para(margin, r.contentW(), intro, textStyle, muted)
	r.y += 4
	for _, dr := range dims {
		// A dimension's name never ends a page without its first reason.
		r.ensure(lineH(h3Style) + 4 + min(dr.rows[0].height, r.bottom()-margin-lineH(h3Style)))
		r.para(margin, r.contentW(), r.dim(dr.dim).Name, h3Style, ink)
		r.y += 2
		for _, row := range dr.rows {
			// A dimension that goes on over a page says so at the top.
			if r.y+min(row.height, r.bottom()-margin) > r.bottom() {
				r.newPage()
				r.para(margin, r.contentW(), r.w.T("export.pdf.reasons.continued", r.dim(dr.dim).Name), h3Style, muted)
				r.y += 2
			}
			r.reasonLine(row)
		}
		r.y += 6
	}
}

// reasonRow wraps one reason into its two columns.
func (r *report) reasonRow(rs canvas.Reason) reasonRow {
	name := rs.Name
	if name == "" {
		name = r.participantN(rs.Number)
	}
	who := r.ts.wrap(fmt.Sprintf("%s · %d", name, rs.Value), reasonWhoW-16, boldStyle)
	if rs.Confidence > 0 {
		who = append(who, r.fit(r.confidence(rs.Confidence), reasonWhoW-16, textStyle))
	}
	row := reasonRow{r: rs, who: who, why: r.ts.wrap(rs.Note, r.contentW()-reasonWhoW-8, textStyle)}
	row.height = float64(max(len(row.who), len(row.why)))*lineH(textStyle) + 4
	return row
}

// reasonLine draws one reason: marker and person on the left, rationale
// on the right. A row that fits on a page is never split; a longer one
// goes on line by line.
func (r *report) reasonLine(row reasonRow) {
	r.ensure(min(row.height, r.bottom()-margin))
	lh := lineH(textStyle)
	m := row.r.Marker
	m.At = canvas.Point{X: margin + 5, Y: r.y + lh/2 + 1}
	pdfPainter{r: r}.marker(m, 7)
	n := max(len(row.who), len(row.why))
	for k := range n {
		if r.y+lh > r.bottom() {
			r.newPage()
		}
		if k < len(row.who) {
			// The person's name and value in bold, the confidence under
			// them in the muted ink.
			st, c := boldStyle, ink
			if rs := row.r; rs.Confidence > 0 && k == len(row.who)-1 {
				st, c = textStyle, muted
			}
			r.color(c)
			r.ts.draw(margin+14, r.y+textStyle.size, row.who[k], st)
		}
		if k < len(row.why) {
			r.color(ink)
			r.ts.draw(margin+reasonWhoW, r.y+textStyle.size, row.why[k], textStyle)
		}
		r.y += lh
	}
	r.y += 4
}

// confidence is "confidence 4/5", in the report's language.
func (r *report) confidence(n int) string {
	return r.w.T("export.pdf.confidence", n, canvas.MaxConfidence)
}

// participantN is how an anonymous session names its n-th participant.
func (r *report) participantN(n int) string { return r.w.T("export.pdf.participant-n", n) }

// anonymousName is participantN for the participant id.
func (r *report) anonymousName(id string) string {
	for i, p := range r.s.Participants {
		if p.ID == id {
			return r.participantN(i + 1)
		}
	}
	return r.w.T("export.pdf.participant-unknown")
}
