package app

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"fyne.io/fyne/v2"
	fynecanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/canvas"
	"github.com/fulcrum-workshop/fulcrum/canvas/store"
)

// startUI opens a store on path and the UI on it, in a fresh test app. The
// autosave delay is long so that saves happen only when the test (or a
// close) asks for them, on the test goroutine.
func startUI(t *testing.T, path string) (*UI, *store.Store) {
	t.Helper()
	a := test.NewTempApp(t)
	st, err := store.Open(path, store.Options{})
	if err != nil {
		t.Fatal(err)
	}
	u := New(a, st, quietOptions)
	u.Window().Resize(fyne.NewSize(1200, 800))
	t.Cleanup(func() { u.timer.shutdown() })
	return u, st
}

func chartTexts(c *chartView) []string {
	var out []string
	for _, tx := range renderedOf[*fynecanvas.Text](c) {
		out = append(out, tx.Text)
	}
	return out
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

// pressCtrlN opens the New session dialog as the keyboard does.
func pressCtrlN(t *testing.T, c fyne.Canvas) fyne.CanvasObject {
	t.Helper()
	c.(fyne.Shortcutable).TypedShortcut(shortcut(fyne.KeyN))
	dlg := c.Overlays().Top()
	if dlg == nil {
		t.Fatal("Ctrl+N opened no dialog")
	}
	return dlg
}

func pressKey(c fyne.Canvas, k fyne.KeyName) {
	c.Focused().TypedKey(&fyne.KeyEvent{Name: k})
}

func TestNewSessionFromQuickTemplate(t *testing.T) {
	u, st := startUI(t, filepath.Join(t.TempDir(), "f.db"))
	defer st.Close()
	c := u.Window().Canvas()

	dlg := pressCtrlN(t, c)
	radio := renderedOf[*keyRadio](dlg)[0]
	var quick string
	for _, o := range radio.Options {
		if strings.HasPrefix(o, "Quick") {
			quick = o
		}
	}
	radio.SetSelected(quick)
	entries := renderedOf[*keyEntry](dlg)
	test.Type(entries[0], "Posicionamiento Q4 · 定位")
	test.Type(entries[1], "Nubia CRM")
	test.Tap(buttonIn(t, dlg, "Create"))

	if u.editor == nil {
		t.Fatal("creating a session did not open the editor")
	}
	if got := len(u.editor.rows); got != 8 {
		t.Fatalf("quick session has %d rows, want 8", got)
	}
	sums, err := st.ListSummaries()
	if err != nil || len(sums) != 1 {
		t.Fatalf("store has %v, %v; want one session", sums, err)
	}
	s, err := st.Load(sums[0].ID)
	if err != nil {
		t.Fatal(err)
	}
	if s.Title != "Posicionamiento Q4 · 定位" || s.Product != "Nubia CRM" || s.Template != canvas.TemplateQuick {
		t.Errorf("stored session = %q / %q / %q", s.Title, s.Product, s.Template)
	}
	if !strings.Contains(u.Window().Title(), "Posicionamiento Q4 · 定位") {
		t.Errorf("window title %q does not name the session", u.Window().Title())
	}
}

func TestKeyboardMovesSliderChartAndIndex(t *testing.T) {
	u, st := startUI(t, filepath.Join(t.TempDir(), "f.db"))
	defer st.Close()
	if err := u.createSession(canvas.TemplateQuick, "Keys", "Nubia", ""); err != nil {
		t.Fatal(err)
	}
	e := u.editor
	c := u.Window().Canvas()
	if e.index.Text != "–" {
		t.Fatalf("index before any move = %q, want –", e.index.Text)
	}

	c.Focus(e.rows[0].slider)
	pressKey(c, fyne.KeyRight) // 50 -> 51
	if got := e.rows[0].value.Text; got != "51" {
		t.Errorf("after Right the value shows %q, want 51", got)
	}
	if e.index.Text != "51" || e.label.Text != "Hybrid" {
		t.Errorf("index after Right = %q %q, want 51 Hybrid", e.index.Text, e.label.Text)
	}
	for range 3 {
		pressKey(c, fyne.KeyPageUp) // 81
	}
	if got := e.rows[0].value.Text; got != "81" {
		t.Errorf("after 3×PageUp the value shows %q, want 81", got)
	}
	if e.label.Text != "Strongly ToB" {
		t.Errorf("label at 81 = %q", e.label.Text)
	}
	texts := chartTexts(e.chart)
	if !contains(texts, "ToB index 81 · Strongly ToB") || !contains(texts, "81") {
		t.Errorf("chart did not follow the slider: %q", texts)
	}
	pressKey(c, fyne.KeyPageDown)
	pressKey(c, fyne.KeyLeft)
	if got := e.rows[0].value.Text; got != "70" {
		t.Errorf("after PageDown and Left the value shows %q, want 70", got)
	}

	// The chart marker sits where the shared geometry puts it.
	want := canvas.LayoutChart(e.s, canvas.ChartOptions{Width: float64(e.chart.Size().Width), Participants: true}).Rows[0].Current
	found := false
	for _, circ := range renderedOf[*fynecanvas.Circle](e.chart) {
		cx := circ.Position().X + circ.Size().Width/2
		cy := circ.Position().Y + circ.Size().Height/2
		if abs(cx-float32(want.X)) < 0.5 && abs(cy-float32(want.Y)) < 0.5 {
			found = true
		}
	}
	if !found {
		t.Errorf("no chart marker at %v", want)
	}

	// Tab walks the row (see TestTabOrderInEditor) and the next row's
	// header to its slider.
	for range 3 {
		tab(t, c)
	}
	for c.Focused() != nil && holds(e.rows[1].header, c.Focused()) {
		tab(t, c)
	}
	if c.Focused() != fyne.Focusable(e.rows[1].slider) {
		t.Fatalf("three Tabs from the slider focused %T, want the next row's slider", c.Focused())
	}
	pressKey(c, fyne.KeyPageDown)
	if got := e.rows[1].value.Text; got != "40" {
		t.Errorf("second row after PageDown shows %q, want 40", got)
	}
	if !strings.Contains(u.Window().Title(), "unsaved") {
		t.Errorf("window title %q does not say the change is unsaved", u.Window().Title())
	}
	c.(fyne.Shortcutable).TypedShortcut(shortcut(fyne.KeyS))
	if !strings.Contains(u.Window().Title(), "(saved)") {
		t.Errorf("after Ctrl+S the title is %q", u.Window().Title())
	}
}

func abs(f float32) float32 {
	if f < 0 {
		return -f
	}
	return f
}

func TestChineseNoteSurvivesReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f.db")
	u, st := startUI(t, path)
	if err := u.createSession(canvas.TemplateFull, "Revisión", "Nubia CRM", "Ana"); err != nil {
		t.Fatal(err)
	}
	e := u.editor
	c := u.Window().Canvas()
	note := "采购需要三个部门签字。Sí, la decisión es lenta."
	c.Focus(e.rows[4].note)
	test.Type(e.rows[4].note, note)
	c.Focus(e.rows[4].slider)
	pressKey(c, fyne.KeyPageUp)
	pressKey(c, fyne.KeyPageUp)
	if e.rows[4].note.Text != note {
		t.Fatalf("note shows %q", e.rows[4].note.Text)
	}
	// Closing the window is all the user does: no save.
	u.Close()
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}

	u2, st2 := startUI(t, path)
	defer st2.Close()
	h := u2.home
	if len(h.shown) != 1 || h.shown[0].Title != "Revisión" {
		t.Fatalf("home lists %v", h.shown)
	}
	if !h.openBtn.Disabled() {
		t.Error("Open is enabled with nothing selected")
	}
	h.list.Select(0)
	test.Tap(h.openBtn)
	e2 := u2.editor
	if e2 == nil {
		t.Fatal("Open did not open the editor")
	}
	if got := e2.rows[4].note.Text; got != note {
		t.Errorf("reopened note = %q, want %q", got, note)
	}
	if got := e2.rows[4].value.Text; got != "70" {
		t.Errorf("reopened value = %q, want 70", got)
	}
	if got := e2.rows[4].slider.Value; got != 70 {
		t.Errorf("reopened slider = %v, want 70", got)
	}
	if got := e2.rows[3].value.Text; got != "–" {
		t.Errorf("an untouched row shows %q, want –", got)
	}
	if e2.index.Text != "70" {
		t.Errorf("reopened index = %q, want 70", e2.index.Text)
	}
}

