package app

import (
	"fmt"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2"
	fynecanvas "fyne.io/fyne/v2/canvas"
	"fyne.io/fyne/v2/test"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// turn is what one participant places on the round's three dimensions.
type turn struct {
	name   string
	values [3]int
	conf   [3]string
	why    [3]string
}

var blindTurns = []turn{
	{name: "Ana García", values: [3]int{13, 27, 41}, why: [3]string{"", "El comité tarda meses", ""}},
	{name: "李伟", values: [3]int{77, 64, 57}, conf: [3]string{"4", "", ""}, why: [3]string{"采购需要三个部门签字", "", ""}},
	{name: "Sam", values: [3]int{91, 8, 36}, conf: [3]string{"", "", "2"}},
}

// blindKeys are rows 0, 2 and 5 of the quick template.
var blindKeys = []string{"customer", "decision-cycle", "value"}

// othersOf lists every value and rationale of the participants other than i.
func othersOf(i int) ([]int, []string) {
	var vals []int
	var whys []string
	for j, tn := range blindTurns {
		if j == i {
			continue
		}
		vals = append(vals, tn.values[:]...)
		whys = append(whys, tn.why[:]...)
	}
	return vals, whys
}

func allValues() []int {
	var out []int
	for _, tn := range blindTurns {
		out = append(out, tn.values[:]...)
	}
	return out
}

// checkHandover asserts the hand-over screen names who gets the laptop and
// shows nobody's values.
func checkHandover(t *testing.T, u *UI, name string) {
	t.Helper()
	content := u.Window().Content()
	all := test.LaidOutObjects(content)
	texts := textsOf(all)
	if !hasText(texts, "Pass the laptop to "+name) {
		t.Fatalf("hand-over screen shows %q, want \"Pass the laptop to %s\"", texts, name)
	}
	var whys []string
	for _, tn := range blindTurns {
		whys = append(whys, tn.why[:]...)
	}
	checkNoLeak(t, "hand-over to "+name, all, allValues(), whys)
	if u.Window().Canvas().OnTypedKey() == nil || u.Window().Canvas().OnTypedRune() == nil {
		t.Fatal("the hand-over screen does not listen for a keypress")
	}
}

// placePrivately does participant i's turn from the hand-over screen: one
// keypress, the sliders, confidence and rationale, the privacy checks, Done.
func placePrivately(t *testing.T, u *UI, i int, useRune bool) {
	t.Helper()
	tn := blindTurns[i]
	c := u.Window().Canvas()
	checkHandover(t, u, tn.name)
	if useRune {
		c.OnTypedRune()('x')
	} else {
		c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyReturn})
	}
	content := u.Window().Content()
	if !hasText(textsOf(rendered(content)), tn.name+" — your private placement") {
		t.Fatalf("a keypress did not open %s's private screen: %q", tn.name, textsOf(rendered(content)))
	}
	if c.OnTypedKey()(&fyne.KeyEvent{Name: fyne.KeyA}); u.Window().Content() != content {
		t.Error("the private screen still hands keys to the hand-over")
	}
	sliders := renderedOf[*spectrumSlider](content)
	radios := renderedOf[*keyRadio](content)
	entries := renderedOf[*editEntry](content)
	if len(sliders) != 3 || len(radios) != 3 || len(entries) != 3 {
		t.Fatalf("private screen has %d sliders, %d radios, %d entries; want 3 each", len(sliders), len(radios), len(entries))
	}
	for j, sl := range sliders {
		if sl.Value != 50 {
			t.Errorf("%s's slider %d starts at %v, want 50", tn.name, j, sl.Value)
		}
		sl.SetValue(float64(tn.values[j]))
		if tn.conf[j] != "" {
			radios[j].SetSelected(tn.conf[j])
		}
		if tn.why[j] != "" {
			test.Type(entries[j], tn.why[j])
		}
	}

	// Everything in the screen's tree, hidden or not, and any dialog.
	all := test.LaidOutObjects(content)
	for _, o := range c.Overlays().List() {
		all = append(all, test.LaidOutObjects(o)...)
	}
	vals, whys := othersOf(i)
	checkNoLeak(t, tn.name+"'s private screen", all, vals, whys)
	for j := range 3 {
		if int(sliders[j].Value) != tn.values[j] || radios[j].Selected != tn.conf[j] || entries[j].Text != tn.why[j] {
			t.Errorf("%s's row %d shows %v / %q / %q, want only their own %d / %q / %q", tn.name, j,
				sliders[j].Value, radios[j].Selected, entries[j].Text, tn.values[j], tn.conf[j], tn.why[j])
		}
	}

	s := u.editor.s
	id := s.Participants[i].ID
	for j, key := range s.Round.Dimensions {
		pl, ok := s.Placement(id, key)
		wantConf := 0
		if tn.conf[j] != "" {
			wantConf, _ = strconv.Atoi(tn.conf[j])
		}
		if !ok || pl.Value != tn.values[j] || pl.Confidence != wantConf || pl.Note != tn.why[j] {
			t.Errorf("%s on %s: %+v (placed %v), want %d / %d / %q", tn.name, key, pl, ok, tn.values[j], wantConf, tn.why[j])
		}
	}
	test.Tap(buttonIn(t, content, "Done: hide my answers and pass the laptop on"))
	if c.Overlays().Top() != nil {
		t.Fatalf("Done asked something although %s placed everything", tn.name)
	}
}

