package store_test

import (
	"errors"
	"testing"
	"time"

	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/canvas/store"
)

// Follow saves the owner's session as it stands when the timer fires:
// many changes, one timer, one save holding the last of them.
func TestAutosaverFollowsAnOwner(t *testing.T) {
	st := openStore(t, dbPath(t), store.Options{})
	a, clk, log := newFakeAutosaver(t, st, 300*time.Millisecond)
	s := newSession(t, "phones", "p")
	o := canvas.NewOwner(s, nil)
	stop := a.Follow(o)
	for i := range 5 {
		v := i * 10
		must(t, o.Apply(canvas.SetCurrent{Dimension: "customer", Value: &v}))
	}
	if clk.scheduled() != 1 || !a.Pending() {
		t.Fatalf("%d timers after five changes, pending %v", clk.scheduled(), a.Pending())
	}
	if _, err := st.Load(s.ID); !errors.Is(err, store.ErrNotFound) {
		t.Fatalf("saved before the timer: %v", err)
	}
	clk.fire(t, 0)
	got, err := st.Load(s.ID)
	if err != nil {
		t.Fatal(err)
	}
	if c := got.Position("customer").Current; c == nil || *c != 40 || len(log.calls()) != 1 || a.Pending() {
		t.Fatalf("saved current %v after %d saves, pending %v", c, len(log.calls()), a.Pending())
	}
	stop()
	v := 99
	must(t, o.Apply(canvas.SetCurrent{Dimension: "customer", Value: &v}))
	if a.Pending() {
		t.Fatal("a change after stop is pending")
	}
	// Changed after Follow replaces the owner's copy, as a newer state.
	s2 := o.Snapshot()
	s2.Title = "by hand"
	a.Changed(s2)
	must(t, a.Flush())
	if got, _ := st.Load(s.ID); got.Title != "by hand" {
		t.Fatalf("title %q", got.Title)
	}
}
