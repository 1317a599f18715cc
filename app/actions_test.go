package app

import (
	"path/filepath"
	"reflect"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	fynecanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/driver/desktop"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// The Actions tab driven as a facilitator does: the form, the drop-downs,
// the calendar, the buttons and the keys, checked against what the tab
// shows, what the session holds and what the store keeps.

// pickFromPopup taps the item labelled label in the menu or list the top
// overlay shows (a Select's or a SelectEntry's drop-down).
func pickFromPopup(t *testing.T, u *UI, label string) {
	t.Helper()
	top := u.Window().Canvas().Overlays().Top()
	if top == nil {
		t.Fatalf("no drop-down open to pick %q from", label)
	}
	// The deepest tappable that shows label is the item; the ones
	// around it (the pop-up itself) would only close it.
	var item fyne.Tappable
	for _, o := range rendered(top) {
		if tp, ok := o.(fyne.Tappable); ok && hasText(textsOf(rendered(o)), label) {
			item = tp
		}
	}
	if item != nil {
		test.Tap(item)
		return
	}
	t.Fatalf("the drop-down offers no %q: %q", label, textsOf(rendered(top)))
}

// openDropDown taps the button at the end of an owner field.
func openDropDown(t *testing.T, f *ownerField) {
	t.Helper()
	b, ok := f.ActionItem.(*widget.Button)
	if !ok {
		t.Fatal("the owner field has no drop-down button")
	}
	test.Tap(b)
}

// actionsShown is what each row of the tab shows: text | owner | due |
// dimension | done.
func actionsShown(p *actionsPanel) []string {
	var out []string
	for _, r := range p.rows {
		f := r.f
		out = append(out, strings.Join([]string{f.text.Text, f.owner.Text, f.due.Text, f.dim.Selected, boolText(r.done.Checked)}, " | "))
	}
	return out
}

func boolText(b bool) string {
	if b {
		return "done"
	}
	return "open"
}

// typeAction writes an action in the form and adds it with Return.
func typeAction(t *testing.T, u *UI, text string) {
	t.Helper()
	f := u.editor.actions.draft
	test.Type(f.text, text)
	f.text.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if f.text.Text != "" {
		t.Fatalf("the form still holds %q after Return", f.text.Text)
	}
}

func altKey(k fyne.KeyName) fyne.Shortcut {
	return &desktop.CustomShortcut{KeyName: k, Modifier: fyne.KeyModifierAlt}
}

func TestActionsTabEndToEnd(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f.db")
	u, st := startUI(t, path)
	if err := u.createSession(canvas.TemplateQuick, "Acciones", "Nubia CRM", ""); err != nil {
		t.Fatal(err)
	}
	e := u.editor
	c := u.Window().Canvas()
	addPeople(t, u, [2]string{"Ana", "Ventas"}, [2]string{"陈静", ""})
	p := e.actions
	if !slicesContainTab(e.tabs, p.tab) || p.tab.Text != "Actions (0)" {
		t.Fatalf("the tabs hold the Actions tab %v, titled %q", slicesContainTab(e.tabs, p.tab), p.tab.Text)
	}
	e.tabs.Select(p.tab)
	if !hasText(textsOf(rendered(p.content)), p.empty.Text) {
		t.Error("an empty tab does not say there are no actions")
	}

	// Add through the form: text, an owner picked from the participants,
	// a typed due date and a dimension picked from the list.
	dims := e.s.Dimensions
	f := p.draft
	if !p.add.Disabled() {
		t.Error("Add is enabled with nothing written")
	}
	f.text.TypedKey(&fyne.KeyEvent{Name: fyne.KeyReturn})
	if len(e.s.Actions) != 0 || c.Overlays().Top() != nil {
		t.Fatalf("Return in an empty form added %d actions or opened %v", len(e.s.Actions), c.Overlays().Top())
	}
	test.Type(f.text, "Map the buying committee")
	openDropDown(t, f.owner)
	pickFromPopup(t, u, "陈静")
	test.Type(f.due, "2026-12-1")
	if !p.add.Disabled() || !p.hint.Visible() || !strings.Contains(p.hint.Text, "YYYY-MM-DD") {
		t.Errorf("a half-typed due date: Add disabled %v, hint %v %q", p.add.Disabled(), p.hint.Visible(), p.hint.Text)
	}
	test.Type(f.due, "5")
	if p.add.Disabled() || p.hint.Visible() {
		t.Errorf("a whole due date: Add disabled %v, hint shown %v", p.add.Disabled(), p.hint.Visible())
	}
	test.Tap(f.dim)
	pickFromPopup(t, u, dimName(dims[1]))
	test.Tap(p.add)
	want := []canvas.Action{{Text: "Map the buying committee", Owner: "陈静", Due: "2026-12-15", Dimension: dims[1].Key}}
	if !reflect.DeepEqual(e.s.Actions, want) {
		t.Fatalf("after Add the session holds %+v, want %+v", e.s.Actions, want)
	}
	if p.tab.Text != "Actions (1)" || f.owner.Text != "" || f.due.Text != "" || f.dim.Selected != noDimension {
		t.Errorf("after Add: title %q, form owner %q due %q dimension %q", p.tab.Text, f.owner.Text, f.due.Text, f.dim.Selected)
	}
	if p.empty.Visible() {
		t.Error("the tab still says there are no actions")
	}

	// Return adds too; an owner may be anyone, typed.
	test.Type(f.owner, "Luis (legal)")
	typeAction(t, u, "Llamar al cliente")
	// An action started from a dimension's row is linked to it.
	row := e.rows[3]
	test.Tap(row.addAction)
	if e.tabs.Selected() != p.tab || c.Focused() != fyne.Focusable(f.text) || f.dim.Selected != dimName(row.dim) {
		t.Fatalf("the row's button left tab %q, focus %T, dimension %q", e.tabs.Selected().Text, c.Focused(), f.dim.Selected)
	}
	typeAction(t, u, "通知客户")
	want = append(want, canvas.Action{Text: "Llamar al cliente", Owner: "Luis (legal)"},
		canvas.Action{Text: "通知客户", Dimension: row.dim.Key})
	if !reflect.DeepEqual(e.s.Actions, want) {
		t.Fatalf("the session holds %+v, want %+v", e.s.Actions, want)
	}
	if p.tab.Text != "Actions (3)" || !hasText(textsOf(rendered(e.tabs)), "Actions (3)") {
		t.Errorf("tab title %q, drawn as %q; want Actions (3)", p.tab.Text, textsOf(rendered(e.tabs)))
	}
	wantShown := []string{
		"Map the buying committee | 陈静 | 2026-12-15 | " + dimName(dims[1]) + " | open",
		"Llamar al cliente | Luis (legal) |  | " + noDimension + " | open",
		"通知客户 |  |  | " + dimName(row.dim) + " | open",
	}
	if got := actionsShown(p); !reflect.DeepEqual(got, wantShown) {
		t.Fatalf("the tab shows\n%q\nwant\n%q", got, wantShown)
	}

	// Edit in place: each field of the first action.
	r0 := p.rows[0]
	c.Focus(r0.f.text)
	pressKey(c, fyne.KeyEnd)
	test.Type(r0.f.text, " first")
	openDropDown(t, r0.f.owner)
	pickFromPopup(t, u, "Ana")
	test.Tap(r0.f.due.pick) // the calendar opens on the date set: December 2026
	test.Tap(buttonIn(t, c.Overlays().Top(), "20"))
	test.Tap(r0.f.dim)
	pickFromPopup(t, u, noDimension)
	test.Tap(r0.done)
	want[0] = canvas.Action{Text: "Map the buying committee first", Owner: "Ana", Due: "2026-12-20", Done: true}
	if !reflect.DeepEqual(e.s.Actions[0], want[0]) {
		t.Fatalf("after editing, action 1 is %+v, want %+v", e.s.Actions[0], want[0])
	}
	if c.Overlays().Top() != nil {
		t.Error("a drop-down or the calendar stayed open")
	}

	// What canvas refuses is held back, not stored and not an error
	// dialog: a half-typed date, an emptied text.
	r1 := p.rows[1]
	test.Type(r1.f.due, "2027-01-0")
	if e.s.Actions[1].Due != "" || c.Overlays().Top() != nil || !strings.Contains(p.hint.Text, "2027-01-0") || !p.hint.Visible() {
		t.Errorf("a half-typed date: stored %q, overlay %v, hint %q", e.s.Actions[1].Due, c.Overlays().Top(), p.hint.Text)
	}
	test.Type(r1.f.due, "5")
	if e.s.Actions[1].Due != "2027-01-05" || p.hint.Visible() {
		t.Errorf("the typed date stored as %q, hint shown %v", e.s.Actions[1].Due, p.hint.Visible())
	}
	c.Focus(r1.f.text)
	r1.f.text.TypedShortcut(&fyne.ShortcutSelectAll{})
	r1.f.text.TypedKey(&fyne.KeyEvent{Name: fyne.KeyBackspace})
	if r1.f.text.Text != "" || e.s.Actions[1].Text != "Llamar al cliente" || c.Overlays().Top() != nil || p.hint.Text != en.T("app.actions.hint.text") {
		t.Errorf("an emptied text: field %q, stored %q, hint %q", r1.f.text.Text, e.s.Actions[1].Text, p.hint.Text)
	}
	c.Unfocus()
	if r1.f.text.Text != "Llamar al cliente" || p.hint.Visible() {
		t.Errorf("after the edit ends the field shows %q, want the stored text back", r1.f.text.Text)
	}
	want[1].Due = "2027-01-05"

	// Reorder with the buttons and with Alt+arrows in the text.
	test.Tap(p.rows[2].up)
	want[1], want[2] = want[2], want[1]
	if !reflect.DeepEqual(e.s.Actions, want) || p.rows[1].f.text.Text != "通知客户" {
		t.Fatalf("after ↑ the session holds %+v, the tab shows %q", e.s.Actions, actionsShown(p))
	}
	if !p.rows[0].up.Disabled() || !p.rows[2].down.Disabled() || p.rows[1].up.Disabled() {
		t.Error("the first row's ↑ or the last row's ↓ is enabled, or a middle one is not")
	}
	c.Focus(p.rows[0].f.text)
	p.rows[0].f.text.TypedShortcut(altKey(fyne.KeyDown))
	want[0], want[1] = want[1], want[0]
	if !reflect.DeepEqual(e.s.Actions, want) {
		t.Fatalf("after Alt+↓ the session holds %+v", e.s.Actions)
	}
	if c.Focused() != fyne.Focusable(p.rows[1].f.text) {
		t.Error("the keyboard did not follow the moved action")
	}
	c.Unfocus()

	// Delete, and Ctrl+Z brings it back where it was, with every field.
	test.Tap(p.rows[1].del)
	if len(e.s.Actions) != 2 || p.tab.Text != "Actions (2)" || len(p.rows) != 2 {
		t.Fatalf("after delete: %d actions, title %q, %d rows", len(e.s.Actions), p.tab.Text, len(p.rows))
	}
	undoKey(u)
	if !reflect.DeepEqual(e.s.Actions, want) || p.tab.Text != "Actions (3)" {
		t.Fatalf("after undo the session holds %+v, title %q", e.s.Actions, p.tab.Text)
	}
	if got := actionsShown(p)[1]; got != "Map the buying committee first | Ana | 2026-12-20 | "+noDimension+" | done" {
		t.Errorf("the undone delete shows %q", got)
	}

	// The edits reach the store, and a reopened editor shows them.
	id := e.s.ID
	if err := e.saver.Flush(); err != nil {
		t.Fatal(err)
	}
	stored, err := st.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	if !reflect.DeepEqual(stored.Actions, want) {
		t.Errorf("the store holds %+v, want %+v", stored.Actions, want)
	}
	u.Close()
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}
	u2, st2 := startUI(t, path)
	defer st2.Close()
	if err := u2.OpenSession(id); err != nil {
		t.Fatal(err)
	}
	if got := actionsShown(u2.editor.actions); !reflect.DeepEqual(got, actionsShown(p)) {
		t.Errorf("reopened, the tab shows\n%q\nwant\n%q", got, actionsShown(p))
	}
	if got := u2.editor.actions.tab.Text; got != "Actions (3)" {
		t.Errorf("reopened, the tab is titled %q", got)
	}
}

