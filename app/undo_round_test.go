package app

import (
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"github.com/fulcrum-workshop/fulcrum/canvas"
)

// Undo and redo of a round's steps, and where undo is off in a round.

// A round step is undone like any other change: undoing the reveal puts
// the round back in progress, undoing its start brings back the
// placements it cleared.
func TestUndoRedoRoundSteps(t *testing.T) {
	u, _, e := newUndoSession(t)
	addPeople(t, u, [2]string{"Ana", ""}, [2]string{"Luis", ""})
	keys := []string{e.rows[0].dim.Key}
	recordAndReveal(t, u, keys, [][]int{{20, 80}})
	if e.banner.Visible() || !strings.Contains(e.rows[0].stats.Text, "median 50") {
		t.Fatalf("after the reveal: banner %v, stats %q", e.banner.Visible(), e.rows[0].stats.Text)
	}
	undoKey(u) // the reveal
	if !e.banner.Visible() || !strings.Contains(e.rows[0].stats.Text, "hidden until the reveal") {
		t.Errorf("undoing the reveal: banner %v, stats %q", e.banner.Visible(), e.rows[0].stats.Text)
	}
	if u.Window().Content() != e.content {
		t.Error("undo left the editor")
	}
	redoKey(u)
	if e.banner.Visible() || !strings.Contains(e.rows[0].stats.Text, "median 50") {
		t.Errorf("redoing the reveal: banner %v, stats %q", e.banner.Visible(), e.rows[0].stats.Text)
	}

	// A second round clears the first one's placements; undoing its start
	// brings them back.
	u.beginRound(canvas.RoundRecord, keys)
	if len(e.s.Placements) != 0 {
		t.Fatalf("the new round kept %d placements", len(e.s.Placements))
	}
	u.backToEditor()
	undoKey(u)
	if len(e.s.Placements) != 2 || e.banner.Visible() || !strings.Contains(e.rows[0].stats.Text, "median 50") {
		t.Errorf("undoing the start: %d placements, banner %v, stats %q", len(e.s.Placements), e.banner.Visible(), e.rows[0].stats.Text)
	}
}

// On the record-votes grid an undo redraws the cells.
func TestUndoOnRecordGrid(t *testing.T) {
	u, _, e := newUndoSession(t)
	addPeople(t, u, [2]string{"Ana", ""}, [2]string{"Luis", ""})
	u.beginRound(canvas.RoundRecord, []string{e.rows[0].dim.Key})
	grid := renderedOf[*editEntry](u.Window().Content())
	c := u.Window().Canvas()
	c.Focus(grid[0])
	test.Type(grid[0], "42")
	c.Focus(grid[1]) // the cell's edit is finished
	test.Type(grid[1], "7")
	undoKey(u)
	if grid[1].Text != "" || grid[0].Text != "42" {
		t.Errorf("after one undo the cells show %q %q, want 42 and nothing", grid[0].Text, grid[1].Text)
	}
	undoKey(u)
	if grid[0].Text != "" || len(e.s.Placements) != 0 {
		t.Errorf("after two undos the first cell shows %q, %d placements", grid[0].Text, len(e.s.Placements))
	}
	redoKey(u)
	if grid[0].Text != "42" {
		t.Errorf("redo shows %q", grid[0].Text)
	}
	// Undoing the round's start ends the grid: back to the editor.
	undoKey(u)
	undoKey(u)
	if u.Window().Content() != e.content || e.s.Round != nil {
		t.Errorf("undoing the start left the grid on screen (round %+v)", e.s.Round)
	}
}

// In a blind round undo is off on the hand-over and private screens: it
// could open the previous person's turn in front of the next person.
func TestNoUndoOnBlindScreens(t *testing.T) {
	u, _, e := newUndoSession(t)
	addPeople(t, u, [2]string{"Ana", ""}, [2]string{"Luis", ""})
	u.beginRound(canvas.RoundBlind, []string{e.rows[0].dim.Key})
	handover := u.Window().Content()
	if !editMenuItem(t, u, "Undo").Disabled {
		t.Error("Undo is enabled on the hand-over screen")
	}
	undoKey(u)
	if e.s.Round == nil || u.Window().Content() != handover {
		t.Fatal("Ctrl+Z undid something on the hand-over screen")
	}
	u.backToEditor()
	if editMenuItem(t, u, "Undo").Disabled {
		t.Error("Undo stays disabled back in the editor")
	}
	undoKey(u) // the round's start, with Ana announced as first
	if e.s.Round != nil || e.banner.Visible() {
		t.Errorf("in the editor the round's start was not undone: %+v", e.s.Round)
	}
}

// A late arrival joins the round in progress (a canvas rule now, not the
// participants tab's): the banner counts them, and the record grid on
// screen gains their column; undo takes them out again.
func TestLateArrivalJoinsTheRound(t *testing.T) {
	u, _, e := newUndoSession(t)
	addPeople(t, u, [2]string{"Ana", ""}, [2]string{"Luis", ""})
	keys := []string{e.rows[0].dim.Key, e.rows[1].dim.Key}
	u.beginRound(canvas.RoundRecord, keys)
	if n := len(renderedOf[*editEntry](u.Window().Content())); n != 4 {
		t.Fatalf("the grid has %d cells, want 4", n)
	}
	// Applied while the grid shows, as a phone will.
	e.apply("Add participant", canvas.AddParticipant{Name: "Pat"})
	if n := len(renderedOf[*editEntry](u.Window().Content())); n != 6 {
		t.Errorf("after a late arrival the grid has %d cells, want 6", n)
	}
	u.backToEditor()
	addPeople(t, u, [2]string{"Sol", ""})
	if !strings.Contains(e.bannerTx.Text, "0 of 4 have placed") {
		t.Errorf("the banner says %q", e.bannerTx.Text)
	}
	undoKey(u)
	undoKey(u)
	if !strings.Contains(e.bannerTx.Text, "0 of 2 have placed") || len(e.s.Round.Order) != 2 {
		t.Errorf("after undoing both arrivals the banner says %q", e.bannerTx.Text)
	}
	u.continueRound()
	if n := len(renderedOf[*editEntry](u.Window().Content())); n != 4 {
		t.Errorf("the grid has %d cells after the undos, want 4", n)
	}
}
