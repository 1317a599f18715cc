package export_test

import (
	"fmt"
	"strings"
	"testing"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/canvas/benchdata"
	"github.com/fulcrum-workshop/fulcrum/export"
)

// widestSession is the largest session page 1 must answer for: every
// catalogue dimension plus one the team wrote (30), twelve participants
// with roles, a two-line title, targets, and more actions than page 1
// lists, each two lines long there.
func widestSession(tb testing.TB) *canvas.Session {
	tb.Helper()
	s := fullSession(tb)
	s.Title = "Posicionamiento del producto para 2027 · 产品定位研讨会 · Revisión anual"
	s.Dimensions = append(s.Dimensions, canvas.Dimension{
		Key: "team-own", Group: "team", Name: "Partner channel",
		ToC: "Direct", ToB: "Through partners",
	})
	for i := range fullNames {
		addPlacement(s, "team-own", fmt.Sprintf("p%02d", i), (i*53)%101, 3, esNotes[i%len(esNotes)])
	}
	setPosition(tb, s, "team-own", 70, intp(80), "")
	for i, d := range s.Dimensions {
		if i%4 == 0 {
			must(tb, s.SetTarget(d.Key, intp((i*17)%101)))
		}
	}
	for i := range 6 {
		s.Actions = append(s.Actions, canvas.Action{
			Text:  fmt.Sprintf("Revisar el plan de lanzamiento %d con el comité y 通知客户", i),
			Owner: fullNames[i][0], Due: "2027-01-10",
		})
	}
	return s
}

// pagesOf is the text of each page, as pdftotext extracts it in reading
// order: it ends every page with a form feed.
func pagesOf(tb testing.TB, data []byte) []string {
	tb.Helper()
	path := saveTemp(tb, data)
	pages := strings.Split(strings.TrimSuffix(runTool(tb, "pdftotext", "-enc", "UTF-8", path, "-"), "\f"), "\f")
	if want := pageCount(tb, path); len(pages) != want {
		tb.Fatalf("pdftotext gave %d pages of %d", len(pages), want)
	}
	return pages
}

// TestPDFPageOneAnswers reads page 1 of the largest sessions, in each
// language and on both papers: it holds the ToB index, every row of the
// chart, where the team disagreed and what it decided, each with its
// first line.
func TestPDFPageOneAnswers(t *testing.T) {
	needTool(t, "pdftotext")
	heavy, err := benchdata.Heavy(benchdata.HeavyID)
	must(t, err)
	sessions := []struct {
		name string
		s    *canvas.Session
	}{
		{"heavy", heavy},
		{"widest", widestSession(t)},
		{"widest with tensions", tenseSession(t, widestSession(t))},
	}
	for _, sc := range sessions {
		for _, tag := range []lang.Tag{lang.EN, lang.ZH, lang.ES} {
			for _, paper := range []string{export.PaperA4, export.PaperLetter} {
				t.Run(fmt.Sprintf("%s/%s/%s", sc.name, tag, paper), func(t *testing.T) {
					w := lang.For(tag)
					pages := pagesOf(t, render(t, sc.s, export.PDFOptions{Words: w, Paper: paper}))
					page1 := flat(pages[0])
					want := []string{w.T("export.pdf.index.title"), w.Band(sc.s.Index().Band())}
					for _, d := range sc.s.Dimensions {
						want = append(want, w.DimensionOf(d).Name)
					}
					agenda := sc.s.Agenda()
					if len(agenda) == 0 {
						t.Fatal("test bug: the session has no disagreement")
					}
					d, _ := sc.s.Dimension(agenda[0].Key)
					st := sc.s.DimensionStats(d.Key)
					agreed := 0
					for _, p := range sc.s.Positions {
						if p.Current != nil {
							agreed++
						}
					}
					want = append(want,
						w.T("export.pdf.keypoints.disagreed"),
						w.T("export.pdf.keypoints.spread", w.DimensionOf(d).Name, st.Spread(), st.Min, st.Max),
						w.T("export.pdf.keypoints.decided"),
						w.N("export.pdf.keypoints.agreed", len(sc.s.Dimensions), agreed),
					)
					if open := openTensionsOf(sc.s); len(open) > 0 {
						name, _ := w.Tension(open[0].Rule)
						want = append(want, w.T("export.pdf.keypoints.tensions"), name.Name)
					}
					for _, s := range want {
						if !strings.Contains(page1, flat(s)) {
							t.Errorf("page 1 of %d lacks %q", len(pages), s)
						}
					}
					if t.Failed() {
						t.Logf("page 1:\n%s", pages[0])
					}
				})
			}
		}
	}
}

// tenseSession sets s's positions so that at least four tensions are open
// and one is accepted: page 1's tensions block is then at its longest
// (three lines and a fourth saying how many more).
func tenseSession(t *testing.T, s *canvas.Session) *canvas.Session {
	t.Helper()
	s = s.Clone()
	for key, v := range map[string]int{
		"decision-makers": 85, "decision-cycle": 5, "acquisition": 10, "decision-logic": 15,
		"customer": 10, "revenue-source": 90, "switching-cost": 5, "retention": 10,
	} {
		must(t, s.SetCurrent(key, v))
	}
	s.AcceptedTensions = []canvas.AcceptedTension{{Rule: "committee-self-serve", Reason: "A free trial brings in the committee"}}
	if n := len(openTensionsOf(s)); n < 4 {
		t.Fatalf("test bug: %d open tensions, want 4 or more", n)
	}
	return s
}

func openTensionsOf(s *canvas.Session) []canvas.Tension {
	var open []canvas.Tension
	for _, tn := range s.Tensions() {
		if !tn.Accepted {
			open = append(open, tn)
		}
	}
	return open
}
