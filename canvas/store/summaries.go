package store

import (
	"fmt"
	"slices"
	"time"

	"github.com/fulcrum-workshop/fulcrum/canvas"
	bolt "go.etcd.io/bbolt"
)

// Summary is what a list of sessions shows; it is stored beside each
// session so listing never decodes sessions. It holds figures, not words
// (the JSON tags read schema 1 summaries, whose English label is passed
// over).
type Summary struct {
	ID         string    `json:"id"`
	Title      string    `json:"title"`
	Product    string    `json:"product"`
	Updated    time.Time `json:"updated"`
	Index      float64   `json:"index"`
	IndexValid bool      `json:"index_valid"`
}

// Band is where the session's index sits, or "" before it has one. It is
// derived rather than stored, so it can never disagree with the index.
func (s Summary) Band() canvas.Band {
	return canvas.Index{Value: s.Index, Valid: s.IndexValid}.Band()
}

// Summarize computes the list entry of a session.
func Summarize(sess *canvas.Session) Summary {
	idx := sess.Index()
	return Summary{
		ID:         sess.ID,
		Title:      sess.Title,
		Product:    sess.Product,
		Updated:    sess.Updated,
		Index:      idx.Value,
		IndexValid: idx.Valid,
	}
}

// ListSummaries returns every session's summary, most recently changed
// first.
func (s *Store) ListSummaries() ([]Summary, error) {
	var out []Summary
	err := s.view(func(tx *bolt.Tx) error {
		return tx.Bucket(bucketSummaries).ForEach(func(k, v []byte) error {
			sum, err := decodeSummary(v)
			if err != nil {
				return fmt.Errorf("%w: summary %s: %v", ErrDamaged, k, err)
			}
			out = append(out, sum)
			return nil
		})
	})
	if err != nil {
		return nil, fmt.Errorf("list sessions in %s: %w", s.path, err)
	}
	slices.SortStableFunc(out, func(a, b Summary) int {
		if c := b.Updated.Compare(a.Updated); c != 0 {
			return c
		}
		return compareStrings(a.ID, b.ID)
	})
	return out, nil
}

func compareStrings(a, b string) int {
	switch {
	case a < b:
		return -1
	case a > b:
		return 1
	}
	return 0
}
