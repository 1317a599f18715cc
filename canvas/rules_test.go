package canvas_test

import (
	"reflect"
	"slices"
	"testing"
	"time"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

func TestLeanOf(t *testing.T) {
	for _, tc := range []struct {
		v    float64
		want canvas.Lean
	}{
		{0, canvas.LeanToC}, {39, canvas.LeanToC}, {39.9, canvas.LeanToC},
		{40, canvas.LeanHybrid}, {50, canvas.LeanHybrid}, {60, canvas.LeanHybrid},
		{60.1, canvas.LeanToB}, {61, canvas.LeanToB}, {100, canvas.LeanToB},
	} {
		if got := canvas.LeanOf(tc.v); got != tc.want {
			t.Errorf("LeanOf(%v) = %d, want %d", tc.v, got, tc.want)
		}
	}
}

func TestDuplicateIsAFreshCopy(t *testing.T) {
	o, s := ownedSession(t)
	for _, op := range []canvas.Op{
		canvas.SetCurrent{Dimension: "value", Value: ptr(55)},
		canvas.SetPlacement{Placement: canvas.Placement{Dimension: "value", Participant: s.Participants[0].ID, Value: 20}},
		canvas.StartRound{Mode: canvas.RoundBlind, Dimensions: []string{"customer"}, At: time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)},
	} {
		if err := o.Apply(op); err != nil {
			t.Fatal(err)
		}
	}
	orig := o.Snapshot()
	now := time.Date(2026, 12, 1, 8, 30, 15, 999, time.FixedZone("CET", 3600))
	c := orig.Duplicate(now)
	if c.ID == orig.ID || c.ID == "" {
		t.Fatalf("the copy has id %q, the original %q", c.ID, orig.ID)
	}
	want := time.Date(2026, 12, 1, 7, 30, 15, 0, time.UTC)
	if !c.Created.Equal(want) || !c.Updated.Equal(want) || c.Created.Location() != time.UTC {
		t.Errorf("created %v updated %v, want %v in UTC", c.Created, c.Updated, want)
	}
	same := c.Clone()
	same.ID, same.Created, same.Updated = orig.ID, orig.Created, orig.Updated
	if !reflect.DeepEqual(same, orig) {
		t.Errorf("the copy differs beyond id and times:\n%+v\n%+v", same, orig)
	}
	// Sharing no memory: editing the copy leaves the original alone.
	c.Placements[0].Value = 99
	c.Round.Order[0] = "x"
	if orig.Placements[0].Value == 99 || orig.Round.Order[0] == "x" {
		t.Error("the copy shares memory with the original")
	}
}

// The keystrokes of one note edit are one undo step; the next edit,
// after Seal, is another.
func TestNoteEditsMergeUntilSealed(t *testing.T) {
	o, _ := ownedSession(t)
	for _, text := range []string{"c", "co", "con", "contrato"} {
		if err := o.Apply(canvas.SetNote{Dimension: "value", Note: text}); err != nil {
			t.Fatal(err)
		}
	}
	o.Seal()
	for _, text := range []string{"contrato a", "contrato anual"} {
		if err := o.Apply(canvas.SetNote{Dimension: "value", Note: text}); err != nil {
			t.Fatal(err)
		}
	}
	note := func() string { return o.Snapshot().Position("value").Note }
	if err := o.Undo(); err != nil || note() != "contrato" {
		t.Fatalf("first undo: %v, note %q, want the first edit's end", err, note())
	}
	if err := o.Undo(); err != nil || note() != "" {
		t.Fatalf("second undo: %v, note %q, want none", err, note())
	}
	if o.CanUndo() {
		t.Error("more than two steps for two edits")
	}
}

