package app

import (
	"image/color"

	"fyne.io/fyne/v2"
	fynecanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// chartView paints canvas.LayoutChart with Fyne canvas objects. It holds no
// geometry of its own: the PDF paints the same layout.
type chartView struct {
	widget.BaseWidget
	ui           *UI
	session      func() *canvas.Session
	participants bool
	// opts adjusts the layout (presentation mode shows one dimension).
	opts func(canvas.ChartOptions) canvas.ChartOptions
	// scale enlarges the drawing, for the projector.
	scale float32
	// colours, when set, replace the theme's (presentation mode is high
	// contrast whatever the theme).
	colours *painterColours
}

// painterColours are the colours a chart is drawn in.
type painterColours struct {
	fg, muted, line, primary, bg color.Color
}

func newChartView(u *UI, session func() *canvas.Session) *chartView {
	c := &chartView{ui: u, session: session, participants: true, scale: 1}
	c.ExtendBaseWidget(c)
	return c
}

func (c *chartView) CreateRenderer() fyne.WidgetRenderer {
	return &chartRenderer{chart: c}
}

type chartRenderer struct {
	chart   *chartView
	size    fyne.Size
	objects []fyne.CanvasObject
	layout  canvas.Chart
}

func (r *chartRenderer) Destroy() {}

func (r *chartRenderer) Objects() []fyne.CanvasObject { return r.objects }

func (r *chartRenderer) options(width float32) canvas.ChartOptions {
	o := r.chart.ui.chartLabels(canvas.ChartOptions{Width: float64(width / r.chart.scale), Participants: r.chart.participants,
		Measure: measureChartText})
	if r.chart.opts != nil {
		o = r.chart.opts(o)
	}
	return o
}

func (r *chartRenderer) MinSize() fyne.Size {
	l := canvas.LayoutChart(r.chart.session(), r.options(360*r.chart.scale))
	return fyne.NewSize(360, float32(l.Height)*r.chart.scale)
}

func (r *chartRenderer) Layout(size fyne.Size) {
	r.size = size
	r.paint()
}

func (r *chartRenderer) Refresh() {
	r.paint()
	fynecanvas.Refresh(r.chart)
}

func (r *chartRenderer) paint() {
	if r.size.Width <= 0 {
		return
	}
	l := canvas.LayoutChart(r.chart.session(), r.options(r.size.Width))
	r.layout = l
	cols := painterColours{
		fg:      theme.Color(theme.ColorNameForeground),
		muted:   theme.Color(theme.ColorNamePlaceHolder),
		line:    theme.Color(theme.ColorNameInputBorder),
		primary: theme.Color(theme.ColorNamePrimary),
		bg:      theme.Color(theme.ColorNameBackground),
	}
	if r.chart.colours != nil {
		cols = *r.chart.colours
	}
	p := painter{
		fg: cols.fg, muted: cols.muted, line: cols.line, primary: cols.primary, bg: cols.bg,
		scale: r.chart.scale,
		objs:  r.objects[:0],
	}
	l.Paint(&p)
	r.objects = p.objs
}

// painter turns layout units into Fyne objects, scale pixels per unit
// (one, except on the projector).
type painter struct {
	fg, muted, line, primary, bg color.Color
	scale                        float32
	objs                         []fyne.CanvasObject
}

func (p *painter) k() float32 {
	if p.scale <= 0 {
		return 1
	}
	return p.scale
}

// The canvas.Painter methods map chart inks onto the theme's colours.

func (p *painter) ink(k canvas.Ink) color.Color {
	switch k {
	case canvas.InkMuted:
		return p.muted
	case canvas.InkRule:
		return p.line
	case canvas.InkAccent:
		return p.primary
	case canvas.InkSpread:
		return withAlpha(p.primary, 0x50)
	}
	return p.fg
}

func (p *painter) Line(l canvas.Line, k canvas.Ink, w float64) { p.stroke(l, p.ink(k), float32(w)) }

func (p *painter) Dot(at canvas.Point, d float64, k canvas.Ink) {
	p.dot(at, p.atLeast(d), p.ink(k), p.bg)
}

func (p *painter) Ring(at canvas.Point, d float64, k canvas.Ink) {
	p.circle(at, p.atLeast(d), color.Transparent, p.ink(k), 2)
}

// minMarkerPx is the smallest marker on screen: below 10 px the eye no
// longer tells the shapes apart. The layout spaces markers that share a
// value by its marker size, which is no smaller.
const minMarkerPx = 10

// atLeast is a marker's diameter in layout units, raised to minMarkerPx.
func (p *painter) atLeast(d float64) float32 { return max(float32(d), minMarkerPx/p.k()) }

func (p *painter) Marker(m canvas.ParticipantMarker, d float64) { p.marker(m, p.atLeast(d)) }

func (p *painter) Text(t canvas.Text, k canvas.Ink, _ float64) { p.text(t, p.ink(k)) }

func (p *painter) stroke(l canvas.Line, c color.Color, width float32) {
	ln := fynecanvas.NewLine(c)
	ln.StrokeWidth = width * p.k()
	ln.Position1 = p.pos(l.From)
	ln.Position2 = p.pos(l.To)
	p.objs = append(p.objs, ln)
}

func (p *painter) dot(at canvas.Point, d float32, fill, edge color.Color) {
	p.circle(at, d, fill, edge, 1.5)
}

func (p *painter) circle(at canvas.Point, d float32, fill, edge color.Color, stroke float32) {
	c := fynecanvas.NewCircle(fill)
	c.StrokeColor = edge
	c.StrokeWidth = stroke * p.k()
	d *= p.k()
	c.Resize(fyne.NewSize(d, d))
	c.Move(p.pos(at).SubtractXY(d/2, d/2))
	p.objs = append(p.objs, c)
}

// marker draws a participant's marker in their colour and shape.
func (p *painter) marker(m canvas.ParticipantMarker, d float32) {
	fill := color.NRGBA{m.Colour.R, m.Colour.G, m.Colour.B, 0xff}
	sides, angle := shapeSides(m.Shape)
	if sides == 0 {
		p.dot(m.At, d, fill, p.bg)
		return
	}
	poly := &fynecanvas.Polygon{FillColor: fill, StrokeColor: p.bg, StrokeWidth: p.k(), Sides: sides, Angle: angle}
	d *= 1.25 * p.k()
	poly.Resize(fyne.NewSize(d, d))
	poly.Move(p.pos(m.At).SubtractXY(d/2, d/2))
	p.objs = append(p.objs, poly)
}

// shapeSides maps a marker shape onto Fyne's regular polygon.
func shapeSides(sh canvas.Shape) (uint, float32) {
	switch sh {
	case canvas.ShapeTriangle:
		return 3, 0
	case canvas.ShapeSquare:
		return 4, 45
	case canvas.ShapeDiamond:
		return 4, 0
	case canvas.ShapePentagon:
		return 5, 0
	case canvas.ShapeHexagon:
		return 6, 30
	}
	return 0, 0
}

// chartTextScale is how much larger than its layout size the screen draws
// a chart text, so it reads at the same weight as the widgets around it.
const chartTextScale = 1.2

// measureChartText is a chart text's width in layout units as the painter
// draws it: a Chinese legend estimated at one em a character ran into its
// neighbours at 1.2 em.
func measureChartText(text string, size float64) float64 {
	return float64(fyne.MeasureText(text, float32(size*chartTextScale), fyne.TextStyle{}).Width)
}

func (p *painter) text(t canvas.Text, c color.Color) {
	if t.Text == "" {
		return
	}
	tx := fynecanvas.NewText(t.Text, c)
	// Layout units are pixels; text is a little larger than its nominal
	// point size (chartTextScale).
	tx.TextSize = float32(t.Size) * chartTextScale * p.k()
	tx.TextStyle.Bold = t.Bold
	sz := tx.MinSize()
	at := p.pos(t.At)
	x := at.X
	switch t.Align {
	case canvas.AlignCenter:
		x -= sz.Width / 2
	case canvas.AlignRight:
		x -= sz.Width
	}
	tx.Move(fyne.NewPos(x, at.Y-sz.Height/2))
	tx.Resize(sz)
	p.objs = append(p.objs, tx)
}

func (p *painter) pos(pt canvas.Point) fyne.Position {
	return fyne.NewPos(float32(pt.X)*p.k(), float32(pt.Y)*p.k())
}

func withAlpha(c color.Color, a uint8) color.Color {
	r, g, b, _ := c.RGBA()
	return color.NRGBA{uint8(r >> 8), uint8(g >> 8), uint8(b >> 8), a}
}
