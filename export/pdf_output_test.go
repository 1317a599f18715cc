package export_test

import (
	"bytes"
	"errors"
	"fmt"
	"math"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/export"
)

// ---------------------------------------------------------------------------
// Fonts, paper, size, determinism.

func TestPDFFontsEmbedded(t *testing.T) {
	s := exampleSession(t)
	must(t, s.SetNote("value", "Ship it 🚀 now"))
	path := saveTemp(t, render(t, s, export.PDFOptions{}))
	out := runTool(t, "pdffonts", path)
	lines := strings.Split(strings.TrimRight(out, "\n"), "\n")
	if len(lines) < 2 || !strings.HasPrefix(lines[1], "---") {
		t.Fatalf("unexpected pdffonts output:\n%s", out)
	}
	// Columns are as wide as the dashes under their titles; "type" may
	// contain a space, so split rows by those widths.
	var cols [][2]int
	for _, m := range regexp.MustCompile(`-+`).FindAllStringIndex(lines[1], -1) {
		cols = append(cols, [2]int{m[0], m[1]})
	}
	if len(cols) < 4 {
		t.Fatalf("pdffonts output has no emb column:\n%s", out)
	}
	embCol := cols[3]
	if got := strings.TrimSpace(lines[0][embCol[0]:min(embCol[1], len(lines[0]))]); got != "emb" {
		t.Fatalf("pdffonts fourth column is %q, not emb:\n%s", got, out)
	}
	subCol := cols[4]
	if got := strings.TrimSpace(lines[0][subCol[0]:min(subCol[1], len(lines[0]))]); got != "sub" {
		t.Fatalf("pdffonts fifth column is %q, not sub:\n%s", got, out)
	}
	rows := lines[2:]
	if len(rows) == 0 {
		t.Fatalf("pdffonts lists no fonts:\n%s", out)
	}
	for _, row := range rows {
		if len(row) < embCol[1] {
			t.Errorf("short pdffonts row %q", row)
			continue
		}
		if got := strings.TrimSpace(row[embCol[0]:embCol[1]]); got != "yes" {
			t.Errorf("font not embedded (emb %q): %s", got, row)
		}
		if got := strings.TrimSpace(row[subCol[0]:subCol[1]]); got != "yes" {
			t.Errorf("font not shown as a subset (sub %q): %s", got, row)
		}
		if name := strings.TrimSpace(row[cols[0][0]:cols[0][1]]); !subsetNameRE.MatchString(name) {
			t.Errorf("font name %q has no subset tag (six capitals and +)", name)
		}
	}
}

var subsetNameRE = regexp.MustCompile(`^[A-Z]{6}\+[A-Za-z-]+$`)

// fontNames lists the embedded fonts' names as pdffonts prints them.
func fontNames(t *testing.T, data []byte) []string {
	t.Helper()
	out := runTool(t, "pdffonts", saveTemp(t, data))
	var names []string
	for _, row := range strings.Split(strings.TrimRight(out, "\n"), "\n")[2:] {
		names = append(names, strings.Fields(row)[0])
	}
	return names
}

// TestPDFSubsetTagFollowsTheSubset: the tag is the same for the same
// text and differs for the regular face's subset of another session, so a
// viewer never takes two different subsets for one font.
func TestPDFSubsetTagFollowsTheSubset(t *testing.T) {
	en := fontNames(t, render(t, englishSession(t), export.PDFOptions{}))
	if again := fontNames(t, render(t, englishSession(t), export.PDFOptions{})); !slices.Equal(en, again) {
		t.Errorf("the same session's fonts are named %q, then %q", en, again)
	}
	es := fontNames(t, render(t, spanishSession(t), export.PDFOptions{}))
	regular := func(names []string) string {
		for _, n := range names {
			if strings.HasSuffix(n, "+NotoSans-Regular") {
				return n
			}
		}
		t.Fatalf("no NotoSans-Regular among %q", names)
		return ""
	}
	if regular(en) == regular(es) {
		t.Errorf("two sessions with different text tag their regular face's subsets alike: %s", regular(en))
	}
}

// TestPDFCrossReferenceTable checks every offset of the cross-reference
// table, which the subset tags and the compressed pages move: each names the start of its object,
// and startxref names the table. poppler repairs a broken table silently,
// so its tools alone would not notice.
func TestPDFCrossReferenceTable(t *testing.T) {
	data := render(t, fullSession(t), export.PDFOptions{})
	m := regexp.MustCompile(`\nxref\n0 (\d+)\n`).FindSubmatchIndex(data)
	if m == nil {
		t.Fatal("no cross-reference table")
	}
	sx := regexp.MustCompile(`startxref\n(\d+)\n`).FindSubmatch(data)
	if sx == nil || string(sx[1]) != strconv.Itoa(m[0]+1) {
		t.Errorf("startxref says %s; the table starts at %d", sx[1], m[0]+1)
	}
	// Every stream is compressed, the pages too, which gofpdf is told
	// to leave plain (see finishPDF).
	if plain := regexp.MustCompile(`<</Length \d+>>\nstream\n`).FindAll(data, -1); len(plain) > 0 {
		t.Errorf("%d streams are not compressed", len(plain))
	}
	n, _ := strconv.Atoi(string(data[m[2]:m[3]]))
	for i := 1; i < n; i++ {
		entry := string(data[m[1]+20*i : m[1]+20*i+20])
		off, err := strconv.Atoi(entry[:10])
		must(t, err)
		if want := fmt.Sprintf("%d 0 obj", i); !bytes.HasPrefix(data[off:], []byte(want)) {
			t.Errorf("object %d: offset %d points at %q", i, off, data[off:min(off+12, len(data))])
		}
	}
}

