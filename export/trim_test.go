package export

import (
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/canvas/benchdata"
)

// buildReport lays a report out as WritePDF's first attempt does.
func buildReport(t *testing.T, s *canvas.Session, w *lang.Words) *report {
	t.Helper()
	return buildReportSince(t, s, w, nil)
}

// buildReportSince is buildReport with a baseline for the Since section.
func buildReportSince(t *testing.T, s *canvas.Session, w *lang.Words, since *canvas.Session) *report {
	t.Helper()
	pdfMu.Lock()
	defer pdfMu.Unlock()
	r, err := newReport(s, PDFOptions{Words: w, Since: since}, true)
	if err != nil {
		t.Fatal(err)
	}
	r.build()
	return r
}

// TestTrimmedFontsCoverTheReport lays out reports that draw Chinese (the
// heavy session's notes, and the report's own words in Chinese) and
// Latin text in every language, anonymous, unrevealed and with actions:
// every font given to gofpdf trimmed holds every character drawn with it,
// so WritePDF never has to make the document twice, and is short.
func TestTrimmedFontsCoverTheReport(t *testing.T) {
	heavy, err := benchdata.Heavy(benchdata.HeavyID)
	if err != nil {
		t.Fatal(err)
	}
	anonymous := heavy.Clone()
	anonymous.Settings.Anonymous = true
	anonymous.Actions = []canvas.Action{{Text: "制定月度发布说明模板", Owner: "陈静", Due: "2027-01-10", Done: true}}
	bare, err := canvas.NewSession(canvas.TemplateQuick, "季度评审", "", heavy.Created)
	if err != nil {
		t.Fatal(err)
	}
	// Tensions, one accepted with a reason, and a Since section against an
	// earlier session with its own title: their words are drawn too.
	tense := heavy.Clone()
	tense.ID = "tense"
	for key, v := range map[string]int{"decision-makers": 80, "decision-cycle": 5, "acquisition": 10, "revenue-source": 90, "switching-cost": 5} {
		if err := tense.SetCurrent(key, v); err != nil {
			t.Fatal(err)
		}
	}
	tense.AcceptedTensions = []canvas.AcceptedTension{{Rule: "committee-self-serve", Reason: "免费试用带来团队采购"}}
	if len(tense.Tensions()) < 3 {
		t.Fatalf("the session raises %d tensions, want 3 or more", len(tense.Tensions()))
	}
	earlier := bare.Clone()
	earlier.Title = "上季度定位"
	// Emoji and a symbol only the symbol face has: the placeholder and ⌘.
	symbols := heavy.Clone()
	symbols.Title = "Revisión 🚀 ⌘ — «ToB»"
	for _, tag := range lang.Tags() {
		for name, s := range map[string]*canvas.Session{"heavy": heavy, "anonymous": anonymous, "unplaced": bare, "tensions and since": tense, "symbols": symbols} {
			var since *canvas.Session
			if s == tense {
				since = earlier
			}
			r := buildReportSince(t, s, lang.For(tag), since)
			if !r.ts.registered[faceCJK] || !r.ts.registered[faceLatin] {
				t.Fatalf("%s in %s: the CJK or Latin face is not used; the test cannot tell", name, tag)
			}
			if name == "symbols" && !r.ts.registered[faceSymbol] {
				t.Fatalf("%s in %s: the symbol face is not used; the test cannot tell", name, tag)
			}
			if !r.ts.covered() {
				for i, given := range r.ts.trim {
					var missing []string
					for c := range r.ts.used[fontKeys[i]] {
						if _, ok := given[c]; !ok && r.ts.fonts.adv[i].glyph[c] != 0 {
							missing = append(missing, string(c))
						}
					}
					if len(missing) > 0 {
						t.Errorf("%s in %s: drawn with %s but not in its trimmed font: %q", name, tag, fontKeys[i], missing)
					}
				}
			}
			for i, given := range r.ts.trim {
				if len(given) > 1000 {
					t.Errorf("%s in %s: the trimmed %s has %d characters", name, tag, fontKeys[i], len(given))
				}
			}
		}
	}
}

// TestCoverageNoticesAMissingCharacter: a character drawn with a font that
// it was not given is noticed, which makes WritePDF start again with the
// whole faces.
func TestCoverageNoticesAMissingCharacter(t *testing.T) {
	s, err := canvas.NewSession(canvas.TemplateQuick, "季度评审 Quarterly", "", time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	for _, c := range []struct {
		font int
		r    rune
	}{{int(faceCJK), '季'}, {int(faceLatin), 'Q'}, {boldLatin, 'Q'}} {
		r := buildReport(t, s, lang.For(lang.ZH))
		if !r.ts.covered() {
			t.Fatal("the report is not covered to begin with")
		}
		if !r.ts.used[fontKeys[c.font]][c.r] {
			t.Fatalf("%s did not draw %q; the test cannot tell", fontKeys[c.font], c.r)
		}
		delete(r.ts.trim[c.font], c.r)
		if r.ts.covered() {
			t.Errorf("%q drawn with %s outside its trimmed font went unnoticed", c.r, fontKeys[c.font])
		}
	}
}

var keyRE = regexp.MustCompile(`"(export\.(?:pdf|number)\.[a-z0-9.-]+)"`)

// TestReportKeysAreListed reads the package's code: every message key of
// the PDF it names is in reportKeys, whose characters the trimmed fonts
// hold.
func TestReportKeysAreListed(t *testing.T) {
	files, err := filepath.Glob("*.go")
	if err != nil {
		t.Fatal(err)
	}
	seen := 0
	for _, f := range files {
		if strings.HasSuffix(f, "_test.go") || f == "trim.go" {
			continue
		}
		src, err := os.ReadFile(f)
		if err != nil {
			t.Fatal(err)
		}
		for _, m := range keyRE.FindAllSubmatch(src, -1) {
			seen++
			if !slices.Contains(reportKeys, string(m[1])) {
				t.Errorf("%s names %s, which reportKeys lacks", f, m[1])
			}
		}
	}
	if seen < 50 {
		t.Fatalf("found only %d keys in the code; the test reads the wrong files", seen)
	}
}
