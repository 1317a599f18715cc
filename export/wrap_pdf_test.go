package export_test

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/fulcrum-workshop/fulcrum/export"
)

// closingMarks are the marks no line of a Chinese report may start with.
const closingMarks = "，。、：；！？）」』》〉】〕”’"

// punctuatedNote is Chinese with every closing mark, long enough to wrap
// many times in every column it is printed in.
var punctuatedNote = strings.Repeat("我们每周发布，客户并没有抱怨。他说：「每月发布一次。」"+
	"《指南》（草案）已经完成！真的吗？是的；“先试用”、再采购。【备注】〔附件〕『说明』‘好’", 4)

// TestPDFLongTitleAndChinesePunctuation exports a session with a
// 20,000-character title without spaces, which took minutes when wrapping
// re-measured the growing line, and a note that puts Chinese punctuation at
// every possible place. The title comes out whole and no line of the
// extracted text starts with a closing mark.
func TestPDFLongTitleAndChinesePunctuation(t *testing.T) {
	title := strings.Repeat("Fulcrum", 20000/7+1)[:20000]
	s := chineseSession(t)
	s.Title = title
	must(t, s.SetNote("customer", punctuatedNote))
	s.Placements[0].Note = punctuatedNote
	s.Actions[0].Text = punctuatedNote
	path := saveTemp(t, render(t, s, export.PDFOptions{Generated: generated}))
	x := extractText(t, path)

	// The title is interrupted at each page break by the footer, which
	// repeats it shortened, and the index box sits to the right of its
	// last lines; the left column without the footers is the whole title.
	footer := regexp.MustCompile(`^\s*Fulcrum · .*Page \d+ of \d+\s*$`)
	cells := regexp.MustCompile(`\s{2,}`)
	var left strings.Builder
	for _, l := range strings.Split(x.layout, "\n") {
		if !footer.MatchString(l) {
			left.WriteString(cells.Split(strings.TrimSpace(l), 2)[0])
		}
	}
	if !strings.Contains(flat(left.String()), title) {
		t.Errorf("extracted text lacks part of the 20,000-character title")
	}
	if !x.has(punctuatedNote) {
		t.Errorf("extracted text lacks the punctuated note")
	}

	// Plain text puts each cell's lines on lines of their own; layout text
	// keeps table rows together, its cells apart by runs of spaces.
	starts := 0
	check := func(mode, piece string) {
		piece = strings.TrimSpace(piece)
		if piece == "" {
			return
		}
		starts++
		if r, _ := utf8.DecodeRuneInString(piece); strings.ContainsRune(closingMarks, r) {
			t.Errorf("%s text has a line starting with %q: %q", mode, r, piece)
		}
	}
	for _, l := range strings.Split(x.plain, "\n") {
		check("plain", l)
	}
	for _, l := range strings.Split(x.layout, "\n") {
		for _, c := range cells.Split(l, -1) {
			check("layout", c)
		}
	}
	if starts < 100 {
		t.Errorf("only %d lines checked; the note should wrap many times", starts)
	}
}
