package store

import (
	"encoding/binary"
	"errors"
	"fmt"
	"hash/fnv"
	"io"
	"os"
	"path/filepath"
)

// bbolt's on-disk layout, as far as Open reads it: two meta pages at the
// start, each naming the freelist page. A damaged freelist page makes
// bolt.Open panic; precheck finds it first.
const (
	metaMagic        = 0xED0CDAED
	pageHeaderSize   = 16
	freelistPageFlag = 0x10
	noFreelist       = ^uint64(0)
)

type metaPage struct {
	pageSize uint32
	freelist uint64
	highPage uint64
	txid     uint64
}

// readMeta decodes and verifies one meta page at off.
func readMeta(f *os.File, off int64) (metaPage, bool) {
	var b [pageHeaderSize + 64]byte
	if _, err := f.ReadAt(b[:], off); err != nil {
		return metaPage{}, false
	}
	m := b[pageHeaderSize:]
	le := binary.LittleEndian
	if le.Uint32(m[0:]) != metaMagic || le.Uint32(m[4:]) != 2 {
		return metaPage{}, false
	}
	h := fnv.New64a()
	h.Write(m[:56])
	if h.Sum64() != le.Uint64(m[56:]) {
		return metaPage{}, false
	}
	return metaPage{pageSize: le.Uint32(m[8:]), freelist: le.Uint64(m[32:]), highPage: le.Uint64(m[40:]), txid: le.Uint64(m[48:])}, true
}

// precheck reports damage that would make bolt.Open panic. A missing or
// empty file is fine: bbolt creates it.
func precheck(path string) error {
	f, err := os.Open(path)
	if errors.Is(err, os.ErrNotExist) {
		return nil
	}
	if err != nil {
		return err
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || fi.Size() == 0 {
		return err
	}
	m0, ok0 := readMeta(f, 0)
	var m1 metaPage
	ok1 := false
	if ok0 {
		m1, ok1 = readMeta(f, int64(m0.pageSize))
	} else {
		// The first meta page is bad; bbolt finds the second by trying
		// the usual page size.
		m1, ok1 = readMeta(f, int64(os.Getpagesize()))
	}
	if !ok0 && !ok1 {
		return nil // bbolt reports this itself as "invalid database"
	}
	m := m0
	if !ok0 || (ok1 && m1.txid > m0.txid) {
		m = m1
	}
	if m.freelist == noFreelist {
		return nil
	}
	if m.pageSize < 512 || m.pageSize > 1<<20 {
		return fmt.Errorf("%w: page size %d", ErrDamaged, m.pageSize)
	}
	off := int64(m.freelist) * int64(m.pageSize)
	if m.freelist < 2 || m.freelist >= m.highPage || off+pageHeaderSize > fi.Size() {
		return fmt.Errorf("%w: freelist page %d is outside the file", ErrDamaged, m.freelist)
	}
	var hdr [pageHeaderSize]byte
	if _, err := f.ReadAt(hdr[:], off); err != nil && !errors.Is(err, io.EOF) {
		return err
	}
	if flags := binary.LittleEndian.Uint16(hdr[8:]); flags != freelistPageFlag {
		return fmt.Errorf("%w: freelist page %d has type %#x", ErrDamaged, m.freelist, flags)
	}
	return nil
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
