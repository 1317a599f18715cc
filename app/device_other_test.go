//go:build !linux

package app

import (
	"os"
	"testing"
)

// deviceNodeOrEmpty returns /dev/null where its folder is not writable;
// root could rename over it, so root gets "".
func deviceNodeOrEmpty(*testing.T) string {
	if os.Getuid() == 0 || os.DevNull != "/dev/null" {
		return ""
	}
	return os.DevNull
}
