package app

import (
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/canvas/store"
)

// The case: a buying committee ("Decision makers" at 75) next to
// an impulse purchase ("Decision cycle" at 5).
const (
	committee    = "Committee vs impulse purchase"
	committeeMsg = "A purchase that needs a committee's yes is rarely decided in minutes: user, evaluator, budget holder, approver and signer each take their time."
	committeeQ   = "Ask the room: Who on the committee decides fast, and what would make the others sign as quickly?"
)

// committeeSession stores a Quick session whose team agreed on a
// committee at 75 and a purchase decided at 5, and a customer at 50 (so no
// other rule fires), and opens it in the editor.
func committeeSession(t *testing.T) (*UI, *store.Store, *editor) {
	t.Helper()
	path := filepath.Join(t.TempDir(), "f.db")
	u, st := startUI(t, path)
	t.Cleanup(func() { st.Close() })
	return u, st, openCommittee(t, u, st)
}

func openCommittee(t *testing.T, u *UI, st *store.Store) *editor {
	t.Helper()
	s, err := canvas.NewSession(canvas.TemplateQuick, "Q1 positioning", "Nubia CRM", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	o := canvas.NewOwner(s, time.Now)
	for key, v := range map[string]int{"decision-makers": 75, "decision-cycle": 5, "customer": 50} {
		v := v
		if err := o.Apply(canvas.SetCurrent{Dimension: key, Value: &v}); err != nil {
			t.Fatal(err)
		}
	}
	if err := st.Save(o.Snapshot()); err != nil {
		t.Fatal(err)
	}
	if err := u.OpenSession(s.ID); err != nil {
		t.Fatal(err)
	}
	return u.editor
}

func rowOfKey(t *testing.T, e *editor, key string) *dimRow {
	t.Helper()
	i := e.rowOf(key)
	if i < 0 {
		t.Fatalf("no row for %s", key)
	}
	return e.rows[i]
}

// marked lists the rows whose tension marker shows, with its state.
func marked(e *editor) map[string]int {
	out := map[string]int{}
	for _, r := range e.rows {
		if r.mark.button.Visible() {
			out[r.dim.Key] = r.mark.state
		}
	}
	return out
}

func tensionTexts(e *editor) []string { return textsOf(rendered(e.tensions.scroll)) }

// TestTensionShowsBeforeAnyoneAsks is the "done when": opening a
// session with a committee at 75 and a decision in minutes shows the
// tension in the tab, with its count, and a marker on both rows; moving
// the decision cycle to 50 clears it at once, and undo brings it back.
func TestTensionShowsBeforeAnyoneAsks(t *testing.T) {
	u, _, e := committeeSession(t)
	if got := e.tensions.tab.Text; got != "Tensions (1)" {
		t.Errorf("the tab is titled %q, want Tensions (1)", got)
	}
	if got := marked(e); len(got) != 2 || got["decision-makers"] != markOpen || got["decision-cycle"] != markOpen {
		t.Errorf("markers on %v, want an open one on decision-makers and decision-cycle", got)
	}
	// The marker is drawn in the row.
	if r := rowOfKey(t, e, "decision-cycle"); !containsObject(rendered(r.box), r.mark.button) {
		t.Error("the marker is not drawn in the row")
	}
	// Beside the index, a count that stays in sight where the tab's
	// title is cut off; it opens the tension.
	if !e.tensions.badge.Visible() || e.tensions.badge.Text != "1" {
		t.Errorf("the badge shows %q (visible %v)", e.tensions.badge.Text, e.tensions.badge.Visible())
	}
	test.Tap(e.tensions.badge)
	if e.tabs.Selected() != e.tensions.tab {
		t.Errorf("the badge opened %q", e.tabs.Selected().Text)
	}
	texts := tensionTexts(e)
	for _, want := range []string{committee, committeeMsg, committeeQ, "Decision makers: 75", "Decision cycle: 5", "Accept…"} {
		if !hasText(texts, want) {
			t.Errorf("the tab lacks %q: %q", want, texts)
		}
	}
	if e.tensions.empty.Visible() {
		t.Error("the empty state shows beside a tension")
	}

	// The slider moves: the tension goes while the value changes.
	cycle := rowOfKey(t, e, "decision-cycle").slider
	cycle.SetValue(20)
	if !hasText(tensionTexts(e), "Decision cycle: 20") {
		t.Errorf("at 20 the tab shows %q", tensionTexts(e))
	}
	cycle.SetValue(50)
	if got := e.tensions.tab.Text; got != "Tensions (0)" {
		t.Errorf("at 50 the tab is titled %q", got)
	}
	if got := marked(e); len(got) != 0 || e.tensions.badge.Visible() {
		t.Errorf("at 50 markers remain on %v, badge %v", got, e.tensions.badge.Visible())
	}
	if containsText(tensionTexts(e), committee) || !e.tensions.empty.Visible() {
		t.Errorf("at 50 the tab still shows %q", tensionTexts(e))
	}
	undoKey(u)
	undoKey(u)
	if got := e.tensions.tab.Text; got != "Tensions (1)" || len(marked(e)) != 2 {
		t.Errorf("after undo: tab %q, markers %v", got, marked(e))
	}
}

func containsObject(objs []fyne.CanvasObject, o fyne.CanvasObject) bool {
	for _, x := range objs {
		if x == o {
			return true
		}
	}
	return false
}

// acceptDialogOpen is the open dialog's reason entry and its Accept
// button.
func acceptDialogOpen(t *testing.T, u *UI) (*keyEntry, *widget.Button) {
	t.Helper()
	top := u.Window().Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog open")
	}
	entries := renderedOf[*keyEntry](top)
	if len(entries) != 1 {
		t.Fatalf("the dialog has %d entries", len(entries))
	}
	var ok *widget.Button
	for _, b := range buttonsIn(top) {
		if b.Text == "Accept" || b.Text == "Save" {
			ok = b
		}
	}
	if ok == nil {
		t.Fatalf("the dialog has no Accept button: %q", textsOf(rendered(top)))
	}
	return entries[0], ok
}

