package store_test

// The Keeper runs an open file's life: the start-up check before anything
// is written, backups while the file changes, and a clean stop. These
// tests wait on events and channels; their timeouts only end a hung test.

import (
	"bytes"
	"errors"
	"fmt"
	"log"
	"os"
	"runtime"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/canvas/store"
)

// hung bounds every wait: a Keeper that works answers in well under it.
const hung = 30 * time.Second

// eventLog collects a Keeper's events.
type eventLog struct {
	ch chan store.Event
}

func newEventLog() *eventLog { return &eventLog{ch: make(chan store.Event, 1000)} }

func (l *eventLog) report(e store.Event) { l.ch <- e }

// next is the next event, failing the test if none comes.
func (l *eventLog) next(t *testing.T) store.Event {
	t.Helper()
	select {
	case e := <-l.ch:
		return e
	case <-time.After(hung):
		t.Fatal("the keeper reported nothing")
		return store.Event{}
	}
}

// rest is every event reported and not yet read; call it after Stop.
func (l *eventLog) rest() []store.Event {
	var out []store.Event
	for {
		select {
		case e := <-l.ch:
			out = append(out, e)
		default:
			return out
		}
	}
}

func waitFor(t *testing.T, ch <-chan struct{}, what string) {
	t.Helper()
	select {
	case <-ch:
	case <-time.After(hung):
		t.Fatal(what)
	}
}

// ticking is a clock that moves a second per call, so every backup gets
// its own name, and that counts its calls: the Keeper reads it once per
// check or backup, so a test can tell that a backup round has passed
// without reading the wall clock.
type ticking struct {
	mu    sync.Mutex
	now   time.Time
	calls chan struct{}
}

func newTicking() *ticking {
	return &ticking{now: baseTime, calls: make(chan struct{}, 1000)}
}

func (c *ticking) Now() time.Time {
	c.mu.Lock()
	defer c.mu.Unlock()
	c.now = c.now.Add(time.Second)
	select {
	case c.calls <- struct{}{}:
	default:
	}
	return c.now
}

// drain forgets the calls made so far.
func (c *ticking) drain() {
	for {
		select {
		case <-c.calls:
		default:
			return
		}
	}
}

// keepersRunning counts Keeper goroutines in the process.
func keepersRunning() int {
	buf := make([]byte, 1<<20)
	buf = buf[:runtime.Stack(buf, true)]
	return strings.Count(string(buf), "store.(*Keeper).run(")
}

// noKeeperLeft fails the test if a Keeper goroutine is still there once
// the ones that have returned from Stop are gone.
func noKeeperLeft(t *testing.T) {
	t.Helper()
	// A goroutine that closed its done channel may not have been taken off
	// the list yet; wait for it, up to the hung bound.
	for deadline := time.Now().Add(hung); keepersRunning() > 0 && time.Now().Before(deadline); {
		time.Sleep(time.Millisecond)
	}
	if n := keepersRunning(); n > 0 {
		t.Errorf("%d keeper goroutines outlived Stop", n)
	}
}

func TestKeeperChecksAfterTheDelayAndReportsTheBackup(t *testing.T) {
	path, ids := sessionsDB(t, 2)
	st := openStore(t, path, store.Options{})
	events := newEventLog()
	clock := newTicking()
	k := store.Keep(st, store.KeepOptions{Delay: time.Millisecond, Now: clock.Now, Report: events.report})
	defer k.Stop()
	waitFor(t, k.Ready(), "the start-up check did not finish")
	e := events.next(t)
	if e.Kind != store.Checked || !e.Made || e.Err != nil {
		t.Fatalf("first event %+v; want Checked with a new backup", e)
	}
	list, err := store.Backups(path)
	if err != nil || len(list) != 1 || list[0] != e.Path {
		t.Fatalf("backups %v, %v; want only the check's %s", list, err, e.Path)
	}
	sameSessions(t, e.Path, loadAll(t, st, ids)...)
	k.Stop()

	// The file did not change: a second start names the same backup and
	// writes none.
	k2 := store.Keep(st, store.KeepOptions{Now: clock.Now, Report: events.report})
	defer k2.Stop()
	waitFor(t, k2.Ready(), "the second start-up check did not finish")
	if e2 := events.next(t); e2.Kind != store.Checked || e2.Made || e2.Path != e.Path {
		t.Errorf("second check %+v; want Checked naming %s, not made", e2, e.Path)
	}
	if list, _ := store.Backups(path); len(list) != 1 {
		t.Errorf("backups after an unchanged start %v; want one", list)
	}
}

