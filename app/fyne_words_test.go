package app

import (
	"path/filepath"
	"slices"
	"testing"

	fynelang "fyne.io/fyne/v2/lang"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// Fyne's own widgets follow Settings → Language too: Fyne picks its
// language once, from the locale, so without help its file dialog kept
// the locale's "Save" and "Cancel" under a Chinese or Spanish interface.
func TestFyneWordsFollowTheLanguage(t *testing.T) {
	u, st := startUI(t, filepath.Join(t.TempDir(), "f.db"))
	defer st.Close()
	defer u.setLanguage(lang.EN) // Fyne's words are the process's
	if err := u.createSession(canvas.TemplateQuick, "Idiomas", "Nubia", ""); err != nil {
		t.Fatal(err)
	}
	c := u.Window().Canvas()
	for _, tc := range []struct {
		tag          lang.Tag
		cancel, save string
	}{
		{lang.ZH, "取消", "保存"},
		{lang.ES, "Cancelar", "Guardar"},
		{lang.EN, "Cancel", "Save"},
	} {
		u.setLanguage(tc.tag)
		if got := fynelang.L("Cancel"); got != tc.cancel {
			t.Errorf("%s: Fyne says %q for Cancel, want %q", tc.tag, got, tc.cancel)
		}
		u.exportDialog(exportCSV) // straight to Fyne's save dialog
		top := c.Overlays().Top()
		if top == nil {
			t.Fatalf("%s: no save dialog", tc.tag)
		}
		if texts := textsOf(rendered(top)); !slices.Contains(texts, tc.save) || !slices.Contains(texts, tc.cancel) {
			t.Errorf("%s: the save dialog shows %q, want %q and %q", tc.tag, texts, tc.save, tc.cancel)
		}
		top.Hide()
	}
}
