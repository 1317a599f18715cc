package canvas

import (
	"errors"
	"fmt"
	"reflect"
	"slices"
	"sync"
	"time"
)

// MaxHistory bounds the undo history of an open session. Each step keeps a
// copy of the parts it changed, a few kilobytes for a 12-person workshop.
const MaxHistory = 500

// ErrNothingToUndo and ErrNothingToRedo are returned by Undo and Redo on an
// empty history.
var (
	ErrNothingToUndo = errors.New("nothing to undo")
	ErrNothingToRedo = errors.New("nothing to redo")
)

// step is one entry of the history: the parts an op changed, before and
// after. Undo restores before and redo restores after, so a redo gives back
// exactly what the op made (the same new ids, the same times) instead of
// running it again.
type step struct {
	before, after partState
	dims          []string
	key           string // merge key; "" never merges
}

// Owner is the one path through which an open session changes. It applies
// operations, validates them, records them for undo and redo, and tells
// its listeners what changed. It is safe to use from several goroutines:
// the desktop editor and the phones of a round change the same session.
type Owner struct {
	mu     sync.Mutex
	s      *Session
	undo   []step
	redo   []step
	sealed bool // the next op starts a new undo step even if it could merge
	now    func() time.Time

	// pending are changes not yet told to the listeners. One goroutine at
	// a time delivers them, in the order they were made; a listener that
	// applies an op itself finds its change delivered after it returns.
	pending    []Change
	delivering bool

	lmu       sync.Mutex
	listeners map[int]func(Change)
	nextID    int
}

// NewOwner takes ownership of s: from now on s changes only through the
// Owner. now stamps each change into Session.Updated; nil means time.Now.
func NewOwner(s *Session, now func() time.Time) *Owner {
	if now == nil {
		now = time.Now
	}
	return &Owner{s: s, now: now, sealed: true, listeners: map[int]func(Change){}}
}

// Listen registers fn to be called after every change, in order, outside
// the Owner's lock. It runs on the goroutine that made the change or on
// one that is delivering earlier changes, so a UI listener hands its work
// to its own thread (fyne.Do). The returned function stops the calls.
func (o *Owner) Listen(fn func(Change)) (stop func()) {
	o.lmu.Lock()
	defer o.lmu.Unlock()
	id := o.nextID
	o.nextID++
	o.listeners[id] = fn
	return func() {
		o.lmu.Lock()
		defer o.lmu.Unlock()
		delete(o.listeners, id)
	}
}

// Apply validates op and applies it. On error, or when the op changes
// nothing, the session is unchanged, no step is recorded and no listener
// is called.
func (o *Owner) Apply(op Op) error {
	o.mu.Lock()
	parts := op.parts()
	before := capture(o.s, parts)
	if err := op.apply(o.s); err != nil {
		before.restore(o.s)
		o.mu.Unlock()
		return err
	}
	after := capture(o.s, parts)
	if reflect.DeepEqual(before, after) {
		// Nothing changed (a name set to itself, a turn begun twice): an
		// undo step that undoes nothing would only puzzle the user.
		o.mu.Unlock()
		return nil
	}
	o.s.Touch(o.now())
	st := step{before: before, after: after, dims: op.dims()}
	if m, ok := op.(merger); ok {
		st.key = m.mergeKey()
	}
	_, joins := op.(joiner)
	back := false
	switch n := len(o.undo); {
	case joins && n == 0:
		// Bookkeeping with nothing to join: no step of its own.
	case joins:
		o.undo[n-1] = o.undo[n-1].join(st, o.s)
	case n > 0 && !o.sealed && st.key != "" && o.undo[n-1].key == st.key:
		// One drag, one step: keep the state before the first move.
		o.undo[n-1].after = st.after
		if reflect.DeepEqual(o.undo[n-1].before, st.after) {
			// The run is back where it started (a note typed and
			// erased, a slider dragged back): no step, and the next op
			// starts a new one rather than merge into an older step.
			o.undo = o.undo[:n-1]
			back = true
		}
	default:
		o.undo = append(o.undo, st)
		if len(o.undo) > MaxHistory {
			o.undo = o.undo[len(o.undo)-MaxHistory:]
		}
	}
	o.redo = o.redo[:0]
	o.sealed = st.key == "" || joins || back
	o.pending = append(o.pending, Change{Parts: parts, Dimensions: st.dims, Cause: CauseApply})
	o.mu.Unlock()
	o.deliver()
	return nil
}

