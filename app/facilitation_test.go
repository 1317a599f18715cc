package app

import (
	"path/filepath"
	"slices"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	fynecanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// The tests in this file drive the facilitation features that follow a
// round (anonymous markers, disagreement flags and the agenda, targets, the
// timer, presentation mode) through the real widgets and check what the
// window renders, not only the model. Participants, blind and recorded
// rounds have their own files; the finders they share are in
// finders_test.go.

func TestAnonymousMarkersHideNames(t *testing.T) {
	u, st := startFacilitation(t, filepath.Join(t.TempDir(), "f.db"))
	defer st.Close()
	if err := u.createSession(canvas.TemplateQuick, "Anónimo", "Nubia CRM", ""); err != nil {
		t.Fatal(err)
	}
	e := u.editor
	people := []string{"Ana García", "李伟", "Sam"}
	addPeople(t, u, [2]string{people[0], "Ventas"}, [2]string{people[1], "产品经理"}, [2]string{people[2], ""})
	recordAndReveal(t, u, []string{"customer", "value"}, [][]int{{20, 85, 60}, {10, 30, 95}})
	e.tabs.SelectIndex(0)

	settings(t, u, func(_, _ *widget.Entry, anon *widget.Check, _ *keyRadio) { anon.SetChecked(true) })
	if !e.s.Settings.Anonymous {
		t.Fatal("the settings dialog did not make the session anonymous")
	}
	chartTx := textsOf(rendered(e.chart))
	for _, n := range people {
		if containsText(chartTx, n) {
			t.Errorf("anonymous chart names %s: %q", n, chartTx)
		}
	}
	if !hasText(chartTx, "a participant (anonymous)") {
		t.Errorf("anonymous chart legend %q", chartTx)
	}
	if n := len(renderedOf[*fynecanvas.Polygon](e.chart)); n != 0 {
		t.Errorf("anonymous chart draws %d participant shapes; all markers should be neutral circles", n)
	}

	e.selectRow(0)
	u.Present()
	screen := textsOf(onScreen(u))
	if !hasText(screen, dimName(e.rows[0].dim)) {
		t.Fatalf("presentation does not show %q: %q", dimName(e.rows[0].dim), screen)
	}
	for _, n := range people {
		if containsText(screen, n) {
			t.Errorf("anonymous presentation names %s", n)
		}
	}
	u.Window().Canvas().OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})

	settings(t, u, func(_, _ *widget.Entry, anon *widget.Check, _ *keyRadio) { anon.SetChecked(false) })
	e.tabs.SelectIndex(0)
	chartTx = textsOf(rendered(e.chart))
	for _, n := range people {
		if !hasText(chartTx, n) {
			t.Errorf("the chart legend does not name %s once names are shown: %q", n, chartTx)
		}
	}
	if hasText(chartTx, "a participant (anonymous)") {
		t.Error("the legend is still anonymous")
	}
	if n := len(renderedOf[*fynecanvas.Polygon](e.chart)); n != 6 { // Li's squares, Sam's triangles: 2 rows + legend
		t.Errorf("the chart draws %d participant shapes, want 6", n)
	}
}

