package app

import (
	"image/color"
	"slices"
	"strconv"

	"fyne.io/fyne/v2"
	fynecanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/layout"
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
	u   *UI
	box *fyne.Container
	// big is presentation mode's type size; zero is the theme's.
	big float32
	// shown is what the lines show, so an unrelated change redraws nothing.
	shown []canvas.Reason
	// resized, when set, lays out what holds the list after its height
	// changed: Fyne does not pass a child's new size up by itself.
	resized func()
}

func newReasonsList(u *UI, resized func()) *reasonsList {
	l := &reasonsList{u: u, box: container.NewVBox(), resized: resized}
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
	// Every line's rationale starts at the same x, after the widest
	// person, so the reasons read as a column. The lines go in at once,
	// laid out by the refresh below (Add lays the box out per line).
	cols := &reasonColumns{}
	lines := make([]fyne.CanvasObject, 0, len(rs))
	for _, r := range rs {
		lines = append(lines, l.line(r, cols))
	}
	l.box.Objects = lines
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
func (u *UI) reasonName(r canvas.Reason) string {
	if r.Name == "" {
		return u.T("app.reasons.participant", r.Number)
	}
	return r.Name
}

// confidenceText is "confidence 3/5", or "" when none was given.
func (u *UI) confidenceText(c int) string {
	if c <= 0 {
		return ""
	}
	return u.T("app.reasons.confidence", c, canvas.MaxConfidence)
}

// line is one person: marker, name, value and confidence, then the
// rationale, wrapped beside them.
func (l *reasonsList) line(r canvas.Reason, cols *reasonColumns) fyne.CanvasObject {
	d := float32(14)
	if l.big > 0 {
		d = l.big
	}
	who := widget.NewLabelWithStyle(l.u.reasonName(r)+"  "+strconv.Itoa(r.Value), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	icon := newMarkerIcon(r.Marker, d)
	var left fyne.CanvasObject = container.NewHBox(icon, who)
	if c := l.u.confidenceText(r.Confidence); c != "" {
		// The confidence goes in small type under the name, tight to it,
		// so the person's column stays narrow and a line stays short.
		conf := fynecanvas.NewText(c, theme.Color(theme.ColorNameForeground))
		conf.TextSize = theme.CaptionTextSize()
		if l.big > 0 {
			conf.Color, conf.TextSize = projector.muted, l.big*0.75
		}
		inset := icon.MinSize().Width + theme.Padding() + theme.InnerPadding()
		left = container.New(layout.NewCustomPaddedVBoxLayout(-theme.InnerPadding()/2), left,
			container.NewBorder(nil, nil, spacerOf(inset), nil, conf))
	}
	why := widget.NewLabel(r.Note)
	if r.Note == "" {
		why.SetText(l.u.T("app.reasons.none"))
		why.Importance = widget.LowImportance
		why.TextStyle.Italic = true
	}
	why.Wrapping = fyne.TextWrapWord
	cols.lefts = append(cols.lefts, left)
	return container.New(cols, left, why)
}

// spacerOf is an empty object w pixels wide.
func spacerOf(w float32) fyne.CanvasObject {
	r := fynecanvas.NewRectangle(color.Transparent)
	r.SetMinSize(fyne.NewSize(w, 0))
	return r
}

// reasonColumns lays out [person, rationale] with the person's column as
// wide as the widest person of the list. The widths are measured when laid
// out, so a theme that enlarges the text (the projector's) is counted.
type reasonColumns struct{ lefts []fyne.CanvasObject }

func (c *reasonColumns) leftW() float32 {
	w := float32(0)
	for _, o := range c.lefts {
		w = max(w, o.MinSize().Width)
	}
	return w
}

func (c *reasonColumns) MinSize(objs []fyne.CanvasObject) fyne.Size {
	l, r := objs[0].MinSize(), objs[1].MinSize()
	return fyne.NewSize(c.leftW()+theme.Padding()+r.Width, max(l.Height, r.Height))
}

func (c *reasonColumns) Layout(objs []fyne.CanvasObject, size fyne.Size) {
	lw := c.leftW()
	objs[0].Move(fyne.NewPos(0, 0))
	objs[0].Resize(fyne.NewSize(lw, objs[0].MinSize().Height))
	x := lw + theme.Padding()
	objs[1].Move(fyne.NewPos(x, 0))
	objs[1].Resize(fyne.NewSize(size.Width-x, size.Height))
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
	on bool
	// chartScale is the chart's scale before R made it smaller.
	chartScale float32
	box        *fyne.Container
	list       *reasonsList
	empty      *widget.Label
	scroll     *container.Scroll
	panel      fyne.CanvasObject
}

// presentReasonsSize is the reasons' type size on the projector: smaller
// than the figures, large enough to read from the back of a room.
const presentReasonsSize = 22

func newPresentReasons(u *UI) *presentReasons {
	r := &presentReasons{list: newReasonsList(u, nil)}
	r.list.big = presentReasonsSize
	r.empty = widget.NewLabelWithStyle("", fyne.TextAlignCenter, fyne.TextStyle{Italic: true})
	r.scroll = container.NewVScroll(container.NewVBox(r.empty, r.list.box))
	r.panel = container.NewThemeOverride(container.NewPadded(r.scroll), projectorTheme{text: presentReasonsSize})
	r.panel.Hide()
	return r
}

// around puts the panel under body: body keeps its height and the reasons
// take the rest of the screen, scrolling if a big room needs more.
func (r *presentReasons) around(body fyne.CanvasObject) fyne.CanvasObject {
	r.box = container.New(reasonsBelow{}, body, r.panel)
	return r.box
}

// presentChartScale is the projected chart's scale while the reasons
// show: smaller, so the people's lines get the room. Their markers stand
// beside their names, so the legend loses nothing.
const presentChartScale = 1.4

// toggleReasons shows or hides the reasons of the projected dimension (R).
func (p *presenter) toggleReasons() {
	r := p.reasons
	r.on = !r.on
	if r.on {
		r.chartScale = p.chart.scale
		p.chart.scale = min(p.chart.scale, presentChartScale)
		p.question.Hide()
	} else {
		p.chart.scale = r.chartScale
		p.question.Show()
	}
	p.show()
}

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
		r.empty.SetText(r.list.u.T("app.reasons.after-reveal"))
		r.empty.Show()
	case len(s.Reasons(key)) == 0:
		r.empty.SetText(r.list.u.T("app.reasons.nobody"))
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
