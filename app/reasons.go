package app

import (
	"fmt"
	"image/color"
	"slices"
	"strconv"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// Each person's reasons: after the reveal, every dimension lists who
// placed where, how sure they were and why, in the editor under the row
// and, on demand (R), in presentation mode. What may be shown, and under
// which name, is canvas.Session.Reasons's to say.

// reasonsList is the lines of one dimension's reasons.
type reasonsList struct {
	box *fyne.Container
	// big is presentation mode's type size; zero is the theme's.
	big float32
	// shown is what the lines show, so an unrelated change redraws nothing.
	shown []canvas.Reason
	// resized, when set, lays out what holds the list after its height
	// changed: Fyne does not pass a child's new size up by itself.
	resized func()
}

func newReasonsList(resized func()) *reasonsList {
	l := &reasonsList{box: container.NewVBox(), resized: resized}
	l.box.Hide()
	return l
}

// refresh shows the reasons of dimension key, or hides the list when there
// are none to show (before the reveal, or nobody placed).
func (l *reasonsList) refresh(s *canvas.Session, key string) {
	rs := s.Reasons(key)
	if slices.Equal(rs, l.shown) && l.box.Visible() == (len(rs) > 0) {
		return
	}
	l.shown = rs
	l.box.RemoveAll()
	for _, r := range rs {
		l.box.Add(l.line(r))
	}
	if len(rs) == 0 {
		l.box.Hide()
	} else {
		l.box.Show()
	}
	l.box.Refresh()
	if l.resized != nil {
		l.resized()
	}
}

// reasonName is how a reason names its person: by name, or by number in
// an anonymous session.
func reasonName(r canvas.Reason) string {
	if r.Name == "" {
		return fmt.Sprintf("Participant %d", r.Number)
	}
	return r.Name
}

// confidenceText is "confidence 3/5", or "" when none was given.
func confidenceText(c int) string {
	if c <= 0 {
		return ""
	}
	return fmt.Sprintf("confidence %d/%d", c, canvas.MaxConfidence)
}

// line is one person: marker, name, value and confidence, then the
// rationale, wrapped beside them.
func (l *reasonsList) line(r canvas.Reason) fyne.CanvasObject {
	d := float32(14)
	if l.big > 0 {
		d = l.big * 0.8
	}
	who := widget.NewLabelWithStyle(reasonName(r)+"  "+strconv.Itoa(r.Value), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	left := container.NewHBox(newMarkerIcon(r.Marker, d), who)
	if c := confidenceText(r.Confidence); c != "" {
		conf := widget.NewLabel(c)
		conf.Importance = widget.LowImportance
		left.Add(conf)
	}
	why := widget.NewLabel(r.Note)
	if r.Note == "" {
		why.SetText("no reason given")
		why.Importance = widget.LowImportance
		why.TextStyle.Italic = true
	}
	why.Wrapping = fyne.TextWrapWord
	return container.NewBorder(nil, nil, left, nil, why)
}

// markerIcon draws a participant's marker as the chart does, d pixels
// across.
type markerIcon struct {
	widget.BaseWidget
	m canvas.ParticipantMarker
	d float32
}

func newMarkerIcon(m canvas.ParticipantMarker, d float32) *markerIcon {
	w := &markerIcon{m: m, d: d}
	w.ExtendBaseWidget(w)
	return w
}

func (w *markerIcon) CreateRenderer() fyne.WidgetRenderer {
	p := painter{bg: color.Transparent}
	m := w.m
	side := w.d * 1.6
	m.At = canvas.Point{X: float64(side / 2), Y: float64(side / 2)}
	p.marker(m, w.d)
	return widget.NewSimpleRenderer(container.NewCenter(
		container.NewGridWrap(fyne.NewSize(side, side), container.NewWithoutLayout(p.objs...))))
}

// presentReasons is presentation mode's reasons panel: hidden until R,
// then under the dimension in large type.
type presentReasons struct {
	on     bool
	box    *fyne.Container
	list   *reasonsList
	empty  *widget.Label
	scroll *container.Scroll
	panel  fyne.CanvasObject
}

// presentReasonsSize is the reasons' type size on the projector: smaller
// than the figures, large enough to read from the back of a room.
const presentReasonsSize = 22

func newPresentReasons() *presentReasons {
	r := &presentReasons{list: newReasonsList(nil)}
	r.list.big = presentReasonsSize
	r.empty = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Italic: true})
	r.scroll = container.NewVScroll(container.NewVBox(r.empty, r.list.box))
	r.panel = container.NewThemeOverride(container.NewPadded(r.scroll), projectorTheme{size: presentReasonsSize})
	r.panel.Hide()
	return r
}

