package app

import (
	"fmt"
	"image/color"
	"path/filepath"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	fynecanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/canvas/store"
)

// The tests in this file check that each screen fits (issue 11 point 7).
// The golden images are masters in testdata/; a mismatch is written to
// testdata/failed/ (git-ignored). After a deliberate change of a screen,
// look at the failed image and copy it over the master.

// variantTheme is Fyne's default theme held to one variant, so a golden
// image does not depend on the desktop's.
type variantTheme struct {
	fyne.Theme
	v fyne.ThemeVariant
}

func (t variantTheme) Color(n fyne.ThemeColorName, _ fyne.ThemeVariant) color.Color {
	return t.Theme.Color(n, t.v)
}

var variants = []struct {
	name string
	v    fyne.ThemeVariant
}{{"light", theme.VariantLight}, {"dark", theme.VariantDark}}

// startSized opens the UI on a fresh store in a window of the given size,
// in the default theme's variant v.
func startSized(t *testing.T, w, h float32, v fyne.ThemeVariant) (*UI, *store.Store) {
	t.Helper()
	a := test.NewTempApp(t)
	a.Settings().SetTheme(variantTheme{theme.DefaultTheme(), v})
	st, err := store.Open(filepath.Join(t.TempDir(), "f.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { st.Close() })
	u := New(a, st, quietOptions)
	t.Cleanup(func() { u.timer.shutdown() })
	u.Window().Resize(fyne.NewSize(w, h))
	return u, st
}

// abs is where o sits in the window, and how large it is.
func absRect(o fyne.CanvasObject) (fyne.Position, fyne.Size) {
	return fyne.CurrentApp().Driver().AbsolutePositionForObject(o), o.Size()
}

// The window asks for no more than the default size, and no screen asks
// for more than the smallest screen holds once a window manager takes its
// share, so a small screen's window manager can fit the window.
func TestWindowFitsSmallScreens(t *testing.T) {
	a := test.NewTempApp(t)
	st, err := store.Open(filepath.Join(t.TempDir(), "f.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	u := New(a, st, quietOptions)
	defer u.timer.shutdown()
	if got := u.Window().Canvas().Size(); got.Width > defaultWindowSize.Width || got.Height > defaultWindowSize.Height {
		t.Errorf("the window opens at %v, more than %v", got, defaultWindowSize)
	}
	if defaultWindowSize.Width > 1280 || defaultWindowSize.Height > 760 {
		t.Errorf("the default window size %v is more than 1280×760", defaultWindowSize)
	}
	// The smallest screen Fulcrum meets is 1366×768 at FYNE_SCALE=1.5:
	// 910×512 units, less a window manager's frame (windowFrame) and
	// panel for a window; presentation mode has the whole screen.
	window := fyne.NewSize(1366/1.5-windowFrame.Width, 768/1.5-windowFrame.Height)
	screen := fyne.NewSize(1366/1.5, 768/1.5)
	fits := func(what string, limit fyne.Size) {
		t.Helper()
		if m := u.Window().Content().MinSize(); m.Width > limit.Width || m.Height > limit.Height {
			t.Errorf("%s asks for %v, more than %v", what, m, limit)
		}
	}
	fits("the empty session list", window)
	for _, tm := range canvas.Templates() {
		if err := u.createSession(tm.Key, "Una sesión con un título largo para ver", "Producto", ""); err != nil {
			t.Fatal(err)
		}
		addPeople(t, u, [2]string{"Ana García", "Ventas"}, [2]string{"李伟", "工程"}, [2]string{"Sam", ""})
		typeAction(t, u, "Revisar el contrato marco con el equipo jurídico")
		fits("the editor of the "+tm.Key+" template", window)
		for i := range u.editor.tabs.Items {
			u.editor.tabs.SelectIndex(i)
			fits("the editor's tab "+u.editor.tabs.Items[i].Text, window)
		}
		u.Present()
		fits("presentation mode", screen)
		u.Window().Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
		u.showLargeChart()
		fits("the larger chart", window)
		u.backToEditor()
	}
	u.ShowHome()
	fits("the session list", window)
}

// The first launch on an empty store shows one readable sentence, on one
// line, and a New session button that opens the dialog.
func TestEmptyStateIsReadable(t *testing.T) {
	for _, v := range variants {
		t.Run(v.name, func(t *testing.T) {
			u, _ := startSized(t, 1024, 600, v.v)
			h := u.home
			if !h.empty.Visible() {
				t.Fatal("no empty state on an empty store")
			}
			labels := renderedOf[*widget.Label](h.empty)
			if len(labels) != 1 {
				t.Fatalf("the empty state has %d labels, want one sentence", len(labels))
			}
			l := labels[0]
			line := fyne.MeasureText("Ag", theme.TextSize(), fyne.TextStyle{})
			if _, sz := absRect(l); sz.Height > line.Height+2*theme.InnerPadding()+1 || sz.Width < fyne.MeasureText(l.Text, theme.TextSize(), fyne.TextStyle{}).Width {
				t.Errorf("the sentence is laid out at %v: not one whole line", sz)
			}
			test.AssertImageMatches(t, "empty_"+v.name+".png", u.Window().Canvas().Capture())

			test.Tap(buttonIn(t, h.empty, "New session"))
			if u.Window().Canvas().Overlays().Top() == nil {
				t.Fatal("the empty state's New session button opened no dialog")
			}
		})
	}
}

// presentSession is a session with three participants placed on every
// dimension and revealed, and a timebox, open in presentation mode.
func presentSession(t *testing.T, u *UI, tmpl string) *presenter {
	t.Helper()
	// The session is filled through an owner of its own and opened once:
	// through the open editor, each of the hundred changes redrew every
	// row, which under -race took most of the tests that use it.
	s, err := canvas.NewSession(tmpl, "Proyector", "Nubia CRM", u.opt.Now())
	if err != nil {
		t.Fatal(err)
	}
	o := canvas.NewOwner(s, u.opt.Now)
	apply := func(op canvas.Op) {
		t.Helper()
		if err := o.Apply(op); err != nil {
			t.Fatal(err)
		}
	}
	for _, p := range [][2]string{{"Ana García", "Ventas"}, {"李伟", "工程"}, {"Sam", ""}} {
		apply(canvas.AddParticipant{Name: p[0], Role: p[1]})
	}
	st := s.Settings
	st.TimerSeconds = 300
	apply(canvas.SetSettings{Settings: st})
	for i, d := range s.Dimensions {
		for j, p := range s.Participants {
			v := (i*17 + j*31) % 101
			apply(canvas.SetPlacement{Placement: canvas.Placement{Dimension: d.Key, Participant: p.ID, Value: v}})
		}
		v := (i * 23) % 101
		apply(canvas.SetCurrent{Dimension: d.Key, Value: &v})
	}
	if err := u.store.Save(o.Snapshot()); err != nil {
		t.Fatal(err)
	}
	if err := u.OpenSession(s.ID); err != nil {
		t.Fatal(err)
	}
	return u.present()
}

// Presentation mode fits a 1024×768 projector: on every dimension the
// name, both poles, each marker, the figures and the timer are inside the
// screen, no text runs past its place or into another, and the menu bar
// is hidden.
func TestPresentationFitsA1024Projector(t *testing.T) {
	u, _ := startSized(t, 1024, 768, theme.VariantDark)
	p := presentSession(t, u, canvas.TemplateFull)
	if u.Window().MainMenu() != nil {
		t.Error("presentation mode shows the menu bar")
	}
	screen := u.Window().Canvas().Size()
	for i := range u.editor.rows {
		p.i = i
		p.show()
		where := fmt.Sprintf("dimension %d (%s)", i, dimName(u.editor.rows[i].dim))
		texts := []*fynecanvas.Text{p.name, p.question, p.toc, p.tob, p.figures, p.agreed, p.footer, u.timer.text}
		for _, tx := range texts {
			at, sz := absRect(tx)
			w := tx.MinSize().Width
			if !tx.Visible() || at.X < 0 || at.Y < 0 || at.X+sz.Width > screen.Width || at.Y+sz.Height > screen.Height {
				t.Errorf("%s: %q at %v size %v is off the %v screen", where, tx.Text, at, sz, screen)
			}
			if w > sz.Width+1 {
				t.Errorf("%s: %q needs %v px, has %v", where, tx.Text, w, sz.Width)
			}
		}
		for a := range texts {
			for b := a + 1; b < len(texts); b++ {
				pa, sa := absRect(texts[a])
				pb, sb := absRect(texts[b])
				if pa.X < pb.X+sb.Width && pb.X < pa.X+sa.Width && pa.Y < pb.Y+sb.Height && pb.Y < pa.Y+sa.Height {
					t.Errorf("%s: %q and %q overlap", where, texts[a].Text, texts[b].Text)
				}
			}
		}
		markers := 0
		for _, o := range rendered(p.chart) {
			switch o.(type) {
			case *fynecanvas.Circle, *fynecanvas.Polygon:
				at, sz := absRect(o)
				markers++
				if at.X < 0 || at.Y < 0 || at.X+sz.Width > screen.Width || at.Y+sz.Height > screen.Height {
					t.Errorf("%s: a marker at %v is off screen", where, at)
				}
			}
		}
		if markers < 3 {
			t.Errorf("%s: %d markers drawn, want at least the 3 participants'", where, markers)
		}
	}
}

// The golden images of presentation mode at 1024×768, light and dark.
func TestPresentationGolden(t *testing.T) {
	for _, v := range variants {
		t.Run(v.name, func(t *testing.T) {
			u, _ := startSized(t, 1024, 768, v.v)
			presentSession(t, u, canvas.TemplateQuick)
			test.AssertImageMatches(t, "present_"+v.name+".png", u.Window().Canvas().Capture())
		})
	}
}

// Chart markers in the editor are at least 10 px at 1366×768, and the
// larger chart draws them larger.
func TestChartMarkersReadable(t *testing.T) {
	u, _ := startSized(t, 1366, 768, theme.VariantLight)
	presentSession(t, u, canvas.TemplateFull)
	u.Window().Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	smallest := func(o fyne.CanvasObject) (float32, int) {
		min, n := float32(1e9), 0
		for _, x := range rendered(o) {
			switch x.(type) {
			case *fynecanvas.Circle, *fynecanvas.Polygon:
				n++
				min = minf(min, minf(x.Size().Width, x.Size().Height))
			}
		}
		return min, n
	}
	m, n := smallest(u.editor.chart)
	if n == 0 || m < minMarkerPx-0.01 {
		t.Errorf("the editor's chart draws %d markers, the smallest %v px; want at least 10", n, m)
	}
	test.Tap(buttonIn(t, u.Window().Content(), "Larger chart"))
	var large *chartView
	for _, c := range renderedOf[*chartView](u.Window().Content()) {
		large = c
	}
	if large == nil || large == u.editor.chart {
		t.Fatal("Larger chart opened no chart of its own")
	}
	if lm, ln := smallest(large); ln != n || lm < m*1.2 {
		t.Errorf("the larger chart draws %d markers, the smallest %v px; want %d, at least %v", ln, lm, n, m*1.2)
	}
	u.Window().Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if u.Window().Content() != u.editor.content {
		t.Error("Esc did not leave the larger chart")
	}
}

func minf(a, b float32) float32 {
	if a < b {
		return a
	}
	return b
}

// At 1024×600 the target box's label ends before the target slider starts
// (it ran under the slider), and the sliders still line up.
func TestTargetLabelClearsSliderAt1024(t *testing.T) {
	u, _ := startSized(t, 1024, 600, theme.VariantLight)
	if err := u.createSession(canvas.TemplateQuick, "Estrecho", "Nubia CRM", ""); err != nil {
		t.Fatal(err)
	}
	var x0 float32
	for i, r := range u.editor.rows {
		cp, cs := absRect(r.targetOn)
		sp, _ := absRect(r.target)
		if need := r.targetOn.MinSize().Width; cs.Width < need || cp.X+cs.Width > sp.X {
			t.Errorf("row %d: the target box gets %v of %v px and ends at %v, the slider starts at %v", i, cs.Width, need, cp.X+cs.Width, sp.X)
		}
		if sl, _ := absRect(r.slider); i == 0 {
			x0 = sl.X
		} else if sl.X != x0 || sp.X != x0 {
			t.Errorf("row %d: sliders start at %v and %v, row 0 at %v", i, sl.X, sp.X, x0)
		}
	}
}

// The editor after a reveal, with each person's reasons under the rows, an
// agreed position beside medians not yet agreed, at 1366×768 in the light
// and the dark theme.
func TestEditorAfterRevealGolden(t *testing.T) {
	for _, v := range variants {
		t.Run(v.name, func(t *testing.T) {
			u, _ := startSized(t, 1366, 768, v.v)
			if err := u.createSession(canvas.TemplateQuick, "Q4 · 第四季度", "Nubia CRM", ""); err != nil {
				t.Fatal(err)
			}
			e := u.editor
			addPeople(t, u, [2]string{"Ana García", "Ventas"}, [2]string{"李伟", "工程"}, [2]string{"Sam", ""})
			e.tabs.SelectIndex(0)
			at := time.Date(2026, 11, 28, 9, 0, 0, 0, time.UTC)
			apply := func(op canvas.Op) {
				t.Helper()
				if !e.apply("test", op) {
					t.Fatalf("%#v was refused", op)
				}
			}
			apply(canvas.StartRound{Mode: canvas.RoundBlind, At: at})
			notes := []string{"Vendemos a equipos, no a personas.", "采购委员会决定购买。", ""}
			for j, p := range e.s.Participants {
				for i, d := range e.s.Dimensions {
					apply(canvas.SetPlacement{Placement: canvas.Placement{Dimension: d.Key, Participant: p.ID,
						Value: (i*17 + j*31) % 101, Confidence: 1 + (i+j)%5, Note: notes[j]}})
				}
				apply(canvas.FinishTurn{ID: p.ID})
			}
			apply(canvas.Reveal{})
			apply(canvas.Agree{Dimension: e.s.Dimensions[1].Key})
			u.SaveNow()
			test.AssertImageMatches(t, "editor_reveal_"+v.name+".png", u.Window().Canvas().Capture())
		})
	}
}

// The window opens no larger than the screen the caller measured, and at
// the default size on a large screen or when the screen is unknown.
func TestWindowFitsTheScreenItIsOn(t *testing.T) {
	for _, tc := range []struct {
		screen, want fyne.Size
	}{
		{fyne.Size{}, defaultWindowSize},
		{fyne.NewSize(1920, 1080), defaultWindowSize},
		{fyne.NewSize(1024, 600), fyne.NewSize(1024-windowFrame.Width, 600-windowFrame.Height)},
		{fyne.NewSize(1366/1.5, 768/1.5), fyne.NewSize(1366/1.5-windowFrame.Width, 768/1.5-windowFrame.Height)},
	} {
		if got := windowSize(tc.screen); got != tc.want {
			t.Errorf("windowSize(%v) = %v, want %v", tc.screen, got, tc.want)
		}
	}

	a := test.NewTempApp(t)
	st, err := store.Open(filepath.Join(t.TempDir(), "f.db"), store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	defer st.Close()
	opt := quietOptions
	opt.Screen = fyne.NewSize(1024, 600)
	u := New(a, st, opt)
	defer u.timer.shutdown()
	if got := u.Window().Canvas().Size(); got.Width > 1024 || got.Height > 600 {
		t.Errorf("on a 1024×600 screen the window opens at %v", got)
	}
}
