package export

import (
	"math"
	"slices"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// The "Since" section compares the session with a baseline
// (PDFOptions.Since): how the product moved since an earlier workshop.
// Every figure is canvas.Compare's, the one `fulcrum compare` prints, and
// the chart is canvas.LayoutChart's comparison geometry painted by the
// report's own painter, so the PDF, the screen and the command line can
// never disagree about what moved.

// since writes the section when the report has a baseline.
func (r *report) since() {
	base := r.opt.Since
	if base == nil {
		return
	}
	c := canvas.Compare(base, r.s)
	date := r.w.Date(base.Updated.UTC())
	name := base.Title
	if name == "" {
		name = base.ID
	}
	intro := r.w.T("export.pdf.since.intro", name, date)
	index := r.w.T("export.pdf.since.index", r.figure(c.Index.From, false), r.figure(c.Index.To, false), r.shift(c.Index.Shift))
	// The heading comes with its introduction, the index and the chart:
	// the chart is the section's answer, so it is kept on one page with
	// them.
	cw := r.contentW()
	title := r.w.T("export.pdf.heading.since", date)
	lead := r.paraH(cw, intro, textStyle) + r.paraH(cw, index, boldStyle) + 4
	headH := h2Style.size*0.6 + r.paraH(cw, title, h2Style) + 3
	l := r.sinceChart(base, r.bottom()-margin-headH-lead)
	r.heading(title, h2Style, lead+l.Height)
	r.para(margin, cw, intro, textStyle, muted)
	r.para(margin, cw, index, boldStyle, ink)
	r.y += 4
	r.ensure(l.Height)
	l.Paint(pdfPainter{r: r, ox: margin, oy: r.y})
	r.y += l.Height + 4

	cols, rows, medians := r.shiftTable(c)
	r.fitColumns(cols, rows)
	r.table(cols, rows, nil)
	if medians {
		r.para(margin, cw, r.w.Legend(canvas.LegendMedian), smallStyle, muted)
		r.y += 2
	}
	for _, line := range r.sinceLines(c) {
		r.para(margin, cw, line, textStyle, ink)
	}
	r.y += 6
}

// sinceChart lays out the comparison chart at most room tall where it
// can: its rows tighten, down to a marker's height plus a point, so a
// chart of many dimensions still fits one page with its heading.
func (r *report) sinceChart(base *canvas.Session, room float64) canvas.Chart {
	for rowH := 15.0; ; rowH-- {
		l := canvas.LayoutChart(r.s, chartLabels(r.w, canvas.ChartOptions{
			Width: r.contentW(), Participants: true,
			RowHeight: rowH, GroupHeight: rowH + 1,
			Baseline: base,
		}))
		if l.Height <= room || rowH <= 11 {
			return l
		}
	}
}

// shiftTable is every dimension's move, largest first, as Compare orders
// them: the position then and now, the shift, and whether the dimension
// is new or gone, or met the target the earlier session set.
func (r *report) shiftTable(c canvas.Comparison) (cols []column, rows [][]string, medians bool) {
	cols = []column{
		{title: r.w.T("export.pdf.col.dimension"), width: 130, style: boldStyle},
		{title: r.w.T("export.pdf.col.then"), width: 40, style: textStyle, align: canvas.AlignRight},
		{title: r.w.T("export.pdf.col.now"), width: 40, style: textStyle, align: canvas.AlignRight},
		{title: r.w.T("export.pdf.col.shift"), width: 40, style: textStyle, align: canvas.AlignRight},
		{title: r.w.T("export.pdf.col.note"), style: textStyle},
	}
	targets := map[string]canvas.TargetOutcome{}
	for _, t := range c.Targets {
		targets[t.Key] = t
	}
	for _, d := range c.Dimensions {
		fromMedian, toMedian := d.FromKind == canvas.PositionProposed, d.ToKind == canvas.PositionProposed
		medians = medians || fromMedian || toMedian
		var notes []string
		switch {
		case slices.Contains(c.Added, d.Key):
			notes = append(notes, r.w.T("export.pdf.since.added"))
		case slices.Contains(c.Removed, d.Key):
			notes = append(notes, r.w.T("export.pdf.since.removed"))
		}
		if t, ok := targets[d.Key]; ok {
			key := "export.pdf.since.target-missed"
			if t.Reached {
				key = "export.pdf.since.target-reached"
			}
			notes = append(notes, r.w.T(key, t.Target))
		}
		rows = append(rows, []string{
			r.dim(d.Dimension).Name,
			r.figure(d.From, fromMedian), r.figure(d.To, toMedian), r.shift(d.Shift),
			r.list(notes),
		})
	}
	return cols, rows, medians
}

// sinceLines sum the comparison up under its table: dimensions added and
// removed, targets reached, tensions resolved and new.
func (r *report) sinceLines(c canvas.Comparison) []string {
	names := func(keys []string) string {
		var out []string
		for _, k := range keys {
			for _, d := range c.Dimensions {
				if d.Key == k {
					out = append(out, r.dim(d.Dimension).Name)
				}
			}
		}
		return r.list(out)
	}
	var lines []string
	if len(c.Added) > 0 {
		lines = append(lines, r.w.T("export.pdf.since.added-list", names(c.Added)))
	}
	if len(c.Removed) > 0 {
		lines = append(lines, r.w.T("export.pdf.since.removed-list", names(c.Removed)))
	}
	switch {
	case len(c.Targets) == 0:
		lines = append(lines, r.w.T("export.pdf.since.targets.none-set"))
	case len(c.TargetsReached) == 0:
		lines = append(lines, r.w.T("export.pdf.since.targets", 0, len(c.Targets), canvas.TargetReachedWithin))
	default:
		lines = append(lines, r.w.T("export.pdf.since.targets-which", len(c.TargetsReached), len(c.Targets),
			canvas.TargetReachedWithin, names(c.TargetsReached)))
	}
	tensions := func(rules []string) string {
		if len(rules) == 0 {
			return r.w.T("export.pdf.since.tensions.none")
		}
		var out []string
		for _, rule := range rules {
			out = append(out, r.tensionName(rule))
		}
		return r.list(out)
	}
	lines = append(lines,
		r.w.T("export.pdf.since.tensions.resolved", tensions(c.TensionsResolved)),
		r.w.T("export.pdf.since.tensions.new", tensions(c.TensionsNew)))
	return lines
}

// figure writes a position or an index to one decimal at most, in the
// language's way; "~" marks a median nobody agreed, "–" a missing figure.
func (r *report) figure(v *float64, median bool) string {
	if v == nil {
		return "–"
	}
	s := decimal(r.w, noNegativeZero(*v))
	if median {
		return "~" + s
	}
	return s
}

// shift writes a move with its sign: +19, -7.5, 0.
func (r *report) shift(v *float64) string {
	if v == nil {
		return "–"
	}
	x := noNegativeZero(*v)
	s := decimal(r.w, x)
	if x > 0 {
		return "+" + s
	}
	return s
}

// noNegativeZero rounds to the tenth the report prints, so a move of
// -0.04 prints as 0, never "-0".
func noNegativeZero(v float64) float64 {
	v = math.Round(v*10) / 10
	if v == 0 {
		return 0
	}
	return v
}

// baselineTexts is the baseline's text the section may print: its title
// and the names of its dimensions, a removed one included. None without a
// baseline.
func baselineTexts(w *lang.Words, base *canvas.Session) []string {
	if base == nil {
		return nil
	}
	// The section's heading dates the earlier session.
	out := []string{base.Title, w.Date(base.Updated.UTC())}
	for _, d := range base.Dimensions {
		out = append(out, w.DimensionOf(d).Name)
	}
	return out
}
