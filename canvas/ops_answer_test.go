package canvas_test

import (
	"errors"
	"slices"
	"sync"
	"testing"
	"time"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// phoneRound is an owned session with a blind round on two dimensions.
func phoneRound(t *testing.T) (*canvas.Owner, []string) {
	t.Helper()
	o, s := ownedSession(t)
	var ids []string
	for _, p := range s.Participants {
		ids = append(ids, p.ID)
	}
	if err := o.Apply(canvas.StartRound{Mode: canvas.RoundBlind, Dimensions: []string{"customer", "value"}, At: time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)}); err != nil {
		t.Fatal(err)
	}
	return o, ids
}

func TestAnswerMarksDoneOnTheLastDimension(t *testing.T) {
	o, ids := phoneRound(t)
	ana := ids[0]
	if err := o.ApplyRemote(canvas.Answer{Placement: canvas.Placement{Participant: ana, Dimension: "customer", Value: 80, Confidence: 4, Note: "合同"}}); err != nil {
		t.Fatal(err)
	}
	s := o.Snapshot()
	if slices.Contains(s.Round.Done, ana) || s.AnsweredAll(ana) {
		t.Fatalf("done after one of two answers: %v", s.Round.Done)
	}
	if err := o.ApplyRemote(canvas.Answer{Placement: canvas.Placement{Participant: ana, Dimension: "value", Value: 10}}); err != nil {
		t.Fatal(err)
	}
	s = o.Snapshot()
	if !slices.Contains(s.Round.Done, ana) {
		t.Fatalf("not done after answering both: %v", s.Round.Done)
	}
	if p, ok := s.Placement(ana, "customer"); !ok || p.Value != 80 || p.Confidence != 4 || p.Note != "合同" {
		t.Fatalf("placement = %+v, %v", p, ok)
	}
	if s.PlacementsVisible() {
		t.Fatal("an answer revealed the round")
	}
}

func TestAnswerIsCheckedLikeTheFile(t *testing.T) {
	o, ids := phoneRound(t)
	before := o.Snapshot()
	for name, c := range map[string]struct {
		p    canvas.Placement
		want error
	}{
		"value over 100":    {canvas.Placement{Participant: ids[0], Dimension: "customer", Value: 101}, canvas.ErrValueRange},
		"negative value":    {canvas.Placement{Participant: ids[0], Dimension: "customer", Value: -1}, canvas.ErrValueRange},
		"unknown person":    {canvas.Placement{Participant: "nobody", Dimension: "customer", Value: 1}, canvas.ErrUnknownParticipant},
		"unknown dimension": {canvas.Placement{Participant: ids[0], Dimension: "nope", Value: 1}, canvas.ErrUnknownDimension},
		"not in the round":  {canvas.Placement{Participant: ids[0], Dimension: "acquisition", Value: 1}, canvas.ErrNotInRound},
		"confidence 6":      {canvas.Placement{Participant: ids[0], Dimension: "customer", Value: 1, Confidence: 6}, nil},
	} {
		err := o.ApplyRemote(canvas.Answer{Placement: c.p})
		if err == nil || (c.want != nil && !errors.Is(err, c.want)) {
			t.Errorf("%s: err = %v, want %v", name, err, c.want)
		}
	}
	after := o.Snapshot()
	if len(after.Placements) != len(before.Placements) || !after.Updated.Equal(before.Updated) {
		t.Fatal("a refused answer changed the session")
	}
	if err := o.Apply(canvas.Reveal{}); err != nil {
		t.Fatal(err)
	}
	if err := o.ApplyRemote(canvas.Answer{Placement: canvas.Placement{Participant: ids[0], Dimension: "customer", Value: 5}}); !errors.Is(err, canvas.ErrNoRound) {
		t.Fatalf("answer after the reveal: %v", err)
	}
}

