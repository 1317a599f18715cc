package canvas

import (
	"math"
	"slices"
	"strconv"
)

// Chart geometry. The layout is computed here once, in abstract units, and
// painted twice: by the app with Fyne canvas objects (1 unit = 1 pixel) and
// by the PDF export with gofpdf vector primitives (1 unit = 1 point). Both
// pictures therefore always agree.

// Chart sizes, in units.
const (
	ChartFontSize    = 11.0
	ChartSmallFont   = 9.0
	ChartIndexFont   = 14.0
	chartPad         = 8.0
	chartIndexHeight = 58.0
	chartAxisHeight  = 18.0
	chartGroupHeight = 22.0
	chartRowHeight   = 24.0
	chartMarkerSize  = 10.0
	chartMinWidth    = 240.0
)

// ChartOptions choose what the chart shows.
type ChartOptions struct {
	// Width of the drawing area in units.
	Width float64
	// Participants draws each participant's marker where there are
	// placements. The caller turns it off before a blind round is revealed.
	Participants bool
	// RowHeight and GroupHeight override the default spacing, so paper can
	// use a tighter grid than a screen; zero keeps the defaults.
	RowHeight, GroupHeight float64
	// Only restricts the chart to these dimension keys (all when empty).
	Only []string
	// NoIndex leaves out the index gauge, as presentation mode does.
	NoIndex bool
	// DimensionName and GroupName put the reader's words on the rows and
	// group headings: canvas holds keys only. Without them the chart shows
	// the dimension's own name, else its key, and the group's key.
	DimensionName func(Dimension) string
	GroupName     func(key string) string
}

func (o ChartOptions) dimensionName(d Dimension) string {
	switch {
	case o.DimensionName != nil:
		return o.DimensionName(d)
	case d.Name != "":
		return d.Name
	}
	return d.Key
}

func (o ChartOptions) groupName(key string) string {
	if o.GroupName != nil {
		return o.GroupName(key)
	}
	return key
}

// LegendItem explains one kind of marker. Kind is LegendAgreed,
// LegendMedian, LegendTarget or LegendParticipant (with Marker set).
type LegendItem struct {
	Kind   string
	Marker ParticipantMarker
	Text   Text
}

// Legend kinds.
const (
	LegendAgreed      = "agreed"
	LegendMedian      = "median"
	LegendTarget      = "target"
	LegendParticipant = "participant"
)

// Point is a position in chart units, y growing downwards.
type Point struct{ X, Y float64 }

// Line is a straight segment.
type Line struct{ From, To Point }

// Text is a label anchored at its left edge and vertical centre.
type Text struct {
	At    Point
	Text  string
	Size  float64
	Bold  bool
	Align Align
}

// Align says which edge of a Text sits at its anchor.
type Align int

// Alignments of chart text.
const (
	AlignLeft Align = iota
	AlignCenter
	AlignRight
)

// ChartIndex is the ToB index gauge at the top of the chart.
type ChartIndex struct {
	Axis   Line
	Ticks  []Line
	Marker *Point // nil when the session has no index yet
	Label  Text   // "ToB index 67 · Leaning ToB"
	Poles  [2]Text
}

// ChartRow is one dimension's spectrum.
type ChartRow struct {
	Key      string
	Name     Text
	Axis     Line
	Midpoint Line
	// Current is the agreed position, or the placements' median as a
	// proposal when none is agreed; nil when the dimension has neither.
	Current *Point
	// Agreed is false when Current is only a proposal: painters draw it
	// as a hollow diamond, and Value says "median, not agreed".
	Agreed bool
	Target *Point
	// Arrow runs from Current to Target when both are set and differ.
	Arrow *Line
	// Spread spans the participants' min to max.
	Spread  *Line
	Markers []ParticipantMarker
	Value   Text
}

// ParticipantMarker is one participant's value on a row, drawn in the
// participant's colour and shape, or neutral when the session is anonymous.
type ParticipantMarker struct {
	At          Point
	Participant int // index in the session's participants
	Colour      RGB
	Shape       Shape
}