// checkEditorHidesRound asserts the editor shows no individual placement
// during a round, on screen and in the chart's geometry.
func checkEditorHidesRound(t *testing.T, u *UI, placed int) {
	t.Helper()
	e := u.editor
	e.tabs.SelectIndex(0)
	if u.Window().Content() != e.content {
		t.Fatal("not in the editor")
	}
	var whys []string
	for _, tn := range blindTurns {
		whys = append(whys, tn.why[:]...)
	}
	checkNoLeak(t, "editor during the round", onScreen(u), allValues(), whys)

	l := canvas.LayoutChart(e.s, canvas.ChartOptions{Width: float64(e.chart.Size().Width), Participants: true})
	for _, r := range l.Rows {
		if len(r.Markers) != 0 || r.Spread != nil {
			t.Errorf("chart row %s has %d markers and spread %v before the reveal", r.Key, len(r.Markers), r.Spread)
		}
	}
	for _, it := range l.Legend {
		if it.Kind == canvas.LegendParticipant {
			t.Errorf("chart legend names %q before the reveal", it.Text.Text)
		}
	}
	if n := len(renderedOf[*fynecanvas.Polygon](e.chart)); n != 0 {
		t.Errorf("the chart draws %d participant shapes before the reveal", n)
	}
	chartTx := textsOf(rendered(e.chart))
	for _, tn := range blindTurns {
		if containsText(chartTx, tn.name) {
			t.Errorf("the chart names %s before the reveal", tn.name)
		}
	}
	want := en.N("app.row.hidden", placed)
	for _, i := range []int{0, 2, 5} {
		if got := e.rows[i].stats.Text; got != want || !e.rows[i].statsLine.Visible() {
			t.Errorf("row %d stats %q (shown %v), want %q", i, got, e.rows[i].statsLine.Visible(), want)
		}
		if e.rows[i].flag.Visible() {
			t.Errorf("row %d is flagged before the reveal", i)
		}
	}
	if e.rows[1].statsLine.Visible() {
		t.Errorf("row 1 is not in the round but shows %q", e.rows[1].stats.Text)
	}
	// Only the agreed position (70 on value) counts before the reveal: the
	// hidden placements' medians must not move the index.
	if e.index.Text != "70" {
		t.Errorf("ToB index during the round = %q, want 70 (the agreed value alone); hidden placements leak through the index", e.index.Text)
	}
	if got, want := l.Index.Label.Label, (canvas.Label{Kind: canvas.LabelIndex, Value: 70, Band: canvas.BandLeaningToB}); got != want {
		t.Errorf("chart index during the round = %+v, want %+v", got, want)
	}
	if !e.banner.Visible() || !strings.Contains(e.bannerTx.Text, fmt.Sprintf("%d of 3 have placed", placed)) {
		t.Errorf("banner %v %q", e.banner.Visible(), e.bannerTx.Text)
	}
}

