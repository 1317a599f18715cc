package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Enter confirms and Esc cancels every dialog, wherever the focus is in it.
// Fyne's dialogs take neither key (2.7.1), and the widgets in them drop
// keys they do not use. So every dialog is shown through show or built by
// formDialog: their buttons are keyButtons, their fields are the key
// widgets of keywidgets.go, and each passes Enter and Esc to dialogKey.

// dialogKeys are the keys of every dialog.
var dialogKeys = []keyAction[*dialogButtons]{
	{keys: []fyne.KeyName{fyne.KeyReturn, fyne.KeyEnter}, what: "app.keys.dialog.confirm", do: func(b *dialogButtons) { b.press(b.confirm) }},
	{keys: []fyne.KeyName{fyne.KeyEscape}, what: "app.keys.dialog.cancel", do: func(b *dialogButtons) { b.press(b.cancel) }},
}

// dialogButtons are the buttons along the bottom of a Fyne dialog.
type dialogButtons struct{ confirm, cancel *widget.Button }

func (b *dialogButtons) press(btn *widget.Button) {
	if btn != nil && !btn.Disabled() && btn.OnTapped != nil {
		btn.OnTapped()
	}
}

// dialogKey gives the open dialog Enter and Esc, which Fyne's dialogs do
// not take themselves (2.7.1): Enter presses the highlighted button (or the
// only one), Esc the other. A dialog without buttons (a choice that must
// be made, a progress bar) ignores both.
func (u *UI) dialogKey(ev *fyne.KeyEvent) bool {
	top := u.win.Canvas().Overlays().Top()
	if top == nil {
		return false
	}
	b := buttonsOf(top)
	if b == nil {
		return false
	}
	return dispatch(dialogKeys, ev.Name, b)
}

// buttonRow is the row of buttons of a Fyne dialog: a modal pop-up whose
// content holds it as its fourth object.
func buttonRow(o fyne.CanvasObject) *fyne.Container {
	pop, ok := o.(*widget.PopUp)
	if !ok {
		return nil
	}
	box, ok := pop.Content.(*fyne.Container)
	if !ok || len(box.Objects) != 5 {
		return nil
	}
	row, _ := box.Objects[3].(*fyne.Container)
	return row
}

// buttonsOf finds a dialog's buttons.
func buttonsOf(o fyne.CanvasObject) *dialogButtons {
	row := buttonRow(o)
	if row == nil {
		return nil
	}
	var btns []*widget.Button
	for _, o := range row.Objects {
		switch b := o.(type) {
		case *widget.Button:
			if b.Visible() {
				btns = append(btns, b)
			}
		case *keyButton:
			if b.Visible() {
				btns = append(btns, &b.Button)
			}
		}
	}
	switch len(btns) {
	case 0:
		return nil
	case 1:
		return &dialogButtons{confirm: btns[0], cancel: btns[0]}
	}
	b := &dialogButtons{}
	for _, btn := range btns {
		if btn.Importance == widget.HighImportance && b.confirm == nil {
			b.confirm = btn
		} else if b.cancel == nil {
			b.cancel = btn
		}
	}
	return b
}

// show shows d with keyButtons in place of Fyne's buttons along its
// bottom, so Enter and Esc work when Tab has reached one of them.
func (u *UI) show(d dialog.Dialog) {
	d.Show()
	row := buttonRow(u.win.Canvas().Overlays().Top())
	if row == nil {
		return
	}
	for i, o := range row.Objects {
		b, ok := o.(*widget.Button)
		if !ok {
			continue
		}
		kb := u.newKeyButton(b.Text, b.Icon, b.OnTapped)
		kb.Importance = b.Importance
		if b.Disabled() {
			kb.Disable()
		}
		kb.Hidden = b.Hidden
		row.Objects[i] = kb
	}
	row.Refresh()
}

// formDialog is Fyne's form dialog with keyButtons: Confirm is enabled
// only while every field is valid, and done runs after the dialog hides.
func (u *UI) formDialog(title, confirm, dismiss string, items []*widget.FormItem, done func(ok bool)) *dialog.CustomDialog {
	form := widget.NewForm(items...)
	d := dialog.NewCustomWithoutButtons(title, form, u.win)
	ok := u.newKeyButton(confirm, theme.ConfirmIcon(), func() { d.Hide(); done(true) })
	ok.Importance = widget.HighImportance
	cancel := u.newKeyButton(dismiss, theme.CancelIcon(), func() { d.Hide(); done(false) })
	d.SetButtons([]fyne.CanvasObject{cancel, ok})
	valid := func(err error) {
		if err != nil {
			ok.Disable()
		} else {
			ok.Enable()
		}
	}
	valid(form.Validate())
	form.SetOnValidationChanged(valid)
	return d
}