func slicesContainTab(tabs *container.AppTabs, it *container.TabItem) bool {
	for _, x := range tabs.Items {
		if x == it {
			return true
		}
	}
	return false
}

// Presentation mode ends with every action, in type a room can read: → past
// the last dimension reaches it, ← goes back, and Esc leaves to the tab.
func TestPresentationEndsWithActions(t *testing.T) {
	u, _, e := newUndoSession(t)
	c := u.Window().Canvas()
	addPeople(t, u, [2]string{"Ana", ""})
	typeAction(t, u, "Map the buying committee")
	test.Tap(e.rows[2].addAction)
	test.Type(e.actions.draft.owner, "Ana")
	test.Type(e.actions.draft.due, "2026-12-15")
	typeAction(t, u, "通知客户")
	test.Tap(e.actions.rows[0].done)

	big := func(min float32) []string {
		var out []string
		for _, tx := range ofType[*fynecanvas.Text](onScreen(u)) {
			if tx.TextSize >= min {
				out = append(out, tx.Text)
			}
		}
		return out
	}
	e.selectRow(len(e.rows) - 2)
	u.Present()
	key := func(k fyne.KeyName) { c.OnTypedKey()(&fyne.KeyEvent{Name: k}) }
	key(fyne.KeyRight)
	last := dimName(e.rows[len(e.rows)-1].dim)
	if !hasText(big(32), last) {
		t.Fatalf("not on the last dimension: %q", big(32))
	}
	key(fyne.KeyRight)
	key(fyne.KeyRight) // past the Tensions screen
	if !hasText(big(32), "Actions") || hasText(big(32), last) {
		t.Fatalf("→ after the last dimension and the tensions shows %q", big(32))
	}
	screen := textsOf(onScreen(u))
	for _, want := range []string{
		"✓  1. Map the buying committee", "no owner yet · done",
		"○  2. 通知客户", "Ana · due 2026-12-15 · " + dimName(e.rows[2].dim),
	} {
		if !containsText(screen, want) {
			t.Errorf("the closing screen lacks %q: %q", want, screen)
		}
	}
	// Large type: the action texts are drawn at projector sizes.
	var sizes []float32
	for _, tx := range ofType[*fynecanvas.Text](onScreen(u)) {
		if strings.Contains(tx.Text, "通知客户") || strings.Contains(tx.Text, "due 2026-12-15") {
			sizes = append(sizes, tx.TextSize)
		}
	}
	if len(sizes) != 2 || sizes[0] < presentActionSize || sizes[1] < presentDetailsSize {
		t.Errorf("the action and its details are drawn at %v px", sizes)
	}
	// A change while it shows is drawn: undo the done mark.
	undoKey(u)
	if !containsText(textsOf(onScreen(u)), "○  1. Map the buying committee") {
		t.Errorf("after undo the closing screen shows %q", textsOf(onScreen(u)))
	}
	// It fits a 1024×768 projector whatever the texts: they wrap, and a
	// long list scrolls. (Actions added meanwhile, from elsewhere, show.)
	typeAction(t, u, strings.Repeat("Revisar el contrato marco con el equipo jurídico ", 6))
	for range 12 {
		typeAction(t, u, "Más")
	}
	if !containsText(textsOf(onScreen(u)), "15. Más") {
		t.Error("actions added while the closing screen shows are not listed")
	}
	if min := u.Window().Content().MinSize(); min.Width > 1024 || min.Height > 768 {
		t.Errorf("the closing screen needs %v, more than a 1024×768 projector", min)
	}
	// ↓ reads the long list to its end from the keyboard, and ↑ goes
	// back up it before it goes back to the last dimension.
	u.Window().Resize(fyne.NewSize(1024, 768))
	scrolls := ofType[*container.Scroll](onScreen(u))
	offset := func() (y float32) {
		for _, sc := range scrolls {
			y += sc.Offset.Y
		}
		return y
	}
	if offset() != 0 {
		t.Fatalf("the closing screen opens scrolled to %v", offset())
	}
	key(fyne.KeyDown)
	if offset() == 0 || !hasText(big(32), "Actions") {
		t.Fatalf("↓ on a long closing screen: offset %v, screen %q", offset(), big(32))
	}
	// To the end, and one more ↓ there: the closing screen stays.
	for at := -1.0; float64(offset()) != at; {
		at = float64(offset())
		key(fyne.KeyDown)
	}
	if !hasText(big(32), "Actions") {
		t.Fatal("↓ past the end of the actions left the closing screen")
	}
	bottom := offset()
	key(fyne.KeyUp)
	if offset() >= bottom || !hasText(big(32), "Actions") {
		t.Fatalf("↑ from the end of the actions: offset %v, screen %q", offset(), big(32))
	}
	for n := 0; offset() > 0 && n < 30; n++ {
		key(fyne.KeyUp)
	}
	key(fyne.KeyUp) // at the top: back to the tensions, then the last dimension
	key(fyne.KeyUp)
	if !hasText(big(32), last) {
		t.Fatal("↑ at the top of the actions did not go back to the last dimension")
	}
	key(fyne.KeyRight)
	key(fyne.KeyRight) // the end: nothing further
	if !hasText(big(32), "Actions") {
		t.Error("→ on the closing screen left it")
	}
	key(fyne.KeyLeft)
	key(fyne.KeyLeft)
	if !hasText(big(32), last) || containsText(textsOf(onScreen(u)), "通知客户") {
		t.Errorf("← from the closing screen shows %q", big(32))
	}
	key(fyne.KeyRight)
	key(fyne.KeyRight)
	key(fyne.KeyEscape)
	if u.Window().Content() != e.content || e.tabs.Selected() != e.actions.tab {
		t.Errorf("Esc from the closing screen: editor %v, tab %q", u.Window().Content() == e.content, e.tabs.Selected().Text)
	}
}

