package app

import (
	"image/color"
	"path/filepath"
	"slices"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	fynecanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// The compare view, from the session list and from the editor, on the
// sessions of canvas/testdata/compare: canvas's TestCompareByHand works
// their figures out by hand. Q1 (May) and Q3 (August) are Nubia CRM, Q3
// spelled " nubia crm "; "apart" (September) is Nubia CRM too.

const compareFixtures = "../canvas/testdata/compare/"

// importCompareFixtures imports q1, q3 and apart through File → Import's
// own path, and shows the session list.
func importCompareFixtures(t *testing.T, u *UI) {
	t.Helper()
	for _, name := range []string{"q1.json", "q3.json", "apart.json"} {
		u.importFile(compareFixtures + name)
		dismissAll(u)
	}
	u.ShowHome()
	if got := len(u.home.all); got != 3 {
		t.Fatalf("imported %d sessions, want 3", got)
	}
}

// picker is the baseline dialog on show, and what it has chosen.
func picker(t *testing.T, u *UI) (chosen string, texts []string) {
	t.Helper()
	top := u.Window().Canvas().Overlays().Top()
	if top == nil {
		t.Fatal("no dialog asks what to compare with")
	}
	lists := renderedOf[*pickList](top)
	if len(lists) != 1 {
		t.Fatalf("the dialog holds %d session lists, want 1", len(lists))
	}
	return lists[0].p.chosen, textsOf(rendered(top))
}

// onCompare fails unless the compare view is on screen, and returns it.
func onCompare(t *testing.T, u *UI) *compareView {
	t.Helper()
	v := u.comparing
	if v == nil || u.Window().Content() != v.content {
		t.Fatal("the compare view is not on screen")
	}
	return v
}

// tableRows are the rows of the compare view's table as the reader sees
// them: dimension, then, now, shift.
func tableRows(t *testing.T, v *compareView) [][4]string {
	t.Helper()
	var texts []string
	for _, l := range renderedOf[*widget.Label](v.details) {
		texts = append(texts, l.Text)
	}
	at := slices.Index(texts, "Dimension")
	if at < 0 || len(texts) < at+4 || texts[at+1] != "Then" || texts[at+2] != "Now" || texts[at+3] != "Shift" {
		t.Fatalf("no table header Dimension, Then, Now, Shift in %q", texts)
	}
	var rows [][4]string
	for i := at + 4; i+3 < len(texts) && len(rows) < len(v.from.Dimensions)+len(v.to.Dimensions); i += 4 {
		if strings.HasPrefix(texts[i], "~ ") || strings.Contains(texts[i], " since then: ") {
			break
		}
		rows = append(rows, [4]string{texts[i], texts[i+1], texts[i+2], texts[i+3]})
	}
	return rows
}

// checkQ1ToQ3 checks the figures worked out by hand for Q1 → Q3.
func checkQ1ToQ3(t *testing.T, v *compareView) {
	t.Helper()
	texts := textsOf(rendered(v.details))
	for _, want := range []string{
		"50 → 58.9", "+8.9", // the index then → now, and its shift
		"Added since then: Revenue source",
		"Removed since then: Data volume",
		"Reached 2 of 6 (within 5 points of the target)",
		"Whom the product serves: target 85, now 80, reached",
		"Core value: target 40, now 42, reached",
		"Decision makers: target 75, now 69, not reached",
		"Decision cycle: target 20, nothing agreed now, not reached",
		"Data volume: target 60, no longer in the session, not reached",
		"Then: Q1 positioning · Nubia CRM · 10 May 2026",
		// Decision makers at 69 against a 22.5 decision cycle: a committee
		// bought on impulse, which Q1 (~50, 30) was not.
		"Resolved since then: none",
		"New since then: Committee vs impulse purchase",
	} {
		if !hasText(texts, want) {
			t.Errorf("the compare view does not show %q; it shows %q", want, texts)
		}
	}
	// Q3's date is its last change: the fixture's, or today's once edited.
	if !containsText(texts, "Now: Q3 positioning · nubia crm · ") {
		t.Errorf("the compare view does not name Q3 as now: %q", texts)
	}
	rows := tableRows(t, v)
	want := [][4]string{
		{"Decision makers", "~50", "69", "+19"},
		{"Whom the product serves", "70", "80", "+10"},
		{"Customer acquisition", "60", "50", "-10"},
		{"Decision cycle", "30", "~22.5", "-7.5"},
		{"Core value", "–", "42", "–"},
		{"Revenue source", "–", "90", "added"},
		{"Data volume", "40", "–", "removed"},
	}
	if !slices.Equal(rows, want) {
		t.Errorf("the table reads\n%q\nwant, the largest move first,\n%q", rows, want)
	}
}

// checkBaselineDrawn checks that the chart draws each earlier position as
// a hollow ring, with an arrow where the position moved, from the canvas
// geometry.
func checkBaselineDrawn(t *testing.T, v *compareView) {
	t.Helper()
	l := test.WidgetRenderer(v.chart).(*chartRenderer).layout
	if l.Index.Earlier == nil || l.Index.Moved == nil {
		t.Error("the chart's index gauge shows no earlier index and move")
	}
	earlier := 0
	for _, r := range l.Rows {
		if r.Earlier != nil {
			earlier++
		}
		if r.Key == "decision-makers" && (r.Earlier == nil || r.Moved == nil) {
			t.Error("Decision makers moved 50 → 69 and the chart shows no earlier ring and arrow")
		}
		if r.Key == "revenue-source" && r.Earlier != nil {
			t.Error("Revenue source is new and the chart shows an earlier position")
		}
	}
	rings := 0
	for _, c := range renderedOf[*fynecanvas.Circle](v.chart) {
		if c.FillColor == color.Transparent {
			rings++
		}
	}
	if earlier < 4 || rings < earlier+1 {
		t.Errorf("%d rows have an earlier position and %d hollow rings are painted, want at least 4 and one more for the index", earlier, rings)
	}
}

// From the session list: select Q3, Compare…; the previous session of the
// same product (Q1, its name written differently) is chosen already, Enter
// compares, and Esc returns to the list with Q3 still selected.
func TestCompareFromTheSessionList(t *testing.T) {
	u, st := startUI(t, filepath.Join(t.TempDir(), "f.db"))
	defer st.Close()
	importCompareFixtures(t, u)
	h := u.home
	c := u.Window().Canvas()
	if !h.cmpBtn.Disabled() {
		t.Error("Compare… is enabled with no session selected")
	}
	h.selectSession("nubia-q3")
	if h.cmpBtn.Disabled() {
		t.Fatal("Compare… is disabled with a session selected")
	}
	test.Tap(h.cmpBtn)
	chosen, texts := picker(t, u)
	if chosen != "nubia-q1" {
		t.Errorf("the dialog chose %q, want the previous session of the product, nubia-q1", chosen)
	}
	if !hasText(texts, "“Q1 positioning”, the previous session of this product, is chosen; pick another if you like.") {
		t.Errorf("the dialog does not say the previous session is chosen: %q", texts)
	}
	if containsText(texts, "Q3 positioning") && slices.Contains(pickedTitles(u), "Q3 positioning") {
		t.Error("the dialog offers Q3 as its own baseline")
	}
	if c.Focused() == nil {
		t.Fatal("the dialog focuses nothing")
	}
	key(c, fyne.KeyReturn)
	if c.Overlays().Top() != nil {
		t.Fatal("Enter left the dialog open")
	}
	v := onCompare(t, u)
	if v.from.ID != "nubia-q1" || v.to.ID != "nubia-q3" {
		t.Fatalf("compares %s → %s, want nubia-q1 → nubia-q3", v.from.ID, v.to.ID)
	}
	checkQ1ToQ3(t, v)
	checkBaselineDrawn(t, v)
	if got := u.Window().Title(); got != "Comparison: Q1 positioning → Q3 positioning" {
		t.Errorf("the window is titled %q", got)
	}

	key(c, fyne.KeyEscape)
	if u.Window().Content() != u.home.content {
		t.Fatal("Esc did not return to the session list")
	}
	if u.home.selected != "nubia-q3" {
		t.Errorf("back on the list %q is selected, want nubia-q3", u.home.selected)
	}
}

// pickedTitles are the titles the baseline dialog lists.
func pickedTitles(u *UI) []string {
	top := u.Window().Canvas().Overlays().Top()
	var out []string
	for _, l := range renderedOf[*pickList](top) {
		for _, s := range l.p.shown {
			out = append(out, s.Title)
		}
	}
	return out
}

// From the editor: File → Compare with… on the open session; the arrows
// choose in the list, Enter compares; Esc returns to the editor. The open
// session is read live, so an undo on the compare view shows at once, and
// Swap turns the comparison round.
func TestCompareFromTheEditor(t *testing.T) {
	u, st := startUI(t, filepath.Join(t.TempDir(), "f.db"))
	defer st.Close()
	importCompareFixtures(t, u)
	if err := u.OpenSession("nubia-q3"); err != nil {
		t.Fatal(err)
	}
	e := u.editor
	c := u.Window().Canvas()

	fileMenuItem(t, u, "Compare with…").Action()
	chosen, _ := picker(t, u)
	if chosen != "nubia-q1" {
		t.Fatalf("the dialog chose %q, want nubia-q1", chosen)
	}
	if got, want := pickedTitles(u), []string{"Retention deep-dive", "Q1 positioning"}; !slices.Equal(got, want) {
		t.Errorf("the dialog lists %q, want %q (the open session left out, most recent first)", got, want)
	}
	key(c, fyne.KeyDown) // from the search into the list: Q1 stays chosen, it is last
	if chosen, _ = picker(t, u); chosen != "nubia-q1" {
		t.Errorf("↓ on the last row chose %q", chosen)
	}
	key(c, fyne.KeyUp)
	if chosen, _ = picker(t, u); chosen != "nubia-apart" {
		t.Errorf("↑ chose %q, want nubia-apart", chosen)
	}
	key(c, fyne.KeyDown)
	key(c, fyne.KeyReturn)
	checkQ1ToQ3(t, onCompare(t, u))
	key(c, fyne.KeyEscape)
	if u.editor != e || u.Window().Content() != e.content {
		t.Fatal("Esc did not return to the editor")
	}
	if got := u.Window().Title(); !strings.HasPrefix(got, "Q3 positioning") {
		t.Errorf("back in the editor the window is titled %q", got)
	}

	// A change makes Q3 the latest session of the product: Ctrl+K now
	// suggests the one just before it, apart; Q1 is chosen by hand.
	ninety := 90
	if !e.apply("test", canvas.SetCurrent{Dimension: "customer", Value: &ninety}) {
		t.Fatal("setting Whom the product serves to 90 was refused")
	}
	c.(fyne.Shortcutable).TypedShortcut(shortcut(fyne.KeyK))
	if chosen, _ = picker(t, u); chosen != "nubia-apart" {
		t.Errorf("after a change the dialog chose %q, want nubia-apart", chosen)
	}
	key(c, fyne.KeyDown)
	key(c, fyne.KeyReturn)
	v := onCompare(t, u)
	if rows := tableRows(t, v); len(rows) == 0 || rows[0] != [4]string{"Whom the product serves", "70", "90", "+20"} {
		t.Errorf("with Whom the product serves moved to 90 the first row reads %q, want it the largest move", rows)
	}
	undoKey(u)
	checkQ1ToQ3(t, onCompare(t, u))

	tapButton(t, v.content, "Swap then and now")
	v = onCompare(t, u)
	if texts := textsOf(rendered(v.details)); !hasText(texts, "58.9 → 50") || !hasText(texts, "-8.9") {
		t.Errorf("swapped, the index reads %q", texts)
	}

	// Ctrl+K asks again; Esc cancels and leaves the comparison on screen.
	c.(fyne.Shortcutable).TypedShortcut(shortcut(fyne.KeyK))
	picker(t, u)
	key(c, fyne.KeyEscape)
	if c.Overlays().Top() != nil || u.Window().Content() != v.content {
		t.Error("Esc in the dialog did not cancel back to the comparison")
	}
	key(c, fyne.KeyEscape)
	if u.Window().Content() != e.content {
		t.Error("Esc did not return to the editor")
	}
}

// From the keyboard alone on the session list: ↓ selects the newest
// session, Ctrl+K, Enter compares it with the one before, Esc returns.
// A session with nothing earlier has nothing chosen, and Enter does
// nothing until the reader chooses; with nothing selected, Ctrl+K says to
// select a session first.
func TestCompareByKeyboard(t *testing.T) {
	u, st := startUI(t, filepath.Join(t.TempDir(), "f.db"))
	defer st.Close()
	importCompareFixtures(t, u)
	c := u.Window().Canvas()
	ctrlK := func() { c.(fyne.Shortcutable).TypedShortcut(shortcut(fyne.KeyK)) }

	ctrlK()
	if texts := topTexts(t, u); !hasText(texts, "Select a session in the list first, then compare it.") {
		t.Errorf("Ctrl+K with nothing selected says %q", texts)
	}
	key(c, fyne.KeyReturn)

	c.Focus(u.home.search)
	key(c, fyne.KeyDown)
	if u.home.selected != "nubia-apart" {
		t.Fatalf("↓ selected %q, want the newest, nubia-apart", u.home.selected)
	}
	ctrlK()
	if chosen, _ := picker(t, u); chosen != "nubia-q3" {
		t.Errorf("for nubia-apart the dialog chose %q, want nubia-q3", chosen)
	}
	key(c, fyne.KeyReturn)
	v := onCompare(t, u)
	if v.from.ID != "nubia-q3" || v.to.ID != "nubia-apart" {
		t.Errorf("compares %s → %s", v.from.ID, v.to.ID)
	}
	// Apart shares no dimension with Q3.
	if texts := textsOf(rendered(v.details)); !hasText(texts, "Added since then: Buyer vs user, Retention measures") ||
		!hasText(texts, "Removed since then: Whom the product serves, Decision makers, Decision cycle, Customer acquisition, Core value, Revenue source") {
		t.Errorf("the comparison with no dimension in common shows %q", texts)
	}
	key(c, fyne.KeyEscape)
	if u.Window().Content() != u.home.content || u.home.selected != "nubia-apart" {
		t.Fatal("Esc did not return to the list with the session selected")
	}

	u.home.selectSession("nubia-q1")
	ctrlK()
	chosen, texts := picker(t, u)
	if chosen != "" || !hasText(texts, "No earlier session of this product: choose any session.") {
		t.Errorf("Q1 has nothing earlier, and the dialog chose %q and says %q", chosen, texts)
	}
	key(c, fyne.KeyReturn)
	if c.Overlays().Top() == nil {
		t.Fatal("Enter with nothing chosen closed the dialog")
	}
	key(c, fyne.KeyEscape)
	if c.Overlays().Top() != nil || u.Window().Content() != u.home.content {
		t.Error("Esc did not cancel back to the list")
	}
}

// The compare view fits the smallest window (1366×768 at FYNE_SCALE=1.5,
// see TestWindowFitsSmallScreens) and 1024×600, with the Full template on
// both sides, scrolling where it must.
func TestCompareFitsSmallScreens(t *testing.T) {
	u, st := startUI(t, filepath.Join(t.TempDir(), "f.db"))
	defer st.Close()
	for _, title := range []string{"Una sesión con un título largo para ver", "Otra sesión con un título largo para ver"} {
		if err := u.createSession(canvas.TemplateFull, title, "Producto", ""); err != nil {
			t.Fatal(err)
		}
		addPeople(t, u, [2]string{"Ana García", "Ventas"}, [2]string{"李伟", "工程"})
		for i, d := range u.editor.s.Dimensions {
			v := (i * 23) % 101
			u.editor.apply("test", canvas.SetCurrent{Dimension: d.Key, Value: &v})
			u.editor.apply("test", canvas.SetTarget{Dimension: d.Key, Value: &v})
		}
	}
	u.compareWith()
	key(u.Window().Canvas(), fyne.KeyReturn)
	onCompare(t, u)
	limits := map[string]fyne.Size{
		"1366×768 at scale 1.5": fyne.NewSize(1366/1.5-windowFrame.Width, 768/1.5-windowFrame.Height),
		"1024×600":              fyne.NewSize(1024-windowFrame.Width, 600-windowFrame.Height),
	}
	for what, limit := range limits {
		if m := u.Window().Content().MinSize(); m.Width > limit.Width || m.Height > limit.Height {
			t.Errorf("the compare view asks for %v, more than %s holds (%v)", m, what, limit)
		}
	}
}

// The golden images of the compare view at 1024×600, light and dark.
func TestCompareGolden(t *testing.T) {
	for _, v := range variants {
		t.Run(v.name, func(t *testing.T) {
			u, _ := startSized(t, 1024, 600, v.v)
			importCompareFixtures(t, u)
			u.home.selectSession("nubia-q3")
			u.compareWith()
			key(u.Window().Canvas(), fyne.KeyReturn)
			onCompare(t, u)
			test.AssertImageMatches(t, "compare_"+v.name+".png", u.Window().Canvas().Capture())
		})
	}
}

// Settings → Language on the compare view redraws it in the new words and
// keeps it on screen, with the same two sessions, whether it was opened
// from the list or from the editor; Esc still returns where it came from.
func TestCompareSwitchesLanguage(t *testing.T) {
	u, st := startUI(t, filepath.Join(t.TempDir(), "f.db"))
	defer st.Close()
	importCompareFixtures(t, u)
	c := u.Window().Canvas()
	shows := func(where, want string) {
		t.Helper()
		v := onCompare(t, u)
		if v.from.ID != "nubia-q1" || v.to.ID != "nubia-q3" {
			t.Errorf("%s: compares %s → %s after the switch", where, v.from.ID, v.to.ID)
		}
		if texts := textsOf(onScreen(u)); !hasText(texts, want) {
			t.Errorf("%s: the compare view does not show %q: %q", where, want, texts)
		}
	}

	u.home.selectSession("nubia-q3")
	u.compareWith()
	key(c, fyne.KeyReturn)
	languageItem(t, u, "Español").Action()
	shows("from the list", "Añadidas desde entonces: Fuente de ingresos")
	key(c, fyne.KeyEscape)
	if u.Window().Content() != u.home.content || u.home.selected != "nubia-q3" {
		t.Fatal("Esc after the switch did not return to the list with Q3 selected")
	}

	if err := u.OpenSession("nubia-q3"); err != nil {
		t.Fatal(err)
	}
	u.compareWith()
	key(c, fyne.KeyReturn)
	languageItem(t, u, "中文").Action()
	shows("from the editor", "此后新增：利润来源")
	key(c, fyne.KeyEscape)
	if u.editor == nil || u.Window().Content() != u.editor.content {
		t.Fatal("Esc after the switch did not return to the editor")
	}
}

// A tap in the dialog's list chooses a session, a double tap compares with
// it.
func TestCompareDialogTaps(t *testing.T) {
	u, st := startUI(t, filepath.Join(t.TempDir(), "f.db"))
	defer st.Close()
	importCompareFixtures(t, u)
	u.home.selectSession("nubia-q1")
	u.compareWith()
	rows := renderedOf[*pickRow](u.Window().Canvas().Overlays().Top())
	if len(rows) < 2 {
		t.Fatalf("the dialog shows %d rows, want apart and Q3", len(rows))
	}
	var q3, apart *pickRow
	for _, r := range rows {
		switch r.p.shown[r.id].ID {
		case "nubia-q3":
			q3 = r
		case "nubia-apart":
			apart = r
		}
	}
	if q3 == nil || apart == nil {
		t.Fatal("the dialog does not list apart and Q3")
	}
	test.Tap(apart)
	if chosen, _ := picker(t, u); chosen != "nubia-apart" {
		t.Errorf("a tap on apart chose %q", chosen)
	}
	test.DoubleTap(q3)
	v := onCompare(t, u)
	if v.from.ID != "nubia-q3" || v.to.ID != "nubia-q1" {
		t.Errorf("a double tap on Q3 compares %s → %s, want nubia-q3 → nubia-q1", v.from.ID, v.to.ID)
	}
}
