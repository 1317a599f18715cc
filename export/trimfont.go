package export

import (
	"encoding/binary"
	"errors"
	"fmt"
	"slices"
)

// gofpdf parses every font it is given in full, twice per document (when
// the font is added and when it is subset): its whole table of glyph
// positions and widths, and every character of its cmap. For the 4 MB CJK
// face that, and the private copy gofpdf needs (it appends to the bytes it
// is given), was half of a first export's time, most of it spent faulting
// in fresh memory. The report gives gofpdf a font of its own instead:
// the face's tables with only the glyphs the report can draw.
//
// Its glyphs keep their order (a glyph's new number is its rank among
// those kept), so gofpdf's subset of it numbers the glyphs it embeds as it
// would have from the whole face, and writes the same font bytes: the PDF
// does not change.

// trimmedFont is a TrueType font made of src's tables, holding only the
// glyphs of glyphs (a map of character to src's glyph id), glyph 0, and
// the glyphs those are composed of, renumbered in their order, with a cmap
// of glyphs' characters. The tables gofpdf neither reads nor embeds
// (layout, kerning, vertical metrics) are left out. The bytes are new:
// gofpdf may append to them.
func trimmedFont(src []byte, glyphs map[rune]uint16) ([]byte, error) {
	t, err := sfntTables(src)
	if err != nil {
		return nil, err
	}
	for _, tag := range []string{"head", "hhea", "maxp", "hmtx", "loca", "glyf", "post"} {
		if t[tag] == nil {
			return nil, fmt.Errorf("%w: no %s table", errTrim, tag)
		}
	}
	head, hhea, maxp, hmtx := t["head"], t["hhea"], t["maxp"], t["hmtx"]
	if len(head) < 54 || len(hhea) < 36 || len(maxp) < 6 || len(t["post"]) < 32 {
		return nil, fmt.Errorf("%w: short head, hhea, maxp or post table", errTrim)
	}
	be := binary.BigEndian
	numGlyphs, nMetrics := int(be.Uint16(maxp[4:])), int(be.Uint16(hhea[34:]))
	if nMetrics == 0 || len(hmtx) < 4*nMetrics+2*(numGlyphs-nMetrics) {
		return nil, fmt.Errorf("%w: hmtx table too short for %d glyphs", errTrim, numGlyphs)
	}
	g := glyphTable{glyf: t["glyf"], loca: t["loca"], long: be.Uint16(head[50:]) != 0, n: numGlyphs}
	if g.span(numGlyphs - 1); g.err != nil {
		return nil, g.err
	}
	keep, err := g.closure(glyphs)
	if err != nil {
		return nil, err
	}
	newID := make(map[uint16]uint16, len(keep))
	for i, id := range keep {
		newID[id] = uint16(i)
	}

	glyf := make([]byte, 0, g.size(keep))
	loca := make([]byte, 0, 4*(len(keep)+1))
	metrics := make([]byte, 0, 4*len(keep))
	for _, id := range keep {
		loca = be.AppendUint32(loca, uint32(len(glyf)))
		start := len(glyf)
		glyf = append(glyf, g.data(id)...)
		if err := renumberComponents(glyf[start:], newID); err != nil {
			return nil, fmt.Errorf("%w: glyph %d: %w", errTrim, id, err)
		}
		for len(glyf)%4 != 0 {
			glyf = append(glyf, 0)
		}
		// Glyphs past the last full metric share its advance and keep
		// their own left side bearing.
		m := min(int(id), nMetrics-1)
		metrics = append(metrics, hmtx[4*m:4*m+2]...)
		if int(id) < nMetrics {
			metrics = append(metrics, hmtx[4*m+2:4*m+4]...)
		} else {
			at := 4*nMetrics + 2*(int(id)-nMetrics)
			metrics = append(metrics, hmtx[at:at+2]...)
		}
	}
	loca = be.AppendUint32(loca, uint32(len(glyf)))

	mapped := make(map[rune]uint16, len(glyphs))
	for r, id := range glyphs {
		if n, ok := newID[id]; ok && id != 0 {
			mapped[r] = n
		}
	}
	out := map[string][]byte{
		"head": slices.Clone(head), "hhea": slices.Clone(hhea), "maxp": slices.Clone(maxp),
		"hmtx": metrics, "loca": loca, "glyf": glyf, "cmap": cmapFor(mapped),
		// Version 3: no glyph names, which would name the whole face's glyphs.
		"post": append([]byte{0, 3, 0, 0}, t["post"][4:32]...),
	}
	be.PutUint32(out["head"][8:], 0)  // checkSumAdjustment, set below
	be.PutUint16(out["head"][50:], 1) // long loca offsets
	be.PutUint16(out["hhea"][34:], uint16(len(keep)))
	be.PutUint16(out["maxp"][4:], uint16(len(keep)))
	// What gofpdf copies into the font it embeds, as it is.
	for _, tag := range []string{"name", "OS/2", "cvt ", "fpgm", "prep", "gasp"} {
		if t[tag] != nil {
			out[tag] = t[tag]
		}
	}
	return assembleFont(out), nil
}

