package store

import (
	"encoding/binary"
	"fmt"
	"os"
)

// bbolt's tx.Check walks the pages in a goroutine of its own, reading them
// through the memory map. A page element that points past its page, or a
// child page past the end of the file, makes that read fault, and a fault
// on a goroutine we cannot mark with debug.SetPanicOnFault ends the
// process. walkPages reads the same tree from the file with ReadAt first,
// where a bad pointer is just an error, so tx.Check is only ever run on a
// tree whose every pointer stays inside the file.

type pageWalker struct {
	f        *os.File
	ps       int64
	highPage uint64
	seen     map[uint64]bool
}

// walkPages checks that every page reachable from the meta page's root
// bucket is a branch or leaf page inside the pages in use, referenced once,
// and that every key, value and nested bucket lies inside its page.
func walkPages(f *os.File, m metaPage, ps int64) error {
	w := &pageWalker{f: f, ps: ps, highPage: m.highPage, seen: map[uint64]bool{}}
	return w.tree(m.root, "root bucket")
}

func (w *pageWalker) page(id uint64, from string) ([]byte, error) {
	if id < 2 || id >= w.highPage {
		return nil, fmt.Errorf("%w: page %d (from %s) is outside the %d pages in use", ErrDamaged, id, from, w.highPage)
	}
	if w.seen[id] {
		return nil, fmt.Errorf("%w: page %d (from %s) is referenced twice", ErrDamaged, id, from)
	}
	w.seen[id] = true
	var hdr [pageHeaderSize]byte
	if _, err := w.f.ReadAt(hdr[:], int64(id)*w.ps); err != nil {
		return nil, fmt.Errorf("%w: page %d cannot be read: %v", ErrDamaged, id, err)
	}
	le := binary.LittleEndian
	if got := le.Uint64(hdr[0:]); got != id {
		return nil, fmt.Errorf("%w: page %d (from %s) says it is page %d", ErrDamaged, id, from, got)
	}
	overflow := uint64(le.Uint32(hdr[12:]))
	if id+overflow >= w.highPage {
		return nil, fmt.Errorf("%w: page %d runs %d pages past the pages in use", ErrDamaged, id, overflow)
	}
	buf := make([]byte, int64(overflow+1)*w.ps)
	if _, err := w.f.ReadAt(buf, int64(id)*w.ps); err != nil {
		return nil, fmt.Errorf("%w: page %d cannot be read: %v", ErrDamaged, id, err)
	}
	return buf, nil
}

// tree walks the bucket tree rooted at page id.
func (w *pageWalker) tree(id uint64, from string) error {
	p, err := w.page(id, from)
	if err != nil {
		return err
	}
	return w.node(p, fmt.Sprintf("page %d", id))
}

// node checks one branch or leaf page, p (its overflow pages included, or
// an inline bucket's bytes), and walks what it points to.
func (w *pageWalker) node(p []byte, name string) error {
	if len(p) < pageHeaderSize {
		return fmt.Errorf("%w: %s is %d bytes, shorter than a page header", ErrDamaged, name, len(p))
	}
	le := binary.LittleEndian
	flags, count := le.Uint16(p[8:]), int(le.Uint16(p[10:]))
	if pageHeaderSize+count*elementSize > len(p) {
		return fmt.Errorf("%w: %s claims %d elements, more than it holds", ErrDamaged, name, count)
	}
	for i := range count {
		off := pageHeaderSize + i*elementSize
		e := p[off : off+elementSize]
		switch flags {
		case branchPageFlag:
			pos, ksize, child := uint64(le.Uint32(e[0:])), uint64(le.Uint32(e[4:])), le.Uint64(e[8:])
			if uint64(off)+pos+ksize > uint64(len(p)) {
				return fmt.Errorf("%w: %s element %d points outside the page", ErrDamaged, name, i)
			}
			if err := w.tree(child, name); err != nil {
				return err
			}
		case leafPageFlag:
			eflags, pos, ksize, vsize := le.Uint32(e[0:]), uint64(le.Uint32(e[4:])), uint64(le.Uint32(e[8:])), uint64(le.Uint32(e[12:]))
			start := uint64(off) + pos + ksize
			if start+vsize > uint64(len(p)) {
				return fmt.Errorf("%w: %s element %d points outside the page", ErrDamaged, name, i)
			}
			if eflags&bucketLeafFlag == 0 {
				continue
			}
			v := p[start : start+vsize]
			if len(v) < 16 {
				return fmt.Errorf("%w: %s element %d is a bucket of %d bytes", ErrDamaged, name, i, len(v))
			}
			inner := fmt.Sprintf("bucket %q in %s", p[uint64(off)+pos:uint64(off)+pos+ksize], name)
			if root := le.Uint64(v); root != 0 {
				if err := w.tree(root, inner); err != nil {
					return err
				}
			} else if err := w.node(v[16:], inner); err != nil {
				return err
			}
		default:
			return fmt.Errorf("%w: %s has page type %#x, not a branch or leaf page", ErrDamaged, name, flags)
		}
	}
	if count == 0 && flags != leafPageFlag && flags != branchPageFlag {
		return fmt.Errorf("%w: %s has page type %#x, not a branch or leaf page", ErrDamaged, name, flags)
	}
	return nil
}
