package store_test

// Backups are checked, pruned and kept apart per file; a restore keeps the
// current file aside.

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/canvas/store"
)

// --- backups ----------------------------------------------------------------

// backupName is the name Backup gives a backup of sessions.db taken i
// minutes and 7i milliseconds after baseTime (09:26:53 UTC, 14 March
// 2025), for i < 34, worked out by hand.
func backupName(i int) string {
	return fmt.Sprintf("sessions-20250314-09%02d53.%03d.db", 26+i, 7*i)
}

func backupTime(i int) time.Time {
	return baseTime.Add(time.Duration(i)*time.Minute + time.Duration(7*i)*time.Millisecond)
}

// sameSessions fails unless the store at path holds exactly the given
// sessions.
func sameSessions(t *testing.T, path string, want ...*canvas.Session) {
	t.Helper()
	st := openStore(t, path, store.Options{ReadOnly: true})
	sums, err := st.ListSummaries()
	must(t, err)
	if len(sums) != len(want) {
		t.Errorf("%s holds %d sessions, want %d: %s", path, len(sums), len(want), jsonOf(sums))
	}
	for _, w := range want {
		got, err := st.Load(w.ID)
		if err != nil {
			t.Errorf("%s: %v", path, err)
			continue
		}
		if d := sessionDiff(got, w); d != "" {
			t.Errorf("%s: session %s differs:%s", path, w.ID, d)
		}
	}
	must(t, st.Close())
}

func TestBackupsAreCheckedAndPruned(t *testing.T) {
	path := dbPath(t)
	dir := filepath.Dir(path)
	bdir := filepath.Join(dir, "backups")
	st := openStore(t, path, store.Options{})
	a := fullSession(t)
	b := newSession(t, "Segunda — 第二", "P2")
	must(t, st.Save(a))
	must(t, st.Save(b))
	wantA, wantB := deepCopy(t, a), deepCopy(t, b)

	if got := store.BackupsDir(path); got != bdir {
		t.Errorf("BackupsDir = %q, want %q", got, bdir)
	}
	p, err := st.Backup(backupTime(0))
	must(t, err)
	if want := filepath.Join(bdir, backupName(0)); p != want {
		t.Errorf("Backup wrote %q, want %q", p, want)
	}
	must(t, store.VerifyFile(p))
	sameSessions(t, p, wantA, wantB)

	for i := 1; i < 25; i++ {
		got, err := st.Backup(backupTime(i))
		must(t, err)
		if want := filepath.Join(bdir, backupName(i)); got != want {
			t.Fatalf("backup %d wrote %q, want %q", i, got, want)
		}
	}
	// The newest 20 are kept, newest first: 24 down to 5.
	var want []string
	for i := 24; i >= 5; i-- {
		want = append(want, filepath.Join(bdir, backupName(i)))
	}
	list, err := store.Backups(path)
	must(t, err)
	if !slices.Equal(list, want) {
		t.Errorf("Backups after 25 =\n%s\nwant\n%s", strings.Join(list, "\n"), strings.Join(want, "\n"))
	}
	// Nothing else is left in the folder (no temporary files).
	var names []string
	for i := 5; i < 25; i++ {
		names = append(names, backupName(i))
	}
	if got := dirNames(t, bdir); !slices.Equal(got, names) {
		t.Errorf("backup folder holds %q, want %q", got, names)
	}

	// Nothing changed since backup 24: no new backup.
	got, made, err := st.BackupIfChanged(baseTime.Add(time.Hour))
	must(t, err)
	if made || got != want[0] {
		t.Errorf("BackupIfChanged with no change = %q, %v; want %q, false", got, made, want[0])
	}
	if list, _ := store.Backups(path); !slices.Equal(list, want) {
		t.Errorf("BackupIfChanged with no change changed the list: %q", list)
	}

	// A save makes the next one back up: 11:26:53.000, and backup 5 goes.
	a.Title = "cambiada después de la copia"
	must(t, st.Save(a))
	got, made, err = st.BackupIfChanged(baseTime.Add(2 * time.Hour))
	must(t, err)
	newest := filepath.Join(bdir, "sessions-20250314-112653.000.db")
	if !made || got != newest {
		t.Errorf("BackupIfChanged after a save = %q, %v; want %q, true", got, made, newest)
	}
	want = append([]string{newest}, want[:19]...)
	list, err = store.Backups(path)
	must(t, err)
	if !slices.Equal(list, want) {
		t.Errorf("Backups after BackupIfChanged =\n%s\nwant\n%s", strings.Join(list, "\n"), strings.Join(want, "\n"))
	}
	changed := deepCopy(t, a)
	sameSessions(t, newest, changed, wantB)
	if _, made, err := st.BackupIfChanged(baseTime.Add(3 * time.Hour)); err != nil || made {
		t.Errorf("second BackupIfChanged without a change: made %v, %v", made, err)
	}

	// The newest backup is damaged in its middle: the previous one is the
	// newest good one.
	data := readBytes(t, newest)
	copy(data[len(data)/4:], garbage(len(data)/2, 7))
	writeBytes(t, newest, data)
	if err := store.VerifyFile(newest); err == nil {
		t.Fatal("VerifyFile accepted a backup with garbage in its middle")
	}
	good, err := store.NewestGoodBackup(path)
	must(t, err)
	if prev := filepath.Join(bdir, backupName(24)); good != prev {
		t.Errorf("NewestGoodBackup = %q, want %q", good, prev)
	}

	// A backup into a missing folder fails and leaves nothing behind.
	before := dirNames(t, dir)
	out := filepath.Join(dir, "missing", "out.db")
	if err := st.BackupTo(out); err == nil {
		t.Error("BackupTo into a missing folder succeeded")
	}
	assertMissing(t, out)
	assertMissing(t, filepath.Dir(out))
	if after := dirNames(t, dir); !slices.Equal(before, after) {
		t.Errorf("failed BackupTo changed the folder: %q, then %q", before, after)
	}
	// A good BackupTo writes exactly the sessions, and nothing else.
	out = filepath.Join(dir, "copy.db")
	must(t, st.BackupTo(out))
	must(t, store.VerifyFile(out))
	sameSessions(t, out, changed, wantB)
	wantNames := append(slices.Clone(before), "copy.db")
	slices.Sort(wantNames)
	if after := dirNames(t, dir); !slices.Equal(after, wantNames) {
		t.Errorf("BackupTo left %q, want %q", after, wantNames)
	}
	if _, err := store.NewestGoodBackup(filepath.Join(dir, "other.db")); !errors.Is(err, store.ErrNoBackup) {
		t.Errorf("NewestGoodBackup of a file without backups: %v, want ErrNoBackup", err)
	}
}

