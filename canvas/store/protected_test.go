package store_test

import (
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/fulcrum-workshop/fulcrum/canvas/store"
)

// TestProtectedPaths: the session file, every backup in its folder and
// every file set aside are listed; exports and notes beside them are not.
func TestProtectedPaths(t *testing.T) {
	dir := t.TempDir()
	path := filepath.Join(dir, "s.db")
	first := openStore(t, path, store.Options{})
	must(t, first.Close())
	aside, err := store.SetAside(path, "damaged", baseTime)
	must(t, err)
	st := openStore(t, path, store.Options{})
	backup, err := st.Backup(baseTime)
	must(t, err)
	other := openStore(t, filepath.Join(dir, "other.db"), store.Options{})
	otherBackup, err := other.Backup(baseTime)
	must(t, err)
	for _, name := range []string{"s.db.pdf", "s.db.json", filepath.Join(store.BackupDir, "notes.db")} {
		must(t, os.WriteFile(filepath.Join(dir, name), []byte("x"), 0o644))
	}

	got := st.ProtectedPaths()
	want := []string{path, backup, otherBackup, aside}
	slices.Sort(got)
	slices.Sort(want)
	if !slices.Equal(got, want) {
		t.Errorf("ProtectedPaths() = %q\nwant %q", got, want)
	}
}