func TestDisagreementFlagsAndAgenda(t *testing.T) {
	u, st := startFacilitation(t, filepath.Join(t.TempDir(), "f.db"))
	defer st.Close()
	if err := u.createSession(canvas.TemplateQuick, "Debate", "Nubia CRM", ""); err != nil {
		t.Fatal(err)
	}
	e := u.editor
	c := u.Window().Canvas()
	addPeople(t, u, [2]string{"Ana García", "Ventas"}, [2]string{"李伟", "产品经理"}, [2]string{"Sam", ""})
	// customer spreads 78, decision-cycle 56, value 22.
	recordAndReveal(t, u, blindKeys, [][]int{{13, 77, 91}, {27, 64, 8}, {41, 58, 36}})

	flagged := func() []int {
		var out []int
		for i, r := range e.rows {
			if r.flag.Visible() {
				out = append(out, i)
			}
		}
		return out
	}
	agenda := func() []string {
		var out []string
		for _, b := range buttonsIn(e.agenda.list) {
			out = append(out, b.Text)
		}
		return out
	}
	discussOnScreen := func() int {
		n := 0
		for _, l := range ofType[*widget.Label](onScreen(u)) {
			if l.Text == "DISCUSS" {
				n++
			}
		}
		return n
	}
	rowName := func(i int) string { return dimName(e.rows[i].dim) }

	if got := flagged(); !slices.Equal(got, []int{0, 2}) {
		t.Errorf("flagged rows %v, want [0 2] at the default threshold 40", got)
	}
	if n := discussOnScreen(); n != 2 {
		t.Errorf("%d DISCUSS flags on screen, want 2", n)
	}
	if e.tabs.SelectedIndex() != 2 {
		t.Errorf("the agenda tab is not shown after the reveal (tab %d)", e.tabs.SelectedIndex())
	}
	want := []string{rowName(0) + " — spread 78 (13–91)", rowName(2) + " — spread 56 (8–64)"}
	if got := agenda(); !slices.Equal(got, want) {
		t.Errorf("agenda %q, want %q", got, want)
	}

	// One click opens the dimension in the editor.
	test.Tap(buttonIn(t, e.agenda.list, want[1]))
	if e.selected != 2 || e.tabs.SelectedIndex() != 0 {
		t.Errorf("after the agenda click: row %d, tab %d; want row 2, tab 0", e.selected, e.tabs.SelectedIndex())
	}
	if c.Focused() != fyne.Focusable(e.rows[2].slider) {
		t.Errorf("focus on %T, want row 2's slider", c.Focused())
	}
	if !strings.Contains(e.guideTitle.Text, rowName(2)) {
		t.Errorf("guidance shows %q", e.guideTitle.Text)
	}

	settings(t, u, func(th, _ *widget.Entry, _ *widget.Check, _ *keyRadio) { th.SetText("60") })
	if e.s.Settings.Threshold != 60 {
		t.Fatalf("threshold %d after the dialog", e.s.Settings.Threshold)
	}
	if got := flagged(); !slices.Equal(got, []int{0}) {
		t.Errorf("flagged rows %v at threshold 60, want [0]", got)
	}
	if got := agenda(); !slices.Equal(got, want[:1]) {
		t.Errorf("agenda at 60: %q", got)
	}

	settings(t, u, func(th, _ *widget.Entry, _ *widget.Check, _ *keyRadio) { th.SetText("20") })
	if got := flagged(); !slices.Equal(got, []int{0, 2, 5}) {
		t.Errorf("flagged rows %v at threshold 20, want [0 2 5]", got)
	}
	want = append(want, rowName(5)+" — spread 22 (36–58)")
	if got := agenda(); !slices.Equal(got, want) {
		t.Errorf("agenda at 20: %q, want %q", got, want)
	}
	e.tabs.SelectIndex(0)
	if n := discussOnScreen(); n != 3 {
		t.Errorf("%d DISCUSS flags on screen at 20, want 3", n)
	}
}

