package app

import (
	"sync"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// tensionMark is the marker before a row's question while the dimension
// is in a tension: a warning sign for an open one, a muted one when every
// tension it is in was accepted. It is a button, so a click or Tab and
// Enter open the tension.
type tensionMark struct {
	r      *dimRow
	button *keyButton
	// state is what the marker shows: markNone, markOpen or markAccepted.
	state int
}

const (
	markNone = iota
	markOpen
	markAccepted
)

// The marks are made on first use, not at start-up: a theme icon asks for
// the running app, and the command line runs without one (it would log an
// error on every command). Themed resources take their colour when drawn,
// so one of each serves every theme.
var (
	openMarkIcon = sync.OnceValue(func() fyne.Resource {
		return theme.NewWarningThemedResource(theme.WarningIcon())
	})
	acceptedMarkIcon = sync.OnceValue(func() fyne.Resource {
		return theme.NewDisabledResource(theme.WarningIcon())
	})
)

func newTensionMark(r *dimRow) *tensionMark {
	m := &tensionMark{r: r}
	m.button = r.e.ui.newKeyButton("", openMarkIcon(), func() { r.e.tensions.openFor(r.dim.Key) })
	m.button.Importance = widget.LowImportance
	m.button.Hide()
	return m
}

func (m *tensionMark) refresh(ts []canvas.Tension) {
	state := markNone
	for _, t := range ts {
		if t.Involves(m.r.dim.Key) {
			if !t.Accepted {
				state = markOpen
				break
			}
			state = markAccepted
		}
	}
	if state == m.state {
		return
	}
	m.state = state
	switch state {
	case markNone:
		m.button.Hide()
	case markOpen:
		m.button.SetIcon(openMarkIcon())
		m.button.Show()
	case markAccepted:
		m.button.SetIcon(acceptedMarkIcon())
		m.button.Show()
	}
	if m.r.box != nil {
		m.r.box.Refresh()
	}
}
