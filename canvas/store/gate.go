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
//
// A hold already in force is kept, and its channel returned: the window
// holds writes before it is built, and the Keeper it starts afterwards
// asks again. A new hold in its place would leave the writes waiting on
// the first one waiting for ever.
func (s *Store) HoldWrites() <-chan struct{} {
	g := &writeGate{done: make(chan struct{}), waiting: make(chan struct{})}
	for {
		if cur := s.gate.Load(); cur != nil {
			return cur.waiting
		}
		if s.gate.CompareAndSwap(nil, g) {
			return g.waiting
		}
	}
}

// ReleaseWrites lets held writes go on: to the file, or, when the check
// has marked it damaged, to ErrDamaged.
func (s *Store) ReleaseWrites() {
	if g := s.gate.Swap(nil); g != nil {
		close(g.done)
	}
}