func TestTargetSetsArrowAndClears(t *testing.T) {
	u, st := startFacilitation(t, filepath.Join(t.TempDir(), "f.db"))
	defer st.Close()
	if err := u.createSession(canvas.TemplateQuick, "Meta", "Nubia CRM", ""); err != nil {
		t.Fatal(err)
	}
	e := u.editor
	c := u.Window().Canvas()
	r := e.rows[3]
	key := r.dim.Key
	layout := func() canvas.Chart {
		return canvas.LayoutChart(e.s, canvas.ChartOptions{Width: float64(e.chart.Size().Width), Participants: true})
	}

	if !r.target.Disabled() || r.targetOn.Checked {
		t.Fatal("the target starts enabled")
	}
	c.Focus(r.slider)
	pressKey(c, fyne.KeyPageDown)
	pressKey(c, fyne.KeyPageDown) // current 30
	if got := e.s.Position(key).Current; got == nil || *got != 30 {
		t.Fatalf("current %v, want 30", got)
	}
	if e.s.Position(key).Target != nil {
		t.Fatal("a target was set without the box")
	}

	test.Tap(r.targetOn)
	if !r.targetOn.Checked || r.target.Disabled() {
		t.Fatal("checking the box did not enable the target")
	}
	if got := e.s.Position(key).Target; got == nil || *got != 30 {
		t.Fatalf("target after checking %v, want 30 (where the product is)", got)
	}
	if layout().Rows[3].Arrow != nil {
		t.Error("an arrow from 30 to 30")
	}
	c.Focus(r.target)
	for range 5 {
		pressKey(c, fyne.KeyPageUp)
	}
	if got := e.s.Position(key).Target; got == nil || *got != 80 {
		t.Fatalf("target after 5×PageUp %v, want 80", got)
	}
	if got := e.s.Position(key).Current; got == nil || *got != 30 {
		t.Errorf("moving the target moved the current to %v", got)
	}
	if r.targetValue.Text != "80" {
		t.Errorf("target label %q", r.targetValue.Text)
	}
	l := layout()
	for i, row := range l.Rows {
		if (row.Arrow != nil) != (i == 3) {
			t.Errorf("row %d arrow %v", i, row.Arrow)
		}
	}
	a := l.Rows[3].Arrow
	if a == nil || a.From.X != l.Rows[3].XFor(30) || a.To.X != l.Rows[3].XFor(80) {
		t.Errorf("arrow %+v, want from 30 to 80", a)
	}
	if !hasText(textsOf(rendered(e.chart)), "30") {
		t.Error("the chart does not show the current value 30")
	}

	test.Tap(r.targetOn)
	if r.targetOn.Checked || !r.target.Disabled() {
		t.Error("unchecking left the target enabled")
	}
	if e.s.Position(key).Target != nil {
		t.Errorf("target after unchecking %v", *e.s.Position(key).Target)
	}
	if layout().Rows[3].Arrow != nil || layout().Rows[3].Target != nil {
		t.Error("the chart still has the target")
	}
	if r.targetValue.Text != "–" {
		t.Errorf("target label %q after unchecking", r.targetValue.Text)
	}
	if got := e.s.Position(key).Current; got == nil || *got != 30 {
		t.Errorf("unchecking changed the current to %v", got)
	}
}

func TestTimerPerDimension(t *testing.T) {
	u, st := startFacilitation(t, filepath.Join(t.TempDir(), "f.db"))
	defer st.Close()
	now := time.Date(2026, 11, 22, 10, 0, 0, 0, time.UTC)
	u.opt.Now = func() time.Time { return now }
	if err := u.createSession(canvas.TemplateQuick, "Reloj", "Nubia CRM", ""); err != nil {
		t.Fatal(err)
	}
	e := u.editor
	c := u.Window().Canvas()
	tm := u.timer
	if tm.view.Visible() {
		t.Fatal("the timer shows without a timebox")
	}
	settings(t, u, func(_, minutes *widget.Entry, _ *widget.Check, scope *keyRadio) {
		minutes.SetText("1")
		scope.SetSelected("per dimension")
	})
	if e.s.Settings.TimerSeconds != 60 || e.s.Settings.TimerScope != canvas.TimerPerDimension {
		t.Fatalf("settings %+v", e.s.Settings)
	}
	if !tm.view.Visible() || tm.text.Text != "01:00" || !hasText(textsOf(onScreen(u)), "01:00") {
		t.Fatalf("timer shows %q (visible %v)", tm.text.Text, tm.view.Visible())
	}

	test.Tap(tm.toggleB)
	if !tm.running {
		t.Fatal("play did not start the timer")
	}
	now = now.Add(30 * time.Second)
	tm.tick()
	if tm.text.Text != "00:30" {
		t.Errorf("after 30 s the timer shows %q", tm.text.Text)
	}
	// Input is never blocked while it runs.
	c.Focus(e.rows[0].slider)
	pressKey(c, fyne.KeyRight)
	if e.rows[0].value.Text != "51" {
		t.Errorf("the slider did not move while the timer runs: %q", e.rows[0].value.Text)
	}
	if tm.text.Text != "00:30" {
		t.Errorf("moving the selected row's slider changed the timer to %q", tm.text.Text)
	}
	now = now.Add(31 * time.Second)
	tm.tick()
	if tm.text.Text != "Time's up" || !hasText(textsOf(onScreen(u)), "Time's up") {
		t.Errorf("after 61 s the timer shows %q", tm.text.Text)
	}
	pressKey(c, fyne.KeyRight)
	if e.rows[0].value.Text != "52" {
		t.Errorf("the slider did not move after time was up: %q", e.rows[0].value.Text)
	}

	// The next dimension gets a fresh minute, still running.
	e.selectRow(1)
	if tm.text.Text != "01:00" || !tm.running {
		t.Errorf("on the next row the timer shows %q (running %v), want a fresh 01:00", tm.text.Text, tm.running)
	}
	now = now.Add(10 * time.Second)
	tm.tick()
	if tm.text.Text != "00:50" {
		t.Errorf("10 s into row 1: %q", tm.text.Text)
	}

	// Presentation mode and back: the timebox keeps counting.
	u.Present()
	now = now.Add(10 * time.Second)
	tm.tick()
	if tm.text.Text != "00:40" || !tm.running {
		t.Errorf("in presentation mode: %q (running %v)", tm.text.Text, tm.running)
	}
	if !hasText(textsOf(onScreen(u)), "00:40") {
		t.Error("presentation mode does not show the timer")
	}
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if u.Window().Content() != e.content {
		t.Fatal("Escape did not return to the editor")
	}
	now = now.Add(5 * time.Second)
	tm.tick()
	if tm.text.Text != "00:35" || !tm.running {
		t.Errorf("back in the editor: %q (running %v), want 00:35 still running", tm.text.Text, tm.running)
	}
	if !hasText(textsOf(onScreen(u)), "00:35") {
		t.Error("the editor does not show the running timer")
	}
	c.Focus(e.rows[1].slider)
	pressKey(c, fyne.KeyLeft)
	if e.rows[1].value.Text != "49" {
		t.Errorf("row 1 slider shows %q, want 49", e.rows[1].value.Text)
	}

	tm.shutdown()
	if tm.running {
		t.Error("shutdown left the timer running")
	}
}