func TestBlindRoundWalk(t *testing.T) {
	u, st := startFacilitation(t, filepath.Join(t.TempDir(), "f.db"))
	defer st.Close()
	if err := u.createSession(canvas.TemplateQuick, "Ronda ciega", "Nubia CRM", "Marta"); err != nil {
		t.Fatal(err)
	}
	e := u.editor
	s := e.s
	c := u.Window().Canvas()
	addPeople(t, u, [2]string{"Ana García", "Ventas"}, [2]string{"李伟", "产品经理"}, [2]string{"Sam", ""})
	e.tabs.SelectIndex(0)
	// The room already agreed on "value" (row 5): 70. The reveal keeps it.
	c.Focus(e.rows[5].slider)
	pressKey(c, fyne.KeyPageUp)
	pressKey(c, fyne.KeyPageUp)
	if got := s.Position("value").Current; got == nil || *got != 70 {
		t.Fatalf("agreed value = %v, want 70", got)
	}

	// Started through the real dialog: blind mode, three dimensions.
	u.startRoundDialog()
	dlg := c.Overlays().Top()
	if dlg == nil {
		t.Fatal("Start round opened no dialog")
	}
	radios := renderedOf[*keyRadio](dlg)
	groups := renderedOf[*keyCheckGroup](dlg)
	if len(radios) != 1 || len(groups) != 1 {
		t.Fatalf("round dialog has %d radios, %d check groups", len(radios), len(groups))
	}
	radios[0].SetSelected(modeBlindLabel)
	groups[0].SetSelected([]string{dimName(e.rows[0].dim), dimName(e.rows[2].dim), dimName(e.rows[5].dim)})
	test.Tap(buttonIn(t, dlg, "Start"))
	if c.Overlays().Top() != nil {
		t.Fatal("a dialog is still open after Start")
	}
	if s.Round == nil || s.Round.Mode != canvas.RoundBlind || !slices.Equal(s.Round.Dimensions, blindKeys) {
		t.Fatalf("round = %+v, want blind on %v", s.Round, blindKeys)
	}
	if got := strings.Join(names(s), ","); len(s.Round.Order) != 3 || s.Round.Order[0] != s.Participants[0].ID || got != "Ana García,李伟,Sam" {
		t.Fatalf("round order %v for %q", s.Round.Order, got)
	}

	placePrivately(t, u, 0, false)

	// Mid-round, the facilitator looks at the editor: nothing of Ana's shows.
	checkHandover(t, u, "李伟")
	if !containsText(textsOf(rendered(u.Window().Content())), "1 of 3 have placed. Placed: Ana García. Still to come: 李伟, Sam.") {
		t.Errorf("hand-over progress: %q", textsOf(rendered(u.Window().Content())))
	}
	test.Tap(buttonIn(t, u.Window().Content(), "Back to the editor"))
	checkEditorHidesRound(t, u, 1)
	test.Tap(buttonIn(t, e.banner, "Continue round"))

	placePrivately(t, u, 1, true)
	placePrivately(t, u, 2, false)

	texts := textsOf(rendered(u.Window().Content()))
	if !hasText(texts, "Everyone has placed") {
		t.Fatalf("after the last turn the screen shows %q", texts)
	}
	checkNoLeak(t, "round complete", test.LaidOutObjects(u.Window().Content()), allValues(), nil)
	test.Tap(buttonIn(t, u.Window().Content(), "Back to the editor"))
	checkEditorHidesRound(t, u, 3)
	test.Tap(buttonIn(t, e.banner, "Continue round"))
	if !hasText(textsOf(rendered(u.Window().Content())), "Everyone has placed") {
		t.Fatal("Continue round did not return to the reveal screen")
	}
	test.Tap(buttonIn(t, u.Window().Content(), "Reveal every marker"))

	// Revealed.
	if u.Window().Content() != e.content {
		t.Fatal("the reveal did not open the editor")
	}
	if !s.Round.Revealed || e.banner.Visible() {
		t.Errorf("revealed=%v, banner shown=%v", s.Round.Revealed, e.banner.Visible())
	}
	wantStats := map[int]string{
		0: "3 placed · 13–91 · median 77 · mean 60.3 · spread 78",
		2: "3 placed · 8–64 · median 27 · mean 33 · spread 56",
		5: "3 placed · 36–57 · median 41 · mean 44.7 · spread 21",
	}
	screen := textsOf(onScreen(u))
	for i, want := range wantStats {
		if got := e.rows[i].stats.Text; got != want {
			t.Errorf("row %d stats %q, want %q", i, got, want)
		}
		if !hasText(screen, want) {
			t.Errorf("row %d stats %q are not on screen", i, want)
		}
	}
	// The reveal agrees nothing: the medians are proposals; value keeps
	// the 70 agreed before.
	for i, want := range map[int]string{0: "~77", 2: "~27", 5: "70", 1: "–"} {
		if got := e.rows[i].value.Text; got != want {
			t.Errorf("row %d value %q, want %s", i, got, want)
		}
	}
	for i, want := range map[int]string{0: "median, not agreed", 2: "median, not agreed", 5: "agreed"} {
		if got := e.rows[i].agreement.status.Text; got != want || !hasText(screen, want) || !e.rows[i].agreement.status.Visible() {
			t.Errorf("row %d says %q, want %q on screen", i, got, want)
		}
	}
	for key, want := range map[string]*int{"customer": nil, "decision-cycle": nil, "value": intPtr(70)} {
		if got := s.Position(key).Current; (got == nil) != (want == nil) || (got != nil && *got != *want) {
			t.Errorf("current of %s = %v, want %v", key, got, want)
		}
	}
	if s.Position("decision-makers").Current != nil {
		t.Error("a dimension outside the round got a position")
	}
	if e.index.Text != "58" { // (77 + 27 + 70) / 3
		t.Errorf("index after the reveal %q, want 58", e.index.Text)
	}
	// Two dimensions spread 40 or more: the agenda opens.
	if e.tabs.SelectedIndex() != 2 {
		t.Errorf("tab %d after the reveal, want the agenda", e.tabs.SelectedIndex())
	}
	e.tabs.SelectIndex(0)
	l := canvas.LayoutChart(s, canvas.ChartOptions{Width: float64(e.chart.Size().Width), Participants: true})
	for _, r := range l.Rows {
		want := 0
		if slices.Contains(blindKeys, r.Key) {
			want = 3
		}
		if len(r.Markers) != want {
			t.Errorf("chart row %s has %d markers, want %d", r.Key, len(r.Markers), want)
		}
	}
	// Li's squares and Sam's triangles: 3 rows and the legend, 2 each.
	if n := len(renderedOf[*fynecanvas.Polygon](e.chart)); n != 8 {
		t.Errorf("the chart draws %d participant shapes, want 8", n)
	}
	chartTx := textsOf(rendered(e.chart))
	for _, tn := range blindTurns {
		if !hasText(chartTx, tn.name) {
			t.Errorf("the chart legend does not name %s: %q", tn.name, chartTx)
		}
	}
}

