package main

import (
	"fmt"
	"html"
	"strings"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// chartSVG paints canvas.LayoutChart, the geometry the app and the PDF
// paint, as inline SVG at the PDF's scale (one unit a point).
func chartSVG(s *canvas.Session, w *lang.Words) string {
	l := canvas.LayoutChart(s, canvas.ChartOptions{
		Width: 515, Participants: true, RowHeight: 15, GroupHeight: 16,
		DimensionName: func(d canvas.Dimension) string { return w.DimensionOf(d).Name },
		GroupName:     w.Group, Words: w,
	})
	p := &svgPainter{}
	fmt.Fprintf(&p.b, `<svg xmlns="http://www.w3.org/2000/svg" width="%.0fpt" height="%.0fpt" viewBox="0 0 %.1f %.1f" font-family="R, C, S">`,
		l.Width, l.Height, l.Width, l.Height)
	l.Paint(p)
	p.b.WriteString(`</svg>`)
	return p.b.String()
}

type svgPainter struct{ b strings.Builder }

func ink(k canvas.Ink) string {
	switch k {
	case canvas.InkMuted:
		return "#6b7280"
	case canvas.InkRule:
		return "#c9ced6"
	case canvas.InkAccent:
		return "#1f5fbf"
	case canvas.InkSpread:
		return "#c6d7f0"
	}
	return "#1f2633"
}

func hex(c canvas.RGB) string { return fmt.Sprintf("#%02x%02x%02x", c.R, c.G, c.B) }

func (p *svgPainter) Line(l canvas.Line, k canvas.Ink, w float64) {
	fmt.Fprintf(&p.b, `<line x1="%.1f" y1="%.1f" x2="%.1f" y2="%.1f" stroke="%s" stroke-width="%.1f"/>`,
		l.From.X, l.From.Y, l.To.X, l.To.Y, ink(k), w*0.8)
}

func (p *svgPainter) Dot(at canvas.Point, d float64, k canvas.Ink) {
	fmt.Fprintf(&p.b, `<circle cx="%.1f" cy="%.1f" r="%.1f" fill="%s" stroke="#fff" stroke-width="0.8"/>`, at.X, at.Y, d*0.85/2, ink(k))
}

func (p *svgPainter) Ring(at canvas.Point, d float64, k canvas.Ink) {
	fmt.Fprintf(&p.b, `<circle cx="%.1f" cy="%.1f" r="%.1f" fill="none" stroke="%s" stroke-width="1.2"/>`, at.X, at.Y, d*0.85/2, ink(k))
}

func (p *svgPainter) Marker(m canvas.ParticipantMarker, d float64) {
	pts := canvas.ShapePoints(m.Shape, m.At, d*0.85/2)
	if pts == nil {
		fmt.Fprintf(&p.b, `<circle cx="%.1f" cy="%.1f" r="%.1f" fill="%s" stroke="#fff" stroke-width="0.6"/>`, m.At.X, m.At.Y, d*0.85/2, hex(m.Colour))
		return
	}
	var pp []string
	for _, pt := range pts {
		pp = append(pp, fmt.Sprintf("%.1f,%.1f", pt.X, pt.Y))
	}
	fmt.Fprintf(&p.b, `<polygon points="%s" fill="%s" stroke="#fff" stroke-width="0.6"/>`, strings.Join(pp, " "), hex(m.Colour))
}

func (p *svgPainter) Text(t canvas.Text, k canvas.Ink, _ float64) {
	if t.Text == "" {
		return
	}
	anchor := "start"
	switch t.Align {
	case canvas.AlignCenter:
		anchor = "middle"
	case canvas.AlignRight:
		anchor = "end"
	}
	weight := "normal"
	if t.Bold {
		weight = "bold"
	}
	fmt.Fprintf(&p.b, `<text x="%.1f" y="%.1f" dominant-baseline="central" text-anchor="%s" font-size="%.1f" font-weight="%s" fill="%s">%s</text>`,
		t.At.X, t.At.Y, anchor, t.Size*0.85, weight, ink(k), html.EscapeString(t.Text))
}
