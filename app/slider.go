package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/widget"
)

// pageStep is how far Page Up and Page Down move a spectrum slider.
const pageStep = 10

// spectrumSlider is a 0-100 slider that also moves by pageStep with Page Up
// and Page Down, and says when it gains focus so the editor can show that
// dimension's guidance.
type spectrumSlider struct {
	widget.Slider
	onFocus func()
	// onTab, when set, takes Tab and Shift+Tab (backward) so the editor can
	// move from row to row, past the note and target fields in between.
	onTab func(backward bool)
	// hook takes the window's keys (F1, F6).
	hook keyHook
}

func newSpectrumSlider(onFocus func()) *spectrumSlider {
	s := &spectrumSlider{onFocus: onFocus}
	s.Min, s.Max, s.Step = 0, 100, 1
	s.Value = 50
	s.ExtendBaseWidget(s)
	return s
}

// AcceptsTab lets the editor's sliders handle Tab themselves.
func (s *spectrumSlider) AcceptsTab() bool { return s.onTab != nil }

// sliderKeys are a spectrum slider's keys; the arrows are Fyne's own.
var sliderKeys = []keyAction[*spectrumSlider]{
	{keys: []fyne.KeyName{fyne.KeyRight, fyne.KeyUp}, what: "Move the slider 1 towards ToB", do: func(s *spectrumSlider) { s.Slider.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight}) }},
	{keys: []fyne.KeyName{fyne.KeyLeft, fyne.KeyDown}, what: "Move the slider 1 towards ToC", do: func(s *spectrumSlider) { s.Slider.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft}) }},
	{keys: []fyne.KeyName{fyne.KeyPageUp}, what: "Move the slider 10 towards ToB", do: func(s *spectrumSlider) { s.SetValue(min(s.Value+pageStep, s.Max)) }},
	{keys: []fyne.KeyName{fyne.KeyPageDown}, what: "Move the slider 10 towards ToC", do: func(s *spectrumSlider) { s.SetValue(max(s.Value-pageStep, s.Min)) }},
	{keys: []fyne.KeyName{fyne.KeyHome}, what: "Move the slider to 0 (ToC)", do: func(s *spectrumSlider) { s.SetValue(s.Min) }},
	{keys: []fyne.KeyName{fyne.KeyEnd}, what: "Move the slider to 100 (ToB)", do: func(s *spectrumSlider) { s.SetValue(s.Max) }},
}

func (s *spectrumSlider) TypedKey(key *fyne.KeyEvent) {
	switch {
	case key.Name == fyne.KeyTab && s.onTab != nil:
		s.onTab(shiftHeld())
	case dispatch(sliderKeys, key.Name, s):
	case s.hook.take(key):
	default:
		s.Slider.TypedKey(key)
	}
}

func (s *spectrumSlider) FocusGained() {
	s.Slider.FocusGained()
	if s.onFocus != nil {
		s.onFocus()
	}
}

func (s *spectrumSlider) Tapped(e *fyne.PointEvent) {
	s.Slider.Tapped(e)
	if s.onFocus != nil {
		s.onFocus()
	}
}

// noteEntry is a multi-line entry that leaves Tab to focus traversal, so Tab
// keeps moving from row to row in the editor.
type noteEntry struct {
	widget.Entry
	onFocus, onFocusLost func()
	hook                 keyHook
}

func newNoteEntry(onFocus func()) *noteEntry {
	e := &noteEntry{onFocus: onFocus}
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	e.ExtendBaseWidget(e)
	e.SetMinRowsVisible(2)
	return e
}

func (e *noteEntry) AcceptsTab() bool { return false }

// TypedKey passes on the keys a note has no use for (F1, F6); Enter and Esc
// stay the note's.
func (e *noteEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyF1 || ev.Name == fyne.KeyF6 {
		if e.hook.take(ev) {
			return
		}
	}
	e.Entry.TypedKey(ev)
}

func (e *noteEntry) FocusGained() {
	e.Entry.FocusGained()
	if e.onFocus != nil {
		e.onFocus()
	}
}

// FocusLost ends an edit: see editEntry.
func (e *noteEntry) FocusLost() {
	e.Entry.FocusLost()
	if e.onFocusLost != nil {
		e.onFocusLost()
	}
}

// editEntry is a one-line entry that says when an edit is finished (it
// loses focus), so the keystrokes of one edit make one undo step.
type editEntry struct {
	widget.Entry
	onFocusLost func()
}

func newEditEntry(onFocusLost func()) *editEntry {
	e := &editEntry{onFocusLost: onFocusLost}
	e.ExtendBaseWidget(e)
	return e
}

func (e *editEntry) FocusLost() {
	e.Entry.FocusLost()
	if e.onFocusLost != nil {
		e.onFocusLost()
	}
}

// shiftHeld reports whether Shift is down, where the driver can tell.
func shiftHeld() bool {
	d, ok := fyne.CurrentApp().Driver().(desktop.Driver)
	return ok && d.CurrentKeyModifiers()&fyne.KeyModifierShift != 0
}
