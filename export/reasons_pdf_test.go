package export_test

import (
	"fmt"
	"regexp"
	"strings"
	"testing"

	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/export"
)

// reasonsSession places three people on four dimensions with rationales in
// Chinese, Spanish and English; "customer" spreads 70 and is flagged,
// the others spread less and are not.
func reasonsSession(t *testing.T) *canvas.Session {
	t.Helper()
	s := newSession(t, canvas.TemplateQuick, "Razones · 理由 · Reasons", "Nubia CRM", "Ana")
	addParticipant(t, s, "li", "李伟", "产品经理")
	addParticipant(t, s, "ines", "Inés Ibáñez", "Ventas")
	addParticipant(t, s, "sam", "Sam Porter", "Engineering")
	addPlacement(s, "customer", "li", 90, 5, "我们的客户是五十人以上的企业，采购由行政部门决定。")
	addPlacement(s, "customer", "ines", 20, 2, "¿Empresas? No: la mitad de las altas son autónomos que pagan con su tarjeta.")
	addPlacement(s, "customer", "sam", 60, 0, "Invoices go to companies, but people sign up alone.")
	addPlacement(s, "value", "li", 70, 3, "客户看重每周节省的时间。")
	addPlacement(s, "value", "ines", 75, 0, "")
	addPlacement(s, "value", "sam", 80, 4, "Finance teams measure hours saved per payroll run.")
	addPlacement(s, "release-cadence", "ines", 40, 1, "Los clientes piden aviso antes de cada cambio, ¡siempre!")
	addPlacement(s, "release-cadence", "sam", 50, 0, "")
	addPlacement(s, "acquisition", "li", 30, 4, "")
	return s
}

// reasonLine matches a reason in pdftotext -layout: the person and the
// value beside the start of the rationale and, when given, the confidence
// under them.
func reasonLine(who string, value, confidence int, note string) *regexp.Regexp {
	re := fmt.Sprintf("%s · %d +%s", regexp.QuoteMeta(who), value, regexp.QuoteMeta(string([]rune(note)[:6])))
	if confidence > 0 {
		re += fmt.Sprintf(`[^\n]*\n +confidence %d/5`, confidence)
	}
	return regexp.MustCompile(re)
}

func TestPDFPrintsEveryRationale(t *testing.T) {
	for _, anonymous := range []bool{false, true} {
		t.Run(fmt.Sprintf("anonymous=%v", anonymous), func(t *testing.T) {
			s := reasonsSession(t)
			s.Settings.Anonymous = anonymous
			flagged := map[string]bool{}
			for _, a := range s.Agenda() {
				flagged[a.Key] = true
			}
			if !flagged["customer"] || flagged["value"] || flagged["release-cadence"] {
				t.Fatalf("test bug: flagged dimensions %v, want customer only", flagged)
			}
			x := extractText(t, saveTemp(t, render(t, s, export.PDFOptions{})))
			if !x.has("Why people placed where they did") {
				t.Fatalf("no reasons section:\n%s", x.layout)
			}
			section := x.layout[strings.Index(x.layout, "Why people placed where they did"):]
			for _, pl := range s.Placements {
				if pl.Note == "" {
					continue
				}
				if !x.has(pl.Note) {
					t.Errorf("the PDF lacks %s's rationale on %s: %q", pl.Participant, pl.Dimension, pl.Note)
				}
				i := 0
				for ; s.Participants[i].ID != pl.Participant; i++ {
				}
				who := s.Participants[i].Name
				if anonymous {
					who = fmt.Sprintf("Participant %d", i+1)
				}
				if !reasonLine(who, pl.Value, pl.Confidence, pl.Note).MatchString(section) {
					t.Errorf("the reasons section has no line %q for %s on %s", reasonLine(who, pl.Value, pl.Confidence, pl.Note), who, pl.Dimension)
				}
			}
			// Grouped by dimension, in the session's order; a dimension
			// nobody explained is not listed.
			at := -1
			for _, key := range []string{"customer", "value", "release-cadence"} {
				d, _ := s.Dimension(key)
				j := strings.Index(section, en(d).Name)
				if j <= at {
					t.Errorf("dimension %q is not after the one before it in the reasons section", en(d).Name)
				}
				at = j
			}
			if d, _ := s.Dimension("acquisition"); strings.Contains(section[:strings.Index(section, "Guidance")], en(d).Name) {
				t.Errorf("the reasons section lists %q, where nobody wrote a reason", en(d).Name)
			}
			for _, p := range s.Participants {
				if x.has(p.Name) == anonymous {
					t.Errorf("name %q present=%v in an anonymous=%v PDF", p.Name, x.has(p.Name), anonymous)
				}
			}
			if t.Failed() {
				t.Logf("pdftotext -layout:\n%s", x.layout)
			}
		})
	}
}

// In a long reasons section no page ends on a dimension's name or the
// section's heading, no person's line is parted from their confidence, and
// a dimension that goes on over a page says so.
func TestPDFReasonsKeepTogether(t *testing.T) {
	s := fullSession(t)
	path := saveTemp(t, render(t, s, export.PDFOptions{}))
	dimName := map[string]bool{}
	for _, d := range s.Dimensions {
		dimName[en(d).Name] = true
	}
	person := regexp.MustCompile(`^\s+\S.* · \d+\s`)
	inSection, continued := false, 0
	for i := 1; i <= pageCount(t, path); i++ {
		page := runTool(t, "pdftotext", "-enc", "UTF-8", "-layout", "-f", fmt.Sprint(i), "-l", fmt.Sprint(i), path, "-")
		var lines []string
		for _, l := range strings.Split(page, "\n") {
			if strings.TrimSpace(l) != "" && !strings.HasPrefix(strings.TrimSpace(l), "Fulcrum ·") {
				lines = append(lines, l)
			}
		}
		if strings.Contains(page, "Why people placed where they did") {
			inSection = true
		}
		if !inSection || len(lines) == 0 {
			continue
		}
		if strings.Contains(page, "What each dimension's position implies") {
			inSection = false
		}
		last := strings.TrimSpace(lines[len(lines)-1])
		if dimName[last] || strings.HasPrefix(last, "Why people placed") || strings.HasPrefix(last, "Every reason given") {
			t.Errorf("page %d ends on %q", i, last)
		}
		if strings.HasSuffix(strings.TrimSpace(lines[0]), "(continued)") {
			continued++
		}
		for k, l := range lines {
			if person.MatchString(l) && (k+1 >= len(lines) || !strings.Contains(lines[k+1], "confidence")) {
				t.Errorf("page %d: %q is parted from its confidence", i, strings.TrimSpace(l))
			}
		}
	}
	if continued == 0 {
		t.Error("no dimension's reasons say they go on over a page")
	}
}
