package export

import (
	"fmt"
	"math"
	"strconv"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// The report's tables: columns measured from their text, rows never
// split across pages, and the dimension table by group.

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
			r.cell(x, r.y+cellPad-1+smallStyle.size, c, c.title, headerStyle)
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

// headerStyle is the style of a table's column titles.
var headerStyle = style{size: smallStyle.size, bold: true}

// fitColumns sizes a table's columns from their real text, in the
// report's language: a column is at least as wide as its title, and a
// right-aligned column (figures, which never wrap) as its widest cell.
// The widths given are minimums; the columns given none (wrapped text,
// such as notes) share the rest of the line.
func (r *report) fitColumns(cols []column, rows [][]string) {
	need := func(j int) float64 {
		c := cols[j]
		w := r.ts.width(c.title, headerStyle) + 2*cellPad
		if c.align == canvas.AlignRight {
			for _, row := range rows {
				w = max(w, r.ts.width(row[j], c.style)+2*cellPad)
			}
		}
		return max(c.width, math.Ceil(w))
	}
	used, flex := 0.0, 0
	for j := range cols {
		if cols[j].width == 0 {
			flex++
			continue
		}
		cols[j].width = need(j)
		used += cols[j].width
	}
	if flex == 0 {
		return
	}
	rest := (r.contentW() - used) / float64(flex)
	for j := range cols {
		if cols[j].width == 0 {
			cols[j].width = rest
		}
	}
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
		{title: r.w.T("export.pdf.col.dimension"), width: 130, style: boldStyle},
		{title: r.w.T("export.pdf.col.current"), width: 46, style: textStyle, align: canvas.AlignRight},
		{title: r.w.T("export.pdf.col.target"), width: 44, style: textStyle, align: canvas.AlignRight},
	}
	if withSpread {
		cols = append(cols, column{title: r.w.T("export.pdf.col.range"), width: 56, style: textStyle, align: canvas.AlignRight})
	}
	cols = append(cols, column{title: r.w.T("export.pdf.col.note"), style: textStyle})

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
		row := []string{r.dim(ds.dim).Name, current, intText(ds.pos.Target)}
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
	var all [][]string
	for _, g := range groups {
		all = append(all, g.rows...)
	}
	r.fitColumns(cols, all)
	groupH := 2 + lineH(h3Style) + 2
	first := 0.0
	if len(groups) > 0 {
		first = groupH + r.tableStart(cols, groups[0].rows)
	}
	r.heading(r.w.T("export.pdf.heading.dimensions"), h2Style, first)
	for _, g := range groups {
		r.ensure(min(groupH+r.tableStart(cols, g.rows), r.bottom()-margin))
		r.y += 2
		r.color(accent)
		r.ts.draw(margin, r.y+h3Style.size, r.w.Group(g.name), h3Style)
		r.y += lineH(h3Style) + 2
		r.table(cols, g.rows, nil)
	}
	if _, medians := r.agreement(); len(medians) > 0 {
		r.para(margin, cw, r.w.T("export.pdf.medians-note", r.list(medians)), textStyle, muted)
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
			medians = append(medians, r.dim(d).Name)
		}
	}
	return agreed, medians
}
