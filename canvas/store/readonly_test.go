package store_test

import (
	"os"
	"os/exec"
	"path/filepath"
	"testing"
	"time"

	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/canvas/store"
)

// immutable sets or clears the immutable attribute, which stops writes
// even by root (whom permission bits do not stop), as a read-only disk does.
func immutable(t *testing.T, path string, on bool) {
	t.Helper()
	flag := "-i"
	if on {
		flag = "+i"
	}
	if out, err := exec.Command("chattr", flag, path).CombinedOutput(); err != nil {
		if on {
			t.Skipf("chattr %s %s: %v %s (no way to make a read-only file here)", flag, path, err, out)
		}
		t.Fatalf("chattr %s %s: %v %s", flag, path, err, out)
	}
}

func TestReadOnlyDiskKeepsEditAndRetries(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "ro.db")
	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	s, _ := canvas.NewSession(canvas.TemplateQuick, "Solo lectura", "p", time.Now())
	if err := st.Save(s); err != nil {
		t.Fatal(err)
	}

	var fire func()
	a := store.NewAutosaver(st, time.Hour, nil)
	a.AfterFunc = func(_ time.Duration, f func()) store.Timer { fire = f; return stopper{} }
	_ = s.SetCurrent("customer", 77)
	a.Changed(s)

	immutable(t, path, true)
	defer immutable(t, path, false)
	if err := a.Flush(); err == nil {
		t.Fatal("a save to a read-only file succeeded")
	}
	if !a.Pending() {
		t.Fatal("the failed edit was dropped")
	}
	if fire == nil {
		t.Fatal("no retry was scheduled")
	}

	immutable(t, path, false)
	fire() // the retry
	if a.Pending() {
		t.Fatal("the retry did not save the edit")
	}
	got, err := st.Load(s.ID)
	if err != nil {
		t.Fatal(err)
	}
	if v := got.Position("customer").Current; v == nil || *v != 77 {
		t.Errorf("after the retry the stored value is %v, want 77", v)
	}
}

func TestReadOnlyFolderBackupLeavesNothing(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "f.db")
	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	out := filepath.Join(dir, "out")
	if err := os.Mkdir(out, 0o755); err != nil {
		t.Fatal(err)
	}
	immutable(t, out, true)
	defer immutable(t, out, false)
	if err := st.BackupTo(filepath.Join(out, "copy.db")); err == nil {
		t.Fatal("a backup into a read-only folder succeeded")
	}
	immutable(t, out, false)
	if ents, _ := os.ReadDir(out); len(ents) != 0 {
		t.Errorf("a failed backup left %d files", len(ents))
	}
}

type stopper struct{}

func (stopper) Stop() bool { return true }