var errTrim = errors.New("cannot trim font")

// sfntTables are a TrueType font's tables by tag.
func sfntTables(f []byte) (map[string][]byte, error) {
	be := binary.BigEndian
	if len(f) < 12 || (be.Uint32(f) != 0x00010000 && string(f[:4]) != "true") {
		return nil, fmt.Errorf("%w: not a TrueType font", errTrim)
	}
	n := int(be.Uint16(f[4:]))
	if len(f) < 12+16*n {
		return nil, fmt.Errorf("%w: short table directory", errTrim)
	}
	t := make(map[string][]byte, n)
	for i := range n {
		rec := f[12+16*i:]
		off, size := int(be.Uint32(rec[8:])), int(be.Uint32(rec[12:]))
		if off < 0 || size < 0 || off+size > len(f) {
			return nil, fmt.Errorf("%w: table %q beyond the file", errTrim, rec[:4])
		}
		t[string(rec[:4])] = f[off : off+size : off+size]
	}
	return t, nil
}

// glyphTable reads glyphs by id from a font's glyf and loca tables.
type glyphTable struct {
	glyf, loca []byte
	long       bool // 32-bit loca offsets
	n          int  // glyphs
	err        error
}

// span is where glyph id's outline lies in glyf; an out-of-range id or
// offset sets g.err.
func (g *glyphTable) span(id int) (int, int) {
	be := binary.BigEndian
	var start, end int
	switch {
	case id < 0 || id >= g.n:
		g.err = fmt.Errorf("%w: glyph %d of %d", errTrim, id, g.n)
		return 0, 0
	case g.long && len(g.loca) >= 4*id+8:
		start, end = int(be.Uint32(g.loca[4*id:])), int(be.Uint32(g.loca[4*id+4:]))
	case !g.long && len(g.loca) >= 2*id+4:
		start, end = 2*int(be.Uint16(g.loca[2*id:])), 2*int(be.Uint16(g.loca[2*id+2:]))
	default:
		g.err = fmt.Errorf("%w: loca table too short for glyph %d", errTrim, id)
		return 0, 0
	}
	if start > end || end > len(g.glyf) {
		g.err = fmt.Errorf("%w: glyph %d beyond the glyf table", errTrim, id)
		return 0, 0
	}
	return start, end
}

func (g *glyphTable) data(id uint16) []byte {
	start, end := g.span(int(id))
	return g.glyf[start:end]
}

// size is the glyf table the glyphs make, each padded to four bytes.
func (g *glyphTable) size(ids []uint16) int {
	n := 0
	for _, id := range ids {
		n += (len(g.data(id)) + 3) &^ 3
	}
	return n
}

// Composite glyph flags (OpenType glyf table).
const (
	argsAreWords    = 0x0001
	weHaveAScale    = 0x0008
	moreComponents  = 0x0020
	weHaveXYScale   = 0x0040
	weHaveTwoByTwo  = 0x0080
	componentHeader = 4 // flags and glyph index
)

