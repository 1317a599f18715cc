//go:build !unix

package export

// nonBlock is zero where there are no FIFOs to block an open.
const nonBlock = 0
