package export

import (
	"strings"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// wordsOr is the language an export writes in: the one its options name,
// else English. Each export takes its own language rather than the
// interface's, because the reader of a report may not be the facilitator.
func wordsOr(w *lang.Words) *lang.Words {
	if w == nil {
		return lang.For(lang.EN)
	}
	return w
}

// chartLabels puts the export's words on the chart: its rows, groups,
// index, poles and legend.
func chartLabels(w *lang.Words, o canvas.ChartOptions) canvas.ChartOptions {
	o.DimensionName = func(d canvas.Dimension) string { return w.DimensionOf(d).Name }
	o.GroupName = w.Group
	o.Words = w
	return o
}

// decimal writes a figure with one decimal the way the language does:
// 51.7 in English and Chinese, 51,7 in Spanish.
func decimal(w *lang.Words, f float64) string {
	return strings.Replace(oneDecimal(f), ".", w.T("export.number.decimal-separator"), 1)
}
