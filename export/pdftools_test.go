package export_test

import (
	"bytes"
	"errors"
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
	"unicode"
	"unicode/utf8"

	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/export"
)

// ---------------------------------------------------------------------------
// Rendering and poppler helpers.

func render(tb testing.TB, s *canvas.Session, opt export.PDFOptions) []byte {
	tb.Helper()
	var buf bytes.Buffer
	if err := export.WritePDF(&buf, s, opt); err != nil {
		tb.Fatalf("WritePDF: %v", err)
	}
	if !bytes.HasPrefix(buf.Bytes(), []byte("%PDF-")) {
		tb.Fatalf("WritePDF output does not start with %%PDF-: %q", buf.Bytes()[:min(buf.Len(), 16)])
	}
	return buf.Bytes()
}

func saveTemp(tb testing.TB, data []byte) string {
	tb.Helper()
	path := filepath.Join(tb.TempDir(), "report.pdf")
	must(tb, os.WriteFile(path, data, 0o644))
	return path
}

func needTool(tb testing.TB, name string) {
	tb.Helper()
	if _, err := exec.LookPath(name); err != nil {
		tb.Skipf("%s is not on PATH (install poppler-utils): %v", name, err)
	}
}

func runTool(tb testing.TB, name string, args ...string) string {
	tb.Helper()
	needTool(tb, name)
	out, err := exec.Command(name, args...).Output()
	if err != nil {
		var ee *exec.ExitError
		if errors.As(err, &ee) {
			tb.Fatalf("%s %s: %v\n%s", name, strings.Join(args, " "), err, ee.Stderr)
		}
		tb.Fatalf("%s %s: %v", name, strings.Join(args, " "), err)
	}
	return string(out)
}

// flat removes all whitespace: extraction breaks wrapped lines and split
// runs of Latin and CJK text at places the input has no space.
func flat(s string) string {
	return strings.Map(func(r rune) rune {
		if unicode.IsSpace(r) {
			return -1
		}
		return r
	}, s)
}

// pdfText is a PDF's text as pdftotext extracts it, in reading order and in
// physical layout. Reading order keeps table cells and columns together;
// layout keeps table rows together. A string counts as present when either
// has it, whitespace aside.
type pdfText struct {
	plain, layout         string
	flatPlain, flatLayout string
}

func extractText(tb testing.TB, path string) pdfText {
	tb.Helper()
	needTool(tb, "pdftotext")
	x := pdfText{
		plain:  runTool(tb, "pdftotext", "-enc", "UTF-8", path, "-"),
		layout: runTool(tb, "pdftotext", "-enc", "UTF-8", "-layout", path, "-"),
	}
	x.flatPlain, x.flatLayout = flat(x.plain), flat(x.layout)
	return x
}

func (x pdfText) has(s string) bool {
	f := flat(s)
	return strings.Contains(x.flatPlain, f) || strings.Contains(x.flatLayout, f)
}

func (x pdfText) count(s string) int {
	f := flat(s)
	return max(strings.Count(x.flatPlain, f), strings.Count(x.flatLayout, f))
}

func short(s string) string {
	if utf8.RuneCountInString(s) <= 80 {
		return s
	}
	r := []rune(s)
	return fmt.Sprintf("%s…%s (%d characters)", string(r[:40]), string(r[len(r)-20:]), len(r))
}

// requireText fails the test for every string the text lacks, and shows
// the text once.
func requireText(t *testing.T, x pdfText, want map[string][]string) {
	t.Helper()
	missing := false
	keys := make([]string, 0, len(want))
	for k := range want {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	for _, what := range keys {
		for _, s := range want[what] {
			if strings.TrimSpace(s) == "" {
				t.Errorf("test bug: empty expected %s", what)
				continue
			}
			if !x.has(s) {
				t.Errorf("extracted text lacks %s %q", what, short(s))
				missing = true
			}
		}
	}
	if missing {
		t.Logf("pdftotext -layout output:\n%s", x.layout)
	}
}

var pagesRE = regexp.MustCompile(`(?m)^Pages:\s+(\d+)\s*$`)

func pageCount(tb testing.TB, path string) int {
	tb.Helper()
	out := runTool(tb, "pdfinfo", path)
	m := pagesRE.FindStringSubmatch(out)
	if m == nil {
		tb.Fatalf("pdfinfo printed no page count:\n%s", out)
	}
	n, err := strconv.Atoi(m[1])
	must(tb, err)
	return n
}

var pageSizeRE = regexp.MustCompile(`(?m)^Page\s+(\d+) size:\s+([\d.]+) x ([\d.]+) pts`)

// pageSizes returns the size of every page, in points.
func pageSizes(tb testing.TB, path string) [][2]float64 {
	tb.Helper()
	n := pageCount(tb, path)
	out := runTool(tb, "pdfinfo", "-f", "1", "-l", strconv.Itoa(n), path)
	var sizes [][2]float64
	for _, m := range pageSizeRE.FindAllStringSubmatch(out, -1) {
		w, err1 := strconv.ParseFloat(m[2], 64)
		h, err2 := strconv.ParseFloat(m[3], 64)
		if err1 != nil || err2 != nil {
			tb.Fatalf("pdfinfo page size %q: %v %v", m[0], err1, err2)
		}
		sizes = append(sizes, [2]float64{w, h})
	}
	if len(sizes) != n {
		tb.Fatalf("pdfinfo listed %d page sizes for %d pages:\n%s", len(sizes), n, out)
	}
	return sizes
}
