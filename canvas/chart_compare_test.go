package canvas_test

import (
	"math"
	"slices"
	"testing"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// inkRecorder is a Painter that keeps its rings and lines with their ink.
type inkRecorder struct {
	rings []inked
	lines []inkedLine
	dots  []canvas.Point
}

type inked struct {
	at       canvas.Point
	diameter float64
	ink      canvas.Ink
}

type inkedLine struct {
	l   canvas.Line
	ink canvas.Ink
}

func (r *inkRecorder) Line(l canvas.Line, k canvas.Ink, _ float64) {
	r.lines = append(r.lines, inkedLine{l, k})
}
func (r *inkRecorder) Dot(at canvas.Point, _ float64, _ canvas.Ink) { r.dots = append(r.dots, at) }
func (r *inkRecorder) Ring(at canvas.Point, d float64, k canvas.Ink) {
	r.rings = append(r.rings, inked{at, d, k})
}
func (r *inkRecorder) Marker(canvas.ParticipantMarker, float64) {}
func (r *inkRecorder) Text(canvas.Text, canvas.Ink, float64)    {}
func (r *inkRecorder) ring(at canvas.Point, k canvas.Ink) *inked {
	for i := range r.rings {
		if r.rings[i].at == at && r.rings[i].ink == k {
			return &r.rings[i]
		}
	}
	return nil
}
func (r *inkRecorder) line(l canvas.Line, k canvas.Ink) bool {
	return slices.Contains(r.lines, inkedLine{l, k})
}

func rowsByKey(c canvas.Chart) map[string]canvas.ChartRow {
	m := map[string]canvas.ChartRow{}
	for _, r := range c.Rows {
		m[r.Key] = r
	}
	return m
}

// TestComparisonChartGeometry lays Q3 out with Q1 as its baseline (the
// figures of TestCompareByHand): each row shows where it stood then, an
// arrow runs from there to today's position, and the index gauge does the
// same from 50 to 58.9. A row without an earlier position (value: nothing
// then; revenue-source: added) has no ring; today's targets are left out.
func TestComparisonChartGeometry(t *testing.T) {
	q1, q3 := importCompareFixture(t, "q1.json"), importCompareFixture(t, "q3.json")
	if err := q3.SetTarget("customer", ptr(95)); err != nil {
		t.Fatal(err)
	}
	c := canvas.LayoutChart(q3, canvas.ChartOptions{Width: 600, Baseline: q1, Participants: true})
	rows := rowsByKey(c)
	moves := map[string][2]float64{
		"customer":        {70, 80},
		"decision-makers": {50, 69}, // then only the median, still a position
		"decision-cycle":  {30, 22.5},
		"acquisition":     {60, 50},
	}
	for key, m := range moves {
		r := rows[key]
		then := canvas.Point{X: r.XFor(m[0]), Y: r.Axis.From.Y}
		now := canvas.Point{X: r.XFor(m[1]), Y: r.Axis.From.Y}
		if r.Earlier == nil || *r.Earlier != then {
			t.Errorf("%s: earlier %v, want %v (%v)", key, r.Earlier, then, m[0])
		}
		if r.Current == nil || *r.Current != now {
			t.Errorf("%s: current %v, want %v (%v)", key, r.Current, now, m[1])
		}
		if r.Moved == nil || *r.Moved != (canvas.Line{From: then, To: now}) {
			t.Errorf("%s: moved %v, want an arrow from %v to %v", key, r.Moved, then, now)
		}
	}
	for _, key := range []string{"value", "revenue-source"} {
		if r := rows[key]; r.Earlier != nil || r.Moved != nil || r.Current == nil {
			t.Errorf("%s: earlier %v moved %v current %v, want today's position alone", key, r.Earlier, r.Moved, r.Current)
		}
	}
	if r := rows["customer"]; r.Target != nil || r.Arrow != nil {
		t.Errorf("customer: target %v arrow %v in a comparison, want none", r.Target, r.Arrow)
	}
	if len(c.Rows) != len(q3.Dimensions) {
		t.Errorf("%d rows, want today's %d dimensions", len(c.Rows), len(q3.Dimensions))
	}

	ix := c.Index
	gauge := func(v float64) canvas.Point {
		return canvas.Point{X: ix.Axis.From.X + (ix.Axis.To.X-ix.Axis.From.X)*v/100, Y: ix.Axis.From.Y}
	}
	if ix.Earlier == nil || !closeTo(*ix.Earlier, gauge(50)) {
		t.Errorf("index earlier %v, want %v (50)", ix.Earlier, gauge(50))
	}
	if ix.Marker == nil || !closeTo(*ix.Marker, gauge(353.5/6)) {
		t.Errorf("index marker %v, want %v (58.9)", ix.Marker, gauge(353.5/6))
	}
	if ix.Moved == nil || ix.Moved.From != *ix.Earlier || ix.Moved.To != *ix.Marker {
		t.Errorf("index moved %v, want earlier → today", ix.Moved)
	}

	for _, k := range []canvas.LegendKind{canvas.LegendEarlier, canvas.LegendMoved} {
		if !c.Draws(k) || !slices.Contains(legendKinds(c), k) {
			t.Errorf("the legend does not explain %q: drawn %q", k, c.Drawn)
		}
	}
	if c.Draws(canvas.LegendTarget) {
		t.Error("the legend explains a target the comparison does not draw")
	}

	// What the painters are told: a muted ring, wider than today's dot, at
	// every earlier position, and the arrow MoveArrow lays out.
	var p inkRecorder
	c.Paint(&p)
	for key := range moves {
		r := rows[key]
		ring := p.ring(*r.Earlier, canvas.InkMuted)
		if ring == nil || ring.diameter <= c.MarkerSize {
			t.Errorf("%s: earlier ring painted %+v, want a muted ring wider than %v", key, ring, c.MarkerSize)
			continue
		}
		strokes := c.MoveStrokes(*r.Moved)
		if strokes[0].From.X != r.Earlier.X+math.Copysign(ring.diameter/2, r.Current.X-r.Earlier.X) {
			t.Errorf("%s: the arrow starts at %v, not at the ring's edge", key, strokes[0].From)
		}
		for i, l := range strokes {
			if !p.line(l, canvas.InkMuted) {
				t.Errorf("%s: stroke %d of the arrow %v was not painted", key, i, l)
			}
		}
		if r.Agreed != slices.Contains(p.dots, *r.Current) {
			t.Errorf("%s: today's position (agreed %v) painted as a dot %v", key, r.Agreed, !r.Agreed)
		}
	}
	if p.ring(*ix.Earlier, canvas.InkMuted) == nil {
		t.Error("the earlier index is not painted")
	}
	for i, l := range c.IndexMoveStrokes(*ix.Moved) {
		if !p.line(l, canvas.InkMuted) {
			t.Errorf("stroke %d of the index's arrow %v was not painted", i, l)
		}
	}
}

// Without a baseline the chart is the profile as before: no ring, no move,
// no legend for them.
func TestChartWithoutBaselineHasNoMoves(t *testing.T) {
	q3 := importCompareFixture(t, "q3.json")
	c := canvas.LayoutChart(q3, canvas.ChartOptions{Width: 600})
	for _, r := range c.Rows {
		if r.Earlier != nil || r.Moved != nil {
			t.Errorf("%s: earlier %v moved %v without a baseline", r.Key, r.Earlier, r.Moved)
		}
	}
	if c.Index.Earlier != nil || c.Index.Moved != nil || c.Draws(canvas.LegendEarlier) || c.Draws(canvas.LegendMoved) {
		t.Errorf("index earlier %v moved %v, drawn %q without a baseline", c.Index.Earlier, c.Index.Moved, c.Drawn)
	}
}

// A move too small to leave room for an arrow keeps the ring, which shows
// around today's dot, and draws no arrow; a baseline in an unrevealed blind
// round shows no position from its hidden placements.
func TestComparisonSmallMovesAndHiddenBaseline(t *testing.T) {
	q1, q3 := importCompareFixture(t, "q1.json"), importCompareFixture(t, "q3.json")
	if err := q3.SetCurrent("customer", 71); err != nil {
		t.Fatal(err)
	}
	q1.Round = &canvas.Round{Mode: canvas.RoundBlind, Dimensions: []string{"decision-makers"}, Order: []string{"ana", "li", "sam"}}
	c := canvas.LayoutChart(q3, canvas.ChartOptions{Width: 600, Baseline: q1, NoIndex: true, Participants: true})
	rows := rowsByKey(c)
	if r := rows["customer"]; r.Earlier == nil || r.Moved != nil {
		t.Errorf("customer 70 → 71: earlier %v moved %v, want the ring and no arrow", r.Earlier, r.Moved)
	}
	if r := rows["decision-makers"]; r.Earlier != nil {
		t.Errorf("decision-makers: earlier %v from placements hidden in a blind round", r.Earlier)
	}
	if r := rows["acquisition"]; r.Moved == nil {
		t.Error("acquisition 60 → 50 lost its arrow")
	}
	if c.Index.Earlier != nil {
		t.Errorf("index earlier %v with NoIndex", c.Index.Earlier)
	}
	// Without participants the chart shows no median today, and so none
	// then: Q1's decision-makers (a median) has no ring, Q1's agreed
	// customer keeps its.
	q1.Round = nil
	c = canvas.LayoutChart(q3, canvas.ChartOptions{Width: 600, Baseline: q1})
	rows = rowsByKey(c)
	if r := rows["decision-makers"]; r.Earlier != nil {
		t.Errorf("decision-makers: earlier median %v on a chart that shows no median", r.Earlier)
	}
	if r := rows["customer"]; r.Earlier == nil {
		t.Error("customer: the earlier agreed position is missing")
	}
}

// MoveArrow's head points at today's marker, whichever way the move goes,
// and stops short of it; the shaft starts at the ring's edge.
func TestMoveArrowPointsAtToday(t *testing.T) {
	for _, l := range []canvas.Line{
		{From: canvas.Point{X: 100, Y: 50}, To: canvas.Point{X: 200, Y: 50}},
		{From: canvas.Point{X: 200, Y: 50}, To: canvas.Point{X: 100, Y: 50}},
	} {
		a := canvas.MoveArrow(l, 7, 6)
		dir := math.Copysign(1, l.To.X-l.From.X)
		if a[0].From.X != l.From.X+dir*7 || a[0].To.X != l.To.X-dir*6 {
			t.Errorf("shaft %v for %v", a[0], l)
		}
		for _, h := range a[1:] {
			if h.From.X != l.To.X-dir*6 || (h.To.X-h.From.X)*dir >= 0 {
				t.Errorf("head stroke %v does not point at %v", h, l.To)
			}
		}
	}
}

func closeTo(a, b canvas.Point) bool { return math.Abs(a.X-b.X) < 1e-9 && math.Abs(a.Y-b.Y) < 1e-9 }
