package export

import (
	"errors"
	"fmt"
	"io"
	"math"
	"strconv"
	"strings"
	"time"

	"github.com/jung-kurt/gofpdf"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// Paper sizes for the PDF.
const (
	PaperA4     = "a4"
	PaperLetter = "letter"
)

// ErrPaper is returned for a paper size other than a4 or letter.
var ErrPaper = errors.New("paper must be a4 or letter")

// PDFOptions choose the paper and the date printed in the footer.
type PDFOptions struct {
	Paper string // PaperA4 (default) or PaperLetter
	// Generated is the date in the footer; zero means the session's last
	// change, which keeps the output a function of the session alone.
	Generated time.Time
}

// WritePDF writes the session's summary report. The same session and
// options always give the same bytes.
func WritePDF(w io.Writer, s *canvas.Session, opt PDFOptions) error {
	pdfMu.Lock()
	defer pdfMu.Unlock()
	d, err := newReport(s, opt)
	if err != nil {
		return err
	}
	d.build()
	if err := d.pdf.Output(w); err != nil {
		return fmt.Errorf("write PDF of session %s: %w", s.ID, err)
	}
	return nil
}

// Page geometry, in points.
const (
	margin   = 40.0
	footerH  = 24.0
	lineGap  = 1.35 // line height as a multiple of the font size
	cellPad  = 4.0
	bodySize = 9.5
)

var (
	textStyle  = style{size: bodySize}
	boldStyle  = style{size: bodySize, bold: true}
	smallStyle = style{size: 8}
	h1Style    = style{size: 20, bold: true}
	h2Style    = style{size: 13, bold: true}
	h3Style    = style{size: 10.5, bold: true}

	ink      = canvas.RGB{R: 0x1f, G: 0x26, B: 0x33}
	muted    = canvas.RGB{R: 0x6b, G: 0x72, B: 0x80}
	rule     = canvas.RGB{R: 0xc9, G: 0xce, B: 0xd6}
	accent   = canvas.RGB{R: 0x1f, G: 0x5f, B: 0xbf}
	shade    = canvas.RGB{R: 0xf1, G: 0xf4, B: 0xf8}
	warnInk  = canvas.RGB{R: 0xb4, G: 0x3c, B: 0x00}
	pdfWhite = canvas.RGB{R: 0xff, G: 0xff, B: 0xff}
	// spreadInk is the band from the lowest to the highest placement.
	spreadInk = canvas.RGB{R: 0xc6, G: 0xd7, B: 0xf0}
)

type report struct {
	pdf   *gofpdf.Fpdf
	ts    *typesetter
	s     *canvas.Session
	opt   PDFOptions
	y     float64
	pageW float64
	pageH float64
}

func newReport(s *canvas.Session, opt PDFOptions) (*report, error) {
	size := "A4"
	switch strings.ToLower(opt.Paper) {
	case "", PaperA4:
	case PaperLetter:
		size = "Letter"
	default:
		return nil, fmt.Errorf("%w (got %q)", ErrPaper, opt.Paper)
	}
	fs, err := loadFonts()
	if err != nil {
		return nil, err
	}
	if opt.Generated.IsZero() {
		opt.Generated = s.Updated
	}
	pdf := gofpdf.New("P", "pt", size, "")
	pdf.SetCatalogSort(true)
	pdf.SetCreationDate(s.Created.UTC())
	pdf.SetModificationDate(s.Updated.UTC())
	pdf.SetTitle(s.Title, true)
	pdf.SetSubject("ToB/ToC positioning of "+s.Product, true)
	pdf.SetAuthor(s.Facilitator, true)
	pdf.SetCreator("Fulcrum", true)
	pdf.SetMargins(margin, margin, margin)
	pdf.SetAutoPageBreak(false, margin)
	pdf.AliasNbPages("{nb}")
	ts := newTypesetter(pdf, fs)
	registerFonts(pdf, ts.facesFor(sessionTexts(s)...))
	if err := pdf.Error(); err != nil {
		return nil, fmt.Errorf("load PDF fonts: %w", err)
	}
	w, h := pdf.GetPageSize()
	r := &report{pdf: pdf, ts: ts, s: s, opt: opt, pageW: w, pageH: h}
	pdf.SetFooterFunc(r.footer)
	return r, nil
}

func (r *report) contentW() float64 { return r.pageW - 2*margin }
func (r *report) bottom() float64   { return r.pageH - margin - footerH }

func (r *report) color(c canvas.RGB) {
	r.pdf.SetTextColor(int(c.R), int(c.G), int(c.B))
}

func (r *report) newPage() {
	r.pdf.AddPage()
	r.y = margin
}

// ensure starts a new page unless h more points fit on this one.
func (r *report) ensure(h float64) {
	if r.y+h > r.bottom() {
		r.newPage()
	}
}

func lineH(st style) float64 { return st.size * lineGap }

// para writes wrapped text across the content width at x, flowing onto
// new pages as needed.
func (r *report) para(x, w float64, text string, st style, c canvas.RGB) {
	r.lines(x, r.ts.wrap(text, w, st), st, c)
}

// paraAtMost is para cut to n lines, the last ending in an ellipsis when
// text goes on: the header must leave page 1 to the answers, however long
// a title is. The whole text stays in the document properties.
func (r *report) paraAtMost(n int, x, w float64, text string, st style, c canvas.RGB) {
	lines := r.ts.wrap(text, w, st)
	if len(lines) > n {
		lines = lines[:n]
		last := r.fit(lines[n-1], w-r.ts.width("…", st), st)
		if !strings.HasSuffix(last, "…") {
			last += "…"
		}
		lines[n-1] = last
	}
	r.lines(x, lines, st, c)
}

func (r *report) lines(x float64, lines []string, st style, c canvas.RGB) {
	r.color(c)
	for _, line := range lines {
		r.ensure(lineH(st))
		r.ts.draw(x, r.y+st.size, line, st)
		r.y += lineH(st)
	}
}

// heading starts a section. next is the height of the section's first
// block (its first paragraph, or a table's header and first row), measured
// by the caller: the heading moves to a new page with it rather than end a
// page alone.
func (r *report) heading(text string, st style, next float64) {
	h := st.size*0.6 + r.paraH(r.contentW(), text, st) + 3
	r.ensure(min(h+next, r.bottom()-margin))
	r.y += st.size * 0.6
	r.para(margin, r.contentW(), text, st, ink)
	r.y += 3
}

// paraH is the height para gives text.
func (r *report) paraH(w float64, text string, st style) float64 {
	return float64(len(r.ts.wrap(text, w, st))) * lineH(st)
}

func (r *report) footer() {
	y := r.pageH - margin + 4
	r.pdf.SetDrawColor(int(rule.R), int(rule.G), int(rule.B))
	r.pdf.SetLineWidth(0.5)
	r.pdf.Line(margin, y-12, r.pageW-margin, y-12)
	r.color(muted)
	left := "Fulcrum · " + r.s.Title + " · generated " + r.opt.Generated.UTC().Format("2 January 2006")
	left = r.fit(left, r.contentW()-90, smallStyle)
	r.ts.draw(margin, y, left, smallStyle)
	page := fmt.Sprintf("Page %d of {nb}", r.pdf.PageNo())
	r.ts.draw(r.pageW-margin-r.ts.width("Page 00 of 00", smallStyle), y, page, smallStyle)
}

// fit shortens s with an ellipsis until it is at most w wide.
func (r *report) fit(s string, w float64, st style) string { return r.ts.fit(s, w, st) }

func (r *report) build() {
	r.newPage()
	r.header()
	r.chart()
	r.keyPoints()
	r.dimensionTable()
	r.discussion()
	r.reasons()
	r.guidance()
	r.actions()
}

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
	meta := "Session of " + s.Created.UTC().Format("2 January 2006")
	if s.Facilitator != "" {
		meta += " · facilitated by " + s.Facilitator
	}
	r.para(margin, textW, meta, textStyle, muted)
	if len(s.Participants) > 0 && s.Settings.Anonymous {
		r.para(margin, textW, fmt.Sprintf("%d participants (anonymous)", len(s.Participants)), textStyle, muted)
	} else if len(s.Participants) > 0 {
		var people []string
		for _, p := range s.Participants {
			if p.Role != "" {
				people = append(people, p.Name+" ("+p.Role+")")
			} else {
				people = append(people, p.Name)
			}
		}
		r.para(margin, textW, "Participants: "+strings.Join(people, ", "), textStyle, muted)
	}

	// The index box, top right.
	bx := r.pageW - margin - boxW
	r.pdf.SetFillColor(int(shade.R), int(shade.G), int(shade.B))
	r.pdf.Rect(bx, top, boxW, 84, "F")
	r.color(muted)
	r.centre(bx, boxW, top+16, "ToB index", smallStyle)
	r.color(accent)
	big := style{size: 34, bold: true}
	value, label := "–", "not placed yet"
	if idx.Valid {
		value, label = strconv.Itoa(int(idx.Value+0.5)), idx.Label()
	}
	r.centre(bx, boxW, top+52, value, big)
	r.color(ink)
	r.centre(bx, boxW, top+72, label, h3Style)
	r.y = max(r.y, top+84) + 12
}

