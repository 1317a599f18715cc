package canvas_test

import (
	"errors"
	"testing"
	"time"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// revealedOwner is a session with three people, a revealed blind round on
// customer (10, 20, 70: median 20) and value (40, 61: median 50.5), and
// nothing agreed.
func revealedOwner(t *testing.T) *canvas.Owner {
	t.Helper()
	o, s := ownedSession(t)
	ids := []string{s.Participants[0].ID, s.Participants[1].ID, s.Participants[2].ID}
	ops := []canvas.Op{canvas.StartRound{Mode: canvas.RoundRecord, Dimensions: []string{"customer", "value"}, At: time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)}}
	for i, v := range []int{10, 20, 70} {
		ops = append(ops, canvas.RecordValue{Participant: ids[i], Dimension: "customer", Value: ptr(v)})
	}
	for i, v := range []int{40, 61} {
		ops = append(ops, canvas.RecordValue{Participant: ids[i], Dimension: "value", Value: ptr(v)})
	}
	ops = append(ops, canvas.Reveal{})
	for _, op := range ops {
		if err := o.Apply(op); err != nil {
			t.Fatalf("%T: %v", op, err)
		}
	}
	return o
}

func TestRevealAgreesNothing(t *testing.T) {
	o := revealedOwner(t)
	s := o.Snapshot()
	for _, k := range []string{"customer", "value"} {
		if c := s.Position(k).Current; c != nil {
			t.Errorf("%s current after the reveal = %d, want none: nobody agreed", k, *c)
		}
	}
	for _, tt := range []struct {
		key  string
		want canvas.DimensionPosition
	}{
		{"customer", canvas.DimensionPosition{Value: 20, Kind: canvas.PositionProposed}},
		{"value", canvas.DimensionPosition{Value: 50.5, Kind: canvas.PositionProposed}},
		{"acquisition", canvas.DimensionPosition{}},
	} {
		if got := s.PositionOf(tt.key); got != tt.want {
			t.Errorf("PositionOf(%s) = %+v, want %+v", tt.key, got, tt.want)
		}
	}
	// The index still counts the medians where nothing is agreed.
	if idx := s.Index(); !idx.Valid || idx.Value != (20+50.5)/2 {
		t.Errorf("index = %+v, want the mean of the medians 35.25", idx)
	}
}

func TestAgreeAndClear(t *testing.T) {
	o := revealedOwner(t)
	steps := []struct {
		name     string
		op       canvas.Op
		wantErr  error
		current  *int
		kind     canvas.PositionKind
		proposal bool
	}{
		{"agree takes the rounded median", canvas.Agree{Dimension: "value"}, nil, ptr(51), canvas.PositionAgreed, false},
		{"agree twice has nothing to agree", canvas.Agree{Dimension: "value"}, canvas.ErrNoProposal, ptr(51), canvas.PositionAgreed, false},
		{"clear goes back to the proposal", canvas.SetCurrent{Dimension: "value"}, nil, nil, canvas.PositionProposed, true},
		{"the slider's own value is agreed as it is", canvas.SetCurrent{Dimension: "value", Value: ptr(64)}, nil, ptr(64), canvas.PositionAgreed, false},
		{"clear again", canvas.SetCurrent{Dimension: "value"}, nil, nil, canvas.PositionProposed, true},
	}
	for _, st := range steps {
		err := o.Apply(st.op)
		// Each is a finished edit, as the editor seals it; moves of one
		// slider drag would merge.
		o.Seal()
		if !errors.Is(err, st.wantErr) {
			t.Fatalf("%s: err = %v, want %v", st.name, err, st.wantErr)
		}
		s := o.Snapshot()
		if got := s.Position("value").Current; !eqInt(got, st.current) {
			t.Errorf("%s: current = %s, want %s", st.name, fmtInt(got), fmtInt(st.current))
		}
		if got := s.PositionOf("value"); got.Kind != st.kind || got.Agreed() != (st.kind == canvas.PositionAgreed) {
			t.Errorf("%s: PositionOf = %+v, want kind %d", st.name, got, st.kind)
		}
		if _, ok := s.Proposal("value"); ok != st.proposal {
			t.Errorf("%s: has a proposal %v, want %v", st.name, ok, st.proposal)
		}
	}
	// Each agreement is an undo step: back to the agreed 64, then to the
	// proposal, then to the agreed 51.
	for _, want := range []*int{ptr(64), nil, ptr(51), nil} {
		if err := o.Undo(); err != nil {
			t.Fatal(err)
		}
		if got := o.Snapshot().Position("value").Current; !eqInt(got, want) {
			t.Errorf("after undo current = %s, want %s", fmtInt(got), fmtInt(want))
		}
	}
}

func TestAgreeRefusesUnchanged(t *testing.T) {
	o := revealedOwner(t)
	before := o.Snapshot()
	for _, tt := range []struct {
		op   canvas.Agree
		want error
	}{
		{canvas.Agree{Dimension: "acquisition"}, canvas.ErrNoProposal}, // nobody placed
		{canvas.Agree{Dimension: "no-such"}, canvas.ErrUnknownDimension},
	} {
		if err := o.Apply(tt.op); !errors.Is(err, tt.want) {
			t.Errorf("Agree(%s) = %v, want %v", tt.op.Dimension, err, tt.want)
		}
	}
	if !sameParts(o.Snapshot(), before) {
		t.Error("a refused Agree changed the session")
	}
}

// Before the reveal the hidden placements propose nothing: the median
// would give the markers away.
func TestNoProposalBeforeTheReveal(t *testing.T) {
	s, ids := quickWithPeople(t, "A", "B")
	if err := s.StartRound(canvas.RoundBlind, []string{"customer"}, roundNow); err != nil {
		t.Fatal(err)
	}
	place(t, s, ids, "customer", 30, 40)
	if got := s.PositionOf("customer"); got.Kind != canvas.PositionNone {
		t.Errorf("PositionOf before the reveal = %+v, want none", got)
	}
	if err := (canvas.Agree{Dimension: "customer"}); !errors.Is(canvas.NewOwner(s, time.Now).Apply(err), canvas.ErrNoProposal) {
		t.Error("Agree before the reveal was accepted")
	}
}

// A session stored with an agreed position keeps it through a new round
// and its reveal.
func TestStoredCurrentSurvivesARound(t *testing.T) {
	s, ids := quickWithPeople(t, "A", "B")
	if err := s.SetCurrent("customer", 12); err != nil {
		t.Fatal(err)
	}
	if err := s.StartRound(canvas.RoundBlind, []string{"customer"}, roundNow); err != nil {
		t.Fatal(err)
	}
	place(t, s, ids, "customer", 80, 90)
	if err := s.Reveal(); err != nil {
		t.Fatal(err)
	}
	if got := s.PositionOf("customer"); got != (canvas.DimensionPosition{Value: 12, Kind: canvas.PositionAgreed}) {
		t.Errorf("PositionOf = %+v, want the stored 12, agreed", got)
	}
}