// ApplyRemote validates and applies op made away from the keyboard, by a
// phone in a phone round. It records no undo step: the facilitator's undo
// must never take back a participant's answer. For the same reason it
// drops every recorded step that changed a part op changes, because
// restoring that part would erase the remote change too. Listeners hear it
// with CauseRemote.
func (o *Owner) ApplyRemote(op Op) error {
	o.mu.Lock()
	parts := op.parts()
	if c, ok := op.(cheap); ok {
		// No copies: with no undo step to record, a phone's answer need
		// not pay for two copies of every placement in the room.
		if c.unchanged(o.s) {
			o.mu.Unlock()
			return nil
		}
		if err := op.apply(o.s); err != nil {
			o.mu.Unlock()
			return err
		}
	} else {
		before := capture(o.s, parts)
		if err := op.apply(o.s); err != nil {
			before.restore(o.s)
			o.mu.Unlock()
			return err
		}
		if reflect.DeepEqual(before, capture(o.s, parts)) {
			o.mu.Unlock()
			return nil
		}
	}
	o.s.Touch(o.now())
	overlaps := func(st step) bool { return st.before.parts&parts != 0 }
	o.undo = slices.DeleteFunc(o.undo, overlaps)
	o.redo = slices.DeleteFunc(o.redo, overlaps)
	o.sealed = true
	o.pending = append(o.pending, Change{Parts: parts, Dimensions: op.dims(), Cause: CauseRemote})
	o.mu.Unlock()
	o.deliver()
	return nil
}

// cheap is implemented by ops that leave the session untouched when they
// fail and can tell beforehand that they would change nothing, so
// ApplyRemote needs no copy of the parts they change.
type cheap interface {
	unchanged(s *Session) bool
}

// join folds the bookkeeping step j, applied just after st, into st, so
// one undo takes back both. A part st did not change was the same before
// st as before j, so j's before state of it is st's too.
func (st step) join(j step, s *Session) step {
	st.before = st.before.with(j.before)
	st.after = capture(s, st.before.parts)
	if st.dims != nil && j.dims != nil {
		for _, k := range j.dims {
			if !slices.Contains(st.dims, k) {
				st.dims = append(st.dims, k)
			}
		}
	} else {
		st.dims = nil
	}
	return st
}

// Seal ends a run of merging ops: the next op is a new undo step. The UI
// calls it when a drag ends.
func (o *Owner) Seal() {
	o.mu.Lock()
	o.sealed = true
	o.mu.Unlock()
}

// Undo reverts the newest step.
func (o *Owner) Undo() error { return o.travel(&o.undo, &o.redo, CauseUndo) }

// Redo applies again the newest undone step.
func (o *Owner) Redo() error { return o.travel(&o.redo, &o.undo, CauseRedo) }

func (o *Owner) travel(from, to *[]step, cause Cause) error {
	o.mu.Lock()
	n := len(*from)
	if n == 0 {
		o.mu.Unlock()
		if cause == CauseUndo {
			return ErrNothingToUndo
		}
		return ErrNothingToRedo
	}
	st := (*from)[n-1]
	*from = (*from)[:n-1]
	if cause == CauseUndo {
		st.before.restore(o.s)
	} else {
		st.after.restore(o.s)
	}
	*to = append(*to, st)
	o.sealed = true
	o.s.Touch(o.now())
	o.pending = append(o.pending, Change{Parts: st.before.parts, Dimensions: st.dims, Cause: cause})
	o.mu.Unlock()
	o.deliver()
	return nil
}

// CanUndo and CanRedo report whether the history has a step to go back or
// forward to.
func (o *Owner) CanUndo() bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	return len(o.undo) > 0
}

// CanRedo reports whether an undone step can be applied again.
func (o *Owner) CanRedo() bool {
	o.mu.Lock()
	defer o.mu.Unlock()
	return len(o.redo) > 0
}

// Read calls fn with the session under the Owner's lock. fn must not keep
// the session or change it, and must not call the Owner.
func (o *Owner) Read(fn func(s *Session)) {
	o.mu.Lock()
	defer o.mu.Unlock()
	fn(o.s)
}

// Snapshot returns a deep copy of the session, for a saver or an export
// that works on it while editing goes on.
func (o *Owner) Snapshot() *Session {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.s.Clone()
}

// ID is the id of the owned session.
func (o *Owner) ID() string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return o.s.ID
}

// deliver tells the listeners every pending change, unless another call
// is already doing so.
func (o *Owner) deliver() {
	o.mu.Lock()
	if o.delivering {
		o.mu.Unlock()
		return
	}
	o.delivering = true
	o.mu.Unlock()
	done := false
	defer func() {
		if !done {
			// A listener panicked: let the next change be delivered.
			o.mu.Lock()
			o.delivering = false
			o.mu.Unlock()
		}
	}()
	for {
		o.mu.Lock()
		if len(o.pending) == 0 {
			o.delivering = false
			o.mu.Unlock()
			done = true
			return
		}
		ch := o.pending[0]
		o.pending = o.pending[1:]
		o.mu.Unlock()
		o.tell(ch)
	}
}

func (o *Owner) tell(ch Change) {
	o.lmu.Lock()
	fns := make([]func(Change), 0, len(o.listeners))
	for id := 0; id < o.nextID; id++ {
		if fn, ok := o.listeners[id]; ok {
			fns = append(fns, fn)
		}
	}
	o.lmu.Unlock()
	for _, fn := range fns {
		fn(ch)
	}
}

// String describes the history for debugging and test failures.
func (o *Owner) String() string {
	o.mu.Lock()
	defer o.mu.Unlock()
	return fmt.Sprintf("Owner{%s: %d undo, %d redo}", o.s.ID, len(o.undo), len(o.redo))
}
