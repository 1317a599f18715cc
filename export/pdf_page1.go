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
	r.bookmark(s.Title)
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
		// Two lines at most: page 1 is for the answers. A longer list
		// is printed whole after page 1 (see restOfParticipants).
		list := r.w.T("export.pdf.participants.list", r.list(people))
		r.paraAtMost(2, margin, textW, list, textStyle, muted)
		if len(r.ts.wrap(list, textW, textStyle)) > 2 {
			r.participantsCut = list
		}
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

// restOfParticipants prints the whole list of participants and their
// roles after page 1, when the header had to cut it short.
func (r *report) restOfParticipants() {
	if r.participantsCut == "" {
		return
	}
	r.ensure(lineH(textStyle) * 2)
	r.y += 4
	r.para(margin, r.contentW(), r.participantsCut, textStyle, muted)
	r.y += 4
}

// list joins names the way the language does: "A, B" or "A、B".
func (r *report) list(items []string) string {
	return strings.Join(items, r.w.T("export.pdf.list-separator"))
}

func (r *report) centre(x, w, baseline float64, text string, st style) {
	r.ts.draw(x+(w-r.ts.width(text, st))/2, baseline, text, st)
}

// Page 1's chart rows: the default height, and the least the chart
// shrinks to so page 1 keeps the key points below it. At the least, row
// names are 7.8 pt and participants' markers 4 pt across: smaller reads
// badly on paper.
const (
	chartRowH    = 15.0
	chartGroupH  = 16.0
	minChartRowH = 9.5
	// chartNameFill is a row name's size as a share of its row's height.
	chartNameFill = 0.82
	// chartGap is the space under the chart.
	chartGap = 4.0
)

// chart paints canvas.LayoutChart, the geometry the app draws on screen,
// one layout unit per point, in at most room points: page 1 must keep the
// key points below it (see fitChart).
func (r *report) chart(room float64) {
	// A point to spare: the fitted height can come out a rounding error
	// above room, which would push the key points to page 2.
	l := r.fitChart(room - chartGap - 1)
	r.ensure(l.Height)
	l.Paint(pdfPainter{r: r, ox: margin, oy: r.y})
	r.y += l.Height + chartGap
}

// fitChart lays out the chart at its default row height if it fits in
// room; otherwise rows and group headings shrink together, down to
// minChartRowH. If even that is too tall, the chart leaves out its index
// gauge, which the header's index box already shows.
func (r *report) fitChart(room float64) canvas.Chart {
	layout := func(k float64, noIndex bool) canvas.Chart {
		return canvas.LayoutChart(r.s, chartLabels(r.w, canvas.ChartOptions{
			Width: r.contentW(), Participants: true, NoIndex: noIndex,
			RowHeight: chartRowH * k, GroupHeight: chartGroupH * k,
		}))
	}
	l := layout(1, false)
	// The height is linear in the row and group heights.
	grow := float64(len(l.Rows))*chartRowH + float64(len(l.Groups))*chartGroupH
	if l.Height <= room || grow == 0 {
		return l
	}
	minK := minChartRowH / chartRowH
	k := (room - (l.Height - grow)) / grow
	noIndex := false
	if k < minK {
		bare := layout(1, true)
		k, noIndex = max(minK, (room-(bare.Height-grow))/grow), true
	}
	l = layout(k, noIndex)
	tighten(&l, chartRowH*k)
	return l
}

