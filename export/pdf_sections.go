package export

import (
	"math"
	"strconv"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// The report's later sections: discussion points, guidance and actions.

func (r *report) discussion() {
	if !r.showPlacements() {
		return
	}
	dis := r.disagreements()
	if len(dis) == 0 {
		none := r.w.N("export.pdf.discussion.none", r.s.Settings.DiscussThreshold())
		r.heading(r.w.T("export.pdf.heading.discussion"), h2Style, r.paraH(r.contentW(), none, textStyle))
		r.para(margin, r.contentW(), none, textStyle, muted)
		return
	}
	// The first point's title, figures and first placement come with the
	// heading.
	title, figures, lines := r.discussionPoint(dis[0])
	first := r.paraH(r.contentW(), title, h3Style) + r.paraH(r.contentW(), figures, textStyle)
	if len(lines) > 0 {
		first += r.paraH(r.contentW()-12, lines[0], textStyle)
	}
	r.heading(r.w.T("export.pdf.heading.discussion"), h2Style, first)
	for _, ds := range dis {
		title, figures, lines := r.discussionPoint(ds)
		r.ensure(lineH(h3Style) + 2*lineH(textStyle))
		r.para(margin, r.contentW(), title, h3Style, warnInk)
		r.para(margin, r.contentW(), figures, textStyle, muted)
		for _, line := range lines {
			r.para(margin+12, r.contentW()-12, line, textStyle, ink)
		}
		r.y += 4
	}
}

// discussionPoint is one disagreement's title, figures and one line per
// placement.
func (r *report) discussionPoint(ds dimStat) (title, figures string, lines []string) {
	st := ds.stats
	title = r.w.T("export.pdf.discussion.title", r.dim(ds.dim).Name, st.Spread())
	figures = r.w.N("export.pdf.discussion.figures", st.Count, st.Min, st.Max,
		decimal(r.w, st.Median), decimal(r.w, st.Mean))
	for _, p := range r.s.PlacementsFor(ds.dim.Key) {
		line := r.w.T("export.pdf.discussion.placement", r.who(p.Participant), p.Value)
		if p.Confidence > 0 {
			line = r.w.T("export.pdf.aside", line, r.confidence(p.Confidence))
		}
		if p.Note != "" {
			line = r.w.T("export.pdf.dash", line, p.Note)
		}
		lines = append(lines, line)
	}
	return title, figures, lines
}

func (r *report) guidance() {
	intro := r.w.T("export.pdf.guidance.intro", canvas.HybridFrom, canvas.HybridTo)
	// The introduction and the first dimension's title and first line
	// come with the heading.
	r.heading(r.w.T("export.pdf.heading.guidance"), h2Style, r.paraH(r.contentW(), intro, textStyle)+4+lineH(h3Style)+lineH(boldStyle)+lineH(textStyle))
	r.para(margin, r.contentW(), intro, textStyle, muted)
	r.y += 4
	for _, ds := range r.dimStats() {
		v, ok := r.s.EffectivePosition(ds.dim.Key)
		if !ok {
			continue
		}
		t := r.dim(ds.dim)
		toc := [2]string{r.w.T("export.pdf.guidance.pole.toc", t.ToC), t.GuidanceToC}
		tob := [2]string{r.w.T("export.pdf.guidance.pole.tob", t.ToB), t.GuidanceToB}
		var lean string
		var parts [][2]string
		switch canvas.LeanOf(v) {
		case canvas.LeanToC:
			lean = r.w.T("export.pdf.guidance.lean.toc")
			parts = [][2]string{toc}
		case canvas.LeanToB:
			lean = r.w.T("export.pdf.guidance.lean.tob")
			parts = [][2]string{tob}
		default:
			lean = r.w.T("export.pdf.guidance.lean.hybrid")
			parts = [][2]string{toc, tob}
		}
		// Keep a dimension's guidance on one page: it reads as one piece.
		h := lineH(h3Style)
		for _, p := range parts {
			h += float64(len(r.ts.wrap(p[0], r.contentW()-12, boldStyle)))*lineH(boldStyle) +
				float64(len(r.ts.wrap(p[1], r.contentW()-12, textStyle)))*lineH(textStyle)
		}
		r.ensure(min(h, r.bottom()-margin))
		r.para(margin, r.contentW(), r.w.T("export.pdf.guidance.title", t.Name, strconv.Itoa(int(v+0.5)), lean), h3Style, ink)
		for _, p := range parts {
			r.para(margin+12, r.contentW()-12, p[0], boldStyle, accent)
			r.para(margin+12, r.contentW()-12, p[1], textStyle, ink)
		}
		r.y += 4
	}
}

// doneMark ticks a done action.
const doneMark = "✓"

func (r *report) actions() {
	if len(r.s.Actions) == 0 {
		none := r.w.T("export.pdf.actions.none")
		r.heading(r.w.T("export.pdf.heading.actions"), h2Style, r.paraH(r.contentW(), none, textStyle))
		r.para(margin, r.contentW(), none, textStyle, muted)
		return
	}
	cols := []column{
		{title: r.w.T("export.pdf.col.action"), style: textStyle},
		{title: r.w.T("export.pdf.col.owner"), width: 110, style: textStyle},
		{title: r.w.T("export.pdf.col.due"), width: 70, style: textStyle},
		{title: r.w.T("export.pdf.col.dimension"), width: 120, style: textStyle},
		{title: r.w.T("export.pdf.col.done"), width: 36, style: textStyle},
	}
	var rows [][]string
	for _, a := range r.s.Actions {
		dim := a.Dimension
		if d, ok := r.s.Dimension(a.Dimension); ok {
			dim = r.dim(d).Name
		}
		done := ""
		if a.Done {
			done = doneMark
		}
		rows = append(rows, []string{a.Text, a.Owner, a.Due, dim, done})
	}
	r.fitColumns(cols, rows)
	r.heading(r.w.T("export.pdf.heading.actions"), h2Style, r.tableStart(cols, rows))
	r.table(cols, rows, nil)
}

// oneDecimal prints 45 as "45" and 51.666 as "51.7".
func oneDecimal(f float64) string {
	return strconv.FormatFloat(math.Round(f*10)/10, 'f', -1, 64)
}
