package app

import (
	"errors"
	"fmt"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// The tests in this file drive the app from the keyboard only, as a
// facilitator without a mouse does (issue 11 point 6).

// tab presses Tab as the window does: a widget that accepts Tab gets it,
// otherwise the focus moves on.
func tab(t *testing.T, c fyne.Canvas) {
	t.Helper()
	if tb, ok := c.Focused().(fyne.Tabbable); ok && tb.AcceptsTab() {
		c.Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyTab})
		return
	}
	c.FocusNext()
}

// key presses a plain key: the focused widget gets it, or the canvas when
// nothing has focus, as in the real window.
func key(c fyne.Canvas, k fyne.KeyName) {
	ev := &fyne.KeyEvent{Name: k}
	if f := c.Focused(); f != nil {
		f.TypedKey(ev)
		return
	}
	if h := c.OnTypedKey(); h != nil {
		h(ev)
	}
}

// Ctrl+N, type the title, Tab, type the product, Enter: a session is made
// and opened. The next New session defaults to the template used last, and
// Esc cancels it.
func TestKeyboardPathFromCtrlNToSession(t *testing.T) {
	u, st := startUI(t, filepath.Join(t.TempDir(), "f.db"))
	defer st.Close()
	c := u.Window().Canvas()

	pressCtrlN(t, c)
	if c.Focused() == nil {
		t.Fatal("the New session dialog focuses nothing")
	}
	test.Type(c.Focused(), "Q4 posicionamiento")
	tab(t, c)
	test.Type(c.Focused(), "Nubia CRM")
	key(c, fyne.KeyReturn)

	if c.Overlays().Top() != nil {
		t.Fatal("Enter left the dialog open")
	}
	if u.editor == nil {
		t.Fatal("Enter did not create and open the session")
	}
	s := u.editor.s
	if s.Title != "Q4 posicionamiento" || s.Product != "Nubia CRM" {
		t.Errorf("created %q / %q; Tab did not lead from the title to the product", s.Title, s.Product)
	}
	if s.Template != canvas.Templates()[0].Key {
		t.Errorf("template %q, want the first, %q", s.Template, canvas.Templates()[0].Key)
	}

	// Choose the quick template this time: the next dialog starts on it.
	c.(fyne.Shortcutable).TypedShortcut(shortcut(fyne.KeyN))
	radio := renderedOf[*keyRadio](c.Overlays().Top())[0]
	for _, o := range radio.Options {
		if strings.HasPrefix(o, "Quick") {
			radio.SetSelected(o)
		}
	}
	test.Type(c.Focused(), "Rápida")
	key(c, fyne.KeyReturn)
	if u.editor == nil || u.editor.s.Template != canvas.TemplateQuick {
		t.Fatal("the quick session was not created")
	}
	c.(fyne.Shortcutable).TypedShortcut(shortcut(fyne.KeyN))
	radio = renderedOf[*keyRadio](c.Overlays().Top())[0]
	if !strings.HasPrefix(radio.Selected, "Quick") {
		t.Errorf("the template defaults to %q, want the last used (Quick)", radio.Selected)
	}
	test.Type(c.Focused(), "no")
	key(c, fyne.KeyEscape)
	if c.Overlays().Top() != nil {
		t.Fatal("Esc left the New session dialog open")
	}
	if sums, _ := st.ListSummaries(); len(sums) != 2 {
		t.Errorf("the store holds %d sessions after Esc, want 2", len(sums))
	}
	if u.editor.s.Title != "Rápida" {
		t.Errorf("after Esc the editor shows %q", u.editor.s.Title)
	}
}

