package canvas_test

import (
	"errors"
	"reflect"
	"testing"
	"time"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

var roundAt = time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)

// recordRound starts a record-votes round on "value" and records a value
// for the first two participants.
func recordRound(t *testing.T) (*canvas.Owner, *canvas.Session) {
	t.Helper()
	o, _ := ownedSession(t)
	s := o.Snapshot()
	for _, op := range []canvas.Op{
		canvas.StartRound{Mode: canvas.RoundRecord, Dimensions: []string{"value"}, At: roundAt},
		canvas.RecordValue{Participant: s.Participants[0].ID, Dimension: "value", Value: ptr(30)},
		canvas.RecordValue{Participant: s.Participants[1].ID, Dimension: "value", Value: ptr(80)},
	} {
		if err := o.Apply(op); err != nil {
			t.Fatal(err)
		}
	}
	return o, s
}

func TestReasonsHiddenUntilRevealAndAnonymous(t *testing.T) {
	o, s := recordRound(t)
	ana, chen := s.Participants[0].ID, s.Participants[1].ID
	if err := o.Apply(canvas.RecordReason{Participant: chen, Dimension: "value", Confidence: 4, Note: "客户续约率高"}); err != nil {
		t.Fatal(err)
	}
	if got := o.Snapshot().Reasons("value"); got != nil {
		t.Fatalf("reasons before the reveal: %+v", got)
	}
	if err := o.Apply(canvas.Reveal{}); err != nil {
		t.Fatal(err)
	}
	snap := o.Snapshot()
	want := []canvas.Reason{
		{Participant: ana, Number: 1, Name: "Ana", Marker: canvas.MarkerStyle(snap, 0, canvas.Point{}), Value: 30},
		{Participant: chen, Number: 2, Name: "陈静", Marker: canvas.MarkerStyle(snap, 1, canvas.Point{}), Value: 80, Confidence: 4, Note: "客户续约率高"},
	}
	if got := snap.Reasons("value"); !reflect.DeepEqual(got, want) {
		t.Errorf("reasons after the reveal:\n got %+v\nwant %+v", got, want)
	}
	if got := snap.Reasons("customer"); len(got) != 0 {
		t.Errorf("reasons on a dimension nobody placed: %+v", got)
	}

	st := snap.Settings
	st.Anonymous = true
	if err := o.Apply(canvas.SetSettings{Settings: st}); err != nil {
		t.Fatal(err)
	}
	for _, r := range o.Snapshot().Reasons("value") {
		if r.Name != "" || r.Marker.Colour != canvas.AnonymousColour || r.Marker.Shape != canvas.ShapeCircle {
			t.Errorf("anonymous reason names or marks a person: %+v", r)
		}
		if r.Number == 0 {
			t.Errorf("anonymous reason has no number: %+v", r)
		}
	}
}

func TestRecordReason(t *testing.T) {
	o, s := recordRound(t)
	ana, chen, luis := s.Participants[0].ID, s.Participants[1].ID, s.Participants[2].ID
	before := o.Snapshot()
	bad := []struct {
		op   canvas.RecordReason
		want error
	}{
		{canvas.RecordReason{Participant: luis, Dimension: "value", Confidence: 2, Note: "no value yet"}, canvas.ErrNoValue},
		{canvas.RecordReason{Participant: "nobody", Dimension: "value", Note: "x"}, canvas.ErrUnknownParticipant},
		{canvas.RecordReason{Participant: ana, Dimension: "no-such", Note: "x"}, canvas.ErrUnknownDimension},
		{canvas.RecordReason{Participant: ana, Dimension: "value", Confidence: 6}, nil},
		{canvas.RecordReason{Participant: ana, Dimension: "value", Confidence: -1}, nil},
	}
	for _, tc := range bad {
		err := o.Apply(tc.op)
		if err == nil || (tc.want != nil && !errors.Is(err, tc.want)) {
			t.Errorf("%+v: got %v, want %v", tc.op, err, tc.want)
		}
	}
	if got := o.Snapshot(); !reflect.DeepEqual(got, before) {
		t.Errorf("refused reasons changed the session:\n got %+v\nwant %+v", got, before)
	}

	// The keystrokes of one rationale are one undo step; the value stays.
	for _, n := range []string{"P", "Po", "Por precio"} {
		if err := o.Apply(canvas.RecordReason{Participant: ana, Dimension: "value", Confidence: 2, Note: n}); err != nil {
			t.Fatal(err)
		}
	}
	o.Seal()
	pl, _ := o.Snapshot().Placement(ana, "value")
	if pl != (canvas.Placement{Dimension: "value", Participant: ana, Value: 30, Confidence: 2, Note: "Por precio"}) {
		t.Errorf("placement after the reason %+v", pl)
	}
	// A later value keeps the reason.
	if err := o.Apply(canvas.RecordValue{Participant: ana, Dimension: "value", Value: ptr(35)}); err != nil {
		t.Fatal(err)
	}
	o.Seal()
	if pl, _ := o.Snapshot().Placement(ana, "value"); pl.Confidence != 2 || pl.Note != "Por precio" || pl.Value != 35 {
		t.Errorf("a new value lost the reason: %+v", pl)
	}
	if err := o.Undo(); err != nil {
		t.Fatal(err)
	}
	if err := o.Undo(); err != nil {
		t.Fatal(err)
	}
	if got := o.Snapshot(); !sameParts(got, before) {
		t.Errorf("two undos did not return to before the reason:\n got %+v\nwant %+v", got, before)
	}

	// Outside a record-votes round there is nothing to record into.
	if err := o.Apply(canvas.Reveal{}); err != nil {
		t.Fatal(err)
	}
	if err := o.Apply(canvas.RecordReason{Participant: chen, Dimension: "value", Note: "late"}); !errors.Is(err, canvas.ErrNoRound) {
		t.Errorf("a reason after the reveal: %v, want ErrNoRound", err)
	}
}
