package app

import (
	"path/filepath"
	"reflect"
	"strconv"
	"strings"
	"sync"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/canvas/store"
)

// The tests in this file undo and redo each kind of change through the
// keys and the Edit menu, and check what the window shows afterwards: the
// views are redrawn from the Owner's notification, so a view that does not
// follow an undo is a failure here.

func undoKey(u *UI) { u.Window().Canvas().(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutUndo{}) }
func redoKey(u *UI) { u.Window().Canvas().(fyne.Shortcutable).TypedShortcut(redoShiftZ) }
func redoY(u *UI)   { u.Window().Canvas().(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutRedo{}) }

// editMenuItem is the Edit menu's item with label.
func editMenuItem(t *testing.T, u *UI, label string) *fyne.MenuItem {
	t.Helper()
	for _, m := range u.Window().MainMenu().Items {
		if m.Label != "Edit" {
			continue
		}
		for _, it := range m.Items {
			if it.Label == label {
				return it
			}
		}
	}
	t.Fatalf("no Edit → %s", label)
	return nil
}

// shows checks what row i and the ToB index show.
func shows(t *testing.T, e *editor, i int, value, index string) {
	t.Helper()
	if got := e.rows[i].value.Text; got != value {
		t.Errorf("row %d shows %q, want %q", i, got, value)
	}
	if e.index.Text != index {
		t.Errorf("the ToB index shows %q, want %q", e.index.Text, index)
	}
}

func newUndoSession(t *testing.T) (*UI, *store.Store, *editor) {
	t.Helper()
	u, st := startUI(t, filepath.Join(t.TempDir(), "f.db"))
	t.Cleanup(func() { st.Close() })
	if err := u.createSession(canvas.TemplateQuick, "Deshacer", "Nubia CRM", ""); err != nil {
		t.Fatal(err)
	}
	return u, st, u.editor
}

// A drag is one step, each arrow key another; Ctrl+Z, Ctrl+Shift+Z, Ctrl+Y
// and the Edit menu walk the history, and the row and the index follow.
func TestUndoRedoSlider(t *testing.T) {
	u, _, e := newUndoSession(t)
	c := u.Window().Canvas()
	undoItem, redoItem := editMenuItem(t, u, "Undo"), editMenuItem(t, u, "Redo")
	if !undoItem.Disabled || !redoItem.Disabled {
		t.Fatal("Undo or Redo enabled in a session nothing has changed")
	}

	sl := e.rows[0].slider
	if sl.Size().Width <= 0 {
		t.Fatal("the slider was not laid out")
	}
	for _, x := range []float32{0.3, 0.5, 0.75, 0.8} {
		sl.Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(sl.Size().Width*x, sl.Size().Height/2)}})
	}
	sl.DragEnd()
	dragged := e.rows[0].value.Text
	if dragged == "–" || dragged == "50" {
		t.Fatalf("the drag left the row at %q", dragged)
	}
	c.Focus(sl)
	pressKey(c, fyne.KeyRight)
	pressKey(c, fyne.KeyRight)
	v := e.s.Position(e.rows[0].dim.Key).Current
	if v == nil {
		t.Fatal("no position after the keys")
	}
	after := *v
	if undoItem.Disabled || !redoItem.Disabled {
		t.Errorf("after changes Undo disabled=%v Redo disabled=%v", undoItem.Disabled, redoItem.Disabled)
	}

	undoKey(u) // the second Right
	shows(t, e, 0, itoa(after-1), itoa(after-1))
	undoItem.Action() // the first Right
	shows(t, e, 0, dragged, dragged)
	if got := int(sl.Value); itoa(got) != dragged {
		t.Errorf("the slider sits at %d after undo, want %s", got, dragged)
	}
	undoKey(u) // the whole drag, in one step
	shows(t, e, 0, "–", "–")
	if !undoItem.Disabled || redoItem.Disabled {
		t.Errorf("at the start of the history Undo disabled=%v Redo disabled=%v", undoItem.Disabled, redoItem.Disabled)
	}
	undoKey(u) // nothing left: no error, no change
	shows(t, e, 0, "–", "–")

	redoKey(u)
	shows(t, e, 0, dragged, dragged)
	redoY(u)
	shows(t, e, 0, itoa(after-1), itoa(after-1))
	redoItem.Action()
	shows(t, e, 0, itoa(after), itoa(after))
	if !redoItem.Disabled {
		t.Error("Redo enabled at the end of the history")
	}
	// A new change after an undo drops what could be redone.
	undoKey(u)
	pressKey(c, fyne.KeyHome)
	redoKey(u)
	shows(t, e, 0, "0", "0")
}

