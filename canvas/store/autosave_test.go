package store_test

import (
	"errors"
	"sync"
	"testing"
	"time"

	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/canvas/store"
)

// fakeClock records what the autosaver schedules instead of running it.
type fakeClock struct {
	mu     sync.Mutex
	delays []time.Duration
	funcs  []func()
	timers []*fakeTimer
}

type fakeTimer struct {
	mu      sync.Mutex
	stopped bool
}

func (ft *fakeTimer) Stop() bool {
	ft.mu.Lock()
	defer ft.mu.Unlock()
	was := !ft.stopped
	ft.stopped = true
	return was
}

func (ft *fakeTimer) isStopped() bool {
	ft.mu.Lock()
	defer ft.mu.Unlock()
	return ft.stopped
}

func (c *fakeClock) AfterFunc(d time.Duration, f func()) store.Timer {
	c.mu.Lock()
	defer c.mu.Unlock()
	ft := &fakeTimer{}
	c.delays = append(c.delays, d)
	c.funcs = append(c.funcs, f)
	c.timers = append(c.timers, ft)
	return ft
}

func (c *fakeClock) scheduled() int {
	c.mu.Lock()
	defer c.mu.Unlock()
	return len(c.funcs)
}

// fire runs the i-th scheduled callback, as the timer would.
func (c *fakeClock) fire(t *testing.T, i int) {
	t.Helper()
	c.mu.Lock()
	if i >= len(c.funcs) {
		c.mu.Unlock()
		t.Fatalf("timer %d was never scheduled (%d scheduled)", i, len(c.funcs))
	}
	f := c.funcs[i]
	c.mu.Unlock()
	f()
}

// savedLog records onSaved calls.
type savedLog struct {
	mu   sync.Mutex
	errs []error
}

func (l *savedLog) onSaved(err error) {
	l.mu.Lock()
	defer l.mu.Unlock()
	l.errs = append(l.errs, err)
}

func (l *savedLog) calls() []error {
	l.mu.Lock()
	defer l.mu.Unlock()
	return append([]error(nil), l.errs...)
}

func newFakeAutosaver(t *testing.T, st *store.Store, delay time.Duration) (*store.Autosaver, *fakeClock, *savedLog) {
	t.Helper()
	clk := &fakeClock{}
	log := &savedLog{}
	a := store.NewAutosaver(st, delay, log.onSaved)
	a.AfterFunc = clk.AfterFunc
	return a, clk, log
}

func TestAutosaverDebouncesAndSavesLatest(t *testing.T) {
	st := openStore(t, dbPath(t), store.Options{})
	a, clk, log := newFakeAutosaver(t, st, 300*time.Millisecond)

	s := newSession(t, "v1", "p")
	a.Changed(s)
	if _, err := st.Load(s.ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("Changed saved at once (Load: %v)", err)
	}
	if !a.Pending() {
		t.Error("Pending() = false right after Changed")
	}
	if clk.scheduled() != 1 {
		t.Fatalf("%d timers scheduled, want 1", clk.scheduled())
	}
	if d := clk.delays[0]; d != 300*time.Millisecond || d > time.Second {
		t.Errorf("delay = %v, want 300ms", d)
	}

	s.Title = "v2"
	a.Changed(s)
	s.Title = "v3 — última"
	must(t, s.SetCurrent("customer", 65))
	s.Touch(baseTime.Add(time.Minute))
	a.Changed(s)
	want := deepCopy(t, s)
	if clk.scheduled() != 1 {
		t.Fatalf("%d timers scheduled after three changes, want 1", clk.scheduled())
	}
	if _, err := st.Load(s.ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("saved before the timer fired (Load: %v)", err)
	}
	if len(log.calls()) != 0 {
		t.Errorf("onSaved called before any save: %v", log.calls())
	}

	// Editing after Changed must not leak into the snapshot.
	s.Title = "sin guardar"
	must(t, s.SetCurrent("customer", 5))
	s.Placements = append(s.Placements, canvas.Placement{Dimension: "data", Participant: "x", Value: 1})

	clk.fire(t, 0)
	got, err := st.Load(s.ID)
	must(t, err)
	if d := sessionDiff(got, want); d != "" {
		t.Errorf("saved state is not the last Changed one:%s", d)
	}
	if a.Pending() {
		t.Error("Pending() = true after the save")
	}
	if calls := log.calls(); len(calls) != 1 || calls[0] != nil {
		t.Errorf("onSaved calls = %v, want [nil]", calls)
	}

	// A change after the save schedules a new timer.
	a.Changed(s)
	if clk.scheduled() != 2 {
		t.Errorf("%d timers after a change following a save, want 2", clk.scheduled())
	}
}

