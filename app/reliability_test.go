package app

import (
	"bytes"
	"fmt"
	"net"
	"os"
	"path/filepath"
	"runtime"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/app/phones"
	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/canvas/store"
)

// quietOptions keep timers out of the way; the tests read English.
var quietOptions = Options{AutosaveDelay: time.Hour, ProgressDelay: time.Hour, TimerTick: time.Hour, Lang: lang.EN,
	Interfaces: loopbackOnly}

// loopbackOnly is the one network of the tests' phone rounds: their
// servers listen on 127.0.0.1 only.
func loopbackOnly() ([]phones.Interface, error) {
	return []phones.Interface{{Name: "lo", IP: net.IPv4(127, 0, 0, 1).To4(), Default: true}}, nil
}

func windowTexts(w fyne.Window) string {
	var b strings.Builder
	for _, l := range renderedOf[*widget.Label](w.Content()) {
		b.WriteString(l.Text)
		b.WriteString("\n")
	}
	return b.String()
}

func windowWith(t *testing.T, a fyne.App, text string) fyne.Window {
	t.Helper()
	for _, w := range a.Driver().AllWindows() {
		if strings.Contains(windowTexts(w), text) {
			return w
		}
	}
	t.Fatalf("no window says %q", text)
	return nil
}

func TestLaunchOnLockedFileOffersAnotherFile(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f.db")
	held, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer held.Close()

	a := test.NewTempApp(t)
	start := time.Now()
	l := Launch(a, path, quietOptions)
	defer l.Shutdown()
	// The lock timeout is 1 s; this bound only tells a hang from a wait
	// on a loaded machine, it measures no speed.
	if d := time.Since(start); d > 20*time.Second {
		t.Errorf("the second instance hung for %v on the lock", d)
	}
	if l.UI() != nil {
		t.Fatal("a main window opened on a file another Fulcrum holds")
	}
	w := windowWith(t, a, "open in another Fulcrum window")
	buttonIn(t, w.Content(), "Choose another file…")
	// The first instance is unaffected.
	s, _ := canvas.NewSession(canvas.TemplateQuick, "still mine", "p", time.Now())
	if err := held.Save(s); err != nil {
		t.Errorf("the first instance can no longer save: %v", err)
	}
}

func TestLaunchOnDamagedFileStartsNewFileAndKeepsTheOld(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "f.db")
	garbage := []byte(strings.Repeat("not a bbolt file ", 4096))
	if err := os.WriteFile(path, garbage, 0o600); err != nil {
		t.Fatal(err)
	}
	a := test.NewTempApp(t)
	l := Launch(a, path, quietOptions)
	defer l.Shutdown()
	w := windowWith(t, a, "damaged")
	if l.UI() != nil {
		t.Fatal("a main window opened on a damaged file")
	}
	test.Tap(buttonIn(t, w.Content(), "Start a new file"))
	<-l.ready
	if l.UI() == nil {
		t.Fatal("no main window after starting a new file")
	}
	kept, _ := filepath.Glob(path + ".damaged-*")
	if len(kept) != 1 {
		t.Fatalf("the damaged file was not kept aside: %v", kept)
	}
	if b, _ := os.ReadFile(kept[0]); string(b) != string(garbage) {
		t.Error("the damaged file was changed")
	}
}

func TestLaunchBacksUpAfterFirstFrame(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f.db")
	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	s, _ := canvas.NewSession(canvas.TemplateQuick, "Respaldo", "p", time.Now())
	if err := st.Save(s); err != nil {
		t.Fatal(err)
	}
	st.Close()

	a := test.NewTempApp(t)
	l := Launch(a, path, quietOptions)
	defer l.Shutdown()
	select {
	case <-l.ready:
	case <-time.After(20 * time.Second):
		t.Fatal("start-up check and backup did not finish")
	}
	list, err := store.Backups(path)
	if err != nil || len(list) != 1 {
		t.Fatalf("backups after start = %v, %v; want one", list, err)
	}
	if err := store.VerifyFile(list[0]); err != nil {
		t.Errorf("the backup does not pass the check: %v", err)
	}
}

func TestClosingWithUnsavedChangesWarnsAndOffersExport(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f.db")
	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	a := test.NewTempApp(t)
	u := New(a, st, quietOptions)
	if err := u.createSession(canvas.TemplateFull, "Lleno", "Disco", ""); err != nil {
		t.Fatal(err)
	}
	st.MarkDamaged(os.ErrPermission) // every write now fails, as on a full disk
	e := u.editor
	c := u.Window().Canvas()
	c.Focus(e.rows[0].slider)
	pressKey(c, fyne.KeyPageUp)

	u.Close()
	if u.editor == nil {
		t.Fatal("the window closed and dropped unsaved changes")
	}
	dlg := c.Overlays().Top()
	if dlg == nil {
		t.Fatal("no warning when closing with unsaved changes")
	}
	buttonIn(t, dlg, "Export session file…")
	if !strings.Contains(u.Window().Title(), "not saved") {
		t.Errorf("title %q does not say the change is not saved", u.Window().Title())
	}
	if v := *e.s.Position(e.rows[0].dim.Key).Current; v != 60 {
		t.Errorf("the edit in memory is %d, want 60", v)
	}
	u.discardEditor()
	st.Close()
}

