package store_test

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/fulcrum-workshop/fulcrum/canvas/store"
)

// TestBackupFilesHaveTheirTimes: the backups a person chooses from are
// listed newest first, each with the time it was taken, and a sibling
// file's backups are not among them.
func TestBackupFilesHaveTheirTimes(t *testing.T) {
	dir := t.TempDir()
	work := filepath.Join(dir, "work.db")
	other := openStore(t, filepath.Join(dir, "work-old.db"), store.Options{})
	_, err := other.Backup(baseTime.Add(48 * time.Hour))
	must(t, err)
	must(t, other.Close())

	st := openStore(t, work, store.Options{})
	must(t, st.Save(newSession(t, "trabajo", "p")))
	times := []time.Time{baseTime, baseTime.Add(90*time.Minute + 1500*time.Millisecond)}
	var paths []string
	for _, at := range times {
		p, err := st.Backup(at)
		must(t, err)
		paths = append(paths, p)
	}
	list, err := store.BackupFiles(work)
	must(t, err)
	if len(list) != 2 {
		t.Fatalf("BackupFiles = %+v, want two", list)
	}
	for i, want := range []int{1, 0} {
		if list[i].Path != paths[want] || !list[i].Taken.Equal(times[want].UTC()) {
			t.Errorf("backup %d = %s at %v, want %s at %v", i, list[i].Path, list[i].Taken, paths[want], times[want].UTC())
		}
	}
}
