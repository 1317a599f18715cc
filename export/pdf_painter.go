package export

import (
	"github.com/jung-kurt/gofpdf"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// pdfPainter paints canvas.LayoutChart's geometry with gofpdf, as the
// screen and the PNG paint the same geometry.
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
