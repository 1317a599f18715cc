package app

import (
	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// words is the language the interface speaks. It is English until
// Settings → Language is wired (issue 13); every word the interface shows
// about a dimension, group or template comes through here, so that switch
// happens in one place.
func (u *UI) words() *lang.Words { return lang.For(lang.EN) }

// dimText is the text of one of the session's dimensions in the
// interface's language: built-in ones by key, whatever wording the session
// was saved with.
func (u *UI) dimText(d canvas.Dimension) lang.DimensionText { return u.words().DimensionOf(d) }

// chartLabels puts the interface's words on the chart: its rows, groups,
// index, poles and legend.
func (u *UI) chartLabels(o canvas.ChartOptions) canvas.ChartOptions {
	w := u.words()
	o.DimensionName = func(d canvas.Dimension) string { return w.DimensionOf(d).Name }
	o.GroupName = w.Group
	o.Words = w
	return o
}
