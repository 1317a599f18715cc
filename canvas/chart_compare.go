package canvas

import "math"

// The comparison chart is the profile chart of today's session with a
// baseline (ChartOptions.Baseline): on each row and on the index gauge,
// the earlier position as a hollow ring a little wider than today's dot,
// so it still shows around a position that did not move, and an arrow from
// it to today's. The baseline's positions are PositionOf's and its index
// Index's, the rule every screen uses, so hidden placements of a blind
// round never show there either.

// Sizes of the comparison's marks, in units.
const (
	// EarlierRingExtra is how much wider the earlier ring is than the
	// marker it surrounds.
	EarlierRingExtra = 4.0
	// chartMovedMin is the least distance between the earlier and today's
	// markers that leaves room for an arrow between them: the ring's and
	// the dot's radii and an arrow head.
	chartMovedMin = 16.0
)

// placeEarlier puts the baseline's position p on the row, and the arrow
// from it to today's position. A median shows only where the chart shows
// today's medians (ChartOptions.Participants), so both sides follow one
// rule.
func (row *ChartRow) placeEarlier(p DimensionPosition, medians bool, xAt func(float64) float64) {
	if p.Kind == PositionNone || (p.Kind == PositionProposed && !medians) {
		return
	}
	at := Point{xAt(p.Value), row.Axis.From.Y}
	row.Earlier = &at
	if row.Current != nil && math.Abs(row.Current.X-at.X) > chartMovedMin {
		row.Moved = &Line{From: at, To: *row.Current}
	}
}

// placeEarlier puts the baseline's index on the gauge, and the arrow from
// it to today's index.
func (ix *ChartIndex) placeEarlier(idx Index) {
	if !idx.Valid {
		return
	}
	x0, x1 := ix.Axis.From.X, ix.Axis.To.X
	at := Point{x0 + (x1-x0)*idx.Value/100, ix.Axis.From.Y}
	ix.Earlier = &at
	if ix.Marker != nil && math.Abs(ix.Marker.X-at.X) > chartMovedMin+chartIndexDot-chartMarkerSize {
		ix.Moved = &Line{From: at, To: *ix.Marker}
	}
}

// MoveStrokes is a row's move as painted: from the earlier ring's edge to
// just outside today's marker, a dot or the slightly wider diamond of a
// median.
func (c Chart) MoveStrokes(l Line) [3]Line {
	return MoveArrow(l, (c.MarkerSize+EarlierRingExtra)/2, c.MarkerSize*0.7)
}

// IndexMoveStrokes is the index gauge's move as painted.
func (c Chart) IndexMoveStrokes(l Line) [3]Line {
	return MoveArrow(l, (chartIndexDot+EarlierRingExtra)/2, chartIndexDot/2+1)
}

// MoveArrow is the arrow of a move as painted: its shaft from the edge of
// the earlier ring (startGap from its centre) to its tip, tipGap short of
// today's centre, and the head's two strokes back from the tip. Nothing of
// it enters either marker, hollow ones included.
func MoveArrow(l Line, startGap, tipGap float64) [3]Line {
	dir := 1.0
	if l.To.X < l.From.X {
		dir = -1
	}
	tip := Point{X: l.To.X - dir*tipGap, Y: l.To.Y}
	return [3]Line{
		{From: Point{X: l.From.X + dir*startGap, Y: l.From.Y}, To: tip},
		{From: tip, To: Point{X: tip.X - dir*5, Y: tip.Y - 4}},
		{From: tip, To: Point{X: tip.X - dir*5, Y: tip.Y + 4}},
	}
}
