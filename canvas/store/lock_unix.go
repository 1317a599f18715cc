//go:build unix

package store

import (
	"os"
	"syscall"
)

// inUse reports whether another open file description holds a lock on
// path, as bbolt does on a file it has open (a backup being checked).
func inUse(path string) bool {
	f, err := os.Open(path)
	if err != nil {
		return true
	}
	defer f.Close()
	if err := syscall.Flock(int(f.Fd()), syscall.LOCK_EX|syscall.LOCK_NB); err != nil {
		return true
	}
	_ = syscall.Flock(int(f.Fd()), syscall.LOCK_UN)
	return false
}