func itoa(v int) string { return strconv.Itoa(v) }

func TestUndoRedoTargetAndNote(t *testing.T) {
	u, _, e := newUndoSession(t)
	c := u.Window().Canvas()
	r := e.rows[1]
	key := r.dim.Key

	test.Tap(r.targetOn) // target at 50, the slider's place
	c.Focus(r.target)
	pressKey(c, fyne.KeyPageUp) // 60
	if r.targetValue.Text != "60" {
		t.Fatalf("target shows %q, want 60", r.targetValue.Text)
	}
	undoKey(u)
	if r.targetValue.Text != "50" || r.target.Value != 50 || !r.targetOn.Checked {
		t.Errorf("after one undo the target shows %q at %v, checked %v; want 50", r.targetValue.Text, r.target.Value, r.targetOn.Checked)
	}
	undoKey(u)
	if r.targetOn.Checked || !r.target.Disabled() || r.targetValue.Text != "–" || e.s.Position(key).Target != nil {
		t.Errorf("undoing the box left checked=%v disabled=%v %q", r.targetOn.Checked, r.target.Disabled(), r.targetValue.Text)
	}
	redoKey(u)
	redoKey(u)
	if !r.targetOn.Checked || r.targetValue.Text != "60" {
		t.Errorf("after redoing both the target shows %q, checked %v", r.targetValue.Text, r.targetOn.Checked)
	}

	// A note is one step per finished edit: the keystrokes up to the
	// moment it loses focus, not each letter.
	c.Focus(r.note)
	test.Type(r.note, "Contrato")
	c.Focus(r.slider) // the edit is finished
	c.Focus(r.note)
	test.Type(r.note, " anual")
	c.Unfocus()
	if got := e.s.Position(key).Note; got != "Contrato anual" {
		t.Fatalf("note %q", got)
	}
	undoKey(u)
	if r.note.Text != "Contrato" || e.s.Position(key).Note != "Contrato" {
		t.Errorf("after one undo the note shows %q, holds %q; want the first edit", r.note.Text, e.s.Position(key).Note)
	}
	undoKey(u)
	if r.note.Text != "" {
		t.Errorf("after two undos the note shows %q, want nothing", r.note.Text)
	}
	redoY(u)
	if r.note.Text != "Contrato" {
		t.Errorf("redo shows %q", r.note.Text)
	}
}

func TestUndoRedoParticipants(t *testing.T) {
	u, _, e := newUndoSession(t)
	people := func() string { return strings.Join(listedPeople(e), "|") }
	addPeople(t, u, [2]string{"Ana", "Ventas"}, [2]string{"陈静", ""})
	if got := people(); got != "Ana · Ventas|陈静" {
		t.Fatalf("the tab lists %q", got)
	}
	_, _, edit, _ := personButtons(t, e, "陈静")
	test.Tap(edit)
	dlg := u.Window().Canvas().Overlays().Top()
	entries := entriesIn(dlg)
	entries[0].SetText("陈静怡")
	test.Tap(buttonIn(t, dlg, "Save"))
	up, _, _, _ := personButtons(t, e, "陈静怡")
	test.Tap(up)
	_, _, _, del := personButtons(t, e, "Ana")
	test.Tap(del)
	if got := people(); got != "陈静怡" {
		t.Fatalf("after rename, move and remove the tab lists %q", got)
	}

	for _, want := range []string{"陈静怡|Ana · Ventas", "Ana · Ventas|陈静怡", "Ana · Ventas|陈静", "Ana · Ventas", ""} {
		undoKey(u)
		if got := people(); got != want && !(want == "" && strings.HasPrefix(got, "No participants")) {
			t.Errorf("after undo the tab lists %q, want %q", got, want)
		}
	}
	for _, want := range []string{"Ana · Ventas", "Ana · Ventas|陈静", "Ana · Ventas|陈静怡", "陈静怡|Ana · Ventas", "陈静怡"} {
		redoY(u)
		if got := people(); got != want {
			t.Errorf("after redo the tab lists %q, want %q", got, want)
		}
	}
}