func TestKeeperChecksNothingBeforeTheDelayUnlessAWriteWaits(t *testing.T) {
	path, _ := sessionsDB(t, 1)
	st := openStore(t, path, store.Options{})
	events := newEventLog()
	k := store.Keep(st, store.KeepOptions{Delay: time.Hour, Report: events.report})
	k.Stop()
	waitFor(t, k.Ready(), "Ready stays open after Stop")
	if got := events.rest(); len(got) != 0 {
		t.Errorf("events before the delay ran out: %+v", got)
	}
	if list, _ := store.Backups(path); len(list) != 0 {
		t.Errorf("backups before the delay ran out: %v", list)
	}
	// Stopped before its check, the Keeper let the writes go.
	must(t, st.Save(newSession(t, "después", "p")))
}

func TestKeeperStartsTheCheckWhenAWriteWaits(t *testing.T) {
	path, ids := sessionsDB(t, 1)
	st := openStore(t, path, store.Options{})
	before := loadAll(t, st, ids)
	events := newEventLog()
	k := store.Keep(st, store.KeepOptions{Delay: time.Hour, Report: events.report})
	defer k.Stop()
	s := newSession(t, "escrita en espera", "p")
	saved := make(chan error, 1)
	go func() { saved <- st.Save(s) }()
	waitFor(t, k.Ready(), "a waiting write did not start the check")
	e := events.next(t)
	if e.Kind != store.Checked {
		t.Fatalf("event %+v; want Checked", e)
	}
	select {
	case err := <-saved:
		must(t, err)
	case <-time.After(hung):
		t.Fatal("the write is still held after the check")
	}
	// The check copied the file as it was before the write: nothing was
	// written before it.
	sameSessions(t, e.Path, before...)
	if _, err := st.Load(s.ID); err != nil {
		t.Errorf("the held write did not reach the file: %v", err)
	}
}

func TestKeeperTakesOverAHoldInForce(t *testing.T) {
	path, _ := sessionsDB(t, 1)
	st := openStore(t, path, store.Options{})
	// The window holds writes before it is built; a write may start
	// waiting before the Keeper does.
	waiting := st.HoldWrites()
	saved := make(chan error, 1)
	go func() { saved <- st.Save(newSession(t, "antes del guardián", "p")) }()
	waitFor(t, waiting, "the write did not wait")
	events := newEventLog()
	k := store.Keep(st, store.KeepOptions{Delay: time.Hour, Report: events.report})
	defer k.Stop()
	waitFor(t, k.Ready(), "the write waiting before Keep did not start the check")
	if e := events.next(t); e.Kind != store.Checked {
		t.Errorf("event %+v; want Checked", e)
	}
	select {
	case err := <-saved:
		must(t, err)
	case <-time.After(hung):
		t.Fatal("the write waiting before Keep is held for ever")
	}
}

func TestKeeperFindsDamageAndTheStoreRefusesWrites(t *testing.T) {
	path, _ := sessionsDB(t, 1)
	// A record bbolt keeps without complaint and Fulcrum cannot read:
	// the file opens, and only the check finds it.
	setRaw(t, path, "sessions", "s00", "{garbage")
	data := readBytes(t, path)
	st := openStore(t, path, store.Options{})
	events := newEventLog()
	k := store.Keep(st, store.KeepOptions{Delay: time.Hour, Interval: time.Millisecond, Report: events.report})
	saved := make(chan error, 1)
	go func() { saved <- st.Save(newSession(t, "no debe escribirse", "p")) }()
	waitFor(t, k.Ready(), "a waiting write did not start the check")
	e := events.next(t)
	if e.Kind != store.Damaged || !errors.Is(e.Err, store.ErrDamaged) {
		t.Fatalf("event %+v; want Damaged with ErrDamaged", e)
	}
	select {
	case err := <-saved:
		if !errors.Is(err, store.ErrDamaged) {
			t.Errorf("the held write = %v; want ErrDamaged", err)
		}
	case <-time.After(hung):
		t.Fatal("the held write never ended")
	}
	if err := st.Save(newSession(t, "tampoco", "p")); !errors.Is(err, store.ErrDamaged) {
		t.Errorf("a later write = %v; want ErrDamaged", err)
	}
	k.Stop()
	if got := events.rest(); len(got) != 0 {
		t.Errorf("events after the damage: %+v; a damaged file is not backed up", got)
	}
	if list, _ := store.Backups(path); len(list) != 0 {
		t.Errorf("the damaged file was kept as a backup: %v", list)
	}
	if !bytes.Equal(readBytes(t, path), data) {
		t.Error("the damaged file was written to")
	}
}

