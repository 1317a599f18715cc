package app

import (
	"path/filepath"
	"strconv"
	"testing"

	"fyne.io/fyne/v2"
	fynecanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/container"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/canvas/store"
)

// The people and reasons of the tests below: values on customer, then the
// reasons typed into the record-votes grid for the first two of them.
var (
	reasonPeople = [][2]string{{"Ana García", "Ventas"}, {"李伟", "产品经理"}, {"Sam", ""}}
	reasonValues = []int{20, 85, 60}
	reasonNotes  = []string{"Compran los equipos de ventas, no personas.", "客户是五十人以上的企业。"}
	reasonConfs  = []int{4, 2}
)

// reasonGridButtons are the record grid's reason buttons, cell by cell.
func reasonGridButtons(u *UI) []*widget.Button {
	var out []*widget.Button
	for _, b := range buttonsIn(u.Window().Content()) {
		if b.Text == "" {
			out = append(out, b)
		}
	}
	return out
}

// recordWithReasons records reasonValues on customer and, through each
// cell's reason editor, the confidence and rationale of the first two
// people. It leaves the round unrevealed, on the grid.
func recordWithReasons(t *testing.T) (*UI, *store.Store) {
	t.Helper()
	u, st := startFacilitation(t, filepath.Join(t.TempDir(), "f.db"))
	if err := u.createSession(canvas.TemplateQuick, "Razones", "Nubia CRM", ""); err != nil {
		t.Fatal(err)
	}
	addPeople(t, u, reasonPeople...)
	u.beginRound(canvas.RoundRecord, []string{"customer"})
	grid := renderedOf[*editEntry](u.Window().Content())
	btns := reasonGridButtons(u)
	if len(grid) != 3 || len(btns) != 3 {
		t.Fatalf("record grid has %d entries and %d reason buttons, want 3 and 3", len(grid), len(btns))
	}
	if !btns[0].Disabled() {
		t.Error("a reason button is on before its cell holds a value")
	}
	for i, v := range reasonValues {
		test.Type(grid[i], strconv.Itoa(v))
	}
	s := u.editor.s
	for i := range reasonNotes {
		btn := reasonGridButtons(u)[i]
		if btn.Disabled() {
			t.Fatalf("reason button %d is off after its value was typed", i)
		}
		test.Tap(btn)
		dlg := u.Window().Canvas().Overlays().Top()
		if dlg == nil {
			t.Fatal("the reason button opened no editor")
		}
		radios := renderedOf[*keyRadio](dlg)
		entries := entriesIn(dlg)
		if len(radios) != 1 || len(entries) != 1 {
			t.Fatalf("reason editor has %d radios and %d entries", len(radios), len(entries))
		}
		radios[0].SetSelected(strconv.Itoa(reasonConfs[i]))
		test.Type(entries[0], reasonNotes[i])
		test.Tap(buttonIn(t, dlg, "Save"))
		if u.Window().Canvas().Overlays().Top() != nil {
			t.Fatal("the reason editor did not close on Save")
		}
		pl, ok := s.Placement(s.Participants[i].ID, "customer")
		if !ok || pl.Value != reasonValues[i] || pl.Confidence != reasonConfs[i] || pl.Note != reasonNotes[i] {
			t.Errorf("person %d's placement after the reason editor: %+v (%v)", i, pl, ok)
		}
	}
	if b := reasonGridButtons(u); b[0].Importance != widget.HighImportance || b[2].Importance == widget.HighImportance {
		t.Error("the grid does not mark which cells hold a reason")
	}
	return u, st
}

// wideEnough fails unless the label showing text is laid out wider than
// a few characters: a list shown without a new layout keeps zero width and
// wraps one character per line.
func wideEnough(t *testing.T, where string, objs []fyne.CanvasObject, text string) {
	t.Helper()
	for _, l := range ofType[*widget.Label](objs) {
		if l.Text == text {
			if w := l.Size().Width; w < 200 {
				t.Errorf("%s: %q is laid out %v px wide", where, text, w)
			}
			return
		}
	}
	t.Errorf("%s: no label %q", where, text)
}

// reasonTexts is what row i's reasons list shows.
func reasonTexts(e *editor, i int) []string { return textsOf(rendered(e.rows[i].reasons.box)) }

