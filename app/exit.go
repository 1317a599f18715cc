package app

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// Every way out of the editor (the window's close button, Quit and Ctrl+Q,
// Sessions, Open and Ctrl+O, a new session, a session file replaced after
// damage) goes through leave; only a stop nobody can ask about (a signal)
// goes through saveOnStop. An exit that skipped it would drop whatever
// the disk refused, silently: the autosaver keeps a failed change only for
// as long as the editor lives.

// leave saves the open session and then does then. When the save fails (a
// full disk, a read-only folder, a damaged file) the change exists only in
// memory, so leave keeps the editor on screen and asks first; see
// warnUnsaved. verb names the exit on the button that goes anyway ("Quit"
// gives "Quit without saving").
func (u *UI) leave(anyway string, then func()) {
	if u.leaving != nil {
		return // the warning on screen already asks; it would stack otherwise
	}
	if e := u.editor; e != nil {
		e.sync() // a change heard but not yet drawn is saved too
		if err := e.saver.Flush(); err != nil {
			u.warnUnsaved(err, anyway, then)
			return
		}
		u.closeEditor()
	}
	then()
}

// warnUnsaved offers the three ways on when the last save failed: export
// the session file elsewhere (the changes then live in that file, to be
// imported later), keep editing while the autosaver retries, or go anyway
// and lose them.
func (u *UI) warnUnsaved(err error, anywayText string, then func()) {
	msg := widget.NewLabel(u.T("app.unsaved.body", err.Error()))
	msg.Wrapping = fyne.TextWrapWord
	var d dialog.Dialog
	choose := func(f func()) func() {
		return func() {
			d.Hide()
			u.leaving = nil
			f()
		}
	}
	exp := u.newKeyButton(u.T("app.menu.export-json"), theme.DocumentSaveIcon(), choose(func() {
		u.exportDialog(exportJSON)
	}))
	exp.Importance = widget.HighImportance
	stay := u.newKeyButton(u.T("app.unsaved.keep-editing"), nil, choose(func() {}))
	anyway := u.newKeyButton(anywayText, nil, choose(func() {
		u.discardEditor()
		then()
	}))
	anyway.Importance = widget.DangerImportance
	// Esc keeps editing, the one choice that changes nothing.
	cd := dialog.NewCustomWithoutButtons(u.T("app.unsaved.title"), msg, u.win)
	cd.SetButtons([]fyne.CanvasObject{exp, stay, anyway})
	d = cd
	d.Resize(u.dialogSize(600, 280))
	u.leaving = d
	d.Show()
}

// Close leaves the editor and closes the window; it is the window's close
// intercept, so it must close the window itself.
func (u *UI) Close() { u.leave(u.T("app.leave.close"), u.win.Close) }

// Quit leaves the editor and quits, for File → Quit and Ctrl+Q: app.Quit
// alone stops the app without a word to the editor.
func (u *UI) Quit() { u.leave(u.T("app.leave.quit"), u.app.Quit) }

// saveOnStop saves what the editor holds when the app has stopped without
// asking it: Fyne quits at once on SIGTERM (a logout) or Ctrl+C in a
// terminal. Nothing can be asked any more, so a failed save is returned.
func (u *UI) saveOnStop() error {
	e := u.editor
	if e == nil {
		return nil
	}
	e.stopPhones() // before the last save: no answer may arrive after it
	e.stopListening()
	if e.drain() || e.ownerAhead() {
		e.saver.Changed(e.owner.Snapshot())
	}
	e.closed = true // the window is gone: no title or status to update
	return e.saver.Close()
}

// closeEditor saves what is pending and drops the editor. Only leave calls
// it, after a save that worked.
func (u *UI) closeEditor() {
	if e := u.dropEditor(); e != nil {
		e.close()
	}
}

// discardEditor drops the open session without a last save attempt, for a
// user who chose to go without saving.
func (u *UI) discardEditor() {
	if e := u.dropEditor(); e != nil {
		e.stopPhones()
		e.stopListening()
		e.closed = true
		e.saver.Discard()
	}
}

// dropEditor takes the editor off duty (timer, full screen, keys) and
// returns it, nil if none was open.
func (u *UI) dropEditor() *editor {
	u.timer.shutdown()
	e := u.editor
	if e == nil {
		return nil
	}
	u.win.SetFullScreen(false)
	c := u.win.Canvas()
	c.SetOnTypedKey(nil)
	c.SetOnTypedRune(nil)
	u.editor = nil
	return e
}

// pauseSaving stops the open session's saves into a file about to be set
// aside; the session stays in memory and on screen.
func (u *UI) pauseSaving() {
	if e := u.editor; e != nil {
		e.saver.Discard()
	}
}

// resumeSaving saves the open session into u.store from now on, starting
// with the whole session, so a replaced file receives what was on screen.
func (u *UI) resumeSaving() {
	e := u.editor
	if e == nil {
		return
	}
	e.saver = e.newSaver()
	e.saver.Changed(e.owner.Snapshot())
	if e.state != stateFailed {
		e.state = stateUnsaved
	}
	e.updateTitle()
}