func TestNoGoroutineLeakOverSessionOpenClose(t *testing.T) {
	if raceEnabled {
		t.Skip("editor builds take five times as long under -race; make test runs this without it")
	}
	path := filepath.Join(t.TempDir(), "f.db")
	u, st := startUI(t, path)
	defer st.Close()
	u.opt = quietOptions
	u.opt.Now = time.Now
	if err := u.createSession(canvas.TemplateQuick, "Loop", "p", ""); err != nil {
		t.Fatal(err)
	}
	id := u.editor.s.ID
	u.ShowHome()
	// 100 cycles keep the test's power. The check below allows 2 goroutines
	// of noise (ones still finishing), so a leak of one goroutine per cycle
	// shows as 100 extra, fifty times the allowance, and a leak in as few as
	// 3 of the 100 cycles fails the test. More cycles would only add leaks
	// rarer than that, at the cost of most of the package's run time.
	// i%8 still moves every row's slider.
	const cycles = 100
	runtime.GC()
	before := runtime.NumGoroutine()
	for i := range cycles {
		if err := u.OpenSession(id); err != nil {
			t.Fatal(err)
		}
		u.editor.setCurrent(i%8, i%101)
		u.ShowHome()
	}
	var after int
	for range 50 { // let finished goroutines exit
		runtime.GC()
		if after = runtime.NumGoroutine(); after <= before+2 {
			break
		}
		time.Sleep(20 * time.Millisecond)
	}
	if after > before+2 {
		t.Errorf("goroutines grew from %d to %d over %d open/close cycles", before, after, cycles)
	}
}

// TestDamageFoundAfterStartStopsWritesAndOffersANewFile damages a data
// page, which bbolt opens without complaint: the check after the first
// frame must find it, refuse further writes, and let the user start a new
// file while the damaged one is kept.
func TestDamageFoundAfterStartStopsWritesAndOffersANewFile(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "f.db")
	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	for i := range 40 {
		s, _ := canvas.NewSession(canvas.TemplateFull, fmt.Sprintf("Sesión %d", i), "p", time.Now())
		if err := st.Save(s); err != nil {
			t.Fatal(err)
		}
	}
	st.Close()
	orig, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}

	// Find a page whose damage opens fine but fails the check.
	const ps = 4096
	damaged := false
	for pg := len(orig)/ps - 1; pg >= 4 && !damaged; pg-- {
		data := slices.Clone(orig)
		for i := pg * ps; i < (pg+1)*ps; i++ {
			data[i] = byte(i*131 + 7)
		}
		if err := os.WriteFile(path, data, 0o600); err != nil {
			t.Fatal(err)
		}
		if s, err := store.Open(path, store.Options{}); err == nil {
			damaged = s.Check() != nil
			s.Close()
		}
	}
	if !damaged {
		t.Skip("no page here opens fine and fails the check")
	}
	before, _ := os.ReadFile(path)

	a := test.NewTempApp(t)
	opt := quietOptions
	opt.BackgroundDelay = time.Millisecond
	l := Launch(a, path, opt)
	defer l.Shutdown()
	select {
	case <-l.ready:
	case <-time.After(30 * time.Second):
		t.Fatal("the start-up check did not finish")
	}
	u := l.UI()
	dlg := u.Window().Canvas().Overlays().Top()
	if dlg == nil {
		t.Fatal("damage found after start-up was not reported")
	}
	// Writes are refused from now on, and the file is as it was.
	s, _ := canvas.NewSession(canvas.TemplateQuick, "nuevo", "p", time.Now())
	if err := u.store.Save(s); err == nil {
		t.Error("a save to the damaged file succeeded")
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the damaged file was written to")
	}

	test.Tap(buttonIn(t, dlg, "Start a new file"))
	kept, _ := filepath.Glob(path + ".damaged-*")
	if len(kept) != 1 {
		t.Fatalf("the damaged file was not kept aside: %v", kept)
	}
	if b, _ := os.ReadFile(kept[0]); !bytes.Equal(b, before) {
		t.Error("the kept damaged file differs from what it was")
	}
	if err := u.store.Save(s); err != nil {
		t.Errorf("the new file does not take a save: %v", err)
	}
}