func assertMissing(t *testing.T, path string) {
	t.Helper()
	if _, err := os.Stat(path); !errors.Is(err, fs.ErrNotExist) {
		t.Errorf("%s should not exist (stat: %v)", path, err)
	}
}

// TestBackupsOfSiblingFilesStayApart: two session files in one folder share
// the backups folder; "work-old.db"'s backups start with "work-", so they
// must not count as "work.db"'s.
func TestBackupsOfSiblingFilesStayApart(t *testing.T) {
	dir := t.TempDir()
	work := filepath.Join(dir, "work.db")
	old := filepath.Join(dir, "work-old.db")
	stOld := openStore(t, old, store.Options{})
	must(t, stOld.Save(newSession(t, "vieja", "p")))
	oldBackup, err := stOld.Backup(baseTime.Add(24 * time.Hour)) // newer than all of work's
	must(t, err)
	must(t, stOld.Close())

	st := openStore(t, work, store.Options{})
	s := newSession(t, "trabajo", "p")
	must(t, st.Save(s))
	mine, err := st.Backup(baseTime)
	must(t, err)

	list, err := store.Backups(work)
	must(t, err)
	if !slices.Equal(list, []string{mine}) {
		t.Errorf("Backups(work.db) = %q, want only %q", list, mine)
	}
	if b, err := store.NewestGoodBackup(work); err != nil || b != mine {
		t.Errorf("NewestGoodBackup(work.db) = %q, %v; want %q (restoring %q would put another file's sessions in place)", b, err, mine, oldBackup)
	}
	// Pruning work.db's backups leaves work-old.db's alone.
	for i := 1; i <= store.BackupsKept; i++ {
		_, err := st.Backup(baseTime.Add(time.Duration(i) * time.Second))
		must(t, err)
	}
	if _, err := os.Stat(oldBackup); err != nil {
		t.Errorf("pruning work.db's backups removed work-old.db's: %v", err)
	}
	list, err = store.Backups(work)
	must(t, err)
	if len(list) != store.BackupsKept || slices.Contains(list, oldBackup) {
		t.Errorf("Backups(work.db) after %d more = %d entries (contains work-old's: %v)", store.BackupsKept, len(list), slices.Contains(list, oldBackup))
	}
}

