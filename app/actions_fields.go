package app

import (
	"slices"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// The fields of an action. Each says when an edit is finished (it loses
// focus), so the keystrokes of one edit make one undo step, as a
// dimension's note does.

// actionText is an action's one-line text. Alt+↑ and Alt+↓ move the action
// in the list without leaving the keyboard.
type actionText struct {
	widget.Entry
	onFocusLost func()
	onMove      func(delta int)
	// hook takes the window's keys (F1, F6), as the note field does.
	hook keyHook
}

func (e *actionText) TypedKey(ev *fyne.KeyEvent) {
	if windowKey(ev) && e.hook.take(ev) {
		return
	}
	e.Entry.TypedKey(ev)
}

func newActionText() *actionText {
	e := &actionText{}
	e.ExtendBaseWidget(e)
	return e
}

func (e *actionText) FocusLost() {
	e.Entry.FocusLost()
	if e.onFocusLost != nil {
		e.onFocusLost()
	}
}

func (e *actionText) TypedShortcut(s fyne.Shortcut) {
	if cs, ok := s.(*desktop.CustomShortcut); ok && cs.Modifier == fyne.KeyModifierAlt && e.onMove != nil {
		switch cs.KeyName {
		case fyne.KeyUp:
			e.onMove(-1)
			return
		case fyne.KeyDown:
			e.onMove(1)
			return
		}
	}
	e.Entry.TypedShortcut(s)
}

// ownerField takes any name and offers the session's participants in its
// drop-down.
type ownerField struct {
	widget.SelectEntry
	onFocusLost func()
	names       []string
	hook        keyHook
}

func (e *ownerField) TypedKey(ev *fyne.KeyEvent) {
	if windowKey(ev) && e.hook.take(ev) {
		return
	}
	e.SelectEntry.TypedKey(ev)
}

func newOwnerField() *ownerField {
	e := &ownerField{}
	e.ExtendBaseWidget(e)
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	e.SetPlaceHolder("Owner")
	e.SetOptions(nil)
	return e
}

func (e *ownerField) FocusLost() {
	e.SelectEntry.FocusLost()
	if e.onFocusLost != nil {
		e.onFocusLost()
	}
}

// setNames offers names in the drop-down, rebuilding it only when they
// changed.
func (e *ownerField) setNames(names []string) {
	if slices.Equal(e.names, names) && e.names != nil {
		return
	}
	e.names = names
	e.SetOptions(names)
}

// dueField is a due date typed as YYYY-MM-DD, the form it is stored and
// printed in, or picked from a calendar. Fyne's DateEntry is not used: it
// shows dates in the desktop locale's form (15/12/2026), which the file
// and the PDF do not use.
type dueField struct {
	widget.Entry
	onFocusLost func()
	// now is the day the calendar opens on when no date is set.
	now    func() time.Time
	picker *widget.PopUp
	pick   *keyButton
	hook   keyHook
}

func newDueField(now func() time.Time, hook keyHook) *dueField {
	e := &dueField{now: now, hook: hook}
	e.ExtendBaseWidget(e)
	e.Wrapping = fyne.TextWrap(fyne.TextTruncateClip)
	e.SetPlaceHolder("YYYY-MM-DD")
	e.pick = &keyButton{hook: hook}
	e.pick.Icon, e.pick.OnTapped = theme.CalendarIcon(), e.showCalendar
	e.pick.ExtendBaseWidget(e.pick)
	e.pick.Importance = widget.LowImportance
	e.ActionItem = e.pick
	return e
}

func (e *dueField) TypedKey(ev *fyne.KeyEvent) {
	if windowKey(ev) && e.hook.take(ev) {
		return
	}
	e.Entry.TypedKey(ev)
}

func (e *dueField) FocusLost() {
	e.Entry.FocusLost()
	if e.onFocusLost != nil {
		e.onFocusLost()
	}
}

// showCalendar opens a month on the date set, or on today, under the field.
func (e *dueField) showCalendar() {
	c := fyne.CurrentApp().Driver().CanvasForObject(e)
	if c == nil {
		return
	}
	start, err := canvas.ParseDue(e.Text)
	if err != nil || e.Text == "" {
		n := e.now()
		start = time.Date(n.Year(), n.Month(), n.Day(), 0, 0, 0, 0, time.UTC)
	}
	cal := widget.NewCalendar(start, func(t time.Time) {
		if e.picker != nil {
			e.picker.Hide()
		}
		e.SetText(t.Format(canvas.DueLayout))
		if e.onFocusLost != nil {
			// A picked date is a finished edit.
			e.onFocusLost()
		}
	})
	e.picker = widget.NewPopUp(cal, c)
	pos := fyne.CurrentApp().Driver().AbsolutePositionForObject(e)
	size := e.picker.MinSize()
	// Open below the field, or above it where the window ends.
	y := pos.Y + e.Size().Height
	if y+size.Height > c.Size().Height {
		y = max(0, pos.Y-size.Height)
	}
	x := min(pos.X, max(0, c.Size().Width-size.Width))
	e.picker.ShowAtPosition(fyne.NewPos(x, y))
	e.picker.Resize(size)
}
