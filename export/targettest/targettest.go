// Package targettest makes the special files that tests point exports,
// imports and restores at: a character device that is safe to write over
// as root, and named pipes. The export, CLI and app tests share it, so a
// test can never reach the machine's own /dev/null.
package targettest

import "testing"

// Device returns a character device node to write onto, or "" where none
// can be had safely. As root it is a copy of /dev/null's node in a
// temporary folder: root may rename over /dev/null itself, and a
// regression must not replace the machine's /dev/null with a regular file.
// Anyone else gets /dev/null, whose folder they cannot write.
func Device(tb testing.TB) string {
	tb.Helper()
	return device(tb)
}

// FIFO makes a named pipe at path, or says why it cannot.
func FIFO(path string) error { return mkfifo(path) }
