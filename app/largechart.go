package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// largeChartScale enlarges the profile chart in its own view: with many
// participants the editor's side panel is too narrow to tell markers apart.
const largeChartScale = 1.6

// largeChartKeys are the larger chart's keys.
var largeChartKeys = []keyAction[*UI]{
	{keys: []fyne.KeyName{fyne.KeyEscape}, what: "app.round.back", do: (*UI).backToEditor},
}

// showLargeChart shows the profile chart over the whole window, larger.
// It follows changes like the editor's chart does.
func (u *UI) showLargeChart() {
	e := u.editor
	if e == nil {
		return
	}
	chart := newChartView(u, func() *canvas.Session { return e.s })
	chart.scale = largeChartScale
	back := u.newKeyButton(u.T("app.large.back"), theme.NavigateBackIcon(), u.backToEditor)
	title := widget.NewLabelWithStyle(u.T("app.large.title", e.s.Title), fyne.TextAlignLeading, fyne.TextStyle{Bold: true})
	title.Truncation = fyne.TextTruncateEllipsis
	u.showScreen(container.NewBorder(container.NewBorder(nil, nil, back, nil, title), nil, nil, nil,
		container.NewVScroll(chart)))
	u.onScreenChange = func(canvas.Change) { chart.Refresh() }
	u.redrawScreen = u.showLargeChart
	u.win.Canvas().SetOnTypedKey(func(ev *fyne.KeyEvent) {
		if !u.dialogKey(ev) && !dispatch(largeChartKeys, ev.Name, u) {
			u.typedKey(ev)
		}
	})
}
