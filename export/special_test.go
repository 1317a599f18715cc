package export_test

import (
	"testing"

	"github.com/fulcrum-workshop/fulcrum/export/targettest"
)

// deviceNode is a character device to export onto; see targettest.Device.
func deviceNode(t *testing.T) string {
	t.Helper()
	d := targettest.Device(t)
	if d == "" {
		t.Skip("no safe device node to test on")
	}
	return d
}

// mkfifo makes a named pipe, or skips where the system has none.
func mkfifo(t *testing.T, path string) {
	t.Helper()
	if err := targettest.FIFO(path); err != nil {
		t.Skipf("mkfifo: %v", err)
	}
}
