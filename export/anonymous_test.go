package export_test

import (
	"testing"

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