// around puts the panel under body: body keeps its height and the reasons
// take the rest of the screen, scrolling if a big room needs more.
func (r *presentReasons) around(body fyne.CanvasObject) fyne.CanvasObject {
	r.box = container.New(reasonsBelow{}, body, r.panel)
	return r.box
}

func (r *presentReasons) toggle() { r.on = !r.on }

// show fills the panel with dimension key, when R has turned it on.
func (r *presentReasons) show(s *canvas.Session, key string) {
	if !r.on {
		if r.panel.Visible() {
			r.panel.Hide()
			r.box.Refresh()
		}
		return
	}
	r.list.refresh(s, key)
	switch {
	case !s.PlacementsVisible():
		r.empty.SetText("Reasons show after the reveal.")
		r.empty.Show()
	case len(s.Reasons(key)) == 0:
		r.empty.SetText("Nobody placed a marker here.")
		r.empty.Show()
	default:
		r.empty.Hide()
	}
	r.panel.Show()
	r.box.Refresh()
	r.scroll.ScrollToTop()
}

// reasonsBelow lays out [body, panel]: with the panel hidden the body
// fills everything; with it shown the body gets its own height and the
// panel the rest.
type reasonsBelow struct{}

func (reasonsBelow) MinSize(objs []fyne.CanvasObject) fyne.Size {
	return objs[0].MinSize()
}

func (reasonsBelow) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	body, panel := objs[0], objs[1]
	body.Move(fyne.NewPos(0, 0))
	if !panel.Visible() {
		body.Resize(size)
		return
	}
	h := min(body.MinSize().Height, size.Height)
	body.Resize(fyne.NewSize(size.Width, h))
	panel.Move(fyne.NewPos(0, h))
	panel.Resize(fyne.NewSize(size.Width, size.Height-h))
}

// projectorTheme is the app's theme with larger text in the projector's
// colours, for the reasons panel.
type projectorTheme struct{ size float32 }

func (t projectorTheme) base() fyne.Theme { return fyne.CurrentApp().Settings().Theme() }

func (t projectorTheme) Color(n fyne.ThemeColorName, v fyne.ThemeVariant) color.Color {
	switch n {
	case theme.ColorNameForeground:
		return projector.fg
	case theme.ColorNamePlaceHolder, theme.ColorNameDisabled:
		return projector.muted
	case theme.ColorNameBackground:
		return projector.bg
	}
	return t.base().Color(n, v)
}

func (t projectorTheme) Font(s fyne.TextStyle) fyne.Resource     { return t.base().Font(s) }
func (t projectorTheme) Icon(n fyne.ThemeIconName) fyne.Resource { return t.base().Icon(n) }

func (t projectorTheme) Size(n fyne.ThemeSizeName) float32 {
	if n == theme.SizeNameText {
		return t.size
	}
	return t.base().Size(n)
}

// relayoutRows lays the rows out again after a row's reasons changed
// height.
func (e *editor) relayoutRows() {
	if e.scroll != nil {
		e.scroll.Refresh()
	}
}

// refreshReasons redraws every row's reasons, after a change of who is in
// the room (a rename, a new order) that leaves the placements alone.
func (e *editor) refreshReasons() {
	for _, r := range e.rows {
		r.reasons.refresh(e.s, r.dim.Key)
	}
}
