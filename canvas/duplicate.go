package canvas

import "time"

// Duplicate returns a copy of s under a new id, created and updated at now,
// to start a new workshop from an earlier one. The caller gives it its
// title: the word for "copy" belongs to the reader's language.
func (s *Session) Duplicate(now time.Time) *Session {
	c := s.Clone()
	c.ID = NewID()
	now = now.UTC().Truncate(time.Second)
	c.Created, c.Updated = now, now
	return c
}
