package targettest

import (
	"os"
	"path/filepath"
	"syscall"
	"testing"
)

func device(tb testing.TB) string {
	if os.Getuid() != 0 {
		return os.DevNull
	}
	p := filepath.Join(tb.TempDir(), "null")
	if err := syscall.Mknod(p, syscall.S_IFCHR|0o666, 1<<8|3); err != nil {
		return ""
	}
	return p
}
