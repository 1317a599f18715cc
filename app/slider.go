package app

import (
	"fyne.io/fyne/v2"
	fynecanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// pageStep is how far Page Up and Page Down move a spectrum slider.
const pageStep = 10

// spectrumSlider is a 0-100 slider that also moves by pageStep with Page Up
// and Page Down, and says when it gains focus so the editor can show that
// dimension's guidance.
//
// It may be unplaced: then it draws no thumb and no filled part (see
// unplacedRenderer), so nobody reads a real 50 into it, and the first tap,
// drag or key places it, even where the value does not change (a tap in
// the middle places 50).
type spectrumSlider struct {
	widget.Slider
	onFocus func()
	// onTab, when set, takes Tab and Shift+Tab (backward) so the editor can
	// move from row to row, past the note and target fields in between.
	onTab func(backward bool)
	// onRune, when set, gets the characters typed on the slider (the
	// editor's A to agree).
	onRune func(r rune)
	// onKey, when set, sees keys first and reports whether it took them.
	onKey func(k fyne.KeyName) bool

	unplaced bool
	// placing is set while a gesture that started unplaced runs, so its
	// end is reported even if the value never moved.
	placing bool
	// hasFocus is kept here: the widget's own flag is private.
	hasFocus bool
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
	{keys: []fyne.KeyName{fyne.KeyRight, fyne.KeyUp}, what: "app.keys.slider.tob", do: func(s *spectrumSlider) { s.Slider.TypedKey(&fyne.KeyEvent{Name: fyne.KeyRight}) }},
	{keys: []fyne.KeyName{fyne.KeyLeft, fyne.KeyDown}, what: "app.keys.slider.toc", do: func(s *spectrumSlider) { s.Slider.TypedKey(&fyne.KeyEvent{Name: fyne.KeyLeft}) }},
	{keys: []fyne.KeyName{fyne.KeyPageUp}, what: "app.keys.slider.tob10", do: func(s *spectrumSlider) { s.SetValue(min(s.Value+pageStep, s.Max)) }},
	{keys: []fyne.KeyName{fyne.KeyPageDown}, what: "app.keys.slider.toc10", do: func(s *spectrumSlider) { s.SetValue(max(s.Value-pageStep, s.Min)) }},
	{keys: []fyne.KeyName{fyne.KeyHome}, what: "app.keys.slider.home", do: func(s *spectrumSlider) { s.SetValue(s.Min) }},
	{keys: []fyne.KeyName{fyne.KeyEnd}, what: "app.keys.slider.end", do: func(s *spectrumSlider) { s.SetValue(s.Max) }},
}

// setUnplaced shows the slider as holding no value, at its middle, or as
// placed at its value. It changes no value and calls no callback.
func (s *spectrumSlider) setUnplaced(on bool) {
	if s.unplaced == on {
		return
	}
	s.unplaced = on
	if on {
		s.Value = (s.Min + s.Max) / 2
	}
	s.Refresh()
}

// place ends the unplaced state after a gesture. When the gesture did not
// move the value, the widget fired nothing, so the placement is reported
// here: leaving a slider at 50 is placing 50.
func (s *spectrumSlider) place(moved bool) {
	if !s.placing {
		return
	}
	s.placing = false
	if !moved && s.OnChanged != nil {
		s.OnChanged(s.Value)
	}
	if !moved && s.OnChangeEnded != nil {
		s.OnChangeEnded(s.Value)
	}
}

// startPlacing notes that a gesture on an unplaced slider begins, and
// shows the thumb at once.
func (s *spectrumSlider) startPlacing() {
	if s.unplaced && !s.Disabled() {
		s.unplaced = false
		s.placing = true
		s.Refresh()
	}
}

func (s *spectrumSlider) TypedRune(r rune) {
	if s.onRune != nil {
		s.onRune(r)
	}
}

func (s *spectrumSlider) TypedKey(key *fyne.KeyEvent) {
	if s.onKey != nil && s.onKey(key.Name) {
		return
	}
	switch key.Name {
	case fyne.KeyLeft, fyne.KeyRight, fyne.KeyUp, fyne.KeyDown, fyne.KeyPageUp, fyne.KeyPageDown, fyne.KeyHome, fyne.KeyEnd:
		// The first key on an unplaced slider places it from the middle.
		before := s.Value
		s.startPlacing()
		s.typedKey(key)
		s.place(s.Value != before)
	case fyne.KeySpace:
		// Space places an unplaced slider where it stands, at 50.
		s.startPlacing()
		s.place(false)
	default:
		s.typedKey(key)
	}
}

// typedKey handles a key after placing: Tab between rows, the slider's
// keys, the window's keys (F1, F6), and Fyne's own.
func (s *spectrumSlider) typedKey(key *fyne.KeyEvent) {
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
	s.hasFocus = true
	s.Slider.FocusGained()
	if s.onFocus != nil {
		s.onFocus()
	}
}

func (s *spectrumSlider) Tapped(e *fyne.PointEvent) {
	before := s.Value
	s.startPlacing()
	s.Slider.Tapped(e)
	s.place(s.Value != before)
	if s.onFocus != nil {
		s.onFocus()
	}
}

func (s *spectrumSlider) Dragged(e *fyne.DragEvent) {
	s.startPlacing()
	before := s.Value
	s.Slider.Dragged(e)
	if s.placing && s.Value != before {
		// The widget reported this move itself and reports the drag's end.
		s.placing = false
	}
}

func (s *spectrumSlider) DragEnd() {
	s.Slider.DragEnd()
	s.place(false)
}

func (s *spectrumSlider) CreateRenderer() fyne.WidgetRenderer {
	return &unplacedRenderer{WidgetRenderer: s.Slider.CreateRenderer(), s: s}
}

// unplacedRenderer draws the slider widget's own parts, leaving out the
// thumb and the filled part of the track while the slider is unplaced.
// Focus then shows as the track in the focus colour.
type unplacedRenderer struct {
	fyne.WidgetRenderer
	s *spectrumSlider
}

// parts finds the slider's track, filled part and thumb among its objects
// (the widget draws track, filled part, thumb, focus ring, in that order).
func (r *unplacedRenderer) parts() (track, active *fynecanvas.Rectangle, thumb, ring *fynecanvas.Circle) {
	objs := r.WidgetRenderer.Objects()
	if len(objs) < 4 {
		return
	}
	track, _ = objs[0].(*fynecanvas.Rectangle)
	active, _ = objs[1].(*fynecanvas.Rectangle)
	thumb, _ = objs[2].(*fynecanvas.Circle)
	ring, _ = objs[3].(*fynecanvas.Circle)
	return
}

func (r *unplacedRenderer) Layout(size fyne.Size) {
	r.WidgetRenderer.Layout(size)
	r.mark()
}

func (r *unplacedRenderer) Refresh() {
	r.WidgetRenderer.Refresh()
	r.mark()
}

func (r *unplacedRenderer) mark() {
	track, active, thumb, ring := r.parts()
	if track == nil || active == nil || thumb == nil || ring == nil {
		return
	}
	un := r.s.unplaced
	for _, o := range []fyne.CanvasObject{active, thumb, ring} {
		if un {
			o.Hide()
		} else {
			o.Show()
		}
	}
	if un {
		// A plain line, visible enough to aim at, with nothing on it.
		track.FillColor = theme.Color(theme.ColorNamePlaceHolder)
		if r.s.focused() {
			track.FillColor = theme.Color(theme.ColorNamePrimary)
		}
		track.Refresh()
	}
}

// focused reports whether the slider has the keyboard focus.
func (s *spectrumSlider) focused() bool { return s.hasFocus }

func (s *spectrumSlider) FocusLost() {
	s.hasFocus = false
	s.Slider.FocusLost()
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
	if windowKey(ev) && e.hook.take(ev) {
		return
	}
	e.Entry.TypedKey(ev)
}

// windowKey reports whether a text field passes ev to the window: F1 and
// F6 mean nothing to the field.
func windowKey(ev *fyne.KeyEvent) bool { return ev.Name == fyne.KeyF1 || ev.Name == fyne.KeyF6 }

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