// tighten scales a shrunk chart's row texts and markers with its rows, so
// neighbouring rows' names and markers do not run into each other.
func tighten(l *canvas.Chart, rowH float64) {
	// pdfPainter draws text at 0.85 of the layout's size.
	size := rowH * chartNameFill / 0.85
	for i := range l.Rows {
		l.Rows[i].Name.Size = min(l.Rows[i].Name.Size, size)
		l.Rows[i].Value.Size = min(l.Rows[i].Value.Size, size)
	}
	for i := range l.Groups {
		l.Groups[i].Size = min(l.Groups[i].Size, size)
	}
	l.MarkerSize *= rowH / chartRowH
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

// keyPoint is one line of the key points, in its colour; a heading starts
// a part of a column (the tensions to resolve, under the disagreements).
type keyPoint struct {
	text    string
	c       canvas.RGB
	heading bool
}

// keyPoints is the first page's answer to "where did the team disagree and
// what was decided", for the reader who reads nothing else: one column
// each.
type keyPoints struct {
	left, right []keyPoint
}

func (r *report) keyPoints() keyPoints {
	var left, right []keyPoint
	threshold := r.s.Settings.DiscussThreshold()
	if !r.showPlacements() {
		left = append(left, keyPoint{text: r.w.T("export.pdf.keypoints.unrevealed"), c: muted})
	} else if dis := r.disagreements(); len(dis) == 0 {
		left = append(left, keyPoint{text: r.w.N("export.pdf.keypoints.no-spread", threshold), c: muted})
	} else {
		for i, ds := range dis {
			if i == 3 {
				left = append(left, keyPoint{text: r.w.N("export.pdf.keypoints.more-disagreements", len(dis)-3, r.w.T("export.pdf.heading.discussion")), c: muted})
				break
			}
			left = append(left, keyPoint{text: r.w.T("export.pdf.keypoints.spread", r.dim(ds.dim).Name, ds.stats.Spread(), ds.stats.Min, ds.stats.Max), c: ink})
		}
	}
	// The tensions to resolve sit under the disagreements: the left column
	// is where the room's open questions are, and it is the shorter one,
	// so page 1's chart gives up little or nothing for them.
	if lines := r.tensionsToResolveLines(); len(lines) > 0 {
		left = append(left, keyPoint{text: r.w.T("export.pdf.keypoints.tensions"), c: warnInk, heading: true})
		for i, l := range lines {
			c := ink
			if i == keyPointTensions {
				c = muted
			}
			left = append(left, keyPoint{text: l, c: c})
		}
	}

	targets := 0
	for _, p := range r.s.Positions {
		if p.Target != nil {
			targets++
		}
	}
	agreed, medians := r.agreement()
	right = append(right, keyPoint{text: r.w.N("export.pdf.keypoints.agreed", len(r.s.Dimensions), agreed), c: ink})
	if len(medians) > 0 {
		right = append(right, keyPoint{text: r.w.T("export.pdf.keypoints.medians", r.list(medians)), c: warnInk})
	}
	if targets > 0 {
		right = append(right, keyPoint{text: r.w.N("export.pdf.keypoints.targets", len(r.s.Dimensions), targets), c: ink})
	}
	if len(r.s.Actions) == 0 {
		right = append(right, keyPoint{text: r.w.T("export.pdf.actions.none"), c: muted})
	}
	for i, a := range r.s.Actions {
		if i == 3 {
			right = append(right, keyPoint{text: r.w.N("export.pdf.keypoints.more-actions", len(r.s.Actions)-3, r.w.T("export.pdf.heading.actions")), c: muted})
			break
		}
		text := "• " + a.Text
		if a.Owner != "" {
			text = r.w.T("export.pdf.dash", text, a.Owner)
		}
		if a.Due != "" {
			text = r.w.T("export.pdf.keypoints.action-due", text, a.Due)
		}
		right = append(right, keyPoint{text: text, c: ink})
	}
	return keyPoints{left: left, right: right}
}

func (r *report) keyColW() float64 { return (r.contentW() - 16) / 2 }

// height is the block's height on the page, its gap below included.
func (k keyPoints) height(r *report) float64 {
	col := func(items []keyPoint) float64 {
		h := lineH(h3Style) + 2
		for _, it := range items {
			if it.heading {
				h += keyHeadingGap + lineH(h3Style) + 2
				continue
			}
			h += r.paraH(r.keyColW(), it.text, textStyle)
		}
		return h
	}
	return max(col(k.left), col(k.right)) + 6
}

// keyHeadingGap is the space above a heading inside a key-point column.
const keyHeadingGap = 4.0

// draw writes both columns; the block was measured, so it moves to a new
// page whole or not at all.
func (k keyPoints) draw(r *report) {
	r.ensure(k.height(r))
	top := r.y
	column := func(x float64, title string, items []keyPoint) float64 {
		r.y = top
		r.bookmark(title)
		r.color(ink)
		r.ts.draw(x, r.y+h3Style.size, title, h3Style)
		r.y += lineH(h3Style) + 2
		for _, it := range items {
			if it.heading {
				r.y += keyHeadingGap
				r.bookmark(it.text)
				r.color(it.c)
				r.ts.draw(x, r.y+h3Style.size, it.text, h3Style)
				r.y += lineH(h3Style) + 2
				continue
			}
			r.para(x, r.keyColW(), it.text, textStyle, it.c)
		}
		return r.y
	}
	leftEnd := column(margin, r.w.T("export.pdf.keypoints.disagreed"), k.left)
	rightEnd := column(margin+r.keyColW()+16, r.w.T("export.pdf.keypoints.decided"), k.right)
	r.y = max(leftEnd, rightEnd) + 6
}
