package app

// The editor saves as it goes: an autosaver per open session, and the
// window title and status line say whether the last save held.

import (
	"fyne.io/fyne/v2"

	"github.com/fulcrum-workshop/fulcrum/canvas"

	"github.com/fulcrum-workshop/fulcrum/canvas/store"
)

// saveState is what the window title says about persistence.
type saveState int

const (
	stateSaved saveState = iota
	stateUnsaved
	stateFailed
)

// newSaver saves the session into the UI's current store.
func (e *editor) newSaver() *store.Autosaver {
	return store.NewAutosaver(e.ui.store, e.ui.opt.AutosaveDelay, func(err error) {
		fyne.Do(func() { e.saved(err) })
	})
}

func (e *editor) saveNow() {
	if err := e.saver.Flush(); err != nil {
		e.ui.showError(e.ui.T("app.error.save"), err)
	}
	if !e.saver.Pending() {
		e.state = stateSaved
		e.updateTitle()
	}
}

// saved runs on the UI thread after each autosave attempt.
func (e *editor) saved(err error) {
	if e.closed {
		return
	}
	switch {
	case err != nil:
		e.state = stateFailed
	case e.saver.Pending():
		e.state = stateUnsaved
	default:
		e.state = stateSaved
	}
	e.updateTitle()
}

func (e *editor) updateTitle() {
	state := e.ui.T("app.editor.state.saved")
	switch e.state {
	case stateUnsaved:
		state = e.ui.T("app.editor.state.unsaved")
	case stateFailed:
		state = e.ui.T("app.editor.state.failed")
	}
	if e.status.Text != state {
		e.status.SetText(state)
		// "saved" and "unsaved changes" differ in width: lay the toolbar
		// out again, or the next button covers the word.
		if e.toolbar != nil {
			e.toolbar.Refresh()
		}
	}
	e.ui.win.SetTitle(e.ui.T("app.editor.window-title", e.s.Title, state))
}

// close persists what is pending; the editor is unusable afterwards, and
// its history ends with it.
func (e *editor) close() {
	e.stopPhones()
	e.stopListening()
	e.sync()
	if e.ownerAhead() {
		e.saver.Changed(e.owner.Snapshot())
	}
	if err := e.saver.Close(); err != nil {
		e.ui.showError(e.ui.T("app.error.save-before-closing"), err)
	}
	e.closed = true
}

// ownerAhead reports whether the Owner holds a change the UI's copy has
// not seen: one a phone made while the listener was being stopped, whose
// notice was still on its way.
func (e *editor) ownerAhead() bool {
	ahead := false
	e.owner.Read(func(s *canvas.Session) { ahead = !s.Updated.Equal(e.s.Updated) })
	return ahead
}
