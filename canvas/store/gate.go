package store

import "sync"

// writeGate holds a store's writes (Store.HoldWrites).
type writeGate struct {
	done    chan struct{} // closed by ReleaseWrites
	waiting chan struct{} // closed when the first write waits
	once    sync.Once
}

// HoldWrites makes every write wait until ReleaseWrites: the app shows its
// window before it has checked the file, and must not write to a file that
// then fails the check. The channel returned is closed when the first
// write starts waiting, so the caller can run the check at once rather
// than after its usual delay.
func (s *Store) HoldWrites() <-chan struct{} {
	g := &writeGate{done: make(chan struct{}), waiting: make(chan struct{})}
	s.gate.Store(g)
	return g.waiting
}

// ReleaseWrites lets held writes go on: to the file, or, when the check
// has marked it damaged, to ErrDamaged.
func (s *Store) ReleaseWrites() {
	if g := s.gate.Swap(nil); g != nil {
		close(g.done)
	}
}