func TestRecordGridReasonsShowAfterRevealOnly(t *testing.T) {
	u, st := recordWithReasons(t)
	defer st.Close()
	e := u.editor

	// Undo takes a reason back as one step and keeps the value.
	undoKey(u)
	if pl, _ := e.s.Placement(e.s.Participants[1].ID, "customer"); pl.Note != "" || pl.Confidence != 0 || pl.Value != 85 {
		t.Errorf("after undo 李伟's placement is %+v", pl)
	}
	redoKey(u)

	// Before the reveal, the editor shows nobody's reason.
	test.Tap(buttonIn(t, u.Window().Content(), "Back to the editor"))
	e.tabs.SelectIndex(0)
	checkNoLeak(t, "editor before the reveal", rendered(e.content), reasonValues, reasonNotes)
	if e.rows[0].reasons.box.Visible() {
		t.Error("the reasons list shows before the reveal")
	}

	test.Tap(buttonIn(t, e.banner, "Continue round"))
	test.Tap(buttonIn(t, u.Window().Content(), "Reveal"))
	got := reasonTexts(e, 0)
	for _, want := range []string{
		"Ana García  20", "confidence 4/5", reasonNotes[0],
		"李伟  85", "confidence 2/5", reasonNotes[1],
		"Sam  60", "no reason given",
	} {
		if !hasText(got, want) {
			t.Errorf("customer's reasons lack %q: %q", want, got)
		}
	}
	wideEnough(t, "editor", rendered(e.rows[0].reasons.box), reasonNotes[0])
	if n := len(renderedOf[*markerIcon](e.rows[0].reasons.box)); n != 3 {
		t.Errorf("customer's reasons draw %d markers, want one per person", n)
	}
	if n := len(renderedOf[*fynecanvas.Polygon](e.rows[0].reasons.box)); n != 2 {
		t.Errorf("customer's reasons draw %d shaped markers, want 李伟's and Sam's", n)
	}
	if e.rows[1].reasons.box.Visible() {
		t.Error("a dimension nobody placed shows a reasons list")
	}

	// A rename shows at once.
	_, _, edit, _ := personButtons(t, e, "Sam")
	test.Tap(edit)
	dlg := u.Window().Canvas().Overlays().Top()
	name := entriesIn(dlg)[0]
	name.SetText("Samuel")
	test.Tap(buttonIn(t, dlg, "Save"))
	if !hasText(reasonTexts(e, 0), "Samuel  60") {
		t.Errorf("the reasons do not follow a rename: %q", reasonTexts(e, 0))
	}

	// Anonymous mode names nobody and draws neutral markers.
	settings(t, u, func(_, _ *widget.Entry, anon *widget.Check, _ *keyRadio) { anon.SetChecked(true) })
	got = reasonTexts(e, 0)
	for _, p := range []string{"Ana García", "李伟", "Samuel"} {
		if containsText(got, p) {
			t.Errorf("anonymous reasons name %s: %q", p, got)
		}
	}
	for _, want := range []string{"Participant 1  20", "Participant 2  85", "Participant 3  60", reasonNotes[0]} {
		if !hasText(got, want) {
			t.Errorf("anonymous reasons lack %q: %q", want, got)
		}
	}
	if n := len(renderedOf[*fynecanvas.Polygon](e.rows[0].reasons.box)); n != 0 {
		t.Errorf("anonymous reasons draw %d shaped markers", n)
	}
}

