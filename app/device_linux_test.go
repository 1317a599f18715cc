package app

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

// deviceNodeOrEmpty returns a character device to export onto, or "". As
// root it is a copy of /dev/null's node in a temporary folder: root may
// rename over /dev/null itself, and a regression must not replace the
// machine's /dev/null. Anyone else gets /dev/null, whose folder they
// cannot write.
func deviceNodeOrEmpty(t *testing.T) string {
	t.Helper()
	if os.Getuid() != 0 {
		return os.DevNull
	}
	p := filepath.Join(t.TempDir(), "null")
	if err := syscall.Mknod(p, syscall.S_IFCHR|0o666, 1<<8|3); err != nil {
		return ""
	}
	return p
}
