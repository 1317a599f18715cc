// Package store keeps Fulcrum's sessions in one local bbolt file.
//
// Every session is stored as a versioned JSON record, next to a small
// summary record, so the home screen and `fulcrum list` read summaries only
// and never decode whole sessions. The catalogue of custom dimensions and
// templates lives in the same file (catalogue.go). Every method is one
// transaction.
// records.go describes the record layout. A damaged file is refused before
// bbolt maps it (precheck.go), found by Check (check.go, pages.go) and then
// never written to; leftovers.go removes what a crash left half-written.
// A Keeper (keeper.go) runs an open file's life for the window and for
// `fulcrum serve` alike: the start-up check before anything is written,
// then backups while the file changes; Recover replaces a damaged file.
package store

import (
	"errors"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"sync/atomic"
	"time"

	"github.com/fulcrum-workshop/fulcrum/canvas"
	bolt "go.etcd.io/bbolt"
	bolterrors "go.etcd.io/bbolt/errors"
)

// SchemaVersion is the version of the file layout and of every record this
// build writes. A file with a higher version is refused, untouched.
// Schemas 3 and 4 changed only the summary (records.go): its time, then
// figures without the English label. An older build would call the newer
// summary damaged, so the file says it is newer instead. Schema 5 adds the
// tensions a team accepted to the session record: an older build would
// read such a record without them and drop them at its next save, so it
// must refuse the file instead. Schema 6 adds the catalogue of custom
// dimensions and templates (catalogue.go), which an older build would not
// carry, and sessions whose snapshot holds custom dimensions, which it
// would export as files it refuses itself. Records of schemas 1 to 5 read
// as before.
const SchemaVersion = 6

var (
	// ErrLocked means another Fulcrum holds the file.
	ErrLocked = errors.New("this session file is open in another Fulcrum window")
	// ErrNotFound means no session has the given id.
	ErrNotFound = errors.New("session not found")
	// ErrDamaged means the file failed to open or failed its integrity check.
	ErrDamaged = errors.New("session file is damaged")
	// ErrTooNew means the file was written by a newer Fulcrum.
	ErrTooNew = errors.New("session file was written by a newer version of Fulcrum")
	// ErrNotSessionFile means the path is a directory, a device, a FIFO or
	// a socket: nothing Fulcrum opens or replaces.
	ErrNotSessionFile = errors.New("not a session file")
)

var (
	bucketMeta      = []byte("meta")
	bucketSessions  = []byte("sessions")
	bucketSummaries = []byte("summaries")
	keySchema       = []byte("schema")
)

// Options tune Open. The zero value is what the app uses.
type Options struct {
	// LockTimeout bounds the wait for another process's lock; zero means 1s.
	LockTimeout time.Duration
	// ReadOnly opens the file without creating or changing it.
	ReadOnly bool
	// MaxSize caps the file size in bytes (0: no cap); writes beyond it fail.
	MaxSize int
	// Verify checks a backup after it is written; nil means VerifyFile, in
	// this process. The app checks in a child process instead, so walking
	// every page of a large file never counts against its own memory.
	Verify func(path string) error
}

// Store is an open session file.
type Store struct {
	db   *bolt.DB
	path string

	// damaged, once set, refuses every write: a file found damaged is never
	// written again, so what it still holds cannot get worse.
	damaged atomic.Pointer[error]
	dims    dimsetCache
	verify  func(path string) error
	// leftovers is how many unfinished temporary files Open removed.
	leftovers int
	// gate, while set, holds writes until the file has passed its check.
	gate atomic.Pointer[writeGate]
}

// LeftoversRemoved is how many unfinished temporary files of an earlier
// crash (backups, restores, exports) Open removed beside the file.
func (s *Store) LeftoversRemoved() int { return s.leftovers }

// MarkDamaged stops all writes to the file, for the rest of this Store.
func (s *Store) MarkDamaged(err error) { s.damaged.Store(&err) }

// update runs a write transaction. A bbolt panic or a fault on a damaged
// page becomes ErrDamaged, and the file is written no more.
func (s *Store) update(fn func(tx *bolt.Tx) error) (err error) {
	if g := s.gate.Load(); g != nil {
		g.once.Do(func() { close(g.waiting) })
		<-g.done
	}
	if e := s.damaged.Load(); e != nil {
		return fmt.Errorf("%w, so Fulcrum does not write to it: %v", ErrDamaged, *e)
	}
	defer catchFaults()()
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %s", ErrDamaged, panicText(r))
			s.MarkDamaged(err)
		}
	}()
	return s.db.Update(fn)
}