// Tab walks the editor in reading order: slider, target, note, then the
// next dimension, and the focused row is scrolled into view.
func TestTabOrderInEditor(t *testing.T) {
	u, st := startUI(t, filepath.Join(t.TempDir(), "f.db"))
	defer st.Close()
	if err := u.createSession(canvas.TemplateQuick, "Tab", "Nubia", ""); err != nil {
		t.Fatal(err)
	}
	e := u.editor
	c := u.Window().Canvas()
	name := func(f fyne.Focusable) string {
		for i, r := range e.rows {
			switch f {
			case r.slider:
				return "slider " + itoa(i)
			case r.targetOn:
				return "target box " + itoa(i)
			case r.target:
				return "target " + itoa(i)
			case r.note:
				return "note " + itoa(i)
			}
			// The row's own header (Agree or Clear, + Action) comes first
			// in its reading order.
			if holds(r.header, f) {
				return "header " + itoa(i)
			}
		}
		return fmt.Sprintf("%T", f)
	}
	// walk tabs n stops on, counting a row's header buttons as one stop.
	walk := func(n int) []string {
		var out []string
		for len(out) < n {
			tab(t, c)
			got := name(c.Focused())
			if len(out) > 0 && strings.HasPrefix(got, "header ") && out[len(out)-1] == got {
				continue
			}
			out = append(out, got)
		}
		return out
	}

	c.Focus(e.rows[0].slider)
	// With no target the target slider is off and Tab passes it.
	want := []string{"target box 0", "note 0", "header 1", "slider 1", "target box 1"}
	if got := walk(5); !slices.Equal(got, want) {
		t.Fatalf("Tab from the first slider visits %q, want %q", got, want)
	}
	test.Type(c.Focused(), " ") // tick the target box: the target slider joins
	if e.s.Position(e.rows[1].dim.Key).Target == nil {
		t.Fatal("Space on the target box set no target")
	}
	want = []string{"target 1", "note 1", "header 2", "slider 2"}
	if got := walk(4); !slices.Equal(got, want) {
		t.Fatalf("Tab after the target box visits %q, want %q", got, want)
	}
	// Shift+Tab goes back the same way: the row's header, then the note
	// above.
	c.FocusPrevious()
	for strings.HasPrefix(name(c.Focused()), "header 2") {
		c.FocusPrevious()
	}
	if got := name(c.Focused()); got != "note 1" {
		t.Errorf("Shift+Tab from slider 2 focused %s, want note 1", got)
	}

	// On to the last row: each stop is in view.
	c.Focus(e.rows[0].slider)
	last := e.rows[len(e.rows)-1]
	for range 6 * len(e.rows) {
		tab(t, c)
		if c.Focused() == fyne.Focusable(last.note) {
			break
		}
	}
	if c.Focused() != fyne.Focusable(last.note) {
		t.Fatalf("Tab never reached the last note; at %s", name(c.Focused()))
	}
	top, bottom := last.box.Position().Y, last.box.Position().Y+last.box.Size().Height
	if off, h := e.scroll.Offset.Y, e.scroll.Size().Height; top < off || bottom > off+h+1 {
		t.Errorf("the last row (%v–%v) is not in view (%v–%v)", top, bottom, off, off+h)
	}
	if e.selected != len(e.rows)-1 {
		t.Errorf("selected row %d, want the focused last row", e.selected)
	}
}

// F6 moves the focus from the dimensions to the toolbar, back to the
// dimensions and through each tab of the side panel, from wherever it is.
func TestF6CyclesToolbarDimensionsAndPanel(t *testing.T) {
	u, st := startUI(t, filepath.Join(t.TempDir(), "f.db"))
	defer st.Close()
	if err := u.createSession(canvas.TemplateQuick, "F6", "Nubia", ""); err != nil {
		t.Fatal(err)
	}
	e := u.editor
	c := u.Window().Canvas()
	c.Focus(e.rows[3].note)
	e.selectRow(3)

	key(c, fyne.KeyF6)
	if e.tabs.SelectedIndex() != 0 || !holds(e.tabs.Items[0].Content, c.Focused()) {
		t.Fatalf("F6 from a note focused %T on tab %d, want the profile tab", c.Focused(), e.tabs.SelectedIndex())
	}
	key(c, fyne.KeyF6)
	if e.tabs.SelectedIndex() != 1 || c.Focused() != fyne.Focusable(e.people.name) {
		t.Fatalf("F6 from the profile focused %T on tab %d, want the participant name field", c.Focused(), e.tabs.SelectedIndex())
	}
	// Through the rest of the panel and round to the toolbar.
	for range len(e.tabs.Items) {
		if holds(e.toolbar, c.Focused()) {
			break
		}
		key(c, fyne.KeyF6)
	}
	if !holds(e.toolbar, c.Focused()) {
		t.Fatalf("F6 never came back to the toolbar; at %T", c.Focused())
	}
	key(c, fyne.KeyF6)
	if c.Focused() != fyne.Focusable(e.rows[3].slider) {
		t.Fatalf("F6 from the toolbar focused %T, want the selected row's slider", c.Focused())
	}
	c.Unfocus()
	key(c, fyne.KeyF6)
	if !holds(e.toolbar, c.Focused()) {
		t.Errorf("F6 with nothing focused focused %T, want the toolbar", c.Focused())
	}

	// From the last widget of every tab (a participant's delete button, an
	// action's, a row's) F6 leaves the tab.
	addPeople(t, u, [2]string{"Ana", "PM"}, [2]string{"Sam", ""})
	typeAction(t, u, "Llamar al cliente")
	for i, tab := range e.tabs.Items {
		e.tabs.SelectIndex(i)
		var last fyne.Focusable
		walkFocusable(tab.Content, func(f fyne.Focusable) bool {
			if d, ok := f.(fyne.Disableable); !ok || !d.Disabled() {
				last = f
			}
			return false
		})
		if last == nil {
			continue
		}
		c.Focus(last)
		key(c, fyne.KeyF6)
		if f := c.Focused(); f == nil || (e.tabs.SelectedIndex() == i && holds(tab.Content, f)) {
			t.Errorf("F6 from the last widget of the %s tab (%T) stayed there", tab.Text, last)
		}
	}
}

