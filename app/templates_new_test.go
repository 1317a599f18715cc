package app

import (
	"path/filepath"
	"slices"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// The New session dialog lists every template of the store, built-in and
// custom, with its dimension count, and starts a session from a custom
// one with a snapshot of its dimensions.
func TestNewSessionFromACustomTemplate(t *testing.T) {
	u, st := startUI(t, filepath.Join(t.TempDir(), "f.db"))
	defer st.Close()
	if err := st.SaveDimension(regulatory); err != nil {
		t.Fatal(err)
	}
	mine := canvas.Template{Key: "fintech", Name: "Fintech, 45 minutos",
		Dimensions: []string{"customer", regulatory.Key, "revenue-model"}}
	if err := st.SaveTemplate(mine); err != nil {
		t.Fatal(err)
	}
	c := u.Window().Canvas()
	dlg := pressCtrlN(t, c)
	radio := renderedOf[*keyRadio](dlg)[0]
	want := []string{"Full — 29 dimensions", "Quick — 8 dimensions", "Fintech, 45 minutos — 3 dimensions"}
	if !slices.Equal(radio.Options, want) {
		t.Fatalf("the dialog offers %q, want %q", radio.Options, want)
	}
	radio.SetSelected(want[2])
	test.Type(renderedOf[*keyEntry](dlg)[0], "Piloto")
	test.Tap(buttonIn(t, dlg, "Create"))
	if u.editor == nil {
		t.Fatal("no session was opened")
	}
	s := u.editor.s
	if s.Template != "fintech" || len(u.editor.rows) != 3 {
		t.Fatalf("the session comes from %q with %d rows", s.Template, len(u.editor.rows))
	}
	if d, ok := s.Dimension(regulatory.Key); !ok || d != regulatory {
		t.Errorf("the session's copy of the custom dimension is %+v", d)
	}
	// Remembered as the next default.
	u.ShowHome()
	dlg = pressCtrlN(t, c)
	if got := renderedOf[*keyRadio](dlg)[0].Selected; got != want[2] {
		t.Errorf("the next New session dialog chooses %q", got)
	}
}
