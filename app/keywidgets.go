package app

import (
	"slices"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/layout"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Fyne gives a plain key (Enter, Esc, F1, F6) only to the focused widget,
// and its own widgets drop the keys they do not use. So every widget a
// person can reach with Tab, on a screen or in a dialog, is one of these:
// each passes the keys it does not use to its hook (the window's typedKey),
// and Enter and Esc then reach the open dialog wherever the focus is.

// keyButton is a button that passes the window's keys on, so F6 and F1
// work from the toolbar.
type keyButton struct {
	widget.Button
	hook keyHook
}

func (u *UI) newKeyButton(label string, icon fyne.Resource, tapped func()) *keyButton {
	b := &keyButton{hook: u.typedKey}
	b.Text, b.Icon, b.OnTapped = label, icon, tapped
	b.ExtendBaseWidget(b)
	return b
}

func (b *keyButton) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyReturn || ev.Name == fyne.KeyEnter {
		b.Tapped(nil)
		return
	}
	if !b.hook.take(ev) {
		b.Button.TypedKey(ev)
	}
}

// keyCheck is a check box that passes the window's keys on.
type keyCheck struct {
	widget.Check
	hook    keyHook
	onFocus func()
}

func (c *keyCheck) FocusGained() {
	c.Check.FocusGained()
	if c.onFocus != nil {
		c.onFocus()
	}
}

func newKeyCheck(label string, hook keyHook, changed func(bool)) *keyCheck {
	c := &keyCheck{hook: hook}
	c.Text, c.OnChanged = label, changed
	c.ExtendBaseWidget(c)
	return c
}

func (c *keyCheck) TypedKey(ev *fyne.KeyEvent) {
	if !c.hook.take(ev) {
		c.Check.TypedKey(ev)
	}
}

// keyEntry is a one-line entry that passes the window's keys on, so Enter
// confirms and Esc cancels a dialog while typing in it.
type keyEntry struct {
	widget.Entry
	hook keyHook
	// onDown, when set, takes the Down key (the search field hands the
	// focus to the session list).
	onDown func()
}

// newKeyTextArea is a multi-line keyEntry: Enter starts a new line there,
// Esc still cancels the dialog.
func (u *UI) newKeyTextArea() *keyEntry {
	e := u.newKeyEntry()
	e.MultiLine = true
	e.Wrapping = fyne.TextWrapWord
	return e
}

func (u *UI) newKeyEntry() *keyEntry {
	e := &keyEntry{hook: u.typedKey}
	e.ExtendBaseWidget(e)
	return e
}

func (e *keyEntry) TypedKey(ev *fyne.KeyEvent) {
	if ev.Name == fyne.KeyDown && e.onDown != nil {
		e.onDown()
		return
	}
	switch ev.Name {
	case fyne.KeyTab, fyne.KeyLeft, fyne.KeyRight, fyne.KeyUp, fyne.KeyDown, fyne.KeyHome, fyne.KeyEnd,
		fyne.KeyBackspace, fyne.KeyDelete, fyne.KeyPageUp, fyne.KeyPageDown:
		e.Entry.TypedKey(ev)
		return
	case fyne.KeyReturn, fyne.KeyEnter:
		if e.MultiLine {
			e.Entry.TypedKey(ev)
			return
		}
	}
	if !e.hook.take(ev) {
		e.Entry.TypedKey(ev)
	}
}

// keyRadio is a choice of one option, drawn as radio buttons. It stands in
// for widget.RadioGroup, whose options are focusable widgets of Fyne's own
// that drop Enter and Esc. ↑ and ↓ move the choice.
type keyRadio struct {
	widget.BaseWidget
	Options    []string
	Selected   string
	Horizontal bool
	OnChanged  func(string)
	hook       keyHook
	items      []*keyRadioItem
	box        *fyne.Container
}

func (u *UI) newKeyRadio(options []string, changed func(string)) *keyRadio {
	r := &keyRadio{Options: options, OnChanged: changed, hook: u.typedKey}
	r.ExtendBaseWidget(r)
	return r
}

func (r *keyRadio) CreateRenderer() fyne.WidgetRenderer {
	r.box = &fyne.Container{}
	r.build()
	return widget.NewSimpleRenderer(r.box)
}

func (r *keyRadio) build() {
	r.items = r.items[:0]
	var objs []fyne.CanvasObject
	for _, o := range r.Options {
		it := &keyRadioItem{radio: r, option: o}
		it.Text, it.Alignment, it.Importance = o, widget.ButtonAlignLeading, widget.LowImportance
		it.OnTapped = func() { r.SetSelected(o) }
		it.ExtendBaseWidget(it)
		r.items = append(r.items, it)
		objs = append(objs, it)
	}
	r.box.Objects = objs
	if r.Horizontal {
		r.box.Layout = layout.NewHBoxLayout()
	} else {
		r.box.Layout = layout.NewVBoxLayout()
	}
	r.paint()
}

