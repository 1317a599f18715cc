package canvas

// Ink is the role a colour plays in the chart; each painter maps roles to
// its own palette (a theme on screen, print colours on paper).
type Ink int

// Chart inks.
const (
	InkText Ink = iota
	InkMuted
	InkRule
	InkAccent
	InkSpread
)

// Painter draws chart primitives, in chart units, on one medium.
type Painter interface {
	Line(l Line, ink Ink, width float64)
	// Dot is a filled circle with a thin edge in the background colour.
	Dot(at Point, diameter float64, fill Ink)
	Ring(at Point, diameter float64, ink Ink)
	// Marker draws a participant's marker in its own colour and shape.
	Marker(m ParticipantMarker, diameter float64)
	// Text draws t, shortened to maxWidth when that is positive.
	Text(t Text, ink Ink, maxWidth float64)
}

// Paint draws the chart with p. The drawing order and every size live here,
// so the screen, the PDF and the PNG differ only in their primitives.
func (c Chart) Paint(p Painter) {
	ix := c.Index
	p.Text(ix.Label, InkText, 0)
	p.Line(ix.Axis, InkRule, 3)
	for _, t := range ix.Ticks {
		p.Line(t, InkMuted, 0.8)
	}
	p.Text(ix.Poles[0], InkMuted, 0)
	p.Text(ix.Poles[1], InkMuted, 0)
	if ix.Earlier != nil {
		p.Ring(*ix.Earlier, chartIndexDot+EarlierRingExtra, InkMuted)
	}
	if ix.Moved != nil {
		paintStrokes(p, c.IndexMoveStrokes(*ix.Moved), InkMuted)
	}
	if ix.Marker != nil {
		p.Dot(*ix.Marker, chartIndexDot, InkAccent)
	}
	p.Text(c.AxisLabels[0], InkMuted, 0)
	p.Text(c.AxisLabels[1], InkMuted, 0)
	for _, g := range c.Groups {
		p.Text(g, InkAccent, 0)
	}
	for _, row := range c.Rows {
		p.Text(row.Name, InkText, row.Axis.From.X-6)
		p.Line(row.Axis, InkRule, 1.5)
		p.Line(row.Midpoint, InkRule, 0.8)
		if row.Spread != nil {
			p.Line(*row.Spread, InkSpread, 6)
		}
		for _, m := range row.Markers {
			p.Marker(m, c.MarkerSize*0.75)
		}
		if row.Earlier != nil {
			p.Ring(*row.Earlier, c.MarkerSize+EarlierRingExtra, InkMuted)
		}
		if row.Moved != nil {
			paintStrokes(p, c.MoveStrokes(*row.Moved), InkMuted)
		}
		if row.Arrow != nil {
			paintArrow(p, *row.Arrow)
		}
		if row.Target != nil {
			p.Ring(*row.Target, c.MarkerSize, InkAccent)
		}
		switch {
		case row.Current != nil && row.Agreed:
			p.Dot(*row.Current, c.MarkerSize, InkAccent)
		case row.Current != nil:
			paintProposal(p, *row.Current, c.MarkerSize)
		}
		p.Text(row.Value, InkText, 0)
	}
	for _, it := range c.Legend {
		switch it.Kind {
		case LegendAgreed:
			p.Dot(it.Marker.At, 8, InkAccent)
		case LegendMedian:
			paintProposal(p, it.Marker.At, 8)
		case LegendTarget:
			p.Ring(it.Marker.At, 8, InkAccent)
		case LegendEarlier:
			p.Ring(it.Marker.At, 8, InkMuted)
		case LegendMoved:
			at := it.Marker.At
			paintStrokes(p, MoveArrow(Line{From: Point{X: at.X - 6, Y: at.Y}, To: Point{X: at.X + 6, Y: at.Y}}, 0, 0), InkMuted)
		default:
			p.Marker(it.Marker, 8)
		}
		p.Text(it.Text, InkMuted, 0)
	}
}

// paintArrow draws a line from current to target with a head just short
// of the target ring.
func paintArrow(p Painter, l Line) {
	p.Line(l, InkAccent, 1.6)
	dir := 1.0
	if l.To.X < l.From.X {
		dir = -1
	}
	tip := Point{X: l.To.X - dir*6, Y: l.To.Y}
	p.Line(Line{From: tip, To: Point{X: tip.X - dir*5, Y: tip.Y - 4}}, InkAccent, 1.6)
	p.Line(Line{From: tip, To: Point{X: tip.X - dir*5, Y: tip.Y + 4}}, InkAccent, 1.6)
}

// paintStrokes draws an arrow as MoveArrow lays it out.
func paintStrokes(p Painter, strokes [3]Line, ink Ink) {
	for _, s := range strokes {
		p.Line(s, ink, 1.6)
	}
}

// paintProposal draws the median that nobody has agreed yet as a hollow
// diamond, so it never looks like the agreed dot.
func paintProposal(p Painter, at Point, size float64) {
	for _, l := range ProposalOutline(at, size) {
		p.Line(l, InkAccent, 1.6)
	}
}

// ProposalOutline is the hollow diamond of a proposal of the given size
// around at: four edges, corner to corner.
func ProposalOutline(at Point, size float64) []Line {
	pts := ShapePoints(ShapeDiamond, at, size/2)
	out := make([]Line, len(pts))
	for i := range pts {
		out[i] = Line{From: pts[i], To: pts[(i+1)%len(pts)]}
	}
	return out
}
