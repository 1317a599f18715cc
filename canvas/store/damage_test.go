package store_test

import (
	"bytes"
	"errors"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/canvas/store"
	"github.com/fulcrum-workshop/fulcrum/canvas/store/storetest"
	bolt "go.etcd.io/bbolt"
)

// TestDamageSuite runs every damaged copy storetest makes through what the
// app and the commands do with a file: open it (for reading and for
// writing), check it, list it, load every session, back it up, and try to
// write to it after a failed check. None may panic or fault, every failure
// must be ErrDamaged, damage to what the newest transaction uses must be
// found, and no byte of the file may change.
func TestDamageSuite(t *testing.T) {
	path, ids, err := storetest.HistoryFile(t.TempDir(), "good.db", 12)
	must(t, err)
	good := readBytes(t, path)
	damages, err := storetest.Damages(good)
	must(t, err)
	found := 0
	for _, d := range damages {
		p := filepath.Join(t.TempDir(), "damaged.db")
		writeBytes(t, p, d.Data)
		var errs []error
		noPanic(t, d.Name, func() { errs = useDamaged(t, p, ids) })
		if len(errs) > 0 {
			found++
		}
		for _, err := range errs {
			if !errors.Is(err, store.ErrDamaged) {
				t.Errorf("%s: %v; want ErrDamaged", d.Name, err)
			}
		}
		if d.Sure && len(errs) == 0 {
			t.Errorf("%s: opened, checked, listed and backed up without a word", d.Name)
		}
		if !bytes.Equal(readBytes(t, p), d.Data) {
			t.Errorf("%s: the damaged file changed", d.Name)
		}
		if left := dirNames(t, filepath.Dir(p)); len(left) != 1 {
			t.Errorf("%s: files left beside it: %q", d.Name, left)
		}
	}
	t.Logf("%d damaged copies, %d found damaged", len(damages), found)
}

// useDamaged does with p what the app and the commands do, and returns the
// errors it met (ErrNotFound from Load aside: damage can hide a key).
func useDamaged(t *testing.T, p string, ids []string) []error {
	t.Helper()
	var errs []error
	keep := func(err error) bool {
		if err != nil {
			errs = append(errs, err)
		}
		return err == nil
	}
	ro, err := store.Open(p, store.Options{ReadOnly: true, LockTimeout: 200 * time.Millisecond})
	if keep(err) {
		keep(ro.Check())
		_, err := ro.ListSummaries()
		keep(err)
		for _, id := range ids {
			if _, err := ro.Load(id); !errors.Is(err, store.ErrNotFound) {
				keep(err)
			}
		}
		out := filepath.Join(t.TempDir(), "copy.db")
		keep(ro.BackupTo(out))
		must(t, ro.Close())
	}
	rw, err := store.Open(p, store.Options{LockTimeout: 200 * time.Millisecond})
	if !keep(err) {
		return errs
	}
	defer rw.Close()
	// As `fulcrum import` does: write only after a passing check.
	if keep(rw.Check()) {
		return errs
	}
	s, err := canvas.NewSession(canvas.TemplateQuick, "no debe escribirse", "p", time.Now())
	must(t, err)
	if _, err := rw.Import([]*canvas.Session{s}); !errors.Is(err, store.ErrDamaged) {
		t.Errorf("%s: Import after a failed check = %v, want ErrDamaged", p, err)
	}
	if err := rw.Save(s); !errors.Is(err, store.ErrDamaged) {
		t.Errorf("%s: Save after a failed check = %v, want ErrDamaged", p, err)
	}
	return errs
}

// TestMissingBucketIsDamageNotANewFile: a file that has Fulcrum's buckets
// but lost one is damaged. Creating the bucket again on open would hide
// that and show an empty list.
func TestMissingBucketIsDamageNotANewFile(t *testing.T) {
	for _, bucket := range []string{"sessions", "summaries", "meta"} {
		path, _ := sessionsDB(t, 3)
		deleteBucket(t, path, bucket)
		before := readBytes(t, path)
		for _, opts := range []store.Options{{}, {ReadOnly: true}} {
			st, err := store.Open(path, opts)
			if err == nil {
				st.Close()
				t.Errorf("without %s: Open(%+v) succeeded", bucket, opts)
			} else if !errors.Is(err, store.ErrDamaged) || !strings.Contains(err.Error(), bucket) {
				t.Errorf("without %s: Open(%+v) = %v; want ErrDamaged naming the bucket", bucket, opts, err)
			}
		}
		if !bytes.Equal(readBytes(t, path), before) {
			t.Errorf("without %s: the file changed", bucket)
		}
	}
}

