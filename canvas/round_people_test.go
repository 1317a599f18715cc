package canvas_test

import (
	"bytes"
	"errors"
	"slices"
	"testing"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

func TestStartRoundWithSomeParticipants(t *testing.T) {
	for _, tt := range []struct {
		name    string
		people  func(ids []string) []string
		want    func(ids []string) []string
		wantErr error
	}{
		{"every participant when none is named", func([]string) []string { return nil }, func(ids []string) []string { return ids }, nil},
		{"only the chosen, in the session's order", func(ids []string) []string { return []string{ids[2], ids[0]} }, func(ids []string) []string { return []string{ids[0], ids[2]} }, nil},
		{"an unknown person", func(ids []string) []string { return []string{ids[0], "nobody"} }, nil, canvas.ErrUnknownParticipant},
		{"a person twice", func(ids []string) []string { return []string{ids[1], ids[1]} }, nil, errors.New("listed twice")},
	} {
		t.Run(tt.name, func(t *testing.T) {
			o, s := ownedSession(t)
			ids := []string{s.Participants[0].ID, s.Participants[1].ID, s.Participants[2].ID}
			before := o.Snapshot()
			err := o.Apply(canvas.StartRound{Mode: canvas.RoundBlind, Participants: tt.people(ids), At: roundAt})
			if tt.wantErr != nil {
				if err == nil {
					t.Fatal("the round started")
				}
				if errors.Is(tt.wantErr, canvas.ErrUnknownParticipant) && !errors.Is(err, canvas.ErrUnknownParticipant) {
					t.Errorf("err = %v, want ErrUnknownParticipant", err)
				}
				if !sameParts(o.Snapshot(), before) {
					t.Error("a refused StartRound changed the session")
				}
				return
			}
			if err != nil {
				t.Fatal(err)
			}
			if got := o.Snapshot().Round.Order; !slices.Equal(got, tt.want(ids)) {
				t.Errorf("order = %v, want %v", got, tt.want(ids))
			}
		})
	}
}

// A round where one person is out when their turn comes (skipped, and
// back at the end) and one does not place at all.
func TestRoundWithSkippedAndNotPlacing(t *testing.T) {
	o, s := ownedSession(t)
	ana, chen, luis := s.Participants[0].ID, s.Participants[1].ID, s.Participants[2].ID
	apply := func(op canvas.Op) {
		t.Helper()
		if err := o.Apply(op); err != nil {
			t.Fatalf("%T: %v", op, err)
		}
	}
	next := func() string { return o.Snapshot().NextInRound() }
	apply(canvas.StartRound{Mode: canvas.RoundBlind, Dimensions: []string{"customer"}, At: roundAt})
	if next() != ana {
		t.Fatalf("first up %q, want Ana", next())
	}
	// Ana is out of the room: skipped, she comes after the others.
	apply(canvas.BeginTurn{ID: ana})
	apply(canvas.SkipTurn{ID: ana})
	if r := o.Snapshot().Round; r.Current != "" || !slices.Equal(r.Order, []string{chen, luis, ana}) {
		t.Errorf("after skipping Ana: current %q order %v, want none and [chen luis ana]", r.Current, r.Order)
	}
	if next() != chen {
		t.Errorf("next after the skip %q, want 陈静", next())
	}
	// Luis will not place: he leaves this round, with what he placed.
	apply(canvas.SetPlacement{Placement: canvas.Placement{Dimension: "customer", Participant: luis, Value: 5}})
	apply(canvas.NotPlacing{ID: luis})
	got := o.Snapshot()
	if !slices.Equal(got.Round.Order, []string{chen, ana}) {
		t.Errorf("order after Luis leaves = %v, want [chen ana]", got.Round.Order)
	}
	if _, ok := got.Placement(luis, "customer"); ok {
		t.Error("Luis's marker stayed in a round he does not place in")
	}
	if _, ok := got.Participant(luis); !ok {
		t.Error("not placing removed Luis from the session")
	}
	// 陈静 places, then Ana is back and places; the round is complete.
	for _, id := range []string{chen, ana} {
		if next() != id {
			t.Fatalf("next %q, want %q", next(), id)
		}
		apply(canvas.BeginTurn{ID: id})
		apply(canvas.SetPlacement{Placement: canvas.Placement{Dimension: "customer", Participant: id, Value: 50}})
		apply(canvas.FinishTurn{ID: id})
	}
	if next() != "" {
		t.Errorf("after everyone in the round placed, next is %q", next())
	}
	apply(canvas.Reveal{})
	if st := o.Snapshot().DimensionStats("customer"); st.Count != 2 {
		t.Errorf("placements after the reveal %d, want 2 (Luis did not place)", st.Count)
	}
	// The session file takes the shortened round as it is.
	var buf bytes.Buffer
	if err := canvas.EncodeFile(&buf, o.Snapshot()); err != nil {
		t.Fatal(err)
	}
	if _, err := canvas.DecodeFile(&buf, roundAt); err != nil {
		t.Errorf("the session after the round does not read back: %v", err)
	}
	// Not placing is undone like any change: Luis is back in the order
	// with his marker.
	for o.CanUndo() {
		if o.Snapshot().Round.Revealed == false && slices.Contains(o.Snapshot().Round.Order, luis) {
			break
		}
		if err := o.Undo(); err != nil {
			t.Fatal(err)
		}
	}
	if r := o.Snapshot().Round; !slices.Contains(r.Order, luis) {
		t.Errorf("undo never brought Luis back: order %v", r.Order)
	}
	if pl, ok := o.Snapshot().Placement(luis, "customer"); !ok || pl.Value != 5 {
		t.Errorf("undo did not bring Luis's marker back: %+v %v", pl, ok)
	}
}

func TestRoundPeopleOpsRefuseUnchanged(t *testing.T) {
	o, s := ownedSession(t)
	ana, chen, luis := s.Participants[0].ID, s.Participants[1].ID, s.Participants[2].ID
	for _, op := range []canvas.Op{canvas.SkipTurn{ID: ana}, canvas.NotPlacing{ID: ana}} {
		if err := o.Apply(op); !errors.Is(err, canvas.ErrNoRound) {
			t.Errorf("%T outside a round = %v, want ErrNoRound", op, err)
		}
	}
	if err := o.Apply(canvas.StartRound{Mode: canvas.RoundBlind, Participants: []string{ana, chen}, At: roundAt}); err != nil {
		t.Fatal(err)
	}
	if err := o.Apply(canvas.FinishTurn{ID: ana}); err != nil {
		t.Fatal(err)
	}
	if err := o.Apply(canvas.NotPlacing{ID: chen}); err != nil {
		t.Fatal(err)
	}
	before := o.Snapshot()
	for _, tt := range []struct {
		op   canvas.Op
		want error
	}{
		{canvas.SkipTurn{ID: luis}, canvas.ErrUnknownParticipant}, // not in this round
		{canvas.NotPlacing{ID: luis}, canvas.ErrUnknownParticipant},
		{canvas.SkipTurn{ID: ana}, nil},                     // placed already
		{canvas.NotPlacing{ID: ana}, canvas.ErrLastInRound}, // the last one left
	} {
		err := o.Apply(tt.op)
		if err == nil || (tt.want != nil && !errors.Is(err, tt.want)) {
			t.Errorf("%T{%s} = %v, want %v", tt.op, tt.op, err, tt.want)
		}
	}
	if !sameParts(o.Snapshot(), before) {
		t.Error("a refused op changed the session")
	}
}

// The last person still to place cannot be passed over (there is nobody
// to pass on to), but may leave the round while others are in it.
func TestCanSkipAndLeave(t *testing.T) {
	o, s := ownedSession(t)
	ana, chen := s.Participants[0].ID, s.Participants[1].ID
	for _, op := range []canvas.Op{
		canvas.StartRound{Mode: canvas.RoundBlind, Participants: []string{ana, chen}, At: roundAt},
		canvas.FinishTurn{ID: ana},
	} {
		if err := o.Apply(op); err != nil {
			t.Fatal(err)
		}
	}
	got := o.Snapshot()
	if got.CanSkip(chen) || got.CanSkip(ana) {
		t.Errorf("CanSkip(chen) %v CanSkip(ana) %v, want false, false", got.CanSkip(chen), got.CanSkip(ana))
	}
	if err := o.Apply(canvas.SkipTurn{ID: chen}); !errors.Is(err, canvas.ErrNobodyElse) {
		t.Errorf("SkipTurn of the last to place = %v, want ErrNobodyElse", err)
	}
	if !got.CanLeaveRound(chen) || !got.CanLeaveRound(ana) {
		t.Error("CanLeaveRound is false with two people in the round")
	}
}
