package export_test

import (
	"regexp"
	"strings"
	"testing"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/export"
)

// sinceRow is one row of the Since section's table as extracted, the
// dimension's name in the reader's language and its figures.
type sinceRow struct {
	key, figures string
}

// sinceEnglish is what the tensions and Since sections say in English;
// none of it may be left in a report in another language.
var sinceEnglish = []string{
	"Since", "Compared with", "then", "now", "Then", "Now", "Shift", "added", "removed", "target",
	"Targets reached", "Added since", "Removed since", "Tensions", "tensions", "New tensions", "none",
	"Question for the room", "Positions", "Accepted by the team", "accepted", "to resolve",
}

// TestPDFSinceSectionInEachLanguage exports Q3 with Q1 as its baseline
// (canvas/testdata/compare, worked out by hand in canvas's
// TestCompareByHand) in English, Chinese and Spanish. The section is headed
// with Q1's date, gives the index then and now with the shift, every
// dimension's move largest first (decision makers from the median 50 to
// 69, +19, first), the dimensions added and removed, the targets reached
// (customer and value), and the new tension committee-impulse; the chart
// draws the earlier positions, which its legend explains. Without a
// baseline there is no such section.
func TestPDFSinceSectionInEachLanguage(t *testing.T) {
	needTool(t, "pdftotext")
	q1, q3 := compareFixture(t, "q1.json"), compareFixture(t, "q3.json")
	for _, tc := range []struct {
		tag            lang.Tag
		heading, index string
		// the table's rows, largest move first
		rows    []sinceRow
		targets string
	}{
		{lang.EN, "Since 10 May 2026", "ToB index: 50 then, 58.9 now (+8.9).",
			[]sinceRow{{"decision-makers", "~50 69 +19"}, {"customer", "70 80 +10 target 85 reached"}, {"acquisition", "60 50 -10 target 70 not reached"}, {"decision-cycle", "30 ~22.5 -7.5 target 20 not reached"}},
			"Targets reached (within 5 points of the earlier target): 2 of 6 — Whom the product serves, Core value."},
		{lang.ZH, "自 2026年5月10日 以来", "ToB 指数：上次 50，本次 58.9（+8.9）。",
			[]sinceRow{{"decision-makers", "~50 69 +19"}, {"customer", "70 80 +10 目标 85 已达成"}, {"acquisition", "60 50 -10 目标 70 未达成"}, {"decision-cycle", "30 ~22.5 -7.5 目标 20 未达成"}},
			"已达成的目标（距上次目标 5 分以内）：2 / 6"},
		{lang.ES, "Desde el 10 de mayo de 2026", "Índice ToB: 50 entonces, 58,9 ahora (+8,9).",
			[]sinceRow{{"decision-makers", "~50 69 +19"}, {"customer", "70 80 +10 objetivo 85 alcanzado"}, {"acquisition", "60 50 -10 objetivo 70 no alcanzado"}, {"decision-cycle", "30 ~22,5 -7,5 objetivo 20 no alcanzado"}},
			"Objetivos alcanzados (a 5 puntos o menos del objetivo anterior): 2 de 6"},
	} {
		t.Run(string(tc.tag), func(t *testing.T) {
			w := lang.For(tc.tag)
			name := func(key string) string {
				d, ok := q3.Dimension(key)
				if !ok {
					d, _ = q1.Dimension(key)
				}
				return w.DimensionOf(d).Name
			}
			x := extractText(t, saveTemp(t, render(t, q3, export.PDFOptions{Words: w, Since: q1})))
			newTension, _ := w.Tension("committee-impulse")
			requireText(t, x, map[string][]string{
				"heading":   {tc.heading},
				"index":     {tc.index},
				"targets":   {tc.targets, name("customer"), name("value")},
				"added":     {w.T("export.pdf.since.added-list", name("revenue-source"))},
				"removed":   {w.T("export.pdf.since.removed-list", name("data-volume"))},
				"tensions":  {w.T("export.pdf.since.tensions.new", newTension.Name), w.T("export.pdf.since.tensions.resolved", w.T("export.pdf.since.tensions.none"))},
				"legend":    {w.Legend(canvas.LegendEarlier), w.Legend(canvas.LegendMoved)},
				"baseline":  {q1.Title},
				"the table": {w.T("export.pdf.col.then"), w.T("export.pdf.col.now"), w.T("export.pdf.col.shift")},
			})
			if tc.tag != lang.EN {
				for _, english := range sinceEnglish {
					re := regexp.MustCompile(`\b` + regexp.QuoteMeta(english) + `\b`)
					if re.MatchString(x.plain) || re.MatchString(x.layout) {
						t.Errorf("the %s report still says %q", tc.tag, english)
					}
				}
			}
			// The rows, in the order of the moves.
			last := -1
			for _, row := range tc.rows {
				at := strings.Index(x.flatLayout, flat(name(row.key)+row.figures))
				if at < 0 {
					t.Errorf("the table lacks the row %s %s", name(row.key), row.figures)
					continue
				}
				if at < last {
					t.Errorf("the row %s %s comes before a larger move", name(row.key), row.figures)
				}
				last = at
			}
		})
	}
	t.Run("without a baseline", func(t *testing.T) {
		w := lang.For(lang.EN)
		x := extractText(t, saveTemp(t, render(t, q3, export.PDFOptions{})))
		for _, s := range []string{"Since 10 May 2026", w.Legend(canvas.LegendEarlier), w.T("export.pdf.col.shift")} {
			if x.has(s) {
				t.Errorf("a report without a baseline says %q", s)
			}
		}
	})
}

