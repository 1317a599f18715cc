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
