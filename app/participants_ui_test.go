package app

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

type pair struct {
	colour int
	shape  canvas.Shape
}

func checkDistinctMarkers(t *testing.T, s *canvas.Session) {
	t.Helper()
	seen := map[pair]string{}
	for i, p := range s.Participants {
		k := pair{p.Colour, p.Shape}
		if other, ok := seen[k]; ok {
			t.Errorf("%s and %s share colour %d and shape %s", other, p.Name, p.Colour, p.Shape)
		}
		seen[k] = p.Name
		m := canvas.MarkerStyle(s, i, canvas.Point{})
		if m.Colour != canvas.ParticipantColour(p.Colour) || m.Shape != p.Shape {
			t.Errorf("%s is drawn as %v %s, want palette colour %d %s", p.Name, m.Colour, m.Shape, p.Colour, p.Shape)
		}
	}
}

func TestParticipantsAddRenameReorderRemoveUndo(t *testing.T) {
	u, st := startFacilitation(t, filepath.Join(t.TempDir(), "f.db"))
	defer st.Close()
	if err := u.createSession(canvas.TemplateQuick, "Equipo", "Nubia CRM", "Marta"); err != nil {
		t.Fatal(err)
	}
	e := u.editor
	s := e.s
	c := u.Window().Canvas()

	addPeople(t, u, [2]string{"Ana García", "Ventas"}, [2]string{"李伟", "产品经理"})
	// The third by keyboard: Add leaves the focus in the name entry, and
	// Return there adds.
	test.Type(e.people.name, "Sam")
	if c.Focused() != fyne.Focusable(e.people.name) {
		t.Fatalf("after Add the focus is on %T, want the name entry", c.Focused())
	}
	pressKey(c, fyne.KeyReturn)

	if got := strings.Join(names(s), ","); got != "Ana García,李伟,Sam" {
		t.Fatalf("participants %q", got)
	}
	if s.Participants[0].Role != "Ventas" || s.Participants[1].Role != "产品经理" || s.Participants[2].Role != "" {
		t.Errorf("roles %q %q %q", s.Participants[0].Role, s.Participants[1].Role, s.Participants[2].Role)
	}
	if e.people.name.Text != "" || e.people.role.Text != "" {
		t.Errorf("entries not cleared after Add: %q %q", e.people.name.Text, e.people.role.Text)
	}
	if got := strings.Join(listedPeople(e), "|"); got != "Ana García · Ventas|李伟 · 产品经理|Sam" {
		t.Errorf("the tab lists %q", got)
	}
	// Colour i and shape i for the first three.
	want := []pair{{0, canvas.ShapeCircle}, {1, canvas.ShapeSquare}, {2, canvas.ShapeTriangle}}
	for i, p := range s.Participants {
		if (pair{p.Colour, p.Shape}) != want[i] {
			t.Errorf("%s has colour %d shape %s, want %v", p.Name, p.Colour, p.Shape, want[i])
		}
	}
	checkDistinctMarkers(t, s)
	swatches := renderedOf[*markerSwatch](e.people.list)
	if len(swatches) != 3 || swatches[1].m.Shape != canvas.ShapeSquare || swatches[2].m.Colour != canvas.ParticipantColour(2) {
		t.Errorf("swatches do not show each participant's marker: %d", len(swatches))
	}

	// Rename through the edit dialog.
	_, _, edit, _ := personButtons(t, e, "Sam")
	test.Tap(edit)
	dlg := c.Overlays().Top()
	if dlg == nil {
		t.Fatal("edit opened no dialog")
	}
	entries := entriesIn(dlg)
	if len(entries) != 2 || entries[0].Text != "Sam" {
		t.Fatalf("edit dialog entries %d, first %q", len(entries), entries[0].Text)
	}
	entries[0].SetText("Sam Okafor")
	entries[1].SetText("Diseño")
	test.Tap(buttonIn(t, dlg, "Save"))
	if c.Overlays().Top() != nil {
		t.Error("the edit dialog is still open")
	}
	if p := s.Participants[2]; p.Name != "Sam Okafor" || p.Role != "Diseño" {
		t.Errorf("after edit: %q %q", p.Name, p.Role)
	}
	if got := listedPeople(e); len(got) != 3 || got[2] != "Sam Okafor · Diseño" {
		t.Errorf("the tab lists %q after the rename", got)
	}

	// Reorder: Sam up, then Ana down.
	up, _, _, _ := personButtons(t, e, "Ana García")
	if !up.Disabled() {
		t.Error("the first participant can move up")
	}
	_, down, _, _ := personButtons(t, e, "Sam Okafor")
	if !down.Disabled() {
		t.Error("the last participant can move down")
	}
	up, _, _, _ = personButtons(t, e, "Sam Okafor")
	test.Tap(up)
	if got := strings.Join(names(s), ","); got != "Ana García,Sam Okafor,李伟" {
		t.Fatalf("after Sam up: %q", got)
	}
	_, down, _, _ = personButtons(t, e, "Ana García")
	test.Tap(down)
	if got := strings.Join(names(s), ","); got != "Sam Okafor,Ana García,李伟" {
		t.Fatalf("after Ana down: %q", got)
	}
	if got := strings.Join(listedPeople(e), "|"); got != "Sam Okafor · Diseño|Ana García · Ventas|李伟 · 产品经理" {
		t.Errorf("the tab lists %q after reordering", got)
	}

	// Ana places markers in a recorded round (only her values are typed).
	keys := []string{"customer", "value"}
	u.beginRound(canvas.RoundRecord, keys)
	grid := renderedOf[*editEntry](u.Window().Content())
	if len(grid) != 6 {
		t.Fatalf("record grid has %d entries, want 6", len(grid))
	}
	test.Type(grid[1], "33") // customer, Ana (second in order)
	test.Type(grid[4], "66") // value, Ana
	test.Tap(buttonIn(t, u.Window().Content(), "Reveal"))
	if u.Window().Content() != e.content {
		t.Fatal("reveal did not return to the editor")
	}
	e.tabs.SelectIndex(1)
	anaID := s.Participants[1].ID
	anaPlacements := slices.Clone(s.Placements)
	if len(anaPlacements) != 2 || anaPlacements[0].Participant != anaID || anaPlacements[1].Participant != anaID {
		t.Fatalf("placements %+v, want Ana's two", anaPlacements)
	}

	// Sam has no placements: removed at once, no question asked.
	_, _, _, del := personButtons(t, e, "Sam Okafor")
	test.Tap(del)
	if c.Overlays().Top() != nil {
		t.Fatal("removing a participant without placements asked for confirmation")
	}
	if got := strings.Join(names(s), ","); got != "Ana García,李伟" {
		t.Fatalf("after removing Sam: %q", got)
	}
	if got := strings.Join(listedPeople(e), "|"); got != "Ana García · Ventas|李伟 · 产品经理" {
		t.Errorf("the tab lists %q after removing Sam", got)
	}

	// Ana has placements: a confirmation first; No keeps her.
	_, _, _, del = personButtons(t, e, "Ana García")
	test.Tap(del)
	dlg = c.Overlays().Top()
	if dlg == nil {
		t.Fatal("removing a participant with placements did not ask")
	}
	if !containsText(textsOf(rendered(dlg)), "Ana García has placed markers") {
		t.Errorf("the confirmation says %q", textsOf(rendered(dlg)))
	}
	test.Tap(buttonIn(t, dlg, "No"))
	if len(s.Participants) != 2 || len(s.Placements) != 2 {
		t.Fatalf("No removed something: %q, %d placements", names(s), len(s.Placements))
	}
	_, _, _, del = personButtons(t, e, "Ana García")
	test.Tap(del)
	test.Tap(buttonIn(t, c.Overlays().Top(), "Yes"))
	if got := strings.Join(names(s), ","); got != "李伟" {
		t.Fatalf("after removing Ana: %q", got)
	}
	if len(s.Placements) != 0 {
		t.Errorf("Ana's placements are still there: %+v", s.Placements)
	}

	// Ctrl+Z puts her back first, with her placements.
	c.(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutUndo{})
	if got := strings.Join(names(s), ","); got != "Ana García,李伟" {
		t.Fatalf("after undo: %q (Ana was first)", got)
	}
	if s.Participants[0].ID != anaID || s.Participants[0].Role != "Ventas" {
		t.Errorf("undo restored %+v", s.Participants[0])
	}
	if !slices.Equal(s.Placements, anaPlacements) {
		t.Errorf("placements after undo %+v, want %+v", s.Placements, anaPlacements)
	}
	if got := strings.Join(listedPeople(e), "|"); got != "Ana García · Ventas|李伟 · 产品经理" {
		t.Errorf("the tab lists %q after undo", got)
	}
	checkDistinctMarkers(t, s)

	// A newcomer added after a removal may take the removed person's free
	// marker; undoing the addition and then the removal must leave every
	// marker distinct, and redoing both gives the same again.
	_, _, _, del = personButtons(t, e, "李伟")
	test.Tap(del)
	addPeople(t, u, [2]string{"Dana", ""})
	c.(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutUndo{})
	c.(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutUndo{})
	if got := strings.Join(names(s), ","); got != "Ana García,李伟" {
		t.Fatalf("after undoing Dana and the removal: %q", got)
	}
	checkDistinctMarkers(t, s)
	c.(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutRedo{})
	c.(fyne.Shortcutable).TypedShortcut(redoShiftZ)
	if got := strings.Join(listedPeople(e), "|"); got != "Ana García · Ventas|Dana" {
		t.Fatalf("after redoing both the tab lists %q", got)
	}
	checkDistinctMarkers(t, s)
}