func TestPresentationMode(t *testing.T) {
	u, st := startFacilitation(t, filepath.Join(t.TempDir(), "f.db"))
	defer st.Close()
	if err := u.createSession(canvas.TemplateQuick, "Proyector", "Nubia CRM", ""); err != nil {
		t.Fatal(err)
	}
	e := u.editor
	c := u.Window().Canvas()
	c.Focus(e.rows[2].slider)
	pressKey(c, fyne.KeyEnd) // decision-cycle agreed at 100

	bigName := func(name string) bool {
		for _, tx := range ofType[*fynecanvas.Text](onScreen(u)) {
			if tx.Text == name && tx.TextSize >= 32 {
				return true
			}
		}
		return false
	}

	u.Present()
	if !u.Window().FullScreen() {
		t.Error("presentation mode is not fullscreen")
	}
	if u.Window().Content() == e.content {
		t.Fatal("Present did not leave the editor")
	}
	if !bigName(dimName(e.rows[2].dim)) {
		t.Errorf("no %q in 32 px or more: %q", dimName(e.rows[2].dim), textsOf(onScreen(u)))
	}
	screen := textsOf(onScreen(u))
	if !hasText(screen, "Agreed 100") || !hasText(screen, "No markers placed") || !containsText(screen, "3 / 8") {
		t.Errorf("presentation texts %q", screen)
	}

	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyRight})
	if !bigName(dimName(e.rows[3].dim)) {
		t.Errorf("after Right no %q in 32 px or more", dimName(e.rows[3].dim))
	}
	if bigName(dimName(e.rows[2].dim)) {
		t.Error("after Right the previous dimension is still the title")
	}
	if e.selected != 3 {
		t.Errorf("selected row %d, want 3", e.selected)
	}
	if !hasText(textsOf(onScreen(u)), "No agreed position yet") {
		t.Error("row 3 should have no agreed position")
	}

	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if u.Window().FullScreen() {
		t.Error("Escape left the window fullscreen")
	}
	if u.Window().Content() != e.content {
		t.Fatal("Escape did not return to the editor")
	}
	if c.Focused() != fyne.Focusable(e.rows[3].slider) || e.selected != 3 {
		t.Errorf("back in the editor: focus %T, row %d; want row 3's slider", c.Focused(), e.selected)
	}
	c.Unfocus()
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyRight})
	if e.selected != 3 || u.Window().Content() != e.content {
		t.Error("the editor still routes keys to the presentation")
	}
}
