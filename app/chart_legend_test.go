package app

import (
	"path/filepath"
	"testing"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// TestChartLegendItemsNeverOverlap lays out the legend of a comparison
// chart with every marker kind and Chinese participant names, as the
// screen's chart does, in each language: on each line, an item's text,
// measured as the painter draws it, ends before the next item's marker.
// Estimated at one em a character, the Chinese legend ran into itself.
func TestChartLegendItemsNeverOverlap(t *testing.T) {
	for _, tag := range []lang.Tag{lang.EN, lang.ZH, lang.ES} {
		t.Run(string(tag), func(t *testing.T) {
			u, st := startUIIn(t, filepath.Join(t.TempDir(), "f.db"), tag)
			importFixture(t, u, "q1.json")
			importFixture(t, u, "q3.json")
			then, err := st.Load("nubia-q1")
			if err != nil {
				t.Fatal(err)
			}
			now, err := st.Load("nubia-q3")
			if err != nil {
				t.Fatal(err)
			}
			o := u.chartLabels(canvas.ChartOptions{Width: 480, Participants: true, Measure: measureChartText, Baseline: then})
			l := canvas.LayoutChart(now, o)
			if len(l.Legend) < 6 {
				t.Fatalf("the legend has %d items; the test needs every kind", len(l.Legend))
			}
			for i := 1; i < len(l.Legend); i++ {
				prev, next := l.Legend[i-1], l.Legend[i]
				if prev.Marker.At.Y != next.Marker.At.Y {
					continue // a new line
				}
				end := prev.Text.At.X + measureChartText(prev.Text.Text, prev.Text.Size)
				if start := next.Marker.At.X - 5; end > start {
					t.Errorf("%q ends at %.1f, past the start of %q's marker at %.1f", prev.Text.Text, end, next.Text.Text, start)
				}
			}
		})
	}
}
