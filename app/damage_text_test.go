package app

import (
	"fmt"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/canvas/store"
)

// TestDamageDetailsAreCollapsed: the damaged-file dialog and the launch
// problem window speak to a person; the raw error is behind a collapsed
// Details item.
func TestDamageDetailsAreCollapsed(t *testing.T) {
	raw := "runtime error: slice bounds out of range [:4096] with capacity 512"
	check := func(t *testing.T, where fyne.CanvasObject) {
		t.Helper()
		texts := strings.Join(textsOf(rendered(where)), "\n")
		if !strings.Contains(texts, "This session file is damaged") || !strings.Contains(texts, "Fulcrum will not write to it") {
			t.Errorf("the damage text does not speak to a person:\n%s", texts)
		}
		accs := renderedOf[*widget.Accordion](where)
		if len(accs) != 1 || len(accs[0].Items) != 1 {
			t.Fatalf("want one Details expander, got %d", len(accs))
		}
		it := accs[0].Items[0]
		if it.Title != "Details" || it.Open {
			t.Errorf("the expander is %q, open %v; want Details, collapsed", it.Title, it.Open)
		}
		if d, ok := it.Detail.(*widget.Label); !ok || !strings.Contains(d.Text, raw) {
			t.Errorf("Details does not hold the technical text %q", raw)
		}
		for _, l := range renderedOf[*widget.Label](where) {
			if strings.Contains(l.Text, raw) && l.Visible() && l != it.Detail {
				t.Errorf("the technical text shows outside Details: %q", l.Text)
			}
		}
	}
	err := fmt.Errorf("check: %s: %w", raw, store.ErrDamaged)
	t.Run("dialog", func(t *testing.T) {
		u, st := startUI(t, filepath.Join(t.TempDir(), "f.db"))
		defer st.Close()
		u.damaged(err)
		check(t, u.Window().Canvas().Overlays().Top())
	})
	t.Run("launch window", func(t *testing.T) {
		a := test.NewTempApp(t)
		l := &Launcher{a: a, opt: quietOptions}
		l.problem(filepath.Join(t.TempDir(), "f.db"), err)
		w := windowWith(t, a, "This session file is damaged")
		check(t, w.Content())
	})
}

// detailsText is what the Details expanders under o hold.
func detailsText(o fyne.CanvasObject) string {
	var b strings.Builder
	for _, acc := range renderedOf[*widget.Accordion](o) {
		for _, it := range acc.Items {
			if l, ok := it.Detail.(*widget.Label); ok {
				b.WriteString(l.Text)
			}
		}
	}
	return b.String()
}