func TestAutosaverDefaultDelay(t *testing.T) {
	st := openStore(t, dbPath(t), store.Options{})
	for _, d := range []time.Duration{0, -time.Second} {
		a, clk, _ := newFakeAutosaver(t, st, d)
		a.Changed(newSession(t, "x", "p"))
		if clk.scheduled() != 1 {
			t.Fatalf("delay %v: %d timers scheduled", d, clk.scheduled())
		}
		if got := clk.delays[0]; got != store.DefaultAutosaveDelay || got <= 0 || got > time.Second {
			t.Errorf("delay %v: scheduled after %v, want DefaultAutosaveDelay (%v, at most 1s)", d, got, store.DefaultAutosaveDelay)
		}
	}
}

func TestAutosaverSnapshotsDeeply(t *testing.T) {
	st := openStore(t, dbPath(t), store.Options{})
	a, _, _ := newFakeAutosaver(t, st, time.Second)
	s := fullSession(t)
	want := deepCopy(t, s)
	a.Changed(s)

	// Mutate through every shared structure the caller still holds.
	*s.Positions[0].Current = 1
	*s.Positions[0].Target = 3
	s.Placements[0].Value = 2
	s.Participants[0].Name = "otro"
	s.Actions[0].Text = "cambiada"
	s.Dimensions[0].Name = "renamed"
	s.Round.Done[0] = "someone else"
	s.Round.Order[1] = "reordered"
	s.Round.Dimensions[0] = "value"
	s.Round.Revealed = true
	s.Settings.Anonymous = false

	must(t, a.Flush())
	got, err := st.Load(s.ID)
	must(t, err)
	if d := sessionDiff(got, want); d != "" {
		t.Errorf("later edits leaked into the saved snapshot:%s", d)
	}
}

func TestAutosaverFlush(t *testing.T) {
	st := openStore(t, dbPath(t), store.Options{})
	a, clk, log := newFakeAutosaver(t, st, time.Second)

	// Nothing pending: Flush is a no-op.
	must(t, a.Flush())
	if len(log.calls()) != 0 || clk.scheduled() != 0 {
		t.Errorf("empty Flush: onSaved %v, %d timers", log.calls(), clk.scheduled())
	}

	s := newSession(t, "ahora", "p")
	a.Changed(s)
	must(t, a.Flush())
	got, err := st.Load(s.ID)
	must(t, err)
	if d := sessionDiff(got, s); d != "" {
		t.Errorf("flushed session differs:%s", d)
	}
	if a.Pending() {
		t.Error("Pending() = true after Flush")
	}
	if calls := log.calls(); len(calls) != 1 || calls[0] != nil {
		t.Errorf("onSaved calls = %v, want [nil]", calls)
	}
	if !clk.timers[0].isStopped() {
		t.Error("Flush left the timer running")
	}

	// The stale timer firing anyway saves nothing more.
	clk.fire(t, 0)
	if calls := log.calls(); len(calls) != 1 {
		t.Errorf("stale timer caused another save: %v", calls)
	}

	// Close flushes too.
	s.Title = "al cerrar"
	a.Changed(s)
	must(t, a.Close())
	got, err = st.Load(s.ID)
	must(t, err)
	if got.Title != "al cerrar" {
		t.Errorf("Close did not save: title %q", got.Title)
	}
	if a.Pending() {
		t.Error("Pending() after Close")
	}
}