// TestCheckFindsWhatBreaksTheApp: records bbolt stores without complaint
// but Fulcrum cannot use must fail the check, and so fail as backups.
func TestCheckFindsWhatBreaksTheApp(t *testing.T) {
	good := fullSession(t)
	good.ID = "s1"
	rec := func(t *testing.T, change func(s *canvas.Session)) string {
		s := deepCopy(t, good)
		change(s)
		return `{"v":2,"session":` + jsonOf(s) + `}`
	}
	cases := []struct {
		name, bucket, key, value, want string
	}{
		{"record not JSON", "sessions", "s1", "{garbage", "cannot be read"},
		{"placement by nobody", "sessions", "s1", rec(t, func(s *canvas.Session) { s.Placements[0].Participant = "ghost" }), "ghost"},
		{"value out of range", "sessions", "s1", rec(t, func(s *canvas.Session) { s.Placements[0].Value = 170 }), "170"},
		{"current position out of range", "sessions", "s1", rec(t, func(s *canvas.Session) { s.Positions[0].Current = intPtr(-1) }), "current"},
		{"unknown dimension", "sessions", "s1", rec(t, func(s *canvas.Session) { s.Placements[0].Dimension = "nope" }), "nope"},
		{"stored under another id", "sessions", "s1", rec(t, func(s *canvas.Session) { s.ID = "s2" }), "s2"},
		{"summary of another title", "sessions", "s1", rec(t, func(s *canvas.Session) { s.Title = "otro título" }), "title"},
		{"summary not decodable", "summaries", "s1", "\x02\xff", "summary"},
		{"summary without session", "summaries", "s9", "\x02", "s9"},
		{"schema version zero", "meta", "schema", "0", "schema"},
		{"schema version garbage", "meta", "schema", "dos", "schema"},
	}
	for _, c := range cases {
		t.Run(c.name, func(t *testing.T) {
			path := dbPath(t)
			st := openStore(t, path, store.Options{})
			must(t, st.Save(deepCopy(t, good)))
			must(t, st.Close())
			setRaw(t, path, c.bucket, c.key, c.value)
			err := store.VerifyFile(path)
			if !errors.Is(err, store.ErrDamaged) || !strings.Contains(err.Error(), c.want) {
				t.Fatalf("VerifyFile = %v; want ErrDamaged mentioning %q", err, c.want)
			}
			// Such a file is never restored, and never offered.
			target := filepath.Join(t.TempDir(), "target.db")
			if _, err := store.Restore(target, path, time.Now()); err == nil {
				t.Error("Restore accepted a file that fails the check")
			}
			assertMissing(t, target)
		})
	}
}

// TestNewestGoodBackupSkipsBackupsThatFailTheCheck: the app offers the
// newest backup that passes Fulcrum's check, not bbolt's alone.
func TestNewestGoodBackupSkipsBackupsThatFailTheCheck(t *testing.T) {
	path, _ := sessionsDB(t, 2)
	st := openStore(t, path, store.Options{})
	older, err := st.Backup(backupTime(1))
	must(t, err)
	newer, err := st.Backup(backupTime(2))
	must(t, err)
	must(t, st.Close())
	s := fullSession(t)
	s.ID = "s00"
	s.Placements[0].Value = 101
	setRaw(t, newer, "sessions", "s00", `{"v":2,"session":`+jsonOf(s)+`}`)
	got, err := store.NewestGoodBackup(path)
	if err != nil || got != older {
		t.Errorf("NewestGoodBackup = %q, %v; want the older %q", got, err, older)
	}
}

func deleteBucket(t *testing.T, path, bucket string) {
	t.Helper()
	db, err := bolt.Open(path, 0o600, &bolt.Options{Timeout: time.Second})
	must(t, err)
	defer db.Close()
	must(t, db.Update(func(tx *bolt.Tx) error { return tx.DeleteBucket([]byte(bucket)) }))
}

// TestImportRefusesWhatTheCheckWouldRefuse: a session that fails
// canvas's Validate never gets in, so an import can never make the whole
// file read as damaged.
func TestImportRefusesWhatTheCheckWouldRefuse(t *testing.T) {
	path := dbPath(t)
	st := openStore(t, path, store.Options{})
	defer st.Close()
	bad := fullSession(t)
	bad.Round.Current = "nadie"
	ok := newSession(t, "bien", "p")
	if _, err := st.Import([]*canvas.Session{ok, bad}); !errors.Is(err, canvas.ErrInvalidSession) {
		t.Fatalf("Import = %v; want ErrInvalidSession", err)
	}
	sums, err := st.ListSummaries()
	must(t, err)
	if len(sums) != 0 {
		t.Errorf("a refused import stored %d sessions", len(sums))
	}
	must(t, st.Check())
}