// In the session list the arrow keys select and Enter opens; Down leads
// from the search field into the list.
func TestSessionListArrowsAndEnter(t *testing.T) {
	u, st := startUI(t, filepath.Join(t.TempDir(), "f.db"))
	defer st.Close()
	for _, title := range []string{"Uno", "Dos", "Tres"} {
		if err := u.createSession(canvas.TemplateQuick, title, "p", ""); err != nil {
			t.Fatal(err)
		}
	}
	u.ShowHome()
	h := u.home
	c := u.Window().Canvas()
	if c.Focused() != fyne.Focusable(h.search) {
		t.Fatalf("the session list opens with %T focused, want the search", c.Focused())
	}
	selected := func() int {
		for i, s := range h.shown {
			if s.ID == h.selected {
				return i
			}
		}
		return -1
	}
	steps := []struct {
		k    fyne.KeyName
		want int
	}{{fyne.KeyDown, 0}, {fyne.KeyDown, 1}, {fyne.KeyDown, 2}, {fyne.KeyDown, 2}, {fyne.KeyUp, 1}}
	for i, s := range steps {
		key(c, s.k)
		if got := selected(); got != s.want {
			t.Fatalf("key %d (%s) selected row %d, want %d", i, s.k, got, s.want)
		}
	}
	second := h.shown[1].Title
	if c.Focused() != fyne.Focusable(h.list) {
		t.Fatalf("the arrows left the focus on %T, want the list", c.Focused())
	}
	key(c, fyne.KeyReturn)
	if u.editor == nil || u.editor.s.Title != second {
		t.Fatal("Enter did not open the selected session")
	}
}

// Enter confirms and Esc cancels a dialog, whether a field or nothing in
// it has the focus.
func TestDialogsEnterConfirmsEscCancels(t *testing.T) {
	u, st := startUI(t, filepath.Join(t.TempDir(), "f.db"))
	defer st.Close()
	c := u.Window().Canvas()
	for _, title := range []string{"Uno", "Dos"} {
		if err := u.createSession(canvas.TemplateQuick, title, "p", ""); err != nil {
			t.Fatal(err)
		}
	}
	u.ShowHome()
	h := u.home
	count := func() int { sums, _ := st.ListSummaries(); return len(sums) }

	// Delete asks; Esc keeps the session, Enter deletes it.
	h.list.Select(0)
	test.Tap(h.delBtn)
	key(c, fyne.KeyEscape)
	if c.Overlays().Top() != nil || count() != 2 {
		t.Fatalf("Esc on the delete question: dialog %v, %d sessions", c.Overlays().Top() != nil, count())
	}
	h.list.Select(0)
	test.Tap(h.delBtn)
	key(c, fyne.KeyReturn)
	if c.Overlays().Top() != nil || count() != 1 {
		t.Fatalf("Enter on the delete question: dialog %v, %d sessions", c.Overlays().Top() != nil, count())
	}

	// Rename: typing in the focused field, Esc cancels and Enter renames.
	left := h.shown[0].Title
	h.list.Select(0)
	test.Tap(h.renBtn)
	test.Type(c.Focused(), " nunca")
	key(c, fyne.KeyEscape)
	if c.Overlays().Top() != nil || h.shown[0].Title != left {
		t.Fatalf("Esc in the rename dialog: dialog %v, title %q", c.Overlays().Top() != nil, h.shown[0].Title)
	}
	h.list.Select(0)
	test.Tap(h.renBtn)
	c.Focused().(*keyEntry).SetText(left + " bis")
	key(c, fyne.KeyReturn)
	if c.Overlays().Top() != nil || h.shown[0].Title != left+" bis" {
		t.Fatalf("Enter in the rename dialog: dialog %v, title %q", c.Overlays().Top() != nil, h.shown[0].Title)
	}

	// An empty title cannot be confirmed with Enter either.
	h.list.Select(0)
	test.Tap(h.renBtn)
	c.Focused().(*keyEntry).SetText("")
	key(c, fyne.KeyReturn)
	if c.Overlays().Top() == nil {
		t.Fatal("Enter confirmed a rename to an empty title")
	}
	key(c, fyne.KeyEscape)

	// A message (error, information) closes with Enter or Esc.
	for _, k := range []fyne.KeyName{fyne.KeyReturn, fyne.KeyEscape} {
		u.showError("Prueba", errors.New("boom"))
		key(c, k)
		if c.Overlays().Top() != nil {
			t.Errorf("%s left an error message open", k)
		}
	}

	// The editor's dialogs: settings saves on Enter in a field, the round
	// dialog cancels on Esc.
	if err := u.OpenSession(h.shown[0].ID); err != nil {
		t.Fatal(err)
	}
	u.settingsDialog()
	entries := entriesIn(c.Overlays().Top())
	entries[0].SetText("35")
	c.Focus(entries[0])
	key(c, fyne.KeyReturn)
	if c.Overlays().Top() != nil || u.editor.s.Settings.DiscussThreshold() != 35 {
		t.Fatalf("Enter in the settings: dialog %v, threshold %d", c.Overlays().Top() != nil, u.editor.s.Settings.DiscussThreshold())
	}
	addPeople(t, u, [2]string{"Ana", ""})
	c.Unfocus()
	u.startRoundDialog()
	key(c, fyne.KeyEscape)
	if c.Overlays().Top() != nil || u.editor.s.InRound() {
		t.Fatal("Esc did not cancel the round dialog")
	}
}

