package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	fynecanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// Presentation mode is for the projector: one dimension at a time, in large
// high-contrast type, with every revealed marker, the spread and the agreed
// position. Arrow keys (and the Page keys a clicker sends) move; Esc leaves.

// Projector colours: light on near-black whatever the desktop theme, the
// contrast a washed-out projector needs.
var projector = painterColours{
	fg:      color.NRGBA{0xff, 0xff, 0xff, 0xff},
	muted:   color.NRGBA{0xc8, 0xd0, 0xdc, 0xff},
	line:    color.NRGBA{0x8a, 0x93, 0xa3, 0xff},
	primary: color.NRGBA{0x56, 0xb4, 0xe9, 0xff},
	bg:      color.NRGBA{0x0b, 0x0f, 0x17, 0xff},
}

// presentNameSize keeps dimension names readable from the back of a room:
// at least 32 px on a 1280×720 projector.
const presentNameSize = 48

// darkTheme is the app's theme with the default theme's dark colours,
// which suit the projector's near-black.
type darkTheme struct{}

func (darkTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return theme.DefaultTheme().Color(n, theme.VariantDark)
}
func (darkTheme) Font(s fyne.TextStyle) fyne.Resource {
	return fyne.CurrentApp().Settings().Theme().Font(s)
}
func (darkTheme) Icon(n fyne.ThemeIconName) fyne.Resource {
	return fyne.CurrentApp().Settings().Theme().Icon(n)
}
func (darkTheme) Size(n fyne.ThemeSizeName) float32 {
	return fyne.CurrentApp().Settings().Theme().Size(n)
}

type presenter struct {
	u        *UI
	i        int
	name     *fynecanvas.Text
	question *fynecanvas.Text
	figures  *fynecanvas.Text
	agreed   *fynecanvas.Text
	toc, tob *fynecanvas.Text
	footer   *fynecanvas.Text
	chart    *chartView
	reasons  *presentReasons
	content  fyne.CanvasObject
	// body shows a dimension; closing, after the last one, the actions.
	body    fyne.CanvasObject
	closing *closingScreen
	// tensions shows between the last dimension and the closing screen.
	tensions *tensionsScreen
	// fits hold the texts that shrink to their width (see fitText).
	fits []*fyne.Container
}

// Present opens presentation mode on the selected dimension.
func (u *UI) Present() { u.present() }

func (u *UI) present() *presenter {
	e := u.editor
	if e == nil || len(e.rows) == 0 {
		return nil
	}
	p := &presenter{u: u, i: e.selected}
	text := func(size float32, bold bool, c color.Color) *fynecanvas.Text {
		t := fynecanvas.NewText("", c)
		t.TextSize = size
		t.TextStyle.Bold = bold
		t.Alignment = fyne.TextAlignCenter
		return t
	}
	p.name = text(presentNameSize, true, projector.fg)
	p.question = text(26, false, projector.muted)
	p.figures = text(30, true, projector.fg)
	p.agreed = text(30, true, projector.primary)
	p.footer = text(18, false, projector.muted)
	p.toc = text(22, false, projector.fg)
	p.toc.Alignment = fyne.TextAlignLeading
	p.tob = text(22, false, projector.fg)
	p.tob.Alignment = fyne.TextAlignTrailing
	p.chart = newChartView(p.u, func() *canvas.Session { return e.s })
	// 2.0 keeps the whole screen within 512 units of height: a 1366×768
	// screen at FYNE_SCALE=1.5.
	p.chart.scale = 2.0
	p.chart.colours = &projector
	p.chart.opts = func(o canvas.ChartOptions) canvas.ChartOptions {
		if p.i < len(e.rows) { // not on the closing screen
			o.Only = []string{e.rows[p.i].dim.Key}
		}
		o.NoIndex = true
		return o
	}
	p.reasons = newPresentReasons(u)
	bg := fynecanvas.NewRectangle(projector.bg)
	p.closing = newClosingScreen()
	p.tensions = newTensionsScreen()
	// Each pole has a line of its own: side by side, a long ToB pole ran
	// off a 1024-pixel projector. Every text shrinks to its width where it
	// must, so no text asks the window for more than the screen has.
	fit := func(t *fynecanvas.Text) *fyne.Container {
		c := container.New(&fitText{size: t.TextSize}, t)
		p.fits = append(p.fits, c)
		return c
	}
	dim := container.NewVBox(
		layout.NewSpacer(),
		fit(p.name), fit(p.question),
		container.NewPadded(p.chart),
		fit(p.toc), fit(p.tob),
		layout.NewSpacer(),
		fit(p.figures), fit(p.agreed),
		layout.NewSpacer(),
	)
	// The body is the dimension with its reasons below; the closing
	// screen takes its place after the last dimension. The timer's buttons
	// and icons take the dark theme: the projector is light on dark
	// whatever the desktop's theme.
	p.body = p.reasons.around(container.NewPadded(dim))
	dark := container.NewThemeOverride(container.NewPadded(container.NewBorder(nil,
		container.NewBorder(nil, nil, nil, u.timer.view, fit(p.footer)), nil, nil,
		container.NewStack(p.body, container.NewPadded(p.closing.view), container.NewPadded(p.tensions.view)))), darkTheme{})
	p.content = container.NewStack(bg, dark)
	u.showScreen(p.content)
	dark.Refresh()
	u.timer.retheme()
	// The projector shows the dimension, not the menu bar or the theme's
	// frame around the content.
	u.win.SetMainMenu(nil)
	u.win.SetPadded(false)
	u.timer.fg = projector.fg
	u.timer.render()
	// An undo or a change from elsewhere redraws the projected dimension.
	u.onScreenChange = func(canvas.Change) { p.show() }
	u.win.SetFullScreen(true)
	p.show()
	c := u.win.Canvas()
	c.SetOnTypedKey(p.key)
	return p
}

