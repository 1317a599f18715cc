//go:build unix

package cli_test

import (
	"os"
	"syscall"
)

// releaseFIFO opens and closes the FIFO for writing without blocking, which
// wakes a reader blocked opening it.
func releaseFIFO(path string) {
	if f, err := os.OpenFile(path, os.O_WRONLY|syscall.O_NONBLOCK, 0); err == nil {
		f.Close()
	}
}
