package export

import (
	"strconv"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// The tensions between the session's positions, as canvas finds them
// (Session.Tensions, on the index's own figures): page 1 lists the open
// ones among its key points, for the reader who reads nothing else, and a
// section after the dimension table gives each one's message, the question
// for the room and the positions involved, with the team's reason where it
// accepted one. An accepted tension is not "to resolve": the team chose to
// live with it, so page 1 leaves it out.

// keyPointTensions is how many open tensions page 1 names; the rest are
// counted and left to the section.
const keyPointTensions = 2

// openTensions are the tensions the team has not accepted.
func openTensions(ts []canvas.Tension) []canvas.Tension {
	var out []canvas.Tension
	for _, t := range ts {
		if !t.Accepted {
			out = append(out, t)
		}
	}
	return out
}

// tensionName is the rule's short name in the report's language.
func (r *report) tensionName(rule string) string {
	t, _ := r.w.Tension(rule)
	return t.Name
}

// tensionPositions lists a tension's dimensions with their positions,
// "Decision makers 75, Decision cycle ~23": whole points and "~" for a
// median nobody agreed, as the chart and the dimension table beside it
// print them.
func (r *report) tensionPositions(t canvas.Tension) string {
	parts := make([]string, 0, len(t.Dimensions))
	for i, key := range t.Dimensions {
		name := key
		if d, ok := r.s.Dimension(key); ok {
			name = r.dim(d).Name
		}
		v := strconv.Itoa(canvas.RoundHalf(t.Values[i]))
		if r.s.PositionOf(key).Kind == canvas.PositionProposed {
			v = "~" + v
		}
		parts = append(parts, r.w.T("export.pdf.tension.value", name, v))
	}
	return r.list(parts)
}

// tensionsToResolveLines are page 1's items: one per open tension, named, up to
// keyPointTensions, then how many more the section lists. None when every
// tension is accepted or none fires.
func (r *report) tensionsToResolveLines() []string {
	open := openTensions(r.s.Tensions())
	var out []string
	for i, t := range open {
		if i == keyPointTensions {
			out = append(out, r.w.N("export.pdf.keypoints.more-tensions", len(open)-i, r.w.T("export.pdf.heading.tensions")))
			break
		}
		// The name alone: with the positions a line wraps in page 1's
		// half-width column, and at 30 dimensions page 1 has no line to
		// spare. The section gives the positions.
		out = append(out, "• "+r.tensionName(t.Rule))
	}
	return out
}

// tensionPart is one paragraph of a tension in the section.
type tensionPart struct {
	lines []string
	st    style
	c     canvas.RGB
}

// tensionIndent is how far a tension's text sits in from its name.
const tensionIndent = 12.0

// tensionParts wraps one tension for the section: its name (marked when
// accepted), the message, the question for the room, the positions and,
// when accepted, the team's reason as typed.
func (r *report) tensionParts(t canvas.Tension) (parts []tensionPart, height float64) {
	text, _ := r.w.Tension(t.Rule)
	w := r.contentW() - tensionIndent
	title, titleC := text.Name, warnInk
	if t.Accepted {
		title, titleC = r.w.T("export.pdf.aside", text.Name, r.w.T("export.pdf.tensions.accepted-mark")), ink
	}
	parts = append(parts, tensionPart{r.ts.wrap(title, r.contentW(), h3Style), h3Style, titleC})
	if text.Message != "" {
		parts = append(parts, tensionPart{r.ts.wrap(text.Message, w, textStyle), textStyle, ink})
	}
	if text.Question != "" {
		parts = append(parts, tensionPart{r.ts.wrap(r.w.T("export.pdf.tensions.question", text.Question), w, boldStyle), boldStyle, accent})
	}
	parts = append(parts, tensionPart{r.ts.wrap(r.w.T("export.pdf.tensions.positions", r.tensionPositions(t)), w, textStyle), textStyle, muted})
	if t.Accepted {
		parts = append(parts, tensionPart{r.ts.wrap(r.w.T("export.pdf.tensions.accepted", t.Reason), w, textStyle), textStyle, ink})
	}
	for _, p := range parts {
		height += float64(len(p.lines)) * lineH(p.st)
	}
	return parts, height
}

// tensions is the section: every tension that fires, in rule order, open
// and accepted alike. Each tension is kept on one page, and the heading
// never ends a page without the first.
func (r *report) tensions() {
	title := r.w.T("export.pdf.heading.tensions")
	ts := r.s.Tensions()
	if len(ts) == 0 {
		none := r.w.T("export.pdf.tensions.none")
		r.heading(title, h2Style, r.paraH(r.contentW(), none, textStyle))
		r.para(margin, r.contentW(), none, textStyle, muted)
		return
	}
	intro := r.w.T("export.pdf.tensions.intro", canvas.TensionToCMax, canvas.TensionToBMin)
	_, first := r.tensionParts(ts[0])
	r.heading(title, h2Style, r.paraH(r.contentW(), intro, textStyle)+4+min(first, r.bottom()-margin))
	r.para(margin, r.contentW(), intro, textStyle, muted)
	r.y += 4
	for _, t := range ts {
		parts, h := r.tensionParts(t)
		r.ensure(min(h, r.bottom()-margin))
		for i, p := range parts {
			x := margin + tensionIndent
			if i == 0 {
				x = margin
			}
			r.lines(x, p.lines, p.st, p.c)
		}
		r.y += 6
	}
}

// tensionTexts is the text of the session's accepted tensions that the
// team typed, for sessionTexts.
func tensionTexts(s *canvas.Session) []string {
	out := make([]string, 0, len(s.AcceptedTensions))
	for _, a := range s.AcceptedTensions {
		out = append(out, a.Reason)
	}
	return out
}
