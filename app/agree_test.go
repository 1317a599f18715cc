package app

import (
	"path/filepath"
	"slices"
	"testing"

	"fyne.io/fyne/v2"
	fynecanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

func intPtr(v int) *int { return &v }

// thumbShown reports whether a slider draws its thumb: a visible circle
// among the objects its renderer draws.
func thumbShown(s *spectrumSlider) bool {
	return len(renderedOf[*fynecanvas.Circle](s)) > 0
}

// diamondAt reports whether the chart draws the four edges of a proposal
// diamond around p (chart units are pixels at scale 1).
func diamondAt(c *chartView, p canvas.Point, size float64) bool {
	lines := renderedOf[*fynecanvas.Line](c)
	near := func(a fyne.Position, b canvas.Point) bool {
		return abs(a.X-float32(b.X)) < 0.5 && abs(a.Y-float32(b.Y)) < 0.5
	}
	for _, edge := range canvas.ProposalOutline(p, size) {
		found := false
		for _, l := range lines {
			if near(l.Position1, edge.From) && near(l.Position2, edge.To) {
				found = true
			}
		}
		if !found {
			return false
		}
	}
	return true
}

func TestRevealProposesAndAgreeAgrees(t *testing.T) {
	u, st := startFacilitation(t, filepath.Join(t.TempDir(), "f.db"))
	defer st.Close()
	if err := u.createSession(canvas.TemplateQuick, "Acuerdo", "Nubia CRM", ""); err != nil {
		t.Fatal(err)
	}
	e := u.editor
	addPeople(t, u, [2]string{"Ana García", "Ventas"}, [2]string{"李伟", "产品经理"}, [2]string{"Sam", ""})
	e.tabs.SelectIndex(0)
	// customer: 20 85 60 (median 60); value: 10 30 95 (median 30).
	recordAndReveal(t, u, []string{"customer", "value"}, [][]int{{20, 85, 60}, {10, 30, 95}})
	e.tabs.SelectIndex(0)
	s := e.s
	for _, k := range []string{"customer", "value"} {
		if c := s.Position(k).Current; c != nil {
			t.Errorf("the reveal wrote current %d on %s; nobody agreed", *c, k)
		}
	}
	cust, val := e.rows[0], e.rows[5]
	screen := textsOf(onScreen(u))
	for _, want := range []string{"~60", "~30", "median, not agreed", "~ median, not agreed"} {
		if !hasText(screen, want) {
			t.Errorf("%q is not on screen", want)
		}
	}
	if cust.value.Text+" "+cust.agreement.status.Text != "~60 median, not agreed" {
		t.Errorf("customer's row says %q %q", cust.value.Text, cust.agreement.status.Text)
	}
	if !cust.agreement.agree.Visible() || cust.agreement.clear.Visible() {
		t.Error("a proposal offers no Agree, or offers Clear")
	}
	if thumbShown(cust.slider) {
		t.Error("the slider of a dimension with only a median shows a thumb")
	}
	// The chart draws the proposal as a hollow diamond, not the agreed dot.
	l := canvas.LayoutChart(s, canvas.ChartOptions{Width: float64(e.chart.Size().Width), Participants: true})
	if !diamondAt(e.chart, *l.Rows[0].Current, l.MarkerSize) {
		t.Error("the chart draws no proposal diamond at customer's median")
	}
	if e.index.Text != "45" { // the medians count: (60 + 30) / 2
		t.Errorf("index %q, want 45 from the medians", e.index.Text)
	}

	// Agree, the button.
	test.Tap(cust.agreement.agree)
	if got := s.Position("customer").Current; got == nil || *got != 60 {
		t.Fatalf("after Agree current = %v, want 60", got)
	}
	if cust.agreement.status.Text != "agreed" || cust.value.Text != "60" || !cust.agreement.clear.Visible() || cust.agreement.agree.Visible() {
		t.Errorf("after Agree the row says %q / %q", cust.agreement.status.Text, cust.value.Text)
	}
	if !thumbShown(cust.slider) || cust.slider.Value != 60 {
		t.Errorf("after Agree the slider shows thumb %v at %v", thumbShown(cust.slider), cust.slider.Value)
	}
	l = canvas.LayoutChart(s, canvas.ChartOptions{Width: float64(e.chart.Size().Width), Participants: true})
	if !l.Rows[0].Agreed || diamondAt(e.chart, *l.Rows[0].Current, l.MarkerSize) {
		t.Error("the agreed position is still drawn as a proposal")
	}

	// A on the focused slider, then Ctrl+Enter, agree too; Delete and
	// Ctrl+Backspace clear.
	c := u.Window().Canvas()
	c.Focus(val.slider)
	c.Focused().TypedRune('a')
	if got := s.Position("value").Current; got == nil || *got != 30 {
		t.Fatalf("after A current = %v, want 30", got)
	}
	pressKey(c, fyne.KeyDelete)
	if s.Position("value").Current != nil || val.agreement.status.Text != "median, not agreed" || val.value.Text != "~30" {
		t.Errorf("Delete left %v, the row says %q", s.Position("value").Current, val.agreement.status.Text)
	}
	c.(fyne.Shortcutable).TypedShortcut(agreeShortcut)
	if got := s.Position("value").Current; got == nil || *got != 30 {
		t.Fatalf("after Ctrl+Enter current = %v, want 30", got)
	}
	c.(fyne.Shortcutable).TypedShortcut(clearShortcut)
	if s.Position("value").Current != nil {
		t.Error("Ctrl+Backspace did not clear the agreement")
	}
	// Moving the slider agrees the value it is moved to.
	pressKey(c, fyne.KeyRight)
	if got := s.Position("value").Current; got == nil || *got != 51 {
		t.Errorf("the first Right on an unplaced slider agreed %v, want 51", got)
	}
	// Clear, the button, and undo brings the agreement back.
	test.Tap(cust.agreement.clear)
	if s.Position("customer").Current != nil || thumbShown(cust.slider) {
		t.Error("Clear left the agreement or the thumb")
	}
	u.Undo()
	if got := s.Position("customer").Current; got == nil || *got != 60 {
		t.Errorf("undo of Clear left current %v, want 60", got)
	}

	// Presentation mode says which is agreed and which only a median.
	u.Present()
	if !hasText(textsOf(onScreen(u)), "Agreed 60") {
		t.Errorf("presentation of customer: %q", textsOf(onScreen(u)))
	}
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyRight})
	for e.selected != 5 {
		c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyRight})
	}
	u.Undo() // the 51: value is back to its median
	if !hasText(textsOf(onScreen(u)), "Median 30, not agreed") {
		t.Errorf("presentation of value: %q", textsOf(onScreen(u)))
	}
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
}

