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
	chartIndexDot    = 13.0
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
	// Words writes the chart's own texts (the index heading, the poles,
	// the legend) in the reader's language. Without it they are keys and
	// figures.
	Words ChartWords
	// Baseline makes the chart a comparison: where each dimension and the
	// index stood in this earlier session, as a hollow marker with an
	// arrow to today's (chart_compare.go). Targets are left out, so the
	// arrows on a row are only ever the moves since then.
	Baseline *Session
	// Measure gives a text's width in layout units at a layout size, as
	// the painter will draw it, so the legend's items never run into each
	// other. Without it the width is estimated (estimateWidth), which fits
	// a painter that draws text no larger than its layout size.
	Measure func(text string, size float64) float64
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

// Point is a position in chart units, y growing downwards.
type Point struct{ X, Y float64 }

// Line is a straight segment.
type Line struct{ From, To Point }

// Text is a label anchored at its left edge and vertical centre. Label
// says what it tells; Text is that in the reader's words.
type Text struct {
	At    Point
	Text  string
	Label Label
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
	Label  Text   // LabelIndex, or LabelIndexNotSet
	Poles  [2]Text
	// Earlier and Moved are the baseline's index and the arrow from it to
	// today's (ChartOptions.Baseline), as on a row.
	Earlier *Point
	Moved   *Line
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
	// Earlier is where the dimension stood in the baseline session (agreed,
	// else its visible median), drawn hollow; nil without a baseline or a
	// position there. Moved runs from Earlier to Current when both are set
	// and far enough apart for an arrow to show between the markers.
	Earlier *Point
	Moved   *Line
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
	// Drawn lists the kinds of marker the rows show, in legend order; the
	// legend explains these and no others.
	Drawn  []LegendKind
	Legend []LegendItem
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

	// One pass over positions and placements feeds both the index and the
	// rows: this runs on every slider move.
	fig := s.figures()
	groups, posOf, stats := fig.groups, fig.pos, fig.stats
	y := 0.0
	if !opt.NoIndex {
		c.layoutIndex(opt, fig.index(s.PlacementsVisible()))
		if opt.Baseline != nil {
			c.Index.placeEarlier(opt.Baseline.Index())
		}
		y = chartIndexHeight
	}

	c.AxisLabels = [2]Text{
		opt.text(Label{Kind: LabelAxisToC}, Point{x0, y + chartAxisHeight/2}, ChartSmallFont),
		opt.text(Label{Kind: LabelAxisToB}, Point{x1, y + chartAxisHeight/2}, ChartSmallFont),
	}
	c.AxisLabels[1].Align = AlignRight
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
		if opt.Baseline != nil {
			pos.Target = nil // a comparison's arrows are moves only
		}
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
		row.placePosition(pos, st, visible, xAt, w-chartPad)
		if opt.Baseline != nil {
			row.placeEarlier(opt.Baseline.PositionOf(d.Key), opt.Participants, xAt)
		}
		c.Rows = append(c.Rows, row)
		y += rowH
	}
	c.Drawn = drawnKinds(c.Rows, c.Index)
	y = c.layoutLegend(s, opt, y+6)
	c.Height = y + chartPad
	return c
}

// layoutIndex lays out the index gauge across the top of the chart.
func (c *Chart) layoutIndex(opt ChartOptions, idx Index) {
	w := c.Width
	y := chartPad + ChartIndexFont/2
	heading := Label{Kind: LabelIndexNotSet}
	if idx.Valid {
		heading = Label{Kind: LabelIndex, Value: RoundHalf(idx.Value), Band: idx.Band()}
	}
	c.Index.Label = opt.text(heading, Point{w / 2, y}, ChartIndexFont)
	c.Index.Label.Bold, c.Index.Label.Align = true, AlignCenter
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
		opt.text(Label{Kind: LabelPoleToC}, Point{chartPad, ay}, ChartSmallFont),
		opt.text(Label{Kind: LabelPoleToB}, Point{w - chartPad, ay}, ChartSmallFont),
	}
	c.Index.Poles[0].Bold, c.Index.Poles[1].Bold, c.Index.Poles[1].Align = true, true, AlignRight
}

// placePosition puts the row's current position (agreed, or the visible
// placements' median as a proposal), its target and its value text, right
// aligned at valueX.
func (row *ChartRow) placePosition(pos Position, st Stats, visible bool, xAt func(float64) float64, valueX float64) {
	cy := row.Axis.From.Y
	row.Value = Text{At: Point{valueX, cy}, Text: "–", Size: ChartFontSize, Align: AlignRight}
	switch {
	case pos.Current != nil:
		row.Current = &Point{xAt(float64(*pos.Current)), cy}
		row.Agreed = true
		row.Value.Text, row.Value.Bold = formatInt(float64(*pos.Current)), true
	case visible && st.Count > 0:
		row.Current = &Point{xAt(st.Median), cy}
		row.Value.Text = "~" + formatInt(st.Median)
	}
	if pos.Target != nil {
		row.Target = &Point{xAt(float64(*pos.Target)), cy}
		if row.Current != nil && math.Abs(row.Target.X-row.Current.X) > chartMarkerSize/2 {
			row.Arrow = &Line{*row.Current, *row.Target}
		}
	}
}

// drawnKinds lists the kinds of marker the rows show, in legend order.
func drawnKinds(rows []ChartRow, ix ChartIndex) []LegendKind {
	var agreed, median, target, participant bool
	earlier, moved := ix.Earlier != nil, ix.Moved != nil
	for i := range rows {
		r := &rows[i]
		agreed = agreed || (r.Current != nil && r.Agreed)
		median = median || (r.Current != nil && !r.Agreed)
		target = target || r.Target != nil
		participant = participant || len(r.Markers) > 0
		earlier = earlier || r.Earlier != nil
		moved = moved || r.Moved != nil
	}
	var out []LegendKind
	for _, k := range []struct {
		kind LegendKind
		on   bool
	}{{LegendAgreed, agreed}, {LegendMedian, median}, {LegendTarget, target},
		{LegendEarlier, earlier}, {LegendMoved, moved}, {LegendParticipant, participant}} {
		if k.on {
			out = append(out, k.kind)
		}
	}
	return out
}

func formatInt(v float64) string { return strconv.Itoa(int(math.Round(v))) }
