package export

import (
	"fmt"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"
)

// cols measures text in columns: one per character, none for combining
// marks. Golden lines are then easy to check by counting.
func cols(r rune) float64 {
	if unicode.Is(unicode.Mn, r) {
		return 0
	}
	return 1
}

func colsOf(s string) float64 {
	w := 0.0
	for _, r := range s {
		w += cols(r)
	}
	return w
}

type wrapCase struct {
	name  string
	text  string
	width float64
	want  []string
}

// Closing marks that UAX #14 or the punctuation rules keep off a line's
// start, and opening marks they keep off its end. The quotes among them
// (class QU) also bind to the character on their other side.
const (
	closingMarks = "，。、：；！？）」』》〉】〕〗〙〟｠’”»›)]},.:;?!｣､｡．･・‼⁇⁈⁉‐゠–〜～…‥" +
		"ヽヾゝゞ々〻ーｰぁぃぅぇぉっゃゅょゎァィゥェォッャュョヮヵヶㇰㇱㇲㇳㇴㇵㇶㇷㇸㇹㇺㇻㇼㇽㇾㇿｧｨｩｪｫｬｭｮｯ％‰℃°%"
	openingMarks  = "（「『《〈【〔〖〘〝｟([{｢¿¡"
	openingQuotes = "‘“«‹"
)

func punctuationCases() []wrapCase {
	var cs []wrapCase
	// Without the rules, 一二三四 fills the line and the mark starts the
	// next one; with them the mark takes 四 along.
	for _, c := range closingMarks {
		cs = append(cs, wrapCase{
			name: fmt.Sprintf("closing %c U+%04X", c, c), text: "一二三四" + string(c) + "五", width: 4,
			want: []string{"一二三", "四" + string(c) + "五"},
		})
	}
	// Without the rules the mark ends the first line; with them it goes to
	// the next, with the character it opens.
	for _, o := range openingMarks {
		cs = append(cs, wrapCase{
			name: fmt.Sprintf("opening %c U+%04X", o, o), text: "一二三" + string(o) + "四五", width: 4,
			want: []string{"一二三", string(o) + "四五"},
		})
	}
	// Quotes bind on both sides, so 三 comes along too.
	for _, o := range openingQuotes {
		cs = append(cs, wrapCase{
			name: fmt.Sprintf("opening quote %c U+%04X", o, o), text: "一二三" + string(o) + "四五", width: 4,
			want: []string{"一二", "三" + string(o) + "四五"},
		})
	}
	return cs
}

