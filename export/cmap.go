package export

import (
	"encoding/binary"
	"errors"
	"math"
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

// advances is a font's advance width for every Basic Multilingual Plane
// character at 1000 units per em, exactly as gofpdf computes it
// (utf8FontFile.parseHMTXTable): its format 4 cmap, hmtx rounded half
// away from zero, a zero advance stored as zeroAdvance and an unmapped
// character as 0, measured as missing. Reading two tables takes about a
// millisecond; gofpdf's own parse, which the report used to measure with,
// builds maps over every glyph of the 4 MB CJK face.
type advances struct {
	w       []uint16 // by rune
	glyph   []uint16 // by rune: its glyph id, 0 where unmapped
	missing float64  // the width of glyph 0 (or 500), for unmapped characters
}

// zeroAdvance marks a mapped glyph with no advance, as gofpdf does.
const zeroAdvance = 0xFFFF

// width is the advance of r at 1000 pt, as gofpdf's GetStringWidth
// measures it.
func (a *advances) width(r rune) float64 {
	if r < 0 || r > 0xFFFF {
		return a.missing
	}
	switch w := a.w[r]; w {
	case 0:
		return a.missing
	case zeroAdvance:
		return 0
	default:
		return float64(w)
	}
}

var errNoMetrics = errors.New("font has no usable head, hhea, hmtx or format 4 cmap")

// readAdvances reads a TrueType font's advance widths (see advances).
func readAdvances(ttf []byte) (*advances, error) {
	u16 := func(o int) int {
		if o < 0 || o+2 > len(ttf) {
			return -1
		}
		return int(binary.BigEndian.Uint16(ttf[o:]))
	}
	table := func(tag string) int {
		for i, n := 0, u16(4); i < n; i++ {
			rec := 12 + 16*i
			if rec+16 <= len(ttf) && string(ttf[rec:rec+4]) == tag {
				return int(binary.BigEndian.Uint32(ttf[rec+8:]))
			}
		}
		return -1
	}
	head, hhea, hmtx, cmap := table("head"), table("hhea"), table("hmtx"), table("cmap")
	if head < 0 || hhea < 0 || hmtx < 0 || cmap < 0 {
		return nil, errNoMetrics
	}
	upem, nMetrics := u16(head+18), u16(hhea+34)
	if upem <= 0 || nMetrics <= 0 {
		return nil, errNoMetrics
	}
	scale := 1000 / float64(upem)
	scaled := func(aw int) uint16 {
		if aw >= 1<<15 {
			aw = 0
		}
		w := int(math.Round(scale * float64(aw)))
		if w == 0 || w >= zeroAdvance {
			return zeroAdvance
		}
		return uint16(w)
	}
	lastAW := u16(hmtx + 4*(nMetrics-1))
	advanceOf := func(glyph int) uint16 {
		if glyph < nMetrics {
			return scaled(u16(hmtx + 4*glyph))
		}
		return scaled(lastAW)
	}
	// gofpdf takes the first format 4 subtable of platform 0 or of
	// platform 3, encoding 1.
	sub := -1
	for i, n := 0, u16(cmap+2); i < n && sub < 0; i++ {
		rec := cmap + 4 + 8*i
		platform, encoding := u16(rec), u16(rec+2)
		if (platform == 3 && encoding == 1) || platform == 0 {
			if off := cmap + int(binary.BigEndian.Uint32(ttf[rec+4:])); u16(off) == 4 {
				sub = off
			}
		}
	}
	if sub < 0 {
		return nil, errNoMetrics
	}
	a := &advances{w: make([]uint16, 0x10000), glyph: make([]uint16, 0x10000), missing: 500}
	if aw := u16(hmtx); aw < 1<<15 {
		// gofpdf falls back to 500 when glyph 0's width rounds to 0.
		if m := math.Floor(scale*float64(aw) + 0.5); m != 0 {
			a.missing = m
		}
	}
	end := sub + u16(sub+2)
	segs := u16(sub+6) / 2
	ends := sub + 14
	starts := ends + 2*segs + 2
	deltas := starts + 2*segs
	ranges := deltas + 2*segs
	for s := range segs {
		start, last := u16(starts+2*s), u16(ends+2*s)
		delta, ro := u16(deltas+2*s), u16(ranges+2*s)
		if start < 0 || last < 0 || delta < 0 || ro < 0 {
			return nil, errNoMetrics
		}
		for c := start; c <= last && c < 0xFFFF; c++ {
			g := 0
			if ro == 0 {
				g = (c + delta) & 0xFFFF
			} else if at := ranges + 2*s + ro + 2*(c-start); at < end {
				if gi := u16(at); gi > 0 {
					g = (gi + delta) & 0xFFFF
				}
			}
			if g == 0 {
				continue
			}
			// gofpdf measures no U+0000 but embeds its glyph in
			// every subset (see trimSets).
			a.glyph[c] = uint16(g)
			if c != 0 {
				a.w[c] = advanceOf(g)
			}
		}
	}
	return a, nil
}
