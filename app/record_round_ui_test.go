package app

import (
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

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
