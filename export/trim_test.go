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

// TestShortCJKCmapCoversTheReport lays out reports that draw Chinese (the
// heavy session's notes, and the report's own words in Chinese) in every
// language, anonymous, unrevealed and with actions: the CJK face's short
// cmap holds every character drawn with it, so WritePDF never has to make
// the document twice, and it is short.
func TestShortCJKCmapCoversTheReport(t *testing.T) {
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
	for _, tag := range lang.Tags() {
		for name, s := range map[string]*canvas.Session{"heavy": heavy, "anonymous": anonymous, "unplaced": bare, "tensions and since": tense} {
			var since *canvas.Session
			if s == tense {
				since = earlier
			}
			r := buildReportSince(t, s, lang.For(tag), since)
			if !r.ts.registered[faceCJK] {
				t.Fatalf("%s in %s: the CJK face is not used; the test cannot tell", name, tag)
			}
			if !r.ts.cjkCovered() {
				var missing []string
				for c := range r.ts.used[fontKey(faceCJK, false)] {
					if _, ok := r.ts.cjk[c]; !ok && r.ts.fonts.adv[faceCJK].glyph[c] != 0 {
						missing = append(missing, string(c))
					}
				}
				t.Errorf("%s in %s: drawn with the CJK face but not in its cmap: %q", name, tag, missing)
			}
			if len(r.ts.cjk) > 1000 {
				t.Errorf("%s in %s: the short cmap has %d characters", name, tag, len(r.ts.cjk))
			}
		}
	}
}

// TestCJKCoverageNoticesAMissingCharacter: a character drawn with the CJK
// face that its cmap lacks is noticed, which makes WritePDF start again
// with the whole cmap.
func TestCJKCoverageNoticesAMissingCharacter(t *testing.T) {
	s, err := canvas.NewSession(canvas.TemplateQuick, "季度评审", "", time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	r := buildReport(t, s, lang.For(lang.ZH))
	delete(r.ts.cjk, '季')
	if r.ts.cjkCovered() {
		t.Fatal("a character drawn outside the short cmap went unnoticed")
	}
}

var keyRE = regexp.MustCompile(`"(export\.(?:pdf|number)\.[a-z0-9.-]+)"`)

// TestReportKeysAreListed reads the package's code: every message key of
// the PDF it names is in reportKeys, whose characters the CJK face's
// short cmap holds.
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