// F1 and Help → Keyboard shortcuts list every key the app registers: the
// window's, the menus', and those of each screen.
func TestF1ListsEveryShortcut(t *testing.T) {
	u, st := startUI(t, filepath.Join(t.TempDir(), "f.db"))
	defer st.Close()
	c := u.Window().Canvas()
	listed := func() []string {
		t.Helper()
		dlg := c.Overlays().Top()
		if dlg == nil {
			t.Fatal("no shortcuts list")
		}
		return textsOf(rendered(dlg))
	}
	var want []string
	for _, m := range u.Window().MainMenu().Items {
		for _, it := range m.Items {
			if it.Shortcut != nil {
				want = append(want, shortcutLabel(en, it.Shortcut))
			}
		}
	}
	for _, b := range u.bindings {
		for _, sc := range b.shortcuts {
			want = append(want, shortcutLabel(en, sc))
		}
		if b.key != "" {
			want = append(want, keyLabel(en, b.key))
		}
	}
	// The keys a facilitator is told about, spelled out so that a table
	// that loses one fails here.
	want = append(want, "Ctrl+N", "Ctrl+O", "Ctrl+K", "Ctrl+S", "Ctrl+E", "Ctrl+Z", "Ctrl+Shift+Z", "Ctrl+Y", "Ctrl+Q",
		"F1", "F6", "Enter", "Esc", "Tab", "Page Up", "Page Down", "Home", "End", "↑", "↓")

	key(c, fyne.KeyF1)
	texts := listed()
	for _, w := range want {
		if !containsText(texts, w) {
			t.Errorf("the shortcuts list does not mention %s", w)
		}
	}
	for _, h := range slices.Concat(helpOf(en, presentKeys), helpOf(en, listKeys), helpOf(en, sliderKeys), helpOf(en, compareKeys)) {
		if !hasText(texts, h.what) {
			t.Errorf("the shortcuts list leaves out %q", h.what)
		}
	}
	key(c, fyne.KeyEscape)
	if c.Overlays().Top() != nil {
		t.Fatal("Esc did not close the shortcuts list")
	}

	// The menu opens the same list, and F1 works from a focused slider.
	var help *fyne.MenuItem
	for _, m := range u.Window().MainMenu().Items {
		if m.Label == "Help" {
			help = m.Items[0]
		}
	}
	if help == nil {
		t.Fatal("no Help menu")
	}
	help.Action()
	if got := listed(); len(got) != len(texts) {
		t.Errorf("Help → Keyboard shortcuts lists %d texts, F1 %d", len(got), len(texts))
	}
	key(c, fyne.KeyReturn)
	if err := u.createSession(canvas.TemplateQuick, "F1", "p", ""); err != nil {
		t.Fatal(err)
	}
	c.Focus(u.editor.rows[0].slider)
	key(c, fyne.KeyF1)
	listed()
}
