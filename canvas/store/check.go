package store

import (
	"errors"
	"fmt"
	"math"
	"os"

	bolt "go.etcd.io/bbolt"
)

// Check verifies what Fulcrum needs of the file, not only bbolt's
// structure (check.go). Damage found marks the store, so it is never
// written again.
func (s *Store) Check() error {
	err := s.view(s.check)
	if err != nil {
		if errors.Is(err, ErrDamaged) {
			s.MarkDamaged(err)
		}
		return fmt.Errorf("check %s: %w", s.path, err)
	}
	return nil
}

// check is Store.Check's transaction. In order:
//   - the page tree is walked from the file (pages.go), so bbolt's own
//     check, which reads the map in a goroutine of its own, cannot fault;
//   - bbolt's tx.Check: pages, freelist, key order;
//   - every bucket is there and the schema version is one Fulcrum wrote;
//   - the catalogue's records decode and hold what it accepts;
//   - every record decodes and is a valid session stored under its id;
//   - every summary decodes and matches its session, and every session has
//     one: the home screen and `fulcrum list` show summaries only.
func (s *Store) check(tx *bolt.Tx) error {
	if err := walkTxPages(tx); err != nil {
		return err
	}
	// Drain the whole channel: the checker goroutine blocks until read.
	var first error
	for err := range tx.Check() {
		if first == nil {
			first = err
		}
	}
	if first != nil {
		return fmt.Errorf("%w: %v", ErrDamaged, first)
	}
	if err := checkLayout(tx); err != nil {
		if errors.Is(err, errNoBuckets) {
			return fmt.Errorf("%w: it holds no Fulcrum data", ErrDamaged)
		}
		return err
	}
	if err := checkLibrary(tx); err != nil {
		return err
	}
	summaries := tx.Bucket(bucketSummaries)
	err := tx.Bucket(bucketSessions).ForEach(func(k, v []byte) error {
		sess, err := s.decodeRecord(tx, v)
		if err != nil {
			return fmt.Errorf("%w: session %q cannot be read: %v", ErrDamaged, k, err)
		}
		if sess.ID != string(k) {
			return fmt.Errorf("%w: session stored as %q says its id is %q", ErrDamaged, k, sess.ID)
		}
		if err := sess.Validate(); err != nil {
			return fmt.Errorf("%w: session %q: %v", ErrDamaged, k, err)
		}
		raw := summaries.Get(k)
		if raw == nil {
			return fmt.Errorf("%w: session %q has no summary", ErrDamaged, k)
		}
		sum, err := decodeSummary(raw)
		if err != nil {
			return fmt.Errorf("%w: summary of session %q: %v", ErrDamaged, k, err)
		}
		if field := summaryMismatch(sum, Summarize(sess)); field != "" {
			return fmt.Errorf("%w: the summary of session %q does not match the session (%s)", ErrDamaged, k, field)
		}
		return nil
	})
	if err != nil {
		return err
	}
	sessions := tx.Bucket(bucketSessions)
	return summaries.ForEach(func(k, _ []byte) error {
		if sessions.Get(k) == nil {
			return fmt.Errorf("%w: summary %q has no session", ErrDamaged, k)
		}
		return nil
	})
}

// summaryMismatch names the first field in which a stored summary differs
// from the one its session gives, or "". The index is compared with a tolerance, so that a
// different rounding of the same figures is not damage.
func summaryMismatch(got, want Summary) string {
	switch {
	case got.ID != want.ID:
		return "id"
	case got.Title != want.Title:
		return "title"
	case got.Product != want.Product:
		return "product"
	case !got.Updated.Equal(want.Updated):
		return "updated"
	case got.IndexValid != want.IndexValid:
		return "index"
	case want.IndexValid && !(math.Abs(got.Index-want.Index) <= 1e-9*math.Max(1, math.Abs(want.Index))):
		return "index"
	}
	return ""
}

// walkTxPages walks the page tree of the transaction's meta page, read
// from the file. When neither meta page on disk is the transaction's (two
// writes committed since it began), the tree it sees may since have been
// reused, and there is nothing to walk.
func walkTxPages(tx *bolt.Tx) error {
	f, err := os.Open(tx.DB().Path())
	if err != nil {
		return fmt.Errorf("check: %w", err)
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil {
		return fmt.Errorf("check: %w", err)
	}
	_, ps, ok := currentMeta(f, fi.Size())
	if !ok {
		return fmt.Errorf("%w: no valid meta page", ErrDamaged)
	}
	for _, off := range []int64{0, ps} {
		m, valid := readMeta(f, off)
		if !valid || m.txid != uint64(tx.ID()) {
			continue
		}
		if err := checkMeta(f, fi.Size(), m, ps); err != nil {
			return err
		}
		return walkPages(f, m, ps)
	}
	return nil
}