// TestAcceptTensionWithReason: the marker opens the tension; Accept… asks
// why, refuses an empty reason while it is typed, and Enter accepts. The
// tension then shows as accepted with the reason, the marker is muted,
// the count drops; one undo reopens it; the acceptance survives closing
// and reopening the session from the store; Reopen and Esc work.
func TestAcceptTensionWithReason(t *testing.T) {
	u, st, e := committeeSession(t)
	c := u.Window().Canvas()
	test.Tap(rowOfKey(t, e, "decision-cycle").mark.button)
	if e.tabs.Selected() != e.tensions.tab {
		t.Fatalf("the marker opened the tab %q", e.tabs.Selected().Text)
	}
	card := e.tensions.cards["committee-impulse"]
	if c.Focused() != card.accept {
		t.Errorf("the focus is on %T, not the tension's Accept button", c.Focused())
	}
	// Enter on the focused Accept… opens the dialog.
	pressKey(c, fyne.KeyReturn)
	reason, ok := acceptDialogOpen(t, u)
	if !ok.Disabled() {
		t.Error("Accept is enabled before a reason is written")
	}
	if !containsText(textsOf(onScreen(u)), committeeMsg) {
		t.Error("the dialog does not say which tension it accepts")
	}
	test.Type(reason, "   ")
	if !ok.Disabled() {
		t.Error("Accept is enabled for a blank reason")
	}
	pressKey(c, fyne.KeyReturn) // refused: nothing happens
	if c.Overlays().Top() == nil || len(e.s.AcceptedTensions) != 0 {
		t.Fatal("Enter accepted a blank reason")
	}
	why := "we sell to committees but land through a free trial on purpose"
	reason.SetText("")
	test.Type(reason, why)
	if ok.Disabled() {
		t.Fatal("Accept stays disabled with a reason")
	}
	pressKey(c, fyne.KeyReturn)
	if c.Overlays().Top() != nil {
		t.Fatal("Enter did not close the dialog")
	}
	// The keyboard carries on from the card: Accept… is gone, Edit
	// reason… has the focus; the card's sign is muted.
	if c.Focused() != card.edit || card.icon.Resource != acceptedMarkIcon() {
		t.Errorf("after accepting: focus on %T, icon %v", c.Focused(), card.icon.Resource.Name())
	}
	accepted := func(where string) {
		t.Helper()
		e := u.editor
		if got := e.tensions.tab.Text; got != "Tensions (0)" {
			t.Errorf("%s: the tab is titled %q", where, got)
		}
		if got := marked(e); got["decision-makers"] != markAccepted || got["decision-cycle"] != markAccepted {
			t.Errorf("%s: markers %v, want muted ones", where, got)
		}
		e.tabs.Select(e.tensions.tab)
		texts := tensionTexts(e)
		if !hasText(texts, "Accepted: "+why) || !hasText(texts, "Reopen") || hasText(texts, "Accept…") {
			t.Errorf("%s: the tab shows %q", where, texts)
		}
	}
	accepted("accepted")

	// One undo step reopens it, one redo accepts it again.
	undoKey(u)
	if got := e.tensions.tab.Text; got != "Tensions (1)" || len(e.s.AcceptedTensions) != 0 {
		t.Errorf("after undo: tab %q, accepted %v", got, e.s.AcceptedTensions)
	}
	if hasText(tensionTexts(e), "Accepted: "+why) {
		t.Error("after undo the reason still shows")
	}
	redoKey(u)
	accepted("after redo")

	// Closing and reopening the session from the store.
	id := e.s.ID
	u.ShowHome()
	stored, err := st.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	if len(stored.AcceptedTensions) != 1 || stored.AcceptedTensions[0] != (canvas.AcceptedTension{Rule: "committee-impulse", Reason: why}) {
		t.Fatalf("the store holds %+v", stored.AcceptedTensions)
	}
	if err := u.OpenSession(id); err != nil {
		t.Fatal(err)
	}
	accepted("reopened from the store")
	e = u.editor
	card = e.tensions.cards["committee-impulse"]

	// Editing the reason: Esc keeps the old one.
	test.Tap(card.edit)
	reason, _ = acceptDialogOpen(t, u)
	if reason.Text != why {
		t.Errorf("the edit dialog opens with %q", reason.Text)
	}
	test.Type(reason, " (for now)")
	pressKey(c, fyne.KeyEscape)
	if c.Overlays().Top() != nil || e.s.AcceptedTensions[0].Reason != why {
		t.Errorf("Esc: dialog %v, reason %q", c.Overlays().Top(), e.s.AcceptedTensions[0].Reason)
	}
	test.Tap(card.edit)
	reason, _ = acceptDialogOpen(t, u)
	test.Type(reason, " (for now)")
	pressKey(c, fyne.KeyReturn)
	if got := e.s.AcceptedTensions[0].Reason; got != why+" (for now)" || !hasText(tensionTexts(e), "Accepted: "+got) {
		t.Errorf("the edited reason is %q, the tab shows %q", got, tensionTexts(e))
	}

	// Reopen, and undo takes it back.
	test.Tap(card.reopen)
	if got := e.tensions.tab.Text; got != "Tensions (1)" || marked(e)["decision-cycle"] != markOpen {
		t.Errorf("after Reopen: tab %q, markers %v", got, marked(e))
	}
	undoKey(u)
	if len(e.s.AcceptedTensions) != 1 || e.tensions.tab.Text != "Tensions (0)" {
		t.Errorf("undoing Reopen leaves %v, tab %q", e.s.AcceptedTensions, e.tensions.tab.Text)
	}
}