// Chart is the whole laid-out profile.
type Chart struct {
	Width, Height float64
	MarkerSize    float64
	Index         ChartIndex
	AxisLabels    [2]Text
	Groups        []Text
	Rows          []ChartRow
	Legend        []LegendItem
}

// XFor maps a 0-100 value onto a row's axis.
func (r ChartRow) XFor(v float64) float64 {
	return r.Axis.From.X + (r.Axis.To.X-r.Axis.From.X)*v/100
}

// LayoutChart computes the profile chart of a session.
func LayoutChart(s *Session, opt ChartOptions) Chart {
	w := math.Max(opt.Width, chartMinWidth)
	labelW := math.Min(210, w*0.36)
	x0 := labelW + chartPad
	x1 := w - 40 // room for the value text at the right
	xAt := func(v float64) float64 { return x0 + (x1-x0)*v/100 }

	rowH, groupH := chartRowHeight, chartGroupHeight
	if opt.RowHeight > 0 {
		rowH = opt.RowHeight
	}
	if opt.GroupHeight > 0 {
		groupH = opt.GroupHeight
	}
	c := Chart{Width: w, MarkerSize: chartMarkerSize}

	// Index gauge across the full width.
	y := chartPad + ChartIndexFont/2
	if opt.NoIndex {
		y = -1000 // laid out off the chart, and dropped below
	}
	// One pass over positions and placements feeds both the index and the
	// rows: this runs on every slider move.
	fig := s.figures()
	groups, posOf, stats := fig.groups, fig.pos, fig.stats
	idx := fig.index(s.PlacementsVisible())
	label := "ToB index: not set yet"
	if idx.Valid {
		label = "ToB index " + formatInt(idx.Value) + " · " + idx.Label()
	}
	c.Index.Label = Text{At: Point{w / 2, y}, Text: label, Size: ChartIndexFont, Bold: true, Align: AlignCenter}
	ay := y + 24
	gx0, gx1 := chartPad+28, w-chartPad-28
	c.Index.Axis = Line{Point{gx0, ay}, Point{gx1, ay}}
	for _, v := range []float64{0, 20, 40, 60, 80, 100} {
		x := gx0 + (gx1-gx0)*v/100
		c.Index.Ticks = append(c.Index.Ticks, Line{Point{x, ay - 4}, Point{x, ay + 4}})
	}
	if idx.Valid {
		c.Index.Marker = &Point{gx0 + (gx1-gx0)*idx.Value/100, ay}
	}
	c.Index.Poles = [2]Text{
		{At: Point{chartPad, ay}, Text: "ToC", Size: ChartSmallFont, Bold: true},
		{At: Point{w - chartPad, ay}, Text: "ToB", Size: ChartSmallFont, Bold: true, Align: AlignRight},
	}
	y = chartIndexHeight
	if opt.NoIndex {
		c.Index = ChartIndex{}
		y = 0
	}

	c.AxisLabels = [2]Text{
		{At: Point{x0, y + chartAxisHeight/2}, Text: "ToC 0", Size: ChartSmallFont},
		{At: Point{x1, y + chartAxisHeight/2}, Text: "100 ToB", Size: ChartSmallFont, Align: AlignRight},
	}
	y += chartAxisHeight

	pindex := make(map[string]int, len(s.Participants))
	for i, p := range s.Participants {
		pindex[p.ID] = i
	}
	visible := opt.Participants && s.PlacementsVisible()
	markers := make([]ParticipantMarker, 0, len(s.Placements))
	styles := make([]ParticipantMarker, len(s.Participants))
	for i := range styles {
		styles[i] = MarkerStyle(s, i, Point{})
	}
	c.Rows = make([]ChartRow, 0, len(s.Dimensions))

	lastGroup := ""
	for di, d := range s.Dimensions {
		if len(opt.Only) > 0 && !slices.Contains(opt.Only, d.Key) {
			continue
		}
		if d.Group != lastGroup {
			lastGroup = d.Group
			c.Groups = append(c.Groups, Text{At: Point{0, y + groupH/2 + 2}, Text: opt.groupName(d.Group), Size: ChartSmallFont, Bold: true})
			y += groupH
		}
		cy := y + rowH/2
		row := ChartRow{
			Key:      d.Key,
			Name:     Text{At: Point{0, cy}, Text: opt.dimensionName(d), Size: ChartFontSize},
			Axis:     Line{Point{x0, cy}, Point{x1, cy}},
			Midpoint: Line{Point{xAt(50), cy - 5}, Point{xAt(50), cy + 5}},
		}
		pos := posOf[di]
		var placed []int
		if visible {
			placed = groups.indexes[di]
		}
		start := len(markers)
		for _, k := range placed {
			p := &s.Placements[k]
			i := pindex[p.Participant]
			// Participants sit just above the axis, so the agreed marker on
			// the axis never hides them.
			m := ParticipantMarker{Participant: i, Colour: AnonymousColour, Shape: ShapeCircle}
			if i >= 0 && i < len(styles) {
				m = styles[i]
			}
			m.At = Point{xAt(float64(p.Value)), cy - rowH*0.3}
			markers = append(markers, m)
		}
		row.Markers = markers[start:len(markers):len(markers)]
		spreadMarkers(row.Markers)
		st := stats[di]
		if visible && st.Count > 1 && st.Spread() > 0 {
			row.Spread = &Line{Point{xAt(float64(st.Min)), cy - rowH*0.3}, Point{xAt(float64(st.Max)), cy - rowH*0.3}}
		}
		switch {
		case pos.Current != nil:
			row.Current = &Point{xAt(float64(*pos.Current)), cy}
			row.Agreed = true
			row.Value = Text{At: Point{w - chartPad, cy}, Text: formatInt(float64(*pos.Current)), Size: ChartFontSize, Bold: true, Align: AlignRight}
		case visible:
			if st.Count > 0 {
				v := st.Median
				row.Current = &Point{xAt(v), cy}
				row.Value = Text{At: Point{w - chartPad, cy}, Text: "~" + formatInt(v), Size: ChartFontSize, Align: AlignRight}
			} else {
				row.Value = Text{At: Point{w - chartPad, cy}, Text: "–", Size: ChartFontSize, Align: AlignRight}
			}
		default:
			row.Value = Text{At: Point{w - chartPad, cy}, Text: "–", Size: ChartFontSize, Align: AlignRight}
		}
		if pos.Target != nil {
			row.Target = &Point{xAt(float64(*pos.Target)), cy}
			if row.Current != nil && math.Abs(row.Target.X-row.Current.X) > chartMarkerSize/2 {
				row.Arrow = &Line{*row.Current, *row.Target}
			}
		}
		c.Rows = append(c.Rows, row)
		y += rowH
	}
	y = c.layoutLegend(s, visible, y+6)
	c.Height = y + chartPad
	return c
}