// TestPDFSinceWithNothingInCommon: a baseline that shares no dimension
// with today's session lists its dimensions as removed and today's as
// added, each row without a shift, rather than failing.
func TestPDFSinceWithNothingInCommon(t *testing.T) {
	needTool(t, "pdftotext")
	q1, apart := compareFixture(t, "q1.json"), compareFixture(t, "apart.json")
	c := canvas.Compare(q1, apart)
	if len(c.Added) == 0 || len(c.Removed) == 0 {
		t.Fatalf("apart.json shares dimensions with q1.json (added %q, removed %q); the test cannot tell", c.Added, c.Removed)
	}
	w := lang.For(lang.EN)
	x := extractText(t, saveTemp(t, render(t, apart, export.PDFOptions{Since: q1})))
	var added, removed []string
	for _, k := range c.Added {
		d, _ := apart.Dimension(k)
		added = append(added, w.DimensionOf(d).Name)
	}
	for _, k := range c.Removed {
		d, _ := q1.Dimension(k)
		removed = append(removed, w.DimensionOf(d).Name)
	}
	requireText(t, x, map[string][]string{
		"added":   {"Added since then: " + strings.Join(added, ", ") + "."},
		"removed": {"Removed since then: " + strings.Join(removed, ", ") + "."},
		"heading": {"Since 10 May 2026"},
	})
}

// pagesText is each page's text, as pdftotext lays it out, whitespace
// removed.
func pagesText(t *testing.T, path string) []string {
	t.Helper()
	// pdftotext ends every page with a form feed.
	pages := strings.Split(runTool(t, "pdftotext", "-enc", "UTF-8", "-layout", path, "-"), "\f")
	out := make([]string, 0, len(pages))
	for _, p := range pages[:len(pages)-1] {
		out = append(out, flat(p))
	}
	return out
}

// TestPDFSinceChartStaysWithItsHeading: with thirty dimensions and twelve
// participants on Letter paper, the Since heading, the index then and now
// and the whole comparison chart (down to its legend) share one page:
// the rows tighten rather than leave the heading alone at a page's end.
func TestPDFSinceChartStaysWithItsHeading(t *testing.T) {
	needTool(t, "pdftotext")
	s := fullSession(t)
	before := s.Clone()
	before.Updated = before.Updated.AddDate(0, -3, 0)
	for i := range before.Positions {
		if p := before.Positions[i].Current; p != nil {
			before.Positions[i].Current = intp((*p + 40) % 101)
		}
	}
	w := lang.For(lang.EN)
	path := saveTemp(t, render(t, s, export.PDFOptions{Paper: export.PaperLetter, Since: before}))
	heading := flat(w.T("export.pdf.heading.since", w.Date(before.Updated.UTC())))
	found := false
	for i, page := range pagesText(t, path) {
		if !strings.Contains(page, heading) {
			continue
		}
		found = true
		for _, want := range []string{"ToBindex:", w.Legend(canvas.LegendEarlier), w.Legend(canvas.LegendMoved), "Operationsroles"} {
			if !strings.Contains(page, flat(want)) {
				t.Errorf("page %d has the Since heading but not %q of its chart", i+1, want)
			}
		}
	}
	if !found {
		t.Fatalf("no page has the heading %q", heading)
	}
}