func TestPresentationReasonsKey(t *testing.T) {
	u, st := recordWithReasons(t)
	defer st.Close()
	e := u.editor
	c := u.Window().Canvas()
	typeR := func() { c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyR}) }

	// Before the reveal R says the reasons come later and shows none.
	test.Tap(buttonIn(t, u.Window().Content(), "Back to the editor"))
	e.selectRow(0)
	u.Present()
	typeR()
	screen := onScreen(u)
	if !hasText(textsOf(screen), "Reasons show after the reveal.") {
		t.Errorf("R before the reveal: %q", textsOf(screen))
	}
	checkNoLeak(t, "presentation before the reveal", screen, reasonValues, reasonNotes)
	typeR()
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})

	test.Tap(buttonIn(t, e.banner, "Continue round"))
	test.Tap(buttonIn(t, u.Window().Content(), "Reveal"))
	e.selectRow(0)
	u.Present()
	if containsText(textsOf(onScreen(u)), reasonNotes[0]) {
		t.Error("presentation shows the reasons before R")
	}
	typeR()
	var big bool
	for _, tx := range ofType[*fynecanvas.Text](onScreen(u)) {
		if tx.Text == reasonNotes[0] && tx.TextSize >= presentReasonsSize {
			big = true
		}
	}
	if !big {
		t.Errorf("after R no %q in %v px or more: %q", reasonNotes[0], presentReasonsSize, textsOf(onScreen(u)))
	}
	screen = onScreen(u)
	wideEnough(t, "presentation", screen, reasonNotes[1])
	for _, want := range []string{"Ana García  20", "confidence 4/5", "李伟  85", reasonNotes[1]} {
		if !hasText(textsOf(screen), want) {
			t.Errorf("presentation reasons lack %q", want)
		}
	}

	// Moving on shows the next dimension's reasons: nobody placed there.
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyRight})
	if containsText(textsOf(onScreen(u)), reasonNotes[0]) || !hasText(textsOf(onScreen(u)), "Nobody placed a marker here.") {
		t.Errorf("the next dimension shows %q", textsOf(onScreen(u)))
	}
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyLeft})
	typeR()
	if containsText(textsOf(onScreen(u)), reasonNotes[0]) {
		t.Error("a second R does not hide the reasons")
	}

	// Anonymous, the projected reasons number people and name nobody.
	c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyEscape})
	settings(t, u, func(_, _ *widget.Entry, anon *widget.Check, _ *keyRadio) { anon.SetChecked(true) })
	e.selectRow(0)
	u.Present()
	typeR()
	screen = onScreen(u)
	if !hasText(textsOf(screen), "Participant 2  85") || !hasText(textsOf(screen), reasonNotes[1]) {
		t.Errorf("anonymous presentation reasons %q", textsOf(screen))
	}
	for _, p := range reasonPeople {
		if containsText(textsOf(screen), p[0]) {
			t.Errorf("anonymous presentation names %s", p[0])
		}
	}
}

// At 1366×768 the record-votes grid of the Full template shows at least
// eight dimensions at once, and a room of twelve fits its width.
func TestRecordGridIsCompact(t *testing.T) {
	u, st := startFacilitation(t, filepath.Join(t.TempDir(), "f.db"))
	defer st.Close()
	u.Window().Resize(fyne.NewSize(1366, 768))
	if err := u.createSession(canvas.TemplateFull, "Compacto", "Nubia CRM", ""); err != nil {
		t.Fatal(err)
	}
	var people [][2]string
	for _, n := range []string{"Ana García", "李伟", "Sam Okafor", "Begoña Ortúzar", "陈静", "Lucía Fernández",
		"Joaquín Peña", "王芳", "Íñigo Sáenz", "Chidi Obi", "María José Núñez", "赵磊"} {
		people = append(people, [2]string{n, ""})
	}
	addPeople(t, u, people...)
	u.beginRound(canvas.RoundRecord, nil)
	content := u.Window().Content()
	// The grid's scroll area is the tallest: every entry has one too.
	var grid *container.Scroll
	for _, sc := range renderedOf[*container.Scroll](content) {
		if grid == nil || sc.Size().Height > grid.Size().Height {
			grid = sc
		}
	}
	view := grid.Size()
	visible := 0
	for _, d := range u.editor.s.Dimensions {
		for _, l := range renderedOf[*widget.Label](grid.Content) {
			if l.Text == dimName(d) && l.Position().Y+l.Size().Height <= view.Height {
				visible++
			}
		}
	}
	t.Logf("%d of %d dimensions visible in a %v grid area", visible, len(u.editor.s.Dimensions), view)
	if visible < 8 {
		t.Errorf("%d dimensions visible at 1366×768, want at least 8", visible)
	}
	// The test window grows to fit what it holds, so the bound is the
	// screen's width, not the window's.
	if w := grid.Content.MinSize().Width; w > 1366 {
		t.Errorf("the grid for twelve people needs %v px, wider than a 1366 px screen", w)
	}
}
