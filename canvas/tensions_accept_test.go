package canvas_test

import (
	"testing"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// TestIssueExample: "Decision makers" at 75 and "Decision cycle" at 5 is
// the tension between a committee and an impulse purchase; accepted, it
// stays listed with the reason, and reopened it is open again.
func TestIssueExample(t *testing.T) {
	s := fullSession(t)
	mustSet(t, s, "decision-makers", 75)
	mustSet(t, s, "decision-cycle", 5)
	got := s.Tensions()
	if len(got) != 1 || got[0].Rule != "committee-impulse" || got[0].Accepted {
		t.Fatalf("tensions = %+v, want committee-impulse, open", got)
	}
	if !got[0].Involves("decision-cycle") || got[0].Involves("customer") {
		t.Errorf("Involves is wrong for %+v", got[0])
	}
	o := canvas.NewOwner(s, nil)
	var told []canvas.Change
	o.Listen(func(c canvas.Change) { told = append(told, c) })
	reason := "we sell to committees but land through a free trial on purpose"
	if err := o.Apply(canvas.AcceptTension{Rule: "committee-impulse", Reason: reason}); err != nil {
		t.Fatal(err)
	}
	var ts []canvas.Tension
	o.Read(func(s *canvas.Session) { ts = s.Tensions() })
	if len(ts) != 1 || !ts[0].Accepted || ts[0].Reason != reason {
		t.Fatalf("after accepting: %+v", ts)
	}
	if len(told) != 1 || !told[0].Parts.Has(canvas.PartTensions) || !told[0].Touches("decision-makers") || told[0].Touches("customer") {
		t.Errorf("listeners were told %+v", told)
	}
	// Moving a slider away keeps the acceptance; coming back shows it.
	if err := o.Apply(canvas.SetCurrent{Dimension: "decision-cycle", Value: ptr(50)}); err != nil {
		t.Fatal(err)
	}
	o.Read(func(s *canvas.Session) { ts = s.Tensions() })
	if len(ts) != 0 {
		t.Fatalf("at 50: %+v", ts)
	}
	if err := o.Apply(canvas.SetCurrent{Dimension: "decision-cycle", Value: ptr(5)}); err != nil {
		t.Fatal(err)
	}
	if err := o.Apply(canvas.ReopenTension{Rule: "committee-impulse"}); err != nil {
		t.Fatal(err)
	}
	o.Read(func(s *canvas.Session) { ts = s.Tensions() })
	if len(ts) != 1 || ts[0].Accepted || ts[0].Reason != "" {
		t.Fatalf("after reopening: %+v", ts)
	}
	if err := o.Undo(); err != nil {
		t.Fatal(err)
	}
	o.Read(func(s *canvas.Session) { ts = s.Tensions() })
	if len(ts) != 1 || !ts[0].Accepted || ts[0].Reason != reason {
		t.Fatalf("after undoing the reopening: %+v", ts)
	}
}

// TestAcceptanceKeystrokesMergeIntoOneStep: typing a reason is one undo
// step, as typing a note is.
func TestAcceptanceKeystrokesMergeIntoOneStep(t *testing.T) {
	o, _ := ownedSession(t)
	for _, reason := range []string{"w", "we", "we l", "we land"} {
		if err := o.Apply(canvas.AcceptTension{Rule: "committee-impulse", Reason: reason}); err != nil {
			t.Fatal(err)
		}
	}
	o.Seal()
	if err := o.Undo(); err != nil {
		t.Fatal(err)
	}
	var n int
	o.Read(func(s *canvas.Session) { n = len(s.AcceptedTensions) })
	if n != 0 || o.CanUndo() {
		t.Errorf("after one undo: %d acceptances, can undo %v", n, o.CanUndo())
	}
}

// TestAcceptanceOfAnUnknownRuleIsKeptAndIgnored: a session holding the
// acceptance of a rule this build lacks is valid and marks nothing.
func TestAcceptanceOfAnUnknownRuleIsKeptAndIgnored(t *testing.T) {
	s := fullSession(t)
	mustSet(t, s, "decision-makers", 75)
	mustSet(t, s, "decision-cycle", 5)
	s.AcceptedTensions = []canvas.AcceptedTension{{Rule: "retired-rule", Reason: "old"}}
	if err := s.Validate(); err != nil {
		t.Fatalf("Validate: %v", err)
	}
	if got := s.Tensions(); len(got) != 1 || got[0].Accepted {
		t.Errorf("tensions = %+v", got)
	}
}
