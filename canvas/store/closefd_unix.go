//go:build unix

package store

import "syscall"

func closeFD(fd int) { _ = syscall.Close(fd) }