// SetSelected chooses option o and reports the change.
func (r *keyRadio) SetSelected(o string) {
	if o == r.Selected {
		return
	}
	r.Selected = o
	r.paint()
	if r.OnChanged != nil {
		r.OnChanged(o)
	}
}

func (r *keyRadio) paint() {
	for _, it := range r.items {
		icon := theme.RadioButtonIcon()
		if it.option == r.Selected {
			icon = theme.NewPrimaryThemedResource(theme.RadioButtonCheckedIcon())
		}
		it.SetIcon(icon)
	}
}

// step moves the choice and the focus by d options.
func (r *keyRadio) step(d int) {
	i := slices.Index(r.Options, r.Selected) + d
	if i < 0 || i >= len(r.items) {
		return
	}
	r.SetSelected(r.Options[i])
	if c := fyne.CurrentApp().Driver().CanvasForObject(r); c != nil {
		c.Focus(r.items[i])
	}
}

type keyRadioItem struct {
	widget.Button
	radio  *keyRadio
	option string
}

func (it *keyRadioItem) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyUp, fyne.KeyLeft:
		it.radio.step(-1)
	case fyne.KeyDown, fyne.KeyRight:
		it.radio.step(1)
	case fyne.KeySpace:
		it.radio.SetSelected(it.option)
	default:
		if !it.radio.hook.take(ev) {
			it.Button.TypedKey(ev)
		}
	}
}

// keyCheckGroup is a list of check boxes, standing in for widget.CheckGroup
// for the reason keyRadio stands in for widget.RadioGroup.
type keyCheckGroup struct {
	widget.BaseWidget
	Options   []string
	Selected  []string
	OnChanged func([]string)
	checks    []*keyCheck
	box       *fyne.Container
}

func (u *UI) newKeyCheckGroup(options []string, changed func([]string)) *keyCheckGroup {
	g := &keyCheckGroup{Options: options, OnChanged: changed}
	for _, o := range options {
		g.checks = append(g.checks, newKeyCheck(o, u.typedKey, func(on bool) { g.toggle(o, on) }))
	}
	objs := make([]fyne.CanvasObject, len(g.checks))
	for i, c := range g.checks {
		objs[i] = c
	}
	g.box = &fyne.Container{Layout: layout.NewVBoxLayout(), Objects: objs}
	g.ExtendBaseWidget(g)
	return g
}

func (g *keyCheckGroup) CreateRenderer() fyne.WidgetRenderer { return widget.NewSimpleRenderer(g.box) }

func (g *keyCheckGroup) toggle(o string, on bool) {
	if on == slices.Contains(g.Selected, o) {
		return
	}
	var next []string
	for _, x := range g.Options {
		if (x == o && on) || (x != o && slices.Contains(g.Selected, x)) {
			next = append(next, x)
		}
	}
	g.Selected = next
	if g.OnChanged != nil {
		g.OnChanged(next)
	}
}

// SetSelected ticks exactly the options in sel.
func (g *keyCheckGroup) SetSelected(sel []string) {
	g.Selected = nil
	for _, o := range g.Options {
		if slices.Contains(sel, o) {
			g.Selected = append(g.Selected, o)
		}
	}
	for i, c := range g.checks {
		c.SetChecked(slices.Contains(g.Selected, g.Options[i]))
	}
	if g.OnChanged != nil {
		g.OnChanged(g.Selected)
	}
}

// keyPickList is a list to pick from in a dialog (the backups): it passes
// Enter and Esc on to the dialog.
type keyPickList struct {
	widget.List
	hook keyHook
}

func (u *UI) newKeyPickList(length func() int, create func() fyne.CanvasObject, update func(widget.ListItemID, fyne.CanvasObject)) *keyPickList {
	l := &keyPickList{hook: u.typedKey}
	l.Length, l.CreateItem, l.UpdateItem = length, create, update
	l.ExtendBaseWidget(l)
	return l
}

func (l *keyPickList) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeyUp, fyne.KeyDown, fyne.KeySpace:
		l.List.TypedKey(ev)
	default:
		if !l.hook.take(ev) {
			l.List.TypedKey(ev)
		}
	}
}

// keySelect is a drop-down that passes on the keys it does not use.
type keySelect struct {
	widget.Select
	hook keyHook
}

func newKeySelect(options []string, hook keyHook) *keySelect {
	s := &keySelect{hook: hook}
	s.Options = options
	s.ExtendBaseWidget(s)
	return s
}

func (s *keySelect) TypedKey(ev *fyne.KeyEvent) {
	switch ev.Name {
	case fyne.KeySpace, fyne.KeyUp, fyne.KeyDown:
		s.Select.TypedKey(ev)
	default:
		if !s.hook.take(ev) {
			s.Select.TypedKey(ev)
		}
	}
}
