package app

import (
	"errors"
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
	threshold.Validator = intIn(canvas.MinThreshold, canvas.MaxValue, u.T("app.settings.threshold.invalid", canvas.MinThreshold, canvas.MaxValue))
	anon := newKeyCheck(u.T("app.settings.anonymous.check"), u.typedKey, nil)
	anon.SetChecked(st.Anonymous)
	minutes := u.newKeyEntry()
	minutes.SetText(strconv.FormatFloat(float64(st.TimerSeconds)/60, 'f', -1, 64))
	// The limits are the session file's (canvas.Settings.Problems), so a
	// dialog and a file never disagree about what a session may hold.
	maxMinutes := canvas.MaxTimerSeconds / 60
	minutes.Validator = func(s string) error {
		f, err := strconv.ParseFloat(strings.TrimSpace(s), 64)
		if err != nil || !(f >= 0) || f > float64(maxMinutes) || len((canvas.Settings{TimerSeconds: toSeconds(f)}).Problems()) > 0 {
			return errors.New(u.T("app.settings.minutes.invalid", maxMinutes))
		}
		return nil
	}
	scopes := []string{u.T("app.settings.scope.dimension"), u.T("app.settings.scope.round")}
	scope := u.newKeyRadio(scopes, nil)
	scope.Horizontal = true
	scope.SetSelected(scopes[0])
	if st.TimerScope == canvas.TimerPerRound {
		scope.SetSelected(scopes[1])
	}
	items := []*widget.FormItem{
		widget.NewFormItem(u.T("app.settings.threshold"), threshold),
		widget.NewFormItem(u.T("app.settings.anonymous"), anon),
		widget.NewFormItem(u.T("app.settings.minutes"), minutes),
		widget.NewFormItem(u.T("app.settings.scope"), scope),
	}
	d := u.formDialog(u.T("app.settings.title"), u.T("app.dialog.save"), u.T("app.dialog.cancel"), items, func(ok bool) {
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
			e.apply(u.T("app.settings.title"), canvas.SetSettings{Settings: next})
		}
	})
	d.Resize(u.dialogSize(560, 320))
	d.Show()
}

// toSeconds turns the dialog's minutes into the session's whole seconds.
func toSeconds(minutes float64) int { return int(minutes*60 + 0.5) }

// intIn accepts a whole number from lo to hi and refuses anything else
// with msg, which says so in the interface's words.
func intIn(lo, hi int, msg string) fyne.StringValidator {
	return func(s string) error {
		n, err := strconv.Atoi(strings.TrimSpace(s))
		if err != nil || n < lo || n > hi {
			return errors.New(msg)
		}
		return nil
	}
}
