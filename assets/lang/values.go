package lang

import "github.com/fulcrum-workshop/fulcrum/canvas"

// The words for canvas's typed values. canvas returns bands, leans and
// chart labels, never words, so that every reader gets them in their own
// language; the messages are in messages/values.<tag>.json. Each key is
// written out, so the test of used keys sees every one.

// Band names where an index sits ("Leaning ToB"); no band (no index yet)
// is "", and a band this build does not know is its key.
func (w *Words) Band(b canvas.Band) string {
	switch b {
	case "":
		return ""
	case canvas.BandStronglyToC:
		return w.T("values.band.strongly-toc")
	case canvas.BandLeaningToC:
		return w.T("values.band.leaning-toc")
	case canvas.BandHybrid:
		return w.T("values.band.hybrid")
	case canvas.BandLeaningToB:
		return w.T("values.band.leaning-tob")
	case canvas.BandStronglyToB:
		return w.T("values.band.strongly-tob")
	}
	return string(b)
}

// Lean says which pole a position leans to ("leans ToB"), as the guidance
// shown for it does.
func (w *Words) Lean(l canvas.Lean) string {
	switch l {
	case canvas.LeanToC:
		return w.T("values.lean.toc")
	case canvas.LeanToB:
		return w.T("values.lean.tob")
	}
	return w.T("values.lean.hybrid")
}

// Legend explains a kind of chart marker ("agreed position").
func (w *Words) Legend(k canvas.LegendKind) string {
	switch k {
	case canvas.LegendAgreed:
		return w.T("values.legend.agreed")
	case canvas.LegendMedian:
		return w.T("values.legend.median")
	case canvas.LegendTarget:
		return w.T("values.legend.target")
	case canvas.LegendEarlier:
		return w.T("values.legend.earlier")
	case canvas.LegendMoved:
		return w.T("values.legend.moved")
	case canvas.LegendParticipant:
		return w.T("values.legend.participant")
	}
	return string(k)
}

// ChartLabel writes one of the chart's own texts, so a *Words can be
// given to canvas.ChartOptions as its Words.
func (w *Words) ChartLabel(l canvas.Label) string {
	switch l.Kind {
	case canvas.LabelIndex:
		return w.T("values.chart.index", l.Value, w.Band(l.Band))
	case canvas.LabelIndexNotSet:
		return w.T("values.chart.index.unset")
	case canvas.LabelPoleToC:
		return w.T("values.chart.pole.toc")
	case canvas.LabelPoleToB:
		return w.T("values.chart.pole.tob")
	case canvas.LabelAxisToC:
		return w.T("values.chart.axis.toc")
	case canvas.LabelAxisToB:
		return w.T("values.chart.axis.tob")
	case canvas.LabelLegend:
		return w.Legend(l.Legend)
	}
	return ""
}

var _ canvas.ChartWords = (*Words)(nil)
