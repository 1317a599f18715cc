package app

import (
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	fynecanvas "fyne.io/fyne/v2/canvas"

	"github.com/fulcrum-workshop/fulcrum/assets/lang"
	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// TestTensionsOnTheProjector: presentation mode has a Tensions screen,
// after the last dimension and before the actions, and on T: the open
// tension's message and question in large type, then accepted tensions
// with the team's reason. Esc leaves to the Tensions tab.
func TestTensionsOnTheProjector(t *testing.T) {
	u, _, e := committeeSession(t)
	c := u.Window().Canvas()
	key := func(k fyne.KeyName) { c.OnTypedKey()(&fyne.KeyEvent{Name: k}) }
	big := func() []string {
		var out []string
		for _, tx := range ofType[*fynecanvas.Text](onScreen(u)) {
			if tx.TextSize >= 32 {
				out = append(out, tx.Text)
			}
		}
		return out
	}
	e.selectRow(len(e.rows) - 1)
	u.Present()
	key(fyne.KeyRight)
	if !hasText(big(), "Tensions") {
		t.Fatalf("→ after the last dimension shows %q", big())
	}
	sizes := map[string]float32{}
	for _, tx := range ofType[*fynecanvas.Text](onScreen(u)) {
		sizes[tx.Text] = tx.TextSize
	}
	screen := textsOf(onScreen(u))
	for _, want := range []string{"●  " + committee, committeeMsg, committeeQ, "Decision makers: 75 · Decision cycle: 5"} {
		if !containsText(screen, want) {
			t.Errorf("the Tensions screen lacks %q: %q", want, screen)
		}
	}
	// Projector type: the message and the question wrap over several
	// texts; each is drawn at the projector's size.
	for tx, size := range sizes {
		if strings.Contains(committeeMsg+committeeQ, tx) && len(tx) > 10 && size < presentDetailsSize {
			t.Errorf("%q is drawn at %v px", tx, size)
		}
	}
	if min := u.Window().Content().MinSize(); min.Width > 1024 || min.Height > 768 {
		t.Errorf("the Tensions screen needs %v, more than a 1024×768 projector", min)
	}
	// Accepted from elsewhere while it shows: drawn with its reason.
	e.apply("", canvas.AcceptTension{Rule: "committee-impulse", Reason: "land by trial"})
	screen = textsOf(onScreen(u))
	if !containsText(screen, "No open tensions") || !containsText(screen, "Accepted by the team") || !containsText(screen, "✓  "+committee) || !containsText(screen, "Accepted: land by trial") || containsText(screen, committeeQ) {
		t.Errorf("the accepted tension shows as %q", screen)
	}
	key(fyne.KeyRight)
	if !hasText(big(), "Actions") {
		t.Errorf("→ after the Tensions screen shows %q", big())
	}
	key(fyne.KeyLeft)
	key(fyne.KeyLeft)
	if hasText(big(), "Tensions") || hasText(big(), "Actions") {
		t.Errorf("← ← from the actions shows %q", big())
	}
	// T from a dimension, then Esc to the tab.
	key(fyne.KeyT)
	if !hasText(big(), "Tensions") {
		t.Errorf("T shows %q", big())
	}
	key(fyne.KeyEscape)
	if u.Window().Content() != e.content || e.tabs.Selected() != e.tensions.tab {
		t.Errorf("Esc from the Tensions screen: editor %v, tab %q", u.Window().Content() == e.content, e.tabs.Selected().Text)
	}
}

// TestTensionsFitSmallScreens: in every language, the editor with the
// Tensions tab open, the accept dialog's owner and the projector's
// Tensions screen ask for no more than 1366×768 at FYNE_SCALE=1.5 holds
// (see TestWindowFitsSmallScreens).
func TestTensionsFitSmallScreens(t *testing.T) {
	window := fyne.NewSize(1366/1.5-windowFrame.Width, 768/1.5-windowFrame.Height)
	screen := fyne.NewSize(1366/1.5, 768/1.5)
	for _, tag := range []lang.Tag{lang.EN, lang.ZH, lang.ES} {
		t.Run(string(tag), func(t *testing.T) {
			u, st := startUIIn(t, filepath.Join(t.TempDir(), "f.db"), tag)
			e := openCommittee(t, u, st)
			fits := func(what string, limit fyne.Size) {
				t.Helper()
				if m := u.Window().Content().MinSize(); m.Width > limit.Width || m.Height > limit.Height {
					t.Errorf("%s asks for %v, more than %v", what, m, limit)
				}
			}
			fits("the editor with a tension", window)
			e.tabs.Select(e.tensions.tab)
			fits("the Tensions tab", window)
			e.apply("", canvas.AcceptTension{Rule: "committee-impulse", Reason: strings.Repeat("Vendemos a comités pero captamos con una prueba gratuita ", 4)})
			fits("the Tensions tab with an accepted tension", window)
			// The widest row's name line, with a marker: the customer at 20
			// beside the committee.
			twenty := 20
			e.apply("", canvas.SetCurrent{Dimension: "customer", Value: &twenty})
			if marked(e)["customer"] != markOpen {
				t.Fatalf("no marker on the customer's row: %v", marked(e))
			}
			e.tabs.SelectIndex(0)
			fits("the editor with a marker on every row of a tension", window)
			p := u.present()
			p.showTensions()
			fits("the Tensions screen", screen)
			p.leave()

			// Every dimension of the Full template with a marker and its
			// agreement buttons: no name line is too wide for the screen.
			if err := u.createSession(canvas.TemplateFull, "Todas", "Nubia CRM", ""); err != nil {
				t.Fatal(err)
			}
			e = u.editor
			var all canvas.Tension
			for i, r := range e.rows {
				v := 50 + i%2
				e.apply("", canvas.SetCurrent{Dimension: r.dim.Key, Value: &v})
				all.Dimensions = append(all.Dimensions, r.dim.Key)
			}
			for _, r := range e.rows {
				r.mark.refresh([]canvas.Tension{all})
			}
			fits("the Full template with a marker on every row", window)
		})
	}
}
