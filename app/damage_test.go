package app

import (
	"bytes"
	"os"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
	bolt "go.etcd.io/bbolt"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/canvas/store"
	"github.com/fulcrum-workshop/fulcrum/canvas/store/storetest"
)

// damageShown reports how the launcher met a damaged file: a window that
// refused it, or the main window with the damage dialog over it.
func damageShown(t *testing.T, l *Launcher, a fyne.App) bool {
	t.Helper()
	if l.UI() == nil {
		for _, w := range a.Driver().AllWindows() {
			if strings.Contains(windowTexts(w), "This session file is damaged") {
				return true
			}
		}
		return false
	}
	select {
	case <-l.ready:
	case <-time.After(30 * time.Second):
		t.Fatal("the start-up check did not finish")
	}
	u := l.UI()
	if u.damage == nil {
		return false
	}
	for _, lb := range ofType[*widget.Label](onScreen(u)) {
		if strings.HasPrefix(lb.Text, "No sessions yet") && lb.Visible() {
			t.Error("the damaged file's sessions read as \"No sessions yet\"")
		}
	}
	return true
}

// TestLaunchOnDamagedFiles opens the window on every damaged copy that
// storetest is sure of: the window must show the damage (refusing the
// file, or with the damage dialog once the start-up check has run) and
// write nothing to it.
func TestLaunchOnDamagedFiles(t *testing.T) {
	damages := historyDamages(t)
	// One copy of each kind of damage: the store's TestDamageSuite refuses
	// every copy; here the question is whether the window shows each kind
	// of refusal (on open, from the start-up check), and a bit flip in page
	// 7 is refused as one in page 8 is. Each launch builds a window, which
	// under -race took most of this package's time.
	seen := map[string]bool{}
	kind := regexp.MustCompile(`[0-9]+`)
	for _, d := range damages {
		k := kind.ReplaceAllString(d.Name, "#")
		if !d.Sure || seen[k] {
			continue
		}
		seen[k] = true
		t.Run(d.Name, func(t *testing.T) {
			p := filepath.Join(t.TempDir(), "f.db")
			if err := os.WriteFile(p, d.Data, 0o600); err != nil {
				t.Fatal(err)
			}
			a := test.NewTempApp(t)
			l := Launch(a, p, quietOptions)
			shown := damageShown(t, l, a)
			l.Shutdown()
			if !shown {
				t.Error("the damage was not shown")
			}
			if after, _ := os.ReadFile(p); !bytes.Equal(after, d.Data) {
				t.Error("the damaged file was written to")
			}
		})
	}
}

// TestDamagedListShowsTheDamageDialog: a summary that cannot be read fails
// the list. The window must say the file is damaged, not show an error
// and then "No sessions yet" over a file full of sessions.
func TestDamagedListShowsTheDamageDialog(t *testing.T) {
	path, ids, err := storetest.HistoryFile(t.TempDir(), "f.db", 3)
	if err != nil {
		t.Fatal(err)
	}
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte("summaries")).Put([]byte(ids[1]), []byte{2, 0xff})
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)

	a := test.NewTempApp(t)
	opt := quietOptions
	// Only the list may find the damage here.
	opt.BackgroundDelay = time.Hour
	l := Launch(a, path, opt)
	defer l.Shutdown()
	u := l.UI()
	if u == nil {
		t.Fatal("no main window: Open itself refused the file")
	}
	if u.damage == nil {
		t.Fatal("listing failed on damage, and no damage dialog shows")
	}
	top := u.Window().Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog on screen")
	}
	buttonIn(t, top, "Restore the newest good backup")
	for _, lb := range ofType[*widget.Label](onScreen(u)) {
		if strings.HasPrefix(lb.Text, "No sessions yet") && lb.Visible() {
			t.Error("the damaged file's sessions read as \"No sessions yet\"")
		}
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the damaged file was written to")
	}
}

