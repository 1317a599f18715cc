// Package storetest makes damaged copies of a session file, the way a
// crash, a failing disk or a hostile user leaves them, for the damage
// tests of the store, the command line and the app. It is imported by
// tests only.
package storetest

import (
	"encoding/binary"
	"fmt"
	"hash/fnv"
	"path/filepath"
	"slices"
	"time"

	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/canvas/store"
)

// Byte offsets in a bbolt file: a page starts with a 16-byte header (id 8,
// flags 2, count 2, overflow 4); a meta page then holds magic, version,
// page size, flags (4 bytes each), the root bucket (page id, sequence), the
// freelist page, the number of pages in use, the transaction id and the
// checksum of everything before it (8 bytes each).
const (
	hdr         = 16
	offPageSize = hdr + 8
	offRoot     = hdr + 16
	offFreelist = hdr + 32
	offHighPage = hdr + 40
	offTxid     = hdr + 48
	offChecksum = hdr + 56
)

// Layout is what the newer meta page of a good file says.
type Layout struct {
	PageSize, Meta, Root, Freelist, HighPage int
}

// ReadLayout reads the layout of a good bbolt file.
func ReadLayout(data []byte) (Layout, error) {
	if len(data) < 2*1024 {
		return Layout{}, fmt.Errorf("a file of %d bytes is no bbolt file", len(data))
	}
	le := binary.LittleEndian
	ps := int(le.Uint32(data[offPageSize:]))
	if ps < 1024 || ps > 1<<16 || len(data) < 2*ps {
		return Layout{}, fmt.Errorf("implausible page size %d", ps)
	}
	m := 0
	if le.Uint64(data[ps+offTxid:]) > le.Uint64(data[offTxid:]) {
		m = ps
	}
	return Layout{PageSize: ps, Meta: m / ps, Root: int(le.Uint64(data[m+offRoot:])),
		Freelist: int(le.Uint64(data[m+offFreelist:])), HighPage: int(le.Uint64(data[m+offHighPage:]))}, nil
}

// setMeta sets an 8-byte field of meta page pg and, when fix is set,
// writes a matching checksum so bbolt takes the page as valid.
func setMeta(data []byte, ps, pg, off int, v uint64, fix bool) {
	m := pg * ps
	binary.LittleEndian.PutUint64(data[m+off:], v)
	if fix {
		h := fnv.New64a()
		h.Write(data[m+hdr : m+offChecksum])
		binary.LittleEndian.PutUint64(data[m+offChecksum:], h.Sum64())
	}
}

// Damage is one damaged copy of a file.
type Damage struct {
	Name string
	Data []byte
	// Sure means the damage is in what the newest transaction uses: the
	// store must refuse the file (on open or on its check). Otherwise it
	// may pass, as damage to a free page or to the text of a note does.
	Sure bool
}