// TestTensionKeys: Ctrl+T opens the selected row's tension; Tab reaches a
// row's marker and Enter on it does the same.
func TestTensionKeys(t *testing.T) {
	u, _, e := committeeSession(t)
	c := u.Window().Canvas()
	e.selectRow(e.rowOf("decision-makers"))
	c.(fyne.Shortcutable).TypedShortcut(shortcut(fyne.KeyT))
	if e.tabs.Selected() != e.tensions.tab || c.Focused() != e.tensions.cards["committee-impulse"].accept {
		t.Errorf("Ctrl+T: tab %q, focus %T", e.tabs.Selected().Text, c.Focused())
	}
	e.tabs.SelectIndex(0)
	mark := rowOfKey(t, e, "decision-cycle").mark.button
	c.Focus(mark)
	pressKey(c, fyne.KeyReturn)
	if e.tabs.Selected() != e.tensions.tab {
		t.Errorf("Enter on the marker opened %q", e.tabs.Selected().Text)
	}
	// A row in no tension: Ctrl+T shows the tab all the same.
	e.tabs.SelectIndex(0)
	e.selectRow(e.rowOf("value"))
	c.(fyne.Shortcutable).TypedShortcut(shortcut(fyne.KeyT))
	if e.tabs.Selected() != e.tensions.tab {
		t.Errorf("Ctrl+T on a row without a tension opened %q", e.tabs.Selected().Text)
	}
}
