package export

import (
	"fmt"
	"strconv"
	"strings"

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
		row := []string{dimText(ds.dim).Name, current, intText(ds.pos.Target)}
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
		r.ts.draw(margin, r.y+h3Style.size, words().Group(g.name), h3Style)
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
			medians = append(medians, dimText(d).Name)
		}
	}
	return agreed, medians
}
