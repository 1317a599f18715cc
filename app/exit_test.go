package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/storage"
	"fyne.io/fyne/v2/test"

	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/canvas/store"
)

// exitApp is the test app with the two exits the test driver cannot press
// made visible: the window manager's close button, and the app's Quit
// (which the test driver ignores).
type exitApp struct {
	fyne.App
	quits int
	main  *exitWindow
}

func (a *exitApp) Quit() { a.quits++ }

func (a *exitApp) NewWindow(title string) fyne.Window {
	w := &exitWindow{Window: a.App.NewWindow(title)}
	if a.main == nil {
		a.main = w
	}
	return w
}

type exitWindow struct {
	fyne.Window
	intercept func()
	closed    bool
}

func (w *exitWindow) SetCloseIntercept(f func()) {
	w.intercept = f
	w.Window.SetCloseIntercept(f)
}

func (w *exitWindow) Close() {
	w.closed = true
	w.Window.Close()
}

// pressClose does what the window manager's close button does.
func (w *exitWindow) pressClose() {
	if w.intercept != nil {
		w.intercept()
		return
	}
	w.Close()
}

// exitFixture is a window editing one session, with one edit made that the
// autosaver has not written yet.
type exitFixture struct {
	t   *testing.T
	a   *exitApp
	u   *UI
	st  *store.Store
	id  string
	key string // the dimension edited
	dir string // where exports go
}

// edited is the value the fixture's edit sets.
const edited = 60

