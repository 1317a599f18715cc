package app

import (
	"math"
	"slices"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	fynecanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// The compare view: how a product moved between an earlier session (then)
// and a later one (now), in one picture. The figures are canvas.Compare's
// and the chart is canvas.LayoutChart's with the earlier session as its
// baseline, so the screen, the CLI's `fulcrum compare` and the PDF never
// disagree. It opens from the session list or from the editor, and Esc
// returns there.

// compareKeys are the compare view's keys.
var compareKeys = []keyAction[*compareView]{
	{keys: []fyne.KeyName{fyne.KeyEscape}, what: "app.compare.keys.back", do: func(v *compareView) { v.back() }},
	{keys: []fyne.KeyName{fyne.KeyDown, fyne.KeyPageDown}, what: "app.compare.keys.down", do: func(v *compareView) { v.scroll(1) }},
	{keys: []fyne.KeyName{fyne.KeyUp, fyne.KeyPageUp}, what: "app.compare.keys.up", do: func(v *compareView) { v.scroll(-1) }},
}

// compareView is the comparison on screen.
type compareView struct {
	ui       *UI
	from, to *canvas.Session
	// back returns to where the view was opened: the editor, or the
	// session list with the session selected again.
	back func()

	content fyne.CanvasObject
	chart   *chartView
	details *container.Scroll
}

// showComparison shows how the product moved from the session from to the
// session to. From the editor, the open session is read live, so an undo
// made meanwhile shows at once; Esc returns to the editor. From the session
// list, Esc returns to it.
func (u *UI) showComparison(from, to *canvas.Session) {
	v := &compareView{ui: u, from: from, to: to}
	if u.editor != nil {
		v.back = u.backToEditor
	} else {
		id := to.ID
		v.back = func() {
			u.showHome()
			u.home.selectSession(id)
		}
	}
	v.show()
}

// show builds the view in the interface's language and puts it on screen.
func (v *compareView) show() {
	u := v.ui
	v.live()
	v.build()
	u.showScreen(v.content)
	u.comparing = v
	u.onScreenChange = func(canvas.Change) { v.refresh() }
	u.redrawScreen = v.show
	u.win.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) { v.key(ev) })
	u.win.SetTitle(u.T("app.compare.title", v.title(v.from), v.title(v.to)))
}

// key gives an open dialog its Enter and Esc first, then the view's keys,
// then the window's.
func (v *compareView) key(ev *fyne.KeyEvent) bool {
	if v.ui.dialogKey(ev) || dispatch(compareKeys, ev.Name, v) {
		return true
	}
	return v.ui.typedKey(ev)
}

// live takes the editor's copy of the open session, which changes while
// the view shows (an undo), in place of the one the view holds.
func (v *compareView) live() {
	if e := v.ui.editor; e != nil {
		if v.to.ID == e.s.ID {
			v.to = e.s
		}
		if v.from.ID == e.s.ID {
			v.from = e.s
		}
	}
}

// refresh draws the comparison again after a change to the open session,
// keeping the place the reader scrolled to.
func (v *compareView) refresh() {
	at := v.details.Offset
	v.show()
	v.details.Offset = at
	v.details.Refresh()
}

// swap makes now the earlier session and then the later one.
func (v *compareView) swap() {
	v.from, v.to = v.to, v.from
	v.show()
}

// scroll moves the figures by half their height in direction dir.
func (v *compareView) scroll(dir int) {
	scrollBy(v.details, float32(dir)*v.details.Size().Height/2)
}