func TestHomeSearchDuplicateRenameDeleteUndo(t *testing.T) {
	u, st := startUI(t, filepath.Join(t.TempDir(), "f.db"))
	defer st.Close()
	now := time.Date(2026, 11, 22, 9, 0, 0, 0, time.UTC)
	u.opt.Now = func() time.Time { now = now.Add(time.Minute); return now }
	for _, p := range [][2]string{{"Alpha", "Nubia CRM"}, {"Beta", "Pago Fácil"}, {"Gamma", "小红书"}} {
		if err := u.createSession(canvas.TemplateQuick, p[0], p[1], ""); err != nil {
			t.Fatal(err)
		}
	}
	u.ShowHome()
	h := u.home
	titles := func() []string {
		var out []string
		for _, s := range h.shown {
			out = append(out, s.Title)
		}
		return out
	}
	if got := strings.Join(titles(), ","); got != "Gamma,Beta,Alpha" {
		t.Fatalf("home order %q, want newest first", got)
	}
	test.Type(h.search, "fácil")
	if got := strings.Join(titles(), ","); got != "Beta" {
		t.Errorf("search fácil shows %q", got)
	}
	h.search.SetText("小红")
	if got := strings.Join(titles(), ","); got != "Gamma" {
		t.Errorf("search 小红 shows %q", got)
	}
	h.search.SetText("")

	// Duplicate Alpha.
	h.selectSession(h.shown[2].ID)
	test.Tap(h.dupBtn)
	if got := strings.Join(titles(), ","); got != "Alpha (copy),Gamma,Beta,Alpha" {
		t.Fatalf("after duplicate %q", got)
	}

	// Rename the copy.
	h.list.Select(0)
	test.Tap(h.renBtn)
	dlg := u.Window().Canvas().Overlays().Top()
	entries := renderedOf[*keyEntry](dlg)
	entries[0].SetText("Alfa")
	test.Tap(buttonIn(t, dlg, "Rename"))
	if got := strings.Join(titles(), ","); got != "Alfa,Gamma,Beta,Alpha" {
		t.Fatalf("after rename %q", got)
	}

	// Delete asks first; cancelling keeps the session.
	h.list.Select(1) // Gamma
	test.Tap(h.delBtn)
	dlg = u.Window().Canvas().Overlays().Top()
	test.Tap(buttonIn(t, dlg, "No"))
	if len(h.shown) != 4 {
		t.Fatalf("cancelled delete removed a session: %q", titles())
	}
	h.list.Select(1)
	test.Tap(h.delBtn)
	dlg = u.Window().Canvas().Overlays().Top()
	test.Tap(buttonIn(t, dlg, "Yes"))
	if got := strings.Join(titles(), ","); got != "Alfa,Beta,Alpha" {
		t.Fatalf("after delete %q", got)
	}
	if sums, _ := st.ListSummaries(); len(sums) != 3 {
		t.Fatalf("store still has %d sessions", len(sums))
	}
	if !h.undoBar.Visible() {
		t.Fatal("no undo offered after delete")
	}
	test.Tap(buttonIn(t, h.undoBar, "Undo"))
	if got := strings.Join(titles(), ","); got != "Alfa,Gamma,Beta,Alpha" {
		t.Fatalf("after undo %q", got)
	}
	if h.undoBar.Visible() {
		t.Error("undo bar still shown after undo")
	}
}

