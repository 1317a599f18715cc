package app

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// settingsDialog edits the open session's facilitation settings.
func (u *UI) settingsDialog() {
	e := u.editor
	if e == nil {
		return
	}
	st := e.s.Settings
	threshold := widget.NewEntry()
	threshold.SetText(strconv.Itoa(st.DiscussThreshold()))
	threshold.Validator = intIn(1, 100, "the threshold")
	anon := widget.NewCheck("Show markers without names or colours (screen and PDF)", nil)
	anon.SetChecked(st.Anonymous)
	minutes := widget.NewEntry()
	minutes.SetText(strconv.FormatFloat(float64(st.TimerSeconds)/60, 'f', -1, 64))
	minutes.Validator = func(s string) error {
		f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil || f < 0 || f > 600 {
			return fmt.Errorf("enter minutes from 0 (no timer) to 600")
		}
		return nil
	}
	scopes := []string{"per dimension", "for the whole round"}
	scope := widget.NewRadioGroup(scopes, nil)
	scope.Horizontal = true
	scope.SetSelected(scopes[0])
	if st.TimerScope == canvas.TimerPerRound {
		scope.SetSelected(scopes[1])
	}
	items := []*widget.FormItem{
		widget.NewFormItem("Discuss from a spread of", threshold),
		widget.NewFormItem("Anonymous markers", anon),
		widget.NewFormItem("Timebox (minutes)", minutes),
		widget.NewFormItem("Timebox applies", scope),
	}
	d := dialog.NewForm("Session settings", "Save", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		th, _ := strconv.Atoi(strings.TrimSpace(threshold.Text))
		m, _ := strconv.ParseFloat(strings.TrimSpace(minutes.Text), 64)
		e.s.Settings.Threshold = th
		e.s.Settings.Anonymous = anon.Checked
		e.s.Settings.TimerSeconds = int(m*60 + 0.5)
		e.s.Settings.TimerScope = canvas.TimerPerDimension
		if scope.Selected == scopes[1] {
			e.s.Settings.TimerScope = canvas.TimerPerRound
		}
		e.changed()
		e.refreshAll()
		u.timer.configure(e.s.Settings)
	}, u.win)
	d.Resize(fyne.NewSize(560, 320))
	d.Show()
}

func intIn(lo, hi int, what string) fyne.StringValidator {
	return func(s string) error {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < lo || n > hi {
			return fmt.Errorf("%s must be a whole number from %d to %d", what, lo, hi)
		}
		return nil
	}
}
