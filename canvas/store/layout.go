package store

import (
	"errors"
	"fmt"
	"strconv"
	"strings"

	bolt "go.etcd.io/bbolt"
)

// initialize creates every bucket of a new file in one transaction and
// checks the schema version of an existing one before anything else
// touches it. Only a file without any bucket is new: one that has some of
// Fulcrum's buckets but not all, or no schema version, lost them to damage,
// and creating them again would hide that.
func (s *Store) initialize(readOnly bool) error {
	fresh := false
	err := s.view(func(tx *bolt.Tx) error {
		if err := checkLayout(tx); !errors.Is(err, errNoBuckets) {
			return err
		}
		fresh = true
		return nil
	})
	// Every bbolt write transaction commits a new meta page, even an empty
	// one: a file that is already set up is not written at all on open.
	if err != nil || !fresh {
		return err
	}
	if readOnly {
		return fmt.Errorf("%w: it holds no sessions and no Fulcrum data", ErrDamaged)
	}
	return s.update(func(tx *bolt.Tx) error {
		if err := checkLayout(tx); !errors.Is(err, errNoBuckets) {
			return err
		}
		for _, name := range [][]byte{bucketMeta, bucketSessions, bucketSummaries} {
			if _, err := tx.CreateBucket(name); err != nil {
				return fmt.Errorf("create bucket %s: %w", name, err)
			}
		}
		return tx.Bucket(bucketMeta).Put(keySchema, fmt.Appendf(nil, "%d", SchemaVersion))
	})
}

// errNoBuckets marks a file without any bucket: a new file.
var errNoBuckets = errors.New("no buckets")

// checkLayout checks that every bucket Fulcrum needs is there and that the
// schema version is one this build knows.
func checkLayout(tx *bolt.Tx) error {
	var missing []string
	for _, name := range [][]byte{bucketMeta, bucketSessions, bucketSummaries} {
		if tx.Bucket(name) == nil {
			missing = append(missing, string(name))
		}
	}
	if len(missing) == 3 {
		any := false
		_ = tx.ForEach(func([]byte, *bolt.Bucket) error { any = true; return nil })
		if !any {
			return errNoBuckets
		}
	}
	if len(missing) > 0 {
		return fmt.Errorf("%w: bucket %s is missing", ErrDamaged, strings.Join(missing, ", "))
	}
	v := tx.Bucket(bucketMeta).Get(keySchema)
	if v == nil {
		return fmt.Errorf("%w: the schema version is missing", ErrDamaged)
	}
	n, err := strconv.Atoi(string(v))
	switch {
	case err != nil || n < 1:
		return fmt.Errorf("%w: schema version %q is not a version Fulcrum ever wrote", ErrDamaged, v)
	case n > SchemaVersion:
		return fmt.Errorf("%w (file schema %d, this build reads up to %d)", ErrTooNew, n, SchemaVersion)
	}
	return nil
}
