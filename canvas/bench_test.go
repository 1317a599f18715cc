package canvas_test

import (
	"fmt"
	"testing"
	"time"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// benchSession is the benchmarks' workshop: the Full template, 12
// participants each placed on every dimension with a note, revealed.
func benchSession(b *testing.B) *canvas.Session {
	b.Helper()
	s, err := canvas.NewSession(canvas.TemplateFull, "Benchmark · 基准", "Nubia CRM", time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC))
	if err != nil {
		b.Fatal(err)
	}
	for i := range 12 {
		p, err := s.AddParticipant(fmt.Sprintf("Participante %d", i+1), "Ventas")
		if err != nil {
			b.Fatal(err)
		}
		for j, d := range s.Dimensions {
			pl := canvas.Placement{Dimension: d.Key, Participant: p.ID, Value: (i*37 + j*11) % 101, Confidence: 1 + (i+j)%5,
				Note: "Nota en español con razones, 以及一些中文说明。"}
			if err := s.SetPlacement(pl); err != nil {
				b.Fatal(err)
			}
		}
	}
	for j, d := range s.Dimensions {
		if err := s.SetCurrent(d.Key, (j*13)%101); err != nil {
			b.Fatal(err)
		}
	}
	return s
}

func BenchmarkChartLayout(b *testing.B) {
	s := benchSession(b)
	opt := canvas.ChartOptions{Width: 600, Participants: true}
	b.ReportAllocs()
	for b.Loop() {
		l := canvas.LayoutChart(s, opt)
		if len(l.Rows) != 23 {
			b.Fatalf("%d rows", len(l.Rows))
		}
	}
}