// --- restore ----------------------------------------------------------------

func TestRestore(t *testing.T) {
	path := dbPath(t)
	dir := filepath.Dir(path)
	st, err := store.Open(path, store.Options{})
	must(t, err)
	a := fullSession(t)
	b := newSession(t, "Segunda", "P2")
	must(t, st.Save(a))
	must(t, st.Save(b))
	wantA, wantB := deepCopy(t, a), deepCopy(t, b)
	backup, err := st.Backup(baseTime)
	must(t, err)
	// The file moves on after the backup.
	c := newSession(t, "Tercera, después de la copia", "P3")
	must(t, st.Save(c))
	must(t, st.Delete(a.ID))
	must(t, st.Close())
	before := readBytes(t, path)
	backupBytes := readBytes(t, backup)

	aside, err := store.Restore(path, backup, baseTime)
	must(t, err)
	if want := path + ".before-restore-20250314-092653"; aside != want {
		t.Errorf("aside = %q, want %q", aside, want)
	}
	if got, err := os.ReadFile(aside); err != nil || !bytes.Equal(got, before) {
		t.Errorf("the file set aside is not the previous file byte for byte (read: %v)", err)
	}
	if got := readBytes(t, path); !bytes.Equal(got, backupBytes) {
		t.Error("the restored file is not a copy of the backup")
	}
	if got := readBytes(t, backup); !bytes.Equal(got, backupBytes) {
		t.Error("Restore changed the backup")
	}
	if names := dirNames(t, dir); !slices.Equal(names, []string{"backups", "sessions.db", "sessions.db.before-restore-20250314-092653"}) {
		t.Errorf("folder after restore: %q", names)
	}
	st = openStore(t, path, store.Options{})
	must(t, st.Check())
	must(t, st.Close())
	sameSessions(t, path, wantA, wantB)

	// A damaged backup is refused and nothing changes.
	damaged := filepath.Join(dir, "damaged.db")
	data := slices.Clone(backupBytes)
	copy(data[len(data)/4:], garbage(len(data)/2, 11))
	writeBytes(t, damaged, data)
	junk := filepath.Join(dir, "junk.db")
	writeBytes(t, junk, garbage(64<<10, 12))
	for _, bad := range []string{damaged, junk, filepath.Join(dir, "missing.db")} {
		before := readBytes(t, path)
		names := dirNames(t, dir)
		if aside, err := store.Restore(path, bad, baseTime.Add(time.Hour)); err == nil {
			t.Errorf("Restore from %s succeeded (aside %q)", filepath.Base(bad), aside)
		}
		if !bytes.Equal(readBytes(t, path), before) {
			t.Errorf("Restore from %s changed the file", filepath.Base(bad))
		}
		if after := dirNames(t, dir); !slices.Equal(after, names) {
			t.Errorf("Restore from %s changed the folder: %q, then %q", filepath.Base(bad), names, after)
		}
	}
	assertMissing(t, path+".before-restore-20250314-102653")
}

// TestRestoreTwiceInOneSecondKeepsBoth: SetAside promises that nothing is
// ever deleted, so a second restore within the same second must not
// replace the file the first one set aside.
func TestRestoreTwiceInOneSecondKeepsBoth(t *testing.T) {
	path := dbPath(t)
	st, err := store.Open(path, store.Options{})
	must(t, err)
	must(t, st.Save(newSession(t, "uno", "p")))
	backup, err := st.Backup(baseTime)
	must(t, err)
	must(t, st.Save(newSession(t, "dos", "p")))
	must(t, st.Close())
	first := readBytes(t, path)

	aside1, err := store.Restore(path, backup, baseTime)
	must(t, err)
	st, err = store.Open(path, store.Options{})
	must(t, err)
	must(t, st.Save(newSession(t, "tres", "p")))
	must(t, st.Close())
	second := readBytes(t, path)

	aside2, err := store.Restore(path, backup, baseTime.Add(300*time.Millisecond))
	must(t, err)
	if aside2 == aside1 {
		t.Errorf("both restores set the previous file aside as %s", aside1)
	}
	if got, err := os.ReadFile(aside1); err != nil || !bytes.Equal(got, first) {
		t.Errorf("the file set aside by the first restore was replaced by the second (%v)", err)
	}
	if got, err := os.ReadFile(aside2); err != nil || !bytes.Equal(got, second) {
		t.Errorf("the file set aside by the second restore is not the file it replaced (%v)", err)
	}
}
