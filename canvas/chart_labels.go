package canvas

import "strconv"

// The chart's own texts are kinds and figures, not words: LayoutChart asks
// ChartOptions.Words for them, so the screen, the PDF and the PNG each
// speak their reader's language while canvas stays without any.

// LabelKind says what one text of the chart tells.
type LabelKind int

// The texts of the chart.
const (
	// LabelVerbatim is shown as it is: a figure, a participant's name, or a
	// dimension or group name the caller gave.
	LabelVerbatim LabelKind = iota
	// LabelIndex heads the index gauge; Value and Band are set.
	LabelIndex
	// LabelIndexNotSet heads the gauge while nothing is placed.
	LabelIndexNotSet
	// LabelPoleToC and LabelPoleToB name the gauge's ends.
	LabelPoleToC
	LabelPoleToB
	// LabelAxisToC and LabelAxisToB name the rows' ends, 0 and 100.
	LabelAxisToC
	LabelAxisToB
	// LabelLegend explains a marker; Legend is set.
	LabelLegend
)

// Label is what a chart text tells, for ChartWords to put into words.
type Label struct {
	Kind LabelKind
	// Value is the index, rounded (LabelIndex).
	Value int
	// Band is where the index sits (LabelIndex).
	Band Band
	// Legend is the marker explained (LabelLegend).
	Legend LegendKind
}

// ChartWords writes the chart's texts in the reader's language;
// assets/lang's *Words is one.
type ChartWords interface {
	ChartLabel(Label) string
}

// LegendKind is a kind of marker the chart draws, and so may explain. The
// values are stable keys.
type LegendKind string

// The marker kinds, in legend order. LegendEarlier and LegendMoved are a
// comparison's: the baseline's position, hollow, and the arrow from it to
// today's. LegendParticipant is a participant's marker: named by the
// participant in an open session, explained by its kind in an anonymous
// one.
const (
	LegendAgreed      LegendKind = "agreed"
	LegendMedian      LegendKind = "median"
	LegendTarget      LegendKind = "target"
	LegendEarlier     LegendKind = "earlier"
	LegendMoved       LegendKind = "moved"
	LegendParticipant LegendKind = "participant"
)

// LegendKinds lists every marker kind, in legend order.
func LegendKinds() []LegendKind {
	return []LegendKind{LegendAgreed, LegendMedian, LegendTarget, LegendEarlier, LegendMoved, LegendParticipant}
}

// LegendItem explains one kind of marker, with Marker set for
// LegendParticipant.
type LegendItem struct {
	Kind   LegendKind
	Marker ParticipantMarker
	Text   Text
}

// text lays out a label at a point, in the reader's words.
func (o ChartOptions) text(l Label, at Point, size float64) Text {
	return Text{At: at, Text: o.words(l), Label: l, Size: size}
}

// words is the label in the caller's words. Without ChartWords it is
// language-neutral: keys, figures and the terms ToC and ToB, which every
// language keeps.
func (o ChartOptions) words(l Label) string {
	if o.Words != nil {
		return o.Words.ChartLabel(l)
	}
	switch l.Kind {
	case LabelIndex:
		return strconv.Itoa(l.Value) + " · " + string(l.Band)
	case LabelIndexNotSet:
		return "–"
	case LabelPoleToC:
		return "ToC"
	case LabelPoleToB:
		return "ToB"
	case LabelAxisToC:
		return "ToC 0"
	case LabelAxisToB:
		return "100 ToB"
	case LabelLegend:
		return string(l.Legend)
	}
	return ""
}

// layoutLegend lays out, in lines from y, an item for each kind of marker
// the chart drew and no other, with text widths from opt.Measure, else
// estimated (items have slack for a painter that measures a little
// differently). It returns the y below it.
func (c *Chart) layoutLegend(s *Session, opt ChartOptions, y float64) float64 {
	const size = ChartSmallFont
	lineH := size + 7
	x := 0.0
	y += lineH / 2
	add := func(kind LegendKind, m ParticipantMarker, l Label, name string) {
		t := opt.text(l, Point{}, size)
		if l.Kind == LabelVerbatim {
			t.Text = name
		}
		tw := estimateWidth(t.Text, size)
		if opt.Measure != nil {
			tw = opt.Measure(t.Text, size)
		}
		w := 14 + tw + 14
		if x > 0 && x+w > c.Width {
			x, y = 0, y+lineH
		}
		m.At = Point{x + 5, y}
		t.At = Point{x + 14, y}
		c.Legend = append(c.Legend, LegendItem{Kind: kind, Marker: m, Text: t})
		x += w
	}
	for _, kind := range c.Drawn {
		switch {
		case kind != LegendParticipant:
			add(kind, ParticipantMarker{}, Label{Kind: LabelLegend, Legend: kind}, "")
		case s.Settings.Anonymous:
			add(kind, MarkerStyle(s, -1, Point{}), Label{Kind: LabelLegend, Legend: kind}, "")
		default:
			for i, p := range s.Participants {
				add(kind, MarkerStyle(s, i, Point{}), Label{}, p.Name)
			}
		}
	}
	if len(c.Legend) == 0 {
		return y - lineH/2
	}
	return y + lineH/2
}

// Draws reports whether the chart drew a marker of this kind.
func (c Chart) Draws(kind LegendKind) bool {
	for _, k := range c.Drawn {
		if k == kind {
			return true
		}
	}
	return false
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
