package app

import (
	"path/filepath"
	"testing"

	"fyne.io/fyne/v2"
	fynecanvas "fyne.io/fyne/v2/canvas"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// TestPresentationShowsACustomDimension: a dimension the team wrote itself,
// in Chinese and in a group of its own, is projected like a built-in one:
// its name as the title, its question and both poles as written, and it
// counts among the screens.
func TestPresentationShowsACustomDimension(t *testing.T) {
	u, st := startFacilitation(t, filepath.Join(t.TempDir(), "f.db"))
	defer st.Close()
	if err := u.createSession(canvas.TemplateQuick, "Proyector", "Nubia CRM", ""); err != nil {
		t.Fatal(err)
	}
	e := u.editor
	custom := canvas.Dimension{
		Key: "监管负担", Group: "监管", Name: "监管负担", Question: "监管对产品的影响有多大？",
		ToC: "几乎没有监管", ToB: "持续审计与合规",
	}
	if !e.apply("add", canvas.AddDimension{Dimension: custom}) {
		t.Fatal("the custom dimension was not added")
	}
	e = u.editor
	last := len(e.rows) - 1
	if e.rows[last].dim.Key != custom.Key {
		t.Fatalf("the last row is %q, want the custom dimension (a new group goes last)", e.rows[last].dim.Key)
	}
	u.Present()
	c := u.Window().Canvas()
	for range last {
		c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyRight})
	}
	big := false
	for _, tx := range ofType[*fynecanvas.Text](onScreen(u)) {
		big = big || (tx.Text == custom.Name && tx.TextSize >= 32)
	}
	if !big {
		t.Errorf("no %q in 32 px or more: %q", custom.Name, textsOf(onScreen(u)))
	}
	screen := textsOf(onScreen(u))
	for _, want := range []string{custom.Question, custom.ToC, custom.ToB, "9 / 9"} {
		if !containsText(screen, want) {
			t.Errorf("the projected custom dimension lacks %q: %q", want, screen)
		}
	}
}
