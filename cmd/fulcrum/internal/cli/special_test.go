package cli_test

import (
	"testing"

	"github.com/fulcrum-workshop/fulcrum/export/targettest"
)

// deviceNode is a character device to point a command at; see
// targettest.Device.
func deviceNode(t *testing.T) string {
	t.Helper()
	d := targettest.Device(t)
	if d == "" {
		t.Skip("no safe device node to test on")
	}
	return d
}

// mkfifo makes a named pipe (see targettest.FIFO).
func mkfifo(path string) error { return targettest.FIFO(path) }
