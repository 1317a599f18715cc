package export_test

import (
	"bytes"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode/utf16"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas/benchdata"
	"github.com/fulcrum-workshop/fulcrum/export"
)

// outlineItem is one bookmark: its title and the page (from 1) it opens.
type outlineItem struct {
	title string
	page  int
}

var (
	// An outline item as gofpdf writes it: its title, then its
	// destination, in one dictionary.
	outlineItemRE = regexp.MustCompile(`(?s)<</Title \(((?:\\.|[^\\)])*)\)\s*/Parent \d+ 0 R.*?/Dest \[(\d+) 0 R`)
	kidsRE        = regexp.MustCompile(`/Type /Pages\s*/Kids \[([^\]]*)\]`)
	outlinesRE    = regexp.MustCompile(`/Outlines \d+ 0 R`)
)

// readOutline reads the outline (bookmarks) of a PDF written by WritePDF:
// every outline item's title, decoded from its PDF text string, and the
// number of the page its destination names, found in the page tree.
// poppler's tools of Debian 12 print no outline, so the test reads the
// objects; the page tree and the catalogue's /Outlines entry are checked
// too, so an outline a viewer would not find fails.
func readOutline(tb testing.TB, data []byte) []outlineItem {
	tb.Helper()
	if !outlinesRE.Match(data) {
		tb.Fatalf("the catalogue has no /Outlines entry")
	}
	kids := kidsRE.FindSubmatch(data)
	if kids == nil {
		tb.Fatalf("no page tree with /Kids")
	}
	var pages []string
	for _, f := range strings.Fields(string(kids[1])) {
		if f != "0" && f != "R" {
			pages = append(pages, f)
		}
	}
	var out []outlineItem
	for _, m := range outlineItemRE.FindAllSubmatch(data, -1) {
		page := slices.Index(pages, string(m[2])) + 1
		if page == 0 {
			tb.Fatalf("outline item %q points at object %s, which is no page", m[1], m[2])
		}
		out = append(out, outlineItem{title: pdfTextString(tb, unescapePDF(m[1])), page: page})
	}
	return out
}

// unescapePDF undoes a PDF literal string's backslash escapes.
func unescapePDF(b []byte) []byte {
	var out []byte
	for i := 0; i < len(b); i++ {
		if b[i] != '\\' || i+1 == len(b) {
			out = append(out, b[i])
			continue
		}
		i++
		switch c := b[i]; c {
		case 'n':
			out = append(out, '\n')
		case 'r':
			out = append(out, '\r')
		case 't':
			out = append(out, '\t')
		case 'b':
			out = append(out, '\b')
		case 'f':
			out = append(out, '\f')
		default:
			if c >= '0' && c <= '7' {
				j := i
				for j < len(b) && j < i+3 && b[j] >= '0' && b[j] <= '7' {
					j++
				}
				v, _ := strconv.ParseUint(string(b[i:j]), 8, 8)
				out = append(out, byte(v))
				i = j - 1
				continue
			}
			out = append(out, c)
		}
	}
	return out
}

// pdfTextString decodes a PDF text string: UTF-16BE after its byte order
// mark, surrogate pairs included. Fulcrum writes no other kind.
func pdfTextString(tb testing.TB, b []byte) string {
	tb.Helper()
	if !bytes.HasPrefix(b, []byte{0xFE, 0xFF}) || len(b)%2 != 0 {
		tb.Fatalf("text string %q is not UTF-16BE with a byte order mark", b)
	}
	u := make([]uint16, 0, len(b)/2)
	for i := 2; i < len(b); i += 2 {
		u = append(u, uint16(b[i])<<8|uint16(b[i+1]))
	}
	return string(utf16.Decode(u))
}

// TestPDFOutlineListsTheSections reads the heavy session's outline in each
// language: the title, page 1's two answers and every section, in order,
// in the report's language, each opening the page that shows it.
func TestPDFOutlineListsTheSections(t *testing.T) {
	needTool(t, "pdftotext")
	s, err := benchdata.Heavy(benchdata.HeavyID)
	must(t, err)
	for _, tag := range []lang.Tag{lang.EN, lang.ZH, lang.ES} {
		t.Run(string(tag), func(t *testing.T) {
			w := lang.For(tag)
			data := render(t, s, export.PDFOptions{Words: w})
			got := readOutline(t, data)
			want := []string{s.Title}
			keys := []string{"export.pdf.keypoints.disagreed"}
			for _, tn := range s.Tensions() {
				if !tn.Accepted {
					// The tensions to resolve, under the disagreements.
					keys = append(keys, "export.pdf.keypoints.tensions")
					break
				}
			}
			keys = append(keys, "export.pdf.keypoints.decided",
				"export.pdf.heading.dimensions", "export.pdf.heading.tensions", "export.pdf.heading.discussion",
				"export.pdf.heading.reasons", "export.pdf.heading.guidance", "export.pdf.heading.actions")
			for _, key := range keys {
				want = append(want, w.T(key))
			}
			var titles []string
			for _, it := range got {
				titles = append(titles, it.title)
			}
			if !slices.Equal(titles, want) {
				t.Fatalf("outline titles:\n got %q\nwant %q", titles, want)
			}
			pages := pagesOf(t, data)
			for _, it := range got {
				if it.page < 1 || it.page > len(pages) || !strings.Contains(flat(pages[it.page-1]), flat(it.title)) {
					t.Errorf("outline item %q opens page %d, which does not show it", it.title, it.page)
				}
			}
			if got[1].page != 1 || got[2].page != 1 {
				t.Errorf("page 1's answers are bookmarked on pages %d and %d", got[1].page, got[2].page)
			}
		})
	}
}
