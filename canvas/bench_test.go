package canvas_test

import (
	"testing"

	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/canvas/benchdata"
)

func benchSession(b *testing.B) *canvas.Session {
	b.Helper()
	s, err := benchdata.Heavy(benchdata.HeavyID)
	if err != nil {
		b.Fatal(err)
	}
	return s
}

func BenchmarkChartLayout(b *testing.B) {
	s := benchSession(b)
	opt := canvas.ChartOptions{Width: 600, Participants: true}
	b.ReportAllocs()
	for b.Loop() {
		l := canvas.LayoutChart(s, opt)
		if len(l.Rows) != len(s.Dimensions) {
			b.Fatalf("%d rows", len(l.Rows))
		}
	}
}

// BenchmarkTensions is one evaluation of every tension rule on the heavy
// session (Full template, 12 participants), as a slider move asks for it;
// the target is 20 µs. "agreed" is the heavy session as it is, every
// position agreed; "medians" clears the agreed values, so every position
// is the median of 12 placements, the costlier case.
func BenchmarkTensions(b *testing.B) {
	agreed := benchSession(b)
	if len(agreed.Dimensions) != len(canvas.Catalogue()) || len(agreed.Participants) != 12 {
		b.Fatalf("the heavy session has %d dimensions and %d participants", len(agreed.Dimensions), len(agreed.Participants))
	}
	medians := agreed.Clone()
	for i := range medians.Positions {
		medians.Positions[i].Current = nil
	}
	for _, tc := range []struct {
		name string
		s    *canvas.Session
	}{{"agreed", agreed}, {"medians", medians}} {
		b.Run(tc.name, func(b *testing.B) {
			fired := len(tc.s.Tensions())
			b.ReportAllocs()
			for b.Loop() {
				if n := len(tc.s.Tensions()); n != fired {
					b.Fatalf("%d tensions, then %d", fired, n)
				}
			}
			b.ReportMetric(float64(fired), "tensions")
		})
	}
}