func (v *compareView) build() {
	u := v.ui
	c := canvas.Compare(v.from, v.to)

	back := u.newKeyButton(u.T("app.compare.back"), theme.NavigateBackIcon(), v.back)
	back.hook = v.key
	swap := u.newKeyButton(u.T("app.compare.swap"), theme.ViewRefreshIcon(), v.swap)
	swap.hook = v.key
	title := widget.NewLabelWithStyle(u.T("app.compare.title", v.title(v.from), v.title(v.to)),
		fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	top := container.NewBorder(nil, nil, back, swap, title)

	from := v.from
	v.chart = newChartView(u, func() *canvas.Session { return v.to })
	v.chart.opts = func(o canvas.ChartOptions) canvas.ChartOptions {
		o.Baseline = from
		return o
	}

	parts := container.NewVBox(
		v.sessionLine("app.compare.then", v.from),
		v.sessionLine("app.compare.now", v.to),
		widget.NewSeparator(),
		v.indexPart(c),
		widget.NewSeparator(),
		v.tablePart(c),
		v.dimensionsPart(c),
		widget.NewSeparator(),
		v.targetsPart(c),
		widget.NewSeparator(),
		v.tensionsPart(c),
	)
	v.details = container.NewVScroll(container.NewPadded(parts))
	split := container.NewHSplit(container.NewVScroll(v.chart), v.details)
	split.Offset = 0.5
	v.content = container.NewBorder(container.NewVBox(top, widget.NewSeparator()), nil, nil, nil, split)
}

// title is a session's title as the view names it.
func (v *compareView) title(s *canvas.Session) string {
	if t := strings.TrimSpace(s.Title); t != "" {
		return t
	}
	return v.ui.T("app.compare.untitled")
}

// sessionLine names one side: its title, product and date.
func (v *compareView) sessionLine(key string, s *canvas.Session) fyne.CanvasObject {
	parts := []string{v.title(s)}
	if p := strings.TrimSpace(s.Product); p != "" {
		parts = append(parts, p)
	}
	parts = append(parts, v.ui.words().Date(s.Updated.Local()))
	l := widget.NewLabel(v.ui.T(key, strings.Join(parts, " · ")))
	l.Wrapping = fyne.TextWrapWord
	return l
}

// indexPart is the ToB index then and now, its shift, and the bands.
func (v *compareView) indexPart(c canvas.Comparison) fyne.CanvasObject {
	u := v.ui
	heading := widget.NewLabelWithStyle(u.T("app.compare.index"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	figures := fynecanvas.NewText(u.figure(c.Index.From, false)+" → "+u.figure(c.Index.To, false),
		theme.Color(theme.ColorNamePrimary))
	figures.TextSize = 28
	figures.TextStyle.Bold = true
	shift := widget.NewLabelWithStyle(u.shift(c.Index.Shift), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	// A label's text sits inside its padding; the big figures line up
	// with it.
	inset := layout.NewCustomPaddedLayout(0, 0, theme.InnerPadding(), 0)
	line := container.NewHBox(container.New(inset, figures), shift)
	if c.Index.From == nil || c.Index.To == nil {
		return container.NewVBox(heading, line)
	}
	band := func(x float64) string { return u.words().Band(canvas.Index{Value: x, Valid: true}.Band()) }
	bands := widget.NewLabel(band(*c.Index.From) + " → " + band(*c.Index.To))
	bands.Truncation = fyne.TextTruncateEllipsis
	return container.NewVBox(heading, line, bands)
}

// tablePart is every dimension's position then and now and its shift,
// the largest move first, as canvas.Compare orders them.
func (v *compareView) tablePart(c canvas.Comparison) fyne.CanvasObject {
	u := v.ui
	w := u.words()
	cell := func(text string, bold bool) *widget.Label {
		return widget.NewLabelWithStyle(text, fyne.TextAlignTrailing, fyne.TextStyle{Bold: bold})
	}
	// The figure columns are as wide as their widest possible text, so
	// they line up from row to row whatever the row holds.
	figures := column{"~100", "100", u.T("app.compare.header.then"), u.T("app.compare.header.now")}
	shifts := column{"+100", "-100", u.T("app.compare.header.shift"), u.T("app.compare.added"), u.T("app.compare.removed")}
	row := func(name fyne.CanvasObject, then, now, shift *widget.Label) fyne.CanvasObject {
		return container.NewBorder(nil, nil, nil,
			container.NewHBox(container.New(figures, then), container.New(figures, now), container.New(shifts, shift)),
			name)
	}
	head := func(key string) *widget.Label { return cell(u.T(key), true) }
	name := widget.NewLabelWithStyle(u.T("app.compare.header.dimension"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	rows := container.NewVBox(
		widget.NewLabelWithStyle(u.T("app.compare.moves"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		row(name, head("app.compare.header.then"), head("app.compare.header.now"), head("app.compare.header.shift")))
	medians := false
	for _, d := range c.Dimensions {
		medians = medians || d.FromKind == canvas.PositionProposed || d.ToKind == canvas.PositionProposed
		shift := u.shift(d.Shift)
		switch {
		case slices.Contains(c.Added, d.Key):
			shift = u.T("app.compare.added")
		case slices.Contains(c.Removed, d.Key):
			shift = u.T("app.compare.removed")
		}
		n := widget.NewLabel(w.DimensionOf(d.Dimension).Name)
		n.Truncation = fyne.TextTruncateEllipsis
		rows.Add(row(n, cell(u.figure(d.From, d.FromKind == canvas.PositionProposed), false),
			cell(u.figure(d.To, d.ToKind == canvas.PositionProposed), false), cell(shift, d.Shift != nil)))
	}
	if medians {
		note := widget.NewLabelWithStyle(w.Legend(canvas.LegendMedian), fyne.TextAlignLeading, fyne.TextStyle{Italic: true})
		rows.Add(note)
	}
	return rows
}

// dimensionsPart names the dimensions added and removed since then.
func (v *compareView) dimensionsPart(c canvas.Comparison) fyne.CanvasObject {
	u := v.ui
	names := func(keys []string) string {
		var out []string
		for _, k := range keys {
			if d, ok := v.to.Dimension(k); ok {
				out = append(out, u.dimText(d).Name)
			} else if d, ok := v.from.Dimension(k); ok {
				out = append(out, u.dimText(d).Name)
			}
		}
		return strings.Join(out, u.T("app.compare.list-separator"))
	}
	var lines []fyne.CanvasObject
	if len(c.Added) > 0 {
		lines = append(lines, wrapped(u.T("app.compare.added.list", names(c.Added))))
	}
	if len(c.Removed) > 0 {
		lines = append(lines, wrapped(u.T("app.compare.removed.list", names(c.Removed))))
	}
	if len(lines) == 0 {
		lines = append(lines, wrapped(u.T("app.compare.same-dimensions")))
	}
	return container.NewVBox(lines...)
}

// targetsPart is each target the earlier session set against today's
// agreed position, reached within canvas.TargetReachedWithin points.
func (v *compareView) targetsPart(c canvas.Comparison) fyne.CanvasObject {
	u := v.ui
	heading := widget.NewLabelWithStyle(u.T("app.compare.targets.heading"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	if len(c.Targets) == 0 {
		return container.NewVBox(heading, wrapped(u.T("app.compare.targets.none")))
	}
	box := container.NewVBox(heading,
		wrapped(u.T("app.compare.targets", len(c.TargetsReached), len(c.Targets), canvas.TargetReachedWithin)))
	for _, t := range c.Targets {
		name := t.Key
		if d, ok := v.from.Dimension(t.Key); ok {
			name = u.dimText(d).Name
		}
		var text string
		switch {
		case t.Reached:
			text = u.T("app.compare.target.reached", name, t.Target, *t.Now)
		case t.Now != nil:
			text = u.T("app.compare.target.missed", name, t.Target, *t.Now)
		case slices.Contains(c.Removed, t.Key):
			text = u.T("app.compare.target.gone", name, t.Target)
		default:
			text = u.T("app.compare.target.no-value", name, t.Target)
		}
		icon := widget.NewIcon(theme.NewDisabledResource(theme.RadioButtonIcon()))
		if t.Reached {
			icon = widget.NewIcon(theme.NewSuccessThemedResource(theme.ConfirmIcon()))
		}
		box.Add(container.NewBorder(nil, nil, icon, nil, wrapped(text)))
	}
	return box
}

// tensionsPart names the tensions that fired then and fire no more, and
// those that fire now and did not then (canvas.Comparison decides which).
func (v *compareView) tensionsPart(c canvas.Comparison) fyne.CanvasObject {
	u := v.ui
	names := func(rules []string) string {
		if len(rules) == 0 {
			return u.T("app.compare.tensions.none")
		}
		out := make([]string, len(rules))
		for i, r := range rules {
			t, _ := u.words().Tension(r)
			out[i] = t.Name
		}
		return strings.Join(out, u.T("app.compare.list-separator"))
	}
	return container.NewVBox(
		widget.NewLabelWithStyle(u.T("app.compare.tensions.heading"), fyne.TextAlignLeading, fyne.TextStyle{Bold: true}),
		wrapped(u.T("app.compare.tensions.resolved", names(c.TensionsResolved))),
		wrapped(u.T("app.compare.tensions.new", names(c.TensionsNew))),
	)
}

func wrapped(text string) *widget.Label {
	l := widget.NewLabel(text)
	l.Wrapping = fyne.TextWrapWord
	return l
}

// figure writes a position or an index to one decimal at most, with the
// language's decimal sign; "~" marks a median nobody agreed, as the chart
// and `fulcrum compare` do, and "–" a missing figure.
func (u *UI) figure(v *float64, median bool) string {
	if v == nil {
		return "–"
	}
	s := u.tenths(*v)
	if median {
		return "~" + s
	}
	return s
}

// shift writes a move with its sign: +19, -7.5, 0.
func (u *UI) shift(v *float64) string {
	if v == nil {
		return "–"
	}
	s := u.tenths(*v)
	if s != "0" && *v > 0 {
		return "+" + s
	}
	return s
}

// tenths is v rounded to a tenth, without a trailing ".0" or a "-0".
func (u *UI) tenths(v float64) string {
	r := math.Round(v*10) / 10
	if r == 0 {
		r = 0
	}
	return strings.Replace(strconv.FormatFloat(r, 'f', -1, 64), ".", u.T("app.number.decimal-sep"), 1)
}
