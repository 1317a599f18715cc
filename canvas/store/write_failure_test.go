package store_test

// A damaged file is never written; a full disk or a read-only file keeps
// the edit in memory.

import (
	"bytes"
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"
	"time"

	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/canvas/store"
	bolterrors "go.etcd.io/bbolt/errors"
)

// --- damaged files ------------------------------------------------------------

func TestDamagedFileIsNeverWritten(t *testing.T) {
	path, ids := sessionsDB(t, 12)
	orig := readBytes(t, path)
	ps := boltPageSize(t, orig)

	t.Run("both meta pages", func(t *testing.T) {
		for _, how := range []string{"garbage", "one byte"} {
			data := slices.Clone(orig)
			for _, m := range []int{0, ps} {
				if how == "garbage" {
					copy(data[m+16:m+ps], garbage(ps-16, uint32(m+1)))
				} else {
					data[m+metaTxidOff] ^= 0x40 // the checksum no longer matches
				}
			}
			p := filepath.Join(t.TempDir(), "meta.db")
			writeBytes(t, p, data)
			for _, opts := range []store.Options{{LockTimeout: 200 * time.Millisecond}, {ReadOnly: true, LockTimeout: 200 * time.Millisecond}} {
				noPanic(t, "Open", func() {
					st, err := store.Open(p, opts)
					if err == nil {
						st.Close()
						t.Errorf("%s: Open(%+v) of a file with both meta pages broken succeeded", how, opts)
						return
					}
					if !errors.Is(err, store.ErrDamaged) {
						t.Errorf("%s: Open(%+v) = %v, want ErrDamaged", how, opts, err)
					}
				})
				if !bytes.Equal(readBytes(t, p), data) {
					t.Errorf("%s: failed Open(%+v) changed the file", how, opts)
				}
			}
		}
	})

	t.Run("data page", func(t *testing.T) {
		found := damagedCopies(t, path, 6, func(p string, page int) bool {
			var st *store.Store
			var err error
			noPanic(t, fmt.Sprintf("Open (page %d)", page), func() {
				st, err = store.Open(p, store.Options{LockTimeout: 200 * time.Millisecond})
			})
			if st == nil {
				if err != nil && !errors.Is(err, store.ErrDamaged) {
					t.Errorf("page %d: Open = %v, want ErrDamaged", page, err)
				}
				return false
			}
			defer st.Close()
			var cerr error
			noPanic(t, fmt.Sprintf("Check (page %d)", page), func() { cerr = st.Check() })
			if cerr == nil {
				return false // a free page: nothing reads it
			}
			if !errors.Is(cerr, store.ErrDamaged) {
				t.Errorf("page %d: Check = %v, want ErrDamaged", page, cerr)
			}
			before := readBytes(t, p)
			s := newSession(t, "no debe escribirse", "p")
			if err := st.Save(s); !errors.Is(err, store.ErrDamaged) {
				t.Errorf("page %d: Save after a failed check = %v, want ErrDamaged", page, err)
			}
			if _, err := st.Import([]*canvas.Session{newSession(t, "tampoco", "p")}); !errors.Is(err, store.ErrDamaged) {
				t.Errorf("page %d: Import after a failed check = %v, want ErrDamaged", page, err)
			}
			if err := st.Delete(ids[0]); !errors.Is(err, store.ErrDamaged) {
				t.Errorf("page %d: Delete after a failed check = %v, want ErrDamaged", page, err)
			}
			a := store.NewAutosaver(st, time.Hour, nil)
			a.Changed(s)
			if err := a.Flush(); !errors.Is(err, store.ErrDamaged) || !a.Pending() {
				t.Errorf("page %d: autosave after a failed check = %v, pending %v; want ErrDamaged, true", page, err, a.Pending())
			}
			a.Discard()
			for _, id := range ids {
				noPanic(t, fmt.Sprintf("Load(%s) (page %d)", id, page), func() {
					got, err := st.Load(id)
					// A damaged branch page can hide a key, so "not found"
					// is possible too; a panic or another error is not.
					if err != nil && !errors.Is(err, store.ErrDamaged) && !errors.Is(err, store.ErrNotFound) {
						t.Errorf("page %d: Load(%s) = %v, want nil, ErrDamaged or ErrNotFound", page, id, err)
					}
					if err == nil && got.ID != id {
						t.Errorf("page %d: Load(%s) returned session %s", page, id, got.ID)
					}
				})
			}
			noPanic(t, "ListSummaries", func() { _, _ = st.ListSummaries() })
			if !bytes.Equal(readBytes(t, p), before) {
				t.Errorf("page %d: the damaged file changed after the check found it damaged", page)
			}
			must(t, st.Close())
			if !bytes.Equal(readBytes(t, p), before) {
				t.Errorf("page %d: Close changed the damaged file", page)
			}
			return true
		})
		if found == 0 {
			t.Fatal("no damaged page made Check fail")
		}
	})

	// Open commits a transaction before anyone can check the file, so
	// opening a damaged file for writing already writes to it: it replaces
	// the older meta page, the one a rescue could roll back to.
	t.Run("open writes nothing to a damaged file", func(t *testing.T) {
		found := damagedCopies(t, path, 1, func(p string, page int) bool {
			// Only pages that Check finds, read-only so this probe writes
			// nothing.
			ro, err := store.Open(p, store.Options{ReadOnly: true})
			if err != nil {
				return false
			}
			cerr := ro.Check()
			ro.Close()
			if cerr == nil {
				return false
			}
			before := readBytes(t, p)
			st, err := store.Open(p, store.Options{LockTimeout: 200 * time.Millisecond})
			if err == nil {
				st.Close()
			}
			if !bytes.Equal(readBytes(t, p), before) {
				t.Errorf("page %d: a writable Open of a damaged file changed it (Open: %v)", page, err)
			}
			return true
		})
		if found == 0 {
			t.Fatal("no damaged page made Check fail")
		}
	})

	// A freelist page bbolt cannot read makes it panic inside Open; the
	// file must still be reported as damaged, not as locked, on a second
	// try in the same process.
	t.Run("freelist page", func(t *testing.T) {
		data := slices.Clone(orig)
		free := freelistPage(t, data)
		copy(data[free*ps:(free+1)*ps], garbage(ps, 99))
		p := filepath.Join(t.TempDir(), "freelist.db")
		writeBytes(t, p, data)
		for try := 1; try <= 2; try++ {
			noPanic(t, "Open", func() {
				st, err := store.Open(p, store.Options{LockTimeout: 200 * time.Millisecond})
				if err == nil {
					st.Close()
					t.Errorf("try %d: Open of a file with a garbage freelist succeeded", try)
					return
				}
				if !errors.Is(err, store.ErrDamaged) {
					t.Errorf("try %d: Open = %v, want ErrDamaged", try, err)
				}
			})
		}
		if !bytes.Equal(readBytes(t, p), data) {
			t.Error("a failed Open changed the file")
		}
	})
}