func exportSession(t *testing.T) (*UI, *store.Store) {
	t.Helper()
	u, st := startUI(t, filepath.Join(t.TempDir(), "f.db"))
	u.opt.Now = func() time.Time { return time.Date(2026, 11, 22, 15, 30, 0, 0, time.Local) }
	u.opt.ProgressDelay = time.Hour // no progress dialog racing the test
	if err := u.createSession(canvas.TemplateQuick, "Revisión Q4 · 定位", "Nubia CRM", "Ana"); err != nil {
		t.Fatal(err)
	}
	return u, st
}

func TestCtrlEOffersProductAndDate(t *testing.T) {
	u, st := exportSession(t)
	defer st.Close()
	u.Window().Canvas().(fyne.Shortcutable).TypedShortcut(shortcut(fyne.KeyE))
	key(u.Window().Canvas(), fyne.KeyReturn) // the PDF's language: the interface's
	dlg := u.Window().Canvas().Overlays().Top()
	if dlg == nil {
		t.Fatal("Ctrl+E opened no dialog")
	}
	found := false
	for _, e := range entriesIn(dlg) {
		if e.Text == "Nubia CRM - 2026-11-22.pdf" {
			found = true
		}
	}
	if !found {
		t.Error("the save dialog does not suggest \"Nubia CRM - 2026-11-22.pdf\"")
	}
}

func TestWithExtension(t *testing.T) {
	dir := t.TempDir()
	bare := filepath.Join(dir, "report")
	if err := os.WriteFile(bare, nil, 0o644); err != nil { // the user's own empty file
		t.Fatal(err)
	}
	if got := withExtension(bare, ".pdf"); got != bare+".pdf" {
		t.Errorf("withExtension(%q) = %q", bare, got)
	}
	// The save dialog creates nothing (deferredWrites), so an empty file
	// there is the user's and stays.
	if _, err := os.Stat(bare); err != nil {
		t.Errorf("withExtension removed %s: %v", bare, err)
	}
	if got := withExtension(filepath.Join(dir, "r.PDF"), ".pdf"); got != filepath.Join(dir, "r.PDF") {
		t.Errorf("an existing extension was changed: %q", got)
	}
}

