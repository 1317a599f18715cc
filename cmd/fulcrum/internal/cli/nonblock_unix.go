//go:build unix

package cli

import "syscall"

const nonBlock = syscall.O_NONBLOCK
