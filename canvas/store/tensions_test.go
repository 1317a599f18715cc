package store_test

import (
	"reflect"
	"testing"

	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/canvas/store"
)

// TestAcceptedTensionsSurviveTheStore: an acceptance made through the
// Owner is saved, read back after the file is closed and reopened, still
// marks its tension, passes the check, and can be reopened and saved
// again.
func TestAcceptedTensionsSurviveTheStore(t *testing.T) {
	path := dbPath(t)
	s := newSession(t, "Q1", "Nubia")
	must(t, s.SetCurrent("decision-makers", 75))
	must(t, s.SetCurrent("decision-cycle", 5))
	o := canvas.NewOwner(s, nil)
	reason := "we sell to committees but land through a free trial on purpose"
	must(t, o.Apply(canvas.AcceptTension{Rule: "committee-impulse", Reason: reason}))

	st, err := store.Open(path, store.Options{})
	must(t, err)
	must(t, st.Save(o.Snapshot()))
	must(t, st.Close())

	st = openStore(t, path, store.Options{})
	must(t, st.Check())
	got, err := st.Load(s.ID)
	must(t, err)
	want := []canvas.AcceptedTension{{Rule: "committee-impulse", Reason: reason}}
	if !reflect.DeepEqual(got.AcceptedTensions, want) {
		t.Fatalf("accepted tensions = %s, want %s", jsonOf(got.AcceptedTensions), jsonOf(want))
	}
	if ts := got.Tensions(); len(ts) != 1 || !ts[0].Accepted || ts[0].Reason != reason {
		t.Fatalf("tensions after loading = %s", jsonOf(ts))
	}

	o = canvas.NewOwner(got, nil)
	must(t, o.Apply(canvas.ReopenTension{Rule: "committee-impulse"}))
	must(t, st.Save(o.Snapshot()))
	again, err := st.Load(s.ID)
	must(t, err)
	if again.AcceptedTensions != nil {
		t.Errorf("after reopening and saving: %s", jsonOf(again.AcceptedTensions))
	}
	if ts := again.Tensions(); len(ts) != 1 || ts[0].Accepted {
		t.Errorf("tensions after reopening = %s", jsonOf(ts))
	}
}

// TestSchema4RecordLoadsWithoutAcceptances: a record written before
// tensions existed loads with none, and the file's check passes.
func TestSchema4RecordLoadsWithoutAcceptances(t *testing.T) {
	path := dbPath(t)
	st, err := store.Open(path, store.Options{})
	must(t, err)
	must(t, st.Close())
	rec := `{"v":4,"session":{"id":"old4","title":"t","product":"p","created":"2026-01-02T03:04:05Z","updated":"2026-01-02T03:04:05Z",` +
		`"dimensions":[],"settings":{}}}`
	setRaw(t, path, "sessions", "old4", rec)
	st = openStore(t, path, store.Options{})
	got, err := st.Load("old4")
	must(t, err)
	if got.AcceptedTensions != nil || len(got.Tensions()) != 0 {
		t.Errorf("an old record has acceptances %v or tensions %v", got.AcceptedTensions, got.Tensions())
	}
}