func TestPDFPaper(t *testing.T) {
	s := spanishSession(t)
	for _, tc := range []struct {
		paper string
		w, h  float64
	}{
		{"", 595.28, 841.89},
		{export.PaperA4, 595.28, 841.89},
		{export.PaperLetter, 612, 792},
	} {
		t.Run("paper="+tc.paper, func(t *testing.T) {
			path := saveTemp(t, render(t, s, export.PDFOptions{Paper: tc.paper}))
			sizes := pageSizes(t, path)
			if len(sizes) < 2 {
				t.Fatalf("want a report of several pages to check, got %d", len(sizes))
			}
			for i, sz := range sizes {
				if math.Abs(sz[0]-tc.w) > 0.5 || math.Abs(sz[1]-tc.h) > 0.5 {
					t.Errorf("page %d is %gx%g pts; want %gx%g", i+1, sz[0], sz[1], tc.w, tc.h)
				}
			}
		})
	}
}

func TestPDFBadPaper(t *testing.T) {
	for _, paper := range []string{"legal", "A5", "a4 "} {
		var buf bytes.Buffer
		err := export.WritePDF(&buf, englishSession(t), export.PDFOptions{Paper: paper})
		if !errors.Is(err, export.ErrPaper) {
			t.Errorf("Paper %q: err = %v; want ErrPaper", paper, err)
		}
		if buf.Len() != 0 {
			t.Errorf("Paper %q: wrote %d bytes despite the error", paper, buf.Len())
		}
	}
}

func TestPDFSizeFullSession(t *testing.T) {
	const limit = 250_000
	data := render(t, fullSession(t), export.PDFOptions{})
	t.Logf("Full template, 12 participants: %d bytes", len(data))
	if len(data) > limit {
		t.Errorf("PDF is %d bytes; want at most %d", len(data), limit)
	}
}

func TestPDFDeterministic(t *testing.T) {
	s := exampleSession(t)
	opt := export.PDFOptions{}
	first := render(t, s, opt)
	if second := render(t, s, opt); !bytes.Equal(first, second) {
		t.Fatalf("two renders of the same session differ (%d and %d bytes)", len(first), len(second))
	}
	// And the output does depend on the session.
	s.Title += " (copy)"
	if bytes.Equal(render(t, s, opt), first) {
		t.Errorf("changing the title did not change the PDF")
	}
}

// ---------------------------------------------------------------------------
// Golden files.

func TestPDFGolden(t *testing.T) {
	for _, tc := range []struct {
		name string
		s    *canvas.Session
		w    *lang.Words
	}{
		{"golden-en", englishSession(t), nil},
		{"golden-zh", chineseSession(t), nil},
		{"golden-zh-in-zh", chineseSession(t), lang.For(lang.ZH)},
		{"golden-es-in-es", spanishSession(t), lang.For(lang.ES)},
	} {
		t.Run(tc.name, func(t *testing.T) {
			got := render(t, tc.s, export.PDFOptions{Words: tc.w})
			path := filepath.Join("testdata", tc.name+".pdf")
			if os.Getenv("UPDATE_GOLDEN") == "1" {
				must(t, os.MkdirAll("testdata", 0o755))
				must(t, os.WriteFile(path, got, 0o644))
				t.Logf("wrote %s (%d bytes)", path, len(got))
				return
			}
			want, err := os.ReadFile(path)
			if err != nil {
				t.Fatalf("read golden file: %v (run with UPDATE_GOLDEN=1 to create it)", err)
			}
			if bytes.Equal(got, want) {
				return
			}
			failed := filepath.Join("testdata", "failed", tc.name+".pdf")
			must(t, os.MkdirAll(filepath.Dir(failed), 0o755))
			must(t, os.WriteFile(failed, got, 0o644))
			at := 0
			for at < min(len(got), len(want)) && got[at] == want[at] {
				at++
			}
			t.Errorf("PDF differs from %s at byte %d (got %d bytes, want %d); new output written to %s; "+
				"if the change is intended, rerun with UPDATE_GOLDEN=1", path, at, len(got), len(want), failed)
		})
	}
}

// TestPDFPropertiesKeepUnicode reads the document properties back with
// pdfinfo: title, author and subject keep Chinese, Spanish and emoji
// (beyond the Basic Multilingual Plane, so written as surrogate pairs)
// exactly, and characters PDF strings escape survive too.
func TestPDFPropertiesKeepUnicode(t *testing.T) {
	s := englishSession(t)
	s.Title = "路线图 ¿Año? 🚀"
	s.Facilitator = "Begoña (facilitadora) 陈静 👩🏽‍💼"
	s.Product = `Nubia \ CRM 🧭`
	for _, tag := range []lang.Tag{lang.EN, lang.ZH, lang.ES} {
		w := lang.For(tag)
		out := runTool(t, "pdfinfo", "-enc", "UTF-8", saveTemp(t, render(t, s, export.PDFOptions{Words: w})))
		for field, want := range map[string]string{
			"Title":   s.Title,
			"Author":  s.Facilitator,
			"Subject": w.T("export.pdf.subject", s.Product),
			"Creator": "Fulcrum",
		} {
			got := "(none)"
			if m := regexp.MustCompile(`(?m)^` + field + `:\s+(.*)$`).FindStringSubmatch(out); m != nil {
				got = m[1]
			}
			if got != want {
				t.Errorf("%s: pdfinfo shows %s %q; want %q", tag, field, got, want)
			}
		}
	}
}