// A typed edit of an action is one undo step when it is finished, not one
// per keystroke, as with a dimension's note.
func TestActionEditIsOneUndoStep(t *testing.T) {
	u, _, e := newUndoSession(t)
	c := u.Window().Canvas()
	e.tabs.Select(e.actions.tab)
	typeAction(t, u, "Call")
	r := e.actions.rows[0]
	c.Focus(r.f.text)
	pressKey(c, fyne.KeyEnd)
	test.Type(r.f.text, " Bo")
	test.Type(r.f.owner, "Ana")
	test.Type(r.f.due, "2027-03-01")
	c.Unfocus()
	want := canvas.Action{Text: "Call Bo", Owner: "Ana", Due: "2027-03-01"}
	if e.s.Actions[0] != want {
		t.Fatalf("the action is %+v, want %+v", e.s.Actions[0], want)
	}
	for _, w := range []string{
		"Call Bo | Ana |  | " + noDimension + " | open",
		"Call Bo |  |  | " + noDimension + " | open",
		"Call |  |  | " + noDimension + " | open",
	} {
		undoKey(u)
		if got := actionsShown(e.actions); len(got) != 1 || got[0] != w {
			t.Errorf("after undo the tab shows %q, want %q", got, w)
		}
	}
	undoKey(u)
	if len(e.s.Actions) != 0 || len(e.actions.rows) != 0 || e.actions.tab.Text != "Actions (0)" {
		t.Errorf("undoing the add left %d actions, %d rows, title %q", len(e.s.Actions), len(e.actions.rows), e.actions.tab.Text)
	}
	for range 4 {
		redoKey(u)
	}
	if len(e.s.Actions) != 1 || e.s.Actions[0] != want || e.actions.rows[0].f.due.Text != "2027-03-01" {
		t.Errorf("after redoing all the session holds %+v", e.s.Actions)
	}
}

// dimName is a dimension's name as the interface shows it while it speaks
// English.
func dimName(d canvas.Dimension) string { return lang.For(lang.EN).DimensionOf(d).Name }
