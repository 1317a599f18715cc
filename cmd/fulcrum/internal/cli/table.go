package cli

import (
	"fmt"
	"io"
	"strings"
	"unicode"
)

// writeTable writes rows in columns two spaces apart, each line without
// trailing spaces. A column is as wide
// as its widest cell on a terminal, where a Chinese character takes two
// cells: text/tabwriter counts it as one, which shifts every column after
// a Chinese header or title.
func writeTable(out io.Writer, rows [][]string) {
	var widths []int
	for _, r := range rows {
		for i, c := range r {
			if i == len(widths) {
				widths = append(widths, 0)
			}
			widths[i] = max(widths[i], displayWidth(c))
		}
	}
	for _, r := range rows {
		var b strings.Builder
		for i, c := range r {
			b.WriteString(c)
			if i < len(r)-1 {
				b.WriteString(strings.Repeat(" ", widths[i]-displayWidth(c)+2))
			}
		}
		// An empty last cell leaves no trailing spaces behind.
		fmt.Fprintln(out, strings.TrimRight(b.String(), " "))
	}
}

// displayWidth is how many terminal cells s takes: two for the wide
// characters of East Asian scripts, none for combining marks, one for the
// rest.
func displayWidth(s string) int {
	n := 0
	for _, r := range s {
		switch {
		case unicode.Is(unicode.Mn, r) || unicode.Is(unicode.Me, r) || r == '\u200b':
		case wide(r):
			n += 2
		default:
			n++
		}
	}
	return n
}

// wide reports the East Asian Wide and Fullwidth ranges (UAX #11) that
// occur in Chinese text: Hangul Jamo, CJK symbols and ideographs, Hangul
// syllables, compatibility forms and fullwidth punctuation.
func wide(r rune) bool {
	switch {
	case r >= 0x1100 && r <= 0x115F,
		r >= 0x2E80 && r <= 0x303E,
		r >= 0x3041 && r <= 0x33FF,
		r >= 0x3400 && r <= 0x4DBF,
		r >= 0x4E00 && r <= 0x9FFF,
		r >= 0xA000 && r <= 0xA4CF,
		r >= 0xAC00 && r <= 0xD7A3,
		r >= 0xF900 && r <= 0xFAFF,
		r >= 0xFE30 && r <= 0xFE4F,
		r >= 0xFF00 && r <= 0xFF60,
		r >= 0xFFE0 && r <= 0xFFE6,
		r >= 0x20000 && r <= 0x3FFFD:
		return true
	}
	return false
}
