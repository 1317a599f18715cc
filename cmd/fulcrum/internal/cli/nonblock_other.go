//go:build !unix

package cli

// nonBlock is zero where there are no FIFOs to block an open.
const nonBlock = 0