// A phone's answer is not the facilitator's to undo, and no undo may
// restore the placements from before it.
func TestApplyRemoteIsNeverUndone(t *testing.T) {
	o, ids := phoneRound(t)
	if err := o.Apply(canvas.SetCurrent{Dimension: "acquisition", Value: ptr(30)}); err != nil {
		t.Fatal(err)
	}
	if err := o.ApplyRemote(canvas.Answer{Placement: canvas.Placement{Participant: ids[1], Dimension: "customer", Value: 60}}); err != nil {
		t.Fatal(err)
	}
	// The start of the round changed the placements: undoing it now would
	// clear the phone's answer, so it is gone from the history. The
	// position set after it stays undoable.
	if err := o.Undo(); err != nil {
		t.Fatal(err)
	}
	s := o.Snapshot()
	if s.Position("acquisition").Current != nil {
		t.Fatal("the facilitator's own step was not undone")
	}
	if _, ok := s.Placement(ids[1], "customer"); !ok || !s.InRound() {
		t.Fatal("undo took back the phone's answer or the round")
	}
	if err := o.Undo(); !errors.Is(err, canvas.ErrNothingToUndo) {
		t.Fatalf("second undo: %v, want nothing to undo", err)
	}
}

func TestApplyRemoteTellsListenersItsCause(t *testing.T) {
	o, ids := phoneRound(t)
	var mu sync.Mutex
	var heard []canvas.Change
	stop := o.Listen(func(ch canvas.Change) { mu.Lock(); heard = append(heard, ch); mu.Unlock() })
	defer stop()
	if err := o.ApplyRemote(canvas.Answer{Placement: canvas.Placement{Participant: ids[2], Dimension: "value", Value: 0}}); err != nil {
		t.Fatal(err)
	}
	// The same answer again changes nothing and is not told.
	if err := o.ApplyRemote(canvas.Answer{Placement: canvas.Placement{Participant: ids[2], Dimension: "value", Value: 0}}); err != nil {
		t.Fatal(err)
	}
	mu.Lock()
	defer mu.Unlock()
	if len(heard) != 1 || heard[0].Cause != canvas.CauseRemote || !heard[0].Touches("value") || heard[0].Touches("customer") {
		t.Fatalf("heard %+v", heard)
	}
}

// A phone that finishes while someone else is on the laptop's private
// screen leaves them there.
func TestFinishingElsewhereKeepsTheLaptopTurn(t *testing.T) {
	o, ids := phoneRound(t)
	if err := o.Apply(canvas.BeginTurn{ID: ids[0]}); err != nil {
		t.Fatal(err)
	}
	for _, k := range []string{"customer", "value"} {
		if err := o.ApplyRemote(canvas.Answer{Placement: canvas.Placement{Participant: ids[1], Dimension: k, Value: 50}}); err != nil {
			t.Fatal(err)
		}
	}
	if err := o.Apply(canvas.FinishTurn{ID: ids[2]}); err != nil {
		t.Fatal(err)
	}
	if cur := o.Snapshot().Round.Current; cur != ids[0] {
		t.Fatalf("current = %q, want %q still on the laptop", cur, ids[0])
	}
}

// A phone whose last open dimension is removed from the round has
// answered everything left: it is done, as its page already says.
func TestRemovingTheLastOpenDimensionFinishes(t *testing.T) {
	o, ids := phoneRound(t) // a round on customer and value
	if err := o.ApplyRemote(canvas.Answer{Placement: canvas.Placement{Participant: ids[0], Dimension: "customer", Value: 70}}); err != nil {
		t.Fatal(err)
	}
	if err := o.Apply(canvas.BeginTurn{ID: ids[1]}); err != nil {
		t.Fatal(err)
	}
	if err := o.Apply(canvas.SetPlacement{Placement: canvas.Placement{Participant: ids[1], Dimension: "customer", Value: 20}}); err != nil {
		t.Fatal(err)
	}
	if err := o.Apply(canvas.RemoveDimension{Key: "value"}); err != nil {
		t.Fatal(err)
	}
	s := o.Snapshot()
	if !slices.Contains(s.Round.Done, ids[0]) {
		t.Fatalf("done = %v, want %s, who answered all that is left", s.Round.Done, ids[0])
	}
	if slices.Contains(s.Round.Done, ids[1]) || slices.Contains(s.Round.Done, ids[2]) {
		t.Fatalf("done = %v: the person on the laptop finishes there, and %s answered nothing", s.Round.Done, ids[2])
	}
}
