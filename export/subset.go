package export

import (
	"bytes"
	"crypto/sha256"
	"fmt"
	"regexp"
	"slices"
	"strconv"
)

// PDF viewers and pdffonts know a font is a subset by its name: six
// uppercase letters and a plus sign before the font's PostScript name
// (PDF 32000-1, 9.6.4). gofpdf names its subsets "utf8" + the family key
// and has no hook to rename them, so the tag is put in after gofpdf has
// written the document, and the cross-reference table is moved to match.

// postScriptNames are the embedded faces' own names, by gofpdf font key.
var postScriptNames = map[string]string{
	faceFamily[faceLatin]:       "NotoSans-Regular",
	faceFamily[faceLatin] + "B": "NotoSans-Bold",
	faceFamily[faceCJK]:         "DroidSansFallback",
	faceFamily[faceSymbol]:      "DejaVuSans",
}

// fontKey is gofpdf's key for a face in a style.
func fontKey(f face, bold bool) string {
	if bold && f == faceLatin {
		return faceFamily[f] + "B"
	}
	return faceFamily[f]
}

// usedRunes records, by gofpdf font key, the characters drawn with each
// font: the subset gofpdf embeds, from which the tag is derived.
type usedRunes map[string]map[rune]bool

func (u usedRunes) add(key, s string) {
	m := u[key]
	if m == nil {
		m = map[rune]bool{}
		u[key] = m
	}
	for _, r := range s {
		m[r] = true
	}
}

// subsetTag is six uppercase letters derived from the font and the
// characters of its subset: the same subset is always tagged alike, so a
// session gives the same bytes on any day, and different subsets of one
// font almost always differ.
func subsetTag(key string, runes map[rune]bool) string {
	h := sha256.New()
	h.Write([]byte(key))
	sorted := make([]rune, 0, len(runes))
	for r := range runes {
		sorted = append(sorted, r)
	}
	slices.Sort(sorted)
	for _, r := range sorted {
		h.Write(strconv.AppendInt(nil, int64(r), 16))
		h.Write([]byte{','})
	}
	sum := h.Sum(nil)
	tag := make([]byte, 6)
	for i := range tag {
		tag[i] = 'A' + sum[i]%26
	}
	return string(tag)
}

var (
	fontNameRE  = regexp.MustCompile(`/(?:BaseFont|FontName) /utf8([A-Za-z]+)`)
	xrefRE      = regexp.MustCompile(`\nxref\n0 (\d+)\n`)
	startxrefRE = regexp.MustCompile(`startxref\n(\d+)\n%%EOF\n?$`)
)

// tagSubsets renames every embedded font of a gofpdf document to its
// tagged PostScript name and rewrites the cross-reference table's offsets,
// which the longer names move.
func tagSubsets(doc []byte, used usedRunes) ([]byte, error) {
	xm := xrefRE.FindSubmatchIndex(doc)
	sm := startxrefRE.FindSubmatchIndex(doc)
	if xm == nil || sm == nil {
		return nil, fmt.Errorf("tag font subsets: no cross-reference table where gofpdf writes it")
	}
	xrefAt := xm[0] + 1 // the "xref" keyword, after its newline
	type edit struct {
		at, end int
		with    string
	}
	var edits []edit
	for _, m := range fontNameRE.FindAllSubmatchIndex(doc[:xrefAt], -1) {
		key := string(doc[m[2]:m[3]])
		ps, ok := postScriptNames[key]
		if !ok {
			return nil, fmt.Errorf("tag font subsets: unknown font %q", key)
		}
		edits = append(edits, edit{m[2] - len("utf8"), m[3], subsetTag(key, used[key]) + "+" + ps})
	}
	// shift is how far the edits before offset move it.
	shift := func(offset int) int {
		d := 0
		for _, e := range edits {
			if e.at < offset {
				d += len(e.with) - (e.end - e.at)
			}
		}
		return d
	}
	var out bytes.Buffer
	out.Grow(len(doc) + 64*len(edits))
	last := 0
	for _, e := range edits {
		out.Write(doc[last:e.at])
		out.WriteString(e.with)
		last = e.end
	}
	out.Write(doc[last:xm[1]])
	// Entries are fixed width: "oooooooooo ggggg n \n".
	n, _ := strconv.Atoi(string(doc[xm[2]:xm[3]]))
	at := xm[1]
	for range n {
		if at+20 > len(doc) {
			return nil, fmt.Errorf("tag font subsets: short cross-reference table")
		}
		entry := doc[at : at+20]
		if entry[17] == 'n' {
			off, err := strconv.Atoi(string(entry[:10]))
			if err != nil {
				return nil, fmt.Errorf("tag font subsets: cross-reference entry %q: %w", entry, err)
			}
			fmt.Fprintf(&out, "%010d", off+shift(off))
			out.Write(entry[10:])
		} else {
			out.Write(entry)
		}
		at += 20
	}
	out.Write(doc[at:sm[2]])
	out.WriteString(strconv.Itoa(xrefAt + shift(xrefAt)))
	out.Write(doc[sm[3]:])
	return out.Bytes(), nil
}