// Open opens or creates the session file at path.
func Open(path string, opts Options) (st *Store, err error) {
	if opts.LockTimeout == 0 {
		opts.LockTimeout = time.Second
	}
	if !opts.ReadOnly {
		if err := os.MkdirAll(filepath.Dir(path), 0o700); err != nil {
			return nil, fmt.Errorf("open store %s: %w", path, err)
		}
	} else if fi, err := os.Stat(path); err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	} else if fi.Size() == 0 {
		// bbolt would try to initialise it through a read-only handle.
		return nil, fmt.Errorf("open store %s: %w: the file is empty", path, ErrDamaged)
	}
	// bbolt panics on some damaged pages instead of returning an error; a
	// panic inside bolt.Open also leaves its file handle, and so its lock,
	// behind. The pages it reads on open are checked first, and a panic
	// that still happens releases the handle it left.
	if err := precheck(path); err != nil {
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	defer catchFaults()()
	defer func() {
		if r := recover(); r != nil {
			releaseLeakedHandles(path)
			st, err = nil, fmt.Errorf("open store %s: %w: %s", path, ErrDamaged, panicText(r))
		}
	}()
	db, err := bolt.Open(path, 0o600, &bolt.Options{
		Timeout:  opts.LockTimeout,
		ReadOnly: opts.ReadOnly,
		MaxSize:  opts.MaxSize,
	})
	switch {
	case errors.Is(err, bolterrors.ErrTimeout):
		return nil, fmt.Errorf("open store %s: %w", path, ErrLocked)
	case errors.Is(err, bolterrors.ErrInvalid), errors.Is(err, bolterrors.ErrChecksum), errors.Is(err, bolterrors.ErrVersionMismatch):
		return nil, fmt.Errorf("open store %s: %w: %v", path, ErrDamaged, err)
	case err != nil:
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	st = &Store{db: db, path: path, verify: opts.Verify}
	if st.verify == nil {
		st.verify = VerifyFile
	}
	if err := st.initialize(opts.ReadOnly); err != nil {
		db.Close()
		return nil, fmt.Errorf("open store %s: %w", path, err)
	}
	if !opts.ReadOnly {
		// Holding the file's lock, this is the one Fulcrum using it: what
		// an earlier one left half-written beside it can go.
		st.leftovers = removeLeftovers(path, time.Now())
	}
	return st, nil
}

// Path is the file the store was opened on.
func (s *Store) Path() string { return s.path }

// Close releases the file and its lock.
func (s *Store) Close() error {
	if err := s.db.Close(); err != nil {
		return fmt.Errorf("close store %s: %w", s.path, err)
	}
	return nil
}

// Save writes a session and its summary in one durable transaction.
func (s *Store) Save(sess *canvas.Session) error {
	if sess == nil {
		return fmt.Errorf("save to %s: no session", s.path)
	}
	buf, _ := recordBufs.Get().(*[]byte)
	if buf == nil {
		buf = new([]byte)
	}
	err := s.update(func(tx *bolt.Tx) error { return s.put(tx, sess, buf) })
	// bbolt copies values into its pages at commit, so the buffer is free
	// again once update returns.
	recordBufs.Put(buf)
	if err != nil {
		return fmt.Errorf("save session %s to %s: %w", sess.ID, s.path, err)
	}
	return nil
}

// put writes one session in tx. buf, if not nil, is a buffer the record
// is encoded into; it must stay untouched until tx ends.
func (s *Store) put(tx *bolt.Tx, sess *canvas.Session, buf *[]byte) error {
	if sess.ID == "" {
		return errors.New("session has no id")
	}
	var dst []byte
	if buf != nil {
		dst = (*buf)[:0]
	}
	rec, err := s.encodeRecord(tx, sess, dst)
	if buf != nil {
		*buf = rec
	}
	if err != nil {
		return err
	}
	if err := tx.Bucket(bucketSessions).Put([]byte(sess.ID), rec); err != nil {
		return err
	}
	if err := tx.Bucket(bucketSummaries).Put([]byte(sess.ID), encodeSummary(Summarize(sess))); err != nil {
		return err
	}
	// A file of an earlier schema becomes this one with its first record
	// of this schema, so an older Fulcrum refuses it rather than misread
	// it.
	return markSchema(tx)
}

// Load reads one session by id.
func (s *Store) Load(id string) (*canvas.Session, error) {
	var sess *canvas.Session
	err := s.view(func(tx *bolt.Tx) error {
		data := tx.Bucket(bucketSessions).Get([]byte(id))
		if data == nil {
			if e := s.damaged.Load(); e != nil {
				return fmt.Errorf("%w: %v", ErrDamaged, *e)
			}
			return ErrNotFound
		}
		// Decoding copies what it keeps, so nothing outlives the tx.
		var err error
		if sess, err = s.decodeRecord(tx, data); err != nil {
			return err
		}
		// A record that decodes but names a participant who is not there
		// would break the editor and the exports later, less clearly.
		if err := sess.Validate(); err != nil {
			return fmt.Errorf("%w: %v", ErrDamaged, err)
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("load session %s from %s: %w", id, s.path, err)
	}
	return sess, nil
}

// Delete removes a session and its summary.
func (s *Store) Delete(id string) error {
	err := s.update(func(tx *bolt.Tx) error {
		if tx.Bucket(bucketSessions).Get([]byte(id)) == nil {
			return ErrNotFound
		}
		if err := tx.Bucket(bucketSessions).Delete([]byte(id)); err != nil {
			return err
		}
		return tx.Bucket(bucketSummaries).Delete([]byte(id))
	})
	if err != nil {
		return fmt.Errorf("delete session %s from %s: %w", id, s.path, err)
	}
	return nil
}

// Import stores sessions all at once: either every one is saved or none is.
// A session whose id is already taken gets a new id; the ids used are
// returned in order. The custom dimensions the sessions bring go into the
// catalogue as ImportSessions says.
func (s *Store) Import(sessions []*canvas.Session) ([]string, error) {
	done, err := s.ImportSessions(sessions)
	if err != nil {
		return nil, err
	}
	ids := make([]string, len(done))
	for i, d := range done {
		ids[i] = d.ID
	}
	return ids, nil
}

// SessionImported is what importing one session did.
type SessionImported struct {
	ID string
	// Conflicts are the session's custom dimensions whose key the
	// catalogue has with other content: the catalogue keeps its own, the
	// session keeps the one it came with.
	Conflicts []canvas.Conflict
}

// ImportSessions stores sessions all at once, as Import does, and adds to
// the catalogue the custom dimensions they use that it lacks, so a
// facilitator can start new sessions with them. A key the catalogue
// already has with other content is never overwritten; it is reported.
func (s *Store) ImportSessions(sessions []*canvas.Session) ([]SessionImported, error) {
	for i, sess := range sessions {
		if sess == nil {
			return nil, fmt.Errorf("import into %s: session %d is nil", s.path, i+1)
		}
	}
	out := make([]SessionImported, len(sessions))
	err := s.update(func(tx *bolt.Tx) error {
		b := tx.Bucket(bucketSessions)
		lib, err := readLibrary(tx)
		if err != nil {
			return err
		}
		taken := map[string]bool{}
		for i, sess := range sessions {
			id := sess.ID
			for id == "" || taken[id] || b.Get([]byte(id)) != nil {
				id = canvas.NewID()
			}
			taken[id] = true
			// Store a copy with the new id: the caller's sessions change
			// only once the whole import has landed.
			c := *sess
			c.ID = id
			// A session the check would refuse must never get in: the
			// whole file would then read as damaged.
			if err := c.Validate(); err != nil {
				return fmt.Errorf("session %d (%s): %w", i+1, sess.Title, err)
			}
			if err := s.put(tx, &c, nil); err != nil {
				return fmt.Errorf("session %d (%s): %w", i+1, sess.Title, err)
			}
			conflicts, err := addDimensions(tx, &lib, c.CustomDimensions(), false)
			if err != nil {
				return fmt.Errorf("session %d (%s): %w", i+1, sess.Title, err)
			}
			out[i] = SessionImported{ID: id, Conflicts: conflicts}
		}
		return nil
	})
	if err != nil {
		return nil, fmt.Errorf("import into %s: %w", s.path, err)
	}
	for i, sess := range sessions {
		sess.ID = out[i].ID
	}
	return out, nil
}

// view runs a read transaction, turning a bbolt panic on a damaged page
// into ErrDamaged.
func (s *Store) view(fn func(tx *bolt.Tx) error) (err error) {
	defer catchFaults()()
	defer func() {
		if r := recover(); r != nil {
			err = fmt.Errorf("%w: %s", ErrDamaged, panicText(r))
		}
	}()
	return s.db.View(fn)
}

// panicText words a bbolt panic as the finding it is, so a damaged file
// never reads like a crash.
func panicText(r any) string {
	return strings.TrimPrefix(fmt.Sprint(r), "panic: ")
}
