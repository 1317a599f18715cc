package export

import (
	"fmt"
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
		none := fmt.Sprintf("No dimension's placements spread %d points or more.", r.s.Settings.DiscussThreshold())
		r.heading("Discussion points", h2Style, r.paraH(r.contentW(), none, textStyle))
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
	r.heading("Discussion points", h2Style, first)
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
	title = fmt.Sprintf("%s — spread %d", dimText(ds.dim).Name, st.Spread())
	figures = fmt.Sprintf("%d placements from %d to %d, median %s, mean %s.",
		st.Count, st.Min, st.Max, oneDecimal(st.Median), oneDecimal(st.Mean))
	for _, p := range r.s.PlacementsFor(ds.dim.Key) {
		line := fmt.Sprintf("%s: %d", r.who(p.Participant), p.Value)
		if p.Confidence > 0 {
			line += fmt.Sprintf(" (confidence %d/5)", p.Confidence)
		}
		if p.Note != "" {
			line += " — " + p.Note
		}
		lines = append(lines, line)
	}
	return title, figures, lines
}

func trimFloat(f float64) string {
	return strconv.FormatFloat(f, 'f', -1, 64)
}

func (r *report) guidance() {
	intro := fmt.Sprintf("What each dimension's position implies for the team: the advice for the pole it leans to, or both poles where it sits between %d and %d.", canvas.HybridFrom, canvas.HybridTo)
	// The introduction and the first dimension's title and first line
	// come with the heading.
	r.heading("Guidance", h2Style, r.paraH(r.contentW(), intro, textStyle)+4+lineH(h3Style)+lineH(boldStyle)+lineH(textStyle))
	r.para(margin, r.contentW(), intro, textStyle, muted)
	r.y += 4
	for _, ds := range r.dimStats() {
		v, ok := r.s.EffectivePosition(ds.dim.Key)
		if !ok {
			continue
		}
		t := dimText(ds.dim)
		var lean string
		var parts [][2]string
		switch canvas.LeanOf(v) {
		case canvas.LeanToC:
			lean = words().Lean(canvas.LeanToC)
			parts = [][2]string{{"ToC: " + t.ToC, t.GuidanceToC}}
		case canvas.LeanToB:
			lean = words().Lean(canvas.LeanToB)
			parts = [][2]string{{"ToB: " + t.ToB, t.GuidanceToB}}
		default:
			lean = words().Lean(canvas.LeanHybrid)
			parts = [][2]string{{"ToC: " + t.ToC, t.GuidanceToC}, {"ToB: " + t.ToB, t.GuidanceToB}}
		}
		// Keep a dimension's guidance on one page: it reads as one piece.
		h := lineH(h3Style)
		for _, p := range parts {
			h += float64(len(r.ts.wrap(p[0], r.contentW()-12, boldStyle)))*lineH(boldStyle) +
				float64(len(r.ts.wrap(p[1], r.contentW()-12, textStyle)))*lineH(textStyle)
		}
		r.ensure(min(h, r.bottom()-margin))
		r.para(margin, r.contentW(), fmt.Sprintf("%s — %s, %s", t.Name, trimFloat(float64(int(v+0.5))), lean), h3Style, ink)
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
		none := "No actions were recorded."
		r.heading("Actions", h2Style, r.paraH(r.contentW(), none, textStyle))
		r.para(margin, r.contentW(), none, textStyle, muted)
		return
	}
	cw := r.contentW()
	cols := []column{
		{title: "Action", width: cw - 110 - 70 - 120 - 36, style: textStyle},
		{title: "Owner", width: 110, style: textStyle},
		{title: "Due", width: 70, style: textStyle},
		{title: "Dimension", width: 120, style: textStyle},
		{title: "Done", width: 36, style: textStyle},
	}
	var rows [][]string
	for _, a := range r.s.Actions {
		dim := a.Dimension
		if d, ok := r.s.Dimension(a.Dimension); ok {
			dim = dimText(d).Name
		}
		done := ""
		if a.Done {
			done = doneMark
		}
		rows = append(rows, []string{a.Text, a.Owner, a.Due, dim, done})
	}
	r.heading("Actions", h2Style, r.tableStart(cols, rows))
	r.table(cols, rows, nil)
}

// oneDecimal prints 45 as "45" and 51.666 as "51.7".
func oneDecimal(f float64) string {
	return strconv.FormatFloat(math.Round(f*10)/10, 'f', -1, 64)
}
