package export_test

import (
	"regexp"
	"testing"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/export"
)

// TestPDFAnonymousHidesNames: with the anonymous option no participant's
// name is in the PDF's text (header, legend, discussion), while their
// markers and figures still are; without it the names are there.
func TestPDFAnonymousHidesNames(t *testing.T) {
	names := []string{"Valentina Ruiz", "王小明", "Oskar Lind"}
	build := func(anonymous bool) *canvas.Session {
		s := newSession(t, canvas.TemplateQuick, "Anonymity check", "Quillstone", "Facilitadora")
		for i, n := range names {
			addParticipant(t, s, string(rune('a'+i)), n, "")
		}
		// Spread 70 on customer: a discussion point that lists placements.
		addPlacement(s, "customer", "a", 10, 3, "razón uno")
		addPlacement(s, "customer", "b", 80, 0, "理由二")
		addPlacement(s, "customer", "c", 50, 0, "")
		s.Settings.Anonymous = anonymous
		return s
	}
	for _, anonymous := range []bool{true, false} {
		x := extractText(t, saveTemp(t, render(t, build(anonymous), export.PDFOptions{})))
		if !x.has("Discussion points") || !x.has("razón uno") || !x.has("理由二") {
			t.Fatalf("anonymous=%v: the discussion with its rationales is missing", anonymous)
		}
		for _, n := range names {
			if x.has(n) == anonymous {
				t.Errorf("anonymous=%v: name %q present=%v in the PDF text", anonymous, n, x.has(n))
			}
		}
		// The discussion numbers people as the reasons section does.
		if anonymous && (!x.has("Participant 1: 10") || !x.has("Participant 2: 80")) {
			t.Errorf("the anonymous discussion does not number its people:\n%s", x.layout)
		}
	}
}

// TestPDFAnonymousNamesInEachLanguage: an anonymous session numbers its
// people in the report's language, in the discussion and the reasons.
func TestPDFAnonymousNamesInEachLanguage(t *testing.T) {
	for _, tc := range []struct {
		tag             lang.Tag
		discussion, why string
	}{
		{lang.ZH, "参与者 1：10（信心 3/5）——razón uno", "参与者 2 · 80"},
		{lang.ES, "Participante 1: 10 (confianza 3/5) — razón uno", "Participante 2 · 80"},
	} {
		s := newSession(t, canvas.TemplateQuick, "Anonymity check", "Quillstone", "Facilitadora")
		for i, n := range []string{"Valentina Ruiz", "王小明", "Oskar Lind"} {
			addParticipant(t, s, string(rune('a'+i)), n, "")
		}
		addPlacement(s, "customer", "a", 10, 3, "razón uno")
		addPlacement(s, "customer", "b", 80, 0, "理由二")
		addPlacement(s, "customer", "c", 50, 0, "")
		s.Settings.Anonymous = true
		x := extractText(t, saveTemp(t, render(t, s, export.PDFOptions{Words: lang.For(tc.tag)})))
		for _, want := range []string{tc.discussion, tc.why} {
			if !x.has(want) {
				t.Errorf("%s: the anonymous report lacks %q:\n%s", tc.tag, want, x.layout)
			}
		}
		if re := regexp.MustCompile(`\bParticipant \d`); re.MatchString(x.plain) || re.MatchString(x.layout) {
			t.Errorf("%s: the anonymous report names people in English", tc.tag)
		}
	}
}
