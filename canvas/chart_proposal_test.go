package canvas_test

import (
	"math"
	"slices"
	"testing"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// recorder is a Painter that keeps what it was asked to draw.
type recorder struct {
	lines []canvas.Line
	dots  []canvas.Point
	texts []string
}

func (r *recorder) Line(l canvas.Line, _ canvas.Ink, _ float64)  { r.lines = append(r.lines, l) }
func (r *recorder) Dot(at canvas.Point, _ float64, _ canvas.Ink) { r.dots = append(r.dots, at) }
func (r *recorder) Ring(canvas.Point, float64, canvas.Ink)       {}
func (r *recorder) Marker(canvas.ParticipantMarker, float64)     {}
func (r *recorder) Text(t canvas.Text, _ canvas.Ink, _ float64)  { r.texts = append(r.texts, t.Text) }
func (r *recorder) hasDotAt(p canvas.Point) bool                 { return r.indexDot(p) >= 0 }
func (r *recorder) indexDot(p canvas.Point) int {
	for i, d := range r.dots {
		if math.Abs(d.X-p.X) < 0.01 && math.Abs(d.Y-p.Y) < 0.01 {
			return i
		}
	}
	return -1
}

// The chart lays the median out as a proposal, not agreed, and every
// painter draws it as a hollow diamond around it, never the agreed dot.
func TestChartProposalMarker(t *testing.T) {
	o := revealedOwner(t)
	if err := o.Apply(canvas.SetCurrent{Dimension: "customer", Value: ptr(35)}); err != nil {
		t.Fatal(err)
	}
	s := o.Snapshot()
	c := canvas.LayoutChart(s, canvas.ChartOptions{Width: 600, Participants: true})
	rows := map[string]canvas.ChartRow{}
	for _, r := range c.Rows {
		rows[r.Key] = r
	}
	agreed, proposed, none := rows["customer"], rows["value"], rows["acquisition"]
	if agreed.Current == nil || !agreed.Agreed || agreed.Current.X != agreed.XFor(35) {
		t.Errorf("customer row: Current %v Agreed %v, want agreed at 35", agreed.Current, agreed.Agreed)
	}
	if proposed.Current == nil || proposed.Agreed || proposed.Current.X != proposed.XFor(50.5) {
		t.Errorf("value row: Current %v Agreed %v, want a proposal at 50.5", proposed.Current, proposed.Agreed)
	}
	if proposed.Value.Text != "~51" || agreed.Value.Text != "35" {
		t.Errorf("value texts %q and %q, want ~51 and 35", proposed.Value.Text, agreed.Value.Text)
	}
	if none.Current != nil {
		t.Errorf("acquisition row has a position %v, nobody placed", none.Current)
	}

	var p recorder
	c.Paint(&p)
	if !p.hasDotAt(*agreed.Current) {
		t.Error("the agreed position is not painted as a dot")
	}
	if p.hasDotAt(*proposed.Current) {
		t.Error("the proposal is painted as a dot, like an agreed position")
	}
	outline := canvas.ProposalOutline(*proposed.Current, c.MarkerSize)
	if len(outline) != 4 {
		t.Fatalf("proposal outline has %d edges, want 4", len(outline))
	}
	for i, l := range outline {
		if !containsLine(p.lines, l) {
			t.Errorf("edge %d of the proposal diamond was not painted", i)
		}
		// A closed diamond: each edge starts where the one before ended.
		if prev := outline[(i+3)%4]; prev.To != l.From {
			t.Errorf("edge %d starts at %v, the edge before ends at %v", i, l.From, prev.To)
		}
	}
	if !slices.Contains(c.Drawn, canvas.LegendMedian) || !slices.Contains(legendKinds(c), canvas.LegendMedian) {
		t.Errorf("the legend does not explain the median, not agreed: %q", c.Drawn)
	}
}

func containsLine(ls []canvas.Line, l canvas.Line) bool {
	for _, x := range ls {
		if x == l {
			return true
		}
	}
	return false
}

func containsText(ts []string, s string) bool {
	for _, x := range ts {
		if x == s {
			return true
		}
	}
	return false
}