func (r *report) centre(x, w, baseline float64, text string, st style) {
	r.ts.draw(x+(w-r.ts.width(text, st))/2, baseline, text, st)
}

// chart paints canvas.LayoutChart, the geometry the app draws on screen,
// one layout unit per point.
func (r *report) chart() {
	l := canvas.LayoutChart(r.s, canvas.ChartOptions{
		Width: r.contentW(), Participants: true,
		RowHeight: 15, GroupHeight: 16,
	})
	r.ensure(l.Height)
	l.Paint(pdfPainter{r: r, ox: margin, oy: r.y})
	r.y += l.Height + 4
}

type pdfPainter struct {
	r      *report
	ox, oy float64
}

func (p pdfPainter) pt(pt canvas.Point) (float64, float64) { return p.ox + pt.X, p.oy + pt.Y }

func (p pdfPainter) line(l canvas.Line, c canvas.RGB, w float64) {
	pdf := p.r.pdf
	pdf.SetDrawColor(int(c.R), int(c.G), int(c.B))
	pdf.SetLineWidth(w)
	x1, y1 := p.pt(l.From)
	x2, y2 := p.pt(l.To)
	pdf.Line(x1, y1, x2, y2)
}

func (p pdfPainter) dot(at canvas.Point, d float64, fill, edge canvas.RGB) {
	pdf := p.r.pdf
	pdf.SetFillColor(int(fill.R), int(fill.G), int(fill.B))
	pdf.SetDrawColor(int(edge.R), int(edge.G), int(edge.B))
	pdf.SetLineWidth(0.8)
	x, y := p.pt(at)
	pdf.Circle(x, y, d/2, "FD")
}