func TestExportWritesPDFAndReports(t *testing.T) {
	u, st := exportSession(t)
	defer st.Close()
	path := filepath.Join(t.TempDir(), "out.pdf")
	<-u.exportTo(exportPDF, u.editor.s.Clone(), path)
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	if !strings.HasPrefix(string(data), "%PDF-") {
		t.Fatalf("export is not a PDF: %q", data[:min(16, len(data))])
	}
	if !strings.Contains(u.editor.notice.Text, path) {
		t.Errorf("the editor does not say where the PDF went: %q", u.editor.notice.Text)
	}
}

func TestExportToUnwritableFolderFailsCleanly(t *testing.T) {
	u, st := exportSession(t)
	defer st.Close()
	blocker := filepath.Join(t.TempDir(), "file")
	if err := os.WriteFile(blocker, []byte("x"), 0o644); err != nil {
		t.Fatal(err)
	}
	path := filepath.Join(blocker, "out.pdf") // a folder that cannot exist
	before, _ := st.Load(u.editor.s.ID)
	<-u.exportTo(exportPDF, u.editor.s.Clone(), path)
	if _, err := os.Stat(path); err == nil {
		t.Error("a file was left behind")
	}
	top := u.Window().Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no error was shown")
	}
	shown := false
	for _, l := range renderedOf[*widget.Label](top) {
		if strings.Contains(l.Text, "not saved") {
			shown = true
		}
	}
	if !shown {
		t.Error("the error dialog does not say the PDF was not saved")
	}
	after, _ := st.Load(u.editor.s.ID)
	if before.Updated != after.Updated || before.Title != after.Title {
		t.Error("a failed export changed the session")
	}
}

func TestPaperChoiceIsRemembered(t *testing.T) {
	u, st := exportSession(t)
	defer st.Close()
	if u.paper() != "a4" {
		t.Fatalf("default paper %q", u.paper())
	}
	u.setPaper("letter")
	again := New(u.app, st, Options{AutosaveDelay: time.Hour})
	if again.paper() != "letter" {
		t.Errorf("a new window on the same app uses %q", again.paper())
	}
}

func TestDoubleTapOpensSession(t *testing.T) {
	u, st := startUI(t, filepath.Join(t.TempDir(), "f.db"))
	defer st.Close()
	for _, title := range []string{"Uno", "Dos"} {
		if err := u.createSession(canvas.TemplateQuick, title, "p", ""); err != nil {
			t.Fatal(err)
		}
	}
	u.ShowHome()
	rows := renderedOf[*sessionRow](u.home.list)
	if len(rows) < 2 {
		t.Fatalf("the list renders %d rows", len(rows))
	}
	var second *sessionRow
	for _, r := range rows {
		if r.id == 1 {
			second = r
		}
	}
	if second == nil {
		t.Fatal("no row for the second session")
	}
	test.Tap(second)
	if u.editor != nil || u.home.selected != u.home.shown[1].ID {
		t.Fatal("a single tap should only select the row")
	}
	test.DoubleTap(second)
	if u.editor == nil || u.editor.s.Title != u.home.shown[1].Title {
		t.Fatal("a double tap did not open the session")
	}
}

// The session list's columns line up whatever each row's date and index
// read, so the eye can run down the product column.
func TestSessionListColumnsLineUp(t *testing.T) {
	u, st := startUI(t, filepath.Join(t.TempDir(), "f.db"))
	defer st.Close()
	h := u.home
	when := time.Date(2026, 5, 2, 9, 0, 0, 0, time.UTC)
	h.shown = []store.Summary{
		{ID: "a", Title: "Sin índice", Product: "Pago Fácil", Updated: when},
		{ID: "b", Title: "会话", Product: "小红书", Updated: when.AddDate(0, 6, 26), IndexValid: true, Index: 7},
		{ID: "c", Title: "Gamma", Product: "Nubia CRM", Updated: when, IndexValid: true, Index: 100},
	}
	type cols struct{ product, date, index float32 }
	var got []cols
	for i := range h.shown {
		r := h.createRow()
		h.updateRow(i, r)
		w := test.NewTempWindow(t, r)
		w.SetPadded(false)
		w.Resize(fyne.NewSize(1000, 40))
		var c cols
		for _, l := range renderedOf[*widget.Label](r) {
			x := fyne.CurrentApp().Driver().AbsolutePositionForObject(l).X
			switch l.Text {
			case h.shown[i].Product:
				c.product = x
			case h.shown[i].Updated.Local().Format("2 Jan 2006 15:04"):
				c.date = x
			case u.indexText(h.shown[i]):
				c.index = x
			}
		}
		if c.product == 0 || c.date == 0 || c.index == 0 {
			t.Fatalf("row %d: columns not found: %+v", i, c)
		}
		got = append(got, c)
	}
	for i := 1; i < len(got); i++ {
		if got[i] != got[0] {
			t.Errorf("row %d columns at %+v, row 0 at %+v", i, got[i], got[0])
		}
	}
}