func TestWrapGolden(t *testing.T) {
	word := strings.Repeat("Fulcrum", 20000/7+1)[:20000]
	han := []rune(strings.Repeat("的一是在不了有和人这中大为上个国我以要他时来用们生到作地于出就分对成会可主发年动", 600))[:20000]
	var wordLines, hanLines []string
	for i := 0; i < len(word); i += 50 {
		wordLines = append(wordLines, word[i:min(i+50, len(word))])
	}
	for i := 0; i < len(han); i += 50 {
		hanLines = append(hanLines, string(han[i:min(i+50, len(han))]))
	}
	cases := []wrapCase{
		{"empty", "", 10, []string{""}},
		{"fits", "short line", 10, []string{"short line"}},
		{"latin at spaces", "the quick brown fox jumps", 10,
			[]string{"the quick", "brown fox", "jumps"}},
		{"spaces hang at the edge", "abcde     fghij", 5, []string{"abcde", "fghij"}},
		{"leading spaces kept", "   indented", 11, []string{"   indented"}},
		{"leading spaces too wide dropped", "          indented text", 8, []string{"indented", "text"}},
		{"newlines kept", "one\ntwo\r\nthree\n\nfive", 20,
			[]string{"one", "two", "three", "", "five"}},
		{"word longer than the line", "a supercalifragilistic word", 8,
			[]string{"a", "supercal", "ifragili", "stic", "word"}},
		{"grapheme clusters stay whole", "cafe\u0301cafe\u0301cafe\u0301", 4,
			[]string{"cafe\u0301", "cafe\u0301", "cafe\u0301"}},
		{"hyphen breaks after", "state-of-the-art", 9, []string{"state-of-", "the-art"}},
		{"chinese sentence", "我们每周发布，客户并没有抱怨。", 6,
			[]string{"我们每周发", "布，客户并没", "有抱怨。"}},
		{"chinese brackets", "他说：「每月发布一次。」然后《指南》出版了。", 5,
			[]string{"他说：「每", "月发布一", "次。」然后", "《指南》出", "版了。"}},
		{"chinese quotes", "客户说“先试用”再采购。", 4,
			[]string{"客户", "说“先试", "用”再采", "购。"}},
		{"spanish question", "¿Quién firma? El gerente. ¡Sin sorpresas!", 12,
			[]string{"¿Quién", "firma? El", "gerente.", "¡Sin", "sorpresas!"}},
		{"spanish mark mid-sentence", "Dijo ¿por qué? y ¡ya!", 6,
			[]string{"Dijo", "¿por", "qué? y", "¡ya!"}},
		{"mixed scripts", "Plan 2027：每月发布 release notes，¿vale? OK。", 10,
			[]string{"Plan 2027：", "每月发布", "release", "notes，", "¿vale? OK。"}},
		{"dash between scripts", "通知客户 — 陈静, by 2027-01-10", 8,
			[]string{"通知客户 — 陈", "静, by", "2027-01-", "10"}},
		{"comma keeps to the name", "通知客户 — 陈静, by 2027-01-10", 9,
			[]string{"通知客户 — 陈", "静, by", "2027-01-1", "0"}},
		{"percent sign after a space stays", "growth 50 %", 9, []string{"growth", "50 %"}},
		{"fullwidth tilde stays", "一二三四～五", 4, []string{"一二三", "四～五"}},
		{"closing mark after a space stays", "abc ，def", 4, []string{"ab", "c ，", "def"}},
		{"run of closing marks longer than a line", "好。。。。。。", 3,
			[]string{"好。。", "。。。", "。"}},
		{"20000-character word", word, 50, wordLines},
		{"20000 han characters", string(han), 50, hanLines},
	}
	cases = append(cases, punctuationCases()...)
	var lb lineBreaker
	for _, tc := range cases {
		t.Run(tc.name, func(t *testing.T) {
			got := lb.wrap(tc.text, tc.width, cols)
			checkLossless(t, tc.text, got)
			if !equalLines(got, tc.want) {
				t.Errorf("wrap(%q, %g):\n got %q\nwant %q", short(tc.text), tc.width, clip(got), clip(tc.want))
			}
		})
	}
}

func equalLines(a, b []string) bool {
	if len(a) != len(b) {
		return false
	}
	for i := range a {
		if a[i] != b[i] {
			return false
		}
	}
	return true
}

func clip(lines []string) []string {
	if len(lines) > 8 {
		return append(lines[:8:8], fmt.Sprintf("… %d lines in all", len(lines)))
	}
	return lines
}

// checkLossless fails unless the lines are the text in order, with only
// the spaces at each break and the newline that ended a line missing, and
// leading spaces that did not fit.
func checkLossless(t *testing.T, text string, lines []string) {
	t.Helper()
	rest := text
	for i, l := range lines {
		if !strings.HasPrefix(rest, l) {
			rest = strings.TrimLeft(rest, " \t") // leading spaces too wide to keep
		}
		if !strings.HasPrefix(rest, l) {
			t.Fatalf("line %d %q is not the text's continuation %q", i, short(l), short(rest))
		}
		rest = strings.TrimLeft(rest[len(l):], " \t")
		if strings.HasPrefix(rest, "\r\n") {
			rest = rest[2:]
		} else if r, n := utf8.DecodeRuneInString(rest); isNewline(r) {
			rest = rest[n:]
		}
	}
	if rest != "" {
		t.Fatalf("the lines lose the text's end %q", short(rest))
	}
}