// presentKeys are presentation mode's keys; a clicker sends the Page keys.
var presentKeys = []keyAction[*presenter]{
	{keys: []fyne.KeyName{fyne.KeyRight, fyne.KeyPageDown, fyne.KeySpace}, what: "app.keys.present.next", do: func(p *presenter) { p.move(1) }},
	{keys: []fyne.KeyName{fyne.KeyLeft, fyne.KeyPageUp}, what: "app.keys.present.previous", do: func(p *presenter) { p.move(-1) }},
	{keys: []fyne.KeyName{fyne.KeyDown}, what: "app.keys.present.down", do: func(p *presenter) { p.scrollOrMove(1) }},
	{keys: []fyne.KeyName{fyne.KeyUp}, what: "app.keys.present.up", do: func(p *presenter) { p.scrollOrMove(-1) }},
	{keys: []fyne.KeyName{fyne.KeyR}, what: "app.keys.present.reasons", do: (*presenter).toggleReasons},
	{keys: []fyne.KeyName{fyne.KeyT}, what: "app.keys.present.tensions", do: (*presenter).showTensions},
	{keys: []fyne.KeyName{fyne.KeyEscape}, what: "app.keys.present.leave", do: (*presenter).leave},
}

// key gives an open dialog (the shortcuts list) its keys first.
func (p *presenter) key(ev *fyne.KeyEvent) {
	if !p.u.dialogKey(ev) && !dispatch(presentKeys, ev.Name, p) {
		p.u.typedKey(ev)
	}
}

func (p *presenter) move(delta int) {
	e := p.u.editor
	// Past the last dimension come the Tensions screen, then the closing
	// Actions screen.
	j := max(0, min(p.closingAt(), p.i+delta))
	if j == p.i {
		return
	}
	p.i = j
	e.selectRow(j)
	p.show()
}

// scrollOrMove scrolls the list on screen (the reasons, or the closing
// screen's actions) by half its height in direction dir, so a big room's
// list is read to its end from the keyboard; where it can scroll no more,
// it moves to the next or previous dimension.
func (p *presenter) scrollOrMove(dir int) {
	if s := p.scrolling(); s != nil && scrollBy(s, float32(dir)*s.Size().Height/2) {
		return
	}
	p.move(dir)
}

// scrolling is the list on screen that may scroll, if any.
func (p *presenter) scrolling() *container.Scroll {
	switch {
	case p.i == p.closingAt():
		return p.closing.scroll
	case p.i == p.tensionsAt():
		return p.tensions.scroll
	case p.reasons.on:
		return p.reasons.scroll
	}
	return nil
}

// scrollBy scrolls s down by dy (up when negative); false when s is
// already at that end.
func scrollBy(s *container.Scroll, dy float32) bool {
	bottom := max(0, s.Content.Size().Height-s.Size().Height)
	y := min(bottom, max(0, s.Offset.Y+dy))
	if y == s.Offset.Y {
		return false
	}
	s.ScrollToOffset(fyne.NewPos(s.Offset.X, y))
	return true
}

func (p *presenter) leave() {
	p.u.win.SetFullScreen(false)
	p.u.backToEditor()
	p.u.timer.retheme()
	switch e := p.u.editor; p.i {
	case p.closingAt():
		e.tabs.Select(e.actions.tab)
	case p.tensionsAt():
		e.tabs.Select(e.tensions.tab)
	default:
		e.focusRow(p.i)
	}
}

// show fills the screen with dimension p.i.
func (p *presenter) show() {
	e := p.u.editor
	s := e.s
	if p.showClosing() {
		return
	}
	d := e.rows[p.i].dim
	ds := s.DimensionSummary(d.Key)
	txt := p.u.dimText(d)
	p.name.Text = txt.Name
	p.question.Text = txt.Question
	u := p.u
	p.toc.Text = u.T("app.present.toc", txt.ToC)
	p.tob.Text = u.T("app.present.tob", txt.ToB)
	switch {
	case ds.Count == 0:
		p.figures.Text = u.T("app.present.no-markers")
	case !s.PlacementsVisible():
		p.figures.Text = u.N("app.row.hidden", ds.Count)
	default:
		p.figures.Text = u.T("app.present.figures", *ds.Spread, *ds.Min, *ds.Max, u.decimal(*ds.Median))
		if ds.Flagged {
			p.figures.Text = u.T("app.present.figures.discuss", p.figures.Text)
		}
	}
	p.agreed.Text = u.positionText(s, d.Key)
	p.footer.Text = u.T("app.present.footer", p.i+1, len(e.rows))
	for _, c := range p.fits {
		c.Refresh() // lays the new text out at a size that fits
	}
	p.chart.Refresh()
	p.reasons.show(s, d.Key)
}

// fitText lays out one canvas text at its size, or smaller where the width
// is too short for it. It asks for no width, so a long text never makes
// the window wider than the screen.
type fitText struct{ size float32 }

func (f *fitText) MinSize(objs []fyne.CanvasObject) fyne.Size {
	t := objs[0].(*fynecanvas.Text)
	return fyne.NewSize(0, fyne.MeasureText("Ag", f.size, t.TextStyle).Height)
}

func (f *fitText) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	t := objs[0].(*fynecanvas.Text)
	t.TextSize = f.size
	// Text's own measure, a few times: its width is not quite linear in
	// the size (glyph positions are rounded).
	for range 8 {
		w := t.MinSize().Width
		if w <= size.Width || size.Width <= 0 {
			break
		}
		t.TextSize *= min(size.Width/w, 0.98)
	}
	t.Move(fyne.NewPos(0, 0))
	t.Resize(size)
	t.Refresh()
}