func TestBlindRoundResumesAfterReopen(t *testing.T) {
	path := filepath.Join(t.TempDir(), "f.db")
	u, st := startFacilitation(t, path)
	if err := u.createSession(canvas.TemplateQuick, "Reanudar", "Nubia CRM", ""); err != nil {
		t.Fatal(err)
	}
	addPeople(t, u, [2]string{"Ana García", "Ventas"}, [2]string{"李伟", "产品经理"}, [2]string{"Sam", ""})
	ids := []string{u.editor.s.Participants[0].ID, u.editor.s.Participants[1].ID}
	// Started directly: the dialog is driven in TestBlindRoundWalk.
	u.beginRound(canvas.RoundBlind, blindKeys)
	placePrivately(t, u, 0, false)
	checkHandover(t, u, "李伟")

	// The laptop is closed while Li has not started.
	u.Close()
	if err := st.Close(); err != nil {
		t.Fatal(err)
	}

	u2, st2 := startFacilitation(t, path)
	defer st2.Close()
	if len(u2.home.shown) != 1 {
		t.Fatalf("home lists %d sessions", len(u2.home.shown))
	}
	u2.home.list.Select(0)
	test.Tap(u2.home.openBtn)
	if u2.editor == nil {
		t.Fatal("Open did not open the session")
	}
	s := u2.editor.s
	if !s.InRound() || s.Round.Current != ids[1] || !slices.Equal(s.Round.Done, ids[:1]) {
		t.Fatalf("reopened round %+v", s.Round)
	}
	checkHandover(t, u2, "李伟")
	if !containsText(textsOf(rendered(u2.Window().Content())), "1 of 3 have placed. Placed: Ana García.") {
		t.Errorf("progress after reopening: %q", textsOf(rendered(u2.Window().Content())))
	}
	for j, key := range blindKeys {
		pl, ok := s.Placement(ids[0], key)
		if !ok || pl.Value != blindTurns[0].values[j] || pl.Note != blindTurns[0].why[j] {
			t.Errorf("Ana's %s after reopening: %+v (%v)", key, pl, ok)
		}
	}
	if len(s.Placements) != 3 {
		t.Errorf("%d placements after reopening, want Ana's 3", len(s.Placements))
	}
	// The round goes on from there, Li's screen blank and private.
	placePrivately(t, u2, 1, false)
	checkHandover(t, u2, "Sam")
}
