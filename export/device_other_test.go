//go:build !linux

package export_test

import (
	"os"
	"testing"
)

// deviceNode returns /dev/null where its folder is not writable. Root
// could rename over it, and a regression must never replace the machine's
// /dev/null, so root is skipped here (Linux makes a node of its own).
func deviceNode(t *testing.T) string {
	t.Helper()
	if os.Getuid() == 0 || os.DevNull != "/dev/null" {
		t.Skip("no safe device node to test on")
	}
	return os.DevNull
}