// TestLaunchRemovesLeftovers: an unfinished backup of an earlier crash is
// gone after the next start.
func TestLaunchRemovesLeftovers(t *testing.T) {
	path, _, err := storetest.HistoryFile(t.TempDir(), "f.db", 2)
	if err != nil {
		t.Fatal(err)
	}
	dir := store.BackupsDir(path)
	if err := os.MkdirAll(dir, 0o700); err != nil {
		t.Fatal(err)
	}
	left := filepath.Join(dir, ".f-20260101-120000.000.db.12345.tmp")
	if err := os.WriteFile(left, bytes.Repeat([]byte{1}, 1<<20), 0o600); err != nil {
		t.Fatal(err)
	}
	old := time.Now().Add(-time.Hour)
	if err := os.Chtimes(left, old, old); err != nil {
		t.Fatal(err)
	}
	a := test.NewTempApp(t)
	l := Launch(a, path, Options{AutosaveDelay: time.Hour, ProgressDelay: time.Hour, TimerTick: time.Hour, BackgroundDelay: time.Hour, Lang: lang.EN})
	defer l.Shutdown()
	if l.UI() == nil {
		t.Fatal("the window did not open")
	}
	if _, err := os.Stat(left); err == nil {
		t.Error("the unfinished backup is still there after the start")
	}
}

// TestNoWriteBeforeTheStartupCheck: bbolt opens some damaged files without
// complaint, and the window shows before the start-up check has run. A
// session created at once must wait for the check and then be refused,
// not written into the damaged file.
func TestNoWriteBeforeTheStartupCheck(t *testing.T) {
	damages := historyDamages(t)
	// A damage that Open lets through, that only the check finds, and
	// that bbolt would write into without a word.
	p := filepath.Join(t.TempDir(), "f.db")
	var data []byte
	for _, d := range damages {
		if writableDamage(t, d.Data) {
			data = d.Data
			t.Logf("damage: %s", d.Name)
			break
		}
	}
	if data == nil {
		t.Fatal("no damage here is written into unchecked")
	}
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}

	// fyne.Do is queued and run here, as the real driver runs it on its
	// main loop: the test driver runs it at once on the check's goroutine,
	// which then builds the damage dialog while this one draws the list.
	base := test.NewTempApp(t)
	a := &queueApp{App: base, d: &queueDriver{Driver: base.Driver()}}
	fyne.SetCurrentApp(a)
	t.Cleanup(func() { fyne.SetCurrentApp(base) })
	opt := quietOptions
	opt.BackgroundDelay = time.Hour // only the write may start the check
	l := Launch(a, p, opt)
	defer l.Shutdown()
	u := l.UI()
	if u == nil {
		t.Fatal("no main window")
	}
	// createSession reports a failed save on screen; the session must not
	// open, as it was never stored.
	if err := u.createSession(canvas.TemplateQuick, "no debe escribirse", "p", ""); err != nil {
		t.Fatal(err)
	}
	if u.editor != nil {
		t.Errorf("a session created before the check opened as if saved")
	}
	if after, _ := os.ReadFile(p); !bytes.Equal(after, data) {
		t.Error("the damaged file was written to before its check")
	}
	select {
	case <-l.ready:
	case <-time.After(30 * time.Second):
		t.Fatal("the write did not start the start-up check")
	}
	a.d.run()
	if u.damage == nil {
		t.Error("the damage found by the check is not shown")
	}
}

// writableDamage reports whether a copy of data opens, fails the check,
// and yet takes a save when nobody checks it first.
func writableDamage(t *testing.T, data []byte) bool {
	t.Helper()
	p := filepath.Join(t.TempDir(), "probe.db")
	if err := os.WriteFile(p, data, 0o600); err != nil {
		t.Fatal(err)
	}
	if store.VerifyFile(p) == nil {
		return false
	}
	st, err := store.Open(p, store.Options{})
	if err != nil {
		return false
	}
	defer st.Close()
	s, err := canvas.NewSession(canvas.TemplateQuick, "sonda", "p", time.Now())
	if err != nil {
		t.Fatal(err)
	}
	return st.Save(s) == nil
}

