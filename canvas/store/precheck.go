package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"os"
	"path/filepath"
)

// bbolt's on-disk layout, as far as Open reads it: two meta pages at the
// start, each naming the root page, the freelist page and the number of
// pages in use. bbolt trusts all three: it maps the file and reads pages by
// number, so a file shorter than the meta page claims makes a read fault
// (SIGBUS), and a damaged freelist page makes bolt.Open panic. precheck
// finds both before bbolt maps anything.
const (
	metaMagic        = 0xED0CDAED
	pageHeaderSize   = 16
	elementSize      = 16 // branch and leaf page elements alike
	branchPageFlag   = 0x01
	leafPageFlag     = 0x02
	freelistPageFlag = 0x10
	bucketLeafFlag   = 0x01
	noFreelist       = ^uint64(0)
)

type metaPage struct {
	pageSize uint32
	root     uint64
	freelist uint64
	highPage uint64 // pages 0 … highPage-1 are in use
	txid     uint64
}

// readMeta decodes one meta page at off and reports whether it is valid
// the way bbolt decides it: magic, version and checksum.
func readMeta(f *os.File, off int64) (metaPage, bool) {
	var b [pageHeaderSize + 64]byte
	if _, err := f.ReadAt(b[:], off); err != nil {
		return metaPage{}, false
	}
	m := b[pageHeaderSize:]
	le := binary.LittleEndian
	meta := metaPage{pageSize: le.Uint32(m[8:]), root: le.Uint64(m[16:]), freelist: le.Uint64(m[32:]),
		highPage: le.Uint64(m[40:]), txid: le.Uint64(m[48:])}
	if le.Uint32(m[0:]) != metaMagic || le.Uint32(m[4:]) != 2 {
		return meta, false
	}
	h := fnv.New64a()
	h.Write(m[:56])
	return meta, h.Sum64() == le.Uint64(m[56:])
}

// currentMeta finds the page size and the meta page bbolt will use, by
// bbolt's own rules (db.getPageSize and db.meta). ok is false when no meta
// page is valid: bbolt then refuses the file itself ("invalid database").
func currentMeta(f *os.File, size int64) (m metaPage, pageSize int64, ok bool) {
	if m0, ok0 := readMeta(f, 0); ok0 {
		pageSize = int64(m0.pageSize)
	} else {
		// bbolt looks for the second meta page at every page size from
		// 1 KB up when the first is unreadable.
		for i := 0; i <= 14; i++ {
			pos := int64(1024) << i
			if pos >= size-1024 {
				break
			}
			if m1, ok1 := readMeta(f, pos); ok1 {
				pageSize = int64(m1.pageSize)
				break
			}
		}
	}
	if pageSize == 0 {
		pageSize = int64(os.Getpagesize())
	}
	if pageSize < 512 || pageSize > 1<<20 || pageSize&(pageSize-1) != 0 {
		// Not a size bbolt writes: reported by precheck as damage.
		return metaPage{pageSize: uint32(pageSize)}, pageSize, true
	}
	a, okA := readMeta(f, 0)
	b, okB := readMeta(f, pageSize)
	if b.txid > a.txid {
		a, okA, b, okB = b, okB, a, okA
	}
	switch {
	case okA:
		return a, pageSize, true
	case okB:
		return b, pageSize, true
	}
	return metaPage{}, pageSize, false
}

