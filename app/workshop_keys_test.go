package app

import (
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// The done-when of issue 11, in process: from an empty store to a finished
// workshop with the keyboard only, on a 1024×768 screen. Every step is a
// key press or typed text; the test reads state, never taps.
func TestWholeWorkshopByKeyboard(t *testing.T) {
	if _, err := exec.LookPath("pdftotext"); err != nil {
		t.Skip("pdftotext (poppler-utils) is not installed; make test installs it")
	}
	u, st := startUI(t, filepath.Join(t.TempDir(), "f.db"))
	defer st.Close()
	u.Window().Resize(fyne.NewSize(1024, 768))
	c := u.Window().Canvas()
	sc := func(s fyne.Shortcut) { c.(fyne.Shortcutable).TypedShortcut(s) }
	typeText := func(s string) { test.Type(c.Focused(), s) }

	// A session on the Quick template: Ctrl+N, title, Tab, product, then
	// Tab to the template and ↓ to Quick, Enter.
	sc(shortcut(fyne.KeyN))
	typeText("Q4 posicionamiento")
	tab(t, c)
	typeText("Nubia CRM")
	tabUntil(t, c, "the Full template", func(f fyne.Focusable) bool {
		it, ok := f.(*keyRadioItem)
		return ok && strings.HasPrefix(it.option, "Full")
	})
	key(c, fyne.KeyDown)
	key(c, fyne.KeyReturn)
	e := u.editor
	if e == nil || e.s.Template != canvas.TemplateQuick || e.s.Product != "Nubia CRM" {
		t.Fatal("the keyboard did not create the Quick session")
	}
	s := func() *canvas.Session { return u.editor.s }

	// Three people: F6 to the Participants tab's name field, a name and
	// Enter each.
	f6Until(t, c, "the participant name field", func(f fyne.Focusable) bool { return f == fyne.Focusable(e.people.name) })
	for _, n := range []string{"Ana García", "Li Wei", "Sam"} {
		typeText(n)
		key(c, fyne.KeyReturn)
	}
	if len(s().Participants) != 3 {
		t.Fatalf("%d participants after typing three", len(s().Participants))
	}

	// A blind round on every dimension: the toolbar's Start round, Enter.
	f6Until(t, c, "the toolbar", func(f fyne.Focusable) bool { return holds(e.toolbar, f) })
	tabUntil(t, c, "Start round", isButton("Start round"))
	key(c, fyne.KeyReturn)
	key(c, fyne.KeyReturn)
	if !s().InRound() {
		t.Fatal("the round did not start")
	}

	// Ana places everything, with a reason on the first dimension.
	place := func(who string, steps int, reason string) {
		t.Helper()
		key(c, fyne.KeyReturn) // "press any key when <who> has it"
		n := 0
		for n < len(s().Round.Dimensions) {
			tab(t, c) // off the slider just placed
			tabUntil(t, c, who+"'s next slider", func(f fyne.Focusable) bool { _, ok := f.(*spectrumSlider); return ok })
			for range steps {
				key(c, fyne.KeyPageUp)
			}
			if n == 0 && reason != "" {
				tabUntil(t, c, "the rationale", func(f fyne.Focusable) bool { _, ok := f.(*editEntry); return ok })
				typeText(reason)
			}
			n++
		}
		tabUntil(t, c, "Done", isButton("Done: hide my answers and pass the laptop on"))
		key(c, fyne.KeyReturn)
		if top := c.Overlays().Top(); top != nil {
			t.Fatalf("%s's Done asks %q", who, textsOf(rendered(top)))
		}
	}
	place("Ana García", 2, "Vendemos a equipos comerciales")
	// Li Wei is not in the room: skipped for now, then out of the round.
	tabUntil(t, c, "skip", isButton("Li Wei is not here: skip for now"))
	key(c, fyne.KeyReturn)
	place("Sam", 4, "")
	tabUntil(t, c, "not placing", isButton("Li Wei does not place this round"))
	key(c, fyne.KeyReturn)
	key(c, fyne.KeyReturn) // yes, take Li Wei out
	tabUntil(t, c, "Reveal", isButton("Reveal every marker"))
	key(c, fyne.KeyReturn)
	if s().InRound() || !s().PlacementsVisible() || u.Window().Content() != e.content {
		t.Fatal("the round was not revealed into the editor")
	}
	first := s().Dimensions[0].Key
	if _, ok := s().Placement(s().Participants[1].ID, first); ok {
		t.Error("Li Wei, who did not place, has a placement")
	}
	// The reasons are read out from the editor.
	if !containsText(textsOf(rendered(e.content)), "Vendemos a equipos comerciales") {
		t.Error("Ana's reason is not on screen after the reveal")
	}

	// A wrong slider move on the first dimension, undone.
	c.Unfocus()
	f6Until(t, c, "the first dimension's slider", func(f fyne.Focusable) bool { return f == fyne.Focusable(e.rows[0].slider) })
	before := s().Position(first).Current
	key(c, fyne.KeyEnd)
	sc(&fyne.ShortcutUndo{})
	if after := s().Position(first).Current; (before == nil) != (after == nil) || (before != nil && *before != *after) {
		t.Fatalf("undo left the position at %v, want %v", after, before)
	}

	// Agree on the median (Ctrl+Enter), then a target: Tab to the target
	// box, Space, Tab to its slider, End.
	sc(agreeShortcut)
	pos := s().Position(first)
	if pos.Current == nil || *pos.Current != 80 {
		t.Fatalf("agreed %v, want the median 80 of 70 and 90", pos.Current)
	}
	tabUntil(t, c, "the target box", func(f fyne.Focusable) bool { return f == fyne.Focusable(e.rows[0].targetOn) })
	space(c)
	tab(t, c)
	key(c, fyne.KeyEnd)
	if pos := s().Position(first); pos.Target == nil || *pos.Target != 100 {
		t.Fatalf("target %v, want 100", pos.Target)
	}

	// Three actions from the Actions tab's form: text, Tab, owner, Tab,
	// due date, Enter back in the text.
	f6Until(t, c, "the action text", func(f fyne.Focusable) bool { return f == fyne.Focusable(e.actions.draft.text) })
	for i, a := range [][3]string{
		{"Mapear el comité de compra", "Ana García", "2026-12-15"},
		{"Call the three pilot customers", "Sam", ""},
		{"Rewrite the pricing page", "Li Wei", "2027-01-10"},
	} {
		typeText(a[0])
		tab(t, c)
		typeText(a[1])
		tab(t, c)
		typeText(a[2])
		for c.Focused() != fyne.Focusable(e.actions.draft.text) {
			tab(t, c)
		}
		key(c, fyne.KeyReturn)
		if len(s().Actions) != i+1 {
			t.Fatalf("after action %d the session holds %d", i+1, len(s().Actions))
		}
	}

	// Ctrl+E, the file name, Tab to Save, Space; the PDF holds it all.
	dir := t.TempDir()
	u.app.Preferences().SetString(fileDialogFolderKey, storage.NewFileURI(dir).String())
	sc(shortcut(fyne.KeyE))
	key(c, fyne.KeyReturn) // the PDF's language: the interface's
	tabUntil(t, c, "the file name", func(f fyne.Focusable) bool {
		en, ok := f.(*widget.Entry)
		return ok && strings.HasSuffix(en.Text, ".pdf")
	})
	c.Focused().(*widget.Entry).SetText("workshop.pdf")
	tabUntil(t, c, "Save", func(f fyne.Focusable) bool { b, ok := f.(*widget.Button); return ok && b.Text == "Save" })
	key(c, fyne.KeySpace)
	path := filepath.Join(dir, "workshop.pdf")
	// lastExport closes once the result is on screen: reading the notice
	// before that would race with the export's goroutine.
	if u.lastExport == nil {
		t.Fatal("Save started no export")
	}
	<-u.lastExport
	if !strings.Contains(e.notice.Text, path) {
		t.Fatalf("the PDF was not written; the editor says %q", e.notice.Text)
	}
	out, err := exec.Command("pdftotext", "-layout", path, "-").Output()
	if err != nil {
		t.Fatal(err)
	}
	text := strings.Join(strings.Fields(string(out)), " ")
	for _, want := range []string{
		"Q4 posicionamiento", "Vendemos a equipos comerciales",
		"Mapear el comité de compra", "Call the three pilot customers", "Rewrite the pricing page",
		"2026-12-15", "Ana García", "Sam",
	} {
		if !strings.Contains(text, want) {
			t.Errorf("the PDF lacks %q", want)
		}
	}
	if _, err := os.Stat(path); err != nil {
		t.Fatal(err)
	}
}

// tabUntil presses Tab until match holds for the focused widget.
func tabUntil(t *testing.T, c fyne.Canvas, what string, match func(fyne.Focusable) bool) {
	t.Helper()
	for range 300 {
		if f := c.Focused(); f != nil && match(f) {
			return
		}
		tab(t, c)
	}
	var seen []string
	for _, b := range buttonsIn(c.Content()) {
		seen = append(seen, b.Text)
	}
	t.Fatalf("Tab never reached %s; the focus is on %T; buttons %q", what, c.Focused(), seen)
}

// f6Until presses F6 until match holds for the focused widget.
func f6Until(t *testing.T, c fyne.Canvas, what string, match func(fyne.Focusable) bool) {
	t.Helper()
	for range 12 {
		if f := c.Focused(); f != nil && match(f) {
			return
		}
		key(c, fyne.KeyF6)
	}
	t.Fatalf("F6 never reached %s; the focus is on %T", what, c.Focused())
}

// space presses Space as the window does: the key, then its character.
// A button acts on the key, a check box on the character.
func space(c fyne.Canvas) {
	key(c, fyne.KeySpace)
	if f := c.Focused(); f != nil {
		f.TypedRune(' ')
	}
}

func isButton(text string) func(fyne.Focusable) bool {
	return func(f fyne.Focusable) bool {
		b, ok := f.(*keyButton)
		return ok && b.Text == text
	}
}
