package canvas_test

import (
	"errors"
	"reflect"
	"testing"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// actionSession is an owned session with two actions.
func actionSession(t *testing.T) *canvas.Owner {
	t.Helper()
	o, _ := ownedSession(t)
	for _, a := range []canvas.Action{
		{Text: "Map the buying committee", Owner: "Ana", Due: "2026-12-15", Dimension: "customer"},
		{Text: "通知客户"},
	} {
		if err := o.Apply(canvas.AddAction{Action: a}); err != nil {
			t.Fatal(err)
		}
	}
	return o
}

// Each field op changes its field of one action and nothing else; undo
// puts the action back and redo makes it again.
func TestActionFieldOps(t *testing.T) {
	for _, tc := range []struct {
		name string
		op   canvas.Op
		want canvas.Action
	}{
		{"text", canvas.SetActionText{Index: 0, Text: "Llamar a Luis"},
			canvas.Action{Text: "Llamar a Luis", Owner: "Ana", Due: "2026-12-15", Dimension: "customer"}},
		{"owner", canvas.SetActionOwner{Index: 0, Owner: "陈静"},
			canvas.Action{Text: "Map the buying committee", Owner: "陈静", Due: "2026-12-15", Dimension: "customer"}},
		{"owner cleared", canvas.SetActionOwner{Index: 0},
			canvas.Action{Text: "Map the buying committee", Due: "2026-12-15", Dimension: "customer"}},
		{"due", canvas.SetActionDue{Index: 0, Due: "2027-02-28"},
			canvas.Action{Text: "Map the buying committee", Owner: "Ana", Due: "2027-02-28", Dimension: "customer"}},
		{"due cleared", canvas.SetActionDue{Index: 0},
			canvas.Action{Text: "Map the buying committee", Owner: "Ana", Dimension: "customer"}},
		{"dimension", canvas.SetActionDimension{Index: 0, Dimension: "value"},
			canvas.Action{Text: "Map the buying committee", Owner: "Ana", Due: "2026-12-15", Dimension: "value"}},
		{"dimension cleared", canvas.SetActionDimension{Index: 0},
			canvas.Action{Text: "Map the buying committee", Owner: "Ana", Due: "2026-12-15"}},
		{"done", canvas.SetActionDone{Index: 0, Done: true},
			canvas.Action{Text: "Map the buying committee", Owner: "Ana", Due: "2026-12-15", Dimension: "customer", Done: true}},
	} {
		t.Run(tc.name, func(t *testing.T) {
			o := actionSession(t)
			before := o.Snapshot()
			var told []canvas.Change
			o.Listen(func(ch canvas.Change) { told = append(told, ch) })
			if err := o.Apply(tc.op); err != nil {
				t.Fatal(err)
			}
			got := o.Snapshot()
			if !reflect.DeepEqual(got.Actions[0], tc.want) {
				t.Errorf("action = %+v, want %+v", got.Actions[0], tc.want)
			}
			if !reflect.DeepEqual(got.Actions[1], before.Actions[1]) {
				t.Errorf("the other action changed: %+v", got.Actions[1])
			}
			if len(told) != 1 || told[0].Parts != canvas.PartActions || told[0].Touches("customer") {
				t.Errorf("told %+v, want one change of the actions and of no dimension", told)
			}
			if err := o.Undo(); err != nil {
				t.Fatal(err)
			}
			if a := o.Snapshot().Actions; !reflect.DeepEqual(a, before.Actions) {
				t.Errorf("after undo %+v, want %+v", a, before.Actions)
			}
			if err := o.Redo(); err != nil {
				t.Fatal(err)
			}
			if a := o.Snapshot().Actions[0]; !reflect.DeepEqual(a, tc.want) {
				t.Errorf("after redo %+v, want %+v", a, tc.want)
			}
		})
	}
}

// What the session file refuses in an action, every action op refuses,
// and leaves the session as it was: an action typed in the app can always
// be exported and imported again.
func TestActionOpsRefuse(t *testing.T) {
	o := actionSession(t)
	before := o.Snapshot()
	for _, op := range []canvas.Op{
		canvas.SetActionText{Index: 0, Text: "  "},
		canvas.SetActionText{Index: 0, Text: "bell\a"},
		canvas.SetActionText{Index: 2, Text: "no such action"},
		canvas.SetActionText{Index: -1, Text: "no such action"},
		canvas.SetActionOwner{Index: 0, Owner: "Ana\x00"},
		canvas.SetActionDue{Index: 0, Due: "15/12/2026"},
		canvas.SetActionDue{Index: 0, Due: "2026-02-30"},
		canvas.SetActionDue{Index: 0, Due: "2026-12-1"},
		canvas.SetActionDimension{Index: 0, Dimension: "no-such"},
		canvas.SetActionDone{Index: 5, Done: true},
		canvas.AddAction{Action: canvas.Action{Text: "tab\tis fine, escape\x1b is not"}},
		canvas.AddAction{Action: canvas.Action{Text: "x", Owner: "\u0085"}},
		canvas.UpdateAction{Index: 1, Action: canvas.Action{Text: "x\x7f"}},
	} {
		if err := o.Apply(op); err == nil {
			t.Errorf("%#v was accepted", op)
		}
	}
	if got := o.Snapshot(); !reflect.DeepEqual(got, before) {
		t.Errorf("refused ops changed the session")
	}
	if err := o.Apply(canvas.SetActionText{Index: 0, Text: " "}); !errors.Is(err, canvas.ErrActionText) {
		t.Errorf("an empty text gives %v, want ErrActionText", err)
	}
	// What the file accepts is accepted: a tab and a line break.
	if err := o.Apply(canvas.AddAction{Action: canvas.Action{Text: "one\ttwo\nthree"}}); err != nil {
		t.Errorf("a tab and a line break: %v", err)
	}
}

// The keystrokes of one edit are one undo step; a sealed edit, or an edit
// of another field or action, is another.
func TestActionTypingMergesUntilSealed(t *testing.T) {
	o := actionSession(t)
	for _, text := range []string{"C", "Ca", "Cal", "Call"} {
		if err := o.Apply(canvas.SetActionText{Index: 1, Text: text}); err != nil {
			t.Fatal(err)
		}
	}
	o.Seal()
	for _, text := range []string{"Call B", "Call Bo"} {
		if err := o.Apply(canvas.SetActionText{Index: 1, Text: text}); err != nil {
			t.Fatal(err)
		}
	}
	for _, owner := range []string{"L", "Lu", "Luis"} {
		if err := o.Apply(canvas.SetActionOwner{Index: 1, Owner: owner}); err != nil {
			t.Fatal(err)
		}
	}
	want := []struct{ text, owner string }{{"Call Bo", ""}, {"Call", ""}, {"通知客户", ""}}
	for _, w := range want {
		if err := o.Undo(); err != nil {
			t.Fatal(err)
		}
		a := o.Snapshot().Actions[1]
		if a.Text != w.text || a.Owner != w.owner {
			t.Errorf("after undo %q by %q, want %q by %q", a.Text, a.Owner, w.text, w.owner)
		}
	}
	if err := o.Undo(); err != nil {
		t.Fatal(err) // the second AddAction
	}
	if n := len(o.Snapshot().Actions); n != 1 {
		t.Errorf("%d actions after undoing the typing and the add, want 1", n)
	}
}

func TestCheckDue(t *testing.T) {
	for due, ok := range map[string]bool{
		"": true, "2026-12-15": true, "0001-01-01": true, "9999-12-31": true,
		"2026-13-01": false, "2026-12-1": false, "tomorrow": false, "2026-12-15T00:00:00Z": false, " 2026-12-15": false,
	} {
		if err := canvas.CheckDue(due); (err == nil) != ok {
			t.Errorf("CheckDue(%q) = %v, want ok %v", due, err, ok)
		}
	}
}