// --- full disk and read-only files ----------------------------------------

func TestFullDiskKeepsEditInMemory(t *testing.T) {
	path := dbPath(t)
	st, err := store.Open(path, store.Options{})
	must(t, err)
	s := fullSession(t)
	must(t, st.Save(s))
	must(t, st.Close())
	fi, err := os.Stat(path)
	must(t, err)
	limit := int(fi.Size()) + 2*os.Getpagesize() // just above the file
	saved := deepCopy(t, s)

	st, err = store.Open(path, store.Options{MaxSize: limit})
	must(t, err)
	a, clk, log := newFakeAutosaver(t, st, time.Hour)
	edit := bigSession(t, s) // same id, ~1 MiB more
	edit.Title = "editada con el disco lleno"
	a.Changed(edit)
	err = a.Flush()
	if err == nil {
		t.Fatalf("Flush of a session far over MaxSize %d succeeded", limit)
	}
	if !errors.Is(err, bolterrors.ErrMaxSizeReached) {
		t.Errorf("Flush error = %v, want ErrMaxSizeReached", err)
	}
	if !a.Pending() {
		t.Error("Pending() = false after the failed save: the edit was dropped")
	}
	if calls := log.calls(); len(calls) != 1 || calls[0] == nil {
		t.Errorf("onSaved calls = %v, want one error", calls)
	}
	if clk.scheduled() != 2 {
		t.Errorf("%d timers scheduled, want 2 (the change and a retry)", clk.scheduled())
	}
	got, err := st.Load(s.ID)
	must(t, err)
	if d := sessionDiff(got, saved); d != "" {
		t.Errorf("the failed save changed the stored session:%s", d)
	}
	if fi, err := os.Stat(path); err != nil || fi.Size() > int64(limit) {
		t.Errorf("file size %d exceeds MaxSize %d (%v)", fi.Size(), limit, err)
	}
	// A retry after the store is closed fails too and keeps the edit.
	must(t, st.Close())
	clk.fire(t, 1)
	if !a.Pending() {
		t.Error("Pending() = false after a retry on a closed store")
	}
	a.Discard()

	// Room again: the edit, still in memory, saves.
	want := deepCopy(t, edit)
	st2 := openStore(t, path, store.Options{})
	a2, _, log2 := newFakeAutosaver(t, st2, time.Hour)
	a2.Changed(edit)
	must(t, a2.Flush())
	if a2.Pending() {
		t.Error("Pending() after a successful save")
	}
	if calls := log2.calls(); len(calls) != 1 || calls[0] != nil {
		t.Errorf("onSaved calls = %v, want one nil", calls)
	}
	got, err = st2.Load(s.ID)
	must(t, err)
	if d := sessionDiff(got, want); d != "" {
		t.Errorf("the edit made while the disk was full was not saved:%s", d)
	}
	must(t, st2.Check())

	t.Run("read-only store", func(t *testing.T) {
		before := readBytes(t, path)
		must(t, st2.Close())
		ro := openStore(t, path, store.Options{ReadOnly: true})
		e := want.Clone()
		e.Title = "no cabe en un archivo de sólo lectura"
		noPanic(t, "Save on a read-only store", func() {
			if err := ro.Save(e); !errors.Is(err, bolterrors.ErrDatabaseReadOnly) {
				t.Errorf("Save on a read-only store = %v, want ErrDatabaseReadOnly", err)
			}
		})
		a, _, _ := newFakeAutosaver(t, ro, time.Hour)
		a.Changed(e)
		noPanic(t, "Flush on a read-only store", func() {
			if err := a.Flush(); err == nil {
				t.Error("autosave on a read-only store succeeded")
			}
		})
		if !a.Pending() {
			t.Error("Pending() = false after a failed save on a read-only store")
		}
		a.Discard()
		got, err := ro.Load(s.ID)
		must(t, err)
		if got.Title != want.Title {
			t.Errorf("title %q after failed saves, want %q", got.Title, want.Title)
		}
		must(t, ro.Close())
		if !bytes.Equal(readBytes(t, path), before) {
			t.Error("a read-only store changed the file")
		}
	})

	t.Run("read-only folder", func(t *testing.T) {
		if os.Geteuid() == 0 {
			t.Skip("root ignores file permissions")
		}
		dir := t.TempDir()
		p := filepath.Join(dir, "ro.db")
		st, err := store.Open(p, store.Options{})
		must(t, err)
		must(t, st.Save(newSession(t, "guardada", "p")))
		must(t, st.Close())
		before := readBytes(t, p)
		must(t, os.Chmod(p, 0o400))
		must(t, os.Chmod(dir, 0o500))
		t.Cleanup(func() { os.Chmod(dir, 0o700); os.Chmod(p, 0o600) })
		noPanic(t, "Open", func() {
			st, err := store.Open(p, store.Options{})
			if err == nil {
				st.Close()
				t.Error("writable Open of a read-only file succeeded")
			} else if !errors.Is(err, fs.ErrPermission) {
				t.Errorf("Open = %v, want a permission error", err)
			}
			fresh := filepath.Join(dir, "new.db")
			if st, err := store.Open(fresh, store.Options{}); err == nil {
				st.Close()
				t.Error("Open of a new file in a read-only folder succeeded")
			}
			assertMissing(t, fresh)
		})
		if !bytes.Equal(readBytes(t, p), before) {
			t.Error("a failed Open changed the file")
		}
	})
}
