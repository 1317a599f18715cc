package export

import (
	"bytes"
	"compress/zlib"
	"fmt"
	"regexp"
	"slices"
	"strconv"
)

// finishPDF turns what gofpdf wrote into the report's bytes: fonts named
// as subsets (see tagEdits) and every stream gofpdf left uncompressed
// compressed, with the cross-reference table's offsets moved to match.
//
// gofpdf compresses each page with a new zlib writer, and each allocates
// about a megabyte: for the heavy session, 30 MB of the 80 MB an export
// allocates, all of it fresh memory a new process must fault in. The
// report has gofpdf write pages uncompressed and compresses them here with
// one writer, at gofpdf's level, so the result is the same.
func finishPDF(doc []byte, used usedRunes) ([]byte, error) {
	xm := xrefRE.FindSubmatchIndex(doc)
	sm := startxrefRE.FindSubmatchIndex(doc)
	if xm == nil || sm == nil {
		return nil, fmt.Errorf("finish PDF: no cross-reference table where gofpdf writes it")
	}
	xrefAt := xm[0] + 1 // the "xref" keyword, after its newline
	edits, err := tagEdits(doc, xrefAt, used)
	if err != nil {
		return nil, err
	}
	streams, err := compressEdits(doc, xrefAt)
	if err != nil {
		return nil, err
	}
	edits = append(edits, streams...)
	slices.SortFunc(edits, func(a, b edit) int { return a.at - b.at })
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
	// The document's final size (and room for startxref's digits), so
	// the output is allocated once and no larger: the pages compress to a
	// fraction of what gofpdf wrote, and every megabyte of fresh memory
	// costs a new process page faults.
	var out bytes.Buffer
	out.Grow(len(doc) + shift(len(doc)) + 32)
	last := 0
	for _, e := range edits {
		out.Write(doc[last:e.at])
		out.Write(e.with)
		last = e.end
	}
	out.Write(doc[last:xm[1]])
	// Entries are fixed width: "oooooooooo ggggg n \n".
	n, _ := strconv.Atoi(string(doc[xm[2]:xm[3]]))
	at := xm[1]
	for range n {
		if at+20 > len(doc) {
			return nil, fmt.Errorf("finish PDF: short cross-reference table")
		}
		entry := doc[at : at+20]
		if entry[17] == 'n' {
			off, err := strconv.Atoi(string(entry[:10]))
			if err != nil {
				return nil, fmt.Errorf("finish PDF: cross-reference entry %q: %w", entry, err)
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

// edit replaces doc[at:end] with with.
type edit struct {
	at, end int
	with    []byte
}

var (
	xrefRE      = regexp.MustCompile(`\nxref\n0 (\d+)\n`)
	startxrefRE = regexp.MustCompile(`startxref\n(\d+)\n%%EOF\n?$`)
	// plainStreamRE is an uncompressed stream as gofpdf writes one, at
	// the start of a line after its object's number.
	plainStreamRE = regexp.MustCompile(`0 obj\n<</Length (\d+)>>\nstream\n`)
)

// compressEdits compresses every stream that has no filter, with one
// zlib writer.
func compressEdits(doc []byte, xrefAt int) ([]edit, error) {
	var edits []edit
	var buf bytes.Buffer
	zw, err := zlib.NewWriterLevel(&buf, zlib.BestSpeed)
	if err != nil {
		return nil, err
	}
	for _, m := range plainStreamRE.FindAllSubmatchIndex(doc[:xrefAt], -1) {
		n, err := strconv.Atoi(string(doc[m[2]:m[3]]))
		start := m[1]
		if err != nil || start+n > xrefAt || !bytes.HasPrefix(doc[start+n:], []byte("\nendstream")) {
			return nil, fmt.Errorf("finish PDF: a stream at %d is not as gofpdf writes one", m[0])
		}
		buf.Reset()
		zw.Reset(&buf)
		if _, err := zw.Write(doc[start : start+n]); err != nil {
			return nil, err
		}
		if err := zw.Close(); err != nil {
			return nil, err
		}
		with := fmt.Appendf(nil, "<</Filter /FlateDecode /Length %d>>\nstream\n", buf.Len())
		edits = append(edits, edit{at: m[0] + len("0 obj\n"), end: start + n, with: append(with, buf.Bytes()...)})
	}
	return edits, nil
}