func (p pdfPainter) marker(m canvas.ParticipantMarker, d float64) {
	pts := canvas.ShapePoints(m.Shape, m.At, d/2)
	if pts == nil {
		p.dot(m.At, d, m.Colour, pdfWhite)
		return
	}
	pdf := p.r.pdf
	pdf.SetFillColor(int(m.Colour.R), int(m.Colour.G), int(m.Colour.B))
	pdf.SetDrawColor(0xff, 0xff, 0xff)
	pdf.SetLineWidth(0.6)
	poly := make([]gofpdf.PointType, len(pts))
	for i, pt := range pts {
		poly[i].X, poly[i].Y = p.pt(pt)
	}
	pdf.Polygon(poly, "FD")
}

func (p pdfPainter) ring(at canvas.Point, d float64, edge canvas.RGB) {
	pdf := p.r.pdf
	pdf.SetDrawColor(int(edge.R), int(edge.G), int(edge.B))
	pdf.SetLineWidth(1.2)
	x, y := p.pt(at)
	pdf.Circle(x, y, d/2, "D")
}

func (p pdfPainter) text(t canvas.Text, c canvas.RGB, maxW float64) {
	if t.Text == "" {
		return
	}
	st := style{size: t.Size * 0.85, bold: t.Bold}
	s := t.Text
	if maxW > 0 {
		s = p.r.fit(s, maxW, st)
	}
	w := p.r.ts.width(s, st)
	x, y := p.pt(t.At)
	switch t.Align {
	case canvas.AlignCenter:
		x -= w / 2
	case canvas.AlignRight:
		x -= w
	}
	p.r.color(c)
	p.r.ts.draw(x, y+st.size*0.35, s, st)
}

