package export

import (
	"strconv"
	"strings"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// Page 1 of the report answers the reader who was not in the room: where
// the product sits (the header with the ToB index, and the chart), where
// the team disagreed and what it decided.

func (r *report) header() {
	s := r.s
	idx := s.Index()
	boxW := 150.0
	textW := r.contentW() - boxW - 16

	top := r.y
	r.paraAtMost(3, margin, textW, s.Title, h1Style, ink)
	if s.Product != "" {
		r.paraAtMost(2, margin, textW, s.Product, style{size: 13}, accent)
	}
	r.y += 4
	date := r.w.Date(s.Created.UTC())
	meta := r.w.T("export.pdf.meta.session", date)
	if s.Facilitator != "" {
		meta = r.w.T("export.pdf.meta.session-by", date, s.Facilitator)
	}
	r.para(margin, textW, meta, textStyle, muted)
	if len(s.Participants) > 0 && s.Settings.Anonymous {
		r.para(margin, textW, r.w.N("export.pdf.participants.anonymous", len(s.Participants)), textStyle, muted)
	} else if len(s.Participants) > 0 {
		var people []string
		for _, p := range s.Participants {
			if p.Role != "" {
				people = append(people, r.w.T("export.pdf.aside", p.Name, p.Role))
			} else {
				people = append(people, p.Name)
			}
		}
		r.para(margin, textW, r.w.T("export.pdf.participants.list", r.list(people)), textStyle, muted)
	}

	// The index box, top right.
	bx := r.pageW - margin - boxW
	r.pdf.SetFillColor(int(shade.R), int(shade.G), int(shade.B))
	r.pdf.Rect(bx, top, boxW, 84, "F")
	r.color(muted)
	r.centre(bx, boxW, top+16, r.fit(r.w.T("export.pdf.index.title"), boxW-8, smallStyle), smallStyle)
	r.color(accent)
	big := style{size: 34, bold: true}
	value, label := "–", r.w.T("export.pdf.index.none")
	if idx.Valid {
		value, label = strconv.Itoa(int(idx.Value+0.5)), r.w.Band(idx.Band())
	}
	r.centre(bx, boxW, top+52, value, big)
	r.color(ink)
	r.centre(bx, boxW, top+72, r.fit(label, boxW-8, h3Style), h3Style)
	r.y = max(r.y, top+84) + 12
}

// list joins names the way the language does: "A, B" or "A、B".
func (r *report) list(items []string) string {
	return strings.Join(items, r.w.T("export.pdf.list-separator"))
}

func (r *report) centre(x, w, baseline float64, text string, st style) {
	r.ts.draw(x+(w-r.ts.width(text, st))/2, baseline, text, st)
}

// chart paints canvas.LayoutChart, the geometry the app draws on screen,
// one layout unit per point.
func (r *report) chart() {
	l := canvas.LayoutChart(r.s, chartLabels(r.w, canvas.ChartOptions{
		Width: r.contentW(), Participants: true,
		RowHeight: 15, GroupHeight: 16,
	}))
	r.ensure(l.Height)
	l.Paint(pdfPainter{r: r, ox: margin, oy: r.y})
	r.y += l.Height + 4
}

// dimStat is what the report says about one dimension.
type dimStat struct {
	dim   canvas.Dimension
	pos   canvas.Position
	stats canvas.Stats
}

func (r *report) dimStats() []dimStat {
	out := make([]dimStat, 0, len(r.s.Dimensions))
	for _, d := range r.s.Dimensions {
		out = append(out, dimStat{dim: d, pos: r.s.Position(d.Key), stats: r.s.DimensionStats(d.Key)})
	}
	return out
}

// disagreements are the flagged dimensions, widest first, from the same
// computation the app's agenda uses.
func (r *report) disagreements() []dimStat {
	var out []dimStat
	for _, a := range r.s.Agenda() {
		d, _ := r.s.Dimension(a.Key)
		out = append(out, dimStat{dim: d, pos: r.s.Position(a.Key), stats: r.s.DimensionStats(a.Key)})
	}
	return out
}

// showPlacements is false before a blind round's reveal: the report then
// shows no individual values, like the screen.
func (r *report) showPlacements() bool {
	return len(r.s.Placements) > 0 && r.s.PlacementsVisible()
}

// who names a participant, or in an anonymous session numbers them as the
// reasons section does (see reasonName).
func (r *report) who(id string) string {
	if r.s.Settings.Anonymous {
		return r.anonymousName(id)
	}
	if p, ok := r.s.Participant(id); ok {
		return p.Name
	}
	return id
}

// keyPoints is the first page's answer to "where did the team disagree and
// what was decided", for the reader who reads nothing else. Both columns
// are measured first, so the block moves to a new page whole or not at all.
func (r *report) keyPoints() {
	colW := (r.contentW() - 16) / 2
	type item struct {
		text string
		c    canvas.RGB
	}
	var left, right []item

	threshold := r.s.Settings.DiscussThreshold()
	if !r.showPlacements() {
		left = append(left, item{r.w.T("export.pdf.keypoints.unrevealed"), muted})
	} else if dis := r.disagreements(); len(dis) == 0 {
		left = append(left, item{r.w.N("export.pdf.keypoints.no-spread", threshold), muted})
	} else {
		for i, ds := range dis {
			if i == 3 {
				left = append(left, item{r.w.N("export.pdf.keypoints.more-disagreements", len(dis)-3, r.w.T("export.pdf.heading.discussion")), muted})
				break
			}
			left = append(left, item{r.w.T("export.pdf.keypoints.spread", r.dim(ds.dim).Name, ds.stats.Spread(), ds.stats.Min, ds.stats.Max), ink})
		}
	}

	targets := 0
	for _, p := range r.s.Positions {
		if p.Target != nil {
			targets++
		}
	}
	agreed, medians := r.agreement()
	right = append(right, item{r.w.N("export.pdf.keypoints.agreed", len(r.s.Dimensions), agreed), ink})
	if len(medians) > 0 {
		right = append(right, item{r.w.T("export.pdf.keypoints.medians", r.list(medians)), warnInk})
	}
	if targets > 0 {
		right = append(right, item{r.w.N("export.pdf.keypoints.targets", len(r.s.Dimensions), targets), ink})
	}
	if len(r.s.Actions) == 0 {
		right = append(right, item{r.w.T("export.pdf.actions.none"), muted})
	}
	for i, a := range r.s.Actions {
		if i == 3 {
			right = append(right, item{r.w.N("export.pdf.keypoints.more-actions", len(r.s.Actions)-3, r.w.T("export.pdf.heading.actions")), muted})
			break
		}
		text := "• " + a.Text
		if a.Owner != "" {
			text = r.w.T("export.pdf.dash", text, a.Owner)
		}
		if a.Due != "" {
			text = r.w.T("export.pdf.keypoints.action-due", text, a.Due)
		}
		right = append(right, item{text, ink})
	}

	height := func(items []item) float64 {
		h := lineH(h3Style) + 2
		for _, it := range items {
			h += float64(len(r.ts.wrap(it.text, colW, textStyle))) * lineH(textStyle)
		}
		return h
	}
	r.ensure(max(height(left), height(right)))
	top := r.y
	column := func(x float64, title string, items []item) float64 {
		r.y = top
		r.color(ink)
		r.ts.draw(x, r.y+h3Style.size, title, h3Style)
		r.y += lineH(h3Style) + 2
		for _, it := range items {
			r.para(x, colW, it.text, textStyle, it.c)
		}
		return r.y
	}
	leftEnd := column(margin, r.w.T("export.pdf.keypoints.disagreed"), left)
	rightEnd := column(margin+colW+16, r.w.T("export.pdf.keypoints.decided"), right)
	r.y = max(leftEnd, rightEnd) + 6
	r.tensionsToResolve()
}