func TestKeeperBacksUpOnlyWhenTheFileChanged(t *testing.T) {
	path, _ := sessionsDB(t, 1)
	st := openStore(t, path, store.Options{})
	events := newEventLog()
	clock := newTicking()
	k := store.Keep(st, store.KeepOptions{Interval: time.Millisecond, Now: clock.Now, Report: events.report})
	defer k.Stop()
	waitFor(t, k.Ready(), "the start-up check did not finish")
	if e := events.next(t); e.Kind != store.Checked {
		t.Fatalf("event %+v; want Checked", e)
	}
	// Unchanged: rounds pass, and none backs up.
	rounds := func(n int) {
		t.Helper()
		clock.drain() // rounds counted from now on
		for range n {
			waitFor(t, clock.calls, "no backup round ran")
		}
	}
	rounds(3)
	if got := events.rest(); len(got) != 0 {
		t.Fatalf("events while the file did not change: %+v", got)
	}
	s := newSession(t, "cambio", "p")
	must(t, st.Save(s))
	e := events.next(t)
	if e.Kind != store.BackedUp || e.Err != nil {
		t.Fatalf("event after a change %+v; want BackedUp", e)
	}
	b := openStore(t, e.Path, store.Options{ReadOnly: true})
	if _, err := b.Load(s.ID); err != nil {
		t.Errorf("the backup lacks the change: %v", err)
	}
	rounds(3)
	k.Stop()
	if got := events.rest(); len(got) != 0 {
		t.Errorf("events after the one change was backed up: %+v", got)
	}
	if list, _ := store.Backups(path); len(list) != 2 {
		t.Errorf("backups %v; want the check's and the change's", list)
	}
}

func TestKeeperReportsAFailedBackup(t *testing.T) {
	path, _ := sessionsDB(t, 1)
	st := openStore(t, path, store.Options{})
	events := newEventLog()
	clock := newTicking()
	k := store.Keep(st, store.KeepOptions{Interval: time.Millisecond, Now: clock.Now, Report: events.report})
	defer k.Stop()
	waitFor(t, k.Ready(), "the start-up check did not finish")
	if e := events.next(t); e.Kind != store.Checked {
		t.Fatalf("event %+v; want Checked", e)
	}
	// The backup folder becomes a file: the next backup cannot be written.
	// The folder is renamed, not removed: the keeper's ticks may be writing
	// into it at this moment, and RemoveAll then finds it not empty.
	// A tick may also make the folder again in between: then again.
	dir := store.BackupsDir(path)
	for i := 0; ; i++ {
		must(t, os.Rename(dir, fmt.Sprintf("%s.aside%d", dir, i)))
		if err := os.WriteFile(dir, []byte("no folder"), 0o600); err == nil {
			break
		} else if i == 50 {
			t.Fatal(err)
		}
	}
	must(t, st.Save(newSession(t, "cambio", "p")))
	if e := events.next(t); e.Kind != store.BackupFailed || e.Err == nil {
		t.Fatalf("event %+v; want BackupFailed", e)
	}
}