// The canvas.Painter methods map chart inks onto print colours.

func pdfInk(k canvas.Ink) canvas.RGB {
	switch k {
	case canvas.InkMuted:
		return muted
	case canvas.InkRule:
		return rule
	case canvas.InkAccent:
		return accent
	case canvas.InkSpread:
		return spreadInk
	}
	return ink
}

func (p pdfPainter) Line(l canvas.Line, k canvas.Ink, w float64) { p.line(l, pdfInk(k), w*0.8) }

func (p pdfPainter) Dot(at canvas.Point, d float64, k canvas.Ink) {
	p.dot(at, d*0.85, pdfInk(k), pdfWhite)
}

func (p pdfPainter) Ring(at canvas.Point, d float64, k canvas.Ink) { p.ring(at, d*0.85, pdfInk(k)) }

func (p pdfPainter) Marker(m canvas.ParticipantMarker, d float64) { p.marker(m, d*0.85) }

func (p pdfPainter) Text(t canvas.Text, k canvas.Ink, maxW float64) { p.text(t, pdfInk(k), maxW) }

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
		return anonymousName(r.s, id)
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
		left = append(left, item{"No individual placements were recorded or revealed.", muted})
	} else if dis := r.disagreements(); len(dis) == 0 {
		left = append(left, item{fmt.Sprintf("No dimension spread %d points or more.", threshold), muted})
	} else {
		for i, ds := range dis {
			if i == 3 {
				left = append(left, item{fmt.Sprintf("and %d more, listed under Discussion points.", len(dis)-3), muted})
				break
			}
			left = append(left, item{fmt.Sprintf("%s: spread %d (%d–%d)", ds.dim.Name, ds.stats.Spread(), ds.stats.Min, ds.stats.Max), ink})
		}
	}

	targets := 0
	for _, p := range r.s.Positions {
		if p.Target != nil {
			targets++
		}
	}
	agreed, medians := r.agreement()
	right = append(right, item{fmt.Sprintf("Agreed positions on %d of %d dimensions.", agreed, len(r.s.Dimensions)), ink})
	if len(medians) > 0 {
		right = append(right, item{"Only medians, not agreed: " + strings.Join(medians, ", ") + ".", warnInk})
	}
	if targets > 0 {
		right = append(right, item{fmt.Sprintf("Targets set on %d of %d dimensions.", targets, len(r.s.Dimensions)), ink})
	}
	if len(r.s.Actions) == 0 {
		right = append(right, item{"No actions were recorded.", muted})
	}
	for i, a := range r.s.Actions {
		if i == 3 {
			more := len(r.s.Actions) - 3
			word := "actions"
			if more == 1 {
				word = "action"
			}
			right = append(right, item{fmt.Sprintf("and %d more %s, listed under Actions.", more, word), muted})
			break
		}
		text := "• " + a.Text
		if a.Owner != "" {
			text += " — " + a.Owner
		}
		if a.Due != "" {
			text += ", by " + a.Due
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
	leftEnd := column(margin, "Where the team disagreed", left)
	rightEnd := column(margin+colW+16, "What was decided", right)
	r.y = max(leftEnd, rightEnd) + 6
}

// column is one column of a table.
type column struct {
	title string
	width float64
	style style
	align canvas.Align
}

// table draws rows of wrapped cells. A row taller than the rest of the page
// continues on the next one, line by line, so long notes are never clipped.
func (r *report) table(cols []column, rows [][]string, shaded func(i int) bool) {
	header := func() {
		r.pdf.SetFillColor(int(shade.R), int(shade.G), int(shade.B))
		h := lineH(smallStyle) + 2*cellPad - 2
		r.pdf.Rect(margin, r.y, r.contentW(), h, "F")
		x := margin
		r.color(muted)
		for _, c := range cols {
			r.cell(x, r.y+cellPad-1+smallStyle.size, c, c.title, style{size: smallStyle.size, bold: true})
			x += c.width
		}
		r.y += h
	}
	r.ensure(r.tableStart(cols, rows))
	header()
	for i, row := range rows {
		lines := make([][]string, len(cols))
		n := 1
		for j, c := range cols {
			lines[j] = r.ts.wrap(row[j], c.width-2*cellPad, c.style)
			n = max(n, len(lines[j]))
		}
		lh := lineH(textStyle)
		if r.y+min(float64(n), 3)*lh+2*cellPad > r.bottom() {
			r.newPage()
			header()
		}
		if shaded != nil && shaded(i) {
			r.color(accent)
		}
		r.y += cellPad
		for k := 0; k < n; k++ {
			if r.y+lh > r.bottom() {
				r.newPage()
				header()
			}
			x := margin
			for j, c := range cols {
				if k < len(lines[j]) {
					r.color(ink)
					r.cell(x, r.y+textStyle.size, c, lines[j][k], c.style)
				}
				x += c.width
			}
			r.y += lh
		}
		r.y += cellPad - 2
		r.pdf.SetDrawColor(int(rule.R), int(rule.G), int(rule.B))
		r.pdf.SetLineWidth(0.4)
		r.pdf.Line(margin, r.y, r.pageW-margin, r.y)
		r.y += 2
	}
	r.y += 6
}

// tableStart is the height table needs on a page before it starts: its
// header and its first row (up to three lines of it, as table keeps).
func (r *report) tableStart(cols []column, rows [][]string) float64 {
	n := 1
	if len(rows) > 0 {
		for j, c := range cols {
			n = max(n, len(r.ts.wrap(rows[0][j], c.width-2*cellPad, c.style)))
		}
	}
	return lineH(smallStyle) + 2*cellPad - 2 + min(float64(n), 3)*lineH(textStyle) + 2*cellPad
}

func (r *report) cell(x, baseline float64, c column, text string, st style) {
	switch c.align {
	case canvas.AlignRight:
		x += c.width - cellPad - r.ts.width(text, st)
	case canvas.AlignCenter:
		x += (c.width - r.ts.width(text, st)) / 2
	default:
		x += cellPad
	}
	r.ts.draw(x, baseline, text, st)
}

func intText(p *int) string {
	if p == nil {
		return "–"
	}
	return strconv.Itoa(*p)
}

func (r *report) dimensionTable() {
	withSpread := r.showPlacements()
	cw := r.contentW()
	cols := []column{
		{title: "Dimension", width: 130, style: boldStyle},
		{title: "Current", width: 46, style: textStyle, align: canvas.AlignRight},
		{title: "Target", width: 44, style: textStyle, align: canvas.AlignRight},
	}
	if withSpread {
		cols = append(cols, column{title: "Spread", width: 56, style: textStyle, align: canvas.AlignRight})
	}
	used := 0.0
	for _, c := range cols {
		used += c.width
	}
	cols = append(cols, column{title: "Note", width: cw - used, style: textStyle})

	// The rows are laid out by group first, so each heading can be kept
	// with its group's first row.
	type group struct {
		name string
		rows [][]string
	}
	var groups []group
	for _, ds := range r.dimStats() {
		if len(groups) == 0 || groups[len(groups)-1].name != ds.dim.Group {
			groups = append(groups, group{name: ds.dim.Group})
		}
		current := intText(ds.pos.Current)
		if p := r.s.PositionOf(ds.dim.Key); p.Kind == canvas.PositionProposed {
			current = "~" + strconv.Itoa(canvas.RoundHalf(p.Value))
		}
		row := []string{ds.dim.Name, current, intText(ds.pos.Target)}
		if withSpread {
			spread := "–"
			if ds.stats.Count > 0 {
				spread = fmt.Sprintf("%d–%d", ds.stats.Min, ds.stats.Max)
			}
			row = append(row, spread)
		}
		g := &groups[len(groups)-1]
		g.rows = append(g.rows, append(row, ds.pos.Note))
	}
	groupH := 2 + lineH(h3Style) + 2
	first := 0.0
	if len(groups) > 0 {
		first = groupH + r.tableStart(cols, groups[0].rows)
	}
	r.heading("Dimensions", h2Style, first)
	for _, g := range groups {
		r.ensure(min(groupH+r.tableStart(cols, g.rows), r.bottom()-margin))
		r.y += 2
		r.color(accent)
		r.ts.draw(margin, r.y+h3Style.size, canvas.GroupName(g.name), h3Style)
		r.y += lineH(h3Style) + 2
		r.table(cols, g.rows, nil)
	}
	if _, medians := r.agreement(); len(medians) > 0 {
		r.para(margin, cw, "~ is the median of the placements, not agreed by the team: "+strings.Join(medians, ", ")+".", textStyle, muted)
	}
}

// agreement counts the agreed dimensions and names those with only a
// median, as canvas.PositionOf tells them apart.
func (r *report) agreement() (agreed int, medians []string) {
	for _, d := range r.s.Dimensions {
		switch r.s.PositionOf(d.Key).Kind {
		case canvas.PositionAgreed:
			agreed++
		case canvas.PositionProposed:
			medians = append(medians, d.Name)
		}
	}
	return agreed, medians
}

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
	title = fmt.Sprintf("%s — spread %d", ds.dim.Name, st.Spread())
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
		var lean string
		var parts [][2]string
		switch canvas.LeanOf(v) {
		case canvas.LeanToC:
			lean = "leans ToC"
			parts = [][2]string{{"ToC: " + ds.dim.ToC, ds.dim.Guidance.ToC}}
		case canvas.LeanToB:
			lean = "leans ToB"
			parts = [][2]string{{"ToB: " + ds.dim.ToB, ds.dim.Guidance.ToB}}
		default:
			lean = "hybrid"
			parts = [][2]string{{"ToC: " + ds.dim.ToC, ds.dim.Guidance.ToC}, {"ToB: " + ds.dim.ToB, ds.dim.Guidance.ToB}}
		}
		// Keep a dimension's guidance on one page: it reads as one piece.
		h := lineH(h3Style)
		for _, p := range parts {
			h += float64(len(r.ts.wrap(p[0], r.contentW()-12, boldStyle)))*lineH(boldStyle) +
				float64(len(r.ts.wrap(p[1], r.contentW()-12, textStyle)))*lineH(textStyle)
		}
		r.ensure(min(h, r.bottom()-margin))
		r.para(margin, r.contentW(), fmt.Sprintf("%s — %s, %s", ds.dim.Name, trimFloat(float64(int(v+0.5))), lean), h3Style, ink)
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
			dim = d.Name
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

// sessionTexts is every piece of text of the session the report may print,
// so the fonts it needs are known before drawing starts.
func sessionTexts(s *canvas.Session) []string {
	out := []string{s.Title, s.Product, s.Facilitator}
	for _, d := range s.Dimensions {
		out = append(out, d.Name, d.Question, d.ToC, d.ToB, d.Guidance.ToC, d.Guidance.ToB, canvas.GroupName(d.Group))
	}
	for _, p := range s.Participants {
		out = append(out, p.Name, p.Role)
	}
	for _, p := range s.Placements {
		out = append(out, p.Note)
	}
	for _, p := range s.Positions {
		out = append(out, p.Note)
	}
	for _, a := range s.Actions {
		out = append(out, a.Text, a.Owner, a.Due)
		if a.Done {
			out = append(out, doneMark)
		}
	}
	return out
}