func TestUndoRedoSettings(t *testing.T) {
	u, _, e := newUndoSession(t)
	head := func() string { return renderedOf[*widget.Label](e.agenda.list)[0].Text }
	before := head()
	settings(t, u, func(threshold, minutes *widget.Entry, _ *widget.Check, _ *keyRadio) {
		threshold.SetText("35")
		minutes.SetText("2")
	})
	if !strings.Contains(head(), "spread 35 points") || !u.timer.view.Visible() {
		t.Fatalf("after the dialog the agenda says %q, timer visible %v", head(), u.timer.view.Visible())
	}
	undoKey(u)
	if head() != before || u.timer.view.Visible() || e.s.Settings != (canvas.Settings{}) {
		t.Errorf("after undo the agenda says %q (want %q), timer visible %v, settings %+v", head(), before, u.timer.view.Visible(), e.s.Settings)
	}
	redoKey(u)
	if !strings.Contains(head(), "spread 35 points") || e.s.Settings.TimerSeconds != 120 {
		t.Errorf("after redo the agenda says %q, settings %+v", head(), e.s.Settings)
	}
}

// The settings dialog refuses what the session file refuses: its limits
// are canvas's.
func TestSettingsDialogUsesTheFileLimits(t *testing.T) {
	u, _, _ := newUndoSession(t)
	u.settingsDialog()
	dlg := u.Window().Canvas().Overlays().Top()
	entries := entriesIn(dlg)
	maxMinutes := canvas.MaxTimerSeconds / 60
	for _, tc := range []struct {
		entry int
		text  string
		ok    bool
	}{
		{0, itoa(canvas.MinThreshold - 1), false}, {0, itoa(canvas.MinThreshold), true},
		{0, itoa(canvas.MaxValue), true}, {0, itoa(canvas.MaxValue + 1), false},
		{1, "-1", false}, {1, "0", true}, {1, "1.5", true},
		{1, itoa(maxMinutes), true}, {1, itoa(maxMinutes + 1), false}, {1, "NaN", false},
	} {
		err := entries[tc.entry].Validator(tc.text)
		if (err == nil) != tc.ok {
			t.Errorf("field %d with %q: %v, want ok=%v", tc.entry, tc.text, err, tc.ok)
		}
	}
	// The longest timebox the dialog takes is one the file format takes.
	if ps := (canvas.Settings{TimerSeconds: toSeconds(float64(maxMinutes))}).Problems(); len(ps) > 0 {
		t.Errorf("the dialog's longest timebox is refused by canvas: %v", ps)
	}
}

// The autosaver receives the state after an undo, like any change.
func TestAutosaveStoresTheUndoneState(t *testing.T) {
	u, st, e := newUndoSession(t)
	c := u.Window().Canvas()
	id, key := e.s.ID, e.rows[0].dim.Key
	c.Focus(e.rows[0].slider)
	pressKey(c, fyne.KeyPageUp) // 60
	u.SaveNow()
	pressKey(c, fyne.KeyPageUp) // 70
	u.SaveNow()
	undoKey(u)
	if !e.saver.Pending() {
		t.Fatal("the undo was not handed to the autosaver")
	}
	if err := e.saver.Flush(); err != nil {
		t.Fatal(err)
	}
	s, err := st.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	if v := s.Position(key).Current; v == nil || *v != 60 {
		t.Fatalf("the store holds %v after the undo, want 60", v)
	}
	// And reopened, the editor shows it.
	u.ShowHome()
	if err := u.OpenSession(id); err != nil {
		t.Fatal(err)
	}
	shows(t, u.editor, 0, "60", "60")
}

// The history lives in the Owner: presentation mode and back keep it, and
// an undo there redraws the projected dimension.
func TestHistorySurvivesPresentationMode(t *testing.T) {
	u, _, e := newUndoSession(t)
	c := u.Window().Canvas()
	c.Focus(e.rows[0].slider)
	pressKey(c, fyne.KeyPageUp) // 60
	pressKey(c, fyne.KeyPageUp) // 70
	u.Present()
	projected := func() []string { return textsOf(onScreen(u)) }
	if !hasText(projected(), "Agreed 70") {
		t.Fatalf("presentation shows %q", projected())
	}
	undoKey(u)
	if !hasText(projected(), "Agreed 60") {
		t.Errorf("after undo presentation shows %q, want Agreed 60", projected())
	}
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if u.Window().Content() != e.content {
		t.Fatal("Esc did not leave presentation mode")
	}
	shows(t, e, 0, "60", "60")
	undoKey(u)
	shows(t, e, 0, "–", "–")
	redoKey(u)
	redoKey(u)
	shows(t, e, 0, "70", "70")
}

