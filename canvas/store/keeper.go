package store

import (
	"errors"
	"sync"
	"time"
)

// EventKind says what a Keeper did with its file.
type EventKind int

const (
	// Checked: the start-up check passed. Event.Path is the backup that
	// holds the file as it is now; Event.Made tells whether this check
	// wrote it or the newest backup already held the same transaction.
	Checked EventKind = iota + 1
	// CheckFailed: the start-up check could not run to the end (the backup
	// folder cannot be written, say). Nothing says the file is damaged, so
	// writes go on and backups are tried again every interval.
	CheckFailed
	// Damaged: the start-up check found the file damaged. The store
	// refuses every write from then on, and the Keeper makes no backups of
	// it; the caller offers Recover.
	Damaged
	// BackedUp: a periodic backup was written to Event.Path, because the
	// file changed since the newest backup.
	BackedUp
	// BackupFailed: a periodic backup failed; the next interval tries
	// again.
	BackupFailed
)

// Event is what a Keeper reports. It carries no display text: the edges
// (the window, the command line) name it in the reader's language.
type Event struct {
	Kind EventKind
	// Path is the backup: of Checked and BackedUp, and of CheckFailed or
	// BackupFailed when the copy was written but a later step failed.
	Path string
	// Made is set on Checked when the check's copy was kept as a new
	// backup.
	Made bool
	// Err is the failure: of CheckFailed, Damaged and BackupFailed.
	Err error
}

// KeepOptions tune Keep. The zero value checks at once and backs up every
// BackupInterval.
type KeepOptions struct {
	// Delay is how long the start-up check waits, so it does not compete
	// with whatever the caller does first (the window's first frame). A
	// write that arrives meanwhile starts it at once.
	Delay time.Duration
	// Interval is how often the file is backed up when it changed; zero
	// means BackupInterval.
	Interval time.Duration
	// Now is the clock that names backups and files set aside; nil means
	// time.Now.
	Now func() time.Time
	// Report receives every event, on the Keeper's goroutine, and must not
	// call Stop. nil drops them.
	Report func(Event)
	// NoHold lets writes go on before the start-up check. Only for a file
	// just checked another way: a backup that Restore verified, or a new,
	// empty file.
	NoHold bool
}

// Keeper runs an open store's life beside its user: one start-up check,
// then a backup every interval while the file changes. The window and the
// headless `fulcrum serve` both use it, so both check and back up a file
// alike.
//
// bbolt opens many damaged files without complaint, so nothing is written
// before the check: Keep holds the store's writes (HoldWrites) until the
// check has run, and a write that waits starts the check early. A file
// the check finds damaged is written no more: held writes then fail with
// ErrDamaged.
//
// A headless caller:
//
//	st, err := store.Open(path, store.Options{})
//	if err != nil {
//		return err
//	}
//	defer st.Close()
//	k := store.Keep(st, store.KeepOptions{Delay: 2 * time.Second, Report: func(e store.Event) {
//		if e.Kind == store.Damaged {
//			log.Printf("%s is damaged: %v", st.Path(), e.Err)
//		}
//	}})
//	defer k.Stop() // before st.Close: the last backup may still be running
type Keeper struct {
	st    *Store
	opt   KeepOptions
	stop  chan struct{}
	once  sync.Once
	done  chan struct{}
	ready chan struct{}
	// held is set when this Keeper holds the store's writes and must let
	// them go.
	held bool
}

// Keep starts keeping st: its goroutine runs until Stop. Stop it before
// closing st, and when st's file is replaced (see Recover), keep the new
// file with a Keeper of its own.
func Keep(st *Store, opt KeepOptions) *Keeper {
	if opt.Interval <= 0 {
		opt.Interval = BackupInterval
	}
	if opt.Now == nil {
		opt.Now = time.Now
	}
	if opt.Report == nil {
		opt.Report = func(Event) {}
	}
	k := &Keeper{st: st, opt: opt, stop: make(chan struct{}), done: make(chan struct{}), ready: make(chan struct{})}
	var writing <-chan struct{} // nil, so never ready, when not holding
	if !opt.NoHold {
		writing = st.HoldWrites()
		k.held = true
	}
	go k.run(writing)
	return k
}

// Ready is closed once the start-up check's event has been reported (its
// Report call has returned), or when the Keeper stopped before the check.
func (k *Keeper) Ready() <-chan struct{} { return k.ready }

// Stop ends the Keeper and returns once its goroutine has: no event is
// reported after Stop returns. A backup under way is finished first. If
// the check has not run yet, held writes are let go, unchecked, so a
// caller can still save on its way out. Stop may be called more than once.
func (k *Keeper) Stop() {
	k.once.Do(func() { close(k.stop) })
	<-k.done
}

func (k *Keeper) run(writing <-chan struct{}) {
	defer close(k.done)
	delay := time.NewTimer(k.opt.Delay)
	defer delay.Stop()
	select {
	case <-delay.C:
	case <-writing:
	case <-k.stop:
		k.release()
		close(k.ready)
		return
	}
	if !k.check() {
		return
	}
	tick := time.NewTicker(k.opt.Interval)
	defer tick.Stop()
	for {
		select {
		case <-tick.C:
			k.backup()
		case <-k.stop:
			return
		}
	}
}

// check runs the start-up check, reports it and closes ready. It reports
// whether the file may be kept on (is not damaged).
func (k *Keeper) check() bool {
	defer close(k.ready)
	// The check walks a copy, which also serves as the start-up backup.
	// Damage it finds marks the store, so the writes let go here fail.
	path, made, err := k.st.CheckByCopy(k.opt.Now())
	k.release()
	switch {
	case errors.Is(err, ErrDamaged):
		k.opt.Report(Event{Kind: Damaged, Err: err})
		return false
	case err != nil:
		k.opt.Report(Event{Kind: CheckFailed, Path: path, Err: err})
	default:
		k.opt.Report(Event{Kind: Checked, Path: path, Made: made})
	}
	return true
}

func (k *Keeper) backup() {
	path, made, err := k.st.BackupIfChanged(k.opt.Now())
	switch {
	case err != nil:
		k.opt.Report(Event{Kind: BackupFailed, Path: path, Err: err})
	case made:
		k.opt.Report(Event{Kind: BackedUp, Path: path})
	}
}

func (k *Keeper) release() {
	if k.held {
		k.st.ReleaseWrites()
	}
}