// An untouched slider draws no thumb and no filled track, in the editor and
// on the private screen, and says "not placed"; a tap in its middle places
// exactly 50.
func TestUntouchedSliderIsUnplacedAndTheMiddleTapPlaces50(t *testing.T) {
	u, st := startFacilitation(t, filepath.Join(t.TempDir(), "f.db"))
	defer st.Close()
	if err := u.createSession(canvas.TemplateQuick, "Cincuenta", "Nubia CRM", ""); err != nil {
		t.Fatal(err)
	}
	e := u.editor
	e.tabs.SelectIndex(0)
	for i, r := range e.rows {
		if thumbShown(r.slider) || thumbShown(r.target) {
			t.Errorf("row %d has no position but its slider shows a thumb", i)
		}
	}
	// The track is drawn, the filled part is not.
	if n := len(renderedOf[*fynecanvas.Rectangle](e.rows[0].slider)); n != 1 {
		t.Errorf("an unplaced slider draws %d rectangles, want the track only", n)
	}
	addPeople(t, u, [2]string{"Ana García", "Ventas"}, [2]string{"Sam", ""})
	u.beginRound(canvas.RoundBlind, []string{"customer", "value"})
	u.Window().Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyReturn})
	content := u.Window().Content()
	sliders := renderedOf[*spectrumSlider](content)
	if len(sliders) != 2 {
		t.Fatalf("private screen has %d sliders", len(sliders))
	}
	for i, sl := range sliders {
		if thumbShown(sl) {
			t.Errorf("untouched private slider %d shows a thumb", i)
		}
	}
	if got := labelTexts(content); countOf(got, "not placed") != 2 {
		t.Errorf("the private screen does not say both are not placed: %q", got)
	}

	sl := sliders[0]
	test.TapAt(sl, fyne.NewPos(sl.Size().Width/2, sl.Size().Height/2))
	ana := e.s.Participants[0].ID
	pl, ok := e.s.Placement(ana, "customer")
	if !ok || pl.Value != 50 {
		t.Fatalf("a tap in the middle placed %+v (placed %v), want 50", pl, ok)
	}
	if !thumbShown(sl) || thumbShown(sliders[1]) {
		t.Error("after the tap the placed slider has no thumb, or the other one has one")
	}
	if got := labelTexts(content); !hasText(got, "50") || countOf(got, "not placed") != 1 {
		t.Errorf("after the tap the screen says %q, want 50 and one not placed", got)
	}
	// A drag that ends where it started places too.
	sliders[1].Dragged(&fyne.DragEvent{PointEvent: fyne.PointEvent{Position: fyne.NewPos(sliders[1].Size().Width/2, 1)}})
	sliders[1].DragEnd()
	if pl, ok := e.s.Placement(ana, "value"); !ok || pl.Value != 50 {
		t.Errorf("a drag left at 50 placed %+v (placed %v), want 50", pl, ok)
	}
	test.Tap(buttonIn(t, content, "Done: hide my answers and pass the laptop on"))
	if u.Window().Canvas().Overlays().Top() != nil {
		t.Error("Done asked about unplaced dimensions although both were placed at 50")
	}
}

// labelTexts is the text of every label drawn below o.
func labelTexts(o fyne.CanvasObject) []string {
	var out []string
	for _, l := range renderedOf[*widget.Label](o) {
		out = append(out, l.Text)
	}
	return out
}