func newExitFixture(t *testing.T, savesFail bool) *exitFixture {
	t.Helper()
	f := &exitFixture{t: t, a: &exitApp{App: test.NewTempApp(t)}, dir: t.TempDir()}
	st, err := store.Open(filepath.Join(t.TempDir(), "f.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	f.st = st
	// Saves happen only when an exit asks for them.
	f.u = New(f.a, st, quietOptions)
	f.u.Window().Resize(fyne.NewSize(1200, 800))
	t.Cleanup(func() { f.u.discardEditor() })
	if err := f.u.createSession(canvas.TemplateQuick, "Salida", "Nubia CRM", ""); err != nil {
		t.Fatal(err)
	}
	e := f.u.editor
	f.id, f.key = e.s.ID, e.rows[0].dim.Key
	if savesFail {
		st.MarkDamaged(os.ErrPermission) // every write now fails, as on a full or read-only disk
	}
	c := f.u.Window().Canvas()
	c.Focus(e.rows[0].slider)
	pressKey(c, fyne.KeyPageUp) // 50 -> 60
	if got := f.inMemory(); got != edited {
		t.Fatalf("the edit set %d, want %d", got, edited)
	}
	// The file dialog opens where the last one was left.
	f.a.Preferences().SetString("fyne:fileDialogLastFolder", storage.NewFileURI(f.dir).String())
	return f
}

// inMemory is the edited value in the open editor, -1 if the edited session
// is not open.
func (f *exitFixture) inMemory() int {
	e := f.u.editor
	if e == nil || e.s.ID != f.id {
		return -1
	}
	if v := e.s.Position(f.key).Current; v != nil {
		return *v
	}
	return -1
}

func (f *exitFixture) stored() int {
	f.t.Helper()
	s, err := f.st.Load(f.id)
	if err != nil {
		f.t.Fatal(err)
	}
	if v := s.Position(f.key).Current; v != nil {
		return *v
	}
	return -1
}

func (f *exitFixture) menuItem(label string) *fyne.MenuItem {
	f.t.Helper()
	for _, m := range f.u.Window().MainMenu().Items {
		for _, it := range m.Items {
			if it.Label == label {
				return it
			}
		}
	}
	f.t.Fatalf("no menu item %q", label)
	return nil
}

func (f *exitFixture) shortcut(k fyne.KeyName) {
	f.u.Window().Canvas().(fyne.Shortcutable).TypedShortcut(shortcut(k))
}

func (f *exitFixture) top() fyne.CanvasObject { return f.u.Window().Canvas().Overlays().Top() }

func (f *exitFixture) onHome() bool {
	return f.u.editor == nil && f.u.Window().Content() == f.u.home.content
}

// exitCase is one way out of the editor: how to take it, the word its
// warning's last button starts with, and whether it has happened.
type exitCase struct {
	name string
	verb string
	take func(f *exitFixture)
	done func(f *exitFixture) bool
}

var exits = []exitCase{
	{"window close", "Close", func(f *exitFixture) { f.a.main.pressClose() },
		func(f *exitFixture) bool { return f.a.main.closed }},
	{"File → Quit", "Quit", func(f *exitFixture) { f.menuItem("Quit").Action() },
		func(f *exitFixture) bool { return f.a.quits == 1 }},
	{"Ctrl+Q", "Quit", func(f *exitFixture) { f.shortcut(fyne.KeyQ) },
		func(f *exitFixture) bool { return f.a.quits == 1 }},
	{"Sessions button", "Leave", func(f *exitFixture) { test.Tap(buttonIn(f.t, f.u.Window().Content(), "Sessions")) },
		(*exitFixture).onHome},
	{"Ctrl+O", "Leave", func(f *exitFixture) { f.shortcut(fyne.KeyO) },
		(*exitFixture).onHome},
	{"File → Open…", "Leave", func(f *exitFixture) { f.menuItem("Open…").Action() },
		(*exitFixture).onHome},
	{"File → New session…", "Leave", func(f *exitFixture) {
		f.menuItem("New session…").Action()
		form := f.top()
		if form == nil {
			f.t.Fatal("New session… opened no form")
		}
		test.Type(renderedOf[*keyEntry](form)[0], "Otra")
		test.Tap(buttonIn(f.t, form, "Create"))
	}, func(f *exitFixture) bool {
		if e := f.u.editor; e != nil {
			return e.s.Title == "Otra"
		}
		// With saves failing the new session cannot be saved either: the
		// list shows, with the error on top.
		return f.u.Window().Content() == f.u.home.content
	}},
}

func TestExitsWithSavesWorkingSaveAndGo(t *testing.T) {
	for _, x := range exits {
		t.Run(x.name, func(t *testing.T) {
			f := newExitFixture(t, false)
			x.take(f)
			if top := f.top(); top != nil {
				t.Fatalf("a dialog showed with nothing to warn about: %q", textsOf(rendered(top)))
			}
			if !x.done(f) {
				t.Fatal("the exit did not happen")
			}
			if got := f.stored(); got != edited {
				t.Errorf("the store holds %d after the exit, want the edit %d", got, edited)
			}
		})
	}
}

// TestExitsWithSavesFailingWarnAndOfferExport takes every way out of the
// editor after a save failed: each must keep the edit and the editor until
// the user chooses, and the export it offers must hold the edit.
func TestExitsWithSavesFailingWarnAndOfferExport(t *testing.T) {
	for _, x := range exits {
		t.Run(x.name, func(t *testing.T) {
			f := newExitFixture(t, true)
			editorContent := f.u.editor.content
			x.take(f)
			if x.done(f) {
				t.Fatal("the exit happened and dropped the unsaved edit")
			}
			if got := f.inMemory(); got != edited {
				t.Fatalf("the edit in memory is %d, want %d", got, edited)
			}
			if f.u.Window().Content() != editorContent {
				t.Error("the editor is no longer shown while the warning asks")
			}
			warning := f.top()
			if warning == nil {
				t.Fatal("no warning that the last changes are not saved")
			}
			if text := strings.Join(textsOf(rendered(warning)), "\n"); !strings.Contains(text, "could not be saved") {
				t.Errorf("the warning does not say the changes could not be saved: %q", text)
			}
			buttonIn(t, warning, "Keep editing")
			buttonIn(t, warning, x.verb+" without saving")

			test.Tap(buttonIn(t, warning, "Export session file…"))
			saveDialog := f.top()
			if saveDialog == nil {
				t.Fatal("Export session file… opened no save dialog")
			}
			test.Tap(buttonIn(t, saveDialog, "Save"))
			if f.u.lastExport == nil {
				t.Fatal("no export started")
			}
			<-f.u.lastExport
			f.checkExport()
			if x.done(f) || f.inMemory() != edited {
				t.Fatal("exporting left the editor")
			}

			// Asked again, the user goes anyway: now the exit happens.
			x.take(f)
			test.Tap(buttonIn(t, f.top(), x.verb+" without saving"))
			if !x.done(f) {
				t.Error("going without saving did not take the exit")
			}
		})
	}
}

// checkExport finds the one session file exported into f.dir and checks it
// holds the unsaved edit.
func (f *exitFixture) checkExport() {
	f.t.Helper()
	files, _ := filepath.Glob(filepath.Join(f.dir, "*.json"))
	if len(files) != 1 {
		f.t.Fatalf("exported files %v, want one session file", files)
	}
	r, err := os.Open(files[0])
	if err != nil {
		f.t.Fatal(err)
	}
	defer r.Close()
	s, err := canvas.DecodeFile(r, time.Now())
	if err != nil {
		f.t.Fatalf("the export is not a session file: %v", err)
	}
	if v := s.Position(f.key).Current; s.ID != f.id || v == nil || *v != edited {
		f.t.Errorf("the export holds session %s at %v, want %s at %d", s.ID, v, f.id, edited)
	}
}

func TestKeepEditingStaysAndKeepsRetrying(t *testing.T) {
	f := newExitFixture(t, true)
	f.shortcut(fyne.KeyQ)
	test.Tap(buttonIn(t, f.top(), "Keep editing"))
	if f.top() != nil {
		t.Fatal("the warning stayed after Keep editing")
	}
	if f.a.quits != 0 || f.inMemory() != edited {
		t.Fatal("Keep editing left the editor")
	}
	if !f.u.editor.saver.Pending() {
		t.Error("the unsaved edit is no longer waiting for a retry")
	}
	// The next exit asks again.
	f.shortcut(fyne.KeyQ)
	if f.top() == nil {
		t.Error("a second Quit did not warn")
	}
}

// A second exit while the warning asks must not stack another warning.
func TestExitWhileWarningAsksDoesNotStack(t *testing.T) {
	f := newExitFixture(t, true)
	f.shortcut(fyne.KeyQ)
	f.a.main.pressClose()
	if n := len(f.u.Window().Canvas().Overlays().List()); n != 1 {
		t.Errorf("%d dialogs on screen, want the one warning", n)
	}
	if f.a.main.closed || f.a.quits != 0 {
		t.Error("the second exit went ahead without asking")
	}
}

// Replacing a damaged file carries the open edit into the new file through
// the same way out, without a failed save attempt on the damaged one.
func TestReplacingDamagedFileCarriesTheEdit(t *testing.T) {
	f := newExitFixture(t, false)
	damage := store.ErrDamaged
	f.st.MarkDamaged(damage)
	f.u.damaged(damage)
	test.Tap(buttonIn(t, f.top(), "Start a new file"))
	t.Cleanup(func() { f.u.store.Close() })
	if top := f.top(); top != nil {
		t.Errorf("a dialog showed after the file was replaced: %q", textsOf(rendered(top)))
	}
	if !f.onHome() {
		t.Error("the session list does not show after the file was replaced")
	}
	s, err := f.u.store.Load(f.id)
	if err != nil {
		t.Fatalf("the open session is not in the new file: %v", err)
	}
	if v := s.Position(f.key).Current; v == nil || *v != edited {
		t.Errorf("the new file holds %v, want the edit %d", v, edited)
	}
}

// Fyne stops at once on SIGTERM or Ctrl+C, without asking the editor: what
// the autosaver still holds must reach the file before it is closed.
func TestShutdownSavesWhatTheEditorHolds(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f.db")
	l := Launch(test.NewTempApp(t), path, quietOptions)
	<-l.ready // the start-up check has reported on screen
	u := l.UI()
	if err := u.createSession(canvas.TemplateQuick, "Señal", "p", ""); err != nil {
		t.Fatal(err)
	}
	e := u.editor
	id, key := e.s.ID, e.rows[0].dim.Key
	c := u.Window().Canvas()
	c.Focus(e.rows[0].slider)
	pressKey(c, fyne.KeyPageUp) // 50 -> 60, waiting for the autosaver
	l.Shutdown()

	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s, err := st.Load(id)
	if err != nil {
		t.Fatal(err)
	}
	if v := s.Position(key).Current; v == nil || *v != edited {
		t.Errorf("the file holds %v after the stop, want the edit %d", v, edited)
	}
}