func TestAddParticipantJoinsRoundInProgress(t *testing.T) {
	o, s := ownedSession(t)
	if err := o.Apply(canvas.StartRound{Mode: canvas.RoundBlind}); err != nil {
		t.Fatal(err)
	}
	if err := o.Apply(canvas.AddParticipant{ID: "late", Name: "María"}); err != nil {
		t.Fatal(err)
	}
	order := o.Snapshot().Round.Order
	if len(order) != 4 || order[3] != "late" {
		t.Fatalf("round order %q, want the newcomer last", order)
	}
	if err := o.Undo(); err != nil {
		t.Fatal(err)
	}
	if got := o.Snapshot().Round.Order; len(got) != 3 {
		t.Errorf("undo left the round order %q", got)
	}
	// After the reveal nobody joins: the round is over.
	if err := o.Apply(canvas.Reveal{}); err != nil {
		t.Fatal(err)
	}
	if err := o.Apply(canvas.AddParticipant{Name: "Pat"}); err != nil {
		t.Fatal(err)
	}
	if got := o.Snapshot().Round.Order; len(got) != 3 {
		t.Errorf("a newcomer joined a revealed round: %q", got)
	}
	_ = s
}

func TestRecordValueMarksPlacedAndMerges(t *testing.T) {
	o, s := ownedSession(t)
	ana := s.Participants[0].ID
	if err := o.Apply(canvas.RecordValue{Participant: ana, Dimension: "value", Value: ptr(5)}); err == nil {
		t.Fatal("a value was recorded outside a round")
	}
	if err := o.Apply(canvas.StartRound{Mode: canvas.RoundRecord, Dimensions: []string{"value", "customer"}}); err != nil {
		t.Fatal(err)
	}
	// "1", "10", "101" typed into one cell: the last is no value.
	for _, v := range []*int{ptr(1), ptr(10), nil} {
		if err := o.Apply(canvas.RecordValue{Participant: ana, Dimension: "value", Value: v}); err != nil {
			t.Fatal(err)
		}
	}
	got := o.Snapshot()
	if _, ok := got.Placement(ana, "value"); ok {
		t.Error("a cleared cell kept its placement")
	}
	if !slices.Contains(got.Round.Done, ana) {
		t.Error("recording a value did not mark Ana as placed")
	}
	if err := o.Apply(canvas.RecordValue{Participant: ana, Dimension: "value", Value: ptr(101)}); err == nil {
		t.Error("101 was recorded")
	}
	o.Seal()
	if err := o.Apply(canvas.RecordValue{Participant: ana, Dimension: "value", Value: ptr(42)}); err != nil {
		t.Fatal(err)
	}
	if err := o.Undo(); err != nil {
		t.Fatal(err)
	}
	if _, ok := o.Snapshot().Placement(ana, "value"); ok {
		t.Error("undo of the second edit left a value")
	}
	if err := o.Undo(); err != nil {
		t.Fatal(err)
	}
	if got := o.Snapshot(); slices.Contains(got.Round.Done, ana) {
		t.Error("undo of the first cell edit left Ana placed")
	}
	if o.CanUndo() != true { // the start of the round is still there
		t.Error("the round's start was merged into the cell")
	}
	if err := o.Apply(canvas.RecordValue{Participant: "nobody", Dimension: "value", Value: ptr(3)}); err == nil {
		t.Error("a value was recorded for someone not in the round")
	}
}

// An op that changes nothing leaves no undo step and tells nobody.
func TestOwnerIgnoresNoOps(t *testing.T) {
	o, s := ownedSession(t)
	must(t, o.Apply(canvas.SetNote{Dimension: "value", Note: "x"}))
	must(t, o.Apply(canvas.StartRound{Mode: canvas.RoundBlind}))
	must(t, o.Apply(canvas.BeginTurn{ID: s.Participants[0].ID}))
	told := 0
	o.Listen(func(canvas.Change) { told++ })
	before := o.Snapshot()
	for _, op := range []canvas.Op{
		canvas.SetNote{Dimension: "value", Note: "x"},
		canvas.UpdateParticipant{ID: s.Participants[0].ID, Name: "Ana"},
		canvas.BeginTurn{ID: s.Participants[0].ID},
	} {
		must(t, o.Apply(op))
	}
	if !reflect.DeepEqual(o.Snapshot(), before) || told != 0 {
		t.Errorf("no-ops changed the session or told %d listeners", told)
	}
	must(t, o.Undo()) // the round's start, not a no-op after it
	if o.Snapshot().Round != nil {
		t.Error("the first undo undid a no-op")
	}
}