func TestKeeperStopWaitsAndMayBeCalledAgain(t *testing.T) {
	path, _ := sessionsDB(t, 1)
	st := openStore(t, path, store.Options{})
	in, release := make(chan struct{}), make(chan struct{})
	var returned, afterStop atomic.Bool
	k := store.Keep(st, store.KeepOptions{Report: func(store.Event) {
		close(in)
		<-release
		if afterStop.Load() {
			t.Error("an event was reported after Stop returned")
		}
		returned.Store(true)
	}})
	waitFor(t, in, "the start-up check reported nothing")
	stopped := make(chan struct{})
	go func() {
		k.Stop()
		afterStop.Store(true)
		close(stopped)
	}()
	close(release)
	waitFor(t, stopped, "Stop did not return")
	if !returned.Load() {
		t.Error("Stop returned while its event was still being reported")
	}
	k.Stop() // again: returns at once
	waitFor(t, k.Ready(), "Ready stays open after Stop")
	noKeeperLeft(t)
}

func TestNoKeeperOutlivesStop(t *testing.T) {
	path, _ := sessionsDB(t, 1)
	st := openStore(t, path, store.Options{})
	for _, opt := range []store.KeepOptions{
		{Delay: time.Hour},                           // stopped in its delay
		{Interval: time.Millisecond},                 // stopped while backing up
		{Interval: time.Hour, NoHold: true},          // stopped between backups
		{Delay: time.Hour, Interval: time.Hour * 24}, // both long
	} {
		k := store.Keep(st, opt)
		if opt.Delay == 0 {
			waitFor(t, k.Ready(), "the start-up check did not finish")
		}
		k.Stop()
	}
	noKeeperLeft(t)
}

// TestRecover: a damaged file is set aside unchanged and replaced by the
// newest good backup, or by nothing for a new file; with no good backup it
// stays where it was.
func TestRecover(t *testing.T) {
	damage := func(t *testing.T, path string) []byte {
		t.Helper()
		setRaw(t, path, "sessions", "s00", "{garbage")
		return readBytes(t, path)
	}
	t.Run("from the newest good backup", func(t *testing.T) {
		path, ids := sessionsDB(t, 2)
		st, err := store.Open(path, store.Options{})
		must(t, err)
		want := loadAll(t, st, ids)
		_, err = st.Backup(backupTime(1))
		must(t, err)
		must(t, st.Close())
		data := damage(t, path)
		aside, err := store.Recover(path, true, backupTime(2))
		must(t, err)
		if !bytes.Equal(readBytes(t, aside), data) {
			t.Errorf("the damaged file set aside at %s is not as it was", aside)
		}
		must(t, store.VerifyFile(path))
		sameSessions(t, path, want...)
	})
	t.Run("for a new file", func(t *testing.T) {
		path, _ := sessionsDB(t, 1)
		data := damage(t, path)
		aside, err := store.Recover(path, false, backupTime(2))
		must(t, err)
		if !bytes.Equal(readBytes(t, aside), data) {
			t.Errorf("the damaged file set aside at %s is not as it was", aside)
		}
		assertMissing(t, path)
	})
	t.Run("without a good backup", func(t *testing.T) {
		path, _ := sessionsDB(t, 1)
		data := damage(t, path)
		if _, err := store.Recover(path, true, backupTime(2)); !errors.Is(err, store.ErrNoBackup) {
			t.Errorf("Recover = %v; want ErrNoBackup", err)
		}
		if !bytes.Equal(readBytes(t, path), data) {
			t.Error("the damaged file moved or changed with no backup to put in its place")
		}
	})
}

// ExampleKeep is how a caller without a window keeps its file.
func ExampleKeep() {
	path := "fulcrum.db"
	st, err := store.Open(path, store.Options{})
	if err != nil {
		log.Fatal(err)
	}
	defer st.Close()
	k := store.Keep(st, store.KeepOptions{Delay: 2 * time.Second, Report: func(e store.Event) {
		if e.Kind == store.Damaged {
			log.Printf("%s is damaged: %v", st.Path(), e.Err)
		}
	}})
	defer k.Stop() // before st.Close: the last backup may still be running
}

func loadAll(t *testing.T, st *store.Store, ids []string) []*canvas.Session {
	t.Helper()
	var out []*canvas.Session
	for _, id := range ids {
		s, err := st.Load(id)
		must(t, err)
		out = append(out, s)
	}
	return out
}
