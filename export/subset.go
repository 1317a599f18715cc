package export

import (
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
// written the document (see finishPDF).

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

var fontNameRE = regexp.MustCompile(`/(?:BaseFont|FontName) /utf8([A-Za-z]+)`)

// tagEdits are the edits that rename every embedded font of a gofpdf
// document, before the cross-reference table at xrefAt, to its tagged
// PostScript name.
func tagEdits(doc []byte, xrefAt int, used usedRunes) ([]edit, error) {
	var edits []edit
	for _, m := range fontNameRE.FindAllSubmatchIndex(doc[:xrefAt], -1) {
		key := string(doc[m[2]:m[3]])
		ps, ok := postScriptNames[key]
		if !ok {
			return nil, fmt.Errorf("tag font subsets: unknown font %q", key)
		}
		edits = append(edits, edit{at: m[2] - len("utf8"), end: m[3], with: []byte(subsetTag(key, used[key]) + "+" + ps)})
	}
	return edits, nil
}
