package export

import (
	"encoding/binary"
	"errors"
)

// coverage is the set of Basic Multilingual Plane characters a font has a
// glyph for. PDF text is split into runs by it, so every character is drawn
// with a face that really has it.
type coverage [0x10000 / 8]byte

func (c *coverage) has(r rune) bool {
	return r >= 0 && r < 0x10000 && c[r>>3]&(1<<(r&7)) != 0
}

func (c *coverage) add(r rune) {
	if r >= 0 && r < 0x10000 {
		c[r>>3] |= 1 << (r & 7)
	}
}

var errNoCmap = errors.New("font has no usable Unicode cmap")

// readCoverage reads a TrueType font's Unicode cmap (format 4 or 12).
func readCoverage(ttf []byte) (*coverage, error) {
	u16 := func(o int) int {
		if o < 0 || o+2 > len(ttf) {
			return -1
		}
		return int(binary.BigEndian.Uint16(ttf[o:]))
	}
	u32 := func(o int) int {
		if o < 0 || o+4 > len(ttf) {
			return -1
		}
		return int(binary.BigEndian.Uint32(ttf[o:]))
	}
	cmap := -1
	for i, n := 0, u16(4); i < n; i++ {
		rec := 12 + 16*i
		if rec+16 <= len(ttf) && string(ttf[rec:rec+4]) == "cmap" {
			cmap = u32(rec + 8)
		}
	}
	if cmap < 0 {
		return nil, errNoCmap
	}
	best, bestFormat := -1, 0
	for i, n := 0, u16(cmap+2); i < n; i++ {
		rec := cmap + 4 + 8*i
		platform, encoding, off := u16(rec), u16(rec+2), u32(rec+4)
		if !(platform == 3 && (encoding == 1 || encoding == 10)) && platform != 0 {
			continue
		}
		sub := cmap + off
		if f := u16(sub); (f == 4 || f == 12) && f > bestFormat {
			best, bestFormat = sub, f
		}
	}
	if best < 0 {
		return nil, errNoCmap
	}
	cov := new(coverage)
	if bestFormat == 12 {
		for i, n := 0, u32(best+12); i < n; i++ {
			g := best + 16 + 12*i
			start, end := u32(g), u32(g+4)
			if start < 0 || end < 0 {
				return nil, errNoCmap
			}
			for r := start; r <= end && r < 0x10000; r++ {
				cov.add(rune(r))
			}
		}
		return cov, nil
	}
	segs := u16(best+6) / 2
	ends := best + 14
	starts := ends + 2*segs + 2
	deltas := starts + 2*segs
	ranges := deltas + 2*segs
	for s := 0; s < segs; s++ {
		start, end := u16(starts+2*s), u16(ends+2*s)
		delta, ro := u16(deltas+2*s), u16(ranges+2*s)
		if start < 0 || end < 0 || delta < 0 || ro < 0 {
			return nil, errNoCmap
		}
		for c := start; c <= end && c != 0xFFFF; c++ {
			g := 0
			if ro == 0 {
				g = (c + delta) & 0xFFFF
			} else if gi := u16(ranges + 2*s + ro + 2*(c-start)); gi > 0 {
				g = (gi + delta) & 0xFFFF
			}
			if g != 0 {
				cov.add(rune(c))
			}
		}
	}
	return cov, nil
}
