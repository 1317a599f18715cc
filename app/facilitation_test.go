package app

import (
	"fmt"
	"path/filepath"
	"regexp"
	"slices"
	"strconv"
	"strings"
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

// The tests in this file drive the facilitation features (participants,
// rounds, reveal, agenda, targets, timer, presentation) through the real
// widgets and check what the window renders, not only the model.

// startFacilitation opens a store and the UI with every background clock
// pushed an hour away: no autosave, progress or timer goroutine touches a
// widget while the test runs; saves happen when the test (or a close) asks.
func startFacilitation(t *testing.T, path string) (*UI, *store.Store) {
	t.Helper()
	return startUI(t, path)
}

// rendered lists the objects the canvas draws below o: visible objects only,
// walked through each widget's live (cached) renderer, so building the list
// changes nothing about the widgets.
func rendered(o fyne.CanvasObject) []fyne.CanvasObject {
	if o == nil || !o.Visible() {
		return nil
	}
	out := []fyne.CanvasObject{o}
	switch c := o.(type) {
	case fyne.Widget:
		for _, child := range test.WidgetRenderer(c).Objects() {
			out = append(out, rendered(child)...)
		}
	case *fyne.Container:
		for _, child := range c.Objects {
			out = append(out, rendered(child)...)
		}
	}
	return out
}

// onScreen is everything the window draws: its content and any dialogs.
func onScreen(u *UI) []fyne.CanvasObject {
	c := u.Window().Canvas()
	out := rendered(c.Content())
	for _, o := range c.Overlays().List() {
		out = append(out, rendered(o)...)
	}
	return out
}

func ofType[T any](objs []fyne.CanvasObject) []T {
	var out []T
	for _, o := range objs {
		if v, ok := o.(T); ok {
			out = append(out, v)
		}
	}
	return out
}

func renderedOf[T any](o fyne.CanvasObject) []T { return ofType[T](rendered(o)) }

// entriesIn is every rendered entry in o, Fyne's own and Fulcrum's
// keyEntry, in reading order.
func entriesIn(o fyne.CanvasObject) []*widget.Entry {
	var out []*widget.Entry
	for _, x := range rendered(o) {
		switch e := x.(type) {
		case *widget.Entry:
			out = append(out, e)
		case *keyEntry:
			out = append(out, &e.Entry)
		}
	}
	return out
}

// buttonsIn is every rendered button in o, as entriesIn.
func buttonsIn(o fyne.CanvasObject) []*widget.Button {
	var out []*widget.Button
	for _, x := range rendered(o) {
		switch b := x.(type) {
		case *widget.Button:
			out = append(out, b)
		case *keyButton:
			out = append(out, &b.Button)
		}
	}
	return out
}

// checksIn is every rendered check box in o, as entriesIn.
func checksIn(o fyne.CanvasObject) []*widget.Check {
	var out []*widget.Check
	for _, x := range rendered(o) {
		switch c := x.(type) {
		case *widget.Check:
			out = append(out, c)
		case *keyCheck:
			out = append(out, &c.Check)
		}
	}
	return out
}

// buttonIn finds a rendered button by its text.
func buttonIn(t *testing.T, o fyne.CanvasObject, text string) *widget.Button {
	t.Helper()
	for _, b := range buttonsIn(o) {
		if b.Text == text {
			return b
		}
	}
	t.Fatalf("no button %q on screen", text)
	return nil
}

// textsOf is every string the objects show: labels, canvas texts, entries,
// radio selections, buttons, checks and rich text.
func textsOf(objs []fyne.CanvasObject) []string {
	var out []string
	for _, o := range objs {
		switch v := o.(type) {
		case *widget.Label:
			out = append(out, v.Text)
		case *fynecanvas.Text:
			out = append(out, v.Text)
		case *widget.Entry:
			out = append(out, v.Text)
		case *noteEntry:
			out = append(out, v.Text)
		case *keyRadio:
			out = append(out, v.Selected)
		case *widget.Button:
			out = append(out, v.Text)
		case *keyButton:
			out = append(out, v.Text)
		case *widget.Check:
			out = append(out, v.Text)
		case *keyCheck:
			out = append(out, v.Text)
		case *keyEntry:
			out = append(out, v.Text)
		case *widget.RichText:
			out = append(out, v.String())
		}
	}
	return out
}

func sliderValues(objs []fyne.CanvasObject) []int {
	var out []int
	for _, o := range objs {
		switch v := o.(type) {
		case *spectrumSlider:
			out = append(out, int(v.Value))
		case *widget.Slider:
			out = append(out, int(v.Value))
		}
	}
	return out
}

var number = regexp.MustCompile(`\d+`)

// checkNoLeak fails if any shown text carries one of the forbidden values as
// a number of its own, or a forbidden phrase, or a slider shows a forbidden
// value.
func checkNoLeak(t *testing.T, where string, objs []fyne.CanvasObject, values []int, phrases []string) {
	t.Helper()
	seen := map[string]bool{}
	for _, tx := range textsOf(objs) {
		if seen[tx] {
			continue
		}
		seen[tx] = true
		for _, n := range number.FindAllString(tx, -1) {
			v, _ := strconv.Atoi(n)
			if slices.Contains(values, v) {
				t.Errorf("%s: %q shows %d, another participant's hidden value", where, tx, v)
			}
		}
		for _, p := range phrases {
			if p != "" && strings.Contains(tx, p) {
				t.Errorf("%s: %q shows another participant's rationale %q", where, tx, p)
			}
		}
	}
	for _, v := range sliderValues(objs) {
		if slices.Contains(values, v) {
			t.Errorf("%s: a slider sits at %d, another participant's hidden value", where, v)
		}
	}
}

func hasText(texts []string, want string) bool { return slices.Contains(texts, want) }

func containsText(texts []string, part string) bool {
	for _, tx := range texts {
		if strings.Contains(tx, part) {
			return true
		}
	}
	return false
}

func names(s *canvas.Session) []string {
	var out []string
	for _, p := range s.Participants {
		out = append(out, p.Name)
	}
	return out
}

// addPeople adds participants through the Participants tab: the name and
// role entries and the Add button (or Return in the role entry).
func addPeople(t *testing.T, u *UI, people ...[2]string) {
	t.Helper()
	e := u.editor
	e.tabs.SelectIndex(1)
	add := buttonIn(t, e.people.content, "Add")
	for _, p := range people {
		test.Type(e.people.name, p[0])
		if p[1] != "" {
			test.Type(e.people.role, p[1])
		}
		test.Tap(add)
	}
}

// personButtons returns the up, down, edit and delete buttons of the
// participant whose row label starts with name.
func personButtons(t *testing.T, e *editor, name string) (up, down, edit, del *widget.Button) {
	t.Helper()
	for _, row := range e.people.list.Objects {
		labels := renderedOf[*widget.Label](row)
		if len(labels) == 0 || !strings.HasPrefix(labels[0].Text, name) {
			continue
		}
		for _, b := range buttonsIn(row) {
			if b.Icon == nil {
				continue
			}
			switch b.Icon.Name() {
			case theme.MoveUpIcon().Name():
				up = b
			case theme.MoveDownIcon().Name():
				down = b
			case theme.DocumentCreateIcon().Name():
				edit = b
			case theme.DeleteIcon().Name():
				del = b
			}
		}
		if up == nil || down == nil || edit == nil || del == nil {
			t.Fatalf("row of %s lacks a button", name)
		}
		return
	}
	t.Fatalf("no participant row for %q", name)
	return
}

// listedPeople is the participant labels the Participants tab renders, in order.
func listedPeople(e *editor) []string {
	var out []string
	for _, row := range e.people.list.Objects {
		if labels := renderedOf[*widget.Label](row); len(labels) > 0 {
			out = append(out, labels[0].Text)
		}
	}
	return out
}

type pair struct {
	colour int
	shape  canvas.Shape
}

func checkDistinctMarkers(t *testing.T, s *canvas.Session) {
	t.Helper()
	seen := map[pair]string{}
	for i, p := range s.Participants {
		k := pair{p.Colour, p.Shape}
		if other, ok := seen[k]; ok {
			t.Errorf("%s and %s share colour %d and shape %s", other, p.Name, p.Colour, p.Shape)
		}
		seen[k] = p.Name
		m := canvas.MarkerStyle(s, i, canvas.Point{})
		if m.Colour != canvas.ParticipantColour(p.Colour) || m.Shape != p.Shape {
			t.Errorf("%s is drawn as %v %s, want palette colour %d %s", p.Name, m.Colour, m.Shape, p.Colour, p.Shape)
		}
	}
}

func TestParticipantsAddRenameReorderRemoveUndo(t *testing.T) {
	u, st := startFacilitation(t, filepath.Join(t.TempDir(), "f.db"))
	defer st.Close()
	if err := u.createSession(canvas.TemplateQuick, "Equipo", "Nubia CRM", "Marta"); err != nil {
		t.Fatal(err)
	}
	e := u.editor
	s := e.s
	c := u.Window().Canvas()

	addPeople(t, u, [2]string{"Ana García", "Ventas"}, [2]string{"李伟", "产品经理"})
	// The third by keyboard: Add leaves the focus in the name entry, and
	// Return there adds.
	test.Type(e.people.name, "Sam")
	if c.Focused() != fyne.Focusable(e.people.name) {
		t.Fatalf("after Add the focus is on %T, want the name entry", c.Focused())
	}
	pressKey(c, fyne.KeyReturn)

	if got := strings.Join(names(s), ","); got != "Ana García,李伟,Sam" {
		t.Fatalf("participants %q", got)
	}
	if s.Participants[0].Role != "Ventas" || s.Participants[1].Role != "产品经理" || s.Participants[2].Role != "" {
		t.Errorf("roles %q %q %q", s.Participants[0].Role, s.Participants[1].Role, s.Participants[2].Role)
	}
	if e.people.name.Text != "" || e.people.role.Text != "" {
		t.Errorf("entries not cleared after Add: %q %q", e.people.name.Text, e.people.role.Text)
	}
	if got := strings.Join(listedPeople(e), "|"); got != "Ana García · Ventas|李伟 · 产品经理|Sam" {
		t.Errorf("the tab lists %q", got)
	}
	// Colour i and shape i for the first three.
	want := []pair{{0, canvas.ShapeCircle}, {1, canvas.ShapeSquare}, {2, canvas.ShapeTriangle}}
	for i, p := range s.Participants {
		if (pair{p.Colour, p.Shape}) != want[i] {
			t.Errorf("%s has colour %d shape %s, want %v", p.Name, p.Colour, p.Shape, want[i])
		}
	}
	checkDistinctMarkers(t, s)
	swatches := renderedOf[*markerSwatch](e.people.list)
	if len(swatches) != 3 || swatches[1].m.Shape != canvas.ShapeSquare || swatches[2].m.Colour != canvas.ParticipantColour(2) {
		t.Errorf("swatches do not show each participant's marker: %d", len(swatches))
	}

	// Rename through the edit dialog.
	_, _, edit, _ := personButtons(t, e, "Sam")
	test.Tap(edit)
	dlg := c.Overlays().Top()
	if dlg == nil {
		t.Fatal("edit opened no dialog")
	}
	entries := entriesIn(dlg)
	if len(entries) != 2 || entries[0].Text != "Sam" {
		t.Fatalf("edit dialog entries %d, first %q", len(entries), entries[0].Text)
	}
	entries[0].SetText("Sam Okafor")
	entries[1].SetText("Diseño")
	test.Tap(buttonIn(t, dlg, "Save"))
	if c.Overlays().Top() != nil {
		t.Error("the edit dialog is still open")
	}
	if p := s.Participants[2]; p.Name != "Sam Okafor" || p.Role != "Diseño" {
		t.Errorf("after edit: %q %q", p.Name, p.Role)
	}
	if got := listedPeople(e); len(got) != 3 || got[2] != "Sam Okafor · Diseño" {
		t.Errorf("the tab lists %q after the rename", got)
	}

	// Reorder: Sam up, then Ana down.
	up, _, _, _ := personButtons(t, e, "Ana García")
	if !up.Disabled() {
		t.Error("the first participant can move up")
	}
	_, down, _, _ := personButtons(t, e, "Sam Okafor")
	if !down.Disabled() {
		t.Error("the last participant can move down")
	}
	up, _, _, _ = personButtons(t, e, "Sam Okafor")
	test.Tap(up)
	if got := strings.Join(names(s), ","); got != "Ana García,Sam Okafor,李伟" {
		t.Fatalf("after Sam up: %q", got)
	}
	_, down, _, _ = personButtons(t, e, "Ana García")
	test.Tap(down)
	if got := strings.Join(names(s), ","); got != "Sam Okafor,Ana García,李伟" {
		t.Fatalf("after Ana down: %q", got)
	}
	if got := strings.Join(listedPeople(e), "|"); got != "Sam Okafor · Diseño|Ana García · Ventas|李伟 · 产品经理" {
		t.Errorf("the tab lists %q after reordering", got)
	}

	// Ana places markers in a recorded round (only her values are typed).
	keys := []string{"customer", "value"}
	u.beginRound(canvas.RoundRecord, keys)
	grid := renderedOf[*editEntry](u.Window().Content())
	if len(grid) != 6 {
		t.Fatalf("record grid has %d entries, want 6", len(grid))
	}
	test.Type(grid[1], "33") // customer, Ana (second in order)
	test.Type(grid[4], "66") // value, Ana
	test.Tap(buttonIn(t, u.Window().Content(), "Reveal"))
	if u.Window().Content() != e.content {
		t.Fatal("reveal did not return to the editor")
	}
	e.tabs.SelectIndex(1)
	anaID := s.Participants[1].ID
	anaPlacements := slices.Clone(s.Placements)
	if len(anaPlacements) != 2 || anaPlacements[0].Participant != anaID || anaPlacements[1].Participant != anaID {
		t.Fatalf("placements %+v, want Ana's two", anaPlacements)
	}

	// Sam has no placements: removed at once, no question asked.
	_, _, _, del := personButtons(t, e, "Sam Okafor")
	test.Tap(del)
	if c.Overlays().Top() != nil {
		t.Fatal("removing a participant without placements asked for confirmation")
	}
	if got := strings.Join(names(s), ","); got != "Ana García,李伟" {
		t.Fatalf("after removing Sam: %q", got)
	}
	if got := strings.Join(listedPeople(e), "|"); got != "Ana García · Ventas|李伟 · 产品经理" {
		t.Errorf("the tab lists %q after removing Sam", got)
	}

	// Ana has placements: a confirmation first; No keeps her.
	_, _, _, del = personButtons(t, e, "Ana García")
	test.Tap(del)
	dlg = c.Overlays().Top()
	if dlg == nil {
		t.Fatal("removing a participant with placements did not ask")
	}
	if !containsText(textsOf(rendered(dlg)), "Ana García has placed markers") {
		t.Errorf("the confirmation says %q", textsOf(rendered(dlg)))
	}
	test.Tap(buttonIn(t, dlg, "No"))
	if len(s.Participants) != 2 || len(s.Placements) != 2 {
		t.Fatalf("No removed something: %q, %d placements", names(s), len(s.Placements))
	}
	_, _, _, del = personButtons(t, e, "Ana García")
	test.Tap(del)
	test.Tap(buttonIn(t, c.Overlays().Top(), "Yes"))
	if got := strings.Join(names(s), ","); got != "李伟" {
		t.Fatalf("after removing Ana: %q", got)
	}
	if len(s.Placements) != 0 {
		t.Errorf("Ana's placements are still there: %+v", s.Placements)
	}

	// Ctrl+Z puts her back first, with her placements.
	c.(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutUndo{})
	if got := strings.Join(names(s), ","); got != "Ana García,李伟" {
		t.Fatalf("after undo: %q (Ana was first)", got)
	}
	if s.Participants[0].ID != anaID || s.Participants[0].Role != "Ventas" {
		t.Errorf("undo restored %+v", s.Participants[0])
	}
	if !slices.Equal(s.Placements, anaPlacements) {
		t.Errorf("placements after undo %+v, want %+v", s.Placements, anaPlacements)
	}
	if got := strings.Join(listedPeople(e), "|"); got != "Ana García · Ventas|李伟 · 产品经理" {
		t.Errorf("the tab lists %q after undo", got)
	}
	checkDistinctMarkers(t, s)

	// A newcomer added after a removal may take the removed person's free
	// marker; undoing the addition and then the removal must leave every
	// marker distinct, and redoing both gives the same again.
	_, _, _, del = personButtons(t, e, "李伟")
	test.Tap(del)
	addPeople(t, u, [2]string{"Dana", ""})
	c.(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutUndo{})
	c.(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutUndo{})
	if got := strings.Join(names(s), ","); got != "Ana García,李伟" {
		t.Fatalf("after undoing Dana and the removal: %q", got)
	}
	checkDistinctMarkers(t, s)
	c.(fyne.Shortcutable).TypedShortcut(&fyne.ShortcutRedo{})
	c.(fyne.Shortcutable).TypedShortcut(redoShiftZ)
	if got := strings.Join(listedPeople(e), "|"); got != "Ana García · Ventas|Dana" {
		t.Fatalf("after redoing both the tab lists %q", got)
	}
	checkDistinctMarkers(t, s)
}

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

func TestRecordRoundGrid(t *testing.T) {
	u, st := startFacilitation(t, filepath.Join(t.TempDir(), "f.db"))
	defer st.Close()
	if err := u.createSession(canvas.TemplateQuick, "Votos", "Nubia CRM", ""); err != nil {
		t.Fatal(err)
	}
	e := u.editor
	s := e.s
	addPeople(t, u, [2]string{"Ana García", "Ventas"}, [2]string{"李伟", "产品经理"}, [2]string{"Sam", ""})
	keys := []string{"customer", "value"}
	u.beginRound(canvas.RoundRecord, keys)

	content := u.Window().Content()
	texts := textsOf(rendered(content))
	for _, h := range []string{"Dimension", "Ana García", "李伟", "Sam", dimName(e.rows[0].dim), dimName(e.rows[5].dim)} {
		if !hasText(texts, h) {
			t.Errorf("record grid lacks %q", h)
		}
	}
	grid := renderedOf[*editEntry](content)
	if len(grid) != 6 {
		t.Fatalf("record grid has %d entries, want 2 dimensions × 3 people", len(grid))
	}
	typed := []string{"20", "85", "60", "10", "30", "95"} // customer: Ana Li Sam, value: Ana Li Sam
	for i, v := range typed {
		test.Type(grid[i], v)
	}
	for i, v := range typed {
		want, _ := strconv.Atoi(v)
		pl, ok := s.Placement(s.Participants[i%3].ID, keys[i/3])
		if !ok || pl.Value != want {
			t.Errorf("entry %d typed %s recorded %+v (%v)", i, v, pl, ok)
		}
	}
	if len(s.Round.Done) != 3 {
		t.Errorf("done %v, want all three", s.Round.Done)
	}

	// Back in the editor nothing individual shows yet.
	test.Tap(buttonIn(t, content, "Back to the editor"))
	if got := e.rows[0].stats.Text; got != "3 markers placed · hidden until the reveal" {
		t.Errorf("customer stats before the reveal %q", got)
	}
	l := canvas.LayoutChart(s, canvas.ChartOptions{Width: float64(e.chart.Size().Width), Participants: true})
	if len(l.Rows[0].Markers)+len(l.Rows[5].Markers) != 0 {
		t.Error("recorded values are on the chart before the reveal")
	}
	if !strings.HasPrefix(e.bannerTx.Text, "Recorded round in progress") {
		t.Errorf("banner %q", e.bannerTx.Text)
	}

	// Continuing shows the grid again with what was typed.
	test.Tap(buttonIn(t, e.banner, "Continue round"))
	content = u.Window().Content()
	grid = renderedOf[*editEntry](content)
	var got []string
	for _, g := range grid {
		got = append(got, g.Text)
	}
	if !slices.Equal(got, typed) {
		t.Errorf("grid after continuing %q, want %q", got, typed)
	}
	test.Tap(buttonIn(t, content, "Reveal"))
	if u.Window().Content() != e.content {
		t.Fatal("Reveal did not open the editor")
	}
	if got := e.rows[0].stats.Text; got != "3 placed · 20–85 · median 60 · mean 55 · spread 65" {
		t.Errorf("customer stats %q", got)
	}
	if got := e.rows[5].stats.Text; got != "3 placed · 10–95 · median 30 · mean 45 · spread 85" {
		t.Errorf("value stats %q", got)
	}
	if got0, got5 := e.rows[0].value.Text+" "+e.rows[0].agreement.status.Text, e.rows[5].value.Text+" "+e.rows[5].agreement.status.Text; got0 != "~60 median, not agreed" || got5 != "~30 median, not agreed" {
		t.Errorf("rows say %q %q, want the medians 60 30 as proposals", got0, got5)
	}
	l = canvas.LayoutChart(s, canvas.ChartOptions{Width: float64(e.chart.Size().Width), Participants: true})
	if len(l.Rows[0].Markers) != 3 || len(l.Rows[5].Markers) != 3 || len(l.Rows[1].Markers) != 0 {
		t.Errorf("chart markers %d %d %d, want 3 3 0", len(l.Rows[0].Markers), len(l.Rows[5].Markers), len(l.Rows[1].Markers))
	}
}

// recordAndReveal runs a recorded round on keys with values[dim][person]
// and reveals it.
func recordAndReveal(t *testing.T, u *UI, keys []string, values [][]int) {
	t.Helper()
	u.beginRound(canvas.RoundRecord, keys)
	grid := renderedOf[*editEntry](u.Window().Content())
	if len(grid) != len(keys)*len(u.editor.s.Participants) {
		t.Fatalf("record grid has %d entries", len(grid))
	}
	k := 0
	for _, row := range values {
		for _, v := range row {
			test.Type(grid[k], strconv.Itoa(v))
			k++
		}
	}
	test.Tap(buttonIn(t, u.Window().Content(), "Reveal"))
	if u.Window().Content() != u.editor.content || !u.editor.s.PlacementsVisible() {
		t.Fatal("the recorded round was not revealed")
	}
}

// settings opens the settings dialog, lets edit change it and saves.
func settings(t *testing.T, u *UI, edit func(threshold, minutes *widget.Entry, anon *widget.Check, scope *keyRadio)) {
	t.Helper()
	u.settingsDialog()
	dlg := u.Window().Canvas().Overlays().Top()
	if dlg == nil {
		t.Fatal("no settings dialog")
	}
	entries := renderedOf[*keyEntry](dlg)
	checks := renderedOf[*keyCheck](dlg)
	radios := renderedOf[*keyRadio](dlg)
	if len(entries) != 2 || len(checks) != 1 || len(radios) != 1 {
		t.Fatalf("settings dialog has %d entries, %d checks, %d radios", len(entries), len(checks), len(radios))
	}
	edit(&entries[0].Entry, &entries[1].Entry, &checks[0].Check, radios[0])
	test.Tap(buttonIn(t, dlg, "Save"))
	if u.Window().Canvas().Overlays().Top() != nil {
		t.Fatal("the settings dialog did not close on Save")
	}
}

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
