package app

import (
	"errors"
	"fmt"
	"path/filepath"
	"reflect"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/dialog"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// kindsOf picks the first stop of each type of widget: whether Esc reaches
// the dialog depends on the widget's type, and trying each of the round
// dialog's forty stops took most of this test's time.
func kindsOf(stops []fyne.Focusable) []int {
	seen := map[string]bool{}
	var at []int
	for i, f := range stops {
		if k := fmt.Sprintf("%T", f); !seen[k] {
			seen[k] = true
			at = append(at, i)
		}
	}
	return at
}

// focusStops is every widget Tab reaches in the dialog on top, in order.
func focusStops(c fyne.Canvas) []fyne.Focusable {
	var stops []fyne.Focusable
	c.Unfocus()
	for range 100 {
		c.FocusNext()
		f := c.Focused()
		if f == nil || (len(stops) > 0 && f == stops[0]) {
			break
		}
		stops = append(stops, f)
	}
	return stops
}

// Esc cancels every dialog wherever Tab has put the focus in it: a field,
// a radio button, a check box, a list or one of its buttons. Fyne's own
// widgets drop keys they do not use, so each stop is tried.
func TestEscCancelsEveryDialogFromEveryStop(t *testing.T) {
	u, st := startUI(t, filepath.Join(t.TempDir(), "f.db"))
	defer st.Close()
	c := u.Window().Canvas()
	if err := u.createSession(canvas.TemplateQuick, "Uno", "p", ""); err != nil {
		t.Fatal(err)
	}
	addPeople(t, u, [2]string{"Ana", "PM"}, [2]string{"李伟", ""})
	u.backupNow()
	key(c, fyne.KeyEscape) // the "Backed up" message
	id := u.editor.s.ID
	before := u.editor.owner.Snapshot()

	editor := []struct {
		name string
		open func()
	}{
		{"settings", u.settingsDialog},
		{"start round", u.startRoundDialog},
		{"edit participant", func() { u.editor.people.edit(u.editor.s.Participants[0].ID) }},
		{"keyboard shortcuts", u.showShortcuts},
		{"restore from a backup", u.restoreDialog},
		{"changes not saved", func() { u.warnUnsaved(errors.New("disk full"), "Close", func() { t.Error("Esc left the editor") }) }},
		{"confirm", func() {
			u.show(dialog.NewConfirm("Sure?", "Go on?", func(ok bool) {
				if ok {
					t.Error("Esc answered yes")
				}
			}, u.win))
		}},
		{"error", func() { u.showError("Prueba", errors.New("boom")) }},
	}
	for _, d := range editor {
		c.Unfocus()
		d.open()
		if c.Overlays().Top() == nil {
			t.Fatalf("%s: no dialog", d.name)
		}
		stops := focusStops(c)
		key(c, fyne.KeyEscape)
		if c.Overlays().Top() != nil {
			t.Fatalf("%s: Esc did not close it", d.name)
		}
		if len(stops) == 0 {
			t.Fatalf("%s: Tab reaches nothing in it", d.name)
		}
		for _, i := range kindsOf(stops) {
			d.open()
			got := focusStops(c)
			if len(got) != len(stops) {
				t.Fatalf("%s: %d stops, then %d", d.name, len(stops), len(got))
			}
			c.Focus(got[i])
			key(c, fyne.KeyEscape)
			if top := c.Overlays().Top(); top != nil {
				t.Fatalf("%s: Esc with the focus on stop %d (%T) left it open", d.name, i, got[i])
			}
		}
	}
	if u.editor == nil || u.editor.s.ID != id || u.editor.s.InRound() {
		t.Fatal("Esc in a dialog changed the editor or started a round")
	}
	if got := u.editor.owner.Snapshot(); !reflect.DeepEqual(got, before) {
		t.Error("Esc in a dialog changed the session")
	}

	u.ShowHome()
	h := u.home
	home := []struct {
		name string
		open func()
	}{
		{"new session", u.newSessionDialog},
		{"rename", func() { h.list.Select(0); h.renameSelected() }},
		{"delete", func() { h.list.Select(0); h.deleteSelected() }},
	}
	for _, d := range home {
		d.open()
		stops := focusStops(c)
		key(c, fyne.KeyEscape)
		for _, i := range kindsOf(stops) {
			d.open()
			got := focusStops(c)
			c.Focus(got[i])
			key(c, fyne.KeyEscape)
			if c.Overlays().Top() != nil {
				t.Fatalf("%s: Esc with the focus on stop %d (%T) left it open", d.name, i, got[i])
			}
		}
	}
	if sums, _ := st.ListSummaries(); len(sums) != 1 || sums[0].Title != "Uno" {
		t.Errorf("after Esc in the home dialogs the sessions are %+v", sums)
	}

	// Enter with the focus on a radio button confirms the dialog.
	u.newSessionDialog()
	c.Focused().(*keyEntry).SetText("Dos")
	radio := renderedOf[*keyRadio](c.Overlays().Top())[0]
	c.Focus(radio.items[len(radio.items)-1])
	key(c, fyne.KeyUp)
	key(c, fyne.KeyReturn)
	if c.Overlays().Top() != nil || u.editor == nil || u.editor.s.Title != "Dos" {
		t.Fatal("Enter on the template choice did not create the session")
	}
	if want := canvas.Templates()[len(radio.items)-2].Key; u.editor.s.Template != want {
		t.Errorf("↑ on the last template chose %q, want %q", u.editor.s.Template, want)
	}
}
