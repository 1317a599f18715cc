package export_test

import (
	"os"
	"path/filepath"
	"regexp"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/export"
)

// compareFixture decodes a session file of canvas/testdata/compare, as
// `fulcrum import` does.
func compareFixture(tb testing.TB, name string) *canvas.Session {
	tb.Helper()
	f, err := os.Open(filepath.Join("..", "canvas", "testdata", "compare", name))
	must(tb, err)
	defer f.Close()
	s, err := canvas.DecodeFile(f, time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC))
	if err != nil {
		tb.Fatalf("import %s: %v", name, err)
	}
	return s
}

// acceptedReason is the reason the team typed for the tension it accepted.
const acceptedReason = "We land through a free trial on purpose; sales follow up · 先试用"

// tensionSession is Q3 with two tensions: committee-impulse, open
// (decision makers 69, decision cycle the median 22.5), and
// committee-self-serve, accepted with acceptedReason (decision makers 69,
// acquisition 20).
func tensionSession(tb testing.TB) *canvas.Session {
	tb.Helper()
	s := compareFixture(tb, "q3.json")
	must(tb, s.SetCurrent("acquisition", 20))
	o := canvas.NewOwner(s, func() time.Time { return s.Updated })
	must(tb, o.Apply(canvas.AcceptTension{Rule: "committee-self-serve", Reason: acceptedReason}))
	s = o.Snapshot()
	var rules []string
	for _, t := range s.Tensions() {
		rules = append(rules, t.Rule+"/"+strconv.FormatBool(t.Accepted))
	}
	if got := strings.Join(rules, " "); got != "committee-impulse/false committee-self-serve/true" {
		tb.Fatalf("the test session's tensions are %s, want committee-impulse open and committee-self-serve accepted", got)
	}
	return s
}

// keyPointsText is page 1 above the dimension table, in layout order:
// the header, the chart and the key points, where "Tensions to resolve"
// belongs. The tensions section, after the table, may start on page 1
// too, further down.
func keyPointsText(t *testing.T, path string, w *lang.Words) string {
	t.Helper()
	page := runTool(t, "pdftotext", "-enc", "UTF-8", "-layout", "-f", "1", "-l", "1", path, "-")
	heading := w.T("export.pdf.heading.dimensions")
	for _, line := range strings.Split(page, "\n") {
		if strings.TrimSpace(line) == heading {
			return page[:strings.Index(page, line)]
		}
	}
	// The table, and the tensions section after it, start on page 2.
	return page
}

// TestPDFTensionsInEachLanguage: in English, Chinese and Spanish, the
// tensions section gives every tension's name, message and question for
// the room, the accepted one marked accepted with the team's reason as
// typed, and the positions of each; page 1's key points name the open
// tension, and not the accepted one.
func TestPDFTensionsInEachLanguage(t *testing.T) {
	needTool(t, "pdftotext")
	s := tensionSession(t)
	for _, tc := range []struct {
		tag lang.Tag
		// the open tension's positions in the section: decision makers 69
		// and decision cycle's median 22.5, in whole points as the chart
		// prints it
		positions []string
		accepted  string
	}{
		{lang.EN, []string{"Decision makers 69, Decision cycle ~23"}, "(accepted)"},
		{lang.ZH, []string{"69、", "~23"}, "（已接受）"},
		{lang.ES, []string{"69, ", "~23"}, "(aceptada)"},
	} {
		t.Run(string(tc.tag), func(t *testing.T) {
			w := lang.For(tc.tag)
			path := saveTemp(t, render(t, s, export.PDFOptions{Words: w}))
			x := extractText(t, path)
			open, _ := w.Tension("committee-impulse")
			acc, _ := w.Tension("committee-self-serve")
			requireText(t, x, map[string][]string{
				"heading":         {w.T("export.pdf.heading.tensions")},
				"open tension":    {open.Name, open.Message, open.Question},
				"accepted":        {acc.Name + tc.accepted, acc.Message, acc.Question},
				"team's reason":   {acceptedReason},
				"the rule's side": {strconv.Itoa(canvas.TensionToBMin)},
			})

			if tc.tag != lang.EN {
				for _, english := range sinceEnglish {
					re := regexp.MustCompile(`\b` + regexp.QuoteMeta(english) + `\b`)
					if re.MatchString(x.plain) || re.MatchString(x.layout) {
						t.Errorf("the %s report still says %q", tc.tag, english)
					}
				}
			}

			top := keyPointsText(t, path, w)
			flatTop := flat(top)
			dm, _ := s.Dimension("decision-makers")
			dc, _ := s.Dimension("decision-cycle")
			for _, want := range []string{w.T("export.pdf.keypoints.tensions"), "• " + open.Name} {
				if !strings.Contains(flatTop, flat(want)) {
					t.Errorf("page 1's key points lack %q:\n%s", want, top)
				}
			}
			// The section gives the positions.
			for _, want := range append([]string{w.DimensionOf(dm).Name, w.DimensionOf(dc).Name}, tc.positions...) {
				if !strings.Contains(flat(x.plain), flat(want)) {
					t.Errorf("the tensions section lacks %q", want)
				}
			}
			if strings.Contains(flatTop, flat(acc.Name)) {
				t.Errorf("page 1's key points list the accepted tension %q as one to resolve:\n%s", acc.Name, top)
			}
		})
	}
}

