package export_test

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// deviceNode returns a character device to export onto. As root it is a
// copy of /dev/null's node in a temporary folder: root may rename over
// /dev/null itself, and a regression must not replace the machine's
// /dev/null with a regular file. Anyone else gets /dev/null, whose folder
// they cannot write.
func deviceNode(t *testing.T) string {
	t.Helper()
	if os.Getuid() != 0 {
		return os.DevNull
	}
	p := filepath.Join(t.TempDir(), "null")
	if err := syscall.Mknod(p, syscall.S_IFCHR|0o666, 1<<8|3); err != nil {
		t.Skipf("mknod: %v", err)
	}
	return p
}
