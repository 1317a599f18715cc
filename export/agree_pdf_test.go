package export_test

import (
	"fmt"
	"testing"

	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/export"
)

// The report tells agreed positions from medians nobody agreed: on the
// first page and under the dimensions table.
func TestPDFSaysWhichPositionsAreOnlyMedians(t *testing.T) {
	s := chineseSession(t)
	// release-cadence has placements; once its agreement is cleared it
	// has only their median.
	for i := range s.Positions {
		if s.Positions[i].Dimension == "release-cadence" {
			s.Positions[i].Current = nil
		}
	}
	var agreed int
	var medians []string
	for _, d := range s.Dimensions {
		switch s.PositionOf(d.Key).Kind {
		case canvas.PositionAgreed:
			agreed++
		case canvas.PositionProposed:
			medians = append(medians, en(d).Name)
		}
	}
	if agreed == 0 || len(medians) == 0 {
		t.Fatalf("the session needs an agreed dimension and a median: %d agreed, medians %v", agreed, medians)
	}
	x := extractText(t, saveTemp(t, render(t, s, export.PDFOptions{})))
	for _, want := range []string{
		fmt.Sprintf("Agreed positions on %d of %d dimensions.", agreed, len(s.Dimensions)),
		"Only medians, not agreed: " + medians[0],
		"~ is the median of the placements, not agreed by the team: " + medians[0],
		"median, not agreed", // the chart's legend
	} {
		if !x.has(want) {
			t.Errorf("the PDF does not say %q:\n%s", want, x.plain)
		}
	}
}