func countOf(list []string, s string) int {
	n := 0
	for _, x := range list {
		if x == s {
			n++
		}
	}
	return n
}

// The first arrow key on an untouched private slider places next to 50.
func TestKeyboardPlacesAnUntouchedSlider(t *testing.T) {
	u, st := startFacilitation(t, filepath.Join(t.TempDir(), "f.db"))
	defer st.Close()
	if err := u.createSession(canvas.TemplateQuick, "Teclas", "Nubia CRM", ""); err != nil {
		t.Fatal(err)
	}
	addPeople(t, u, [2]string{"Ana", ""})
	u.beginRound(canvas.RoundBlind, []string{"customer", "value"})
	c := u.Window().Canvas()
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyReturn})
	sliders := renderedOf[*spectrumSlider](u.Window().Content())
	c.Focus(sliders[0])
	pressKey(c, fyne.KeyLeft)
	c.Focus(sliders[1])
	pressKey(c, fyne.KeySpace)
	id := u.editor.s.Participants[0].ID
	for key, want := range map[string]int{"customer": 49, "value": 50} {
		if pl, ok := u.editor.s.Placement(id, key); !ok || pl.Value != want {
			t.Errorf("%s placed %+v (%v), want %d", key, pl, ok, want)
		}
	}
}

// The facilitator starts a round without one person; at the hand-over one
// is out of the room (skipped, back at the end) and one does not place.
func TestRoundWithOneSkippedAndOneNotPlacing(t *testing.T) {
	u, st := startFacilitation(t, filepath.Join(t.TempDir(), "f.db"))
	defer st.Close()
	if err := u.createSession(canvas.TemplateQuick, "Sala", "Nubia CRM", ""); err != nil {
		t.Fatal(err)
	}
	e := u.editor
	addPeople(t, u, [2]string{"Ana", ""}, [2]string{"李伟", ""}, [2]string{"Sam", ""}, [2]string{"María", ""})
	ids := make(map[string]string)
	for _, p := range e.s.Participants {
		ids[p.Name] = p.ID
	}

	u.startRoundDialog()
	dlg := u.Window().Canvas().Overlays().Top()
	var checks []*widget.Check
	for _, c := range checksIn(dlg) {
		if slices.Contains([]string{"Ana", "李伟", "Sam", "María"}, c.Text) {
			checks = append(checks, c)
			if !c.Checked {
				t.Errorf("%s is not checked by default", c.Text)
			}
			if c.Text == "María" {
				test.Tap(c) // not in the room today
			}
		}
	}
	if len(checks) != 4 {
		t.Fatalf("the Start round dialog has %d participant checks, want 4", len(checks))
	}
	test.Tap(buttonIn(t, dlg, "Start"))
	if got := e.s.Round.Order; !slices.Equal(got, []string{ids["Ana"], ids["李伟"], ids["Sam"]}) {
		t.Fatalf("round order %v, want Ana 李伟 Sam", got)
	}

	handover := func(name string) {
		t.Helper()
		if got := textsOf(rendered(u.Window().Content())); !hasText(got, "Pass the laptop to "+name) {
			t.Fatalf("hand-over shows %q, want %s", got, name)
		}
	}
	handover("Ana")
	test.Tap(buttonIn(t, u.Window().Content(), "Ana is not here: skip for now"))
	handover("李伟")
	test.Tap(buttonIn(t, u.Window().Content(), "李伟 does not place this round"))
	test.Tap(buttonIn(t, u.Window().Canvas().Overlays().Top(), "Yes"))
	handover("Sam")
	if got := e.s.Round.Order; !slices.Equal(got, []string{ids["Sam"], ids["Ana"]}) {
		t.Errorf("round order %v, want Sam then Ana", got)
	}
	place := func(v int) {
		t.Helper()
		u.Window().Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyReturn})
		content := u.Window().Content()
		for _, sl := range renderedOf[*spectrumSlider](content) {
			sl.SetValue(float64(v))
		}
		test.Tap(buttonIn(t, content, "Done: hide my answers and pass the laptop on"))
	}
	place(70)
	handover("Ana") // back at the end
	// The last to place cannot be skipped: there is nobody to pass on to.
	if !buttonIn(t, u.Window().Content(), "Ana is not here: skip for now").Disabled() {
		t.Error("the last person to place can be skipped")
	}
	place(30)
	test.Tap(buttonIn(t, u.Window().Content(), "Reveal every marker"))
	ds := e.s.DimensionSummary("customer")
	if ds.Count != 2 || *ds.Median != 50 {
		t.Errorf("customer after the reveal: %d placed, median %v; want Sam's and Ana's, 50", ds.Count, *ds.Median)
	}
	if _, ok := e.s.Placement(ids["李伟"], "customer"); ok {
		t.Error("李伟 placed although he was not placing")
	}
	if got := e.rows[0].value.Text + " " + e.rows[0].agreement.status.Text; got != "~50 median, not agreed" {
		t.Errorf("customer says %q", got)
	}
}
