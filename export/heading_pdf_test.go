package export_test

import (
	"fmt"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/export"
)

// headingSession is a Quick session whose sections grow with n: n people
// place the first dimension far apart, each with a reason, so Discussion
// points and the reasons run n lines long and every later heading moves
// down the page a line at a time as n grows.
func headingSession(tb testing.TB, n int) *canvas.Session {
	tb.Helper()
	s := newSession(tb, canvas.TemplateQuick, "Heading layout "+strconv.Itoa(n), "Ledgerline Payroll", "Morgan Hale")
	for i := range n {
		id := fmt.Sprintf("p%02d", i)
		addParticipant(tb, s, id, fmt.Sprintf("Person %02d", i), "Team")
		v := 10
		if i%2 == 1 {
			v = 90
		}
		addPlacement(s, "customer", id, v, 3, fmt.Sprintf("Reason number %d for this placement.", i))
	}
	for i, d := range s.Dimensions {
		setPosition(tb, s, d.Key, 20+i*7, nil, strings.Repeat("A note that wraps. ", i%3*4))
	}
	for i := range n % 6 {
		s.Actions = append(s.Actions, canvas.Action{Text: fmt.Sprintf("Action %d", i), Owner: "Morgan Hale"})
	}
	return s
}

// TestPDFNoHeadingEndsAPage renders sessions of many sizes and reads each
// page's text: the last line above the footer is never a section heading
// or a group heading, which would leave it alone at the bottom of a page
// with its first row on the next.
func TestPDFNoHeadingEndsAPage(t *testing.T) {
	needTool(t, "pdftotext")
	headings := map[string]bool{
		"Dimensions": true, "Discussion points": true, "Guidance": true, "Actions": true,
		"Why people placed where they did": true,
	}
	checked := 0
	for n := 1; n <= 44; n++ {
		s := headingSession(t, n)
		for _, d := range s.Dimensions {
			headings[lang.For(lang.EN).Group(d.Group)] = true
		}
		path := filepath.Join(t.TempDir(), "r.pdf")
		if err := os.WriteFile(path, render(t, s, export.PDFOptions{}), 0o644); err != nil {
			t.Fatal(err)
		}
		// pdftotext ends every page with a form feed: one run gives each
		// page's text on its own.
		pages := strings.Split(strings.TrimSuffix(runTool(t, "pdftotext", "-enc", "UTF-8", "-layout", path, "-"), "\f"), "\f")
		if want := pageCount(t, path); len(pages) != want {
			t.Fatalf("pdftotext gave %d pages of %d", len(pages), want)
		}
		for p, text := range pages[:len(pages)-1] {
			last := ""
			for _, line := range strings.Split(text, "\n") {
				line = strings.TrimSpace(line)
				if line == "" || strings.Contains(line, fmt.Sprintf("Page %d of %d", p+1, len(pages))) {
					continue
				}
				last = line
			}
			if headings[last] {
				t.Errorf("session with %d people: page %d of %d ends with the heading %q", n, p+1, len(pages), last)
			}
			checked++
		}
	}
	if checked < 44 {
		t.Fatalf("only %d page ends were checked", checked)
	}
}