// Damages returns damaged copies of a good file: truncations at several
// offsets, zeroed pages, flipped bits and crafted meta pages with valid
// checksums.
func Damages(good []byte) ([]Damage, error) {
	l, err := ReadLayout(good)
	if err != nil {
		return nil, err
	}
	ps := l.PageSize
	var out []Damage
	add := func(name string, sure bool, change func(d []byte) []byte) {
		out = append(out, Damage{Name: name, Data: change(slices.Clone(good)), Sure: sure})
	}
	cut := func(n int) func([]byte) []byte { return func(d []byte) []byte { return d[:n] } }
	// Truncations. A file cut inside the pages in use maps fine and then
	// faults (SIGBUS) on the first read of a missing page.
	add("cut after the meta pages", true, cut(2*ps))
	add("cut after three pages", true, cut(3*ps))
	add(fmt.Sprintf("cut before the freelist (page %d)", l.Freelist), true, cut(l.Freelist*ps))
	add(fmt.Sprintf("cut after the freelist (page %d)", l.Freelist), true, cut((l.Freelist+1)*ps))
	add(fmt.Sprintf("cut before the last page in use (%d)", l.HighPage-1), true, cut((l.HighPage-1)*ps))
	add("cut one byte short of the pages in use", true, cut(l.HighPage*ps-1))
	add("cut in the middle of a page", true, cut(l.HighPage*ps/2+ps/3))

	// Zeroed pages.
	zero := func(pages ...int) func([]byte) []byte {
		return func(d []byte) []byte {
			for _, pg := range pages {
				clear(d[pg*ps : (pg+1)*ps])
			}
			return d
		}
	}
	add("both meta pages zeroed", true, zero(0, 1))
	add(fmt.Sprintf("freelist page %d zeroed", l.Freelist), true, zero(l.Freelist))
	add(fmt.Sprintf("root page %d zeroed", l.Root), true, zero(l.Root))
	for _, pg := range []int{l.HighPage / 2, l.HighPage - 2} {
		if pg > 1 && pg != l.Freelist && pg != l.Root {
			add(fmt.Sprintf("page %d zeroed", pg), false, zero(pg))
		}
	}
	add("the second half of the pages in use zeroed", true, func(d []byte) []byte {
		clear(d[l.HighPage/2*ps : l.HighPage*ps])
		return d
	})

	// Flipped bits: in page headers (id, element count, overflow), in an
	// element's offset, and in the middle of a page.
	for pg := 2; pg < l.HighPage; pg++ {
		for _, at := range []struct {
			what string
			off  int
			sure bool
		}{
			{"id", 3, true}, {"count", 11, true}, {"overflow", 14, true},
			{"first element's offset", hdr + 6, false}, {"middle", ps / 2, false},
		} {
			// Overflow pages have no header of their own.
			if binary.LittleEndian.Uint64(good[pg*ps:]) != uint64(pg) {
				continue
			}
			sure := at.sure && inUse(good, pg, l)
			add(fmt.Sprintf("bit flip in page %d, %s", pg, at.what), sure, func(d []byte) []byte {
				d[pg*ps+at.off] ^= 0x10
				return d
			})
		}
	}

	// Crafted meta pages, with checksums that make them valid.
	size := len(good)
	for _, c := range []struct {
		what string
		off  int
		v    uint64
	}{
		{"page count far beyond the file", offHighPage, 1 << 40},
		{"page count a few pages beyond the file", offHighPage, uint64(size/ps + 3)},
		{"page count zero", offHighPage, 0},
		{"root page beyond the pages in use", offRoot, uint64(l.HighPage + 5)},
		{"root page in the far distance", offRoot, 1 << 50},
		{"freelist page beyond the pages in use", offFreelist, uint64(l.HighPage + 5)},
		{"freelist page on a meta page", offFreelist, 1},
		{"page size 3000", offPageSize - 0, 3000},
	} {
		add("crafted meta: "+c.what, true, func(d []byte) []byte {
			for _, pg := range []int{0, 1} {
				if c.off == offPageSize {
					binary.LittleEndian.PutUint32(d[pg*ps+c.off:], uint32(c.v))
					setMeta(d, ps, pg, offTxid, binary.LittleEndian.Uint64(d[pg*ps+offTxid:]), true)
					continue
				}
				setMeta(d, ps, pg, c.off, c.v, true)
			}
			return d
		})
	}
	add("crafted meta: newest meta page claims more pages, the older one is good", true, func(d []byte) []byte {
		setMeta(d, ps, l.Meta, offHighPage, uint64(size/ps+1), true)
		return d
	})
	return out, nil
}

// inUse reports whether page pg holds part of the newest transaction's
// tree: it starts a page (carries its own id), is below the high water
// mark, and is neither the freelist nor on it.
func inUse(good []byte, pg int, l Layout) bool {
	ps := l.PageSize
	le := binary.LittleEndian
	if pg < 2 || pg >= l.HighPage || pg == l.Freelist || le.Uint64(good[pg*ps:]) != uint64(pg) {
		return false
	}
	f := good[l.Freelist*ps:]
	idx, count := 0, int(le.Uint16(f[10:]))
	if count == 0xFFFF {
		idx, count = 1, int(le.Uint64(f[hdr:]))
	}
	for i := idx; i < idx+count; i++ {
		if int(le.Uint64(f[hdr+8*i:])) == pg {
			return false
		}
	}
	return true
}

// HistoryFile writes a closed session file at dir/name holding sessions
// saved, edited and deleted over several transactions, so its freelist is
// not its last page, and returns its path and the ids it holds.
func HistoryFile(dir, name string, n int) (string, []string, error) {
	path := filepath.Join(dir, name)
	st, err := store.Open(path, store.Options{})
	if err != nil {
		return "", nil, err
	}
	ids, err := fill(st, n)
	if cerr := st.Close(); err == nil {
		err = cerr
	}
	return path, ids, err
}

func fill(st *store.Store, n int) ([]string, error) {
	base := time.Date(2026, 3, 14, 9, 30, 0, 0, time.UTC)
	var ids []string
	for i := range n + 1 {
		s, err := canvas.NewSession(canvas.TemplateFull, fmt.Sprintf("Sesión %d · 第%d场", i, i), "Plataforma «Ñandú»", base)
		if err != nil {
			return nil, err
		}
		s.ID = fmt.Sprintf("s%02d", i)
		for _, who := range []string{"张伟", "Begoña", "Zoë"} {
			p, err := s.AddParticipant(who, "")
			if err != nil {
				return nil, err
			}
			for j, d := range s.Dimensions {
				if err := s.SetPlacement(canvas.Placement{Dimension: d.Key, Participant: p.ID, Value: (i*7 + j*13) % 101, Note: "nota — 备注"}); err != nil {
					return nil, err
				}
			}
		}
		s.Touch(base.Add(time.Duration(i) * time.Hour))
		if err := st.Save(s); err != nil {
			return nil, err
		}
		ids = append(ids, s.ID)
	}
	// An edit and a deletion free pages in the middle of the file.
	s, err := st.Load(ids[1])
	if err != nil {
		return nil, err
	}
	s.Title += " (editada)"
	if err := st.Save(s); err != nil {
		return nil, err
	}
	if err := st.Delete(ids[n]); err != nil {
		return nil, err
	}
	return ids[:n], nil
}
