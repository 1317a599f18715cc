package app

import (
	"errors"
	"slices"

	"fyne.io/fyne/v2"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// Every change to the open session is an op applied through the editor's
// canvas.Owner, from a widget, an undo or (later) a phone. The Owner tells
// the editor what changed; the editor copies the session for the screen,
// hands it to the autosaver and redraws what the change names. No setter
// picks its own refreshes, so an undo redraws exactly what the edit did.

// apply applies op from the UI thread and shows its effect at once, so the
// code after it reads the new state. what names the edit in an error.
func (e *editor) apply(what string, op canvas.Op) bool {
	if err := e.owner.Apply(op); err != nil {
		e.ui.showError(what, err)
		return false
	}
	e.sync()
	return true
}

// heard is the Owner's listener. It may run on any goroutine, so it only
// notes the change and hands the redraw to the UI thread; a burst of
// changes (a drag, a phone sending fast) is drawn once.
func (e *editor) heard(ch canvas.Change) {
	e.inboxMu.Lock()
	first := !e.inboxFull
	if first {
		e.inbox = canvas.Change{Parts: ch.Parts, Dimensions: slices.Clone(ch.Dimensions), Cause: ch.Cause}
		e.inboxFull = true
	} else {
		e.inbox = mergeChanges(e.inbox, ch)
	}
	e.inboxMu.Unlock()
	if first {
		fyne.Do(e.sync)
	}
}

// takeInbox empties the inbox and returns what it held.
func (e *editor) takeInbox() (canvas.Change, bool) {
	e.inboxMu.Lock()
	defer e.inboxMu.Unlock()
	ch, full := e.inbox, e.inboxFull
	e.inbox, e.inboxFull = canvas.Change{}, false
	return ch, full
}

// drain empties the inbox and reports whether it held a change.
func (e *editor) drain() bool {
	_, full := e.takeInbox()
	return full
}

// mergeChanges is what a and b changed together.
func mergeChanges(a, b canvas.Change) canvas.Change {
	m := canvas.Change{Parts: a.Parts | b.Parts, Cause: b.Cause}
	if a.Dimensions != nil && b.Dimensions != nil {
		m.Dimensions = slices.Clone(a.Dimensions)
		for _, k := range b.Dimensions {
			if !slices.Contains(m.Dimensions, k) {
				m.Dimensions = append(m.Dimensions, k)
			}
		}
	}
	return m
}

// sync runs on the UI thread: it takes the changes heard so far, copies
// the session for the screen, saves it and redraws what changed.
func (e *editor) sync() {
	if e.closed {
		return
	}
	ch, full := e.takeInbox()
	if !full {
		return
	}
	// The copy is taken after the inbox is emptied: a change made in
	// between is in the copy and will be drawn again, never missed.
	snap := e.owner.Snapshot()
	e.saver.Changed(snap)
	*e.s = *snap
	if e.phones != nil && !e.s.InRound() {
		e.stopPhones() // the round ended (an undo of its start, say)
	}
	if e.state != stateFailed {
		e.state = stateUnsaved
	}
	e.show(ch)
	e.updateTitle()
	if e.ui.editor == e {
		e.ui.screenChanged(ch)
		e.ui.updateEditMenu()
	}
}

// show redraws the editor's views that ch may have altered. The views are
// kept current while a round or presentation screen covers them.
func (e *editor) show(ch canvas.Change) {
	p := ch.Parts
	has := func(q canvas.Part) bool { return p&q != 0 }
	if has(canvas.PartDimensions) {
		e.dimensionsChanged()
		return
	}
	if has(canvas.PartPositions | canvas.PartPlacements | canvas.PartSettings | canvas.PartRound) {
		for _, r := range e.rows {
			if ch.Touches(r.dim.Key) {
				r.refresh()
			}
		}
		e.refreshIndex()
		if e.selected < len(e.rows) && ch.Touches(e.rows[e.selected].dim.Key) {
			e.selectRow(e.selected)
		}
	}
	if has(canvas.PartParticipants) {
		e.refreshReasons()
	}
	if has(^(canvas.PartHeader | canvas.PartActions)) {
		e.chart.Refresh()
	}
	if has(canvas.PartParticipants | canvas.PartRound | canvas.PartSettings) {
		e.people.refresh()
	}
	if has(canvas.PartPlacements | canvas.PartSettings | canvas.PartRound) {
		e.agenda.refresh()
	}
	if has(canvas.PartRound | canvas.PartParticipants) {
		e.refreshBanner()
	}
	if has(canvas.PartActions | canvas.PartParticipants) {
		e.actions.refresh()
	}
	if has(canvas.PartPositions | canvas.PartPlacements | canvas.PartRound | canvas.PartSettings | canvas.PartTensions) {
		e.tensions.refresh()
	}
	if has(canvas.PartHeader) {
		e.title.SetText(e.s.Title)
		e.product.SetText(e.s.Product)
	}
	if has(canvas.PartSettings) {
		st := e.s.Settings
		if st.TimerSeconds != e.timerSettings.TimerSeconds || st.TimerScope != e.timerSettings.TimerScope {
			e.ui.timer.configure(st)
		}
		e.timerSettings = st
	}
}

// Undo reverts the open session's last change (Edit → Undo, Ctrl+Z).
func (u *UI) Undo() { u.travel((*canvas.Owner).Undo) }

// Redo applies again the last undone change (Edit → Redo, Ctrl+Shift+Z,
// Ctrl+Y).
func (u *UI) Redo() { u.travel((*canvas.Owner).Redo) }

func (u *UI) travel(step func(*canvas.Owner) error) {
	e := u.editor
	if e == nil || u.undoOff {
		return
	}
	err := step(e.owner)
	if errors.Is(err, canvas.ErrNothingToUndo) || errors.Is(err, canvas.ErrNothingToRedo) {
		return
	}
	if err != nil {
		u.showError(u.T("app.menu.undo"), err)
		return
	}
	e.sync()
}

// updateEditMenu enables Undo and Redo where they would do something. The
// menu is refreshed only when that changes, not on every slider step.
func (u *UI) updateEditMenu() {
	canUndo, canRedo := false, false
	if e := u.editor; e != nil && !u.undoOff {
		canUndo, canRedo = e.owner.CanUndo(), e.owner.CanRedo()
	}
	if u.undoItem.Disabled == !canUndo && u.redoItem.Disabled == !canRedo {
		return
	}
	u.undoItem.Disabled, u.redoItem.Disabled = !canUndo, !canRedo
	u.mainMenu.Refresh()
}

// screenChanged redraws the round or presentation screen on show, if any.
func (u *UI) screenChanged(ch canvas.Change) {
	if u.onScreenChange != nil {
		u.onScreenChange(ch)
	}
}
