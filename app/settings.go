package app

import (
	"fmt"
	"strconv"
	"strings"

	"fyne.io/fyne/v2"
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
	threshold := u.newKeyEntry()
	threshold.SetText(strconv.Itoa(st.DiscussThreshold()))
	threshold.Validator = intIn(canvas.MinThreshold, canvas.MaxValue, "the threshold")
	anon := newKeyCheck("Show markers without names or colours (screen and PDF)", u.typedKey, nil)
	anon.SetChecked(st.Anonymous)
	minutes := u.newKeyEntry()
	minutes.SetText(strconv.FormatFloat(float64(st.TimerSeconds)/60, 'f', -1, 64))
	// The limits are the session file's (canvas.Settings.Problems), so a
	// dialog and a file never disagree about what a session may hold.
	maxMinutes := canvas.MaxTimerSeconds / 60
	minutes.Validator = func(s string) error {
		f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil || !(f >= 0) || f > float64(maxMinutes) || len((canvas.Settings{TimerSeconds: toSeconds(f)}).Problems()) > 0 {
			return fmt.Errorf("enter minutes from 0 (no timer) to %d", maxMinutes)
		}
		return nil
	}
	scopes := []string{"per dimension", "for the whole round"}
	scope := u.newKeyRadio(scopes, nil)
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
	d := u.formDialog("Session settings", "Save", "Cancel", items, func(ok bool) {
		if !ok {
			return
		}
		th, _ := strconv.Atoi(strings.TrimSpace(threshold.Text))
		m, _ := strconv.ParseFloat(strings.TrimSpace(minutes.Text), 64)
		next := e.s.Settings
		next.Threshold = th
		next.Anonymous = anon.Checked
		next.TimerSeconds = toSeconds(m)
		next.TimerScope = canvas.TimerPerDimension
		if scope.Selected == scopes[1] {
			next.TimerScope = canvas.TimerPerRound
		}
		if next != e.s.Settings {
			e.apply("Session settings", canvas.SetSettings{Settings: next})
		}
	})
	d.Resize(u.dialogSize(560, 320))
	d.Show()
}

// toSeconds turns the dialog's minutes into the session's whole seconds.
func toSeconds(minutes float64) int { return int(minutes*60 + 0.5) }

func intIn(lo, hi int, what string) fyne.StringValidator {
	return func(s string) error {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < lo || n > hi {
			return fmt.Errorf("%s must be a whole number from %d to %d", what, lo, hi)
		}
		return nil
	}
}