// Who is up in a round is bookkeeping: it joins the step before it, so
// one undo takes back the start of the round or the move before it, and
// a redo gives both back.
func TestBeginTurnJoinsThePreviousStep(t *testing.T) {
	o, s := ownedSession(t)
	ana, luis := s.Participants[0].ID, s.Participants[2].ID
	must(t, o.Apply(canvas.StartRound{Mode: canvas.RoundBlind, Dimensions: []string{"value"}}))
	must(t, o.Apply(canvas.BeginTurn{ID: ana}))
	must(t, o.Undo())
	if o.Snapshot().Round != nil || o.CanUndo() {
		t.Fatalf("one undo left the round %+v, undo %v", o.Snapshot().Round, o.CanUndo())
	}
	must(t, o.Redo())
	if r := o.Snapshot().Round; r == nil || r.Current != ana {
		t.Fatalf("redo gave %+v, want Ana up", r)
	}

	// Joined to a step of other parts, it adds its own to that step.
	must(t, o.Apply(canvas.SetPlacement{Placement: canvas.Placement{Participant: ana, Dimension: "value", Value: 30}}))
	must(t, o.Apply(canvas.FinishTurn{ID: ana}))
	must(t, o.Apply(canvas.SetCurrent{Dimension: "customer", Value: ptr(70)}))
	must(t, o.Apply(canvas.BeginTurn{ID: luis}))
	must(t, o.Undo())
	got := o.Snapshot()
	if got.Position("customer").Current != nil || got.Round.Current != "" {
		t.Errorf("undo left current %v and %q up", got.Position("customer").Current, got.Round.Current)
	}
	must(t, o.Redo())
	got = o.Snapshot()
	if v := got.Position("customer").Current; v == nil || *v != 70 || got.Round.Current != luis {
		t.Errorf("redo gave current %v and %q up", v, got.Round.Current)
	}

	// With no step before it, it leaves none.
	o2 := canvas.NewOwner(o.Snapshot(), nil)
	must(t, o2.Apply(canvas.BeginTurn{ID: ana}))
	if o2.CanUndo() || o2.Snapshot().Round.Current != ana {
		t.Errorf("a turn begun in a fresh history: undo %v, up %q", o2.CanUndo(), o2.Snapshot().Round.Current)
	}
}

// A run that comes back to where it started (a note typed and erased, as
// a text field's own undo does) leaves no step, and what follows does not
// merge into the step before the run.
func TestRunBackToStartLeavesNoStep(t *testing.T) {
	note := func(o *canvas.Owner) string { return o.Snapshot().Position("value").Note }
	runBack := func() *canvas.Owner {
		o, _ := ownedSession(t)
		must(t, o.Apply(canvas.SetNote{Dimension: "value", Note: "uno"}))
		o.Seal()
		for _, text := range []string{"uno d", "uno do", "uno"} {
			must(t, o.Apply(canvas.SetNote{Dimension: "value", Note: text}))
		}
		return o
	}
	o := runBack()
	must(t, o.Undo())
	if got := note(o); got != "" || o.CanUndo() {
		t.Errorf("undo after a run back gave %q (undo still %v), want the first edit undone", got, o.CanUndo())
	}

	o = runBack()
	must(t, o.Apply(canvas.SetNote{Dimension: "value", Note: "uno tres"}))
	must(t, o.Undo())
	if got := note(o); got != "uno" {
		t.Errorf("the edit after a run back merged into the one before: undo gave %q", got)
	}
}
