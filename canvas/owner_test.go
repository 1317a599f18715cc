package canvas_test

import (
	"errors"
	"fmt"
	"reflect"
	"sync"
	"testing"
	"time"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

func ownedSession(t *testing.T) (*canvas.Owner, *canvas.Session) {
	t.Helper()
	s, err := canvas.NewSession("quick", "Q4", "Nubia CRM", time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	for _, n := range []string{"Ana", "陈静", "Luis"} {
		if _, err := s.AddParticipant(n, ""); err != nil {
			t.Fatal(err)
		}
	}
	clock := time.Date(2026, 11, 28, 10, 0, 0, 0, time.UTC)
	o := canvas.NewOwner(s, func() time.Time { clock = clock.Add(time.Second); return clock })
	return o, s
}

func ptr(v int) *int { return &v }

// Every kind of op is undone to exactly the session before it, and redone
// to exactly the session after it.
func TestOwnerUndoRedoEveryOp(t *testing.T) {
	ops := []struct {
		name string
		op   func(s *canvas.Session) canvas.Op
	}{
		{"current", func(*canvas.Session) canvas.Op { return canvas.SetCurrent{Dimension: "customer", Value: ptr(70)} }},
		{"clear current", func(*canvas.Session) canvas.Op { return canvas.SetCurrent{Dimension: "value"} }},
		{"target", func(*canvas.Session) canvas.Op { return canvas.SetTarget{Dimension: "customer", Value: ptr(90)} }},
		{"note", func(*canvas.Session) canvas.Op { return canvas.SetNote{Dimension: "value", Note: "合同续约率"} }},
		{"placement", func(s *canvas.Session) canvas.Op {
			return canvas.SetPlacement{Placement: canvas.Placement{Dimension: "customer", Participant: s.Participants[1].ID, Value: 40, Confidence: 3, Note: "¿seguro?"}}
		}},
		{"clear placement", func(s *canvas.Session) canvas.Op {
			return canvas.ClearPlacement{Participant: s.Participants[0].ID, Dimension: "value"}
		}},
		{"add participant", func(*canvas.Session) canvas.Op { return canvas.AddParticipant{Name: "María", Role: "Ventas"} }},
		{"rename participant", func(s *canvas.Session) canvas.Op {
			return canvas.UpdateParticipant{ID: s.Participants[0].ID, Name: "Ana García", Role: "PM"}
		}},
		{"move participant", func(s *canvas.Session) canvas.Op { return canvas.MoveParticipant{ID: s.Participants[0].ID, Delta: 2} }},
		{"remove participant", func(s *canvas.Session) canvas.Op { return canvas.RemoveParticipant{ID: s.Participants[0].ID} }},
		{"settings", func(*canvas.Session) canvas.Op {
			return canvas.SetSettings{Settings: canvas.Settings{Threshold: 25, Anonymous: true, TimerSeconds: 300, TimerScope: canvas.TimerPerRound}}
		}},
		{"start round", func(*canvas.Session) canvas.Op {
			return canvas.StartRound{Mode: canvas.RoundBlind, Dimensions: []string{"value"}, At: time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)}
		}},
		{"add action", func(*canvas.Session) canvas.Op {
			return canvas.AddAction{Action: canvas.Action{Text: "通知客户", Owner: "陈静", Due: "2027-01-10", Dimension: "customer"}}
		}},
		{"edit action", func(*canvas.Session) canvas.Op {
			return canvas.UpdateAction{Index: 0, Action: canvas.Action{Text: "Llamar", Owner: "Luis"}}
		}},
		{"delete action", func(*canvas.Session) canvas.Op { return canvas.DeleteAction{Index: 1} }},
		{"move action", func(*canvas.Session) canvas.Op { return canvas.MoveAction{Index: 0, Delta: 1} }},
		{"rename", func(*canvas.Session) canvas.Op { return canvas.Rename{Title: "Q1", Product: "Nubia"} }},
		{"accept tension", func(*canvas.Session) canvas.Op {
			return canvas.AcceptTension{Rule: "committee-impulse", Reason: "el comité firma rápido: ya es cliente"}
		}},
		{"change a reason", func(*canvas.Session) canvas.Op {
			return canvas.AcceptTension{Rule: "committee-self-serve", Reason: "试用期后由销售跟进"}
		}},
		{"reopen tension", func(*canvas.Session) canvas.Op { return canvas.ReopenTension{Rule: "committee-self-serve"} }},
		{"add a custom dimension", func(*canvas.Session) canvas.Op {
			return canvas.AddDimension{Dimension: canvas.Dimension{Key: "供给侧", Group: "市场", Name: "供给侧", Question: "谁在供给?", ToC: "个人", ToB: "商家"}}
		}},
		{"add a built-in dimension", func(*canvas.Session) canvas.Op { return canvas.AddDimension{Dimension: canvas.Dimension{Key: "data"}} }},
		{"remove a dimension with placements", func(*canvas.Session) canvas.Op { return canvas.RemoveDimension{Key: "value"} }},
	}
	for _, tc := range ops {
		t.Run(tc.name, func(t *testing.T) {
			o, s := ownedSession(t)
			// A session with something in every part, so undo has
			// something to get wrong.
			for _, op := range []canvas.Op{
				canvas.SetCurrent{Dimension: "value", Value: ptr(55)},
				canvas.SetPlacement{Placement: canvas.Placement{Dimension: "value", Participant: s.Participants[0].ID, Value: 20}},
				canvas.AddAction{Action: canvas.Action{Text: "first"}},
				canvas.AddAction{Action: canvas.Action{Text: "second"}},
				canvas.AcceptTension{Rule: "committee-self-serve", Reason: "we land through a free trial on purpose"},
			} {
				if err := o.Apply(op); err != nil {
					t.Fatal(err)
				}
			}
			o.Seal() // the setup's edits end here, as a UI ends one
			before := o.Snapshot()
			if err := o.Apply(tc.op(before)); err != nil {
				t.Fatalf("apply: %v", err)
			}
			after := o.Snapshot()
			if sameParts(before, after) {
				t.Fatal("the op changed nothing")
			}
			if err := o.Undo(); err != nil {
				t.Fatal(err)
			}
			if got := o.Snapshot(); !sameParts(got, before) {
				t.Errorf("after undo:\n got %+v\nwant %+v", got, before)
			}
			if err := o.Redo(); err != nil {
				t.Fatal(err)
			}
			if got := o.Snapshot(); !sameParts(got, after) {
				t.Errorf("after redo:\n got %+v\nwant %+v", got, after)
			}
			_ = s
		})
	}
}

// sameParts compares sessions but for the time of the last change, which
// every undo and redo moves on.
func sameParts(a, b *canvas.Session) bool {
	a, b = a.Clone(), b.Clone()
	a.Updated, b.Updated = time.Time{}, time.Time{}
	return reflect.DeepEqual(a, b)
}

func TestOwnerRefusesBadOpsUnchanged(t *testing.T) {
	o, s := ownedSession(t)
	before := o.Snapshot()
	var told int
	o.Listen(func(canvas.Change) { told++ })
	bad := []canvas.Op{
		canvas.SetCurrent{Dimension: "customer", Value: ptr(101)},
		canvas.SetCurrent{Dimension: "no-such", Value: ptr(1)},
		canvas.SetTarget{Dimension: "customer", Value: ptr(-1)},
		canvas.SetPlacement{Placement: canvas.Placement{Dimension: "customer", Participant: "nobody", Value: 5}},
		canvas.SetPlacement{Placement: canvas.Placement{Dimension: "customer", Participant: s.Participants[0].ID, Value: 5, Confidence: 6}},
		canvas.AddParticipant{Name: "  "},
		canvas.RemoveParticipant{ID: "nobody"},
		canvas.SetSettings{Settings: canvas.Settings{Threshold: 101}},
		canvas.SetSettings{Settings: canvas.Settings{TimerSeconds: -1}},
		canvas.SetSettings{Settings: canvas.Settings{TimerScope: "week"}},
		canvas.AddAction{Action: canvas.Action{Text: " "}},
		canvas.AddAction{Action: canvas.Action{Text: "x", Due: "tomorrow"}},
		canvas.AddAction{Action: canvas.Action{Text: "x", Dimension: "no-such"}},
		canvas.DeleteAction{Index: 0},
		canvas.BeginTurn{ID: s.Participants[0].ID},
		canvas.Reveal{},
		canvas.StartRound{Mode: "loud"},
		canvas.Rename{Title: ""},
		canvas.AcceptTension{Rule: "no-such", Reason: "why"},
		canvas.AcceptTension{Rule: "committee-impulse", Reason: " \n"},
		canvas.AcceptTension{Rule: "committee-impulse", Reason: "a\x00b"},
		canvas.ReopenTension{Rule: "committee-impulse"},
	}
	for _, op := range bad {
		if err := o.Apply(op); err == nil {
			t.Errorf("%#v was accepted", op)
		}
	}
	if got := o.Snapshot(); !reflect.DeepEqual(got, before) {
		t.Errorf("refused ops changed the session:\n got %+v\nwant %+v", got, before)
	}
	if told != 0 || o.CanUndo() {
		t.Errorf("refused ops were told (%d) or recorded (%v)", told, o.CanUndo())
	}
}

// A drag is one undo step; a new drag, or a drag of another slider, is
// another.
func TestOwnerMergesOneDrag(t *testing.T) {
	o, _ := ownedSession(t)
	for v := 50; v <= 60; v++ {
		if err := o.Apply(canvas.SetCurrent{Dimension: "customer", Value: ptr(v)}); err != nil {
			t.Fatal(err)
		}
	}
	o.Seal()
	for v := 61; v <= 65; v++ {
		if err := o.Apply(canvas.SetCurrent{Dimension: "customer", Value: ptr(v)}); err != nil {
			t.Fatal(err)
		}
	}
	if err := o.Apply(canvas.SetCurrent{Dimension: "value", Value: ptr(5)}); err != nil {
		t.Fatal(err)
	}
	current := func(key string) *int {
		var v *int
		o.Read(func(s *canvas.Session) {
			if c := s.Position(key).Current; c != nil {
				v = ptr(*c)
			}
		})
		return v
	}
	steps := []struct {
		key  string
		want *int
	}{{"value", nil}, {"customer", ptr(60)}, {"customer", nil}}
	for i, st := range steps {
		if err := o.Undo(); err != nil {
			t.Fatalf("undo %d: %v", i+1, err)
		}
		if got := current(st.key); !reflect.DeepEqual(got, st.want) {
			t.Errorf("undo %d: %s = %v, want %v", i+1, st.key, deref(got), deref(st.want))
		}
	}
	if err := o.Undo(); !errors.Is(err, canvas.ErrNothingToUndo) {
		t.Errorf("undo past the start: %v", err)
	}
}

func deref(p *int) string {
	if p == nil {
		return "none"
	}
	return fmt.Sprint(*p)
}

// A new op after an undo drops the redo history, as in every editor.
func TestOwnerNewOpClearsRedo(t *testing.T) {
	o, _ := ownedSession(t)
	must(t, o.Apply(canvas.SetNote{Dimension: "value", Note: "a"}))
	must(t, o.Undo())
	if !o.CanRedo() {
		t.Fatal("nothing to redo after an undo")
	}
	must(t, o.Apply(canvas.SetNote{Dimension: "value", Note: "b"}))
	if o.CanRedo() {
		t.Error("redo survived a new op")
	}
	if err := o.Redo(); !errors.Is(err, canvas.ErrNothingToRedo) {
		t.Errorf("redo: %v", err)
	}
}

// Listeners learn what changed and why, in order.
func TestOwnerTellsListeners(t *testing.T) {
	o, s := ownedSession(t)
	var got []canvas.Change
	stop := o.Listen(func(c canvas.Change) { got = append(got, c) })
	must(t, o.Apply(canvas.SetCurrent{Dimension: "customer", Value: ptr(80)}))
	must(t, o.Apply(canvas.RemoveParticipant{ID: s.Participants[2].ID}))
	must(t, o.Undo())
	must(t, o.Redo())
	stop()
	must(t, o.Apply(canvas.SetNote{Dimension: "customer", Note: "x"}))

	want := []canvas.Change{
		{Parts: canvas.PartPositions, Dimensions: []string{"customer"}, Cause: canvas.CauseApply},
		{Parts: canvas.PartParticipants | canvas.PartPlacements | canvas.PartRound, Cause: canvas.CauseApply},
		{Parts: canvas.PartParticipants | canvas.PartPlacements | canvas.PartRound, Cause: canvas.CauseUndo},
		{Parts: canvas.PartParticipants | canvas.PartPlacements | canvas.PartRound, Cause: canvas.CauseRedo},
	}
	if !reflect.DeepEqual(got, want) {
		t.Errorf("changes told:\n got %+v\nwant %+v", got, want)
	}
	if !got[0].Touches("customer") || got[0].Touches("value") || !got[1].Touches("value") {
		t.Error("Touches disagrees with Dimensions")
	}
}

// A listener that applies an op itself (a widget that writes back what it
// was shown) does not deadlock, and its change is told after its own.
func TestOwnerListenerMayApply(t *testing.T) {
	o, _ := ownedSession(t)
	var order []string
	o.Listen(func(c canvas.Change) {
		order = append(order, c.Dimensions[0])
		if c.Dimensions[0] == "customer" {
			must(t, o.Apply(canvas.SetNote{Dimension: "value", Note: "echo"}))
		}
	})
	must(t, o.Apply(canvas.SetNote{Dimension: "customer", Note: "x"}))
	if !reflect.DeepEqual(order, []string{"customer", "value"}) {
		t.Errorf("order told: %v", order)
	}
}

// Phones and the desktop change one session at once: nothing is lost and
// every change is told once (run with -race).
func TestOwnerConcurrentOps(t *testing.T) {
	o, s := ownedSession(t)
	ids := []string{s.Participants[0].ID, s.Participants[1].ID, s.Participants[2].ID}
	dims := []string{"customer", "decision-makers", "decision-cycle", "acquisition", "revenue-model", "value", "customization", "release-cadence"}
	var mu sync.Mutex
	told := 0
	o.Listen(func(canvas.Change) { mu.Lock(); told++; mu.Unlock() })
	var wg sync.WaitGroup
	for p, id := range ids {
		wg.Add(1)
		go func() {
			defer wg.Done()
			for i, d := range dims {
				if err := o.Apply(canvas.SetPlacement{Placement: canvas.Placement{Dimension: d, Participant: id, Value: 10*p + i}}); err != nil {
					t.Error(err)
				}
				o.Seal()
			}
		}()
	}
	wg.Add(1)
	go func() {
		defer wg.Done()
		for i := range 20 {
			must(t, o.Apply(canvas.SetNote{Dimension: "value", Note: fmt.Sprint(i)}))
			o.Read(func(s *canvas.Session) { _ = s.Index() })
		}
	}()
	wg.Wait()
	got := o.Snapshot()
	for p, id := range ids {
		for i, d := range dims {
			pl, ok := got.Placement(id, d)
			if !ok || pl.Value != 10*p+i {
				t.Errorf("placement %s/%s = %+v, %v", id, d, pl, ok)
			}
		}
	}
	mu.Lock()
	defer mu.Unlock()
	if want := len(ids)*len(dims) + 20; told != want {
		t.Errorf("told %d changes, want %d", told, want)
	}
}

// The history is bounded, so a day-long workshop cannot grow it forever.
func TestOwnerHistoryIsBounded(t *testing.T) {
	o, _ := ownedSession(t)
	for i := range canvas.MaxHistory + 10 {
		must(t, o.Apply(canvas.SetNote{Dimension: "value", Note: fmt.Sprint(i)}))
		o.Seal() // each note its own finished edit
	}
	n := 0
	for o.Undo() == nil {
		n++
	}
	if n != canvas.MaxHistory {
		t.Errorf("%d steps undone, want %d", n, canvas.MaxHistory)
	}
}

// Settings are checked by one rule, which the file format shares.
func TestSettingsProblems(t *testing.T) {
	for _, tc := range []struct {
		st     canvas.Settings
		fields []string
	}{
		{canvas.Settings{}, nil},
		{canvas.Settings{Threshold: 1, TimerSeconds: canvas.MaxTimerSeconds, TimerScope: canvas.TimerPerDimension}, nil},
		{canvas.Settings{Threshold: 101}, []string{"threshold"}},
		{canvas.Settings{Threshold: -3, TimerSeconds: canvas.MaxTimerSeconds + 1, TimerScope: "x"}, []string{"threshold", "timer_seconds", "timer_scope"}},
	} {
		var fields []string
		for _, p := range tc.st.Problems() {
			fields = append(fields, p.Field)
		}
		if !reflect.DeepEqual(fields, tc.fields) {
			t.Errorf("%+v: problems %v, want %v", tc.st, fields, tc.fields)
		}
		if (tc.st.Check() == nil) != (tc.fields == nil) {
			t.Errorf("%+v: Check() = %v", tc.st, tc.st.Check())
		}
	}
}