// components calls fn with the offset of each component's glyph index in
// a composite glyph's data; a simple or empty glyph has none.
func components(data []byte, fn func(at int)) error {
	if len(data) < 10 || int16(binary.BigEndian.Uint16(data)) >= 0 {
		return nil
	}
	for at := 10; ; {
		if at+componentHeader > len(data) {
			return errors.New("composite glyph cut short")
		}
		flags := binary.BigEndian.Uint16(data[at:])
		fn(at + 2)
		at += componentHeader + 2
		if flags&argsAreWords != 0 {
			at += 2
		}
		switch {
		case flags&weHaveAScale != 0:
			at += 2
		case flags&weHaveXYScale != 0:
			at += 4
		case flags&weHaveTwoByTwo != 0:
			at += 8
		}
		if flags&moreComponents == 0 {
			return nil
		}
	}
}

// closure is glyph 0, the glyphs of glyphs and every glyph they are
// composed of, sorted.
func (g *glyphTable) closure(glyphs map[rune]uint16) ([]uint16, error) {
	seen := map[uint16]bool{0: true}
	todo := []uint16{0}
	add := func(id uint16) {
		if !seen[id] {
			seen[id] = true
			todo = append(todo, id)
		}
	}
	for _, id := range glyphs {
		add(id)
	}
	for len(todo) > 0 {
		id := todo[len(todo)-1]
		todo = todo[:len(todo)-1]
		data := g.data(id)
		if g.err != nil {
			return nil, g.err
		}
		err := components(data, func(at int) { add(binary.BigEndian.Uint16(data[at:])) })
		if err != nil {
			return nil, fmt.Errorf("%w: glyph %d: %w", errTrim, id, err)
		}
	}
	keep := make([]uint16, 0, len(seen))
	for id := range seen {
		keep = append(keep, id)
	}
	slices.Sort(keep)
	return keep, nil
}

// renumberComponents points a composite glyph's components at their new
// glyph ids.
func renumberComponents(data []byte, newID map[uint16]uint16) error {
	be := binary.BigEndian
	return components(data, func(at int) { be.PutUint16(data[at:], newID[be.Uint16(data[at:])]) })
}

// assembleFont writes tables as a TrueType font: the table directory in
// tag order, each table four-byte aligned, with checksums, and head's
// checkSumAdjustment.
func assembleFont(tables map[string][]byte) []byte {
	tags := make([]string, 0, len(tables))
	size := 12 + 16*len(tables)
	for tag, data := range tables {
		tags = append(tags, tag)
		size += (len(data) + 3) &^ 3
	}
	slices.Sort(tags)
	be := binary.BigEndian
	out := make([]byte, 12+16*len(tables), size)
	be.PutUint32(out, 0x00010000)
	be.PutUint16(out[4:], uint16(len(tables)))
	p, selector := 1, 0
	for p*2 <= len(tables) {
		p *= 2
		selector++
	}
	be.PutUint16(out[6:], uint16(16*p))
	be.PutUint16(out[8:], uint16(selector))
	be.PutUint16(out[10:], uint16(16*len(tables)-16*p))
	headAt := 0
	for i, tag := range tags {
		at := len(out)
		if tag == "head" {
			headAt = at
		}
		out = append(out, tables[tag]...)
		for len(out)%4 != 0 {
			out = append(out, 0)
		}
		rec := out[12+16*i:]
		copy(rec, tag)
		be.PutUint32(rec[4:], checksum(out[at:]))
		be.PutUint32(rec[8:], uint32(at))
		be.PutUint32(rec[12:], uint32(len(tables[tag])))
	}
	be.PutUint32(out[headAt+8:], 0xB1B0AFBA-checksum(out))
	return out
}

// checksum is the TrueType checksum of b, whose length is a multiple of
// four.
func checksum(b []byte) uint32 {
	var sum uint32
	for i := 0; i+4 <= len(b); i += 4 {
		sum += binary.BigEndian.Uint32(b[i:])
	}
	return sum
}