// TestPDFNothingToResolve: with every tension accepted, page 1 has no
// "Tensions to resolve" while the section still shows the accepted one;
// without any tension, the section says so and page 1 says nothing.
func TestPDFNothingToResolve(t *testing.T) {
	needTool(t, "pdftotext")
	w := lang.For(lang.EN)
	allAccepted := tensionSession(t)
	o := canvas.NewOwner(allAccepted, func() time.Time { return allAccepted.Updated })
	must(t, o.Apply(canvas.AcceptTension{Rule: "committee-impulse", Reason: "Committees sign fast once the pilot works"}))
	allAccepted = o.Snapshot()
	none := compareFixture(t, "q1.json")
	if n := len(none.Tensions()); n != 0 {
		t.Fatalf("Q1 has %d tensions, want none", n)
	}
	for name, tc := range map[string]struct {
		s    *canvas.Session
		want []string
	}{
		"all accepted": {allAccepted, []string{"Committee vs impulse purchase (accepted)", "Committees sign fast once the pilot works", acceptedReason}},
		"none":         {none, []string{w.T("export.pdf.tensions.none")}},
	} {
		t.Run(name, func(t *testing.T) {
			path := saveTemp(t, render(t, tc.s, export.PDFOptions{}))
			requireText(t, extractText(t, path), map[string][]string{"section": append(tc.want, w.T("export.pdf.heading.tensions"))})
			if top := keyPointsText(t, path, w); strings.Contains(top, w.T("export.pdf.keypoints.tensions")) {
				t.Errorf("page 1 lists tensions to resolve, with none open:\n%s", top)
			}
		})
	}
}

// TestPDFOpenTensionsOnPage1AreCapped: page 1 names three open tensions
// and counts the rest, which the section lists in full.
func TestPDFOpenTensionsOnPage1AreCapped(t *testing.T) {
	needTool(t, "pdftotext")
	// Seven dimensions, so page 1 has room for its key points.
	s := newSession(t, canvas.TemplateQuick, "Contradictions", "Ledgerline", "")
	s.Dimensions = nil
	for _, kv := range []struct {
		key string
		v   int
	}{{"customer", 5}, {"decision-makers", 90}, {"decision-cycle", 5}, {"decision-logic", 5}, {"acquisition", 5}, {"switching-cost", 5}, {"revenue-source", 90}} {
		key, v := kv.key, kv.v
		d, ok := canvas.LookupDimension(key)
		if !ok {
			t.Fatalf("no dimension %s in the catalogue", key)
		}
		s.Dimensions = append(s.Dimensions, d)
		setPosition(t, s, key, v, nil, "")
	}
	ts := s.Tensions()
	if len(ts) < 5 {
		t.Fatalf("the session raises %d tensions, want at least 5", len(ts))
	}
	w := lang.For(lang.EN)
	path := saveTemp(t, render(t, s, export.PDFOptions{}))
	top := flat(keyPointsText(t, path, w))
	for i, tn := range ts {
		text, _ := w.Tension(tn.Rule)
		if on := strings.Contains(top, flat("• "+text.Name)); on != (i < export.KeyPointTensions) {
			t.Errorf("tension %d (%s) on page 1: %v", i+1, text.Name, on)
		}
	}
	if more := w.N("export.pdf.keypoints.more-tensions", len(ts)-export.KeyPointTensions, w.T("export.pdf.heading.tensions")); !strings.Contains(top, flat(more)) {
		t.Errorf("page 1 lacks %q", more)
	}
	x := extractText(t, path)
	for _, tn := range ts {
		text, _ := w.Tension(tn.Rule)
		if !x.has(text.Message) {
			t.Errorf("the section lacks %s's message", tn.Rule)
		}
	}
}

// TestPDFTensionsAreNeverSplit: however far down a page the tensions
// section starts (a note on the dimension table above it grows two lines
// at a time), its heading is on the page of the first tension, and each
// tension is on one page: the page with its name also has its last line,
// the accepted one's reason.
func TestPDFTensionsAreNeverSplit(t *testing.T) {
	needTool(t, "pdftotext")
	w := lang.For(lang.EN)
	open, _ := w.Tension("committee-impulse")
	acc, _ := w.Tension("committee-self-serve")
	for k := range 24 {
		s := tensionSession(t)
		must(t, s.SetNote("revenue-source", strings.Repeat("Renewals and upsell. ", k*8)))
		pages := pagesText(t, saveTemp(t, render(t, s, export.PDFOptions{})))
		name, reason := -1, -1
		heading := flat(w.T("export.pdf.heading.tensions"))
		for i, p := range pages {
			if at := strings.Index(p, heading); at >= 0 && !strings.Contains(p[at:], flat(open.Name)) {
				t.Errorf("note of %d sentences: page %d has the tensions heading without the first tension", k*8, i+1)
			}
			if strings.Contains(p, flat(acc.Name+" (accepted)")) {
				name = i
			}
			if strings.Contains(p, flat(acceptedReason)) {
				reason = i
			}
		}
		if name < 0 || name != reason {
			t.Errorf("note of %d sentences: the accepted tension's name is on page %d, its reason on page %d", k*8, name+1, reason+1)
		}
	}
}