// precheck reports damage that would make bbolt panic or fault on open or
// on the first read: a file shorter than its meta page says, a root or
// freelist page outside the pages in use, or a freelist page that is not
// one. A missing or empty file is fine: bbolt creates it.
func precheck(path string) error {
	// Stat before opening: opening a FIFO for reading would wait forever
	// for a writer.
	fi, err := os.Stat(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	if !fi.Mode().IsRegular() {
		return fmt.Errorf("%w: not a regular file (%s)", ErrNotSessionFile, fi.Mode().Type())
	}
	if fi.Size() == 0 {
		return nil
	}
	f, err := os.Open(path)
	if err != nil {
		return err
	}
	defer f.Close()
	m, ps, ok := currentMeta(f, fi.Size())
	if !ok {
		return nil // bbolt reports this itself as "invalid database"
	}
	return checkMeta(f, fi.Size(), m, ps)
}

// checkMeta checks what a meta page claims against the file.
func checkMeta(f *os.File, size int64, m metaPage, ps int64) error {
	if ps < 512 || ps > 1<<20 || ps&(ps-1) != 0 {
		return fmt.Errorf("%w: page size %d", ErrDamaged, ps)
	}
	if m.highPage < 4 || m.highPage > uint64(size/ps) {
		if m.highPage > uint64(size/ps) {
			return fmt.Errorf("%w: the file is %d bytes but its last transaction uses %d pages of %d bytes (%d bytes): it was cut short or its meta page is wrong",
				ErrDamaged, size, m.highPage, ps, satMul(m.highPage, uint64(ps)))
		}
		return fmt.Errorf("%w: the meta page claims only %d pages in use", ErrDamaged, m.highPage)
	}
	if m.root < 2 || m.root >= m.highPage {
		return fmt.Errorf("%w: root page %d is outside the %d pages in use", ErrDamaged, m.root, m.highPage)
	}
	if m.freelist == noFreelist {
		return nil
	}
	if m.freelist < 2 || m.freelist >= m.highPage {
		return fmt.Errorf("%w: freelist page %d is outside the %d pages in use", ErrDamaged, m.freelist, m.highPage)
	}
	off := int64(m.freelist) * ps
	var hdr [pageHeaderSize + 8]byte
	if _, err := f.ReadAt(hdr[:], off); err != nil {
		return fmt.Errorf("%w: freelist page %d cannot be read: %v", ErrDamaged, m.freelist, err)
	}
	le := binary.LittleEndian
	id, flags, count, overflow := le.Uint64(hdr[0:]), le.Uint16(hdr[8:]), uint64(le.Uint16(hdr[10:])), uint64(le.Uint32(hdr[12:]))
	if flags != freelistPageFlag || id != m.freelist {
		return fmt.Errorf("%w: freelist page %d has type %#x and id %d", ErrDamaged, m.freelist, flags, id)
	}
	if m.freelist+overflow >= m.highPage {
		return fmt.Errorf("%w: freelist page %d runs %d pages past the pages in use", ErrDamaged, m.freelist, overflow)
	}
	idx := uint64(0)
	if count == 0xFFFF {
		// The real count is the first element.
		idx, count = 1, le.Uint64(hdr[pageHeaderSize:])
	}
	if room := (uint64(ps)*(overflow+1) - pageHeaderSize) / 8; count > room || idx+count > room {
		return fmt.Errorf("%w: freelist page %d claims %d entries, more than it holds", ErrDamaged, m.freelist, count)
	}
	return nil
}

// satMul multiplies without wrapping, for messages about crafted values.
func satMul(a, b uint64) uint64 {
	if b != 0 && a > ^uint64(0)/b {
		return ^uint64(0)
	}
	return a * b
}

// releaseLeakedHandles closes file descriptors of this process that point
// at path: after a panic inside bolt.Open, the one it opened would keep
// the file locked until exit. Linux only; elsewhere it does nothing.
func releaseLeakedHandles(path string) {
	abs, err := filepath.Abs(path)
	if err != nil {
		return
	}
	ents, err := os.ReadDir("/proc/self/fd")
	if err != nil {
		return
	}
	for _, e := range ents {
		target, err := os.Readlink(filepath.Join("/proc/self/fd", e.Name()))
		if err != nil || target != abs {
			continue
		}
		var fd int
		if _, err := fmt.Sscan(e.Name(), &fd); err == nil {
			closeFD(fd)
		}
	}
}
