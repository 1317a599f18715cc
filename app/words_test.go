package app

import (
	"path/filepath"
	"testing"
	"time"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// TestOldSessionShowsCurrentWording: a session saved before issue 13 holds
// the old English text of its built-in dimensions in the store; the
// editor, its guidance and the chart show the catalogue's current wording
// by key instead.
func TestOldSessionShowsCurrentWording(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f.db")
	u, st := startUI(t, path)
	defer st.Close()
	s, err := canvas.NewSession(canvas.TemplateQuick, "Q4", "Nubia CRM", time.Date(2026, 11, 20, 9, 0, 0, 0, time.UTC))
	if err != nil {
		t.Fatal(err)
	}
	s.Dimensions[0].Name = "Who the customer is"
	s.Dimensions[0].Question = "Who pays for the product: a person, or an organisation?"
	s.Dimensions[0].ToC = "Individuals buying for themselves"
	s.Dimensions[0].Guidance.ToC = "Old guidance nobody should read any more."
	if err := st.Save(s); err != nil {
		t.Fatal(err)
	}
	stored, err := st.Load(s.ID)
	if err != nil || stored.Dimensions[0].Name != "Who the customer is" {
		t.Fatalf("the store did not keep the old wording (%v), so this test proves nothing", err)
	}
	if err := u.OpenSession(s.ID); err != nil {
		t.Fatal(err)
	}
	u.editor.focusRow(0)

	want, _ := u.words().Dimension("customer")
	texts := textsOf(onScreen(u))
	for _, old := range []string{"Who the customer is", "Who pays for the product: a person, or an organisation?",
		"Individuals buying for themselves", "Old guidance nobody should read any more."} {
		if containsText(texts, old) {
			t.Errorf("the editor shows the stored old wording %q", old)
		}
	}
	for _, now := range []string{want.Name, want.Question, want.ToC} {
		if !hasText(texts, now) {
			t.Errorf("the editor lacks the current wording %q", now)
		}
	}
	if !contains(chartTexts(u.editor.chart), want.Name) {
		t.Errorf("the chart lacks %q: %q", want.Name, chartTexts(u.editor.chart))
	}
}
