package export_test

import (
	"regexp"
	"strings"
	"testing"
	"unicode/utf8"

	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/export"
)

// closingMarks are the marks no line of a Chinese report may start with.
const closingMarks = "，。、：；！？）」』》〉】〕”’"

// punctuatedNote is Chinese with every closing mark, long enough to wrap
// many times in every column it is printed in.
var punctuatedNote = strings.Repeat("我们每周发布，客户并没有抱怨。他说：「每月发布一次。」"+
	"《指南》（草案）已经完成！真的吗？是的；“先试用”、再采购。【备注】〔附件〕『说明』‘好’", 4)

// TestPDFLongTitleAndChinesePunctuation exports a session with a
// 20,000-character title and an action of one 20,000-character word, which
// took minutes when wrapping re-measured the growing line, and a note that
// puts Chinese punctuation at every possible place. The header shows the
// title's first lines and leaves page 1 to the answers; the word comes out
// whole; no line of the extracted text starts with a closing mark.
func TestPDFLongTitleAndChinesePunctuation(t *testing.T) {
	title := strings.Repeat("Fulcrum", 20000/7+1)[:20000]
	word := strings.Repeat("Posicionamiento", 20000/15+1)[:20000]
	s := chineseSession(t)
	must(t, s.SetNote("customer", punctuatedNote))
	s.Placements[0].Note = punctuatedNote
	s.Actions[0].Text = punctuatedNote
	s.Actions = append(s.Actions, canvas.Action{Text: word})
	shortPages := pageCount(t, saveTemp(t, render(t, s, export.PDFOptions{})))
	s.Title = title
	path := saveTemp(t, render(t, s, export.PDFOptions{}))
	x := extractText(t, path)

	if !x.has(title[:40]) || !strings.Contains(x.plain, "…") {
		t.Errorf("page 1 lacks the start of the title cut with an ellipsis")
	}
	if x.has(title[:2000]) {
		t.Errorf("the header prints the whole 20,000-character title")
	}
	// The title adds no page.
	if n := pageCount(t, path); n != shortPages {
		t.Errorf("%d pages, against %d with a short title: the title floods the report", n, shortPages)
	}

	// The word is interrupted at each page break by the footer; the text
	// without the footers holds the whole word.
	footer := regexp.MustCompile(`^\s*Fulcrum · .*Page \d+ of \d+\s*$`)
	var body strings.Builder
	for _, l := range strings.Split(x.layout, "\n") {
		if !footer.MatchString(l) {
			body.WriteString(strings.TrimSpace(l))
		}
	}
	if !strings.Contains(flat(body.String()), word) {
		t.Errorf("extracted text lacks part of the 20,000-character word")
	}
	if !x.has(punctuatedNote) {
		t.Errorf("extracted text lacks the punctuated note")
	}

	// Plain text puts each cell's lines on lines of their own; layout text
	// keeps table rows together, its cells apart by runs of spaces.
	cells := regexp.MustCompile(`\s{2,}`)
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
