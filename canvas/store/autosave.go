package store

import (
	"sync"
	"time"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// DefaultAutosaveDelay bounds how much typing a crash can lose.
const DefaultAutosaveDelay = 500 * time.Millisecond

// Timer is the part of *time.Timer the autosaver needs; tests pass a fake
// clock through Autosaver.AfterFunc.
type Timer interface{ Stop() bool }

// Autosaver persists the latest state of a session at most Delay after the
// first unsaved change, so the user never has to press save. Changes made
// while a save is pending ride along with it rather than postponing it,
// which keeps the loss bound even during continuous typing.
type Autosaver struct {
	store   *Store
	delay   time.Duration
	onSaved func(err error)

	// AfterFunc schedules f after d; it is time.AfterFunc unless a test
	// replaces it before the first change.
	AfterFunc func(d time.Duration, f func()) Timer

	mu      sync.Mutex
	pending *canvas.Session
	// later, when set, makes the pending copy at save time (see Follow).
	later  func() *canvas.Session
	timer  Timer
	saving sync.Mutex // serialises writes so an older snapshot never lands last
}

// NewAutosaver saves through st. onSaved, if not nil, is called after each
// attempt from the saving goroutine, with nil on success; UI callers must
// hop to the UI thread themselves.
func NewAutosaver(st *Store, delay time.Duration, onSaved func(err error)) *Autosaver {
	if delay <= 0 {
		delay = DefaultAutosaveDelay
	}
	return &Autosaver{
		store:   st,
		delay:   delay,
		onSaved: onSaved,
		AfterFunc: func(d time.Duration, f func()) Timer {
			return time.AfterFunc(d, f)
		},
	}
}

// Changed records the session's new state. It takes a copy, so the caller
// may keep editing s at once.
func (a *Autosaver) Changed(s *canvas.Session) {
	snap := s.Clone()
	a.mu.Lock()
	defer a.mu.Unlock()
	a.pending, a.later = snap, nil
	if a.timer == nil {
		a.timer = a.AfterFunc(a.delay, a.fire)
	}
}

// Pending reports whether a change is not yet saved.
func (a *Autosaver) Pending() bool {
	a.mu.Lock()
	defer a.mu.Unlock()
	return a.pending != nil || a.later != nil
}

// Follow saves o's session after each of its changes, like Changed, but
// copies the session only when the save runs: fifty phones answering at
// once cost one copy per save instead of one per answer. The returned
// function stops following.
func (a *Autosaver) Follow(o *canvas.Owner) (stop func()) {
	return o.Listen(func(canvas.Change) {
		a.mu.Lock()
		defer a.mu.Unlock()
		a.pending, a.later = nil, o.Snapshot
		if a.timer == nil {
			a.timer = a.AfterFunc(a.delay, a.fire)
		}
	})
}

func (a *Autosaver) fire() {
	a.mu.Lock()
	a.timer = nil
	a.mu.Unlock()
	_ = a.Flush()
}

// Flush saves the pending change now. On failure the change stays pending
// and a retry is scheduled, so nothing typed is dropped.
func (a *Autosaver) Flush() error {
	a.saving.Lock()
	defer a.saving.Unlock()

	a.mu.Lock()
	snap, later := a.pending, a.later
	a.pending, a.later = nil, nil
	if a.timer != nil {
		a.timer.Stop()
		a.timer = nil
	}
	a.mu.Unlock()
	if later != nil {
		snap = later()
	}
	if snap == nil {
		return nil
	}

	err := a.store.Save(snap)
	if err != nil {
		a.mu.Lock()
		if a.pending == nil && a.later == nil { // a newer change supersedes the failed one
			a.pending = snap
		}
		if a.timer == nil {
			a.timer = a.AfterFunc(a.delay, a.fire)
		}
		a.mu.Unlock()
	}
	if a.onSaved != nil {
		a.onSaved(err)
	}
	return err
}

// Close saves what is pending and stops the timer. The caller closes the
// store afterwards.
func (a *Autosaver) Close() error {
	err := a.Flush()
	a.mu.Lock()
	if a.timer != nil {
		a.timer.Stop()
		a.timer = nil
	}
	a.mu.Unlock()
	return err
}

// Discard drops what is pending and stops retrying, for a user who chose
// to close without saving.
func (a *Autosaver) Discard() {
	a.mu.Lock()
	defer a.mu.Unlock()
	a.pending, a.later = nil, nil
	if a.timer != nil {
		a.timer.Stop()
		a.timer = nil
	}
}