// layoutLegend lays the legend out in lines from y, estimating text widths
// (a painter may measure a little differently; items have slack). It
// returns the y below it.
func (c *Chart) layoutLegend(s *Session, visible bool, y float64) float64 {
	const size = ChartSmallFont
	lineH := size + 7
	x := 0.0
	y += lineH / 2
	add := func(kind string, m ParticipantMarker, label string) {
		w := 14 + estimateWidth(label, size) + 14
		if x > 0 && x+w > c.Width {
			x, y = 0, y+lineH
		}
		m.At = Point{x + 5, y}
		c.Legend = append(c.Legend, LegendItem{Kind: kind, Marker: m, Text: Text{At: Point{x + 14, y}, Text: label, Size: size}})
		x += w
	}
	add(LegendAgreed, ParticipantMarker{}, "agreed position")
	if visible && len(s.Placements) > 0 {
		add(LegendMedian, ParticipantMarker{}, "~ median, not agreed")
	}
	add(LegendTarget, ParticipantMarker{}, "target")
	if visible && len(s.Placements) > 0 {
		if s.Settings.Anonymous {
			add(LegendParticipant, MarkerStyle(s, -1, Point{}), "a participant (anonymous)")
		} else {
			for i, p := range s.Participants {
				add(LegendParticipant, MarkerStyle(s, i, Point{}), p.Name)
			}
		}
	}
	return y + lineH/2
}

