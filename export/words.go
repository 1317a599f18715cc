package export

import (
	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// words is the language the exports write in. It is English until the
// exports take a language of their own (issue 13); every word they print
// about a dimension, group or template comes through here, so that switch
// happens in one place.
func words() *lang.Words { return lang.For(lang.EN) }

// dimText is the text of one of the session's dimensions in the export's
// language: built-in ones by key, whatever wording the session was saved
// with.
func dimText(d canvas.Dimension) lang.DimensionText { return words().DimensionOf(d) }

// chartLabels puts the export's words on the chart: its rows, groups,
// index, poles and legend.
func chartLabels(o canvas.ChartOptions) canvas.ChartOptions {
	w := words()
	o.DimensionName = func(d canvas.Dimension) string { return w.DimensionOf(d).Name }
	o.GroupName = w.Group
	o.Words = w
	return o
}
