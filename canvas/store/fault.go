package store

import "runtime/debug"

// catchFaults makes a fault while this goroutine reads the memory map (a
// SIGBUS on a page the file no longer has, a SIGSEGV on a pointer past the
// map) a panic that recover sees, instead of the end of the process. Use
// it as `defer catchFaults()()`: it restores the goroutine's previous
// setting when the function returns.
func catchFaults() (restore func()) {
	old := debug.SetPanicOnFault(true)
	return func() { debug.SetPanicOnFault(old) }
}