// Closing the session ends its history: another session starts with none,
// and the first, opened again, too.
func TestHistoryEndsWhenTheSessionCloses(t *testing.T) {
	u, _, e := newUndoSession(t)
	c := u.Window().Canvas()
	first := e.s.ID
	c.Focus(e.rows[0].slider)
	pressKey(c, fyne.KeyPageUp) // 60
	if err := u.createSession(canvas.TemplateQuick, "Otra", "Nubia CRM", ""); err != nil {
		t.Fatal(err)
	}
	second := u.editor
	if second == e || second.owner.CanUndo() || !editMenuItem(t, u, "Undo").Disabled {
		t.Fatal("the new session starts with a history")
	}
	undoKey(u)
	if second.s.Title != "Otra" || second.s.Position(second.rows[0].dim.Key).Current != nil {
		t.Error("undo in the new session changed it")
	}
	// The closed editor hears nothing more.
	if err := e.owner.Apply(canvas.SetCurrent{Dimension: e.rows[0].dim.Key, Value: new(int)}); err != nil {
		t.Fatal(err)
	}
	if e.rows[0].value.Text != "60" {
		t.Errorf("a closed editor redrew: %q", e.rows[0].value.Text)
	}
	u.ShowHome()
	if err := u.OpenSession(first); err != nil {
		t.Fatal(err)
	}
	undoKey(u)
	shows(t, u.editor, 0, "60", "60")
}

// queueDriver holds what fyne.Do hands it until the test runs it, as the
// real driver's main loop does, so a test sees whether a goroutine
// touched widgets itself.
type queueDriver struct {
	fyne.Driver
	mu    sync.Mutex
	queue []func()
}

func (d *queueDriver) DoFromGoroutine(f func(), _ bool) {
	d.mu.Lock()
	d.queue = append(d.queue, f)
	d.mu.Unlock()
}

func (d *queueDriver) run() int {
	d.mu.Lock()
	q := d.queue
	d.queue = nil
	d.mu.Unlock()
	for _, f := range q {
		f()
	}
	return len(q)
}

type queueApp struct {
	fyne.App
	d *queueDriver
}

func (a *queueApp) Driver() fyne.Driver { return a.d }

// A change applied from another goroutine (a phone, later) reaches the
// editor through fyne.Do only, and is drawn on the UI thread. Run with
// -race.
func TestChangeFromAnotherGoroutine(t *testing.T) {
	base := test.NewTempApp(t)
	qa := &queueApp{App: base, d: &queueDriver{Driver: base.Driver()}}
	fyne.SetCurrentApp(qa)
	t.Cleanup(func() { fyne.SetCurrentApp(base) })
	st, err := store.Open(filepath.Join(t.TempDir(), "f.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	u := New(qa, st, quietOptions)
	u.Window().Resize(fyne.NewSize(1200, 800))
	t.Cleanup(func() { u.timer.shutdown() })
	if err := u.createSession(canvas.TemplateQuick, "Remoto", "Nubia CRM", ""); err != nil {
		t.Fatal(err)
	}
	qa.d.run()
	e := u.editor
	key := e.rows[2].dim.Key

	var wg sync.WaitGroup
	for i, v := range []int{10, 20, 30, 40} {
		wg.Add(1)
		go func() {
			defer wg.Done()
			op := canvas.Op(canvas.SetCurrent{Dimension: key, Value: &v})
			if i%2 == 1 {
				op = canvas.SetNote{Dimension: key, Note: "desde el móvil"}
			}
			if err := e.owner.Apply(op); err != nil {
				t.Error(err)
			}
		}()
	}
	wg.Wait()
	if e.rows[2].value.Text != "–" || e.s.Position(key).Note != "" {
		t.Fatalf("a goroutine drew on the editor itself: %q", e.rows[2].value.Text)
	}
	if qa.d.run() == 0 {
		t.Fatal("the changes were not handed to fyne.Do")
	}
	want := e.owner.Snapshot().Position(key)
	shows(t, e, 2, itoa(*want.Current), itoa(*want.Current))
	if e.rows[2].note.Text != "desde el móvil" {
		t.Errorf("the note shows %q", e.rows[2].note.Text)
	}
	if !e.saver.Pending() {
		t.Error("the remote changes were not handed to the autosaver")
	}
	// Undo takes back a remote change like any other, and the screen
	// follows.
	undoKey(u)
	qa.d.run()
	now := e.owner.Snapshot().Position(key)
	if reflect.DeepEqual(now, want) {
		t.Fatal("undo after the remote changes changed nothing")
	}
	value := "–"
	if now.Current != nil {
		value = itoa(*now.Current)
	}
	if e.rows[2].value.Text != value || e.rows[2].note.Text != now.Note {
		t.Errorf("after undo the row shows %q %q, the session holds %q %q", e.rows[2].value.Text, e.rows[2].note.Text, value, now.Note)
	}
}