func TestAutosaverFailedSaveRetries(t *testing.T) {
	st := openStore(t, dbPath(t), store.Options{MaxSize: smallMax})
	a, clk, log := newFakeAutosaver(t, st, 200*time.Millisecond)

	small := newSession(t, "pequeña", "p")
	must(t, st.Save(small))
	big := bigSession(t, small)

	a.Changed(big)
	err := a.Flush()
	if err == nil {
		t.Fatal("Flush of a session over MaxSize succeeded")
	}
	if !a.Pending() {
		t.Error("Pending() = false after a failed save: the change was dropped")
	}
	if n := clk.scheduled(); n != 2 {
		t.Fatalf("%d timers scheduled, want 2 (the first, then a retry)", n)
	}
	if !clk.timers[0].isStopped() {
		t.Error("first timer not stopped by Flush")
	}
	if clk.timers[1].isStopped() {
		t.Error("retry timer already stopped")
	}
	if clk.delays[1] <= 0 || clk.delays[1] > time.Second {
		t.Errorf("retry delay %v", clk.delays[1])
	}
	calls := log.calls()
	if len(calls) != 1 || calls[0] == nil || calls[0].Error() != err.Error() {
		t.Errorf("onSaved calls = %v, want [%v]", calls, err)
	}
	got, lerr := st.Load(small.ID)
	must(t, lerr)
	if got.Title != "pequeña" {
		t.Errorf("failed save changed the stored session: %q", got.Title)
	}

	// The retry fails too, and schedules another.
	clk.fire(t, 1)
	if !a.Pending() || clk.scheduled() != 3 {
		t.Errorf("after failed retry: pending %v, %d timers (want true, 3)", a.Pending(), clk.scheduled())
	}
	if calls := log.calls(); len(calls) != 2 || calls[1] == nil {
		t.Errorf("onSaved calls = %v, want two errors", calls)
	}

	// A newer, storable change rides the pending retry (no new timer) and
	// replaces the failed one.
	fixed := small.Clone()
	fixed.Title = "arreglada"
	a.Changed(fixed)
	if clk.scheduled() != 3 {
		t.Errorf("Changed during a pending retry scheduled another timer (%d)", clk.scheduled())
	}
	clk.fire(t, 2)
	if a.Pending() {
		t.Error("Pending() after a successful retry")
	}
	got, lerr = st.Load(small.ID)
	must(t, lerr)
	if d := sessionDiff(got, fixed); d != "" {
		t.Errorf("retry saved the wrong state:%s", d)
	}
	if calls := log.calls(); len(calls) != 3 || calls[2] != nil {
		t.Errorf("onSaved calls = %v, want last nil", calls)
	}
}

func TestAutosaverRealTimer(t *testing.T) {
	st := openStore(t, dbPath(t), store.Options{})
	saved := make(chan error, 16)
	a := store.NewAutosaver(st, 50*time.Millisecond, func(err error) { saved <- err })
	t.Cleanup(func() { _ = a.Close() })

	s := newSession(t, "en tiempo real", "p")
	a.Changed(s)
	deadline := time.Now().Add(2 * time.Second) // bound, not a speed test
	for {
		got, err := st.Load(s.ID)
		if err == nil {
			if d := sessionDiff(got, s); d != "" {
				t.Errorf("autosaved session differs:%s", d)
			}
			break
		}
		if !errors.Is(err, store.ErrNotFound) {
			t.Fatalf("Load: %v", err)
		}
		if time.Now().After(deadline) {
			t.Fatal("autosave did not happen within 2s")
		}
		time.Sleep(10 * time.Millisecond)
	}
	select {
	case err := <-saved:
		if err != nil {
			t.Errorf("onSaved(%v), want nil", err)
		}
	case <-time.After(2 * time.Second):
		t.Error("onSaved not called")
	}
	if a.Pending() {
		t.Error("Pending() after the timer saved")
	}
}
