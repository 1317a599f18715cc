//go:build unix

package export

import "syscall"

const nonBlock = syscall.O_NONBLOCK