// TestLaunchOnFileMissingABucket: a file that lost its sessions bucket is
// damaged. The window used to create the bucket again, which hid the
// damage behind "No sessions yet" and wrote to the file.
func TestLaunchOnFileMissingABucket(t *testing.T) {
	path, _, err := storetest.HistoryFile(t.TempDir(), "f.db", 3)
	if err != nil {
		t.Fatal(err)
	}
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error { return tx.DeleteBucket([]byte("sessions")) })
	db.Close()
	if err != nil {
		t.Fatal(err)
	}
	before, _ := os.ReadFile(path)
	a := test.NewTempApp(t)
	l := Launch(a, path, quietOptions)
	defer l.Shutdown()
	if l.UI() != nil {
		t.Error("the main window opened on a file without its sessions bucket")
	}
	w := windowWith(t, a, "This session file is damaged")
	if d := detailsText(w.Content()); !strings.Contains(d, "bucket sessions is missing") {
		t.Errorf("the window's Details say %q; want the missing bucket", d)
	}
	if after, _ := os.ReadFile(path); !bytes.Equal(before, after) {
		t.Error("the file was written to")
	}
}

// historyDamages is every damaged copy storetest makes of a store file
// with history.
func historyDamages(t *testing.T) []storetest.Damage {
	t.Helper()
	path, _, err := storetest.HistoryFile(t.TempDir(), "good.db", 6)
	if err != nil {
		t.Fatal(err)
	}
	good, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	damages, err := storetest.Damages(good)
	if err != nil {
		t.Fatal(err)
	}
	return damages
}

// TestDamageReportOfAReplacedFileLeavesItsReplacementAlone: the start-up
// check's damage report waits in Fyne's queue like any other. If the file
// is replaced before the report runs, the report is about a file no longer
// open: the replacement must not be marked damaged, nor the dialog shown.
func TestDamageReportOfAReplacedFileLeavesItsReplacementAlone(t *testing.T) {
	path, ids, err := storetest.HistoryFile(t.TempDir(), "f.db", 1)
	if err != nil {
		t.Fatal(err)
	}
	// A record bbolt keeps and Fulcrum cannot read: the file opens and
	// lists, and only the check finds the damage.
	db, err := bolt.Open(path, 0o600, nil)
	if err != nil {
		t.Fatal(err)
	}
	err = db.Update(func(tx *bolt.Tx) error {
		return tx.Bucket([]byte("sessions")).Put([]byte(ids[0]), []byte("{garbage"))
	})
	db.Close()
	if err != nil {
		t.Fatal(err)
	}

	base := test.NewTempApp(t)
	a := &queueApp{App: base, d: &queueDriver{Driver: base.Driver()}}
	fyne.SetCurrentApp(a)
	t.Cleanup(func() { fyne.SetCurrentApp(base) })
	l := Launch(a, path, quietOptions)
	defer l.Shutdown()
	u := l.UI()
	if u == nil {
		t.Fatal("no main window")
	}
	select {
	case <-l.ready:
	case <-time.After(30 * time.Second):
		t.Fatal("the start-up check did not finish")
	}
	// The damage report is queued, not yet run; the file is replaced by a
	// new one meanwhile.
	u.replaceFile("replace", false, func() error {
		_, err := store.Recover(path, false, time.Now())
		return err
	})
	a.d.run()
	if u.damage != nil {
		t.Error("the damage of the replaced file is shown over its replacement")
	}
	s, _ := canvas.NewSession(canvas.TemplateQuick, "nuevo", "p", time.Now())
	if err := u.store.Save(s); err != nil {
		t.Errorf("the new file refuses writes after the old one's damage report: %v", err)
	}
}