// estimateWidth guesses a text's width without font metrics: wide for CJK
// characters, about half an em for others.
func estimateWidth(s string, size float64) float64 {
	w := 0.0
	for _, r := range s {
		if r >= 0x2E80 {
			w += size
		} else {
			w += size * 0.55
		}
	}
	return w
}

// spreadMarkers nudges participants who chose the same value apart
// vertically, so every marker stays visible.
func spreadMarkers(ms []ParticipantMarker) {
	var buf [32]int
	keys := buf[:0]
	for i := range ms {
		keys = append(keys, int(ms[i].At.X+0.5))
	}
	for i := range ms {
		n := 0 // markers before this one at the same spot
		for j := range i {
			if keys[j] == keys[i] {
				n++
			}
		}
		if n == 0 {
			continue
		}
		off := float64((n+1)/2) * 3.5
		if n%2 == 1 {
			off = -off
		}
		ms[i].At.Y += off
	}
}

func formatInt(v float64) string { return strconv.Itoa(int(math.Round(v))) }

// RGB is a colour shared by the screen and the PDF.
type RGB struct{ R, G, B uint8 }

// participantPalette is the Okabe-Ito palette, which stays distinguishable
// for the common forms of colour blindness.
var participantPalette = []RGB{
	{0xE6, 0x9F, 0x00}, {0x56, 0xB4, 0xE9}, {0x00, 0x9E, 0x73}, {0xD5, 0x5E, 0x00},
	{0x00, 0x72, 0xB2}, {0xCC, 0x79, 0xA7}, {0xF0, 0xE4, 0x42}, {0x55, 0x55, 0x55},
}

// ParticipantColour is the marker colour of the i-th participant.
func ParticipantColour(i int) RGB { return participantPalette[i%len(participantPalette)] }

// AnonymousColour is the one colour of every marker in an anonymous session.
var AnonymousColour = RGB{0x8a, 0x93, 0xa3}

// MarkerStyle is how participant i's marker looks at a point: their colour
// and shape, or a neutral circle when the session is anonymous.
func MarkerStyle(s *Session, i int, at Point) ParticipantMarker {
	m := ParticipantMarker{At: at, Participant: i, Colour: AnonymousColour, Shape: ShapeCircle}
	if !s.Settings.Anonymous && i >= 0 && i < len(s.Participants) {
		p := s.Participants[i]
		m.Colour = ParticipantColour(p.Colour)
		m.Shape = p.Shape
		if !ValidShape(m.Shape) {
			m.Shape = ShapeCircle
		}
	}
	return m
}

// ShapePoints returns the corners of a marker shape of radius r around c,
// or nil for a circle, so every painter draws the same shapes.
func ShapePoints(sh Shape, c Point, r float64) []Point {
	n, rot := 0, -90.0
	switch sh {
	case ShapeTriangle:
		n, r = 3, r*1.2
	case ShapeSquare:
		n, rot, r = 4, -45, r*1.15
	case ShapeDiamond:
		n, r = 4, r*1.25
	case ShapePentagon:
		n, r = 5, r*1.1
	case ShapeHexagon:
		n, rot, r = 6, 0, r*1.05
	default:
		return nil
	}
	pts := make([]Point, n)
	for i := range pts {
		a := (rot + float64(i)*360/float64(n)) * math.Pi / 180
		pts[i] = Point{c.X + r*math.Cos(a), c.Y + r*math.Sin(a)}
	}
	return pts
}