// TestWrapNoLineStartsWithClosingMark wraps Chinese text with every closing
// and opening mark at every width, with real font widths, and checks the
// punctuation rules hold wherever the text allowed a choice.
func TestWrapNoLineStartsWithClosingMark(t *testing.T) {
	ts := testTypesetter(t)
	var b strings.Builder
	for i, c := range closingMarks {
		fmt.Fprintf(&b, "客户希望%c先试用%c再采购", []rune(openingMarks)[i%len([]rune(openingMarks))], c)
	}
	text := b.String()
	for w := 40.0; w <= 300; w += 7 {
		lines := ts.wrap(text, w, textStyle)
		checkLossless(t, text, lines)
		for i, l := range lines {
			first, _ := utf8.DecodeRuneInString(l)
			last, _ := utf8.DecodeLastRuneInString(l)
			if i > 0 && noLineStart(first) {
				t.Errorf("width %g: line %d starts with closing mark %q: %q", w, i, first, l)
			}
			if i < len(lines)-1 && noLineEnd(last) {
				t.Errorf("width %g: line %d ends with opening mark %q: %q", w, i, last, l)
			}
			if lw := ts.width(l, textStyle); lw > w+fitSlack {
				t.Errorf("width %g: line %d is %g wide: %q", w, i, lw, l)
			}
		}
	}
}

// FuzzWrap checks that wrapping loses nothing and keeps every line within
// the width, unless the line is one grapheme cluster too wide on its own.
func FuzzWrap(f *testing.F) {
	f.Add("我们每周发布，客户并没有抱怨。", 5)
	f.Add("¿Quién firma? El gerente.", 7)
	f.Add("cafe\u0301 ，，，（（（ x\n\ny", 2)
	f.Add("   ", 1)
	var lb lineBreaker
	f.Fuzz(func(t *testing.T, text string, width int) {
		if !utf8.ValidString(text) || width < 1 || width > 200 {
			return
		}
		lines := lb.wrap(text, float64(width), cols)
		checkLossless(t, text, lines)
		for _, l := range lines {
			if colsOf(l) > float64(width) && !oneCluster(l) {
				t.Fatalf("line %q is %g wide, more than %d", l, colsOf(l), width)
			}
		}
	})
}

// oneCluster reports whether s is one grapheme cluster, which no wrap may
// split however narrow the line.
func oneCluster(s string) bool {
	var lb lineBreaker
	lb.measure(s, cols, 0)
	lb.segment()
	for i := 1; i < len(lb.runes); i++ {
		if lb.at[i]&grapheme != 0 {
			return false
		}
	}
	return true
}

// BenchmarkWrap wraps mixed Chinese, Spanish and English text at three
// lengths: the time per character (ns/char) must stay flat.
func BenchmarkWrap(b *testing.B) {
	para := "我们每周发布，客户并没有抱怨。¿Quién firma? El gerente y el comité de compras. " +
		"The finance director signs; HR evaluates the “monthly” release notes（每月）. "
	benchmarkWrap(b, func(n int) string {
		return string([]rune(strings.Repeat(para, n/utf8.RuneCountInString(para)+1))[:n])
	})
}

// BenchmarkWrapWord is BenchmarkWrap for one word without spaces, which
// is broken between grapheme clusters.
func BenchmarkWrapWord(b *testing.B) {
	benchmarkWrap(b, func(n int) string { return strings.Repeat("x", n) })
}

func benchmarkWrap(b *testing.B, text func(n int) string) {
	ts := testTypesetter(b)
	for _, n := range []int{1_000, 10_000, 100_000} {
		s := text(n)
		b.Run(fmt.Sprintf("%dk", n/1000), func(b *testing.B) {
			ts.wrap(s, 300, textStyle) // widths cached, as after an export's first page
			for b.Loop() {
				ts.wrap(s, 300, textStyle)
			}
			b.ReportMetric(float64(b.Elapsed().Nanoseconds())/float64(b.N)/float64(n), "ns/char")
		})
	}
}
