package export

import (
	"slices"

	"github.com/go-text/typesetting/segmenter"
)

// lineBreaker splits text into lines no wider than a given width.
//
// Break opportunities come from the Unicode line breaking algorithm
// (UAX #14, through go-text's segmenter, which Fyne already brings in),
// narrowed by the Chinese and Japanese rules for punctuation (kinsoku,
// see kinsoku.go): no line starts with a closing mark and none ends with an
// opening one. A run with no opportunity that is wider than a line, such as
// a long word or URL, is broken between grapheme clusters.
//
// Every rune is measured once and the line is chosen from prefix sums of
// those widths, so wrapping takes time linear in the text's length. The
// breaker keeps its buffers between calls; it is not safe for concurrent
// use.
type lineBreaker struct {
	seg   segmenter.Segmenter
	runes []rune
	// cum[i] is the width of runes[:i].
	cum []float64
	// at[i] says what may happen between runes[i-1] and runes[i].
	at    []breakAt
	lines []string
}

type breakAt uint8

const (
	lineOK   breakAt = 1 << iota // a line may break here
	mustBrk                      // a line must break here (after a newline)
	grapheme                     // a grapheme cluster boundary
)

// wrap splits text into lines no wider than maxW, measuring each rune with
// width. Newlines end lines; the spaces at a break are dropped, and nothing
// else is: joining the lines with the spaces and newlines the breaks
// replaced gives text back. Empty text gives one empty line.
func (lb *lineBreaker) wrap(text string, maxW float64, width func(rune) float64) []string {
	if lb.measure(text, width, maxW) {
		// Most texts of a report fit on one line; the segmenter, the
		// larger cost, is spared them.
		return []string{string(lb.runes[:lb.visibleEnd(0, len(lb.runes))])}
	}
	lb.segment()
	lb.lines = lb.lines[:0]
	n := len(lb.runes)
	start, seg := 0, 0 // the current line and segment begin here
	for i := 1; i <= n; i++ {
		a := lb.at[i]
		if a&lineOK == 0 {
			continue
		}
		start = lb.place(start, seg, i, maxW)
		if a&mustBrk != 0 {
			lb.emit(start, i)
			start = i
		}
		seg = i
	}
	if len(lb.lines) == 0 {
		lb.lines = append(lb.lines, "")
	}
	return append([]string(nil), lb.lines...)
}

// measure reads the text's runes and their widths, and reports whether it
// fits on one line as it is: no newline and no wider than maxW.
func (lb *lineBreaker) measure(text string, width func(rune) float64, maxW float64) bool {
	lb.runes = lb.runes[:0]
	lb.cum = append(lb.cum[:0], 0)
	total, newline := 0.0, false
	for _, r := range text {
		lb.runes = append(lb.runes, r)
		total += width(r)
		lb.cum = append(lb.cum, total)
		newline = newline || isNewline(r)
	}
	return !newline && lb.cum[lb.visibleEnd(0, len(lb.runes))] <= maxW+fitSlack
}

// segment finds where the measured text may break.
func (lb *lineBreaker) segment() {
	n := len(lb.runes)
	lb.at = slices.Grow(lb.at[:0], n+1)[:n+1]
	clear(lb.at)
	if n == 0 {
		return
	}
	lb.seg.Init(lb.runes)
	for it := lb.seg.LineIterator(); it.Next(); {
		l := it.Line()
		end := l.Offset + len(l.Text)
		lb.at[end] |= lineOK
		if l.IsMandatoryBreak {
			lb.at[end] |= mustBrk
		}
	}
	for it := lb.seg.GraphemeIterator(); it.Next(); {
		g := it.Grapheme()
		lb.at[g.Offset+len(g.Text)] |= grapheme
	}
	// The punctuation rules on top of UAX #14 (see kinsoku.go). A
	// mandatory break stays: a newline ends the line whatever follows.
	lastVisible := rune(-1)
	for i := 1; i < n; i++ {
		if r := lb.runes[i-1]; !isSpace(r) {
			lastVisible = r
		}
		if lb.at[i]&(lineOK|mustBrk) == lineOK && (noLineStart(lb.runes[i]) || noLineEnd(lastVisible)) {
			lb.at[i] &^= lineOK
		}
	}
	lb.at[n] |= lineOK | mustBrk
}

// place puts the segment runes[seg:end], which may end in spaces, on the
// line that starts at start, and returns where the current line then
// starts. Full lines are emitted on the way.
func (lb *lineBreaker) place(start, seg, end int, maxW float64) int {
	vis := lb.visibleEnd(seg, end)
	if vis == seg || lb.cum[vis]-lb.cum[start] <= maxW+fitSlack {
		return start // fits, or only spaces, which may hang past the edge
	}
	// Break before the segment. Spaces alone at the line's start, which
	// only a paragraph can begin with, give way to it.
	if lb.visibleEnd(start, seg) > start {
		lb.emit(start, seg)
	}
	start = seg
	if lb.cum[vis]-lb.cum[start] <= maxW+fitSlack {
		return start
	}
	return lb.split(start, vis, maxW)
}

// split breaks runes[from:to], which has no break opportunity and is wider
// than a line, between grapheme clusters. It emits the full lines and
// returns where the last piece, which stays open for what follows, starts.
func (lb *lineBreaker) split(from, to int, maxW float64) int {
	p := from
	for lb.cum[to]-lb.cum[p] > maxW+fitSlack {
		best, bestOK := -1, -1
		for g := p + 1; g < to; g++ {
			if lb.at[g]&grapheme == 0 {
				continue
			}
			if lb.cum[g]-lb.cum[p] > maxW+fitSlack {
				break
			}
			best = g
			if lb.goodCut(g) {
				bestOK = g
			}
		}
		// A cut that respects the punctuation rules is worth a line
		// at most half empty.
		cut := best
		if bestOK > 0 && lb.cum[bestOK]-lb.cum[p] >= maxW/2 {
			cut = bestOK
		}
		if cut < 0 { // one cluster wider than the line: it gets the line
			cut = p + 1
			for cut < to && lb.at[cut]&grapheme == 0 {
				cut++
			}
			if cut == to {
				return p
			}
		}
		lb.emit(p, cut)
		for cut < to && isSpace(lb.runes[cut]) { // dropped, as at any break
			cut++
		}
		p = cut
	}
	return p
}

// goodCut reports whether a forced break before runes[g] keeps the
// punctuation rules and starts the next line with a visible character.
func (lb *lineBreaker) goodCut(g int) bool {
	r := lb.runes[g]
	return !isSpace(r) && !noLineStart(r) && !noLineEnd(lb.runes[g-1])
}

// visibleEnd is end without the spaces and newlines runes[from:end] ends
// with.
func (lb *lineBreaker) visibleEnd(from, end int) int {
	for end > from && (isSpace(lb.runes[end-1]) || isNewline(lb.runes[end-1])) {
		end--
	}
	return end
}

func (lb *lineBreaker) emit(from, to int) {
	lb.lines = append(lb.lines, string(lb.runes[from:lb.visibleEnd(from, to)]))
}

// isSpace reports the spaces a line may end with, which take no room there.
func isSpace(r rune) bool { return r == ' ' || r == '\t' }

// isNewline reports the characters UAX #14 ends a line after (classes BK,
// CR, LF and NL); they are not drawn.
func isNewline(r rune) bool {
	switch r {
	case '\n', '\r', '\v', '\f', 0x85, 0x2028, 0x2029:
		return true
	}
	return false
}
